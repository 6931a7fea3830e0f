"""Test results read as a note writes them: test, value, interpretation ("Hemoglobin A1c 7.3.", "Potassium 3.9.
Creatinine 1.1, normal.", "X-ray right wrist: no fracture or dislocation.", "CT scan: 0.5 cm stone in the proximal
right ureter.", "Radio du poignet droit : pas de fracture.") instead of the clinician's spoken review ("I did review
the results of their CT and it does show a stone that's measuring point 5 centimeters located in…").

A result is typed only when its test, its value or its finding are read whole; a value said of another time
("last time it was 7") or a goal ("we want it under 7") is not today's result, and a finding that still reads as
speech is not printed (the caller keeps its older reading, which the verifier checks)."""

from __future__ import annotations

import re

from scribe.notes.facts.exam_clauses import despeech
from scribe.notes.register import speech_markers

_LABS = [
    (r"(?:hemoglobin |hb)?a1c|hba1c", "Hemoglobin A1c"),
    (r"potassium", "Potassium"),
    (r"sodium", "Sodium"),
    (r"creatinine", "Creatinine"),
    (r"(?:fasting )?(?:blood )?glucose|blood sugar", "Glucose"),
    (r"(?:total )?cholesterol", "Cholesterol"),
    (r"ldl", "LDL"),
    (r"hdl", "HDL"),
    (r"triglycerides", "Triglycerides"),
    (r"tsh", "TSH"),
    (r"psa", "PSA"),
    (r"hemoglobin(?! a1c)", "Hemoglobin"),
    (r"white (?:blood )?(?:cell )?count|wbc", "White blood cell count"),
    (r"platelets?(?: count)?", "Platelets"),
    (r"vitamin d", "Vitamin D"),
    (r"(?:ejection fraction|ef)", "Ejection fraction"),
]
_LABS_FR = [
    (r"h[ée]moglobine glyqu[ée]e|hba1c", "Hémoglobine glyquée"),
    (r"kali[ée]mie|potassium", "Kaliémie"),
    (r"cr[ée]atinine|cr[ée]atinin[ée]mie", "Créatinine"),
    (r"glyc[ée]mie(?: à jeun)?", "Glycémie"),
    (r"cholest[ée]rol(?: total)?", "Cholestérol"),
    (r"tsh", "TSH"),
    (r"crp", "CRP"),
    (r"h[ée]moglobine(?! glyqu)", "Hémoglobine"),
]
_INTERP = r"normal|high|elevated|low|stable|borderline|improved|better|worse|within normal limits"
_UNIT = r"%|percent|mg/dl|mmol/l|g/dl|g/l|units?"
_NUM = r"\d+(?:[.,]\d+)?"
# a value of another time, a goal, a question: not today's result
_NOT_NOW = re.compile(
    r"\b(?:last|previous(?:ly)?|before|ago|used to|in (?:january|february|march|"
    r"april|may|june|july|august|september|october|november|december)|goal|target|under|below|less than|"
    r"should be|want (?:it|that|them)|we'll|will|going to|gonna|recheck|repeat|dernière fois|avant|objectif|"
    r"il y a)\b",
    re.I,
)
_IMAGING = (
    r"(?P<chest>(?:chest|cervical(?: spine)?|lumbar(?: spine)?|thoracic(?: spine)?|knee|hip|shoulder|ankle|wrist|"
    r"hand|foot|abdominal|pelvic|head|renal|kidney|neck) )?"
    r"(?P<test>x-?rays?|ct(?: scan)?|cat scan|mri|ultrasound|echo(?:cardiogram)?|ekg|ecg)"
)
_IMAGING_LABEL = {"x": "X-ray", "c": "CT scan", "m": "MRI", "u": "Ultrasound", "e": "Echocardiogram"}
_SHOWS = re.compile(
    r"\b(?:(?:it |that |which )?(?:does |did )?(?:show(?:s|ed)?|reveal(?:s|ed)?|demonstrate(?:s|d)?)(?: that)?"
    r"(?: there(?:'s| is| are| was| were))?(?: (?:you|he|she|they) (?:have|has|had))?|"
    r"and there(?:'s| is| are| was| were))"
    r"[\s,]+(?P<body>.+)$",
    re.I,
)
_PLAIN = re.compile(
    r"\b(?:is|was|were|are|came back|looks?|looked)(?: completely| totally| entirely)? "
    r"(?P<body>normal|negative|unremarkable|clear)(?:,? (?:with|and) (?P<more>no \w+(?: or \w+)?))?\W*$",
    re.I,
)
_MEASURE = re.compile(
    r"(?:an? |some )?(?P<noun>[a-z]+(?: [a-z]+)?) (?:that(?:'s| is)? |which is )?(?:measuring|measures|that measures)"
    r" (?:about |approximately |around )?(?P<n>\d+(?:\.\d+)?) (?P<u>centimeters?|millimeters?|cm|mm)\b",
    re.I,
)


def _point(text: str) -> str:
    """ "point 5 centimeters" → "0.5 centimeters" (a decimal said without its zero)."""
    return re.sub(r"(?<![\d.])\bpoint (\d+)\b", r"0.\1", text, flags=re.I)


# words a lab sentence may hold besides its values: the frame of the review ("your labs came back and your…")
_LAB_FRAME = re.compile(
    r"\b(?:your|his|her|their|the|a|an|and|so|was|is|were|are|came|back|comes|at|of|today|now|also|it|its|it's|"
    r"looks?|like|results?|labs?|lab|lipid|blood|work|bloodwork|panel|showed|shows?|i|did|review(?:ed)?|looked|checked|"
    r"check|which|that's|that|good|great|this|here|level|levels|okay|votre|vos|le|la|les|est|était|à|de|du|et|"
    r"résultats?|bilan|sanguin|prise|sang|revenu\w*|montre)\b",
    re.I,
)


def _labs(t: str, lang: str) -> list[str]:
    """The lab values of `t` ("Potassium 3.9."), [] unless every other word is the review's frame: a value with
    more said around it ("a preserved ef of 55 percent, abnormal diastolic filling") stays as said."""
    out, spans = [], []
    for rx, name in _LABS_FR if lang == "fr" else _LABS:
        m = re.search(
            rf"(?:\b(?P<pre>elevated|high|low|normal) )?\b(?:{rx})\b(?: levels?)?"
            rf"(?:'s| is| was| were| came back| comes back| of| at| est| était| à| de)*"
            rf"(?: (?:at|as|about|around|only|still|now|up to|down to))* (?P<v>{_NUM})(?: ?(?P<u>{_UNIT}))?"
            rf"(?:,? (?:which is|which was|that's|that is|and that's|and it's|so that's|ce qui est|c'est)"
            rf"(?: (?:a little|a bit|slightly|very))? (?P<i>{_INTERP}|normale?|élevée?|bas(?:se)?))?",
            t,
            re.I,
        )
        if not m:
            continue
        spans.append((m.start(), m.end()))
        v = m.group("v").replace(".", ",") if lang == "fr" else m.group("v")
        unit = {"percent": "%"}.get((m.group("u") or "").lower(), m.group("u") or "")
        unit = "%" if name in ("Hemoglobin A1c", "Ejection fraction") and unit == "%" else unit
        words = f"{name} {v}{unit if unit == '%' else (' ' + unit if unit else '')}"
        if m.group("i") or m.group("pre"):
            words += f", {(m.group('i') or m.group('pre')).lower()}"
        out.append(words + ".")
    rest = "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(t))
    if re.search(r"[a-zà-ÿ]{2,}", _LAB_FRAME.sub(" ", rest), re.I):
        return []
    return out


def _finding_body(body: str) -> str | None:
    b = body.strip(" ,;.").lower()
    b = re.sub(r"^(?:evidence of |signs? of )", "", b) if not b.startswith("no ") else b
    m = _MEASURE.search(b)
    if m:
        unit = {"centimeter": "cm", "centimeters": "cm", "millimeter": "mm", "millimeters": "mm"}.get(
            m.group("u").lower(), m.group("u").lower()
        )
        b = b[: m.start()] + f"{m.group('n')} {unit} {m.group('noun')}" + b[m.end() :]
    b = re.sub(r"^(?:an?|some) ", "", b)
    b = re.sub(r"\s+(?:located|that's|which is|that is)\s+(?=in|at|on|within)\b", " ", b)
    b = re.sub(r",?\s+but\s+", ", ", b)
    b = re.sub(r",?\s+which is (?:good|great|reassuring)$", "", b)
    if not b or len(b.split()) > 16 or speech_markers(b) or re.match(r"(?:it|that|this|he|she|they)\b", b):
        return None
    return b


def _imaging(t: str) -> str | None:
    m = re.search(
        rf"\b{_IMAGING}\b(?: of (?:the |your |his |her |their )?(?P<site>(?:(?:left|right) )?[a-z]+))?", t, re.I
    )
    if not m:
        return None
    rest = t[m.end() :]
    test = _IMAGING_LABEL.get(m.group("test")[0].lower(), m.group("test"))
    if m.group("test").lower() in ("ekg", "ecg"):
        test = "EKG"
    head = f"{m.group('chest').strip().capitalize()} {test.lower()}" if m.group("chest") else test
    if m.group("site"):
        head += f" {m.group('site').lower()}"
    shown = _SHOWS.search(rest)
    body = _finding_body(shown.group("body")) if shown else None
    if body is None:
        plain = _PLAIN.search(rest)
        body = plain.group("body").lower() if plain else None
        if plain and plain.group("more"):
            body += f", {plain.group('more').lower()}"
    return f"{head}: {body}." if body else None


def _imaging_fr(t: str) -> str | None:
    m = re.search(
        r"\b(?P<test>radio(?:graphie)?|scanner|irm|[ée]chographie|[ée]cho)(?P<site> (?:du|de la|des|de l'|d'une?)"
        r" ?[\w'éè]+(?: (?:droite?|gauche))?)? (?:ne )?(?:montre|retrouve|révèle|objective|met en évidence)(?:nt)?"
        r"(?P<neg> pas| aucune?)? (?P<body>.+)$",
        t,
        re.I,
    )
    if not m:
        return None
    body = m.group("body").strip(" ,;.").lower()
    if m.group("neg"):
        body = re.sub(r"^(?:de |d'|d’)", "", body)
        body = f"pas {'d' + chr(39) if re.match(r'[aeiouyéèh]', body) else 'de '}{body}"
    body = re.sub(r"^(?:une?|des|de la|du) ", "", body)
    if len(body.split()) > 14 or speech_markers(body):
        return None
    test = m.group("test").lower()
    test = {"irm": "IRM", "scanner": "Scanner"}.get(test, test.capitalize())
    return f"{test}{(m.group('site') or '').lower()} : {body}."


def read_result(text: str, lang: str = "en") -> str | None:
    """A clinician's result sentence as the note's result line, or None when it does not read whole."""
    t = _point(despeech(text))
    if _NOT_NOW.search(t) or "?" in t:
        return None
    if lang == "fr":
        labs = _labs(t, "fr")
        return " ".join(labs) if labs else _imaging_fr(t)
    labs = _labs(t, "en")
    if labs:
        return " ".join(labs)
    return _imaging(t)
