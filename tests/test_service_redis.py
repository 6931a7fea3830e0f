"""The real topology: `scribe serve` + a real redis-server + real Celery worker subprocesses.

One test SIGKILLs the worker in the middle of a visit (a new worker takes over the late-acked tasks);
one kills and restarts Redis mid-visit (append-only file, as in production). Both visits complete with
every byte of audio stored and the whole consultation in the transcript.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest

from scribe.api.client import stream
from tests.test_service_support import Worker, auth, create_visit, pcm_of, redis_topology, stored_audio, wait_until

UNHEARD_TURN_HOLE = 2.0  # seconds of a turn with no word heard


@pytest.fixture
def topology(tmp_path):
    redis, service = redis_topology(tmp_path, SCRIBE_TASK_VISIBILITY_TIMEOUT=8, SCRIBE_TASK_RETRY_SECONDS=4)
    tenant_id, key = service.tenant("Clinic R")
    service.start()
    workers: list[Worker] = []
    yield service, key, redis, workers
    for w in workers:
        w.kill()
    service.stop()
    redis.kill()
    for drop in service.drops:
        drop()


def _check_complete(service, key, visit_id, consult):
    v = httpx.get(f"{service.http}/v1/visits/{visit_id}", headers=auth(key)).json()
    assert v["status"] == "ready", v
    assert stored_audio(service, visit_id) == pcm_of(consult.wav)
    transcript = httpx.get(f"{service.http}/v1/visits/{visit_id}/transcript", headers=auth(key)).json()
    words = sorted((w for s in transcript["segments"] for w in s["words"]), key=lambda w: w["start"])
    # The whole consultation is in the transcript: no stretch of any turn longer than a lost window's worth
    # goes without a word (the synthetic turns pause well under a second between sentences). Timing, not
    # spelling: tiny.en may hear a word of synthetic speech otherwise ("penicillin") on some window cuts.
    for turn in consult.turns:
        times = [turn["start"]]
        times += [
            t
            for w in words
            if turn["start"] < (w["start"] + w["end"]) / 2 < turn["end"]
            for t in (w["start"], w["end"])
        ]
        times.append(turn["end"])
        hole = max(b - a for a, b in zip(times, times[1:]))
        assert hole < UNHEARD_TURN_HOLE, (turn["text"], hole, " ".join(w["word"] for w in words))


def test_worker_sigkill_mid_visit(topology, consult):
    service, key, redis, workers = topology
    assert httpx.get(f"{service.http}/readyz").json()["mode"] == "redis"
    workers.append(Worker(service))
    visit = create_visit(service, key)
    killed = threading.Event()

    def killer():
        # Kill once live windows are flowing through the worker, then start a fresh one.
        wait_until(lambda: _has_finals(service, key, visit["id"]), 90, 0.2, "live finals from the worker")
        workers[0].kill()
        killed.set()
        workers.append(Worker(service))

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    report = stream(consult.wav, f"{service.ws}/v1/visits/{visit['id']}/audio", key, speed=2.5)
    thread.join(120)
    assert killed.is_set()
    assert report.ready and report.acked == report.bytes_total
    _check_complete(service, key, visit["id"], consult)


def test_redis_restart_mid_visit(topology, consult):
    service, key, redis, workers = topology
    workers.append(Worker(service))
    visit = create_visit(service, key)
    restarted = threading.Event()

    def bounce():
        wait_until(lambda: _has_finals(service, key, visit["id"]), 90, 0.2, "live finals")
        redis.kill()
        time.sleep(2.0)
        redis.start()
        restarted.set()

    thread = threading.Thread(target=bounce, daemon=True)
    thread.start()
    report = stream(consult.wav, f"{service.ws}/v1/visits/{visit['id']}/audio", key, speed=2.0)
    thread.join(60)
    assert restarted.is_set()
    assert report.ready and report.acked == report.bytes_total
    _check_complete(service, key, visit["id"], consult)
    assert httpx.get(f"{service.http}/readyz").json()["checks"]["redis"] == "ok"


def _has_finals(service, key, visit_id) -> bool:
    r = httpx.get(f"{service.http}/v1/visits/{visit_id}/transcript/live", headers=auth(key), timeout=5)
    return r.status_code == 200 and len(r.json()["segments"]) >= 1


def test_worker_process_that_dies_is_replaced(topology):
    """`scribe worker` supervises its Celery process: if that process dies on its own (kombu can crash it
    when Redis drops), a new one starts and serves; SIGTERM to `scribe worker` ends both."""
    import os
    import signal

    service, key, redis, workers = topology
    workers.append(Worker(service, queues="delivery"))
    log = workers[0].log_path
    children = [
        int(p) for p in Path(f"/proc/{workers[0].proc.pid}/task/{workers[0].proc.pid}/children").read_text().split()
    ]
    assert len(children) == 1
    os.kill(children[0], signal.SIGKILL)
    wait_until(lambda: log.read_text(errors="replace").count(" ready.") >= 2, 120, 0.2, "a replacement worker")
    assert workers[0].proc.poll() is None
    os.kill(workers[0].proc.pid, signal.SIGTERM)
    assert workers[0].proc.wait(30) == 0
