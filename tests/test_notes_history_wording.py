"""The history in the note's words: a French statement marked as the patient's and said once, a complaint in the
patient's words read as the symptom."""

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


def test_a_complaint_in_the_patients_words_is_the_symptom_in_the_note():
    """ "Burning when I pee" opened the note as "presents today with burning when i pee"."""
    doc = document(
        "[doctor] so what brings you in today ?\n[patient] i've had burning when i pee for three days .\n"
        "[doctor] okay , how old are you ?\n[patient] i'm thirty four ."
    )
    md = doc["note"]["markdown"]
    assert "when i pee" not in md.lower().replace("history of present illness", ""), md
    assert "dysuria" in md.lower().split("review of systems")[0], md


def test_french_denials_elide_before_a_vowel():
    doc = document(
        "médecin : vous êtes essoufflé ?\npatient : non .\nmédecin : des idées suicidaires ?\npatient : non .\n"
        "médecin : de la fièvre ?\npatient : non .",
        language="fr",
    )
    md = doc["note"]["markdown"]
    assert "Pas d'essoufflement" in md and "Pas d'idées suicidaires" in md and "Pas de fièvre" in md, md
