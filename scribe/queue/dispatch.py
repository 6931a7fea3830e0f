"""Submit a task by name: to Celery over Redis when SCRIBE_REDIS_URL is set, otherwise to the embedded
in-process pool, which runs the very same task functions on one thread pool per queue. Both retry a
failing task (registry.RETRIES) unless it is best effort; a task that fails for good calls its
on_failure (a visit stage fails its visit)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from scribe.config import get_settings
from scribe.core.observability import QUEUE_DEPTH
from scribe.queue import registry
from scribe.queue.runner import run_task


class InProcessExecutor:
    """The embedded default's worker pool: a thread pool per queue, in the server process."""

    def __init__(self, asr_threads: int | None = None):
        threads = asr_threads or get_settings().worker_threads
        self.pools = {
            "asr": ThreadPoolExecutor(threads, thread_name_prefix="asr"),
            "documents": ThreadPoolExecutor(1, thread_name_prefix="documents"),
            "delivery": ThreadPoolExecutor(get_settings().delivery_concurrency, thread_name_prefix="delivery"),
        }
        self.waiting = {q: 0 for q in self.pools}
        self._lock = threading.Lock()

    def submit(self, name: str, args: tuple) -> None:
        queue = registry.get(name).queue
        with self._lock:
            self.waiting[queue] += 1
            QUEUE_DEPTH.labels(queue).set(self.waiting[queue])
        self.pools[queue].submit(self._run, queue, name, args)

    def _run(self, queue: str, name: str, args: tuple) -> None:
        with self._lock:
            self.waiting[queue] -= 1
            QUEUE_DEPTH.labels(queue).set(self.waiting[queue])
        retries = registry.get(name).retries
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
    if embedded():
        executor().submit(name, args)
        return
    from scribe.queue.celery_app import get_app  # celery: only with SCRIBE_REDIS_URL

    get_app().send_task(name, args=list(args), queue=registry.get(name).queue)


def queue_depths() -> dict[str, int]:
    if embedded():
        return executor().depths()
    import redis  # only with SCRIBE_REDIS_URL

    client = redis.Redis.from_url(get_settings().redis_url, socket_timeout=2, socket_connect_timeout=2)
    depths = {q: int(client.llen(q)) for q in registry.QUEUES}
    for q, n in depths.items():
        QUEUE_DEPTH.labels(q).set(n)
    return depths


def reset() -> None:
    global _executor
    with _lock:
        if _executor is not None:
            _executor.shutdown()
        _executor = None
