"""Voices told by their turns (scribe/speech/clustering.py): a conversation's two voices keep every piece of speech
whole and alternate between pieces; one voice split by the embeddings does neither. Embeddings are drawn here
with a known separation d' so that each rule is tested at the margin it is meant for."""

from __future__ import annotations

import numpy as np

from scribe.speech import clustering

DIM = 192
PER_PIECE = 5  # subsegments per piece of speech


def _voices(rng: np.random.Generator, separations: list[float]) -> list[np.ndarray]:
    """Unit mean directions: the first voice and one more per separation, each that many noise deviations from
    the first (along its own direction)."""
    base = rng.normal(size=DIM)
    base /= np.linalg.norm(base)
    out = [base]
    for d in separations:
        step = rng.normal(size=DIM)
        step -= (step @ base) * base
        out.append(base + d * NOISE * step / np.linalg.norm(step))
    return out


NOISE = 0.02  # per-dimension deviation of one embedding


def _embeddings(rng: np.random.Generator, means: list[np.ndarray], order: list[int]):
    """(embeddings, seconds, pieces) of pieces spoken in `order` (an index into means per piece), in time order.
    Subsegments of a piece share part of their deviation (what is said; they overlap by half), as CAM++'s do."""
    shared, own = 0.8 * NOISE, 0.6 * NOISE  # 0.8^2 + 0.6^2 = 1: NOISE in all
    emb = np.concatenate(
        [means[v] + rng.normal(scale=shared, size=DIM) + rng.normal(scale=own, size=(PER_PIECE, DIM)) for v in order]
    )
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    pieces = np.repeat(np.arange(len(order)), PER_PIECE)
    return emb, np.full(len(emb), 1.5), pieces


def _count(emb, seconds, pieces=None) -> int:
    return int(clustering.cluster(emb, seconds, None, 1, 10, 0.5, conversation=True, pieces=pieces).max()) + 1


def test_two_similar_voices_that_take_turns_stay_two():
    """d' 5.1, under the floor a long visit's second voice needs by its embeddings alone (5.2): the turns decide."""
    rng = np.random.default_rng(0)
    emb, seconds, pieces = _embeddings(rng, _voices(rng, [4.3]), [0, 1] * 40)
    assert clustering.least_separated(emb, np.tile(np.repeat([0, 1], PER_PIECE), 40))[2] < 5.2
    assert _count(emb, seconds) == 1
    assert _count(emb, seconds, pieces) == 2


def test_one_voice_in_two_blocks_is_one_speaker():
    """A dictation whose sound changes once (the microphone moved): two clusters by d' (8), one run by the turns."""
    rng = np.random.default_rng(1)
    emb, seconds, pieces = _embeddings(rng, _voices(rng, [8.0]), [0] * 40 + [1] * 40)
    assert _count(emb, seconds) == 2
    assert _count(emb, seconds, pieces) == 1


def test_a_companion_inside_the_clinicians_cluster_is_a_third_voice():
    """Clinician (0), patient (1, far apart) and a companion (2) at d' 6.5 from the clinician: under the third
    speaker's 10, so merged by the embeddings; the clinician and the companion take turns, so the turns split them."""
    rng = np.random.default_rng(2)
    means = _voices(rng, [20.0, 6.5])
    emb, seconds, pieces = _embeddings(rng, means, [0, 2, 0, 1, 0, 2, 0, 2] * 10)
    assert _count(emb, seconds) == 2
    labels = clustering.cluster(emb, seconds, None, 1, 10, 0.5, conversation=True, pieces=pieces)
    assert labels.max() == 2
    truth = np.repeat([0, 2, 0, 1, 0, 2, 0, 2] * 10, PER_PIECE)
    for voice in range(3):  # each voice is one cluster
        assert len(set(labels[truth == voice])) == 1


def test_one_voice_cut_inside_its_pieces_is_not_two():
    """One voice at d' 5.5 between two sounds that alternate inside every piece: pieces cut in two are no turns."""
    rng = np.random.default_rng(3)
    means = _voices(rng, [5.0])
    order = [0, 1] * 200
    emb = np.stack([means[v] + rng.normal(scale=NOISE, size=DIM) for v in order])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    pieces = np.repeat(np.arange(80), PER_PIECE)
    assert _count(emb, np.full(len(emb), 1.5), pieces) == 1
