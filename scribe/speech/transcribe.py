"""transcribe: faster-whisper with VAD, word timestamps and anti-hallucination settings.

Long audio is cut into blocks of about ten minutes at the quietest point near each boundary, so the
mel features of a two-hour visit are never held at once; timestamps are shifted back to the visit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from scribe.errors import ScribeError
from scribe.languages import LANGUAGES
from scribe.schemas import Word
from scribe.speech.types import SAMPLE_RATE, Audio, Hook, no_hook
from scribe.speech.vocabulary import Vocabulary, echo_start, merge

BLOCK_SECONDS = 600.0
CUT_SEARCH_SECONDS = 15.0


@dataclass
class AsrOptions:
    language: str | None = None  # None / "auto": detect
    beam_size: int = 5
    hotwords: list[str] = field(default_factory=list)  # medical vocabulary to bias decoding
    vocabulary: Vocabulary | None = None  # the visit's merged vocabulary; None: built from hotwords
    vad: bool = True
    block_seconds: float = BLOCK_SECONDS  # audio per model call; bounds feature memory on long visits


@dataclass
class AsrSegment:
    start: float
    end: float
    text: str
    words: list[Word]


@dataclass
class AsrResult:
    language: str
    language_probability: float
    segments: list[AsrSegment]

    @property
    def words(self) -> list[Word]:
        return [w for s in self.segments for w in s.words]


def whisper_kwargs(options: AsrOptions, multilingual: bool) -> dict:
    """The settings shared by our pipeline and the plain faster-whisper anchor in bench/."""
    language = None if options.language in (None, "", "auto") else options.language
    if language is not None and language not in LANGUAGES and multilingual:
        raise ScribeError(f"unsupported language {language!r}: use auto, {' or '.join(LANGUAGES)}")
    if not multilingual:
        if language not in (None, "en"):
            raise ScribeError(f"the English-only model cannot transcribe {language!r}; use --asr-model base")
        language = "en"
    return dict(
        language=language,
        beam_size=options.beam_size,
        word_timestamps=True,
        vad_filter=options.vad,
        vad_parameters={"min_silence_duration_ms": 500, "speech_pad_ms": 200},
        # Known hallucination guards: no conditioning on previous text (stops loops), reject
        # segments the model itself thinks are silence, forbid repeated trigrams.
        condition_on_previous_text=False,
        no_speech_threshold=0.6,
        log_prob_threshold=-1.0,
        compression_ratio_threshold=2.4,
        no_repeat_ngram_size=3,
        hallucination_silence_threshold=2.0,
        hotwords=", ".join(options.hotwords) or None,
    )


def block_bounds(samples: np.ndarray, block_seconds: float = BLOCK_SECONDS) -> list[tuple[int, int]]:
    """Split points near every block_seconds, moved to the quietest 100 ms in the window before."""
    n, block, search = len(samples), int(block_seconds * SAMPLE_RATE), int(CUT_SEARCH_SECONDS * SAMPLE_RATE)
    bounds, start, hop = [], 0, SAMPLE_RATE // 10
    while n - start > block:
        lo, hi = start + block - search, start + block
        frames = samples[lo:hi][: (hi - lo) // hop * hop].reshape(-1, hop)
        cut = lo + int(np.argmin((frames**2).mean(axis=1))) * hop + hop // 2
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def transcribe(audio: Audio, model, options: AsrOptions | None = None, hook: Hook = no_hook) -> AsrResult:
    """Transcribe with a loaded WhisperModel. Silence gives an empty segment list, not text."""
    options = options or AsrOptions()
    kwargs = whisper_kwargs(options, model.model.is_multilingual)
    bounds = block_bounds(audio.samples, options.block_seconds)
    if kwargs["language"] is None:
        # Detect once on the first speech of the visit, then pin it for every block.
        lang, prob, _ = model.detect_language(audio.samples[: 30 * SAMPLE_RATE], vad_filter=options.vad)
        if lang not in LANGUAGES:
            lang = max(LANGUAGES, key=lambda code: dict(_).get(code, 0.0))
            prob = dict(_).get(lang, 0.0)
        kwargs["language"] = lang
    else:
        lang, prob = kwargs["language"], 1.0
    # The vocabulary prompt in the visit's language, in every block and every 30 s window of it.
    vocabulary = options.vocabulary or Vocabulary(terms=merge(options.hotwords))
    kwargs["hotwords"] = vocabulary.prompt(lang)
    segments: list[AsrSegment] = []
    hook("asr", completed=0.0, total=audio.duration)
    for lo, hi in bounds:
        offset = lo / SAMPLE_RATE
        pieces, _info = model.transcribe(audio.samples[lo:hi], **kwargs)
        for piece in pieces:  # a generator: decoding happens here, piece by piece
            heard = piece.words or []
            heard = heard[: echo_start([w.word for w in heard], vocabulary)]  # no recital of the prompt
            words = [
                Word(
                    start=round(w.start + offset, 3),
                    end=round(w.end + offset, 3),
                    word=w.word,
                    probability=round(w.probability, 4),
                )
                for w in heard
            ]
            text = "".join(w.word for w in words).strip() if len(heard) < len(piece.words or []) else piece.text.strip()
            if text and words:
                segments.append(AsrSegment(round(piece.start + offset, 3), round(piece.end + offset, 3), text, words))
            hook("asr", completed=min(piece.end + offset, audio.duration), total=audio.duration)
    hook("asr", completed=audio.duration, total=audio.duration)
    return AsrResult(lang, float(prob), segments)
