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


def _meds(doc: dict) -> dict[str, dict]:
    return {f["label"]: f for f in doc["facts"] if f["kind"] == "medication"}


def test_point_five_milligrams_is_half_a_milligram():
    """A leading zero is not said: "point five milligrams" written as 5 mg is a tenfold dose."""
    doc = document(
        "D: You're on the semaglutide shot, point five milligrams once a week?\nP: Yes, every Sunday.",
        language="en",
    )
    sema = _meds(doc)["semaglutide"]
    assert sema["attributes"]["dose"] == "0.5", sema
    assert "0.5 mg" in doc["note"]["markdown"] and " 5 mg" not in doc["note"]["markdown"]


def test_another_clinicians_start_said_with_an_apposition_is_not_this_visits_start():
    doc = document(
        "D: And Dr. Lindqvist, the cardiologist, started you on apixaban in March, five milligrams twice a day?\n"
        "P: Yes, that's right.",
        language="en",
    )
    apixaban = _meds(doc)["apixaban"]
    assert apixaban["status"] == "current" and apixaban["attributes"].get("prescriber") == "other", apixaban
    assert "Start" not in doc["patient_summary"]["markdown"]


def test_a_tried_drug_the_patient_gave_up_on_is_stopped():
    doc = document(
        "D: Anything else for the headaches?\n"
        "P: The walk-in clinic gave me naratriptan, two and a half milligrams, in the summer. I tried it for "
        "three headaches and it didn't do a thing. So I stopped.\n"
        "D: Okay. Instead of the naratriptan, I'd like you to try zolmitriptan, five milligrams, at the start.",
        language="en",
    )
    meds = _meds(doc)
    assert meds["naratriptan"]["status"] == "stopped", meds["naratriptan"]
    assert meds["zolmitriptan"]["status"] == "new"
    assert "Keep taking Naratriptan" not in doc["patient_summary"]["markdown"]


def test_a_drug_stopped_by_one_word_of_its_name_and_its_form():
    """ "Stop the magnesium pill" stops magnesium oxide: the summary says stop, not "keep taking"."""
    doc = document(
        "D: And the magnesium oxide?\nP: Four hundred milligrams, once a day.\n"
        "D: Your magnesium level is high, so stop the magnesium pill. Keep the amlodipine the same.",
        language="en",
    )
    magnesium = _meds(doc)["magnesium oxide"]
    assert magnesium["status"] == "stopped", magnesium
    summary = doc["patient_summary"]["markdown"]
    assert "Stop taking Magnesium oxide" in summary and "Keep taking Magnesium" not in summary, summary


def test_french_stops_said_after_the_drug():
    doc = document(
        "D: Qu'est-ce que vous avez pris pour le dos ?\n"
        "P: Du kétoprofène que le pharmacien m'a conseillé, mais ça me donnait des brûlures, alors j'ai arrêté.\n"
        "D: Et l'acide folique ?\n"
        "P: Je l'ai pris trois mois, après j'ai arrêté comme on m'a dit.\n"
        "D: Et la codéine de votre mari, vous ne la reprenez pas.",
        language="fr",
    )
    meds = _meds(doc)
    assert meds["ketoprofen"]["status"] == "stopped", meds.get("ketoprofen")
    assert meds["folic acid"]["status"] == "stopped", meds.get("folic acid")
    assert meds.get("codeine", {}).get("status") in (None, "stopped", "historical"), meds.get("codeine")


def _symptoms(doc: dict) -> dict[str, str]:
    return {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "symptom"}


def test_what_does_not_help_a_symptom_does_not_deny_it():
    doc = document(
        "D: How are you feeling?\n"
        "P: The breathing is better. But I'm dizzy. Every time I stand up, the room goes grey.\n"
        "D: Let me examine you. Lying down the blood pressure is 118 over 70, standing 94 over 58.\nP: Okay.\n"
        "D: So here's what I think. You're a bit dry now, that's why you're dizzy when you stand, that's orthostatic "
        "hypotension. The doxazosin at night isn't helping the dizziness either.",
        language="en",
    )
    assert _symptoms(doc).get("dizziness") == "present", _symptoms(doc)
    assert "Denies dizziness" not in doc["note"]["markdown"]


def test_blood_in_what_is_coughed_up_is_hemoptysis_not_cough():
    doc = document(
        "D: What's going on?\nP: I've been coughing for a week, and I'm short of breath.\n"
        "D: Any blood in what you cough up?\nP: No, nothing like that.",
        language="en",
    )
    symptoms = _symptoms(doc)
    assert symptoms.get("hemoptysis") == "absent" and symptoms.get("cough") == "present", symptoms


def test_a_patients_question_about_a_diagnosis_is_no_history():
    doc = document(
        "D: I'll get a chest x-ray.\nP: Is it pneumonia?\nD: The x-ray is clear, no pneumonia.",
        language="en",
    )
    assert not [f for f in doc["facts"] if f["kind"] == "past_medical" and f["label"] == "pneumonia"], doc["facts"]


def test_a_diagnosis_not_yet_ruled_out_is_possible():
    doc = document(
        "D: Le test rapide est négatif, donc c'est une angine virale.\nP: D'accord.\n"
        "D: Avec cette fatigue et les ganglions, je fais une prise de sang.\nP: D'accord.\n"
        "D: Pas de sport de contact tant qu'on n'a pas éliminé la mononucléose, à cause de la rate.",
        language="fr",
    )
    mono = [f for f in doc["facts"] if f["kind"] == "assessment" and f["label"] == "mononucleosis"]
    assert mono and mono[0]["attributes"].get("certainty") == "possible", mono


def test_a_french_symptom_said_to_be_over_is_not_endorsed():
    doc = document(
        "D: Des nausées, des vomissements ?\nP: Non, les nausées c'est fini depuis le quatrième mois.",
        language="fr",
    )
    assert _symptoms(doc).get("nausea") != "present", _symptoms(doc)
    assert "Signale nausées" not in doc["note"]["markdown"]


def test_the_clinicians_regimen_wins_over_the_patients_account():
    doc = document(
        "D: Does he take anything for the pain?\n"
        "P: I give him ibuprofen, two hundred milligrams, two of them, when it's really sore.\n"
        "D: Okay. You can keep the ibuprofen, four hundred milligrams, up to three times a day.",
        language="en",
    )
    ibuprofen = _meds(doc)["ibuprofen"]
    assert ibuprofen["attributes"]["dose"] == "400", ibuprofen
    flagged = _flagged(doc)
    assert any("400 mg" in text and any("dose" in i for i in issues) for text, issues in flagged.items()), flagged


def test_the_drug_the_clinician_names_when_asked_what_to_take_is_new():
    doc = document(
        "D: On a blood thinner you can't keep taking the naproxen, so stop the naproxen.\n"
        "P: What do I take for my hip then?\n"
        "D: Acetaminophen. You can take five hundred milligrams up to four times a day if you need it.\n"
        "P: Okay, acetaminophen for the hip.",
        language="en",
    )
    acetaminophen = _meds(doc)["acetaminophen"]
    assert acetaminophen["status"] == "new" and acetaminophen["attributes"]["dose"] == "500", acetaminophen
    assert "Keep taking Acetaminophen" not in doc["patient_summary"]["markdown"]


def test_a_feared_disease_is_no_history():
    doc = document(
        "D: Your watch said your heart rhythm was irregular, and a rhythm like that can cause a stroke.\n"
        "P: The stroke part scares me.\nD: Any chest pain?\nP: No.",
        language="en",
    )
    assert not [f for f in doc["facts"] if f["kind"] == "past_medical"], doc["facts"]
