"""Family history: whose condition it is. Short dialogues written for the purpose, through the real engine.

A sentence naming two relatives gave both conditions to the first one named ("my brother had bypass
surgery, and my mom had a stroke" → "stroke (brother)"), and "diabetes runs in my family" became the
patient's own past history.
"""

from __future__ import annotations

from scribe.notes.engine import document


def family(doc: dict) -> dict[str, str]:
    return {f["label"]: f["attributes"].get("relative") for f in doc["facts"] if f["kind"] == "family_history"}


def own_history(doc: dict) -> list[str]:
    return [f["label"] for f in doc["facts"] if f["kind"] == "past_medical"]


def test_each_condition_goes_to_the_relative_named_with_it():
    doc = document(
        "[doctor] anyone in your family with heart problems ?\n"
        "[patient] my brother had bypass surgery last year , and my mom had a stroke .\n"
    )
    assert family(doc).get("stroke") == "mother"
    fr = document(
        "[doctor] des antécédents dans la famille ?\n"
        "[patient] ma mère a eu un cancer du sein , et mon père est diabétique .\n",
        language="fr",
    )
    assert family(fr).get("diabetes mellitus") == "père" and family(fr).get("cancer") == "mère"
    assert "Antécédent familial de diabète (père)" in fr["note"]["markdown"]


def test_what_runs_in_the_family_is_never_the_patients_own_history():
    doc = document(
        "[patient] diabetes runs in my family , both my parents have it .\n"
        "[doctor] and you've never been told you have diabetes ?\n[patient] no ."
    )
    assert family(doc).get("diabetes mellitus") == "parents"
    assert "diabetes mellitus" not in own_history(doc)
    assert "History of diabetes" not in doc["note"]["markdown"]


def test_a_yes_to_a_list_of_conditions_is_what_the_reply_names_and_a_screening_is_no_history():
    doc = document("[doctor] okay . and any eczema as a child , asthma , hay fever ?\n[patient] hay fever , yes .")
    assert own_history(doc) == ["allergic rhinitis"]
    both = document("[doctor] any diabetes or high blood pressure ?\n[patient] yes , both .")
    assert sorted(own_history(both)) == ["diabetes mellitus", "hypertension"]
    screened = document(
        "[doctor] and you had the ct scan for lung cancer screening last year , that was clear ?\n"
        "[patient] yeah , they said no cancer ."
    )
    assert own_history(screened) == []
