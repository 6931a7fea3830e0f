"""What the blind split written7 (session 23) found misread, each on a short dialogue written for the purpose,
through the real engine: drugs announced as a list ("i'm starting a few things." "aspirin, 81 milligrams"),
a strength and a count ("500 milligrams, two tablets" is a 1000 mg dose), what to take for a complaint, a
stop of a drug the visit knows that is no medicine word ("ferrous sulfate, you can stop it"), an intolerance
("since the chantix didn't agree with you"), "plus" in English, a drug not to use ("colchicine, we can't use
it"), the answer to "what did you take two years ago?", a French pluperfect, a condition spoken of as a risk
or in general, "X is not what's causing it", a reply about a relative the clinician just named, a companion
who takes back the patient's "no", and "can I take ibuprofen?"."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_status_s22 import meds


def test_an_announced_list_starts_each_drug_and_keeps_what_is_kept():
    doc = document(
        "[doctor] until we know , i'm starting a few things . aspirin , eighty-one milligrams , once a day .\n"
        "[doctor] metoprolol , twenty-five milligrams , once a day in the morning . the amlodipine , keep the five "
        "milligrams , once a day .\n"
    )
    m = meds(doc)
    assert (m["aspirin"][0], m["metoprolol"][0], m["amlodipine"][0]) == ("new", "new", "current")
    md = doc["note"]["markdown"]
    assert "Start Aspirin 81 mg" in md and "Continue Aspirin" not in md


def test_a_strength_and_a_count_are_one_dose_and_what_to_take_for_a_complaint_is_new():
    doc = document(
        "[patient] my knee aches when i walk .\n"
        "[doctor] the advil , i want you to stop it . for the knee , tylenol , five hundred milligrams , two "
        "tablets up to three times a day if you need it .\n"
    )
    status, attrs = meds(doc)["acetaminophen"]
    assert status == "new" and attrs["dose"] == "1000" and attrs.get("max_per_day") == 3.0
    assert "Acetaminophen (Tylenol) 1000 mg" in doc["note"]["markdown"]  # grounded by "500 … two tablets"


def test_stops_intolerances_and_drugs_not_to_use():
    doc = document(
        "[doctor] and they sent you home on ferrous sulfate , three hundred twenty-five milligrams , once a day .\n"
        "[patient] it made me so constipated .\n"
        "[doctor] so the ferrous sulfate , you can stop it for good .\n"
        "[doctor] since the chantix didn't agree with you , i'd like to start a nicotine patch , twenty-one "
        "milligrams , one patch a day , plus nicotine gum as needed for cravings .\n"
        "[doctor] colchicine , we can't use it right now , it interacts with the clarithromycin .\n"
    )
    m = meds(doc)
    assert m["ferrous sulfate"][0] == "stopped" and m["varenicline"][0] == "historical"
    assert m["nicotine gum"][0] == "new" and "colchicine" not in m


def test_what_was_taken_for_a_past_episode_is_history_in_english_and_french():
    doc = document(
        "[doctor] and for the one two years ago , what did you take ?\n"
        "[patient] colchicine . i had terrible diarrhea .\n"
    )
    assert meds(doc)["colchicine"][0] == "historical"
    fr = document(
        "[patient] en avril , vous m'aviez donné le monuril , le sachet en une seule fois , ça avait bien marché . "
        "et en août , c'était votre remplaçante , le sélexid , un comprimé matin et soir .\n"
        "[doctor] oui , le pivmécillinam , quatre cents milligrammes matin et soir .\n",
        language="fr",
    )
    assert {(f["label"], f["status"]) for f in fr["facts"] if f["kind"] == "medication"} == {
        ("fosfomycin", "historical"),
        ("amdinocillin pivoxil", "historical"),
    }
    plan = document(
        "[patient] ça brûle quand j'urine depuis hier .\n"
        "[doctor] je vais vous examiner . le ventre est souple , pas de douleur aux fosses lombaires .\n"
        "[doctor] alors , c'est une cystite simple . d'abord , aujourd'hui , je vous fais un ecbu . ensuite , "
        "monuril , la fosfomycine , trois grammes , un sachet ce soir .\n",
        language="fr",
    )
    assert meds(plan)["fosfomycin"][0] == "new"  # an item of the plan, never named before


def test_a_condition_spoken_of_as_a_risk_or_as_not_the_cause_is_not_charted():
    doc = document(
        "[doctor] so , atrial fibrillation . thyroid , tsh two point three , normal , so an overactive thyroid is "
        "not what's pushing the heart rate up . your stroke risk score is three , which means a real risk of "
        "stroke every year without the blood thinner . and a stroke from atrial fibrillation is usually a big one .\n"
    )
    assessment = {(f["label"], f["status"]) for f in doc["facts"] if f["kind"] == "assessment"}
    assert ("stroke", "present") not in assessment and not any(s.startswith("stroke") for s, _ in assessment)
    assert ("hyperthyroidism", "present") not in assessment


def test_replies_about_someone_else_and_a_companion_taking_back_a_no():
    doc = document(
        "[doctor] have you been checking your sugar ? you said on the phone your brother checked it .\n"
        "[patient] yes , he's diabetic , so i used his meter last week , it was one hundred forty-eight .\n"
        "[doctor] any hallucinations , seeing things that aren't there ?\n[patient] no .\n"
        "[patient_guest] well ... there was the cat . he told me there was a cat under the table .\n"
        "[patient] can i take ibuprofen ? my back's been killing me .\n"
        "[doctor] yes . ibuprofen is fine . four hundred milligrams , every eight hours as needed , with food .\n"
    )
    kinds = {(f["kind"], f["label"], f["status"]) for f in doc["facts"]}
    assert ("past_medical", "diabetes mellitus", "present") not in kinds
    assert ("family_history", "diabetes mellitus", "present") in kinds
    assert ("symptom", "hallucinations", "present") in kinds and ("symptom", "hallucinations", "absent") not in kinds
    status, attrs = meds(doc)["ibuprofen"]
    assert status == "new" and attrs.get("per_day") == 3.0 and attrs.get("as_needed") is True


def test_an_insulin_ratio_is_no_dose():
    doc = document(
        "[doctor] how are you taking your insulin ?\n"
        "[patient] lantus , twenty-four units at night . and humalog with meals , one unit for every twelve grams "
        "of carbs .\n"
    )
    m = meds(doc)
    assert m["insulin glargine"][1]["dose"] == "24"
    status, attrs = m["insulin lispro"]
    assert "dose" not in attrs and attrs.get("per_day") == 3.0
