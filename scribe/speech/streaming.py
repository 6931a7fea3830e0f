"""Incremental transcription: a commit policy over consecutive hypotheses of a growing audio window.

Pure (no I/O, no model): the caller transcribes the window [state.buffer_start, end] and hands the
words (absolute visit times) to `update`, which decides what is now stable.

Policy (LocalAgreement-2, after Macháček et al., "Turning Whisper into a real-time transcription
system", 2023): a word is committed once two consecutive hypotheses agree on it, as the longest common
prefix after the already committed words. Committed text never changes. To bound latency and memory:
- words that ended more than FORCE_AFTER seconds before the window end are committed even without
  agreement (a model that keeps flip-flopping must not hold text back forever);
- when the window grows past trim_after seconds, it is cut after the last committed sentence (or word),
  so every window stays under Whisper's 30 s input.
Committed words are grouped into segments; a segment becomes final (`transcript.final`) when it ends a
sentence, when a pause of SEGMENT_GAP follows, or at flush. Everything after the last final segment is the
partial (`transcript.partial`), which may change.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from scribe.speech.types import SAMPLE_RATE

SEGMENT_GAP = 1.0
# Seconds of audio heard on each side of a skip boundary (skip, decode_skipped): a cut word is heard whole.
SKIP_CONTEXT = 1.0
FORCE_AFTER = 6.0
# Stretches at least this long between words are listened to again (word_gaps, transcribe.unheard_spans).
UNHEARD_MIN_GAP = 1.0
MAX_SEGMENT_WORDS = 40
_SENTENCE_END = re.compile(r"[.?!…]$")
_NORM = re.compile(r"[^\w']+")


def norm(word: str) -> str:
    return _NORM.sub("", word.lower())


@dataclass
class StreamState:
    buffer_start: float = 0.0  # audio before this is never transcribed again
    committed_end: float = 0.0  # end time of the last committed word
    final_end: float = 0.0  # end time of the last final segment (a sentence end: a clean place to cut)
    previous: list[dict] = field(default_factory=list)  # last hypothesis past the committed words
    open_words: list[dict] = field(default_factory=list)  # committed, not yet in a final segment
    tail: list[str] = field(default_factory=list)  # last committed words (normalised) for de-duplication
    segments: int = 0  # final segments emitted so far (next segment id)
    words: int = 0  # committed words so far
    language: str | None = None
    speakers: dict = field(default_factory=dict)  # scribe.speech.live_speakers.LiveSpeakers
    # [start, end] spans the live path skipped when it fell behind (see skip): the final pass transcribes them.
    skipped: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> StreamState:
        return cls(**(data or {}))


@dataclass
class Update:
    committed: list[dict]  # newly committed words
    finals: list[dict]  # newly final segments {id, start, end, text, words}
    partial: dict | None  # {text, start, end} or None when nothing is pending


def window(state: StreamState, available: float, max_window: float) -> tuple[float, float]:
    """The audio span to transcribe next: from the buffer start to the newest audio, at most max_window."""
    start = state.buffer_start
    end = min(available, start + max_window)
    return start, end


def _strip_committed(state: StreamState, words: list[dict]) -> list[dict]:
    """Drop hypothesis words that repeat already committed audio (by time, then by text overlap)."""
    new = [w for w in words if w["end"] > state.committed_end + 0.05 and w["start"] > state.committed_end - 0.3]
    if state.tail and new:
        # Whisper often re-emits the last committed word(s) at the window's start: remove an n-gram match.
        for n in range(min(5, len(state.tail), len(new)), 0, -1):
            if [norm(w["word"]) for w in new[:n]] == state.tail[-n:]:
                new = new[n:]
                break
    return [w for w in new if norm(w["word"])]


def _common_prefix(a: list[dict], b: list[dict]) -> int:
    n = 0
    for x, y in zip(a, b):
        if norm(x["word"]) != norm(y["word"]):
            break
        n += 1
    return n


def _close_segments(state: StreamState, flush: bool) -> list[dict]:
    finals, current = [], []
    words = state.open_words
    for i, w in enumerate(words):
        current.append(w)
        nxt = words[i + 1] if i + 1 < len(words) else None
        ends = bool(_SENTENCE_END.search(w["word"].strip()))
        gap = nxt is not None and nxt["start"] - w["end"] >= SEGMENT_GAP
        if ends or gap or len(current) >= MAX_SEGMENT_WORDS:
            finals.append(_segment(state.segments + len(finals), current))
            current = []
    if flush and current:
        finals.append(_segment(state.segments + len(finals), current))
        current = []
    state.open_words = current
    state.segments += len(finals)
    return finals


def _segment(index: int, words: list[dict]) -> dict:
    return {
        "id": index,
        "start": words[0]["start"],
        "end": words[-1]["end"],
        "text": "".join(w["word"] for w in words).strip(),
        "words": words,
    }


def update(
    state: StreamState,
    hypothesis: list[dict],
    window_end: float,
    trim_after: float = 8.0,
    flush: bool = False,
    force_before: float | None = None,
    speech: bool = True,
    max_window: float = 24.0,
) -> Update:
    """Fold one hypothesis for [state.buffer_start, window_end] into the state (mutated in place).

    flush: commit everything (the audio has ended). force_before: commit every word ending before this
    time without waiting for agreement (catching up on a backlog, one capped window at a time).
    speech=False: the window holds no speech at all (VAD), so its audio can be skipped."""
    new = _strip_committed(state, sorted(hypothesis, key=lambda w: w["start"]))
    if flush:
        n = len(new)
    else:
        n = _common_prefix(state.previous, new)
        # Force what is old enough: the audio is long past, waiting longer will not help.
        force = window_end - FORCE_AFTER if force_before is None else max(force_before, window_end - FORCE_AFTER)
        while n < len(new) and new[n]["end"] < force:
            n += 1
    committed = new[:n]
    state.previous = new[n:]
    if committed:
        state.committed_end = committed[-1]["end"]
        state.words += len(committed)
        state.tail = (state.tail + [norm(w["word"]) for w in committed])[-5:]
        state.open_words = state.open_words + committed
    finals = _close_segments(state, flush)
    if finals:
        state.final_end = finals[-1]["end"]

    if flush:
        state.buffer_start = window_end
        state.previous = []
    elif not speech and not state.open_words and not state.previous:
        # Silence (VAD) and nothing pending: keep only a short tail so the next word is not cut.
        state.buffer_start = max(state.buffer_start, window_end - SEGMENT_GAP)
    elif window_end - state.buffer_start > trim_after and state.final_end > state.buffer_start:
        # Restart the window after the last finished sentence: Whisper does best on whole sentences.
        state.buffer_start = min(state.final_end, window_end)
    elif window_end - state.buffer_start > max_window - 4.0:
        _trim(state, window_end)  # no sentence end for too long: cut after the last committed word

    pending = state.open_words + state.previous
    partial = None
    if pending:
        partial = {
            "text": "".join(w["word"] for w in pending).strip(),
            "start": pending[0]["start"],
            "end": pending[-1]["end"],
        }
    return Update(committed, finals, partial)


def _trim(state: StreamState, window_end: float) -> None:
    """Cut the window right after the committed audio so it stays short."""
    if state.committed_end > state.buffer_start:
        state.buffer_start = min(state.committed_end, window_end)


def skip(state: StreamState, to: float, context: float = SKIP_CONTEXT) -> list[dict]:
    """Fall behind gracefully: give up on the audio before `to` (the newest audio minus a short window),
    so the next window is short and its partial recent. Committed words become final segments (returned);
    the uncommitted hypothesis and the audio up to `to` are recorded in state.skipped for the final pass.
    The next window starts `context` seconds before `to`, so a word the boundary cuts is heard whole."""
    start = max(state.buffer_start, state.committed_end)
    if to <= start:
        return []
    finals = _close_segments(state, flush=True)
    if finals:
        state.final_end = finals[-1]["end"]
    if state.skipped and abs(state.skipped[-1][1] - start) < 1e-6:
        state.skipped[-1][1] = round(to, 3)
    else:
        state.skipped.append([round(start, 3), round(to, 3)])
    state.buffer_start, state.committed_end = max(start, to - context), to
    state.previous, state.tail = [], []
    return finals


def decode_skipped(
    spans: list,
    transcribe: Callable,
    samples: Callable,
    duration: float,
    cap: float,
    context: float = SKIP_CONTEXT,
) -> list[dict]:
    """Words of the skipped spans (state.skipped), in visit time, decoded `cap` seconds at a time.

    transcribe(samples) gives words relative to its input (None: no speech); samples(start, end) reads
    the visit's audio. A span's end falls anywhere, often inside a word, so each piece is heard with
    `context` seconds after it and keeps the words whose middle lies inside it: a word the boundary cuts
    is heard whole, here or by the live window on the other side (skip), and merge_skipped keeps one."""
    words = []
    for first, end in spans:
        start = first
        while start < end - 0.05:
            piece_end = min(end, start + cap)
            # A span opens where a kept word ended (no word is cut there): it is heard from there, as a
            # context before it would hear that word again and Whisper times a clip's first word from the
            # clip's start. Inside a span, pieces meet anywhere: each hears `context` before it.
            lo = start if start == first else max(0.0, start - context)
            hi = min(duration, piece_end + context)
            audio = samples(lo, hi)
            if audio.size >= SAMPLE_RATE // 5:
                for w in transcribe(audio) or []:
                    w = {**w, "start": round(w["start"] + lo, 3), "end": round(w["end"] + lo, 3)}
                    mid = (w["start"] + w["end"]) / 2
                    if (start == first or mid >= start) and mid < piece_end:
                        words.append(w)
            start = piece_end
    return words


def word_gaps(words: list[dict], duration: float, min_gap: float = UNHEARD_MIN_GAP) -> list[list[float]]:
    """[start, end] stretches of at least `min_gap` seconds that no word covers: before the first word,
    between two, after the last. After stop, the speech in them is speech no live window kept (a window
    the batcher decoded short, a worker that died with its window): decode_skipped hears it again."""
    spans, heard_to = [], 0.0
    for w in sorted(words, key=lambda w: w["start"]):
        if w["start"] - heard_to >= min_gap:
            spans.append([round(heard_to, 3), round(w["start"], 3)])
        heard_to = max(heard_to, w["end"])
    if duration - heard_to >= min_gap:
        spans.append([round(heard_to, 3), round(duration, 3)])
    return spans


def union(spans: list) -> list[list[float]]:
    """Overlapping or touching [start, end] spans merged, in time order."""
    merged: list[list[float]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1] + 1e-6:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


def merge_skipped(live_words: list[dict], skipped: list[dict]) -> list[dict]:
    """The live words and those of the skipped audio, in time order. Where both heard a word (at a skip
    boundary), the live one is kept: a skipped word whose middle falls inside a live word is dropped."""
    spans = sorted((w["start"], w["end"]) for w in live_words)
    starts = [a for a, _ in spans]
    kept = []
    for w in skipped:
        mid = (w["start"] + w["end"]) / 2
        i = bisect.bisect_right(starts, mid) - 1
        if i < 0 or spans[i][1] < mid:
            kept.append(w)
    return sorted(live_words + kept, key=lambda w: w["start"])
