"""Session 43: what the physician's audit of written27 found, each on a short dialogue through the real engine:
a methotrexate "stopped" by its warning signs, a dose said past a pause or asked by the patient, a frequency-only
change, starts put off or kept in reserve, drugs read from ordinary words, a relative's drug and allergy, a "no"
taken back, instructions read as questions, and tests or specialists read as diagnoses and referrals."""

from __future__ import annotations

from scribe.notes.engine import ask, document
from scribe.notes.number_words import numbers_to_digits
from tests.test_notes_s33 import _meds
from tests.test_notes_s36 import _problems
from tests.test_notes_s37 import _lines
from tests.test_notes_s41 import _med
from tests.test_notes_s42 import _symptoms


def _orders(dialogue: str, language: str = "en") -> list[str]:
    """The order of each referral planned."""
    facts = document(dialogue, language=language)["facts"]
    return [f["attributes"].get("order", "") for f in facts if f["kind"] == "plan" and f["attributes"].get("type")]


def test_changes_said_past_a_pause_asked_by_the_patient_or_of_the_frequency_only():
    pause = (
        "[doctor] and the ramipril ?\n[patient] two and a half milligrams in the morning .\n"
        "[doctor] second , the ramipril . we'll step it up from two and a half to ... ten , no , sorry , five "
        "milligrams . five milligrams once a day .\n"
    )
    assert _med(pause, "ramipril")["status"] == "changed", _med(pause, "ramipril")
    assert float(_med(pause, "ramipril")["dose"]) == 5.0, _med(pause, "ramipril")
    asked = (
        "[doctor] you're on methotrexate , how much exactly ?\n[patient] fifteen milligrams , every monday .\n"
        "[doctor] we agree the plan is to increase the methotrexate .\n[patient] to how much ?\n"
        "[doctor] to twenty milligrams once a week .\n"
        "[doctor] any fever , sore throat , mouth ulcers or breathlessness , stop the methotrexate and call me .\n"
    )
    methotrexate = _med(asked, "methotrexate")
    assert methotrexate["status"] == "changed" and float(methotrexate["dose"]) == 20.0, methotrexate
    frequency = (
        "[patient] lansoprazole , thirty milligrams , i've been taking it twice a day .\n"
        "[doctor] and the lansoprazole , keep the same thirty milligrams , but once a day , in the morning , "
        "not twice .\n"
    )
    lansoprazole = _med(frequency, "lansoprazole")
    assert lansoprazole["status"] == "changed" and lansoprazole["per_day"] == 1.0, lansoprazole
    french = (
        "[doctor] et le flixotide ?\n[patient] une bouffée matin et soir , le cent vingt-cinq .\n"
        "[doctor] le flixotide , on passe du cent vingt-cinq au deux cent cinquante microgrammes , une bouffée "
        "matin et soir .\n"
    )
    assert _med(french, "fluticasone", "fr")["status"] == "changed", _med(french, "fluticasone", "fr")


def test_starts_put_off_kept_in_reserve_or_to_stop_are_no_current_drug():
    eventually = (
        "[doctor] there's another heart failure tablet , dapagliflozin , that i'd like you on eventually . "
        "but not today , it's too much at once .\n"
    )
    assert "dapagliflozin" not in _meds(eventually), _meds(eventually)
    reserve = (
        "[doctor] je vous fais aussi une ordonnance de prednisolone , le solupred , quarante milligrammes par jour "
        "pendant cinq jours . mais attention , on ne la commence pas maintenant .\n"
        "[doctor] il y a aussi le montélukast , le singulair , qu'on pourrait ajouter .\n"
    )
    assert not {"prednisolone", "montelukast"} & set(_meds(reserve, "fr")), _meds(reserve, "fr")
    ibuprofen = (
        "[patient] l'ibuprofène , de temps en temps , pour le dos .\n"
        "[doctor] bon , l'ibuprofène , c'est à arrêter . ça irrite l'estomac .\n"
    )
    assert _meds(ibuprofen, "fr")["ibuprofen"][0] == "stopped", _meds(ibuprofen, "fr")
    pack = (
        "[doctor] you're on the combined pill ?\n[patient] yes , microgynon , for years .\n"
        "[doctor] desogestrel , seventy-five micrograms , one every day . you can start it the day after you "
        "finish this pack of microgynon .\n"
    )
    meds = _meds(pack)
    assert meds["ethinylestradiol/levonorgestrel"][0] == "stopped", meds
    assert not [label for label in meds if "ipratropium" in label], meds  # "combined" is no Combivent


def test_no_drug_is_read_from_a_verb_or_a_drugs_own_class():
    verb = "[doctor] je vous propose un antidépresseur qui agit sur l'anxiété , l'escitalopram .\n"
    assert "dihydroergotamine" not in _meds(verb, "fr"), _meds(verb, "fr")
    cream = (
        "[patient_guest] the out-of-hours doctor gave us a cream for a patch on his leg , fucidin , the antibiotic "
        "cream . we did it for a week and it cleared that bit . we finished it .\n"
    )
    assert list(_meds(cream)) == ["fusidic acid"] and _meds(cream)["fusidic acid"][0] == "stopped", _meds(cream)
    gel = (
        "[doctor] pour les brûlures du soir , je vous prescris du gaviscon , c'est un gel qui fait comme un "
        "couvercle sur l'estomac .\n"
    )
    assert _med(gel, "gaviscon", "fr").get("route") != "topical", _med(gel, "gaviscon", "fr")


def test_a_relatives_drug_and_allergy_stay_theirs():
    warfarin = (
        "[patient_guest] that was my big worry , because of mum .\n[doctor] tell me about your mum .\n"
        "[patient_guest] she's got a clotting disorder . factor five something .\n[doctor] factor five leiden ?\n"
        "[patient_guest] that's it . she had a clot in her leg , so now she's on warfarin for life .\n"
    )
    assert "warfarin" not in _meds(warfarin), _meds(warfarin)
    peanut = (
        "[doctor] and the family , any allergies or asthma ?\n"
        "[patient_guest] his sister , lily , she's five , she's got a peanut allergy , a bad one .\n"
    )
    assert not [f for f in document(peanut)["facts"] if f["kind"] == "allergy"], document(peanut)["facts"]
    nobody = (
        "[doctor] family , anyone else with diabetes or thyroid problems ?\n"
        "[patient] my mum has an underactive thyroid , she's on thyroxine . no one else has diabetes .\n"
    )
    family = {f["label"]: f["status"] for f in document(nobody)["facts"] if f["kind"] == "family_history"}
    assert family.get("hypothyroidism") == "present" and family.get("diabetes mellitus") != "present", family
    grandad = "[doctor] any strokes in the family ?\n[patient] my grandad had a stroke , my dad's dad .\n"
    relatives = [f["attributes"].get("relative") for f in document(grandad)["facts"] if f["label"] == "stroke"]
    assert relatives and "father" not in relatives, relatives


def test_a_no_taken_back_a_report_asked_for_and_a_fall_long_ago():
    armchair = (
        "[doctor] do you wake up at night short of breath ?\n[patient] no , no , i sleep alright .\n"
        "[patient_guest] dad , you've been sleeping in the armchair for a week .\n"
        "[patient] ... well , yes . when i lie flat it feels like i'm drowning a bit .\n"
    )
    assert _symptoms(armchair).get("paroxysmal nocturnal dyspnea") == "present", _symptoms(armchair)
    sick = (
        "[doctor] any nausea or vomiting ?\n[patient] no , i'm just not hungry .\n"
        "[patient_guest] babe , you were sick this morning .\n"
        "[patient] ... yeah , okay , i was sick once this morning .\n"
    )
    assert _symptoms(sick).get("vomiting") == "present", _symptoms(sick)
    report = (
        "[doctor] blood in the urine ?\n[patient] no , never seen any .\n"
        "[doctor] and any blood in the urine , let me know .\n[patient] right .\n"
    )
    assert _symptoms(report).get("blood in urine") == "absent", _symptoms(report)
    fall = "[patient] i fell off my bike when i was twenty , knocked out for a minute .\n"
    assert _symptoms(fall).get("fall") != "present", _symptoms(fall)


def test_tests_read_out_or_ordered_and_specialists_named_are_no_diagnosis_nor_referral():
    bloods = "[doctor] bloods today : thyroid function , kidney function and cholesterol .\n"
    assert "hyperlipidemia" not in _problems(bloods), _problems(bloods)
    theirs = "[doctor] la pilule , vous continuez comme votre gynécologue l'a prescrite .\n"
    assert not _orders(theirs, "fr"), _orders(theirs, "fr")
    helpline = "[doctor] if they do , don't stop the taper on your own , ring the rheumatology nurse helpline .\n"
    assert not _orders(helpline), _orders(helpline)
    sent = "[doctor] je vous oriente vers une psychologue , les séances sont remboursées .\n"
    assert _orders(sent, "fr"), document(sent, language="fr")["facts"]
    assert numbers_to_digits("platelets two hundred and forty-five") == "platelets 245"
    assert numbers_to_digits("between five and forty minutes") == "between five and 40 minutes"


def test_two_measures_asked_at_once_are_each_answered():
    visit = document(
        "[doctor] your bloods from tuesday are back . potassium is four point three , which is fine . creatinine is "
        "one hundred and eighteen .\n[patient] okay .\n",
        language="en",
    )
    both = ask(visit, "What were his potassium and creatinine?", use_embeddings=False)
    assert both["answered"] and "4.3" in both["value"] and "118" in both["value"], both
    one = ask(visit, "What were his potassium and sodium?", use_embeddings=False)
    assert not one["answered"], one  # half of it is no answer
