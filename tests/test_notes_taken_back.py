"""A "no" taken back in the same reply, a symptom said to be gone in spoken French, conditional advice that only
gets a "yes, I know", and a possible cause named before it is worked up: none is read the other way."""

from __future__ import annotations

from scribe.notes.engine import document


def _status(dialogue: str, label: str, lang: str = "en", kind: str = "symptom") -> set[str]:
    doc = document(dialogue, language=lang)
    return {f["status"] for f in doc["facts"] if f["kind"] == kind and f["label"] == label}


def test_a_no_taken_back_in_the_same_reply_is_a_yes():
    said = "[doctor] any dizziness when you stand up ?\n[patient] no ... well , maybe once , at night in the bathroom ."
    assert _status(said, "dizziness") == {"present"}
    assert _status("[doctor] any dizziness when you stand up ?\n[patient] no , never .", "dizziness") == {"absent"}


def test_a_symptom_named_then_said_gone_in_spoken_french_is_not_present():
    said = "[doctor] et la ménopause ?\n[patient] depuis deux ans . les bouffées de chaleur , j'en ai plus ."
    assert "present" not in _status(said, "hot flashes", "fr")


def test_conditional_advice_acknowledged_is_no_answer():
    fr = (
        "[doctor] des douleurs dans la poitrine ?\n[patient] non , rien depuis le stent .\n"
        "[doctor] si vous avez une douleur dans la poitrine qui dure , vous appelez le 15 .\n[patient] oui , je sais ."
    )
    assert _status(fr, "chest pain", "fr") == {"absent"}
    en = (
        "[doctor] any chest pain ?\n[patient] no .\n"
        "[doctor] if you get chest pain that lasts more than a few minutes , call 911 .\n[patient] yes , i know ."
    )
    assert _status(en, "chest pain") == {"absent"}


def test_a_possible_cause_then_ruled_out_is_not_a_diagnosis():
    said = (
        "[doctor] your heart is irregular , this is atrial fibrillation .\n"
        "[doctor] an overactive thyroid can cause this , so i want to rule out hyperthyroidism with a tsh ."
    )
    assert _status(said, "atrial fibrillation", kind="assessment") == {"present"}
    assert "present" not in _status(said, "hyperthyroidism", kind="assessment")


def test_an_idiom_is_no_diagnosis():
    said = (
        "[doctor] your symptoms are consistent with a condition we call hypersensitivity pneumonitis .\n"
        "[doctor] i know that was a lot of information , i think it boils down to avoiding the hay ."
    )
    assert not _status(said, "furuncle", kind="assessment")
    assert _status(said, "hypersensitivity pneumonitis", kind="assessment")
