"""The one place the service calls the documentation engine (scribe.documents, issue 3)."""

from __future__ import annotations

KINDS = ("facts", "note", "faithfulness", "patient_summary", "assistant_context")


def build(transcript: dict, template: str = "soap", language: str | None = None, llm: str = "none") -> dict:
    """transcript (scribe.schemas.Transcript as a dict) → {kind: JSON content} for every KINDS entry."""
    from scribe.documents import document

    lang = language if language and language != "auto" else None
    result = document(transcript, template=template, language=lang, llm=llm)
    return {kind: result[kind] for kind in KINDS}


def ask(visit: dict, question: str) -> dict:
    """visit: {kind: content} as stored (transcript, facts, assistant_context, ...)."""
    from scribe.documents import ask as answered

    return answered(visit, question)
