"""Session 33: what the written17 blind split and CI showed. An allergy names its drug as surely as a dose does
("allergic to pencil in" is penicillin, heard so by tiny.en on a loaded CI machine); foods and animals stay."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_recovery_s23 import _read


def _allergies(dialogue: str) -> list[str]:
    return [f["label"].lower() for f in document(dialogue, language="en")["facts"] if f["kind"] == "allergy"]


def test_an_allergy_names_a_misheard_drug():
    text, corrections = _read("I take lisinopril every morning. I am allergic to pencil in.")
    assert text.endswith("allergic to penicillin.") and corrections[("pencil in", "penicillin")]
    text, _ = _read("She had a reaction to pencil in as a child.")
    assert "reaction to penicillin" in text
    for heard in ("I'm allergic to peanuts.", "I am allergic to cats.", "I'm allergic to latex."):
        assert _read(heard)[0] == heard
    dialogue = "[doctor] Any allergies?\n[patient] I am allergic to pencil in, I get hives."
    assert _allergies(dialogue) == ["penicillin"]
