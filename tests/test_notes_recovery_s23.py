"""Drug names read back from espeak-ng's consultations through the base model (session 23): a first sound
the recogniser confused, a long near-name in a talk about medications, the common drugs the short list
lacked (melatonin, phenazopyridine), and contractions that are never names."""

from __future__ import annotations

import pytest

from scribe.notes.recovery import recover_segment
from tests.test_notes_recovery import _segment


def _read(text: str):
    seg = recover_segment(_segment(text), [])
    return seg.text, {(c.original, c.corrected): c.applied for c in seg.corrections}


@pytest.mark.parametrize(
    ("heard", "said", "name"),
    [
        ("he's been taking my menadryl, 25 milligrams, most nights", "menadryl", "benadryl"),  # m for b
        ("we will start mactrim twice a day for five days", "mactrim", "bactrim"),
        ("and the rantus 20 units at night", "rantus", "lantus"),  # r for l
    ],
)
def test_a_confused_first_sound_is_read_back_where_a_drug_is_expected(heard, said, name):
    text, corrections = _read(heard)
    assert corrections == {(said, name): True} and name in text


def test_a_long_near_name_in_a_talk_about_medications_is_read_back_a_short_one_only_flagged():
    text, corrections = _read("so your medications, the lysinoprol and the aspirin, stay the same")
    assert "the lisinopril and the aspirin" in text and corrections == {("lysinoprol", "lisinopril"): True}
    text, corrections = _read("your medications, the furos and the rest")
    assert text == "your medications, the furos and the rest" and corrections == {("furos", "furosemide"): False}


def test_common_drugs_outside_the_top_prescriptions_are_read_back():
    assert _read("instead, melt on in 3 milligrams, 30 minutes before bedtime")[0].startswith("instead, melatonin 3")
    text, _ = _read("and for the burning, phenolopyridine 200 milligrams three times a day")
    assert "phenazopyridine 200 milligrams" in text


def test_contractions_are_never_drug_names():
    for text in ("i didn't take my pills, i couldn't sleep", "okay, i'll put on the list your medications"):
        assert _read(text) == (text, {})


def test_a_long_near_name_anywhere_in_an_english_visit_is_read_back_nothing_else_is():
    text, corrections = _read("if it grows something else, we'll switch to cypherfloxacin")
    assert text.endswith("switch to ciprofloxacin") and corrections == {("cypherfloxacin", "ciprofloxacin"): True}
    for plain in ("i'll talk with doctor rockaffer about it", "she takes care of it at home", "it was the last one"):
        assert _read(plain) == (plain, {})
