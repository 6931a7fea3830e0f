"""Medication status and dose as the blind split written6 (session 22) found them misread, each on a short dialogue
written for the purpose, through the real engine: stops said after the drug ("the advil stops today", "l'advil,
vous arrêtez"), a course ended ("i finished it on sunday"), a drug taken years ago, a course given with its length,
a question about who started a drug, changes said as "bring it down" / "go down from", a recap's "up to", two
doses a day said as "two in the morning, two at night", and a route that belongs to another treatment."""

from __future__ import annotations

from scribe.notes.engine import document


def meds(doc: dict) -> dict[str, tuple[str, dict]]:
    return {f["label"]: (f["status"], f["attributes"]) for f in doc["facts"] if f["kind"] == "medication"}


def statuses(doc: dict) -> dict[str, set[str]]:
    """Every status each drug has (a drug can have two facts: taken, then changed or stopped)."""
    out: dict[str, set[str]] = {}
    for f in doc["facts"]:
        if f["kind"] == "medication":
            out.setdefault(f["label"], set()).add(f["status"])
    return out


def test_a_stop_said_after_the_drug_stops_it():
    doc = document(
        "[patient] my knee's been killing me , so i've been taking advil . two in the morning , two at night .\n"
        "[doctor] the advil stops today . no ibuprofen , no aleve .\n"
    )
    status, attrs = meds(doc)["ibuprofen"]
    assert status == "stopped" and attrs.get("per_day") == 2.0
    fr = document(
        "[patient] ce matin j'ai pris un advil , deux cents milligrammes .\n"
        "[doctor] l'advil , vous arrêtez , pas d'anti-inflammatoire pendant une infection urinaire .\n",
        language="fr",
    )
    assert meds(fr)["ibuprofen"][0] == "stopped"
    assert "Continuez" not in fr["note"]["markdown"]
    heard = document("[doctor] and the melatonin , you can lean that off , since it didn't help .\n[patient] yeah .\n")
    assert meds(heard)["melatonin"][0] == "stopped"  # the recogniser's "leave that off"


def test_a_course_finished_and_a_drug_taken_years_ago_are_not_current():
    doc = document(
        "[patient] yes , the ulcer , that was twelve years ago . i was taking a lot of ibuprofen for my back .\n"
        "[patient] the dentist gave me an antibiotic , the amoxicillin , five hundred , three times a day , for a "
        "week . i finished it on sunday .\n"
        "[patient] and a baby aspirin , eighty-one milligrams .\n"
        "[doctor] who started the aspirin ?\n[patient] the heart doctor .\n"
    )
    m = meds(doc)
    assert m["ibuprofen"][0] == "historical"
    assert m["amoxicillin"][0] == "stopped"
    assert {f["status"] for f in doc["facts"] if f["label"] == "aspirin"} == {"current"}  # "who started it?"


def test_a_course_given_with_its_length_is_new():
    doc = document(
        "[doctor] second , an antibiotic , doxycycline , one hundred milligrams twice a day for five days .\n"
        "[patient] okay .\n"
    )
    assert meds(doc)["doxycycline"][0] == "new"
    assert "Keep taking" not in " ".join(it["text"] for it in doc["patient_summary"]["medications"])


def test_bringing_a_dose_down_is_a_change_to_the_new_dose():
    doc = document(
        "[patient] my family doctor put me on prednisone , five milligrams every morning .\n"
        "[doctor] the prednisone , we'll bring it down , from five to two and a half milligrams every morning .\n"
        "[patient] and amlodipine , ten milligrams , once a day .\n"
        "[doctor] the amlodipine , we go down from ten milligrams to five milligrams , once a day .\n"
    )
    m = meds(doc)
    assert m["prednisone"][0] == "changed" and m["prednisone"][1]["dose"] == "2.5"
    assert m["amlodipine"][0] == "changed" and m["amlodipine"][1]["dose"] == "5"


def test_a_recaps_up_to_changes_a_drug_taken_and_instead_starts_one():
    doc = document(
        "[patient] i take sertraline , twenty-five milligrams every morning .\n"
        "[doctor] stop the benadryl . instead , melatonin , three milligrams , thirty minutes before bedtime .\n"
        "[doctor] so , to summarize : sertraline up to fifty milligrams every morning , stop the benadryl .\n"
    )
    m = meds(doc)
    assert m["sertraline"][0] == "changed" and m["sertraline"][1]["dose"] == "50"
    assert m["melatonin"][0] == "new" and m["melatonin"][1]["dose"] == "3"
    assert m["diphenhydramine"][0] == "stopped" and not m["diphenhydramine"][1].get("dose")


def test_an_injection_of_another_treatment_is_not_the_drugs_route():
    doc = document(
        "[patient] the methotrexate , fifteen milligrams , six of the little yellow pills , every sunday .\n"
        "[doctor] if the joints are still active in three months on the methotrexate , we'll talk about adding a "
        "biologic injection .\n"
    )
    status, attrs = meds(doc)["methotrexate"]
    assert status == "current" and attrs.get("route") != "injection"
    assert "Administered in clinic" not in doc["note"]["markdown"]


def test_going_from_one_dose_to_another_and_a_shortened_name():
    doc = document(
        "[patient] furosemide , forty milligrams , once a day in the morning .\n"
        "[doctor] the furosemide , we go from forty milligrams to eighty milligrams , once a day in the morning .\n"
        "[doctor] and an antibiotic , doxy , one hundred milligrams twice a day for five days .\n"
    )
    m = meds(doc)
    assert m["furosemide"][0] == "changed" and m["furosemide"][1]["dose"] == "80"
    assert m["furosemide"][1]["previous_dose"] == "40"
    assert "Doxycycline 100 mg" in doc["note"]["markdown"]  # the generic name, not the shortened one said
