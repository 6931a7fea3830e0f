"""The one place the service calls the documentation engine (issue 3).

The engine exposes `document(transcript, template=..., language=..., llm=...) -> dict` with keys
transcript/facts/note/faithfulness/patient_summary/assistant_context, and `ask(visit_dict, question)`.
Until it is importable the service still completes visits: the documents are empty placeholders that
say so (engine: "unavailable"), and `ask` answers "not answered".
"""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger("scribe.documents")
_CANDIDATES = ("scribe.pipeline.document", "scribe.pipeline.documentation", "scribe.pipeline.documents",
               "scribe.pipeline.notes", "scribe.pipeline.docs", "scribe.documentation")
KINDS = ("facts", "note", "faithfulness", "patient_summary", "assistant_context")


def _engine():
    for name in _CANDIDATES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            if exc.name and name.startswith(exc.name) or (exc.name == name):
                continue
            raise
        if callable(getattr(module, "document", None)):
            return module
    return None


def available() -> bool:
    return _engine() is not None


def _placeholder(transcript: dict, template: str, language: str) -> dict:
    empty = {"engine": "unavailable", "template": template, "language": language}
    return {"transcript": transcript, "facts": {"facts": [], **empty}, "note": {"sections": [], "markdown": "", **empty},
            "faithfulness": {"kept": 0, "flagged": 0, "removed": 0, **empty},
            "patient_summary": {"text": "", **empty}, "assistant_context": {"text": "", **empty}}


def build(transcript: dict, template: str = "soap", language: str | None = None, llm: str = "none") -> dict:
    """transcript (scribe.schemas.Transcript as a dict) → the engine's documents dict."""
    module = _engine()
    lang = language if language and language != "auto" else transcript.get("language") or "en"
    if module is None:
        log.warning("documentation engine not installed; storing placeholder documents")
        return _placeholder(transcript, template, lang)
    result = module.document(transcript, template=template, language=lang, llm=llm)
    if hasattr(result, "model_dump"):
        result = result.model_dump()
    return {k: (v.model_dump() if hasattr(v, "model_dump") else v) for k, v in dict(result).items()}


def ask(visit: dict, question: str) -> dict:
    module = _engine()
    if module is None or not callable(getattr(module, "ask", None)):
        return {"answered": False, "answer": None, "evidence": [], "confidence": 0.0, "engine": "unavailable"}
    result = module.ask(visit, question)
    return result.model_dump() if hasattr(result, "model_dump") else dict(result)
