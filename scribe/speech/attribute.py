"""attribute: give each word the speaker whose turn overlaps it most, then merge words into turns."""

from __future__ import annotations

import bisect

from scribe.schemas import Segment, Word
from scribe.speech.types import SpeakerTurn

MAX_GAP = 1.5  # seconds of silence that start a new segment even for the same speaker
NEAREST_WITHIN = 1.0  # a word outside every turn takes the nearest turn this close


def speaker_of(word: Word, turns: list[SpeakerTurn], starts: list[float]) -> str | None:
    """The speaker with the largest time overlap with the word (turns sorted by start)."""
    overlap: dict[str, float] = {}
    i = bisect.bisect_right(starts, word.end)
    # Turns starting after the word cannot overlap it; of earlier ones only the last few can.
    for turn in turns[max(0, i - 8) : i]:
        shared = min(turn.end, word.end) - max(turn.start, word.start)
        if shared > 0:
            overlap[turn.speaker] = overlap.get(turn.speaker, 0.0) + shared
    if overlap:
        return max(overlap, key=overlap.get)
    mid = (word.start + word.end) / 2
    best, best_distance = None, NEAREST_WITHIN
    for turn in turns[max(0, i - 2) : i + 1]:
        distance = min(abs(mid - turn.start), abs(mid - turn.end))
        if distance <= best_distance:
            best, best_distance = turn.speaker, distance
    return best


def attribute(words: list[Word], turns: list[SpeakerTurn]) -> list[Segment]:
    """Words (in time order) → speaker segments. With no turns at all, everything is one speaker."""
    turns = sorted(turns, key=lambda t: t.start)
    starts = [t.start for t in turns]
    labelled: list[tuple[str, Word]] = []
    for word in words:
        speaker = speaker_of(word, turns, starts) if turns else "S1"
        if speaker is None:  # outside every turn: keep it with the previous speaker (never drop words)
            speaker = labelled[-1][0] if labelled else (turns[0].speaker if turns else "S1")
        labelled.append((speaker, word))

    segments: list[Segment] = []
    current: list[Word] = []
    current_speaker: str | None = None
    for speaker, word in labelled:
        if current and (speaker != current_speaker or word.start - current[-1].end > MAX_GAP):
            segments.append(_segment(len(segments), current_speaker, current))
            current = []
        current.append(word)
        current_speaker = speaker
    if current:
        segments.append(_segment(len(segments), current_speaker, current))
    return segments


def _segment(index: int, speaker: str | None, words: list[Word]) -> Segment:
    return Segment(
        id=index,
        start=words[0].start,
        end=words[-1].end,
        speaker=speaker,
        text="".join(w.word for w in words).strip(),
        words=words,
    )
