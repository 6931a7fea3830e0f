"""Reference client (`scribe stream`): plays an audio file as a live device would.

Sends 16 kHz mono pcm_s16le frames (or an .ogg/.webm Opus file as-is) paced at `speed` × real time
(0: as fast as the server acknowledges), keeps every unacknowledged frame, reconnects with backoff on a
drop and resumes at the server's last ack (no gap, no duplicate), prints partials, sends stop, waits
for visit.ready and reports latency: partial lag = arrival of a partial − the moment the audio it covers
was sent. `printer(kind, text)`, when given, sees each partial, final and error as it arrives.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from scribe.api.protocol import encode_frame
from scribe.errors import ScribeError
from scribe.speech.decode import decode
from scribe.speech.types import SAMPLE_RATE


@dataclass
class Report:
    visit_id: str
    audio_seconds: float
    bytes_total: int
    acked: int = 0
    reconnects: int = 0  # connections that resumed the stream (each answered by the server's ack)
    failed_attempts: int = 0  # connections lost or refused (a drop, or visit_busy before the server freed the lease)
    partials: int = 0
    partial_lags: list[float] = field(default_factory=list)
    final_lags: list[float] = field(default_factory=list)
    finals: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    stream_seconds: float = 0.0
    note_ready_seconds: float | None = None
    ready: bool = False
    last_partial: str = ""

    @staticmethod
    def pct(values: list[float], q: float) -> float | None:
        return round(float(np.percentile(values, q)), 3) if values else None

    def summary(self) -> dict:
        return {
            "visit_id": self.visit_id,
            "audio_seconds": round(self.audio_seconds, 2),
            "stream_seconds": round(self.stream_seconds, 2),
            "bytes": self.bytes_total,
            "acked": self.acked,
            "reconnects": self.reconnects,
            "failed_attempts": self.failed_attempts,
            "partials": self.partials,
            "finals": len(self.finals),
            "partial_lag_p50": self.pct(self.partial_lags, 50),
            "partial_lag_p95": self.pct(self.partial_lags, 95),
            "final_lag_p95": self.pct(self.final_lags, 95),
            "note_ready_seconds": self.note_ready_seconds,
            "ready": self.ready,
            "errors": [e.get("code") for e in self.errors],
        }


def load_audio(path: Path) -> tuple[bytes, dict, float]:
    """(stream bytes, start message fields, duration seconds)."""
    suffix = path.suffix.lower()
    if suffix in (".ogg", ".opus", ".webm"):
        audio = decode(path)
        fmt = {"format": "webm-opus" if suffix == ".webm" else "ogg-opus"}
        return path.read_bytes(), fmt, audio.duration
    audio = decode(path)
    pcm = (np.clip(audio.samples, -1, 1) * 32767).astype("<i2").tobytes()
    return pcm, {"format": "pcm_s16le", "sample_rate": SAMPLE_RATE, "channels": 1}, audio.duration


def visit_http_base(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    scheme = "https" if parts.scheme == "wss" else "http"
    return f"{scheme}://{parts.netloc}"


class Streamer:
    def __init__(
        self,
        url: str,
        token: str,
        data: bytes,
        fmt: dict,
        duration: float,
        speed: float = 1.0,
        chunk_ms: int = 100,
        drop_at: tuple[float, ...] = (),
        printer=None,
        ready_timeout: float = 600,
        stop: bool = True,
    ):
        self.url, self.token, self.data, self.fmt = url, token, data, fmt
        self.speed, self.duration, self.printer = speed, duration, printer
        self.bytes_per_second = len(data) / duration if duration else 32000
        frame = int(self.bytes_per_second * chunk_ms / 1000)
        self.frame = max(2, frame - frame % 2)
        self.drop_at = sorted(drop_at)
        self.ready_timeout, self.do_stop = ready_timeout, stop
        visit_id = urllib.parse.urlsplit(url).path.rstrip("/").split("/")[-2]
        self.report = Report(visit_id, duration, len(data))
        self.sent_at: dict[int, float] = {}  # end byte → wall time it was (first) sent
        self.send_ends: list[int] = []
        self.position = 0
        self.seq = 0
        self.started = False
        self.stopped = False
        self.t0 = 0.0
        self.ready_event = asyncio.Event()
        self.stop_sent_at: float | None = None
        self.conn_ready = False

    def _sent_time(self, audio_seconds: float) -> float | None:
        target = int(audio_seconds * self.bytes_per_second)
        import bisect

        i = bisect.bisect_left(self.send_ends, target)
        if i >= len(self.send_ends):
            return None
        return self.sent_at[self.send_ends[i]]

    async def run(self) -> Report:
        from websockets.asyncio.client import connect
        from websockets.exceptions import ConnectionClosed, InvalidStatus

        self.t0 = time.monotonic()
        backoff = 0.2
        deadline = None
        while True:
            try:
                async with connect(
                    self.url,
                    additional_headers={"Authorization": f"Bearer {self.token}"},
                    max_size=4 << 20,
                    open_timeout=10,
                    ping_interval=10,
                ) as ws:
                    backoff = 0.2
                    await self.session(ws)
                    return self.finish()
            except (TimeoutError, ConnectionClosed, OSError, InvalidStatus, _Dropped) as exc:
                code = getattr(getattr(exc, "rcvd", None), "code", None)
                if code in (4401, 4404, 4422, 1008):
                    raise ScribeError(f"server refused the stream ({code}: {exc.rcvd.reason})") from None
                if self.ready_event.is_set():
                    return self.finish()
                if self.stopped and code == 4409:
                    return await self.wait_ready_rest()
                self.report.failed_attempts += 1
                deadline = deadline or time.monotonic() + 120
                if time.monotonic() > deadline:
                    raise ScribeError("lost the connection and could not resume within 120 s") from None
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 3.0)

    def finish(self) -> Report:
        self.report.stream_seconds = time.monotonic() - self.t0
        return self.report

    async def session(self, ws) -> None:
        self.conn_ready = False
        if not self.started:
            await ws.send(json.dumps({"type": "start", **self.fmt}))
        elif self.stopped:
            await ws.send(json.dumps({"type": "stop"}))
        else:
            await ws.send(json.dumps({"type": "resume", "offset": self.report.acked}))
        receiver = asyncio.create_task(self.receive(ws))
        sender = asyncio.create_task(self.send(ws))
        done, pending = await asyncio.wait({receiver, sender}, return_when=asyncio.FIRST_EXCEPTION)
        for task in done:
            if task.exception() is not None:
                for p in pending:
                    p.cancel()
                raise task.exception()
        await receiver

    async def send(self, ws) -> None:
        if self.stopped:
            return
        # Wait for the ack that answers start/resume: it says where the stream continues.
        while not self.conn_ready:
            await asyncio.sleep(0.01)
        while self.position < len(self.data):
            if self.drop_at and self.position >= self.drop_at[0] * self.bytes_per_second:
                self.drop_at.pop(0)
                await ws.transport_abort() if hasattr(ws, "transport_abort") else ws.transport.abort()
                raise _Dropped()
            due = self.t0 + (self.position / self.bytes_per_second) / self.speed if self.speed > 0 else 0
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if self.position - self.report.acked > 64 * self.frame:  # flow control: wait for acks
                await asyncio.sleep(0.01)
                continue
            chunk = self.data[self.position : self.position + self.frame]
            end = self.position + len(chunk)
            await ws.send(encode_frame(self.seq, self.position, chunk))
            if end not in self.sent_at:
                self.sent_at[end] = time.monotonic()
                self.send_ends.append(end)
            self.seq += 1
            self.position = end
        while self.report.acked < len(self.data):
            await asyncio.sleep(0.01)
        if self.do_stop and not self.stopped:
            self.stopped = True
            self.stop_sent_at = time.monotonic()
            await ws.send(json.dumps({"type": "stop"}))
        if not self.do_stop:
            self.ready_event.set()
            await ws.close()

    async def receive(self, ws) -> None:
        async for raw in ws:
            msg = json.loads(raw)
            kind = msg.get("type")
            now = time.monotonic()
            if kind == "ack":
                self.report.acked = (
                    max(self.report.acked, msg["offset"]) if msg.get("seq") is not None else msg["offset"]
                )
                if msg.get("seq") is None:  # answer to start/resume: continue exactly there
                    self.report.reconnects += self.started
                    self.position = msg["offset"]
                    self.report.acked = msg["offset"]
                    self.started = True
                    self.conn_ready = True
            elif kind == "transcript.partial":
                self.report.partials += 1
                sent = self._sent_time(msg.get("audio_end") or 0)
                if sent is not None:
                    self.report.partial_lags.append(now - sent)
                self.report.last_partial = msg.get("text", "")
                if self.printer:
                    self.printer("partial", msg.get("text", ""))
            elif kind == "transcript.final":
                sent = self._sent_time(msg["end"])
                if sent is not None:
                    self.report.final_lags.append(now - sent)
                self.report.finals.append(msg)
                if self.printer:
                    self.printer("final", f"[{msg['start']:7.2f}-{msg['end']:7.2f}] {msg['text']}")
            elif kind == "error":
                self.report.errors.append(msg)
                if self.printer:
                    self.printer("error", f"error {msg.get('code')}: {msg.get('message')}")
                if (
                    msg.get("code") in ("bad_offset", "unacknowledged_offset")
                    and msg.get("expected_offset") is not None
                ):
                    self.position = msg["expected_offset"]
                    self.report.acked = msg["expected_offset"]
                if msg.get("code") == "already_started":  # an earlier connection started it: resume instead
                    await ws.send(json.dumps({"type": "resume", "offset": msg.get("expected_offset") or 0}))
            elif kind == "visit.ready":
                self.report.ready = True
                if self.stop_sent_at is not None:
                    self.report.note_ready_seconds = round(now - self.stop_sent_at, 3)
                self.ready_event.set()
                return
            elif kind == "status" and msg.get("state") == "failed":
                self.ready_event.set()
                return
        if self.stopped or self.ready_event.is_set():
            if not self.ready_event.is_set():
                await self.wait_ready_rest()
            return

    async def wait_ready_rest(self) -> Report:
        import httpx

        base = visit_http_base(self.url)
        deadline = time.monotonic() + self.ready_timeout
        async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {self.token}"}) as http:
            while time.monotonic() < deadline:
                r = await http.get(f"/v1/visits/{self.report.visit_id}")
                if r.status_code == 200 and r.json()["status"] in ("ready", "failed"):
                    self.report.ready = r.json()["status"] == "ready"
                    if self.stop_sent_at is not None:
                        self.report.note_ready_seconds = round(time.monotonic() - self.stop_sent_at, 3)
                    self.ready_event.set()
                    return self.finish()
                await asyncio.sleep(0.25)
        raise ScribeError("visit not ready in time")


class _Dropped(Exception):
    """A simulated connection drop (--drop-at)."""


def creates_visit(url: str) -> bool:
    """Whether streaming to `url` creates a visit (ws://HOST:PORT) rather than feeding one (…/audio)."""
    return not urllib.parse.urlsplit(url).path.rstrip("/").endswith("/audio")


def create_visit(base_http: str, token: str, fields: dict) -> str:
    """POST /v1/visits with the caller's fields (patient_ref, consent, clinician_id, language, encounter_ref,
    context): the client never fills in consent or a patient reference itself."""
    import httpx

    r = httpx.post(f"{base_http}/v1/visits", json=fields, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    if r.status_code != 201:
        raise ScribeError(f"cannot create a visit: {r.status_code} {r.text[:200]}")
    return r.json()["id"]


def stream(
    path: Path,
    url: str,
    token: str,
    speed: float = 1.0,
    chunk_ms: int = 100,
    drop_at=(),
    printer=None,
    visit: dict | None = None,
    stop: bool = True,
) -> Report:
    """Stream a file to ws://host/v1/visits/ID/audio, or to ws://host creating a visit from `visit` (the
    POST /v1/visits body: patient_ref and consent at least)."""
    data, fmt, duration = load_audio(Path(path))
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("ws", "wss"):
        raise ScribeError("--url must be ws://HOST:PORT[/v1/visits/ID/audio] or wss://...")
    if creates_visit(url):
        if visit is None:
            raise ScribeError("creating a visit needs its fields (patient reference, consent)")
        visit_id = create_visit(visit_http_base(url), token, visit)
        url = f"{parts.scheme}://{parts.netloc}/v1/visits/{visit_id}/audio"
    return asyncio.run(
        Streamer(url, token, data, fmt, duration, speed, chunk_ms, tuple(drop_at), printer, stop=stop).run()
    )
