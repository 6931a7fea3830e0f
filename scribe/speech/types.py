"""Typed currency between pipeline stages (internal; the public contract is scribe.schemas)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

SAMPLE_RATE = 16_000

# Progress hook, pyannote-style: hook(step, completed=None, total=None). Stages call it as they go.
Hook = Callable[..., None]


def no_hook(step: str, completed: float | None = None, total: float | None = None) -> None:
    """Default hook: report nothing."""


@dataclass
class Audio:
    """Mono float32 samples at 16 kHz."""

    samples: np.ndarray
    sample_rate: int = SAMPLE_RATE

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    def between(self, start: float, end: float) -> np.ndarray:
        """The samples from `start` to `end` seconds."""
        return self.samples[int(start * self.sample_rate) : int(end * self.sample_rate)]


@dataclass(frozen=True)
class SpeakerTurn:
    start: float
    end: float
    speaker: str


@dataclass
class Diarization:
    turns: list[SpeakerTurn]
    # One L2-normalised voice embedding per speaker (CAM++ space), for enrollment matching.
    embeddings: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def speakers(self) -> list[str]:
        return sorted({t.speaker for t in self.turns})
