"""Session 45: what the physician's audit of written29 found, each on a short dialogue through the real engine: a
frequency said as a range, symptoms of the past (a drug's old reason, a fall dated next, an episode that passed), a
companion's disease and drug the clinician gives back to them, drugs stopped before, held or not started today, a
taper of a drug taken already, an allergy the clinician clears, and words that only look like a finding."""

from __future__ import annotations

from scribe.notes.engine import ask, document
from scribe.notes.lexicon import find_concepts
from tests.test_notes_s33 import _meds
from tests.test_notes_s36 import _problems
from tests.test_notes_s37 import _lines
from tests.test_notes_s41 import _med
from tests.test_notes_s42 import _symptoms


def test_a_frequency_said_as_a_range_is_written_as_a_range():
    said = "[doctor] for the knee , paracetamol , one gram , two or three times a day .\n"
    lines = _lines(said)
    assert any("2 to 3 times daily" in line for line in lines), lines
    assert any("2 or 3 times a day" in line for line in lines), lines
    assert _med(said, "acetaminophen")["per_day"] == 3.0  # the most a day, for the checks
    french = "[doctor] pour le genou , du paracétamol , un gramme , deux à trois fois par jour .\n"
    assert any("2 à 3 fois par jour" in line for line in _lines(french, "fr")), _lines(french, "fr")


def test_symptoms_of_the_past_are_not_charted_as_now():
    reason = (
        "[doctor] and the bisoprolol ?\n"
        "[patient] five milligrams now . the cardiologist increased it last month . because of the palpitations .\n"
    )
    assert _symptoms(reason).get("palpitations") != "present", _symptoms(reason)
    dated = (
        "[doctor] any injuries ?\n"
        "[patient] i fell off the ladder doing the gutters , broke two ribs . that was twenty nineteen .\n"
    )
    assert _symptoms(dated).get("fall") != "present", _symptoms(dated)
    gone = (
        "[doctor] and the sweats you had before ?\n"
        "[patient] the sweats were last month , soaking the sheets . they've gone , completely , since the tablets .\n"
    )
    assert _symptoms(gone).get("sweating") != "present", _symptoms(gone)
    passed = (
        "[doctor] et vous m'aviez parlé de brûlures en urinant la semaine dernière ?\n"
        "[patient] un peu , deux jours , puis c'est passé .\n"
    )
    assert _symptoms(passed, "fr").get("dysuria") != "present", _symptoms(passed, "fr")
    contrast = (
        "[doctor] are you completely well between the attacks ?\n"
        "[patient] most days i have a dull background headache , a mild one , not the migraine .\n"
    )
    assert _symptoms(contrast).get("headache") == "present", _symptoms(contrast)


def test_a_companions_disease_and_drug_the_clinician_gives_back_stay_theirs():
    sister = (
        "[patient] this is my sister , carol .\n"
        "[doctor] now , carol , you mentioned last time you have lupus yourself ?\n"
        "[patient_guest] yes , i've had lupus for ten years .\n"
    )
    assert "lupus" not in _problems(sister), _problems(sister)
    father = (
        "[doctor] any asthma in the family ?\n"
        "[patient] i've got asthma myself , since i was a kid . i'm on the fostair , two puffs twice a day .\n"
        "[doctor] so dad has asthma too , on fostair . okay .\n"
    )
    assert not any("beclometasone" in label.lower() for label in _meds(father)), _meds(father)
    assert not any("fostair" in line.lower() for line in _lines(father)), _lines(father)
    smoker = (
        "[doctor] hello leo . and you're dad ?\n[patient_guest] yeah , mark .\n"
        "[doctor] does anyone smoke at home ?\n[patient_guest] i ... yeah , i smoke . but only outside .\n"
    )
    assert not any("smokes" in line for line in _lines(smoker)), _lines(smoker)


def test_the_patients_child_names_relatives_from_their_own_side():
    daughter = (
        "[patient] this is my daughter , susan . she does the driving now .\n"
        "[doctor] hello susan . so , harold , a seventy-one-year-old man , here for his heart failure .\n"
        "[patient] not bad .\n"
        "[doctor] is there heart trouble in the family ?\n"
        "[patient_guest] grandad , dad's father , died of a heart attack .\n"
        "[doctor] okay . and harold , your cholesterol was fine on the bloods , so with that cholesterol , we hold "
        "off .\n"
    )
    facts = document(daughter, language="en")["facts"]
    family = [f["attributes"].get("relative") for f in facts if f["kind"] == "family_history"]
    assert family == ["father"], family
    assert not any(f["label"] == "hyperlipidemia" for f in facts), facts


def test_the_assistant_says_who_uses_a_drug_a_companion_takes():
    father = (
        "[doctor] and you're dad ?\n[patient_guest] yeah , mark .\n"
        "[doctor] any asthma in the family ?\n"
        "[patient] i've got asthma myself , since i was a kid . i'm on the fostair , two puffs twice a day .\n"
        "[doctor] so dad has asthma too , on fostair . okay .\n"
        "[doctor] and leo takes the salbutamol , two puffs when he needs it .\n"
    )
    doc = document(father, language="en")
    answer = ask(doc, "Who uses Fostair?", use_embeddings=False)
    assert answer["answered"] and answer["value"] == "dad", answer
    own = ask(doc, "Who uses the salbutamol?", use_embeddings=False)
    assert own["value"] != "dad", own


def test_drugs_stopped_before_held_or_not_started_today():
    recap = "[doctor] so amitriptyline ten milligrams at night , stopped after three weeks because of drowsiness .\n"
    assert _med(recap, "amitriptyline")["status"] == "historical"
    cream = (
        "[patient_guest] the nurse gave us a steroid cream , the hydrocortisone one percent , for a week . it's "
        "cleared now , we stopped the cream .\n"
    )
    assert _med(cream, "hydrocortisone")["status"] == "historical"
    back_on = (
        "[patient] i took naproxen , five hundred twice a day .\n"
        "[doctor] the naproxen , please don't go back on it , or any anti-inflammatory .\n"
    )
    assert _med(back_on, "naproxen")["status"] == "stopped"
    held = (
        "[patient] l'ibuprofène , pour mon genou , le rhumatologue me l'a donné .\n"
        "[doctor] deuxième chose , l'ibuprofène , on le suspend pendant un mois , le temps de l'automesure .\n"
    )
    assert _med(held, "ibuprofen", "fr")["status"] == "stopped"
    later = (
        "[doctor] the next step would be adding sulfasalazine , but we're not starting that today .\n"
        "[doctor] there's another tablet , finasteride , which shrinks the prostate . if the tamsulosin isn't enough , "
        "we'll add finasteride then . we won't start it today .\n"
    )
    assert not {"sulfasalazine", "finasteride"} & set(_meds(later)), _meds(later)


def test_a_prescription_kept_at_home_is_written_with_its_condition_never_as_started():
    rescue = (
        "[doctor] third , i'm going to give you a short course of prednisolone to keep at home . thirty milligrams , "
        "once a day for three days . but only if he has an attack that doesn't settle with the blue inhaler .\n"
    )
    prednisolone = _med(rescue, "prednisolone")
    assert prednisolone["standby"] == "he has an attack that doesn't settle with the blue inhaler", prednisolone
    lines = _lines(rescue)
    assert not any(line.startswith(("Start Prednisolone", "Medical treatment: Start")) for line in lines), lines
    assert any("Keep at home, not to start now: Prednisolone" in line for line in lines), lines
    reserve = (
        "[doctor] et je vous donne une ordonnance de réserve : du pivmécillinam , le sélexid , quatre cents "
        "milligrammes , deux fois par jour pendant trois jours . vous ne le prenez que si les brûlures reviennent .\n"
    )
    assert any("seulement si les brûlures reviennent" in line for line in _lines(reserve, "fr")), _lines(reserve, "fr")


def test_a_drug_taken_already_goes_on_by_its_steps():
    taper = (
        "[doctor] so , prednisolone fifteen milligrams a day for two more weeks , then twelve point five for four "
        "weeks , then ten until i see you .\n"
    )
    prednisolone = _med(taper, "prednisolone")
    assert prednisolone["status"] == "current", prednisolone
    assert prednisolone["then_steps"] == ["12.5 mg for 4 weeks", "10 mg until the next review"], prednisolone
    bridge = (
        "[patient] i'm on the prednisolone , ten milligrams .\n"
        "[doctor] so , prednisolone down to seven and a half for two weeks then five then two and a half then stop .\n"
    )
    prednisolone = _med(bridge, "prednisolone")
    assert prednisolone["then_steps"] == ["5 mg", "2.5 mg"] and prednisolone["then_stop"], prednisolone
    french = (
        "[doctor] et le zolpidem , vous en êtes où ?\n[patient] je prends un comprimé de dix milligrammes , le soir .\n"
        "[doctor] maintenant le zolpidem . il donne une dépendance .\n[patient] j'ai peur de ne plus dormir .\n"
        "[doctor] on va arrêter progressivement . à partir de ce soir , un demi-comprimé , donc cinq milligrammes , "
        "chaque soir pendant deux semaines , et ensuite vous arrêtez complètement .\n"
    )
    zolpidem = _med(french, "zolpidem", "fr")
    assert zolpidem["status"] == "changed" and float(zolpidem["dose"]) == 5.0 and zolpidem["then_stop"], zolpidem


def test_an_allergy_the_clinician_clears_is_no_allergy():
    cleared = (
        "[doctor] et vous êtes allergique à quelque chose ?\n"
        "[patient] à la pénicilline , je crois . des boutons , tout petit .\n"
        "[doctor] vous avez pris de l'augmentin il y a deux ans sans aucune réaction . donc vous n'êtes pas allergique "
        "à la pénicilline .\n"
    )
    lines = _lines(cleared, "fr")
    assert not any(line.startswith("Allergies : Allergie à") for line in lines), lines
    assert any("écartée" in line and "pénicilline" in line for line in lines), lines


def test_a_negative_screen_rules_the_diagnosis_out_and_active_is_no_ativan():
    screen = (
        "[doctor] and the hepatitis screen we needed before methotrexate , hepatitis b surface antigen and core "
        "antibody , both negative .\n"
    )
    assert _problems(screen).get("hepatitis B", ("", ""))[1] == "absent", _problems(screen)
    active = "[doctor] if you're still active on twenty milligrams at six weeks , we'll think again .\n"
    assert "lorazepam" not in _meds(active), _meds(active)


def test_a_single_dose_is_once_and_a_hormone_measured_is_no_drug():
    once = "[doctor] je vous prescris de la fosfomycine , trois grammes , un seul sachet , en dose unique , ce soir .\n"
    lines = _lines(once, "fr")
    assert any("Fosfomycine 3 g, en dose unique" in line for line in lines), lines
    assert not any("1 fois par jour" in line for line in lines), lines
    measured = "[doctor] une prise de sang spéciale , le dosage de l'aldostérone et de la rénine , le matin .\n"
    assert not _meds(measured, "fr"), _meds(measured, "fr")


def test_words_that_only_look_like_a_finding_or_a_diagnosis():
    assert not find_concepts("symptom", "and his nan gets bad hay fever .")
    assert not find_concepts("condition", "pas de signe que le cœur ait souffert de la tension .")
    assert [c.label for *_, c in find_concepts("condition", "il a fait un ait il y a deux ans")] == [
        "transient ischemic attack"
    ]
    screened = "[doctor] avec votre poids , je veux dépister un diabète , avec une glycémie à jeun .\n"
    assert _problems(screened, "fr").get("diabetes mellitus", ("", ""))[1] != "present", _problems(screened, "fr")
    rule_out = "[doctor] les ronflements , les pauses : je veux écarter une apnée du sommeil .\n"
    assert _problems(rule_out, "fr").get("sleep apnea", ("", ""))[1] != "present", _problems(rule_out, "fr")
