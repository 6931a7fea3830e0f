"""transcribe: faster-whisper with VAD, word timestamps and anti-hallucination settings.

Long audio is cut into blocks of about ten minutes at the quietest point near each boundary, so the
mel features of a two-hour visit are never held at once; timestamps are shifted back to the visit.

A visit's vocabulary (scribe.speech.vocabulary) is not given to the whole-visit decoding: as Whisper's
"previous text" in every 30 s window it raised the no-speech probability of every window (0.4 → 0.8),
windows then went missing whole and segments stopped being cut, so a 6-minute visit lost 16 % of its words
(WER 0.198 → 0.293, docs/benchmarks.md, "Vocabulary"). The visit is decoded plainly; then each run of
segments that fits one window and holds words that sound like a term is decoded again, alone, with the
prompt, and only where that decoding wrote a vocabulary term in place of words that look like it are its
words taken (`adopt`): a prompt can then correct a drug name and never cost a word.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import takewhile

import numpy as np

from scribe.engines.asr import fix_sampling_seed
from scribe.errors import ScribeError
from scribe.languages import LANGUAGES
from scribe.schemas import Word
from scribe.speech import streaming
from scribe.speech.batcher import speech_spans, speech_start
from scribe.speech.types import SAMPLE_RATE, Audio, Hook, no_hook
from scribe.speech.vocabulary import Vocabulary, adopt, echo_start, may_hold_a_term, merge

BLOCK_SECONDS = 600.0
CUT_SEARCH_SECONDS = 15.0
# The prompted decoding: a run of segments of at most one Whisper window, with a little audio either side.
PROMPT_WINDOW_SECONDS = 28.0
PROMPT_PAD_SECONDS = 0.3
PROMPT_SURER = 0.1
PROMPT_COVER = 1.0
REST_MIN_SECONDS = 1.0  # rest_words: less speech than this after a window's last word is its own tail
# unheard_spans: at least this much VAD speech (padded 0.2 s each side) in a stretch no word covers
UNHEARD_MIN_SPEECH = 0.8


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


def _decode(model, samples: np.ndarray, kwargs: dict, offset: float, vocabulary: Vocabulary, hook: Hook = no_hook):
    """The pieces faster-whisper decodes from `samples`, as AsrSegments at visit time (`offset` seconds in),
    without a recital of the prompt at their end."""
    out: list[AsrSegment] = []
    pieces, _info = model.transcribe(samples, **kwargs)
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
            out.append(AsrSegment(round(piece.start + offset, 3), round(piece.end + offset, 3), text, words))
        hook("asr", completed=piece.end + offset)
    return out


def _chunks(segments: list[AsrSegment], seconds: float) -> list[list[AsrSegment]]:
    """Consecutive segments in runs of at most `seconds` (a longer segment alone): one decoding window each."""
    runs: list[list[AsrSegment]] = []
    for seg in segments:
        if runs and seg.end - runs[-1][0].start <= seconds:
            runs[-1].append(seg)
        else:
            runs.append([seg])
    return runs


def prompted_pass(audio: Audio, model, kwargs: dict, segments: list[AsrSegment], vocabulary: Vocabulary, prompt: str):
    """The segments with the vocabulary's terms the prompted decoding heard in place of what the plain one
    wrote (see the module docstring): each run of segments of one window is decoded again with the prompt,
    alone, and only the spans where that decoding wrote a term are taken (scribe.speech.vocabulary.adopt)."""
    out: list[AsrSegment] = []
    for run in _chunks(segments, PROMPT_WINDOW_SECONDS):
        if not may_hold_a_term([w for seg in run for w in seg.words], vocabulary):
            out += run
            continue
        lo = max(0.0, run[0].start - PROMPT_PAD_SECONDS)
        hi = min(audio.duration, run[-1].end + PROMPT_PAD_SECONDS)
        clip = audio.samples[int(lo * SAMPLE_RATE) : int(hi * SAMPLE_RATE)]
        heard = [w for seg in _decode(model, clip, kwargs | {"hotwords": prompt}, lo, vocabulary) for w in seg.words]
        plain = [w for seg in run for w in seg.words]
        words = heard if _surer(heard, plain) else adopt(plain, heard, vocabulary)
        ends = [nxt.start for nxt in run[1:]] + [float("inf")]
        for seg, end in zip(run, ends, strict=True):  # each word back to the plain segment it falls in (its middle)
            mine = list(takewhile(lambda w, end=end: (w.start + w.end) / 2 < end, words))
            words = words[len(mine) :]
            if mine == seg.words:
                out.append(seg)
            elif mine:
                out.append(AsrSegment(seg.start, seg.end, "".join(w.word for w in mine).strip(), mine))
    return out


def _surer(prompted: list[Word], plain: list[Word]) -> bool:
    """Whether the prompted decoding of a run is the better one whole: the recogniser surer of its words (mean
    log probability higher by PROMPT_SURER) and every word of the plain decoding said while one of its words
    was (within PROMPT_COVER seconds; fewer words is fine, "L-buterout" is one word: albuterol). On the bench
    the prompt's words decode a whole run better, where only its drug names would be taken otherwise."""
    if not prompted or not plain:
        return False
    mids = np.array([(w.start + w.end) / 2 for w in prompted])
    if any(np.min(np.abs(mids - (w.start + w.end) / 2)) > PROMPT_COVER for w in plain):
        return False
    sure = [float(np.mean([np.log(max(w.probability, 1e-4)) for w in ws])) for ws in (prompted, plain)]
    return sure[0] > sure[1] + PROMPT_SURER


def transcribe(audio: Audio, model, options: AsrOptions | None = None, hook: Hook = no_hook) -> AsrResult:
    """Transcribe with a loaded WhisperModel. Silence gives an empty segment list, not text."""
    options = options or AsrOptions()
    fix_sampling_seed()
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
    vocabulary = options.vocabulary or Vocabulary(terms=merge(options.hotwords))
    kwargs["hotwords"] = None
    segments: list[AsrSegment] = []
    hook("asr", completed=0.0, total=audio.duration)
    for lo, hi in bounds:
        progress = _progress(hook, audio.duration, 0.5 if vocabulary else 1.0)
        segments += _decode(model, audio.samples[lo:hi], kwargs, lo / SAMPLE_RATE, vocabulary, progress)
    segments = _hear_again(audio, model, kwargs, segments, vocabulary)
    prompt = vocabulary.prompt(lang)
    if prompt:  # the vocabulary prompt in the visit's language, one window at a time
        segments = prompted_pass(audio, model, kwargs, segments, vocabulary, prompt)
    hook("asr", completed=audio.duration, total=audio.duration)
    return AsrResult(lang, float(prob), segments)


def unheard_spans(words: list[dict], duration: float, samples: Callable) -> list[list[float]]:
    """[start, end] stretches between `words` (streaming.word_gaps) where the VAD hears speech no word
    covers: `samples(start, end)` reads the audio."""
    return [
        gap
        for gap in streaming.word_gaps(words, duration)
        if sum(b - a for a, b in speech_spans(samples(*gap))) >= UNHEARD_MIN_SPEECH
    ]


def _hear_again(audio: Audio, model, kwargs: dict, segments: list[AsrSegment], vocabulary: Vocabulary):
    """The segments with the speech no segment holds decoded again, each stretch on its own, from its opening
    and with context after it (streaming.decode_skipped). Whisper drops whole sentences of a 30 s window: a segment it
    judged silence (no_speech and log-probability thresholds), a jump over a silence it took for a
    hallucination, an early end of text. Decoded alone, the same speech comes back."""
    words = [w.model_dump() for seg in segments for w in seg.words]
    spans = unheard_spans(words, audio.duration, audio.between)
    if not spans:
        return segments

    def decode(samples: np.ndarray) -> list[dict]:
        return [w.model_dump() for seg in _decode(model, samples, kwargs, 0.0, vocabulary) for w in seg.words]

    found = streaming.decode_skipped(spans, decode, audio.between, audio.duration, cap=PROMPT_WINDOW_SECONDS)
    again = []
    for start, end in spans:
        heard = [Word(**w) for w in found if start <= (w["start"] + w["end"]) / 2 < end]
        if heard:
            again.append(AsrSegment(heard[0].start, heard[-1].end, "".join(w.word for w in heard).strip(), heard))
    return sorted([*segments, *again], key=lambda seg: seg.start)


def piece_words(samples: np.ndarray, model, options: AsrOptions) -> list[dict]:
    """Words of a short piece of a visit, times relative to its start, as the dicts scribe.speech.streaming
    works in. For audio the live path skipped (streaming.decode_skipped): unlike the live batcher, which
    decodes once at temperature 0 and drops a segment Whisper is unsure of, this pipeline retries such a
    segment at higher temperatures, so a piece cut mid-sentence does not come back empty."""
    return [w.model_dump() for w in transcribe(Audio(samples), model, options).words]


def rest_words(samples: np.ndarray, words: list[dict], model, options: AsrOptions) -> list[dict]:
    """Words of the speech a window's decoding stopped short of, times relative to the window.

    The live batcher decodes once, greedy, and can stop after a window's first sentence or return
    nothing; while a visit streams, the next window hears that audio again, but after stop nothing does.
    The rest (from the first speech the VAD hears after the last word, at least REST_MIN_SECONDS of it:
    a word's trailing sound is not speech left unheard) is decoded by the offline pipeline (piece_words)."""
    heard_to = words[-1]["end"] if words else 0.0
    rest = samples[int(heard_to * SAMPLE_RATE) :]
    first = speech_start(rest)
    if first is None or rest.size / SAMPLE_RATE - first < REST_MIN_SECONDS:
        return []
    offset = heard_to + first
    more = piece_words(rest[int(first * SAMPLE_RATE) :], model, options)
    return [{**w, "start": round(w["start"] + offset, 3), "end": round(w["end"] + offset, 3)} for w in more]


def _progress(hook: Hook, total: float, share: float) -> Hook:
    """The hook of the plain pass: it is `share` of the recognition's work."""
    return lambda stage, completed: hook(stage, completed=min(completed, total) * share, total=total)
