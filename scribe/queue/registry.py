"""The task registry: every background task by name, with its queue and retry policy.

A task module declares its tasks with @task where their bodies are; the queue code only ever looks
them up by name. A process loads the task modules (TASK_MODULES, by name) the first time it needs the
registry complete: the in-process executor at its first task, a Celery app when it is built.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass

# assistant: the live question assistant's context, a lane of its own so that it never waits behind a
# note being generated on the documents queue (docs/assistant.md, "Live").
QUEUES = ("asr", "documents", "assistant", "delivery")
TASK_MODULES = ("scribe.service.tasks", "scribe.delivery.outbox")
RETRIES = 2  # a failing task runs at most 1 + RETRIES times (1 s, then 2 s apart), unless best effort


@dataclass(frozen=True)
class Task:
    name: str
    queue: str
    run: Callable
    best_effort: bool = False  # never retried: the next run (or a later stage) covers it
    # Called once the task failed for good (bad input, or the last attempt): (args, error code, message).
    on_failure: Callable[[tuple, str, str], None] | None = None
    # Only the newest matters: of the runs waiting for the same first argument (a visit), one runs, with
    # the newest arguments; a visit's burst of live updates costs one run, not a queue of stale ones (the
    # embedded pool; under Celery each run is delivered, and the body's own check makes a stale one cheap).
    latest_only: bool = False

    @property
    def retries(self) -> int:
        return 0 if self.best_effort else RETRIES


_tasks: dict[str, Task] = {}
_loaded = False
_lock = threading.Lock()


def task(
    name: str,
    queue: str,
    best_effort: bool = False,
    on_failure: Callable[[tuple, str, str], None] | None = None,
    latest_only: bool = False,
):
    """Register the decorated function as the task `name` on `queue`."""
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}")

    def register(fn: Callable) -> Callable:
        _tasks[name] = Task(name, queue, fn, best_effort, on_failure, latest_only)
        return fn

    return register


def tasks() -> dict[str, Task]:
    """Every task, by name (the task modules are imported once per process)."""
    global _loaded
    if not _loaded:
        with _lock:
            if not _loaded:
                for module in TASK_MODULES:
                    importlib.import_module(module)
                _loaded = True
    return _tasks


def get(name: str) -> Task:
    return tasks()[name]
