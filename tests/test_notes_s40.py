"""Session 40: what the physician's audit of written24 found, each on a short dialogue through the real engine: a
companion's own drug or disease (a companion who introduces themself, the clinician's "your …" in reply to what a
companion said of themself, "that's mine", a mother's diabetes told with "elle a"), drugs offered and refused, a
start that waits for a flare to settle, changes said without a verb ("de cinq à dix", "down to seventy-five",
"same dose, but only once a day", "every day, not just when you need it"), a change made before the visit,
certainty read per clause, and an order that answers the patient's "and if …?"."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_s33 import _meds
from tests.test_notes_s36 import _problems
from tests.test_notes_s37 import _lines


def test_a_companions_own_drugs_and_diseases_stay_theirs():
    daughter = (
        "[doctor] so , for the recording , this is agnes miller , seventy-nine , with atrial fibrillation .\n"
        "[patient_guest] can i say , i'm on warfarin myself , for the clot in my lung last spring .\n"
        "[doctor] okay , that's yours , for your pulmonary embolism . keep the bottles apart at home .\n"
        "[doctor] agnes , the metoprolol , twenty-five milligrams twice a day ?\n"
        "[patient] yes .\n"
    )
    assert "warfarin" not in _meds(daughter), _meds(daughter)
    assert "pulmonary embolism" not in _problems(daughter), _problems(daughter)
    wife = (
        "[doctor] and you are ?\n"
        "[patient_guest] i'm rosa , his wife .\n"
        "[doctor] welcome . so this is mario conti , sixty , with gout .\n"
        "[patient_guest] i gave him two of my naproxen . i take it for my back , five hundred twice a day .\n"
        "[doctor] okay . rosa , please keep your naproxen for you .\n"
    )
    assert _meds(wife).get("naproxen", ("",))[0] != "current", _meds(wife)
    disowned = (
        "[doctor] so , two weeks , and we recheck the lungs .\n"
        "[patient_guest] should he keep the zyrtec ... no , sorry , that's mine .\n"
        "[doctor] right , that's yours .\n"
    )
    assert "cetirizine" not in _meds(disowned), _meds(disowned)
    mother = (
        "[patient] ma mère a eu du diabète pendant sa grossesse , pour moi , et maintenant elle a un diabète de type "
        "deux , sous metformine .\n"
        "[doctor] d'accord , on fera la glycémie .\n"
    )
    sibling = (
        "[patient_guest] pas d'allergie . il avait eu de l'amoxicilline sans problème .\n"
        "[doctor] pas d'allergie , c'est important . parce qu'hugo , lui ...\n"
        "[patient_guest] alors hugo , c'est autre chose ! lui il a fait des plaques partout avec l'augmentin , on nous "
        "a dit allergique . et puis hugo il a son asthme , il a le flixotide matin et soir .\n"
    )
    facts = document(sibling, language="fr")["facts"]
    assert not [f for f in facts if f["kind"] == "allergy" and f["status"] == "present"], facts
    assert not [f for f in facts if f["kind"] == "medication" or f["label"] == "asthma"], facts
    assert "metformin" not in _meds(mother, "fr"), _meds(mother, "fr")
    assert _problems(mother, "fr").get("type 2 diabetes", ("family_history",))[0] == "family_history"


def test_offers_refused_and_starts_put_off_are_not_started():
    refused = (
        "[doctor] i could offer tramadol for a few days , if the nights are bad .\n"
        "[patient] no . honestly , no .\n"
        "[doctor] that's fine , we won't .\n"
        "[doctor] je peux vous prescrire de la varénicline , le champix , pour arrêter .\n"
        "[patient] non , les médicaments , non merci .\n"
    )
    meds = _meds(refused)
    assert "tramadol" not in meds and "varenicline" not in meds, meds
    later = (
        "[doctor] you need allopurinol , a daily pill to lower the uric acid . but we don't start it in a flare . "
        "i'll see you in two weeks , once this is settled , and we'll start allopurinol one hundred milligrams a day "
        "then .\n"
    )
    assert _meds(later).get("allopurinol", ("",))[0] not in ("current", "new"), _meds(later)
    since = (
        "[patient] ibuprofen burned my stomach , so i stopped it .\n"
        "[doctor] since ibuprofen gave you stomach burning , i'll give you naproxen five hundred milligrams twice a "
        "day .\n"
    )
    assert _meds(since)["ibuprofen"][0] == "stopped", _meds(since)


def test_changes_said_without_a_verb_of_change():
    french = (
        "[patient] l'amlodipine , cinq milligrammes le matin .\n"
        "[doctor] la tension est haute . je passe l'amlodipine de cinq à dix milligrammes , le matin .\n"
    )
    assert _meds(french, "fr")["amlodipine"][:2] == ("changed", "10"), _meds(french, "fr")
    recap = (
        "[doctor] during the pregnancy we increased your levothyroxine to one hundred micrograms .\n"
        "[doctor] so , plan : levothyroxine down to seventy-five , tsh in six weeks .\n"
    )
    assert _meds(recap)["levothyroxine"][:3] == ("changed", "75", "mcg"), _meds(recap)
    how_often = (
        "[patient] the cyclobenzaprine , ten milligrams , three times a day .\n"
        "[doctor] the cyclobenzaprine , keep the same ten milligram dose , but only once a day , at bedtime .\n"
    )
    assert _meds(how_often)["cyclobenzaprine"][0] == "changed", _meds(how_often)
    assert any("previously three times daily" in line for line in _lines(how_often)), _lines(how_often)
    daily = (
        "[patient] the omeprazole , but i only take that when i need it .\n"
        "[doctor] take the omeprazole every day while you're on the naproxen , twenty milligrams every morning , "
        "not just when you need it .\n"
    )
    assert _meds(daily)["omeprazole"][0] == "changed", _meds(daily)
    assert any("previously as needed" in line for line in _lines(daily)), _lines(daily)
    echo = (
        "[doctor] i'm increasing the losartan from fifty to one hundred milligrams once a day .\n"
        "[patient] so stop the water pill , and the losartan goes to one hundred .\n"
    )
    assert "stopped" not in {f for f in [_meds(echo)["losartan"][0]]}, _meds(echo)


def test_certainty_is_read_in_the_diagnosis_own_clause():
    known = (
        "[doctor] so for the recording , this is ann, eighty , with atrial fibrillation for three years .\n"
        "[doctor] your heart rate is fast , the atrial fibrillation is not well controlled .\n"
        "[doctor] and the snoring , it could be sleep apnea , and sleep apnea makes atrial fibrillation harder to "
        "control . i'll order a sleep study .\n"
    )
    problems = _problems(known)
    assert problems.get("atrial fibrillation", ("", "present"))[1] == "present", problems
    ruled_out = (
        "[doctor] so , what i think is going on . this is probably a disc pressing on a nerve , sciatica .\n"
        "[doctor] the important thing is i don't see any signs of the serious problem we worry about , which is called "
        "cauda equina syndrome , where the nerves to the bladder get squeezed . you have no bladder problems . so "
        "that's ruled out today .\n"
    )
    assert _problems(ruled_out).get("cauda equina syndrome", ("", "absent"))[1] == "absent", _problems(ruled_out)
    assert not [line for line in _lines(ruled_out) if line.strip(" -").startswith("Cauda equina")], _lines(ruled_out)
    term = (
        "[patient] and i get this burning in my chest at night .\n"
        "[doctor] okay . that could be reflux . let me examine you now .\n"
        "[doctor] so , the plan . for the reflux , don't eat in the three hours before bed .\n"
    )
    assert not [line for line in _lines(term) if line.strip(" -") == "Reflux."], _lines(term)


def test_an_order_that_answers_the_patients_if_is_conditional():
    said = (
        "[doctor] your urine is clean . the most likely explanation is an enlarged prostate . so , the plan . "
        "i'm drawing the psa today , with a creatinine .\n"
        "[patient] and if the psa is high ?\n"
        "[doctor] then i send you to urology to look further .\n"
    )
    referrals = [line for line in _lines(said) if "urolog" in line.lower()]
    assert referrals and all(" if " in line for line in referrals), referrals
