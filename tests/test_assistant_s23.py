"""Questions the blind split written7 (session 23) found answered wrongly, each on a short dialogue written for the
purpose, through the real engine: a blood type is no hemoglobin, the baby's weight is not the mother's, and a
patient's worried question ("ce n'est pas dangereux, avec mon père, le cancer ?") denies no relative's cancer."""

from __future__ import annotations

from scribe.notes.engine import ask, document

POSTPARTUM = (
    "[doctor] you lost about twelve hundred milliliters of blood at the delivery , and your hemoglobin when you "
    "left the hospital was eight point one .\n"
    "[doctor] your weight is seventy kilos , you were sixty-four before the pregnancy .\n"
    "[patient] the baby is feeding well , every three hours .\n"
)


def test_a_value_of_another_kind_or_another_person_answers_nothing():
    doc = document(POSTPARTUM)
    assert not ask(doc, "What is her blood type?", use_embeddings=False)["answered"]
    assert not ask(doc, "Quel est le poids de naissance du bébé ?", use_embeddings=False)["answered"]
    assert not ask(doc, "What is the baby's weight?", use_embeddings=False)["answered"]
    mother = ask(doc, "What is her weight?", use_embeddings=False)
    assert mother["answered"] and "70" in mother["value"]


def test_a_worried_question_does_not_deny_the_relatives_disease():
    doc = document(
        "[doctor] dans la famille , qu'est-ce qu'il y a ?\n"
        "[patient] mon père a eu un cancer de la vessie , à soixante-dix ans .\n"
        "[patient] ce n'est pas dangereux , avec mon père , le cancer ?\n",
        language="fr",
    )
    family = {(f["label"], f["status"]) for f in doc["facts"] if f["kind"] == "family_history"}
    assert family == {("cancer", "present")}
    a = ask(doc, "Which family member had bladder cancer?", use_embeddings=False)
    assert a["answered"] and "père" in a["value"] and "no" not in a["value"].split()


def test_who_prescribed_a_drug_and_on_which_day_it_is_taken_never_its_dose_instead():
    doc = document(
        "[patient_guest] the flomax from his urologist , dr. ngata , at bedtime . and the eliquis , five "
        "milligrams , twice a day .\n"
        "[patient] methotrexate , fifteen milligrams , six of the little pills , once a week on fridays .\n"
        "[doctor] keep the flomax at bedtime , no change . any strokes in the family ?\n"
        "[patient] my brother had a stroke , he was seventy-five , it killed him .\n"
    )
    who = ask(doc, "Who prescribed the tamsulosin?", use_embeddings=False)
    assert who["answered"] and who["value"] == "urologist"
    assert not ask(doc, "Who prescribed the eliquis?", use_embeddings=False)["answered"]
    day = ask(doc, "Quel jour prend-elle le méthotrexate ?", use_embeddings=False)
    assert day["answered"] and day["value"] == "fridays"
    age = ask(doc, "How old was his brother when he had his stroke?", use_embeddings=False)
    assert age["answered"] and "75" in age["value"]
