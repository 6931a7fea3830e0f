"""Questions the blind split written15 (session 31) found answered wrongly, each on a short dialogue written for the
purpose, through the real engine: chewing food is no tobacco; one organ's enzyme does not answer another's; a lab
value is not the day of its date; "how many times" wants a count; the morning's phone call is not a scan to come."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_assistant_s25 import _ask


def test_words_that_only_look_like_the_answer():
    doc = document(
        "[doctor] any pain in the jaw when you chew ?\n[patient] no . i had a steak on sunday , no problem at all .\n"
        "[doctor] your c k , the muscle enzyme , on august fifth , was one hundred twenty , which is normal .\n"
        "[patient] good .\n"
        "[doctor] i called imaging this morning , they can do the mri tomorrow at seven thirty .\n"
    )
    assert not _ask(doc, "Does she smoke?")["answered"]
    assert not _ask(doc, "What were her liver enzymes?")["answered"]
    assert _ask(doc, "What was her muscle enzyme?")["value"] == "120"
    assert _ask(doc, "When is the MRI scheduled?")["value"] != "this morning"


def test_a_value_beside_its_date_and_a_count_asked():
    doc = document(
        "[doctor] votre dernière créatinine , le quinze janvier , était à quatre-vingt-douze micromoles par litre .\n"
        "[patient] d'accord .\n"
        "[patient] le nez est bouché , et quand je me mouche , c'est épais .\n",
        language="fr",
    )
    assert _ask(doc, "What was his last creatinine and when?")["value"].startswith("92")
    assert not _ask(doc, "Combien de fois par jour doit-il faire les lavages de nez ?")["answered"]
