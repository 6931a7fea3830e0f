"""Session 33: what the written17 blind split and CI showed. An allergy names its drug as surely as a dose does
("allergic to pencil in" is penicillin, heard so by tiny.en on a loaded CI machine); foods and animals stay."""

from __future__ import annotations

from pathlib import Path

from scribe.notes.engine import document
from tests.test_notes_recovery_s23 import _read


def _allergies(dialogue: str) -> list[str]:
    return [f["label"].lower() for f in document(dialogue, language="en")["facts"] if f["kind"] == "allergy"]


def test_an_allergy_names_a_misheard_drug():
    text, corrections = _read("I take lisinopril every morning. I am allergic to pencil in.")
    assert text.endswith("allergic to penicillin.") and corrections[("pencil in", "penicillin")]
    text, _ = _read("She had a reaction to pencil in as a child.")
    assert "reaction to penicillin" in text
    for heard in ("I'm allergic to peanuts.", "I am allergic to cats.", "I'm allergic to latex."):
        assert _read(heard)[0] == heard
    dialogue = "[doctor] Any allergies?\n[patient] I am allergic to pencil in, I get hives."
    assert _allergies(dialogue) == ["penicillin"]


def _facts(dialogue: str, kinds: tuple[str, ...], language: str = "en") -> list[tuple]:
    doc = document(dialogue, language=language)
    return [
        (f["kind"], f["label"], f.get("attributes", {}).get("relative")) for f in doc["facts"] if f["kind"] in kinds
    ]


def test_who_died_of_a_disease_is_never_the_patient():
    # the recogniser put the clinician's "my" in his own turn: "… anyone with prostate problems. My" "father had …"
    dialogue = (
        "[doctor] Now, family history, anyone in the family with prostate problems? My\n"
        "[patient] father had prostate cancer and I found it when he was 74 and he had radiation he lived 88 and he "
        "died of a heart attack in the end, not the cancer.\n[doctor] Okay. Let me examine you."
    )
    facts = _facts(dialogue, ("past_medical", "family_history"))
    assert ("family_history", "myocardial infarction", "father") in facts, facts
    assert not [f for f in facts if f[0] == "past_medical"], facts


def test_a_side_said_before_lung_findings_is_kept():
    dialogue = (
        "[doctor] Let me listen to your lungs. Diffuse expiratory wheezes on both sides. "
        "Left base, wheezes but no crackles.\n[doctor] So this is a COPD exacerbation."
    )
    lines = [s["text"] for sec in document(dialogue, language="en")["note"]["sections"] for s in sec["sentences"]]
    assert not any(line.endswith("Wheezes; no crackles.") for line in lines), lines
    assert any("left base" in line.lower() and "no crackles" in line for line in lines), lines


def test_a_stopped_drug_takes_no_dose_of_the_next_order():
    for said in (
        "For the pain, stop the ibuprofen I'm prescribing an applause and 500 milligrams, twice a day, for 10 days.",
        "Stop the ibuprofen, for goddess it am enough and one gram up to 3 times a day.",
    ):
        doc = document(f"[doctor] {said}", language="en")
        ibuprofen = [f for f in doc["facts"] if f["kind"] == "medication" and f["label"] == "ibuprofen"]
        assert ibuprofen and ibuprofen[0]["status"] == "stopped", doc["facts"]
        assert not ibuprofen[0]["attributes"].get("dose"), ibuprofen[0]["attributes"]
    doc = document("[doctor] Stop the metoprolol 25 milligrams twice a day.", language="en")
    assert [f["attributes"]["dose"] for f in doc["facts"] if f["kind"] == "medication"] == ["25"]


def test_a_verb_of_prescribing_is_no_drug():
    text, corrections = _read("Metformin, I'm going to prescribe 500 milligrams twice a day.")
    assert "prescribe 500" in text and not corrections


def _meds(dialogue: str, language: str = "en") -> dict[str, tuple]:
    """label -> (status, dose, unit, prescriber) of each medication fact (the last one of a label wins)."""
    out = {}
    for f in document(dialogue, language=language)["facts"]:
        if f["kind"] == "medication":
            a = f["attributes"]
            out[f["label"]] = (f["status"], a.get("dose"), a.get("unit"), a.get("prescriber"))
    return out


def test_drugs_of_the_people_around_the_patient_are_not_theirs():
    cases = [
        # the husband's (a possessive prescription), a friend named before, a husband's doctor
        "[patient] my husband takes ambien, he keeps offering me one.\n[doctor] his prescription is for him, and "
        "ambien with lorazepam is a dangerous combination.",
        "[patient] my buddy frank at work had something like this, they put him on a spray.\n[patient] what about "
        "the heart pill, like a beta blocker? frank takes metoprolol.",
        "[doctor] and does anyone smoke at home?\n[patient] my husband. about a pack a day. his doctor gave him "
        "chantix last year, he took it for like three weeks and stopped.",
        # the wife's, then described and put off to the next visit on a result
        "[patient] my wife takes spironolactone.\n[doctor] spironolactone is actually one of the medications that "
        "helps in heart failure, and i've been thinking about it for you.\n[doctor] if your potassium is under five "
        "and the creatinine is stable, then i'll start spironolactone, twelve and a half milligrams a day, at your "
        "next visit.",
    ]
    for dialogue in cases:
        assert not set(_meds(dialogue)) & {
            "zolpidem",
            "metoprolol",
            "varenicline",
            "spironolactone",
        }, dialogue
    french = [
        "[doctor] et son papa ?\n[patient] son papa, lui, il est asthmatique. depuis tout petit. il a la ventoline et "
        "un traitement de fond, du symbicort, matin et soir.",
        "[patient] mon beau-frère, il a une sciatique, il prend du tramadol, il m'en a proposé, mais j'ai dit non.\n"
        "[doctor] si dans une semaine c'est encore insupportable, je pourrai vous prescrire autre chose pour quelques "
        "jours, éventuellement du tramadol.",
    ]
    for dialogue in french:
        assert not set(_meds(dialogue, "fr")) & {"albuterol", "budesonide/formoterol", "tramadol"}, dialogue
    # the patient's own drug, named beside a friend's or a wife's opinion, stays; so does one a wife gave
    assert "lisinopril" in _meds("[patient] my friend takes lisinopril too. i take lisinopril ten milligrams.")
    own = "[patient] my wife says it's the lisinopril. the lisinopril, ten milligrams, once a day in the evening."
    assert _meds(own)["lisinopril"][1] == "10", _meds(own)
    given = "[patient] et hier soir, ma femme m'a donné de son nurofen, deux comprimés de deux cents milligrammes."
    assert "ibuprofen" in _meds(given, "fr")


def test_a_drug_to_start_on_a_result_to_come_is_not_taken():
    dialogue = (
        "[doctor] je vous fais une ordonnance d'anticoagulant, de l'apixaban, l'eliquis. mais vous ne le commencez "
        "que si l'écho montre un caillot. si l'écho est positive, vous prenez dix milligrammes matin et soir."
    )
    assert "apixaban" not in _meds(dialogue, "fr")
    assert _meds("[doctor] take ibuprofen 400 milligrams, only if the pain is bad.")["ibuprofen"][1] == "400"


def test_a_stop_told_as_past_is_no_stop_of_today():
    english = (
        "[doctor] and you're not on the diltiazem anymore, just to make sure?\n[patient] no, no. that was years "
        "ago. they stopped it in the hospital two years ago."
    )
    french = "[doctor] oui, je me souviens. le gliclazide, trente milligrammes le matin, on l'a arrêté à cause de ça."
    for dialogue, lang, drug in ((english, "en", "diltiazem"), (french, "fr", "gliclazide")):
        status, _dose, _unit, prescriber = _meds(dialogue, lang)[drug]
        assert status == "stopped" and prescriber is None, (drug, status, prescriber)
    old_list = (
        "[doctor] okay. and the water pill, hydrochlorothiazide, i see it on your old list.\n"
        "[patient] oh, that was stopped. last year."
    )
    assert _meds(old_list)["hydrochlorothiazide"][0] == "stopped"


def test_past_courses_are_history():
    dialogue = (
        "[doctor] march fourteenth. they sent you home with prednisone forty milligrams once a day for five days.\n"
        "[doctor] you're using the rescue inhaler four days a week, your lung function is down, and you needed "
        "prednisone in march."
    )
    statuses = {f["status"] for f in document(dialogue, language="en")["facts"] if f["label"] == "prednisone"}
    assert statuses == {"historical"}, statuses
    assert _meds("[patient] i take ibuprofen every day since last year.")["ibuprofen"][0] == "current"


def test_doses_said_as_fractions_times_and_percentages():
    taper = (
        "[patient] i take the lorazepam at ten, one milligram.\n[doctor] second, we slowly taper the lorazepam.\n"
        "[doctor] lorazepam taper over six weeks: three quarters of a milligram for two weeks, half a milligram "
        "for two weeks, a quarter for two weeks, then stop."
    )
    assert _meds(taper)["lorazepam"][:3] == ("changed", "0.75", "mg")
    assert _meds("[patient] i take the lorazepam at ten. i fall asleep okay.")["lorazepam"][1] is None  # a time
    assert _meds("[docteur] le témesta, trois quarts de milligramme le soir.", "fr")["lorazepam"][1] == "0.75"
    assert "albuterol" not in _meds("[doctor] after the albuterol, the fev one went up by eighteen percent.")
    assert _meds("[doctor] use hydrocortisone 1 % cream twice a day.")["hydrocortisone"][1:3] == ("1", "%")
    zolpidem = (
        "[patient] i take zolpidem, ten milligrams at bedtime.\n[doctor] second, the zolpidem. it raises the risk "
        "of falls. so we taper. from tonight, five milligrams instead of ten, half a tablet, for two weeks."
    )
    assert _meds(zolpidem)["zolpidem"][:3] == ("changed", "5", "mg")


def test_the_drug_taken_instead_is_not_stopped():
    assert _meds("[doctor] stop the ibuprofen, tylenol instead for the knee.")["acetaminophen"][0] != "stopped"
    french = "[doctor] arrêt de l'ibuprofène, pas d'aspirine, paracétamol si besoin, trois grammes maximum par jour."
    meds = _meds(french, "fr")
    assert meds["ibuprofen"][0] == "stopped" and meds["acetaminophen"][0] != "stopped", meds


def test_warning_signs_and_what_a_test_may_miss_are_no_diagnosis():
    cases = [
        ("[doctor] if you get severe shaking, confusion, seeing things, or a seizure, that's an emergency.", "en"),
        ("[doctor] call me, and we'll do a ct scan, because an x-ray can miss a small fracture.", "en"),
        (
            "[doctor] si vous avez une douleur au ventre très forte, vous allez aux urgences. ça peut être une "
            "pancréatite.",
            "fr",
        ),
        ("[doctor] pas de bisous quand vous avez un bouton de fièvre.", "fr"),
    ]
    for said, lang in cases:
        dialogue = f"[doctor] so, this is generalized anxiety.\n{said}"
        facts = document(dialogue, language=lang)["facts"]
        named = {f["label"] for f in facts if f["kind"] == "assessment"}
        assert not named & {"epilepsy", "fracture", "pancreatitis", "cold sores"}, (said, named)


def test_an_allergy_someone_else_guessed_and_the_clinician_ruled_out():
    dialogue = (
        "[patient] oui, ma belle-mère m'a dit que c'était sûrement une allergie au lait.\n"
        "[doctor] eczéma atopique en poussée, pas d'allergie alimentaire, on redonne le lait."
    )
    facts = document(dialogue, language="fr")["facts"]
    assert not [f for f in facts if f["kind"] == "allergy" and f["status"] == "present"], facts


def test_a_temperature_said_with_its_tenth():
    dialogue = "[doctor] la tension, cent vingt-six sur soixante-dix-huit, température trente-six huit."
    lines = [s["text"] for sec in document(dialogue, language="fr")["note"]["sections"] for s in sec["sentences"]]
    assert any("36.8 °C" in line for line in lines), lines
    assert not any("36 °C" in line for line in lines), lines


def test_a_drug_class_named_by_a_disease_and_what_is_common_in_a_disease():
    dialogue = (
        "[patient] the pharmacist said it's a diabetes pill, i told him that's odd.\n[doctor] so, here's what i "
        "think.\n[doctor] heart failure with reduced ejection fraction, thirty-five percent in october, now with "
        "fluid overload. atrial fibrillation is common in heart failure, and if it's there we'd want to know.\n"
        "[doctor] that's the thing . those episodes could be atrial fibrillation , like your brother , coming and "
        "going . it's common in heart failure , and if it's there we'd want to know , because it changes things , "
        "like a blood thinner . so i want to rule that out ."
    )
    facts = document(dialogue, language="en")["facts"]
    problems = {(f["label"], f["status"]) for f in facts if f["kind"] in ("assessment", "past_medical")}
    assert problems == {("systolic heart failure", "present"), ("atrial fibrillation", "uncertain")}, problems
    # the written17 consultation it comes from: its heart failure is no "possible congestive heart failure"
    whole = (Path(__file__).parent.parent / "bench" / "data" / "dialogues" / "W193.txt").read_text(encoding="utf-8")
    facts = document(whole, language="en")["facts"]
    hedged = {f["label"] for f in facts if f["kind"] == "assessment" and f["status"] == "uncertain"}
    assert "congestive heart failure" not in hedged and "atrial fibrillation" in hedged, hedged


def test_who_told_a_relatives_disease_is_not_who_had_it():
    dialogue = (
        "[doctor] et son papa ?\n[patient] son papa, lui, il est asthmatique. depuis tout petit. et il avait de "
        "l'eczéma aussi quand il était petit, d'après sa mère."
    )
    family = {(label, rel) for kind, label, rel in _facts(dialogue, ("family_history",), "fr")}
    assert ("eczema", "père") in family and ("eczema", "mère") not in family, family


def test_a_class_named_before_its_drug_and_a_start_seen_before():
    meds = _meds("[doctor] third, i'm starting an antibiotic pill, doxycycline, one hundred milligrams once a day.")
    assert meds == {"doxycycline": ("new", "100", "mg", "this clinician")}, meds
    said = "[doctor] it stops the bacteria becoming resistant to the antibiotic i might give you today."
    assert _meds(said) == {}, _meds(said)
    assert _meds("[doctor] let's stop all the anti-inflammatories.")["anti-inflammatory agents"][0] == "stopped"
    march = (
        "[doctor] sophie, i saw you in march, we started the adapalene gel.\n"
        "[doctor] first, the adapalene goes from every other night to every night."
    )
    assert {f["status"] for f in document(march)["facts"] if f["label"] == "adapalene"} == {"current", "changed"}


def test_a_no_taken_back_with_a_circumstance_and_a_regimen_with_a_rescue_dose():
    dialogue = (
        "[doctor] any leaking of urine, when you cough or sneeze or laugh?\n"
        "[patient] no ... well, actually, yes, a little, when i sneeze. i was too embarrassed to say it.\n"
        "[doctor] it's very common after a delivery."
    )
    symptoms = {(f["label"], f["status"]) for f in document(dialogue)["facts"] if f["kind"] == "symptom"}
    assert symptoms == {("urinary incontinence", "present")}, symptoms
    symbicort = "[doctor] we start symbicort, two puffs twice a day, plus one puff as needed for symptoms."
    status, dose, unit, _ = _meds(symbicort)["budesonide/formoterol"]
    facts = [f for f in document(symbicort)["facts"] if f["kind"] == "medication"]
    assert (status, dose, unit) == ("new", "2", "puffs") and not facts[0]["attributes"].get("as_needed"), facts


def test_a_history_denied_in_a_list_of_red_flags():
    dialogue = (
        "[doctor] vous urinez normalement, pas de fuites, pas de fièvre, pas de perte de poids, pas d'antécédent de "
        "cancer, pas de chute.\n[doctor] ce que vous avez, c'est une lombalgie aiguë commune."
    )
    problems = {(f["label"], f["status"]) for f in document(dialogue, language="fr")["facts"] if "cancer" in f["label"]}
    assert problems <= {("cancer", "absent")}, problems
