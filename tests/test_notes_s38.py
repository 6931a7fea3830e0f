"""Session 38: what the physician's audit of written22 found, each on a short dialogue through the real engine: a
companion's drugs and diseases (asked as "madame, … vous aussi", a daughter beside her mother, a wife introduced by
name), drugs put off to a condition or refused, a temporary hold, a course after an old one, doses per kilo and said
with a volume, French decimals, a diagnosis concluded out, what a drug prevents, resolved symptoms."""

from __future__ import annotations

from scribe.notes.engine import document
from scribe.notes.number_words import numbers_to_digits
from tests.test_notes_s33 import _meds
from tests.test_notes_s36 import _problems
from tests.test_notes_s37 import _lines


def test_a_companion_asked_as_such_or_set_beside_the_patient_keeps_their_drugs():
    mother = (
        "[doctor] madame , vous avez de l'asthme vous aussi , je crois ?\n"
        "[patient] oui , depuis toute petite , comme elle . et le pneumologue m'a mis le seretide , deux fois par "
        "jour , et depuis je suis tranquille .\n"
        "[doctor] et camille , le symbicort , une bouffée matin et soir ?\n"
        "[patient] oui , une bouffée .\n"
    )
    meds = _meds(mother, "fr")
    assert "fluticasone and salmeterol" not in meds and "budesonide/formoterol" in meds, meds
    daughter = (
        "[doctor] for the recording , this is evelyn brooks , seventy-nine years old , here with her daughter karen , "
        "after two falls .\n"
        "[doctor] if the scan shows osteoporosis , we would consider a medication like alendronate .\n"
        "[patient] i'm on that , actually , fosamax , once a week . they found osteoporosis in me at fifty-five .\n"
        "[doctor] then it's even more reason to check your mom .\n"
    )
    assert "alendronate" not in _meds(daughter), _meds(daughter)
    assert _problems(daughter).get("osteoporosis", ("", ""))[0] != "past_medical", _problems(daughter)
    wife = (
        "[doctor] for the recording , robert kowalski , sixty-one , here with his wife linda , after a heart attack .\n"
        "[patient] can i say something ? because i'm on metoprolol too . for my atrial fibrillation .\n"
        "[doctor] good thinking , linda . keep the bottles apart .\n"
    )
    assert "atrial fibrillation" not in _problems(wife), _problems(wife)


def test_a_relatives_drug_named_by_the_clinician_stays_theirs():
    dialogue = (
        "[doctor] pour la douleur , le paracétamol , un gramme trois fois par jour .\n"
        "[doctor] si la douleur reste forte , il existe des médicaments comme la prégabaline , ce que prend votre "
        "frère . votre femme , sous méthotrexate , a moins de défenses .\n"
    )
    meds = _meds(dialogue, "fr")
    assert "pregabalin" not in meds and "methotrexate" not in meds and "acetaminophen" in meds, meds


def test_drugs_put_off_to_a_condition_or_refused_are_not_started():
    dialogue = (
        "[doctor] your ldl went from one forty-eight to sixty-four . if it's still above fifty-five , i would add a "
        "second cholesterol pill , ezetimibe , on top of the atorvastatin .\n"
        "[doctor] i'm not going to prescribe anything like xanax or lorazepam , those are habit-forming .\n"
        "[doctor] if in forty-eight hours you're not better , call me , and we'd switch to prednisone .\n"
        "[doctor] so , atorvastatin eighty at night , ezetimibe if it's still above fifty-five .\n"
    )
    meds = _meds(dialogue)
    assert not {"ezetimibe", "alprazolam", "lorazepam", "prednisone"} & set(meds), meds
    french = "[doctor] et si on n'atteint pas l'objectif , on ajoutera l'ézétimibe , dix milligrammes .\n"
    assert "ezetimibe" not in _meds(french, "fr"), _meds(french, "fr")


def test_a_hold_before_a_test_is_no_stop_and_a_finished_course_is():
    dialogue = (
        "[doctor] d'abord , on augmente l'oméprazole : on passe de vingt à quarante milligrammes , une fois par jour , "
        "le matin , pendant quatre semaines .\n"
        "[patient] quarante , d'accord .\n"
        "[doctor] ensuite , vous arrêtez complètement l'oméprazole pendant deux semaines , et pendant ces deux "
        "semaines , vous prenez du gaviscon . ensuite , vous faites le test respiratoire .\n"
    )
    facts = document(dialogue, language="fr")["facts"]
    statuses = {f["status"] for f in facts if f["kind"] == "medication" and f["label"] == "omeprazole"}
    assert "changed" in statuses and "stopped" not in statuses, statuses
    finished = (
        "[doctor] and they gave you prednisone ?\n"
        "[patient] forty milligrams a day , for five days . the prednisone i finished two and a half weeks ago .\n"
    )
    assert _meds(finished)["prednisone"][0] == "stopped", _meds(finished)


def test_doses_per_kilo_with_a_volume_and_a_new_course_after_an_old_one():
    dialogue = (
        "[patient] one ear infection when he was six . they gave him amoxicillin and it cleared up .\n"
        "[doctor] amoxicillin , but at a higher dose . forty-five milligrams per kilo per dose , twice a day .\n"
        "[doctor] so , amoxicillin , fifteen milliliters of the four hundred strength , twelve hundred milligrams , "
        "twice a day for ten days . ibuprofen twelve and a half milliliters , two hundred fifty milligrams , every "
        "six to eight hours as needed .\n"
    )
    meds = _meds(dialogue)
    assert meds["amoxicillin"][:3] == ("new", "1200", "mg"), meds
    assert meds["ibuprofen"][1:3] == ("250", "mg"), meds
    ones = (
        "[doctor] and what do you take for the headaches ?\n"
        "[patient] advil . four of the two hundred milligram ones , so eight hundred , when it starts .\n"
    )
    assert _meds(ones)["ibuprofen"][1] == "800", _meds(ones)


def test_french_decimals_and_diagnoses_concluded_out_or_prevented():
    assert numbers_to_digits("la tsh est à un virgule huit") == "la tsh est à 1.8"
    assert numbers_to_digits("un ldl à un virgule quatre-vingt-quinze") == "un ldl à 1.95"
    dialogue = (
        "[doctor] ce n'est pas le cœur . j'ai fait l'électrocardiogramme , il est normal . on peut éliminer un "
        "problème cardiaque .\n"
        "[doctor] rien dans ce que vous me décrivez ne fait penser à un cancer de l'estomac .\n"
        "[doctor] les statines , ce sont elles qui ont prouvé qu'elles évitent les infarctus .\n"
        "[doctor] il est possible qu'il y ait une forme familiale .\n"
    )
    problems = _problems(dialogue, "fr")
    assert problems.get("heart disease", ("", "absent"))[1] == "absent", problems
    assert problems.get("cancer", ("", "absent"))[1] == "absent", problems
    assert "myocardial infarction" not in problems and "transient ischemic attack" not in problems, problems


def test_a_symptom_gone_and_a_warning_in_case_of_are_not_findings():
    dialogue = (
        "[doctor] des courbatures , des douleurs musculaires ?\n"
        "[patient] non ... enfin si , le premier jour , j'avais mal partout . mais ça , c'est passé .\n"
        "[doctor] si vous ne pouvez plus boire , vous arrêtez la metformine , parce qu'en cas de déshydratation elle "
        "peut être dangereuse .\n"
        "[doctor] go to the emergency room if you're short of breath at rest .\n"
    )
    text = " ".join(_lines(dialogue, "fr")).lower()
    assert "courbatures" not in text and "déshydratation (" not in text and "repos" not in text, text


def test_a_taper_is_the_drug_its_turn_names_not_the_one_stopped_before():
    dialogue = (
        "[doctor] the tylenol pm has diphenhydramine in it , an antihistamine , which makes you drowsy at night .\n"
        "[doctor] so the tylenol pm , i'd like you to stop it completely , starting tonight .\n"
        "[doctor] the diazepam , we can't stop it suddenly after twenty years , that can cause withdrawal . so we'll "
        "taper it . from tonight , half a tablet , two and a half milligrams at bedtime , for four weeks . then "
        "stop .\n"
    )
    meds = _meds(dialogue)
    assert meds["acetaminophen and diphenhydramine"][0] == "stopped", meds
    assert "histamine antagonists" not in meds, meds


def test_a_count_of_the_tablets_and_a_usual_adjustment_of_no_drug():
    dialogue = (
        "[patient] before the er , i was taking advil . two of the two hundred milligram , three or four times a "
        "day .\n"
        "[doctor] i'm going to ask you to stop the advil completely .\n"
    )
    assert _meds(dialogue)["ibuprofen"][:3] == ("stopped", "400", "mg"), _meds(dialogue)
    usual = (
        "[doctor] you told me on the phone you're taking biotin . i'd like you to stop the biotin now .\n"
        "[doctor] we recheck the tsh in six weeks , with no biotin . and based on that , we usually adjust the dose by "
        "twelve and a half or twenty-five micrograms .\n"
    )
    facts = document(usual)["facts"]
    assert not [f for f in facts if f["label"] == "biotin" and f["status"] == "changed"], facts
