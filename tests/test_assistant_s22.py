"""Questions the blind splits of session 22 (written5's assistant labels, written6) found answered with the wrong
dose or value, or not answered, each on a short dialogue written for the purpose, through the real engine: the new
dose of a drug changed today (never the old one, and "not answered" while the change is not said), the dose before
the change, the dose of a drug stopped or tried, an age that is not how long, and a temperature the family took at
home."""

from __future__ import annotations

import pytest

from scribe.notes.dialogue import load
from scribe.notes.engine import ask, document

CHANGE = (
    "[doctor] you're on seventy-five micrograms of levothyroxine , right ?\n"
    "[patient] yes , seventy-five , every morning .\n"
    "[patient] the walk-in clinic gave me montelukast , singulair , ten milligrams . it did nothing , so i stopped .\n"
    "[doctor] your tsh is high , so we're going up on the levothyroxine , from seventy-five to eighty-eight "
    "micrograms every morning .\n"
)


@pytest.fixture(scope="module")
def change():
    return document(CHANGE)


def test_the_new_dose_is_the_one_given_today(change):
    a = ask(change, "What is the new levothyroxine dose?", use_embeddings=False)
    assert a["answered"] and a["value"].startswith("88 mcg")
    fr = ask(change, "Quelle est la nouvelle dose de lévothyroxine ?", use_embeddings=False)
    assert fr["answered"] and fr["value"].startswith("88")


def test_the_dose_before_the_change_is_the_old_one(change):
    a = ask(change, "What dose of levothyroxine was she on before?", use_embeddings=False)
    assert a["answered"] and a["value"] == "75 mcg"


def test_a_new_dose_not_yet_said_is_not_answered():
    before = document("\n".join(CHANGE.splitlines()[:2]))
    a = ask(before, "What is the new levothyroxine dose?", use_embeddings=False)
    assert not a["answered"]  # the 75 she takes is not the new dose


def test_a_stopped_drug_keeps_the_dose_it_was_taken_at(change):
    a = ask(change, "What dose of montelukast was he on?", use_embeddings=False)
    assert a["answered"] and a["value"] == "10 mg" and "stopped" in a["answer"]


def test_an_age_between_commas_is_not_how_long():
    doc = document(
        "[doctor] alors , madame marchand , 34 ans , caissière , qui vient pour une éruption qui gratte . "
        "ça dure depuis quand ?\n[patient] ça fait ... six semaines , à peu près .\n",
        language="fr",
    )
    a = ask(doc, "Depuis combien de temps a-t-elle l'éruption ?", use_embeddings=False)
    assert a["answered"] and a["value"] == "6 semaines"


def test_a_temperature_taken_by_the_family_is_a_home_reading():
    doc = document(
        "[doctor] has she had a fever ?\n"
        "[patient] yes , last night it was a hundred and two point five , with the forehead thermometer .\n"
        "[doctor] here today her temperature is thirty-eight point nine .\n"
    )
    a = ask(doc, "What was her highest temperature at home?", use_embeddings=False)
    assert a["answered"] and a["value"] == "102.5"
    fr = document(
        "[doctor] de la fièvre ?\n[patient] non ... enfin , j'ai eu des frissons hier soir , mais j'ai pris la "
        "température , 37,6 .\n",
        language="fr",
    )
    b = ask(fr, "Quelle température a-t-elle prise à la maison ?", use_embeddings=False)
    assert b["answered"] and b["value"] == "37,6"


def test_a_clinic_reading_does_not_answer_for_home():
    doc = document(load("[doctor] on exam , temperature 101.5 , heart rate 102 .\n[patient] okay .\n", "en"))
    assert not ask(doc, "What was his highest temperature at home?", use_embeddings=False)["answered"]


def test_the_most_per_day_and_the_dose_until_todays_change():
    doc = document(
        "[patient] furosemide , forty milligrams , once a day in the morning .\n"
        "[doctor] the furosemide , we go from forty milligrams to eighty milligrams , once a day in the morning .\n"
        "[doctor] le doliprane , un gramme toutes les six heures si besoin , jamais plus de quatre grammes par jour .\n"
    )
    before = ask(doc, "What furosemide dose was he taking before today?", use_embeddings=False)
    assert before["answered"] and before["value"] == "40 mg"
    most = ask(doc, "Quelle est la dose maximale de paracétamol par jour ?", use_embeddings=False)
    assert most["answered"] and most["value"] == "4 g par jour"
    assert not ask(doc, "What is the maximum dose of furosemide per day?", use_embeddings=False)["answered"]


LABS = (
    "[doctor] your inr this morning in the clinic was three point nine .\n"
    "[doctor] and three weeks ago your inr was one point six , too low .\n"
    "[doctor] your kidney function , the egfr , is thirty-nine , it was forty-eight in march .\n"
    "[patient] this morning , on my scale at home , i was one ninety-four .\n"
    "[doctor] if your heart rate at home runs above one hundred , call me .\n"
    "[doctor] any weight loss ?\n[patient] about four pounds , without trying .\n"
)


@pytest.fixture(scope="module")
def labs():
    return document(LABS)


def test_a_value_of_before_and_a_value_of_now(labs):
    assert ask(labs, "What was her INR three weeks ago?", use_embeddings=False)["value"] == "1.6"
    assert ask(labs, "What is her INR today?", use_embeddings=False)["value"] == "3.9"
    assert ask(labs, "Quel est son DFG actuel ?", use_embeddings=False)["value"] == "39"


def test_a_home_scale_reading_is_a_weight_a_loss_and_a_threshold_are_not(labs):
    assert ask(labs, "What did he weigh on his home scale this morning?", use_embeddings=False)["value"] == "194"
    assert not ask(labs, "Quelle est sa fréquence cardiaque mesurée à domicile ?", use_embeddings=False)["answered"]
    loss = document("[doctor] any weight loss ?\n[patient] about four pounds , without trying .\n")
    assert not ask(loss, "Quel est son poids actuel ?", use_embeddings=False)["answered"]
    lifted = document(
        "[patient] au boulot , j'ai voulu soulever un carton de carrelage , trente kilos à peu près .\n",
        language="fr",
    )
    assert not ask(lifted, "Quel est son poids ?", use_embeddings=False)["answered"]


def test_a_french_percentage_is_read_as_said():
    doc = document(
        "[doctor] l'hémoglobine glyquée est à sept virgule un pour cent . il y a six mois , avant l'ozempic , "
        "vous étiez à huit virgule quatre .\n[patient] ah , c'est mieux .\n",
        language="fr",
    )
    assert ask(doc, "Quelle est son HbA1c actuelle ?", use_embeddings=False)["value"] == "7.1%"
    assert ask(doc, "What was her HbA1c six months ago?", use_embeddings=False)["value"] == "8.4"
