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


def _meds(doc: dict) -> dict[str, str]:
    return {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "medication"}


def test_drugs_given_in_the_past_and_a_new_course_of_the_same():
    doc = document(
        "[patient] in february she had a cold that went to her chest . we went to the emergency room . they gave her "
        "three breathing treatments and a steroid liquid , prednisolone , for five days .\n"
    )
    assert _meds(doc).get("prednisolone") == "historical"
    doc = document(
        "[doctor] when was your last flare ?\n"
        "[patient] the last one was in january , last year . you gave me prednisone and an antibiotic .\n"
        "[doctor] the treatment . first , prednisone , forty milligrams once a day , in the morning , for five days .\n"
    )
    new = [f for f in doc["facts"] if f["kind"] == "medication" and f["status"] == "new"]
    assert [f["label"] for f in new] == ["prednisone"] and new[0]["attributes"]["dose"] == "40"
    assert "Keep taking Prednisone" not in doc["patient_summary"]["markdown"]


def test_a_stop_by_brand_then_drug_and_drugs_named_only_in_general():
    doc = document(
        "[patient] my buddy gary takes cialis every day .\n"
        "[doctor] cialis , tadalafil , is sometimes used for this , but it's not where i'd start for you .\n"
        "[doctor] same for cold medicines with a decongestant , like sudafed , pseudoephedrine .\n"
        "[doctor] so , to sum up . stop the zzzquil , the diphenhydramine , and no decongestants like sudafed .\n"
    )
    meds = _meds(doc)
    assert meds.get("diphenhydramine") == "stopped"
    assert not {"tadalafil", "pseudoephedrine", "nasal decongestants"} & set(meds), meds
    summary = doc["patient_summary"]["markdown"]
    assert "Take Pseudoephedrine" not in summary and "Take Tadalafil" not in summary


def test_french_stops_a_purpose_after_a_stop_and_a_syrups_strength():
    doc = document(
        "[doctor] et l'hydrochlorothiazide , vous n'en prenez plus depuis la crise de goutte .\n"
        "[doctor] on arrête l'ibuprofène , l'advil , complètement , et pour le genou gauche , paracétamol un gramme "
        "si besoin , jusqu'à trois fois par jour .\n",
        language="fr",
    )
    meds = _meds(doc)
    assert meds.get("hydrochlorothiazide") == "stopped" and meds.get("ibuprofen") == "stopped"
    assert meds.get("acetaminophen") == "new", meds
    doc = document(
        "[patient] hier soir je lui ai donné de l'advil , une seule fois .\n"
        "[doctor] je lui donne un antibiotique . de l'amoxicilline , en sirop , le flacon à cinq cents milligrammes "
        "pour cinq millilitres .\n"
        "[doctor] je récapitule : amoxicilline sirop , six cents milligrammes , soit six millilitres , matin et soir , "
        "pendant cinq jours .\n",
        language="fr",
    )
    meds = {f["label"]: f for f in doc["facts"] if f["kind"] == "medication"}
    assert meds["ibuprofen"]["status"] == "historical"
    assert meds["amoxicillin"]["attributes"]["dose"] == "600"


def test_risks_warning_signs_and_general_statements_are_no_diagnosis():
    doc = document(
        "[doctor] snoring can go with sleep apnea , and sleep apnea is a known trigger for atrial fibrillation .\n"
        "[doctor] blood can pool in the upper chamber and form a clot , and that clot can travel to the brain and "
        "cause a stroke .\n"
        "[doctor] so we calculate a stroke risk score . now the warning signs . stroke signs : face drooping .\n"
        "[doctor] so , to recap . new atrial fibrillation . start apixaban five milligrams twice a day .\n"
    )
    labels = {f["label"] for f in doc["facts"] if f["kind"] in ("assessment", "past_medical")}
    assert "atrial fibrillation" in labels
    assert not {"stroke", "sleep apnea"} & labels, labels


def test_the_relative_the_clinician_asked_about_keeps_the_reply():
    doc = document(
        "[doctor] how's your wife doing ?\n"
        "[patient] margaret , she's ... it's hard . she has lung cancer , they found it in the spring . she's on the "
        "immunotherapy , keytruda , every three weeks at the cancer center .\n"
    )
    assert "pembrolizumab" not in _meds(doc)


def test_a_prevented_symptom_and_no_problem_are_no_denials():
    doc = document(
        "[doctor] de la diarrhée ?\n"
        "[patient] non , rien de ce côté-là .\n"
        "[patient] la pharmacienne m'avait conseillé des yaourts pendant l'antibiotique , pour éviter la diarrhée .\n",
        language="fr",
    )
    assert {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "symptom"}.get("diarrhea") == "absent"
    doc = document(
        "[doctor] and the breathing , compared to your usual ?\n"
        "[patient] much worse . normally i can walk to the mailbox and back , no problem , maybe a little winded on "
        "the hill . now i get to the end of the driveway and i have to stop .\n"
    )
    symptoms = {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "symptom"}
    assert symptoms.get("shortness of breath") == "present", symptoms


def test_a_schedule_of_steps_keeps_every_step():
    doc = document(
        "[doctor] start varenicline : zero point five milligrams once a day for three days , then twice a day until "
        "day seven , then one milligram twice a day for twelve weeks , with a quit date on the twentieth .\n"
    )
    said = doc["note"]["markdown"] + doc["patient_summary"]["markdown"]
    assert "then twice a day until day 7, then 1 mg twice a day for 12 weeks" in said, said


def test_a_friends_story_and_a_same_day_visits_reason():
    doc = document(
        "[doctor] for the recording , this is hannah kowalski , thirty-six years old , same-day visit for severe "
        "left-sided pain .\n"
        "[patient] my friend dorothy took something like that , fosamax , and she had a problem with her jaw bone . "
        "her dentist said it was from the pills .\n"
    )
    note = doc["note"]["markdown"]
    assert "Chief complaint: Severe left-sided pain" in note
    assert "dentist" not in note


def test_a_reply_about_the_relative_asked_stays_the_relatives():
    doc = document(
        "[doctor] et votre mère ?\n"
        "[patient] elle a quatre-vingt-huit ans , en maison de retraite . un peu de cholestérol , c'est tout .\n",
        language="fr",
    )
    assert not [f for f in doc["facts"] if f["kind"] == "past_medical"]
