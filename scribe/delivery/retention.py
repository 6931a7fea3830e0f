"""Retention and erasure.

- Audio: per tenant (settings.audio_retention_days): None deletes it once the note is signed (at once,
  and by the sweep if that failed); N deletes it N days after finalization. Objects go first, then the
  chunk rows, so a crash in between leaves rows the next sweep finds again.
- Whole visits: settings.visit_retention_days erases visits N days after finalization.
- erase(): DELETE /v1/visits/{id}: every object under visits/<id>/, then in one transaction every row
  of the visit (documents, chunks, events, live state, links, outbox, deliveries, the visit itself), an
  audit tombstone (ids only) and the visit.erased event.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from sqlalchemy import delete, exists, func, select, update

from scribe.core import audio
from scribe.core.audit import audit
from scribe.core.db import session_scope
from scribe.core.events import emit
from scribe.core.objects import get_store, visit_prefix
from scribe.core.security import Principal, scoped
from scribe.core.tables import (
    AudioChunk,
    AuditLog,
    Document,
    Event,
    LiveState,
    Outbox,
    PatientLink,
    Tenant,
    Visit,
    WebhookDelivery,
    utcnow,
)
from scribe.delivery.settings import tenant_settings
from scribe.errors import ApiError

log = logging.getLogger("scribe.retention")
BATCH = 200


def purge_audio(visit_id: str) -> bool:
    """Delete a visit's audio (objects, then rows); False if the visit is gone."""
    get_store().delete_prefix(visit_prefix(visit_id, "audio/"))
    audio.forget(visit_id)
    with session_scope() as s:
        visit = s.get(Visit, visit_id)
        if visit is None:
            return False
        s.execute(delete(AudioChunk).where(AudioChunk.visit_id == visit_id))
        visit.audio_deleted_at = utcnow()
        s.add(
            AuditLog(
                tenant_id=visit.tenant_id,
                actor="system:retention",
                action="purge",
                resource="audio",
                resource_id=visit_id,
            )
        )
    return True


def purge_audio_quietly(visit_id: str) -> None:
    """After signature: try now; the sweep retries whatever fails."""
    try:
        purge_audio(visit_id)
    except Exception as exc:
        log.warning("audio purge deferred to the sweep: %s", type(exc).__name__)


ERASE_LEASE_SECONDS = 300


def erase(principal: Principal, visit_id: str) -> None:
    """The stream lease is taken for the erasure in the same statement that checks it is free: a websocket
    attaching afterwards is refused the lease (it would otherwise write objects while rows are deleted);
    if the erasure dies half way, the lease lapses and it can be retried."""
    now = utcnow()
    with session_scope() as s:
        scoped(s, principal, visit_id)
        claimed = s.execute(
            update(Visit)
            .where(Visit.id == visit_id)
            .where(Visit.stream_owner.is_(None) | Visit.stream_lease_until.is_(None) | (Visit.stream_lease_until < now))
            .values(
                stream_owner=f"erase:{uuid.uuid4().hex}",
                stream_lease_until=now + dt.timedelta(seconds=ERASE_LEASE_SECONDS),
            )
        ).rowcount
        if claimed != 1:
            raise ApiError(409, "visit_streaming", "audio is streaming into this visit: stop it first")
    store = get_store()
    store.delete_prefix(visit_prefix(visit_id))
    with session_scope() as s:
        s.execute(update(Visit).where(Visit.id == visit_id).values(status=Visit.status))  # lock (notes.py)
        visit = scoped(s, principal, visit_id)
        tenant_id = visit.tenant_id
        for model in (WebhookDelivery, Outbox, PatientLink, Document, AudioChunk, Event, LiveState):
            s.execute(delete(model).where(model.visit_id == visit_id))
        s.execute(delete(Visit).where(Visit.id == visit_id))
        audit(s, principal, "erase", "visit", visit_id)
        emit(s, tenant_id, visit_id, "visit.erased", erased_at=utcnow().isoformat())
    store.delete_prefix(visit_prefix(visit_id))  # anything a late writer added meanwhile
    audio.forget(visit_id)


def _due(
    s, tenant_id: str, now: dt.datetime, days: int | None = None, signed: bool = False, audio: bool = False
) -> list[str]:
    """Finalized visits of a tenant: with audio left, with a signed note, finalized over `days` ago."""
    q = select(Visit.id).where(Visit.tenant_id == tenant_id, Visit.status.in_(("ready", "failed")))
    if audio:
        q = q.where(Visit.audio_deleted_at.is_(None))
    if signed:
        q = q.where(exists().where(Document.visit_id == Visit.id, Document.kind == "note", Document.status == "signed"))
    if days is not None:
        q = q.where(func.coalesce(Visit.ready_at, Visit.stopped_at) < now - dt.timedelta(days=days))
    return s.execute(q.limit(BATCH)).scalars().all()


def sweep(now: dt.datetime | None = None) -> dict:
    """Apply every tenant's retention policy once; returns counts."""
    now = now or utcnow()
    purged = erased = 0
    with session_scope() as s:
        tenants = [(t.id, tenant_settings(t)) for t in s.execute(select(Tenant)).scalars()]
    for tenant_id, policy in tenants:
        with session_scope() as s:
            days = policy.audio_retention_days
            audio = _due(s, tenant_id, now, days=days, signed=days is None, audio=True)
            old = _due(s, tenant_id, now, days=policy.visit_retention_days) if policy.visit_retention_days else []
        for visit_id in audio:
            purged += purge_audio(visit_id)
        system = Principal(tenant_id, None, "system:retention")
        for visit_id in old:
            try:
                erase(system, visit_id)
                erased += 1
            except ApiError:
                pass
    return {"audio_purged": purged, "visits_erased": erased}
