"""Submit a task by name: to Celery over Redis when SCRIBE_REDIS_URL is set, otherwise to the embedded
in-process pool, which runs the very same task functions (workers/tasks.py) on one thread pool per
queue. Both retry a failing finalize/documents task twice, then mark the visit failed."""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from scribe.config import get_settings
from scribe.core.observability import ERRORS, QUEUE_DEPTH
from scribe.errors import ScribeError

log = logging.getLogger("scribe.dispatch")
RETRIES = 2


def run_task(name: str, args: tuple, attempt: int = 0, final_attempt: bool = True):
    """Run one task body with logging; on a final failure of a visit stage, fail the visit."""
    from workers import tasks

    t0 = time.perf_counter()
    try:
        result = tasks.TASKS[name](*args)
        log.debug("task done", extra={"task": name, "duration_ms": round((time.perf_counter() - t0) * 1000, 1)})
        return result
    except ScribeError as exc:  # bad input: retrying cannot help
        ERRORS.labels(f"task:{name}").inc()
        if name in ("asr.finalize", "documents.generate"):
            tasks.mark_failed(args[0], exc.code, str(exc))
        log.warning("task failed: %s", type(exc).__name__, extra={"task": name})
        return "failed"
    except Exception as exc:
        ERRORS.labels(f"task:{name}").inc()
        log.exception("task error", extra={"task": name, "attempt": attempt})
        if final_attempt and name in ("asr.finalize", "documents.generate"):
            tasks.mark_failed(args[0], "internal_error", f"{name} failed ({type(exc).__name__})")
        raise


class InProcessExecutor:
    """The embedded default's worker pool: a thread pool per queue, in the server process."""

    def __init__(self, asr_threads: int | None = None):
        threads = asr_threads or get_settings().worker_threads
        self.pools = {"asr": ThreadPoolExecutor(threads, thread_name_prefix="asr"),
                      "documents": ThreadPoolExecutor(1, thread_name_prefix="documents"),
                      "delivery": ThreadPoolExecutor(get_settings().delivery_concurrency,
                                                     thread_name_prefix="delivery")}
        self.waiting = {q: 0 for q in self.pools}
        self._lock = threading.Lock()

    def submit(self, name: str, args: tuple) -> None:
        from workers.tasks import QUEUES

        queue = QUEUES[name]
        with self._lock:
            self.waiting[queue] += 1
            QUEUE_DEPTH.labels(queue).set(self.waiting[queue])
        self.pools[queue].submit(self._run, queue, name, args)

    def _run(self, queue: str, name: str, args: tuple) -> None:
        with self._lock:
            self.waiting[queue] -= 1
            QUEUE_DEPTH.labels(queue).set(self.waiting[queue])
        from workers.tasks import BEST_EFFORT

        retries = 0 if name in BEST_EFFORT else RETRIES
        for attempt in range(retries + 1):
            try:
                run_task(name, args, attempt, final_attempt=attempt == retries)
                return
            except Exception:
                if attempt < retries:
                    time.sleep(1.0 * (attempt + 1))

    def depths(self) -> dict[str, int]:
        with self._lock:
            return dict(self.waiting)

    def shutdown(self) -> None:
        for pool in self.pools.values():
            pool.shutdown(wait=False, cancel_futures=True)


_executor: InProcessExecutor | None = None
_lock = threading.Lock()


def executor() -> InProcessExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = InProcessExecutor()
        return _executor


def embedded() -> bool:
    return not get_settings().redis_url


def submit(name: str, *args) -> None:
    from workers.tasks import QUEUES

    if embedded():
        executor().submit(name, args)
        return
    from workers.celery_app import get_app

    get_app().send_task(name, args=list(args), queue=QUEUES[name])


def queue_depths() -> dict[str, int]:
    if embedded():
        return executor().depths()
    import redis

    client = redis.Redis.from_url(get_settings().redis_url, socket_timeout=2, socket_connect_timeout=2)
    depths = {q: int(client.llen(q)) for q in ("asr", "documents", "delivery")}
    for q, n in depths.items():
        QUEUE_DEPTH.labels(q).set(n)
    return depths


def reset() -> None:
    global _executor
    with _lock:
        if _executor is not None:
            _executor.shutdown()
        _executor = None
