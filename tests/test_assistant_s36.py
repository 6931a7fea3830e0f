"""Session 36: a value asked of a side or of some years back is not answered by the other side's or today's."""

from __future__ import annotations

from scribe.notes.engine import ask, document


def test_a_sided_or_dated_question_needs_its_side_or_its_date_in_the_answer():
    visit = document(
        "[doctor] for the recording , this is anna berg , thirty-four , here after a clot in the left calf .\n"
        "[doctor] the ultrasound of the left leg , done last night , shows a clot in two deep veins of the calf .\n"
        "[doctor] and you weigh sixty-eight kilos today .\n[patient] yes , about that .\n"
    )
    assert ask(visit, "What did the ultrasound of the left leg show?")["answered"] is True
    assert ask(visit, "What did the ultrasound of the right leg show?")["answered"] is False
    assert ask(visit, "Quel est le résultat de l'échographie de la jambe droite ?")["answered"] is False
    assert ask(visit, "What was her weight three years ago?")["answered"] is False
    assert ask(visit, "Quel était son poids il y a trois ans ?")["answered"] is False


def test_a_heart_rate_question_is_not_answered_by_a_small_number():
    visit = document(
        "[doctor] we start sertraline at twenty-five milligrams once a day .\n[patient] okay .\n"
        "[doctor] if you ever have thoughts of harming yourself , you call me , or you call nine-eight-eight , or you "
        "go to the emergency room .\n[patient] okay .\n"
    )
    assert ask(visit, "Quel était le rythme cardiaque lors de son passage aux urgences ?")["answered"] is False
