"""What session 32 found misread in the physician audit of written15, each on a short dialogue written for the
purpose, through the real engine: the age said "thirty-six years old" (and a class of "eight-year-olds" that is no
age); times that belong to a drug, a life event or a period rather than the complaint; a quality the patient
denies; old results read as today's; the introduction read as a result; "your prediabetes" beside a father's
diabetes; plan steps under a condition; a return visit that is a condition's time."""

from __future__ import annotations

from scribe.notes.engine import document


def _hpi(doc: dict, label: str) -> list[str]:
    return [f["value"] for f in doc["facts"] if f["kind"] == "hpi" and f["label"] == label]


def test_the_age_said_in_years_and_not_a_class_of_children():
    doc = document(
        "[doctor] for the recording , this is hannah kowalski , thirty-six years old , same-day visit for severe "
        "left-sided pain . when did it start ?\n"
        "[patient] four o'clock this morning . i teach third grade . twenty-four eight-year-olds .\n"
    )
    ages = [f["value"] for f in doc["facts"] if f["kind"] == "demographics" and f["label"] == "age"]
    assert ages == ["36"]
    assert "36-year-old" in doc["note"]["markdown"]


def test_a_duration_is_the_complaints_only():
    doc = document(
        "[doctor] what brings you in ?\n"
        "[patient] tingling in my right hand , at night mostly .\n"
        "[doctor] how long has this been going on ?\n"
        "[patient] about four months .\n"
        "[doctor] did you take anything for it ?\n"
        "[patient] ibuprofen , but it gave me heartburn , so i stopped it three weeks ago .\n"
        "[doctor] and your periods ?\n"
        "[patient] my last period was ten days ago .\n"
        "[doctor] any other treatment in the past ?\n"
        "[patient] methadone . about six years , at the clinic .\n"
    )
    durations = _hpi(doc, "duration")
    assert any("4 months" in d for d in durations), durations
    assert not [d for d in durations if "3 weeks" in d or "10 days" in d or "6 years" in d], durations


def test_a_quality_the_patient_denies_is_not_the_pains():
    doc = document(
        "[doctor] tell me about the pain .\n"
        "[patient] it's like someone stabbing me in the back , on the left .\n"
        "[doctor] any burning when you pee ?\n"
        "[patient] i have to go all the time , but no burning .\n"
        "[doctor] anything in the family ?\n"
        "[patient] my mom had high blood pressure .\n"
    )
    qualities = _hpi(doc, "quality")
    assert any("stabbing" in q for q in qualities), qualities
    assert not [q for q in qualities if "burning" in q or "pressure" in q], qualities


def test_old_results_and_the_introduction_are_not_todays_results():
    doc = document(
        "[doctor] for the recording , this is derek lindqvist , fifty-four years old , here to go over the blood "
        "work from his physical .\n"
        "[patient] okay .\n"
        "[doctor] in january , when we made the diagnosis , your sed rate was fifty-two and your crp was forty-eight "
        ". my nurse will call you when the crp is back .\n"
    )
    results = [f["value"] for f in doc["facts"] if f["kind"] == "result"]
    assert not [r for r in results if "52" in r or "lindqvist" in r.lower() or "nurse" in r.lower()], results


def test_your_own_disease_beside_a_fathers_is_no_family_history():
    doc = document(
        "[doctor] your a1c in january was five point eight . and your mother , she had diabetes , didn't she ?\n"
        "[patient] no , that was my father . type two , he was on pills .\n"
        "[doctor] so with your father's diabetes , your prediabetes , and the prednisone , you're at risk .\n"
    )
    family = {f["label"]: f["attributes"].get("relative") for f in doc["facts"] if f["kind"] == "family_history"}
    assert family.get("diabetes mellitus") == "father"
    assert "prediabetes" not in family


def test_plan_steps_under_a_condition_are_not_ordered():
    doc = document(
        "[doctor] we're going from twelve and a half to ten milligrams of prednisone a day . you stay on ten for "
        "four weeks . then , if you're still well , we'll go down by one milligram every four weeks or so .\n"
        "[doctor] depending on the results , we'll vaccinate you against hepatitis a and b .\n"
        "[doctor] i'll see you in four weeks .\n"
    )
    plan = " ".join(f["value"] or "" for f in doc["facts"] if f["kind"] == "plan").lower()
    assert "4 weeks" in plan  # the visit booked stays
    assert "go down by one milligram" not in plan and "vaccinate" not in plan, plan


def test_a_return_visit_that_is_a_conditions_time_books_nothing():
    warned = (
        "[patient] les chiens ont un collier , mais c'est vrai qu'on ne vérifie pas toujours les enfants .\n"
        "[doctor] revenez me voir rapidement si la plaque ne pâlit pas après une semaine d'antibiotique , si "
        "d'autres plaques apparaissent , si vous avez une paralysie du visage .\n"
    )
    assert "À revoir" not in document(warned, language="fr")["note"]["markdown"]
    booked = warned + "[doctor] on se revoit dans trois semaines , après la fin du traitement .\n"
    assert "À revoir dans 3 semaines" in document(booked, language="fr")["note"]["markdown"]
