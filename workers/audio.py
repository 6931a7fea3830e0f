"""Read a visit's persisted audio back as 16 kHz mono float32, for any byte range / time span.

pcm_s16le maps seconds to bytes directly, so a window reads only the chunks it overlaps. Compressed
streams (webm-opus, ogg-opus) are decoded from the start of the visit up to the requested byte
(Opus decodes at hundreds of times real time; a per-process cache avoids repeating it for every window).
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict

import numpy as np
from sqlalchemy import select

from scribe.core.db import AudioChunk, session_scope
from scribe.core.objects import get_store
from scribe.errors import AudioError
from scribe.speech.types import SAMPLE_RATE

_cache: OrderedDict[str, tuple[int, np.ndarray]] = OrderedDict()
_cache_lock = threading.Lock()
_CACHE_VISITS = 16


def bytes_per_second(fmt: dict) -> int | None:
    if fmt.get("format") == "pcm_s16le":
        return int(fmt["sample_rate"]) * int(fmt["channels"]) * 2
    return None


def read_bytes(visit_id: str, start: int, end: int) -> bytes:
    """The visit's stream bytes [start, end) from the object store (only the chunks it overlaps)."""
    if end <= start:
        return b""
    with session_scope() as s:
        chunks = s.execute(select(AudioChunk.offset, AudioChunk.length, AudioChunk.key)
                           .where(AudioChunk.visit_id == visit_id, AudioChunk.offset < end,
                                  AudioChunk.offset + AudioChunk.length > start)
                           .order_by(AudioChunk.offset)).all()
    store, out, pos = get_store(), bytearray(), None
    for offset, length, key in chunks:
        if pos is not None and offset != pos:
            raise AudioError(f"audio of visit has a gap at byte {pos}")
        data = store.get(key)
        lo, hi = max(start - offset, 0), min(end - offset, length)
        out += data[lo:hi]
        pos = offset + length
    return bytes(out)


def pcm_to_float(raw: bytes, sample_rate: int, channels: int) -> np.ndarray:
    frame = 2 * channels
    raw = raw[: len(raw) // frame * frame]
    pcm = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if channels > 1:
        pcm = pcm.reshape(-1, channels).mean(axis=1)
    if sample_rate != SAMPLE_RATE and pcm.size:
        n = int(round(pcm.size * SAMPLE_RATE / sample_rate))
        pcm = np.interp(np.arange(n) * sample_rate / SAMPLE_RATE, np.arange(pcm.size), pcm).astype(np.float32)
    return pcm


def _decode_compressed(visit_id: str, upto: int) -> np.ndarray:
    from scribe.speech.decode import iter_chunks

    with _cache_lock:
        hit = _cache.get(visit_id)
        if hit and hit[0] == upto:
            _cache.move_to_end(visit_id)
            return hit[1]
    raw = read_bytes(visit_id, 0, upto)
    try:
        parts = list(iter_chunks(io.BytesIO(raw), chunk_seconds=60.0))
    except AudioError:
        parts = []  # not enough of the container yet
    samples = np.concatenate(parts) if parts else np.zeros(0, np.float32)
    with _cache_lock:
        _cache[visit_id] = (upto, samples)
        _cache.move_to_end(visit_id)
        while len(_cache) > _CACHE_VISITS:
            _cache.popitem(last=False)
    return samples


def available_seconds(fmt: dict, visit_id: str, upto: int) -> float:
    bps = bytes_per_second(fmt)
    if bps:
        return (upto - upto % (2 * int(fmt["channels"]))) / bps
    return _decode_compressed(visit_id, upto).size / SAMPLE_RATE


def read_span(fmt: dict, visit_id: str, upto: int, start: float, end: float) -> np.ndarray:
    """Samples of [start, end) seconds, using only the first `upto` stream bytes."""
    bps = bytes_per_second(fmt)
    if bps:
        frame = 2 * int(fmt["channels"])
        lo = int(start * bps) // frame * frame
        hi = min(int(end * bps) // frame * frame, upto // frame * frame)
        return pcm_to_float(read_bytes(visit_id, lo, hi), int(fmt["sample_rate"]), int(fmt["channels"]))
    samples = _decode_compressed(visit_id, upto)
    return samples[int(start * SAMPLE_RATE): int(end * SAMPLE_RATE)]


def bytes_at(fmt: dict, seconds: float, upto: int, available: float) -> int:
    """The stream byte position that corresponds to `seconds` of audio (approximate for compressed)."""
    bps = bytes_per_second(fmt)
    if bps:
        frame = 2 * int(fmt["channels"])
        return min(upto, int(seconds * bps) // frame * frame)
    if available <= 0 or seconds >= available:
        return upto
    return int(upto * seconds / available)


def forget(visit_id: str) -> None:
    with _cache_lock:
        _cache.pop(visit_id, None)
