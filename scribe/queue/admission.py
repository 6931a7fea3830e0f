"""Admission control: a new visit is refused (503 at_capacity, Retry-After) while the service is full,
instead of being admitted into a slow death for every visit already running.

Full means either of two measures, each off at 0:
- live visits (SCRIBE_MAX_LIVE_VISITS): visits a connection streams now, plus visits created in the
  last RESERVE seconds that have not started (a burst of creations is counted before its streams open);
- the ASR backlog (SCRIBE_MAX_ASR_BACKLOG): tasks waiting in the asr queue, measured (the embedded
  pool's count or the Redis list lengths), which catches workers that fall behind whatever the count.
The figures a machine sustains come from bench/overload.py (docs/scaling.md, Overload).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from contextlib import contextmanager

from sqlalchemy import func, select

from scribe.config import get_settings
from scribe.core.db import session_scope
from scribe.core.tables import Visit, utcnow
from scribe.errors import ApiError
from scribe.queue.dispatch import queue_depths

log = logging.getLogger("scribe.admission")
RESERVE = dt.timedelta(seconds=120)


def live_visits() -> int:
    now = utcnow()
    streaming = (Visit.stream_owner.is_not(None)) & (Visit.stream_lease_until > now)
    reserved = (Visit.status == "created") & (Visit.created_at > now - RESERVE)
    with session_scope() as s:
        return s.execute(
            select(func.count())
            .select_from(Visit)
            .where(Visit.status.in_(("created", "streaming", "paused")))
            .where(streaming | reserved)
        ).scalar_one()


_admitting = threading.Lock()
_measured = [0.0, 0]  # (monotonic time, asr backlog): measured at most once a second per process


def asr_backlog() -> int:
    now = time.monotonic()
    if now - _measured[0] >= 1.0:
        try:
            _measured[:] = [now, queue_depths().get("asr", 0)]
        except Exception:  # the broker is unreachable: the audio is stored meanwhile, admit on the count
            _measured[:] = [now, 0]
    return _measured[1]


@contextmanager
def admitted():
    """with admitted(): create the visit. Refuses (ApiError 503 at_capacity, with retry_after) while the
    service is full; otherwise holds the process's admission lock while the visit is created, so that a
    burst of concurrent requests cannot all see room for one more (across API processes the count may
    overshoot by one per process)."""
    if get_settings().max_live_visits <= 0:
        _check()
        yield
        return
    with _admitting:
        _check()
        yield


def _check() -> None:
    cfg = get_settings()
    reason = None
    if cfg.max_live_visits > 0:
        live = live_visits()
        if live >= cfg.max_live_visits:
            reason = f"{live} visits are live (capacity {cfg.max_live_visits})"
    if reason is None and cfg.max_asr_backlog > 0:
        backlog = asr_backlog()
        if backlog >= cfg.max_asr_backlog:
            reason = f"{backlog} transcription tasks are waiting (limit {cfg.max_asr_backlog})"
    if reason is not None:
        log.warning("visit refused: at capacity")
        raise ApiError(
            503,
            "at_capacity",
            f"the service is at capacity ({reason}): try again later",
            retry_after=cfg.admission_retry_after_seconds,
        )
