"""Medication facts: what a physician review found wrong on unseen consultations, each as a short
dialogue run through the real engine (drug-named-entity-recognition, medspacy ConText; no mocks).

A ski slope listed as a drug, a dose lost while a dispensed quantity passed for one, "1,000 mg" misread,
a stopped drug listed as current, lab analytes listed as drugs, another doctor's prescription turned into
this visit's "Start", and a correct French sentence dropped by the number guard.
"""

from __future__ import annotations

import pytest

from scribe.notes.engine import document
from scribe.notes.medication import number_values, parse_frequency, render_medication
from scribe.notes.verify import numbers_supported
from scribe.schemas_docs import Fact


def meds(doc: dict) -> list[dict]:
    return [f for f in doc["facts"] if f["kind"] == "medication"]


def med(doc: dict, label: str) -> dict:
    found = [f for f in meds(doc) if f["label"] == label]
    assert found, [(f["label"], f["status"]) for f in meds(doc)]
    return found[0]


def quotes(f: dict) -> str:
    return " | ".join(e["quote"] for e in f["evidence"])


def note_sentences(doc: dict, fact: dict) -> list[str]:
    return [s["text"] for sec in doc["note"]["sections"] for s in sec["sentences"] if fact["id"] in s["fact_ids"]]


def assert_verbatim(doc: dict) -> None:
    segs = {s["id"]: s["text"] for s in doc["transcript"]["segments"]}
    for f in meds(doc):
        for ev in f["evidence"]:
            assert ev["quote"] in segs[ev["segment_id"]], ev


# --------------------------------------------------------------------------- what is a medication


def test_ski_slope_is_not_a_medication():
    doc = document(
        "[doctor] how was the vacation?\n"
        "[patient] great, we went skiing in colorado and I did the double black diamonds all week.\n"
        "[doctor] any knee pain since then?\n[patient] a little, I took some Advil for it."
    )
    labels = {f["label"] for f in meds(doc)}
    assert "diamond" not in labels
    assert "ibuprofen" in labels  # the drug said with a medication verb is kept
    assert "Diamond" not in doc["note"]["markdown"]


def test_lab_names_are_not_medications():
    doc = document(
        "[doctor] let's go over your labs. Your hemoglobin A1c was 7.2 and your uric acid was "
        "elevated at 9.\n[patient] is that bad?\n"
        "[doctor] we'll recheck them, and I want you to start allopurinol 100 mg daily.\n[patient] okay."
    )
    labels = {f["label"] for f in meds(doc)}
    assert not {"hemoglobin a", "uric acid"} & labels, labels
    assert not any("hemoglobin" in label or "uric" in label for label in labels)
    allo = med(doc, "allopurinol")
    assert allo["status"] == "new" and allo["attributes"]["dose"] == "100"


# --------------------------------------------------------------------------- dose, quantity, numbers


def test_mobic_dose_and_quantity():
    doc = document(
        "[doctor] your knee looks like osteoarthritis.\n[patient] okay.\n"
        "[doctor] so I'm going to prescribe Mobic, you'll take 15 milligrams once a day with food. "
        "I'll prescribe 14 of those and we'll see how you do.\n[patient] sounds good."
    )
    f = med(doc, "meloxicam")
    a = f["attributes"]
    assert f["status"] == "new"
    assert a["dose"] == "15" and a["unit"] == "mg"  # the dose, not the 14 dispensed
    assert a["quantity"] == 14
    assert a["per_day"] == 1.0 and a["brand"] == "Mobic" and a["ingredient"] == "Meloxicam"
    assert "15 milligrams once a day" in quotes(f)  # the evidence covers the dose and the frequency
    assert "14 of those" in quotes(f)
    assert_verbatim(doc)
    line = render_medication(Fact.model_validate(f), "en")
    assert line == "Meloxicam (Mobic) 15 mg once daily, #14."
    assert not numbers_supported(line, quotes(f))


@pytest.mark.parametrize("said", ["metformin 1,000 mg", "metformin 1000 mg", "one thousand milligrams of metformin"])
def test_metformin_thousand(said):
    doc = document(f"[doctor] what medications are you on?\n[patient] I take {said} twice a day.\n[doctor] okay.")
    a = med(doc, "metformin")["attributes"]
    assert float(a["dose"]) == 1000 and a["unit"] == "mg"
    assert a["per_day"] == 2.0
    f = med(doc, "metformin")
    lines = note_sentences(doc, f)
    assert lines and all("10 mg" not in t and "1 mg" not in t for t in lines)
    assert doc["faithfulness"]["removed"] == 0


def test_every_six_hours_as_needed():
    doc = document(
        "[doctor] for the pain, take ibuprofen 400 mg every 6 hours as needed, no more than 4 a day.\n[patient] okay."
    )
    f = med(doc, "ibuprofen")
    a = f["attributes"]
    assert a["per_day"] == 4.0 and a["as_needed"] is True and a["max_per_day"] == 4.0
    assert "every 6 hours as needed" in quotes(f)
    doc = document(
        "[doctor] what do you take for the headaches?\n"
        "[patient] Tylenol, five hundred milligrams every six hours when I need it."
    )
    a = med(doc, "acetaminophen")["attributes"]
    assert a["dose"] == "500" and a["per_day"] == 4.0 and a["as_needed"] is True


# --------------------------------------------------------------------------- status and prescriber


def test_stopped_drug_is_stopped():
    doc = document(
        "[doctor] what medicines do you take?\n"
        "[patient] I was on Plavix after the stent, but the cardiologist took me off it last spring. "
        "Now I just take aspirin.\n[doctor] okay."
    )
    plavix = med(doc, "clopidogrel")
    assert plavix["status"] == "stopped"
    assert not [f for f in meds(doc) if f["label"] == "clopidogrel" and f["status"] == "current"]
    assert med(doc, "aspirin")["status"] == "current"
    doc = document("[doctor] are you still taking the atorvastatin?\n[patient] no, I stopped it in May.")
    assert med(doc, "atorvastatin")["status"] == "stopped"


def test_another_doctors_prescription_is_not_new():
    doc = document(
        "[doctor] I see the urgent care doctor prescribed you antibiotics for the sinus infection "
        "last week.\n[patient] yes, I finished them.\n"
        "[doctor] and the cardiologist started you on metoprolol 25 mg twice a day?\n[patient] yes."
    )
    for f in meds(doc):
        assert f["status"] != "new", f
        assert f["attributes"].get("prescriber") == "other", f
    assert {"anti-bacterial agents", "metoprolol"} <= {f["label"] for f in meds(doc)}
    assert "Start Antibiotics" not in doc["note"]["markdown"]
    # this clinician's own prescription stays new
    doc = document("[doctor] I'm going to start you on amoxicillin 875 mg twice a day for 10 days.\n[patient] okay.")
    f = med(doc, "amoxicillin")
    assert f["status"] == "new" and f["attributes"]["prescriber"] == "this clinician"
    assert f["attributes"]["duration"] == "10 days"


# --------------------------------------------------------------------------- French


def test_french_three_times_a_day_is_kept():
    doc = document(
        "[médecin] Bonjour, qu'est-ce qui vous amène ?\n[patient] J'ai mal au genou depuis deux semaines.\n"
        "[médecin] Vous prenez des médicaments ?\n[patient] Je prends du paracétamol trois fois par jour.\n"
        "[médecin] D'accord. Je vais vous examiner.",
        template="cr-fr",
        language="fr",
    )
    f = med(doc, "acetaminophen")
    assert f["attributes"]["per_day"] == 3.0
    assert "trois fois par jour" in quotes(f)
    lines = note_sentences(doc, f)
    assert lines and any("aracétamol" in t and ("trois" in t or "3" in t) for t in lines), doc["note"]["markdown"]
    assert doc["faithfulness"]["removed"] == 0
    assert render_medication(Fact.model_validate(f), "fr") == "Paracétamol, 3 fois par jour."


def test_french_prescription():
    doc = document(
        "[médecin] Je vous prescris du Doliprane un gramme toutes les six heures si besoin, sans dépasser "
        "quatre grammes par jour, pendant cinq jours.\n[patient] D'accord.",
        template="cr-fr",
        language="fr",
    )
    f = med(doc, "acetaminophen")
    a = f["attributes"]
    assert f["status"] == "new"
    assert (a["dose"], a["unit"], a["per_day"], a["as_needed"]) == ("1", "g", 4.0, True)
    assert (a["max_per_day"], a["max_unit"], a["duration"]) == (4.0, "g", "5 jours")
    line = render_medication(Fact.model_validate(f), "fr")
    assert line == "Paracétamol (Doliprane) 1 g, toutes les 6 heures si besoin pendant 5 jours, maximum 4 g par jour."
    assert not numbers_supported(line, quotes(f))


# --------------------------------------------------------------------------- parts


@pytest.mark.parametrize(
    "text,per_day",
    [
        ("once a day", 1.0),
        ("twice daily", 2.0),
        ("three times a day", 3.0),
        ("qid", 4.0),
        ("every 6 hours", 4.0),
        ("every eight hours", 3.0),
        ("every other day", 0.5),
        ("at bedtime", 1.0),
        ("morning and evening", 2.0),
        ("une fois par jour", 1.0),
        ("trois fois par jour", 3.0),
        ("toutes les 8 heures", 3.0),
        ("matin et soir", 2.0),
        ("le soir", 1.0),
    ],
)
def test_frequencies(text, per_day):
    assert parse_frequency(text).per_day == per_day
    assert parse_frequency("weekly").per_day == pytest.approx(1 / 7, abs=1e-3)


def test_guard_reads_numbers_as_said():
    assert not numbers_supported("Metformin 1000 mg twice daily.", "metformin 1,000 mg twice a day")
    assert not numbers_supported("Metformine 1000 mg.", "metformine mille milligrammes")
    assert not numbers_supported("Paracétamol 1000 mg, 3 fois par jour.", "paracétamol 1 000 mg trois fois par jour")
    assert not numbers_supported("Oméprazole 20 mg, 1 fois par jour.", "oméprazole 20 mg une fois par jour")
    assert not numbers_supported("Metoprolol 0.5 tablet.", "half a tablet of metoprolol")
    assert numbers_supported("Metformin 500 mg.", "metformin 1,000 mg") == ["500"]
    assert numbers_supported("Paracétamol 1 g.", "il y a du paracétamol") == ["1"]  # "il y a" is not a number
    assert {1000.0, 4.0, 0.5} <= number_values("one thousand milligrams, quatre fois, a half")


def test_render_only_what_was_said():
    f = Fact(
        id="f1",
        kind="medication",
        label="meloxicam",
        status="new",
        attributes={
            "dose": "15",
            "unit": "mg",
            "route": "by mouth",
            "frequency": "once a day",
            "per_day": 1.0,
            "quantity": 14,
            "ingredient": "Meloxicam",
            "brand": "Mobic",
            "surface": "Mobic",
            "drugbank_id": "DB00814",
        },
    )
    assert render_medication(f, "en") == "Meloxicam (Mobic) 15 mg by mouth once daily, #14."
    f.attributes.pop("route")
    f.attributes["frequency"] = "une fois par jour"
    assert render_medication(f, "fr") == "Méloxicam (Mobic) 15 mg, 1 fois par jour, quantité : 14."
    bare = Fact(
        id="f2",
        kind="medication",
        label="lisinopril",
        status="current",
        attributes={"surface": "lisinopril", "ingredient": "Lisinopril"},
    )
    assert render_medication(bare, "en") == "Lisinopril."  # no invented dose, route or frequency


@pytest.mark.parametrize(
    "said, lang, label",
    [
        ("hier soir j'ai pris deux Efferalgan pour la douleur.", "fr", "acetaminophen"),
        ("i took 2 aleve last night and it helped a little.", "en", "naproxen"),
    ],
)
def test_a_count_before_the_brand_is_a_number_of_tablets(said, lang, label):
    doc = document(f"[doctor] qu'avez-vous pris ?\n[patient] {said}", language=lang)
    fact = med(doc, label)
    assert (fact["attributes"].get("dose"), fact["attributes"].get("unit")) == ("2", "tablets")
    assert_verbatim(doc)


def test_taking_only_when_it_hurts_is_as_needed_and_forgetting_is_not():
    doc = document(
        "[doctor] vous prenez un traitement ?\n"
        "[patient] non. parfois, quand j'ai mal au dos, je prends de l'ibuprofène.",
        language="fr",
    )
    assert med(doc, "ibuprofen")["attributes"].get("as_needed") is True
    doc = document(
        "[doctor] any medicines?\n[patient] metformin. sometimes i forget to take my metformin though.", language="en"
    )
    assert not med(doc, "metformin")["attributes"].get("as_needed")
    doc = document("[doctor] if the pain comes back, we will start naproxen.\n[patient] okay.", language="en")
    assert all(not f["attributes"].get("as_needed") for f in meds(doc))


def test_a_dose_after_a_filler_that_cut_the_sentence_is_the_drugs():
    """A long spoken sentence is cut at its fillers; "um, 25 mg" still belongs to the drug before it."""
    doc = document(
        "[doctor] and then , for the anxiety , we'll go ahead and start you on a new medication that we use a lot "
        "and that people usually tolerate well , lexapro , um , 10 mg every morning and we will see how it goes .\n"
        "[patient] sounds good .",
        language="en",
    )
    fact = med(doc, "escitalopram")
    assert (fact["attributes"].get("dose"), fact["attributes"].get("frequency")) == ("10", "every morning")


def test_getting_the_patient_some_drug_is_an_order_and_the_next_sentence_its_dose():
    doc = document(
        "[patient] i have been taking some advil but my wrist still hurts .\n"
        "[doctor] okay . we'll get you a brace and we'll get you some naproxen . we'll give you 500 milligrams "
        "twice a day for ten days .\n[patient] okay .",
        language="en",
    )
    fact = med(doc, "naproxen")
    assert fact["status"] == "new"
    assert (fact["attributes"].get("dose"), fact["attributes"].get("frequency")) == ("500", "twice a day")


def test_a_drug_taken_as_given_in_a_question_about_the_symptom_is_current():
    doc = document(
        "[doctor] how is the heartburn , is it any better since we started you on the omeprazole ?\n"
        "[patient] a little better , i still get it after big meals .",
        language="en",
    )
    assert med(doc, "omeprazole")["status"] == "current"


def test_a_drug_named_in_a_self_correction_keeps_the_order_before_it():
    doc = document(
        "[doctor] for the sinus infection we will treat you with augmentin or , sorry , doxycycline , 100 mg "
        "twice a day .\n[patient] okay .",
        language="en",
    )
    assert med(doc, "doxycycline")["status"] == "new"
    assert "amoxicillin" not in {f["label"] for f in meds(doc)}


def test_brands_counted_in_the_plural_are_the_brand_and_taken_once_is_tried():
    doc = document(
        "[doctor] qu'avez-vous pris ?\n[patient] normalement je ne prends rien, mais hier j'ai pris deux "
        "Spasfons quand la douleur est arrivée.",
        language="fr",
    )
    fact = med(doc, "phloroglucinol")
    assert fact["status"] == "historical" and fact["attributes"].get("brand") == "Spasfon", fact
    doc = document(
        "[doctor] le paracétamol a fait de l'effet ?\n[patient] après deux dolipranes que j'ai pris hier soir, "
        "la douleur s'était un peu calmée.",
        language="fr",
    )
    assert [f["status"] for f in meds(doc)] == ["historical"], meds(doc)


def test_a_drug_taken_from_time_to_time_is_as_needed():
    doc = document(
        "[doctor] vous prenez des traitements ?\n[patient] je prends du paracétamol de temps en temps.", language="fr"
    )
    assert med(doc, "acetaminophen")["attributes"].get("as_needed") is True


def test_a_change_said_of_the_drug_just_named_changes_it():
    """ "You're on metformin 500 twice a day?" "Yes." "Let's increase that to 1000." — the note kept the old
    dose as the current one and lost the change; the same in French, and a frequency-only change."""
    doc = document(
        "[doctor] you're on metformin five hundred milligrams twice a day , right ?\n[patient] yes .\n"
        "[doctor] okay , let's increase that to one thousand milligrams twice a day ."
    )
    changed = [f for f in meds(doc) if f["label"] == "metformin" and f["status"] == "changed"]
    assert changed and changed[0]["attributes"]["dose"] == "1000", [(f["status"], f["attributes"]) for f in meds(doc)]
    assert "metformin" in quotes(changed[0]).lower() and "increase that" in quotes(changed[0])
    assert any("previously 500 mg" in t for t in note_sentences(doc, changed[0]))
    assert_verbatim(doc)

    fr = document(
        "[doctor] vous prenez la metformine cinq cents milligrammes matin et soir ?\n[patient] oui .\n"
        "[doctor] on va l'augmenter à mille milligrammes matin et soir .",
        language="fr",
    )
    assert any(f["status"] == "changed" and f["attributes"].get("dose") == "1000" for f in meds(fr))

    lasix = document(
        "[doctor] you're taking the furosemide forty milligrams once a day ?\n[patient] yes , in the morning .\n"
        "[doctor] okay , with the swelling i want you to take it twice a day for now ."
    )
    changed = [f for f in meds(lasix) if f["status"] == "changed"]
    assert changed and changed[0]["attributes"].get("per_day") == 2.0
    assert any("previously once daily" in t for t in note_sentences(lasix, changed[0]))
    assert "New schedule: Furosemide, twice a day." in lasix["patient_summary"]["markdown"]


def test_a_change_only_considered_or_a_restated_frequency_changes_nothing():
    doc = document(
        "[doctor] you're on lisinopril ten milligrams .\n[patient] yes .\n"
        "[doctor] if it's still high next time , we could increase it to twenty milligrams ."
    )
    assert [f["status"] for f in meds(doc)] == ["current"]
    same = document(
        "[doctor] you take the furosemide forty milligrams once a day ?\n[patient] yes .\n"
        "[doctor] good , keep taking it once a day now ."
    )
    assert "changed" not in [f["status"] for f in meds(same)]


def test_keep_the_drug_but_cut_it_down_is_a_change_and_added_drugs_are_new():
    doc = document("[doctor] your pressure is a bit low , so keep the amlodipine but cut it down to five milligrams .")
    assert any(f["status"] == "changed" and f["attributes"].get("dose") == "5" for f in meds(doc))
    fr = document(
        "[doctor] vous continuez le paracétamol un gramme trois fois par jour , et on ajoute l'ibuprofène "
        "quatre cents milligrammes .",
        language="fr",
    )
    assert med(fr, "ibuprofen")["status"] == "new" and med(fr, "acetaminophen")["status"] == "current"
    tylenol = document(
        "[doctor] with your heart failure i want you to stop the naproxen .\n[patient] okay .\n"
        "[doctor] you can use tylenol instead , up to three times a day ."
    )
    assert med(tylenol, "acetaminophen")["status"] == "new" and med(tylenol, "naproxen")["status"] == "stopped"


def test_a_combination_product_is_a_medicine_and_can_be_stopped():
    doc = document(
        "[doctor] and now you take excedrin ?\n[patient] yeah , almost every day .\n"
        "[doctor] okay , i want you to stop the excedrin ."
    )
    assert [f["status"] for f in meds(doc)] == ["stopped"]


def test_a_drug_asked_about_and_answered_with_its_dose_is_taken_with_that_dose():
    """ "Et l'allopurinol ?" "C'est le rhumatologue qui me l'a donné, 300 mg par jour": no "oui", and yet the
    answer says it is taken, how much and who prescribed it."""
    doc = document(
        "[doctor] et l'allopurinol ?\n"
        "[patient] c'est le rhumatologue qui me l'a donné , trois cents milligrammes par jour .\n"
        "[doctor] d'accord , vous le continuez .",
        language="fr",
    )
    f = med(doc, "allopurinol")
    assert f["status"] == "current" and f["attributes"].get("dose") == "300"
    assert f["attributes"].get("prescriber") == "other"


def test_what_another_doctor_gave_without_effect_was_tried_and_what_this_one_gives_is_new():
    fr = document("[patient] SOS médecins m'a donné de la fosfomycine mais ça n'a rien fait .", language="fr")
    assert med(fr, "fosfomycin")["status"] == "historical"
    nitro = document(
        "[doctor] i'm also giving you nitroglycerin , you put one under your tongue if you get chest pain ."
    )
    assert med(nitro, "nitroglycerin")["status"] == "new"


@pytest.mark.parametrize(
    "said, label, status",
    [
        ("[doctor] i'm going to have you take tamsulosin zero point four milligrams once a day .", "tamsulosin", "new"),
        ("[doctor] in the meantime take colchicine zero point six milligrams twice a day .", "colchicine", "new"),
        ("[doctor] the plan is ice , rest , and take naproxen 500 milligrams twice a day .", "naproxen", "new"),
        ("[doctor] your heart rate is good , so we'll keep you on your metoprolol .", "metoprolol", "current"),
        (
            "[doctor] we'll give you a steroid injection today , and keep taking the meloxicam fifteen milligrams "
            "once a day .",
            "meloxicam",
            "current",
        ),
    ],
)
def test_orders_said_in_passing_are_new_and_another_drugs_injection_administers_nothing(said, label, status):
    assert med(document(said), label)["status"] == status


def test_a_french_generic_ending_in_e_is_the_drug():
    doc = document(
        "[doctor] je vous prescris du kétoprofène cent milligrammes deux fois par jour pendant cinq jours .",
        language="fr",
    )
    f = med(doc, "ketoprofen")
    assert f["status"] == "new" and f["attributes"]["dose"] == "100"
    assert "incertain" not in doc["note"]["markdown"]


@pytest.mark.parametrize(
    "said, label",
    [
        (
            "[doctor] and before the metformin , dr. hughes had you on glipizide ?\n"
            "[patient] right , i was getting low sugars . so he stopped it .",
            "glipizide",
        ),
        (
            "[doctor] anything else tried before for prevention ?\n"
            "[patient] nadolol , last year , 40 milligrams a day . it didn't help . so i stopped it after a month .",
            "nadolol",
        ),
        (
            "[doctor] and before this , you tried citalopram , with your old doctor ?\n"
            "[patient] yeah , 20 milligrams , for a few months . it didn't do anything .",
            "citalopram",
        ),
        (
            "[doctor] what are you taking for it ?\n"
            "[patient] the famotidine , twice a day . before that i was taking tums and they did nothing .",
            "calcium supplement",
        ),
    ],
)
def test_a_drug_taken_before_and_given_up_is_not_current(said, label):
    """Written consultations listed drugs tried and stopped before the visit as current ("Keep taking
    Propranolol"): the stop said in the reply's next sentence, a question about what was tried, "did nothing"."""
    assert med(document(said), label)["status"] in ("stopped", "historical")


def test_a_misheard_dose_is_left_out_and_a_dose_after_another_order_is_not_the_first_drugs():
    """From audio: "j'ajoute de l'ibou … 400 000 gramme" became "Ibuprofène 400000 g"; "stop the famotidine and
    start [omeprazole misheard] 40 milligrams" gave the famotidine the 40 mg."""
    fr = document("[doctor] j'ajoute de l'ibuprofène 400 000 grammes une fois par jour .", language="fr")
    f = med(fr, "ibuprofen")
    assert f["status"] == "new" and "dose" not in f["attributes"] and "per_day" not in f["attributes"]
    en = document("[doctor] i'm going to stop the famotidine and start ompra no 40 milligrams once a day .")
    assert med(en, "famotidine")["status"] == "stopped" and "dose" not in med(en, "famotidine")["attributes"]
    assert med(document("[doctor] take amoxicillin 1 gram twice a day ."), "amoxicillin")["attributes"]["dose"] == "1"
