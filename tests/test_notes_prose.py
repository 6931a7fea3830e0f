"""LLM prose from verified facts: a real OpenAI-compatible endpoint on localhost answers with sentences;
only those that cite facts of their section and add no word to them reach the note."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.llm_endpoint import llm_endpoint

DIALOGUE = """[doctor] what brings you in today?
[patient] my right knee hurts since i fell skiing.
[doctor] let me examine it. there is swelling of the right knee.
[doctor] so my assessment is osteoarthritis of the right knee.
[doctor] i'm going to order an x-ray of the right knee."""


def test_prose_keeps_only_sentences_grounded_in_facts():
    rules = document(DIALOGUE, template="soap")
    dx = next(f for f in rules["facts"] if f["kind"] == "assessment")
    answer = {
        "sentences": [
            {"section": "assessment", "text": "Osteoarthritis of the right knee.", "facts": [dx["id"]]},
            {
                "section": "assessment",
                "text": "Osteoarthritis of the right knee with a torn meniscus.",
                "facts": [dx["id"]],
            },
            {"section": "assessment", "text": "Cancer.", "facts": ["f999"]},
        ]
    }
    with llm_endpoint(answer) as (url, seen):
        doc = document(DIALOGUE, template="soap", llm=url, prose=True)
    assessment = [s["text"] for sec in doc["note"]["sections"] if sec["key"] == "assessment" for s in sec["sentences"]]
    assert assessment == ["Osteoarthritis of the right knee."]
    assert "prose:" in doc["note"]["engine"]
    prompt = seen[-1][1]["messages"][-1]["content"]
    assert (
        '"osteoarthritis"' in prompt and "[doctor]" not in prompt and "i'm going to" not in prompt
    )  # facts, not speech
    rejects = " ".join(doc["faithfulness"]["issues"])
    assert "word(s) not in its facts" in rejects and "cites no fact" in rejects
