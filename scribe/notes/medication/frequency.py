"""Medication frequencies ("every six hours", "twice a day", "matin et soir", "qhs", "un jour sur deux"),
each with its per-day value, read on normalized text (numbers as digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from scribe.notes.medication.names import UNIT_PATTERN as _UNIT_RX
from scribe.notes.medication.numbers import NUMBER_PATTERN as _NUM
from scribe.notes.medication.numbers import normalize, original_span

# frequencies: (pattern, kind, per-day value or function of the match)
_W = r"(?:a|per|each|every|in a|in one)"
_WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?"
_FREQS: list[tuple[re.Pattern, str, Any]] = [
    (re.compile(p, re.I), kind, v)
    for p, kind, v in [
        (
            r"\b(?:every other day|every 2(?:nd)? days?|qod|on alternate days|un jour sur 2|1 jour sur 2|"
            r"tous les 2 jours)\b",
            "alternate",
            0.5,
        ),
        (
            rf"\b(?:every|q)\s?(?P<a>{_NUM})\s?(?:-|to|or)\s?(?P<b>{_NUM})\s?(?:hours?|hrs?|h)\b|"
            rf"\btoutes les (?P<c>{_NUM}) (?:à|a|ou|-) (?P<d>{_NUM}) ?(?:heures?|h)\b",
            "interval_range",
            None,
        ),
        (
            rf"\b(?:every|q)\s?(?P<a>{_NUM})\s?(?:hours?|hrs?|h)\b|\btoutes les (?P<b>{_NUM}) ?(?:heures?|h)\b",
            "interval",
            None,
        ),
        (r"\b(?:every hour|hourly|toutes les heures)\b", "hourly", 24.0),
        (  # "trois grammes, un seul sachet, en dose unique": once, not once a day
            r"\b(?:(?:as )?a single dose|(?:as )?a one-off dose|(?:en )?dose unique|(?:en )?(?:une )?prise unique)\b",
            "single",
            1.0,
        ),
        (
            rf"\b(?:(?P<a>{_NUM}) (?:times|x|fois)|twice|(?P<b>{_NUM})x)\s+(?:{_W}|par) (?:week|semaine)\b|"
            rf"\b(?:(?P<c>{_NUM}) times|twice) weekly\b",
            "per_week",
            None,
        ),
        (
            r"\b(?:once (?:a|per|each|every) week|once weekly|weekly|every week|each week|1 (?:time|fois) par semaine|"
            r"chaque semaine|toutes les semaines|par semaine|hebdomadaire)\b",
            "weekly",
            1 / 7,
        ),
        (rf"\b(?:every (?P<a>{_NUM}) weeks|toutes les (?P<b>{_NUM}) semaines|every other week)\b", "every_weeks", None),
        (
            r"\b(?:once (?:a|per|each|every) month|monthly|every month|une fois par mois|1 fois par mois|par mois|"
            r"tous les mois|mensuel(?:le)?)\b",
            "monthly",
            1 / 30,
        ),
        (rf"\b(?:every (?P<a>{_NUM}) days|tous les (?P<b>{_NUM}) jours)\b", "every_days", None),
        (  # "two or three times a day", "deux à trois fois par jour": a range, its top the most a day
            rf"\b(?P<a>{_NUM}) ?(?:or|to|-|à|ou) ?(?P<b>{_NUM}) (?:times|x|fois) (?:{_W} days?|daily|par jour|"
            rf"dans la journée|par 24 ?h)\b",
            "count_range",
            None,
        ),
        (
            rf"\b(?:(?P<w>once|twice|thrice)|(?P<a>{_NUM}) ?(?:times|time|x))(?: {_W})? days?\b|"
            rf"\b(?:(?P<w2>once|twice|thrice)|(?P<b>{_NUM}) times) daily\b|"
            rf"\b(?P<c>{_NUM}) (?:fois|prises?) (?:par jour|dans la journée|la journée|par 24 ?h)\b",
            "count",
            None,
        ),
        (r"\bb\.?i\.?d\.?(?!\w)", "bid", 2.0),
        (r"\bt\.?i\.?d\.?(?!\w)", "tid", 3.0),
        (r"\bq\.?i\.?d\.?(?!\w)", "qid", 4.0),
        (
            r"\b(?:le )?matin\s*,?\s*(?:le )?midi et (?:le )?soir\b|"
            r"\b(?:with (?:each|every) meal|at (?:each|every) meal|"
            r"with meals|for every meal|à chaque repas|aux repas|morning,? noon,? and night)\b|"
            # "one in the morning, one at lunch, and one at night"
            r"\b(?:in the )?morning\s*,\s*(?:and\s+)?(?:(?:\d+|an?|one|two)\s+(?:\w+\s+)?)?(?:at |with )?"
            r"(?:lunch|noon|midday)\w*\s*,?\s*(?:and\s+)?(?:(?:\d+|an?|one|two)\s+(?:\w+\s+)?)?(?:at |in the |with )?"
            r"(?:night|evening|bedtime|dinner|supper)\b",
            "meals",
            3.0,
        ),
        (
            # "one puff in the morning and one puff at night", "une bouffée le matin et une bouffée le soir"
            r"\b(?:(?:in the )?morning and (?:(?:\d+|an?|one|two) \w+ )?(?:at |in the )?(?:night|evening|bedtime)|"
            r"am and pm|(?:le )?(?:matin|(?<!matin , )(?<!matin, )midi) et (?:(?:\d+|une?|deux) \w+ )?(?:le )?soir|"
            # "two in the morning, two at night", "deux le matin, deux le soir"
            r"(?:in the )?morning\s*,\s*(?:and\s+)?(?:\d+|an?|one|two)\s+(?:\w+\s+)?(?:at|in the)\s+"
            r"(?:night|evening|bedtime)|"
            r"(?:le )?matin\s*,\s*(?:et\s+)?(?:\d+|une?|deux)\s+(?:\w+\s+)?le\s+soir)\b",
            "am_pm",
            2.0,
        ),
        (
            r"\b(?:at bedtime|before bed(?:time)?|at night|every night|nightly|each night|qhs|at hs|au coucher|"
            r"le soir au coucher|avant de (?:vous |me )?coucher)\b",
            "bedtime",
            1.0,
        ),
        (
            r"\b(?:every morning|each morning|in the mornings?|qam|le matin|chaque matin|tous les matins|au réveil)\b",
            "morning",
            1.0,
        ),
        (r"\b(?:every evening|each evening|in the evenings?|qpm|le soir|chaque soir|tous les soirs)\b", "evening", 1.0),
        (  # "every day except sunday", "six days a week", "tous les jours sauf le dimanche"
            rf"\b(?:daily|every day|each day|once a day|tous les jours|chaque jour) (?:except|but not|sauf) (?:on )?"
            rf"(?:the |le )?(?:{_WEEKDAYS}|(?:methotrexate|méthotrexate) day|jour du méthotrexate)\b|"
            rf"\b(?:six|6) (?:days|jours) (?:a|per|par) (?:week|semaine)\b",  # not "no more than two days a week"
            "days_a_week",
            None,
        ),
        (
            r"\b(?:daily|every day|each day|qd|once a day|tous les jours|chaque jour|quotidien(?:ne)?(?:ment)?|"
            r"par jour)\b",
            "daily",
            1.0,
        ),
        (r"\b(?:a|per) days?\b", "a_day", 1.0),  # "20 milligrams a days": the recogniser's plural
    ]
]
_WORD_COUNT = {"once": 1, "twice": 2, "thrice": 3}


@dataclass
class Frequency:
    text: str  # as said
    per_day: float
    kind: str
    n: float | None = None  # times (count, per_week), hours (interval), days/weeks (every_days/every_weeks)
    n2: float | None = None  # the other end of a range: the longest interval, the fewest times a day
    explicit: bool = False  # the count was said as a number ("une fois", "3 times", "twice")


def parse_frequency(text: str, lang: str | None = None) -> Frequency | None:
    """The first frequency of `text` ("every six hours" → per_day 4)."""
    found = find_frequency(*normalize(text, lang), text)
    return found[0] if found else None


def find_frequency(
    norm: str, back: list[int], orig: str, plain: str | None = None
) -> tuple[Frequency, int, int] | None:
    """The earliest frequency of `norm` (normalized `orig`); `plain`: `norm` before anything was blanked."""
    best = None
    plain = norm if plain is None else plain
    for rx, kind, v in _FREQS:
        if kind == "a_day" and best is not None:
            break  # "800 mg a day, you can take that twice a day": the explicit count wins
        for m in rx.finditer(norm):
            if (
                kind == "a_day"
                and plain[: m.start()].strip()
                and not re.search(rf"(?:{_NUM}|{_UNIT_RX}|pills?|tablets?|one)\s*$", plain[: m.start()], re.I)
            ):
                continue
            if best is not None and m.start() >= best[1]:
                break
            if re.search(r"\b(?:not|pas)\s*$", plain[: m.start()], re.I):
                continue  # "as needed, not every day": no frequency of the drug
            if kind == "weekly" and re.search(r"\b(?:days|jours)\b[\w' ]{0,20}$", plain[: m.start()], re.I):
                continue  # "pas plus de deux jours de médicaments par semaine": a limit on days, no regimen
            f = _freq_of(kind, v, m)
            if f is None:
                continue
            best = (f, m.start(), m.end())
            break
    if best is None:
        return None
    f, a, b = best
    if f.kind == "daily":  # "every day, morning and night": the times said next tell how often in the day
        rest = norm[:a] + " " * (b - a) + norm[b:]
        nxt = find_frequency(rest, back, orig, plain[:a] + " " * (b - a) + plain[b:])
        if nxt is not None and nxt[0].kind in ("am_pm", "meals", "count"):
            between = orig[original_span(back, a, b)[1] : nxt[1]]
            if re.fullmatch(r"\s*,?\s*", between):
                return nxt
    if re.search(r"\b(?:from|de)\s*$", plain[:a]) and re.match(r"\s*(?:to|à)\s", plain[b:]):
        # "we go from three times a day to twice a day": the frequency it goes to
        blank = " " * (b - a)
        later = find_frequency(norm[:a] + blank + norm[b:], back, orig, plain[:a] + blank + plain[b:])
        if later is not None:
            return later
    s, e = original_span(back, a, b)
    f.text = orig[s:e]
    return f, s, e


def first_group(m: re.Match, *names: str) -> str | None:
    """The first of `names` that is a group of `m` and matched (alternatives number their groups apart)."""
    for n in names:
        try:
            v = m.group(n)
        except IndexError:
            continue
        if v:
            return v
    return None


def _freq_of(kind: str, v: Any, m: re.Match) -> Frequency | None:
    if kind == "interval_range":
        a, b = float(first_group(m, "a", "c")), float(first_group(m, "b", "d"))
        if not (0 < a < b <= 72):
            return None
        return Frequency("", round(24 / b, 4), "interval", a, b, True)
    if kind == "interval":
        h = float(first_group(m, "a", "b"))
        if not 0 < h <= 72:
            return None
        return Frequency("", round(24 / h, 4), "interval", h, None, True)
    if kind == "per_week":
        n = float(first_group(m, "a", "b", "c") or 2)
        return Frequency("", round(n / 7, 4), "per_week", n, None, True)
    if kind == "every_weeks":
        n = float(first_group(m, "a", "b") or 2)
        return Frequency("", round(1 / (7 * n), 4), "every_weeks", n, None, True)
    if kind == "days_a_week":
        return Frequency("", round(6 / 7, 4), "days_a_week", 6.0, None, True)
    if kind == "every_days":
        n = float(first_group(m, "a", "b"))
        if n <= 0:
            return None
        return Frequency("", round(1 / n, 4), "every_days", n, None, True)
    if kind == "count_range":
        a, b = float(m.group("a")), float(m.group("b"))
        return Frequency("", b, "count", b, a, True) if 0 < a < b <= 24 else None
    if kind == "count":
        w = first_group(m, "w", "w2")
        n = float(_WORD_COUNT[w.lower()]) if w else float(first_group(m, "a", "b", "c"))
        if not 0 < n <= 24:
            return None
        return Frequency("", n, "count", n, None, True)
    if kind in ("bid", "tid", "qid"):
        return Frequency("", v, "count", v, None, False)
    if kind == "weekly":
        return Frequency("", round(v, 4), "per_week", 1.0, None, False)
    return Frequency("", round(v, 4), kind, None, None, False)


SKIPPED_DAY = re.compile(r"\b(?:except|but not|sauf)\s+(.+)$", re.I)  # the day "every day except sunday" skips


def weekday_case(text: str) -> str:
    """English weekdays capitalised ("except sunday" → "except Sunday")."""
    return re.sub(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b", lambda m: m[0].capitalize(), text)
