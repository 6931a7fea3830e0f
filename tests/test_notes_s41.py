"""Session 41: what the physician's audit of written25 found, each on a short dialogue through the real engine:
regimens said apart from the drug's name (a first dose given in the room, the regimen after the patient's "okay",
a suggestion adopted later, a list item's dose in the next sentence), stops, switches and tapers said without a
stop verb on the name, drugs offered and turned down, a companion's own words and relatives, a known condition
hedged only as a cause, and a symptom that came and went."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_s33 import _meds
from tests.test_notes_s36 import _problems
from tests.test_notes_s37 import _lines


def _med(dialogue: str, label: str, language: str = "en") -> dict:
    """The last fact of a drug: its status and attributes."""
    facts = [f for f in document(dialogue, language=language)["facts"] if f["kind"] == "medication"]
    fact = [f for f in facts if f["label"] == label][-1]
    return {"status": fact["status"], **fact["attributes"]}


def test_a_regimen_said_apart_from_the_drugs_name_is_the_drugs():
    first_dose = (
        "[doctor] so here's the plan . for the attack , indomethacin . i'll give you the first dose now , here : one "
        "capsule , fifty milligrams .\n"
        "[patient] fine .\n"
        "[doctor] then from tomorrow , one capsule , twenty-five milligrams , three times a day , for five days .\n"
    )
    indo = _med(first_dose, "indomethacin")
    assert (indo["status"], indo.get("dose"), indo.get("per_day")) == ("new", "25", 3.0), indo
    suggested = (
        "[doctor] for prevention , i'd suggest candesartan .\n"
        "[patient] my sister takes amitriptyline for hers .\n"
        "[doctor] that one makes people sleepy . so , my suggestion stands : eight milligrams , once a day , in the "
        "evening .\n"
    )
    cand = _med(suggested, "candesartan")
    assert (cand["status"], cand.get("dose"), cand.get("per_day")) == ("new", "8", 1.0), cand
    listed = (
        "[doctor] what do you take ?\n"
        "[patient] the ramipril , five , when i remember , a couple of times a week .\n"
        "[doctor] okay . second , the ramipril . it has to be every single day . five milligrams every morning .\n"
    )
    ramipril = _med(listed, "ramipril")
    assert (ramipril["status"], ramipril.get("previous_frequency")) == ("changed", "irregularly"), ramipril
    assert any("previously taken irregularly" in line for line in _lines(listed)), _lines(listed)
    taper = (
        "[doctor] vous prenez des médicaments ?\n"
        "[patient] la ventoline , quand ça siffle .\n"
        "[doctor] je vous examine . les poumons sifflent un peu , la saturation est à quatre-vingt-seize .\n"
        "[doctor] alors , je résume . c'est une crise d'asthme . et pour cette poussée , de la cortisone en "
        "comprimés , la prednisone . trente milligrammes le matin pendant quatre jours , puis quinze milligrammes "
        "pendant trois jours , et on arrête .\n"
    )
    pred = _med(taper, "prednisone", "fr")
    assert (pred["status"], pred.get("dose"), pred.get("first_step")) == ("new", "30", "4 jours"), pred
    assert "cortisone" not in _meds(taper, "fr"), _meds(taper, "fr")


def test_stops_switches_and_tapers_said_without_a_stop_verb_on_the_name():
    stop = "[doctor] the naproxen , the aleve , i want you to stop completely . it is bad for the kidneys .\n"
    assert _meds(stop)["naproxen"][0] == "stopped", _meds(stop)
    switch = (
        "[patient] le flixotide , deux bouffées matin et soir .\n"
        "[doctor] on arrête le flixotide , et on passe au symbicort , deux inhalations matin et soir .\n"
    )
    assert _meds(switch, "fr")["budesonide/formoterol"][0] == "new", _meds(switch, "fr")
    taper = (
        "[patient] i take zopiclone , seven point five milligrams , every night , for years .\n"
        "[doctor] okay . third , the zopiclone . it makes falls more likely . so we'll taper it . for two weeks , "
        "three point seven five milligrams every night . then stop .\n"
    )
    zop = _med(taper, "zopiclone")
    assert zop["status"] == "changed" and zop.get("dose") == "3.75", zop
    later = (
        "[patient] i take pantoprazole forty milligrams once a day .\n"
        "[doctor] we do the breath test about four weeks after you stop the pantoprazole .\n"
    )
    assert _meds(later)["pantoprazole"][0] == "current", _meds(later)
    avoided = (
        "[patient] i take advil for my back most mornings .\n"
        "[doctor] the advil , please avoid it , it raises the blood pressure .\n"
    )
    assert _meds(avoided)["ibuprofen"][0] == "stopped", _meds(avoided)


def test_offers_turned_down_and_options_for_later_are_not_orders():
    vaccine = (
        "[doctor] je vous propose aussi le vaccin contre la grippe , aujourd'hui .\n"
        "[patient] non , pas cette année .\n"
        "[doctor] d'accord , je le note .\n"
    )
    assert not [line for line in _lines(vaccine, "fr") if "vaccin" in line.lower()], _lines(vaccine, "fr")
    drug = (
        "[doctor] i can prescribe bupropion , it helps many people quit .\n"
        "[patient] no , it made my brother jumpy . i don't want it .\n"
        "[doctor] okay , that's your choice .\n"
    )
    assert "bupropion" not in _meds(drug), _meds(drug)
    later = (
        "[doctor] if the pain is still there in two months , we can think about a medication called pregabalin , "
        "but we won't start it today .\n"
    )
    assert "pregabalin" not in _meds(later), _meds(later)
    statin = "[doctor] we'll recheck the cholesterol in a year and decide then . no statin for now .\n"
    assert not _meds(statin), _meds(statin)
    expected = "[patient] my wife thought you would give me some amoxicillin .\n[doctor] no , it's a virus .\n"
    assert "amoxicillin" not in _meds(expected), _meds(expected)


def test_a_companions_own_words_and_relatives_stay_theirs():
    daughter = (
        "[doctor] so for the recording , this is walter brown , seventy-eight , with heart failure .\n"
        "[patient_guest] it runs in the family , my grandfather had a stroke .\n"
        "[patient_guest] he was at my house last week and he took one of my metoprolol by mistake .\n"
    )
    facts = document(daughter)["facts"]
    assert not [f for f in facts if f["kind"] == "family_history" and f["attributes"].get("relative")], facts
    assert not [line for line in _lines(daughter) if "metoprolol" in line.lower()], _lines(daughter)
    assert _problems(daughter).get("congestive heart failure", ("", ""))[1] == "present", _problems(daughter)
    wife = "[patient_guest] he snores , and what scares me is he stops breathing at night .\n"
    assert any("the companion is he stops breathing" in line for line in _lines(wife)), _lines(wife)
    mother = (
        "[patient_guest] docteur , il ne pourrait pas essayer mon seretide ?\n"
        "[doctor] non , madame , c'est votre traitement à vous , pour la bpco .\n"
    )
    assert "copd" not in _problems(mother, "fr"), _problems(mother, "fr")
    asks = "[patient_guest] could he take my trazodone ?\n[doctor] no , nobody else's pills .\n"
    assert "trazodone" not in _meds(asks), _meds(asks)
    child = (
        "[doctor] so this is noah , five years old , here with his father for wheeze .\n"
        "[patient_guest] i had asthma as a kid , i grew out of it .\n"
        "[doctor] with his eczema and your asthma as a child , he might develop asthma , but not yet .\n"
    )
    facts = document(child)["facts"]
    assert not [f for f in facts if f["kind"] in ("assessment", "past_medical") and f["status"] == "present"], facts


def test_a_known_condition_and_a_symptom_that_came_and_went():
    cause = (
        "[doctor] so , for the recording , ruth , seventy , with type two diabetes .\n"
        "[doctor] the numb toes , that could be from the diabetes , or from a low b12 .\n"
    )
    assert _problems(cause).get("diabetes mellitus", ("", ""))[1] != "uncertain", _problems(cause)
    gone = (
        "[doctor] any fever ?\n"
        "[patient] yes , at the start , thirty-nine . but the fever , that's gone since saturday .\n"
        "[doctor] did you take anything ?\n"
        "[patient] some tylenol for the fever .\n"
    )
    lines = _lines(gone)
    assert any("Endorses fever (resolved)." in line for line in lines), lines
    assert not any(line.startswith("- You told us about") and "fever" in line for line in lines), lines
    not_sure = "[doctor] i don't think this is cancer , but i want to be sure , so a gastroscopy .\n"
    assert _problems(not_sure).get("cancer", ("", ""))[1] != "absent", _problems(not_sure)
    educator = "[doctor] if the lows go on , i might send you to the diabetes educator .\n"
    assert "diabetes mellitus" not in _problems(educator), _problems(educator)
