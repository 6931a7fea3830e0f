"""ASR engine: faster-whisper (CTranslate2) loaded once per process from the model store or a path."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from scribe.config import get_settings
from scribe.engines.store import resolve
from scribe.errors import ModelStoreError

_lock = threading.Lock()
# What makes a folder a CTranslate2 Whisper model (the converter writes these two).
_CT2_FILES = ("model.bin", "config.json")


@lru_cache(maxsize=4)
def _load(path: str, device: str, compute_type: str, cpu_threads: int):
    from faster_whisper import WhisperModel

    return WhisperModel(path, device=device, compute_type=compute_type, cpu_threads=cpu_threads, local_files_only=True)


def whisper_path(name: str | None = None) -> Path:
    """Where a store name ("base", "tiny.en") or a local CTranslate2 folder lies; a ModelStoreError naming
    the problem for anything else (a hub name, a PyTorch checkpoint, a folder without model.bin)."""
    path = resolve(name or get_settings().asr_model, "asr")
    missing = [f for f in _CT2_FILES if not (path / f).is_file()]
    if missing:
        raise ModelStoreError(f"{path} is not a CTranslate2 Whisper folder (no {', '.join(missing)})")
    return path


def load_whisper(name: str | None = None, device: str | None = None, compute_type: str | None = None):
    """The WhisperModel for a store name ("base", "tiny.en") or a local CTranslate2 folder."""
    cfg = get_settings()
    path = whisper_path(name)
    with _lock:  # two threads asking at once must not load twice
        return _load(str(path), device or cfg.asr_device, compute_type or cfg.asr_compute_type, cfg.cpu_threads)


def fix_sampling_seed(seed: int = 0) -> None:
    """Whisper decodes a segment it is unsure of again at higher temperatures, by sampling; with the seed
    fixed before each recording, the same audio gives the same transcript, hence the same note, every time."""
    import ctranslate2

    ctranslate2.set_random_seed(seed)


def final_model(language: str | None) -> str | None:
    """The model of the final pass for a visit in `language` (SCRIBE_ASR_MODEL_FR for French, else
    SCRIBE_FINAL_ASR_MODEL), None when the live transcript is final."""
    cfg = get_settings()
    if (language or "").startswith("fr") and cfg.asr_model_fr:
        return cfg.asr_model_fr
    return cfg.final_asr_model or None
