"""How a recogniser writes what was said about a drug, read as what was said: frequencies in the plural
Whisper writes ("20 milligrams a days", "3 times a days"), which lost the frequency of a tune consultation's
Lasix in the note built from its audio."""

from __future__ import annotations

from scribe.notes.medication import parse_frequency


def test_a_frequency_written_in_the_plural_keeps_its_value():
    for text, per_day in (("20 milligrams a days and", 1.0), ("3 times a days", 3.0), ("twice a days", 2.0)):
        found = parse_frequency(text, "en")
        assert found is not None and found.per_day == per_day, (text, found)
    assert parse_frequency("for a few days", "en") is None
    assert parse_frequency("in 2 days", "en") is None
