"""What a visit changes and what it only works up, on short dialogues written for these tests: a drug the
patient weaned off, a drug switched for another, a changed dose in the medication list, a test named after a
disease, a diagnosis being worked up, an interval said as a range, and a bare yes to a negative question."""

from __future__ import annotations

from scribe.notes.engine import document


def _facts(doc: dict, kind: str) -> list[dict]:
    return [f for f in doc["facts"] if f["kind"] == kind]


def _sentences(doc: dict) -> list[dict]:
    return [s for sec in doc["note"]["sections"] for s in sec["sentences"]]


def test_a_drug_the_patient_weaned_off_when_asked_is_stopped():
    doc = document(
        """[doctor] how is your mood?
[patient] up and down.
[doctor] i know we have you on the prozac 20 mg a day. are you taking that? any side effects from that?
[patient] i was taking it regularly, but i've kind of weaned myself off of it.""",
        template="soap",
    )
    prozac = [f for f in _facts(doc, "medication") if f["label"] == "fluoxetine"]
    assert prozac and {f["status"] for f in prozac} == {"stopped"}, prozac


def test_the_drug_switched_from_is_stopped():
    doc = document(
        """[doctor] how is your breathing?
[patient] much better.
[doctor] good. we switched her from a furosemide to torsemide 20 mg daily and she is doing a lot better.""",
        template="soap",
    )
    status = {f["label"]: f["status"] for f in _facts(doc, "medication")}
    assert status.get("furosemide") == "stopped", status


def test_a_changed_dose_is_not_listed_as_the_regimen_from_today_on():
    doc = document(
        """[doctor] it looks like we've had you on prozac 20 milligrams a day.
[patient] yes.
[doctor] in terms of your depression, we'll increase your prozac from 20 milligrams to 40 milligrams once a day.""",
        template="soap",
    )
    lines = [s for s in _sentences(doc) if "Fluoxetine" in s["text"]]
    listed = next(s for s in lines if s["text"].startswith("Medications:"))
    assert "20 mg" in listed["text"] and "changed this visit to 40 mg once daily" in listed["text"], lines
    order = next(s for s in lines if s["text"].removeprefix("Medical treatment: ").startswith("Change"))
    assert "40 mg" in order["text"] and "(previously 20 mg)" in order["text"], lines
    assert any("20 milligrams a day" in e["quote"] for e in order["evidence"]), order  # the 20 mg is cited
    assert doc["faithfulness"]["removed"] == 0, doc["faithfulness"]


def test_a_test_named_after_a_disease_is_not_the_diagnosis_and_a_work_up_is_possible():
    doc = document(
        """[doctor] let me see your results. your lyme titer is a little elevated.
[patient] okay.
[doctor] so my assessment: from a positive lyme titer aspect, we should order a western blot pcr to see if it's \
actually acute lyme disease, okay?
[patient] okay.
[doctor] hey dragon, order a western blot pcr for lyme.""",
        template="soap",
    )
    dx = {f["label"]: f["attributes"]["certainty"] for f in _facts(doc, "assessment")}
    assert dx.get("lyme disease") == "possible", dx


def test_an_interval_said_as_a_range_is_written_as_said_in_the_summary():
    doc = document(
        """[doctor] from an asthma standpoint, let's continue you on the albuterol, two puffs, every four to six \
hours as needed.
[patient] okay.""",
        template="soap",
    )
    lines = [m["text"] for m in doc["patient_summary"]["medications"] if "lbuterol" in m["text"]]
    assert lines and "every 4 to 6 hours" in lines[0] and "times a day" not in lines[0], lines


def test_a_bare_yes_to_a_negative_question_records_nothing():
    doc = document(
        """[doctor] Vous avez des antécédents médicaux ?
[patient] Non, pas de maladies particulières.
[doctor] Et vous avez pas de cholestérol ?
[patient] Oui
[doctor] Et du diabète ?
[patient] Si, j'ai du diabète.""",
        language="fr",
    )
    past = {f["label"] for f in _facts(doc, "past_medical") if f["status"] == "present"}
    assert past == {"diabetes mellitus"}, past  # "si": yes; the cholesterol "oui" says nothing sure


def test_a_diagnosis_is_named_without_the_speakers_possessive():
    doc = document(
        """[doctor] what brings you in?
[patient] my knee hurts again.
[doctor] my assessment: for your knee pain, i think that this is an acute exacerbation of your arthritis, okay?""",
        template="soap",
    )
    text = " ".join(s["text"] for s in _sentences(doc))
    assert "exacerbation of arthritis" in text.lower() and "your arthritis" not in text.lower(), text


def test_the_clinicians_plan_heard_without_its_will_is_not_the_patients_history():
    """Roles read reversed (or a turn diarized to the patient) and the ASR dropping the "'ll" of "I'll
    prescribe": a patient never prescribes, so the sentence is no history the patient reports."""
    doc = document(
        """[doctor] what brings you in today?
[patient] i have had a bad cough and a sore throat for about five days.
[patient] i think this is a viral infection, i prescribe a cough syrup and come back in one week if it's not better.""",
        template="soap",
    )
    subjective = " ".join(
        s["text"] for sec in doc["note"]["sections"] if sec["key"] != "plan" for s in sec["sentences"]
    )
    assert "sore throat" in subjective  # the patient's own history is kept
    assert "prescribe" not in subjective.lower(), subjective


def _meds(doc: dict) -> dict[str, str]:
    return {f["label"]: f["status"] for f in _facts(doc, "medication")}


def test_a_drug_tried_for_the_complaint_is_no_current_medication():
    """Taken before the visit and said in the past ("took … and it didn't help", "hier soir j'ai pris un
    Doliprane"): tried, not a drug the patient takes, so the summary never says to keep taking it."""
    doc = document(
        """[doctor] have you taken anything for the pain?
[patient] i took some advil and it didn't help.
[doctor] okay. i'll prescribe naproxen 500 mg twice a day.""",
        template="soap",
    )
    assert _meds(doc) == {"ibuprofen": "historical", "naproxen": "new"}
    assert "Ibuprofen (Advil) (tried)" in doc["note"]["markdown"]
    assert "keep taking ibuprofen" not in doc["patient_summary"]["markdown"].lower()
    fr = document(
        """[doctor] Vous avez mal depuis quand ?
[patient] Depuis hier. Et puis hier soir, comme j'arrivais pas à dormir, j'ai pris un Doliprane, et ça s'est un peu \
amélioré.
[doctor] Vous l'avez pris quand le Doliprane ?
[patient] Vers 22 heures.""",
        language="fr",
    )
    assert _meds(fr) == {"acetaminophen": "historical"}
    assert "continuez" not in fr["patient_summary"]["markdown"].lower()
    # the answer to "have you tried anything?" names what was tried, unless it says the drug is taken
    asked = document(
        "[doctor] have you tried anything for the pain?\n[patient] yeah, some ibuprofen, a couple of times."
    )
    assert _meds(asked) == {"ibuprofen": "historical"}
    daily = document("[doctor] have you tried anything for the pain?\n[patient] i take tylenol every day.")
    assert _meds(daily) == {"acetaminophen": "current"}
    # still taken, however little it helps: current
    taken = document(
        """[doctor] what do you take for it?
[patient] i've been taking ibuprofen every day and it didn't help much.""",
        template="soap",
    )
    assert _meds(taken) == {"ibuprofen": "current"}


def test_an_order_said_as_a_step_of_the_plan_is_in_the_plan():
    doc = document(
        """[doctor] what brings you in?
[patient] my right hip hurts.
[doctor] so for your assessment and plan, you have right hip arthritis. so first is to start some low impact \
exercises. and the next thing is to get an mri of the hip.
[patient] okay.""",
        template="soap",
    )
    plan = " ".join(s["text"] for sec in doc["note"]["sections"] if sec["key"] == "plan" for s in sec["sentences"])
    assert "Low impact exercises" in plan and "MRI" in plan, plan


def test_drugs_taken_for_the_pain_that_did_not_help_are_tried():
    doc = document(
        """[doctor] and what have you taken for the pain ?
[patient] i took some tylenol , i took some ibuprofen , i used a little bit of heat but it really did n't seem to help .
[doctor] okay."""
    )
    assert _meds(doc) == {"acetaminophen": "historical", "ibuprofen": "historical"}


def test_a_garble_written_with_no_is_no_negation_of_the_drug():
    """The recogniser's "I-1 are no-of-n and prescribe" ("I'm going to prescribe"): "no-" starts a garble."""
    doc = document("clinician: And I-1 are no-of-n and prescribe meloxicam and 15 milligrams once a day.")
    assert _meds(doc) == {"meloxicam": "new"}


def test_what_a_test_looks_for_and_a_question_without_its_mark_are_no_diagnosis():
    """ "a psa ... looks for prostate cancer issues which I don't think you have": the test's purpose; "faites-vous
    de l'insuffisance veineuse" (the transcript wrote no "?") answered "Non": a question. A dialogue written
    on one line longer than a file name is read as a dialogue."""
    doc = document(
        "[doctor] okay so for your first problem of this you know difficulty urinating i wan na go ahead and just "
        "order some routine labs i wan na get a a psa that kind of that ultimately kinda looks for prostate cancer "
        "issues which i do n't think you have because we did n't really appreciate that on physical exam\n"
        "[patient] okay."
    )
    assert not {"cancer", "prostate cancer"} & {f["label"] for f in _facts(doc, "assessment")}
    fr = document(
        """[doctor] Qu'est-ce qui vous amène ?
[patient] J'ai mal au ventre depuis hier.
[doctor] Je vais vous examiner. Allongez-vous.
[doctor] avez-vous des douleurs dans les jambes
[patient] Non
[doctor] faites-vous de l'insuffisance veineuse
[patient] Non""",
        language="fr",
    )
    assert "chronic venous insufficiency" not in {f["label"] for f in _facts(fr, "assessment")}
    long_line = document("[doctor] " + "your knee pain is from a sprain and we will get an x-ray " * 8)
    assert long_line["note"]["sections"]  # read as a dialogue, not opened as a file name that is too long
