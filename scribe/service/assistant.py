"""The question assistant while the visit streams: the live context, rebuilt from the final segments so
far each time new ones are committed, stored sealed and announced as `context.updated`; questions asked
before stop are answered from it; after stop the final context (documents.generate) replaces it with the
same schema and the same ids for the facts it shares (docs/assistant.md).

Rebuilding from all final segments with the rules engine (~0.1-0.5 s for a consultation) is simpler than
patching the facts and gives the same answer as the final context would on the same words. It is
debounced by the data: an update that finds the stored context already built from every final segment
does nothing, so a burst of windows costs one rebuild. It runs on the assistant queue, its own lane (a
note being written on the documents queue held it up to seconds), where only a visit's newest waiting
update runs (scribe.queue, latest_only).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from scribe import languages
from scribe.config import get_settings
from scribe.core import events
from scribe.core.db import session_scope
from scribe.core.observability import timed
from scribe.core.tables import Document, LiveState, Visit
from scribe.notes.engine import ask as answered
from scribe.notes.engine import document
from scribe.service.visits import FINAL_STATES
from scribe.speech.live_speakers import LiveSpeakers, provisional_transcript

log = logging.getLogger("scribe.assistant")
LIVE_KIND = "assistant_context_live"  # one row per visit, replaced by each update
TASK = "assistant.update"  # submitted by the live path (scribe.service.live) when it commits final segments


def _stored(session, visit_id: str) -> Document | None:
    return session.execute(
        select(Document).where(Document.visit_id == visit_id, Document.kind == LIVE_KIND)
    ).scalar_one_or_none()


def _summary(ctx: dict) -> dict:
    """What context.updated carries: enough for a panel (answered / still open), not the whole record
    (GET /v1/visits/{id}/context has it)."""
    return {
        "version": ctx["version"],
        "schema_version": ctx["schema_version"],
        "final": ctx["final"],
        "based_on": ctx["based_on"],
        "segments": ctx["segments"],
        "language": ctx["language"],
        "checklist_name": ctx.get("checklist_name"),
        "checklist": [
            {
                "id": i["id"],
                "topic": i["topic"],
                "question": i["question"],
                "answered": i["answered"],
                "answer": i["answer"],
            }
            for i in ctx.get("checklist", [])
        ],
        "established": len(ctx.get("established", [])),
    }


def update(visit_id: str, live_finals: Callable[[str], list[dict]], clinician_voice: Callable) -> str:
    """assistant.update: the live context from the final segments so far → stored, context.updated.
    The live path's readers are passed in (scribe.service.live imports the documents stage, which
    imports this module for the final context)."""
    with session_scope() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.status in ("finalizing", *FINAL_STATES):
            return "skipped"  # the final context is on its way
        live = s.get(LiveState, visit_id)
        state = dict(live.state) if live else {}
        stored = _stored(s, visit_id)
        done = (stored.content or {}).get("context", {}).get("segments", -1) if stored else -1
        previous = (stored.content or {}).get("context", {}).get("version", 0) if stored else 0
        s.expunge(visit)
    finals = live_finals(visit_id)
    if not finals or len(finals) <= done:
        return "done"
    language = languages.supported(languages.spoken(state.get("language"), visit.language))
    with timed("assistant.update"):
        tr = provisional_transcript(
            finals, LiveSpeakers.from_dict(state.get("speakers")), language, clinician_voice(visit)
        )
        for seg in tr.segments:
            seg.words = []  # the context quotes text; word times would only grow the stored row
        doc = document(tr, language=language, checklist_dir=get_settings().checklist_dir or None)
    # based on the final segments as committed (the provisional transcript cuts them anew)
    ctx = doc["assistant_context"] | {
        "version": previous + 1,
        "based_on": round(finals[-1]["end"], 2),
        "segments": len(finals),
    }
    content = {"context": ctx, "facts": doc["facts"], "transcript": doc["transcript"]}
    return "ok" if _save(visit, content, len(finals)) else "conflict"


def _save(visit: Visit, content: dict, n_finals: int) -> bool:
    """Store the newer context (an older or equal one loses) with its context.updated, atomically."""
    for _ in range(2):
        try:
            with session_scope() as s:
                stored = _stored(s, visit.id)
                if stored is not None:
                    if (stored.content or {}).get("context", {}).get("segments", -1) >= n_finals:
                        return False
                    stored.content = content
                else:
                    s.add(
                        Document(
                            tenant_id=visit.tenant_id, visit_id=visit.id, kind=LIVE_KIND, version=1, content=content
                        )
                    )
                events.add_event(s, visit.tenant_id, visit.id, "context.updated", _summary(content["context"]))
            events.notify(visit.id)
            return True
        except IntegrityError:  # a concurrent first update inserted the row: compare with it
            continue
    return False


def finalize(session, visit: Visit, result: dict) -> None:
    """documents.generate, in its transaction: the final context takes the next version after the live
    one and is announced like the live ones (final: true)."""
    ctx = result.get("assistant_context")
    if ctx is None:
        return
    stored = _stored(session, visit.id)
    previous = (stored.content or {}).get("context", {}).get("version", 0) if stored else 0
    ctx.update(version=previous + 1, final=True)
    events.add_event(session, visit.tenant_id, visit.id, "context.updated", _summary(ctx))


def current(docs: dict[str, dict], live: dict | None) -> dict | None:
    """The visit's context as {transcript, facts, assistant_context}: the final one once its documents
    exist, else the live one, else None."""
    if "assistant_context" in docs and "facts" in docs:
        ctx = dict(docs["assistant_context"])
        if not ctx.get("final"):  # a context rebuilt after stop (speaker roles corrected) is final too
            ctx.update(
                final=True, version=max(ctx.get("version", 0), (live or {}).get("context", {}).get("version", 0) + 1)
            )
        return {"transcript": docs.get("transcript"), "facts": docs["facts"], "assistant_context": ctx}
    if live:
        return {
            "transcript": live.get("transcript"),
            "facts": live.get("facts", []),
            "assistant_context": live["context"],
        }
    return None


def ask(visit: dict, question: str) -> dict:
    """visit: current()'s answer. The answer says which transcript time it is based on."""
    return answered(visit, question)
