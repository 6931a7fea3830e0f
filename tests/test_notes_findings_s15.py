"""Endorsed and denied findings from replies that are not a plain yes or no, from the clinician's denial put to the
patient to confirm, and from lay words for symptoms, on short dialogues written for these tests."""

from __future__ import annotations

import pytest

from scribe.notes.engine import document


def _symptoms(text: str, language: str = "en") -> dict[str, set[str]]:
    doc = document(text, language=language)
    out: dict[str, set[str]] = {}
    for f in doc["facts"]:
        if f["kind"] == "symptom":
            out.setdefault(f["label"], set()).add(f["status"])
    return out


def test_a_confirmed_denial_is_a_denial():
    """ "no fever, right?" "right.": the fever is denied, never endorsed."""
    got = _symptoms(
        """[doctor] what brings you in?
[patient] my stomach has been bothering me.
[doctor] no fever, right?
[patient] right.
[doctor] and no vomiting?
[patient] correct."""
    )
    assert got.get("fever") == {"absent"}
    assert got.get("vomiting") == {"absent"}


def test_a_confirmed_denial_with_something_else_added():
    """ "no cough?" "right, but my chest is congested.": the "but" adds a complaint, the cough stays denied."""
    got = _symptoms(
        """[doctor] what brings you in?
[patient] my throat hurts.
[doctor] no cough?
[patient] right, but my chest is congested."""
    )
    assert got.get("cough") == {"absent"}


def test_a_confirmed_denial_in_french():
    got = _symptoms(
        """[docteur] bonjour, qu'est-ce qui vous amène ?
[patient] j'ai mal au ventre.
[docteur] pas de nausées, c'est ça ?
[patient] c'est ça.""",
        "fr",
    )
    assert got.get("nausea") == {"absent"}


def test_a_bare_yes_to_a_denial_says_nothing():
    """ "you haven't had any fevers?" "yes.": which way is unclear, so no fever fact either way."""
    got = _symptoms(
        """[doctor] you haven't had any fevers?
[patient] yes.
[doctor] okay, let's look at your throat."""
    )
    assert "fever" not in got


def test_something_in_the_symptom_asked_leaves_the_symptom():
    """ "any blood in the vomit?" "no.": the vomiting the patient told stays; the "no" is about the blood."""
    got = _symptoms(
        """[doctor] what brings you in today?
[patient] i've been throwing up since yesterday and i can't keep anything down.
[doctor] any blood in the vomit?
[patient] no."""
    )
    assert got.get("vomiting") == {"present"}


def test_a_symptom_named_as_the_circumstance_of_another_is_not_denied():
    """ "any blood when you cough?" "no.": the cough told stays, the blood is denied."""
    got = _symptoms(
        """[doctor] how are you?
[patient] this cough won't quit.
[doctor] have you noticed any blood when you cough?
[patient] no."""
    )
    assert got.get("cough") == {"present"}
    assert got.get("hemoptysis") == {"absent"}


@pytest.mark.parametrize(
    ("question", "reply", "label", "status"),
    [
        ("any diarrhea?", "not that i noticed.", "diarrhea", "absent"),
        ("any wheezing?", "not that i've noticed.", "wheezing", "absent"),
        ("any swelling in your legs?", "only at night.", "leg swelling", "present"),
        ("any heartburn?", "every night after dinner.", "heartburn", "present"),
        ("any changes in your vision?", "things get blurry sometimes.", "vision changes", "present"),
        ("and the cough?", "it's still there, worse in the morning.", "cough", "present"),
    ],
)
def test_replies_without_yes_or_no(question, reply, label, status):
    got = _symptoms(f"[doctor] how are you feeling?\n[patient] so-so.\n[doctor] {question}\n[patient] {reply}")
    assert got.get(label) == {status}


@pytest.mark.parametrize(
    ("question", "reply", "label", "status"),
    [
        ("vous êtes essoufflé ?", "quand je monte les escaliers oui.", "shortness of breath", "present"),
        ("vous avez de la fièvre ?", "pas que je sache.", "fever", "absent"),
        ("des frissons ?", "le soir surtout.", "chills", "present"),
    ],
)
def test_french_replies_without_yes_or_no(question, reply, label, status):
    got = _symptoms(
        f"[docteur] comment ça va ?\n[patient] bof.\n[docteur] {question}\n[patient] {reply}",
        "fr",
    )
    assert got.get(label) == {status}


def test_a_reply_naming_another_symptom_does_not_answer_the_asked_one():
    """ "any chest pain?" "i sometimes get heartburn": the heartburn is had, the chest pain is not said."""
    got = _symptoms(
        """[doctor] any chest pain?
[patient] i sometimes get heartburn after meals."""
    )
    assert "chest pain" not in got
    assert got.get("heartburn") == {"present"}


def test_each_symptom_answered_after_its_name():
    """ "fever, chills, or night sweats?" "fever no. chills a little. night sweats no." """
    got = _symptoms(
        """[doctor] any fever, chills, or night sweats?
[patient] fever no. chills a little. night sweats no."""
    )
    assert got == {"fever": {"absent"}, "chills": {"present"}, "night sweats": {"absent"}}


@pytest.mark.parametrize("reply", ["neither.", "none of those."])
def test_neither_denies_both(reply):
    got = _symptoms(f"[doctor] any fever or chills?\n[patient] {reply}")
    assert got == {"fever": {"absent"}, "chills": {"absent"}}


def test_a_symptom_named_then_asked_about_is_given():
    """ "and your cough, is it getting better?" "not really.": the cough is still there, not denied."""
    got = _symptoms(
        "[doctor] any fever?\n[patient] no.\n[doctor] and your cough, is it getting better?\n[patient] not really."
    )
    assert got.get("fever") == {"absent"}
    assert "cough" not in got


@pytest.mark.parametrize(
    ("statement", "label"),
    [
        ("it's hard to breathe when i climb stairs.", "shortness of breath"),
        ("there's blood when i pee.", "blood in urine"),
    ],
)
def test_more_lay_words(statement, label):
    got = _symptoms(f"[doctor] what brings you in today?\n[patient] {statement}")
    assert got.get(label) == {"present"}


def test_a_no_that_rewords_the_symptom_denies_nothing():
    """ "any chest pain?" "not really, more like a pressure.": chest pressure is what the patient has."""
    got = _symptoms("[doctor] any chest pain?\n[patient] not really, more like a pressure.")
    assert got.get("chest pain") != {"absent"}


def test_the_site_said_to_be_well_denies_its_symptom():
    """ "any runny nose or sore throat?" "my nose has been running but my throat is fine." """
    got = _symptoms(
        """[doctor] any runny nose or sore throat?
[patient] my nose has been running but my throat is fine."""
    )
    assert got.get("sore throat") == {"absent"}
    assert got.get("rhinorrhea") == {"present"}


@pytest.mark.parametrize(
    ("statement", "label"),
    [
        ("i've been feeling sick to my stomach all week.", "nausea"),
        ("i've been puking since last night.", "vomiting"),
        ("my heart keeps pounding out of nowhere.", "palpitations"),
        ("sometimes the room is spinning when i get up.", "dizziness"),
        ("i get out of breath walking to the mailbox.", "shortness of breath"),
        ("i'm wheezy at night.", "wheezing"),
        ("i can't fall asleep at night.", "difficulty sleeping"),
        ("i don't feel like eating these days.", "loss of appetite"),
        ("my ankles puff up by the evening.", "ankle swelling"),
        ("my ears are ringing all the time.", "tinnitus"),
        ("my vision is blurry when i read.", "vision changes"),
    ],
)
def test_lay_words_for_symptoms(statement, label):
    got = _symptoms(f"[doctor] what brings you in today?\n[patient] {statement}")
    assert got.get(label) == {"present"}


@pytest.mark.parametrize(
    ("statement", "label"),
    [
        ("je suis crevée depuis deux semaines.", "fatigue"),
        ("ça me gratte partout.", "itching"),
        ("j'ai les jambes qui gonflent le soir.", "leg swelling"),
        ("je me sens faible.", "weakness"),
    ],
)
def test_lay_words_for_symptoms_in_french(statement, label):
    got = _symptoms(f"[docteur] qu'est-ce qui vous amène ?\n[patient] {statement}", "fr")
    assert got.get(label) == {"present"}


def test_a_weight_goal_is_not_weight_loss():
    got = _symptoms(
        """[doctor] how's the diet going?
[patient] good, i'm working on losing weight with my dietitian."""
    )
    assert "weight loss" not in got
