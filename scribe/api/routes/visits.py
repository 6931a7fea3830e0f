"""Visits: create, list, read, stop, erase, and their events as server-sent events."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import and_, or_, select

from scribe.api.channels import CLOSE_CODE, CredentialWatch
from scribe.api.deps import principal_of
from scribe.api.forward import EventForwarder, final
from scribe.api.views import VisitCreate, VisitList, VisitView, error_responses
from scribe.core.audit import audit_read
from scribe.core.crypto import blind_indexes
from scribe.core.db import session_scope
from scribe.core.security import Principal, scoped
from scribe.core.tables import Visit
from scribe.delivery import retention
from scribe.errors import ApiError
from scribe.service import visits

router = APIRouter(tags=["visits"])


@router.post(
    "/v1/visits",
    response_model=VisitView,
    status_code=201,
    # 503 at_capacity (with Retry-After): admission control refuses new visits when the service is full
    responses=error_responses(401, 403, 422, 429, 503),
)
def create_visit(body: VisitCreate, principal: Principal = Depends(principal_of)):
    """Create a visit. Consent {recorded_by, at} is required: without it recording is refused."""
    return VisitView.of(visits.create(principal, body))


@router.get("/v1/visits", response_model=VisitList)
def list_visits(
    principal: Principal = Depends(principal_of),
    status: str | None = Query(None, pattern=r"^(created|streaming|paused|finalizing|ready|failed)$"),
    clinician_id: str | None = Query(None, max_length=128),
    patient_ref: str | None = Query(None, max_length=200),
    created_after: dt.datetime | None = None,
    created_before: dt.datetime | None = None,
    limit: int = Query(50, ge=1, le=200),
    cursor: str | None = Query(None, max_length=200),
):
    q = select(Visit).where(Visit.tenant_id == principal.tenant_id)
    if principal.clinician_id is not None:
        q = q.where(Visit.clinician_id == principal.clinician_id)
    if status:
        q = q.where(Visit.status == status)
    if clinician_id:
        q = q.where(Visit.clinician_id == clinician_id)
    if patient_ref:
        q = q.where(Visit.patient_index.in_(blind_indexes(principal.tenant_id, patient_ref)))
    if created_after:
        q = q.where(Visit.created_at >= created_after)
    if created_before:
        q = q.where(Visit.created_at < created_before)
    if cursor:
        try:
            at_s, vid = base64.urlsafe_b64decode(cursor.encode()).decode().split("|", 1)
            at = dt.datetime.fromisoformat(at_s)
        except Exception:
            raise ApiError(422, "invalid_request", "bad cursor") from None
        q = q.where(or_(Visit.created_at < at, and_(Visit.created_at == at, Visit.id < vid)))
    q = q.order_by(Visit.created_at.desc(), Visit.id.desc()).limit(limit + 1)
    with session_scope() as s:
        rows = s.execute(q).scalars().all()
        audit_read(principal, "visit", action="list")
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = None
    if more:
        last = rows[-1]
        nxt = base64.urlsafe_b64encode(f"{last.created_at.isoformat()}|{last.id}".encode()).decode()
    return VisitList(items=[VisitView.of(v) for v in rows], next_cursor=nxt)


@router.get("/v1/visits/{visit_id}", response_model=VisitView)
async def get_visit(visit_id: str, principal: Principal = Depends(principal_of)):
    # The most polled route: one read, one audit row committed before the answer, and the JSON written
    # once (returning the model would have FastAPI validate it again).
    view = VisitView.of(await visits.read_visit(principal, visit_id))
    return Response(view.model_dump_json(), media_type="application/json")


@router.post("/v1/visits/{visit_id}/stop", response_model=VisitView)
def stop_visit(visit_id: str, principal: Principal = Depends(principal_of)):
    """End the visit: finalization (diarization, roles, documents) runs; then visit.ready."""
    return VisitView.of(visits.stop(principal, visit_id))


@router.delete("/v1/visits/{visit_id}", status_code=204)
def erase_visit(visit_id: str, principal: Principal = Depends(principal_of)):
    """Erase the visit everywhere (audio, transcript, facts, notes, summaries, links); an audit tombstone
    stays and visit.erased is emitted."""
    retention.erase(principal, visit_id)
    return Response(status_code=204)


@router.get(
    "/v1/visits/{visit_id}/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {"schema": {"type": "object"}}}, "description": "events"}},
)
async def visit_events(
    visit_id: str,
    request: Request,
    principal: Principal = Depends(principal_of),
    last_event_id: int | None = Header(None, ge=0, le=2**63 - 1),
    after: int | None = Query(None, ge=0, le=2**63 - 1),
):
    """Server-sent events: the same events as the websocket (durable ones replayable with
    Last-Event-ID), ending after visit.ready or a fatal error."""

    def check():
        with session_scope() as s:
            scoped(s, principal, visit_id)
            audit_read(principal, "events", visit_id)

    await asyncio.to_thread(check)
    start = last_event_id if last_event_id is not None else (after or 0)
    return StreamingResponse(
        _sse(request, visit_id, principal, start),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _sse(request: Request, visit_id: str, principal: Principal, after: int):
    forwarder, watch = EventForwarder(visit_id, principal.tenant_id, after), CredentialWatch(principal)
    try:
        yield ": connected\n\n"
        while True:
            reason = await watch.reason()  # an expired or revoked credential ends the stream
            if reason is not None:
                data = {"type": "error", "code": "unauthorized", "status": CLOSE_CODE, "message": watch.message(reason)}
                yield f"event: error\ndata: {json.dumps(data)}\n\n"
                return
            msg, rows = await forwarder.next(timeout=1.0)
            if msg is not None and not msg.get("durable") and msg.get("type") == "transcript.partial":
                data = json.dumps({"type": "transcript.partial", **msg["data"]})
                yield f"event: transcript.partial\ndata: {data}\n\n"
            for row in rows:
                yield f"id: {row['event_id']}\nevent: {row['type']}\ndata: {json.dumps(row)}\n\n"
                if final(row):
                    return
            if msg is None:
                yield ": keep-alive\n\n"
            if await request.is_disconnected():
                return
    finally:
        forwarder.close()
