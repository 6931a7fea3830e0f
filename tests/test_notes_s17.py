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
