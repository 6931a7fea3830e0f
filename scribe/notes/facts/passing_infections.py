"""Infections that come and go: a cold a relative had is an exposure, not a family history; a cold the patient had,
or a sinus infection said to be gone, is not a past history."""

from __future__ import annotations

from scribe.notes.gone_words import resolved_after

PASSING_INFECTIONS = {"upper respiratory infection", "influenza", "covid-19", "gastroenteritis"}
_ACUTE = PASSING_INFECTIONS | {"sinusitis", "bronchitis", "pharyngitis", "otitis media", "conjunctivitis"}


def passed(label: str, after: str, patient: bool) -> bool:
    """An acute infection that came and went is no past history: a cold the patient had ("it was just a cold"), a
    sinus infection said to be gone ("…, that's gone")."""
    return label in PASSING_INFECTIONS and patient or label in _ACUTE and resolved_after(after, True)
