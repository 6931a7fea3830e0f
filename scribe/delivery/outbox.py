"""Transactional outbox → webhook deliveries.

1. A state change writes its event with emit() (scribe.core.events) in the same transaction (so no event
   without the change, no change without its event).
2. delivery.dispatch(outbox_id) fans an event out: one webhook_deliveries row per endpoint of the tenant
   whose filter matches, each with its own webhook-id (kept for every retry and replay). Earlier pending
   events of the same visit are fanned out first, in the same transaction, so order survives.
3. delivery.send(delivery_id) makes one attempt. It runs only if the delivery is due, not leased by a
   concurrent attempt, and no earlier delivery of the same visit to the same endpoint is still pending
   (order per visit; a dead letter does not block later events), and its tenant has fewer than
   SCRIBE_DELIVERY_PER_TENANT attempts in flight (fair delivery: a tenant whose receiver hangs cannot
   hold every delivery thread; its surplus waits for the sweep, unclaimed). Failure: the next attempt waits
   SCRIBE_WEBHOOK_BACKOFF[n] seconds ± jitter; past the schedule (about 24 h) the delivery is dead.
4. sweep() (every SCRIBE_DELIVERY_POLL_SECONDS in the API process, both topologies) submits pending
   events and due deliveries, round-robin over tenants and no more per tenant than it may have in
   flight; a success submits the next delivery of its chain at once.
Both tasks are idempotent: a task run twice, or a lost one resubmitted, never sends a message twice
after it was acknowledged.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import uuid

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

from scribe.config import get_settings
from scribe.core.db import session_scope
from scribe.core.tables import Document, Outbox, Visit, WebhookDelivery, WebhookEndpoint, new_id, utcnow
from scribe.delivery import fhir
from scribe.delivery.notes import fhir_bundle, note_view
from scribe.delivery.settings import settings_of
from scribe.delivery.webhooks import post
from scribe.errors import ApiError
from scribe.queue.dispatch import queue_depths, submit
from scribe.queue.registry import task

log = logging.getLogger("scribe.delivery")
SWEEP_BATCH = 500
MAX_QUEUED = 1000  # do not feed a queue already this deep (bounded memory in a burst)


def schedule() -> list[float]:
    return [float(x) for x in get_settings().webhook_backoff.split(",") if x.strip()]


def backoff(attempts: int) -> float | None:
    """Seconds before the next attempt after `attempts` failures; None: dead letter."""
    steps = schedule()
    if attempts > len(steps):
        return None
    jitter = get_settings().webhook_jitter
    return steps[attempts - 1] * random.uniform(1 - jitter, 1 + jitter)


def per_tenant() -> int:
    """Attempts one tenant may have in flight at once."""
    cfg = get_settings()
    return cfg.delivery_per_tenant or max(1, cfg.delivery_concurrency // 2)


def _in_flight(now: dt.datetime):
    """SQL condition on a delivery row: an attempt holds it now."""
    return (WebhookDelivery.status == "pending") & (WebhookDelivery.lease_until > now)


def _resubmit_after() -> dt.timedelta:
    return dt.timedelta(seconds=max(30.0, 3 * get_settings().webhook_timeout_seconds))


# --------------------------------------------------------------------------- fan-out


def fan_out(outbox_id: int) -> list[str]:
    """Deliveries for this event (and earlier pending events of its visit); returns the new ids."""
    try:
        with session_scope() as s:
            row = s.get(Outbox, outbox_id)
            if row is None or row.status != "pending":
                return []
            rows = [row]
            if row.visit_id is not None:
                rows = (
                    s.execute(
                        select(Outbox)
                        .where(Outbox.visit_id == row.visit_id, Outbox.status == "pending", Outbox.id <= outbox_id)
                        .order_by(Outbox.id)
                    )
                    .scalars()
                    .all()
                )
            endpoints = (
                s.execute(
                    select(WebhookEndpoint)
                    .where(WebhookEndpoint.tenant_id == row.tenant_id, WebhookEndpoint.deleted_at.is_(None))
                    .order_by(WebhookEndpoint.created_at)
                )
                .scalars()
                .all()
            )
            made = []
            for event in rows:
                matching = [e for e in endpoints if event.type in e.events]
                for e in matching:
                    d = WebhookDelivery(
                        id=new_id("dlv"),
                        tenant_id=event.tenant_id,
                        endpoint_id=e.id,
                        outbox_id=event.id,
                        visit_id=event.visit_id,
                        event_type=event.type,
                        webhook_id=f"msg_{uuid.uuid4().hex}",
                        status="pending",
                        attempts=0,
                        next_attempt_at=utcnow(),
                        submitted_at=utcnow(),
                    )
                    s.add(d)
                    made.append(d.id)
                event.status = "dispatched" if matching else "skipped"
        return made
    except IntegrityError:  # a concurrent fan-out of the same event won
        return []


@task("delivery.dispatch", queue="delivery")
def dispatch_task(outbox_id: int) -> str:
    """delivery.dispatch: fan out, then attempt the new deliveries."""
    for delivery_id in fan_out(outbox_id):
        submit("delivery.send", delivery_id)
    return "ok"


# --------------------------------------------------------------------------- one attempt


def _earlier_pending():
    """SQL condition on a delivery row: an earlier delivery of its visit to its endpoint is still pending."""
    other = aliased(WebhookDelivery)
    return exists().where(
        other.endpoint_id == WebhookDelivery.endpoint_id,
        other.visit_id == WebhookDelivery.visit_id,
        other.outbox_id < WebhookDelivery.outbox_id,
        other.status == "pending",
    )


def _claim(delivery_id: str):
    """(delivery, endpoint, allow_private, body) when this run owns the attempt; else (reason, ...)."""
    cfg = get_settings()
    now = utcnow()
    with session_scope() as s:
        d = s.get(WebhookDelivery, delivery_id)
        if d is None or d.status != "pending":
            return "skipped", None
        if d.next_attempt_at > now or (
            d.visit_id is not None
            and s.execute(select(WebhookDelivery.id).where(WebhookDelivery.id == d.id, _earlier_pending())).first()
        ):
            d.submitted_at = None  # the sweep (or the chain) submits it again when it can run
            return "waiting", None
        lease = now + dt.timedelta(seconds=cfg.webhook_timeout_seconds + 30)
        number = d.attempts + 1
        held = aliased(WebhookDelivery)
        tenant_busy = (
            select(func.count())
            .select_from(held)
            .where(held.tenant_id == d.tenant_id, held.status == "pending", held.lease_until > now)
            .scalar_subquery()
        )
        won = (
            s.execute(
                update(WebhookDelivery)
                .where(
                    WebhookDelivery.id == d.id,
                    WebhookDelivery.status == "pending",
                    WebhookDelivery.attempts == d.attempts,
                    or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until < now),
                    tenant_busy < per_tenant(),
                )
                .values(lease_until=lease, attempts=number, submitted_at=None)
            ).rowcount
            == 1
        )
        if not won:
            s.refresh(d)
            if d.status == "pending" and d.attempts + 1 == number and not (d.lease_until and d.lease_until > now):
                d.submitted_at = None  # its tenant's share is in flight: the sweep submits it again
                return "deferred", None
            return "busy", None
        endpoint = s.get(WebhookEndpoint, d.endpoint_id)
        if endpoint is None or endpoint.deleted_at is not None:
            d.status, d.lease_until, d.last_error = "cancelled", None, "endpoint deleted"
            return "cancelled", None
        body = message(s, d, endpoint)
        if body is None:  # the event is gone (the visit was erased meanwhile)
            d.status, d.lease_until, d.last_error = "cancelled", None, "event erased"
            return "cancelled", None
        attempt = {
            "url": endpoint.url,
            "allow_private": settings_of(s, d.tenant_id).webhooks_allow_private,
            "secret": dict(endpoint.secret),
            "webhook_id": d.webhook_id,
            "body": body,
        }
        return "claimed", (number, attempt)


@task("delivery.send", queue="delivery")
def send_task(delivery_id: str) -> str:
    """delivery.send: one attempt at one delivery, then its result (and the next in its chain)."""
    state, claimed = _claim(delivery_id)
    if state != "claimed":
        return state
    attempts, attempt = claimed
    result = post(**attempt)
    now = utcnow()
    with session_scope() as s:
        d = s.get(WebhookDelivery, delivery_id)
        if d is None:
            return "erased"
        d.lease_until, d.last_status, d.last_error = None, result.status, result.error
        if result.ok:
            d.status, d.delivered_at = "delivered", now
        else:
            wait = backoff(attempts)
            if wait is None:
                d.status = "dead"
            else:
                d.next_attempt_at = now + dt.timedelta(seconds=wait)
        chain = (d.endpoint_id, d.visit_id, d.outbox_id) if d.status != "pending" and d.visit_id else None
    log.info(
        "webhook attempt",
        extra={"task": "delivery.send", "status": result.status, "code": result.error or "ok", "attempt": attempts},
    )
    if chain:
        _submit_next(*chain)
    return "delivered" if result.ok else "failed"


def _submit_next(endpoint_id: str, visit_id: str, after: int) -> None:
    now = utcnow()
    with session_scope() as s:
        nxt = s.execute(
            select(WebhookDelivery)
            .where(
                WebhookDelivery.endpoint_id == endpoint_id,
                WebhookDelivery.visit_id == visit_id,
                WebhookDelivery.outbox_id > after,
                WebhookDelivery.status == "pending",
            )
            .order_by(WebhookDelivery.outbox_id)
            .limit(1)
        ).scalar_one_or_none()
        if nxt is None or nxt.next_attempt_at > now:
            return
        nxt.submitted_at = now
        nxt_id = nxt.id
    submit("delivery.send", nxt_id)


# --------------------------------------------------------------------------- sweep and replay


def sweep() -> dict:
    """Submit pending events and due, unblocked, unleased deliveries (lost submissions included)."""
    try:
        if queue_depths().get("delivery", 0) >= MAX_QUEUED:
            return {"events": 0, "deliveries": 0, "backlog": True}
    except Exception:
        pass
    now = utcnow()
    again = now - _resubmit_after()
    with session_scope() as s:
        events = (
            s.execute(
                select(Outbox.id)
                .where(Outbox.status == "pending", or_(Outbox.next_attempt_at.is_(None), Outbox.next_attempt_at < now))
                .order_by(Outbox.id)
                .limit(SWEEP_BATCH)
            )
            .scalars()
            .all()
        )
        if events:
            s.execute(update(Outbox).where(Outbox.id.in_(events)).values(next_attempt_at=now + _resubmit_after()))
        due = _fair_due(s, now, again)
        if due:
            s.execute(update(WebhookDelivery).where(WebhookDelivery.id.in_(due)).values(submitted_at=now))
    for outbox_id in events:
        submit("delivery.dispatch", outbox_id)
    for delivery_id in due:
        submit("delivery.send", delivery_id)
    return {"events": len(events), "deliveries": len(due)}


def _fair_due(s, now: dt.datetime, again: dt.datetime) -> list[str]:
    """Due, unblocked, unleased deliveries: each tenant's oldest first, tenants taking turns (the first of
    every tenant, then the second...), and no more of a tenant than its free share of attempts."""
    share = per_tenant()
    busy = dict(
        s.execute(
            select(WebhookDelivery.tenant_id, func.count()).where(_in_flight(now)).group_by(WebhookDelivery.tenant_id)
        ).all()
    )
    ranked = (
        select(
            WebhookDelivery.id,
            WebhookDelivery.tenant_id,
            func.row_number()
            .over(partition_by=WebhookDelivery.tenant_id, order_by=WebhookDelivery.outbox_id)
            .label("turn"),
        )
        .where(
            WebhookDelivery.status == "pending",
            WebhookDelivery.next_attempt_at <= now,
            or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until < now),
            or_(WebhookDelivery.submitted_at.is_(None), WebhookDelivery.submitted_at < again),
            or_(WebhookDelivery.visit_id.is_(None), ~_earlier_pending()),
        )
        .subquery()
    )
    rows = s.execute(
        select(ranked.c.id, ranked.c.tenant_id, ranked.c.turn)
        .where(ranked.c.turn <= share)
        .order_by(ranked.c.turn, ranked.c.id)
        .limit(SWEEP_BATCH)
    ).all()
    return [row.id for row in rows if row.turn <= share - busy.get(row.tenant_id, 0)]


def replay(tenant_id: str, delivery_id: str) -> WebhookDelivery | None:
    """Send a delivery again now (same webhook-id, fresh backoff schedule); None if unknown."""
    with session_scope() as s:
        d = s.get(WebhookDelivery, delivery_id) if len(delivery_id) <= 40 else None
        if d is None or d.tenant_id != tenant_id:
            return None
        endpoint = s.get(WebhookEndpoint, d.endpoint_id)
        if endpoint is None or endpoint.deleted_at is not None:
            raise ApiError(409, "endpoint_deleted", "the delivery's endpoint was deleted")
        d.status, d.attempts, d.next_attempt_at, d.submitted_at = "pending", 0, utcnow(), utcnow()
        d.delivered_at = None
    submit("delivery.send", delivery_id)
    return d


# --------------------------------------------------------------------------- the message


def links(visit_id: str | None, event: str, payload: dict) -> dict:
    if visit_id is None:
        return {}
    base = get_settings().public_url.rstrip("/")
    visit = f"{base}/v1/visits/{visit_id}"
    out = {"visit": visit}
    if event == "transcript.ready":
        out["transcript"] = f"{visit}/transcript"
    if event.startswith("note."):
        out["note"] = f"{visit}/note?version={payload.get('version', 1)}"
        out["fhir"] = f"{base}/fhir/r4/Bundle/{visit_id}?version={payload.get('version', 1)}"
    if event == "patient_summary.ready":
        out["patient_summary"] = f"{visit}/patient-summary"
    return {} if event == "visit.erased" else out


def message(session, d: WebhookDelivery, endpoint: WebhookEndpoint) -> bytes | None:
    """The JSON body: {type, timestamp, data}; thin (ids, links) unless the endpoint opted in to content."""
    row = session.get(Outbox, d.outbox_id)
    if row is None:
        return None
    data = {**row.payload, "links": links(row.visit_id, row.type, row.payload)}
    if endpoint.full_content and row.visit_id and row.type != "visit.erased":
        content = full_content(session, row)
        if content is None:
            return None
        data["content"] = content
    body = {"type": row.type, "timestamp": row.created_at.isoformat(), "data": data}
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


def full_content(session, row: Outbox) -> dict | None:
    visit = session.get(Visit, row.visit_id)
    if visit is None:
        return None

    def doc(kind: str, version: int | None = None):
        q = select(Document).where(Document.visit_id == visit.id, Document.kind == kind)
        q = q.where(Document.version == version) if version else q.order_by(Document.version.desc())
        return session.execute(q.limit(1)).scalar_one_or_none()

    if row.type == "visit.created":
        return {"visit": fhir.visit_dict(visit)}
    if row.type == "transcript.ready":
        t = doc("transcript")
        return {"transcript": t.content if t else None}
    if row.type == "patient_summary.ready":
        summary = doc("patient_summary")
        return {"patient_summary": summary.content if summary else None}
    note = doc("note", row.payload.get("version"))
    if note is None:
        return None
    return {"note": note_view(note), "fhir": fhir_bundle(session, visit, note)}
