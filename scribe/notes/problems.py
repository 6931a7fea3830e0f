"""Problem attributes read around a diagnosis mention: laterality, and the ICD-10-CM code only when
the words said match the code exactly. "Diabetic foot ulcer" is not E11.9 (diabetes *without*
complications), "hepatitis C" is not K75.9 (unspecified hepatitis): when the words around a
lexicon match make the condition more specific than its code, the problem is kept without a code."""

from __future__ import annotations

import re

from scribe.notes.lexicon import Concept

_LATERALITY = [
    ("bilateral", re.compile(r"\b(?:bilateral(?:ly)?|both|bilatéral\w*|des deux côtés|les deux)\b", re.I)),
    ("left", re.compile(r"\b(?:left|gauche)\b", re.I)),
    ("right", re.compile(r"\b(?:right(?! now| away| there| here|,? okay)|droite?)\b", re.I)),
]
# Words right after a match that make the condition more specific than the lexicon's code.
_SPECIFIC_AFTER = re.compile(
    r"^\s*(?:type\b|[a-e]\b|foot\b|ulcers?\b|neuropath\w*|retinopath\w*|nephropath\w*|kidney\b|with\b|"
    r"exacerbation|flare|crisis|ketoacidosis|induced|related|due to|secondary|of the\b|avec\b|compliqu\w*|"
    r"in remission|with|without)",
    re.I,
)
_SPECIFIC_BEFORE = re.compile(
    r"(?:diabetic|acute|chronic|exacerbation of|benign|malignant|metastatic|gestational|secondary|"
    r"uncontrolled|poorly controlled|recurrent|aigu\w*|chronique)\s+$",
    re.I,
)


def laterality(text: str, start: int, end: int) -> str | None:
    """left / right / bilateral said within a few words of the mention (text[start:end])."""
    found = laterality_span(text, start, end)
    return found[0] if found else None


def laterality_span(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """(side, start, end of the side's words in text) near the mention: the evidence must include them,
    or the verifier rightly finds the side unsupported."""
    lo = max(0, start - 30)
    window = text[lo : min(len(text), end + 25)]
    for side, rx in _LATERALITY:
        m = rx.search(window)
        if m:
            return side, lo + m.start(), lo + m.end()
    return None


def specific_code(concept: Concept, text: str, start: int, end: int) -> str | None:
    """The concept's code when what was said is no more specific than the code; None otherwise."""
    if not concept.code:
        return None
    if _SPECIFIC_AFTER.match(text[end : end + 30]) or _SPECIFIC_BEFORE.search(text[max(0, start - 30) : start]):
        return None
    return concept.code
