"""A drug name the first pass garbles is decoded again where the words say a drug is expected, with the
common drugs it sounds like in the prompt, and taken only where the audio supports it: no visit list needed,
and no drug where none was said. Real models on generated speech (base: tiny.en hears too little of a name
it was told of to be sure of any, so it recovers none)."""

from __future__ import annotations

from scribe.engines.asr import load_whisper
from scribe.notes.drug_suspects import drug_suspects
from scribe.notes.medication import find_mentions
from scribe.schemas import Segment
from scribe.speech.redecode import redecode, redecode_words, with_corrections
from scribe.speech.run import final_words
from scribe.speech.transcribe import AsrOptions, transcribe
from scribe.speech.types import Audio
from tests.conftest import speak

GARBLED = "Keep taking your meloxicam fifteen milligrams daily."  # base: "your Melixic M50 Milibrands daily"
ORDINARY = "We went for a walk by the river and had lunch on the terrace."  # "on the terrace": a cue, no drug


def _drugs(text: str) -> set[str]:
    return {m.drug.get("name", m.surface).lower() for m in find_mentions(text)}


def test_a_garbled_drug_name_is_recovered_from_the_audio_without_any_vocabulary():
    audio, model = Audio(speak(GARBLED, "en-us")), load_whisper("base")
    first = transcribe(audio, model, AsrOptions(language="en"))
    assert "meloxicam" not in _drugs(" ".join(s.text for s in first.segments)), first.segments
    assert any("meloxicam" in names for _a, _b, names in drug_suspects([s.words for s in first.segments], "en"))

    again = redecode(audio, model, first.segments, "en", drug_suspects)
    words = [w for s in again for w in s.words]
    name = next(w for w in words if "meloxicam" in w.word.lower())
    assert name.original and "meloxicam" not in name.original.lower()  # what the first pass wrote is kept
    segment = with_corrections(Segment(id=0, start=0.0, end=audio.duration, text=again[0].text, words=words))
    (correction,) = segment.corrections
    assert correction.applied and correction.original == name.original.strip()
    assert segment.text[correction.start : correction.end].lower().startswith("meloxicam")

    # the same through the final pass of the pipeline (scribe transcribe, the service after stop)
    assert "meloxicam" in _drugs("".join(w.word for w in final_words(audio, "base", "en", None, drug_suspects)))


def test_no_drug_is_written_where_none_was_said():
    audio, model = Audio(speak(ORDINARY, "en-us")), load_whisper("base")
    first = transcribe(audio, model, AsrOptions(language="en"))
    assert drug_suspects([s.words for s in first.segments], "en")  # "on the terrace" reads like "on <drug>"...
    again = redecode_words(audio, model, first.words, "en", drug_suspects)
    assert not _drugs("".join(w.word for w in again)), again  # ...but the audio says no trazodone
    assert all(w.original is None for w in again)
    plain = "The weather was lovely and the children played in the garden all afternoon."
    words = transcribe(Audio(speak(plain, "en-us")), model, AsrOptions(language="en")).words
    assert drug_suspects([words], "en") == []  # nothing says a drug is named: nothing decoded again
