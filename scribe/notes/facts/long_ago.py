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
