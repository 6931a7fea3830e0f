"""What written17 (session 33) found the assistant answering wrongly, each on a short dialogue through the real
engine: a drug-allergy question answered by a food allergy someone guessed, a value of a month answered by another
test's number said after it, or by today's."""

from __future__ import annotations

from scribe.notes.engine import ask, document


def test_a_food_allergy_answers_no_drug_allergy_question():
    doc = document(
        "[doctor] et l'alimentation ?\n"
        "[patient] oui, ma belle-mère m'a dit que c'était sûrement une allergie au lait.\n",
        language="fr",
    )
    for question in ("A-t-elle des allergies médicamenteuses ?", "Does she have any drug allergies?"):
        assert not ask(doc, question)["answered"], question


def test_the_value_of_the_month_asked_is_the_asked_tests():
    doc = document(
        "[doctor] and your last blood test, in march, the sodium was one hundred thirty-four, kidney function "
        "normal, creatinine one point one.\n"
        "[doctor] your crp is eighteen, in january it was four.\n"
    )
    answers = {q: ask(doc, q).get("value") for q in ("What was her sodium in March?", "What was her CRP in January?")}
    assert answers == {"What was her sodium in March?": "134", "What was her CRP in January?": "4"}, answers
