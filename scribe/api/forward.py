"""One client's view of a visit's events, shared by the SSE route and the audio websocket.

Durable events (transcript.final, status, transcript.ready, visit.ready, error) are read from the
database after the last one this client got, so none is lost or sent twice or out of order, whether
the bus's wake-up arrived or not (a poll every few seconds covers a lost one). Transient events
(transcript.partial, window.done) come whole from the bus, best effort.
"""

from __future__ import annotations

import asyncio
import time

from scribe.core import events


def final(row: dict) -> bool:
    """The visit's last event: the client's stream ends after it."""
    return row["type"] == "visit.ready" or (row["type"] == "error" and bool(row.get("fatal")))


class EventForwarder:
    def __init__(self, visit_id: str, tenant_id: str, after: int, poll_every: float = 2.0):
        self.visit_id, self.tenant_id, self.last = visit_id, tenant_id, after
        self.poll_every = poll_every
        self.last_poll = 0.0
        self.sub = events.get_bus().subscribe(visit_id)

    async def durable(self) -> list[dict]:
        """Durable events after the last one returned."""
        self.last_poll = time.monotonic()
        rows = await asyncio.to_thread(events.events_since, self.visit_id, self.last, self.tenant_id)
        if rows:
            self.last = rows[-1]["event_id"]
        return rows

    async def next(self, timeout: float) -> tuple[dict | None, list[dict]]:
        """Wait up to `timeout` for the bus: (its message or None, the durable events due now: after a
        wake-up, or when the last read is poll_every old). A message with "durable" false is a transient
        event: {"type", "data"}."""
        msg = await self.sub.get(timeout=timeout)
        rows = []
        if (msg is not None and msg.get("durable")) or time.monotonic() - self.last_poll >= self.poll_every:
            rows = await self.durable()
        return msg, rows

    def close(self) -> None:
        self.sub.close()
