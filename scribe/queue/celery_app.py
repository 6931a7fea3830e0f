"""Celery over Redis, built from the task registry: one Celery task per registered task, routed to its
queue, retried as the registry says. Late acknowledgement everywhere: a task whose worker dies (SIGKILL,
node lost) goes back to the queue after SCRIBE_TASK_VISIBILITY_TIMEOUT seconds and runs again; the task
bodies are idempotent, so a second run is harmless.

Start one with `scribe worker --queues asr` (threads pool: the windows of concurrent sessions meet in
one process and are batched on one model) or `celery -A scribe.queue.celery_app:app worker -Q asr -P threads`.
"""

from __future__ import annotations

import threading

from celery import Celery

from scribe.config import get_settings
from scribe.queue import registry
from scribe.queue.runner import run_task

_app: Celery | None = None
_lock = threading.Lock()


def make_app() -> Celery:
    cfg = get_settings()
    url = cfg.redis_url or "redis://127.0.0.1:6379/0"
    tasks = registry.tasks()
    app = Celery("scribe", broker=url, backend=url, include=[])
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_acks_on_failure_or_timeout=False,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        task_default_queue="asr",
        task_routes={name: {"queue": t.queue} for name, t in tasks.items()},
        broker_transport_options={
            "visibility_timeout": cfg.task_visibility_timeout,
            "unacked_restore_interval": max(1, min(10, cfg.task_visibility_timeout // 3)),
        },
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        task_serializer="json",
        accept_content=["json"],
        result_expires=3600,
        worker_cancel_long_running_tasks_on_connection_loss=False,
    )
    for t in tasks.values():
        _register(app, t)
    return app


def _register(app: Celery, t: registry.Task) -> None:
    @app.task(name=t.name, bind=True, acks_late=True, max_retries=registry.RETRIES)
    def run(self, *args):
        try:
            return run_task(t.name, tuple(args), self.request.retries, final_attempt=self.request.retries >= t.retries)
        except Exception as exc:
            if self.request.retries < t.retries:
                raise self.retry(exc=exc, countdown=1 + self.request.retries) from None
            return "failed"


def get_app() -> Celery:
    global _app
    with _lock:
        if _app is None:
            _app = make_app()
        return _app


def __getattr__(name: str):
    if name == "app":  # `celery -A scribe.queue.celery_app:app worker ...` builds it on first use
        return get_app()
    raise AttributeError(name)
