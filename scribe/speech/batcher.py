"""Live-window ASR: concurrent sessions' windows decoded in one batched call on one model.

Window tasks of different visits run in threads of the same worker process (Celery `--pool threads`, or
the embedded executor's threads). Each hands its window (≤ 30 s of 16 kHz samples) to the process-wide
WindowBatcher and waits; a single batching thread collects up to SCRIBE_ASR_BATCH_SIZE windows that arrive
within SCRIBE_ASR_BATCH_WAIT_MS, groups them by language and prompt and runs one encoder + one generate call
per group through faster-whisper's BatchedInferencePipeline.forward (the same code path its batched
transcription uses), so N live streams cost one batched model call instead of N sequential ones.

A window carries its visit's vocabulary prompt (scribe.speech.vocabulary): CTranslate2 needs the start of
transcript at one position in every item of a generate call, so windows with different prompts are decoded
in separate calls; visits of one clinic without EHR context share the tenant's prompt and one call.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

import numpy as np

from scribe.config import get_settings
from scribe.languages import LANGUAGES
from scribe.speech.types import SAMPLE_RATE
from scribe.speech.vocabulary import Vocabulary, echo_start

log = logging.getLogger("scribe.asr")
MAX_WINDOW_SAMPLES = 30 * SAMPLE_RATE


@dataclass
class _Request:
    samples: np.ndarray
    language: str
    future: Future
    vocabulary: Vocabulary | None = None


class WindowBatcher:
    """Batches the windows handed to transcribe() by any thread of the process onto one WhisperModel.

    model: a faster_whisper.WhisperModel (scribe.engines.asr.load_whisper); on_batch: called with the
    number of windows of each batch (a metric).
    """

    def __init__(
        self,
        model,
        batch_size: int | None = None,
        wait_ms: int | None = None,
        on_batch: Callable[[int], None] | None = None,
    ):
        from faster_whisper import BatchedInferencePipeline

        cfg = get_settings()
        self.model = model
        self.pipeline = BatchedInferencePipeline(self.model)
        self.multilingual = bool(self.model.model.is_multilingual)
        self.batch_size = batch_size or cfg.asr_batch_size
        self.wait = (wait_ms if wait_ms is not None else cfg.asr_batch_wait_ms) / 1000
        self.beam_size = cfg.asr_beam_size
        self.on_batch = on_batch
        self.full_context = False
        # Timestamp mode: Whisper segments the window itself; without it, it tends to stop after the
        # first sentence of a window that starts with a short one.
        self.without_timestamps = False
        self.requests: queue.Queue[_Request] = queue.Queue()
        self.batches = 0
        self.windows = 0
        self._thread = threading.Thread(target=self._loop, name="asr-batcher", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ public, called from task threads

    def detect_language(self, samples: np.ndarray) -> str:
        if not self.multilingual:
            return "en"
        lang, _prob, probs = self.model.detect_language(samples[:MAX_WINDOW_SAMPLES])
        if lang not in LANGUAGES:
            lang = max(LANGUAGES, key=lambda code: dict(probs).get(code, 0.0))
        return lang

    def transcribe(
        self, samples: np.ndarray, language: str, timeout: float = 120.0, vocabulary: Vocabulary | None = None
    ) -> list[dict] | None:
        """Words of one window, times relative to the window start; None when the window has no speech
        at all (VAD). `vocabulary`: the visit's (scribe.speech.vocabulary), read as a prompt in the window's
        language. Blocks until its batch ran."""
        if not has_speech(samples):
            return None
        if not self.multilingual:
            language = "en"
        future: Future = Future()
        self.requests.put(
            _Request(samples[:MAX_WINDOW_SAMPLES].astype(np.float32), language, future, vocabulary or None)
        )
        return future.result(timeout=timeout)

    # ------------------------------------------------------------------ batching thread

    def _loop(self) -> None:
        while True:
            first = self.requests.get()
            batch = [first]
            deadline = time.monotonic() + self.wait
            while len(batch) < self.batch_size:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    batch.append(self.requests.get(timeout=remaining))
                except queue.Empty:
                    break
            groups: dict[tuple[str, str | None], list[_Request]] = {}
            for request in batch:
                prompt = request.vocabulary.prompt(request.language) if request.vocabulary else None
                groups.setdefault((request.language, prompt), []).append(request)
            for (language, _prompt), group in groups.items():
                try:
                    results = self._run(group, language, group[0].vocabulary)
                    for request, words in zip(group, results):
                        request.future.set_result(words)
                except BaseException as exc:  # hand the failure to every waiting task
                    log.exception("batched transcription failed")
                    for request in group:
                        if not request.future.done():
                            request.future.set_exception(exc)

    def _run(self, group: list[_Request], language: str, vocabulary: Vocabulary | None = None) -> list[list[dict]]:
        from faster_whisper.audio import pad_or_trim
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import TranscriptionOptions

        fe = self.model.feature_extractor
        # Encoder context sized to the longest window of the batch (+2 s), not Whisper's fixed 30 s:
        # a 10 s window encodes ~8x faster (whisper.cpp's audio_ctx idea); 30 s stays the ceiling.
        longest = max(len(r.samples) for r in group) / SAMPLE_RATE
        frames = 3000 if self.full_context else min(3000, int(np.ceil(longest + 2.0)) * 100)
        features = np.stack([pad_or_trim(fe(r.samples)[..., :-1], frames) for r in group])
        metadata = [{"offset": 0.0, "duration": len(r.samples) / SAMPLE_RATE, "segments": []} for r in group]
        tokenizer = Tokenizer(self.model.hf_tokenizer, self.multilingual, task="transcribe", language=language)
        options = TranscriptionOptions(
            beam_size=self.beam_size,
            best_of=1,
            patience=1,
            length_penalty=1,
            repetition_penalty=1,
            no_repeat_ngram_size=3,
            log_prob_threshold=-1.0,
            no_speech_threshold=0.6,
            compression_ratio_threshold=2.4,
            condition_on_previous_text=False,
            prompt_reset_on_temperature=0.5,
            temperatures=[0.0],
            initial_prompt=None,
            prefix=None,
            suppress_blank=True,
            suppress_tokens=[-1],
            without_timestamps=self.without_timestamps,
            max_initial_timestamp=1.0,
            word_timestamps=True,
            prepend_punctuations="\"'“¿([{-",
            append_punctuations="\"'.。,，!！?？:：”)]}、",
            multilingual=False,
            max_new_tokens=None,
            clip_timestamps=[],
            hallucination_silence_threshold=None,
            hotwords=vocabulary.prompt(language)
            if vocabulary
            else None,  # as previous text in the prompt (faster-whisper's get_prompt)
        )
        from faster_whisper.transcribe import get_suppressed_tokens

        options.suppress_tokens = get_suppressed_tokens(tokenizer, [-1])
        self.pipeline.last_speech_timestamp = 0.0
        outputs = self.pipeline.forward(features, tokenizer, metadata, options)
        self.batches += 1
        self.windows += len(group)
        if self.on_batch is not None:
            self.on_batch(len(group))
        results = []
        for request, segments in zip(group, outputs):
            duration = len(request.samples) / SAMPLE_RATE
            words = []
            for seg in segments:
                # Whisper's own hallucination guards, as in the offline pipeline.
                if seg["no_speech_prob"] > 0.6 and seg["avg_logprob"] < -1.0:
                    continue
                if seg["compression_ratio"] > 2.4 or seg["avg_logprob"] < -1.5:
                    continue
                heard = seg.get("words") or []
                for w in heard[: echo_start([w["word"] for w in heard], vocabulary)]:  # no recital of the prompt
                    if w["start"] >= duration:
                        continue
                    words.append(
                        {
                            "start": round(float(w["start"]), 3),
                            "end": round(min(float(w["end"]), duration), 3),
                            "word": w["word"],
                            "probability": round(float(w["probability"]), 4),
                        }
                    )
            results.append(words)
        return results


def has_speech(samples: np.ndarray) -> bool:
    """Silero VAD gate: silent windows never reach Whisper (where they would hallucinate)."""
    return speech_start(samples) is not None


def speech_start(samples: np.ndarray) -> float | None:
    """Seconds into `samples` where the Silero VAD first hears speech (with its 0.2 s padding); None: none."""
    spans = speech_spans(samples)
    return spans[0][0] if spans else None


def speech_spans(samples: np.ndarray) -> list[tuple[float, float]]:
    """(start, end) seconds of what the Silero VAD hears as speech in `samples`, each padded by 0.2 s."""
    if samples.size < SAMPLE_RATE // 4 or float(np.abs(samples).max(initial=0.0)) < 1e-3:
        return []
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    spans = get_speech_timestamps(samples, VadOptions(min_silence_duration_ms=500, speech_pad_ms=200))
    return [(s["start"] / SAMPLE_RATE, s["end"] / SAMPLE_RATE) for s in spans]
