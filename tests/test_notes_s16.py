"""Errors a physician found on unseen consultations, one class per test, on dialogues written for the test:
a dose said as a count of tablets, a change said on a pronoun in the next sentence, a switch to another dose
of the same drug, stops said after the drug, a relative named in the previous sentence or after the disease,
what a treatment protects from, replies to a denial put as a question, a "no" taken back by the next speaker
or after the clinician doubts it, a childhood episode, a wish, a hedge carried by an apposition."""

from __future__ import annotations

from scribe.notes.engine import document


def _facts(dialogue: str, lang: str = "en") -> tuple[dict[tuple[str, str], list[dict]], dict]:
    doc = document(dialogue, language=lang)
    out: dict[tuple[str, str], list[dict]] = {}
    for f in doc["facts"]:
        out.setdefault((f["kind"], f["label"]), []).append(f)
    return out, doc


def _statuses(facts, kind: str, label: str) -> set[str]:
    return {f["status"] for f in facts.get((kind, label), [])}


def test_two_tablets_of_a_strength_are_one_dose_of_twice_that_and_the_note_keeps_it():
    facts, doc = _facts(
        "[doctor] how is the knee ?\n[patient] sore .\n"
        "[doctor] for the pain , take acetaminophen , two five hundred milligram tablets , up to three times a day ."
    )
    (med,) = facts[("medication", "acetaminophen")]
    assert med["attributes"]["dose"] == "1000" and med["attributes"]["unit"] == "mg", med
    assert "Acetaminophen 1000 mg" in doc["note"]["markdown"]  # the grounding guard accepts 2 × 500


def test_a_change_said_on_a_pronoun_takes_the_dose_of_the_next_sentence_with_its_own_unit():
    facts, doc = _facts(
        "[patient] meclizine , twenty-five milligrams , three times a day . it makes me sleepy .\n"
        "[doctor] okay . for the meclizine , it does not help much and it makes you sleepy , so let's cut it down . "
        "take half a tablet , twelve point five milligrams , only if you need it , up to three times a day ."
    )
    changed = [f for f in facts[("medication", "meclizine")] if f["status"] == "changed"]
    assert changed and changed[0]["attributes"]["dose"] == "12.5" and changed[0]["attributes"]["unit"] == "mg"
    md = doc["note"]["markdown"]
    assert "12.5 mg as needed" in md and "(previously 25 mg)" in md, md
    assert "Keep taking Meclizine 25" not in doc["patient_summary"]["markdown"]


def test_cutting_a_drug_down_by_name_is_a_change():
    facts, _ = _facts(
        "[patient] i take meclizine , twenty-five milligrams , three times a day .\n"
        "[doctor] okay . let's cut the meclizine down . take half a tablet , twelve point five milligrams ."
    )
    assert "changed" in _statuses(facts, "medication", "meclizine"), facts[("medication", "meclizine")]


def test_moving_to_another_dose_of_a_drug_taken_is_a_change_not_a_continuation():
    facts, doc = _facts(
        "[doctor] vous prenez le xarelto , vingt milligrammes , le soir ?\n[patient] oui .\n"
        "[doctor] avec votre rein , la bonne dose c'est quinze milligrammes , pas vingt .\n[patient] d'accord .\n"
        "[doctor] donc on passe à xarelto 15 milligrammes , une fois par jour .",
        "fr",
    )
    (med,) = facts[("medication", "rivaroxaban")]
    assert med["status"] == "changed" and med["attributes"]["dose"] == "15", med
    assert "Continuez Xarelto 20" not in doc["patient_summary"]["markdown"]


def test_a_drug_left_off_or_stopped_by_the_patient_is_stopped():
    facts, _ = _facts(
        "[doctor] what have you taken for the shoulder ?\n"
        "[patient] advil , for about ten days , it did nothing , so i stopped .\n"
        "[doctor] for the pain , i'm going to prescribe meloxicam fifteen milligrams once a day .\n"
        "[patient] and the advil ?\n[doctor] you can leave the advil off , it didn't help you ."
    )
    assert _statuses(facts, "medication", "ibuprofen") == {"stopped"}, facts[("medication", "ibuprofen")]


def test_he_after_my_brother_is_the_brother():
    facts, _ = _facts(
        "[doctor] any heart disease in the family ?\n"
        "[patient] my brother had a heart attack at 52 . he had a stent . and my mom had diabetes ."
    )
    assert not any(kind == "past_surgical" for kind, _ in facts), facts
    assert ("family_history", "myocardial infarction") in facts


def test_a_relatives_disease_named_after_it_or_what_a_drug_protects_from_is_no_diagnosis():
    facts, _ = _facts(
        "[patient] sa petite sœur a eu une scarlatine la semaine dernière .\n"
        "[doctor] le test est positif . c'est une angine à streptocoque , comme la scarlatine de ta sœur .\n"
        "[doctor] on continue l'anticoagulant , il vous protège de l'avc .",
        "fr",
    )
    assert ("assessment", "scarlet fever") not in facts and ("assessment", "stroke") not in facts, facts
    assert ("assessment", "streptococcal pharyngitis") in facts
    facts, _ = _facts("[doctor] we keep the blood thinner , it protects you from a stroke .")
    assert ("assessment", "stroke") not in facts, facts


def test_all_is_well_to_a_denial_put_as_a_question_confirms_it():
    facts, _ = _facts("[doctor] vous supportez bien la metformine ? pas de nausées ?\n[patient] oui , ça va .", "fr")
    assert _statuses(facts, "symptom", "nausea") == {"absent"}, facts


def test_a_no_taken_back_by_the_next_speaker_is_taken_back_only_for_what_they_name():
    facts, _ = _facts(
        "[doctor] est-ce que tu tousses ? le nez qui coule ?\n[patient] non .\n"
        "[patient_guest] enfin , un petit peu hier soir , il a toussé un peu .",
        "fr",
    )
    assert _statuses(facts, "symptom", "cough") == {"present"}, facts
    assert _statuses(facts, "symptom", "rhinorrhea") == {"absent"}, facts


def test_a_no_the_clinician_doubts_is_taken_back_when_the_reply_affirms():
    facts, _ = _facts(
        "[doctor] do you wake up at night to pee ?\n[patient] not really .\n[doctor] not at all ?\n"
        "[patient] well ... two or three times a night ."
    )
    assert _statuses(facts, "symptom", "nocturia") == {"present"}, facts
    facts, _ = _facts("[doctor] any chest pain ?\n[patient] no .\n[doctor] are you sure ?\n[patient] no , none .")
    assert _statuses(facts, "symptom", "chest pain") == {"absent"}, facts


def test_a_childhood_episode_is_not_a_current_finding():
    facts, _ = _facts(
        "[doctor] any rash on the skin ?\n"
        "[patient_guest] no ... well , when he was little he had a rash with an antibiotic ."
    )
    assert "present" not in _statuses(facts, "symptom", "rash"), facts


def test_a_wish_is_not_a_denial():
    facts, _ = _facts("[patient] i stopped the statin . i don't want the leg pain back .")
    assert "absent" not in _statuses(facts, "symptom", "leg pain"), facts


def test_a_hedge_reaches_its_apposition_and_the_cause_named_as_the_patients_is_had():
    facts, _ = _facts(
        "[doctor] des fourmillements dans les pieds ?\n[patient] un peu le soir .\n"
        "[doctor] la sensibilité au monofilament est un peu diminuée .\n"
        "[doctor] ça peut être le début d'une atteinte des nerfs liée au diabète , une neuropathie débutante .",
        "fr",
    )
    neuro = facts.get(("assessment", "peripheral neuropathy"), [])
    assert neuro and all(f["attributes"].get("certainty") == "possible" for f in neuro), neuro
    facts, _ = _facts("[doctor] this could be the start of nerve damage from your diabetes , an early neuropathy .")
    assert {f["attributes"].get("certainty") for f in facts[("assessment", "diabetes mellitus")]} == {"confirmed"}


def test_what_a_new_drug_can_cause_is_no_diagnosis():
    facts, _ = _facts(
        "[doctor] on ajoute le jardiance , dix milligrammes le matin . "
        "ça peut donner des infections urinaires ou des mycoses génitales , donc bien boire .",
        "fr",
    )
    assert not any(kind == "assessment" and "infection" in label for kind, label in facts), facts


def test_one_puff_morning_and_one_puff_evening_is_twice_a_day_and_on_commence_starts_it():
    facts, doc = _facts(
        "[doctor] on commence le flixotide , cinquante microgrammes , une bouffée le matin et une bouffée le soir .",
        "fr",
    )
    (med,) = facts[("medication", "fluticasone")]
    assert med["status"] == "new" and med["attributes"]["per_day"] == 2.0, med
    assert "2 fois par jour, matin et soir" in doc["patient_summary"]["markdown"], doc["patient_summary"]["markdown"]


def test_a_denial_run_into_a_present_finding_is_not_quoted_as_one_denial():
    doc = document(
        "[doctor] let me examine the shoulder . no muscle wasting tender over the outside of the right shoulder ."
    )
    assert "No muscle wasting tender" not in doc["note"]["markdown"], doc["note"]["markdown"]


def test_an_order_on_a_bare_pronoun_is_no_plan_line():
    doc = document(
        "[doctor] i'm sending you for an ultrasound of the left leg this afternoon .\n"
        "[doctor] for now , keep taking it if the ultrasound shows a clot , we'll start a blood thinner ."
    )
    assert "Keep taking it" not in doc["note"]["markdown"], doc["note"]["markdown"]
