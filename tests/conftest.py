"""Shared fixtures: consultation audio spoken by espeak-ng with exact ground truth, made by the tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

SR = 16_000
ROOT = Path(__file__).resolve().parent.parent

# A short English consultation; the clinician asks, examines and prescribes, the patient reports.
DIALOGUE_EN = [
    ("clinician", "Good morning, I'm doctor Martin. What brings you in today?"),
    ("patient", "Hi doctor. I have had a bad cough and a sore throat for about five days."),
    ("clinician", "Do you have any fever or shortness of breath?"),
    ("patient", "I had a fever of thirty eight degrees on Monday, but no trouble breathing."),
    ("clinician", "Are you taking any medications, and do you have any allergies?"),
    ("patient", "I take lisinopril ten milligrams every morning. I am allergic to penicillin."),
    ("clinician", "Let me listen to your lungs. Take a deep breath in. Your lungs sound clear."),
    ("patient", "That is good to hear. Thank you."),
    (
        "clinician",
        "I think this is a viral infection. I will prescribe a cough syrup, "
        "and come back in one week if it is not better.",
    ),
]

DIALOGUE_FR = [
    ("clinician", "Bonjour madame, je suis le docteur Bernard. Qu'est-ce qui vous amène aujourd'hui ?"),
    ("patient", "Bonjour docteur. J'ai mal à la tête depuis trois jours."),
    ("clinician", "Avez-vous de la fièvre ou des nausées ?"),
    ("patient", "Non, pas de fièvre, mais je suis très fatiguée."),
    ("clinician", "Je vais vous prescrire du paracétamol, un gramme trois fois par jour."),
]

VOICES = {
    "en": {"clinician": "en+m3", "patient": "en-us+f4", "other": "en+m1"},
    "fr": {"clinician": "fr+m3", "patient": "fr+f4", "other": "fr+m1"},
}


@dataclass
class Consultation:
    wav: Path
    turns: list[dict]  # {role, start, end, text}
    language: str

    @property
    def duration(self) -> float:
        return self.turns[-1]["end"] + 0.5


def speak(text: str, voice: str, speed: int = 165) -> np.ndarray:
    """espeak-ng → float32 16 kHz mono."""
    raw = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "--stdout", text], check=True, capture_output=True
    ).stdout
    import io
    import wave

    with wave.open(io.BytesIO(raw)) as w:
        rate = w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.float32) / 32768
    if rate != SR:  # espeak-ng speaks at 22.05 kHz: resample linearly (speech band is kept)
        t = np.arange(int(len(pcm) * SR / rate)) * rate / SR
        pcm = np.interp(t, np.arange(len(pcm)), pcm).astype(np.float32)
    return pcm


def write_wav(path: Path, samples: np.ndarray, rate: int = SR, channels: int = 1) -> Path:
    import wave

    data = np.clip(samples, -1, 1)
    if channels > 1:
        data = np.repeat(data[:, None], channels, axis=1)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((data * 32767).astype(np.int16).tobytes())
    return path


def synth(
    path: Path, dialogue, language: str = "en", pause: float = 0.6, lead: float = 0.5, voices: dict | None = None
) -> Consultation:
    voices = voices or VOICES[language]
    pieces, turns, t = [np.zeros(int(lead * SR), np.float32)], [], lead
    for role, text in dialogue:
        speech = speak(text, voices[role])
        # trim espeak's own leading/trailing silence so the reference times are exact
        voiced = np.flatnonzero(np.abs(speech) > 0.01)
        speech = speech[voiced[0] : voiced[-1] + 1]
        turns.append({"role": role, "start": round(t, 3), "end": round(t + len(speech) / SR, 3), "text": text})
        pieces += [speech, np.zeros(int(pause * SR), np.float32)]
        t += len(speech) / SR + pause
    write_wav(path, np.concatenate(pieces))
    path.with_suffix(".json").write_text(json.dumps(turns, indent=1))
    return Consultation(path, turns, language)


@pytest.fixture(scope="session")
def audio_dir(tmp_path_factory) -> Path:
    if not shutil.which("espeak-ng"):
        pytest.fail("espeak-ng is required for the tests (apt-get install espeak-ng)")
    return tmp_path_factory.mktemp("audio")


@pytest.fixture(scope="session")
def consult_en(audio_dir) -> Consultation:
    return synth(audio_dir / "consult_en.wav", DIALOGUE_EN, "en")


@pytest.fixture(scope="session")
def consult_fr(audio_dir) -> Consultation:
    return synth(audio_dir / "consult_fr.wav", DIALOGUE_FR, "fr")


@pytest.fixture(scope="session")
def silence_wav(audio_dir) -> Path:
    return write_wav(audio_dir / "silence.wav", np.zeros(SR * 8, np.float32))


def run_cli(*args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run the real `scribe` command in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "scribe.cli", *args], capture_output=True, text=True, env=full_env, timeout=timeout
    )


# The shared servers and recordings, registered once here: a session fixture imported into several test
# modules is a new fixture in each, and each would start its own server and keep it to the end of the run.
from tests.security.hardened import hardened  # noqa: E402
from tests.test_delivery_support import scribe, short_wav  # noqa: E402
from tests.test_service_support import consult, embedded  # noqa: E402

__all__ = ["consult", "embedded", "hardened", "scribe", "short_wav"]
