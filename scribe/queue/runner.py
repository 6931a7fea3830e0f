"""One run of a task body, the same under Celery and in the in-process executor: logged, counted, and on
a failure for good handed to the task's on_failure."""

from __future__ import annotations

import logging
import time

from scribe.core.observability import ERRORS
from scribe.errors import ScribeError
from scribe.queue import registry

log = logging.getLogger("scribe.dispatch")


def run_task(name: str, args: tuple, attempt: int = 0, final_attempt: bool = True):
    """Run one task body with logging; on a final failure, the task's on_failure."""
    task = registry.get(name)
    t0 = time.perf_counter()
    try:
        result = task.run(*args)
        log.debug("task done", extra={"task": name, "duration_ms": round((time.perf_counter() - t0) * 1000, 1)})
        return result
    except ScribeError as exc:  # bad input: retrying cannot help
        ERRORS.labels(f"task:{name}").inc()
        if task.on_failure is not None:
            task.on_failure(args, exc.code, str(exc))
        log.warning("task failed: %s", type(exc).__name__, extra={"task": name})
        return "failed"
    except Exception as exc:
        ERRORS.labels(f"task:{name}").inc()
        log.exception("task error", extra={"task": name, "attempt": attempt})
        if final_attempt and task.on_failure is not None:
            task.on_failure(args, "internal_error", f"{name} failed ({type(exc).__name__})")
        raise
