"""The answer to a clinician's question with its value and its evidence: from the typed facts first
(medications with dose and frequency, family history with the relative: answers_kinds.py), then from the
transcript's sentences and question/answer pairs that mention every concept the question names, respect
its qualifiers and state the kind of value it asks for, then from what the patient says of their own
accord (a score out of 10, when it started, what makes it worse). Nothing found → "not answered": a wrong
"answered" would make the assistant skip a question that was never asked.
"""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.answers import (
    BODY_PARTS,
    CONCEPT_RX,
    INTENTS,
    MEASURE_RX,
    Query,
    content_words,
    qualifiers_hold,
    word_pattern,
)
from scribe.notes.answers_events import EventAnswers
from scribe.notes.answers_guard import Guards
from scribe.notes.answers_kinds import (
    REGULAR_Q,
    TAKEN_FOR_IT_ASKED,
    TAKEN_Q,
    TREATMENT,
    TRIED_Q,
    KindAnswers,
    unanswered,
)
from scribe.notes.answers_search import DETAIL, NOT_UNDERSTOOD, labels_in
from scribe.notes.answers_terms import translations
from scribe.notes.answers_values import SCORE, VALUE_RX
from scribe.notes.answers_whose import RELATIVES, allergy_kind_fits, whose_fits
from scribe.notes.context_topics import TOPIC_RX
from scribe.notes.medication.names import find_mentions
from scribe.notes.number_words import numbers_to_digits
from scribe.notes.text import clean
from scribe.schemas_docs import Answered, Fact

__all__ = ["DETAIL", "REGULAR_Q", "AnswerFinder"]

_WHAT = re.compile(r"\b(?:what|which|who|how|where|quel(?:le)?s?|quoi|qu'|comment|où)\b|^que\b", re.I)
_EARLIER = re.compile(
    r"\b(?:before|previous(?:ly)?|prior|similar|in the past|ever|déjà|auparavant|précédent\w*|similaire|avant)\b", re.I
)
_ASKS_SIDE = re.compile(rf"{dict(INTENTS)['side'].pattern}|\bwhere\b|\boù\b", re.I)
# "how long did the pain last?" asks for an episode's length, not since when it started
_LASTED_Q = re.compile(
    r"\bhow long (?:does|do|did|will)\b[^?]{0,40}?\blast(?:s|ed)?\b(?!\s+(?:week|month|year|night|time|visit)\b)|"
    r"\bdur(?:é|ée|ait|e|ent)\b(?!\s+depuis)",
    re.I,
)
_LASTED = re.compile(  # not "for the last 48 hours"
    r"(?<!the )\blast(?:ed|s)?\b|\bdur(?:é|ée|ait|e|ent)\b|\b(?:go|goes|went|going) away after\b|\bpass(?:é|ait)\b",
    re.I,
)
# "when did the arm pain start?": the onset of the complaint, said by the patient with a time
_ONSET_Q = re.compile(r"\b(?:start|begin|began|commenc\w*|débuté|début)\b", re.I)
_ONSET = re.compile(
    r"\b(?:start\w*|began|begun|came on|commenc\w*|débuté|arrivé|venu)\b|\bi(?:'ve| have) had (?:it|this|that|the)\b|"
    r"\bj'ai (?:ça|mal)\b",
    re.I,
)
# what makes it worse / better, said by the patient: "it really bothers me when i sit for long periods"
_WORSE = re.compile(
    r"\b(?:bothers?|hurts?|worse|aggravat\w*|pire|fait mal|gêne)\b[^.?!]{0,30}?\b(?:when|if|with|after|quand|lorsque|"
    r"si|après|en)\b[^.?!]{3,60}",
    re.I,
)
_BETTER = re.compile(
    r"\b(?:helps?|better|eases?|eased|relie\w+|mieux|soulag\w+|calme)\b[^.?!]{0,30}?\b(?:when|if|with|after|quand|"
    r"lorsque|si|après|en)\b[^.?!]{3,60}|\b(?:it|ça|that|which|cela)\b[^.?!]{0,20}\b(?:helped|eased?(?: up| off)?|"
    r"soulagé|amélioré)\b|\b(?:moins mal|less pain|hurts? less)\b",
    re.I,
)
_CUE = re.compile(
    r"\b(?:moins mal|less pain|hurts? less|helps?|helped|better|eases?|eased|reliev\w*|mieux|soulag\w*|calme|"
    r"hurts?|worse|bothers?|pire|mal|aggrav\w*|stiff|gêne)\b",
    re.I,
)
_WHERE = re.compile(
    r"\b(?:just |right |juste )?(?:under|below|above|beneath|sous|au-dessous|au-dessus|en haut|en bas|upper|lower|"
    r"au milieu|in the middle)\b(?: (?:of |de |du |de la |the |my |le |la |l'|mon |ma ))*(?:\w+)",
    re.I,
)
# where it hurts is said of a body site or of the pain ("lower" alone may be a blood pressure)
_PAIN_SITE = re.compile(rf"\b(?:{lexicon.BODY_PARTS})\b|\b(?:pain|hurts?|aches?|mal|douleur)\b", re.I)
# the exchange says the pain spreads: "does it seem to be going down the whole arm?", "elle va un peu dans le dos"
_SPREADS = re.compile(
    r"\bradiat\w*|\bspread\w*|\b(?:go|goes|going|went|travel\w*|shoot\w*|mov(?:e|es|ing))\s+(?:[\w']+\s+){0,3}?"
    r"(?:down|up|into|to|towards?|around)\b|\birradi\w*|\bva\b[^.?!]{0,20}\b(?:dans|vers|jusqu)|\bdescend\w*|"
    r"\bremont\w*|\bdiffus\w*",
    re.I,
)
# the patient's own allergy, not the allergist they saw
_ALLERGIC = re.compile(r"\ballerg(?:y|ies|ic)\b|\ballergi(?:e|es|que|ques)\b", re.I)
# one dose taken for the complaint, not a medication the patient takes
_ONCE = re.compile(
    r"^(?!.*\b(?:every|daily|regularly|each|tous les|chaque|régulièrement|par jour|a day)\b).*"
    r"\b(?:i took|took (?:a|an|one|some)|j'ai pris (?:un|une|deux|2|du|de la|des)|a pris (?:un|une))\b",
    re.I,
)
# a question on an earlier episode of the complaint
_BEFORE_ASKED = re.compile(
    r"\b(?:déjà (?:arrivé|eu (?:ça|une douleur|mal|ce))|happened before|had (?:this|that|it|something like "
    r"(?:this|that)) before|(?:first|première) (?:time|fois)|premier épisode|similar episode|épisode \w* ?similaire)",
    re.I,
)
# the words that name the visit's complaint itself: "when did the injury happen?" asks when it started
_THE_COMPLAINT = re.compile(r"injur\w*|bless\w*|accidents?|traumas?|incidents?|[ée]pisodes?|crise", re.I)
_AGE = re.compile(r"\b(\d{1,3})\s*-?\s*(?:years?|yrs?)[- ]?old\b|\b(?:j'ai|elle a|il a) (\d{1,3}) ans\b", re.I)
_EXACTLY = re.compile(r"\b(?:exactly|specifically|precisely|exactement|précisément)\b", re.I)
# "does moving your neck seem to bother your arm?" asks what makes it worse too
_ASKS_WORSE = re.compile(
    r"\b(?:worse|aggravat\w*|aggrav\w*|trigger\w*|pire|bring\w* (?:it|on)|bother(?:s|ed)?|gên\w*)\b", re.I
)
_ASKS_BETTER = re.compile(
    r"\b(?:moins mal|less pain|hurts? less|better|reliev\w*|help\w*|eases?|mieux|soulag\w*|calm\w*)\b", re.I
)


def _misheard(f: Fact) -> bool:
    """A finding read from "i didn't understand" ("fièvre ?" "je n'ai pas compris"): nothing was said of it."""
    replies = [e.quote for e in f.evidence if e.role != "clinician"]
    return bool(replies) and all(NOT_UNDERSTOOD.match(q) for q in replies)


# the body part of the visit's complaint, named at the opening, goes without saying later ("was it swollen?")
_PARTS = [re.compile(rx.pattern.replace(r"\b", ""), re.I) for rx in BODY_PARTS.values()]


def of_a_body_part(label: str) -> bool:
    """A finding named with its body part ("leg swelling"), which the visit's complaint may leave unsaid."""
    return any(p.fullmatch(label.split(" ", 1)[0]) for p in _PARTS) and " " in label


def radiates_to(query: Query) -> list[re.Pattern]:
    """Where a question on radiation asks it goes ("into the back", "dans le dos"), as anchors."""
    return [word_pattern(w) for w in content_words(TOPIC_RX["radiation"].sub(" ", query.text))]


def parts_of(text: str) -> list[re.Pattern]:
    """The body parts a text names, in either language."""
    return [rx for rx in BODY_PARTS.values() if rx.search(text)]


# "they last a few hours" (not "last night", "last week")
_EPISODE_LENGTH = re.compile(
    r"(?:last|lasts|lasted|lasting)\b(?!\s+(?:night|week|weekend|month|year|time|visit|evening|morning|\w+day)\b)|"
    r"(?:dure|durent|durait|duraient)\b",
    re.I,
)


# "where is the pain?", "où a-t-elle mal ?": a body site asked (not where she works, lives or was seen)
WHERE_Q = re.compile(
    r"^\W*(?:where\b(?![^?]*\b(?:work|live|born|travel|seen|go|went|going|from|buy|get|radiat|spread|move)\w*\b)|"
    r"(?:à |a )?quel endroit\b|où\b(?![^?]*\b(?:travaille|habite|vit|né|allé|irradi|va)\w*\b))",
    re.I,
)
# the clinician asks where: "can you point to where it hurts?", "ça fait mal où ?"
_WHERE_ASKED = re.compile(r"\bwhere\b|\bpoint to\b|\bshow me\b|\blocated\b|\boù\b|\bquel endroit\b|\blocalis", re.I)
# a site said as such: "located behind my eyes", "which was located on right inferior back", "situé au niveau…"
_LOCATED = re.compile(r"\b(?:located|situated|situé\w*|localisé\w*|siège)\b", re.I)
# a body site, in either language, as a patient or a clinician says it
_SITE = re.compile(
    r"\b(?:knees?|shoulders?|hips?|ankles?|wrists?|elbows?|arms?|legs?|hands?|feet|foot|eyes?|ears?|breasts?|neck|head|"
    r"chest|back|belly|abdomen|stomach|tummy|flank|side|groin|forehead|temples?|jaw|throat|ribs?|sternum|breastbone|"
    r"buttocks?|thighs?|calf|calves|toes?|fingers?|thumb|face|scalp|pelvis|navel|"
    r"genoux?|épaules?|hanches?|chevilles?|poignets?|coudes?|bras|jambes?|mains?|pieds?|yeux|oeil|œil|oreilles?|seins?|"
    r"cou|tête|poitrine|dos|ventre|estomac|flanc|côtés?|aine|front|tempes?|mâchoire|gorge|côtes?|fesses?|cuisses?|"
    r"mollets?|orteils?|doigts?|pouce|visage|bassin|nombril|thorax|lombaires?)\b",
    re.I,
)
_PAIN_AT = re.compile(
    r"\b(?:(?:j'ai|i have|i've got|i've had)\s+(?:\w+\s+)?(?:mal|pain|douleurs?)|ça me fait mal|it hurts)\b[^.]{0,40}"
    + _SITE.pattern,
    re.I,
)
# the words of a "where" question that name no thing of the visit
_SITE_WORDS = {"located", "situated", "body", "située", "situé", "localisé", "localisée", "exactement", "mal", "hurt"}


class AnswerFinder(KindAnswers, Guards, EventAnswers):
    """One consultation (its reader and facts), many questions."""

    def location(self, query: Query, labels: set[str]) -> Answered:
        """Where it is: the patient's reply to a "where" question on it that names a body site, else a site said
        as such ("located behind my eyes"), else, asked only where it hurts, the patient saying so ("j'ai très mal
        en haut du ventre"). The words said are the value; none that names a site: no answer."""
        # "où était située la douleur thoracique ?" asks of the chest in an English visit: the finding's own words
        named = [w for label in labels for w in label.split() if w != "pain"]
        words = named or [w for w in content_words(query.text) if w not in _SITE_WORDS]
        anchors = [CONCEPT_RX[c] for c in query.concepts] + [word_pattern(w) for w in words]
        pain_only = not anchors  # "où a-t-elle mal ?": the complaint's own site
        for asking, answering, text, _wider in self.units():
            if not asking or not _WHERE_ASKED.search(self.asked_text(asking)):
                continue
            if not all(rx.search(text) for rx in anchors):
                continue
            replies = [k for k in answering if self.reader.is_pat(k) and _SITE.search(self.reader.sents[k].text)]
            if replies:
                return self._site(clean(self.reader.sents[replies[0]].text), asking + replies[:1])
        for k, sent in enumerate(self.reader.sents):
            m = _LOCATED.search(sent.text)
            said = sent.text[m.start() :] if m else ""
            if m and _SITE.search(said) and (pain_only or all(rx.search(sent.text) for rx in anchors)):
                return self._site(clean(said), [k])
        for k, sent in enumerate(self.reader.sents if pain_only else []):
            if self.reader.is_pat(k) and not sent.question and _PAIN_AT.search(sent.text):
                return self._site(clean(sent.text), [k])
        return unanswered("location")

    def _site(self, value: str, ks: list[int]) -> Answered:
        return Answered(
            answered=True, answer=value, value=value, evidence=self._evidence(ks), confidence=0.8, topic="location"
        )

    def asked_about(self, query: Query, topic: str) -> Answered | None:
        """A question of the topic the clinician asked and the patient answered, found even where the
        transcript lost its question mark ("vous avez mal à la tête" "non docteur"); of the body part the
        question names ("moving your neck?" is not "is it worse at night?")."""
        if self.reader is None:
            return None
        if topic == "triggers":  # "is it worse at night?" does not say what makes it better
            asking = _ASKS_BETTER if _ASKS_BETTER.search(query.text) else _ASKS_WORSE
            return self._search(query, parts_of(query.text), asking_rx=asking)
        if topic == "radiation":  # "does it go into the back?" wants the back: "mal dans le dos ?" "non"
            where = radiates_to(query)
            if where:  # an exchange on its spreading first: "moving your neck, does it bother your arm?" is not
                return self._search(query, [*where, _SPREADS], qa_only=True) or self._search(query, where, qa_only=True)
        if topic in TOPIC_RX:
            return self._search(query, parts_of(query.text), asking_rx=TOPIC_RX[topic])
        if topic in lexicon.SYMPTOM_BY_LABEL:
            return self._search(query, [], labels={topic}, qa_only=True)
        return None

    def statement(self, query: Query, topic: str) -> Answered | None:
        """What the patient says of a topic unasked: what makes it worse or better, their allergies."""
        if topic == "triggers":
            rx = _BETTER if _ASKS_BETTER.search(query.text) else _WORSE
            detail = Query(query.text, query.language, "value", query.concepts, query.qualifiers)
            found = self.said(detail, rx, parts_of(query.text), topic="triggers", before=True)
            if found is not None:  # the whole sentence: "i laid some ice on it and it finally did ease up"
                found.answer = found.value = clean(" ".join(e.quote for e in found.evidence))
            return found
        if topic == "allergies":
            return self.said(query, _ALLERGIC, topic="allergies")
        if topic == "age":  # "beverly is a 53 -year-old female", "j'ai 42 ans"
            return self.age()
        if topic == "location":  # "c'est juste sous le sternum", "right here below the belly button"
            detail = Query(query.text, query.language, "value", query.concepts, query.qualifiers)
            found = self.said(detail, _WHERE, [_PAIN_SITE], topic="location")
            return found or self.confirmed(detail, _WHERE, _PAIN_SITE, topic="location")  # "… just below the belly
        return None  # button?" "correct"

    def age(self) -> Answered | None:
        """The patient's age as the consultation says it, not a relative's ("my mother is 80 years old")."""
        for k, s in enumerate(self.reader.sents if self.reader else []):
            text = numbers_to_digits(s.text)
            m = _AGE.search(text)
            if m and not RELATIVES.search(text[: m.start()]):
                age = m.group(1) or m.group(2)
                return Answered(answered=True, answer=age, value=age, evidence=self._evidence([k]), topic="age")
        return None

    def topic_facts(self, query: Query, topic: str, fs: list[Fact]) -> list[Fact]:
        """The facts of the topic that answer this question: with its qualifiers, not today's examination, a
        trigger of the direction asked, a location that says more than the complaint ("au ventre" of a
        "mal au ventre" does not say where)."""
        fs = [f for f in fs if qualifiers_hold(query, " ".join(e.quote for e in f.evidence)) and not self.examined(f)]
        fs = [f for f in fs if not _misheard(f)]
        if topic.startswith("condition:"):  # "does he have eczema himself?" is not "my dad has eczema"
            fs = [f for f in fs if whose_fits(query.text, f)]
        if topic == "allergies":  # "any drug allergies?" is not answered by "any food allergies? no"
            fs = [f for f in fs if allergy_kind_fits(query.text, " ".join(e.quote for e in f.evidence))]
        if topic == "triggers":  # "soulagée par le paracétamol" does not say what makes it worse
            cue = _ASKS_WORSE if _ASKS_BETTER.search(query.text) else _ASKS_BETTER
            fs = [f for f in fs if self.trigger_fits(query, f) and not cue.search(f.value or "")]
        if topic == "radiation" and (where := radiates_to(query)):  # "like a belt" does not say "the back"
            fs = [f for f in fs if all(rx.search(" ".join(self.sentence_of(e) for e in f.evidence)) for rx in where)]
        if topic == "medications" and query.intent == "yesno":  # "j'ai pris un Doliprane hier soir" once
            fs = [f for f in fs if not all(_ONCE.search(self.sentence_of(e)) for e in f.evidence)]
        if topic == "medications" and REGULAR_Q.search(query.text):
            fs = [f for f in fs if f.status in ("current", "changed") and not self.for_the_complaint(f)]
        if topic == "location":  # the patient's own words say more: "c'est juste sous le sternum"
            present = {f.label for f in self.facts if f.kind == "symptom" and f.status == "present"}
            said = [f for f in fs if not labels_in(f"mal {f.value} douleur {f.value} pain {f.value}") & present]
            fs = said or ([] if _EXACTLY.search(query.text) or self.statement(query, topic) else fs)
        return fs

    def overruled(self, query: Query, topic: str, fs: list[Fact], value: str) -> Answered | None:
        """The last explicit reply on the finding, where it says the contrary of the facts after them
        ("avec des frissons ?" "non, il y avait pas vraiment de frisson")."""
        if self.reader is None or topic not in lexicon.SYMPTOM_BY_LABEL:
            return None
        said = self._search(query, [], labels={topic}, qa_only=True)
        last_fact = max((e.start for f in fs for e in f.evidence), default=0.0)
        if said is None or said.value == value:
            return None
        if said.evidence[-1].start >= last_fact:
            return said
        # the facts read a leading question's "effectivement"; the patient said it in so many words before
        replies = [e for f in fs for e in f.evidence if e.role == "patient"]
        last = max(replies, key=lambda e: e.start).quote if replies else ""
        plain = [e.quote for e in said.evidence if e.role == "patient"]
        return said if any(labels_in(q) for q in plain) and not labels_in(last) else None

    def same_direction(self, query: Query, asked: str) -> bool:
        """An asked question of what makes it worse answers the same question, not what makes it better."""
        return bool(_ASKS_BETTER.search(query.text)) == bool(_ASKS_BETTER.search(asked)) or not _CUE.search(asked)

    def trigger_fits(self, query: Query, f: Fact) -> bool:
        """A trigger fact answers "what makes it better?" only where it is said to help, and "what makes it
        worse?" only where it is not ("it helps when I get up and move")."""
        better = bool(_ASKS_BETTER.search(query.text))
        for e in f.evidence:
            for s in self.reader.sents if self.reader else []:
                at = s.text.lower().find(e.quote.lower()) if s.seg_index == e.segment_id else -1
                if at >= 0:  # the last cue before it says which: "it helps when…, but it hurts when…"
                    cues = list(_CUE.finditer(s.text[:at])) + list(_CUE.finditer(e.quote))
                    helps = bool(cues) and bool(_ASKS_BETTER.match(cues[-1].group(0)))
                    return helps == better
        return not better

    def concept_anchors(self, query: Query) -> list[list[re.Pattern]]:
        """The question's concepts as anchors: first its own words for them where the consultation says
        them ("ldl", not the whole cholesterol panel), then the concepts in all their words."""
        full = [CONCEPT_RX[c] for c in query.concepts]
        if query.intent not in DETAIL:
            return [full]  # a yes or no is said in any of the concept's words
        if query.intent == "value":  # a lab's value is said with the lab's name, not the organ's
            full = [MEASURE_RX.get(c, CONCEPT_RX[c]) for c in query.concepts]
        said = " ".join(s.text for s in self.reader.sents)
        own = []
        for rx in full:
            m = rx.search(query.text)
            surface = re.compile(rf"\b{re.escape(m.group(0))}\b", re.I) if m else rx
            own.append(surface if surface.search(said) else rx)
        return [own, full] if [rx.pattern for rx in own] != [rx.pattern for rx in full] else [full]

    def find(self, query: Query) -> Answered | None:
        """The typed answer, "not answered" when the question names something the visit never gave, or None
        when this finder has nothing to say (the topic patterns then decide)."""
        if query.family:
            return self.family(query)
        mentions = find_mentions(query.text, stop=lexicon.DRUG_STOP)  # "uric acid level?" asks of a lab
        if mentions and _ALLERGIC.search(query.text):  # "allergic to penicillin?": not whether she takes it
            return self.drug_allergy([m.surface for m in mentions])
        found = self.drug_class(query, mentions)
        if found is not None:
            return found
        if mentions:
            names = [str(m.drug.get("name", m.surface)) for m in mentions]
            return self.drug(query, names, [m.surface for m in mentions])
        if self.reader is None:
            return None
        found = self.event(query)  # how it happened, the age at an event
        if found is not None:
            return found
        labels = labels_in(query.text)
        found = self.tried(query) if TRIED_Q.search(query.text) else None
        if found is None and TAKEN_Q.search(query.text):
            found = self.tried(query, TAKEN_FOR_IT_ASKED)
        if found is not None:
            return found
        if TREATMENT.search(query.text):  # "un traitement pour la tension ?": the concept names the condition
            anchors = [] if labels else [CONCEPT_RX[c] for c in query.concepts] or self.word_anchors(query, every=True)
            if labels or anchors:
                return self.treatment(query, labels, anchors)
        if query.intent in ("duration", "when"):
            return self.timing(query, labels)
        if query.intent == "side":  # "which knee?", "à droite ou à gauche ?": the side said of it, or the reply
            anchors = [CONCEPT_RX[c] for c in query.concepts] or parts_of(query.text) or self.word_anchors(query)
            found = self._search(query, anchors) if anchors else None
            if found is not None and not any(e.role == "patient" for e in found.evidence):
                either = re.compile("|".join(rx.pattern for rx in anchors), re.I)
                found = self.said(query, either, value_of="side") or found  # "it's not the right knee, the left"
            # "which side?" "the left" answers of the part the visit is about, once that part was named
            named = not anchors or any(rx.search(s.text) for rx in anchors for s in self.reader.sents)
            return found or (named and self._search(query, [], asking_rx=_ASKS_SIDE)) or unanswered("side")
        if query.intent == "severity":  # "how bad, out of 10?" → the number of the reply, or a score said
            found = self._search(query, [], asking_rx=dict(INTENTS)["severity"])
            return found or self.said(query, SCORE, topic="severity") or unanswered("severity")
        if query.intent == "count":  # "how many hours does he sleep?" → the number said before "hours"
            anchors = [CONCEPT_RX[c] for c in query.concepts if CONCEPT_RX[c] is not query.counted]
            found = self._search(query, anchors + [query.counted])
            return found or (unanswered(query.concepts[0]) if query.concepts else None)
        if not query.concepts:
            if labels and query.qualifiers:  # "does the pain wake you at night?", or asked in its words
                found = self._search(query, [], labels=labels) or self.by_words(query)  # "worse at night?"
                return found or unanswered(next(iter(labels)))
            return None
        found = None
        # a yes/no on a finding is answered where that finding is said: "any pain with urination?" "no" says nothing
        # of blood in the urine
        finding = {x for x in labels if x != "pain"} if query.intent not in DETAIL else None  # "before the pain"
        for anchors in self.concept_anchors(query):
            found = found or self._search(query, anchors, labels=finding)
        if found is None and finding:
            return None  # the finding's facts and exchanges decide
        if found is None and any(rx.search(query.text) for rx in TOPIC_RX.values()) and not query.qualifiers:
            return None  # the facts on the question's topic ("any surgeries?") may know better than a word search
        return found or unanswered(query.concepts[0])

    def drug_allergy(self, surfaces: list[str]) -> Answered | None:
        """An allergy said of the drug, else None: whether the patient has any allergy (the topic) decides."""
        anchor = re.compile("|".join(rf"\b{re.escape(s)}" for s in surfaces), re.I)
        fs = [f for f in self.facts if f.kind == "allergy" and f.status == "present" and anchor.search(f.label)]
        if fs:
            return Answered(
                answered=True, answer=fs[0].label, value="yes", evidence=fs[0].evidence[:2], topic="allergies"
            )
        query = Query("allergy", "en", "yesno")
        return self.said(query, _ALLERGIC, [anchor], topic="allergies")

    def _event_said(self, query: Query) -> list[re.Pattern] | None:
        """The words of a time question besides its finding and body part ("diagnosed" of "when was his epilepsy
        diagnosed?"), or None when one is never said: the visit gave no time for that event."""
        said, cross = " ".join(s.text for s in self.reader.sents), query.language != self.reader.lang
        words = [w for w in content_words(query.text) if not labels_in(w) and not parts_of(w)]
        extra = [word_pattern(w) for w in words if not cross or translations(w)]  # "ride" is not in a French visit
        return extra if query.intent != "when" or all(rx.search(said) for rx in extra) else None

    def by_words(self, query: Query) -> Answered | None:
        """Last resort for a question no concept, drug or topic knows: where its own words are said with the
        value it wants; a yes/no only from a question/answer pair that says every one of its words."""
        if query.intent not in DETAIL and _WHAT.search(query.text):
            return None  # "what does she take for it?" wants a thing, not a yes
        anchors = self.word_anchors(query, every=query.intent not in DETAIL)
        if not anchors or query.intent in ("when", "duration") and self._event_said(query) is None:
            return None
        found = self._search(query, anchors, qa_only=query.intent not in DETAIL)
        rest = self.without_the_complaints_part(query, anchors)
        if found is None and rest and len(rest) < len(anchors):  # "is his knee swollen?" of a knee visit
            found = self._search(query, rest, qa_only=query.intent not in DETAIL)
        return found

    def without_the_complaints_part(self, query: Query, anchors: list[re.Pattern]) -> list[re.Pattern]:
        """The anchors without the body part the visit's opening names: it goes without saying later."""
        opening = " ".join(s.text for s in self.reader.sents[:6])
        parts = {word_pattern(w).pattern for w in content_words(query.text) if any(p.fullmatch(w) for p in _PARTS)}
        return [rx for rx in anchors if not (rx.pattern in parts and rx.search(opening))]

    def timing(self, query: Query, labels: set[str]) -> Answered | None:
        """How long / since when / when: where the question's concept is mentioned with a time, else the
        reply to a question of the same kind ("how long has that been going on?" "about five weeks"), else
        the patient saying it of the complaint ("I've had the pain on and off for about two years"), else
        the history's duration fact."""
        lasted = bool(_LASTED_Q.search(query.text))
        words = self.word_anchors(query)  # an episode of what the question names: "the back pain", not the cramps
        extra = self._event_said(query)
        every = extra is not None
        anchors = [CONCEPT_RX[c] for c in query.concepts] + ([*words, _LASTED] if lasted else [])
        found = self._search(query, anchors) if anchors else None
        if found is not None and not lasted and _EPISODE_LENGTH.match(found.value or ""):
            found = None  # "since when has he had headaches?" is not how long each one lasts ("a few hours")
        if found is None and not query.concepts and words and not lasted and every:  # "when was her last pap smear?"
            rest = self.without_the_complaints_part(query, words)  # "quand s'est-il blessé au genou ?" of a knee visit
            found = self._search(query, words) or (self._search(query, rest) if 0 < len(rest) < len(words) else None)
        if query.concepts:
            return found or unanswered(query.intent)  # of a concept the visit gave no time for
        named = [w for w in content_words(query.text) if not (_EARLIER.fullmatch(w) or _THE_COMPLAINT.fullmatch(w))]
        if found is None and not labels and named:
            return unanswered(query.intent)  # "when did she see the PA?" is not when the complaint started
        earlier = bool(_EARLIER.search(query.text))  # an earlier episode: not the complaint's onset
        if found is None and not earlier:  # "how long has that been going on?" asked of the complaint, not of a drug
            ask = _LASTED if lasted else dict(INTENTS)[query.intent]
            found = self._search(query, [], asking_rx=ask, not_of_drugs=True)
        if found is None and earlier:  # "ça vous est déjà arrivé ?" "oui, il y a 2 à 3 mois"
            found = self._search(query, [], asking_rx=_BEFORE_ASKED)
        if found is None and labels and not lasted and not earlier and every:
            found = self.said(query, re.compile(r".+"), extra, value_of=query.intent, labels=labels)
        if found is None and query.intent == "duration" and not lasted:
            fs = [f for f in self.facts if f.kind == "hpi" and f.label == "duration" and f.value]
            fs = [f for f in fs if VALUE_RX["duration"].search(f.value) and not _EPISODE_LENGTH.match(f.value)]
            if fs:
                return Answered(
                    answered=True,
                    answer=fs[0].value,
                    value=fs[0].value,
                    evidence=fs[0].evidence[:2],
                    confidence=0.8,
                    topic="duration",
                )
        if found is None and _ONSET_Q.search(query.text) and not lasted and not earlier:
            found = self.said(query, _ONSET, value_of=query.intent)
        return found or (unanswered(query.intent) if lasted else None)
