"""Medications: a drug stopped however it is said ("no more X", "was that finished?", "le X, vous pouvez
arrêter"), a French change said on a pronoun, the clinician's regimen over the patient's account of use, a past
course not taken now, a drug named twice in one breath, and a dose worked out aloud."""

from __future__ import annotations

import pytest

from scribe.notes.engine import document


def _meds(dialogue: str, lang: str = "en") -> tuple[dict[str, list[dict]], str]:
    doc = document(dialogue, language=lang)
    meds: dict[str, list[dict]] = {}
    for f in doc["facts"]:
        if f["kind"] == "medication":
            meds.setdefault(f["label"], []).append(f)
    return meds, doc["note"]["markdown"]


def _statuses(meds: dict[str, list[dict]], label: str) -> set[str]:
    return {f["status"] for f in meds.get(label, [])}


def test_no_more_stops_a_drug_the_patient_takes_but_no_more_than_is_a_maximum():
    meds, md = _meds(
        "[doctor] and you are still on a sleeping pill at night , the zolpidem ?\n"
        "[patient] yes , every night , ten milligrams .\n"
        "[doctor] at your age it raises the risk of falls . so no more zolpidem .\n"
        "[doctor] for the knee , take ibuprofen 400 milligrams , no more than three tablets a day ."
    )
    assert _statuses(meds, "zolpidem") == {"stopped"}, meds["zolpidem"]
    assert "Zolpidem 10 mg" not in md.replace("(stopped)", "") or "stopped" in md.lower()
    assert _statuses(meds, "ibuprofen") == {"new"}, meds.get("ibuprofen")


def test_a_course_the_clinician_asks_was_finished_is_stopped():
    meds, _ = _meds(
        "[doctor] the antibiotic from the hospital , the augmentin , was that finished ?\n"
        "[patient] yes , i took the last one on sunday .\n"
        "[doctor] good . and the lisinopril , ten milligrams , you still take it ?\n"
        "[patient] yes , every morning ."
    )
    assert _statuses(meds, "amoxicillin") == {"stopped"}, meds
    assert _statuses(meds, "lisinopril") == {"current"}, meds


def test_a_tried_drug_the_clinician_then_stops_is_one_stopped_drug_with_its_dose():
    meds, md = _meds(
        "[patient] they gave me montelukast , 10 milligrams , at urgent care . i took it two months , it did "
        "nothing , so i quit .\n"
        "[doctor] okay . no more montelukast then , it did not help you ."
    )
    (fact,) = meds["montelukast"]
    assert fact["status"] == "stopped" and fact["attributes"].get("dose") == "10", fact
    assert md.lower().count("montelukast") <= 2, md  # listed once, and at most its stop in the plan


@pytest.mark.parametrize(
    "said",
    ["le spasfon , vous pouvez arrêter , ça ne sert à rien .", "le spasfon , arrêtez , ça ne sert à rien ."],
)
def test_a_french_stop_said_after_the_drug(said):
    meds, _ = _meds(
        f"[patient] je prends du spasfon , deux comprimés par jour , ça ne change rien .\n[doctor] d'accord . {said}",
        "fr",
    )
    assert "stopped" in {s for fs in meds.values() for s in {f["status"] for f in fs}}, meds
    assert not {s for fs in meds.values() for s in {f["status"] for f in fs}} & {"current", "new"}, meds


def test_a_french_stop_is_not_read_in_a_negation():
    meds, _ = _meds(
        "[patient] je prends le kardégic , 75 milligrammes par jour .\n"
        "[doctor] le kardégic , il ne faut surtout pas l'arrêter .",
        "fr",
    )
    assert "stopped" not in {f["status"] for fs in meds.values() for f in fs}, meds


def test_a_french_change_said_on_a_pronoun_gives_the_new_dose():
    meds, md = _meds(
        "[patient] elle prend le lasilix , 40 milligrammes le matin .\n"
        "[doctor] le lasilix , on le diminue à 20 milligrammes le matin pendant l'infection .",
        "fr",
    )
    changed = [f for f in meds["furosemide"] if f["status"] == "changed"]
    assert changed and changed[0]["attributes"]["dose"] == "20", meds["furosemide"]
    assert changed[0]["attributes"].get("previous_dose") == "40"


def test_the_regimen_the_clinician_states_replaces_the_patients_account_of_use():
    meds, md = _meds(
        "[doctor] how often are you using your albuterol inhaler ?\n"
        "[patient] almost every day .\n"
        "[doctor] keep the albuterol as a rescue , two puffs every four to six hours as needed ."
    )
    (fact,) = meds["albuterol"]
    assert fact["attributes"]["frequency"] == "every four to six hours" and fact["attributes"]["as_needed"], fact
    assert "once daily" not in md, md
    alone, _ = _meds("[doctor] how often are you using your albuterol inhaler ?\n[patient] almost every day .")
    assert alone["albuterol"][0]["attributes"].get("frequency") == "every day"  # nothing said after: the use


def test_a_past_course_is_not_taken_now_and_the_new_order_reads_its_worked_out_dose():
    meds, md = _meds(
        "[patient] last winter they gave her amoxicillin and it worked fine .\n"
        "[doctor] so for the left ear infection , we'll treat with amoxicillin . for her weight , 15 kilos , "
        "that's 675 milligrams twice a day , for ten days ."
    )
    statuses = _statuses(meds, "amoxicillin")
    assert "current" not in statuses and "new" in statuses, meds
    new = next(f for f in meds["amoxicillin"] if f["status"] == "new")
    assert new["attributes"].get("dose") == "675" and new["attributes"].get("per_day") == 2.0, new
    assert "Keep taking" not in md and "Continue" not in md


def test_a_drug_named_twice_in_one_breath_keeps_the_dose_said_after_its_brand():
    meds, md = _meds(
        "[doctor] instead of the tylenol , give her ibuprofen , children's motrin , 150 milligrams every six "
        "hours as needed ."
    )
    (fact,) = meds["ibuprofen"]
    assert fact["status"] == "new" and fact["attributes"].get("dose") == "150", fact
    assert "150 mg every 6 hours as needed" in md, md


def test_a_drug_named_in_reply_to_an_allergy_question_is_an_allergy_not_a_medication():
    doc = document(
        "[doctor] vous êtes allergique à un médicament ?\n[patient] oui , à l'amoxicilline , j'ai eu des plaques .\n"
        "[doctor] et vous prenez quoi tous les jours ?\n[patient] du kardégic , 75 milligrammes .",
        language="fr",
    )
    kinds = {(f["kind"], f["label"]) for f in doc["facts"]}
    assert ("allergy", "amoxicillin") in kinds and ("medication", "amoxicillin") not in kinds, kinds
    assert ("medication", "aspirin") in kinds, kinds


def test_a_reply_to_a_question_about_medications_and_allergies_says_which_it_answers():
    doc = document(
        "[doctor] are you taking any medications , and do you have any allergies ?\n"
        "[patient] i take lisinopril ten milligrams every morning . i am allergic to penicillin .\n"
        "[doctor] vous prenez des médicaments , vous avez des allergies ?\n"
        "[patient] je prends du kardégic .",
    )
    kinds = {(f["kind"], f["label"]) for f in doc["facts"]}
    assert ("medication", "lisinopril") in kinds and ("allergy", "lisinopril") not in kinds, kinds
    assert ("allergy", "penicillin") in kinds and ("medication", "penicillin") not in kinds, kinds
    assert ("medication", "aspirin") in kinds and ("allergy", "aspirin") not in kinds, kinds


def test_no_more_stops_only_the_drug_it_names():
    meds, _ = _meds(
        "[patient] i take ibuprofen for my back , two tablets a day .\n"
        "[doctor] so first , stop the ibuprofen , no more ibuprofen , no aleve , no aspirin products ."
    )
    assert _statuses(meds, "ibuprofen") == {"stopped"}, meds
    assert "aspirin" not in meds and "naproxen" not in meds, meds  # avoided, never taken
