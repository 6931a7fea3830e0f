"""Session 17's note mends, each on a dialogue written for it (tests fail on the commit before)."""

from __future__ import annotations

from scribe.notes.engine import document


def _flagged(doc: dict) -> dict[str, list[str]]:
    return {
        s["text"]: s["issues"] for sec in doc["note"]["sections"] for s in sec["sentences"] if s["status"] == "flagged"
    }


def test_a_prescribed_symptom_is_flagged_not_printed_as_an_order():
    """tiny.en heard "a cough syrup" as "a cough, sir up": "Prescribe a cough" is no order a physician signs."""
    garbled = document(
        "D: What brings you in?\nP: I have had a cough for five days.\n"
        "D: I think this is a viral infection. I will prescribe a cough, sir up, and come back in one week.",
        language="en",
    )
    lines = [text for text, issues in _flagged(garbled).items() if any("not a drug" in i for i in issues)]
    assert lines and all("cough" in line.lower() for line in lines), _flagged(garbled)
    assert "sir up" not in garbled["patient_summary"]["markdown"]  # a flagged order is not told to the patient
    heard = document(
        "D: What brings you in?\nP: I have had a cough for five days.\n"
        "D: I think this is a viral infection. I will prescribe a cough syrup, and I'll start you on ibuprofen "
        "for the aches.",
        language="en",
    )
    assert not any("not a drug" in i for issues in _flagged(heard).values() for i in issues), _flagged(heard)
    assert "cough syrup" in heard["note"]["markdown"].lower()
