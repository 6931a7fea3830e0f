"""A consultation as the answer finder reads it: its question/answer pairs and other sentences in order
(units), the value of a wanted kind in a text, the value a follow-up exchange gives, and the question's own
words as anchors where no concept names what it asks about. answers_find.py builds the answers on them.
"""

from __future__ import annotations

import re
import weakref

from scribe.notes import lexicon
from scribe.notes.answers import INTENTS, Query, content_words, word_pattern
from scribe.notes.answers_values import (
    CHANGE_BEFORE,
    MONTHS,
    NOT_A_VALUE_AFTER,
    NOT_A_VALUE_BEFORE,
    PAST_SAID,
    PAST_SAID_AFTER,
    SCALE,
    VALUE_RX,
    WAS_SAID,
    count_before,
    normalise_value,
    prefer,
    spelled_values,
)
from scribe.notes.answers_whose import RELATIVES
from scribe.notes.facts.reader import ConsultationReader
from scribe.notes.facts.relatives import relative_of
from scribe.notes.medication.names import find_mentions
from scribe.notes.number_words import numbers_to_digits
from scribe.schemas_docs import Evidence, Fact

_ASKS = re.compile(
    r"\b(?:what|how|when|where|which|who|do you|did you|are you|have you|is there|are there|anyone|quel(?:le)?s?|"
    r"combien|comment|quand|où|tell me|describe|racontez|décrivez|expliquez|"
    r"est-ce|avez-vous|êtes-vous)\b",
    re.I,
)
# "si vous deviez la coter sur une échelle..." asks for a number without a question word
_ASKS_A_VALUE = re.compile(
    "|".join(rx.pattern for name, rx in INTENTS if name in ("severity", "duration", "frequency")), re.I
)
# the question offers values ("the 200s or the 300s?", "left or right?"): the reply says which
OFFERS = re.compile(
    r"\d.*\b(?:or|ou)\b|\b(?:left|right|droite?|gauche) (?:or|ou) (?:the |à |le |la )?(?:left|right|droite?|gauche)\b",
    re.I,
)
# a question on what was just said: "what have they been running?", "how often?", "ça fait combien ?"
FOLLOW_UP = re.compile(
    r"\b(?:they|them|it|that|those|this|ils|elles|ça|cela)\b|^\W*(?:and )?(?:how|what|combien|quand)\b[^.]{0,20}\??$",
    re.I,
)
_NOT_THE = re.compile(r"\b(?:not|n't|pas|ni)\s+(?:the |my |his |her |a |le |la |du |de la |à )?$", re.I)
# a bare "N ans" between commas, or after "il a", is an age: "madame marchand, 34 ans, caissière"
_AGE_BEFORE = re.compile(r"(?:,|\b(?:il a|elle a|j'ai|âgée? de|agée? de|aged?))\s*$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:,|\.|$|qui\b|et\b|old\b)", re.I)
_FOR_THE = re.compile(r"\b(?:for|over|during|pendant|depuis) (?:the |la |le )?$", re.I)
# what may stand between a dose and its drug: "20 mg of lisinopril", "500 mg extended release metformin"
_ADJACENT = re.compile(r"\s*(?:(?!and\b|et\b|or\b|ou\b|plus\b)[\w'-]+\s+){0,3}", re.I)
_YES_NO_REPLY = re.compile(r"^\W*(?:yes|yeah|yep|no|nope|nah|oui|ouais|non)\b", re.I)


# "my wife tells me I snore", "has your wife ever mentioned if you snore": the relative as a witness
_WITNESS = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:says?|said|mentioned|tells?|told|notices?|noticed|thinks|complains?|dit|trouve|"
    r"remarqu\w*|checked|took|measured|mesur\w*)\b",  # "my wife checked my temperature": his, not hers
    re.I,
)


def _subject_relative(text: str) -> bool:
    """A relative the sentence speaks of, not one who reports what the patient does."""
    return any(not _WITNESS.match(text[m.end() :]) for m in RELATIVES.finditer(text))


def _findings(text: str) -> set[str]:
    return {c.label for kind in ("symptom", "condition") for _s, _e, c in lexicon.find_concepts(kind, text)}


_UNITS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # reader → its units


def _dose_of_a_drug(text: str, m: re.Match) -> bool:
    """The number is said right after a drug's name: its dose ("on the atorvastatin twenty"), no measure."""
    lead = text[max(0, m.start() - 40) : m.start()]
    return bool(lead.strip()) and any(re.fullmatch(r"[\s,]*", lead[d.end :]) for d in find_mentions(lead))


class TranscriptUnits:
    """One consultation's reader, cut into the units questions are answered from."""

    def __init__(self, reader: ConsultationReader | None):
        self.reader = reader
        # a finder lives for one question; the units are the reader's (kept warm by answers_ask.reader_for)
        self._units: list[tuple[list[int], list[int], str, str]] | None = _UNITS.get(reader) if reader else None

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
                # "vous avez mal à la tête" "non docteur": a reply of yes or no makes it a question
                asks = asks or ends_turn and _YES_NO_REPLY.match(sents[k + 1].text)
                asked = ends_turn and r.is_clin(k) and asks and r.is_pat(k + 1)
                # the live path gave the patient the clinician's question and the reply to it, one turn: "no, i
                # feel tired in the evening do you have any trouble sleeping at night? no, i sleep well"
                merged = not ends_turn and s.question and not r.is_clin(k) and k + 1 < len(sents)
                merged = merged and not r.is_clin(k + 1) and bool(_YES_NO_REPLY.match(sents[k + 1].text))
                if r.asks(k) or asked or merged or (ends_turn and s.question and not r.is_clin(k + 1)):
                    ans = r.answer_to(k)[:3] or ([k + 1] if ends_turn or merged else [])
                    # a question in the reply asks, it does not answer ("no. do you have trouble sleeping?", a
                    # live transcript that gave the clinician's next question to the patient too): the reply
                    # ends there, and that question may start its own pair
                    asks_back = next((i for i, j in enumerate(ans) if sents[j].text.rstrip().endswith("?")), None)
                    ans = ans[: max(asks_back, 1)] if asks_back is not None else ans
                    used.update(j for j in ans if not sents[j].text.rstrip().endswith("?"))
                    text = numbers_to_digits(" ".join([s.text] + [sents[j].text for j in ans]))
                    out.append(([k], ans, text, text))
                else:
                    nxt = sents[k + 1].text if k + 1 < len(sents) and not ends_turn else ""
                    out.append(([], [k], numbers_to_digits(s.text), numbers_to_digits(f"{s.text} {nxt}")))
            self._units = out
            if r is not None:
                _UNITS[r] = out
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

    def sentence_of(self, e) -> str:
        """The sentence an evidence quote was cut from."""
        for s in self.reader.sents if self.reader else []:
            if s.seg_index == e.segment_id and e.quote.lower() in s.text.lower():
                return s.text
        return e.quote

    def _evidence(self, ks: list[int]) -> list[Evidence]:
        return [self.reader.builder.ev_sentence(self.reader.sents[k]) for k in ks]

    def _said_by_patient(self, asking: list[int], answering: list[int]) -> bool:
        return bool(asking and answering) or any(self.reader.is_pat(k) for k in answering)

    def _about_relative(self, ks: list[int], anchors: list[re.Pattern], family: bool) -> bool:
        """Does the unit speak of a relative: anywhere for a family question, else in a sentence that names
        the question's concept ("my wife makes sure I check it" does not make the patient's pressure hers)."""
        texts = [self.reader.sents[k].text for k in ks if k < len(self.reader.sents)]
        if family:  # a relative named, and the concept theirs ("my daughter gave me a watch, it said I might…")
            return any(RELATIVES.search(t) and _relatives(t, anchors) for t in texts)
        # a relative the question names is what it asks about: "is she married?" "oui j'ai un mari"
        blank = [re.sub("|".join(rx.pattern for rx in anchors), " ", t, flags=re.I) if anchors else t for t in texts]
        return any(_subject_relative(b) and all(rx.search(t) for rx in anchors) for t, b in zip(texts, blank))

    def _value(
        self,
        intent: str,
        text: str,
        anchors: list[re.Pattern],
        counted: re.Pattern | None = None,
        change: bool = False,
        now: bool = False,
        past: bool = False,
        month: str = "",
    ) -> str | None:
        """The first value of the wanted kind in text, after the question's concept when it is there; for a
        count, the number said before the counted noun. change: the question asks for a gain or a loss. now:
        it asks for the value today, said last ("8 à 9 sur 10 au début … là c'est plutôt 3 à 4 sur 10")."""
        if intent == "count":  # "… in september?": from where that month is said, if it is
            said = re.search(rf"\b(?:{month})\b", text, re.I) if month else None
            if month and said is None:
                return None
            text = text[said.start() :] if said else text
            return count_before(counted, text) if counted is not None else None
        if intent == "value":
            text = spelled_values(text)
        masked = SCALE.sub(lambda m: " " * len(m.group(0)), text) if intent == "severity" else text
        for rx in anchors if intent != "side" else ():  # "right knee": the side is said with what it qualifies
            masked = rx.sub(lambda m: " " * len(m.group(0)), masked)
        after = min((m.start() for rx in anchors for m in [rx.search(text)] if m), default=0)
        found = []
        for m in VALUE_RX[intent].finditer(masked):
            if intent == "side" and _NOT_THE.search(masked[max(0, m.start() - 12) : m.start()]):
                continue  # "it's not the right knee it's the left knee"
            if intent == "duration" and _AGE_BEFORE.search(masked[: m.start()]) and _AGE_AFTER.match(masked[m.end() :]):
                continue  # "madame marchand, 34 ans, caissière": her age, not how long
            if intent.startswith("when") and _FOR_THE.search(masked[: m.start()]):
                continue  # "bothering me for the last week" is how long, not when
            if intent == "value" and _dose_of_a_drug(text, m):
                continue  # "your ldl was 118, on the atorvastatin twenty": the twenty is the drug's
            if intent in ("value", "dose") and (
                NOT_A_VALUE_BEFORE.search(masked[: m.start()])
                or NOT_A_VALUE_AFTER.match(masked[m.end() :])
                or not change
                and CHANGE_BEFORE.search(text[: m.start()])  # unmasked: "pris la température"
            ):
                continue
            found.append(m)
        if intent in ("dose", "frequency", "times") and anchors:
            found = [m for m in found if self._of_the_drug(text, m, anchors)]
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
            # a value said in another sentence than the name, with another subject, is that one's ("viral load
            # undetectable, less than twenty. and the cd four was six hundred and forty"); "in october it was 7.8"
            # is still the a1c's
            anchored = {_sentence_at(text, a.start()) for rx in anchors for a in rx.finditer(text)}
            found = [
                m
                for m in found
                if _sentence_at(text, m.start()) in anchored
                or not _OTHER_SUBJECT.search(_before_in_sentence(text, m.start()))
            ]
            if not found:
                return None
        if now and intent == "value" and anchors:  # "your blood pressure today is 148 over 90. temperature 98.4"
            found = [m for m in found if any(rx.search(_sentence_at(text, m.start())) for rx in anchors)] or found
        found = prefer(intent, found)
        if now and intent == "value":  # today's, not the one it was: "the egfr is 39, it was 48 in march"
            found = [m for m in found if not PAST_SAID.search(text[max(0, m.start() - 60) : m.start()])] or found
            found = [m for m in found if not WAS_SAID.search(text[max(0, m.start() - 25) : m.start()])] or found
        if past and intent == "value":  # the value said of before, not today's: "il y a six mois, … huit virgule 4"
            found = (
                _of_the_month(text, found, month)
                if month
                else [
                    m
                    for m in found
                    if PAST_SAID.search(text[max(0, m.start() - 60) : m.start()])
                    or PAST_SAID_AFTER.match(text[m.end() : m.end() + 45])  # "elle était à douze en janvier"
                ]
            )
            if not found:
                return None  # this exchange says today's value only: a later one may say the earlier
            # the first said after both the name and the month ("in march, the sodium was 134, …, creatinine 1.1";
            # "your crp is eighteen, in january it was four"), else the last
            said = re.search(rf"\b(?:{month})\b", text, re.I) if month else None
            start = max(after, said.start() if said else 0)
            found = [next((m for m in found if start and m.start() >= start), found[-1])]
        best = found[-1] if now else next((m for m in found if m.start() >= after), found[0])
        return normalise_value(intent, best.group(0))

    @staticmethod
    def _of_the_drug(text: str, m: re.Match, anchors: list[re.Pattern]) -> bool:
        """A dose or a frequency belongs to the drug it is said with: the drug named before it in its sentence
        ("lisinopril 20 mg once a day and metformin": the lisinopril's), or right after it ("20 mg of lisinopril",
        "500 mg metformin"). Said with no drug, it is the drug the exchange asks about. Only where the anchors name
        a drug of the text."""
        drugs = [d for d in find_mentions(text) if d.surface.lower() not in lexicon.DRUG_STOP]
        if not any(rx.search(d.surface) for d in drugs for rx in anchors):
            return True
        start = max(text.rfind(c, 0, m.start()) for c in ".?!;") + 1
        ends = [i for i in (text.find(c, m.end()) for c in ".?!;") if i >= 0]
        stop = min(ends) if ends else len(text)
        before = [d for d in drugs if start <= d.start and d.end <= m.start()]
        after = [d for d in drugs if m.end() <= d.start < stop and _ADJACENT.fullmatch(text[m.end() : d.start])]
        gap = text[before[-1].end : m.start()] if before else ""
        if after and (not before or re.search(r"\band\b|\bet\b|,|\bof\b|\bde\b", gap + text[m.end() : after[0].start])):
            owner = after[0]  # "… and 500 mg of metformin"
        else:
            owner = before[-1] if before else None
        return owner is None or any(rx.search(owner.surface) for rx in anchors)

    def _followed(
        self, later: list, intent: str, answering: list[int], said: str = "", now: bool = False
    ) -> tuple[list[int], str | None]:
        """The value the patient gives in the next exchange, of the same thing: a follow-up question on it
        ("what have they been running?" "300s"), or the patient going on after an "okay"; not a question on a
        finding the exchange did not name ("how's your back pain?" … "any lumps that you've noticed?")."""
        before = _findings(said)
        own = said.lower()
        for asking, answering_next, _text, _wider in later:
            asked = self.reader.sents[asking[0]].text if asking else ""
            if asking and not FOLLOW_UP.search(asked) and len(asked.split()) > 2:  # "or?" is no new subject
                return answering, None  # a new subject
            new_words = [w for w in content_words(asked) if w not in own]
            if asking and (_findings(asked) - before or len(new_words) >= 2):
                return answering, None
            replies = [j for j in answering_next if self.reader.is_pat(j)]
            reply = numbers_to_digits(" ".join(self.reader.sents[j].text for j in replies))
            value = self._value(intent, reply, [], now=now)  # now: said last ("started right, now the left")
            if value is not None:
                return answering + asking + replies, value
        return answering, None

    def word_anchors(self, query: Query, every: bool = False, frame: re.Pattern | None = None) -> list[re.Pattern]:
        """The question's own words as anchors, for what no concept names ("pap smear", "the cream"): those
        the consultation says somewhere (every: all of them must be said, else none)."""
        if self.reader is None:
            return []
        said = " ".join(s.text for s in self.reader.sents)
        anchors = [word_pattern(w) for w in content_words(query.text) if not (frame and frame.fullmatch(w))]
        kept = [rx for rx in anchors if rx.search(said)]
        return [] if every and len(kept) < len(anchors) else kept


def _of_the_month(text: str, found: list[re.Match], month: str) -> list[re.Match]:
    """The values said of the month asked: in its sentence ("elle était à douze en janvier", "58 kilos en
    octobre. aujourd'hui, 54": the 58); else after it in the exchange, no other month between ("your labs from
    your physical in january. your ldl was 158")."""
    named = list(re.finditer(rf"\b(?:{month})\b", text, re.I))
    same = []
    for m in found:
        near = min(named, key=lambda x: abs(x.start() - m.start()), default=None)
        if near is not None and abs(near.start() - m.start()) <= 80:
            between = text[near.end() : m.start()] if near.start() < m.start() else text[m.end() : near.start()]
            if not re.search(r"[.;]", between):
                same.append(m)
    if same or not named:
        return same
    after = []
    for m in found:
        before = [x for x in named if x.end() <= m.start() and m.start() - x.end() <= 300]
        if before and not re.search(rf"\b(?:{MONTHS})\b", text[before[-1].end() : m.start()], re.I):
            after.append(m)
    return after


def _relatives(text: str, anchors: list[re.Pattern]) -> bool:
    """Is what the anchors (else the conditions) name in `text` a relative's? When nothing is named there, the
    relative stands."""
    spots = [m.start() for rx in anchors for m in rx.finditer(text)] or [
        start for start, _end, _c in lexicon.find_concepts("condition", text)
    ]
    return not spots or any(relative_of(text, at) is not None for at in spots)


_OTHER_SUBJECT = re.compile(
    r"\b(?:the|your|his|her|le|la|les|l'|son|sa|votre)\s*[\w-]+(?:\s+[\w-]+)?\s+(?:is|was|were|are|est|était|à)\b", re.I
)


def _before_in_sentence(text: str, at: int) -> str:
    """The words of the sentence around `at` that come before it."""
    return text[max((m.end() for m in re.finditer(r"[.?!;](?=\s|$)", text[:at])), default=0) : at]


def _sentence_at(text: str, at: int) -> str:
    """The sentence of `text` around position `at` (a decimal point does not end one)."""
    ends = [m.end() for m in re.finditer(r"[.?!;](?=\s|$)", text)]
    start = max((e for e in ends if e <= at), default=0)
    stop = min((e for e in ends if e > at), default=len(text))
    return text[start:stop]
