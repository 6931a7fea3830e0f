"""What the blind split written11 (session 27) found misread, each on a short dialogue written for the purpose,
through the real engine: a dose the clinician withdraws ("no wait, let's start lower") and a frequency taken back
after "..."; a patient's stop told at the end of their story of the drug; "leave out the X", "switch the X to Y",
"X and Y are finished"; a drug only considered or put off; a class apposed to the drug it describes; "three
twenty-five milligrams"; a taper said as "un demi-comprimé, donc cinq milligrammes … et ensuite, on arrête"; "the
doctor at the time gave me X"; "not really ... well, at the end of the day, the socks leave a mark", "non ... enfin,
quelques-unes"; the French possessive "son"."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_status_s22 import meds, statuses


def _symptom(doc: dict, label: str) -> set[str]:
    return {f["status"] for f in doc["facts"] if f["kind"] == "symptom" and f["label"] == label}


def test_a_dose_or_frequency_taken_back_gives_way_to_the_next():
    doc = document(
        "[doctor] so , the plan for prevention . propranolol , long-acting , eighty milligrams once a day . no wait , "
        "let's start lower , because your pressure is normal . propranolol twenty milligrams , twice a day , "
        "morning and evening .\n[patient] okay .\n"
    )
    _status, a = meds(doc)["propranolol"]
    assert (a["dose"], a["per_day"]) == ("20", 2.0)
    doc = document(
        "[doctor] i'm prescribing ferrous sulfate , three twenty-five milligrams . one tablet every day ... no wait , "
        "let's do every other day . it's easier on the stomach .\n[patient] okay .\n"
    )
    _status, a = meds(doc)["ferrous sulfate"]
    assert (a["dose"], a["per_day"]) == ("325", 0.5)


def test_stops_said_otherwise():
    doc = document(
        "[doctor] anything you tried before for prevention ?\n"
        "[patient] topamax , yeah , two years ago , the neurologist put me on it . my fingers were tingling all the "
        "time . i'm a teacher , i'd blank on words in front of the class . it was awful . i stopped it after two "
        "months .\n[doctor] okay .\n"
    )
    assert statuses(doc)["topiramate"] == {"stopped"}
    doc = document(
        "[patient] i take excedrin if the advil doesn't work .\n"
        "[doctor] and leave out the excedrin , the caffeine in it doesn't help .\n"
    )
    assert "stopped" in statuses(doc)["aspirin/paracetamol/caffeine"]
    doc = document(
        "[doctor] you're on hydrochlorothiazide , twenty-five milligrams , once a day ?\n[patient] yeah .\n"
        "[doctor] i'd like to switch the hydrochlorothiazide to losartan . start losartan , fifty milligrams , once a "
        "day .\n"
    )
    assert statuses(doc)["hydrochlorothiazide"] == {"stopped"}
    assert statuses(doc)["losartan"] == {"new"}
    doc = document(
        "[patient] and an antibiotic .\n"
        "[doctor] doxycycline , one hundred milligrams twice a day for seven days . you finished it ?\n"
        "[patient] yes .\n"
        "[doctor] so , let me recap . the prednisone and the doxycycline are finished , no more of those .\n"
    )
    assert statuses(doc)["doxycycline"] == {"stopped"}
    doc = document(
        "[patient] the doctor at the time gave me indomethacin , fifty milligrams three times a day . about five days "
        "in , i threw up blood .\n[doctor] okay .\n"
    )
    assert statuses(doc)["indomethacin"] == {"historical"}


def test_a_drug_only_considered_is_no_medication():
    doc = document(
        "[doctor] there's also a medication i considered , azithromycin , an antibiotic taken three times a week , "
        "two hundred fifty milligrams , to prevent flares . so i'm not starting it now .\n"
        "[doctor] so , to recap : no azithromycin for now , keep the spiriva , two puffs every morning .\n"
    )
    assert set(meds(doc)) == {"tiotropium"}


def test_a_taper_to_half_a_tablet_then_stop():
    doc = document(
        "[patient] je prends mon stilnox , depuis dix ans .\n"
        "[doctor] le zolpidem , dix milligrammes , un comprimé au coucher ?\n[patient] oui .\n"
        "[doctor] le stilnox , on va l'arrêter , mais progressivement , il ne faut pas l'arrêter d'un coup . pendant "
        "deux semaines , un demi-comprimé , donc cinq milligrammes , au coucher . et ensuite , on arrête "
        "complètement .\n",
        language="fr",
    )
    status, a = meds(doc)["zolpidem"]
    assert (status, a["dose"], a.get("then_stop")) == ("changed", "5", True)
    summary = doc["patient_summary"]["markdown"]
    assert "5 mg" in summary and "pendant 2 semaines, puis arrêt" in summary
    doc = document(  # a second step before the stop: "then stop" would skip it
        "[patient] je prends un stilnox tous les soirs .\n"
        "[doctor] le stilnox , on l'arrête , mais progressivement , pas d'un coup . à partir de ce soir , un "
        "demi-comprimé , cinq milligrammes , chaque soir pendant une semaine . la deuxième semaine , cinq "
        "milligrammes un soir sur deux . et après , on arrête complètement .\n",
        language="fr",
    )
    assert meds(doc)["zolpidem"][1].get("then_stop") == "tapered"
    assert "puis diminution progressive jusqu'à l'arrêt" in doc["patient_summary"]["markdown"]


def test_not_really_then_a_yes_with_when():
    doc = document(
        "[doctor] swelling in the ankles ?\n"
        "[patient] no . not really ... well , at the end of the day , if i've been on my feet , the socks leave a "
        "mark .\n"
        "[doctor] any chest pain ?\n[patient] no , none of that .\n"
    )
    assert _symptom(doc, "ankle swelling") == {"present"}
    assert _symptom(doc, "chest pain") == {"absent"}
    doc = document(
        "[doctor] des bouffées de chaleur ?\n"
        "[patient] non ... enfin , quelques-unes la nuit , mais c'est rare .\n"
        "[doctor] est-ce que vous avez des difficultés pour uriner ?\n"
        "[patient] non ... enfin , si , une fois , au début , il fallait pousser .\n",
        language="fr",
    )
    assert _symptom(doc, "hot flashes") == {"present"}
    assert _symptom(doc, "urinary hesitancy") == {"present"}


def test_the_french_possessive_son_is_no_son():
    doc = document(
        "[doctor] votre père était dialysé ?\n"
        "[patient] oui , pendant quatre ans , jusqu'à sa mort . c'était son diabète aussi , qui lui avait abîmé les "
        "reins .\n",
        language="fr",
    )
    assert not any(f["attributes"].get("relative") == "son" for f in doc["facts"])
    doc = document("[doctor] any family history ?\n[patient] my son has type one diabetes .\n")
    assert any(f["kind"] == "family_history" and f["attributes"].get("relative") == "son" for f in doc["facts"])


def test_a_bare_not_really_denies_what_the_take_back_does_not_name():
    doc = document(
        "[doctor] any nausea or vomiting ?\n[patient] not really . yeah . maybe a bit of nausea .\n[doctor] okay .\n"
    )
    assert _symptom(doc, "nausea") == {"present"}
    assert _symptom(doc, "vomiting") == {"absent"}
