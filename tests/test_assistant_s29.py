"""Questions the blind split written13 (session 29) found answered wrongly or without their value, each on a short
dialogue written for the purpose, through the real engine: a value and its date asked at once; a count asked of a
month; a past pregnancy is not a wish for one; the most per day; a relative's age said in the next sentence; why a
drug was stopped; a chest x-ray to come is no result."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_assistant_s25 import _ask


def test_a_value_and_its_date_and_a_count_of_a_month():
    doc = document(
        "[doctor] in november it was seven point nine . and your last a1c , from march twelfth , was eight point "
        "four .\n[patient] okay .\n[doctor] did you do the headache diary ?\n[patient] yes . so in august , i had "
        "eight headache days .\n[doctor] okay .\n"
    )
    a = _ask(doc, "What was her last A1c and when was it done?")
    assert a["answered"] and a["value"] == "8.4 (march twelfth)"
    assert _ask(doc, "When was her last A1c?")["value"] == "march twelfth"
    assert _ask(doc, "How many headache days did she have in August?")["value"].startswith("eight")
    assert not _ask(doc, "How many headache days did she have in July?")["answered"]


def test_what_the_question_asks_of_the_past_and_of_the_most():
    doc = document(
        "[patient] stop it ... and then what for contraception ? i really can't get pregnant right now .\n"
        "[doctor] sumatriptan , fifty milligrams , at most two a day .\n[patient] okay .\n"
        "[doctor] and remind me about your father ?\n[patient] my dad died of a heart attack . he was fifty-five .\n"
        "[doctor] une radio du thorax de contrôle dans six à huit semaines , on va la faire .\n"
    )
    assert not _ask(doc, "A-t-elle déjà été enceinte ?")["answered"]
    assert _ask(doc, "What is the maximum number of sumatriptan tablets per day?")["value"] == "2 per day"
    assert _ask(doc, "À quel âge son père est-il mort d'un infarctus ?")["value"] == "55"
    assert not _ask(doc, "What did the chest x-ray show?")["answered"]


def test_why_a_drug_was_stopped():
    doc = document(
        "[doctor] any medicines for the gout before ?\n[patient] the urgent care gave me indomethacin . twenty-five "
        "milligrams , three times a day . and after three days my stomach was on fire . i stopped it .\n"
        "[doctor] okay .\n"
    )
    a = _ask(doc, "Why did he stop the indomethacin?")
    assert a["answered"] and "stomach" in a["value"]
    assert not _ask(doc, "Why did he stop the metformin?")["answered"]


def test_a_relative_on_dialysis():
    doc = document(
        "[doctor] family history , remind me . your brother ?\n[patient] my brother roberto , he's on dialysis , "
        "three times a week . my mother had diabetes too .\n[doctor] okay .\n"
    )
    assert _ask(doc, "Quel membre de sa famille est dialysé ?")["value"] == "brother: end-stage renal disease"
