"""The whole speech pipeline through the real `scribe` CLI and real models, on espeak-ng consultations
whose every word, speaker and turn time is known."""

import json
import re

import jiwer
import numpy as np
import pytest

from scribe.schemas import Transcript
from tests.conftest import DIALOGUE_EN, SR, run_cli, speak, synth, write_wav


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s']", " ", text.lower())).strip()


def wer(reference_turns, transcript: Transcript) -> float:
    ref = norm(" ".join(t["text"] for t in reference_turns))
    return jiwer.wer(ref, norm(" ".join(s.text for s in transcript.segments)))


def role_accuracy(reference_turns, transcript: Transcript) -> float:
    ok = total = 0
    for seg in transcript.segments:
        for w in seg.words:
            mid = (w.start + w.end) / 2
            ref = next((t for t in reference_turns if t["start"] - 0.3 <= mid <= t["end"] + 0.3), None)
            if ref:
                total += 1
                ok += ref["role"] == seg.role
    return ok / max(total, 1)


def plain_faster_whisper_wer(reference_turns, wav, model_name: str, language: str) -> float:
    """The anchor: plain faster-whisper, same model and decoding settings, whole file at once."""
    from scribe.config import get_settings
    from scribe.engines.asr import fix_sampling_seed, load_whisper
    from scribe.speech.decode import decode
    from scribe.speech.transcribe import AsrOptions, whisper_kwargs

    model = load_whisper(model_name)
    options = AsrOptions(language=language, beam_size=get_settings().asr_beam_size)
    fix_sampling_seed()  # the pipeline's seed: both decode the same way where they sample
    pieces, _ = model.transcribe(decode(wav).samples, **whisper_kwargs(options, model.model.is_multilingual))
    ref = norm(" ".join(t["text"] for t in reference_turns))
    return jiwer.wer(ref, norm(" ".join(p.text for p in pieces)))


def transcribe(tmp_path, wav, *args, env=None) -> Transcript:
    out = tmp_path / f"{wav.stem}.json"
    result = run_cli("transcribe", str(wav), "--json", str(out), *args, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    return Transcript.model_validate(json.loads(out.read_text()))


@pytest.fixture(scope="module")
def english(consult_en, tmp_path_factory):
    return transcribe(tmp_path_factory.mktemp("en"), consult_en.wav, "--asr-model", "tiny.en")


def test_output_contract(english, consult_en):
    assert english.language == "en"
    assert abs(english.duration - consult_en.duration) < 1.0
    assert set(english.timings) >= {"decode", "asr", "diarization", "total"}
    assert english.segments and [s.id for s in english.segments] == list(range(len(english.segments)))
    previous = 0.0
    for seg in english.segments:
        assert seg.speaker in english.speakers and seg.role == english.speakers[seg.speaker].role
        assert seg.words and seg.start == seg.words[0].start and seg.end == seg.words[-1].end
        for w in seg.words:
            assert previous - 0.05 <= w.start <= w.end <= english.duration + 0.5
            assert 0.0 <= w.probability <= 1.0
            previous = w.start


def test_words_speakers_and_roles_are_right(english, consult_en):
    assert wer(consult_en.turns, english) < 0.25
    assert len(english.speakers) == 2
    roles = sorted(info.role for info in english.speakers.values())
    assert roles == ["clinician", "patient"]
    assert role_accuracy(consult_en.turns, english) >= 0.9


def test_stdout_json_when_no_path(consult_en):
    result = run_cli("transcribe", str(consult_en.wav), "--asr-model", "tiny.en", "--speakers", "2", "--no-progress")
    assert result.returncode == 0, result.stderr[-2000:]
    transcript = Transcript.model_validate_json(result.stdout)
    assert len(transcript.speakers) == 2


def test_progress_bar_on_stderr(tmp_path, consult_en):
    out = tmp_path / "p.json"
    result = run_cli("transcribe", str(consult_en.wav), "--asr-model", "tiny.en", "--json", str(out), "--progress")
    assert result.returncode == 0
    assert "asr" in result.stderr and "%" in result.stderr


def test_silence_gives_empty_transcript(tmp_path, silence_wav):
    t = transcribe(tmp_path, silence_wav, "--asr-model", "tiny.en")
    assert t.segments == [] and t.speakers == {}


def test_quiet_noise_is_not_transcribed(tmp_path):
    noise = (np.random.default_rng(1).normal(scale=0.003, size=SR * 20)).astype(np.float32)
    t = transcribe(tmp_path, write_wav(tmp_path / "hiss.wav", noise), "--asr-model", "tiny.en")
    assert sum(len(s.words) for s in t.segments) <= 2  # no hallucinated sentences on hiss


def test_single_speaker(tmp_path):
    c = synth(tmp_path / "mono.wav", [(r, x) for r, x in DIALOGUE_EN if r == "patient"], "en")
    t = transcribe(tmp_path, c.wav, "--asr-model", "tiny.en")
    assert len(t.speakers) == 1


def test_three_speakers_with_companion(tmp_path):
    dialogue = (
        DIALOGUE_EN[:4]
        + [
            ("other", "She has been coughing all night, and she said her chest hurts when she breathes."),
            ("clinician", "Thank you. How long has she had the chest pain?"),
            ("other", "My mother has had it since Sunday. She has not slept well at all."),
        ]
        + DIALOGUE_EN[4:6]
    )
    c = synth(tmp_path / "three.wav", dialogue, "en")
    t = transcribe(tmp_path, c.wav, "--asr-model", "tiny.en", "--speakers", "3")
    assert len(t.speakers) == 3
    assert sorted(i.role for i in t.speakers.values()) == ["clinician", "other", "patient"]
    assert role_accuracy(c.turns, t) >= 0.85


def test_8khz_stereo_telephone(tmp_path, consult_en):
    import av  # noqa: F401  (decode path under test is PyAV)

    from scribe.speech.decode import decode

    audio = decode(consult_en.wav).samples
    narrow = np.interp(np.arange(len(audio) // 2) * 2, np.arange(len(audio)), audio).astype(np.float32)
    wav = write_wav(tmp_path / "tel.wav", narrow, rate=8000, channels=2)
    t = transcribe(tmp_path, wav, "--asr-model", "tiny.en")
    assert len(t.speakers) == 2
    # Narrow-band audio costs accuracy; the pipeline must lose no more than faster-whisper alone.
    assert wer(consult_en.turns, t) <= plain_faster_whisper_wer(consult_en.turns, wav, "tiny.en", "en") + 0.05


def test_long_audio_is_cut_into_blocks_without_losing_words(consult_en):
    """Blocks bound memory on 2-hour visits; across a cut no word is lost or duplicated."""
    from scribe.engines.asr import load_whisper
    from scribe.speech.decode import decode
    from scribe.speech.transcribe import AsrOptions, block_bounds
    from scribe.speech.transcribe import transcribe as run_asr

    audio = decode(consult_en.wav)
    bounds = block_bounds(audio.samples, 20.0)
    assert len(bounds) >= 2 and bounds[0][0] == 0 and bounds[-1][1] == len(audio.samples)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    model = load_whisper("tiny.en")
    whole = run_asr(audio, model, AsrOptions(language="en"))
    blocked = run_asr(audio, model, AsrOptions(language="en", block_seconds=20.0))
    ref = norm(" ".join(t["text"] for t in consult_en.turns))
    as_text = lambda r: norm(" ".join(w.word for w in r.words))  # noqa: E731
    assert jiwer.wer(ref, as_text(blocked)) <= jiwer.wer(ref, as_text(whole)) + 0.05
    starts = [w.start for w in blocked.words]
    assert starts == sorted(starts) and starts[-1] > 40


@pytest.mark.slow
def test_french_with_multilingual_model(tmp_path, consult_fr):
    t = transcribe(tmp_path, consult_fr.wav)  # default model (base), language detected
    assert t.language == "fr"
    # espeak-ng's French is hard for the base model; the pipeline must be no worse than the anchor. On this
    # 52-word reference the anchor's WER moves by up to 0.04 from one decoding to the next in one process
    # (seen: 0.635-0.692), hence the margin of 0.10 (five words).
    assert wer(consult_fr.turns, t) <= plain_faster_whisper_wer(consult_fr.turns, consult_fr.wav, "base", "fr") + 0.10
    assert len(t.speakers) == 2
    assert role_accuracy(consult_fr.turns, t) >= 0.85


def test_enrolled_clinician_voice(tmp_path, consult_en):
    voices = tmp_path / "voices"
    env = {"SCRIBE_VOICES": str(voices), "SCRIBE_DATA_DIR": str(tmp_path / "data")}  # voices sealed with its key
    sample = np.concatenate([speak(text, "en+m3") for role, text in DIALOGUE_EN[::-1] if role == "clinician"])
    enroll = run_cli("enroll", "dr-martin", str(write_wav(tmp_path / "enroll.wav", sample)), env=env)
    assert enroll.returncode == 0, enroll.stderr
    assert (voices / "dr-martin.voice").is_file()  # sealed (scribe.voices)
    t = transcribe(tmp_path, consult_en.wav, "--asr-model", "tiny.en", "--clinician", "dr-martin", env=env)
    clinician = next(s for s, i in t.speakers.items() if i.role == "clinician")
    assert any("voice similarity" in e for e in t.speakers[clinician].evidence)
    assert role_accuracy(consult_en.turns, t) >= 0.9


@pytest.mark.parametrize(
    "content,args,message",
    [
        (b"", (), "empty"),
        (bytes(range(256)) * 64, (), "not an audio file"),
        (None, ("--language", "fr", "--asr-model", "tiny.en"), "English-only"),
        (None, ("--speakers", "0"), "speakers"),
        (None, ("--asr-model", "large-v9"), "no asr model"),
        (None, ("--min-speakers", "4", "--max-speakers", "2"), "min-speakers"),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path, consult_en, content, args, message):
    path = consult_en.wav
    if content is not None:
        path = tmp_path / "bad.wav"
        path.write_bytes(content)
    result = run_cli("transcribe", str(path), *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert result.stdout == ""
