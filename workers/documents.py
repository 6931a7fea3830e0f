"""The one place the service calls the documentation engine (scribe.notes.engine, issue 3)."""

from __future__ import annotations

from scribe.config import get_settings

KINDS = ("facts", "note", "faithfulness", "patient_summary", "assistant_context")


def prefill_seconds() -> float:
    """How often the note's prompt is prefilled during the visit (0: never; always 0 without an LLM). By
    default only for an LLM endpoint: the in-process engine shares the CPU with live transcription, and
    on 2 cores prefilling cost more than it saved (bench/service.py --llm local --anchor, 5 min: partial
    lag p95 1.1 → 2.6 s, note ready 18.9 → 36.4 s, because the whole-visit prompt it needs is 4× the
    assessment's)."""
    from scribe.engines.llm import no_llm

    cfg = get_settings()
    if no_llm(cfg.documents_llm):
        return 0.0
    if cfg.llm_prefill_seconds is not None:
        return cfg.llm_prefill_seconds
    return 30.0 if cfg.documents_llm.strip().startswith(("http://", "https://")) else 0.0


def llm_focus() -> str:
    """What the LLM reads: on its own, the visit from the assessment on (the whole prompt is evaluated
    after stop, so it is kept short); with prefill, the whole visit. Where the assessment starts is
    only known at the end, so a prompt that starts there cannot be evaluated while the visit goes on."""
    return "all" if prefill_seconds() > 0 else "assessment"


def build(transcript: dict, template: str | None = None, language: str | None = None, llm: str = "none") -> dict:
    """transcript (scribe.schemas.Transcript as a dict) → {kind: JSON content} for every KINDS entry
    (and the engine's "timings")."""
    from scribe.notes.engine import document

    lang = language if language and language != "auto" else None
    result = document(transcript, template=template, language=lang, llm=llm, llm_focus=llm_focus())
    return {kind: result[kind] for kind in KINDS} | {"timings": result["timings"]}


def prefill(finals: list[dict], speakers: dict | None, language: str, llm: str,
            clinician_voice=None, usage: dict | None = None) -> int:
    """During the visit: the LLM evaluates the note's prompt for the transcript so far (live final
    segments, cut and labelled the way the finalized transcript will most likely be); returns how many
    prompts. What the finalized prompt shares with it is not evaluated again after stop."""
    from scribe.speech.live_speakers import LiveSpeakers, provisional_transcript
    from scribe.notes.llm import llm_prefill

    lang = "fr" if language.startswith("fr") else "en"
    tr = provisional_transcript(finals, LiveSpeakers.from_dict(speakers), lang, clinician_voice)
    return llm_prefill(tr, llm, lang, focus=llm_focus(), usage=usage)


# Loading the engine's language pipelines (spaCy, medspaCy ConText, drug lexicon, ICD index) takes
# ~5 s per language on first use: a process does it before it takes work, not inside a visit's note.
_WARM_UP = {"en": "doctor: What brings you in today?\npatient: A cough for three days, no fever.",
            "fr": "médecin: Qu'est-ce qui vous amène ?\npatient: Je tousse depuis trois jours, pas de fièvre."}


def warm() -> None:
    """Load the documentation engine for both languages (one tiny dialogue each)."""
    from scribe.notes.engine import document

    for language, dialogue in _WARM_UP.items():
        document(dialogue, language=language)


def ask(visit: dict, question: str) -> dict:
    """visit: {kind: content} as stored (transcript, facts, assistant_context, ...)."""
    from scribe.notes.engine import ask as answered

    return answered(visit, question)
