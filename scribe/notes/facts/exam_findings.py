"""Examination findings typed from the clinician's spoken exam: tenderness (and where), range of motion, pain
with a movement, murmurs, swelling and effusion, strength, and the normal elements clinicians dictate, each
worded in clinical register ("Right knee: effusion; tenderness to palpation; decreased range of motion.")
instead of the spoken sentence ("your right knee does show a little bit of an effusion there and...").

A finding is typed only from a pattern that says what it is, with its polarity inside the pattern ("no
tenderness", "no pain with pronation"); what the patterns do not read stays the spoken sentence."""

from __future__ import annotations

import re

from scribe.notes.facts.reader import NEGATION_NEAR
from scribe.notes.reply_polarity import answer_polarity

_PART = (
    r"knees?|shoulders?|elbows?|wrists?|hands?|fingers?|thumbs?|hips?|legs?|ankles?|feet|foot|toes?|arms?|"
    r"neck|back|spine|abdomen|belly|chest|heel|calf|thigh|(?:lower |upper )?extremit(?:y|ies)"
)
# Where tenderness is: an anatomical site ("the greater tuberosity of the humerus", "the right lower quadrant")
_SITE = (
    r"(?:(?:left|right|medial|lateral|posterior|anterior|distal|proximal|upper|lower) ){0,3}"
    r"(?:greater tuberosity(?: of the humerus)?|tuberosity|quadrant|(?:cervical |lumbar |thoracic )?spine|"
    r"(?:cervical|lumbar|thoracic) [1-7](?= )|[clt][1-7]|"
    r"(?:meniscus|portion|aspect)(?: area)?|(?:\w+ )?joint lines?|(?:\w+ )?joints?|sternoclavicular|"
    r"acromioclavicular|epicondyle|"
    r"(?:paraspinal |trapezius )?muscles?|"
    r"(?:greater )?trochanter(?:ic)?(?: bursa)?|midline|"
    r"(?:distal |proximal )?phalanx|"
    rf"inside|outside|{_PART})(?: of (?:the |her |his |your |their )?(?:(?:left|right) )?(?:{_PART}|humerus))?"
)
_WHOSE = r"(?:the |her |his |your |their |that )?"
_DEGREE = r"(?:(?:some|mild|slight|significant|moderate|marked|a little|little) (?:bit )?(?:of )?)?"
_NO = r"(?P<neg>\bno |\bwithout |\bnot )?"
_MOVES = (
    r"flexion|extension|supination|pronation|torsion|twisting|(?:internal |external )?rotation|abduction|"
    r"adduction|weight ?bearing|range of motion"
)
_N = r"[0-6]|zero|one|two|three|four|five|six"
_GRADE = rf"(?P<g>{_N})(?: out of| over|/) ?(?:6|six)"

_TENDER = re.compile(
    rf"{_NO}{_DEGREE}(?P<q>(?:(?:midline|point|focal|calf|posterior|mild|paraspinal|muscular|trapezius) )+)?"
    rf"(?P<what>(?:pain|tenderness) (?:to|on|with|of) (?:the )?"
    r"palpation|tenderness|"
    r"(?:is|are|feels?) (?:a little |mildly |slightly |very )?tender(?!ness))"
    rf"(?: (?:(?:of|over|at|on|in|to|along) )?{_WHOSE}(?P<site>{_SITE}(?: or {_WHOSE}{_SITE})?))?",
    re.I,
)
_NONTENDER = re.compile(
    rf"\b(?:{_WHOSE}(?P<site0>{_SITE}) (?:is|are|was|were|seems?|feels?) )?non-? ?tender(?: to palpation)?"
    rf"(?: (?:(?:of|over|at|on|in|to|along) )?{_WHOSE}(?P<site>{_SITE}))?",
    re.I,
)
_ROM = re.compile(
    r"(?P<deg>limited|decreased|reduced|full|normal|good|painful)(?P<kind> active and passive| passive and active|"
    r" active| passive)? range of motion"
    r"(?: (?:on|with|in) (?P<dir>(?:flexion|extension)(?: and (?:flexion|extension))?))?",
    re.I,
)
_PAIN_WITH = re.compile(
    rf"{_NO}{_DEGREE}pain (?:on|with) (?:both )?(?P<m>{_MOVES})(?: and (?P<m2>{_MOVES}))?",
    re.I,
)
_MURMUR = re.compile(rf"{_GRADE} (?P<t>(?:holo)?systolic|diastolic)?(?: ejection)? murmur", re.I)
_NO_MURMUR = re.compile(r"\bno murmurs?(?:,? (?:or |and )?(?:rubs?|gallops?))*", re.I)
_SWELL = re.compile(
    rf"{_NO}(?:(?P<deg>some|mild|trace|slight|moderate|severe|a little (?:bit )?of|an?) )?"
    r"(?P<n>(?:[1-4]|one|two|three|four) ?(?:\+|plus) )?"
    r"(?P<w>effusion|swelling|pitting edema|edema|ecchymosis|erythema|bruising|warmth|deformity)(?P<bil> bilaterally)?",
    re.I,
)
_STRENGTH = re.compile(
    rf"(?P<a>{_N}) out of (?:5|five)(?: strength)? (?:on|in) (?:the |your |his |her )?(?P<side>left|right)", re.I
)
# What the clinician says is not there: "no rebound or guarding", "no gait disturbance or edema" (the "no"
# covers the whole list)
_ABSENT_WORDS = (
    r"rebound|guarding|peritoneal signs|(?:hepato)?splenomegaly|hepatomegaly|organomegaly|masses|"
    r"(?:cervical |axillary |supraclavicular |inguinal |submandibular )?lymphadenopathy|thyromegaly|"
    r"thyroid (?:enlargement|nodules?|masses)|enlarged (?:lymph nodes|thyroid)|(?:acute |apparent |respiratory )?"
    r"distress|(?:carotid )?bruits?|focal (?:neurologic(?:al)? |neuro |motor |sensory )?deficits?|"
    r"(?:cva|costovertebral angle) tenderness|stridor|nystagmus|exudates?|(?:scleral )?icterus|jaundice|pallor|"
    r"gait disturbance|deformity|rash|lesions?|wheez(?:es|ing)|crackles|rales|rhonchi|papilledema|"
    r"edema|swelling|ecchymosis|bruising|erythema|effusion|(?:midline |calf |point )?tenderness|drainage|discharge|"
    r"warmth|induration|fluctuance|"
    r"jugular ve(?:nous|in) (?:distention|distension)|jvd|murmurs?|rubs?|gallops?|clubbing|cyanosis"
)
_ABSENT = re.compile(
    rf"\b(?:no|without) (?:(?:any|other|signs? of) )?(?:(?:ankle|pedal|leg|lower extremity|peripheral) )?"
    rf"(?:{_ABSENT_WORDS})(?:(?:,| or| and| nor)* (?:{_ABSENT_WORDS}))*\b(?! (?:at|of|over|on|in|along|to) )",
    re.I,
)
# Signs said present, with the words that qualify them: "some bilateral expiratory wheezing", "a few crackles at
# the bases", "the thyroid's a bit enlarged", and the general appearance said as "you don't appear in any distress"
_SIGN_WORDS = (
    r"(?:(?:some|mild|slight|faint|scattered|diffuse|bilateral|expiratory|inspiratory|end-expiratory|coarse|fine|"
    r"basilar|bibasilar|a few|few|cervical|axillary|inguinal|submandibular) )*"
)
_SIGN = re.compile(
    rf"{_NO}(?P<w>\b{_SIGN_WORDS}(?:wheez(?:es|ing)|crackles|rales|rhonchi|lymphadenopathy)"
    r"(?: (?:at|in) (?:the |both |her |his |your )?(?:(?:left|right) )?(?:(?:lower|upper|lung) )?"
    r"(?:bases?|lobes?|fields?|lungs))?(?:,? bilaterally)?)",
    re.I,
)
_DEG = r"(?:a (?:little |tiny )?bit |slightly |mildly |somewhat |a little |a slight |slight |mild )"
_ENLARGED = re.compile(
    r"\b(?P<o>thyroid|liver|spleen)(?:'s| is| seems| feels| looks| gland is)? (?:to be )?(?P<neg>not |non-?)?"
    rf"(?P<deg>{_DEG})?enlarged\b|\b(?P<deg2>{_DEG})?(?:enlarged (?P<o2>thyroid|liver|spleen)|enlargement of "
    r"(?:your |the |his |her )?(?P<o3>thyroid|liver|spleen))\b",
    re.I,
)
_MEGALY = {"thyroid": "thyromegaly", "liver": "hepatomegaly", "spleen": "splenomegaly"}
_NO_DISTRESS = re.compile(
    r"\b(?:(?:do|does|did) ?(?:not|n't) (?:appear|seem|look)(?: to be)?|(?:are|is|'re|'s) not|not) (?:in )?(?:any )?"
    r"(?P<q>acute |apparent )?distress(?:ed)?\b",
    re.I,
)
# Clinical words left once the typed findings are taken out: the sentence says more than the patterns read
_UNREAD = re.compile(
    r"\b(?:hurts?|hurting|pain\w*|tender\w*|swell\w*|swollen|not|no|positive|negative|decreased|increased|"
    r"abnormal\w*|normal|weak\w*|numb\w*|sensation|reflex\w*|murmur\w*|mass\w*|lump\w*|red\w*|wheez\w*|"
    r"crackl\w*|rales|rhonchi|enlarg\w*|distress\w*|lymph\w*|bruits?|thyro\w*)\b",
    re.I,
)
_NOT_JOINT = re.compile(
    r"murmur|lungs|rhythm|rebound|guarding|peritoneal|jugular|megaly|wheez|crackles|rales|rhonchi|gallop|"
    r"sensation|quadrant|murphy",
    re.I,
)
_NORMAL = [
    (re.compile(r"\blungs (?:are |sound )?clear\b", re.I), "lungs clear to auscultation"),
    (re.compile(r"\bregular rate and rhythm\b", re.I), "regular rate and rhythm"),
    (re.compile(r"\bsensation (?:is )?(?:intact|normal)\b", re.I), "sensation intact"),
    (re.compile(r"(?:(?<=abdomen )|(?<=belly ))(?:is |was |feels )?(?:nice and )?soft\b", re.I), "soft"),
]
_TESTS = (
    r"straight leg raise|mcmurray'?s?|lachman'?s?|anterior drawer|posterior drawer|murphy'?s?|phalen'?s?|tinel'?s?|"
    r"spurling'?s?|hawkins'?s?(?:-kennedy)?|neer'?s?|finkelstein'?s?|faber|patrick'?s?|empty can|drop arm|"
    r"thompson'?s?|homans?'?s?|rovsing'?s?|mcburney'?s?|psoas|obturator|romberg'?s?|babinski'?s?|hoffmann?'?s?|"
    r"kernig'?s?|brudzinski'?s?|slump|apprehension|valgus stress|varus stress|sacroiliac(?: joint)?|si joint|"
    r"speed'?s?|yergason'?s?|o'brien'?s?|finklestein'?s?"
)
_TEST = re.compile(
    rf"\b(?:(?P<r1>positive|negative) (?P<t1>{_TESTS})(?: (?P<n1>tests?|signs?|maneuvers?))?|(?P<t2>{_TESTS})"
    r"(?: (?P<n2>tests?|signs?|maneuvers?))? (?:is|was|are|were)(?: also| still)? (?P<r2>positive|negative))\b",
    re.I,
)
_SIDED_PART = re.compile(rf"\b(?:(?P<side>left|right) )(?P<part>{_PART})\b", re.I)
_ANY_PART = re.compile(rf"\b(?P<side>)(?P<part>{_PART})\b", re.I)
_SITE_LEFT = re.compile(r"^\W*(?:(?:of|over|at|on|in|along) (?:the |her |his |your |their )?\w+)", re.I)
_INSIDE = {"inside": "medial", "outside": "lateral"}
_DIGIT = {w: str(i) for i, w in enumerate("zero one two three four five six".split())}


def _digit(word: str) -> str:
    return _DIGIT.get(word.lower(), word)


def _site_words(site: str, part: str | None) -> str:
    """ "the inside" of a knee is its medial side; a bare "inside" takes the part the sentence is about."""
    site = re.sub(r"\s+", " ", site.strip().lower())
    for word, term in _INSIDE.items():
        if site.startswith(word):
            rest = re.sub(rf"^{word}(?: of (?:the |your |her |his )?)?", "", site).strip()
            return f"{term} {rest or part or ''}".strip()
    return site


def typed_findings(text: str) -> list[tuple[int, int, str]]:
    """(start, end, finding in note words) for each examination finding the patterns read in `text`."""
    t = text
    part_m = _SIDED_PART.search(t)
    part = part_m.group("part").lower() if part_m else None
    out: list[tuple[int, int, str]] = []

    def add(m: re.Match, words: str) -> None:
        if all(m.end() <= a or m.start() >= b for a, b, _ in out) and words not in {w for *_, w in out}:
            out.append((m.start(), m.end(), words))

    for m in _ABSENT.finditer(t):
        add(m, re.sub(r"\s*,\s*", ", ", m.group(0).lower()).replace("jvd", "jugular venous distention"))
    for m in _NO_DISTRESS.finditer(t):
        add(m, f"no {(m.group('q') or '').lower()}distress")
    for m in _ENLARGED.finditer(t):
        sign = _MEGALY[(m.group("o") or m.group("o2") or m.group("o3")).lower()]
        add(m, f"no {sign}" if m.group("neg") else f"{'mild ' if m.group('deg') or m.group('deg2') else ''}{sign}")
    for m in _SIGN.finditer(t):
        add(m, f"{'no ' if m.group('neg') else ''}{re.sub(r'^(?:some|a few|few) ', '', m.group('w').lower())}")
    for m in _MURMUR.finditer(t):
        kind = " ".join(w for w in ((m.group("t") or "").lower(), "ejection" * ("ejection" in m.group(0).lower())) if w)
        add(m, f"grade {_digit(m.group('g'))}/6 {kind + ' ' if kind else ''}murmur")
    for m in _NO_MURMUR.finditer(t):
        add(m, m.group(0).lower())
    for m in _STRENGTH.finditer(t):
        add(m, f"strength {_digit(m.group('a'))}/5 on the {m.group('side').lower()}")
    for m in _ROM.finditer(t):
        kind = (m.group("kind") or "").strip().lower()
        words = f"{m.group('deg').lower()} {kind + ' ' if kind else ''}range of motion"
        add(m, words + (f" on {m.group('dir').lower()}" if m.group("dir") else ""))
    for m in _PAIN_WITH.finditer(t):
        moves = " and ".join(x.lower() for x in (m.group("m"), m.group("m2")) if x)
        add(m, f"{'no ' if m.group('neg') else ''}pain with {moves}")
    for m in _NONTENDER.finditer(t):  # "he is non-tender over his cervical spine", "soft, nontender"
        site = m.group("site") or m.group("site0")
        add(m, "no tenderness" + (f" over the {_site_words(site, part)}" if site else ""))
    for m in _TENDER.finditer(t):
        words = "tenderness to palpation" if "palpation" in m.group("what").lower() else "tenderness"
        q = list(dict.fromkeys((m.group("q") or "").lower().split()))  # "posterior mild posterior" once
        q = sorted(q, key=lambda w: w != "mild")
        words = f"{' '.join(q) + ' ' if q else ''}{words}"
        if m.group("site"):
            words += f" {'of' if 'palpation' in words else 'over'} the {_site_words(m.group('site'), part)}"
        add(m, f"{'no ' if m.group('neg') else ''}{words}")
    for m in _SWELL.finditer(t):
        n = _digit(re.sub(r"\W|plus", "", (m.group("n") or "").lower()))
        deg = (m.group("deg") or "").lower()
        deg = f"{deg} " if deg in ("mild", "trace", "slight", "moderate", "severe") and not m.group("neg") else ""
        words = f"{'no ' if m.group('neg') else ''}{deg}{n + '+ ' if n else ''}{m.group('w').lower()}"
        add(m, words + (" bilaterally" if m.group("bil") else ""))
    for rx, words in _NORMAL:
        for m in rx.finditer(t):
            add(m, words)
    for m in _TEST.finditer(t):
        test = re.sub(r"(?<!hawkin)(?<!homan)'?s$", "", (m.group("t1") or m.group("t2")).lower())
        noun = (m.group("n1") or m.group("n2") or "test").lower()
        add(m, f"{test} {noun} {(m.group('r1') or m.group('r2')).lower()}")  # "McMurray test negative"
    return sorted(out)


def fully_read(text: str, found: list[tuple[int, int, str]]) -> bool:
    """Whether the typed findings say all the clinical words of `text` (no negation or sign left unread)."""
    if any(_unread_negation(text, a) for a, _b, _w in found):
        return False
    if any(w.startswith("tenderness") and " the " not in w and _SITE_LEFT.match(text[b:]) for _a, b, w in found):
        return False  # "tenderness over the …" where the site was not read
    rest = "".join(c if not _inside(i, found) else " " for i, c in enumerate(text))
    return not _UNREAD.search(rest)


def _unread_negation(text: str, start: int) -> bool:
    """A negation in the clause before a finding typed as present ("no gait disturbance or edema")."""
    before = re.split(r"[.;,]| and | but ", text[:start])[-1]
    return bool(NEGATION_NEAR.search(before)) and not re.match(r"\s*(?:no|without|not)\b", text[start:], re.I)


def exam_sentence(text: str) -> str | None:
    """The typed findings of an exam sentence as one note sentence, the sided body part first ("Right knee:
    effusion; tenderness to palpation."); None when no finding is typed."""
    found = typed_findings(text)
    if not found:
        return None
    if any(_unread_negation(text, a) for a, _b, _w in found) or any(
        w.startswith("tenderness") and " the " not in w and _SITE_LEFT.match(text[b:]) for _a, b, w in found
    ):
        return None  # a "no" the patterns did not take, a site they did not read: the sentence as said
    rest = "".join(c if not _inside(i, found) else " " for i, c in enumerate(text))
    if _UNREAD.search(rest):
        return None  # "…not on flexion though you said it hurts right here on the inside": more than typed
    outside = [m for rx in (_SIDED_PART, _ANY_PART) for m in rx.finditer(text) if not _inside(m.start(), found)]
    head = outside[0] if outside else None
    if head is None and re.search(r"\b(?:left|right|gauche|droite)\b", rest, re.I):
        return None  # "left base, wheezes but no crackles": a side no part pattern reads is not dropped
    if head is None:
        return _joined([w for *_, w in found])
    parts = {m.group("part").lower().rstrip("s") for m in outside}
    sides = {m.group("side").lower() for m in outside if m.group("side")}
    closes = head.start() >= found[-1][1] and head.start() - found[-1][1] <= 20
    of_joint = not any(_NOT_JOINT.search(w) for *_, w in found)  # all findings of a joint, the one named
    if len(parts) == 1 and len(sides) <= 1 and (closes or of_joint):  # "…pain on flexion and extension on the knee"
        return _joined([w for *_, w in found], " ".join(w for w in (head.group("side"), head.group("part")) if w))
    if head.start() > found[0][0] and re.search(
        r"\b(?:of|in|on|over) (?:the |his |her |your |their )?$", text[: head.start()]
    ):
        return None  # "some edema and erythema of his right knee, but his left knee looks fine": as said
    if (len(parts) > 1 or len(sides) > 1) and head.start() < found[0][0]:
        # "your abdomen is soft, and your lower extremities have no edema": each finding with the part before it
        groups: dict[str, list[str]] = {}
        named = sorted(
            {m.end(): m for m in sorted(outside, key=lambda m: m.start(), reverse=True)}.values(),
            key=lambda m: m.start(),
        )  # one mention a place, with its side when said
        for a, _b, w in found:
            part = [m for m in named if m.start() < a][-1]
            groups.setdefault(" ".join(x for x in (part.group("side"), part.group("part")) if x).lower(), []).append(w)
        return " ".join(_joined(words, where) for where, words in groups.items())
    where = " ".join(w for w in (head.group("side"), head.group("part")) if w).lower()
    before = [w for a, _b, w in found if a < head.start()]
    after = [w for a, _b, w in found if a >= head.start()]
    return " ".join(x for x in (_joined(before), _joined(after, where)) if x)


# Where a run-on spoken exam ("…you're in no apparent distress I'm feeling your neck there's no cervical
# lymphadenopathy and your thyroid seems not enlarged and listening to your lungs…") turns to another finding
_CLAUSE_TURN = re.compile(
    r"[,;]|\bso\b|\b(?:and|but)\b(?= (?:your|there|i|on|the|his|her|listening|looking|feeling|no)\b)|"
    r"(?=\b(?:i'm|i am|i'll|i) (?:feeling|listening|looking|feel|hear|see|notice|appreciate)\b)|"
    r"(?=\b(?:listening to|looking at|feeling|on (?:your|his|her) (?:\w+ )?exam)\b)|"
    r"(?=\b(?:your|his|her) (?:heart|lungs?|abdomen|belly|neck|thyroid|lower extremities|legs|skin)\b)",
    re.I,
)


def clause_findings(text: str) -> str | None:
    """The typed findings of a long spoken exam sentence read clause by clause, when the sentence as a whole
    says more than the patterns read: each clause that types cleanly is kept; None when none does."""
    if len(text.split()) < 20:
        return None
    cuts = [0] + [m.start() for m in _CLAUSE_TURN.finditer(text) if m.start() > 0] + [len(text)]
    out = [exam_sentence(text[a:b].strip(" ,;")) for a, b in zip(cuts, cuts[1:]) if len(text[a:b].split()) >= 2]
    typed = [t for t in out if t]
    return " ".join(typed) if typed else None


def _inside(at: int, found: list[tuple[int, int, str]]) -> bool:
    return any(a <= at < b for a, b, _ in found)


def _joined(words: list[str], where: str = "") -> str:
    """ "Right knee: effusion; tenderness to palpation." ('' for no words)."""
    if not words:
        return ""
    text = "; ".join(words)
    if where:
        return f"{where[0].upper()}{where[1:]}: {text}."
    return text[0].upper() + text[1:] + "."


_ASKED_TENDER = re.compile(
    r"\bdoes (?:it|this|that) hurt when i (?:push|press)(?: (?:you|on you|here|down))*(?: on| over| at)? "
    rf"{_WHOSE}(?P<site>{_SITE})",
    re.I,
)


def asked_tenderness(question: str, answer: str) -> str | None:
    """ "Does it hurt when I push on the inside of the knee?" "Yeah, that hurts" → "Tenderness to palpation of
    the medial knee." ("No tenderness…" for a no); None for another question or an unclear reply."""
    m = _ASKED_TENDER.search(question)
    if not m:
        return None
    pol = answer_polarity(answer) or ("yes" if re.search(r"\b(?:hurts|it does|that does)\b", answer, re.I) else "")
    if not pol or re.search(r"\b(?:not as much|a little|a bit|kind of|sort of)\b", answer, re.I):
        return None
    site = _site_words(m.group("site"), None)
    return f"{'No tenderness' if pol == 'no' else 'Tenderness'} to palpation of the {site}."
