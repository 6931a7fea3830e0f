"""The offline speech pipeline: decode → transcribe → diarize → attribute → roles → Transcript.

Stages are pure functions over typed values; this module only wires them with loaded engines,
times each stage and forwards progress to one hook."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np

from scribe.config import get_settings
from scribe.engines.asr import load_whisper
from scribe.schemas import Segment, SpeakerInfo, Transcript, Word
from scribe.speech.attribute import attribute
from scribe.speech.decode import decode
from scribe.speech.diarize import DiarizeOptions, diarize
from scribe.speech.redecode import SuspectFinder, redecode, with_corrections
from scribe.speech.roles import assign_roles
from scribe.speech.transcribe import AsrOptions, transcribe
from scribe.speech.types import Audio, Diarization, Hook, no_hook
from scribe.speech.vocabulary import Vocabulary


@dataclass
class PipelineOptions:
    language: str | None = None  # None/"auto", "en", "fr"
    asr_model: str | None = None  # store name or path; None: SCRIBE_ASR_MODEL
    hotwords: list[str] = field(default_factory=list)
    vocabulary: Vocabulary | None = None  # the visit's merged vocabulary (wins over hotwords)
    num_speakers: int | None = None
    min_speakers: int | None = None
    max_speakers: int | None = None
    clinician_voice: np.ndarray | None = None  # an enrolled voice (scribe.voices.load), matched to a speaker
    beam_size: int | None = None
    # where a drug was probably misheard and what it could be (scribe.notes.drug_suspects, passed in by the
    # caller: speech does not import notes); None: no targeted re-decode (scribe.speech.redecode)
    suspects: SuspectFinder | None = None


def process_audio(
    audio: Audio, options: PipelineOptions | None = None, hook: Hook = no_hook, timings: dict[str, float] | None = None
) -> Transcript:
    """Run every stage on decoded audio (loads engines from the store on first use)."""
    from scribe.engines.diarization import load_diarization_engine  # torch: imported when audio is diarized

    options = options or PipelineOptions()
    timings = timings if timings is not None else {}

    t0 = time.perf_counter()
    model = load_whisper(options.asr_model)
    beam_size = options.beam_size or get_settings().asr_beam_size
    asr = transcribe(
        audio,
        model,
        AsrOptions(
            language=options.language, hotwords=options.hotwords, vocabulary=options.vocabulary, beam_size=beam_size
        ),
        hook=hook,
    )
    if options.suspects is not None:
        asr.segments = redecode(audio, model, asr.segments, asr.language, options.suspects, beam_size)
    timings["asr"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    if asr.segments:
        engine = load_diarization_engine()
        diarization = diarize(
            audio, engine, DiarizeOptions(options.num_speakers, options.min_speakers, options.max_speakers), hook=hook
        )
    else:  # nothing was said: no speakers to find
        diarization = Diarization(turns=[])
    timings["diarization"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    segments, speakers = speaker_segments(asr.words, diarization, options.clinician_voice)
    timings["attribution"] = time.perf_counter() - t0
    return Transcript(
        language=asr.language, duration=round(audio.duration, 3), segments=segments, speakers=speakers, timings={}
    )


def final_words(
    audio: Audio,
    model_name: str,
    language: str,
    vocabulary: Vocabulary | None = None,
    suspects: SuspectFinder | None = None,
) -> list[Word] | None:
    """The visit's words decoded again by the final-pass model (SCRIBE_FINAL_ASR_MODEL /
    SCRIBE_ASR_MODEL_FR) with its vocabulary (and the targeted re-decode of likely drug names, `suspects`);
    None when that model cannot read the language (an English-only model for a French visit): the live
    words stay the transcript."""
    model = load_whisper(model_name)
    if not model.model.is_multilingual and language != "en":
        return None
    beam_size = get_settings().asr_beam_size
    options = AsrOptions(language=language, vocabulary=vocabulary, beam_size=beam_size)
    segments = transcribe(audio, model, options).segments
    if suspects is not None:
        segments = redecode(audio, model, segments, language, suspects, beam_size)
    return [w for seg in segments for w in seg.words]


def speaker_segments(
    words: list[Word],
    diarization: Diarization,
    clinician_voice: np.ndarray | None = None,
) -> tuple[list[Segment], dict[str, SpeakerInfo]]:
    """Words → speaker segments (attribute) → each speaker's role (roles), set on every segment: the step
    after diarization, for a file and for a finalized live visit."""
    segments = [with_corrections(seg) for seg in attribute(words, diarization.turns)]  # names re-decoded
    speakers = assign_roles(segments, diarization.embeddings, clinician_voice)
    for seg in segments:
        seg.role = speakers[seg.speaker].role if seg.speaker in speakers else "unknown"
    return segments, speakers


def process_file(
    source: str | Path | bytes | BinaryIO, options: PipelineOptions | None = None, hook: Hook = no_hook
) -> Transcript:
    """Decode a file and run the whole pipeline; timings per stage in seconds."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    audio = decode(source)
    timings["decode"] = time.perf_counter() - t0
    transcript = process_audio(audio, options, hook, timings)
    timings["total"] = time.perf_counter() - started
    transcript.timings = {k: round(v, 3) for k, v in timings.items()}
    return transcript
