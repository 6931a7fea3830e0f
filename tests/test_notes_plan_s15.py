"""Plan items said in passing, in everyday words, in English and French: advice without a plan verb, visits
named by other words, an order the patient proposed and the clinician took up, and conditional plans kept
conditional. Short dialogues written for these tests."""

from __future__ import annotations

from scribe.notes.engine import document


def _plan(text: str, lang: str = "en") -> list[str]:
    doc = document(text, language=lang)
    return [f["value"] for f in doc["facts"] if f["kind"] == "plan"]


def test_everyday_advice_is_typed_in_register():
    plan = _plan(
        """[doctor] so the palpitations, how often?
[patient] a few times a week, mostly after coffee.
[doctor] okay, your ecg today is normal. i want you to try to cut back on coffee.
[doctor] i'm also going to have you wear a heart monitor for two weeks.
[doctor] let's see each other again in two months."""
    )
    assert "Reduce caffeine intake." in plan
    assert "Holter monitor ordered." in plan
    assert "Follow-up in 2 months." in plan
    assert not any(p.startswith("See each other") for p in plan)


def test_advice_said_as_instructions_without_a_plan_verb():
    plan = _plan(
        """[doctor] how are the headaches?
[patient] about the same, and i'm on my phone late at night.
[doctor] okay. these sound like tension headaches. try to get at least seven hours of sleep.
[doctor] the rash on your arm gets worse in the sun, so stay out of the sun as much as you can.
[doctor] ice the ankle twice a day and keep it elevated.
[doctor] i'd also like to do a skin biopsy of that spot on your arm.
[doctor] we'll talk again in a month."""
    )
    assert "Sleep hygiene advised." in plan
    assert "Sun protection advised." in plan
    assert "Elevation advised." in plan
    assert "Skin biopsy ordered." in plan
    assert "Follow-up in a month." in plan


def test_a_clause_of_advice_after_other_words_is_read():
    plan = _plan(
        """[doctor] what's going on with the foot?
[patient] my big toe got red and swollen overnight.
[doctor] okay, this looks like gout. we'll draw a uric acid level today.
[doctor] lay off the beer for a while, and drink a lot of water.
[doctor] no overhead lifting either, and stay away from spicy foods.
[doctor] we'll see how you do and check in again in three months."""
    )
    assert "Uric acid level ordered." in plan
    assert "Reduce alcohol intake." in plan
    assert "Push fluids." in plan
    assert "Activity modification advised." in plan
    assert "Follow-up in 3 months." in plan


def test_referrals_and_procedures_said_in_passing():
    plan = _plan(
        """[doctor] how's the shoulder, and your mood?
[patient] still hurts when i reach up, and i've been feeling low.
[doctor] it's probably rotator cuff tendinitis. i'm sending you to pt twice a week.
[doctor] i'd like you to start seeing a counselor too.
[doctor] your knee injection helped, so we can repeat the injection today.
[doctor] you're overdue for a colonoscopy, i'll put in the referral to gi for that.
[doctor] you should also get your weight down."""
    )
    assert "Referral to physical therapy." in plan
    assert "Referral to counseling." in plan
    assert "Repeat injection ordered." in plan
    assert "Referral to gastroenterology." in plan
    assert "Weight loss advised." in plan


def test_insulin_injections_and_gi_bleeding_are_no_orders():
    plan = _plan(
        """[doctor] your hemoglobin is low.
[patient] okay.
[doctor] i think your anemia is due to gi bleeding from the ibuprofen. we'll check an iron panel.
[doctor] we'll also start insulin injections at night for your diabetes."""
    )
    assert "Iron studies ordered." in plan
    assert not any("gastroenterology" in p for p in plan)
    assert not any(p.startswith(("Injection", "Repeat injection")) for p in plan)


def test_a_referral_the_patient_proposed_and_the_clinician_took_up():
    plan = _plan(
        """[doctor] and the blood sugars?
[patient] they've been running high. i was thinking of seeing a dietitian.
[doctor] that's a great idea, i'll put in that referral.
[doctor] we'll meet again in three months."""
    )
    assert "Referral to a nutritionist." in plan
    assert "Follow-up in 3 months." in plan
    assert not any("that referral" in p.lower() for p in plan)


def test_a_past_or_declined_proposal_is_not_ordered():
    plan = _plan(
        """[doctor] how's the chest pain?
[patient] better. my cardiologist ordered an echo last month.
[doctor] good, let's get that report sent over.
[patient] should i get an mri of my back too?
[doctor] no, we don't need to do that."""
    )
    assert not any("MRI" in p for p in plan)
    assert not any("Echocardiogram ordered" in p for p in plan)


def test_conditional_plans_stay_conditional():
    plan = _plan(
        """[doctor] how's the back?
[patient] still sore when i bend over.
[doctor] this looks like a muscle strain. i'll send you to physical therapy.
[doctor] if it doesn't improve in six weeks we might consider an mri.
[doctor] and if the pain is still bad after therapy we could think about surgery."""
    )
    assert "Referral to physical therapy." in plan
    assert "MRI if no improvement." in plan
    assert not any(p.startswith("MRI") and "ordered" in p for p in plan)
    assert not any("surgery" in p.lower() and "if" not in p.lower() and "consider" not in p.lower() for p in plan)


def test_french_plan_said_in_passing():
    plan = _plan(
        """[doctor] alors, cette toux ?
[patient] ça dure depuis trois semaines, je fume un paquet par jour.
[doctor] bon. je vais vous faire faire une radio des poumons.
[doctor] il faudrait vraiment arrêter de fumer.
[doctor] il faut aussi réduire le sel, et je vous conseille de marcher trente minutes par jour.
[doctor] on va faire une prise de sang pour vérifier le fer, et un bilan rénal.
[doctor] on se reparle dans un mois.""",
        "fr",
    )
    assert "Conseil : arrêt du tabac." in plan
    assert "Conseil : régime pauvre en sel." in plan
    assert "Conseil : activité physique régulière." in plan
    assert "Demande : bilan martial." in plan
    assert "Demande : bilan rénal." in plan
    assert "À revoir dans 1 mois." in plan


def test_french_advice_before_the_plan_and_a_visit_with_the_results():
    plan = _plan(
        """[doctor] et votre peau ?
[patient] j'ai des taches qui grattent depuis l'été.
[doctor] évitez le soleil et mettez de la crème solaire.
[doctor] je vous adresse au dermatologue pour un avis.
[doctor] pour le genou, je vais vous prescrire une irm du genou, et évitez le sport en attendant.
[doctor] on va aussi faire un test rapide pour le streptocoque.
[doctor] je vous revois avec l'irm.""",
        "fr",
    )
    assert "Conseil : protection solaire." in plan
    assert "Orientation : dermatologie." in plan
    assert "Conseil : adaptation des activités." in plan
    assert "Demande : test streptococcique." in plan
    assert "À revoir avec l'IRM." in plan
    assert "Demande : IRM." not in plan  # the knee MRI already ordered


def test_an_injection_named_twice_is_one_order_and_a_later_one_stays_conditional():
    plan = _plan(
        """[doctor] so your right knee is still swollen.
[patient] yes, it hurts on the stairs.
[doctor] this is osteoarthritis. we'll do a cortisone injection into the knee today.
[doctor] i'll have the nurse set up the injection.
[doctor] then come back in three months for another injection if needed."""
    )
    assert "Steroid injection ordered." in plan
    assert "Injection ordered." not in plan
    assert "Repeat injection if needed." in plan
    assert not any(p.startswith("Repeat injection") and "if needed" not in p for p in plan)
