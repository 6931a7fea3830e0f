"""Session 46: what the physician's audit of written30 found, each on a short dialogue through the real engine: a drug
the patient misnames or misdoses and the clinician corrects, a recap whose "stopped" belonged to one drug, drugs held
or stopped only on a condition, drugs of long ago, and prescriptions to start only if something happens."""

from __future__ import annotations

from tests.test_notes_s33 import _meds
from tests.test_notes_s37 import _lines
from tests.test_notes_s41 import _med


def test_a_drug_the_patient_misnames_is_not_theirs():
    said = (
        "[doctor] and for the headaches ?\n"
        "[patient] the amlodipine , ten milligrams .\n"
        "[doctor] amlodipine ? let me look ... no , that's amitriptyline . amlodipine is a blood pressure tablet . "
        "yours is amitriptyline , ten milligrams at night .\n"
        "[patient] oh , yes , amitriptyline .\n"
    )
    meds = _meds(said)
    assert "amlodipine" not in meds and meds["amitriptyline"][0] == "current", meds
    french = (
        "[doctor] et pour le diabète ?\n"
        "[patient] la dapagliflozine , dix milligrammes .\n"
        "[doctor] je regarde ... c'est l'empagliflozine , jardiance , pas la dapagliflozine .\n"
    )
    assert "dapagliflozin" not in _meds(french, "fr"), _meds(french, "fr")


def test_a_misremembered_dose_takes_the_clinicians_correction():
    said = (
        "[doctor] and the folic acid ?\n"
        "[patient] the folic acid , ten milligrams , on the sunday .\n"
        "[doctor] let me check that ... no , it's five milligrams . one tablet , once a week .\n"
    )
    assert _med(said, "folic acid")["dose"] == "5", _med(said, "folic acid")
    assert any("Folic acid 5 mg" in line for line in _lines(said)), _lines(said)  # quoted, so the note keeps it
    before_the_name = (
        "[doctor] then the bisoprolol for the heart rate ...\n"
        "[patient] that's ten milligrams , the bisoprolol .\n"
        "[doctor] let me check the box ... it says five milligrams , one in the morning .\n"
    )
    assert _med(before_the_name, "bisoprolol").get("dose") == "5", _med(before_the_name, "bisoprolol")


def test_a_recaps_stopped_belongs_to_the_drug_before_it():
    said = (
        "[doctor] you're on bisoprolol five milligrams , atorvastatin twenty milligrams and naproxen .\n"
        "[patient] yes .\n"
        "[doctor] so to sum up : naproxen stopped , paracetamol for the back , bisoprolol five , atorvastatin "
        "unchanged .\n"
    )
    meds = _meds(said)
    assert meds["naproxen"][0] == "stopped", meds
    assert meds["bisoprolol"][0] == "current" and meds["atorvastatin"][0] == "current", meds


def test_stops_on_a_condition_or_of_another_drug_are_no_stops():
    warning = (
        "[doctor] you're on allopurinol one hundred milligrams .\n"
        "[patient] yes .\n"
        "[doctor] one more thing : if you get a rash , any rash , on the allopurinol , stop it straight away and "
        "call us .\n"
    )
    assert _meds(warning)["allopurinol"][0] == "current", _meds(warning)
    beside = (
        "[doctor] vous prenez de l'ibuprofène et du ramipril ?\n"
        "[patient] oui .\n"
        "[doctor] l'ibuprofène , avec les brûlures , et avec votre ramipril , c'est mauvais pour les reins . "
        "on l'arrête aujourd'hui .\n"
    )
    meds = _meds(beside, "fr")
    assert meds["ibuprofen"][0] == "stopped" and meds["ramipril"][0] == "current", meds
    held = (
        "[doctor] and the bendroflumethiazide , two point five milligrams ?\n"
        "[patient] yes , every morning .\n"
        "[doctor] so , the water tablet , bendroflumethiazide , is on hold .\n"
    )
    assert _meds(held)["bendroflumethiazide"][0] == "stopped", _meds(held)


def test_drugs_of_long_ago_are_history():
    french = (
        "[doctor] et vous aviez déjà eu une statine avant ?\n"
        "[patient] oui , il y a cinq ans , la simvastatine , vingt milligrammes .\n"
    )
    assert _meds(french, "fr")["simvastatin"][0] == "historical", _meds(french, "fr")


def test_a_drug_to_start_only_if_something_happens_is_kept_at_home():
    said = (
        "[doctor] i'm giving you a rescue pack to keep at home . prednisolone thirty milligrams , once a day for "
        "five days , and amoxicillin five hundred milligrams three times a day for five days . you only start them "
        "if your breathing gets worse and the phlegm goes green .\n"
    )
    lines = _lines(said)
    for drug in ("Prednisolone", "Amoxicillin"):
        assert any(line.startswith(f"- Keep at home, not to start now: {drug}") for line in lines), lines
        # the note keeps it, in the third person (a "your" would read as speech and be left out)
        assert any(drug in line and "only if the patient's breathing" in line for line in lines), lines
    named_before = (
        "[doctor] i'll give you prochlorperazine , the ones that dissolve against your gum , three milligrams . "
        "only if you're vomiting with an attack , one or two .\n"
    )
    assert not any(line.startswith("- Start Prochlorperazine") for line in _lines(named_before)), _lines(named_before)
