"""The answer to a clinician's question with its value and its evidence: from the typed facts first
(medications with dose and frequency, family history with the relative), then from the transcript's
sentences and question/answer pairs that mention every concept the question names, respect its
qualifiers and state the kind of value it asks for. Nothing found → "not answered": a wrong "answered"
would make the assistant skip a question that was never asked.
"""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.answers import (
    BODY_PARTS,
    CONCEPT_RX,
    FAMILY,
    INTENTS,
    RELATIVES,
    Query,
    normalise_value,
    qualifiers_hold,
    same_setting,
)
from scribe.notes.answers_units import OFFERS, TranscriptUnits
from scribe.notes.consultation import answer_polarity
from scribe.notes.context_topics import TOPIC_RX
from scribe.notes.facts.reader import NEGATION_NEAR, ConsultationReader
from scribe.notes.medication.names import find_mentions
from scribe.notes.number_words import numbers_to_digits
from scribe.notes.text import clean
from scribe.schemas_docs import Answered, Fact

DETAIL = ("dose", "frequency", "when", "duration", "severity", "value", "side")
# "what do you take for your eczema?", "prend-elle quelque chose pour la douleur ?"
TREATMENT = re.compile(
    r"\b(?:take|takes|taking|taken|took|use|uses|using|used|prend\w*|pris|utilis\w*|traitement|medications?|"
    r"médicaments?)\b.*\b(?:for|pour|contre)\b",
    re.I,
)
_WHAT = re.compile(r"\b(?:what|which|who|how|where|quel(?:le)?s?|quoi|qu'|comment|où)\b|^que\b", re.I)
_EARLIER = re.compile(
    r"\b(?:before|previous(?:ly)?|prior|similar|in the past|ever|déjà|auparavant|précédent\w*|similaire|avant)\b", re.I
)
_ASKS_SIDE = re.compile(rf"{dict(INTENTS)['side'].pattern}|\bwhere\b|\boù\b", re.I)


def _labels_in(text: str) -> set[str]:
    """The symptom and condition labels a text names (either language)."""
    return {c.label for kind in ("condition", "symptom") for _s, _e, c in lexicon.find_concepts(kind, text)}


def _unanswered(topic: str | None) -> Answered:
    return Answered(answered=False, confidence=0.85, topic=topic)


def _drug_facts(names: list[str], facts: list[Fact]) -> list[Fact]:
    names = [n.lower() for n in names]
    out = []
    for f in facts:
        if f.kind != "medication" or f.status not in ("current", "changed", "new", "administered"):
            continue
        keys = {
            f.label.lower(),
            str(f.attributes.get("ingredient", "")).lower(),
            str(f.attributes.get("surface", "")).lower(),
        }
        if keys & set(names):
            out.append(f)
    return out


def _dose_text(f: Fact) -> str:
    a = f.attributes
    dose = " ".join(str(x) for x in (a.get("dose"), a.get("unit")) if x)
    return " ".join(x for x in (dose, str(a.get("frequency") or "")) if x).strip()


class AnswerFinder(TranscriptUnits):
    """One consultation (its reader and facts), many questions."""

    def __init__(self, reader: ConsultationReader | None, facts: list[Fact]):
        super().__init__(reader)
        self.facts = facts

    # ------------------------------------------------------------------ searching the units

    def _search(
        self,
        query: Query,
        anchors: list[re.Pattern],
        family: bool = False,
        asking_rx: re.Pattern | None = None,
        labels: set[str] | None = None,
        qa_only: bool = False,
    ) -> Answered | None:
        """The first unit that mentions every anchor (and a finding of `labels`), holds the qualifiers and
        gives the wanted value. asking_rx: only question/answer pairs whose question matches it (the value
        from the reply)."""
        units = self.units()
        for i, (asking, answering, text, wider) in enumerate(units):
            if asking_rx is not None and not (asking and asking_rx.search(self.reader.sents[asking[0]].text)):
                continue
            if labels and not labels & _labels_in(text) or (qa_only and not asking):
                continue
            if asking and not same_setting(query, self.reader.sents[asking[0]].text):
                continue  # asked of another episode of care (the ER, the hospital)
            if not all(rx.search(text) for rx in anchors) or not qualifiers_hold(query, text):
                continue
            if self._about_relative(asking + answering, anchors, family) != family:
                continue  # a relative's illness is not the patient's
            if query.intent in DETAIL:
                source = (
                    numbers_to_digits(" ".join(self.reader.sents[j].text for j in answering)) if asking_rx else wider
                )
                if asking and OFFERS.search(self.reader.sents[asking[0]].text):  # "the 200s or the 300s?"
                    source = numbers_to_digits(" ".join(self.reader.sents[j].text for j in answering))
                value = self._value(query.intent, source, anchors)
                if value is None and asking_rx is None and anchors:
                    answering, value = self._followed(units[i + 1 : i + 3], query.intent, answering)
                if value is None:
                    continue
                if source is wider and wider != text and self._value(query.intent, text, anchors) is None:
                    answering = answering + [answering[-1] + 1]  # the value is in the next sentence
            else:
                if not self._said_by_patient(asking, answering) or (
                    not asking and any(self.reader.sents[k].question for k in answering)
                ):
                    continue  # "you should exercise more" or an unanswered question asks nothing of the patient
                if asking and anchors:  # the question is its last words: "…a steroid injection. any questions?"
                    asked = self.reader.sents[asking[0]].text[-100:]
                    reply = " ".join(self.reader.sents[j].text for j in answering)
                    if not all(rx.search(asked) or rx.search(reply) for rx in anchors):
                        continue
                reply = " ".join(self.reader.sents[j].text for j in answering) if asking else ""
                polarity = answer_polarity(reply) if reply else ""
                if not polarity:
                    negated = any(
                        NEGATION_NEAR.search(text[: m.start()]) for rx in anchors for m in [rx.search(text)] if m
                    )
                    polarity = "no" if negated else "yes"
                value = polarity
            evidence = self._evidence(asking + answering)
            quoted = clean(" ".join(e.quote for e in evidence))
            return Answered(
                answered=True,
                answer=value if query.intent in DETAIL else quoted,
                value=value,
                evidence=evidence,
                confidence=0.85,
                topic=query.concepts[0] if query.concepts else query.intent,
            )
        return None

    def asked_about(self, query: Query, topic: str) -> Answered | None:
        """A question of the topic the clinician asked and the patient answered, found even where the
        transcript lost its question mark ("vous avez mal à la tête" "non docteur")."""
        if self.reader is None:
            return None
        if topic in TOPIC_RX:
            return self._search(query, [], asking_rx=TOPIC_RX[topic])
        if topic in lexicon.SYMPTOM_BY_LABEL:
            return self._search(query, [], labels={topic}, qa_only=True)
        return None

    def treatment(self, query: Query, labels: set[str], anchors: list[re.Pattern] = ()) -> Answered:
        """What the patient takes for a condition: a drug named where the condition is (its lexicon label, or
        the question's own words for one the lexicon lacks), or in the next two exchanges ("are you taking
        anything for that?" "digoxin")."""
        units = self.units()
        for i, (_asking, _answering, text, _wider) in enumerate(units):
            found = {c.label for kind in ("condition", "symptom") for _s, _e, c in lexicon.find_concepts(kind, text)}
            named = bool(found & labels) or bool(anchors) and all(rx.search(text) for rx in anchors)
            if not named or RELATIVES.search(text):
                continue
            for asking, answering, later, _w in units[i : i + 3]:
                drugs = [m for m in find_mentions(later) if m.surface.lower() not in lexicon.DRUG_STOP]
                if drugs and (asking or any(self.reader.is_pat(k) for k in answering)):
                    evidence = self._evidence(asking + answering)
                    names = ", ".join(dict.fromkeys(m.surface.lower() for m in drugs))
                    return Answered(
                        answered=True, answer=names, value=names, evidence=evidence, confidence=0.8, topic="medications"
                    )
        return _unanswered("medications")

    # ------------------------------------------------------------------ by kind of question

    def family(self, query: Query) -> Answered | None:
        """Family history names the relative; a relative who has it outweighs "no one else has it" (the
        facts' later-statement-wins rule would otherwise answer "no cancer")."""
        conditions = [c.label for _s, _e, c in lexicon.find_concepts("condition", query.text)]
        concept_rx = [CONCEPT_RX[c] for c in query.concepts]
        fh = [f for f in self.facts if f.kind == "family_history"]
        if conditions or concept_rx:
            fh = [f for f in fh if f.label in conditions or any(rx.search(f.label) for rx in concept_rx)]
        present = [f for f in fh if f.status == "present"]
        if present:
            return self._family_answer(present, query)
        if (concept_rx or conditions) and self.reader is not None:
            plain = Query(query.text, query.language, "yesno", query.concepts, query.qualifiers)
            found = self._search(plain, concept_rx, family=True, labels=set(conditions) or None)
            if found is not None and found.value == "yes":
                relative = RELATIVES.search(" ".join(e.quote for e in found.evidence if e.role != "clinician"))
                relative = relative or RELATIVES.search(found.answer or "")
                found.value = relative.group(0).lower() if relative else found.value
                found.topic = "family history"
                return found
        absent = [f for f in fh if f.status == "absent"]
        if absent:
            return self._family_answer(absent, query)
        if not (concept_rx or conditions) and self.reader is not None:  # "any family history?" asked and answered
            found = self._search(Query(query.text, query.language, "yesno"), [], family=True, asking_rx=FAMILY)
            if found is not None:
                relative = RELATIVES.search(" ".join(e.quote for e in found.evidence if e.role != "clinician"))
                found.value = relative.group(0).lower() if relative and found.value == "yes" else found.value
                found.topic = "family history"
                return found
        return None if not (concept_rx or conditions) else _unanswered("family history")

    def _family_answer(self, chosen: list[Fact], query: Query) -> Answered:
        parts = []
        for f in chosen[:4]:
            relative = f.attributes.get("relative")
            if f.status == "present":
                parts.append(f"{relative}: {f.label}" if relative else f.label)
            else:
                parts.append(("pas de " if query.language == "fr" else "no ") + f.label)
        answer = "; ".join(dict.fromkeys(parts))
        evidence = [e for f in chosen[:4] for e in f.evidence[:1]]
        return Answered(
            answered=True, answer=answer, value=answer, evidence=evidence, confidence=0.9, topic="family history"
        )

    def drug(self, query: Query, names: list[str], surfaces: list[str]) -> Answered:
        fs = _drug_facts(names + surfaces, self.facts)
        anchors = [re.compile(rf"\b{re.escape(s)}\b", re.I) for s in dict.fromkeys(surfaces + names)]
        anchor = re.compile("|".join(rx.pattern for rx in anchors), re.I)
        if query.intent in ("dose", "frequency"):
            key = "dose" if query.intent == "dose" else "frequency"
            with_value = [f for f in fs if f.attributes.get(key)]
            if with_value:
                f = with_value[0]
                value = _dose_text(f) if key == "dose" else str(f.attributes["frequency"])
                return Answered(
                    answered=True,
                    answer=f"{f.label} {_dose_text(f)}".strip(),
                    value=normalise_value("dose", value),
                    evidence=f.evidence[:2],
                    confidence=0.95,
                    topic="medications",
                )
            if self.reader is not None:
                found = self._search(query, [anchor])
                if found is not None:
                    found.topic = "medications"
                    return found
            return _unanswered("medications")
        if query.intent in ("when", "value") and self.reader is not None:
            found = self._search(query, [anchor])
            if found is not None or query.intent == "when":
                return found or _unanswered("medications")
        if fs:
            f = fs[0]
            return Answered(
                answered=True,
                answer=f"{f.label} {_dose_text(f)}".strip() + ("" if f.status == "current" else f" ({f.status})"),
                value=normalise_value("dose", _dose_text(f)) or "yes",
                evidence=f.evidence[:2],
                confidence=0.9,
                topic="medications",
            )
        return _unanswered("medications")

    def find(self, query: Query) -> Answered | None:
        """The typed answer, "not answered" when the question names something the visit never gave, or None
        when this finder has nothing to say (the topic patterns then decide)."""
        if query.family:
            return self.family(query)
        mentions = find_mentions(query.text)
        if mentions:
            names = [str(m.drug.get("name", m.surface)) for m in mentions]
            return self.drug(query, names, [m.surface for m in mentions])
        if self.reader is None:
            return None
        labels = _labels_in(query.text)
        if TREATMENT.search(query.text) and (labels or self.word_anchors(query, every=True)):
            return self.treatment(query, labels, [] if labels else self.word_anchors(query, every=True))
        if query.intent in ("duration", "when"):
            return self.timing(query)
        if query.intent == "side":  # "which knee?", "à droite ou à gauche ?": the side said of it, or the reply
            parts = [rx for rx in BODY_PARTS.values() if rx.search(query.text)]
            anchors = [CONCEPT_RX[c] for c in query.concepts] or parts or self.word_anchors(query)
            found = self._search(query, anchors) if anchors else None
            return found or self._search(query, [], asking_rx=_ASKS_SIDE) or _unanswered("side")
        if query.intent == "severity":  # "how bad, out of 10?" → the number of the reply
            return self._search(query, [], asking_rx=dict(INTENTS)["severity"]) or _unanswered("severity")
        if not query.concepts:
            if labels and query.qualifiers:  # "does the pain wake you at night?"
                return self._search(query, [], labels=labels) or _unanswered(next(iter(labels)))
            return None
        found = self._search(query, [CONCEPT_RX[c] for c in query.concepts])
        if found is None and any(rx.search(query.text) for rx in TOPIC_RX.values()) and not query.qualifiers:
            return None  # the facts on the question's topic ("any surgeries?") may know better than a word search
        return found or _unanswered(query.concepts[0])

    def by_words(self, query: Query) -> Answered | None:
        """Last resort for a question no concept, drug or topic knows: where its own words are said with the
        value it wants; a yes/no only from a question/answer pair that says every one of its words."""
        if query.intent not in DETAIL and _WHAT.search(query.text):
            return None  # "what does she take for it?" wants a thing, not a yes
        anchors = self.word_anchors(query, every=query.intent not in DETAIL)
        if not anchors:
            return None
        return self._search(query, anchors, qa_only=query.intent not in DETAIL)

    def timing(self, query: Query) -> Answered | None:
        """How long / since when / when: where the question's concept is mentioned with a time, else the
        reply to a question of the same kind ("how long has that been going on?" "about five weeks"),
        else the history's duration fact."""
        anchors = [CONCEPT_RX[c] for c in query.concepts]
        found = self._search(query, anchors) if anchors else None
        if found is None and not anchors and self.word_anchors(query):  # "when was her last pap smear?"
            found = self._search(query, self.word_anchors(query))
        # "how long has that been going on?" asked of the complaint; not when the question is of an earlier episode
        if found is None and not anchors and not _EARLIER.search(query.text):
            found = self._search(query, [], asking_rx=dict(INTENTS)[query.intent])
        if found is None and query.intent == "duration" and not anchors:
            fs = [f for f in self.facts if f.kind == "hpi" and f.label == "duration" and f.value]
            if fs:
                return Answered(
                    answered=True,
                    answer=fs[0].value,
                    value=fs[0].value,
                    evidence=fs[0].evidence[:2],
                    confidence=0.8,
                    topic="duration",
                )
        return found or (_unanswered(query.intent) if anchors else None)
