"""Diarization stage on the real models (store: pyannote-segmentation-3.0 + campplus).

Audio is made here with espeak-ng (voices alternating with known turn times), plus the real
two-speaker recording pyannote.audio ships with its reference RTTM.
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from scribe.speech.types import SAMPLE_RATE, Audio

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")

SENTENCES = [
    "Good morning, what brings you in to the clinic today?",
    "I have had a sore throat and a cough for about a week now.",
    "Have you noticed any fever, chills or night sweats at all?",
    "Yes, a low fever in the evenings, and I feel very tired.",
    "Any trouble breathing, or pain in your chest when you cough?",
    "No chest pain, but I get short of breath climbing the stairs.",
    "Let me listen to your lungs. Please take a slow deep breath.",
    "Should I be worried about it? My brother had pneumonia last year.",
    "Your lungs sound clear, so this is most likely a viral infection.",
    "That is a relief. Do I need to take antibiotics for this?",
    "No, rest and fluids should do. Come back if it gets any worse.",
    "Thank you very much doctor, I will do that and see you soon.",
]


def _espeak(text: str, voice: str, tmp: Path) -> np.ndarray:
    from scipy.signal import resample_poly

    out = tmp / "turn.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "165", "-w", str(out), text], check=True, capture_output=True)
    with wave.open(str(out)) as w:
        rate = w.getframerate()
        x = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.float32) / 32768
    g = np.gcd(rate, SAMPLE_RATE)
    x = resample_poly(x, SAMPLE_RATE // g, rate // g).astype(np.float32)
    loud = np.flatnonzero(np.abs(x) > 0.01)
    pad = int(0.05 * SAMPLE_RATE)
    return x[max(0, loud[0] - pad) : loud[-1] + pad]


def _conversation(voices: list[str], tmp: Path, turns: int = 8, gap: float = 0.6):
    """Voices taking turns; returns (Audio, [(start, end, voice)])."""
    rng = np.random.default_rng(0)
    pieces, ref, t = [np.zeros(int(0.5 * SAMPLE_RATE), np.float32)], [], 0.5
    for i in range(turns):
        voice = voices[i % len(voices)]
        x = _espeak(SENTENCES[i % len(SENTENCES)], voice, tmp)
        ref.append((t, t + x.size / SAMPLE_RATE, voice))
        pause = np.zeros(int((gap + rng.uniform(0, 0.3)) * SAMPLE_RATE), np.float32)
        pieces += [x, pause]
        t += (x.size + pause.size) / SAMPLE_RATE
    return Audio(np.concatenate(pieces)), ref


def _der(ref, diarization, collar: float = 0.0, component: str | None = None) -> float:
    """DER (pyannote.metrics, no collar by default), or one component's share of it."""
    from pyannote.core import Annotation, Segment
    from pyannote.metrics.diarization import DiarizationErrorRate

    reference, hypothesis = Annotation(), Annotation()
    for start, end, who in ref:
        reference[Segment(start, end)] = who
    for turn in diarization.turns:
        hypothesis[Segment(turn.start, turn.end)] = turn.speaker
    detail = DiarizationErrorRate(collar=collar)(reference, hypothesis, detailed=True)
    if component is None:
        return detail["diarization error rate"]
    return detail[component] / detail["total"]


@pytest.fixture(scope="module")
def engine():
    from scribe.engines.diarization import load_diarization_engine

    return load_diarization_engine()


@pytest.fixture(scope="module")
def two_voices(tmp_path_factory):
    return _conversation(["en-us+m3", "en-us+f3"], tmp_path_factory.mktemp("two"))


@pytest.fixture(scope="module")
def one_voice(tmp_path_factory):
    return _conversation(["en-gb+m4"], tmp_path_factory.mktemp("one"), turns=5)


def _check_shape(d):
    starts = [t.start for t in d.turns]
    assert starts == sorted(starts)
    order = []
    for t in d.turns:
        assert 0 <= t.start < t.end
        if t.speaker not in order:
            order.append(t.speaker)
    assert order == [f"S{i + 1}" for i in range(len(order))]  # named by first appearance
    assert set(d.embeddings) == set(order)
    for v in d.embeddings.values():
        assert v.shape == (192,)
        assert abs(float(np.linalg.norm(v)) - 1) < 1e-4


def test_engine_is_cached(engine):
    from scribe.engines.diarization import load_diarization_engine

    assert load_diarization_engine() is engine


def test_two_voices(engine, two_voices):
    from scribe.speech.diarize import diarize

    audio, ref = two_voices
    steps = set()
    d = diarize(audio, engine, hook=lambda step, completed=None, total=None: steps.add(step))
    _check_shape(d)
    assert len(d.speakers) == 2
    assert _der(ref, d) < 0.05
    assert {"segmentation", "embeddings", "clustering"} <= steps
    # the two centroids are different voices
    a, b = d.embeddings.values()
    assert float(a @ b) < 0.8


def test_single_speaker(engine, one_voice):
    from scribe.speech.diarize import diarize

    audio, ref = one_voice
    d = diarize(audio, engine)
    _check_shape(d)
    assert d.speakers == ["S1"]
    # the segmentation model bridges one speaker's short pauses (as its training annotation
    # does): only missed speech counts here
    assert _der(ref, d, component="missed detection") < 0.05


def test_three_speakers(engine, tmp_path):
    from scribe.speech.diarize import diarize

    # (en-gb+m4 would be a poor third: to CAM++ it is nearly en-us+m3's voice, cosine 0.77)
    audio, ref = _conversation(["en-us+m3", "en-us+f3", "en-us+m7"], tmp_path, turns=9)
    d = diarize(audio, engine)
    _check_shape(d)
    assert len(d.speakers) == 3
    assert _der(ref, d) < 0.08


def test_num_speakers_honoured(engine, two_voices, one_voice):
    from scribe.speech.diarize import DiarizeOptions, diarize

    audio, _ = two_voices
    assert len(diarize(audio, engine, DiarizeOptions(num_speakers=1)).speakers) == 1
    assert len(diarize(audio, engine, DiarizeOptions(max_speakers=1)).speakers) == 1
    assert len(diarize(audio, engine, DiarizeOptions(num_speakers=2)).speakers) == 2
    audio, _ = one_voice
    assert len(diarize(audio, engine, DiarizeOptions(min_speakers=2)).speakers) == 2
    with pytest.raises(ValueError):
        diarize(audio, engine, DiarizeOptions(min_speakers=3, max_speakers=2))


class _Counting:
    """The real engine, counting the audio its two networks are given."""

    def __init__(self, engine):
        self.engine, self.windows, self.frame_seconds = engine, 0, 0.0

    def __getattr__(self, name):
        return getattr(self.engine, name)

    def segment(self, windows):
        self.windows += len(windows)
        return self.engine.segment(windows)

    def embedding_frames(self, samples):
        self.frame_seconds += len(samples) / SAMPLE_RATE
        return self.engine.embedding_frames(samples)


def test_precomputed_while_live_gives_the_same_turns(engine, tmp_path):
    """A live visit runs the networks on each whole 20 s block as it arrives; after stop diarize()
    runs them only on the tail, and the result equals diarizing the recording from scratch."""
    from scribe.speech.diarize import (
        EMBEDDING_BLOCK,
        Precomputed,
        diarize,
        precompute,
        precompute_horizon,
        precompute_span,
    )

    audio, ref = _conversation(["en-us+m3", "en-us+f3"], tmp_path, turns=16)
    assert audio.duration > 2.5 * EMBEDDING_BLOCK
    scratch = diarize(audio, engine)
    cache, done = Precomputed(), 0.0
    for received in np.arange(0.5, audio.duration, 0.5):  # the audio as it arrives
        horizon = precompute_horizon(received)
        assert horizon <= received
        if horizon > done:
            start = precompute_span(engine, done)
            span = audio.samples[int(start * SAMPLE_RATE) : int(received * SAMPLE_RATE)]
            cache.update(Precomputed.from_bytes(precompute(span, start, engine, done, horizon).to_bytes()))
            done = horizon
    assert len(cache.frames) == int(done // EMBEDDING_BLOCK) and cache.segmentation
    counting = _Counting(engine)
    live = diarize(audio, counting, precomputed=cache)
    assert live.turns == scratch.turns and _der(ref, live) < 0.05
    for name, v in scratch.embeddings.items():
        assert float(live.embeddings[name] @ v) > 0.9999
    tail = audio.duration - done
    assert counting.windows <= (tail + engine.chunk_duration) / 2.5 + 2
    assert counting.frame_seconds <= tail + 2.5  # the last block and its left context
    scratch_count = _Counting(engine)
    diarize(audio, scratch_count)
    assert scratch_count.frame_seconds > audio.duration  # (the anchor: everything, blocks overlapping)


def test_silence_and_noise_give_no_turns(engine):
    from scribe.speech.diarize import diarize

    assert diarize(Audio(np.zeros(5 * SAMPLE_RATE, np.float32)), engine).turns == []
    hiss = (np.random.default_rng(1).standard_normal(5 * SAMPLE_RATE) * 1e-4).astype(np.float32)
    d = diarize(Audio(hiss), engine)
    assert d.turns == [] and d.embeddings == {}
    assert diarize(Audio(np.zeros(0, np.float32)), engine).turns == []


def test_very_short_audio(engine, tmp_path):
    from scribe.speech.diarize import diarize

    x = _espeak("Yes.", "en-us+f3", tmp_path)[: int(0.8 * SAMPLE_RATE)]
    d = diarize(Audio(x), engine)
    assert len(d.speakers) <= 1
    for n in (1, 100, 399, 1000):
        diarize(Audio(x[:n].copy()), engine)  # no crash


def test_8khz_origin(engine, two_voices):
    from scipy.signal import resample_poly

    from scribe.speech.diarize import diarize

    audio, ref = two_voices
    narrow = resample_poly(resample_poly(audio.samples, 1, 2), 2, 1).astype(np.float32)
    d = diarize(Audio(narrow), engine)
    assert len(d.speakers) == 2
    assert _der(ref, d) < 0.08


def test_embed_for_enrollment(engine, tmp_path):
    m1 = _espeak(SENTENCES[0] + " " + SENTENCES[2], "en-us+m3", tmp_path)
    m2 = _espeak(SENTENCES[4] + " " + SENTENCES[6], "en-us+m3", tmp_path)
    f1 = _espeak(SENTENCES[1] + " " + SENTENCES[3], "en-us+f3", tmp_path)
    e1, e2, e3 = engine.embed(m1), engine.embed(m2), engine.embed(f1)
    for e in (e1, e2, e3):
        assert e.shape == (192,) and e.dtype == np.float32
        assert abs(float(np.linalg.norm(e)) - 1) < 1e-4
    assert float(e1 @ e2) > float(e1 @ e3) + 0.2
    # long enrollment audio is processed piecewise
    assert float(engine.embed(np.tile(m1, 12)) @ e1) > 0.9
    with pytest.raises(ValueError):
        engine.embed(np.zeros(100, np.float32))


def test_enrollment_matches_diarized_speaker(engine, two_voices, tmp_path):
    from scribe.speech.diarize import diarize

    audio, ref = two_voices
    d = diarize(audio, engine)
    enrolled = engine.embed(_espeak(SENTENCES[10] + " " + SENTENCES[11], "en-us+m3", tmp_path))
    first = next(t.speaker for t in d.turns)  # the m3 voice speaks first
    best = max(d.embeddings, key=lambda s: float(d.embeddings[s] @ enrolled))
    assert best == first


def test_pyannote_sample(engine):
    import pyannote.audio

    from scribe.speech.decode import decode
    from scribe.speech.diarize import diarize

    folder = Path(pyannote.audio.__file__).parent / "sample"
    ref = []
    for line in (folder / "sample.rttm").read_text().splitlines():
        p = line.split()
        ref.append((float(p[3]), float(p[3]) + float(p[4]), p[7]))
    d = diarize(decode(folder / "sample.wav"), engine)
    assert len(d.speakers) == 2
    assert _der(ref, d) < 0.10


@pytest.mark.slow
def test_stock_pipeline_anchor(engine, two_voices):
    from scribe.speech.stock import diarize_stock

    audio, ref = two_voices
    clip = Audio(audio.samples[: 12 * SAMPLE_RATE])
    d = diarize_stock(clip, engine)
    _check_shape(d)
    assert d.turns


def test_live_speakers_follow_voices_and_roles(engine):
    """Online labels of live final segments: one speaker per voice, the questioner is the clinician,
    and an enrolled clinician voice decides even when the words do not."""
    from scribe.speech.live_speakers import LiveSpeakers
    from tests.conftest import DIALOGUE_EN, speak

    voices = {"clinician": "en-us+m3", "patient": "en-us+f3"}
    utterances = [(role, text, engine.embed(speak(text, voices[role]))) for role, text in DIALOGUE_EN]
    live = LiveSpeakers()
    labels = [live.label(e, 3.0, text) for _, text, e in utterances]
    by_role: dict[str, set] = {}
    for (role, _, _), (speaker, _) in zip(utterances, labels):
        by_role.setdefault(role, set()).add(speaker)
    assert len(by_role["clinician"]) == 1 and len(by_role["patient"]) == 1
    assert by_role["clinician"] != by_role["patient"]
    # once a few turns have been heard, roles are right
    assert [r for (_, r) in labels[4:]] == [role for role, _, _ in utterances[4:]]

    # Words alone are neutral here; the enrolled voice says who the clinician is.
    enrolled = engine.embed(speak("This is my enrollment recording for the scribe.", voices["patient"]))
    live = LiveSpeakers()
    neutral = "The weather has been quite nice this week."
    first = live.label(engine.embed(speak(neutral, voices["clinician"])), 3.0, neutral, enrolled)
    second = live.label(engine.embed(speak(neutral, voices["patient"])), 3.0, neutral, enrolled)
    assert first[0] != second[0] and second[1] == "clinician" and first[1] == "patient"
