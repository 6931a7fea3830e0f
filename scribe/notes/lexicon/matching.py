"""Finding symptom and condition concepts in text, and looking them up by label.

Apart from the tables so that the matching rule (longest surface form wins) is read in one place.
"""

from __future__ import annotations

import re
from functools import cache

from scribe.notes.lexicon.concept import Concept
from scribe.notes.lexicon.conditions import CONDITIONS
from scribe.notes.lexicon.symptoms import SYMPTOMS


@cache
def compiled(kind: str) -> list[tuple[re.Pattern, Concept]]:
    """Concept regexes, longest surface form first so 'chest pain' wins over 'pain'."""
    concepts = {"symptom": SYMPTOMS, "condition": CONDITIONS}[kind]
    pairs = [(form, c) for c in concepts for form in c.forms]
    pairs.sort(key=lambda p: -len(p[0]))
    # a plural is the same concept ("chest pains", "headaches")
    return [(re.compile(rf"(?<![\w-])(?:{f})(?:e?s)?(?![\w-])", re.I), c) for f, c in pairs]


def find_concepts(kind: str, text: str) -> list[tuple[int, int, Concept]]:
    """Non-overlapping matches (start, end, concept): the longest match wins, then the earliest."""
    cands = [(m.start(), m.end(), c) for rx, c in compiled(kind) for m in rx.finditer(text)]
    cands.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    out: list[tuple[int, int, Concept]] = []
    for s, e, c in cands:
        if all(e <= os or s >= oe for os, oe, _ in out):
            out.append((s, e, c))
    out.sort(key=lambda t: t[0])
    return out


CONDITION_BY_LABEL = {c.label: c for c in CONDITIONS}
SYMPTOM_BY_LABEL = {c.label: c for c in SYMPTOMS}
