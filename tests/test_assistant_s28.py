"""Questions the blind split written12 (session 28) found answered wrongly, each on a short dialogue written for the
purpose, through the real engine: the patient's smoking is not a relative's; a pneumococcal vaccine is not the flu
shot; the organism a culture grew is not the symptoms; a weight is not a lab target; another drug's "pill" is no
birth control; the regimen "from now on" is not the one taken before the change; the dose of the drug suggested."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_assistant_s25 import _ask


def test_the_kind_of_answer_the_question_asks_for():
    doc = document(
        "[doctor] any heart disease in the family ?\n"
        "[patient] my father had a heart attack at sixty-eight , he smoked two packs a day .\n"
        "[doctor] and have you had the flu shot this year ?\n[patient] yes , at the pharmacy , two weeks ago .\n"
        "[doctor] what brings you in ?\n[patient] the burning when i pee , since saturday .\n"
        "[doctor] during pregnancy we want a tsh under two point five .\n"
        "[doctor] and the singulair , the pill at night ?\n[patient] yes , every night .\n"
    )
    assert not _ask(doc, "Does he smoke?")["answered"]
    assert not _ask(doc, "A-t-elle reçu le vaccin contre le pneumocoque ?")["answered"]
    assert _ask(doc, "Has she had the flu shot?")["answered"]
    assert not _ask(doc, "What organism grew on the urine culture?")["answered"]
    assert not _ask(doc, "Combien pesait-elle avant la grossesse ?")["answered"]
    assert not _ask(doc, "Is she on any birth control?")["answered"]


def test_the_regimen_from_now_on_and_the_drug_suggested():
    doc = document(
        "[doctor] how are you taking the sinemet ?\n[patient] one tablet three times a day .\n[doctor] okay .\n"
    )
    assert not _ask(doc, "How many times a day will he take Sinemet now?")["answered"]
    doc = document(
        "[doctor] how are you taking the sinemet ?\n[patient] one tablet three times a day .\n"
        "[doctor] first , the sinemet . we're going from three times a day to four times a day , same tablet .\n"
    )
    assert _ask(doc, "How many times a day will he take Sinemet now?")["value"] == "four times a day"
    doc = document(
        "[doctor] the one i'd suggest is apixaban , the brand name is eliquis .\n[patient] okay .\n"
        "[doctor] the dose of apixaban depends on age , weight and kidney function , and you get the full dose .\n"
        "[doctor] so : stop the warfarin today , and start apixaban , eliquis , five milligrams twice a day .\n"
    )
    assert _ask(doc, "What dose of apixaban is he starting?")["value"] == "5 mg twice a day"
