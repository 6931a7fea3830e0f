"""The process-wide live-window batcher (scribe.speech.batcher), one per ASR model."""

from __future__ import annotations

import threading

from scribe.config import get_settings
from scribe.core.observability import ASR_BATCH
from scribe.engines.asr import load_whisper
from scribe.speech.batcher import WindowBatcher, has_speech  # noqa: F401

_batchers: dict[str, WindowBatcher] = {}
_lock = threading.Lock()


def get_batcher(model_name: str | None = None) -> WindowBatcher:
    """The process-wide batcher for a model (loads the model once)."""
    name = model_name or get_settings().asr_model
    with _lock:
        if name not in _batchers:
            _batchers[name] = WindowBatcher(load_whisper(name), on_batch=ASR_BATCH.observe)
        return _batchers[name]
