"""The one place the service calls the documentation engine (scribe.documents, issue 3)."""

from __future__ import annotations

KINDS = ("facts", "note", "faithfulness", "patient_summary", "assistant_context")


def build(transcript: dict, template: str = "soap", language: str | None = None, llm: str = "none") -> dict:
    """transcript (scribe.schemas.Transcript as a dict) → {kind: JSON content} for every KINDS entry."""
    from scribe.documents import document

    lang = language if language and language != "auto" else None
    result = document(transcript, template=template, language=lang, llm=llm)
    return {kind: result[kind] for kind in KINDS}


# Loading the engine's language pipelines (spaCy, medspaCy ConText, drug lexicon, ICD index) takes
# ~5 s per language on first use: a process does it before it takes work, not inside a visit's note.
_WARM_UP = {"en": "doctor: What brings you in today?\npatient: A cough for three days, no fever.",
            "fr": "médecin: Qu'est-ce qui vous amène ?\npatient: Je tousse depuis trois jours, pas de fièvre."}


def warm() -> None:
    """Load the documentation engine for both languages (one tiny dialogue each)."""
    from scribe.documents import document

    for language, dialogue in _WARM_UP.items():
        document(dialogue, language=language)


def ask(visit: dict, question: str) -> dict:
    """visit: {kind: content} as stored (transcript, facts, assistant_context, ...)."""
    from scribe.documents import ask as answered

    return answered(visit, question)
