"""What session 30 found misread, each on a short dialogue written for the purpose, through the real engine: drugs
of the past (from the chart, in college, a course in january, echoed "stopped for fatigue"), a drug switched to, put
off or someone else's, a combination inhaler, a daily total in two intakes; whose a disease is when the question, a
first name or a spouse says it; a "no" taken back after a cut "well ..."."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_s29 import _labels


def _family(doc: dict) -> dict[str, set[str]]:
    return {f["label"]: f["attributes"].get("relative") for f in doc["facts"] if f["kind"] == "family_history"}


def test_drugs_of_the_past_are_not_taken_now():
    doc = document(
        "[doctor] before the finasteride , you were on something else , i see it in the chart . terazosin .\n"
        "[patient] yes , years ago .\n"
        "[doctor] have you ever been on a combination inhaler ?\n"
        "[patient] advair , in college . it made my voice hoarse .\n"
        "[doctor] any steroid pills this year ?\n"
        "[patient] once . in january , at urgent care , prednisone , forty milligrams for five days .\n"
        "[doctor] okay . and you tried a preventive last year , right ?\n"
        "[patient] the propranolol . forty milligrams twice a day . i was so tired , i stopped it .\n"
        "[doctor] okay , propranolol , stopped for fatigue .\n"
    )
    meds = _labels(doc, "medication")
    assert meds["terazosin"] == {"historical"}
    assert meds["fluticasone and salmeterol"] == {"historical"}
    assert meds["prednisone"] == {"historical"}
    assert meds["propranolol"] <= {"historical", "stopped"}  # stopped by the patient, not at this visit
    summary, note = doc["patient_summary"]["markdown"], doc["note"]["markdown"]
    assert "Stop taking Propranolol" not in summary and "Stop Propranolol" not in note
    assert "Keep taking Prednisone" not in summary


def test_a_drug_switched_to_put_off_or_someone_elses():
    doc = document(
        "[doctor] i want to switch you from the flovent to symbicort . that's budesonide and formoterol , in one "
        "inhaler . two puffs in the morning and two puffs at night .\n"
        "[patient] my buddy takes singulair , is that something for me ?\n"
        "[doctor] montelukast , ten milligrams at night . i thought about it . but let's see how you do first .\n"
        "[doctor] so , to recap . symbicort twice a day . montelukast , not for now .\n"
    )
    meds = _labels(doc, "medication")
    assert meds["fluticasone"] == {"stopped"}
    assert meds["budesonide/formoterol"] == {"new"}
    assert "formoterol" not in meds and "montelukast" not in meds
    assert "Singulair" not in doc["patient_summary"]["markdown"]


def test_french_stops_and_a_daily_total_in_two():
    doc = document(
        "[patient] en septembre , pour mon dos , j'ai pris le profénid de ma femme , cent milligrammes matin et "
        "soir , pendant trois semaines .\n"
        "[doctor] d'accord . plus jamais de kétoprofène , paracétamol pour le dos . la dépakine , vous rapportez la "
        "boîte à la pharmacie . on augmente la lamotrigine de cent à cent cinquante milligrammes par jour , en deux "
        "prises .\n",
        language="fr",
    )
    meds = _labels(doc, "medication")
    assert "stopped" in meds["ketoprofen"] and "acetaminophen" not in meds
    assert meds["valproic acid"] == {"stopped"}
    lamotrigine = next(f for f in doc["facts"] if f["label"] == "lamotrigine")
    assert (lamotrigine["attributes"]["dose"], lamotrigine["attributes"]["per_day"]) == ("75", 2.0)


def test_whose_disease_by_the_question_a_first_name_or_a_spouse():
    doc = document(
        "[doctor] anyone in the family with memory problems ?\n[patient] my mother .\n"
        "[doctor] and your father ?\n[patient] heart attack at sixty-five .\n"
        "[doctor] who's at home with you ?\n[patient] my husband , sam . he has diabetes , he's on insulin .\n"
        "[patient] my sister , ruth , is the one who had the stroke . ruth had a stroke at seventy-six .\n"
        "[doctor] any epilepsy in the family ?\n"
        "[patient] my cousin , on my mom's side . my mom's sister's son . he has epilepsy .\n"
    )
    assert _family(doc) == {
        "myocardial infarction": "father",
        "diabetes mellitus": "husband",
        "stroke": "sister",
        "epilepsy": "cousin",
    }
    assert not _labels(doc, "past_medical")
    doc = document(
        "[doctor] pas de diabète , pour vous ?\n[patient] non , c'est mon mari qui est diabétique .\n", language="fr"
    )
    assert _family(doc) == {"diabetes mellitus": "mari"} and not _labels(doc, "past_medical")


def test_no_cancer_in_the_family_is_dropped_when_a_relative_had_one():
    doc = document(
        "[doctor] anyone in the family ?\n[patient] my father had his prostate done , but that wasn't cancer . my "
        "mother had breast cancer .\n"
    )
    assert _labels(doc, "family_history")["cancer"] == {"present"}
    assert "No cancer" not in doc["note"]["markdown"]


def test_a_no_taken_back_after_a_cut_hesitation_or_denied_again():
    doc = document(
        "[doctor] any black stools , tarry ?\n[patient] no . well ... once . two weeks ago , it was dark .\n"
        "[doctor] okay .\n"
    )
    assert _labels(doc, "symptom")["melena"] == {"present"}
    doc = document(
        "[doctor] vous avez eu des selles noires ?\n[patient] non ... enfin , une fois , un peu foncées . mais pas "
        "noires comme du goudron .\n[doctor] d'accord .\n",
        language="fr",
    )
    assert _labels(doc, "symptom")["melena"] == {"absent"}
    doc = document(
        "[doctor] any fever , chills ?\n[patient] no . not really . well , sunday i felt a bit feverish , shivery , "
        "but i didn't take my temperature .\n[doctor] okay .\n"
    )
    symptoms = _labels(doc, "symptom")
    assert symptoms["chills"] == {"present"} and "fever" not in symptoms


def test_a_rash_denied_on_the_face_and_a_nosebleed_of_years_ago():
    doc = document(
        "[doctor] what brings you in ?\n[patient] this painful rash on my chest , since saturday . blisters .\n"
        "[doctor] any rash on your face , your forehead , around your eyes ?\n[patient] no , nothing on my face .\n"
        "[doctor] you were on warfarin before ?\n[patient] yes , years ago , after the knee surgery . and i had a "
        "nosebleed that wouldn't stop .\n"
    )
    symptoms = _labels(doc, "symptom")
    assert symptoms["rash"] == {"present"}
    assert symptoms["epistaxis"] == {"historical"}
