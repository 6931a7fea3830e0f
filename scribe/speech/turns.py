"""Speaker turns from per-frame speaker choices (diarize.py step 4): the Viterbi pass that picks one
speaker per subsegment, frames → turns with short gaps bridged, speakers named in order of appearance."""

from __future__ import annotations

import numpy as np

from scribe.speech.types import Diarization, SpeakerTurn

MIN_DURATION_OFF = 0.3  # gaps shorter than this inside one speaker's speech are filled


def turns_of(active: np.ndarray, engine, duration: float) -> list[tuple[float, float, int]]:
    """(frames, speakers) booleans -> (start, end, speaker index) turns, short gaps bridged."""
    step, half = engine.frame_step, 0.5 * engine.frame_duration
    turns = []
    for k in range(active.shape[1]):
        track = active[:, k].astype(np.int8)
        if not track.any():
            continue
        edges = np.diff(np.concatenate([[0], track, [0]]))
        on, off = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        segs: list[list[float]] = []
        for a, b in zip(on, off):
            start, end = min(a * step + half, duration), min(b * step + half, duration)
            if end <= start:
                continue
            if segs and start - segs[-1][1] < MIN_DURATION_OFF:
                segs[-1][1] = end
            else:
                segs.append([start, end])
        turns.extend((s, e, k) for s, e in segs)
    turns.sort(key=lambda t: (t[0], t[1], t[2]))
    return turns


def named(turns: list[tuple[float, float, int]], centroids: dict[int, np.ndarray]) -> Diarization:
    """Speakers named S1, S2, ... in order of first speech, each with its unit-length centroid."""
    names: dict[int, str] = {}
    out = []
    for start, end, k in turns:
        if k not in names:
            names[k] = f"S{len(names) + 1}"
        out.append(SpeakerTurn(round(float(start), 3), round(float(end), 3), names[k]))
    embeddings = {}
    for k, name in names.items():
        v = centroids.get(k)
        if v is not None and np.isfinite(v).all() and np.linalg.norm(v) > 0:
            embeddings[name] = (v / np.linalg.norm(v)).astype(np.float32)
    return Diarization(out, embeddings)


def viterbi(scores: np.ndarray, penalty: float) -> np.ndarray:
    """Best speaker sequence: maximise the summed scores minus `penalty` per speaker change."""
    n, k = scores.shape
    total = scores[0].astype(np.float64)
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        stay = total
        switch = total.max() - penalty
        back[t] = np.where(stay >= switch, np.arange(k), int(np.argmax(total)))
        total = np.maximum(stay, switch) + scores[t]
    path = np.empty(n, dtype=np.int64)
    path[-1] = int(np.argmax(total))
    for t in range(n - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path
