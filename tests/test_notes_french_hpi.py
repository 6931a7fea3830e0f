"""The French history in the note: the patient's own words are marked as theirs, and said once."""

from __future__ import annotations

from scribe.notes.engine import document

DIALOGUE = (
    "d0001 Bonjour, qu'est-ce qui vous amène ?\n"
    "p0001 J'ai mal au ventre depuis hier soir.\n"
    "d0002 Comment ça a évolué ?\n"
    "p0002 Ça a commencé hier soir, au début c'était très fort et maintenant ça l'est moins, "
    "mais la douleur est toujours là.\n"
)


def hpi(doc: dict) -> list[str]:
    return [s["text"] for sec in doc["note"]["sections"] if sec["key"] == "hdm" for s in sec["sentences"]]


def test_a_french_statement_is_quoted_as_the_patients_and_printed_once():
    lines = hpi(document(DIALOGUE, language="fr"))
    said = [t for t in lines if "très fort" in t]
    assert len(said) == 1, lines
    assert said[0].startswith("Patient(e) : « ") and said[0].endswith("»."), said
