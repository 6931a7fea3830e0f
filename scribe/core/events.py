"""Visit events from workers back to the websocket / SSE connection that owns the visit.

Two kinds of event:
- durable (transcript.final, status changes, visit.ready, error): a row in the `events` table, written
  in the same transaction as the state it reports; the bus only carries a wake-up {visit_id, id}. A
  consumer reads rows with id > the last one it sent, so nothing is lost or reordered when a
  notification is (Redis restarting, a replica that was not subscribed yet): consumers also poll.
- transient (transcript.partial, status lag / queue position): carried whole by the bus, best effort.

Embedded mode: an in-process hub (worker threads → asyncio queues). SCRIBE_REDIS_URL set: Redis pub/sub
on channel `scribe:visit:<id>`; each API process has one pattern subscription and fans out locally.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections import defaultdict

from sqlalchemy import select

from scribe.config import get_settings
from scribe.core.db import session_scope
from scribe.core.tables import Event, Outbox

log = logging.getLogger("scribe.events")
CHANNEL_PREFIX = "scribe:visit:"


def add_event(session, tenant_id: str, visit_id: str, type_: str, data: dict) -> Event:
    """Add a durable event to the caller's transaction (call notify(visit_id) after commit)."""
    event = Event(tenant_id=tenant_id, visit_id=visit_id, type=type_, data=data)
    session.add(event)
    return event


def emit(session, tenant_id: str, visit_id: str | None, event: str, **data) -> None:
    """Record a webhook event in the caller's transaction (the transactional outbox: no event without
    the change, no change without its event; scribe.delivery.outbox delivers it)."""
    session.add(
        Outbox(
            tenant_id=tenant_id,
            visit_id=visit_id,
            type=event,
            payload={"visit_id": visit_id, **data} if visit_id else data,
        )
    )


def record(tenant_id: str, visit_id: str, type_: str, data: dict) -> int:
    with session_scope() as s:
        event = add_event(s, tenant_id, visit_id, type_, data)
        s.flush()
        event_id = event.id
    get_bus().publish(visit_id, {"durable": True, "id": event_id})
    return event_id


def notify(visit_id: str) -> None:
    get_bus().publish(visit_id, {"durable": True})


def transient(visit_id: str, type_: str, data: dict) -> None:
    get_bus().publish(visit_id, {"durable": False, "type": type_, "data": data})


def events_since(visit_id: str, after_id: int, tenant_id: str, limit: int = 500) -> list[dict]:
    with session_scope() as s:
        rows = s.execute(
            select(Event)
            .where(Event.visit_id == visit_id, Event.tenant_id == tenant_id, Event.id > after_id)
            .order_by(Event.id)
            .limit(limit)
        ).scalars()
        # The event's own id is `event_id` (payloads such as transcript.final carry their own `id`).
        return [{**r.data, "type": r.type, "event_id": r.id} for r in rows]


class Subscription:
    def __init__(self, hub: Bus, visit_id: str, loop: asyncio.AbstractEventLoop):
        self.hub, self.visit_id, self.loop = hub, visit_id, loop
        self.queue: asyncio.Queue = asyncio.Queue(maxsize=1000)

    def deliver(self, message: dict) -> None:  # any thread
        def put():
            try:
                self.queue.put_nowait(message)
            except asyncio.QueueFull:  # a slow consumer loses transient events, never durable ones (DB)
                pass

        try:
            self.loop.call_soon_threadsafe(put)
        except RuntimeError:  # loop closed
            pass

    async def get(self, timeout: float) -> dict | None:
        try:
            return await asyncio.wait_for(self.queue.get(), timeout)
        except TimeoutError:
            return None

    def close(self) -> None:
        self.hub.unsubscribe(self)


class Bus:
    """In-process hub; the Redis bus extends it with a publisher and one listener thread."""

    def __init__(self):
        self._subs: dict[str, set[Subscription]] = defaultdict(set)
        self._lock = threading.Lock()

    def subscribe(self, visit_id: str) -> Subscription:
        sub = Subscription(self, visit_id, asyncio.get_running_loop())
        with self._lock:
            self._subs[visit_id].add(sub)
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        with self._lock:
            subs = self._subs.get(sub.visit_id)
            if subs is not None:
                subs.discard(sub)
                if not subs:
                    del self._subs[sub.visit_id]

    def _fan_out(self, visit_id: str, message: dict) -> None:
        with self._lock:
            subs = list(self._subs.get(visit_id, ()))
        for sub in subs:
            sub.deliver(message)

    def publish(self, visit_id: str, message: dict) -> None:
        self._fan_out(visit_id, message)

    def check(self) -> None:
        pass

    def close(self) -> None:
        pass


class RedisBus(Bus):
    def __init__(self, url: str, listen: bool = True):
        super().__init__()
        import redis

        self.url = url
        self.client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=3, health_check_interval=10)
        self._stop = threading.Event()
        self.connected = False
        self._thread = None
        if listen:
            self._thread = threading.Thread(target=self._listen, name="redis-events", daemon=True)
            self._thread.start()

    def publish(self, visit_id: str, message: dict) -> None:
        try:
            self.client.publish(CHANNEL_PREFIX + visit_id, json.dumps(message))
        except Exception as exc:  # Redis down: durable events are in the DB; consumers poll
            log.warning("event publish failed: %s", type(exc).__name__)

    def _listen(self) -> None:
        import redis

        while not self._stop.is_set():
            pubsub = None
            try:
                conn = redis.Redis.from_url(self.url, socket_connect_timeout=3, health_check_interval=10)
                pubsub = conn.pubsub(ignore_subscribe_messages=True)
                pubsub.psubscribe(CHANNEL_PREFIX + "*")
                self.connected = True
                # After (re)connecting, tell every local consumer to re-read the database.
                with self._lock:
                    visits = list(self._subs)
                for visit_id in visits:
                    self._fan_out(visit_id, {"durable": True})
                while not self._stop.is_set():
                    msg = pubsub.get_message(timeout=1.0)
                    if msg and msg.get("type") == "pmessage":
                        visit_id = msg["channel"].decode()[len(CHANNEL_PREFIX) :]
                        self._fan_out(visit_id, json.loads(msg["data"]))
            except Exception as exc:
                self.connected = False
                log.warning("event subscription lost (%s); reconnecting", type(exc).__name__)
                time.sleep(0.5)
            finally:
                if pubsub is not None:
                    try:
                        pubsub.close()
                    except Exception:
                        pass

    def check(self) -> None:
        self.client.ping()

    def close(self) -> None:
        self._stop.set()


_bus: Bus | None = None
_bus_lock = threading.Lock()


def get_bus(listen: bool = True) -> Bus:
    global _bus
    with _bus_lock:
        if _bus is None:
            url = get_settings().redis_url
            _bus = RedisBus(url, listen=listen) if url else Bus()
        return _bus


def reset_bus() -> None:
    global _bus
    with _bus_lock:
        if _bus is not None:
            _bus.close()
        _bus = None
