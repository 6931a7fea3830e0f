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
    # a plural is the same concept ("chest pains", "headaches"); a service named for a disease is not the disease
    service = _NOT_A_SERVICE if kind == "condition" else ""
    return [(re.compile(rf"(?<![\w-])(?:{_fillers_between(f)})(?:e?s)?(?![\w-]){service}", re.I), c) for f, c in pairs]


# "the heart failure clinic", "the diabetes educator", "his three month diabetes review"
_NOT_A_SERVICE = (
    r"(?! (?:clinics?|nurses?|teams?|educators?|specialists?|services?|units?|wards?|programs?|programmes?|"
    r"cent(?:er|re)s?|reviews?|supplies|education|appointments?|check-?ups?))"
)


# Between two words of a surface form, speech puts fillers: "an acute lumbar, um, strain".
_FILLER_GAP = r"(?:\s*,?\s*(?:um+|uh+|erm|euh)\s*,?)*\s+"


def _fillers_between(form: str) -> str:
    """The form with each space (outside a character class) also matching a run of fillers."""
    out, in_class, escaped = [], False, False
    for ch in form:
        if ch == " " and not in_class and not escaped:
            out.append(f"(?:{_FILLER_GAP})")  # grouped: a "?" after the space makes the whole gap optional
        else:
            out.append(ch)
            in_class = (in_class or ch == "[" and not escaped) and not (ch == "]" and in_class and not escaped)
        escaped = ch == "\\" and not escaped
    return "".join(out)


def find_concepts(kind: str, text: str) -> list[tuple[int, int, Concept]]:
    """Non-overlapping matches (start, end, concept): the longest match wins, then the earliest."""
    cands = [(m.start(), m.end(), c) for rx, c in compiled(kind) for m in rx.finditer(text)]
    if kind == "condition" and _A_VACCINE.search(text):  # "the flu jab", "le vaccin contre la grippe": no disease
        cands = [
            x
            for x in cands
            if not _VACCINE_AFTER.match(text, x[1]) and not _VACCINE_BEFORE.search(text, max(0, x[0] - 40), x[0])
        ]
    cands.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    out: list[tuple[int, int, Concept]] = []
    for s, e, c in cands:
        if all(e <= os or s >= oe for os, oe, _ in out):
            out.append((s, e, c))
    out.sort(key=lambda t: t[0])
    return out


_A_VACCINE = re.compile(r"\b(?:jab|shot|vaccin|immuni[sz]|booster)", re.I)  # (find_concepts is hot: look first)
_VACCINE_AFTER = re.compile(r"\s*(?:jabs?|shots?|vaccines?|vaccinations?|immuni[sz]ations?|boosters?)\b", re.I)
_VACCINE_BEFORE = re.compile(
    r"\b(?:vaccin\w*|vaccine|jab|shot) (?:contre|against|for) (?:la |le |les |l'|the )?$", re.I
)

CONDITION_BY_LABEL = {c.label: c for c in CONDITIONS}
SYMPTOM_BY_LABEL = {c.label: c for c in SYMPTOMS}


# the site of a cancer in either language: "cancer du côlon" and "colon cancer" are one disease, "breast cancer" another
_CANCER_SITES = {
    "breast": r"breast|sein",
    "lung": r"lung|poumon",
    "colon": r"colon|côlon|colorectal",
    "prostate": r"prostate",
    "skin": r"skin|peau|melanoma|mélanome",
    "pancreas": r"pancrea\w*|pancréa\w*",
    "ovary": r"ovar\w*|ovaire",
    "lymphoma": r"lymphom\w*",
    "leukemia": r"leuk\w*|leucémie",
}


def disease_site(term: str) -> str:
    """The key one disease goes by whatever its words or language ("cancer du côlon" → "colon")."""
    return next((site for site, rx in _CANCER_SITES.items() if re.search(rf"\b(?:{rx})", term, re.I)), term.lower())
