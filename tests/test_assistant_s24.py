"""Questions the blind split written8 (session 24) found answered wrongly or missed, each on a short dialogue
written for the purpose, through the real engine: who prescribed a drug when the giver is the subject ("the urgent
care gave me an antibiotic. bactrim"), named the sentence before ("i took him to the urgent care. they gave him
oxybutynin", "j'ai appelé sos médecins. le médecin m'a donné du tramadol"), and a question about coffee that is no
question about alcohol."""

from __future__ import annotations

from scribe.notes.engine import ask, document


def test_who_gave_the_drug_when_the_giver_is_the_subject_or_named_just_before():
    doc = document(
        "[doctor] any new medicines ?\n"
        "[patient] oh , the urgent care gave me an antibiotic on tuesday , for a bladder infection . bactrim , i "
        "think . one pill twice a day .\n"
        "[patient_guest] last week it got really bad , so i took him to the urgent care on thursday . they gave him "
        "oxybutynin , for the bladder , five milligrams twice a day .\n"
    )
    bactrim = ask(doc, "Who prescribed the Bactrim?", use_embeddings=False)
    assert bactrim["answered"] and bactrim["value"] == "urgent care"
    oxybutynin = ask(doc, "Who prescribed the oxybutynin?", use_embeddings=False)
    assert oxybutynin["answered"] and oxybutynin["value"] == "urgent care"
    fr = document(
        "[patient] samedi dernier , j'avais trop mal , j'ai appelé sos médecins . le médecin m'a donné du tramadol , "
        "cinquante milligrammes , toutes les six heures si besoin .\n",
        language="fr",
    )
    tramadol = ask(fr, "Who prescribed the tramadol?", use_embeddings=False)
    assert tramadol["answered"] and tramadol["value"] == "sos médecins"
    assert not ask(fr, "Who prescribed the paracetamol?", use_embeddings=False)["answered"]


def test_coffee_is_not_alcohol():
    doc = document(
        "[doctor] do you drink alcohol ?\n"
        "[patient] a glass of wine , once or twice a week .\n"
        "[doctor] and you smoke ?\n"
        "[patient] no , never .\n"
    )
    assert not ask(doc, "How many cups of coffee does she drink a day?", use_embeddings=False)["answered"]
    drinks = ask(doc, "How much does she drink?", use_embeddings=False)
    assert drinks["answered"] and "wine" in drinks["value"]


def test_who_started_it_answered_by_the_reply():
    doc = document(
        "[doctor] who started the ferrous sulfate ?\n"
        "[patient] dr. osei , my gynecologist , in april . ferrous sulfate , three hundred twenty-five milligrams , "
        "once a day . because of my periods .\n"
    )
    a = ask(doc, "Who prescribed the ferrous sulfate?", use_embeddings=False)
    assert a["answered"] and a["value"] == "dr. osei (gynecologist)"


def test_a_grandparents_disease_and_its_age_answer_of_the_grandparent_not_the_parent():
    doc = document(
        "[doctor] and in the family ? headaches , strokes ?\n"
        "[patient] my mom has migraines , bad ones , like me . my grandmother on my mom's side had a stroke , she "
        "was sixty-two .\n"
    )
    age = ask(doc, "At what age did her grandmother have a stroke?", use_embeddings=False)
    assert age["answered"] and age["value"] == "62"
    assert not ask(doc, "Did her mother have a stroke?", use_embeddings=False)["answered"]
