"""Whose condition it is: the relative named with it ("my brother had bypass surgery, and my mom had a stroke"),
as the chart names them, the disease as said and the age it came at."""

from __future__ import annotations

import re

from scribe.notes.consultation import FAMILY
from scribe.notes.number_words import numbers_to_digits

RUNS_IN_FAMILY = re.compile(
    r"\bruns? in (?:my|the|our|his|her|your) family\b|\b(?:est|sont) (?:dans|de) (?:ma|la) famille\b", re.I
)


# what ends the relative's part of a sentence: "my brother had bypass surgery, and my mom had a stroke"
_NEXT_PERSON = re.compile(
    r"[.;?!]|,\s*(?:and|et|but|mais)\b|\b(?:and|et|but|mais|while|alors que)\s+(?:my|ma|mon|mes|his|her)\b", re.I
)


# the chart's word for a relative named familiarly
CHART_WORD = {
    "mom": "mother",
    "dad": "father",
    "grandma": "grandmother",
    "grandpa": "grandfather",
    "maman": "mère",
    "papa": "père",
}


# "my brother had a heart attack at 48. he had a stent.": the pronoun's sentence is still about the relative
PRONOUN_SUBJECT = re.compile(r"^\W*(?:(?:and|so|also|et|puis)\s+)?(?:he|she|they|il|elle|ils|elles)\b", re.I)


RELATIVE_SUBJECT = re.compile(r"^\W*(?:(?:and|also|et|puis)\s+)?(?:my|our|ma|mon|mes|notre)\s+", re.I)


# the patient named between a relative and a condition: "my daughter gave me a watch, and it said possible
# atrial fibrillation" is the patient's; a hedge is not ("my mom and her sister, i think they both had melanoma")
_PATIENT_AGAIN = re.compile(
    r"\b(?:me|i|i'm|i've|myself|moi|je|j')\b(?!\s+(?:think|believe|guess|suppose|recall|remember|crois|pense)\b)|"
    r"\bm'(?=\w)",
    re.I,
)


# "my mom and her sister": the second relative is the first one's (an aunt, not the patient's sister)
_RELATIVES_RELATIVE = re.compile(r"\b(?:my|mon|ma)\s+(\w+)\s+(?:and|et)\s+(?:her|his|sa|son)\s+(\w+)\b", re.I)


MY_RELATIVE = re.compile(r"\b(?:my|mon|ma|mes)\s+" + FAMILY.pattern, re.I)


YOUR_RELATIVE = re.compile(r"\b(?:your|votre|vos|ton|ta|tes)\s+" + FAMILY.pattern, re.I)


BUT_A_RELATIVE = re.compile(
    r"\b(?:but|except|although|mais|sauf)\b[^.?!]*?\b(?:my|mon|ma|mes)\s+" + FAMILY.pattern, re.I
)


def chart_relative(text: str, rel: re.Match) -> str:
    """The relative as the chart names it: "father" for "dad", "mother and her sister" for "my mom and her
    sister"."""
    said = rel.group(0).lower()
    pair = next((m for m in _RELATIVES_RELATIVE.finditer(text) if m.start(2) == rel.start()), None)
    if pair and FAMILY.fullmatch(pair.group(1)):
        first = pair.group(1).lower()
        return f"{CHART_WORD.get(first, first)} and {pair.group(0).split()[-2].lower()} {said}"
    return CHART_WORD.get(said, said)


# the age the relative had it at, said right after it: "a heart attack at 62", "oui, à soixante-dix ans"
_AGE_AT = re.compile(
    r"^\W*(?:\w+\W+){0,4}?(?:at (?:the )?(?:age (?:of )?)?|when (?:he|she) was |à (?:l'âge de )?)"
    r"(\d{1,3}|[a-zà-ÿ-]+)(?:\s*(?:years old|ans|\b))",
    re.I,
)


def age_at(text: str) -> str | None:
    m = _AGE_AT.search(text)
    if not m:
        return None
    age = numbers_to_digits(m.group(1))
    return age if age.isdigit() and 0 < int(age) < 120 else None


def specific_term(surface: str, label: str) -> str | None:
    """The disease as said when the lexicon's label is a class: a father's "prostate cancer" is not the "no breast
    cancer" said of the family next, and the chart names the site."""
    said = " ".join(surface.lower().split())
    return said if label == "cancer" and said != "cancer" else None


def relative_of(text: str, start: int) -> re.Match | None:
    """The relative a condition at `start` belongs to: the last one named before it in its part of the
    sentence ("my brother had bypass surgery, and my mom had a stroke": the mother's stroke), else the first
    named after it there ("breast cancer in my mother"), else the nearest."""
    rels = list(FAMILY.finditer(text))
    named = [r for r in rels if r.group(0).lower() not in ("family", "famille")]
    if len(named) < len(rels) and len(named) == 1:
        return named[0]  # "diabetes runs in my family, both my parents have it"
    before = [
        r
        for r in rels
        if r.end() <= start
        and not _NEXT_PERSON.search(text, r.end(), start)
        and not _PATIENT_AGAIN.search(text, r.end(), start)
    ]
    if before:
        return before[-1]
    after = [r for r in rels if r.start() >= start and not _NEXT_PERSON.search(text, start, r.start())]
    if after:
        return after[0]
    return min(
        (r for r in rels if not _PATIENT_AGAIN.search(text, min(r.end(), start), max(r.start(), start))),
        key=lambda r: abs(r.start() - start),
        default=None,
    )
