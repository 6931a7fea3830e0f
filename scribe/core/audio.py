"""A visit's stored audio stream, read back as 16 kHz mono float32 for any time span.

The websocket persists the client's bytes as chunks (object store + audio_chunks rows); StoredAudio
reads the first `upto` bytes of that stream. pcm_s16le maps seconds to bytes directly, so a span reads
only the chunks it overlaps. Compressed streams (webm-opus, ogg-opus) are decoded from the start of the
visit up to `upto` (Opus decodes at hundreds of times real time; a per-process cache keeps the last
decode of each of the most recent visits, so consecutive windows do not repeat it). The cache is bounded
by the bytes it holds (SCRIBE_DECODE_CACHE_MB), not by a number of visits: one long visit is 230 MB of
float32 an hour, so a count bound alone lets a few long streams take the process's memory.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict

import numpy as np
from sqlalchemy import select

from scribe.config import get_settings
from scribe.core.db import session_scope
from scribe.core.objects import get_store
from scribe.core.tables import AudioChunk
from scribe.errors import AudioError
from scribe.speech.decode import iter_chunks
from scribe.speech.types import SAMPLE_RATE

_cache: OrderedDict[str, tuple[int, np.ndarray]] = OrderedDict()
_cache_lock = threading.Lock()


def bytes_per_second(fmt: dict) -> int | None:
    """Stream bytes per second of audio: known for pcm_s16le, None for compressed formats."""
    if fmt.get("format") == "pcm_s16le":
        return int(fmt["sample_rate"]) * int(fmt["channels"]) * 2
    return None


class StoredAudio:
    """The first `upto` bytes of a visit's audio stream in format `fmt` (the websocket's start message)."""

    def __init__(self, visit_id: str, fmt: dict, upto: int):
        self.visit_id, self.fmt, self.upto = visit_id, fmt, upto
        self.bytes_per_second = bytes_per_second(fmt)
        self.frame = 2 * int(fmt["channels"]) if self.bytes_per_second else 0
        self._seconds: float | None = None

    @classmethod
    def of(cls, visit) -> StoredAudio:
        """A visit's audio as persisted so far (visit.audio_bytes)."""
        return cls(visit.id, visit.audio_format or {}, visit.audio_bytes)

    @property
    def seconds(self) -> float:
        """Seconds of audio in the stored bytes."""
        if self._seconds is None:
            if self.bytes_per_second:
                self._seconds = (self.upto - self.upto % self.frame) / self.bytes_per_second
            else:
                self._seconds = self._decoded().size / SAMPLE_RATE
        return self._seconds

    def samples(self, start: float, end: float) -> np.ndarray:
        """Samples of [start, end) seconds."""
        if self.bytes_per_second:
            lo, hi = self._byte_range(start, end)
            return pcm_to_float(
                read_bytes(self.visit_id, lo, hi), int(self.fmt["sample_rate"]), int(self.fmt["channels"])
            )
        return self._decoded()[int(start * SAMPLE_RATE) : int(end * SAMPLE_RATE)]

    def byte_at(self, seconds: float) -> int:
        """The stream byte position of `seconds` of audio (approximate for compressed streams)."""
        if self.bytes_per_second:
            return min(self.upto, int(seconds * self.bytes_per_second) // self.frame * self.frame)
        if self.seconds <= 0 or seconds >= self.seconds:
            return self.upto
        return int(self.upto * seconds / self.seconds)

    def pcm(self, start: float | None = None, end: float | None = None) -> tuple[bytes, int, int]:
        """(16-bit PCM bytes, sample rate, channels) of [start, end) seconds (whole stream by default):
        pcm_s16le as stored, compressed streams decoded to 16 kHz mono."""
        if self.bytes_per_second:
            lo, hi = self._byte_range(start or 0.0, end)
            raw = read_bytes(self.visit_id, lo, hi) if hi > lo else b""
            return raw, int(self.fmt["sample_rate"]), int(self.fmt["channels"])
        samples = self.samples(start or 0.0, end if end is not None else 1e9)
        return (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes(), SAMPLE_RATE, 1

    def _byte_range(self, start: float, end: float | None) -> tuple[int, int]:
        """Whole frames of [start, end) seconds within the stored bytes (end None: all of them)."""
        last = self.upto // self.frame * self.frame
        lo = int(start * self.bytes_per_second) // self.frame * self.frame
        hi = last if end is None else min(int(end * self.bytes_per_second) // self.frame * self.frame, last)
        return lo, hi

    def _decoded(self) -> np.ndarray:
        with _cache_lock:
            hit = _cache.get(self.visit_id)
            if hit and hit[0] == self.upto:
                _cache.move_to_end(self.visit_id)
                return hit[1]
        raw = read_bytes(self.visit_id, 0, self.upto)
        try:
            parts = list(iter_chunks(io.BytesIO(raw), chunk_seconds=60.0))
        except AudioError:
            parts = []  # not enough of the container yet
        samples = np.concatenate(parts) if parts else np.zeros(0, np.float32)
        remember(self.visit_id, self.upto, samples)
        return samples


def remember(visit_id: str, upto: int, samples: np.ndarray) -> None:
    """Cache a visit's decode, evicting the least recently used ones beyond the byte budget."""
    budget = get_settings().decode_cache_mb << 20
    with _cache_lock:
        _cache.pop(visit_id, None)
        if samples.nbytes > budget:
            return
        _cache[visit_id] = (upto, samples)
        while sum(s.nbytes for _, s in _cache.values()) > budget:
            _cache.popitem(last=False)


def cached_bytes() -> int:
    with _cache_lock:
        return sum(s.nbytes for _, s in _cache.values())


def read_bytes(visit_id: str, start: int, end: int) -> bytes:
    """The visit's stream bytes [start, end) from the object store (only the chunks it overlaps)."""
    if end <= start:
        return b""
    with session_scope() as s:
        chunks = s.execute(
            select(AudioChunk.offset, AudioChunk.length, AudioChunk.key)
            .where(
                AudioChunk.visit_id == visit_id, AudioChunk.offset < end, AudioChunk.offset + AudioChunk.length > start
            )
            .order_by(AudioChunk.offset)
        ).all()
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
    """16-bit little-endian PCM → 16 kHz mono float32 (channels averaged, linear resampling)."""
    frame = 2 * channels
    raw = raw[: len(raw) // frame * frame]
    pcm = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if channels > 1:
        pcm = pcm.reshape(-1, channels).mean(axis=1)
    if sample_rate != SAMPLE_RATE and pcm.size:
        n = int(round(pcm.size * SAMPLE_RATE / sample_rate))
        pcm = np.interp(np.arange(n) * sample_rate / SAMPLE_RATE, np.arange(pcm.size), pcm).astype(np.float32)
    return pcm


def forget(visit_id: str) -> None:
    """Drop the visit's cached decode (its audio was deleted)."""
    with _cache_lock:
        _cache.pop(visit_id, None)
