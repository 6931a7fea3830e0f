"""The plan written from typed orders, roles that read reversed, conditions said of other people, and exam
findings kept whole: short dialogues written for these tests."""

from __future__ import annotations

import re

from scribe.notes.engine import document


def _section(doc: dict, key: str) -> list[str]:
    return [s["text"] for sec in doc["note"]["sections"] if sec["key"] == key for s in sec["sentences"]]


def _plan(doc: dict) -> list[str]:
    return [f["value"] for f in doc["facts"] if f["kind"] == "plan"]


def test_orders_are_typed_items_in_register_and_negated_ones_are_not_ordered():
    doc = document(
        """[doctor] what brings you in today?
[patient] i've had chest pain when i climb stairs for two weeks.
[doctor] okay. so my assessment is that this could be angina.
[doctor] i'm gonna go ahead and order a lipid panel, and get a chest x-ray. we don't need an mri.
[doctor] i also want you to see a nutritionist and cut down on the salt.""",
        template="soap",
    )
    plan = _plan(doc)
    assert "Lipid panel ordered." in plan
    assert "X-ray of the chest ordered." in plan
    assert "Referral to a nutritionist." in plan
    assert "Low-sodium diet advised." in plan
    assert not any("MRI" in p for p in plan)
    typed = {f["attributes"].get("type") for f in doc["facts"] if f["kind"] == "plan"}
    assert {"lab", "imaging", "referral", "advice"} <= typed


def test_reversed_speaker_tags_are_exchanged_and_said():
    doc = document(
        """[patient] hi, what brings you in today? tell me about your knee.
[doctor] my knee hurts when i walk, it's been swelling for a week.
[patient] any fever? on your exam, your right knee has an effusion. your x-ray shows no fracture.
[doctor] no fever.
[patient] so my assessment is a right knee sprain. i'm gonna order an mri and i want you to take a look at
physical therapy. let's talk again in two weeks, i'd like to see you back.""",
        template="soap",
    )
    assert any("reversed" in issue for issue in doc["faithfulness"]["issues"])
    roles = {s["role"] for s in doc["transcript"]["segments"] if "knee hurts" in s["text"]}
    assert roles == {"patient"}
    assert any("sprain" in s.lower() for s in _section(doc, "assessment"))


def test_roles_as_tagged_are_kept_when_they_read_right():
    doc = document(
        """[doctor] hi, what brings you in today?
[patient] i've been having headaches for a week.
[doctor] on your exam, your neurological exam is normal. my assessment is a tension headache.""",
        template="soap",
    )
    assert not any("reversed" in issue for issue in doc["faithfulness"]["issues"])


def test_a_condition_said_of_people_in_general_is_not_the_patients():
    doc = document(
        """[doctor] how is the testosterone going?
[patient] i feel good, i want a higher dose.
[doctor] so my assessment is hypogonadism, doing well. people who took huge doses at gyms would have a
heart attack at fifty, so we keep the dose.""",
        template="soap",
    )
    labels = {f["label"] for f in doc["facts"] if f["kind"] == "assessment"}
    assert "hypogonadism" in labels
    assert "myocardial infarction" not in labels


def test_arthritis_is_not_written_as_osteoarthritis():
    doc = document(
        """[doctor] how is your knee?
[patient] it still hurts.
[doctor] so for your last problem, your arthritis of the right knee, continue the exercises.""",
        template="soap",
    )
    assessment = " ".join(_section(doc, "assessment"))
    assert "rthritis" in assessment
    assert "steoarthritis" not in doc["note"]["markdown"]


def test_exam_finding_keeps_what_was_heard():
    doc = document(
        """[doctor] what brings you in?
[patient] i get short of breath.
[doctor] let me listen. on your heart exam, i do appreciate a three out of six systolic ejection murmur,
which i've heard in the past, okay?
[doctor] my assessment is heart failure.""",
        template="soap",
    )
    exam = " ".join(_section(doc, "exam") + _section(doc, "objective"))
    assert "systolic ejection murmur" in exam
    assert "I've heard" not in exam and "?" not in exam


def _plan_lines(doc: dict) -> list[str]:
    """The plan's lines, without the heading a template puts before a group ("Medical treatment: …")."""
    keys = ("plan", "ap", "cat", "assessment_plan")
    lines = [s["text"] for sec in doc["note"]["sections"] if sec["key"] in keys for s in sec["sentences"]]
    return [re.sub(r"^(?=[A-ZÀ-Ý])\w+(?: \w+){0,3}: (?=[A-ZÀ-Ý])", "", line) for line in lines]


def test_advice_a_recall_a_return_precaution_and_kept_drugs_are_typed_plan_lines():
    doc = document(
        """[doctor] what brings you in?
[patient] the kidney stone pain is back, in my back. i take lisinopril and lasix every day.
[doctor] on exam you have tenderness on the right flank.
[doctor] so my assessment is a kidney stone. i want you to push fluids and strain your urine.
[doctor] you're due for a colonoscopy, so we'll schedule that as well. no further imaging is needed.
[doctor] let's continue you on your current medications, your lisinopril and your lasix.
[doctor] i'll be in touch with you in a day or so. if your symptoms get worse, give me a call.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    for line in ("Push fluids.", "Strain urine.", "Colonoscopy ordered.", "Return precautions given."):
        assert line in plan, plan
    assert "Clinic will be in touch in about a day." in plan, plan
    assert not any("imaging" in p.lower() for p in plan), plan
    assert any(p.startswith("Continue Furosemide (Lasix)") for p in plan), plan
    assert any(p.startswith("Continue Lisinopril") for p in plan), plan
    assert not any(re.search(r"\b(?:I|we|you|your)\b", p) for p in plan), plan  # clinical register
    summary = doc["patient_summary"]["markdown"]
    assert "911" not in summary and "emergency" not in summary.lower(), summary


def test_offered_and_conditional_orders_wait_and_a_follow_up_is_written_from_its_interval():
    doc = document(
        """[doctor] how is the shoulder?
[patient] it still hurts when i lift my arm. i take tylenol for it.
[doctor] so my assessment is a rotator cuff tendinopathy of the left shoulder.
[doctor] if the pain continues, we'll talk about it. i'm going to refer you to physical therapy.
[doctor] if your symptoms don't improve we can consider a steroid injection of your shoulder.
[doctor] we'll talk about further imaging at some point.
[doctor] i want to see you back in two weeks to get a follow-up x-ray, do you have any questions?""",
        template="soap",
    )
    plan = _plan_lines(doc)
    assert "Referral to physical therapy." in plan, plan
    assert "Steroid injection if no improvement." in plan, plan
    assert "Further imaging to be considered." in plan, plan
    assert not any(p in plan for p in ("Steroid injection ordered.", "Further imaging ordered.")), plan
    assert "Repeat X-ray in 2 weeks." in plan and "Follow-up in 2 weeks." in plan, plan
    assert not any("Acetaminophen" in p for p in plan), plan  # the pain continues; no drug was kept


def test_devices_and_site_advice_read_as_said_and_a_relatives_test_is_theirs():
    doc = document(
        """[doctor] what happened?
[patient] i jammed my finger and my knee is swollen. i have a wife and kids, should they be tested for hep c too?
[doctor] so my assessment is a finger fracture and a knee sprain.
[doctor] so we'll just do a hep c antibody test. i'm gonna put you in a finger splint and i want you to ice \
your knee. just set an alarm to remember your pills.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    assert "Finger splint." in plan, plan
    assert "Apply ice to the knee." in plan, plan
    assert "Set an alarm as a medication reminder." in plan, plan
    assert "Hepatitis C antibody test (screening for family members) ordered." in plan, plan


def test_refills_the_patient_asked_for_are_kept_drugs():
    doc = document(
        """[doctor] how are you doing on your medicines?
[patient] good. i take cialis 5 milligrams daily and finasteride. i do need more cialis and finasteride.
[doctor] on exam you look well.
[doctor] so my assessment is benign prostatic hyperplasia, stable.
[doctor] all right, will do. i'm gonna get your prescriptions.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    assert any("Tadalafil (Cialis)" in p and p.startswith("Continue") for p in plan), plan
    assert any(p.startswith("Continue Finasteride") for p in plan), plan


def test_french_plan_is_typed_prise_de_sang_conseil_consignes_and_revoir():
    doc = document(
        """[médecin] bonjour, qu'est-ce qui vous amène ?
[patient] j'ai mal à la gorge depuis trois jours et de la fièvre.
[médecin] je vais vous examiner. la gorge est rouge.
[médecin] je pense que c'est une angine virale. on va faire une prise de sang, pas d'irm. buvez beaucoup d'eau.
[médecin] si ça ne va pas mieux ou si la fièvre persiste, rappelez-moi. on se revoit dans 15 jours.""",
        language="fr",
    )
    plan = _plan_lines(doc)
    assert "Demande : bilan sanguin." in plan, plan
    assert "Conseil : hydratation abondante." in plan, plan
    assert "Consignes de reconsultation données." in plan, plan
    assert "À revoir dans 15 jours." in plan, plan
    assert not any("IRM" in p for p in plan), plan


def test_common_orders_referrals_and_care_advice_are_typed():
    doc = document(
        """[doctor] what brings you in?
[patient] my back hurts and i've been so tired, and the cut on my arm is healing.
[doctor] so my assessment is a lumbar strain and fatigue.
[doctor] i'm gonna check a b12 level and iron studies, and i'll refer you to pulmonology for the cough.
[doctor] i want you to use a heating pad, no heavy lifting, and keep the cut clean, dry.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    for line in (
        "Vitamin B12 level ordered.",
        "Iron studies ordered.",
        "Referral to pulmonology.",
        "Apply heat.",
        "Avoid heavy lifting.",
        "Keep the wound clean.",
    ):
        assert line in plan, plan


def test_a_french_follow_up_is_written_from_its_interval():
    doc = document(
        """[médecin] bonjour, qu'est-ce qui vous amène ?
[patient] j'ai mal au dos depuis une semaine.
[médecin] je pense que c'est une lombalgie commune. je vous revois dans un mois.""",
        language="fr",
    )
    assert "À revoir dans 1 mois." in _plan_lines(doc), _plan_lines(doc)


def test_orders_from_general_knowledge_lay_referrals_and_more_ways_of_ordering():
    doc = document(
        """[doctor] what brings you in?
[patient] i've been tired for a month and i have a lump in my neck.
[doctor] on exam there is a small nodule on the right side of your thyroid.
[doctor] so my assessment is anemia and a thyroid nodule.
[doctor] we need to get an anemia panel and a thyroid ultrasound.
[doctor] i'd like you to see a stomach doctor. you should get a flu shot today, and stay hydrated.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    for line in (
        "Anemia panel ordered.",
        "Thyroid ultrasound ordered.",
        "Referral to gastroenterology.",
        "Influenza vaccine ordered.",
        "Stay hydrated.",
    ):
        assert line in plan, plan


def test_an_order_closed_by_okay_is_stated_a_result_read_is_not_ordered_and_might_waits():
    doc = document(
        """[doctor] how have the cramps been?
[patient] still there at night.
[doctor] on exam your legs look normal.
[doctor] so my assessment is muscle cramps. your potassium level was low last time.
[doctor] i'm going to order a magnesium level for today, okay?
[doctor] we might need a ct of the abdomen later.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    assert "Magnesium level ordered." in plan, plan
    assert "CT scan of the abdomen to be considered." in plan, plan
    assert not any(p.startswith("Potassium level") for p in plan), plan
    assert not any("ordered" in p and "CT" in p for p in plan), plan


def test_orders_said_before_a_dictated_assessment_and_drugs_added_to_a_kept_list():
    doc = document(
        """[doctor] how is your blood pressure?
[patient] good. i take metoprolol 25 milligrams and lisinopril 10 milligrams a day.
[doctor] let's do a physical exam. your lungs are clear and your heart is regular.
[doctor] so we'll get an ekg today. i want you to continue your metoprolol. and as well your lisinopril.
[doctor] i'll see you back in 4 to 6 weeks, all right?
[doctor] assessment and plan. hypertension, well controlled.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    assert "EKG ordered." in plan, plan
    assert any(p.startswith("Continue Metoprolol") for p in plan), plan
    assert any(p.startswith("Continue Lisinopril") for p in plan), plan
    assert "Follow-up in 4 to 6 weeks." in plan, plan


def test_french_orders_lay_referral_and_next_week():
    doc = document(
        """[médecin] bonjour, qu'est-ce qui vous amène ?
[patient] j'ai des douleurs au ventre et des boutons sur les bras.
[médecin] je vais vous examiner. le ventre est souple.
[médecin] je pense que c'est une gastrite. on va faire une échographie abdominale.
[médecin] pour les boutons je vous adresse au dermato. on se revoit la semaine prochaine.""",
        language="fr",
    )
    plan = _plan_lines(doc)
    assert "Demande : échographie abdominale." in plan, plan
    assert "Orientation : dermatologie." in plan, plan
    assert "À revoir la semaine prochaine." in plan, plan


def test_a_drug_the_clinician_treats_with_is_a_plan_line_even_when_read_as_current():
    doc = document(
        """[doctor] what brings you in?
[patient] my sinuses have been stuffed up for two weeks.
[doctor] on exam your sinuses are tender.
[doctor] so my assessment is a sinus infection. we're going to treat you with penicillin or, sorry, \
doxycycline, 100 milligrams twice a day.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    assert {"Doxycycline 100 mg twice daily.", "Start Doxycycline 100 mg twice daily."} & set(plan), plan
    assert not any(p.startswith("Continue Doxycycline") for p in plan), plan


def test_instructions_said_as_imperatives_and_a_follow_up_after_a_test():
    doc = document(
        """[doctor] what brings you in?
[patient] my ankles are swollen and i get short of breath on the stairs.
[doctor] on exam you have swelling in both ankles.
[doctor] so my assessment is heart failure with some fluid.
[doctor] weigh yourself every morning and keep a symptom diary.
[doctor] we'll get an echo, and i want to see you back after the echo.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    for line in (
        "Daily weights advised.",
        "Symptom diary advised.",
        "Echocardiogram ordered.",
        "Follow-up after the echocardiogram.",
    ):
        assert line in plan, plan


def test_an_order_proposed_as_a_question_and_a_screening_the_patient_is_due_for():
    doc = document(
        """[doctor] what brings you in?
[patient] my knee hurts when i climb stairs.
[doctor] on exam the knee is swollen.
[doctor] so my assessment is knee pain. why don't we get an x-ray of that knee?
[patient] okay.
[doctor] you're also due for a colonoscopy.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    assert "X-ray of the knee ordered." in plan, plan
    assert "Colonoscopy ordered." in plan, plan


def test_a_drug_kept_by_reference_to_the_sentence_before():
    doc = document(
        """[doctor] how is the blood pressure medicine?
[patient] good. i take amlodipine 5 milligrams every day.
[doctor] on exam your heart is regular.
[doctor] so my assessment is hypertension, well controlled. the amlodipine is doing its job. i would not \
change your dose.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    assert any(p.startswith("Continue Amlodipine") for p in plan), plan


def test_a_short_list_after_an_order_is_ordered_too():
    doc = document(
        """[doctor] what brings you in?
[patient] i've been so tired.
[doctor] on exam you look pale.
[doctor] so my assessment is fatigue. i'm going to order some blood work for you today. a blood count and an \
iron panel.""",
        template="soap",
    )
    plan = _plan_lines(doc)
    assert "Complete blood count ordered." in plan and "Iron studies ordered." in plan, plan


def test_a_dose_change_to_come_names_the_drug_said_before_and_a_conditional_return():
    doc = document(
        """[doctor] what brings you in?
[patient] my sugars have been high.
[doctor] so for my assessment and plan, for your diabetes, i want to continue the metformin 500 mg twice a day.
[doctor] we'll probably increase that over time.
[doctor] and if it doesn't get better, why don't you call us and come back at that point?""",
        template="soap",
    )
    plan = _plan(doc)
    assert "Plan to increase Metformin over time." in plan or "Plan to increase metformin over time." in plan, plan
    assert "Return if no improvement." in plan, plan
    assert any("increase" in s.lower() and "metformin" in s.lower() for s in _section(doc, "plan")), doc["note"]
    # the new dose said: the drug's own line says it, no second line
    doc = document(
        """[doctor] so my assessment and plan: your blood pressure is high.
[doctor] continue the lisinopril 10 mg daily, and we'll increase it to 20 mg next month.""",
        template="soap",
    )
    assert not any(p.startswith("Plan to") for p in _plan(doc)), _plan(doc)


def test_general_orders_said_in_other_ways_and_what_is_no_order():
    doc = document(
        """[doctor] what brings you in today?
[patient] i'm here before my knee surgery.
[doctor] how is your breathing?
[patient] it's fine, i use my inhaler before i walk.
[doctor] any swelling in your legs?
[patient] no, my weight is stable.
[doctor] any chest pain?
[patient] no.
[doctor] so my assessment and plan. number one, your heart failure: continue with your current regimen.
[doctor] number two, pre-op examination. she's having a right knee replacement at the end of june.
[doctor] we will also need to complete a pre-op check within two weeks of your surgery.
[doctor] in the meantime, a low-carb diet, and be mindful of eating foods that you are sensitive to.
[doctor] i want you to use your inhaler before exercise, and see a physical therapist twice a week.
[doctor] i'll have you follow up with your primary care doctor, and we will send the results through your
patient portal.
[doctor] we can think about a steroid injection down the road.
[doctor] back in the day it wasn't prescribed by doctors and people would get it at gyms.""",
        template="soap",
    )
    plan = _plan(doc)
    for line in (
        "Continue current regimen.",
        "Preoperative evaluation ordered.",
        "Knee replacement ordered.",
        "Low-carbohydrate diet advised.",
        "Avoid trigger foods.",
        "Referral to physical therapy.",
        "Follow-up with primary care.",
        "Results via the patient portal.",
        "Steroid injection to be considered.",
    ):
        assert line in plan, (line, plan)
    assert not any("counseling" in p.lower() or "regular exercise" in p.lower() for p in plan), plan
    assert not any("prescribed" in p.lower() or "gym" in p.lower() for p in plan), plan


def test_french_future_orders_imaging_by_adjective_and_return_to_the_own_doctor():
    doc = document(
        """[docteur] qu'est-ce qui vous amène ?
[patient] je tousse depuis deux semaines.
[docteur] alors, mon diagnostic : vous avez une bronchite.
[docteur] il faudra faire un scanner thoracique, et on refera une prise de sang dans trois mois.
[docteur] on va surveiller la tension à la maison. buvez beaucoup d'eau et reposez-vous.
[docteur] je vous fais une ordonnance pour de la kiné, et revoyez votre médecin traitant dans une semaine.""",
        language="fr",
    )
    plan = _plan(doc)
    for line in (
        "Demande : scanner thoracique.",
        "Demande : bilan sanguin.",
        "Conseil : automesure tensionnelle.",
        "Conseil : repos.",
        "Orientation : kinésithérapie.",
        "Suivi : médecin traitant.",
        "À revoir dans 1 semaine.",
    ):
        assert line in plan, (line, plan)


def test_orders_as_speech_recognition_writes_them():
    doc = document(
        """[doctor] what brings you in?
[patient] my knee hurts and i'm tired.
[doctor] any fever?
[patient] no.
[doctor] let me examine you. your knee is swollen.
[doctor] so my assessment and plan: we'll get an m r i of your knee and an x ray of your wrist.
[doctor] we'll check your a one c, a c b c and a t s h, and i'll order an e k g and an ultra sound.""",
        template="soap",
    )
    plan = _plan(doc)
    for line in (
        "MRI of the knee ordered.",
        "X-ray of the wrist ordered.",
        "Hemoglobin A1c ordered.",
        "Complete blood count ordered.",
        "Thyroid function tests ordered.",
        "EKG ordered.",
        "Ultrasound ordered.",
    ):
        assert line in plan, (line, plan)


def test_a_visit_already_planned_and_a_blood_pressure_checked_at_the_visit_is_no_home_log():
    doc = document(
        """[doctor] what brings you in?
[patient] just my yearly check.
[doctor] any chest pain?
[patient] no.
[doctor] let me examine you. your heart sounds normal.
[doctor] so my assessment and plan: your blood pressure is well controlled.
[doctor] we'll check your blood pressure again at your next visit, and i'll see you at your next annual physical.""",
        template="soap",
    )
    plan = _plan(doc)
    assert "Follow-up at the next annual physical." in plan, plan
    assert "Home blood pressure log advised." not in plan, plan
    doc = document(
        """[docteur] qu'est-ce qui vous amène ?
[patient] le renouvellement de mon traitement.
[docteur] je vais vous examiner. la tension est bonne.
[docteur] alors, mon diagnostic : votre hypertension est bien équilibrée. on se revoit à la prochaine consultation.""",
        language="fr",
    )
    assert "À revoir à la prochaine consultation." in _plan(doc), _plan(doc)
