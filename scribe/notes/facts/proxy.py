"""A child's visit where a parent speaks for the child: the parent's voice is tagged as the patient's, so what the
parent says of themself ("non, ça c'est moi. moi, j'ai le rhume des foins") is the parent's, a family history, never
the child's own past history."""

from __future__ import annotations

import re

from scribe.notes.facts.relatives import CHART_WORD, PATIENT_AGAIN
from scribe.notes.number_words import numbers_to_digits

# the clinician's introduction: "chloé bernard, quatre ans, vue avec sa maman", "jack, seven, here with his dad"
_WITH_PARENT = re.compile(
    r"\b(?:vue?s?|venue?s?|accompagnée?|here|seen|brought in|comes in|came in|is in)\b[^.;?!]{0,30}?"
    r"\b(?:avec|with|by|par)\s+(?:sa|son|ses|his|her|their)\s+(maman|mère|papa|père|mom|mum|mother|dad|father)\b",
    re.I,
)
_AGE = re.compile(r"\b(\d{1,2})(?:[- ]years?[- ]old|[- ]year-old| ans\b)|\b\d{1,2} (?:months?|mois)\b", re.I)
# nobody else between the speaker's own word and the condition
_SOMEONE = re.compile(r"\b(?:elle|il|she|he|her|his|sa|son|ses|lui)\b", re.I)


def proxy_parent(sents: list, is_clin) -> str | None:
    """The parent (as the chart names them) who speaks for a child under 18, as the clinician's introduction says."""
    for k, s in enumerate(sents[:12]):
        m = _WITH_PARENT.search(s.text) if is_clin(k) else None
        age = _AGE.search(numbers_to_digits(s.text)) if m else None
        if m and age and (age.group(1) is None or int(age.group(1)) < 18):
            word = m.group(1).lower()
            return CHART_WORD.get(word, word)
    return None


def parents_own(text: str, start: int) -> bool:
    """The condition at `start` is the speaker's own ("moi, j'ai le rhume des foins", "i have hay fever myself")."""
    before = text[max(0, start - 40) : start]
    mine = list(PATIENT_AGAIN.finditer(before))
    return bool(mine) and not _SOMEONE.search(before, mine[-1].end())
