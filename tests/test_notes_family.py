"""Family history: whose condition it is. Short dialogues written for the purpose, through the real engine.

A sentence naming two relatives gave both conditions to the first one named ("my brother had bypass
surgery, and my mom had a stroke" → "stroke (brother)"), and "diabetes runs in my family" became the
patient's own past history.
"""

from __future__ import annotations

from scribe.notes.engine import ask, document


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


FATHERS_CANCER = (
    "[doctor] and how about family history ?\n"
    "[patient] my mom had non-hodgkin's lymphoma and my dad had prostate cancer and heart disease .\n"
    "[doctor] all right . any family history of breast cancer ?\n"
    "[patient] none .\n"
)


def test_no_breast_cancer_in_the_family_does_not_erase_the_fathers_prostate_cancer():
    """Both are the lexicon's "cancer": the later "none" overruled the father's and the note said "No cancer in the
    family"."""
    note = document(FATHERS_CANCER)["note"]["markdown"]
    assert "prostate cancer (father)" in note and "lymphoma (mother)" in note
    assert "heart disease (father)" in note
    assert "No breast cancer in the family." in note
    assert "No cancer in the family" not in note


def test_a_relatives_relative_and_a_hedge():
    """ "my mom and her sister, i think they both had melanoma": the hedge is not the patient's own history, and
    the sister is the mother's."""
    doc = document(
        "[doctor] who in your family has had skin cancer ?\n"
        "[patient] my mom and her sister , i think they both had melanoma .\n"
    )
    assert family(doc) == {"melanoma": "mother and her sister"}
    assert "melanoma" not in own_history(doc)


def test_a_no_taken_back_for_a_relative_and_the_relative_the_question_names():
    """ "No … but I have on my cousin's side" is a cousin's heart disease, not "no heart disease in the family";
    "votre père a fait un AVC ?" "oui" is the father's stroke."""
    doc = document(
        "[doctor] any family history of any heart disease ?\n"
        "[patient] uh , no , actually . not on my immediate family , but i have on my cousin's side of the family .\n"
    )
    assert family(doc) == {"heart disease": "cousin"}
    assert "No heart disease in the family" not in doc["note"]["markdown"]
    fr = document(
        "[doctor] dans la famille , votre père a fait un avc ?\n"
        "[patient] oui , à soixante-dix ans . et mon frère est en dialyse .\n",
        language="fr",
    )
    assert family(fr).get("stroke") == "père"
    assert not ask(fr, "Son frère a-t-il fait un AVC ?", use_embeddings=False)["answered"]
