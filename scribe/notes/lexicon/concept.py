"""What a lexicon entry is, and the two builders the symptom and condition tables are written with.

A concept is one clinical idea with the many ways people say it, so that matching, the note and the
patient summary all agree on one canonical label.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Concept:
    label: str
    forms: tuple[str, ...]
    fr: str
    system: str = ""  # review-of-systems group (symptoms)
    code: str = ""  # ICD-10-CM (conditions)
    plain_en: str = ""
    plain_fr: str = ""
    warn_en: tuple[str, ...] = field(default_factory=tuple)
    warn_fr: tuple[str, ...] = field(default_factory=tuple)


def make_concept(label, forms, fr, system="", code="", plain_en="", plain_fr="", warn_en=(), warn_fr=()) -> Concept:
    """A concept whose plain-language names default to its labels, so the summary always has words to use."""
    return Concept(
        label, tuple(forms), fr, system, code, plain_en or label, plain_fr or fr, tuple(warn_en), tuple(warn_fr)
    )


def symptom(label, forms, fr, system="") -> Concept:
    """A symptom: its review-of-systems group is what the note files it under."""
    return make_concept(label, forms, fr, system)


def condition(label, forms, fr, code="", plain_en="", plain_fr="", warn_en=(), warn_fr=()) -> Concept:
    """A condition: its ICD-10-CM code goes to the record, its plain names to the patient summary."""
    return make_concept(label, forms, fr, "", code, plain_en, plain_fr, warn_en, warn_fr)
