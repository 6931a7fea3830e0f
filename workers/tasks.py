"""Task bodies. They only move data between the store/database and pipeline stages; the same functions
run under Celery (workers/celery_app.py) and in the embedded in-process executor (workers/dispatch.py).

Every task is idempotent and safe to run twice or concurrently with itself (late acks redeliver a task
whose worker died): the live state is saved with optimistic concurrency (version column), documents are
written once per (visit, kind, version), and a visit that is already past a stage skips it.

  asr.window(visit_id, upto)     live: transcribe the next window of audio received up to byte `upto`,
                                 then run the diarization networks on audio that is complete (diarize ahead)
  asr.finalize(visit_id)         after stop: last window (flush), diarization over the whole visit,
                                 attribution and roles → transcript document → documents.generate
  documents.prefill(visit_id)    live, with an LLM: the note's prompt for the transcript so far is evaluated
                                 and kept in the LLM's prompt cache (best effort, never retried)
  documents.generate(visit_id)   documentation engine → facts, note v1 (draft), summary, context → visit.ready
  delivery.dispatch(outbox_id)   fan an outbox event out to the tenant's webhook endpoints (scribe.delivery.outbox)
  delivery.send(delivery_id)     one signed attempt at one webhook delivery (backoff, dead letter)
"""

from __future__ import annotations

import logging
import threading
import time

import numpy as np
from sqlalchemy import func, select, update

from scribe.config import get_settings
from scribe.core import events
from scribe.core.db import Document, Event, LiveState, Visit, session_scope, utcnow
from scribe.core.objects import get_store, visit_prefix
from scribe.delivery.outbox import emit
from scribe.core.observability import LIVE_LAG, LLM_PROMPT_TOKENS, timed
from scribe.speech import streaming
from scribe.speech.types import SAMPLE_RATE, Audio
from workers import audio as audio_io

log = logging.getLogger("scribe.tasks")
FINAL_STATES = ("ready", "failed")
QUEUES = {"asr.window": "asr", "asr.finalize": "asr", "documents.prefill": "documents",
          "documents.generate": "documents", "delivery.dispatch": "delivery", "delivery.send": "delivery"}
BEST_EFFORT = ("asr.window", "documents.prefill")  # never retried: the next one (or the finalize) covers it


def _visit_and_state(visit_id: str):
    with session_scope() as s:
        visit = s.get(Visit, visit_id)
        live = s.get(LiveState, visit_id)
        if visit is None:
            return None, None
        if live is None:
            live = LiveState(visit_id=visit_id, version=0, processed_bytes=0, state={})
            s.add(live)
            s.flush()
        return visit, live


def _save_state(visit: Visit, version: int, state: streaming.StreamState, processed: int,
                finals: list[dict]) -> bool:
    """Persist the new state and its final segments atomically; False when another run won."""
    with session_scope() as s:
        result = s.execute(update(LiveState).where(LiveState.visit_id == visit.id, LiveState.version == version)
                           .values(version=version + 1, state=state.to_dict(), processed_bytes=processed,
                                   updated_at=utcnow()))
        if result.rowcount != 1:
            s.rollback()
            return False
        for seg in finals:
            events.add_event(s, visit.tenant_id, visit.id, "transcript.final",
                             {"speaker": None, "role": "unknown", **seg})
    if finals:
        events.notify(visit.id)
    return True


def _transcribe_window(visit: Visit, state: streaming.StreamState, upto: int, flush: bool):
    """(hypothesis words in visit time, window end seconds, processed bytes, available seconds,
    whether the window holds speech, the window's audio and its start time)."""
    from workers.asr import get_batcher

    cfg = get_settings()
    fmt = visit.audio_format or {}
    available = audio_io.available_seconds(fmt, visit.id, upto)
    start, end = streaming.window(state, available, cfg.live_max_window_seconds)
    if flush:  # the last window may exceed the live cap: transcribe in ≤ 24 s pieces
        end = min(available, start + cfg.live_max_window_seconds)
    samples = audio_io.read_span(fmt, visit.id, upto, start, end)
    batcher = get_batcher()
    if state.language is None:
        wanted = visit.language if visit.language in ("en", "fr") else None
        if wanted or not batcher.multilingual:
            state.language = wanted or "en"
        elif samples.size >= 4 * SAMPLE_RATE:
            from workers.asr import has_speech

            if has_speech(samples):
                state.language = batcher.detect_language(samples)
    language = state.language or "en"
    words = batcher.transcribe(samples, language) if samples.size >= SAMPLE_RATE // 5 else None
    speech = words is not None
    words = words or []
    for w in words:
        w["start"] = round(w["start"] + start, 3)
        w["end"] = round(w["end"] + start, 3)
    processed = audio_io.bytes_at(fmt, end, upto, available)
    return words, end, processed, available, speech, samples, start


def _clinician_voice(visit: Visit) -> np.ndarray | None:
    from scribe import voices

    try:
        return voices.load(f"{visit.tenant_id}.{visit.clinician_id}"[:128])
    except Exception:
        return None


def _label_finals(visit: Visit, state: streaming.StreamState, finals: list[dict], samples: np.ndarray,
                  offset: float) -> None:
    """Provisional speaker and role of each new final segment, from its voice and words (live only:
    the finalized transcript is diarized again over the whole visit)."""
    if not finals:
        return
    from scribe.engines.diarization import load_diarization_engine
    from scribe.speech.live_speakers import LiveSpeakers

    engine = load_diarization_engine()
    live = LiveSpeakers.from_dict(state.speakers)
    voice = _clinician_voice(visit)
    for seg in finals:
        a, b = (max(0, int(round((t - offset) * SAMPLE_RATE))) for t in (seg["start"], seg["end"]))
        piece = samples[a:b]
        embedding = engine.embed(piece) if piece.size >= SAMPLE_RATE // 2 else None
        seg["speaker"], seg["role"] = live.label(embedding, seg["end"] - seg["start"], seg["text"], voice)
    state.speakers = live.to_dict()


def asr_window(visit_id: str, upto: int, sent_at: float | None = None) -> str:
    """One live step. `sent_at`: wall time the owner submitted it (for the lag metric). Whatever the
    outcome, the owner hears about it (a partial, or window.done) so it can schedule the next one."""
    outcome = "error"
    try:
        outcome = _asr_window(visit_id, upto, sent_at)
        return outcome
    finally:
        if outcome != "ok":
            with session_scope() as s:
                processed = s.execute(select(LiveState.processed_bytes)
                                      .where(LiveState.visit_id == visit_id)).scalar()
            events.transient(visit_id, "window.done", {"processed": processed or 0, "outcome": outcome})


def _asr_window(visit_id: str, upto: int, sent_at: float | None) -> str:
    visit, live = _visit_and_state(visit_id)
    if visit is None or visit.status in ("finalizing", *FINAL_STATES) or visit.audio_format is None:
        return "skipped"
    if live.processed_bytes >= upto:
        return "done"
    cfg = get_settings()
    with timed("asr.window"):
        t0 = time.perf_counter()
        state = streaming.StreamState.from_dict(live.state)
        window_start = state.buffer_start
        words, end, processed, available, speech, samples, offset = _transcribe_window(visit, state, upto, flush=False)
        t1 = time.perf_counter()
        upd = streaming.update(state, words, end, trim_after=cfg.live_trim_seconds,
                               max_window=cfg.live_max_window_seconds, speech=speech)
        _label_finals(visit, state, upd.finals, samples, offset)
        if not _save_state(visit, live.version, state, processed, upd.finals):
            return "conflict"
        log.debug("window", extra={"seconds": round(end - window_start, 2), "duration_ms": round((t1 - t0) * 1000),
                                   "windows": len(upd.finals)})
    lag = None
    if sent_at is not None:
        lag = max(0.0, time.time() - sent_at)
        LIVE_LAG.observe(lag)
    events.transient(visit_id, "transcript.partial", {
        "text": upd.partial["text"] if upd.partial else "", "start": upd.partial["start"] if upd.partial else None,
        "end": upd.partial["end"] if upd.partial else None, "audio_end": round(end, 3),
        "processed": processed, "lag": round(lag, 3) if lag is not None else None})
    if upd.finals:
        _prefill_if_due(visit_id, upd.finals[-1]["end"])
    if cfg.diarize_ahead:  # after the partial went out: this visit's next window need not wait for it
        _diarize_ahead(visit, upto)
    return "ok"


_prefilled: dict[str, float] = {}  # visit -> transcript end (s) at its last prefill request (this process)


def _prefill_if_due(visit_id: str, transcript_end: float) -> None:
    from workers.documents import prefill_seconds

    every = prefill_seconds()
    if every > 0 and transcript_end - _prefilled.get(visit_id, 0.0) >= every:
        _prefilled[visit_id] = transcript_end
        _submit_next("documents.prefill", visit_id)


_ahead_busy: set[str] = set()
_ahead_done: dict[str, float] = {}  # visit -> horizon already stored (this process): no listing per window
_ahead_lock = threading.Lock()


def _ahead_prefix(visit_id: str) -> str:
    return visit_prefix(visit_id, "diarization/")


def _diarize_ahead(visit: Visit, upto: int) -> None:
    """Diarization network outputs for each new whole 20 s block of audio, stored sealed under the visit
    (`diarization/<horizon ms>.npz`; deleted once the visit is diarized). Best effort: anything missing
    is computed after stop."""
    from scribe.engines.diarization import load_diarization_engine
    from scribe.speech import diarize as dz

    with _ahead_lock:
        if visit.id in _ahead_busy:
            return
        _ahead_busy.add(visit.id)
    try:
        fmt, store, prefix = visit.audio_format, get_store(), _ahead_prefix(visit.id)
        horizon = dz.precompute_horizon(audio_io.available_seconds(fmt, visit.id, upto))
        if horizon <= _ahead_done.get(visit.id, 0.0):
            return  # no new whole block since this process last stored one (most windows)
        done = max((int(key.rsplit("/", 1)[1].split(".")[0]) / 1000 for key in store.list(prefix)), default=0.0)
        if horizon <= done:
            _ahead_done[visit.id] = done
            return
        with timed("asr.diarize_ahead"):
            engine = load_diarization_engine()
            start = dz.precompute_span(engine, done)
            part = dz.precompute(audio_io.read_span(fmt, visit.id, upto, start, horizon), start, engine, done, horizon)
            store.put(f"{prefix}{int(round(horizon * 1000)):010d}.npz", part.to_bytes())
        _ahead_done[visit.id] = horizon
        if _has_transcript(visit.id):  # the visit was diarized meanwhile: nothing will read this part
            store.delete_prefix(prefix)
    except Exception as exc:  # the finalize diarizes from scratch what is missing
        log.warning("diarize ahead failed", extra={"error": type(exc).__name__})
    finally:
        with _ahead_lock:
            _ahead_busy.discard(visit.id)


def _has_transcript(visit_id: str) -> bool:
    with session_scope() as s:
        return s.execute(select(Document.id).where(Document.visit_id == visit_id,
                                                   Document.kind == "transcript")).first() is not None


def _precomputed(visit_id: str):
    from scribe.speech.diarize import Precomputed

    store, out = get_store(), Precomputed()
    for key in store.list(_ahead_prefix(visit_id)):
        try:
            out.update(Precomputed.from_bytes(store.get(key)))
        except Exception as exc:  # a torn or unreadable part: its outputs are computed again
            log.warning("precomputed diarization part unreadable", extra={"error": type(exc).__name__})
    return out


def _live_finals(visit_id: str) -> list[dict]:
    """The visit's live final segments in order, each once (a window retried after a crash may have
    stored one twice)."""
    with session_scope() as s:
        rows = s.execute(select(Event.data).where(Event.visit_id == visit_id, Event.type == "transcript.final")
                         .order_by(Event.id)).scalars().all()
    seen, finals = set(), []
    for data in rows:
        if data["id"] not in seen:
            seen.add(data["id"])
            finals.append(data)
    return finals


def _committed_words(visit_id: str) -> list[dict]:
    return [w for seg in _live_finals(visit_id) for w in seg["words"]]


def _flush(visit_id: str) -> Visit:
    """Transcribe everything not yet committed; retried on a concurrent save."""
    conflicts = 0
    while conflicts < 20:
        visit, live = _visit_and_state(visit_id)
        upto = visit.audio_bytes
        state = streaming.StreamState.from_dict(live.state)
        fmt = visit.audio_format
        if fmt is None:
            return visit
        available = audio_io.available_seconds(fmt, visit.id, upto)
        if live.processed_bytes >= upto and state.buffer_start >= available - 0.05 and not state.open_words:
            return visit
        start = state.buffer_start
        words, end, processed, available, speech, samples, offset = _transcribe_window(visit, state, upto, flush=True)
        last = end >= available - 1e-3
        # A backlog longer than one window: commit what is safely inside this one, go on with the next.
        upd = streaming.update(state, words, end, flush=last, force_before=None if last else end - 2.0,
                               trim_after=0.0, speech=speech)
        _label_finals(visit, state, upd.finals, samples, offset)
        if not last and state.buffer_start <= start + 1.0:
            state.buffer_start = end - 2.0
        if _save_state(visit, live.version, state, upto if last else processed, upd.finals):
            if last:
                return visit
        else:
            conflicts += 1
    raise RuntimeError("could not flush the live transcript (too many concurrent updates)")


def asr_finalize(visit_id: str) -> str:
    """After stop: flush, diarize the whole visit, attribute words, label roles, store the transcript."""
    from scribe.speech.attribute import attribute
    from scribe.speech.roles import assign_roles
    from scribe.schemas import Transcript

    with session_scope() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.status in FINAL_STATES:
            return "skipped"
    if _has_transcript(visit_id):
        get_store().delete_prefix(_ahead_prefix(visit_id))
        _submit_next("documents.generate", visit_id)
        return "done"
    with timed("asr.finalize"):
        t0 = time.perf_counter()
        visit = _flush(visit_id)
        timings = {"flush": time.perf_counter() - t0}
        words = _committed_words(visit_id)
        from scribe.schemas import Word

        word_objs = [Word(**w) for w in words]
        fmt = visit.audio_format or {}
        upto = visit.audio_bytes
        duration = audio_io.available_seconds(fmt, visit_id, upto) if fmt else 0.0
        t0 = time.perf_counter()
        turns, embeddings = [], {}
        if word_objs:
            samples = audio_io.read_span(fmt, visit_id, upto, 0.0, duration + 1.0)
            diarization = _diarize(samples, _precomputed(visit_id))
            turns, embeddings = diarization.turns, diarization.embeddings
        timings["diarization"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        segments = attribute(word_objs, turns)
        speakers = assign_roles(segments, embeddings, _clinician_voice(visit))
        for seg in segments:
            seg.role = speakers[seg.speaker].role if seg.speaker in speakers else "unknown"
        timings["attribution"] = time.perf_counter() - t0
        state = _visit_and_state(visit_id)[1].state
        transcript = Transcript(language=_language(visit, state),
                                duration=round(duration, 3), segments=segments, speakers=speakers,
                                timings={k: round(v, 3) for k, v in timings.items()})
        with session_scope() as s:
            exists = s.execute(select(Document.id).where(Document.visit_id == visit_id,
                                                         Document.kind == "transcript")).first()
            if not exists:
                s.add(Document(tenant_id=visit.tenant_id, visit_id=visit_id, kind="transcript", version=1,
                               content=transcript.model_dump()))
                events.add_event(s, visit.tenant_id, visit_id, "transcript.ready",
                                 {"segments": len(segments), "duration": transcript.duration,
                                  "speakers": {k: v.role for k, v in speakers.items()},
                                  "links": {"transcript": f"/v1/visits/{visit_id}/transcript"}})
                emit(s, visit.tenant_id, visit_id, "transcript.ready")
        events.notify(visit_id)
    get_store().delete_prefix(_ahead_prefix(visit_id))  # voice features are not kept past their use
    _ahead_done.pop(visit_id, None)
    _prefilled.pop(visit_id, None)
    _submit_next("documents.generate", visit_id)
    return "ok"


def _diarize(samples: np.ndarray, precomputed=None):
    from scribe.engines.diarization import load_diarization_engine
    from scribe.speech.diarize import DiarizeOptions, diarize

    return diarize(Audio(samples), load_diarization_engine(), DiarizeOptions(min_speakers=1, max_speakers=4),
                   precomputed=precomputed)


def _language(visit: Visit, state: dict) -> str:
    return state.get("language") or (visit.language if visit.language != "auto" else "en")


def documents_prefill(visit_id: str) -> str:
    """While the visit goes on: the LLM evaluates the note's prompt for the transcript so far."""
    from workers import documents

    visit, live = _visit_and_state(visit_id)
    if visit is None or visit.status in ("finalizing", *FINAL_STATES):
        return "skipped"  # the finalized transcript's prompt is on its way
    usage: dict = {}
    with timed("documents.prefill"):
        documents.prefill(_live_finals(visit_id), live.state.get("speakers"), _language(visit, live.state),
                          get_settings().documents_llm, _clinician_voice(visit), usage=usage)
    _count_prompt_tokens("prefill", usage)
    return "ok"


def _count_prompt_tokens(stage: str, usage: dict) -> None:
    cached = usage.get("cached_tokens", 0)
    LLM_PROMPT_TOKENS.labels(stage, "yes").inc(cached)
    LLM_PROMPT_TOKENS.labels(stage, "no").inc(max(0, usage.get("prompt_tokens", 0) - cached))


def documents_generate(visit_id: str) -> str:
    from workers import documents

    with session_scope() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.status in FINAL_STATES:
            return "skipped"
        transcript = s.execute(select(Document.content).where(Document.visit_id == visit_id,
                                                              Document.kind == "transcript")).scalar_one_or_none()
    if transcript is None:
        raise RuntimeError("documents.generate before the transcript exists")
    with timed("documents.generate"):
        result = documents.build(transcript, template=visit.template, language=visit.language,
                                 llm=get_settings().documents_llm)
    timings = result["timings"]
    _count_prompt_tokens("note", {k[4:]: v for k, v in timings.items() if k.startswith("llm_")})
    with session_scope() as s:
        visit = s.get(Visit, visit_id)
        if visit.status in FINAL_STATES:
            return "done"
        have = set(s.execute(select(Document.kind).where(Document.visit_id == visit_id)).scalars())
        for kind in documents.KINDS:
            if kind not in have and result.get(kind) is not None:
                s.add(Document(tenant_id=visit.tenant_id, visit_id=visit_id, kind=kind, version=1,
                               status="draft", content=result[kind]))
        visit.status = "ready"
        visit.ready_at = utcnow()
        links = ready_links(visit_id)
        events.add_event(s, visit.tenant_id, visit_id, "visit.ready", {"links": links})
        if result.get("note") is not None:  # patient_summary.ready waits for a patient link (sign-off)
            emit(s, visit.tenant_id, visit_id, "note.draft_ready", version=1)
    events.notify(visit_id)
    return "ok"


def ready_links(visit_id: str) -> dict:
    base = f"/v1/visits/{visit_id}"
    return {"visit": base, "transcript": f"{base}/transcript", "facts": f"{base}/facts", "note": f"{base}/note",
            "patient_summary": f"{base}/patient-summary", "assistant_context": f"{base}/assistant-context",
            "events": f"{base}/events"}


def delivery_dispatch(outbox_id: int) -> str:
    from scribe.delivery.outbox import dispatch_task

    return dispatch_task(outbox_id)


def delivery_send(delivery_id: str) -> str:
    from scribe.delivery.outbox import send_task

    return send_task(delivery_id)


def mark_failed(visit_id: str, code: str, message: str) -> None:
    """A stage failed for good: the visit is failed and the clients get an error event."""
    with session_scope() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.status in FINAL_STATES:
            return
        visit.status = "failed"
        visit.error = message[:400]
        events.add_event(s, visit.tenant_id, visit_id, "error", {"code": code, "message": message[:400],
                                                                 "fatal": True})
    events.notify(visit_id)


TASKS = {"asr.window": asr_window, "asr.finalize": asr_finalize, "documents.prefill": documents_prefill,
         "documents.generate": documents_generate, "delivery.dispatch": delivery_dispatch,
         "delivery.send": delivery_send}


def _submit_next(name: str, *args) -> None:
    from workers.dispatch import submit

    submit(name, *args)


def pending_windows() -> int:  # used by tests and metrics
    with session_scope() as s:
        return s.execute(select(func.count()).select_from(LiveState)).scalar_one()
