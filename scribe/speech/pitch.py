"""Pitch (F0) of speech, a second speaker cue next to the CAM++ embedding (clustering.py `pitch_voices`).

Why: two voices of one timbre at two pitches (a low and a high voice of one synthesiser; on real audio,
speakers of similar timbre) are barely separated by the embedding (the best two-way split of a visit's
embeddings at d' 2.5-2.9, like one voice cut in two), while their median F0 is most of an octave apart.
Pitch alone would cut one expressive voice in two, so clustering uses it only where the embedding is
ambiguous and only when the pitch groups also follow the turn-taking.

The estimator is YIN (de Cheveigné & Kawahara 2002: the cumulative-mean-normalised difference function,
its first dip under a threshold) in numpy over 8 kHz audio, 40 ms frames every 20 ms: an hour of audio
takes a few seconds on a 2-core CPU, and it runs only when clustering asks for it.
"""

from __future__ import annotations

import numpy as np

from scribe.speech.types import SAMPLE_RATE

RATE = SAMPLE_RATE // 2  # F0 of speech is far below 4 kHz
FRAME = 0.03  # seconds integrated per lag (YIN's window)
HOP = 0.02  # seconds between frames
F0_MIN, F0_MAX = 60.0, 400.0  # Hz: adult and child speaking voices
DIP = 0.15  # YIN threshold: the first lag whose normalised difference dips under this is the period
VOICED = 0.25  # frames whose best normalised difference stays above this are unvoiced (noise, fricatives)
MIN_VOICED_FRAMES = 10  # voiced frames (0.2 s) a stretch of speech needs for its median pitch
CHUNK = 4096  # frames per vectorised pass (memory: CHUNK x 512 complex)


def f0_track(samples: np.ndarray) -> np.ndarray:
    """F0 in Hz of every HOP-spaced frame of 16 kHz mono samples (frame i starts at i * HOP s); NaN where
    the frame is unvoiced or silent."""
    x = np.asarray(samples, dtype=np.float32).reshape(-1)
    x = 0.5 * (x[0 : x.size - 1 : 2] + x[1::2])  # 8 kHz (the pair mean is a low-pass with its zero at 8 kHz)
    width, lags, hop = int(FRAME * RATE), int(np.ceil(RATE / F0_MIN)), int(HOP * RATE)
    span = width + lags
    count = max(0, (x.size - span) // hop + 1)
    out = np.full(count, np.nan, dtype=np.float32)
    if count == 0:
        return out
    n = 1 << int(np.ceil(np.log2(span)))
    tau = np.arange(lags + 1)
    lo = int(np.floor(RATE / F0_MAX))
    for c0 in range(0, count, CHUNK):
        idx = np.arange(c0, min(count, c0 + CHUNK))
        frames = x[idx[:, None] * hop + np.arange(span)[None, :]].astype(np.float64)
        frames -= frames.mean(axis=1, keepdims=True)
        head = np.fft.rfft(frames[:, :width], n)
        corr = np.fft.irfft(np.conj(head) * np.fft.rfft(frames, n), n)[:, : lags + 1]
        energy = np.concatenate([np.zeros((len(idx), 1)), np.cumsum(frames**2, axis=1)], axis=1)
        shifted = energy[:, tau + width] - energy[:, tau]  # sum of x_j^2 for j in [tau, tau + width)
        diff = np.maximum(energy[:, width : width + 1] + shifted - 2.0 * corr, 0.0)
        cum = np.cumsum(diff[:, 1:], axis=1)
        norm = np.ones_like(diff)
        norm[:, 1:] = diff[:, 1:] * tau[1:] / np.maximum(cum, 1e-12)
        out[idx] = _periods(norm, lo, energy[:, width] > 1e-6)
    return out


def _periods(norm: np.ndarray, lo: int, audible: np.ndarray) -> np.ndarray:
    """F0 (Hz) from the normalised difference of each frame: the first dip under DIP (then down to its
    local minimum), else the global minimum; parabolic interpolation between lags."""
    rows = np.arange(norm.shape[0])
    search = norm[:, lo:-1]
    under = search < DIP
    first = np.where(under.any(axis=1), np.argmax(under, axis=1), np.argmin(search, axis=1)) + lo
    for _ in range(norm.shape[1]):  # walk down to the local minimum (a few steps)
        nxt = np.minimum(first + 1, norm.shape[1] - 2)
        better = norm[rows, nxt] < norm[rows, first]
        if not better.any():
            break
        first = np.where(better, nxt, first)
    a, b, c = norm[rows, first - 1], norm[rows, first], norm[rows, first + 1]
    curve = a - 2.0 * b + c
    shift = np.where(np.abs(curve) > 1e-12, 0.5 * (a - c) / np.where(curve == 0, 1.0, curve), 0.0)
    period = first + np.clip(shift, -0.5, 0.5)
    f0 = RATE / period
    return np.where(audible & (b < VOICED), f0, np.nan)


def segment_pitch(track: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Median log2 F0 of the voiced frames inside each [start, end) seconds; NaN for a stretch with fewer
    than MIN_VOICED_FRAMES voiced frames."""
    logf = np.log2(track)
    out = np.full(len(starts), np.nan)
    first = np.floor(np.asarray(starts) / HOP).astype(np.int64)
    last = np.ceil(np.asarray(ends) / HOP).astype(np.int64)
    for i, (a, b) in enumerate(zip(first, last)):
        values = logf[max(a, 0) : max(b, 0)]
        values = values[np.isfinite(values)]
        if values.size >= MIN_VOICED_FRAMES:
            out[i] = float(np.median(values))
    return out


def two_groups(values: np.ndarray) -> tuple[np.ndarray, float, float]:
    """The best split of 1-D values in two (Otsu: the threshold with the largest between-group variance):
    (group of each value, 0 below the threshold, 1 above; the gap between the group means; their
    separation d' = gap / pooled std). A single Gaussian cut this way has d' 2.65 whatever its size."""
    order = np.sort(values)
    n = order.size
    if n < 4:
        return np.zeros(n, dtype=np.int64), 0.0, 0.0
    left = np.cumsum(order)[:-1]
    k = np.arange(1, n)
    mean_lo, mean_hi = left / k, (order.sum() - left) / (n - k)
    cut = int(np.argmax(k * (n - k) * (mean_hi - mean_lo) ** 2))
    threshold = 0.5 * (order[cut] + order[cut + 1])
    groups = (values > threshold).astype(np.int64)
    lo, hi = values[groups == 0], values[groups == 1]
    pooled = np.sqrt(max((lo.var() * lo.size + hi.var() * hi.size) / n, 1e-6))
    gap = float(hi.mean() - lo.mean())
    return groups, gap, gap / pooled
