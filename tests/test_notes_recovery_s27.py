"""Drug names read back from the recogniser's words (session 27, espeak-ng consultations through the base model):
a name split at a pause before its dose, the n of "an" heard as the name's first sound, of two near names the one
that sounds exactly as heard, a word that sounds exactly like a common drug in a talk about medications, a frequency
after the name as its place; and what stays as heard: a dose's misspelt unit, "prisk-ribed", "post-partum"."""

from __future__ import annotations

from tests.test_notes_recovery_s23 import _read


def test_a_name_split_at_a_pause_before_its_dose():
    text, corrections = _read("Yes, everything's in here. Listen, Opril, 20 milligrams, once a day.")
    assert "lisinopril, 20 milligrams" in text and corrections[("Listen, Opril", "lisinopril")]
    text, corrections = _read("Yes. Oxygen in, 5 miligrams, how do you take that one?")
    assert "miligrams" in text and not any(name == "molgramostim" for _heard, name in corrections)


def test_the_n_of_the_article_and_the_name_that_sounds_as_heard():
    text, _ = _read("Okay, good to know, an ibuprofen, an approxon. It hurt my stomach.")
    assert "naproxen" in text
    text, corrections = _read("And Alexone is a nasal spray, 4mg, it reverses an overdose.")
    assert text.startswith("And naloxone is") and ("Alexone", "naloxone") in corrections


def test_a_common_drug_said_alike_in_a_talk_about_medications():
    text, _ = _read("no ibuprofen, no matrin for the knee, Tylenol is fine, these pills are safer")
    assert "no motrin for the knee" in text
    text, _ = _read("the last hour's ear tech same, flonace once a day if he'll take it")
    assert "flonase once a day" in text
    kept = ("keep the syloteca's knocked a cap and prisk-ribed.", "post-partum, about 5 years ago i was on a pill")
    for heard in kept:
        text, corrections = _read(heard)
        assert text == heard and not any(corrections.values())


def test_a_name_of_two_words_is_never_cut_short():
    for heard in (
        "calcium carbonate with vitamin d , six hundred milligrams , twice a day .",
        "okay . so , you're currently taking vitamin d3 , around 5000 units on sundays .",
    ):
        text, corrections = _read(heard)
        assert text == heard and not any(corrections.values())
