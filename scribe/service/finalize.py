"""After stop: the last window (flush), diarization over the whole visit (from the parts diarized ahead),
words attributed to speakers, roles labelled → the transcript document → documents.generate.

Idempotent: a visit that already has its transcript only submits the next stage again.
"""

from __future__ import annotations

import time

import numpy as np
from sqlalchemy import select

from scribe import languages
from scribe.config import get_settings
from scribe.core import events
from scribe.core.audio import StoredAudio
from scribe.core.db import session_scope
from scribe.core.events import emit
from scribe.core.observability import timed
from scribe.core.tables import Document, Visit
from scribe.engines import asr
from scribe.notes.drug_suspects import drug_suspects
from scribe.notes.recovery import recover_drugs
from scribe.queue.dispatch import submit
from scribe.schemas import Transcript, Word
from scribe.service import ahead, live, vocabulary
from scribe.service.visits import FINAL_STATES
from scribe.speech import streaming
from scribe.speech.diarize import DiarizeOptions, Precomputed, diarize
from scribe.speech.redecode import redecode_words
from scribe.speech.run import final_words, speaker_segments
from scribe.speech.types import Audio, Diarization


def finalize(visit_id: str) -> str:
    with session_scope() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.status in FINAL_STATES:
            return "skipped"
    if ahead.has_transcript(visit_id):
        ahead.delete(visit_id)
        submit("documents.generate", visit_id)
        return "done"
    with timed("asr.finalize"):
        t0 = time.perf_counter()
        visit = live.flush(visit_id)
        timings = {"flush": time.perf_counter() - t0}
        words = [Word(**w) for seg in live.live_finals(visit_id) for w in seg["words"]]
        audio = StoredAudio.of(visit)
        live_words = [w.model_dump() for w in words]
        unheard = live.transcribe_unheard(visit, audio, live_words)  # shed or lost live
        if unheard:
            words = [Word(**w) for w in streaming.merge_skipped(live_words, unheard)]
        timings["unheard"] = time.perf_counter() - t0 - timings["flush"]
        duration = audio.seconds if visit.audio_format else 0.0
        language = languages.spoken(live.visit_and_state(visit_id)[1].state.get("language"), visit.language)
        vocab = vocabulary.of_visit(visit)
        samples = audio.samples(0.0, duration + 1.0) if words else None
        final_model = asr.final_model(language)
        suspects = drug_suspects if get_settings().redecode_drugs else None  # likely drugs decoded again
        if final_model and words:  # the note's transcript from the final-pass model (issue 12)
            t0 = time.perf_counter()
            words = final_words(Audio(samples), final_model, language, vocab, suspects) or words
            timings["final_asr"] = time.perf_counter() - t0
        elif suspects is not None and words:
            t0 = time.perf_counter()
            words = _redecoded(Audio(samples), words, language, suspects)
            timings["redecode"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        diarization = Diarization(turns=[])
        if words:
            diarization = _diarize(samples, ahead.stored(visit_id))
        timings["diarization"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        segments, speakers = speaker_segments(words, diarization, live.clinician_voice(visit))
        timings["attribution"] = time.perf_counter() - t0
        transcript = Transcript(
            language=language,
            duration=round(duration, 3),
            segments=segments,
            speakers=speakers,
            timings={k: round(v, 3) for k, v in timings.items()},
        )
        transcript = recover_drugs(transcript, list(vocab.drugs))  # misheard drug names, originals kept
        segments = transcript.segments
        with session_scope() as s:
            exists = s.execute(
                select(Document.id).where(Document.visit_id == visit_id, Document.kind == "transcript")
            ).first()
            if not exists:
                s.add(
                    Document(
                        tenant_id=visit.tenant_id,
                        visit_id=visit_id,
                        kind="transcript",
                        version=1,
                        content=transcript.model_dump(),
                    )
                )
                events.add_event(
                    s,
                    visit.tenant_id,
                    visit_id,
                    "transcript.ready",
                    {
                        "segments": len(segments),
                        "duration": transcript.duration,
                        "speakers": {k: v.role for k, v in speakers.items()},
                        "links": {"transcript": f"/v1/visits/{visit_id}/transcript"},
                    },
                )
                emit(s, visit.tenant_id, visit_id, "transcript.ready")
        events.notify(visit_id)
    ahead.delete(visit_id)
    live.forget(visit_id)
    submit("documents.generate", visit_id)
    return "ok"


def _diarize(samples: np.ndarray, precomputed: Precomputed | None = None) -> Diarization:
    from scribe.engines.diarization import load_diarization_engine  # torch: only where audio is diarized

    return diarize(
        Audio(samples),
        load_diarization_engine(),
        DiarizeOptions(min_speakers=1, max_speakers=4),
        precomputed=precomputed,
    )


def _redecoded(audio: Audio, words: list[Word], language: str, suspects) -> list[Word]:
    """The live words with likely drug names decoded again by the live model (scribe.speech.redecode); as
    they were where that model cannot read the visit's language."""
    model = asr.load_whisper()
    if not model.model.is_multilingual and language != "en":
        return words
    return redecode_words(audio, model, words, language, suspects, get_settings().asr_beam_size)
