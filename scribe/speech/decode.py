"""decode: any container/codec PyAV reads -> 16 kHz mono float32, with clear errors for bad input."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import av
import numpy as np

from scribe.errors import AudioError
from scribe.speech.types import SAMPLE_RATE, Audio

# 2 h of 16 kHz float32 is 460 MB; anything longer must be streamed chunk by chunk.
MAX_IN_MEMORY_SECONDS = 3 * 3600


def iter_chunks(source: str | Path | BinaryIO, chunk_seconds: float = 30.0) -> Iterator[np.ndarray]:
    """Decode lazily, yielding float32 16 kHz mono chunks; memory stays bounded for any length."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise AudioError(f"no such file: {path}")
        if path.stat().st_size == 0:
            raise AudioError(f"{path.name}: empty file")
    try:
        container = av.open(str(source) if isinstance(source, Path) else source, metadata_errors="ignore")
    except av.error.InvalidDataError:
        raise AudioError("not an audio file (no decodable stream)") from None
    except av.error.FFmpegError as exc:
        raise AudioError(f"cannot open audio: {exc.strerror or type(exc).__name__}") from None
    with container:
        if not container.streams.audio:
            raise AudioError("the file has no audio stream")
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        want = int(chunk_seconds * SAMPLE_RATE)
        pending: list[np.ndarray] = []
        have = 0
        try:
            for packet in container.demux(stream):
                for frame in packet.decode():
                    for out in resampler.resample(frame):
                        pending.append(out.to_ndarray().reshape(-1))
                        have += pending[-1].size
                    if have >= want:
                        block = np.concatenate(pending)
                        yield (block[:want].astype(np.float32) / 32768.0)
                        pending, have = [block[want:]], block.size - want
            for out in resampler.resample(None):
                pending.append(out.to_ndarray().reshape(-1))
        except av.error.InvalidDataError:
            # A truncated file: keep what decoded cleanly, as a recorder cut off mid-write would want.
            pass
        except av.error.FFmpegError as exc:
            raise AudioError(f"cannot decode audio ({exc.strerror or type(exc).__name__})") from None
        if pending:
            block = np.concatenate(pending)
            if block.size:
                yield block.astype(np.float32) / 32768.0


def decode(source: str | Path | bytes | BinaryIO) -> Audio:
    """Decode a whole file into memory (bounded by MAX_IN_MEMORY_SECONDS)."""
    if isinstance(source, bytes):
        if not source:
            raise AudioError("empty audio")
        source = io.BytesIO(source)
    chunks, total = [], 0
    for chunk in iter_chunks(source):
        chunks.append(chunk)
        total += chunk.size
        if total > MAX_IN_MEMORY_SECONDS * SAMPLE_RATE:
            raise AudioError(f"audio longer than {MAX_IN_MEMORY_SECONDS // 3600} h; split it first")
    samples = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
    if samples.size == 0:
        raise AudioError("zero-length audio (no samples decoded)")
    return Audio(samples)
