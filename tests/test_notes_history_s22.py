"""History as the blind split written6 (session 22) found it misread, each on a short dialogue written for the purpose,
through the real engine: one relative's "no" is not the family's, what a relative does have after a denial, the
relative said with the disease asked about, the companion who is not the reason for the visit, an age spelled in
words before the patient's history, and a drug the clinician would try only on a condition."""

from __future__ import annotations

from scribe.notes.engine import document


def family(doc: dict) -> dict[str, tuple[str, str | None]]:
    return {
        (f["label"], f["attributes"].get("relative")): f["status"]
        for f in doc["facts"]
        if f["kind"] == "family_history"
    }


def section(doc: dict, title: str) -> str:
    return " ".join(s["text"] for sec in doc["note"]["sections"] if sec["title"] == title for s in sec["sentences"])


def test_one_relatives_no_is_not_the_familys():
    doc = document(
        "[doctor] anyone in the family with diabetes , or autoimmune stuff ?\n"
        "[patient] my mom's brother , my uncle ray , he has type one too . my dad doesn't have diabetes , he just has "
        "high blood pressure .\n"
    )
    f = family(doc)
    assert f[("diabetes mellitus", "father")] == "absent"
    assert f[("hypertension", "father")] == "present"  # what he does have, after the denial
    note = doc["note"]["markdown"]
    assert "No diabetes mellitus (father)" in note and "No diabetes mellitus in the family" not in note


def test_the_relative_said_with_the_disease_asked():
    doc = document(
        "[doctor] okay . and what about family , anybody with migraines ?\n"
        "[patient] my mom's sister , my aunt ruth , she has terrible migraines . my mom , no , she never gets "
        "headaches . and my dad has high blood pressure .\n"
    )
    f = family(doc)
    assert f[("migraine", "maternal aunt")] == "present"
    assert ("migraine", "father") not in f
    gout = document(
        "[doctor] any family history of gout ?\n"
        "[patient] my dad had it . my brother has kidney stones , but no gout .\n"
    )
    assert family(gout)[("gout", "father")] == "present"


def test_the_companion_is_not_the_reason_for_the_visit():
    doc = document(
        "[doctor] so , for the recording , this is margaret , an eighty-four-year-old woman with osteoporosis , "
        "here with her daughter susan , after a fall last week . tell me what happened .\n"
        "[patient] i tripped on the rug .\n"
    )
    subjective = section(doc, "Subjective")
    assert "Chief complaint: A fall last week." in subjective and "daughter" not in subjective
    assert "is an 84-year-old female" in subjective


def test_a_spelled_age_introduces_the_history():
    doc = document(
        "[doctor] this is margaret , a seventy-four-year-old female with atrial fibrillation and high blood pressure , "
        "here with her son for bruising .\n[patient] look at my arms .\n"
    )
    assert "Hypertension" in section(doc, "Assessment")
    assert "Chief complaint: Bruising." in section(doc, "Subjective") and "son" not in section(doc, "Subjective")


def test_a_drug_tried_only_on_a_condition_is_not_prescribed():
    doc = document(
        "[doctor] if the sleep is still bad after a few weeks , we could try melatonin . for now , no naps .\n"
        "[patient] okay .\n"
    )
    assert not [f for f in doc["facts"] if f["kind"] == "medication"]
    assert "Start Melatonin" not in doc["note"]["markdown"]


def test_a_no_taken_back_denies_nothing():
    doc = document(
        "[doctor] any fever ?\n"
        "[patient] no ... well , actually , two nights ago i had the chills and i felt hot .\n"
        "[doctor] any cough ?\n[patient] no , actually never .\n"
    )
    ros = doc["note"]["markdown"]
    assert "Denies fever" not in ros and "chills" in ros.lower()
    assert "Denies cough" in ros or "denies cough" in ros.lower()
