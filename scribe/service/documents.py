"""The service's side of the documentation engine (scribe.notes.engine): the visit's documents after its
transcript (documents.generate), the LLM prompt prefilled while it streams (documents.prefill), the
engine warmed before a process takes work, and questions to the assistant context."""

from __future__ import annotations

from sqlalchemy import select

from scribe import languages
from scribe.config import get_settings
from scribe.core import events
from scribe.core.db import session_scope
from scribe.core.events import emit
from scribe.core.observability import LLM_PROMPT_TOKENS, timed
from scribe.core.tables import Document, Visit, utcnow
from scribe.engines.llm import no_llm
from scribe.notes import recovery
from scribe.notes.engine import ask as answered
from scribe.notes.engine import document
from scribe.notes.llm import llm_prefill
from scribe.service import assistant
from scribe.service.visits import FINAL_STATES, links
from scribe.speech.live_speakers import LiveSpeakers, provisional_transcript

KINDS = ("facts", "note", "faithfulness", "patient_summary", "assistant_context")


def prefill_seconds() -> float:
    """How often the note's prompt is prefilled during the visit (0: never; always 0 without an LLM). By
    default only for an LLM endpoint: the in-process engine shares the CPU with live transcription, and
    on 2 cores prefilling cost more than it saved (figures: docs/scaling.md, "LLM prefill")."""
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


def build(
    transcript: dict, template: str | None = None, language: str | None = None, llm: str = "none", check_roles=True
) -> dict:
    """transcript (scribe.schemas.Transcript as a dict) → {kind: JSON content} for every KINDS entry
    (and the engine's "timings"). check_roles=False: a person set the roles (scribe.service.speakers)."""
    result = document(
        transcript,
        template=template,
        language=languages.requested(language),
        llm=llm,
        llm_focus=llm_focus(),
        check_roles=check_roles,
        checklist_dir=get_settings().checklist_dir or None,
    )
    return {kind: result[kind] for kind in KINDS} | {"timings": result["timings"]}


def prefill(
    finals: list[dict], speakers: dict | None, language: str, llm: str, clinician_voice=None, usage: dict | None = None
) -> int:
    """During the visit: the LLM evaluates the note's prompt for the transcript so far (live final
    segments, cut and labelled the way the finalized transcript will most likely be); returns how many
    prompts. What the finalized prompt shares with it is not evaluated again after stop."""
    lang = languages.supported(language)
    tr = provisional_transcript(finals, LiveSpeakers.from_dict(speakers), lang, clinician_voice)
    return llm_prefill(tr, llm, lang, focus=llm_focus(), usage=usage)


def generate(visit_id: str) -> str:
    """documents.generate: facts, note v1 (draft), summary, context from the transcript → visit.ready."""
    with session_scope() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.status in FINAL_STATES:
            return "skipped"
        transcript = s.execute(
            select(Document.content).where(Document.visit_id == visit_id, Document.kind == "transcript")
        ).scalar_one_or_none()
    if transcript is None:
        raise RuntimeError("documents.generate before the transcript exists")
    with timed("documents.generate"):
        result = build(transcript, template=visit.template, language=visit.language, llm=get_settings().documents_llm)
    timings = result["timings"]
    count_prompt_tokens("note", {k[4:]: v for k, v in timings.items() if k.startswith("llm_")})
    with session_scope() as s:
        visit = s.get(Visit, visit_id)
        if visit.status in FINAL_STATES:
            return "done"
        assistant.finalize(s, visit, result)  # the final context replaces the live one: next version
        have = set(s.execute(select(Document.kind).where(Document.visit_id == visit_id)).scalars())
        for kind in KINDS:
            if kind not in have and result.get(kind) is not None:
                s.add(
                    Document(
                        tenant_id=visit.tenant_id,
                        visit_id=visit_id,
                        kind=kind,
                        version=1,
                        status="draft",
                        content=result[kind],
                    )
                )
        visit.status = "ready"
        visit.ready_at = utcnow()
        events.add_event(s, visit.tenant_id, visit_id, "visit.ready", {"links": links(visit_id)})
        if result.get("note") is not None:  # patient_summary.ready waits for a patient link (sign-off)
            emit(s, visit.tenant_id, visit_id, "note.draft_ready", version=1)
    events.notify(visit_id)
    return "ok"


def count_prompt_tokens(stage: str, usage: dict) -> None:
    cached = usage.get("cached_tokens", 0)
    LLM_PROMPT_TOKENS.labels(stage, "yes").inc(cached)
    LLM_PROMPT_TOKENS.labels(stage, "no").inc(max(0, usage.get("prompt_tokens", 0) - cached))


# Loading the engine's language pipelines (spaCy, medspaCy ConText, drug lexicon, ICD index) takes
# ~5 s per language on first use: a process does it before it takes work, not inside a visit's note.
# With a drug and a diagnosis: the first ones load the drug-name dictionaries and the ICD-10 codes (~4 s),
# which a live assistant update or the first note would otherwise pay.
_WARM_UP = {
    "en": "doctor: What brings you in today?\npatient: A cough for three days, no fever. I take lisinopril.\n"
    "doctor: Your lungs are clear. This is a viral bronchitis.",  # a confirmed diagnosis: it is coded (ICD-10)
    "fr": "médecin: Qu'est-ce qui vous amène ?\npatient: Je tousse depuis trois jours, pas de fièvre.\n"
    "médecin: Les poumons sont clairs. C'est une bronchite virale.",
}


def warm() -> None:
    """Load the documentation engine for both languages (one tiny dialogue each)."""
    recovery.warm()
    for language, dialogue in _WARM_UP.items():
        document(dialogue, language=language)


def ask(visit: dict, question: str) -> dict:
    """visit: {kind: content} as stored (transcript, facts, assistant_context, ...)."""
    return answered(visit, question)
