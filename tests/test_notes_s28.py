"""What the blind split written12 (session 28) found misread, each on a short dialogue written for the purpose,
through the real engine: a stop whose object came first ("stopped it and put me on the metoprolol"); a drug this
practice tried before; a drug held for a test, then restarted at a higher dose; "every day except sunday", "every
day, morning and night", "as needed, not every day"; a class named in general; "you were started on bactrim" and the
patient's "the bactrim. … so i stopped it"; a French course finished, a drug only considered, a diagnosis excluded
after it; "not really ... well, sometimes"; the examination's "no wheeze" against the wheezing told; a family reply
that the question does not end; "it helps the blood clot"; "dr. reyes" inside a sentence; "sum a tripton"."""

from __future__ import annotations

from scribe.notes.engine import document
from scribe.notes.medication.frequency import parse_frequency
from scribe.notes.text import split_sentences
from tests.test_notes_recovery_s23 import _read
from tests.test_notes_status_s22 import meds, statuses


def _facts(doc: dict, kind: str) -> dict[str, str]:
    return {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == kind}


def test_a_stop_with_its_own_object_and_a_drug_tried_before():
    doc = document(
        "[doctor] now , the heart rate . we tried diltiazem for you last year , before the metoprolol . what "
        "happened with that ?\n[patient] my ankles swelled up like balloons . so dr. abara stopped it and put me on "
        "the metoprolol .\n[doctor] okay .\n"
    )
    assert statuses(doc)["metoprolol"] == {"current"}
    assert statuses(doc)["diltiazem"] == {"historical"}


def test_a_drug_held_for_a_test_then_restarted_at_a_higher_dose():
    doc = document(
        "[doctor] you're on the omeprazole , twenty milligrams ?\n[patient] yeah .\n"
        "[doctor] for the breath test , you need to be off the omeprazole for two weeks .\n[patient] right .\n"
        "[doctor] then , right after the test , you restart the omeprazole , but a higher dose : we're going from "
        "twenty to forty milligrams , once a day .\n[patient] okay .\n"
    )
    assert "stopped" not in statuses(doc)["omeprazole"]
    changed = [f for f in doc["facts"] if f["kind"] == "medication" and f["status"] == "changed"]
    assert [(f["label"], f["attributes"]["dose"]) for f in changed] == [("omeprazole", "40")]


def test_days_of_the_week_and_frequencies_said_otherwise():
    doc = document(
        "[doctor] keep taking the folic acid , one milligram every day except sunday , the methotrexate day .\n"
        "[patient] okay .\n"
    )
    _status, a = meds(doc)["folic acid"]
    assert round(a["per_day"], 2) == 0.86
    assert "Folic acid 1 mg daily except Sunday." in doc["note"]["markdown"]
    assert "every day except Sunday" in doc["patient_summary"]["markdown"]
    assert parse_frequency("every day , morning and night .").per_day == 2.0
    assert parse_frequency("every day . morning and night").per_day == 1.0  # two sentences, two statements
    doc = document("[doctor] the aleve , that's okay for now , with food , as needed , not every day .\n")
    _status, a = meds(doc)["naproxen"]
    assert a.get("as_needed") and "per_day" not in a


def test_a_class_named_in_general_is_no_medication():
    doc = document(
        "[doctor] red yeast rice contains a natural statin , basically the same chemical as an old statin called "
        "lovastatin . statin muscle aches are real .\n[patient] okay .\n"
    )
    assert not any("statin" in label.lower() or "reductase" in label for label in statuses(doc))
    doc = document("[doctor] that's a known side effect of the dopamine agonists .\n[patient] wow .\n")
    assert "dopamine agonists" not in statuses(doc)


def test_a_drug_started_before_the_visit_and_stopped_in_the_patients_story():
    doc = document(
        "[doctor] and in july , you were started on bactrim .\n[patient] the bactrim . i broke out in a rash after "
        "two days , all over my chest . so i stopped it and they switched me to keflex .\n[doctor] okay .\n"
    )
    assert statuses(doc)["sulfamethoxazole"] == {"stopped"}


def test_french_a_course_finished_a_drug_considered_and_an_exclusion_after_it():
    doc = document(
        "[patient_guest] on est allés aux urgences . ils lui ont donné du solupred pour trois jours .\n"
        "[doctor] vous vous souvenez de la dose du solupred ?\n"
        "[patient_guest] trente milligrammes par jour . il a tout pris , il a fini le mercredi .\n"
        "[doctor] il y a un autre médicament dont on aurait pu parler , le montélukast , le singulair , un comprimé "
        "le soir . mais je préfère la fluticasone .\n",
        language="fr",
    )
    assert statuses(doc)["prednisolone"] == {"stopped"}
    assert "montelukast" not in statuses(doc)
    doc = document(
        "[doctor] en passif , l'amplitude est complète , la rotation externe est normale . ce n'est donc pas une "
        "capsulite , une épaule gelée .\n[patient] d'accord .\n",
        language="fr",
    )
    assert _facts(doc, "assessment")["adhesive capsulitis"] == "absent"
    doc = document("[doctor] votre force est conservée , une rupture de la coiffe , je l'écarte .\n", language="fr")
    assert _facts(doc, "assessment")["rotator cuff tear"] == "absent"


def test_a_recap_that_says_a_change_as_up_from_to():
    doc = document(
        "[doctor] how are you taking the sinemet ?\n[patient] one tablet three times a day .\n"
        "[doctor] so to sum up : sinemet up from three to four times a day ; rasagiline the same .\n"
    )
    changed = [f for f in doc["facts"] if f["kind"] == "medication" and f["status"] == "changed"]
    assert [(f["label"], f["attributes"]["per_day"]) for f in changed] == [("levodopa and carbidopa", 4.0)]


def test_a_no_taken_back_and_the_examinations_no_against_what_was_told():
    doc = document(
        "[doctor] do you get heartburn , acid coming up , a sour taste in your mouth ?\n"
        "[patient] not really ... well , sometimes , after a late dinner .\n"
    )
    assert _facts(doc, "symptom")["heartburn"] == "present"
    doc = document(
        "[doctor] any trouble swallowing , food getting stuck ?\n[patient] not really .\n"
        "[doctor] not even with meat , or bread ?\n[patient] well ... sometimes , now that you say it .\n"
    )
    assert _facts(doc, "symptom")["dysphagia"] == "present"
    doc = document(
        "[patient_guest] depuis novembre , il tousse , il siffle la nuit .\n"
        "[doctor] à l'auscultation , aujourd'hui les poumons sont propres , pas de sifflement .\n",
        language="fr",
    )
    assert _facts(doc, "symptom")["wheezing"] == "present"


def test_a_family_reply_to_a_question_that_does_not_end_the_turn():
    doc = document(
        "[doctor] and any tremor or parkinson's in the family ? i don't think we ever went over that .\n"
        "[patient] my brother , tom , he shakes . but the neurologist told him it's the other thing ... essential "
        "tremor .\n"
    )
    assert _facts(doc, "family_history").get("essential tremor") == "present"
    assert "essential tremor" not in _facts(doc, "history")


def test_what_a_drug_does_is_no_diagnosis_and_a_title_ends_no_sentence():
    doc = document(
        "[doctor] for the bleeding itself : tranexamic acid . it's not a hormone , it helps the blood clot in the "
        "uterus . thirteen hundred milligrams , three times a day .\n[patient] okay .\n"
    )
    assert "blood clot" not in _facts(doc, "assessment")
    said = [s.text for s in split_sentences("the orthopedic guy , dr. reyes , put me on it . it helps .", 0)]
    assert said == ["the orthopedic guy , dr. reyes , put me on it .", "it helps ."]


def test_a_name_heard_as_three_words_with_a_in_the_middle():
    text, corrections = _read("i can take sum a tripton fifty milligrams when it starts.")
    assert "sumatriptan fifty milligrams" in text and ("sum a tripton", "sumatriptan") in corrections
