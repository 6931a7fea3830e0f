"""The search the answer finder runs over a consultation's units: the unit that mentions what the question
is about, holds its qualifiers and gives the value it wants, or the yes/no the patient gave, where a later
explicit reply that says the contrary replaces an earlier one ("no fever" … "actually I felt feverish");
and the patient's own statements of a kind ("it bothers me when I sit", "8-9 sur 10", "I get seasonal
allergies") for questions the clinician never asked in so many words.
"""

from __future__ import annotations

import contextlib
import hashlib
import re

from scribe.notes import lexicon
from scribe.notes.answers import INTENTS, Query, qualifiers_hold, same_setting
from scribe.notes.answers_units import OFFERS, TranscriptUnits
from scribe.notes.answers_values import (
    CHANGE_ASKED,
    FUTURE_ASKED,
    MONTH_ASKED,
    NOW_ASKED,
    PAST_ASKED,
    PERIOD_ASKED,
    READINGS_ASKED,
    SAID_WITHOUT_NUMBER,
    month_said,
)
from scribe.notes.answers_whose import RELATIVES
from scribe.notes.facts.reader import NEGATION_NEAR, ConsultationReader
from scribe.notes.medication.names import find_mentions
from scribe.notes.number_words import numbers_to_digits
from scribe.notes.reply_polarity import answer_polarity
from scribe.notes.text import clean
from scribe.schemas_docs import Answered, Fact

INTENT_RX = dict(INTENTS)
DETAIL = ("dose", "frequency", "when", "duration", "severity", "value", "side", "count")


def labels_in(text: str) -> frozenset[str]:
    """The symptom and condition labels a text names (either language). Cached: every question of a visit reads
    the same units, and the lexicon match was most of ask()'s time. The cache keeps a digest of the text, never
    the words a patient said, so nothing of a deleted visit stays in memory but generic labels."""
    return _labels(hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest(), text)


_LABELS: dict[bytes, frozenset[str]] = {}


def _labels(key: bytes, text: str) -> frozenset[str]:
    found = _LABELS.get(key)
    if found is None:
        kinds = ("condition", "symptom")
        found = frozenset(c.label for kind in kinds for _s, _e, c in lexicon.find_concepts(kind, text))
        if len(_LABELS) >= 16384:
            with contextlib.suppress(KeyError, RuntimeError, StopIteration):  # another thread evicted it first
                _LABELS.pop(next(iter(_LABELS)))  # the oldest first
        _LABELS[key] = found
    return found


# "does he sleep well?" / "dort-il bien ?" is answered no by "je dors mal": the reply's adverb, not a yes or no word
_WELL_ASKED = re.compile(r"\b(?:well|bien)\W*$", re.I)
_POORLY = re.compile(
    r"\b(?:mal|badly|poorly|not (?:very |too |so |that )?(?:well|good)|pas (?:très |trop |si |super )?bien|"
    r"terribl[ey]|awful)\b",
    re.I,
)
_BUT = re.compile(r"\b(?:but|mais|though|although|sauf que|except|actually|en fait|enfin)\b", re.I)
NOT_UNDERSTOOD = re.compile(
    r"^\W*(?:je n'ai pas (?:compris|entendu)|j'ai pas compris|pardon|comment \?|i (?:did not|didn't|did n't) "
    r"(?:understand|hear)|sorry\W*$|what\W*$)",
    re.I,
)
_STARTED = re.compile(r"\b(?:start\w*|began|begun|commenc\w*|débuté|put (?:you|him|her) on)\b", re.I)
_AGO = re.compile(r"\bago\b|\bil y a\b", re.I)
_SHORT = re.compile(r"\b(?:minutes?|mins?|hours?|heures?)\b", re.I)


# the clinician examining ("when I push on the outside, does it hurt?"): the patient's yes is today's finding
_EXAMINING = re.compile(
    r"\b(?:when|if|as|while|where) i (?:push|press|touch|move|bend|lift|squeeze|straighten|tap|feel|pull|turn|rotate|"
    r"hold|poke)\b|\b(?:does|did|is) (?:this|that|it) (?:hurt|tender|painful|sore|bother)\w* (?:here|there|when i)\b|"
    r"\b(?:does|did|is) this (?:hurt|bother|tender|sore)|\b(?:quand|si|lorsque) j'appuie\b|"
    r"\bsi je (?:bouge|plie|touche)\b|"
    r"\b(?:ça|ca|cela) (?:vous )?fait mal (?:ici|là|comme ça)\b",
    re.I,
)
# a question on the examination itself, which the examination answers
_EXAM_ASKED = re.compile(
    r"\btender\w*|\bon (?:exam|examination|palpation)\b|\bpalpat\w*|\bwhen (?:pressed|pushed|palpated|examined)\b|"
    r"\bexam\w*|\bsensible\b|\bdouloureu\w* à la\b|\bà la palpation\b|\bà l'examen\b",
    re.I,
)
# the clinician's advice put to the patient ("stop drinking soda, is that alright?" "yes"): an agreement, no history
_ADVISING = re.compile(
    r"\b(?:i want you to|i'd like (?:you )?to|i would like (?:you )?to|you should|you need to|you have to|you must|"
    r"try to|make sure|let's|we'll|we will|we're going to|we are going to|i'm going to|i am going to|i'll|"
    r"i recommend|i suggest|je (?:vous )?(?:conseille|recommande|propose)|il faut|il faudrait|vous devriez|vous devez|"
    r"on va|je vais)\b[^?]*\b(?:okay|ok|alright|all right|right|sound good|sounds good|fair|d'accord|ça vous va|"
    r"ça va)\s*\W*$",
    re.I,
)


def same_finding(said: set[str], labels: set[str]) -> bool:
    """A text about the question's finding, said generally or more precisely: "the pain" of an abdominal
    pain question, a "subjective fever" of a fever question, and the reverse."""
    return any(a == b or a.endswith(" " + b) or b.endswith(" " + a) for a in said for b in labels)


def _drugs_in(text: str) -> bool:
    return any(m.surface.lower() not in lexicon.DRUG_STOP for m in find_mentions(text))


def _other_subject(query: Query, sentence: str) -> bool:
    """A sentence on something the question does not name: another drug, another finding."""
    drugs = {m.surface.lower() for m in find_mentions(sentence) if m.surface.lower() not in lexicon.DRUG_STOP}
    asked = {m.surface.lower() for m in find_mentions(query.text)}
    return bool(drugs - asked) or bool(labels_in(sentence) - labels_in(query.text))


class Searcher(TranscriptUnits):
    """One consultation (its reader and facts), searched for many questions."""

    def __init__(self, reader: ConsultationReader | None, facts: list[Fact]):
        super().__init__(reader)
        self.facts = facts

    def _as_specific(self, query: Query, text: str) -> bool:
        """A later reply replaces an earlier one only when it is of the same thing, as precisely: "does the
        pain change with a bowel movement?" "yes" says nothing of blood in the stool."""
        asked = labels_in(query.text)
        if asked and not same_finding(labels_in(text), asked):
            return False
        return all(rx.search(text) for rx in self.word_anchors(query))

    def _polarity(self, reply: str, anchors: list[re.Pattern], labels: set[str] | None) -> str:
        """The reply's yes or no; a "no" that goes on to say it after all is a yes ("j'ai pas pris ma
        température, mais je me sentais un peu fiévreuse"), so that no early "no" stands for a yes."""
        if NOT_UNDERSTOOD.match(reply):
            return ""  # "je n'ai pas compris" is not a no
        polarity = answer_polarity(reply)
        but = _BUT.search(reply) if polarity == "no" else None
        if but is None:
            return polarity
        rest = reply[but.end() :]
        if RELATIVES.search(rest):
            return polarity  # "no, but my wife has a cough": hers, not the patient's
        named = [m for rx in anchors for m in [rx.search(rest)] if m]
        if anchors and len(named) == len(anchors):
            return "no" if any(NEGATION_NEAR.search(rest[: m.start()]) for m in named) else "yes"
        if labels:  # the finding said again after the "but": present unless negated there
            for kind in ("symptom", "condition"):
                for start, _e, c in lexicon.find_concepts(kind, rest):
                    if same_finding({c.label}, labels):
                        return "no" if NEGATION_NEAR.search(rest[:start]) else "yes"
        return polarity

    @staticmethod
    def _names(reply: str, anchors: list[re.Pattern], labels: set[str] | None) -> bool:
        """Does the reply name what it answers ("j'ai pas vomi"), not only yes or no to it?"""
        if labels:
            return same_finding(labels_in(reply), labels)
        return bool(anchors) and all(rx.search(reply) for rx in anchors)

    def asked_text(self, asking: list[int]) -> str:
        """A question with the questions just before it in the same turn: "do you take any treatments? for
        your allergy or something else?" is one question on treatments."""
        if not asking:
            return ""
        k, sents = asking[0], self.reader.sents
        first = k
        while first > 0 and sents[first - 1].seg_index == sents[k].seg_index and sents[first - 1].question:
            first -= 1
        return " ".join(sents[j].text for j in range(first, k + 1))

    def _reply(self, answering: list[int]) -> str:
        return " ".join(self.reader.sents[j].text for j in answering)

    def _search(
        self,
        query: Query,
        anchors: list[re.Pattern],
        family: bool = False,
        asking_rx: re.Pattern | None = None,
        labels: set[str] | None = None,
        qa_only: bool = False,
        not_of_drugs: bool = False,
    ) -> Answered | None:
        """The first unit that mentions every anchor (and a finding of `labels`), holds the qualifiers and
        gives the wanted value. asking_rx: only question/answer pairs whose question matches it (the value
        from the reply; not_of_drugs: nor a question about a drug). A yes/no is replaced by a later reply that
        says the contrary in so many words."""
        units, found, was_named = self.units(), None, False
        for i, (asking, answering, text, wider) in enumerate(units):
            if asking_rx is not None and not (asking and asking_rx.search(self.asked_text(asking))):
                continue
            if labels and not labels & labels_in(text) or (qa_only and not asking):
                continue
            if asking and not same_setting(query, self.reader.sents[asking[0]].text):
                continue  # asked of another episode of care (the ER, the hospital)
            if not_of_drugs and asking and _drugs_in(self.reader.sents[asking[0]].text):
                continue  # "crestor, how long have you been taking that?" is not the complaint's duration
            if not all(rx.search(text) for rx in anchors) or not qualifiers_hold(query, text):
                continue
            if asking and NOT_UNDERSTOOD.match(self._reply(answering)):
                continue  # "fever?" "i didn't understand": nothing was answered
            if query.intent != "count" and self._about_relative(asking + answering, anchors, family) != family:
                continue  # a relative's illness is not the patient's
            explicit = False
            now = query.intent in ("severity", "value", "side") and bool(NOW_ASKED.search(query.text))
            if now and asking:  # the value today is said last, however long the reply
                answering = self._whole_turn(answering)
                wider = numbers_to_digits(f"{self.reader.sents[asking[0]].text} {self._reply(answering)}")
            if query.intent in DETAIL:
                source = numbers_to_digits(self._reply(answering)) if asking_rx else wider
                reply = numbers_to_digits(self._reply(answering)) if asking else ""
                if asking and OFFERS.search(self.reader.sents[asking[0]].text):  # "the 200s or the 300s?"
                    source = reply
                elif query.intent == "side" and self._value("side", reply, []):
                    source = reply  # the patient's side over the clinician's ("not the right knee, the left")
                change = bool(CHANGE_ASKED.search(query.text))
                kind = "when_future" if query.intent == "when" and FUTURE_ASKED.search(query.text) else query.intent
                if kind == "frequency" and PERIOD_ASKED.search(query.text):  # "how many times at night?" "three"
                    kind = "times"
                past = not now and bool(PAST_ASKED.search(query.text))
                month = MONTH_ASKED.search(query.text)
                value = self._value(
                    kind,
                    source,
                    anchors,
                    query.counted,
                    change,
                    now,
                    past,
                    month_said(month.group(1) or month.group(2)) if month else "",
                )
                if value is None and kind == "duration" and _STARTED.search(source):  # "since when?" of "we started
                    value = self._value("when", source, anchors)  # you on the imitrex a couple months ago"
                    value = value if value and _AGO.search(value) else None
                if value is None and query.intent == "value" and asking and anchors:
                    value = self._without_number(query, asking, reply, anchors)
                if value is None and asking_rx is None and anchors and not past:  # (a value of before: said with
                    answering, value = self._followed(units[i + 1 : i + 4], kind, answering, text, now)  # its time)
                ordered = query.intent in ("duration", "when") and _SHORT.search(value or "")
                if value is None or ordered and not self._said_by_patient(asking, answering):
                    continue  # "ice the elbow for 20 minutes" is an order, not how long the pain has lasted
                if asking and asking_rx is None and self._time_of_another(query, asking, reply, value, anchors):
                    continue
                nxt = answering[-1] + 1 if answering else len(self.reader.sents)
                in_text = value.lower() in text.lower() or self._value(kind, text, anchors, query.counted, change, now)
                if source is wider and nxt < len(self.reader.sents) and not in_text:
                    if _other_subject(query, self.reader.sents[nxt].text):
                        continue  # "… your migraines, continue the imitrex." "… the protonix 40 mg a day": not its
                    answering = answering + [nxt]  # the value is in the next sentence
            else:
                if asking and self.not_history(query, asking):
                    continue  # "when I push here, does it hurt?" "yes" is today's exam; "…, okay?" "okay" agrees
                if not self._said_by_patient(asking, answering) or (
                    not asking and any(self.reader.sents[k].question for k in answering)
                ):
                    continue  # "you should exercise more" or an unanswered question asks nothing of the patient
                if asking and anchors:  # the question is its last words: "…a steroid injection. any questions?"
                    asked = self.reader.sents[asking[0]].text[-100:]
                    if not all(rx.search(asked) or rx.search(self._reply(answering)) for rx in anchors):
                        continue
                polarity = self._polarity(self._reply(answering), anchors, labels) if asking else ""
                if asking and anchors and not any(rx.search(self.asked_text(asking)) for rx in anchors):
                    if self._asked_in_reply(answering, anchors):
                        continue  # "fever?" "no, … do you have any trouble sleeping?": the live path gave the
                        # patient the clinician's next question, unpunctuated; it asks about sleep, answers nothing
                    polarity = self._said_unasked(answering, anchors)  # "… lying flat?" "no, nothing like that.
                if not polarity and asking and _WELL_ASKED.search(query.text):
                    polarity = "no" if _POORLY.search(self._reply(answering)) else ""
                explicit = bool(polarity)
                if not polarity:  # the words' own negation, in the reply where there is one
                    said = self._reply(answering) if asking else text
                    negated = any(
                        NEGATION_NEAR.search(said[: m.start()]) for rx in anchors for m in [rx.search(said)] if m
                    ) or (not anchors and labels and self._finding_negated(said, labels))
                    polarity = "no" if negated else "yes"
                value = polarity
            named = self._names(self._reply(answering), anchors, labels)
            if found is not None:
                # said the contrary later, as plainly: "effectivement" to "vomited after the meal?" does not undo
                # an earlier "non, j'ai pas vomi"
                if explicit and value != found.value and self._as_specific(query, text) and (named or not was_named):
                    found, was_named = self._answer(query, value, asking + answering), named
                continue
            found, was_named = self._answer(query, value, asking + answering), named
            if query.intent in DETAIL:
                return found
        return found

    def not_history(self, query: Query, asking: list[int]) -> bool:
        """An exchange that answers no history question: the clinician examining (unless the question is on the
        examination) or putting advice to the patient. By the words of the exchange, not by the examination's
        place: history questions are asked during the examination too ("did they give you fluid in the ER?")."""
        asked = self.reader.sents[asking[0]].text
        if _ADVISING.search(asked):
            return True
        return bool(_EXAMINING.search(asked)) and not _EXAM_ASKED.search(query.text)

    @staticmethod
    def _finding_negated(reply: str, labels: set[str]) -> bool:
        """The finding named in the reply is negated there ("it- not- didn't seem like it swelled that much")."""
        for kind in ("symptom", "condition"):
            for start, _e, c in lexicon.find_concepts(kind, reply):
                if same_finding({c.label}, labels):
                    return bool(NEGATION_NEAR.search(reply[:start]))
        return False

    def _asked_in_reply(self, answering: list[int], anchors: list[re.Pattern]) -> bool:
        """The reply names what the question is about only in a sentence that asks."""
        said = [self.reader.sents[k].text for k in answering]
        naming = [t for t in said if all(rx.search(t) for rx in anchors)]
        return bool(naming) and all(t.rstrip().endswith("?") for t in naming)

    def _said_unasked(self, answering: list[int], anchors: list[re.Pattern]) -> str:
        """The yes or no of the reply's sentence that says what the question did not ask ("no, nothing like that.
        it hurts to bend over"): its own negation decides, not the reply's first word."""
        for k in answering:
            said = self.reader.sents[k].text
            found = [m for rx in anchors for m in [rx.search(said)] if m]
            if len(found) == len(anchors):
                return "no" if any(NEGATION_NEAR.search(said[: m.start()]) for m in found) else "yes"
        return ""

    def _without_number(self, query: Query, asking: list[int], reply: str, anchors: list[re.Pattern]) -> str | None:
        """The reading the patient gives in words to a question that names it ("did you buy the blood
        pressure cuff?" "… it's been pretty good"), for a question on how readings have been (not for
        "what was his ALT value?")."""
        if not READINGS_ASKED.search(query.text):
            return None
        asked = self.asked_text(asking)
        m = SAID_WITHOUT_NUMBER.search(reply) if all(rx.search(asked) for rx in anchors) else None
        return m.group(0) if m else None

    def _whole_turn(self, answering: list[int]) -> list[int]:
        """The reply with the rest of the patient's turn (a unit keeps its first three sentences)."""
        sents, out = self.reader.sents, list(answering)
        while out and out[-1] + 1 < len(sents) and sents[out[-1] + 1].seg_index == sents[out[-1]].seg_index:
            out.append(out[-1] + 1)
        return out

    def _time_of_another(
        self, query: Query, asking: list[int], reply: str, value: str, anchors: list[re.Pattern]
    ) -> bool:
        """A time the patient gives in reply to something else than when it was ("i'd like to update that mri and
        see what's going on" "it has been for the last week"): the question did not ask when, its last words
        (the question itself) do not name what was, nor does the reply."""
        if query.intent not in ("when", "duration"):
            return False
        asked = numbers_to_digits(self.asked_text(asking))
        if value.lower() in asked.lower() or value.lower() not in reply.lower():
            return False
        named = any(rx.search(reply) or rx.search(asked[-80:]) for rx in anchors)
        return not INTENT_RX[query.intent].search(asked) and not named

    def _answer(self, query: Query, value: str, ks: list[int], topic: str | None = None) -> Answered:
        evidence = self._evidence(ks)
        return Answered(
            answered=True,
            answer=value if query.intent in DETAIL else clean(" ".join(e.quote for e in evidence)),
            value=value,
            evidence=evidence,
            confidence=0.85,
            topic=topic or (query.concepts[0] if query.concepts else query.intent),
        )

    def said(
        self,
        query: Query,
        rx: re.Pattern,
        anchors: list[re.Pattern] = (),
        topic: str | None = None,
        value_of: str | None = None,
        labels: set[str] | None = None,
        before: bool = False,
    ) -> Answered | None:
        """The first thing the patient says that matches rx (with every anchor in the same sentence or the
        question it answers, and one of the findings `labels`), not of a relative: its match is the value
        ("8-9 sur 10", "when I sit for long periods"), or the value of kind `value_of` it states, or "no"
        when it is negated. before: with the sentence of the same turn before it ("sur le côté. c'est comme ça
        que j'avais le moins mal")."""
        if self.reader is None:
            return None
        for asking, answering, _text, _wider in self.units():
            asked = self.reader.sents[asking[0]].text if asking else ""
            for k in answering:
                s = numbers_to_digits(self.reader.sents[k].text)
                m = rx.search(s)
                if not m or not self.reader.is_pat(k) or self._about_relative([k], [rx], False):
                    continue
                if not all(a.search(s) or a.search(asked) for a in anchors) or not qualifiers_hold(query, s):
                    continue
                if labels and not same_finding(labels_in(s), labels) or value_of and _drugs_in(s):
                    continue
                value = self._value(value_of, s, []) if value_of else m.group(0).strip(" ,.")
                if value is None:
                    continue
                if query.intent not in DETAIL:
                    value = "no" if NEGATION_NEAR.search(s[: m.start()]) else "yes"
                found = self._answer(query, value, [k - 1, k] if before and k - 1 in answering else [k], topic)
                if query.intent not in DETAIL:
                    found.answer = clean(s)
                return found
        return None
