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
    CONCEPT_RX,
    FAMILY,
    INTENTS,
    RELATIVES,
    SCALE,
    VALUE_RX,
    Query,
    content_words,
    normalise_value,
    qualifiers_hold,
    same_setting,
    word_pattern,
)
from scribe.notes.consultation import answer_polarity
from scribe.notes.context_topics import TOPIC_RX
from scribe.notes.facts.reader import NEGATION_NEAR, ConsultationReader
from scribe.notes.medication.names import find_mentions
from scribe.notes.number_words import numbers_to_digits
from scribe.notes.text import clean
from scribe.schemas_docs import Answered, Evidence, Fact

DETAIL = ("dose", "frequency", "when", "duration", "severity", "value", "side")
# "what do you take for your eczema?", "prend-elle quelque chose pour la douleur ?"
TREATMENT = re.compile(
    r"\b(?:take|takes|taking|taken|took|use|uses|using|used|prend\w*|pris|utilis\w*|traitement|medications?|"
    r"médicaments?)\b.*\b(?:for|pour|contre)\b",
    re.I,
)
_ASKS = re.compile(
    r"\b(?:what|how|when|where|which|who|do you|did you|are you|have you|is there|are there|anyone|quel(?:le)?s?|"
    r"combien|comment|quand|où|"
    r"est-ce|avez-vous|êtes-vous)\b",
    re.I,
)
_WHAT = re.compile(r"\b(?:what|which|who|how|where|quel(?:le)?s?|quoi|qu'|comment|où)\b|^que\b", re.I)
_EARLIER = re.compile(
    r"\b(?:before|previous(?:ly)?|prior|similar|in the past|ever|déjà|auparavant|précédent\w*|similaire|avant)\b", re.I
)
# "si vous deviez la coter sur une échelle..." asks for a number without a question word
_ASKS_A_VALUE = re.compile(
    "|".join(rx.pattern for name, rx in INTENTS if name in ("severity", "duration", "frequency")), re.I
)
_OFFERS = re.compile(r"\d.*\b(?:or|ou)\b", re.I)  # the question offers values: the reply says which
# a question on what was just said: "what have they been running?", "how often?", "ça fait combien ?"
_FOLLOW_UP = re.compile(
    r"\b(?:they|them|it|that|those|this|ils|elles|ça|cela)\b|^\W*(?:and )?(?:how|what|combien|quand)\b[^.]{0,20}\??$",
    re.I,
)
_ASKS_SIDE = re.compile(rf"{dict(INTENTS)['side'].pattern}|\bwhere\b|\boù\b", re.I)
_NOT_A_VALUE_BEFORE = re.compile(
    r"\b(?:under|below|less than|goal|target|aim|keep it|ideally|moins de|sous|objectif|inférieure? à)\W+(?:\w+\W+)?$",
    re.I,
)
_NOT_A_VALUE_AFTER = re.compile(
    r"^\s*(?:-?\s*(?:years?|year-old|days?|weeks?|months?|times?|ans?|jours?|semaines?|mois|fois|o'clock|h\b|"
    r"minutes?|hours?|heures?|out of|sur 10|pills?|tablets?|comprimés?|mg\b|milligrams?|milligrammes?))",
    re.I,
)


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


class AnswerFinder:
    """One consultation (its reader and facts), many questions."""

    def __init__(self, reader: ConsultationReader | None, facts: list[Fact]):
        self.reader, self.facts = reader, facts
        self._units: list[tuple[list[int], list[int], str]] | None = None

    # ------------------------------------------------------------------ the transcript's units

    def units(self) -> list[tuple[list[int], list[int], str, str]]:
        """(asking sentences, answering sentences, text, text with the next sentence of the same turn), numbers
        as digits, for every question/answer pair and every other sentence, in transcript order. A clinician
        sentence with a question word that ends its turn and gets the patient's reply is a question even
        without its "?" (transcripts often drop it); so is a "?" sentence of a speaker whose role the live
        path does not know yet, answered by the next turn."""
        if self._units is None:
            r, out, used = self.reader, [], set()
            sents = r.sents if r else []
            for k, s in enumerate(sents):
                if k in used:
                    continue
                ends_turn = k + 1 < len(sents) and sents[k + 1].seg_index != s.seg_index
                asks = _ASKS.search(s.text) or _ASKS_A_VALUE.search(s.text)
                asked = ends_turn and r.is_clin(k) and asks and r.is_pat(k + 1)
                if r.asks(k) or asked or (ends_turn and s.question and not r.is_clin(k + 1)):
                    ans = r.answer_to(k)[:3] or ([k + 1] if ends_turn else [])
                    used.update(ans)
                    text = numbers_to_digits(" ".join([s.text] + [sents[j].text for j in ans]))
                    out.append(([k], ans, text, text))
                else:
                    nxt = sents[k + 1].text if k + 1 < len(sents) and not ends_turn else ""
                    out.append(([], [k], numbers_to_digits(s.text), numbers_to_digits(f"{s.text} {nxt}")))
            self._units = out
        return self._units

    def examined(self, f: Fact) -> bool:
        """A finding the clinician states while examining ("you are not running a fever", read with the
        vitals): it tells today's exam, not the history a question like "have you had any fever?" asks."""
        r = self.reader
        if r is None or f.kind != "symptom" or not f.evidence or f.attributes.get("how") != "statement":
            return False
        for e in f.evidence:
            ks = [k for k, s in enumerate(r.sents) if s.seg_index == e.segment_id and e.quote.lower() in s.text.lower()]
            if e.role != "clinician" or not ks or not all(r.exam_start <= k < r.exam_end for k in ks):
                return False
        return True

    def _evidence(self, ks: list[int]) -> list[Evidence]:
        return [self.reader.builder.ev_sentence(self.reader.sents[k]) for k in ks]

    def _said_by_patient(self, asking: list[int], answering: list[int]) -> bool:
        return bool(asking and answering) or any(self.reader.is_pat(k) for k in answering)

    def _about_relative(self, ks: list[int], anchors: list[re.Pattern], family: bool) -> bool:
        """Does the unit speak of a relative: anywhere for a family question, else in a sentence that names
        the question's concept ("my wife makes sure I check it" does not make the patient's pressure hers)."""
        texts = [self.reader.sents[k].text for k in ks if k < len(self.reader.sents)]
        if family:
            return any(RELATIVES.search(t) for t in texts)
        return any(RELATIVES.search(t) and all(rx.search(t) for rx in anchors) for t in texts)

    def _value(self, intent: str, text: str, anchors: list[re.Pattern]) -> str | None:
        """The first value of the wanted kind in text, after the question's concept when it is there."""
        masked = SCALE.sub(lambda m: " " * len(m.group(0)), text) if intent == "severity" else text
        for rx in anchors if intent != "side" else ():  # "right knee": the side is said with what it qualifies
            masked = rx.sub(lambda m: " " * len(m.group(0)), masked)
        after = min((m.start() for rx in anchors for m in [rx.search(text)] if m), default=0)
        found = []
        for m in VALUE_RX[intent].finditer(masked):
            if intent in ("value", "dose") and (
                _NOT_A_VALUE_BEFORE.search(masked[: m.start()]) or _NOT_A_VALUE_AFTER.match(masked[m.end() :])
            ):
                continue
            found.append(m)
        if not found and intent == "dose" and anchors:  # "two extra strength tylenol": a count of the drug
            names = "|".join(rx.pattern for rx in anchors)
            count = re.search(rf"(?<![\w.])(\d+|two|three|one)\s+(?:[a-z-]+\s+){{0,2}}(?:{names})", text, re.I)
            return f"{count.group(1)} {count.group(0).split()[-1]}" if count else None
        if not found:
            return None
        if intent == "value" and anchors:  # a lab value is said next to its name, not a sentence later
            found = [
                m for m in found if any(abs(m.start() - a.end()) <= 150 for rx in anchors for a in rx.finditer(text))
            ]
            if not found:
                return None
        if intent == "duration" and any(re.search(r"\d", m.group(0)) for m in found):
            found = [m for m in found if re.search(r"\d", m.group(0))]  # "5 weeks" says more than "since labor"
        best = next((m for m in found if m.start() >= after), found[0])
        return normalise_value(intent, best.group(0))

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
                if asking and _OFFERS.search(self.reader.sents[asking[0]].text):  # "the 200s or the 300s?"
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

    def _followed(self, later: list, intent: str, answering: list[int]) -> tuple[list[int], str | None]:
        """The value the patient gives in the next exchange, of the same thing: a follow-up question on it
        ("what have they been running?" "300s"), or the patient going on after an "okay"."""
        for asking, answering_next, _text, _wider in later:
            asked = self.reader.sents[asking[0]].text if asking else ""
            if asking and not _FOLLOW_UP.search(asked):
                return answering, None  # a new subject
            replies = [j for j in answering_next if self.reader.is_pat(j)]
            value = self._value(intent, numbers_to_digits(" ".join(self.reader.sents[j].text for j in replies)), [])
            if value is not None:
                return answering + asking + replies, value
        return answering, None

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
            anchors = [CONCEPT_RX[c] for c in query.concepts] or self.word_anchors(query)
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

    def word_anchors(self, query: Query, every: bool = False) -> list[re.Pattern]:
        """The question's own words as anchors, for what no concept names ("pap smear", "the cream"): those
        the consultation says somewhere (every: all of them must be said, else none)."""
        if self.reader is None:
            return []
        said = " ".join(s.text for s in self.reader.sents)
        anchors = [word_pattern(w) for w in content_words(query.text)]
        kept = [rx for rx in anchors if rx.search(said)]
        return [] if every and len(kept) < len(anchors) else kept

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
