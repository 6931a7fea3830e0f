"""Drug names the recogniser garbled and recovery could not read with confidence, shown to the clinician.

Such a span becomes a flagged line ("Unclear drug name: 'stylinol', possibly tylenol."), never a
medication. A line the clinician must read costs attention, so it is written only when a drug is the
likeliest reading: the guess is a drug clinics prescribe (scribe.notes.lexicon.drugs_common) or one of
the visit's own list, and no word of the clinical vocabulary (symptoms, conditions, body parts, tests)
sounds as close ("de la fienne" is the fever, "fièvre", not fluindione; "tendin" is a tendon); or a dose
follows the span ("I take gamedino 20 mg"). A contraction the recogniser wrote apart ("doesn" + "'t") is
never one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from scribe.notes import lexicon
from scribe.notes.compose import to_markdown
from scribe.notes.lexicon.drugs_common import COMMON_EN, COMMON_FR
from scribe.notes.medication import FRENCH_BRANDS
from scribe.notes.medication.names import fold
from scribe.notes.recovery import DOSE
from scribe.schemas import Correction, Segment, Transcript
from scribe.schemas_docs import Evidence, Note, NoteSection, SentenceSupport

_CONTRACTION = re.compile(r"['’](?:t|s|ll|re|ve|d|m)\b", re.I)
_CONTRACTION_BEFORE = re.compile(r"\w['’]$")
_DOSE_AFTER = re.compile(rf"\W{{0,3}}{DOSE}", re.I)
_REGEX_SYNTAX = re.compile(r"\\[a-z]|\(\?:|[()?|*+\[\]{}.^$\\]")


@lru_cache(maxsize=1)
def _common_drugs() -> frozenset[str]:
    return frozenset(fold(n) for n in (*COMMON_EN, *COMMON_FR, *FRENCH_BRANDS))


@lru_cache(maxsize=1)
def _clinical_words() -> tuple[str, ...]:
    """Words of the clinical vocabulary a garbled span may stand for instead of a drug (4 letters or more)."""
    words: set[str] = set()
    texts = [lexicon.BODY_PARTS, *map(str, lexicon.TESTS), *map(str, lexicon.SURGERIES)]
    for c in (*lexicon.SYMPTOMS, *lexicon.CONDITIONS):
        texts += [c.label, c.fr, c.plain_en, c.plain_fr, *c.forms]
    for text in texts:
        words.update(fold(w) for w in re.findall(r"[^\W\d_]{4,}", _REGEX_SYNTAX.sub(" ", text.lower())))
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def _clinical_set() -> frozenset[str]:
    return frozenset(_clinical_words())


def _worth_a_line(seg: Segment, c: Correction) -> bool:
    if c.applied or _CONTRACTION.match(seg.text, c.end) or _CONTRACTION_BEFORE.search(seg.text[: c.start]):
        return False  # "doesn't", "couldn't", "we'll give" written apart by the recogniser: no drug name
    words = {fold(w) for w in re.findall(r"[^\W\d_]{6,}", c.original.lower())}
    if words & _clinical_set():
        return False  # "le mauvais cholestérol, le ldl, un gramme cinquante-huit": a test said aright, and its value
    if _DOSE_AFTER.match(seg.text, c.end):
        return True  # "I take gamedino 20 mg": a drug, whatever its name
    guess = fold(c.corrected)
    if c.source != "visit" and guess not in _common_drugs():
        return False
    heard = fold(c.original).replace(" ", "")
    nearest = process.extractOne(heard, _clinical_words(), scorer=fuzz.ratio)
    return nearest is None or fuzz.ratio(heard, guess) > nearest[1]


def flag_unclear_drugs(note: Note, tr: Transcript) -> None:
    """Add the flagged "unclear drug name" lines (module docstring) to the plan."""
    lines = []
    for seg in tr.segments:
        for c in seg.corrections:
            if not _worth_a_line(seg, c):
                continue
            ev = Evidence(
                segment_id=seg.id,
                start=seg.start,
                end=seg.end,
                role=seg.role,
                speaker=seg.speaker,
                quote=seg.text[c.start : c.end],
            )
            word = "Nom de médicament incertain" if note.language == "fr" else "Unclear drug name"
            maybe = "peut-être" if note.language == "fr" else "possibly"
            lines.append(
                SentenceSupport(
                    text=f"{word}: '{c.original}', {maybe} {c.corrected}.",
                    evidence=[ev],
                    status="flagged",
                    issues=["verify drug name"],
                )
            )
    if not lines:
        return
    target = next((s for s in note.sections if s.key in ("plan", "ap", "cat")), None)
    if target is None:
        target = NoteSection(key="plan", title="Plan", sentences=[])
        note.sections.append(target)
    target.sentences.extend(lines)
    note.markdown = to_markdown(note)
