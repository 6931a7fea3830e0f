"""Session 37: what the physician's audit of written21 (and written20's left-overs) found, each on a short dialogue
through the real engine: a relative's drug told as "he takes X" or after "tell me about that", a companion's own
drug beside "his" drug, the end of a course as a time, drugs only weighed, a taper of a drug taken, a dose counted
in tablets, a diagnosis that is a risk, an indication or a past event, spoken years, conditional orders."""

from __future__ import annotations

from scribe.notes.engine import document
from scribe.notes.number_words import numbers_to_digits
from tests.test_notes_s33 import _meds
from tests.test_notes_s36 import _problems


def _lines(dialogue: str, language: str = "en") -> list[str]:
    """The note's sentences and the patient summary's lines."""
    doc = document(dialogue, language=language)
    note = [s["text"] for sec in doc["note"]["sections"] for s in sec.get("sentences", [])]
    return note + (doc.get("patient_summary") or {}).get("markdown", "").splitlines()


def test_a_relatives_drug_told_with_he_or_she_is_not_the_patients():
    brother = (
        "[doctor] and your brothers ?\n"
        "[patient] one brother , george . he's seventy . but he has the same problem as me , the enlarged prostate , "
        "and he takes finasteride . he says it took six months to work .\n"
        "[doctor] okay . and you take the lisinopril , ten milligrams ?\n"
        "[patient] yes , every morning .\n"
    )
    meds = _meds(brother)
    assert "finasteride" not in meds and "lisinopril" in meds, meds
    named = (
        "[doctor] and your brother , you mentioned he's on a blood thinner .\n"
        "[patient] tommy , my younger brother . he has the same thing , for five years now . he's on warfarin .\n"
    )
    assert "warfarin" not in _meds(named), _meds(named)
    husband = (
        "[patient] c'est mon mari qui fumait . il a une bpco . il est sous inhalateur , le symbicort , deux bouffées "
        "matin et soir , et le spiriva le matin .\n"
    )
    meds = _meds(husband, "fr")
    assert "tiotropium" not in meds and "budesonide/formoterol" not in meds, meds


def test_the_relative_named_before_tell_me_about_that_owns_the_reply():
    dialogue = (
        "[patient] okay ... that's what scares me . my mom had a clot on the pill .\n"
        "[doctor] tell me about that .\n"
        "[patient] she was twenty-eight , i think , before she had me . a clot in her leg , in the thigh i think , and "
        "she was on blood thinners for a while . she never took the pill again .\n"
    )
    text = " ".join(_lines(dialogue)).lower()
    assert "thigh" not in text and "never took the pill" not in text, text


def test_a_companion_who_takes_a_drug_themself_beside_the_patients_drug_keeps_it():
    dialogue = (
        "[doctor] the carvedilol ?\n"
        "[patient] twelve and a half , twice a day .\n"
        "[patient] doctor , can i ask , i take metoprolol myself , fifty milligrams , for my palpitations . is that "
        "the same thing as his carvedilol ?\n"
        "[doctor] they're in the same family , but not the same medicine . keep them in separate places .\n"
    )
    meds = _meds(dialogue)
    assert "metoprolol" not in meds and "carvedilol" in meds, meds
    symptoms = {f["label"]: f["status"] for f in document(dialogue)["facts"] if f["kind"] == "symptom"}
    assert symptoms.get("palpitations") != "present", symptoms


def test_the_end_of_a_course_said_as_a_time_stops_nothing():
    dialogue = (
        "[doctor] you still have a lot of wheezing , so i'm starting prednisone . forty milligrams , once a day , in "
        "the morning , for five days .\n"
        "[patient] will it raise my sugars ?\n"
        "[doctor] probably higher , yes . it comes back down when the prednisone stops .\n"
    )
    assert _meds(dialogue)["prednisone"][0] == "new", _meds(dialogue)


def test_drugs_only_weighed_are_not_started_even_when_named_again():
    cases = [
        (
            "en",
            "[doctor] if you're still having more than four migraine days a month , i'd consider a daily preventive "
            "medicine . the one i'd think of is topiramate . i'm not starting it today .\n"
            "[patient] why not ?\n"
            "[doctor] because we need to see what gets better . and topiramate has side effects , tingling in the "
            "fingers .\n",
            "topiramate",
        ),
        (
            "fr",
            "[doctor] si dans trois jours vous avez encore très mal , on pourrait discuter d'un antalgique plus fort , "
            "du tramadol . mais je préfère éviter pour l'instant . et de toute façon , sous tramadol , pas question de "
            "conduire .\n",
            "tramadol",
        ),
        (
            "en",
            "[doctor] she'll go over the options . there are medicines like tranexamic acid , which you take only on "
            "the heavy days . those are her call , we're not starting anything today .\n",
            "tranexamic acid",
        ),
        (
            "fr",
            "[doctor] si ce n'est pas le cas , ça peut être un germe atypique , et on ajouterait un autre "
            "antibiotique , de la clarithromycine par exemple .\n",
            "clarithromycin",
        ),
    ]
    for language, dialogue, label in cases:
        assert label not in _meds(dialogue, language), (label, _meds(dialogue, language))


def test_a_taper_of_a_drug_taken_is_a_change_with_its_steps():
    dialogue = (
        "[doctor] and the prednisone ?\n"
        "[patient] ten milligrams every morning .\n"
        "[patient] okay . and the prednisone ?\n"
        "[doctor] we're going to taper it . from ten milligrams down to seven and a half milligrams every morning for "
        "two weeks , then five milligrams for two weeks , then two and a half for two weeks , then stop .\n"
    )
    status, dose, unit, _ = _meds(dialogue)["prednisone"]
    assert (status, dose, unit) == ("changed", "7.5", "mg"), _meds(dialogue)
    assert not any(line.startswith("- Keep taking Prednisone") for line in _lines(dialogue)), _lines(dialogue)


def test_a_dose_told_in_tablets_of_a_strength_is_their_total():
    dialogue = (
        "[doctor] the methotrexate , how are you taking it ?\n"
        "[patient] six of the little yellow pills , the two and a half milligram ones , every saturday morning .\n"
    )
    assert _meds(dialogue)["methotrexate"][1] == "15", _meds(dialogue)


def test_a_risk_an_indication_or_an_event_of_the_past_is_no_diagnosis():
    cases = [
        "[doctor] blood can pool in the top chamber and form a clot that can go to the brain and cause a stroke .\n",
        "[doctor] it's used for diabetes too , yes , but it works in heart failure even without diabetes .\n",
        "[doctor] chest pain , pressure , like with your heart attack ?\n[patient] no , nothing like that .\n",
        "[doctor] it also makes you sunburn easily . sunscreen every day .\n",
    ]
    for dialogue in cases:
        found = _problems(dialogue).items()
        assessed = {k for k, (kind, status) in found if kind == "assessment" and status != "absent"}
        assert not assessed & {"stroke", "diabetes mellitus", "myocardial infarction", "sunburn"}, (dialogue, assessed)
    lupus = (
        "[patient] i read the sheet from the pharmacy , and it says methotrexate is also used for lupus . my mother "
        "had lupus .\n"
    )
    assert _problems(lupus).get("lupus", ("", ""))[0] != "past_medical", _problems(lupus)


def test_a_year_said_in_two_halves_is_one_year():
    assert numbers_to_digits("the heart attack you had in twenty sixteen") == "the heart attack you had in 2016"
    assert numbers_to_digits("back in nineteen ninety-eight") == "back in 1998"
    assert numbers_to_digits("in twenty minutes") == "in 20 minutes"


def test_a_conditional_order_and_a_test_timed_in_weeks_are_no_plan_lines():
    dialogue = (
        "[doctor] so i want a blood test in ten days : potassium and creatinine . if the potassium is above five and a "
        "half , or the creatinine jumps more than thirty percent , i'll call you and we'll go back to fifty .\n"
    )
    text = " ".join(_lines(dialogue))
    assert "Go back to 50" not in text and "Call the patient" not in text, text
    french = (
        "[doctor] bon , je vous explique ce qu'on va faire . amoxicilline un gramme trois fois par jour .\n"
        "[doctor] c'est pour ça que je veux vous revoir dans quarante-huit à soixante-douze heures , jeudi ou "
        "vendredi .\n"
        "[doctor] et dans six à huit semaines , on refera une radio du thorax de contrôle .\n"
    )
    text = " ".join(_lines(french, "fr"))
    assert "revoir dans 48 à 72 heures" in text and "revoir dans 6" not in text, text
