"""The transcript contract: one pydantic source of truth shared by the CLI, the API, workers,
benchmarks and EHR payloads. Keep it stable: add optional fields, never rename."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Role = Literal["clinician", "patient", "other", "unknown"]


class Word(BaseModel):
    start: float
    end: float
    word: str
    probability: float
    original: str | None = None  # what the recogniser wrote, when a correction replaced it


class Correction(BaseModel):
    """A word span read as something the recogniser misheard ("lassox" → "lasix"): applied when the
    match is strong, else only recorded so the note flags the sentence for review."""

    start: int  # character offsets in the segment's (corrected) text
    end: int
    original: str
    corrected: str
    score: float  # 0-100, string similarity
    applied: bool
    source: Literal["visit", "lexicon"] = "lexicon"


class Segment(BaseModel):
    """One speaker turn (words of one speaker, merged while contiguous)."""

    id: int
    start: float
    end: float
    speaker: str | None = None
    role: Role = "unknown"
    text: str
    words: list[Word] = Field(default_factory=list)
    corrections: list[Correction] = Field(default_factory=list)


class SpeakerInfo(BaseModel):
    role: Role
    confidence: float
    # Why the role was chosen ("enrolled voice", "asks questions", ...); no transcript text.
    evidence: list[str] = Field(default_factory=list)


class Transcript(BaseModel):
    language: str
    duration: float
    segments: list[Segment] = Field(default_factory=list)
    speakers: dict[str, SpeakerInfo] = Field(default_factory=dict)
    timings: dict[str, float] = Field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)
