"""Endorsed and denied findings in the note, on short dialogues written for them: dictated review of systems,
a "no" to two symptoms, the side of a pain, roles read reversed, examination findings typed in clinical
register (with their negations), radiation asked or told, and the complaint the clinician says back."""

from __future__ import annotations

import re

from scribe.notes.engine import document


def _section(doc: dict, key: str) -> list[str]:
    return [s["text"] for sec in doc["note"]["sections"] if sec["key"] == key for s in sec["sentences"]]


def _symptoms(doc: dict) -> dict[str, str]:
    return {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "symptom"}


def _note(doc: dict) -> str:
    return doc["note"]["markdown"]


def test_dictated_review_of_systems_carries_over_a_filler():
    doc = document(
        """[doctor] how are you doing today?
[patient] okay, my back still hurts.
[doctor] okay . i know the nurse did a review of systems with you , and i know that you're endorsing some back \
pain and a little bit of dizziness , um , and some blood in your urine . any other symptoms ?
[patient] no, that's it.
[doctor] okay. my plan is to order a ct scan.""",
        template="soap",
    )
    assert _symptoms(doc).get("blood in urine") == "present"
    assert "blood in urine" in _note(doc)


def test_allergy_words_do_not_hide_a_dictated_symptom():
    doc = document(
        """[doctor] how have you been?
[patient] pretty good overall.
[doctor] i know that you were endorsing some nasal congestion from the fall pollen and allergies .
[patient] yes, it's been bad this year.
[doctor] are you allergic to any medications?
[patient] penicillin, i get a rash with it.
[doctor] okay. my plan is to start flonase.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("nasal congestion") == "present"
    assert "rash" not in found  # a reaction to a drug is not a current symptom
    assert "fall" not in found  # "the fall pollen" is a season


def test_no_to_two_symptoms_denies_only_what_the_reply_is_about():
    doc = document(
        """[doctor] how is your breathing?
[patient] i do n't have quite as much shortness of breath , walking more is helping .
[doctor] have you been short of breath or any problems sleeping since you've been home ?
[patient] no i've been sleeping like a log .
[doctor] any fever or chills ?
[patient] no .
[doctor] my plan is to continue the lasix.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("difficulty sleeping") == "absent"
    assert found.get("shortness of breath") == "present"  # the "no" was about the sleep
    assert found.get("fever") == "absent" and found.get("chills") == "absent"  # a bare no covers both
    assert "Denies shortness of breath" not in _note(doc)
    assert "has less shortness of breath" in _note(doc)  # "doesn't have quite as much": has it, less


def test_the_side_of_a_pain_is_in_the_note():
    doc = document(
        """[doctor] what brings you in today?
[patient] i've had pain in my left knee for about two weeks .
[doctor] and any weakness in your right leg ?
[patient] yes , a little .
[doctor] my plan is to get an x-ray of the left knee.""",
        template="soap",
    )
    note = _note(doc)
    assert "left knee pain" in note
    assert "right leg weakness" in note
    assert "right knee pain" not in note


def test_reversed_roles_keep_the_patient_history():
    doc = document(
        """[patient] hi there, what brings you in today? tell me about your knee.
[doctor] i've been having a lot of pain in my right knee for the last three weeks and it hurts when i walk .
[patient] okay. do you have any questions? let's take a look. on exam your knee is swollen.
[doctor] i noticed it swelled up after i ran. i started taking advil. i feel like it's getting worse.
[patient] my assessment is a knee sprain. i'm going to order an x-ray and i want you to rest it.
[doctor] thank you doctor.""",
        template="soap",
    )
    assert doc["transcript"]["segments"][0]["role"] == "clinician"  # the roles were exchanged
    assert _symptoms(doc).get("knee pain") == "present"
    history = [f["value"] for f in doc["facts"] if f["kind"] == "hpi" and f["label"] == "statement"]
    assert any("hurts when the patient walks" in v for v in history)  # the patient's own words, third person


def test_examination_findings_are_typed_in_clinical_register():
    doc = document(
        """[doctor] what brings you in?
[patient] my right knee has been hurting for a week.
[doctor] okay , let me examine you . on physical exam , there's no rebound or guarding and your right knee does \
show a little bit of , uh , an effusion there and there's , uh , some slight pain to palpation and some decreased \
range of motion .
[patient] okay.
[doctor] you have a 2 out of six systolic ejection murmur .
[patient] okay.
[doctor] on your muscle exam there is no gait disturbance or edema .
[patient] okay.
[doctor] my assessment is right knee arthritis. my plan is to order an x-ray.""",
        template="soap",
    )
    exam = " ".join(_section(doc, "objective"))
    assert "Right knee: Effusion; tenderness to palpation; decreased range of motion." in exam
    assert "No rebound or guarding." in exam
    assert "Grade 2/6 systolic ejection murmur." in exam
    assert "No gait disturbance or edema." in exam
    assert "Edema." not in exam.replace("or edema.", "")  # the "no" covers the whole list
    assert "does show" not in exam and "there's" not in exam  # not the spoken sentence
    doc = document(
        """[doctor] what brings you in?
[patient] my knee hurts.
[doctor] let me examine you . on exam there is some edema and some erythema of his right knee , but his left \
knee looks fine .
[patient] okay.
[doctor] my plan is to order an x-ray.""",
        template="soap",
    )
    exam = " ".join(_section(doc, "objective"))
    assert "right knee" in exam.lower()  # the findings keep their site: never a bare "Edema; erythema."


def test_radiation_denied_and_told():
    doc = document(
        """[doctor] tell me about your shoulder pain.
[patient] it's been hurting for three weeks.
[doctor] does that pain radiate anywhere ?
[patient] it actually stays pretty much just right at the shoulder , it does n't go down anywhere .
[doctor] my plan is physical therapy.""",
        template="soap",
    )
    assert _symptoms(doc).get("radiating pain") == "absent"
    assert "Denies radiating pain" in _note(doc)
    doc = document(
        """[médecin] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai mal au ventre depuis hier.
[médecin] Elle est où cette douleur ?
[patient] En haut du ventre. Et puis ça va un peu sur le côté, là, vers la droite. Et puis un peu dans le dos.
[médecin] Je vais vous prescrire une échographie.""",
        language="fr",
    )
    radiation = [f["value"] for f in doc["facts"] if f["kind"] == "hpi" and f["label"] == "radiation"]
    assert radiation == ["vers la droite, dans le dos"]
    assert "Irradiation: vers la droite, dans le dos." in _note(doc)


def test_complaint_said_back_by_the_clinician_and_a_pain_described_by_its_quality():
    doc = document(
        """[doctor] hi, so i see here that you're coming in , you had some shoulder pain , left shoulder pain for \
the last three weeks .
[patient] yes. my headache started about a week ago , it's feeling like a dull pain in the back of my head .
[doctor] did you fall ?
[patient] no .
[doctor] do you fall asleep easily?
[patient] yes.
[doctor] my plan is an mri.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("shoulder pain") == "present"
    assert found.get("occipital headache") == "present"  # "feeling like a dull pain" is no simile
    assert found.get("fall") == "absent"
    assert "left shoulder pain" in _note(doc)


def test_an_exam_finished_after_a_nod_and_tenderness_asked_on_exam():
    doc = document(
        """[doctor] what brings you in?
[patient] my left shoulder hurts.
[doctor] okay , let me examine you . so on your left shoulder exam , pressure here so that there is \
tenderness of the greater
[patient] okay
[doctor] tuberosity of the humerus .
[patient] yeah
[doctor] i'm gon na do some maneuvers here does it hurt when i push you on the inside of the knee
[patient] yeah that hurts
[doctor] my assessment is rotator cuff tendinopathy . my plan is physical therapy .""",
        template="soap",
    )
    exam = " ".join(_section(doc, "objective"))
    assert "Left shoulder: Tenderness over the greater tuberosity of the humerus." in exam  # said over a nod
    assert "Tenderness to palpation of the medial knee." in exam  # asked, answered yes
    assert "does it hurt" not in exam.lower()  # the question is not a note sentence


def test_dictated_list_goes_on_past_a_nod_and_the_patient_question_about_my_symptom():
    doc = document(
        """[doctor] how are you doing?
[patient] not great.
[doctor] i know that you were endorsing the back pain-
[patient] mm-hmm .
[doctor] . and maybe a little weakness in your right leg .
[patient] yes.
[patient] do you think that my weight gain could have been the birth control ?
[doctor] maybe. you mentioned the weight loss study , and you could try chromium for weight loss .
[doctor] okay so this is n't the worst headache you've ever had ?
[patient] no it's not
[doctor] well your blood pressure's a little high today . let me examine you .
[doctor] my plan is an mri.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("leg weakness") == "present"
    assert found.get("weight gain") == "present"  # "my weight gain" in the patient's question
    assert "weight loss" not in found  # a study, a purpose: nobody's symptom
    assert found.get("worst headache of life") == "absent"
    assert "Blood pressure: elevated." in _note(doc)


def test_a_repeated_no_before_a_list_denies_the_whole_list():
    """ "No no no fever or chills": the last "no" negates the list; only a run of no's that leads into a
    statement ("no no, I think it's just stress") answers the question apart from what follows."""
    doc = document(
        """[doctor] what brings you in?
[patient] a sore on my foot.
[doctor] okay alright and have you had any fever or chills
[patient] no no no fever or chills you know i kinda you know get headaches pretty often
[doctor] on exam no swelling.
[doctor] my assessment is a foot ulcer.""",
        template="soap",
    )
    status = {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "symptom"}
    assert status.get("fever") == "absent" and status.get("chills") == "absent", status


def test_review_of_systems_lay_words_are_read():
    doc = document(
        """[doctor] how have you been feeling?
[patient] tired, mostly.
[doctor] do your stools look dark or tarry or black or anything like that?
[patient] no, nothing like that.
[doctor] any problems with your bladder or your bowels?
[patient] no, no.
[doctor] and have you had any heavy menstrual bleeding?
[patient] no, not that i've noticed.
[doctor] any issues with your ankles or feet swelling?
[patient] no.
[doctor] any numbing or tingling in your hands?
[patient] no.
[doctor] okay. my plan is to check some labs.""",
        template="soap",
    )
    found = _symptoms(doc)
    for label in ("melena", "bowel or bladder dysfunction", "menorrhagia", "ankle swelling", "numbness"):
        assert found.get(label) == "absent", (label, found)
    assert "Denies" in _note(doc) and "melena" in _note(doc)


def test_a_reply_that_names_one_asked_symptom_and_sets_the_rest_aside():
    doc = document(
        """[doctor] how are you doing?
[patient] okay, just tired.
[doctor] anything else that i might have missed , fever chills , any nasal congestion , sore throat , cough ?
[patient] uh , i've had a little bit of nasal congestion with the seasons changing . but everything else has been okay .
[doctor] okay. my plan is to start flonase.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("nasal congestion") == "present"
    assert all(found.get(s) == "absent" for s in ("fever", "chills", "sore throat", "cough")), found
    # a reply naming one of two without setting the other aside says nothing of the other
    doc = document(
        """[doctor] any fever or cough?
[patient] i've had a cough.
[doctor] okay. my plan is to order a chest x-ray.""",
        template="soap",
    )
    assert "fever" not in _symptoms(doc)


def test_the_later_statement_wins_inside_one_turn_and_the_overruled_sentence_is_not_in_the_history():
    doc = document(
        """[doctor] how have you been feeling?
[patient] before this spring i have n't gotten tired . and now , i've been getting tired .
[doctor] okay, and any weight loss?
[patient] no.
[doctor] okay. my plan is to check your blood count.""",
        template="soap",
    )
    assert _symptoms(doc).get("fatigue") == "present"
    assert "not gotten tired" not in _note(doc)
    assert "Denies fatigue" not in _note(doc)


def test_what_ends_a_negation_before_a_symptom():
    doc = document(
        """[doctor] any weakness in your legs?
[patient] no , no weakness , just , just the weird numbing .
[doctor] and how is your energy?
[patient] fine . it's not like my tiredness is depression or anything .
[doctor] so you endorse some numbness. my plan is physical therapy.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("weakness") == "absent"
    assert found.get("numbness") == "present"
    assert found.get("fatigue") != "absent"


def test_general_neck_and_lung_findings_are_typed_and_a_look_outside_the_exam_counts():
    doc = document(
        """[doctor] how are you?
[patient] my asthma has been acting up.
[doctor] let me take a look at your eyes . i do n't see any jaundice .
[patient] okay.
[doctor] let's do a quick physical exam . so , looking at you , you're in , in no apparent distress . i'm feeling your \
neck . there's no cervical lymphadenopathy . your thyroid seems not enlarged . and , listening to your lungs , you do \
have some bilateral expiratory wheezing that's very faint , and your heart is a regular rate and rhythm .
[patient] okay.
[doctor] my assessment is an asthma exacerbation. my plan is to start symbicort.""",
        template="soap",
    )
    note = _note(doc)
    for words in (
        "No apparent distress",
        "No cervical lymphadenopathy",
        "No thyromegaly",
        "Bilateral expiratory wheezing",
    ):
        assert words in note, (words, note)
    assert _symptoms(doc).get("jaundice") == "absent"


def test_a_question_about_going_somewhere_is_not_about_radiation():
    doc = document(
        """[doctor] so your knee hurts?
[patient] yes, my right knee hurts when i walk.
[doctor] do you still go down to the city for work?
[patient] no, not at all.
[doctor] my plan is to order an x-ray of the knee.""",
        template="soap",
    )
    assert "radiating pain" not in _symptoms(doc)


def test_nontender_and_each_exam_finding_with_the_part_it_was_said_of():
    doc = document(
        """[doctor] what brings you in?
[patient] my right knee has been hurting.
[doctor] let's do a physical exam . your abdomen is soft , nontender . your right knee shows some effusion and \
your left knee has no tenderness . he is non-tender over his cervical spine . sacroiliac signs are negative .
[patient] okay.
[doctor] my assessment is knee pain. my plan is to order an x-ray.""",
        template="soap",
    )
    note = _note(doc)
    for words in (
        "Abdomen: Soft; no tenderness.",
        "Right knee: Effusion.",
        "Left knee: No tenderness.",
        "No tenderness over the cervical spine.",
        "Sacroiliac signs negative.",
    ):
        assert words in note, (words, note)


def test_a_bare_no_answers_each_symptom_question_of_the_turn():
    doc = document(
        """[doctor] how are you?
[patient] my knee hurts.
[doctor] any chest pain ? any shortness of breath when you climb the stairs or walk up a hill ?
[patient] no .
[doctor] any fever ? and does it hurt more when you climb the stairs ?
[patient] no .
[doctor] okay. my plan is to order an x-ray.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("chest pain") == "absent" and found.get("shortness of breath") == "absent"
    assert "fever" not in found  # the no may answer the last question only: it is not about a symptom


def test_a_negation_right_before_a_symptom_denies_it_in_both_languages():
    doc = document(
        """[doctor] what brings you in today?
[patient] my back hurts when i sit for a long time.
[doctor] okay , and do you get any numbing or tingling down your legs ?
[patient] a little bit of numbing , but nothing tingling or hurting down my legs .
[doctor] okay. my plan is to order physical therapy.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("numbness") == "present" and found.get("tingling") == "absent"
    assert found.get("back pain") == "present"  # "my back hurts"
    assert "Endorses numbness and tingling" not in _note(doc)
    doc = document(
        """[doctor] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai mal au ventre depuis hier soir.
[doctor] Avec des frissons, ou… ?
[patient] Non, il y avait pas vraiment de frisson. Mais je sentais que j'étais pas très bien.
[doctor] D'accord, je vais vous examiner.""",
        language="fr",
    )
    assert _symptoms(doc).get("chills") == "absent"
    assert "frissons" not in _note(doc).split("Pas de")[0]  # never "Signale … frissons"


def test_a_leading_no_that_answers_the_question_does_not_deny_the_symptom_the_reply_names():
    doc = document(
        """[doctor] how are you doing?
[patient] good. my right hip hurts when i pivot.
[doctor] and it looks like you've had intentional weight loss ?
[patient] yes , i've lost 110 pounds .
[doctor] okay . but you're not hurting right now ?
[patient] no , the weight loss has really decreased all the pain .
[doctor] okay. my plan is a cortisone injection.""",
        template="soap",
    )
    assert _symptoms(doc).get("weight loss") == "present"
    assert "Denies weight loss" not in _note(doc) and "weight loss" in _note(doc)
    doc = document(
        """[doctor] Comment allez-vous ?
[patient] Bien. J'ai perdu 5 kilos depuis le mois dernier sans faire de régime.
[doctor] D'accord, je vais vous examiner.""",
        language="fr",
    )
    assert _symptoms(doc).get("weight loss") == "present"


def test_a_site_pain_asked_where_it_is_and_a_question_without_its_question_mark():
    doc = document(
        """[doctor] how are you doing today?
[patient] okay, my knee is still sore.
[doctor] all right . any other pain down here in your calves ?
[patient] no .
[doctor] Okay, and any symptoms like chest pains, shortness of breath, any swelling in your legs.
[patient] No, not that I noticed.
[doctor] Shortness on breath.
[patient] No shortness on breathe.
[doctor] okay. my plan is to get an x-ray of the knee.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("calf pain") == "absent"
    assert found.get("chest pain") == "absent" and found.get("leg swelling") == "absent"
    assert found.get("shortness of breath") == "absent"  # speech's "shortness on breath"
    assert "Denies calf pain" in _note(doc)
    doc = document(
        """[doctor] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai mal à la gorge depuis trois jours.
[doctor] D'accord. Est-ce que vous avez de la fièvre
[patient] Non, pas du tout.
[doctor] D'accord, je vais vous examiner.""",
        language="fr",
    )
    assert _symptoms(doc).get("fever") == "absent"


def test_symptoms_named_before_any_other_symptoms_are_told_not_asked():
    doc = document(
        """[doctor] how have you been?
[patient] busy at work.
[doctor] I know you were endorsing some nasal congestion from the fall pollen and any other symptoms, nausea or \
vomiting, anything like that?
[patient] No, nothing like that.
[doctor] okay so, you endorse some dizziness, you endorse some fatigue, but you haven't had any weight loss, loss \
of appetite, anything like that?
[patient] no, nothing like that.
[doctor] okay. and anything else that i might have missed, fever, chills, cough?
[patient] uh, i've had a little bit of a sore throat with the seasons changing. but everything else has been okay.
[doctor] okay. my plan is to check a cbc.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("nasal congestion") == "present"  # dictated before "any other symptoms"
    assert found.get("nausea") == "absent" and found.get("vomiting") == "absent"
    assert found.get("fatigue") == "present" and found.get("dizziness") == "present"  # before the "but"
    assert found.get("weight loss") == "absent" and found.get("loss of appetite") == "absent"
    # the reply names another symptom and sets everything else aside
    assert found.get("fever") == "absent" and found.get("chills") == "absent" and found.get("cough") == "absent"
    assert found.get("sore throat") == "present"
    assert "Denies nasal congestion" not in _note(doc) and "Denies fatigue" not in _note(doc)


def test_a_run_on_spoken_exam_is_typed_clause_by_clause():
    doc = document(
        """[doctor] how is your breathing?
[patient] i've been wheezing a bit when i run up the stairs.
[doctor] okay.
[patient] and my knees hurt a little from picking up boxes.
[doctor] Okay, alright, well, let's go ahead and we do a quick physical exam, looking at you, you're in no \
apparent distress I'm feeling your neck there's no cervical lymphadenopathy and listening to your lungs, you do \
have some bilateral expiratory wheezing that's very faint and your heart is a regular rate and rhythm your abdomen \
is soft and your lower extremities have no edema so, let's go ahead and look at some of your results, show me the \
chest x-ray.
[patient] okay.
[doctor] my assessment is an asthma exacerbation. my plan is to start a steroid inhaler.""",
        template="soap",
    )
    exam = " ".join(_section(doc, "objective"))
    assert "No apparent distress." in exam
    assert "Neck: No cervical lymphadenopathy." in exam
    assert "Bilateral expiratory wheezing." in exam
    assert "Lower extremities: No edema." in exam
    assert "let's" not in exam and "results" not in exam  # findings in note words, not the spoken run-on


def test_the_exam_goes_on_while_the_patient_moves_as_asked():
    doc = document(
        """[doctor] so you've been having some problems with your right hip ?
[patient] yeah , right in the groin area .
[doctor] okay . and are you experiencing fever or chills ?
[patient] no .
[doctor] okay . well let's go ahead and take a look at your hip . physical exam .
[patient] okay .
[doctor] exam of the low back . any pain here ?
[patient] no .
[doctor] okay . and go ahead and bend forward and then come back up . and that does n't bother you ?
[patient] no .
[doctor] okay . sacroiliac signs are negative . examination of the hips . trochanteric is non tender .
[patient] okay .
[doctor] so what i think we're dealing with is right hip degenerative joint disease . we'll schedule a \
follow up appointment in three months .""",
        template="soap",
    )
    exam = " ".join(_section(doc, "objective"))
    assert "No tenderness over the trochanteric" in exam
    plan = " ".join(_section(doc, "plan"))
    assert "Come back up" not in plan


def _hpi(doc: dict, label: str) -> list[str]:
    return [f["value"] for f in doc["facts"] if f["kind"] == "hpi" and f["label"] == label]


def test_circumstances_told_by_the_patient_are_written_in_note_words():
    doc = document(
        """[médecin] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai une douleur dans la poitrine depuis ce matin.
[médecin] Il y a quelque chose qui la calme ou qui l'aggrave ?
[patient] Quand je prends une grande respiration, j'ai plus mal. Allongé sur le côté gauche, ça me soulage un peu.
[médecin] Très bien, je vais vous examiner.""",
        language="fr",
    )
    assert "majorée à l'inspiration profonde" in _hpi(doc, "trigger")
    assert "soulagée en décubitus latéral" in _hpi(doc, "trigger")
    assert "Circonstances: majorée à l'inspiration profonde." in _note(doc)
    doc = document(
        """[doctor] what brings you in?
[patient] my lower back has been bothering me for a week.
[doctor] what makes it worse?
[patient] it's a lot worse whenever i cough, and it hurts when i try to pick up my grandson.
[doctor] okay, let me examine you.""",
        template="soap",
    )
    assert "worse with coughing" in _hpi(doc, "trigger")


def test_a_circumstance_said_with_a_negation_or_an_activity_without_pain_states_nothing():
    doc = document(
        """[médecin] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai mal au ventre depuis deux jours.
[médecin] Et quand vous respirez fort ?
[patient] Non, quand je respire ça ne fait pas plus mal.
[médecin] D'accord, je vais vous examiner.""",
        language="fr",
    )
    assert "majorée à l'inspiration profonde" not in _hpi(doc, "trigger")
    doc = document(
        """[doctor] what brings you in?
[patient] my knee has been aching since sunday.
[doctor] do you walk for exercise?
[patient] yes, every morning.
[doctor] and coughing, does that bother it?
[patient] no, coughing doesn't make it any worse.
[doctor] okay, let me examine you.""",
        template="soap",
    )
    assert _hpi(doc, "trigger") == []


def test_qualifier_questions_answered_yes_or_by_naming_a_side():
    doc = document(
        """[médecin] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai mal au ventre depuis hier soir.
[médecin] La douleur est venue d'un coup ?
[patient] Oui, comme ça.
[médecin] C'est arrivé après le repas ?
[patient] Oui, tout de suite.
[médecin] Vous avez mal plutôt à gauche ou à droite ?
[patient] Plutôt du côté gauche.
[médecin] D'accord, je vais vous examiner.""",
        language="fr",
    )
    assert _hpi(doc, "onset") == ["début brutal"]
    assert _hpi(doc, "timing") == ["post-prandiale"]
    assert _hpi(doc, "location")[0] == "latéralisée à gauche"
    note = _note(doc)
    assert "Horaire: post-prandiale." in note and "Localisation: latéralisée à gauche." in note
    # a "no" to the timing question writes no timing
    doc = document(
        """[médecin] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai mal au ventre depuis hier soir.
[médecin] C'est arrivé après le repas ?
[patient] Non, j'avais rien mangé.
[médecin] D'accord, je vais vous examiner.""",
        language="fr",
    )
    assert "post-prandiale" not in _note(doc)


def test_a_question_followed_by_another_is_answered_in_the_replys_own_words():
    doc = document(
        """[médecin] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai une douleur au ventre depuis cette nuit.
[médecin] Après le repas ? Vers quelle heure ?
[patient] Oui, je venais de manger, il était tard.
[médecin] D'accord, je vais vous examiner.""",
        language="fr",
    )
    assert _hpi(doc, "timing")[:1] == ["post-prandiale"]


def test_pain_that_keeps_the_patient_awake():
    doc = document(
        """[doctor] what brings you in?
[patient] my shoulder, it's been aching for about a month.
[doctor] how is it at night?
[patient] the last two nights it woke me up. it was so sore.
[doctor] okay, let me examine you.""",
        template="soap",
    )
    assert "pain disturbing sleep" in _hpi(doc, "timing")
    doc = document(
        """[doctor] what brings you in?
[patient] i have a cough for a week.
[doctor] how do you sleep?
[patient] the neighbor's dog woke me up twice.
[doctor] okay, let me examine you.""",
        template="soap",
    )
    assert "pain disturbing sleep" not in _hpi(doc, "timing")


def test_radiation_to_a_side_and_on_in_the_same_turn():
    doc = document(
        """[médecin] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai mal au ventre depuis ce matin.
[médecin] Ça va ailleurs ?
[patient] Elle part un peu sur la gauche. Enfin surtout vers l'omoplate.
[médecin] D'accord, je vais vous examiner.""",
        language="fr",
    )
    assert _hpi(doc, "radiation") == ["vers la gauche, vers l'omoplate"]
    assert "Irradiation: vers la gauche, vers l'omoplate." in _note(doc)


def test_lay_words_for_urinary_burning_swollen_ankles_runny_nose_and_belly_pain():
    doc = document(
        """[doctor] what brings you in?
[patient] my nose keeps running and i feel stuffy.
[doctor] does it burn when you pee?
[patient] no.
[doctor] and any puffiness, are your feet swollen?
[patient] no, not at all.
[doctor] okay, let me examine you.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("rhinorrhea") == "present"
    assert found.get("dysuria") == "absent"
    assert found.get("foot swelling") == "absent"
    assert "Denies dysuria" in _note(doc) or "dysuria" in _note(doc).lower()
    doc = document(
        """[médecin] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai très mal en bas du ventre depuis lundi, et ça me brûle en urinant.
[médecin] Et vous avez mal dans le dos ?
[patient] Non.
[médecin] D'accord, je vais vous examiner.""",
        language="fr",
    )
    found = _symptoms(doc)
    assert found.get("abdominal pain") == "present"
    assert found.get("dysuria") == "present"
    assert found.get("back pain") == "absent"
    assert "douleur dorsale" in _note(doc)


def test_an_interview_that_ends_announcing_the_examination_keeps_its_history():
    doc = document(
        """[médecin] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai mal à la poitrine depuis hier.
[médecin] Vous avez de la fièvre ?
[patient] Non.
[médecin] Vous toussez ?
[patient] Un peu, oui.
[médecin] Il y a quelque chose qui aggrave la douleur ?
[patient] Quand je tousse, j'ai plus mal.
[médecin] D'accord, on va vous examiner.""",
        language="fr",
    )
    assert "majorée à la toux" in _hpi(doc, "trigger")
    assert _symptoms(doc).get("cough") == "present"


def test_a_reply_that_turns_at_once_is_read_by_its_later_word():
    doc = document(
        """[doctor] what brings you in?
[patient] i've had a sore throat since friday.
[doctor] any fever?
[patient] yeah, no, not that i checked.
[doctor] and you mentioned your ears were hurting?
[patient] no, yeah they do, mostly the left one.
[doctor] okay, let me examine you.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("fever") == "absent"
    assert found.get("ear pain") == "present"
    doc = document(
        """[doctor] what brings you in?
[patient] a cough for a week.
[doctor] any chills?
[patient] no, yeah.
[doctor] okay, let me examine you.""",
        template="soap",
    )
    assert "chills" not in _symptoms(doc)  # a bare "no, yeah" says nothing sure


def test_pain_going_down_a_limb_is_radiating_pain():
    doc = document(
        """[doctor] what brings you in?
[patient] my neck has been stiff for two weeks.
[doctor] any pain shooting down your arms?
[patient] no.
[doctor] okay, let me examine you.""",
        template="soap",
    )
    assert _symptoms(doc).get("radiating arm pain") == "absent"
    assert "Denies radiating arm pain" in _note(doc)
    doc = document(
        """[médecin] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai mal dans le bas du dos, avec une douleur qui descend dans la jambe gauche.
[médecin] D'accord, je vais vous examiner.""",
        language="fr",
    )
    assert _symptoms(doc).get("radiating leg pain") == "present"


def test_orthopnea_stress_and_activity_in_lay_words():
    doc = document(
        """[doctor] what brings you in?
[patient] i've been so short of breath, i sleep on three pillows now or i can't breathe.
[doctor] does anything make the breathing worse?
[patient] yes, the more i do around the house the more i'm winded, it's worse with any activity.
[doctor] anything going on at home?
[patient] work has been a lot of stress lately.
[doctor] any fever?
[patient] no.
[doctor] okay, let me listen to your lungs.
[doctor] we'll get a stress test.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("orthopnea") == "present"
    assert found.get("stress") == "present"
    assert "anxiety" not in found  # a stress test is an order, not a feeling
    assert "worse with activity" in _hpi(doc, "trigger")


def test_a_yes_that_names_one_of_several_asked_symptoms_and_a_negation_carried_over_or():
    doc = document(
        """[doctor] what brings you in?
[patient] my neck has been stiff since the car accident.
[doctor] do you get any tingling or numbness in your hand, or any pain down your arm?
[patient] a bit of tingling in my fingers, but no numbness or pain down my arm.
[doctor] okay, let me examine you.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("tingling") == "present"
    assert found.get("numbness") == "absent"
    assert found.get("radiating arm pain") == "absent"
    assert "Endorses radiating arm pain" not in _note(doc)


def test_what_eases_it_and_an_activity_that_hurts_by_itself():
    doc = document(
        """[doctor] what brings you in?
[patient] my wrist, it's been sore for a month. even typing hurts.
[doctor] have you taken anything?
[patient] i took some advil and it helped a little. the ice did n't help at all.
[doctor] okay, let me examine you.
[doctor] on exam there is tenderness over the wrist.""",
        template="soap",
    )
    triggers = _hpi(doc, "trigger")
    assert "pain with typing" in triggers and "relieved by ibuprofen" in triggers
    assert "relieved by ice" not in triggers
    doc = document(
        """[médecin] Bonjour, qu'est-ce qui vous amène ?
[patient] J'ai mal au genou depuis une semaine.
[médecin] Vous avez pris quelque chose ?
[patient] Un Dafalgan hier soir, ça m'a bien soulagé.
[médecin] Et votre transit, vous avez des troubles du transit ?
[patient] Non, rien de spécial.
[médecin] D'accord, je vais vous examiner.""",
        language="fr",
    )
    assert "soulagée par le paracétamol" in _hpi(doc, "trigger")
    assert _symptoms(doc).get("change in bowel habits") == "absent"


def test_a_bare_no_to_a_sweep_does_not_deny_what_the_patient_told():
    doc = document(
        """[doctor] what brings you in?
[patient] i've had a cough for a week, and chills at night.
[doctor] okay. any fever, chills, or body aches?
[patient] no.
[doctor] any wheezing?
[patient] no.
[doctor] okay, let me listen to your lungs.""",
        template="soap",
    )
    found = _symptoms(doc)
    assert found.get("chills") == "present"
    assert found.get("fever") == "absent" and found.get("muscle aches") == "absent"
    assert found.get("wheezing") == "absent"
    sentences = re.split(r"(?<=\.)\s+|\n", _note(doc))
    assert any("Endorses" in s and "chills" in s for s in sentences)
    assert not any("Denies" in s and "chills" in s for s in sentences)


def test_does_it_hurt_when_questions_answered_yes_no_or_by_choice():
    doc = document(
        """[doctor] what brings you in?
[patient] my right shoulder has been aching for three weeks.
[doctor] does it hurt when you lift your arm?
[patient] yes, quite a bit.
[doctor] does it hurt when you take a deep breath or cough?
[patient] no.
[doctor] okay, let me examine you.""",
        template="soap",
    )
    triggers = _hpi(doc, "trigger")
    assert "pain with lifting" in triggers
    assert "worse with deep breathing" not in triggers and "worse with coughing" not in triggers


def test_a_relief_only_hoped_for_or_a_seat_on_the_side_of_the_bed_is_no_relief():
    doc = document(
        """[doctor] what brings you in?
[patient] my left hand goes numb at night and it aches.
[doctor] what did you do about it?
[patient] i sat up on the side of the couch and shook it, hoping that would help, but it did n't.
[patient] my wife says an aspirin can help with that sort of thing.
[doctor] okay, let me examine you.""",
        template="soap",
    )
    assert _hpi(doc, "trigger") == []


def test_a_reply_that_goes_back_on_its_no_endorses():
    """The later statement wins: "not really. well, actually, a little" is a yes (English and French)."""
    doc = document("[doctor] any dizziness?\n[patient] not really. well, actually, a little when i stand up.\n")
    assert _symptoms(doc).get("dizziness") == "present", _symptoms(doc)
    doc = document("[doctor] Des nausées ?\n[patient] Pas vraiment. Enfin si, un peu le soir.\n", language="fr")
    assert _symptoms(doc).get("nausea") == "present", _symptoms(doc)
    doc = document("[doctor] any dizziness?\n[patient] no. actually, no, never.\n")
    assert _symptoms(doc).get("dizziness") != "present", _symptoms(doc)


def test_a_finding_that_went_away_is_not_endorsed():
    doc = document("[doctor] and the rash?\n[patient] the rash went away after a few days.\n")
    assert _symptoms(doc).get("rash") != "present", _symptoms(doc)
    assert "Endorses rash" not in _note(doc)
