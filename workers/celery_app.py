"""Celery over Redis: queues asr (GPU workers: live windows, finalize = flush + diarization), documents
(documentation engine) and delivery (webhooks). Late acknowledgement everywhere: a task whose worker
dies (SIGKILL, node lost) goes back to the queue after SCRIBE_TASK_VISIBILITY_TIMEOUT seconds and runs
again; the task bodies are idempotent, so a second run is harmless.

Start one with `scribe worker --queues asr` (threads pool: the windows of concurrent sessions meet in
one process and are batched on one model) or `celery -A workers.celery_app:app worker -Q asr -P threads`.
"""

from __future__ import annotations

import threading

from celery import Celery

from scribe.config import get_settings

_app: Celery | None = None
_lock = threading.Lock()


def make_app() -> Celery:
    cfg = get_settings()
    url = cfg.redis_url or "redis://127.0.0.1:6379/0"
    app = Celery("scribe", broker=url, backend=url, include=[])
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_acks_on_failure_or_timeout=False,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        task_default_queue="asr",
        task_routes={"asr.*": {"queue": "asr"}, "documents.*": {"queue": "documents"},
                     "delivery.*": {"queue": "delivery"}},
        broker_transport_options={"visibility_timeout": cfg.task_visibility_timeout,
                                  "unacked_restore_interval": max(1, min(10, cfg.task_visibility_timeout // 3))},
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        task_serializer="json",
        accept_content=["json"],
        result_expires=3600,
        worker_cancel_long_running_tasks_on_connection_loss=False,
    )
    _register(app)
    return app


def _register(app: Celery) -> None:
    from workers.dispatch import RETRIES, run_task
    from workers.tasks import BEST_EFFORT

    def make(name: str):
        @app.task(name=name, bind=True, acks_late=True, max_retries=RETRIES)
        def task(self, *args):
            retries = 0 if name in BEST_EFFORT else RETRIES
            try:
                return run_task(name, tuple(args), self.request.retries, final_attempt=self.request.retries >= retries)
            except Exception as exc:
                if self.request.retries < retries:
                    raise self.retry(exc=exc, countdown=1 + self.request.retries) from None
                return "failed"

        return task

    from workers.tasks import TASKS

    for name in TASKS:
        make(name)


def get_app() -> Celery:
    global _app
    with _lock:
        if _app is None:
            _app = make_app()
        return _app


def __getattr__(name: str):
    if name == "app":  # `celery -A workers.celery_app:app worker ...` builds it on first use
        return get_app()
    raise AttributeError(name)
