"""Configuration from SCRIBE_* environment variables (one place, typed).

Defaults give the embedded single-machine setup: models in ./models, CPU, int8.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Loading must never reach a model hub, whatever library we call into.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCRIBE_", env_file=None, extra="ignore")

    # Model store: a folder `scribe models install` fills and verifies.
    models: Path = PROJECT_ROOT / "models"
    # ASR: a store name ("base", "tiny.en") or a path to any CTranslate2 Whisper folder.
    asr_model: str = "base"
    asr_device: str = "cpu"  # "cuda" on GPU workers
    asr_compute_type: str = "int8"  # "float16" / "int8_float16" on GPU
    # Greedy on CPU keeps the base model near 0.07x real time; GPU workers set 5.
    asr_beam_size: int = 1
    cpu_threads: int = 0  # 0: let CTranslate2/torch decide
    # Diarization: store names, or paths to a pyannote segmentation checkpoint / CAM++ weights.
    segmentation_model: str = "pyannote-segmentation-3.0"
    embedding_model: str = "campplus"
    diarization_device: str = "cpu"
    # Clinician voice enrollments (one .npy per clinician).
    voices: Path = PROJECT_ROOT / ".scribe" / "voices"


@lru_cache
def get_settings() -> Settings:
    return Settings()
