"""A spoken examination read clause by clause into typed findings, so the note carries findings in clinical
register instead of the clinician's run-on speech.

Clinicians dictate the exam aloud ("examination of the abdomen there is no tenderness to palpation there is no
rebound or guarding there is cva there is tenderness on the right side"); read as one sentence, the "no" at its
head spreads onto findings that are present. Here the sentence is cleaned of fillers and stutters ("no, uh, no,
no"), cut into clauses, and each clause is read on its own: its polarity stays inside it, its side and the
part examined travel with it, and a clause the patterns do not read is left out rather than printed as speech.
The findings are grouped under the part examined ("Right knee", "Abdomen") or the system they belong to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scribe.notes.facts.exam_findings import fully_read, typed_findings
from scribe.notes.number_words import numbers_to_digits

# Fillers and hesitations that carry nothing ("uh", "um", "you know"); "I mean" is handled as a correction.
_FILLER = re.compile(r"(?:^|(?<=[\s,.;]))(?:u+h+|u+m+|e+r+m*|hmm+|mm+|you know|okay|ok|alright)\b[,.]?", re.I)
# "no, uh No, no, no. Um, fracture": the stuttered negation said once
_NO_STUTTER = re.compile(r"\b(no|not)\b(?:[\s,.;]+(?:no|not)\b)+", re.I)
_NO_COMMA = re.compile(r"\b(no|without)[,.;]\s+", re.I)
# "no deformity or no swelling": the second "no" repeats the first ("or", "nor" inside a denied list)
_OR_NO = re.compile(r"(\b(?:no|without) [\w -]+?) (or|nor) no\b", re.I)
# "the left, sorry, the right ankle": the side said last is the one meant
_SIDE_FIX = re.compile(
    r"\b(?:left|right)\b,?\s+(?:sorry|i mean|excuse me|rather|no|actually)[,.]?\s+"
    r"(?:the |your |on the )?(?=left\b|right\b)",
    re.I,
)
_TO_PALPATION = re.compile(r"\bto (?:pain|discomfort) (?=to palpation\b)", re.I)

# Where a clause ends: punctuation, "and"/"but" before a new subject, "there is", "you have"
_CUT = re.compile(
    r"\s*[,;.]\s*|\s+along with\s+|\s+as well(?:\s+and|\s+as)?\s+|"
    r"\s+(?=on (?:your|his|her|their|the) (?:\w+ )?exam\b|bowel sounds\b)|"
    r"\s+(?=(?:that's|which is|that is) (?:good|great)\b|that (?:just )?means\b)|"
    r"\s+(?=(?:and )?(?:we'll|we're|we will|i'll|i'm|let me|that's when)\b)|"
    r"\s+(?:and|but|also)\s+(?=(?:there|you|your|his|her|their|the|no|i|she|he|on|full|normal)\b)|"
    r"\s+(?=there(?:'s| is| are| was| were)\b)|"
    # "no muscle wasting tender over the outside of the shoulder": a new finding, its comma lost
    r"(?<!\bnon)(?<!\bnot)(?<!-)\s+(?=(?:tender|swollen|warm|red) (?:over|at|on|along|in|to)\b)|"
    r"\s+(?=(?:you|he|she|they) (?:have|has|do have|does have)\b)|"
    r"(?<! of)(?<! on)(?<! in)(?<! to)(?<! at)(?<!over)(?<!with)(?<!from)"
    r"\s+(?=(?:and |but )?(?:your|his|her|their) (?:(?:left|right) )?(?:heart|lungs?|abdomen|belly|neck|throat|"
    r"ears?|skin|back|strength|sensation|reflexes|knees?|shoulders?|elbows?|wrists?|hips?|ankles?|legs?|feet|"
    r"hands?|lower extremities)\b)",
    re.I,
)
# The examiner's frame, not a finding: "on examination of your abdomen", "listening to your heart"
_FRAME = re.compile(
    r"^(?:(?:so|and|now|then|on|upon|in)\s+)*(?:(?:the |your |my |a |on )?(?:physical )?exam(?:ination)?s?"
    r"(?: of (?:the |your |his |her |their )?(?P<p1>(?:(?:left|right) )?[\w ]+?))?(?: today)?"
    r"(?: (?:shows?|is|reveals?))?|"
    r"(?:listening|listen|looking|look|feeling|feel|checking|check|palpating|examining)"
    r"(?: (?:to|at|in|on|into))? (?:the |your |his |her |their )?(?P<p2>(?:(?:left|right) )?[\w ]+?))"
    r"(?:\s*[,:]\s*|\s+(?=there\b|you\b|i\b|no\b|and\b|it\b)|$)",
    re.I,
)
_SUBJECT = re.compile(
    r"^(?:there(?:'s| is| are| was| were)|(?:you|he|she|they) (?:have|has|do have|does have|had)|"
    r"i (?:do |can |also )?(?:see|hear|feel|appreciate|notice|note|find))\s+",
    re.I,
)
_NOT_OBSERVED = re.compile(
    r"\b(?:i|we) (?:do not|don't|did not|didn't|can't|cannot) (?:see|feel|hear|appreciate|notice|find|note)"
    r"(?: any)?\s+|^(?:you|he|she|they) (?:do not|don't|does not|doesn't) have(?: any)?\s+|"
    r"^there(?:'s| is| are) not? (?:any )?",
    re.I,
)
_STRUCTURES = (
    r"tonsils?|throat|pharynx|ears?|tympanic membranes?|eardrums?|nose|nasal mucosa|eyes?|pupils?|conjunctivae?|"
    r"neck|thyroid|skin|rash|wound|incision|lesion|heart|heart sounds|lungs|breath sounds|abdomen|belly|"
    r"bowel sounds|pulses?|gait|reflexes|sensation|calves|extremities|lower extremities|mucous membranes"
)
# "your tonsils are red and swollen", "the rash on your forearm is red and raised", "ears look normal"
_STATE_ADJ = (
    r"red|swollen|enlarged|erythematous|normal|clear|intact|soft|supple|warm|raised|dry|moist|pink|"
    r"symmetric(?:al)?|equal|reactive|round|regular|unremarkable|healed|healing|clean|flat|pale|injected|"
    r"bulging|dull|present|active|hyperactive|diminished|decreased|absent|steady|stable|non-?tender"
)
_STATE = re.compile(
    rf"^(?:the |your |his |her |their )?(?P<s>(?:(?:left|right) )?(?:{_STRUCTURES}))"
    r"(?: (?:on|of) (?:the |your |his |her |their )?(?P<loc>(?:(?:left|right) )?\w+))?"
    r"(?:'s| is| are| look| looks| sound| sounds| appear| appears| seem| seems| feel| feels)(?: to be)? "
    rf"(?P<neg>not )?(?P<a>(?:{_STATE_ADJ})(?:(?:,| and|,? but) (?:{_STATE_ADJ}))*)$",
    re.I,
)
_NORMAL_FIRST = re.compile(
    r"^(?:normal|clear|intact|soft|supple|symmetric\w*|equal|regular|unremarkable|present|stable)", re.I
)
# "there is cva tenderness on the right side": the side said after the site
_SIDE_AFTER = re.compile(
    r"^(?P<neg>no )?(?P<q>cva|costovertebral angle|flank|paraspinal|calf) tenderness"
    r"(?: (?:on|in) the (?P<side>left|right)(?: hand)?(?: side)?| (?P<bil>bilaterally))?$",
    re.I,
)
_STRENGTH_ALL = re.compile(
    r"^(?:(?:strength|motor strength)(?: is)? (?P<a>[0-5]) (?:out of|over) (?:5|five)|(?P<b>[0-5]) out of (?:5|five) "
    r"strength)(?: (?:in|on|throughout) (?P<w>(?:all|both|the|his|her|your|upper|lower|four) ?"
    r"(?:extremities|arms|legs|upper extremities|lower extremities|limbs)?))?$",
    re.I,
)
_ASIDE = re.compile(
    r"\b(?:means?|meaning|that's good|which is good|because|probably|i think|if|might|may|could|would|"
    r"we'll|worried|concern\w*)\b",
    re.I,
)
# "decreased flexion and extension of the back", "a positive straight leg on the right"
_MOTION = re.compile(
    r"^(?:some )?(?P<d>decreased|limited|reduced|painful|full) (?P<m>flexion|extension|abduction|adduction|"
    r"(?:internal |external )?rotation)(?: and (?P<m2>flexion|extension|abduction|adduction|(?:internal |external )?"
    r"rotation))?(?: of the (?P<p>\w+))?$",
    re.I,
)
_SLR = re.compile(
    r"^(?:an? )?(?P<r>positive|negative) straight leg(?: raise)?(?: test)?"
    r"(?: on the (?P<side>left|right)| bilaterally)?$",
    re.I,
)
# "a little bit of tenderness when i flex your knee when i do some valgus stressing": what brings it on
_WHEN_I = re.compile(
    r"^(?:(?:some|mild|a little(?: bit)?(?: of)?) )*(?P<w>pain|tenderness) (?:when|as|if) (?:i|you) (?P<rest>.+)$", re.I
)
_MANEUVER = [
    (r"flex\w*|bend\w*", "flexion"),
    (r"extend\w*|extension|straighten\w*", "extension"),
    (r"valgus", "valgus stress"),
    (r"varus", "varus stress"),
    (r"rotat\w*|twist\w*", "rotation"),
]
_TIGHT = re.compile(
    r"^(?:(?:some|mild|a little(?: bit)?(?: of)?) )*(?:muscle )?(?P<w>tightness|spasm)"
    r"(?: (?:in|of) (?:the |those |these )?(?:\w+ )?(?:muscles?|musculature))?(?: as well)?$",
    re.I,
)
_REFLEXES = re.compile(
    r"^(?:deep tendon )?reflexes (?:are |were )?(?P<w>normal|symmetric(?:al)?|intact|2\+(?: and symmetric)?)"
    r"(?: (?:and |bilaterally)?(?:symmetric(?:al)?)?)?$",
    re.I,
)
# A clause that names only a site ("there is cva") and the next that says what is there ("there is tenderness
# on the right side"): one finding, said in two goes
_SIDED_SITE = re.compile(
    r"^(?:(?:at|in|on|over) )?(?:the |your |his |her )?(?:left|right) (?:lung )?(?:base|apex|lower lobe|upper lobe|"
    r"middle lobe|lung|side|chest)s?$",
    re.I,
)
_BARE_SITE = re.compile(r"^(?:cva|costovertebral angle|midline|paraspinal|calf|flank)$", re.I)

# The heading each finding goes under: the part said, else the system its words belong to
_SYSTEM_OF = [
    (
        "Abdomen",
        r"abdom\w*|belly|bowel sounds|rebound|guarding|quadrant|cva|costovertebral|murphy|peritoneal|"
        r"hepatomegaly|splenomegaly|organomegaly|masses",
    ),
    ("Cardiovascular", r"heart|murmur|rhythm|gallops?|rubs?|jugular|jvd|pulses?|bruits?"),
    ("Respiratory", r"lungs?|breath sounds|wheez\w*|crackles|rales|rhonchi|stridor"),
    (
        "HEENT",
        r"papilledema|funduscopic|extraocular|throat|tonsils?|pharynx|ears?|tympanic|eardrums?|nose|nasal|eyes?|pupils?|conjunctiv\w*|neck|"
        r"thyro\w*|lymphadenopathy|exudates?|mucous membranes",
    ),
    ("Skin", r"skin|rash|wound|incision|lesions?|drainage|warmth|induration|fluctuance"),
    ("Neurological", r"strength|sensation|reflexes|gait|cranial nerves|focal"),
    ("General", r"distress"),
    ("Back", r"midline|paraspinal|spinous"),
    ("Extremities", r"pitting edema|edema|clubbing|cyanosis"),
]
_LISTED = r"wheezes|rales|crackles|rhonchi|murmurs|gallops|rubs|rebound|guarding"
_PART = re.compile(
    r"\b(?P<side>left|right)? ?(?P<part>(?:knee|shoulder|elbow|wrist|hand|finger|thumb|hip|leg|ankle|toe|arm|"
    r"forearm|heel|thigh)s?|feet|foot|calf|calves|back(?! of)|lumbar spine|cervical spine|spine|"
    r"(?:lower |upper )?extremit(?:y|ies))\b",
    re.I,
)


_FRAME_PART = re.compile(
    r"^(?:and |so )?(?:on |in |looking at |examining )?(?:the |your |his |her |their )?(?P<p>(?:(?:left|right) )?"
    r"[a-z ]+?)(?: ?(?:exam(?:ination)?|evaluation))?$",
    re.I,
)


@dataclass
class ExamGroup:
    """Findings under one heading: the part examined ("Right knee") or a system ("Abdomen")."""

    heading: str
    system: str
    findings: list[str] = field(default_factory=list)

    @property
    def value(self) -> str:
        return "; ".join(self.findings)


def despeech(text: str) -> str:
    """The sentence without fillers, stuttered negations and corrected sides ("no, uh No, no, no. Um,
    fracture or no dislocation" → "no fracture or dislocation")."""
    t = re.sub(r"\b(\w+) n't\b", r"\1n't", text)  # tokenized "do n't"
    t = re.sub(r"\b(gon|wan) na\b", r"\1na", t, flags=re.I)
    t = _FILLER.sub(" ", t)
    t = re.sub(r"\s+([,.;])", r"\1", re.sub(r"\s{2,}", " ", t))
    t = re.sub(r",(?:\s*,)+", ",", t)  # the commas a removed filler leaves ("no , uh , there")
    t = re.sub(r"\b(\w+(?: \w+)?), \1\b", r"\1", t)  # "on your, on your leg": the repeat said once
    t = re.sub(r"\b(i|you|your|his|her|the|a|of|to|on|when)\s*,\s+", r"\1 ", t, flags=re.I)  # "when i, do"
    t = _NO_STUTTER.sub(lambda m: m.group(1), t)
    t = _NO_COMMA.sub(lambda m: m.group(1) + " ", t)
    t = _SIDE_FIX.sub("", t)
    t = _TO_PALPATION.sub("", t)
    t = re.sub(r"\b(left|right)[- ]hand side\b", r"\1 side", t, flags=re.I)  # a side, not the hand
    t = re.sub(r"\b(tender\w* to) palpitation\b", r"\1 palpation", t, flags=re.I)
    t = re.sub(r"\b(is|are|was|were|looks?|feels?),\s+", r"\1 ", t, flags=re.I)  # "the rash is, red and raised"
    t = numbers_to_digits(t)
    t = re.sub(r"^[\s,.;]+|\s+$", "", t)
    for _ in range(3):
        t = _OR_NO.sub(r"\1 \2", t)
    return t


def system_of(words: str) -> str | None:
    for name, rx in _SYSTEM_OF:
        if re.search(rf"\b(?:{rx})s?\b", words, re.I):
            return name
    return None


def _part_heading(words: str) -> tuple[str, str] | None:
    m = _PART.search(words)
    if not m:
        return None
    where = " ".join(x for x in (m.group("side"), m.group("part")) if x).lower()
    return where[0].upper() + where[1:], "musculoskeletal"


def _state(m: re.Match) -> str:
    adjs = re.sub(r",? but ", ", ", m.group("a").lower())
    adjs = re.sub(r"\s*,\s*|\s+and\s+", " and ", adjs)
    s = m.group("s").lower()
    loc = f" of the {m.group('loc').lower()}" if m.group("loc") else ""
    if m.group("neg"):
        return f"{s}{loc} not {adjs}"
    if _NORMAL_FIRST.match(adjs) or s in ("gait", "reflexes", "sensation", "pulses", "bowel sounds", "heart sounds"):
        return f"{s}{loc} {adjs}"
    return f"{adjs.replace(' and ', ', ')} {s}{loc}"


def read_clause(clause: str) -> tuple[list[str], str | None] | None:
    """(findings in note words, the part or structure it is about) for one clause; None when the clause says
    something clinical the patterns do not read (it is left out, never printed as said)."""
    c = clause.strip(" ,;.").lower()
    c = re.sub(r"^(?:and|but|so|also|then|now|plus)\s+", "", c)
    c = re.sub(r"^(?:your|his|her|their) (?=strength|reflexes|sensation|gait)", "", c)
    if _ASIDE.search(c):
        return None  # what a finding means, a hedge, a reason: said to the patient, not a finding
    c = _NO_STUTTER.sub(lambda m: m.group(1), _NOT_OBSERVED.sub("no ", c))
    c = re.sub(r"\s+(?:is |are |was |were )?(?:noted|appreciated|seen|heard)$", "", c)
    c = _SUBJECT.sub("", c)
    if not c:
        return [], None
    m = _SIDE_AFTER.match(c)
    if m:
        side = m.group("side") or ("bilateral" if m.group("bil") else "")
        q = {"cva": "CVA", "costovertebral angle": "CVA"}.get(m.group("q"), m.group("q"))
        return [f"{'no ' if m.group('neg') else ''}{side + ' ' if side else ''}{q} tenderness"], "cva"
    for rx, fmt in (
        (
            _STRENGTH_ALL,
            lambda m: f"strength {m.group('a') or m.group('b')}/5" + (f" in {m.group('w')}" if m.group("w") else ""),
        ),
        (_REFLEXES, lambda m: f"reflexes {m.group('w')}"),
        (_MOTION, lambda m: f"{m.group('d')} {' and '.join(x for x in (m.group('m'), m.group('m2')) if x)}"),
        (
            _SLR,
            lambda m: f"straight leg raise {m.group('r')}" + (f" on the {m.group('side')}" if m.group("side") else ""),
        ),
    ):
        m = rx.match(c)
        if m:
            return [re.sub(r" in (?:his|her|your|the) ", " in ", fmt(m))], None
    m = _WHEN_I.match(c)
    moves = [name for rx, name in _MANEUVER if m and re.search(rf"\b(?:{rx})\b", m.group("rest"), re.I)]
    if m and moves and not re.search(r"\b(?:no|not|don't|doesn't)\b", m.group("rest")):
        return [f"{m.group('w').lower()} with {' and '.join(moves)}"], m.group("rest")
    found = typed_findings(c)
    if found and fully_read(c, found):
        return [w for *_x, w in found], c
    m = _STATE.match(c)
    if m:
        return [_state(m)], m.group("s")
    m = _TIGHT.match(c)
    if m:
        return ["muscle tightness" if m.group("w") == "tightness" else "muscle spasm"], None
    return None


def read_exam(text: str) -> list[ExamGroup] | None:
    """The findings of a spoken exam sentence, grouped under the part examined or their system; clauses that
    do not read are left out. None when no clause reads (the caller keeps its older readings)."""
    t = despeech(text)
    frame_part = None
    fm = _FRAME.match(t)
    if fm:
        frame_part = (fm.group("p1") or fm.group("p2") or "").strip().lower() or None
        t = t[fm.end() :]
    # "no murmurs, gallops, or rubs": a denied list stays one clause
    t = re.sub(r"\bno \w+(?:, \w+)+,? (?:or|nor|and) \w+", lambda m: m.group(0).replace(",", "\x00"), t, flags=re.I)
    clauses = [c.replace("\x00", ",") for c in _CUT.split(t) if c and c.strip(" ,;.")]
    merged: list[str] = []
    for c in clauses:  # "there is cva" + "there is tenderness on the right side"
        bare = _SUBJECT.sub("", c.strip(" ,;.").lower())
        if merged and _BARE_SITE.match(merged[-1]) and bare.startswith("tenderness"):
            merged[-1] = f"{merged[-1]} {bare}"
        else:
            merged.append(bare)
    groups: list[ExamGroup] = []
    pending: list[str] = []  # findings said before the part they belong to
    read = 0
    for c in merged:
        if _BARE_SITE.match(c):
            continue
        got = read_clause(c)
        if got is None and _SIDED_SITE.match(c):
            return None  # "left base, wheezes but no crackles": findings of a side no heading would say
        if got is None:
            # "on your left shoulder exam": a clause naming only the part examined frames what follows
            framing = _FRAME_PART.match(c.strip(" ,;.").lower())
            if framing and _PART.search(framing.group("p")):
                frame_part = framing.group("p")
            continue
        words, about = got
        if not words:
            continue
        read += 1
        tested = any(re.search(r"\b(?:test|sign|maneuver)\b", w) for w in words)  # "straight leg raise"
        head = None if tested else _part_heading(about or "")
        from_words = head is not None
        head = head or _part_heading(frame_part or "")
        if head is None:
            system = system_of(" ".join(words)) or system_of(about or "") or system_of(frame_part or "")
            if system is not None:
                head = (system, system.lower())
            elif groups:  # "swelling of the right ankle, no bruising": the part said before
                head = (groups[-1].heading, groups[-1].system)
            else:  # "limited range of motion as well as pain … on the knee": the part said next
                pending.extend(words)
                continue
        heading, system = head
        if from_words and any(re.search(rf"\b{re.escape(heading.lower())}\b", w) for w in words):
            heading = "Musculoskeletal"  # "no tenderness over the cervical spine": the site stays in its words
        if system == "musculoskeletal" and not re.match(r"(?:left|right) ", heading, re.I):
            side = re.search(r"\bon the (left|right) side\b", c, re.I)  # "edema on the right side"
            heading = f"{side.group(1).capitalize()} {heading.lower()}" if side else heading
        words = [re.sub(r"\b(?:your|his|her|their)\b", "the", w) for w in words]
        words = [re.sub(r"^without ", "no ", _drop_own_part(w, heading)) for w in words]
        words = [re.sub(rf"\b({_LISTED}) (?=(?:{_LISTED})\b)", r"\1, ", w) for w in words]  # "wheezes, rales"
        if groups and groups[-1].heading.lower().rstrip("s") == heading.lower().rstrip("s"):
            groups[-1].findings.extend(w for w in words if w not in groups[-1].findings)
        else:
            if system == "musculoskeletal" and not groups:  # a joint's findings said before the joint
                words, pending = pending + [w for w in words if w not in pending], []
            groups.append(ExamGroup(heading, system, list(words)))
    return groups if read else None


def _drop_own_part(words: str, heading: str) -> str:
    """ "no tenderness to palpation of the abdomen" under "Abdomen" → "no tenderness to palpation"."""
    part = re.escape(heading.lower())
    out = re.sub(rf"\s+(?:of|over|on|in) the (?:(?:left|right) )?(?:{part}|belly)$", "", words)
    return out if out.strip() else words
