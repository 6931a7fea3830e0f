"""Session 35: a question about the patient's siblings is not answered by the patient's own condition."""

from __future__ import annotations

from scribe.notes.engine import ask, document


def test_a_question_about_siblings_is_not_answered_by_the_patients_own_asthma():
    visit = document(
        "[doctor] for the recording , this is ethan walsh , six years old , here with his mother for follow-up of "
        "asthma .\n[doctor] how has the asthma been ?\n[patient] worse at night , he coughs a lot .\n"
    )
    assert ask(visit, "How has his asthma been?")["answered"] is True
    assert ask(visit, "Do his siblings have asthma?")["answered"] is False
    assert ask(visit, "Ses frères et sœurs ont-ils de l'asthme ?")["answered"] is False
