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


def admit() -> None:
    """Return if a new visit may start now; ApiError 503 at_capacity (with retry_after) otherwise."""
    cfg = get_settings()
    reason = None
    if cfg.max_live_visits > 0:
        live = live_visits()
        if live >= cfg.max_live_visits:
            reason = f"{live} visits are live (capacity {cfg.max_live_visits})"
    if reason is None and cfg.max_asr_backlog > 0:
        try:
            backlog = queue_depths().get("asr", 0)
        except Exception:  # the broker is unreachable: the audio is stored meanwhile, admit on the count
            backlog = 0
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
