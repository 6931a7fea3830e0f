"""Diarize ahead: while a visit streams, the diarization networks run on each new whole 20 s block of
its audio, and their outputs are stored sealed under the visit (`diarization/<horizon ms>.npz`), so
that after stop only the tail, the clustering and the attribution are left. Best effort: whatever is
missing is computed after stop; the parts are deleted once the visit is diarized.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import select

from scribe.core.audio import StoredAudio
from scribe.core.db import session_scope
from scribe.core.objects import get_store, visit_prefix
from scribe.core.observability import timed
from scribe.core.tables import Document, Visit
from scribe.speech import diarize as dz

log = logging.getLogger("scribe.tasks")

_busy: set[str] = set()
_done: dict[str, float] = {}  # visit -> horizon already stored (this process): no listing per window
_lock = threading.Lock()


def _prefix(visit_id: str) -> str:
    return visit_prefix(visit_id, "diarization/")


def diarize_ahead(visit: Visit, audio: StoredAudio) -> None:
    """Store the network outputs of the blocks `audio` completes since the last stored part."""
    from scribe.engines.diarization import load_diarization_engine  # torch: only where audio is diarized

    with _lock:
        if visit.id in _busy:
            return
        _busy.add(visit.id)
    try:
        store, prefix = get_store(), _prefix(visit.id)
        horizon = dz.precompute_horizon(audio.seconds)
        if horizon <= _done.get(visit.id, 0.0):
            return  # no new whole block since this process last stored one (most windows)
        done = max((int(key.rsplit("/", 1)[1].split(".")[0]) / 1000 for key in store.list(prefix)), default=0.0)
        if horizon <= done:
            _done[visit.id] = done
            return
        with timed("asr.diarize_ahead"):
            engine = load_diarization_engine()
            start = dz.precompute_span(engine, done)
            part = dz.precompute(audio.samples(start, horizon), start, engine, done, horizon)
            store.put(f"{prefix}{int(round(horizon * 1000)):010d}.npz", part.to_bytes())
        _done[visit.id] = horizon
        if has_transcript(visit.id):  # the visit was diarized meanwhile: nothing will read this part
            store.delete_prefix(prefix)
    except Exception as exc:  # the finalize diarizes from scratch what is missing
        log.warning("diarize ahead failed", extra={"error": type(exc).__name__})
    finally:
        with _lock:
            _busy.discard(visit.id)


def has_transcript(visit_id: str) -> bool:
    with session_scope() as s:
        return (
            s.execute(select(Document.id).where(Document.visit_id == visit_id, Document.kind == "transcript")).first()
            is not None
        )


def stored(visit_id: str) -> dz.Precomputed:
    """Every part stored for the visit, merged (an unreadable part is left out: computed again)."""
    store, out = get_store(), dz.Precomputed()
    for key in store.list(_prefix(visit_id)):
        try:
            out.update(dz.Precomputed.from_bytes(store.get(key)))
        except Exception as exc:  # a torn or unreadable part: its outputs are computed again
            log.warning("precomputed diarization part unreadable", extra={"error": type(exc).__name__})
    return out


def delete(visit_id: str) -> None:
    """Voice features are not kept past their use."""
    get_store().delete_prefix(_prefix(visit_id))


def forget(visit_id: str) -> None:
    _done.pop(visit_id, None)
