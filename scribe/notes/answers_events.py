"""Answers about what happened, as the clinician asked it in the visit: how the injury happened ("how did he
injure his back?" is answered by the reply to "what happened to your back?"), the age at a past event
("how old was she when she had her appendix out?" → "when i was 18", not her age today nor the day of the
injury), and whether the patient takes the medications as prescribed (the reply to "are you taking your
medications?", not "i monitor it regularly" of the blood pressure).
"""

from __future__ import annotations

import re

from scribe.notes.answers import CONCEPT_RX, Query, word_pattern
from scribe.notes.answers_guard import ADHERENCE
from scribe.notes.answers_kinds import unanswered
from scribe.notes.answers_search import Searcher
from scribe.notes.answers_values import spelled_values
from scribe.notes.answers_whose import RELATIVES
from scribe.notes.context_topics import TOPIC_RX, topics_of
from scribe.notes.reply_polarity import answer_polarity
from scribe.notes.text import clean
from scribe.schemas_docs import Answered

HOW_HAPPENED_Q = re.compile(
    r"\bhow did (?:he|she|you|they|it|this|that) (?:\w+ )?(?:injur\w*|hurt|happen|break|fall|get (?:hurt|injured))|"
    r"\bwhat (?:was|were) (?:he|she|you|they) doing\b|\bwhat happened\b|\bmechanism of injury\b|"
    r"\bcomment (?:s'est-(?:il|elle)|vous êtes-vous|est-ce qu'(?:il|elle) s'est) (?:\w+ )?(?:bless\w*|fait mal)|"
    r"\bcomment (?:c'est|ça s'est|est-ce) (?:arrivé|passé|produit)|\bque s'est-il passé\b|"
    r"\bqu'est-ce qui s'est passé\b|\bcirconstances?\b|\bque faisait-(?:il|elle)\b",
    re.I,
)
# the clinician asking it in the visit: "tell me what happened", "what did you do?", "que s'est-il passé ?"
_HAPPENED_ASKED = re.compile(
    r"\bwhat happened\b|\btell me (?:about )?(?:what happened|how)\b|\bhow did (?:it|this|that|you) (?:happen|hurt|"
    r"injure|do (?:it|that|this))\b|\bwhat were you doing\b|\bwhat did you do\b|\bque s'est-il passé\b|"
    r"\bqu'est-ce qui s'est passé\b|\bcomment (?:c'est|ça s'est|est-ce) (?:arrivé|passé|produit)\b|"
    r"\bqu'est-ce que vous faisiez\b",
    re.I,
)
# the age of someone else: "how old are her children?" is not the patient's age
_AGE_Q = re.compile(r"\bhow old\b|\bquel âge\b|\bâges?\b|\bages?\b", re.I)
_AGES = re.compile(r"\b(\d{1,3}(?:\s*(?:et|and|,|ou|or)\s*\d{1,3})?)\s*(?:ans\b|years?(?:[- ]old)?\b)", re.I)
AGE_AT_Q = re.compile(r"\bhow old\b[^?]*\bwhen\b|\bat what age\b|\bà quel âge\b", re.I)
_AGE_AT = re.compile(
    r"\bwhen (?:i|he|she) was (?:about |around )?(\d{1,3})\b|\bat (?:the )?age (?:of )?(\d{1,3})\b|"
    r"\bquand (?:j'avais|il avait|elle avait) (\d{1,3}) ans\b|\bà (?:l'âge de )?(\d{1,3}) ans\b",
    re.I,
)
# "are you taking your medications?" "yes, i am": the question on adherence, asked without its words
_TAKING_ASKED = re.compile(
    r"\b(?:are|have) you (?:been )?taking (?:all )?(?:your|the|them|it)\b(?: (?:\w+ )?(?:medications?|meds|medicines?|"
    r"pills))?|\bprenez-vous (?:bien )?(?:votre|vos|le|les)\b|\bvous (?:le |les )?prenez bien\b",
    re.I,
)


# "what did the neck x-ray show?", "qu'a montré l'IRM ?": what a test found, said where the test is named
RESULT_Q = re.compile(
    r"^\W*(?:what|qu'|que)\b.*\b(?:show|showed|reveal\w*|find|found|montr[ée]\w*|trouv[ée]\w*)\b|"
    r"\bresults? of\b|\brésultats? d[eu']",
    re.I,
)
_TESTS = ("x-ray", "mri", "ct scan", "ultrasound", "echocardiogram", "ekg", "colonoscopy", "mammogram", "stress test")
_PLAN = re.compile(
    r"\b(?:order\w*|schedul\w*|will|we'll|gon na|going to|want to|wan na|need to|would like|refer\w*|set you up|"
    r"get (?:a|an|another|you)|show me|prescri\w*|update|repeat)\b|^\W*(?:what|did|do|does|is|are|have|has|any)\b",
    re.I,
)
_FOUND = re.compile(
    r"\b(?:shows?|showed|showing|reveal\w*|looks?|looked|normal|fine|unremarkable|no (?:evidence|signs?)|"
    r"negative|positive|fractures?|arthritis|degenerat\w*|there (?:is|was|are|were|'s)|there's|"
    r"you (?:do )?(?:seem to )?have|montre\w*|normale?s?|pas de)\b",
    re.I,
)


_HAD_Q = re.compile(r"^\W*(?:has|have|had|did|a-t-(?:il|elle)|avez-vous|est-ce qu'(?:il|elle) a)\b", re.I)


class EventAnswers(Searcher):
    """How it happened, the age at an event, adherence: on one consultation's reader and facts."""

    def event(self, query: Query) -> Answered | None:
        """The answer to a question of these kinds, "not answered" when the visit did not give it, or None
        when the question is of none of them."""
        whose = [CONCEPT_RX["children"]] if "children" in query.concepts else []
        whose += [word_pattern(m.group(0)) for m in RELATIVES.finditer(query.text)]
        if AGE_AT_Q.search(query.text):  # a relative's disease and its age: the family history's (answers_kinds)
            return (
                None if whose and any(c.startswith("condition:") for c in topics_of(query.text)) else self.age_at(query)
            )
        if _AGE_Q.search(query.text) and whose:
            return self.relative_age(query, whose)
        if HOW_HAPPENED_Q.search(query.text):
            return self.how_happened(query)
        tests = [CONCEPT_RX[c] for c in query.concepts if c in _TESTS]
        if RESULT_Q.search(query.text) and tests:
            return self.result(query, tests)
        if tests and query.intent == "yesno" and _HAD_Q.match(query.text):  # "has he had an x-ray of the knee?"
            found = self.result(query, tests)  # the clinician reporting what it showed says it was done
            if found.answered:
                found.value = "yes"
                return found
        return None

    def result(self, query: Query, tests: list[re.Pattern]) -> Answered:
        """What the test showed: the sentence that names it with a finding, or the next one of the same turn
        ("so this is an x-ray of your lumbar spine. there's good bony alignment"); not the order of one."""
        sents = self.reader.sents
        for k, s in enumerate(sents):
            if not all(rx.search(s.text) for rx in tests) or _PLAN.search(s.text):
                continue
            nxt = k + 1 if k + 1 < len(sents) and sents[k + 1].seg_index == s.seg_index else None
            named = max(m.end() for rx in tests for m in rx.finditer(s.text))  # what is said after the test
            for j in [k] + ([nxt] if nxt is not None else []):
                said = s.text[named:] if j == k else sents[j].text  # not "… looks good. i know you did a chest x-ray"
                if _FOUND.search(said) and not _PLAN.search(sents[j].text):
                    said = clean(sents[j].text)
                    found = self._answer(query, said, [j], topic=query.concepts[0])
                    found.answer = found.value = said
                    return found
        return unanswered(query.concepts[0])

    def age_at(self, query: Query) -> Answered:
        event = re.split(r"\bwhen\b|\bquand\b|\bà quel âge\b|\bat what age\b", query.text, maxsplit=1, flags=re.I)[-1]
        anchors = self.word_anchors(Query(event, query.language, "value"))  # the event's words: "appendix"
        for asking, answering, text, _wider in self.units() if anchors else []:
            m = _AGE_AT.search(spelled_values(text))  # "when i was about six"
            if m and all(rx.search(text) for rx in anchors) and self._said_by_patient(asking, answering):
                age = next(g for g in m.groups() if g)
                return self._answer(query, age, asking + answering, topic="age")
        return unanswered("age")

    def relative_age(self, query: Query, whose: list[re.Pattern]) -> Answered:
        """The age said of the relative the question names ("j'ai 2 enfants : ils ont 7 et 9 ans")."""
        for asking, answering, text, _wider in self.units():
            m = _AGES.search(text)
            if m and any(rx.search(text) for rx in whose) and self._said_by_patient(asking, answering):
                return self._answer(query, m.group(1), asking + answering, topic="age")
        return unanswered("age")

    def confirmed(self, query: Query, rx: re.Pattern, about: re.Pattern, topic: str) -> Answered | None:
        """What the clinician says of it (rx, with `about` in the same question) and the patient confirms: "so in
        the area of your mid abdomen, just below the belly button?" "correct." """
        for asking, answering, _text, _wider in self.units():
            asked = self.asked_text(asking)
            m = rx.search(asked) if asking and answering and about.search(asked) else None
            if m and self.reader.is_pat(answering[0]) and answer_polarity(self._reply(answering)) == "yes":
                said = re.split(r"[?.!]", asked[m.start() :])[0].strip(" ,")  # "just below the belly button"
                found = self._answer(query, said, asking + answering, topic=topic)
                found.answer = found.value = said
                return found
        return None

    def how_happened(self, query: Query) -> Answered:
        for asking, answering, _text, _wider in self.units():
            if not asking or not answering or not _HAPPENED_ASKED.search(self.asked_text(asking)):
                continue
            replies = [k for k in answering if self.reader.is_pat(k)]
            reply = clean(" ".join(self.reader.sents[k].text for k in replies))
            if len(reply.split()) >= 3:  # "okay." tells nothing of what happened
                found = self._answer(query, reply, asking + replies, topic="history")
                found.answer = found.value = reply
                return found
        return unanswered("history")

    def adherence(self, query: Query) -> Answered:
        """Whether the drugs are taken as prescribed: an exchange on the drugs with the words of adherence,
        else the reply to "are you taking your medications?"."""
        meds = TOPIC_RX["medications"]
        found = self._search(query, [ADHERENCE, meds], qa_only=True)
        return found or self._search(query, [], asking_rx=_TAKING_ASKED, qa_only=True) or unanswered("medications")
