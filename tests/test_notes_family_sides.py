"""Family history read as a clinician reads it: which relative, on which side, and a "no" the patient takes back.
Short dialogues written for the purpose, through the real engine (the blind split written5 found each of these).
"""

from __future__ import annotations

from scribe.notes.engine import document


def family(doc: dict) -> dict[str, tuple[str, str | None]]:
    return {
        f["label"]: (f["status"], f["attributes"].get("relative"))
        for f in doc["facts"]
        if f["kind"] == "family_history"
    }


def test_a_parents_sibling_is_an_aunt_or_uncle_on_that_side():
    doc = document(
        "[doctor] any lung problems in the family ?\n"
        "[patient] no , nobody ... well , actually , my uncle , my mom's brother , he had lung cancer .\n"
    )
    assert family(doc)["cancer"] == ("present", "maternal uncle")
    assert "Family history of lung cancer (maternal uncle)" in doc["note"]["markdown"]
    grand = document(
        "[doctor] anybody in the family with weak bones , osteoporosis ?\n"
        "[patient] my grandmother , my dad's mother , she had osteoporosis .\n"
    )
    assert family(grand)["osteoporosis"] == ("present", "paternal grandmother")


def test_a_french_no_taken_back_names_the_aunt_on_the_mothers_side():
    doc = document(
        "[doctor] du diabète dans la famille ?\n"
        "[patient] non , personne ... ah si , ma tante , la sœur de ma mère , elle était diabétique .\n",
        language="fr",
    )
    assert family(doc)["diabetes mellitus"] == ("present", "tante maternelle")
    assert "Pas de diabète dans la famille" not in doc["note"]["markdown"]


def test_one_relatives_no_leaves_another_relatives_disease():
    doc = document(
        "[doctor] any family history of gout ?\n"
        "[patient] my dad had it . bad , in his hands . my brother has kidney stones , but no gout .\n"
    )
    assert family(doc)["gout"] == ("present", "father")
    assert "No gout in the family" not in doc["note"]["markdown"]


def test_the_patients_own_never_is_not_the_relatives():
    doc = document(
        "[doctor] okay so have you had kidney stones before and then you said your father had them but\n"
        "[patient] i've never had a kidney stone my dad had them a lot but i've never had one\n"
    )
    assert family(doc)["kidney stone"] == ("present", "father")


def test_the_relative_who_came_along_does_not_have_the_patients_disease():
    doc = document(
        "[doctor] so this is maya , she's five years old , here with her mom for her eczema .\n"
        "[patient] she's had eczema since she was a baby .\n"
    )
    assert "eczema" not in family(doc)


def test_a_french_history_elides_de():
    doc = document(
        "[doctor] des antécédents dans la famille ?\n[patient] mon père a fait un avc à soixante-dix ans .\n",
        language="fr",
    )
    assert "Antécédent familial d'AVC (père)" in doc["note"]["markdown"]


def test_what_the_relative_had_done_is_not_the_patients_surgery():
    doc = document(
        "[doctor] anybody in your family with thyroid problems ?\n"
        "[patient] no , nobody ... well , actually , my aunt , my mom's sister , she had a goiter . she had surgery "
        "for it , years ago .\n"
    )
    assert not [f for f in doc["facts"] if f["kind"] == "past_surgical"]
    assert "surgery" not in doc["note"]["markdown"]
