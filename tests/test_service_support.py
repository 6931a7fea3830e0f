"""Fixtures for the service tests: a real `scribe serve` (uvicorn) on a free loopback port, real
redis-server and Celery worker subprocesses, tenants and keys made with the real CLI.

Database: SQLite in a temporary folder, or PostgreSQL when SCRIBE_TEST_DATABASE_URL is set
(postgresql+psycopg://USER:PASS@127.0.0.1:5432/DB with a role allowed to CREATE DATABASE): every
server then gets a fresh database, dropped afterwards. No tests in this module.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import numpy as np
import pytest

from tests.conftest import DIALOGUE_EN, ROOT, synth

SERVICE = [sys.executable, "-m", "scribe.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout: float, interval: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def _fresh_database() -> tuple[str | None, callable]:
    base = os.environ.get("SCRIBE_TEST_DATABASE_URL")
    if not base:
        return None, lambda: None
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(base)
    name = f"scribe_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin.connect() as c:
            c.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


@dataclass
class Service:
    """One `scribe serve` subprocess and what it needs."""

    root: Path
    env: dict
    port: int = 0
    proc: subprocess.Popen | None = None
    log_path: Path | None = None
    drops: list = field(default_factory=list)

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [*SERVICE, *args], capture_output=True, text=True, env=self.env, timeout=timeout, cwd=ROOT
        )
        return result

    def start(self, *args: str) -> Service:
        """`scribe serve` on a free port (args: more options, e.g. --workers 2), once /readyz answers."""
        self.port = self.port or free_port()
        self.log_path = self.root / f"serve-{self.port}.log"
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [*SERVICE, "serve", "--port", str(self.port), *args],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until(self._ready, 120, 0.2, "the server's /readyz")
        return self

    def wait_warm(self) -> Service:
        """Until the server has warmed its documentation engine (after readiness): timing-sensitive tests
        should not share the CPU with it."""
        wait_until(lambda: httpx.get(f"{self.http}/readyz").json()["warming"] == [], 120, 0.5, "the warm-up")
        return self

    def _ready(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"server exited: {self.log_path.read_text()[-3000:]}")
        try:
            return httpx.get(f"{self.http}/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)

    def tenant(self, name: str) -> tuple[str, str]:
        """(tenant id, API key) made with `scribe tenants create --with-key`."""
        r = self.cli("tenants", "create", name, "--with-key")
        assert r.returncode == 0, r.stderr
        tenant_id, key = r.stdout.split()
        return tenant_id, key

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path else ""


def service_env(root: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRIBE_")}
    env.update(
        {
            "SCRIBE_DATA_DIR": str(root / "data"),
            "SCRIBE_ASR_MODEL": "tiny.en",
            "SCRIBE_LOG_LEVEL": "INFO",
            "SCRIBE_WORKER_THREADS": "2",
            "SCRIBE_MODELS": os.environ.get("SCRIBE_MODELS", str(ROOT / "models")),
            "SCRIBE_VOICES": str(root / "voices"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def make_service(root: Path, **extra) -> Service:
    root.mkdir(parents=True, exist_ok=True)
    db_url, drop = _fresh_database()
    env = service_env(root, **extra)
    if db_url:
        env["SCRIBE_DATABASE_URL"] = db_url
    service = Service(root, env)
    service.drops.append(drop)
    return service


def auth(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


def consent() -> dict:
    return {"recorded_by": "front desk", "at": dt.datetime.now(dt.UTC).isoformat()}


def create_visit(service: Service, key: str, **fields) -> dict:
    body = {"clinician_id": "dr-martin", "patient_ref": "P-1234", "language": "en", "consent": consent(), **fields}
    r = httpx.post(f"{service.http}/v1/visits", json=body, headers=auth(key), timeout=30)
    assert r.status_code == 201, r.text
    return r.json()


def service_keyring(service: Service):
    """The at-rest key ring the service uses (its SCRIBE_ENCRYPTION_KEYS or its data dir's local key)."""
    from scribe.core.crypto import local_spec, parse_keys

    return parse_keys(service.env.get("SCRIBE_ENCRYPTION_KEYS") or local_spec(Path(service.env["SCRIBE_DATA_DIR"])))


def stored_audio(service: Service, visit_id: str) -> bytes:
    """The visit's audio exactly as persisted (object store files, opened with the service's key, in
    offset order)."""
    folder = Path(service.env["SCRIBE_DATA_DIR"]) / "objects" / "visits" / visit_id / "audio"
    parts = sorted(folder.glob("*.bin"))
    ring = service_keyring(service)
    out, pos = bytearray(), 0
    for p in parts:
        offset = int(p.stem)
        assert offset == pos, f"gap or overlap at {pos} (next chunk at {offset})"
        data = ring.decrypt(p.read_bytes(), f"visits/{visit_id}/audio/{p.name}".encode())
        out += data
        pos += len(data)
    return bytes(out)


def pcm_of(wav: Path) -> bytes:
    from scribe.speech.decode import decode

    samples = decode(wav).samples
    return (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()


def wait_ready(service: Service, key: str, visit_id: str, timeout: float = 180) -> dict:
    def ready():
        r = httpx.get(f"{service.http}/v1/visits/{visit_id}", headers=auth(key), timeout=10)
        return r.json() if r.json()["status"] in ("ready", "failed") else None

    return wait_until(ready, timeout, 0.3, "visit ready")


# --------------------------------------------------------------------------- shared fixtures


@pytest.fixture(scope="session")
def consult(tmp_path_factory):
    if not shutil.which("espeak-ng"):
        pytest.fail("espeak-ng is required (apt-get install espeak-ng)")
    return synth(tmp_path_factory.mktemp("svc-audio") / "consult.wav", DIALOGUE_EN, "en")


@pytest.fixture(scope="session")
def embedded(tmp_path_factory):
    """One embedded `scribe serve` (SQLite or SCRIBE_TEST_DATABASE_URL, in-process workers) for the session,
    with two tenants: (service, {"a": key, "b": key, "a_id": id, "b_id": id})."""
    service = make_service(
        tmp_path_factory.mktemp("embedded"),
        SCRIBE_JWT_SECRET="test-secret-" + uuid.uuid4().hex,
        SCRIBE_DEV_TOKEN_SIGNIN="1",  # the web app tests paste tokens (accounts: tests/test_signin_browser.py)
    )
    a_id, a_key = service.tenant("Clinic A")
    b_id, b_key = service.tenant("Clinic B")
    service.start().wait_warm()
    yield service, {"a": a_key, "b": b_key, "a_id": a_id, "b_id": b_id}
    service.stop()
    for drop in service.drops:
        drop()


@dataclass
class Redis:
    port: int
    folder: Path
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> Redis:
        # Append-only file, fsync always: a restarted Redis keeps its queues (as production must).
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "",
                "--protected-mode",
                "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

        def up():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                    s.sendall(b"PING\r\n")
                    return s.recv(16).startswith(b"+PONG")
            except OSError:
                return False

        wait_until(up, 20, 0.1, "redis-server")
        return self

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def redis_topology(tmp_path: Path, **extra) -> tuple[Redis, Service]:
    """A real redis-server (append-only) and a `scribe serve` configured for it, not started yet."""
    if shutil.which("redis-server") is None:
        pytest.fail("these tests need a real redis-server (apt-get install redis-server)")
    (tmp_path / "redis").mkdir()
    redis = Redis(free_port(), tmp_path / "redis").start()
    return redis, make_service(tmp_path / "svc", SCRIBE_REDIS_URL=redis.url, **extra)


class Worker:
    def __init__(self, service: Service, queues: str = "asr,documents,assistant,delivery"):
        self.service, self.queues = service, queues
        self.log_path = service.root / f"worker-{uuid.uuid4().hex[:6]}.log"
        self.proc = subprocess.Popen(
            [*SERVICE, "worker", "--queues", queues, "--concurrency", "3"],
            env=service.env,
            cwd=ROOT,
            stdout=open(self.log_path, "ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until(
            lambda: "ready" in self.log_path.read_text(errors="replace") or self._dead(), 120, 0.2, "the celery worker"
        )
        assert self.proc.poll() is None, self.log_path.read_text()[-3000:]

    def _dead(self) -> bool:
        return self.proc.poll() is not None

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and its threads): no warm shutdown, no acks."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
