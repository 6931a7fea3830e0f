"""diarize: who spoke when (pyannote segmentation-3.0 + CAM++ speaker embeddings + clustering).

Design (every choice measured on a 2-core CPU, see the constants below):

1. Segmentation: pyannote's segmentation-3.0 on 10 s windows sliding by 2.5 s (pyannote: 1 s),
   batched. Overlap-added, it gives the speech activity and the number of simultaneous speakers
   of every 17 ms frame; the window centred on a frame also says which of its (up to 3) local
   speakers is talking, so a change of local speaker marks a speaker-change point.
2. Speech is cut at pauses and change points into pieces, pieces into 1.5 s subsegments
   (0.75 s hop). CAM++ runs ONCE over the audio, in 20 s blocks, and every subsegment embedding
   is a statistics pooling of those shared frame features restricted to the subsegment's
   non-overlapped speech. (pyannote instead embeds each (window, local speaker) pair by
   re-running the network over the whole 10 s window: 30 network passes per 10 s of audio
   at its default step, against 1 here. Relying on its local speakers also fails when the
   segmentation model hears two voices as one, which it does on synthetic voices.)
   A piece too short for more than one subsegment that abuts another speaker's speech (a cut at
   a change point, not a pause) is embedded from its own audio instead: the shared frames'
   context (about 2 s) would lend it the neighbour's voice.
3. Spectral clustering (clustering.py; 3D-Speaker recipe: p-pruned cosine affinity, Laplacian eigengap for the
   number of speakers unless given, k-means on the spectral embedding) of the subsegments with
   at least 1 s of clean speech, at most 1500 of them (evenly spread) so that time and memory
   stay bounded on multi-hour audio. Clusters with under 3 s of speech are folded into the
   nearest one; clusters that are not clearly separate voices (Fisher separation d' < 6 along
   the line joining them) are merged; num/min/max speakers are honoured. A conversation (the
   default: a consultation) keeps two speakers unless the audio clearly has one voice (embedding spread, then
   pitch that takes turns: pitch.py).
4. Every subsegment is scored against the speaker centroids; along each piece a Viterbi pass
   (penalty per speaker change) picks one speaker per subsegment, and frames take the speaker of
   their subsegment. Frames the segmentation counts as overlapped also get the runner-up
   speaker. Gaps under 0.3 s inside one speaker's speech are bridged.

Live visits: the two network passes (steps 1 and 2, nearly all of the time) depend only on the audio
each window or block covers, so `precompute` runs them while the visit goes on and `diarize(...,
precomputed=...)` runs them after stop only on the tail: the result is the same as from scratch.
"""

from __future__ import annotations

import functools
import io
import math
from dataclasses import dataclass, field

import numpy as np

from scribe.speech import clustering
from scribe.speech.pitch import f0_track, segment_pitch
from scribe.speech.turns import named, turns_of, viterbi
from scribe.speech.types import SAMPLE_RATE, Audio, Diarization, Hook, no_hook

# --------------------------------------------------------------------------- tuning (measured)

SEGMENTATION_STEP = 2.5  # seconds between 10 s segmentation windows (pyannote: 1.0)
SEGMENTATION_BATCH = 16  # windows per forward pass
EMBEDDING_BLOCK = 20.0  # seconds of audio per CAM++ pass
EMBEDDING_MARGIN = 1.0  # seconds of context either side of a block (their frames are dropped)
SUBSEGMENT = 1.5  # seconds of speech per embedding
SUBSEGMENT_HOP = 0.75
OVERLAP_WEIGHT = 1e-3  # pooling weight of overlapped frames (they matter only without clean ones)
MIN_TRAIN_SPEECH = 1.0  # seconds of clean speech for a subsegment to take part in clustering
MAX_CLUSTERED = 1500  # embeddings clustered directly
SWITCH_PENALTY = 0.2  # cost (in cosine similarity) of a speaker change inside uninterrupted speech
MAX_SPEAKERS = 10  # upper bound of the automatic speaker count
EMBEDDING_DIM = 192


@dataclass
class DiarizeOptions:
    num_speakers: int | None = None
    min_speakers: int | None = None
    max_speakers: int | None = None
    # Two speakers unless the audio clearly has one voice (clustering.py); False: no prior on the count.
    conversation: bool = True


def _bounds(options: DiarizeOptions) -> tuple[int | None, int, int]:
    """(num, min, max) speakers, as pyannote's set_num_speakers does."""
    num = options.num_speakers
    for name in ("num_speakers", "min_speakers", "max_speakers"):
        value = getattr(options, name)
        if value is not None and value < 1:
            raise ValueError(f"{name} must be at least 1")
    lo = num or options.min_speakers or 1
    hi = num or options.max_speakers or max(MAX_SPEAKERS, lo)
    if lo > hi:
        raise ValueError(f"min_speakers ({lo}) must not exceed max_speakers ({hi})")
    if lo == hi:
        num = int(lo)
    return num, int(lo), int(hi)


# --------------------------------------------------------------------------- 1. segmentation


def _window_starts(num_samples: int, window: int, step: int) -> np.ndarray:
    if num_samples <= window:
        return np.zeros(1, dtype=np.int64)
    full = (num_samples - window) // step + 1
    starts = np.arange(full, dtype=np.int64) * step
    if (num_samples - window) % step:
        starts = np.append(starts, full * step)  # last window, zero-padded past the end
    return starts


def _segment(
    samples: np.ndarray, engine, starts: np.ndarray, hook: Hook, known: dict | None = None, offset: int = 0
) -> np.ndarray:
    """(windows, frames, local speakers) uint8 activity. known: window start -> activity already
    computed; offset: the sample index (in the recording) of samples[0]."""
    window = engine.chunk_samples
    out = np.zeros((len(starts), engine.frames_per_chunk, engine.num_local_speakers), dtype=np.uint8)
    known = known or {}
    todo = []
    for i, s in enumerate(starts):
        if int(s) in known:
            out[i] = known[int(s)]
        else:
            todo.append(i)
    total = len(todo)
    hook("segmentation", completed=0, total=total)
    for b in range(0, total, SEGMENTATION_BATCH):
        rows = todo[b : b + SEGMENTATION_BATCH]
        batch = np.zeros((len(rows), window), dtype=np.float32)
        for i, row in enumerate(rows):
            piece = samples[starts[row] - offset : starts[row] - offset + window]
            batch[i, : piece.size] = piece
        live = np.flatnonzero(np.abs(batch).max(axis=1) > 0)  # digital silence needs no pass
        if live.size:
            out[np.asarray(rows)[live]] = engine.segment(batch[live])
        hook("segmentation", completed=min(b + SEGMENTATION_BATCH, total), total=total)
    return out


def _timeline(seg: np.ndarray, starts: np.ndarray, engine) -> tuple[np.ndarray, np.ndarray]:
    """Per global frame: speaker count (overlap-added, rounded) and change points.

    A change point at frame j means the window centred on j hears a different local speaker at
    j than at j - 1 (both frames with speech).
    """
    num_chunks, num_frames, _ = seg.shape
    step = engine.frame_step
    offsets = np.rint(starts / SAMPLE_RATE / step).astype(np.int64)
    total = int(offsets[-1] + num_frames)
    count = np.zeros(total, dtype=np.float32)
    covered = np.zeros(total, dtype=np.float32)
    per_chunk = seg.sum(axis=2, dtype=np.uint8)
    for c in range(num_chunks):
        count[offsets[c] : offsets[c] + num_frames] += per_chunk[c]
        covered[offsets[c] : offsets[c] + num_frames] += 1
    count = np.rint(count / np.maximum(covered, 1)).astype(np.uint8)

    # local speaker label of each frame in the window centred on it: k, -1 silence, -2 overlap
    frame = np.arange(total)
    centre = (frame + 0.5) * step - 0.5 * engine.chunk_duration
    chunk = np.clip(np.searchsorted(starts / SAMPLE_RATE, centre, side="right") - 1, 0, num_chunks - 1)
    nxt = np.minimum(chunk + 1, num_chunks - 1)
    closer = np.abs(starts[nxt] / SAMPLE_RATE - centre) < np.abs(starts[chunk] / SAMPLE_RATE - centre)
    chunk = np.where(closer, nxt, chunk)
    local = np.clip(frame - offsets[chunk], 0, num_frames - 1)

    def label(c, f):
        act = seg[c, f]  # (n, local)
        n_act = act.sum(axis=1)
        return np.where(n_act == 0, -1, np.where(n_act > 1, -2, act.argmax(axis=1)))

    here = label(chunk, local)
    before = label(chunk, np.maximum(local - 1, 0))
    change = (here != before) & (here != -1) & (before != -1) & (local > 0)
    return count, change


def _subsegments(speech: np.ndarray, change: np.ndarray, engine):
    """Frame ranges [a, b) of subsegments: speech cut at pauses and change points into pieces,
    pieces into SUBSEGMENT-long windows every SUBSEGMENT_HOP. Returns (sub_a, sub_b, piece of
    each subsegment, whether each subsegment's piece touches other speech at a change point)."""
    step = engine.frame_step
    edges = np.diff(np.concatenate([[0], speech.astype(np.int8), [0]]))
    cuts = np.flatnonzero(change & speech)
    on = np.sort(np.concatenate([np.flatnonzero(edges == 1), cuts]))
    off = np.sort(np.concatenate([np.flatnonzero(edges == -1), cuts]))
    win = max(1, int(round(SUBSEGMENT / step)))
    hop = max(1, int(round(SUBSEGMENT_HOP / step)))
    cut_set = set(cuts.tolist())
    sub_a, sub_b, piece, touching = [], [], [], []
    for p, (a, b) in enumerate(zip(on, off)):
        if b - a <= win + hop // 2:
            s, e = [a], [b]
        else:
            s = list(np.arange(a, b - win, hop))
            e = [x + win for x in s]
            if e[-1] < b:
                s.append(b - win)
                e.append(b)
        sub_a += s
        sub_b += e
        piece += [p] * len(s)
        touching += [a in cut_set or b in cut_set] * len(s)
    as_int = lambda x: np.asarray(x, dtype=np.int64)  # noqa: E731
    return as_int(sub_a), as_int(sub_b), as_int(piece), np.asarray(touching, dtype=bool)


# --------------------------------------------------------------------------- 2. embeddings


def _block_frames(samples, engine, b0: float, b1: float, offset: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """CAM++ frame features of the block [b0, b1) seconds (computed with EMBEDDING_MARGIN of context
    either side) and their times. Rounded through float16, the precision they are kept at between a
    live visit's precompute and its diarization, so both paths give the same result."""
    from scribe.engines.campplus import FBANK_WINDOW  # torch: imported where audio is diarized

    sr = SAMPLE_RATE
    lo = max(0, int(round((b0 - EMBEDDING_MARGIN) * sr)))
    hi = min(offset + samples.size, int(round((b1 + EMBEDDING_MARGIN) * sr)))
    piece = samples[lo - offset : hi - offset]
    if piece.size < 2 * FBANK_WINDOW:
        piece = np.pad(piece, (0, 2 * FBANK_WINDOW - piece.size))
    frames = engine.embedding_frames(piece).cpu().numpy()  # (C, T)
    times = lo / sr + engine.embedding_frame_times(frames.shape[1])
    keep = (times >= b0) & (times < b1)
    return frames[:, keep].astype(np.float16), times[keep]


def _embeddings(samples, engine, sub_a, sub_b, weight, hook, crop=None, known: dict | None = None):
    """Pooled CAM++ embedding (L2-normalised) of every subsegment, and its clean-speech seconds.

    weight: per global frame, 1 for clean speech, OVERLAP_WEIGHT for overlap, 0 for silence.
    crop: subsegments embedded from their own audio alone rather than from the shared frames
    (short turns against another speaker's speech: the shared frames' context, about 2 s, would
    carry the neighbour's voice). known: block index -> frames already computed (`precompute`).
    """
    import torch  # imported where audio is diarized, not where this module is (the API process)

    from scribe.engines.campplus import FBANK_WINDOW

    sr, step, half = SAMPLE_RATE, engine.frame_step, 0.5 * engine.frame_duration
    n = len(sub_a)
    dim = engine.campplus.frame_channels
    s0 = np.zeros(n, dtype=np.float64)
    s1 = np.zeros((n, dim), dtype=np.float32)
    s2 = np.zeros((n, dim), dtype=np.float32)
    t_a, t_b = sub_a * step + half, sub_b * step + half  # subsegment bounds in seconds
    duration = samples.size / sr
    blocks = []
    for b0 in np.arange(0.0, duration, EMBEDDING_BLOCK):
        b1 = min(b0 + EMBEDDING_BLOCK, duration)
        lo_i, hi_i = np.searchsorted(t_b, b0, side="right"), np.searchsorted(t_a, b1, side="left")
        if hi_i > lo_i:
            blocks.append((b0, b1, lo_i, hi_i))
    hook("embeddings", completed=0, total=len(blocks))
    known = known or {}
    for done, (b0, b1, lo_i, hi_i) in enumerate(blocks, 1):
        index = int(round(b0 / EMBEDDING_BLOCK))
        frames, times = known[index] if index in known else _block_frames(samples, engine, b0, b1)
        frames = frames.astype(np.float32)
        if times.size == 0:
            continue
        g = np.clip(np.rint((times - half) / step).astype(np.int64), 0, len(weight) - 1)
        w = weight[g].astype(np.float32)
        idx = np.arange(lo_i, hi_i)
        member = (times[None, :] >= t_a[idx, None]) & (times[None, :] < t_b[idx, None])
        m = member * w[None, :]  # (subsegments, T)
        s0[idx] += m.sum(axis=1)
        s1[idx] += m @ frames.T
        s2[idx] += m @ (frames * frames).T
        hook("embeddings", completed=done, total=len(blocks))
    # subsegments need a few frames of (any) speech
    ok = s0 >= 2 * OVERLAP_WEIGHT
    mean = s1[ok] / s0[ok, None]
    std = np.sqrt(np.maximum(s2[ok] / s0[ok, None] - mean * mean, 0.0))
    emb = np.zeros((n, EMBEDDING_DIM), dtype=np.float32)
    if ok.any():
        e = engine.pool(torch.from_numpy(mean), torch.from_numpy(std))
        emb[ok] = e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)
    if crop is not None:
        for i in np.flatnonzero(crop & ok):
            piece = samples[int(round(t_a[i] * sr)) : int(round(t_b[i] * sr))]
            if piece.size >= 4 * FBANK_WINDOW:
                emb[i] = engine.embed(piece)
    # clean speech behind each embedding, in seconds (CAM++ frames are 20 ms)
    clean_seconds = np.floor(s0 + 1e-6) * 0.02
    return emb, ok, clean_seconds


# --------------------------------------------------------------------------- 4. speaker per frame


def _finish(engine, count, sub_a, sub_b, piece, emb, ok, seconds, bounds, duration, conversation, pitch_of):
    """Clustering, then per-frame speaker choice. pitch_of(): median log2 F0 of every subsegment (pitch.py),
    asked for only when the embeddings leave a conversation with one voice."""
    num, lo, hi = bounds
    total = len(count)
    valid = np.flatnonzero(ok)
    if valid.size == 0:  # speech too short to embed: one anonymous speaker
        return named(turns_of((count > 0)[:, None], engine, duration), {})
    train = valid[seconds[valid] >= MIN_TRAIN_SPEECH]
    if train.size < 2:
        train = valid
    represented = SUBSEGMENT_HOP / SUBSEGMENT
    if train.size > MAX_CLUSTERED:
        represented *= train.size / MAX_CLUSTERED
        train = train[np.linspace(0, train.size - 1, MAX_CLUSTERED).round().astype(np.int64)]
    labels = clustering.cluster(emb[train], seconds[train], num, lo, hi, represented, conversation, piece[train])
    by_pitch = conversation and num is None and hi >= 2 and labels.max() == 0 and train.size >= 4
    if by_pitch:  # one timbre: two voices if two pitches take turns
        pitch = pitch_of()
        labels = clustering.pitch_voices(emb[train], seconds[train] * represented, pitch[train])
        by_pitch = labels.max() == 1
    cents = clustering.centroids(emb[train], labels)
    k = cents.shape[0]

    sims = np.zeros((len(sub_a), k), dtype=np.float32)
    sims[valid] = emb[valid] @ cents.T
    if by_pitch:
        sims[valid] += clustering.pitch_scores(pitch[train], labels, pitch[valid])

    # one speaker per subsegment, smoothed along each piece of uninterrupted speech
    best = -np.ones(len(sub_a), dtype=np.int64)
    bounds_ = np.flatnonzero(np.diff(piece[valid])) + 1
    for run in np.split(valid, bounds_):
        best[run] = viterbi(sims[run], SWITCH_PENALTY) if k > 1 else 0

    # frames take their subsegment's speaker (split half-way where subsegments overlap)
    label = -np.ones(total, dtype=np.int64)
    scores = np.zeros((total, k), dtype=np.float32)
    hits = np.zeros(total, dtype=np.float32)
    for n, i in enumerate(valid):
        lo_f = sub_a[i]
        if n and piece[valid[n - 1]] == piece[i] and sub_b[valid[n - 1]] > lo_f:
            lo_f = (lo_f + sub_b[valid[n - 1]]) // 2
        label[lo_f : sub_b[i]] = best[i]
        scores[sub_a[i] : sub_b[i]] += sims[i]
        hits[sub_a[i] : sub_b[i]] += 1
    scores /= np.maximum(hits, 1)[:, None]
    speech = count > 0
    missing = speech & (label < 0)
    if missing.any():  # speech no embedding covers: nearest labelled frame
        known = np.flatnonzero(label >= 0)
        pos = np.clip(np.searchsorted(known, np.flatnonzero(missing)), 0, len(known) - 1)
        left = known[np.maximum(pos - 1, 0)]
        right = known[pos]
        frames_ = np.flatnonzero(missing)
        nearest = np.where(np.abs(frames_ - left) <= np.abs(right - frames_), left, right)
        label[frames_] = label[nearest]
        scores[frames_] = scores[nearest]
    active = np.zeros((total, k), dtype=bool)
    rows = np.flatnonzero(speech)
    active[rows, label[rows]] = True
    if k > 1:  # overlapped speech: the runner-up speaker too
        two = np.flatnonzero(count > 1)
        masked = scores[two].copy()
        masked[np.arange(two.size), label[two]] = -np.inf
        active[two, np.argmax(masked, axis=1)] = True

    # centroid per speaker from the subsegments it won
    centroids = {}
    for j in range(k):
        members = emb[(best == j) & (seconds >= MIN_TRAIN_SPEECH)]
        if not len(members):
            members = emb[best == j]
        centroids[j] = members.mean(axis=0) if len(members) else cents[j]
    return named(turns_of(active, engine, duration), centroids)


# --------------------------------------------------------------------------- ahead of time (live visits)


@dataclass
class Precomputed:
    """Network outputs that only depend on the audio they cover: segmentation of whole 10 s windows
    (window start in samples -> (frames, local speakers) uint8) and CAM++ frames of whole 20 s blocks
    (block index -> ((C, T) float16 features, (T,) times in seconds))."""

    segmentation: dict[int, np.ndarray] = field(default_factory=dict)
    frames: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)

    def update(self, other: Precomputed) -> None:
        self.segmentation.update(other.segmentation)
        self.frames.update(other.frames)

    def to_bytes(self) -> bytes:
        arrays = {f"s{k}": v for k, v in self.segmentation.items()}
        for k, (frames, times) in self.frames.items():
            arrays[f"f{k}"], arrays[f"t{k}"] = frames, times
        buf = io.BytesIO()
        np.savez(buf, **arrays)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> Precomputed:
        out = cls()
        with np.load(io.BytesIO(data)) as z:
            for name in z.files:
                if name[0] == "s":
                    out.segmentation[int(name[1:])] = z[name]
                elif name[0] == "f":
                    out.frames[int(name[1:])] = (z[name], z[f"t{name[1:]}"])
        return out


def precompute_horizon(available: float) -> float:
    """How far (seconds) the audio received so far fixes network outputs: up to the end of the last
    whole embedding block plus its right context (0 when there is none yet)."""
    blocks = math.floor((available - EMBEDDING_MARGIN) / EMBEDDING_BLOCK)
    return blocks * EMBEDDING_BLOCK + EMBEDDING_MARGIN if blocks > 0 else 0.0


def precompute_span(engine, done: float) -> float:
    """Where (seconds) the audio for `precompute(..., done, ...)` must start."""
    step = SEGMENTATION_STEP
    first_window = math.floor(max(0.0, done - engine.chunk_duration) / step) * step
    first_block = math.floor(max(0.0, done - EMBEDDING_MARGIN) / EMBEDDING_BLOCK) * EMBEDDING_BLOCK
    return max(0.0, min(first_window, first_block - EMBEDDING_MARGIN))


def precompute(samples: np.ndarray, offset: float, engine, done: float, horizon: float) -> Precomputed:
    """The network outputs whose audio ends in (done, horizon] seconds of the recording: whole
    segmentation windows and whole embedding blocks (with their right context). samples: the
    recording from `offset` seconds (at most `precompute_span(engine, done)`) to at least `horizon`."""
    sr = SAMPLE_RATE
    first = int(round(offset * sr))
    samples = np.ascontiguousarray(samples[: int(round(horizon * sr)) - first], dtype=np.float32)
    out = Precomputed()
    window, step = engine.chunk_samples, int(round(SEGMENTATION_STEP * sr))
    starts = np.arange(0, int(round(horizon * sr)) - window + 1, step, dtype=np.int64)
    starts = starts[(starts + window > done * sr) & (starts >= first)]
    if starts.size:
        seg = _segment(samples, engine, starts, no_hook, offset=first)
        out.segmentation = {int(s): seg[i] for i, s in enumerate(starts)}
    for index in range(int(math.floor(horizon / EMBEDDING_BLOCK))):
        b0 = index * EMBEDDING_BLOCK
        end = b0 + EMBEDDING_BLOCK + EMBEDDING_MARGIN
        if done < end <= horizon + 1e-9 and max(0.0, b0 - EMBEDDING_MARGIN) * sr >= first:
            out.frames[index] = _block_frames(samples, engine, b0, b0 + EMBEDDING_BLOCK, offset=first)
    return out


# --------------------------------------------------------------------------- the stage


def diarize(
    audio: Audio,
    engine,
    options: DiarizeOptions | None = None,
    hook: Hook = no_hook,
    precomputed: Precomputed | None = None,
) -> Diarization:
    """Speaker turns of a 16 kHz mono recording: turns sorted by start, speakers named S1, S2, ...
    in order of first appearance, one L2-normalised CAM++ centroid per speaker. precomputed: network
    outputs `precompute` already produced from this recording's beginning (a live visit)."""
    options = options or DiarizeOptions()
    bounds = _bounds(options)
    if audio.sample_rate != SAMPLE_RATE:
        raise ValueError(f"diarize expects {SAMPLE_RATE} Hz audio, got {audio.sample_rate}")
    samples = np.ascontiguousarray(audio.samples, dtype=np.float32).reshape(-1)
    if samples.size == 0:
        return Diarization([], {})
    starts = _window_starts(samples.size, engine.chunk_samples, int(round(SEGMENTATION_STEP * SAMPLE_RATE)))
    known = precomputed or Precomputed()
    seg = _segment(samples, engine, starts, hook, known.segmentation)
    count, change = _timeline(seg, starts, engine)
    del seg
    speech = count > 0
    if not speech.any():
        return Diarization([], {})
    sub_a, sub_b, piece, touching = _subsegments(speech, change, engine)
    weight = np.where(count == 1, 1.0, np.where(count > 1, OVERLAP_WEIGHT, 0.0)).astype(np.float32)
    # short pieces (one subsegment) right against another speaker are embedded from their own audio
    single = (np.bincount(piece)[piece] == 1) & touching
    emb, ok, seconds = _embeddings(samples, engine, sub_a, sub_b, weight, hook, crop=single, known=known.frames)
    hook("clustering", completed=0, total=1)
    duration = samples.size / SAMPLE_RATE
    step, half = engine.frame_step, 0.5 * engine.frame_duration
    pitch_of = functools.cache(lambda: segment_pitch(f0_track(samples), sub_a * step + half, sub_b * step + half))
    result = _finish(
        engine, count, sub_a, sub_b, piece, emb, ok, seconds, bounds, duration, options.conversation, pitch_of
    )
    for name in result.speakers:  # too little speech for any subsegment embedding: use it all
        if name not in result.embeddings:
            voice = np.concatenate(
                [
                    samples[int(t.start * SAMPLE_RATE) : int(t.end * SAMPLE_RATE)]
                    for t in result.turns
                    if t.speaker == name
                ]
            )
            if voice.size >= 400:
                result.embeddings[name] = engine.embed(voice)
    hook("clustering", completed=1, total=1)
    return result
