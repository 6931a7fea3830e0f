"""What written16 (session 32) found the assistant answering wrongly, each on a short dialogue through the real
engine: a height answered by a peak flow, a result still to come, an allergy question answered by a drug taken, a
pregnancy test answered by a wish not to be pregnant."""

from __future__ import annotations

from scribe.notes.engine import ask, document


def test_answers_of_another_kind_are_no_answers():
    doc = document(
        "[doctor] peak flow today is two hundred thirty . her best should be around two hundred eighty .\n"
        "[doctor] what else are you taking ?\n"
        "[patient] i take those zzzquil , the sleep ones . one pill , twenty-five milligrams , most nights .\n"
        "[doctor] azithromycin five hundred milligrams once a day for three days , and if the x-ray shows pneumonia , "
        "i'll add amoxicillin-clavulanate .\n"
    )
    for question in ("What is her height?", "What did the chest x-ray show?", "Is he allergic to any medication?"):
        assert not ask(doc, question)["answered"], question
    assert ask(doc, "What was her peak flow today?")["answered"]


def test_a_test_and_a_wish():
    doc = document(
        "[patient] mais je ne veux pas tomber enceinte , pas maintenant .\n"
        "[doctor] et pas de régime sans gluten , surtout avant une grossesse .\n",
        language="fr",
    )
    assert not ask(doc, "Has she had a pregnancy test?")["answered"]
    assert not ask(doc, "A-t-elle déjà eu une grossesse ou une fausse couche ?")["answered"]
