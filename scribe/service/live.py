"""The live path of a visit while it streams: transcribe the next window, commit what stopped changing,
label it with a provisional speaker, tell the connection; after stop, flush what is left.

A window task is best effort and may run twice or concurrently with itself (late acks redeliver a task
whose worker died): the live state is saved with optimistic concurrency (its version column), and the
run that loses the race changes nothing.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select, update

from scribe import languages, voices
from scribe.config import get_settings
from scribe.core import events
from scribe.core.audio import StoredAudio
from scribe.core.crypto import keyring
from scribe.core.db import session_scope
from scribe.core.observability import ASR_BATCH, LIVE_LAG, LIVE_SKIPPED, timed
from scribe.core.tables import Event, LiveState, Visit, bound, utcnow
from scribe.engines.asr import load_whisper
from scribe.queue.dispatch import submit
from scribe.service import ahead, documents, vocabulary
from scribe.service.visits import FINAL_STATES
from scribe.speech import streaming
from scribe.speech.batcher import WindowBatcher, has_speech
from scribe.speech.live_speakers import LiveSpeakers
from scribe.speech.transcribe import AsrOptions, piece_words, rest_words, unheard_spans
from scribe.speech.types import SAMPLE_RATE

log = logging.getLogger("scribe.tasks")


# --------------------------------------------------------------------------- process-wide state


_batchers: dict[str, WindowBatcher] = {}
_batchers_lock = threading.Lock()
_prefilled: dict[str, float] = {}  # visit -> transcript end (s) at its last prefill request (this process)


def batcher(model_name: str | None = None) -> WindowBatcher:
    """The process-wide live-window batcher for an ASR model (loads the model once)."""
    name = model_name or get_settings().asr_model
    with _batchers_lock:
        if name not in _batchers:
            _batchers[name] = WindowBatcher(load_whisper(name), on_batch=ASR_BATCH.observe)
        return _batchers[name]


def forget(visit_id: str) -> None:
    """The visit is finalized: drop what this process remembered about its live path."""
    _prefilled.pop(visit_id, None)
    ahead.forget(visit_id)


# --------------------------------------------------------------------------- state


def visit_and_state(visit_id: str) -> tuple[Visit | None, LiveState | None]:
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


def _save_state(visit: Visit, version: int, state: streaming.StreamState, processed: int, finals: list[dict]) -> bool:
    """Persist the new state and its final segments atomically; False when another run won."""
    with session_scope() as s:
        result = s.execute(
            update(LiveState)
            .where(LiveState.visit_id == visit.id, LiveState.version == version)
            .values(
                version=version + 1,
                state=bound(LiveState.state, state.to_dict(), visit_id=visit.id),
                processed_bytes=processed,
                updated_at=utcnow(),
            )
        )
        if result.rowcount != 1:
            s.rollback()
            return False
        for seg in finals:
            events.add_event(
                s, visit.tenant_id, visit.id, "transcript.final", {"speaker": None, "role": "unknown", **seg}
            )
    if finals:
        events.notify(visit.id)
    return True


def live_finals(visit_id: str) -> list[dict]:
    """The visit's live final segments in order, each once (a window retried after a crash may have
    stored one twice)."""
    with session_scope() as s:
        rows = (
            s.execute(
                select(Event.data)
                .where(Event.visit_id == visit_id, Event.type == "transcript.final")
                .order_by(Event.id)
            )
            .scalars()
            .all()
        )
    seen, finals = set(), []
    for data in rows:
        if data["id"] not in seen:
            seen.add(data["id"])
            finals.append(data)
    return finals


def clinician_voice(visit: Visit) -> np.ndarray | None:
    try:
        return voices.load(voices.key(visit.tenant_id, visit.clinician_id), keyring())
    except Exception:
        return None


# --------------------------------------------------------------------------- one window


@dataclass
class Window:
    """One transcribed window of a visit's stored audio."""

    audio: StoredAudio  # the stream as far as this window could read it
    start: float  # seconds, visit time
    end: float
    samples: np.ndarray  # the window's audio
    words: list[dict]  # hypothesis words, visit time
    speech: bool  # the voice activity detector heard speech

    @property
    def processed(self) -> int:
        """Stream bytes up to the window's end."""
        return self.audio.byte_at(self.end)


def _transcribe(visit: Visit, state: streaming.StreamState, audio: StoredAudio, flush: bool) -> Window:
    """The next window after what the state committed; the language is settled on the first one."""
    cfg = get_settings()
    start, end = streaming.window(state, audio.seconds, cfg.live_max_window_seconds)
    if flush:  # the last window may exceed the live cap: transcribe in ≤ 24 s pieces
        end = min(audio.seconds, start + cfg.live_max_window_seconds)
    samples = audio.samples(start, end)
    asr = batcher()
    if state.language is None:
        wanted = languages.requested(visit.language)
        if wanted or not asr.multilingual:
            state.language = wanted or "en"
        elif samples.size >= 4 * SAMPLE_RATE and has_speech(samples):
            state.language = asr.detect_language(samples)
    vocab = vocabulary.of_visit(visit)  # the visit's drugs and terms, read as a prompt (issue 12)
    words = None
    if samples.size >= SAMPLE_RATE // 5:
        words = asr.transcribe(samples, state.language or "en", vocabulary=vocab)
        if flush and words is not None:  # after stop, no later window hears this audio again
            words += rest_words(samples, words, *_offline(state.language or "en", vocab))
    speech = words is not None
    words = words or []
    for w in words:
        w["start"] = round(w["start"] + start, 3)
        w["end"] = round(w["end"] + start, 3)
    return Window(audio, start, end, samples, words, speech)


def _label_finals(visit: Visit, state: streaming.StreamState, finals: list[dict], window: Window) -> None:
    """Provisional speaker and role of each new final segment, from its voice and words (live only:
    the finalized transcript is diarized again over the whole visit)."""
    if not finals:
        return
    from scribe.engines.diarization import load_diarization_engine  # torch: only where audio is diarized

    engine = load_diarization_engine()
    live = LiveSpeakers.from_dict(state.speakers)
    voice = clinician_voice(visit)
    for seg in finals:
        a, b = (max(0, int(round((t - window.start) * SAMPLE_RATE))) for t in (seg["start"], seg["end"]))
        piece = window.samples[a:b]
        embedding = engine.embed(piece) if piece.size >= SAMPLE_RATE // 2 else None
        seg["speaker"], seg["role"] = live.label(embedding, seg["end"] - seg["start"], seg["text"], voice)
    state.speakers = live.to_dict()


def window(visit_id: str, upto: int, sent_at: float | None = None) -> str:
    """One live step. `sent_at`: wall time the owner submitted it (for the lag metric). Whatever the
    outcome, the owner hears about it (a partial, or window.done) so it can schedule the next one."""
    outcome = "error"
    try:
        outcome = _window(visit_id, upto, sent_at)
        return outcome
    finally:
        if outcome != "ok":
            with session_scope() as s:
                processed = s.execute(select(LiveState.processed_bytes).where(LiveState.visit_id == visit_id)).scalar()
            events.transient(visit_id, "window.done", {"processed": processed or 0, "outcome": outcome})


def _window(visit_id: str, upto: int, sent_at: float | None) -> str:
    visit, live = visit_and_state(visit_id)
    if visit is None or visit.status in ("finalizing", *FINAL_STATES) or visit.audio_format is None:
        return "skipped"
    if live.processed_bytes >= upto:
        return "done"
    cfg = get_settings()
    # The newest audio stored now, not only what was stored at submission: a window that waited in the
    # queue covers everything that arrived meanwhile.
    audio = StoredAudio(visit.id, visit.audio_format, max(upto, visit.audio_bytes))
    with timed("asr.window"):
        t0 = time.perf_counter()
        state = streaming.StreamState.from_dict(live.state)
        shed = _shed(state, audio, live.processed_bytes, cfg.live_max_lag_seconds)
        window_start = state.buffer_start
        win = _transcribe(visit, state, audio, flush=False)
        t1 = time.perf_counter()
        upd = streaming.update(
            state,
            win.words,
            win.end,
            trim_after=cfg.live_trim_seconds,
            max_window=cfg.live_max_window_seconds,
            speech=win.speech,
        )
        _label_finals(visit, state, upd.finals, win)
        if not _save_state(visit, live.version, state, win.processed, shed + upd.finals):
            return "conflict"
        log.debug(
            "window",
            extra={
                "seconds": round(win.end - window_start, 2),
                "duration_ms": round((t1 - t0) * 1000),
                "windows": len(upd.finals),
            },
        )
    lag = None
    if sent_at is not None:
        lag = max(0.0, time.time() - sent_at)
        LIVE_LAG.observe(lag)
    partial = upd.partial
    events.transient(
        visit_id,
        "transcript.partial",
        {
            "text": partial["text"] if partial else "",
            "start": partial["start"] if partial else None,
            "end": partial["end"] if partial else None,
            "audio_end": round(win.end, 3),
            "processed": win.processed,
            "lag": round(lag, 3) if lag is not None else None,
        },
    )
    if upd.finals:
        _prefill_if_due(visit_id, upd.finals[-1]["end"])
        submit("assistant.update", visit_id)  # the live assistant context (scribe.service.assistant)
    if cfg.diarize_ahead:  # after the partial went out: this visit's next window need not wait for it
        ahead.diarize_ahead(visit, audio)
    return "ok"


def _shed(state: streaming.StreamState, audio: StoredAudio, processed: int, max_lag: float) -> list[dict]:
    """Load shedding: when the workers fell behind this visit (its newest audio is more than `max_lag`
    seconds past the last window), the live path skips to the newest audio, so that partials stay
    recent instead of working through a backlog nobody watches; the final pass transcribes what was
    skipped (transcribe_unheard). Returns the segments the skip made final (committed words)."""
    if max_lag <= 0 or audio.upto <= 0:
        return []
    behind = audio.seconds * (1 - processed / audio.upto)
    if behind <= max_lag:
        return []
    log.info("live window skips ahead", extra={"seconds": round(behind, 1)})
    before = sum(b - a for a, b in state.skipped)
    finals = streaming.skip(state, audio.seconds - max_lag / 2)
    LIVE_SKIPPED.inc(max(0.0, sum(b - a for a, b in state.skipped) - before))
    return finals


def transcribe_unheard(visit: Visit, audio: StoredAudio, words: list[dict]) -> list[dict]:
    """Words of the speech no live window kept, in visit time: the spans the live path skipped when it fell
    behind (state.skipped), and every stretch between the committed `words` where the VAD hears speech
    (unheard_spans: a window the batcher decoded short and forced, a worker that died while the visit
    streamed on). Decoded from each span's opening, with context after its pieces' ends
    (streaming.decode_skipped) by the offline pipeline (piece_words), not the live batcher, which can lose a
    piece whole."""
    _, live = visit_and_state(visit.id)
    state = streaming.StreamState.from_dict(live.state)
    gaps = unheard_spans(words, audio.seconds, audio.samples)
    spans = streaming.union([*state.skipped, *gaps])
    if not spans:
        return []
    if gaps:
        log.info("speech no live window kept", extra={"seconds": round(sum(b - a for a, b in gaps), 1)})
    model, options = _offline(state.language or "en", vocabulary.of_visit(visit))
    return streaming.decode_skipped(
        spans,
        lambda samples: piece_words(samples, model, options),
        audio.samples,
        audio.seconds,
        cap=get_settings().live_max_window_seconds,
    )


def _offline(language: str, vocab) -> tuple:
    """The model and options of the offline pipeline, for audio no later live window decodes again."""
    cfg = get_settings()
    return load_whisper(cfg.asr_model), AsrOptions(language=language, vocabulary=vocab, beam_size=cfg.asr_beam_size)


def _prefill_if_due(visit_id: str, transcript_end: float) -> None:
    every = documents.prefill_seconds()
    if every > 0 and transcript_end - _prefilled.get(visit_id, 0.0) >= every:
        _prefilled[visit_id] = transcript_end
        submit("documents.prefill", visit_id)


# --------------------------------------------------------------------------- after stop


def flush(visit_id: str) -> Visit:
    """Transcribe everything not yet committed; retried on a concurrent save."""
    conflicts = 0
    while conflicts < 20:
        visit, live = visit_and_state(visit_id)
        state = streaming.StreamState.from_dict(live.state)
        if visit.audio_format is None:
            return visit
        audio = StoredAudio.of(visit)
        if live.processed_bytes >= audio.upto and state.buffer_start >= audio.seconds - 0.05 and not state.open_words:
            return visit
        start = state.buffer_start
        win = _transcribe(visit, state, audio, flush=True)
        last = win.end >= audio.seconds - 1e-3
        # A backlog longer than one window: commit what is safely inside this one, go on with the next.
        upd = streaming.update(
            state,
            win.words,
            win.end,
            flush=last,
            force_before=None if last else win.end - 2.0,
            trim_after=0.0,
            speech=win.speech,
        )
        _label_finals(visit, state, upd.finals, win)
        if not last and state.buffer_start <= start + 1.0:
            state.buffer_start = win.end - 2.0
        if _save_state(visit, live.version, state, audio.upto if last else win.processed, upd.finals):
            if last:
                return visit
        else:
            conflicts += 1
    raise RuntimeError("could not flush the live transcript (too many concurrent updates)")


def prefill(visit_id: str) -> str:
    """documents.prefill: while the visit goes on, the LLM evaluates the note's prompt for the
    transcript so far."""
    visit, live = visit_and_state(visit_id)
    if visit is None or visit.status in ("finalizing", *FINAL_STATES):
        return "skipped"  # the finalized transcript's prompt is on its way
    usage: dict = {}
    with timed("documents.prefill"):
        documents.prefill(
            live_finals(visit_id),
            live.state.get("speakers"),
            languages.spoken(live.state.get("language"), visit.language),
            get_settings().documents_llm,
            clinician_voice(visit),
            usage=usage,
        )
    documents.count_prompt_tokens("prefill", usage)
    return "ok"
