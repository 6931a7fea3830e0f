"""Session 42: what the physician's audit of written26 found, each on a short dialogue through the real engine:
diagnoses set aside a sentence later or excluded after their name, a companion told "you don't have it", starts
put off, kept at home or refused, stops said with a pronoun, doses given in the next sentence, a "no" taken back
after a prompt, and symptoms that belong to a report, a drug's past reaction or a relative."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_s33 import _meds
from tests.test_notes_s36 import _problems
from tests.test_notes_s37 import _lines
from tests.test_notes_s41 import _med


def _symptoms(dialogue: str, language: str = "en") -> dict[str, str]:
    """label -> status of each symptom fact."""
    return {f["label"]: f["status"] for f in document(dialogue, language=language)["facts"] if f["kind"] == "symptom"}


def test_diagnoses_excluded_later_or_told_to_someone_else_are_not_the_patients():
    later = (
        "[doctor] so , here's what i think . you have a pneumonia of the right lower lobe .\n"
        "[doctor] i did think about a pulmonary embolism , a blood clot in the lung . but you have no risk factors , "
        "and the d-dimer came back normal . so that's ruled out , it's not a clot .\n"
    )
    assert _problems(later).get("pulmonary embolism", ("", ""))[1] == "absent", _problems(later)
    after = (
        "[doctor] alors , je pense que vous avez un diabète de type deux .\n"
        "[doctor] tout fait penser à un type deux . donc un diabète de type un ou une décompensation , c'est écarté .\n"
    )
    assert _problems(after, "fr").get("type 1 diabetes", ("", ""))[1] == "absent", _problems(after, "fr")
    film = (
        "[doctor] so , here's what i think . you have a pneumonia .\n"
        "[doctor] and no mass , no nodule on the x-ray , so nothing suggesting cancer on this film .\n"
    )
    assert "cancer" not in _problems(film), _problems(film)
    companion = (
        "[patient_guest] should i stop my pills too ?\n"
        "[doctor] no , maria , yours is for you , and you don't have gout .\n"
        "[doctor] so i'm confident this is gout , not an infection .\n"
    )
    assert _problems(companion).get("gout", ("", ""))[1] == "present", _problems(companion)
    history = "[doctor] your pressure is fine , you don't have asthma , right ?\n[patient] no asthma .\n"
    assert "asthma" not in _problems(history), _problems(history)


def test_starts_put_off_kept_at_home_or_refused_are_no_medication():
    settled = (
        "[doctor] once this has completely settled , in about four weeks , we'll start allopurinol , a hundred "
        "milligrams .\n[patient] so colchicine now , and allopurinol later .\n"
    )
    assert "allopurinol" not in _meds(settled), _meds(settled)
    assert not [line for line in _lines(settled) if "allopurinol" in line.lower()], _lines(settled)
    at_home = (
        "[doctor] i'm going to give you a prescription for doxycycline to keep at home . you do not start it now . "
        "if the phlegm turns green , then you start it .\n"
    )
    assert "doxycycline" not in _meds(at_home), _meds(at_home)
    wait = (
        "[doctor] i'll give you a prescription today , but only fill it if she isn't better in two days .\n"
        "[patient_guest] which antibiotic is it ?\n"
        "[doctor] the same one as last time , amoxicillin , at the higher dose we use for ears .\n"
    )
    assert "amoxicillin" not in _meds(wait), _meds(wait)
    refused = (
        "[doctor] il y a un médicament pour les douleurs des nerfs , la prégabaline .\n"
        "[patient] ah non , docteur , j'ai peur de tomber . je préfère ne pas en prendre .\n"
        "[doctor] c'est votre choix . on ne le commence pas .\n"
    )
    assert "pregabalin" not in _meds(refused, "fr"), _meds(refused, "fr")


def test_stops_and_changes_said_without_the_drugs_name():
    pronoun = (
        "[patient] i take the hydrochlorothiazide , twenty-five , every morning .\n"
        "[doctor] the hydrochlorothiazide raises your uric acid , so i want to stop it and switch you to another "
        "blood pressure tablet , losartan , fifty milligrams once a day .\n"
    )
    meds = _meds(pronoun)
    assert meds["hydrochlorothiazide"][0] == "stopped" and meds["losartan"][0] == "new", meds
    syrup = (
        "[patient_guest] i gave her some cough syrup , the children's dextromethorphan one , at bedtime .\n"
        "[doctor] stop the cough syrup . honey at bedtime is fine .\n"
    )
    assert _meds(syrup)["dextromethorphan"][0] == "stopped", _meds(syrup)
    increase = (
        "[doctor] this is jess , six weeks after starting sertraline fifty milligrams .\n"
        "[doctor] the sertraline is working partly , and you're tolerating it , so i want to increase it . from "
        "fifty to a hundred milligrams , once a day in the morning .\n"
    )
    sertraline = _med(increase, "sertraline")
    assert (sertraline["status"], sertraline.get("dose")) == ("changed", "100"), sertraline
    combination = (
        "[patient] du doliprane , un gramme , deux fois par jour .\n"
        "[patient] une fois , du codoliprane , pour une dent . j'ai vomi toute la nuit . j'ai arrêté tout de suite .\n"
    )
    assert _meds(combination, "fr")["acetaminophen"][0] == "current", _meds(combination, "fr")


def test_a_no_taken_back_and_symptoms_that_are_not_current():
    prompted = (
        "[doctor] maya , does your ear hurt ?\n[patient] no .\n[patient_guest] maya ...\n[patient] ... a little bit .\n"
    )
    assert _symptoms(prompted).get("ear pain") == "present", _symptoms(prompted)
    probed = (
        "[doctor] the fatigue , are you short of breath ?\n[patient] no , i don't think so .\n[doctor] stairs ?\n"
        "[patient] well ... yeah , actually . i have to stop on the second landing now .\n"
        "[doctor] any chest pain , fainting ?\n[patient] no chest pain . no fainting , a bit lightheaded if i stand .\n"
    )
    found = _symptoms(probed)
    assert found.get("shortness of breath") == "present" and found.get("dizziness") == "present", found
    assert found.get("fatigue") != "absent", found
    companion = (
        "[doctor] any bleeding ? nosebleeds , blood in the urine ?\n[patient] no , nothing like that .\n"
        "[patient_guest] what about your gums , dee ?\n"
        "[patient] oh . well , yes , actually . my gums bleed a little .\n"
    )
    assert _symptoms(companion).get("epistaxis") == "absent", _symptoms(companion)
    named = (
        "[doctor] any wheeze ?\n[patient] no , not really wheezy .\n"
        "[patient_guest] and you whistle , marg , all night .\n"
        "[doctor] that is wheezing , so that's useful .\n"
    )
    assert _symptoms(named).get("wheezing") == "present", _symptoms(named)
    report = (
        "[doctor] let me examine you . breathe in and out .\n"
        "[doctor] i have the report here . the lungs are over-inflated , but there's no pneumonia .\n"
    )
    assert not [line for line in _lines(report) if "over-inflated" in line], _lines(report)
    relative = (
        "[patient] mom had a blood clot in her leg two years ago . she's on apixaban now , five milligrams twice a "
        "day .\n"
    )
    assert not [line for line in _lines(relative) if "apixaban" in line.lower()], _lines(relative)
