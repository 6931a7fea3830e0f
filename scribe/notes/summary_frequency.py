"""How often to take a drug, in plain words for the patient summary (en/fr).

Why its own module: the summary must never guess a frequency ("once a day" for a drug taken 3 times a
day was a real error), so reading the frequency is kept small and testable on its own: a frequency it
cannot read gives None and the line leaves it out.
"""

from __future__ import annotations

import re

from scribe.notes.medication.frequency import SKIPPED_DAY, parse_frequency, weekday_case
from scribe.notes.number_words import numbers_to_digits

_WORD_NUM = {
    "once": 1,
    "one": 1,
    "un": 1,
    "une": 1,
    "twice": 2,
    "two": 2,
    "deux": 2,
    "thrice": 3,
    "three": 3,
    "trois": 3,
    "four": 4,
    "quatre": 4,
    "five": 5,
    "cinq": 5,
    "six": 6,
}
_N = "|".join(_WORD_NUM)
_PER = r"\s*(?:times?|x|fois)\s*(?:a|per|each|every|par|/)?\s*"
_WHEN = [
    (
        "morning and evening",
        r"morning and (?:\S+ \S+ )?(?:at |in the )?(?:evening|night)|(?:le )?matin et (?:\S+ \S+ )?(?:le )?soir",
        "matin et soir",
    ),
    ("at bedtime", r"at bedtime|before bed(?:time)?|qhs|au coucher", "au coucher"),
    ("in the morning", r"(?:in the|every|each) morning|(?:le|tous les|chaque) matins?", "le matin"),
    ("in the evening", r"(?:in the|every|each) evening|(?:le|tous les|chaque) soirs?", "le soir"),
    ("at night", r"at night|nightly|every night", "le soir"),
]
_COUNTS = [  # (pattern, doses a day from the match): the first that matches wins
    (r"\b(once|twice|thrice)\s+(?:a |per |each |every )?(?:day|daily)\b", lambda m: _num(m[1])),
    (rf"\b(\d+|{_N}){_PER}(?:day|daily|jour|d)\b", lambda m: _num(m[1])),
    (r"\b(bid|tid|qid|qd|od)\b", lambda m: {"bid": 2, "tid": 3, "qid": 4}.get(m[1], 1)),
    (r"\bevery other day|every (?:2|second) days?|un jour sur (?:2|deux)|tous les (?:2|deux) jours\b", lambda m: 0.5),
    (r"\b(once|twice)\s+(?:a |per |each )?week\b", lambda m: _num(m[1]) / 7),
    (rf"\b(\d+|{_N}){_PER}(?:week|semaine)\b", lambda m: _num(m[1]) / 7),
    (r"\b(?:weekly|every week|chaque semaine|toutes les semaines)\b", lambda m: 1 / 7),
    (r"\b(?:daily|every day|each day|tous les jours|chaque jour|quotidiennement)\b", lambda m: 1.0),
]
_AS_NEEDED = re.compile(
    r"\b(?:as needed|if needed|when needed|as required|prn|if you need (?:it|them)|si besoin|"
    r"en cas de besoin|au besoin|si nécessaire)\b"
)
_MAX = re.compile(
    rf"\b(?:up to|no more than|not more than|not to exceed|at most|maximum(?: of)?|max|jusqu'à|pas plus de|"
    rf"au maximum|au plus)\s+(?P<n>\d+(?:[.,]\d+)?|{_N})\s*(?P<unit>g|mg|grams?|grammes?|tablets?|pills?|"
    r"capsules?|doses?|puffs?|times?|comprimés?|gélules?|fois|prises?)?\s*(?:a day|per day|daily|each day|"
    r"in (?:a day|24 hours)|par jour|(?:sur|en|par) 24 ?h(?:eures)?)\b"
)


def _num(word: str) -> float:
    return float(word.replace(",", ".")) if word[0].isdigit() else float(_WORD_NUM[word])


def _read_frequency(text: str) -> dict:
    """'3 times daily' → per_day 3; 'every 6 hours as needed, up to 4 a day' → hours, as_needed, max.
    A bare "a day"/"par jour" says nothing about how often: it is not read as once a day."""
    t, out = numbers_to_digits(text.lower()), {}
    if m := _MAX.search(t):
        out["max"] = f"{m['n']} {m['unit']}" if m["unit"] else m["n"]
        t = t[: m.start()] + t[m.end() :]
    if _AS_NEEDED.search(t):
        out["as_needed"] = True
    if m := re.search(
        r"\b(?:every|q|toutes les)\s*(\d+)(?:\s*(?:to|-|or|à|ou)\s*(\d+))?\s*(?:hours?|hrs?|h|heures?)\b", t
    ):
        out["hours"] = m[1] + (f"-{m[2]}" if m[2] else "")
    elif m := re.search(rf"\b(\d+|{_N})\s*(?:or|to|-|à|ou)\s*(\d+|{_N}){_PER}(?:day|daily|jour)\b", t):
        out["fewest"], out["per_day"] = _num(m[1]), _num(m[2])  # "2 or 3 times a day": said as a range
    else:
        out.update(next(({"per_day": n(m)} for rx, n in _COUNTS if (m := re.search(rx, t))), {}))
    out.update(next(({"when": en} for en, rx, _ in _WHEN if re.search(rf"\b(?:{rx})\b", t)), {}))
    return out


def _times(n: float, lang: str) -> str | None:
    """1 → 'once a day', 0.5 → 'every other day', 2/7 → 'twice a week'; None when it is not a clean count."""
    day, week, fr = round(n), round(n * 7), lang == "fr"
    if n >= 1 and abs(n - day) < 0.01:
        return f"{day} fois par jour" if fr else {1: "once a day", 2: "twice a day"}.get(day, f"{day} times a day")
    if abs(n - 0.5) < 0.01:
        return "un jour sur deux" if fr else "every other day"
    if week >= 1 and abs(n * 7 - week) < 0.05:
        return (
            f"{week} fois par semaine"
            if fr
            else {1: "once a week", 2: "twice a week"}.get(week, f"{week} times a week")
        )
    return None


def _times_range(fewest: float, most: float, lang: str) -> str:
    """2, 3 → '2 or 3 times a day': a range is said as a range, never as its top alone."""
    a, b = (str(round(x)) if abs(x - round(x)) < 0.01 else str(x) for x in (fewest, most))
    return f"{a} à {b} fois par jour" if lang == "fr" else f"{a} or {b} times a day"


_UNIT_FR = {
    "times": "fois",
    "time": "fois",
    "tablets": "comprimés",
    "tablet": "comprimé",
    "pills": "comprimés",
    "pill": "comprimé",
    "capsules": "gélules",
    "capsule": "gélule",
    "doses": "prises",
    "dose": "prise",
    "puffs": "bouffées",
    "puff": "bouffée",
}


def how_often(attributes: dict, lang: str) -> str | None:
    """Plain words for how often to take a drug, or None when it cannot be read (never a default).
    Structured attributes (per_day, as_needed, max_per_day, max_unit) win over the frequency text."""
    p, a, fr = _read_frequency(str(attributes.get("frequency") or "")), attributes, lang == "fr"
    if (said := parse_frequency(str(a.get("frequency") or ""), lang)) and said.kind == "single":
        return "en une seule prise" if fr else "once only, as a single dose"
    count = a.get("per_day")
    if isinstance(count, (int, float)) and not isinstance(count, bool) and count > 0 and "-" not in p.get("hours", ""):
        # "every 4 to 6 hours" is said as a range: a count derived from it is not what the clinician said
        if "hours" in p and (not 0 < float(p["hours"]) or abs(24 / float(p["hours"]) - count) > 0.01):
            p.pop("hours")  # an interval that disagrees with the count is dropped
        p["per_day"] = float(count)
    if p.get("when") and p.get("per_day", 1) > (2 if p["when"] == "morning and evening" else 1):
        p.pop("when")  # "3 times a day" is not "in the morning", the first of the times said
    if isinstance(a.get("as_needed"), bool):
        p["as_needed"] = a["as_needed"]
    if a.get("max_per_day") not in (None, "", False):
        unit = str(a.get("max_unit") or "")
        unit = _UNIT_FR.get(unit, unit) if fr else unit  # "3 times" read from a French visit: "3 fois"
        p["max"] = f"{str(a['max_per_day']).removesuffix('.0')} {unit}".strip()
    hours = p.get("hours", "").replace("-", " à " if fr else " to ")
    skipped = SKIPPED_DAY.search(str(a.get("frequency") or ""))
    parts = [
        (f"toutes les {hours} heures" if fr else f"every {hours} hours")
        if hours
        else (f"tous les jours sauf {skipped[1]}" if fr else f"every day except {weekday_case(skipped[1])}")
        if skipped
        else _times_range(p["fewest"], p["per_day"], lang)
        if 0 < p.get("fewest", 0) < p.get("per_day", 0)
        else _times(p["per_day"], lang)
        if p.get("per_day")
        else None,
        next((f if fr else en for en, _, f in _WHEN if en == p.get("when")), None),
        ("seulement si besoin" if fr else "only if you need it") if p.get("as_needed") else None,
        (f"au maximum {p['max']} par jour" if fr else f"up to {p['max']} a day") if p.get("max") else None,
    ]
    return ", ".join(x for x in parts if x) or None
