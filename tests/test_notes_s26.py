"""What the blind split written10 (session 26) found misread, each on a short dialogue written for the purpose,
through the real engine: a relative named alone and then "on lui a diagnostiqué"; "her mother, my grandmother" said
by a daughter; a course bounded by a past trip; a drug class in a general claim ("anti-inflammatories with a blood
thinner increase the bleeding risk"); a recap's "new, cilostazol" and "a medication called cilostazol"; "plus the gum
as needed" (the next item's); "a small bump" in a lab value; a frequency changed "from three times a day to twice a
day" and "one in the morning, one at lunch, and one at night"; "three of the fifty milligram tablets"; the replies to
"anything you've tried and stopped?", "on avait essayé autre chose avant ?", "il avait eu quelle dose ?"; "qu'on a
arrêtée"; "an eye doctor who knows thyroid eye disease", "if we keep you on twenty, you'll … become hypothyroid",
"ce qui vous expose … à un avc"; "no ... well, i bumped it on the nightstand"."""

from __future__ import annotations

from scribe.notes.engine import document
from scribe.notes.summary_frequency import how_often
from tests.test_notes_status_s22 import meds, statuses


def _kinds(doc: dict) -> set[tuple[str, str, str | None]]:
    return {(f["kind"], f["label"], f["attributes"].get("relative")) for f in doc["facts"]}


def _assessed(doc: dict) -> set[str]:
    return {f["label"] for f in doc["facts"] if f["kind"] == "assessment"}


def test_whose_disease_a_relative_named_alone_or_by_the_companion():
    doc = document(
        "[doctor] il s'est passé quelque chose en septembre ?\n"
        "[patient] ma mère . on lui a diagnostiqué un alzheimer au printemps , et depuis c'est moi qui gère tout .\n"
        "[doctor] d'accord .\n",
        language="fr",
    )
    assert ("family_history", "Alzheimer's disease", "mère") in _kinds(doc)
    assert not any(f["kind"] == "past_medical" and "Alzheimer" in f["label"] for f in doc["facts"])
    doc = document(
        "[doctor] any memory problems in the family ?\n"
        "[patient_guest] her mother , my grandmother , had alzheimer's . she was in a nursing home .\n"
    )
    assert ("family_history", "Alzheimer's disease", "mother") in _kinds(doc)


def test_drugs_taken_before_not_now():
    doc = document(
        "[patient] after the second one i had nightmares , so i stopped it and they switched me to doxycycline "
        "for the rest of the trip .\n[doctor] okay .\n"
    )
    assert statuses(doc)["doxycycline"] == {"historical"}
    doc = document("[patient] my cardiologist switched me to metoprolol last month .\n[doctor] okay .\n")
    assert statuses(doc)["metoprolol"] == {"current"}
    doc = document(
        "[doctor] okay . anything you've tried and stopped ?\n"
        "[patient] the gabapentin . the pain clinic tried it , three hundred milligrams three times a day , a couple "
        "of years ago . it made me so dizzy .\n"
    )
    assert statuses(doc)["gabapentin"] == {"historical"}
    doc = document(
        "[doctor] on avait essayé autre chose avant le méthotrexate , c'est bien ça ?\n"
        "[patient] oui , la ciclosporine , en deux mille dix-neuf . cent cinquante milligrammes matin et soir .\n"
        "[doctor] il avait eu quelle dose , vous savez ?\n"
        "[patient_guest] voilà : amoxicilline , huit cents milligrammes , matin et soir , pendant huit jours .\n"
        "[doctor] oui , l'amiodarone , en deux mille dix-neuf , qui vous avait déréglé la thyroïde et qu'on a "
        "arrêtée .\n",
        language="fr",
    )
    got = statuses(doc)
    assert got["cyclosporine"] == {"historical"} and got["amoxicillin"] == {"historical"}
    assert got["amiodarone"] == {"stopped"}


def test_a_class_in_a_general_claim_is_no_medication():
    doc = document(
        "[doctor] let's stop the ibuprofen . anti-inflammatories with a blood thinner increase the bleeding risk .\n"
        "[patient] okay .\n"
    )
    assert statuses(doc) == {"ibuprofen": {"stopped"}}
    doc = document("[patient] i take anti-inflammatories for my back , most days .\n[doctor] okay .\n")
    assert statuses(doc) == {"anti-inflammatory agents": {"current"}}


def test_a_recap_new_label_a_named_introduction_and_the_next_item():
    doc = document(
        "[patient] two weeks ago i started the patches , the fourteen milligram ones . one a day .\n"
        "[doctor] any trouble with the patch ?\n[patient] no .\n"
        "[doctor] third , for the walking , a medication called cilostazol . one hundred milligrams twice a day .\n"
        "[doctor] keep the fourteen milligram patch once a day . i'm adding nicotine gum , two milligrams .\n"
        "[doctor] so , to recap : aspirin eighty-one , same . new , cilostazol one hundred twice a day . nicotine "
        "patch fourteen a day , plus the gum as needed .\n"
    )
    got = meds(doc)
    assert statuses(doc)["cilostazol"] == {"new"}
    assert got["nicotine patch"][0] == "current" and not got["nicotine patch"][1].get("as_needed")
    doc = document(
        "[doctor] so to recap : aspirin , same . new , cilostazol one hundred milligrams twice a day .\n"
        "[patient] ok .\n"
    )
    assert statuses(doc)["cilostazol"] == {"new"}


def test_frequencies_and_doses_said_in_parts():
    doc = document(
        "[doctor] the lithium , how are you taking it ?\n"
        "[patient] three hundred milligram capsules , one in the morning , one at lunch , and one at night .\n"
        "[doctor] your creatinine went up a little , a small bump , likely from the ibuprofen .\n"
        "[doctor] here's the plan . the lithium , we go from three times a day to twice a day , three hundred "
        "milligrams .\n"
    )
    per_day = {f["status"]: f["attributes"].get("per_day") for f in doc["facts"] if f["label"] == "lithium"}
    assert per_day == {"current": 3.0, "changed": 2.0}
    # the summary says the count, not the first of the times of day it was said with
    assert how_often({"frequency": "in the morning , one at lunch , and one at night", "per_day": 3.0}, "en") == (
        "3 times a day"
    )
    assert "changed" not in statuses(doc).get("ibuprofen", set())
    doc = document(
        "[doctor] the azathioprine , how are you taking it ?\n"
        "[patient] the imuran , three of the fifty milligram tablets , all together in the evening .\n"
    )
    assert meds(doc)["azathioprine"][1]["dose"] == "150"


def test_diseases_named_but_not_had():
    doc = document(
        "[patient] my eyes are gritty .\n"
        "[doctor] i'm referring you to ophthalmology , an eye doctor who knows thyroid eye disease .\n"
        "[doctor] the dose you're on is more than you need . if we keep you on twenty , you'll overshoot and "
        "become hypothyroid .\n"
    )
    assert not {"thyroid eye disease", "knows thyroid eye disease", "hypothyroidism"} & _assessed(doc)
    doc = document(
        "[doctor] alors , je vous explique . votre inr est instable , ce qui vous expose aux deux risques , saigner "
        "quand il est trop haut , et faire un caillot , un avc , quand il est trop bas .\n[patient] d'accord .\n",
        language="fr",
    )
    assert not any("AVC" in f["label"] or "stroke" in f["label"].lower() for f in doc["facts"])


def test_a_no_the_reply_goes_back_on():
    doc = document(
        "[doctor] did you hit your head ?\n[patient] no ... well , i bumped it on the nightstand . just a little "
        "bump .\n"
    )
    head = [f for f in doc["facts"] if f["label"] == "head injury"]
    assert head and all(f["status"] == "present" for f in head)
