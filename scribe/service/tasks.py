"""The service's queued tasks: a name, a queue and a retry policy each (scribe.queue), and a body that
only hands its arguments to the domain function doing the work. The same functions run under Celery
(scribe worker) and in the embedded in-process executor.

Every task is idempotent and safe to run twice or concurrently with itself (late acks redeliver a task
whose worker died): the live state is saved with optimistic concurrency, documents are written once per
(visit, kind, version), and a visit that is already past a stage skips it.

  asr.window(visit_id, upto)     live: transcribe the next window of audio received up to byte `upto`,
                                 then run the diarization networks on audio that is complete (diarize ahead)
  asr.finalize(visit_id)         after stop: last window (flush), diarization over the whole visit,
                                 attribution and roles → transcript document → documents.generate
  documents.prefill(visit_id)    live, with an LLM: the note's prompt for the transcript so far is evaluated
                                 and kept in the LLM's prompt cache
  assistant.update(visit_id)     live, on its own queue (never behind a note): the question assistant's
                                 context from the final segments so far (scribe.service.assistant),
                                 announced as context.updated; only a visit's newest waiting update runs
  documents.generate(visit_id)   documentation engine → facts, note v1 (draft), summary, context → visit.ready

Best effort (never retried): a window (the next one, or the finalize, covers it) and a prefill. A visit
stage that fails for good fails the visit. Delivery's tasks (delivery.*) live in scribe.delivery.outbox.
"""

from __future__ import annotations

from scribe.queue.registry import task
from scribe.service import assistant, documents, finalize, live, visits


def _fail_visit(args: tuple, code: str, message: str) -> None:
    visits.fail(args[0], code, message)


@task("asr.window", queue="asr", best_effort=True)
def asr_window(visit_id: str, upto: int, sent_at: float | None = None) -> str:
    return live.window(visit_id, upto, sent_at)


@task("asr.finalize", queue="asr", on_failure=_fail_visit)
def asr_finalize(visit_id: str) -> str:
    return finalize.finalize(visit_id)


@task("documents.prefill", queue="documents", best_effort=True)
def documents_prefill(visit_id: str) -> str:
    return live.prefill(visit_id)


@task("assistant.update", queue="assistant", best_effort=True, latest_only=True)
def assistant_update(visit_id: str) -> str:
    return assistant.update(visit_id, live.live_finals, live.clinician_voice)


@task("documents.generate", queue="documents", on_failure=_fail_visit)
def documents_generate(visit_id: str) -> str:
    return documents.generate(visit_id)
