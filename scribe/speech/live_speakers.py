"""Provisional speaker and role for each live final segment, while the visit goes on.

Pure (no model, no I/O): the caller gives the segment's voice embedding (CAM++, L2-normalised) and its
text. Speakers are clustered online: a segment joins the speaker whose running centroid it matches best
(cosine >= MATCH), otherwise it opens a new speaker (at most MAX_SPEAKERS). Roles come from the same
evidence as the finalized transcript's (scribe.speech.roles: speech cues, enrolled clinician voice),
accumulated as counts only. After `stop`, diarization over the whole visit replaces these labels; the
live ones exist so the doctor sees who said what while talking.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from scribe.schemas import Transcript, Word
from scribe.speech.attribute import attribute
from scribe.speech.roles import SpeechProfile, label_speakers
from scribe.speech.types import SpeakerTurn

MATCH = 0.45  # CAM++ cosine to a speaker's centroid above which a segment is theirs
MIN_NEW_SECONDS = 1.5  # a segment shorter than this never opens a new speaker (too little voice)
MAX_SPEAKERS = 4


@dataclass
class LiveSpeakers:
    """Serialisable state: running centroid sums and speech counts per speaker ("S1", "S2", ...)."""

    sums: dict[str, list[float]] = field(default_factory=dict)
    profiles: dict[str, dict] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> LiveSpeakers:
        return cls(**(data or {}))

    def _match(self, embedding: np.ndarray) -> tuple[str | None, float]:
        best, best_sim = None, -1.0
        for name, total in self.sums.items():
            centroid = np.asarray(total)
            sim = float(centroid @ embedding / (np.linalg.norm(centroid) + 1e-9))
            if sim > best_sim:
                best, best_sim = name, sim
        return best, best_sim

    def label(
        self, embedding: np.ndarray | None, seconds: float, text: str, clinician_voice: np.ndarray | None = None
    ) -> tuple[str | None, str]:
        """(speaker, role) of one final segment; updates the state. No embedding and no speaker yet:
        (None, "unknown")."""
        name, sim = self._match(embedding) if embedding is not None else (None, -1.0)
        if embedding is not None and sim < MATCH and seconds >= MIN_NEW_SECONDS and len(self.sums) < MAX_SPEAKERS:
            name = f"S{len(self.sums) + 1}"
            self.sums[name] = [0.0] * embedding.size
        if name is None:
            return None, "unknown"
        if embedding is not None and (sim >= MATCH or seconds >= MIN_NEW_SECONDS):
            self.sums[name] = (np.asarray(self.sums[name]) + embedding).tolist()
        p = SpeechProfile(**self.profiles.get(name, {}))
        p.add(text)
        self.profiles[name] = asdict(p)
        return name, self.roles(clinician_voice).get(name, "unknown")

    def roles(self, clinician_voice: np.ndarray | None = None) -> dict[str, str]:
        """Each live speaker's role on the evidence so far."""
        centroids = {k: np.asarray(v) / (np.linalg.norm(v) + 1e-9) for k, v in self.sums.items()}
        infos = label_speakers({k: SpeechProfile(**v) for k, v in self.profiles.items()}, centroids, clinician_voice)
        return {k: v.role for k, v in infos.items()}


def provisional_transcript(
    finals: list[dict], live: LiveSpeakers, language: str, clinician_voice: np.ndarray | None = None
) -> Transcript:
    """The transcript so far from the live final segments, cut into segments by the rule the finalized
    one uses (scribe.speech.attribute) and labelled with the live speakers' current roles: the likely
    beginning of the finalized transcript, for work that can start before `stop` (the note's prompt)."""
    words = [Word(**w) for seg in finals for w in seg["words"]]
    turns = [SpeakerTurn(seg["start"], seg["end"], seg["speaker"]) for seg in finals if seg.get("speaker")]
    segments = attribute(words, turns)
    roles = live.roles(clinician_voice)
    for seg in segments:
        seg.role = roles.get(seg.speaker, "unknown")
    return Transcript(language=language, duration=segments[-1].end if segments else 0.0, segments=segments)
