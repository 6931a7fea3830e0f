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
