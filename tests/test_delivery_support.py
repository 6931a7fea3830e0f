"""Fixtures for the delivery tests: one embedded `scribe serve` with short webhook backoff, tenants
(A may send webhooks to loopback, B may not), real webhook receivers (HTTP servers on loopback started
by the test), visits made by streaming real speech, and a read-only view of the service's database.
No tests in this module."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from scribe.api.client import stream
from tests.conftest import SR, write_wav
from tests.test_service_support import auth, consult, create_visit, make_service, wait_ready, wait_until  # noqa: F401

BACKOFF = "0.3,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5"  # ten retries, about 5 s, then dead letter


@dataclass
class Received:
    headers: dict
    body: bytes
    status: int
    at: float

    @property
    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]


@dataclass
class Receiver:
    """A webhook receiver: answers `status_for(request)` after `delay` seconds, records every request."""

    delay: float = 0.0
    fail_until: float = 0.0  # monotonic time before which it answers 500
    always: int | None = None  # answer this status to everything
    requests: list[Received] = field(default_factory=list)

    def start(self) -> Receiver:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                if outer.delay:
                    time.sleep(outer.delay)
                status = outer.always or (500 if time.monotonic() < outer.fail_until else 200)
                outer.requests.append(
                    Received({k.lower(): v for k, v in self.headers.items()}, body, status, time.monotonic())
                )
                self.send_response(status)
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def accepted(self, event: str | None = None, visit_id: str | None = None) -> list[Received]:
        return [
            r
            for r in list(self.requests)
            if 200 <= r.status < 300
            and (event is None or r.json["type"] == event)
            and (visit_id is None or r.json["data"].get("visit_id") == visit_id)
        ]

    def wait_for(self, event: str, visit_id: str | None = None, timeout: float = 60) -> Received:
        return wait_until(lambda: (self.accepted(event, visit_id) or [None])[0], timeout, 0.05, f"webhook {event}")


@pytest.fixture
def receiver():
    r = Receiver().start()
    yield r
    r.stop()


@dataclass
class Scribe:
    service: object
    keys: dict  # tenant name → API key
    ids: dict  # tenant name → tenant id

    @property
    def http(self) -> str:
        return self.service.http

    def token(self, tenant: str = "a", clinician: str = "dr-martin") -> str:
        r = httpx.post(f"{self.http}/v1/tokens", json={"clinician_id": clinician}, headers=auth(self.keys[tenant]))
        assert r.status_code == 201, r.text
        return r.json()["token"]

    def endpoint(self, url: str, events: list[str] | None = None, tenant: str = "a", **extra) -> dict:
        from scribe.delivery.webhooks import EVENTS

        r = httpx.post(
            f"{self.http}/v1/webhooks/endpoints",
            headers=auth(self.keys[tenant]),
            json={"url": url, "events": events or list(EVENTS), **extra},
        )
        assert r.status_code == 201, r.text
        return r.json()

    def deliveries(self, tenant: str = "a", **params) -> list[dict]:
        r = httpx.get(
            f"{self.http}/v1/webhooks/deliveries", headers=auth(self.keys[tenant]), params={"limit": 1000, **params}
        )
        assert r.status_code == 200, r.text
        return r.json()["items"]

    def db(self):
        """The service's database, for checks no API exposes (rows gone, audit tombstones, raw columns)."""
        url = (
            self.service.env.get("SCRIBE_DATABASE_URL")
            or f"sqlite:///{Path(self.service.env['SCRIBE_DATA_DIR']).resolve() / 'scribe.db'}"
        )
        return create_engine(url)

    def rows(self, sql: str, **params) -> list:
        engine = self.db()
        try:
            with engine.connect() as c:
                return c.execute(text(sql), params).all()
        finally:
            engine.dispose()

    def objects(self, visit_id: str) -> list[Path]:
        folder = Path(self.service.env["SCRIBE_DATA_DIR"]) / "objects" / "visits" / visit_id
        return sorted(p for p in folder.rglob("*") if p.is_file())


def start_scribe(root: Path, tenants: dict[str, dict], **env) -> Scribe:
    """A `scribe serve` with tenants {name: settings}; settings applied with `scribe tenants settings`.
    Load shedding is off unless asked for: these servers receive whole recordings as fast as acknowledged, and
    shedding would make their transcripts depend on how busy the machine is (tests/test_speech_skip.py and
    bench/overload.py cover it)."""
    defaults = {
        "SCRIBE_JWT_SECRET": "test-secret-" + uuid.uuid4().hex,
        "SCRIBE_WEBHOOK_BACKOFF": BACKOFF,
        "SCRIBE_WEBHOOK_JITTER": "0.1",
        "SCRIBE_DELIVERY_POLL_SECONDS": "0.2",
        "SCRIBE_WEBHOOK_TIMEOUT_SECONDS": "3",
        "SCRIBE_RETENTION_SWEEP_SECONDS": "1",
        "SCRIBE_LIVE_MAX_LAG_SECONDS": "0",
    }
    service = make_service(root, **{**defaults, **env})
    keys, ids = {}, {}
    for name, settings in tenants.items():
        ids[name], keys[name] = service.tenant(f"Clinic {name}")
        if settings:
            r = service.cli("tenants", "settings", ids[name], *(f"{k}={json.dumps(v)}" for k, v in settings.items()))
            assert r.returncode == 0, r.stderr
    service.start().wait_warm()
    return Scribe(service, keys, ids)


def stop_scribe(scribe: Scribe) -> None:
    scribe.service.stop()
    for drop in scribe.service.drops:
        drop()


@pytest.fixture(scope="session")
def scribe(tmp_path_factory):
    """The shared delivery service: tenant a (loopback webhooks allowed), b (not allowed), c (audio kept
    0 days after finalization instead of until signature)."""
    s = start_scribe(
        tmp_path_factory.mktemp("delivery"),
        {
            "a": {"webhooks_allow_private": True},
            "b": {},
            "c": {"webhooks_allow_private": True, "audio_retention_days": 0},
        },
    )
    yield s
    stop_scribe(s)


@pytest.fixture(scope="session")
def short_wav(consult, tmp_path_factory) -> Path:
    """The first 7 s of the consultation (the clinician's greeting and question)."""
    from scribe.speech.decode import decode

    samples = decode(consult.wav).samples[: 7 * SR]
    return write_wav(tmp_path_factory.mktemp("short") / "short.wav", samples)


def recorded_visit(scribe: Scribe, wav: Path, tenant: str = "a", **fields) -> dict:
    """A visit that streamed `wav` (as fast as acknowledged) and finalized: ready with its documents."""
    key = scribe.keys[tenant]
    visit = create_visit(scribe.service, key, **fields)
    report = stream(wav, f"{scribe.service.ws}/v1/visits/{visit['id']}/audio", key, speed=0)
    assert report.ready, report.summary()
    return wait_ready(scribe.service, key, visit["id"])


def empty_visit(scribe: Scribe, tenant: str = "a", **fields) -> dict:
    """A visit stopped without audio: ready in a moment, with an (empty) note and summary."""
    key = scribe.keys[tenant]
    visit = create_visit(scribe.service, key, **fields)
    r = httpx.post(f"{scribe.http}/v1/visits/{visit['id']}/stop", headers=auth(key))
    assert r.status_code == 200, r.text
    ready = wait_ready(scribe.service, key, visit["id"], timeout=60)
    assert ready["status"] == "ready", ready
    return ready


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def fhir_validate(bundle: dict):
    """Every resource through the fhir.resources R4 models (R4B package: R4-compatible for these)."""
    from fhir.resources.R4B import get_fhir_model_class
    from fhir.resources.R4B.bundle import Bundle

    parsed = Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(entry["resource"])
    return parsed


class subscribed:
    """with subscribed(scribe, events) as (receiver, endpoint): a receiver registered for `events`,
    unregistered and stopped afterwards."""

    def __init__(self, scribe: Scribe, events: list[str] | None = None, tenant: str = "a", **extra):
        self.scribe, self.events, self.tenant, self.extra = scribe, events, tenant, extra

    def __enter__(self):
        self.receiver = Receiver().start()
        self.endpoint = self.scribe.endpoint(self.receiver.url, self.events, self.tenant, **self.extra)
        return self.receiver, self.endpoint

    def __exit__(self, *exc):
        httpx.delete(
            f"{self.scribe.http}/v1/webhooks/endpoints/{self.endpoint['id']}",
            headers=auth(self.scribe.keys[self.tenant]),
        )
        self.receiver.stop()


def run_burst(scribe: Scribe, events: int, delay: float, tenant: str = "a") -> dict:
    """`events` visit.created events to a receiver that takes `delay` s per request; waits until all are
    delivered. Returns counts, seconds and the delivering (server) process's RSS sampled throughout."""
    from concurrent.futures import ThreadPoolExecutor

    pid = scribe.service.proc.pid
    with subscribed(scribe, ["visit.created"], tenant) as (receiver, endpoint):
        receiver.delay = delay
        base = rss_kb(pid)
        samples, done = [base], threading.Event()

        def sample():
            while not done.is_set():
                samples.append(rss_kb(pid))
                time.sleep(0.1)

        threading.Thread(target=sample, daemon=True).start()
        t0 = time.monotonic()
        with ThreadPoolExecutor(8) as pool:
            ids = set(
                pool.map(
                    lambda _: create_visit(scribe.service, scribe.keys[tenant], patient_ref="BURST")["id"],
                    range(events),
                )
            )
        wait_until(
            lambda: len({r.webhook_id for r in receiver.accepted()}) >= events,
            60 + events * delay * 2,
            0.2,
            f"{events} deliveries",
        )
        seconds = time.monotonic() - t0
        time.sleep(0.5)
        done.set()
        got = [r.json["data"]["visit_id"] for r in receiver.accepted()]
        return {
            "events": events,
            "delivered": len(got),
            "distinct": len(set(got)),
            "all_ours": set(got) == ids,
            "seconds": round(seconds, 2),
            "rss_base_mb": round(base / 1024, 1),
            "rss_peak_mb": round(max(samples) / 1024, 1),
            "rss_growth_mb": round((max(samples) - base) / 1024, 1),
        }
