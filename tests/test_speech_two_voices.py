"""Two voices of one timbre at two pitches are two speakers; one voice reading a long monologue stays one.

Speech is spoken here by espeak-ng: one voice (en-us) at pitch -p 30 and -p 70 (88 and 126 Hz, half an
octave apart), taking turns: CAM++ barely tells them apart (best two-way split d' 5.8 < 6), the pitch
(scribe/speech/pitch.py) does. The same voice at one pitch, and a long single-voice monologue, stay one.
"""

from __future__ import annotations

import subprocess

import numpy as np
import pytest

from scribe.speech.diarize import diarize
from scribe.speech.pitch import f0_track, segment_pitch, two_groups
from scribe.speech.types import SAMPLE_RATE, Audio
from tests.conftest import DIALOGUE_EN, speak
from tests.test_diarize import SENTENCES, _der


@pytest.fixture(scope="module")
def engine():
    from scribe.engines.diarization import load_diarization_engine

    return load_diarization_engine()


def _spoken(text: str, pitch: int) -> np.ndarray:
    """en-us at an espeak pitch (0-99), 16 kHz, espeak's own silence trimmed."""
    raw = subprocess.run(
        ["espeak-ng", "-v", "en-us", "-p", str(pitch), "-s", "165", "--stdout", text], check=True, capture_output=True
    ).stdout
    import io
    import wave

    with wave.open(io.BytesIO(raw)) as w:
        rate = w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.float32) / 32768
    t = np.arange(int(len(pcm) * SAMPLE_RATE / rate)) * rate / SAMPLE_RATE
    pcm = np.interp(t, np.arange(len(pcm)), pcm).astype(np.float32)
    voiced = np.flatnonzero(np.abs(pcm) > 0.01)
    return pcm[voiced[0] : voiced[-1] + 1]


def _turns(pitches: list[int], count: int = 16, pause: float = 0.5):
    """SENTENCES spoken in turns at the given pitches: (Audio, [(start, end, who)])."""
    pieces, ref, t = [], [], 0.0
    for i in range(count):
        pitch = pitches[i % len(pitches)]
        x = _spoken(SENTENCES[i % len(SENTENCES)], pitch)
        ref.append((t, t + x.size / SAMPLE_RATE, f"p{pitch}"))
        pieces += [x, np.zeros(int(pause * SAMPLE_RATE), np.float32)]
        t += x.size / SAMPLE_RATE + pause
    return Audio(np.concatenate(pieces)), ref


def test_pitch_of_espeak_voices():
    """The F0 estimator finds a low and a high voice where espeak puts them, an octave apart."""
    low, high = speak(SENTENCES[0], "en-us+m3"), speak(SENTENCES[0], "en-us+f3")
    f_low, f_high = (float(np.nanmedian(f0_track(x))) for x in (low, high))
    assert 80 < f_low < 130 and 160 < f_high < 260, (f_low, f_high)
    both = np.concatenate([low, high])
    track = f0_track(both)
    halves = segment_pitch(track, np.array([0.0, low.size / SAMPLE_RATE]), np.array([low.size, both.size]) / 16000)
    assert 0.8 < halves[1] - halves[0] < 1.3  # octaves
    groups, gap, separation = two_groups(np.concatenate([np.full(10, 6.8), np.full(10, 7.3)]) + 0.01 * np.arange(20))
    assert groups.tolist() == [0] * 10 + [1] * 10 and gap > 0.45 and separation > 4


def test_two_pitches_of_one_timbre_are_two_speakers(engine):
    audio, ref = _turns([30, 70])
    d = diarize(audio, engine)
    assert len(d.speakers) == 2, d.turns
    assert _der(ref, d) < 0.15
    # most of each voice's speech goes to its own speaker
    talk: dict[tuple[str, str], float] = {}
    for start, end, who in ref:
        for turn in d.turns:
            shared = min(end, turn.end) - max(start, turn.start)
            if shared > 0:
                talk[who, turn.speaker] = talk.get((who, turn.speaker), 0.0) + shared
    main = {who: max(d.speakers, key=lambda s: talk.get((who, s), 0.0)) for who in ("p30", "p70")}
    assert main["p30"] != main["p70"], talk


def test_one_timbre_at_one_pitch_stays_one(engine):
    audio, _ = _turns([50])
    assert diarize(audio, engine).speakers == ["S1"]


def test_long_monologue_stays_one(engine):
    """Two minutes of one voice (en-us+f1: the espeak voice whose embeddings split furthest, d' 4.9 on a
    6 min monologue) read as one long dictation: one speaker."""
    text = [line for _, line in DIALOGUE_EN] + SENTENCES
    samples = np.concatenate([np.concatenate([speak(line, "en-us+f1"), np.zeros(6000, np.float32)]) for line in text])
    samples = np.concatenate([samples, samples[: int(len(samples) * 0.3)]])
    assert len(samples) / SAMPLE_RATE > 100
    assert diarize(Audio(samples), engine).speakers == ["S1"]
