"""ASR engine: faster-whisper (CTranslate2) loaded once per process from the model store or a path."""

from __future__ import annotations

import threading
from functools import lru_cache

from scribe.config import get_settings
from scribe.engines.store import resolve

_lock = threading.Lock()


@lru_cache(maxsize=4)
def _load(path: str, device: str, compute_type: str, cpu_threads: int):
    from faster_whisper import WhisperModel

    return WhisperModel(path, device=device, compute_type=compute_type, cpu_threads=cpu_threads, local_files_only=True)


def load_whisper(name: str | None = None, device: str | None = None, compute_type: str | None = None):
    """The WhisperModel for a store name ("base", "tiny.en") or a local CTranslate2 folder."""
    cfg = get_settings()
    path = resolve(name or cfg.asr_model, "asr")
    with _lock:  # two threads asking at once must not load twice
        return _load(str(path), device or cfg.asr_device, compute_type or cfg.asr_compute_type, cfg.cpu_threads)
