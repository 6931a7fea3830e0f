"""Clustering of speaker embeddings (diarize.py step 3): spectral clustering after the 3D-Speaker recipe,
then small clusters folded into their nearest large one and clusters that are not clearly separate voices
merged. Pure numpy (and scikit-learn's k-means) over L2-normalised embeddings.

A conversation (a consultation: `conversation=True`) has at least two speakers unless the audio clearly
has one voice. The eigengap, the 3 s floor and the merge were tuned for any number of speakers and end at
one speaker on half of 30 s two-voice clips (a short second speaker, two similar voices): so when they
leave one cluster, the best two-way split is kept if it is two voices (d' >= conversation_separation(n): 6 on
short clips, less on long visits where one voice's d' is not inflated by few points; the second voice with
MIN_SECOND_VOICE of speech). Where the embeddings still hear one voice, pitch may tell two (pitch_voices:
two pitch groups far apart that take turns; diarize.py then scores subsegments with pitch too).
The other way round, a third speaker in a conversation must stand
further apart (THIRD_SPEAKER_SEPARATION): on 30 s clips spectral clustering cut one voice of twenty
subsegments in two at d' up to 9.4. Figures: docs/benchmarks.md ("Speaker count").
"""

from __future__ import annotations

import math

import numpy as np

from scribe.speech.pitch import two_groups

PRUNE_KEEP = 0.012  # spectral: fraction of each affinity row kept (3D-Speaker p-value)
PRUNE_MIN = 6  # ... and at least this many neighbours
MERGE_SEPARATION = 6.0  # clusters whose d' separation is below this are one speaker
MIN_CLUSTER_SPEECH = 3.0  # seconds of speech a cluster needs to count as a speaker
# Conversations (measured on pyannote's sample, 30-60 s clips of synthetic consultations and dictations):
# the best two-way split of one voice reached d' 5.3 (30 s, 27 subsegments); of two voices with >= 5 s
# each, d' >= 7.0 (most > 9; pyannote's sample 10.9).
CONVERSATION_SEPARATION = 6.0
# ... but that is one voice's d' inflated by few points in many dimensions: the best split of n embeddings of
# one voice measured d'^2 ~ ONE_VOICE^2 + OVERFIT * dim / n (single-voice espeak readings of 30 s to 6 min,
# n 30 to 350: up to 6.8, 5.3, 3.8, 3.5, 3.3), so a visit of a hundred subsegments or more needs less than 6:
# two similar voices of a 10 min visit (en-us+m3, en-gb) split at d' 5.4-5.6 (n 140-701) and were one speaker.
# Some single voices are not Gaussian and split further at any length (en-us+f1: 4.8-4.9 at n 221-374):
# LONG_SEPARATION is the floor.
ONE_VOICE = 2.65  # d' of a Gaussian cut at its mean
OVERFIT = 6.4
CONVERSATION_MARGIN = 1.25  # the d' needed, as a multiple of one voice's at that n...
LONG_SEPARATION = 5.2  # ... but never less than this
MIN_SECOND_VOICE = 2.0  # seconds of speech the second voice of a conversation needs
THIRD_SPEAKER_SEPARATION = 10.0  # d' a third (fourth...) speaker of a conversation needs
# Pitch (pitch.py), where the embedding leaves one voice: one timbre at two pitches 0.5 octave apart (espeak
# -p 30 / -p 70) has embedding d' 5.8 on a 60 s conversation (< 6: one speaker) and pitch d' > 6.
MIN_PITCH_GAP = 0.3  # octaves between the two pitch groups' means (one voice's 2-way cut: ~1.6 x 0.06-0.15)
PITCH_SEPARATION = 4.0  # d' of the two pitch groups (one voice cut in two: 2.65)
# consecutive pitched subsegments change group at most this fraction as often as in a random order (a turn is
# one voice: turns of ~5 subsegments give ~0.4; pitch errors scattered in one voice ~1)
TURN_SWITCHES = 0.6
MIN_PITCH_TURNS = 2  # runs (turns) each pitch group needs: the voices take turns
PITCH_WEIGHT = 0.5  # (cosine units) most a subsegment's pitch adds to its score for a speaker found by pitch
# Turn-taking (takes_turns): pieces are speech between pauses or speaker-change points, one voice each. A split
# of a conversation's voices keeps every piece whole and changes side between consecutive pieces at least as often
# as chance (turns alternate); a split of one voice cuts pieces (measured within-piece switches 0.07-0.38 on
# 2.5-4 min espeak readings) or keeps whole blocks of them apart (one run: 0.4 x chance). Two voices of whole
# visits: within 0.000-0.015, alternation 0.9-2.1 x chance, at d' down to 4.8 (similar voices, which the d'
# floor leaves as one) and 4.3-9.7 (a companion's voice inside the clinician's or the patient's cluster).
TURN_SEPARATION = 4.0  # d' a split that follows the turn-taking still needs
TURN_MAX_WITHIN = 0.02  # fraction of consecutive subsegments of one piece on different sides, at most
TURN_ALTERNATION = 0.8  # consecutive pieces on different sides, at least this multiple of chance (2p(1-p))
ONE_RUN_ALTERNATION = 0.5  # ... below this multiple, two clusters of a conversation are one voice
MIN_TURN_PAIRS = 20  # consecutive pieces the test needs (30 s clips have fewer: the d' rules decide there)
# ... and under LONG_SEPARATION this many: one voice's 30 and 46 pieces split at d' 4.5 and 4.4 looked like turns
# (0.93 and 1.07 x chance); the true splits under 5.2 had 72-104 (companions at d' 4.3 and 5.2, similar voices 4.8)
TURN_PAIRS_BELOW_FLOOR = 60


def spectral(emb: np.ndarray, num: int | None, lo: int, hi: int) -> np.ndarray:
    """3D-Speaker's spectral clustering: p-pruned cosine affinity, unnormalised Laplacian,
    eigengap for the number of clusters, k-means on the spectral embedding."""
    from sklearn.cluster import KMeans

    n = len(emb)
    sim = emb @ emb.T
    keep = min(n - 1, max(int(PRUNE_KEEP * n), PRUNE_MIN))
    top = np.argpartition(-sim, keep, axis=1)[:, : keep + 1]
    affinity = np.zeros_like(sim)
    rows = np.arange(n)[:, None]
    affinity[rows, top] = sim[rows, top]
    affinity = 0.5 * (affinity + affinity.T)
    np.fill_diagonal(affinity, 0.0)
    affinity = np.maximum(affinity, 0.0)
    laplacian = np.diag(affinity.sum(axis=1)) - affinity
    eigenvalues, eigenvectors = np.linalg.eigh(laplacian)
    if num is not None:
        k = min(num, n)
    else:
        top_k = min(hi, n - 1)
        gaps = np.diff(eigenvalues[lo - 1 : top_k + 1])
        k = int(np.argmax(gaps)) + lo if gaps.size else lo
    if k <= 1:
        return np.zeros(n, dtype=np.int64)
    return KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(eigenvectors[:, :k]).astype(np.int64)


def centroids(emb: np.ndarray, labels: np.ndarray) -> np.ndarray:
    k = int(labels.max()) + 1
    c = np.stack([emb[labels == j].mean(axis=0) for j in range(k)])
    return c / np.maximum(np.linalg.norm(c, axis=1, keepdims=True), 1e-12)


def renumber(labels: np.ndarray) -> np.ndarray:
    return np.unique(labels, return_inverse=True)[1].astype(np.int64)


def cluster(
    emb: np.ndarray,
    seconds: np.ndarray,
    num: int | None,
    lo: int,
    hi: int,
    represented: float,
    conversation: bool = False,
    pieces: np.ndarray | None = None,
) -> np.ndarray:
    """Cluster labels of the (training) embeddings.

    seconds: speech behind each embedding; represented: how many seconds of speech one second
    behind a clustered embedding stands for (subsampling, subsegment overlap). conversation: expect
    two speakers unless the audio clearly has one voice (module docstring). pieces: the piece of speech of
    each embedding, embeddings in time order; with it a conversation's voices are also told by their turns.
    """
    n = len(emb)
    if n < 2 or hi == 1:
        return np.zeros(n, dtype=np.int64)
    labels = spectral(emb, num, lo, hi)
    if num is not None:
        return renumber(labels)
    # fold clusters with too little speech into their nearest large cluster
    mass = np.bincount(labels, weights=seconds * represented)
    large = np.flatnonzero(mass >= MIN_CLUSTER_SPEECH)
    if large.size < max(lo, 1):
        large = np.argsort(-mass)[: max(lo, 1)]
    if large.size < labels.max() + 1:
        cents = centroids(emb, labels)
        target = large[np.argmax(cents @ cents[large].T, axis=1)]
        target[large] = large
        labels = renumber(target[labels])
    # merge clusters that are not clearly separate voices while above the minimum
    while labels.max() + 1 > lo:
        i, j, separation = least_separated(emb, labels)
        needed = THIRD_SPEAKER_SEPARATION if conversation and labels.max() + 1 > 2 else MERGE_SEPARATION
        if separation >= needed:
            break
        labels = renumber(np.where(labels == j, i, labels))
    if not conversation or num is not None or hi < 2:
        return labels
    mass = seconds * represented
    if labels.max() == 1 and lo < 2 and pieces is not None and _one_run(labels, pieces):
        labels = np.zeros(n, dtype=np.int64)  # one voice whose pieces fell apart in two blocks
    if labels.max() == 0 and n >= 4:
        labels = second_voice(emb, mass, labels, pieces)
    if pieces is not None and labels.max() >= 1:
        labels = _voices_by_turns(emb, mass, labels, pieces, hi)
    return labels


def second_voice(emb: np.ndarray, mass: np.ndarray, one: np.ndarray, pieces: np.ndarray | None = None) -> np.ndarray:
    """Two clusters when a two-way split (spectral or k-means, the more separated first) is two voices: d' of
    conversation_separation, or TURN_SEPARATION for a split that follows the turn-taking, and not one run; `one`
    (all zeros) otherwise. mass: seconds of speech each embedding stands for."""
    needed = conversation_separation(len(emb), emb.shape[1])
    for labels, separation in _two_way_splits(emb):
        if np.bincount(labels, weights=mass).min() < MIN_SECOND_VOICE:
            continue
        if pieces is not None and _one_run(labels, pieces):
            continue
        if separation >= needed or pieces is not None and takes_turns(labels, pieces, separation):
            return labels
    return one


def _two_way_splits(emb: np.ndarray) -> list[tuple[np.ndarray, float]]:
    """The spectral and the k-means two-way splits of the embeddings with their d', the more separated first."""
    from sklearn.cluster import KMeans

    out = []
    for labels in (spectral(emb, 2, 2, 2), KMeans(n_clusters=2, n_init=10, random_state=0).fit_predict(emb)):
        labels = renumber(labels)
        if labels.max() == 1:
            out.append((labels.astype(np.int64), least_separated(emb, labels)[2]))
    return sorted(out, key=lambda pair: -pair[1])


def _voices_by_turns(emb: np.ndarray, mass: np.ndarray, labels: np.ndarray, pieces: np.ndarray, hi: int) -> np.ndarray:
    """Each cluster split in two where the split follows the turn-taking at d' >= TURN_SEPARATION, with
    MIN_CLUSTER_SPEECH on each side: two voices the clustering merged (a companion inside the clinician's cluster,
    whom THIRD_SPEAKER_SEPARATION kept out)."""
    for c in range(int(labels.max()) + 1):
        members = np.flatnonzero(labels == c)
        if labels.max() + 1 >= hi:
            break
        if np.count_nonzero(np.diff(pieces[members])) < MIN_TURN_PAIRS:
            continue  # too few pieces to tell turns (a short recording): no clustering spent on it
        for sides, separation in _two_way_splits(emb[members]):
            if np.bincount(sides, weights=mass[members]).min() >= MIN_CLUSTER_SPEECH and takes_turns(
                sides, pieces[members], separation
            ):
                labels = labels.copy()
                labels[members[sides == 1]] = labels.max() + 1
                break
    return labels


def _switches(labels: np.ndarray, pieces: np.ndarray) -> tuple[float, float, int] | None:
    """(switches between consecutive embeddings of one piece, as a fraction; switches between consecutive
    pieces, as a multiple of chance 2p(1-p); consecutive pieces) of a two-way split; None with under
    MIN_TURN_PAIRS consecutive pieces. labels, pieces: of the embeddings in time order."""
    same = pieces[1:] == pieces[:-1]
    switch = labels[1:] != labels[:-1]
    pairs = int(np.count_nonzero(~same))
    if pairs < MIN_TURN_PAIRS:
        return None
    share = float(labels.mean())
    within = float(switch[same].mean()) if same.any() else 0.0
    return within, float(switch[~same].mean()) / max(2.0 * share * (1.0 - share), 1e-9), pairs


def takes_turns(labels: np.ndarray, pieces: np.ndarray, separation: float) -> bool:
    """A two-way split (at that d') that keeps every piece whole and alternates between pieces as turns do; under
    LONG_SEPARATION only with TURN_PAIRS_BELOW_FLOOR consecutive pieces."""
    found = _switches(labels, pieces)
    if found is None or separation < TURN_SEPARATION:
        return False
    within, alternation, pairs = found
    if separation < LONG_SEPARATION and pairs < TURN_PAIRS_BELOW_FLOOR:
        return False
    return within <= TURN_MAX_WITHIN and alternation >= TURN_ALTERNATION


def _one_run(labels: np.ndarray, pieces: np.ndarray) -> bool:
    """Two sides that change between consecutive pieces far less often than chance: blocks of one voice."""
    found = _switches(labels, pieces)
    return found is not None and found[1] < ONE_RUN_ALTERNATION


def conversation_separation(n: int, dim: int) -> float:
    """d' the best two-way split of n embeddings (of dim dimensions) of a conversation needs to be two voices:
    CONVERSATION_MARGIN times what one voice reaches at that n, between LONG_SEPARATION and CONVERSATION_SEPARATION."""
    one_voice = math.sqrt(ONE_VOICE**2 + OVERFIT * dim / n)
    return min(CONVERSATION_SEPARATION, max(LONG_SEPARATION, CONVERSATION_MARGIN * one_voice))


def pitch_voices(emb: np.ndarray, mass: np.ndarray, pitch: np.ndarray) -> np.ndarray:
    """Two clusters when the embeddings' one voice is two pitches that take turns; all zeros otherwise.

    emb, mass, pitch: of each clustered subsegment, in time order (pitch: median log2 F0 of its speech, NaN
    with too little voiced speech). Two voices: the pitches split in two groups MIN_PITCH_GAP apart at
    d' >= PITCH_SEPARATION that follow the turn-taking: consecutive pitched subsegments mostly in one group
    (TURN_SWITCHES; pitch-tracking errors scattered in one voice alternate), each group in at least
    MIN_PITCH_TURNS runs (turns) and MIN_SECOND_VOICE seconds. The pieces of speech the segmentation cuts
    do not tell turns apart here: it bridges the pauses between two voices of one timbre. Subsegments
    without a pitch join the group whose embedding centroid is nearest."""
    one = np.zeros(len(emb), dtype=np.int64)
    pitched = np.flatnonzero(np.isfinite(pitch))
    if pitched.size < 4:
        return one
    groups, gap, separation = two_groups(pitch[pitched])
    if gap < MIN_PITCH_GAP or separation < PITCH_SEPARATION:
        return one
    switches = np.flatnonzero(groups[1:] != groups[:-1])
    turns = np.bincount(groups[np.concatenate([[0], switches + 1])], minlength=2)
    high = groups.mean()
    chance = 2.0 * high * (1.0 - high) * (groups.size - 1)  # switches expected in a random order
    if switches.size > TURN_SWITCHES * chance or turns.min() < MIN_PITCH_TURNS:
        return one
    labels = one.copy()
    labels[pitched] = groups
    unpitched = np.flatnonzero(~np.isfinite(pitch))
    if unpitched.size:
        cents = centroids(emb[pitched], groups)
        labels[unpitched] = np.argmax(emb[unpitched] @ cents.T, axis=1)
    if np.bincount(labels, weights=mass, minlength=2).min() < MIN_SECOND_VOICE:
        return one
    return labels


def pitch_scores(clustered: np.ndarray, labels: np.ndarray, pitch: np.ndarray) -> np.ndarray:
    """(len(pitch), speakers) additions to the cosine scores of subsegments of the given pitch, for speakers
    pitch_voices found (clustered, labels: the pitch and label of each clustered embedding): 0 for the
    speaker of nearest mean pitch, down to -PITCH_WEIGHT for one half their gap further away; 0 without a pitch."""
    means = np.array([np.nanmean(clustered[labels == j]) for j in range(int(labels.max()) + 1)])
    gap = max(float(np.ptp(means)), MIN_PITCH_GAP)
    distance = np.abs(pitch[:, None] - means[None, :]) / (0.5 * gap)
    out = -PITCH_WEIGHT * np.clip(distance - distance.min(axis=1, keepdims=True), 0.0, 1.0)
    return np.where(np.isfinite(out), out, 0.0)


def least_separated(emb: np.ndarray, labels: np.ndarray) -> tuple[int, int, float]:
    """The two clusters least separated along the line joining their means, and their
    separation d' = |mean difference| / pooled std of the members' projections on that line.

    Two voices stand apart (d' >= 8 on every pair of distinct voices measured, real or
    synthetic, even when their centroids are 0.9 cosine-similar); one voice that the clustering
    cut in two does not (d' ~ 2.7 for a Gaussian cut at its mean, < 5 measured).
    """
    k = int(labels.max()) + 1
    groups = [emb[labels == j].astype(np.float64) for j in range(k)]
    means = [g.mean(axis=0) for g in groups]
    best = (0, 1, math.inf)
    for i in range(k):
        for j in range(i + 1, k):
            w = means[i] - means[j]
            norm = np.linalg.norm(w)
            if norm < 1e-9:
                return i, j, 0.0
            w /= norm
            pi, pj = groups[i] @ w, groups[j] @ w
            pooled = math.sqrt(max((pi.var() * len(pi) + pj.var() * len(pj)) / (len(pi) + len(pj)), 1e-4))
            dprime = abs(pi.mean() - pj.mean()) / pooled
            if dprime < best[2]:
                best = (i, j, dprime)
    return best
