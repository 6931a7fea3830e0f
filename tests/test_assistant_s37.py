"""Session 37: a pressure asked lying or standing is not the sitting one, and "any siblings?" is not the father."""

from __future__ import annotations

from scribe.notes.engine import ask, document


def test_a_posture_asked_needs_a_value_said_in_that_posture():
    visit = document(
        "[doctor] let me check a few things . the blood pressure lying and standing , because of the fall . sitting , "
        "one thirty-two over seventy-six . standing , one twenty-eight over seventy-four . no real drop .\n"
        "[patient] okay .\n"
    )
    assert ask(visit, "What was her blood pressure sitting?")["answered"] is True
    assert ask(visit, "What was her blood pressure lying down?")["answered"] is False
    plain = document("[doctor] let me examine you . blood pressure one sixteen over seventy-two .\n[patient] ok .\n")
    assert ask(plain, "Quelle est sa tension en position debout ?")["answered"] is False


def test_any_siblings_is_not_answered_by_a_parents_history():
    visit = document(
        "[doctor] for the recording , this is tyler brennan , sixteen years old , here with his mother for acne .\n"
        "[patient] it's just my face . it's been bad since last fall .\n"
        "[doctor] mrs brennan , any acne in the family ?\n"
        "[patient] his father had terrible acne as a teenager , he still has the scars on his cheeks . he was on "
        "accutane back then . and me , i get hormonal acne on my chin even now .\n"
    )
    assert ask(visit, "Does he have any siblings with acne?")["answered"] is False
    assert ask(visit, "Did his father have acne?")["answered"] is True
