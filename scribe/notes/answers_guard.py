"""What an answer must hold before the assistant says "already answered", early in a visit above all, where a
wrong "answered" makes the clinician skip a question nobody asked yet (docs/assistant.md):

- a question that offers its answers ("is the cough dry or productive?", "la toux est-elle sèche ou
  grasse ?") is answered by the reply that says which, not by the cough being mentioned;
- a question on an earlier episode ("has he had a tick bite before?") is not answered by today's complaint:
  the exchange must be about the past ("ever", "before", "when I was younger");
- a yes/no the facts give of a finding holds only where the question's other words are said with it
  ("did the pain start suddenly?" is not answered by "I have a stomach ache").
"""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.answers import CONCEPT_RX, Query, content_words, word_pattern
from scribe.notes.answers_kinds import unanswered
from scribe.notes.answers_search import Searcher, labels_in, same_finding
from scribe.notes.answers_terms import translations
from scribe.notes.context_topics import TOPIC_RX
from scribe.notes.facts.reader import NEGATION_NEAR
from scribe.notes.reply_polarity import answer_polarity
from scribe.schemas_docs import Answered, Fact

# "is the cough dry or productive?", "la douleur est-elle constante ou intermittente ?" (not "is there X or Y?",
# nor "does she have nausea or vomiting?": a yes/no on either)
_CHOICE = re.compile(
    r"^(?:is|are|was|were)\b(?! there\b)[^?]*?\b([a-zà-ÿ-]{3,}) or ([a-zà-ÿ-]{3,})\W*$|"
    r"\b(?:est-(?:il|elle)|c'est)\b[^?]*?\b([a-zà-ÿ-]{3,}) ou ([a-zà-ÿ-]{3,})\W*$",
    re.I,
)
_SIDES = re.compile(r"^(?:left|right|droite?|gauche)$", re.I)
# "has he been taking his medication regularly?" asks whether, not what he takes
ADHERENCE = re.compile(
    r"\b(?:regularly|consistently|as prescribed|every day|miss(?:ed|ing)? (?:any )?doses?|régulièrement|"
    r"tous les jours|oubli\w*)\b",
    re.I,
)
# "before" of an event ("what did she eat before the pain?") is not an earlier episode
EARLIER_Q = re.compile(
    r"\b(?:previous(?:ly)?|in the past|ever|déjà|auparavant)\b|"
    r"\b(?:before|prior|avant)\b(?!\s+(?:the|a|an|this|that|it|you|he|she|his|her|your|\w+ing|la|le|les|de|d'|l'|que))",
    re.I,
)
# what says the past in the exchange: "have you ever…", "when i was younger", "years ago", "il y a 2 ans"
_EARLIER_SAID = re.compile(
    rf"{EARLIER_Q.pattern}|\bwhen i was\b|\bused to\b|\b(?:years?|months?) ago\b|\bhistory of\b|\bil y a\b|"
    r"\bquand j'étais\b|\bautrefois\b|\bdans le passé\b",
    re.I,
)


# "oui une pizza": a thing named after the yes (not a sentence: "yes, i had just eaten")
_YES_THEN = re.compile(
    r"^\W*(?:yes|yeah|yep|oui|ouais|si)\b\W+"
    r"(?!(?:i|i'm|i've|je|j'|j’|it|it's|he|she|we|they|il|elle|on|c'est|ça|that|this|and|et|mais|but)\b)(\w.{2,})$",
    re.I,
)
# a test to come, said where a result is asked: "dans six à huit semaines, une radiographie de contrôle", "we'll
# repeat it", "if the x-ray shows pneumonia, i'll add …"
RESULT_LATER = re.compile(
    r"\b(?:dans|in) \w+(?: (?:à|to) \w+)? (?:jours|semaines|mois|days|weeks|months)\b|\bde contrôle\b|"
    r"\b(?:on va|je vais|we'll|we will|i'll) (?:faire|refaire|demander|do|get|repeat|order)\b|"
    r"\b(?:if|si) (?:the |your |le |la |l')?[\w-]+(?: [\w-]+)? (?:shows?|montre|comes back|revient)\b",
    re.I,
)
# a question on a treatment had before: what answers it says the treatment
_TREATED_Q = re.compile(r"\b(?:treated|treatment|traitée?s?|traitement)\b", re.I)
_TREATMENT = re.compile(
    r"\b(?:was|were|been|got|had it) treated\b|\b(?:took|had|given|got) (?:a course|antibiotics|treatment)\b|"
    r"\bété traitée?s?\b|\b(?:déjà eu|avait eu|aviez eu|j'ai eu) (?:un )?(?:traitement|antibiotiques?)\b",
    re.I,
)
_PLANNED = re.compile(r"\b(?:will|going to|gon na|scheduled|planned|prévue?|programmée?|va être)\b", re.I)


# a question that wants a thing ("what did she eat?", "qu'a-t-elle mangé ?"): a yes or a no does not answer it
_WANTS_A_THING = re.compile(r"^\W*(?:what|which|where|who|qu'|que\b|quoi|quel(?:le)?s?\b|où)", re.I)
_ASKS_A_THING = re.compile(r"\b(?:what|which|where|who|qu'est-ce|quoi|quel(?:le)?s?|où)\b", re.I)


# the offered answers clinicians use most, in the other language: "sèche ou grasse ?" of a "dry" cough
_ALSO = {
    "dry": "sèche|seche",
    "sèche": "dry",
    "seche": "dry",
    "productive": "grasse|wet|mucus|phlegm",
    "wet": "grasse|productive|mucus|phlegm",
    "grasse": "productive|wet|mucus|phlegm",
    "sharp": "aigu\\w*|pointu\\w*|stabbing",
    "dull": "sourde|ache|aching",
    "sourde": "dull|ache|aching",
    "intermittent": "com(?:e|es|ing) and go(?:es|ing)?|on and off|off and on|va et vient|par moments|intermitt\\w*",
    "constant": "all the time|continu\\w*|permanent\\w*|tout le temps|constamment",
}


# "constant or does it come and go?": the second answer offered as a phrase
_COMES_AND_GOES = re.compile(
    r"\b(?:does|do|is|are) (?:it|they) (?:come and go|coming and going|on and off)\b|"
    r"\bcom(?:e|es|ing) and go(?:es|ing)?\b|"
    r"\b(?:est-ce qu')?(?:elle|il|ça) va et vient\b|\bpar moments\b",
    re.I,
)


def choices(query: Query) -> list[str]:
    """The answers a question offers, if it offers some (sides are the side intent's)."""
    m = _CHOICE.search(_COMES_AND_GOES.sub("intermittent", query.text))
    alts = [w.lower() for w in (m.groups() if m else ()) if w]
    return [] if not alts or all(_SIDES.match(w) for w in alts) else alts


def _offered(word: str) -> re.Pattern:
    own = word_pattern(word).pattern
    return re.compile(rf"{own}|\b(?:{_ALSO[word]})\b" if word in _ALSO else own, re.I)


class Guards(Searcher):
    """The checks above, on one consultation's reader and facts."""

    def choice(self, query: Query) -> Answered | None:
        """The offered answer the patient's reply says (not negated), where the exchange is about what the
        question asks; "not answered" when no reply says one; None when the question offers nothing."""
        alts = choices(query)
        if not alts or self.reader is None:
            return None
        rxs = [_offered(w) for w in alts]
        labels = labels_in(query.text)
        for asking, answering, text, _wider in self.units():
            if not asking or not answering or not self.reader.is_pat(answering[0]):
                continue
            if not (any(rx.search(self.asked_text(asking)) for rx in rxs) or same_finding(labels_in(text), labels)):
                continue
            reply = self._reply(answering)
            said = [m for rx in rxs for m in rx.finditer(reply) if not NEGATION_NEAR.search(reply[: m.start()])]
            if said:  # the one said last: "at first it was coming and going, … now it's been a constant"
                m = max(said, key=lambda m: m.start())
                found = self._answer(query, m.group(0).lower(), asking + answering)
                found.answer = m.group(0).lower()
                return found
        return unanswered(next(iter(labels), None))

    def earlier(self, query: Query, found: Answered) -> Answered:
        """A "yes" to a question on an earlier episode stands only where the exchange speaks of the past;
        else the reply to a question that does ("have you ever had a tick bite before?" "when i was younger")."""
        said_yes = found.value == "yes" or found.answered and found.value is None and query.intent == "yesno"
        if not said_yes or not EARLIER_Q.search(query.text) or self.reader is None:
            return found  # (a yes the facts give has no value: "did she hurt her knee before?" of today's injury)
        if "surgery" in query.concepts and not _PLANNED.search(" ".join(e.quote for e in found.evidence)):
            return found  # an operation had is before today by itself ("j'ai été opérée des dents de sagesse")
        said = [self._unit_text(e.segment_id) for e in found.evidence]
        if _TREATED_Q.search(query.text) and not any(_TREATMENT.search(t) for t in said):
            return unanswered(found.topic)  # "has she been treated for h. pylori before?" of today's diagnosis
        if any(_EARLIER_SAID.search(t) for t in said):
            return found
        anchors, labels = self.word_anchors(query), labels_in(query.text)  # labels: either language
        again = self._search(query, anchors, asking_rx=EARLIER_Q, qa_only=True) if anchors else None
        if again is None and labels:
            again = self._search(query, [], asking_rx=EARLIER_Q, labels=labels, qa_only=True)
        return again or unanswered(found.topic)

    def thing(self, query: Query, found: Answered) -> Answered:
        """A question that wants a thing, answered by a reply that only says yes ("vous avez vomi après le
        repas ?" "effectivement, je venais de manger"): the reply to a question of the same kind on the same
        words instead ("qu'est-ce que vous avez mangé ?" "une pizza") where there is one."""
        if found.value != "yes" or not _WANTS_A_THING.match(query.text) or self.reader is None:
            return found
        replies = " ".join(e.quote for e in found.evidence if e.role == "patient")
        anchors = [CONCEPT_RX[c] for c in query.concepts] + self.word_anchors(query)
        if not anchors:
            return found
        named = self._yes_and_the_thing(query, anchors)  # "et hier vous avez mangé chez vous ?" "oui une pizza"
        if named is not None or answer_polarity(replies) != "yes":
            return named or found
        for asking, answering, text, _wider in self.units():
            asked = self.asked_text(asking)
            if asking and answering and _ASKS_A_THING.search(asked) and all(rx.search(text) for rx in anchors):
                reply = self._reply(answering)
                if self.reader.is_pat(answering[0]) and not answer_polarity(reply):
                    out = self._answer(query, reply, asking + answering)
                    out.answer = out.value = reply
                    return out
        return found

    def _yes_and_the_thing(self, query: Query, anchors: list[re.Pattern]) -> Answered | None:
        """The thing a reply names after its "yes" to a question on the same words."""
        for asking, answering, _text, _wider in self.units():
            asked = self.asked_text(asking)
            if not asking or not answering or not all(rx.search(asked) for rx in anchors):
                continue
            m = _YES_THEN.match(self._reply(answering))
            if m and self.reader.is_pat(answering[0]) and content_words(m.group(1)):
                out = self._answer(query, m.group(1).strip(" .,"), asking + answering)
                out.answer = out.value = m.group(1).strip(" .,")
                return out
        return None

    def condition_holds(self, query: Query, found: Answered) -> Answered:
        """A yes/no asked under a condition ("does it hurt when he bends over?") is answered where the condition
        is said with it: else by the exchange or the patient's words that say the question's words and the
        condition's ("it hurts to bend over"), or not at all ("did she hit her head when she fell?" is not
        answered by the fall)."""
        if not query.condition or not found.answered or self.reader is None:
            return found
        words = [word_pattern(w) for w in content_words(query.condition)]
        said = " ".join(self._unit_text(e.segment_id) for e in found.evidence)
        if all(rx.search(said) for rx in words):
            return found
        anchors = [CONCEPT_RX[c] for c in query.concepts] + [word_pattern(w) for w in content_words(query.text)]
        return self._search(query, anchors + words) or unanswered(found.topic)

    def _unit_text(self, segment_id: int | None) -> str:
        return " ".join(s.text for s in self.reader.sents if s.seg_index == segment_id)

    def words_hold(self, query: Query, topic: str, fs: list[Fact], cross: bool = False) -> bool:
        """The question's words besides its finding ("suddenly", "knee") are said where the facts were; asked
        in the other language, those whose translation is known ("blood in her vomit?" of "j'ai pas vomi")."""
        if self.reader is None or topic not in lexicon.SYMPTOM_BY_LABEL:
            return True  # a history's or a habit's facts are said in their own words ("cabg", "je fume")
        extra = self.extra_words(query, topic, cross)
        if not extra:
            return True
        said = " ".join(self._unit_text(e.segment_id) for f in fs for e in f.evidence)
        return all(rx.search(said) for rx in extra)

    @staticmethod
    def extra_words(query: Query, topic: str, cross: bool = False) -> list[re.Pattern]:
        """The question's words besides its finding ("suddenly" of "did the pain come on suddenly?"); asked in
        the other language, those whose translation is known."""
        text = TOPIC_RX[topic].sub(" ", query.text) if topic in TOPIC_RX else query.text
        for kind in ("symptom", "condition"):
            for start, end, _c in lexicon.find_concepts(kind, text):
                text = text[:start] + " " * (end - start) + text[end:]
        return [word_pattern(w) for w in content_words(text) if not cross or translations(w)]


# a lab or a measure the question names must be said with the answer: "what was his last LDL?" is not the "2" of
# "type 2 diabetes", "son débit de pointe avant la ventoline ?" is not how often she takes the ventoline
NAMED_LABS = [
    re.compile(rx, re.I)
    for rx in (
        r"\bldl\b|\bbad cholesterol\b|\bmauvais cholest[ée]rol\b",
        r"\bhdl\b|\bgood cholesterol\b|\bbon cholest[ée]rol\b",
        r"\btriglyc[ée]rides?\b",
        r"\b(?:nt-?pro-?)?bnp\b",
        r"\buric acid\b|\bacide urique\b|\buric[ée]mie\b|\burates?\b",
        r"\bferritin\w*",
        r"\bpsa\b",
        r"\binr\b",
        r"\btroponin\w*",
        r"\bcrp\b|\bc-reactive\b|\bprot[ée]ine c\b",
        r"\bpotassium\b|\bkali[ée]mie\b",
        r"\bsodium\b|\bnatr[ée]mie\b",
        r"\bvitamine? d\b",
        r"\bb12\b",
        r"\bd-?dim[eè]r\w*",
        r"\bantibod\w*|\banticorps\b|\btrab\b",
        r"\bt ?(?:4|four|quatre)\b|\bthyroxine\b",
        r"\bt ?(?:3|three|trois)\b",
        r"\bh[ée]moglobin\w*\b(?!\s*(?:a1c|a 1 c|glyqu|glyc))|\bhgb\b|\bhb\b(?!\s*a1c)",  # not the A1c
        r"\bcreatinine\b|\bcr[ée]atinin\w*",  # not a dose said "one fifty"
        r"\bpeak flow\b|\bd[ée]bit (?:expiratoire )?de pointe\b",
        r"\bplatelets?\b|\bplaquettes?\b",
        r"\bejection fraction\b|\bfraction d'[ée]jection\b|\bfevg\b|\blvef\b",
        r"\bgad-?\s?7\b|\bphq-?\s?9\b",
        r"\btsh\b",
    )
]

# a question of a value is no yes/no: "what fasting glucose target should she titrate to?" (not "quelle contraception
# prend-elle ?" "oui, la pilule")
_WH = re.compile(
    r"^\W*(?:what|which|quel\w*)\b[^?]*\b(?:target|goal|objecti\w*|cible|level|taux|value|valeur|dose|score)\b|"
    r"^\W*(?:how (?:much|many|often|long)|combien)\b",
    re.I,
)
# "how long before the breath test should she stop the omeprazole?" is not how long she has taken it
_BEFORE_ASKED = re.compile(
    r"\b(?:how long|combien de temps|how many (?:days|weeks))\b[^?]{0,20}\b(?:before|avant)\b", re.I
)
_BEFORE_SAID = re.compile(r"\b(?:before|avant|prior)\b", re.I)


def wrong_for_question(question: str, value: str) -> bool:
    """The value cannot be what the question asks: a yes or no to a value asked, a time since for a time before."""
    if value.lower() in ("yes", "no", "oui", "non") and _WH.match(question):
        return True
    return bool(_BEFORE_ASKED.search(question)) and not _BEFORE_SAID.search(value)
