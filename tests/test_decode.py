"""decode: every container we promise, any rate/channels, and a clear error for each kind of bad file."""

import av
import numpy as np
import pytest

from scribe.errors import AudioError
from scribe.speech.decode import decode, iter_chunks
from tests.conftest import SR, speak, write_wav


def encode(path, samples, codec, rate=48_000, layout="stereo", fmt=None):
    """Encode with PyAV (the same FFmpeg libraries users' files come from)."""
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate, layout=layout)
        t = np.arange(int(len(samples) * rate / SR)) * SR / rate
        resampled = np.interp(t, np.arange(len(samples)), samples).astype(np.float32)
        channels = 2 if layout == "stereo" else 1
        planar = np.repeat(resampled[None, :], channels, axis=0)
        frame = av.AudioFrame.from_ndarray(planar, format="fltp", layout=layout)
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


@pytest.fixture(scope="module")
def speech():
    return speak("The patient reports a headache since Monday.", "en+m3")


@pytest.mark.parametrize(
    "name,codec,fmt",
    [
        ("a.mp3", "libmp3lame", None),
        ("a.m4a", "aac", "mp4"),
        ("a.ogg", "libopus", "ogg"),
        ("a.webm", "libopus", "webm"),
        ("a.flac", "flac", None),
    ],
)
def test_compressed_formats_decode_to_16k_mono(tmp_path, speech, name, codec, fmt):
    path = encode(tmp_path / name, speech, codec, fmt=fmt)
    audio = decode(path)
    assert audio.sample_rate == SR and audio.samples.ndim == 1 and audio.samples.dtype == np.float32
    assert abs(audio.duration - len(speech) / SR) < 0.2
    assert np.abs(audio.samples).max() > 0.05  # real signal, not silence


def test_8khz_stereo_telephone(tmp_path, speech):
    t = np.arange(int(len(speech) / 2)) * 2
    narrow = np.interp(t, np.arange(len(speech)), speech).astype(np.float32)
    audio = decode(write_wav(tmp_path / "tel.wav", narrow, rate=8000, channels=2))
    assert audio.sample_rate == SR and abs(audio.duration - len(speech) / SR) < 0.05


def test_bytes_input(tmp_path, speech):
    data = write_wav(tmp_path / "b.wav", speech).read_bytes()
    assert abs(decode(data).duration - len(speech) / SR) < 0.01


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "empty"),
        (
            b"RIFF$\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x80>\x00\x00\x00}\x00\x00\x02\x00"
            b"\x10\x00data\x00\x00\x00\x00",
            "zero-length",
        ),
        (bytes(range(256)) * 40, "not an audio file"),
    ],
)
def test_bad_files_raise_clear_errors(tmp_path, content, message):
    path = tmp_path / "bad.wav"
    path.write_bytes(content)
    with pytest.raises(AudioError, match=message):
        decode(path)


def test_missing_file(tmp_path):
    with pytest.raises(AudioError, match="no such file"):
        decode(tmp_path / "nope.wav")


def test_unsupported_codec(tmp_path):
    # A WAV whose format tag (0x2000 ... here 0x7777) names no codec FFmpeg knows.
    header = (
        b"RIFF"
        + (36 + 1000).to_bytes(4, "little")
        + b"WAVEfmt "
        + (16).to_bytes(4, "little")
        + (0x7777).to_bytes(2, "little")
        + (1).to_bytes(2, "little")
        + SR.to_bytes(4, "little")
        + (SR * 2).to_bytes(4, "little")
        + (2).to_bytes(2, "little")
        + (16).to_bytes(2, "little")
        + b"data"
        + (1000).to_bytes(4, "little")
        + bytes(1000)
    )
    path = tmp_path / "odd.wav"
    path.write_bytes(header)
    with pytest.raises(AudioError):
        decode(path)


def test_truncated_file_keeps_what_decodes(tmp_path, speech):
    full = write_wav(tmp_path / "full.wav", speech).read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(full[: len(full) // 2])
    audio = decode(cut)
    assert 0.3 * len(speech) / SR < audio.duration < 0.6 * len(speech) / SR


def test_long_audio_streams_in_bounded_chunks(tmp_path):
    # 5 minutes of tone: iter_chunks never yields more than one chunk's worth at a time.
    tone = (0.1 * np.sin(np.arange(SR * 300) * 2 * np.pi * 220 / SR)).astype(np.float32)
    path = write_wav(tmp_path / "long.wav", tone)
    sizes = [c.size for c in iter_chunks(path, chunk_seconds=30)]
    assert max(sizes) <= 30 * SR and sum(sizes) == tone.size
