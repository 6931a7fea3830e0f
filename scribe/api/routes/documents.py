"""A visit's documents: the transcript (live and finalized), facts, patient summary, assistant context,
faithfulness report, and questions to the assistant context. The note has its own routes (notes.py)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy import select

from scribe.api.deps import principal_of
from scribe.api.views import Question
from scribe.core.audit import audit, audit_read
from scribe.core.db import session_scope
from scribe.core.security import Principal, scoped
from scribe.core.tables import Document, Event
from scribe.errors import ApiError
from scribe.schemas_docs import Answered, AssistantContext
from scribe.service import assistant

router = APIRouter(tags=["documents"])
KINDS = {
    "facts": "facts",
    "patient-summary": "patient_summary",
    "assistant-context": "assistant_context",
    "faithfulness": "faithfulness",
}  # path → document kind


def newest(principal: Principal, visit_id: str, kind: str, resource: str, version: int | None = None) -> Document:
    """The visit's newest document of a kind (or that version); 409 not_ready while it may still come."""
    with session_scope() as s:
        visit = scoped(s, principal, visit_id)
        q = select(Document).where(Document.visit_id == visit_id, Document.kind == kind)
        q = q.where(Document.version == version) if version else q.order_by(Document.version.desc())
        doc = s.execute(q.limit(1)).scalar_one_or_none()
        audit_read(principal, resource, visit_id)
        if doc is None:
            state = visit.status
            raise ApiError(
                404 if state in ("ready", "failed") else 409,
                "not_ready",
                f"no {resource.replace('_', ' ')} yet (visit is {state})",
                state=state,
            )
        return doc


@router.get("/v1/visits/{visit_id}/transcript")
def get_transcript(visit_id: str, principal: Principal = Depends(principal_of)):
    """The diarized, role-labelled transcript (scribe.schemas.Transcript) once finalized."""
    return newest(principal, visit_id, "transcript", "transcript").content


@router.get("/v1/visits/{visit_id}/transcript/live")
def get_live_transcript(visit_id: str, principal: Principal = Depends(principal_of)):
    """Final segments committed so far during the visit (before diarization)."""
    with session_scope() as s:
        scoped(s, principal, visit_id)
        rows = (
            s.execute(
                select(Event.data)
                .where(Event.visit_id == visit_id, Event.type == "transcript.final")
                .order_by(Event.id)
            )
            .scalars()
            .all()
        )
        audit_read(principal, "live_transcript", visit_id)
    return {"segments": [{k: v for k, v in r.items() if k != "words"} for r in rows]}


def _document_route(path_kind: str, kind: str) -> None:
    def get_document(visit_id: str, principal: Principal = Depends(principal_of)):
        return newest(principal, visit_id, kind, kind).content

    get_document.__name__ = f"get_{kind}"
    router.get(
        f"/v1/visits/{{visit_id}}/{path_kind}",
        summary=f"The visit's {kind.replace('_', ' ')} (documentation engine output)",
    )(get_document)


for _path_kind, _kind in KINDS.items():
    _document_route(_path_kind, _kind)


def assistant_context(principal: Principal, visit_id: str, action: str) -> dict:
    """The visit's assistant context (final once documented, live from the first final segment on) as
    {transcript, facts, assistant_context}; 409 not_ready before anything was transcribed."""
    with session_scope() as s:
        visit = scoped(s, principal, visit_id)
        docs = {
            d.kind: d.content
            for d in s.execute(
                select(Document).where(Document.visit_id == visit_id).order_by(Document.version)
            ).scalars()
        }
        if action == "ask":
            audit(s, principal, "ask", "visit", visit_id)
        else:
            audit_read(principal, "assistant_context", visit_id)
        state = visit.status
    current = assistant.current(docs, docs.get(assistant.LIVE_KIND))
    if current is None:
        raise ApiError(
            409, "not_ready", f"nothing transcribed yet (visit is {state}): the assistant starts at the first final"
        )
    return current


@router.post("/v1/visits/{visit_id}/ask", response_model=Answered)
def ask(visit_id: str, body: Question, principal: Principal = Depends(principal_of)):
    """Is this question already answered by the consultation? From the first final segment on (the live
    context), then from the final one; `based_on` is the transcript time (s) the answer covers."""
    return assistant.ask(assistant_context(principal, visit_id, "ask"), body.question)


@router.get("/v1/visits/{visit_id}/context", response_model=AssistantContext)
def get_context(visit_id: str, principal: Principal = Depends(principal_of)):
    """The assistant context (docs/assistant.md, scribe.schemas_docs.AssistantContext): live while the
    visit streams (`final` false, `version`, `based_on`), final after stop."""
    return assistant_context(principal, visit_id, "read")["assistant_context"]
