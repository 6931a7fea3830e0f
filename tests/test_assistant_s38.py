"""Session 38: a named measure must be said with its value, a "what" is never a yes, a time before a test is no time
since, and a French decimal ("un virgule huit") is a value."""

from __future__ import annotations

from scribe.notes.engine import ask, document


def test_a_measure_asked_before_a_drug_is_not_the_drugs_frequency():
    visit = document(
        "[doctor] et la ventoline , vous la prenez combien de fois ?\n[patient] cinq fois par semaine , à peu près .\n",
        language="fr",
    )
    assert ask(visit, "Quel était son débit de pointe au cabinet avant la ventoline ?")["answered"] is False
    assert ask(visit, "What fasting glucose target should she titrate to?")["answered"] is False


def test_a_french_decimal_answers_the_value_asked():
    visit = document(
        "[doctor] j'avais aussi vérifié la thyroïde . la tsh est à un virgule huit , parfaitement normale .\n"
        "[patient] d'accord .\n",
        language="fr",
    )
    found = ask(visit, "What was his TSH?")
    assert found["answered"] is True and found["value"] == "1.8", found
