"""What places a symptom the patient tells of in the past, years before this visit: a turn that opened on "years
ago" and tells it in the past tense, or "when i was twenty" said right after it (scribe.notes.facts.history)."""

from __future__ import annotations

import re

LONG_AGO = re.compile(
    r"\b(?:years? ago|a long time ago|back then|il y a (?:des|plusieurs|\w+) ans|autrefois|as a (?:kid|child)|"
    r"(?<!since )(?<!depuis )(?:last year|l'année dernière|l'an dernier)|(?<!depuis )à [\w-]+ ans|"
    r"in (?:college|high school))\b",
    re.I,
)
# … said right after a symptom, of that time: "i fell off my bike when i was twenty"
WHEN_YOUNG = re.compile(
    r"\b(?:when i was (?:a |about )?(?:kid|child|teenager|young(?:er)?|[a-z]+(?:teen|ty)|\d+)|"
    r"quand j'étais)\b",
    re.I,
)
PAST_TENSE = re.compile(
    r"\b(?:i|he|she|we) (?:had|got|was|felt|gained|lost)\b|\b(?:it|that) (?:made|gave)\b|\bj'(?:ai eu|avais)\b|"
    r"\b(?:il|elle) (?:a eu|avait)\b",
    re.I,
)
# the symptom a drug's dose was changed for, months or years ago: "le cardiologue l'a augmenté le mois dernier … à
# cause des palpitations"
_REASON = re.compile(
    r"\b(?:pour (?:le|la|les|l'|mes|ma|mon)|à cause (?:des|du|de la|de l')|for (?:the|my|his|her)|"
    r"because of (?:the|my|his|her))\s*$",
    re.I,
)
_GIVEN_THEN = re.compile(  # a change, not a prescription ("donné pour le reflux" may still treat it)
    r"\b(?:l'a (?:augmenté|baissé|diminué|changé|doublé)|(?:increased|raised|doubled|lowered|changed) "
    r"(?:it|that|the dose))\b",
    re.I,
)
_MONTHS_AGO = re.compile(
    r"\b(?:last (?:month|year)|(?:\w+ )?(?:months?|years?) ago|le mois dernier|l'an dernier|l'année dernière|"
    r"il y a (?:\w+ )?(?:mois|ans?))\b",
    re.I,
)
# the next sentence dates it: "i fell off the ladder doing the gutters. that was twenty twenty-one."
_THAT_WAS = re.compile(
    r"^\W*(?:that|it|this|c')\s*(?:was|était|remonte à)\s+(?:in\s+|en\s+)?(?:(?:nineteen|twenty|deux mille)\b|"
    r"\d{4}\b|(?:\w+\s+)?(?:years?|ans)\b|last year|l'an dernier|il y a)",
    re.I,
)


def told_as_past(before: list[str], text: str, st: int, en: int, next_text: str) -> bool:
    """Does the speaker place the symptom at `text[st:en]` in the past: told in the past tense in a turn that began
    years ago ("the coumadin, yes, years ago, when i had the clot … and i had a nosebleed"), said right after "when i
    was twenty", given as the reason a doctor changed a dose months ago, or dated by the turn's next
    sentence? (`before`: the turn's sentences before this one; `next_text`: the turn's next sentence, or "")."""
    if PAST_TENSE.search(text[:en]) and any(LONG_AGO.search(t) for t in before):
        return True
    if WHEN_YOUNG.search(text, en, en + 40) or _THAT_WAS.match(next_text):
        return True
    told = " ".join(before[-3:]) + " " + text
    return bool(_REASON.search(text[:st]) and _GIVEN_THEN.search(told) and _MONTHS_AGO.search(told))
