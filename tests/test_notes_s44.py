"""Session 44: what the physician's audit of written28 found, each on a short dialogue through the real engine:
regimens said turns after the drug's name, a dose replaced "from now on", a companion's first-person drug under the
patient's tag, drugs only weighed or held for a test, a "no" to the allergy question, a diagnosis settled in the
visit, and symptoms a side effect warning or a recap speaks of."""

from __future__ import annotations

from tests.test_notes_s33 import _meds
from tests.test_notes_s36 import _problems
from tests.test_notes_s37 import _lines
from tests.test_notes_s41 import _med
from tests.test_notes_s42 import _symptoms


def test_a_regimen_said_turns_after_the_drug_goes_to_it_unless_another_drug_could_take_it():
    later = (
        "[patient] they gave me one tablet at the hospital , the apixaban .\n"
        "[doctor] good . the pill has to stop , and i'm not starting anything hormonal today , not the desogestrel .\n"
        "[patient] okay .\n"
        "[doctor] now , the tablets . you take five milligrams twice a day , with or without food .\n"
    )
    apixaban = _med(later, "apixaban")
    assert float(apixaban["dose"]) == 5.0 and apixaban["per_day"] == 2.0, apixaban
    two = (
        "[patient] i take ramipril and amlodipine .\n[doctor] okay .\n"
        "[doctor] now , you take five milligrams once a day .\n"
    )
    assert {d for _s, d, _u, _p in _meds(two).values()} == {None}, _meds(two)  # either could take 5 mg
    french = (
        "[doctor] on commence un antidépresseur , l'escitalopram .\n[patient] d'accord .\n"
        "[doctor] vous prenez cinq milligrammes le matin pendant une semaine . puis à partir du huitième jour , dix "
        "milligrammes le matin .\n"
    )
    escitalopram = _med(french, "escitalopram", "fr")
    assert float(escitalopram["dose"]) == 5.0 and escitalopram["then_steps"] == ["10 mg le matin"], escitalopram


def test_a_dose_asked_then_replaced_from_now_on_is_a_change():
    home = (
        "[doctor] anything else you take ?\n[patient] for my thyroid , levothyroxine .\n"
        "[doctor] what dose are you taking ?\n"
        "[patient] fifty micrograms every morning .\n"
        "[doctor] okay . from now on take the seventy-five micrograms every morning , as the endocrinologist said .\n"
    )
    levothyroxine = _med(home, "levothyroxine")
    assert levothyroxine["status"] == "changed", levothyroxine
    assert float(levothyroxine["dose"]) == 75.0 and float(levothyroxine["previous_dose"]) == 50.0, levothyroxine


def test_a_companions_first_person_drug_and_a_drug_prescribed_for_them_stay_theirs():
    son = (
        "[doctor] hello , come in . and you've brought your son ?\n[patient] yes , this is david .\n"
        "[patient] i take warfarin myself for it , doctor . my dose is five milligrams most days .\n"
        "[doctor] okay , david , thank you , that's useful to know . so , let me examine you .\n"
    )
    assert "warfarin" not in _meds(son), _meds(son)
    wife = (
        "[patient_guest] should he take one of my water pills ? i take furosemide for my ankles .\n"
        "[doctor] no , please don't give him yours . furosemide is prescribed for you , not for him .\n"
    )
    assert "furosemide" not in _meds(wife), _meds(wife)
    assert not any("furosemide" in line.lower() for line in _lines(wife)), _lines(wife)


def test_drugs_only_weighed_refused_or_held_for_a_test_are_not_started_or_stopped():
    usual = (
        "[doctor] normally i'd give something like naproxen , but with your kidneys i'd rather avoid it .\n"
        "[doctor] so instead i'm going to give you colchicine , five hundred micrograms twice a day .\n"
    )
    assert "naproxen" not in _meds(usual) and "colchicine" in _meds(usual), _meds(usual)
    mirena = (
        "[doctor] c'est très efficace pour les règles abondantes , le mirena . vous voulez qu'on en parle ?\n"
        "[patient] non , pas pour l'instant , je préfère essayer les comprimés d'abord .\n"
        "[doctor] d'accord , c'est votre choix , on ne le met pas .\n"
    )
    assert not _meds(mirena, "fr"), _meds(mirena, "fr")
    biotin = (
        "[patient] i take biotin for my hair , five thousand micrograms a day .\n"
        "[doctor] biotin can skew the thyroid tests . it's fine to keep taking it , but stop it for three days "
        "before any blood test .\n"
    )
    assert _med(biotin, "biotin")["status"] == "current", _med(biotin, "biotin")


def test_a_no_to_the_allergy_question_naming_drugs_taken_safely_is_no_allergy():
    tolerated = (
        "[doctor] any allergies to medicines ? penicillin ?\n"
        "[patient] no , i've had penicillin before , amoxicillin for a tooth , no problem .\n"
    )
    lines = _lines(tolerated)
    assert not any("allergic to" in line.lower() for line in lines), lines
    rash = "[doctor] any allergies to medicines ?\n[patient] no , only penicillin , i get a rash .\n"
    assert any("penicillin" in line.lower() for line in _lines(rash)), _lines(rash)


def test_a_diagnosis_settled_in_the_visit_is_neither_pending_nor_weighed():
    coeliac = (
        "[doctor] maintenant les résultats . avec votre cousine , il faut écarter une maladie cœliaque . les "
        "anticorps sont négatifs , donc ce n'est pas une maladie cœliaque , c'est écarté .\n"
    )
    assert not any("écarter" in line for line in _lines(coeliac, "fr")), _lines(coeliac, "fr")
    drug_for = (
        "[doctor] hba1c forty , so no diabetes .\n"
        "[doctor] it's a tablet that was made for diabetes , but it protects the kidneys even without diabetes .\n"
    )
    assert _problems(drug_for).get("diabetes mellitus", ("", ""))[1] != "present", _problems(drug_for)


def test_side_effects_warned_of_and_a_recap_of_what_was_admitted():
    warned = (
        "[doctor] i'm going to give you colchicine . the main side effect is the stomach , it can give you "
        "diarrhoea .\n[patient] diarrhoea . great .\n"
    )
    assert _symptoms(warned).get("diarrhea") != "present", _symptoms(warned)
    asked = (
        "[doctor] any side effects from the methotrexate , nausea , feeling tired ?\n"
        "[patient] a little queasy on monday .\n"
    )
    assert _symptoms(asked).get("nausea") == "present", _symptoms(asked)
    admitted = (
        "[doctor] et des fourmillements dans le pied ?\n[patient] non , non .\n"
        "[patient_guest] tu m'as dit hier soir que tu avais le pied qui fourmillait .\n"
        "[patient] ah oui , c'est vrai . hier soir , un peu .\n"
        "[doctor] d'accord . donc quelques fourmillements sous le pied droit , par moments .\n"
    )
    assert _symptoms(admitted, "fr").get("tingling") == "present", _symptoms(admitted, "fr")
