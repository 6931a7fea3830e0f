"""Relatives the visit names by their first name ("my sister, ruth, …"), so that "ruth had a stroke" later is hers."""

from __future__ import annotations

import re

from scribe.notes.facts.relatives import FAMILY

_NAMED_RELATIVE = re.compile(r"\b(?:my|mon|ma)\s+" + FAMILY.pattern + r"\s*,\s*([a-zà-ÿ]{3,})\s*[,.]", re.I)
# the introduction: "here with his wife linda, for follow-up", "accompagné de sa fille, claire"
_WITH_NAMED = re.compile(
    r"\b(?:with|avec|accompagnée? (?:de|par))\s+(?:his|her|my|son|sa)\s+(wife|husband|partner|daughter|son|mother|"
    r"father|femme|mari|épouse|époux|fille|fils|mère|père)\s*,?\s+([a-zà-ÿ]{3,})\s*[,.]",
    re.I,
)
_NOT_A_NAME = {"she", "who", "too", "also", "yes", "the", "and", "but", "elle", "qui", "aussi", "oui", "mais", "they"}


def relative_names(sents: list) -> dict[str, str]:
    """First names of relatives as the visit introduced them ("my sister, ruth, …"): name -> the relative's word."""
    out = {}
    for s in sents:
        for m in [*_NAMED_RELATIVE.finditer(s.text), *_WITH_NAMED.finditer(s.text)]:
            if m.group(2).lower() not in _NOT_A_NAME:
                out[m.group(2).lower()] = m.group(1)
    return out
