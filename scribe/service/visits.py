"""The visit domain: creation, the status machine, the stream lease, persisted audio chunks, stop and
the sweep of stuck visits. REST and the websocket both act on visits through here.

Status: created → streaming ⇄ paused → finalizing → ready | failed. One websocket streams a visit at a
time, across replicas: the stream lease (stream_owner, stream_lease_until) is renewed while it lasts.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid

from sqlalchemy import bindparam, func, insert, or_, select, update

from scribe.config import get_settings
from scribe.core import events
from scribe.core.audit import audit, audit_row, write_audit_on_loop
from scribe.core.db import get_engine, local_database, on_loop, session_scope
from scribe.core.objects import chunk_key, get_store, visit_prefix
from scribe.core.security import Principal, not_found, scoped, visible
from scribe.core.tables import AudioChunk, AuditLog, Event, LiveState, Outbox, Visit, new_id, utcnow
from scribe.errors import ApiError
from scribe.queue import admission
from scribe.queue.dispatch import submit

log = logging.getLogger("scribe.visits")
LEASE_SECONDS = 30
STOPPED = ("finalizing", "ready", "failed")
FINAL_STATES = ("ready", "failed")


# --------------------------------------------------------------------------- reads


async def read_visit(principal: Principal, visit_id: str):
    """The most polled read: the visit's row, without an ORM session (a third of its cost), and its audit
    row committed before the answer; all of it on the event loop, with no thread-pool trip."""
    if len(visit_id) > 40:
        raise not_found()
    audit_entry = audit_row(principal, "read", "visit", visit_id, True)
    if local_database():  # a local file: read synchronously, audit through the loop's group commit
        with get_engine().connect() as conn:
            row = visible(principal, conn.execute(_VISIT_ROW, {"visit_id": visit_id}).first())
        await write_audit_on_loop(audit_entry)
        return row

    async def read_and_audit(conn):  # one pooled connection, autocommit: the audit row is committed
        row = visible(principal, (await conn.execute(_VISIT_ROW, {"visit_id": visit_id})).first())
        await conn.execute(_AUDIT_INSERT, audit_entry)
        return row

    return await on_loop(read_and_audit)


_VISIT_ROW = select(Visit.__table__).where(Visit.id == bindparam("visit_id"))  # built once, cache key too
_AUDIT_INSERT = insert(AuditLog.__table__)


def links(visit_id: str) -> dict[str, str]:
    """The visit's resources (visit views, visit.ready events)."""
    base = f"/v1/visits/{visit_id}"
    return {
        "visit": base,
        "transcript": f"{base}/transcript",
        "facts": f"{base}/facts",
        "note": f"{base}/note",
        "patient_summary": f"{base}/patient-summary",
        "assistant_context": f"{base}/assistant-context",
        "events": f"{base}/events",
    }


def max_event_id(visit_id: str) -> int:
    with session_scope() as s:
        return s.execute(select(func.coalesce(func.max(Event.id), 0)).where(Event.visit_id == visit_id)).scalar_one()


# --------------------------------------------------------------------------- changes


def create(principal: Principal, body) -> Visit:
    clinician = body.clinician_id or principal.clinician_id
    if clinician is None:
        raise ApiError(422, "clinician_required", "clinician_id is required with an API key")
    if principal.clinician_id is not None and clinician != principal.clinician_id:
        raise ApiError(403, "forbidden", "a clinician token can only create visits for its own clinician")
    if body.consent is None:
        raise ApiError(422, "consent_required", "recording needs the patient's consent: {recorded_by, at}")
    with admission.admitted(), session_scope() as s:  # 503 at_capacity while the service is full
        visit = Visit(
            id=new_id("vis"),
            tenant_id=principal.tenant_id,
            clinician_id=clinician,
            patient_ref=body.patient_ref,
            encounter_ref=body.encounter_ref,
            context=body.context.model_dump(mode="json") if body.context else None,
            language=body.language,
            template=body.template,
            consent=body.consent.model_dump(mode="json"),
            status="created",
        )
        s.add(visit)
        s.flush()  # the visit row first: live_state references it
        s.add(LiveState(visit_id=visit.id, version=0, processed_bytes=0, state={}))
        s.add(
            Outbox(
                tenant_id=principal.tenant_id, visit_id=visit.id, type="visit.created", payload={"visit_id": visit.id}
            )
        )
        audit(s, principal, "create", "visit", visit.id)
    return visit


def stop(principal: Principal, visit_id: str, unless_connected: bool = False) -> Visit:
    """Mark the visit finalizing and submit asr.finalize. Stopping twice is a 409 already_stopped.
    `unless_connected`: only if no connection holds the stream lease (409 otherwise)."""
    now = utcnow()
    with session_scope() as s:
        visit = scoped(s, principal, visit_id)
        if visit.status in STOPPED:
            raise ApiError(409, "already_stopped", f"visit is already {visit.status}")
        q = update(Visit).where(Visit.id == visit_id, Visit.status.in_(("created", "streaming", "paused")))
        if unless_connected:
            q = q.where(or_(Visit.stream_owner.is_(None), Visit.stream_lease_until < now))
        result = s.execute(q.values(status="finalizing", stopped_at=now))
        if result.rowcount != 1:
            raise ApiError(409, "already_stopped", "visit is already stopped or streaming again")
        events.add_event(s, visit.tenant_id, visit_id, "status", {"state": "finalizing", "offset": visit.audio_bytes})
        audit(s, principal, "stop", "visit", visit_id)
        s.flush()
        s.refresh(visit)
    events.notify(visit_id)
    try:
        submit("asr.finalize", visit_id)
    except Exception as exc:  # broker unreachable: the sweeper submits it again (tasks are idempotent)
        log.warning("finalize not submitted: %s", type(exc).__name__)
    return visit


def set_state(visit_id: str, tenant_id: str, state: str, offset: int | None = None, **values) -> None:
    with session_scope() as s:
        s.execute(update(Visit).where(Visit.id == visit_id).values(status=state, **values))
        events.add_event(s, tenant_id, visit_id, "status", {"state": state, "offset": offset})
    events.notify(visit_id)


def fail(visit_id: str, code: str, message: str) -> None:
    """A stage failed for good: the visit is failed and the clients get an error event."""
    with session_scope() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.status in FINAL_STATES:
            return
        visit.status = "failed"
        visit.error = message[:400]
        events.add_event(s, visit.tenant_id, visit_id, "error", {"code": code, "message": message[:400], "fatal": True})
    events.notify(visit_id)


_swept: dict[str, float] = {}


def abandon(idle_after: float) -> list[str]:
    """Stop visits whose device vanished: streaming or paused, no connection holding the stream lease,
    none seen for `idle_after` seconds (the lease's end, kept when a connection leaves). Left alone they
    would stay `streaming` forever, and retention, which acts on finalized visits, would keep their
    audio forever. They are finalized like any stopped visit (what was acknowledged is transcribed)."""
    now = utcnow()
    limit = now - dt.timedelta(seconds=idle_after)
    with session_scope() as s:
        rows = s.execute(
            select(Visit.id, Visit.tenant_id)
            .where(Visit.status.in_(("streaming", "paused")))
            .where(or_(Visit.stream_owner.is_(None), Visit.stream_lease_until < now))
            .where(func.coalesce(Visit.stream_lease_until, Visit.started_at, Visit.created_at) < limit)
            .limit(100)
        ).all()
    done = []
    for visit_id, tenant_id in rows:
        try:
            stop(Principal(tenant_id, None, "system:abandoned"), visit_id, unless_connected=True)
            done.append(visit_id)
        except ApiError:  # stopped or reconnected meanwhile
            pass
    if done:
        log.info("abandoned visits stopped", extra={"count": len(done)})
    return done


def sweep(stuck_after: float, now_mono: float | None = None) -> list[str]:
    """Resubmit asr.finalize for visits stuck in `finalizing` (no event for stuck_after seconds): a lost
    submission, a broker that restarted empty, an embedded server restarted mid-visit. Abandoned visits
    are stopped first (abandon)."""
    abandon(get_settings().abandoned_after_seconds)
    now_mono = now_mono if now_mono is not None else time.monotonic()
    limit = utcnow() - dt.timedelta(seconds=stuck_after)
    with session_scope() as s:
        last = select(Event.visit_id, func.max(Event.created_at).label("at")).group_by(Event.visit_id).subquery()
        rows = (
            s.execute(
                select(Visit.id)
                .outerjoin(last, last.c.visit_id == Visit.id)
                .where(Visit.status == "finalizing", Visit.stopped_at < limit)
                .where((last.c.at.is_(None)) | (last.c.at < limit))
            )
            .scalars()
            .all()
        )
    done = []
    for visit_id in rows:
        if now_mono - _swept.get(visit_id, -1e9) < stuck_after:
            continue
        try:
            submit("asr.finalize", visit_id)
            _swept[visit_id] = now_mono
            done.append(visit_id)
        except Exception:
            pass
    return done


# --------------------------------------------------------------------------- the stream: lease and chunks


def acquire_lease(visit_id: str, owner: str) -> bool:
    now = utcnow()
    with session_scope() as s:
        result = s.execute(
            update(Visit)
            .where(Visit.id == visit_id)
            .where((Visit.stream_owner.is_(None)) | (Visit.stream_lease_until < now) | (Visit.stream_owner == owner))
            .values(stream_owner=owner, stream_lease_until=now + dt.timedelta(seconds=LEASE_SECONDS))
        )
        return result.rowcount == 1


def renew_lease(visit_id: str, owner: str) -> bool:
    return acquire_lease(visit_id, owner)


def release_lease(visit_id: str, owner: str) -> None:
    """No connection streams the visit now; stream_lease_until keeps when the last one left (abandon)."""
    with session_scope() as s:
        s.execute(
            update(Visit)
            .where(Visit.id == visit_id, Visit.stream_owner == owner)
            .values(stream_owner=None, stream_lease_until=utcnow())
        )


def connection_id() -> str:
    return uuid.uuid4().hex


def persist_chunk(visit_id: str, seq: int, offset: int, payload: bytes, seconds_per_byte: float | None) -> int:
    """Store the bytes durably, then record them; returns the new end offset. Caller checked offset.

    The record is conditional on the visit not being stopped, in the same statement as the offset check:
    a stop (REST or websocket) and a frame are ordered by the database, and a frame recorded after the
    stop would be acknowledged yet missing from the transcript (finalize reads audio_bytes once). Such a
    frame is refused (409 already_stopped); its object, never recorded, is read by nothing (reads go by
    the chunk rows) and goes with the visit's audio (retention, erase)."""
    key = chunk_key(visit_id, offset)
    get_store().put(key, payload)
    end = offset + len(payload)
    with session_scope() as s:
        result = s.execute(
            update(Visit)
            .where(Visit.id == visit_id, Visit.audio_bytes == offset, Visit.status.notin_(STOPPED))
            .values(audio_bytes=end, audio_seconds=end * seconds_per_byte if seconds_per_byte else Visit.audio_seconds)
        )
        if result.rowcount == 1:
            s.add(AudioChunk(visit_id=visit_id, seq=seq, offset=offset, length=len(payload), key=key))
            return end
        status = s.execute(select(Visit.status).where(Visit.id == visit_id)).scalar()
    if status is None:  # erased meanwhile: the object just written must not outlive it
        get_store().delete_prefix(visit_prefix(visit_id))
        raise not_found()
    if status in STOPPED:
        raise ApiError(409, "already_stopped", f"the visit was stopped ({status}): frame not recorded")
    raise ApiError(409, "offset_conflict", "the stream moved on concurrently")


def stored_offset(visit_id: str) -> int:
    """Bytes of the visit's stream persisted so far (what a client must resume from)."""
    with session_scope() as s:
        return s.execute(select(Visit.audio_bytes).where(Visit.id == visit_id)).scalar() or 0
