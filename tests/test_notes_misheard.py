"""A note sentence that repeats a word the recogniser was unsure of, or a word that is no word at all, is
flagged for review with the word; sure, known words and typed text are not (scribe.notes.misheard)."""

from __future__ import annotations

from scribe.notes.engine import document
from scribe.notes.misheard import known_word
from scribe.schemas import Segment, Transcript, Word

VISIT = [
    ("clinician", "What brings you in today?"),
    ("patient", "I have an itchy rash on both hands since the winter."),
    ("clinician", "Do you use any new soap or gloves at work?"),
    ("patient", "Yes, new latex gloves at the factory."),
    ("clinician", "I think this is allergic contact dermatitis from the gloves."),
    ("clinician", "Use nitrile gloves instead, and come back in two weeks."),
]


def _heard(turns, probability: dict[str, float], replace: dict[str, str] | None = None) -> dict:
    """The turns as a recogniser's transcript: every word at 0.95 except those given; `replace` swaps a
    word for what the recogniser wrote instead."""
    segments, t = [], 0.0
    for i, (role, text) in enumerate(turns):
        for said, heard in (replace or {}).items():
            text = text.replace(said, heard)
        words = []
        for token in text.split():
            words.append(Word(start=t, end=t + 0.3, word=f" {token}", probability=probability.get(token, 0.95)))
            t += 0.35
        segments.append(Segment(id=i, start=words[0].start, end=t, speaker=role, role=role, text=text, words=words))
    return Transcript(language="en", duration=t, segments=segments).model_dump()


def _sentences(doc: dict) -> list[dict]:
    return [s for sec in doc["note"]["sections"] for s in sec["sentences"]]


def _misheard(doc: dict) -> list[str]:
    return [i for s in _sentences(doc) for i in s["issues"] if "possibly misheard" in i]


def test_a_diagnosis_resting_on_an_unsure_word_is_flagged_with_the_word():
    sure = document(_heard(VISIT, {}))
    dermatitis = [s for s in _sentences(sure) if "dermatitis" in s["text"].lower()]
    assert dermatitis and not _misheard(sure), _sentences(sure)
    unsure = document(_heard(VISIT, {"allergic": 0.12}))
    flagged = [s for s in _sentences(unsure) if "dermatitis" in s["text"].lower() and s["status"] == "flagged"]
    assert flagged, _sentences(unsure)
    assert any("'allergic' (0.12)" in i for s in flagged for i in s["issues"]), flagged
    assert unsure["faithfulness"]["by_kind"].get("misheard", 0) >= 1


def test_a_word_that_is_no_word_is_flagged_even_when_the_recogniser_was_sure():
    doc = document(_heard(VISIT, {}, replace={"latex": "latexomin"}))
    said = [s for s in _sentences(doc) if "latexomin" in s["text"].lower()]
    assert not said or all(s["status"] == "flagged" for s in said), said
    assert all(any("'latexomin' is no known word" in i for i in s["issues"]) for s in said), said


def test_typed_text_is_never_flagged_as_misheard():
    text = "\n".join(f"[{'doctor' if r == 'clinician' else 'patient'}] {t}" for r, t in VISIT)
    assert not _misheard(document(text.replace("latex", "latexomin")))


def test_known_words_include_clinical_terms_and_drugs_in_both_languages():
    for word in ("dermatitis", "metformin", "nitrile", "lisinopril", "ordonnance", "douleur", "tenderness"):
        assert known_word(word), word
    for word in ("hydrochlorism", "miccematosis", "latexomin"):
        assert not known_word(word), word
