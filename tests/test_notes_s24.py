"""What the blind split written8 (session 24) found misread in medications, each on a short dialogue written for
the purpose, through the real engine: drugs taken before and told as history (stopped "after two months", "i
didn't finish it", "my old doctor put me on …", "that was last year. urgent care gave me …"), a drug only named to
compare ("better on the stomach than pradaxa", "moins … que le deroxat"), French stops and trials ("on ne le
reprend pas", "vous aviez essayé …"), a French generic with its final e (rosuvastatine), a change said "goes up,
from … to …", a change the clinician had only wanted, which drug a nameless "from 7.5 to 5" is about, a drug that
is "supposed to stop" the attacks, a taper said as a schedule, "un gramme, deux comprimés de cinq cents", a nasal
spray and an inhaler of one ingredient, and "we'll use that again"."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_status_s22 import meds, statuses


def test_drugs_taken_before_are_history_not_current():
    doc = document(
        "[doctor] any blood thinners before the warfarin ?\n"
        "[patient] i was on one of those new ones before , the pradaxa , and it gave me terrible heartburn . i "
        "stopped it after two months .\n"
        "[doctor] apixaban is a different drug , most people tolerate it much better on the stomach than pradaxa .\n"
        "[patient] and my old doctor put me on amitriptyline , twenty-five at bedtime , two years ago . i gained "
        "weight , i stopped after three months .\n"
    )
    s = statuses(doc)
    assert "current" not in s.get("dabigatran", set()) and "new" not in s.get("dabigatran", set())
    assert s["amitriptyline"] <= {"stopped", "historical"}
    doc = document(
        "[doctor] when was your last flare ?\n"
        "[patient] that was in february of last year . urgent care gave me prednisone and the augmentin . the "
        "augmentin tore my stomach up . i didn't finish it .\n"
        "[doctor] because the augmentin upset your stomach , we'll use doxycycline , one hundred milligrams , "
        "twice a day , for five days .\n"
        "[doctor] any other inhaler in the past ?\n"
        "[patient] i had the advair for a while , years ago . i got thrush from it , so i quit it .\n"
    )
    s = statuses(doc)
    assert s["prednisone"] == {"historical"} and "current" not in s["amoxicillin"]
    assert s["doxycycline"] == {"new"} and s["fluticasone and salmeterol"] == {"stopped"}
    assert "Keep taking Augmentin" not in doc["patient_summary"]["markdown"]


def test_french_stops_trials_and_comparisons():
    doc = document(
        "[patient] du lexomil , un quart le soir , au besoin . j'ai arrêté toute seule , début mars .\n"
        "[doctor] le lexomil , on ne le reprend pas . elle fait moins prendre de poids que le deroxat .\n"
        "[doctor] et vous aviez essayé le trulicity , c'est ça ?\n"
        "[patient] oui , j'ai vomi pendant un mois .\n"
        "[patient] samedi dernier , j'avais trop mal , j'ai appelé sos médecins . le médecin m'a donné du "
        "tramadol , cinquante milligrammes .\n"
        "[doctor] la rosuvastatine , on passe de dix à vingt milligrammes , toujours le soir .\n",
        language="fr",
    )
    s, m = statuses(doc), meds(doc)
    assert s["bromazepam"] == {"stopped"} and "paroxetine" not in s
    assert s["dulaglutide"] <= {"historical", "stopped"} and s["tramadol"] <= {"historical", "stopped"}
    assert m["rosuvastatin"][0] == "changed" and m["rosuvastatin"][1]["dose"] == "20"


def test_changes_said_how_clinicians_say_them():
    doc = document(
        "[patient] the furosemide , forty milligrams every morning .\n"
        "[doctor] first , the furosemide goes up , from forty milligrams to eighty milligrams , every morning .\n"
        "[patient] and the methotrexate ? last time you said we might go up .\n"
        "[doctor] i'd have the methotrexate at fifteen milligrams a week . i wanted to go from fifteen to twenty "
        "milligrams . but with the liver enzymes , we keep it at fifteen milligrams a week .\n"
    )
    m = meds(doc)
    assert m["furosemide"][0] == "changed" and m["furosemide"][1]["dose"] == "80"
    assert all(f["attributes"].get("dose") != "20" for f in doc["facts"] if f["label"] == "methotrexate")


def test_a_nameless_change_goes_to_the_drug_at_its_from_dose():
    doc = document(
        "[doctor] and the prednisone , how much are you taking ?\n"
        "[patient] seven and a half milligrams every morning .\n"
        "[doctor] the prednisone , now that we're adding the plaquenil , we'll start bringing it down . go from "
        "seven and a half to five milligrams every morning for two weeks , then two and a half milligrams for two "
        "weeks , then stop .\n"
    )
    facts = [f for f in doc["facts"] if f["kind"] == "medication"]
    plaquenil = [f for f in facts if f["label"] == "hydroxychloroquine"]
    assert plaquenil and all(f["status"] == "new" and "dose" not in f["attributes"] for f in plaquenil)
    changed = [f for f in facts if f["label"] == "prednisone" and f["status"] == "changed"]
    assert changed and changed[0]["attributes"]["dose"] == "5"


def test_what_a_drug_is_supposed_to_stop_and_a_stop_asked_back():
    doc = document(
        "[doctor] you're taking the allopurinol , one hundred milligrams every day ?\n"
        "[patient] every day , in the morning . i thought the allopurinol was supposed to stop them .\n"
        "[doctor] and the water pill , the hydrochlorothiazide , that's been stopped , right ?\n"
        "[patient] yes , two years ago .\n"
    )
    s = statuses(doc)
    assert "stopped" not in s["allopurinol"] and s["hydrochlorothiazide"] == {"stopped"}


def test_a_taper_said_as_a_schedule_is_new_at_its_first_dose():
    doc = document(
        "[doctor] here's the plan . first , prednisone , as a taper . forty milligrams a day for three days , then "
        "thirty milligrams a day for three days , then twenty a day for three days , then stop .\n"
    )
    status, attrs = meds(doc)["prednisone"]
    assert status == "new" and attrs["dose"] == "40" and "duration" not in attrs  # 3 days is the first step's


def test_a_dose_made_of_two_tablets_a_spray_and_an_inhaler_and_use_that_again():
    fr = document(
        "[doctor] pour la douleur . le paracétamol , vous passez à un gramme , deux comprimés de cinq cents , trois "
        "fois par jour .\n",
        language="fr",
    )
    assert meds(fr)["acetaminophen"][1]["dose"] == "1" and meds(fr)["acetaminophen"][1]["unit"] == "g"
    doc = document(
        "[doctor] the flovent , we'll stop it . and the flonase , two sprays in each nostril once a day .\n"
        "[doctor] since she did well with the cefdinir , we'll use that again .\n"
    )
    fluticasone = [f for f in doc["facts"] if f["label"] == "fluticasone"]
    assert {f["status"] for f in fluticasone} >= {"stopped"} and len(fluticasone) == 2
    assert statuses(doc)["cefdinir"] == {"new"}


def test_a_course_given_before_and_named_next_is_history():
    doc = document(
        "[doctor] any new medicines in the last few weeks ? any antibiotics ?\n"
        "[patient] yes . i went to the urgent care , about ten days ago , and they gave me an antibiotic . bactrim , "
        "twice a day for five days .\n"
    )
    assert statuses(doc)["sulfamethoxazole"] == {"historical"}
    still = document(
        "[patient] ten days ago the urgent care gave me an antibiotic . amoxicillin , three times a day , i'm still "
        "taking it .\n"
    )
    assert "historical" not in statuses(still)["amoxicillin"]


def test_the_relative_is_the_one_named_not_the_side_or_the_companions_word():
    doc = document(
        "[doctor] and in the family ? headaches , strokes ?\n"
        "[patient] my grandmother on my mom's side had a stroke , she was sixty-two .\n"
        "[doctor] any family history of prostate problems ?\n"
        "[patient_guest] his brother , uncle walt , had prostate cancer .\n"
    )
    family = {f["label"]: f["attributes"].get("relative") for f in doc["facts"] if f["kind"] == "family_history"}
    assert family["stroke"] == "maternal grandmother" and family["cancer"] == "brother"


def test_conditions_a_test_ruled_out_or_named_in_general_are_not_diagnoses():
    doc = document(
        "[doctor] your liver enzymes are up . your hepatitis b and c tests were negative when we started the "
        "methotrexate .\n"
        "[doctor] i also checked your thyroid , because an overactive thyroid can drive the afib . the tsh is "
        "normal .\n"
    )
    charted = {f["label"] for f in doc["facts"] if f["kind"] == "assessment" and f["status"] != "absent"}
    assert not {"hepatitis B", "hyperthyroidism"} & charted


def test_a_lack_said_as_no_is_the_symptom_and_a_past_reaction_is_history():
    doc = document(
        "[doctor] is it sleepiness , or more that you have no energy ?\n"
        "[patient] no energy . like i'm walking through mud .\n"
        "[doctor] did you take sulfasalazine before ?\n"
        "[patient] yes , it made me so nauseous , and i got an itchy rash on my arms , so we stopped it .\n"
    )
    symptoms = {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "symptom"}
    assert symptoms["fatigue"] == "present" and symptoms["rash"] == "historical"


def test_a_dose_above_the_usual_largest_is_flagged_never_changed():
    doc = document(
        "[doctor] we'll add hydroxychloroquine , plaquenil , twelve hundred milligrams , twice a day .\n"
        "[doctor] and the lisinopril , ten milligrams once a day , stays the same .\n"
    )
    said = {s["text"]: s for sec in doc["note"]["sections"] for s in sec["sentences"]}
    plaquenil = next(s for text, s in said.items() if "Hydroxychloroquine" in text)
    assert "1200 mg" in plaquenil["text"] and plaquenil["status"] == "flagged"
    assert any("usual largest dose (400 mg)" in i for i in plaquenil["issues"])
    lisinopril = next(s for text, s in said.items() if "Lisinopril" in text)
    assert not any("usual largest" in i for i in lisinopril.get("issues", []))


def test_a_panic_attack_is_no_panic_disorder():
    doc = document(
        "[doctor] la crise de février , c'était une attaque de panique . il est possible qu'il y ait aussi un trouble "
        "panique , mais avec deux crises en un an , je ne suis pas sûr .\n",
        language="fr",
    )
    panic = [f for f in doc["facts"] if f["kind"] == "assessment" and f["label"] == "panic disorder"]
    assert panic and all(f["attributes"]["certainty"] == "possible" for f in panic)


def test_a_no_taken_back_and_a_denied_degree():
    doc = document(
        "[doctor] do you feel sleepy during the day ? dozing off in front of the tv ?\n"
        "[patient] no ... well , i do nod off in the afternoon . every day , honestly .\n"
        "[doctor] any fever at home ?\n"
        "[patient_guest] last night it was one hundred point four .\n"
        "[doctor] it's not tender and he doesn't have a high fever .\n"
    )
    symptoms = {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "symptom"}
    assert symptoms["daytime sleepiness"] == "present" and symptoms.get("fever") != "absent"


def test_a_stop_reaches_only_its_own_object():
    doc = document(
        "[doctor] so , to summarize : stop the sprintec , start the norethindrone , stop the cigarettes , maxalt for "
        "attacks , up to two a day .\n"
    )
    s = statuses(doc)
    assert s["norethindrone"] == {"new"} and "stopped" not in s["rizatriptan"]
