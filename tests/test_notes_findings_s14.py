"""Findings the patient has now or denies, on short history-taking dialogues written for them (French and English):
a reply read item by item ("no fevers, some chills"), a question narrower than the symptom ("any chest pain when you
walk?" "no" does not deny the chest pain the patient came with), spoken French negation without its "ne" ("je
tousse pas"), a reply that does not know ("je ne sais pas") denying nothing, hedged yeses ("peut-être un peu"), and
lay words for common complaints. A wrong polarity is worse than a finding left out, so several tests only check
that no wrong "Denies"/"Pas de" is written."""

from __future__ import annotations

import pytest

from scribe.notes.engine import document
from scribe.notes.facts.asked import narrowed
from scribe.notes.lexicon import find_concepts
from scribe.notes.reply_polarity import answer_polarity


def _symptoms(doc: dict) -> dict[str, str]:
    return {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "symptom"}


def _note(doc: dict) -> str:
    return doc["note"]["markdown"]


def test_spoken_french_negation_after_the_verb_denies_the_symptom():
    doc = document(
        """[médecin] Bonjour monsieur, qu'est-ce qui vous amène ?
[patient] J'ai une douleur dans la poitrine depuis ce matin.
[médecin] Des palpitations ?
[patient] Non.
[médecin] Et la toux ?
[patient] Non, je tousse pas.""",
        language="fr",
    )
    found = _symptoms(doc)
    assert found.get("cough") == "absent"
    assert found.get("chest pain") == "present"
    assert "Signale essoufflement et toux" not in _note(doc)


def test_a_pas_inside_the_symptom_words_denies_nothing():
    doc = document(
        """[médecin] Comment ça va depuis la dernière fois ?
[patient] Pas très bien, j'arrive pas à dormir depuis deux semaines.
[médecin] Vous avez des idées noires ?
[patient] Non.""",
        language="fr",
    )
    assert _symptoms(doc).get("difficulty sleeping") == "present"


def test_pas_mal_after_the_verb_is_an_amount_not_a_denial():
    doc = document(
        """[médecin] Bonjour madame, qu'est-ce qui vous arrive ?
[patient] Je tousse pas mal depuis une semaine, surtout la nuit.
[médecin] De la fièvre ?
[patient] Non.""",
        language="fr",
    )
    assert _symptoms(doc).get("cough") != "absent"


@pytest.mark.parametrize(
    "reply,expected",
    [
        ("Je ne sais pas.", ""),
        ("Je sais pas, je l'ai pas prise.", ""),
        ("i don't know, i didn't check.", ""),
        ("i'm not sure.", ""),
        ("Euh, j'ai pas pris ma température. Mais je me sentais un peu fiévreuse.", ""),
        ("i didn't take my temperature.", ""),
        ("i haven't taken my meds this week.", "no"),
        ("no, i haven't taken anything for it.", "no"),
        ("Peut-être un peu.", "yes"),
        ("Souvent, oui.", "yes"),
        ("a lot, actually.", "yes"),
        ("Non, je crois pas.", "no"),
        ("Au début, oui.", "yes"),
        ("at night, yeah.", "yes"),
        ("pas trop, oui.", ""),
        ("Hier soir, oui, un peu.", "yes"),
    ],
)
def test_answer_polarity_of_unknowing_and_hedged_replies(reply, expected):
    assert answer_polarity(reply) == expected


def test_a_reply_that_does_not_know_denies_nothing():
    for lang, text in (
        (
            "fr",
            """[médecin] Qu'est-ce qui vous amène ?
[patient] J'ai mal au ventre depuis hier.
[médecin] Et de la fièvre ?
[patient] Je ne sais pas.""",
        ),
        (
            "en",
            """[doctor] what brings you in?
[patient] my stomach hurts since yesterday.
[doctor] any fever?
[patient] i don't know, i didn't check.""",
        ),
    ):
        doc = document(text, language=lang)
        assert "fever" not in _symptoms(doc), lang
        assert "Denies fever" not in _note(doc) and "Pas de fièvre" not in _note(doc)


def test_a_hedged_french_yes_endorses_the_symptom():
    doc = document(
        """[médecin] Bonjour, racontez-moi.
[patient] J'ai une douleur dans la poitrine depuis ce matin.
[médecin] Des nausées ?
[patient] Peut-être un peu.""",
        language="fr",
    )
    assert _symptoms(doc).get("nausea") == "present"


def test_a_no_to_chest_pain_in_one_circumstance_does_not_deny_the_complaint():
    doc = document(
        """[doctor] what brings you in?
[patient] i've been having chest pain for two days.
[doctor] any chest pain when you walk?
[patient] no, it's mostly when i'm resting.
[doctor] any shortness of breath?
[patient] no.""",
        language="en",
    )
    assert _symptoms(doc).get("chest pain") == "present"
    assert "Denies chest pain" not in _note(doc)
    assert _symptoms(doc).get("shortness of breath") == "absent"


def test_a_no_about_a_property_of_the_symptom_says_nothing_of_it():
    doc = document(
        """[doctor] tell me about the chest pain.
[patient] it started this morning, kind of a pressure.
[doctor] does the chest pain get worse when you take a deep breath?
[patient] no.
[doctor] have you had any chest pain like this before?
[patient] no, never.
[doctor] any leg swelling?
[patient] no.""",
        language="en",
    )
    assert _symptoms(doc).get("chest pain") != "absent"
    assert "chest pain" not in " ".join(line for line in _note(doc).splitlines() if "Denies" in line)
    assert _symptoms(doc).get("leg swelling") == "absent"


def test_a_french_question_opened_by_a_circumstance_does_not_deny_the_complaint():
    doc = document(
        """[médecin] Qu'est-ce qui vous amène ?
[patient] Une douleur dans la poitrine.
[médecin] Quand vous marchez, vous avez mal à la poitrine ?
[patient] Non, c'est plutôt au repos.
[médecin] Ça vous essouffle ?
[patient] Non.""",
        language="fr",
    )
    assert _symptoms(doc).get("chest pain") == "present"
    assert "Pas de douleur thoracique" not in _note(doc)


@pytest.mark.parametrize(
    "question,scope",
    [
        ("any chest pain when you walk?", "circumstance"),
        ("does the chest pain get worse when you take a deep breath?", "property"),
        ("is your cough productive?", "property"),
        ("does your chest hurt?", ""),
        ("any fever or chills?", ""),
        ("do your stools look dark or tarry or black or anything like that?", ""),
        ("Des nausées, des vomissements ?", ""),
    ],
)
def test_narrowed_tells_a_property_or_a_circumstance_from_the_symptom(question, scope):
    (st, en, _c), *_ = find_concepts("symptom", question)
    assert narrowed(question, st, en) == scope


def test_a_reply_reads_each_asked_symptom_in_its_own_piece():
    doc = document(
        """[doctor] what brings you in today?
[patient] i've had this cough for about a week.
[doctor] any fever or chills?
[patient] no fevers, some chills at night.""",
        language="en",
    )
    found = _symptoms(doc)
    assert found.get("fever") == "absent"
    assert found.get("chills") == "present"
    assert "Denies fever and chills" not in _note(doc)


def test_french_no_to_vomiting_but_nausea_at_first():
    # guard: "Non, j'ai pas vomi, mais j'avais des nausées" must never become "nausées et vomissements"
    doc = document(
        """[médecin] Qu'est-ce qui vous amène ?
[patient] J'ai mal au ventre.
[médecin] Des nausées, des vomissements ?
[patient] Non, j'ai pas vomi, mais j'avais des nausées au début.""",
        language="fr",
    )
    found = _symptoms(doc)
    assert found.get("vomiting") == "absent" and found.get("nausea") == "present"
    assert "nausées et vomissements" not in _note(doc)


@pytest.mark.parametrize(
    "text,label",
    [
        ("Ça me brûle quand j'urine depuis deux jours.", "dysuria"),
        ("J'ai mal en urinant.", "dysuria"),
        ("it hurts when i pee.", "dysuria"),
        ("my lower back has been killing me since i lifted a box.", "back pain"),
        ("i've been pretty down lately.", "depressed mood"),
        ("J'ai le moral à zéro.", "depressed mood"),
        ("Ça vous brûle quand vous urinez ?", "dysuria"),
        ("Vous avez des sueurs la nuit ?", "night sweats"),
        ("Les selles sont noires ?", "melena"),
        ("Vous vous êtes évanoui ?", "syncope"),
        ("Des troubles de la vision ?", "vision changes"),
        ("Les chevilles enflées ?", "ankle swelling"),
        ("Vous avez mal aux articulations ?", "joint pain"),
        ("Des remontées acides ?", "heartburn"),
        ("Vous crachez ?", "sputum production"),
        ("Vous urinez souvent ?", "urinary frequency"),
        ("Vous saignez du nez ?", "epistaxis"),
        ("Vous perdez vos urines ?", "urinary incontinence"),
        ("Vous avez du mal à uriner ?", "urinary hesitancy"),
        ("Vous avez perdu l'appétit ?", "loss of appetite"),
        ("i've lost my appetite.", "loss of appetite"),
    ],
)
def test_lay_words_for_common_complaints(text, label):
    assert label in {c.label for *_, c in find_concepts("symptom", text)}


def test_down_as_a_direction_is_no_mood():
    assert "depressed mood" not in {c.label for *_, c in find_concepts("symptom", "i went really down the hill")}


def test_a_take_back_after_no_endorses_only_what_it_names():
    doc = document(
        """[doctor] what brings you in?
[patient] i've had a fever since yesterday.
[doctor] any chills? sweats?
[patient] no. well, actually some chills last night.""",
        language="en",
    )
    found = _symptoms(doc)
    assert found.get("chills") == "present"
    assert found.get("sweating") != "present"


def test_blood_coughed_up_is_not_plain_sputum():
    assert {c.label for *_, c in find_concepts("symptom", "Vous crachez du sang ?")} == {"hemoptysis"}


@pytest.mark.parametrize(
    "lang,said,chills",
    [
        ("en", "i've had a cough for a week. no fever, some chills at night.", "present"),
        ("fr", "Je tousse depuis une semaine. Pas de fièvre, des frissons la nuit.", "present"),
        ("fr", "Je tousse depuis une semaine. Pas de fièvre, de frissons.", "absent"),
    ],
)
def test_a_negation_stops_at_a_new_item_said_to_be_had(lang, said, chills):
    opener = "[doctor] what brings you in?" if lang == "en" else "[médecin] Qu'est-ce qui vous amène ?"
    doc = document(f"{opener}\n[patient] {said}", language=lang)
    found = _symptoms(doc)
    assert found.get("fever") == "absent" and found.get("chills") == chills


def test_a_denied_word_said_otherwise_is_no_denial():
    doc = document(
        """[doctor] what brings you in?
[patient] i have this feeling in my chest. it's not really a chest pain, more like a pressure.
[doctor] okay. any shortness of breath?
[patient] no.""",
        language="en",
    )
    assert _symptoms(doc).get("chest pain") != "absent"


@pytest.mark.parametrize(
    "lang,text",
    [
        (
            "en",
            """[doctor] so you're here for chest pain.
[patient] yes.
[doctor] any chest pain at the moment?
[patient] no, it comes and goes.""",
        ),
        (
            "fr",
            """[médecin] Vous venez pour une douleur thoracique ?
[patient] Oui.
[médecin] Vous avez mal à la poitrine en ce moment ?
[patient] Non, là ça va.""",
        ),
    ],
)
def test_no_complaint_right_now_does_not_deny_the_complaint(lang, text):
    assert _symptoms(document(text, language=lang)).get("chest pain") == "present"


def test_one_reply_to_a_run_of_short_questions_item_by_item():
    doc = document(
        """[médecin] Qu'est-ce qui vous amène ?
[patient] J'ai de la fièvre depuis hier.
[médecin] Des nausées ? Des vomissements ? De la diarrhée ?
[patient] Des nausées oui, le reste non.""",
        language="fr",
    )
    found = _symptoms(doc)
    assert found.get("nausea") == "present"
    assert found.get("vomiting") == "absent" and found.get("diarrhea") == "absent"


def test_a_no_that_names_one_item_of_a_sweep_leaves_the_other_to_what_follows_it():
    """ "any fever or back pain?" "no fever, but my lower back aches a little": "Denies back pain" was written."""
    doc = document(
        "[doctor] what brings you in ?\n[patient] burning when i pee for three days .\n"
        "[doctor] any fever or back pain ?\n[patient] no fever , but my lower back aches a little on the right .\n"
    )
    md = doc["note"]["markdown"]
    assert "Denies fever" in md and "back pain" not in md.split("Denies", 1)[1].split("\n")[0], md
