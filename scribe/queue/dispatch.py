"""Submit a task by name: to Celery over Redis when SCRIBE_REDIS_URL is set, otherwise to the embedded
in-process pool, which runs the very same task functions on one thread pool per queue. Both retry a
failing task (registry.RETRIES) unless it is best effort; a task that fails for good calls its
on_failure (a visit stage fails its visit). Both run the stages a visit waits for (finalize, its note)
before best-effort live work queued earlier (priority): under load the final pass does not wait for a
backlog of live windows. The assistant queue's pool keeps only the newest waiting run per visit
(registry.Task.latest_only): its own threads, so a live update never waits behind a note being written."""

from __future__ import annotations

import itertools
import queue
import threading
import time
from collections import OrderedDict

from scribe.config import get_settings
from scribe.core.observability import QUEUE_DEPTH
from scribe.queue import registry
from scribe.queue.runner import run_task


class _PriorityPool:
    """Threads taking tasks by priority, then in order: a visit's finalize (or a note) never waits behind
    best-effort live work (windows, prefills) submitted before it; those only fill idle threads."""

    def __init__(self, threads: int, name: str):
        self.tasks: queue.PriorityQueue = queue.PriorityQueue()
        self.order = itertools.count()
        self.threads = [threading.Thread(target=self._work, name=f"{name}-{i}", daemon=True) for i in range(threads)]
        for t in self.threads:
            t.start()

    def submit(self, priority: int, key, fn, *args) -> bool:
        self.tasks.put((priority, next(self.order), fn, args))
        return True

    def _work(self) -> None:
        while True:
            _, _, fn, args = self.tasks.get()
            if fn is None:
                return
            try:
                fn(*args)
            except Exception:  # run_task logged it; the thread serves on
                pass

    def shutdown(self) -> None:
        while True:  # queued tasks are dropped (as the embedded queue always was at exit)
            try:
                self.tasks.get_nowait()
            except queue.Empty:
                break
        for _ in self.threads:
            self.tasks.put((-1, next(self.order), None, ()))


class _LatestPool:
    """Threads running, per key (a visit), only the newest of the runs submitted while one waited: a run
    submitted while an older one waits replaces its arguments and keeps its place; a key never runs on
    two threads at once (its next run waits for the current one). Keys are served in the order they
    first waited, so one busy visit does not starve the others."""

    def __init__(self, threads: int, name: str):
        self.pending: OrderedDict = OrderedDict()  # key -> (fn, args), oldest first
        self.running: set = set()
        self.cond = threading.Condition()
        self.closed = False
        self.threads = [threading.Thread(target=self._work, name=f"{name}-{i}", daemon=True) for i in range(threads)]
        for t in self.threads:
            t.start()

    def submit(self, priority: int, key, fn, *args) -> bool:
        """False when the run replaced one already waiting for `key` (nothing more was queued)."""
        with self.cond:
            replaced = key in self.pending
            self.pending[key] = (fn, args)
            self.cond.notify()
            return not replaced

    def _next(self):
        with self.cond:
            while True:
                if self.closed:
                    return None
                key = next((k for k in self.pending if k not in self.running), None)
                if key is not None:
                    self.running.add(key)
                    return key, self.pending.pop(key)
                self.cond.wait()

    def _work(self) -> None:
        while (taken := self._next()) is not None:
            key, (fn, args) = taken
            try:
                fn(*args)
            except Exception:  # run_task logged it; the thread serves on
                pass
            finally:
                with self.cond:
                    self.running.discard(key)
                    self.cond.notify_all()

    def shutdown(self) -> None:
        with self.cond:  # waiting runs are dropped, as in the other pools
            self.closed = True
            self.pending.clear()
            self.cond.notify_all()


class InProcessExecutor:
    """The embedded default's worker pool: a pool of threads per queue, in the server process."""

    def __init__(self, asr_threads: int | None = None):
        cfg = get_settings()
        self.pools = {
            "asr": _PriorityPool(asr_threads or cfg.worker_threads, "asr"),
            "documents": _PriorityPool(1, "documents"),
            "assistant": _LatestPool(cfg.assistant_threads, "assistant"),
            "delivery": _PriorityPool(cfg.delivery_concurrency, "delivery"),
        }
        self.waiting = {q: 0 for q in self.pools}
        self._lock = threading.Lock()

    def submit(self, name: str, args: tuple) -> None:
        task = registry.get(name)
        key = (name, args[0] if args else None) if task.latest_only else None
        with self._lock:  # counted only when queued (a latest-only run may replace a waiting one)
            if self.pools[task.queue].submit(priority(task), key, self._run, task.queue, name, args):
                self.waiting[task.queue] += 1
            QUEUE_DEPTH.labels(task.queue).set(self.waiting[task.queue])

    def _run(self, queue_name: str, name: str, args: tuple) -> None:
        with self._lock:
            self.waiting[queue_name] -= 1
            QUEUE_DEPTH.labels(queue_name).set(self.waiting[queue_name])
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
            pool.shutdown()


# Celery's Redis transport keeps one list per priority step (0 first; `queue`, then `queue<sep>9`;
# kombu.transport.redis.Channel.sep).
REDIS_PRIORITY = (0, 9)
REDIS_SEP = "\x06\x16"


def priority(task: registry.Task) -> int:
    """0 first: a stage a visit waits for; best-effort live work (a later run covers it) after."""
    return 1 if task.best_effort else 0


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

    task = registry.get(name)
    get_app().send_task(name, args=list(args), queue=task.queue, priority=REDIS_PRIORITY[priority(task)])


_redis_clients: dict = {}


def queue_depths() -> dict[str, int]:
    if embedded():
        return executor().depths()
    import redis  # only with SCRIBE_REDIS_URL

    url = get_settings().redis_url
    client = _redis_clients.get(url)
    if client is None:  # one pooled client per process: a depth is read per status message and admission
        client = _redis_clients[url] = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
    lists = [(q, name) for q in registry.QUEUES for name in (q, *(f"{q}{REDIS_SEP}{p}" for p in REDIS_PRIORITY[1:]))]
    pipe = client.pipeline(transaction=False)
    for _, name in lists:
        pipe.llen(name)
    depths = dict.fromkeys(registry.QUEUES, 0)
    for (q, _), n in zip(lists, pipe.execute()):
        depths[q] += int(n)
    for q, n in depths.items():
        QUEUE_DEPTH.labels(q).set(n)
    return depths


def reset() -> None:
    global _executor
    with _lock:
        if _executor is not None:
            _executor.shutdown()
        _executor = None
