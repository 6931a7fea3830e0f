"""WS /v1/visits/{id}/audio — the live audio protocol (docs/protocol.md).

One AudioSession per connection. The receive loop validates and persists: a binary frame is stored in
the object store and recorded in the database before its `ack` is sent. A background loop forwards
events (scribe.api.forward: durable ones read from the database, transient partials from the bus),
schedules live ASR windows (one in flight per visit, at most one per SCRIBE_LIVE_STEP_SECONDS), renews
the stream lease (one websocket per visit, across replicas) and sends `status` every 2 s. A guard task
closes the socket (4401) when no credentials came within SCRIBE_WS_AUTH_SECONDS, or when they expire or
are revoked later (scribe.api.channels); text messages are bounded in size, nesting and rate.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time

from pydantic import ValidationError
from sqlalchemy import select
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from scribe.api.channels import CLOSE_CODE, CredentialWatch
from scribe.api.forward import EventForwarder, final
from scribe.api.protocol import FORMATS, Pause, Resume, Start, Stop, client_message, decode_frame
from scribe.api.ratelimit import connection_limiter
from scribe.config import get_settings
from scribe.core.audio import bytes_per_second
from scribe.core.audit import audit_denied
from scribe.core.db import session_scope
from scribe.core.observability import ERRORS, OPEN_STREAMS, STREAM_BYTES, visit_id_var
from scribe.core.security import AccessDenied, AuthError, Principal, authenticate, scoped
from scribe.core.tables import LiveState, utcnow
from scribe.errors import ApiError
from scribe.queue.dispatch import queue_depths, submit
from scribe.service import visits

log = logging.getLogger("scribe.ws")
STATUS_EVERY = 2.0
POLL_EVERY = 2.0


class Closed(Exception):
    pass


class AudioSession:
    def __init__(self, ws: WebSocket, visit_id: str):
        cfg = get_settings()
        self.ws, self.visit_id = ws, visit_id
        self.owner = visits.connection_id()
        self.principal: Principal | None = None
        self.tenant_id: str | None = None
        self.fmt: dict | None = None
        self.bps: int | None = None
        self.offset = 0
        self.processed = 0
        self.inflight: tuple[int, float] | None = None
        self.last_submit = 0.0
        self.state = "created"
        self.attached = False  # holds the lease, streaming on this connection
        self.stopped = False
        self.events: EventForwarder | None = None
        self.bg: asyncio.Task | None = None
        self.send_lock = asyncio.Lock()
        self.step = cfg.live_step_seconds
        self.retry_after = cfg.task_retry_seconds
        self.max_frame = cfg.max_frame_bytes
        self.counted = False
        self.auth_seconds, self.max_text = cfg.ws_auth_seconds, cfg.ws_max_text_bytes
        self.control_allowed = connection_limiter(cfg.ws_control_rate, self.owner)
        self.authenticated = asyncio.Event()
        self.watch, self.guard = None, None  # CredentialWatch once authenticated; the guard task

    # ------------------------------------------------------------------ sending

    async def send(self, message: dict) -> None:
        if self.ws.application_state != WebSocketState.CONNECTED:
            raise Closed()
        async with self.send_lock:
            try:
                await self.ws.send_text(json.dumps(message))
            except (WebSocketDisconnect, RuntimeError) as exc:
                raise Closed() from exc

    async def error(self, code: str, message: str, fatal: bool = False, close: int | None = None, **extra) -> None:
        ERRORS.labels(f"ws:{code}").inc()
        log.info("ws error", extra={"code": code})
        try:
            await self.send(
                {"type": "error", "code": code, "message": message, "fatal": fatal or close is not None, **extra}
            )
        except Closed:
            pass
        if close is not None:
            await self.close(close, message)

    async def close(self, code: int, reason: str) -> None:
        try:
            if self.ws.application_state == WebSocketState.CONNECTED:
                await self.ws.close(code, reason[:120])
        except Exception:
            pass
        raise Closed()

    # ------------------------------------------------------------------ main loop

    async def run(self) -> None:
        visit_id_var.set(self.visit_id)
        await self.ws.accept()
        self.guard = asyncio.create_task(self.guard_credentials())
        try:
            header = self.ws.headers.get("authorization")
            if header:
                await self.authenticate(header)
            while True:
                message = await self.ws.receive()
                if message["type"] == "websocket.disconnect":
                    return
                if message.get("bytes") is not None:
                    await self.on_binary(message["bytes"])
                elif message.get("text") is not None:
                    await self.on_text(message["text"])
        except (Closed, WebSocketDisconnect):
            pass
        except Exception:
            log.exception("websocket session failed")
            ERRORS.labels("ws:internal").inc()
            try:
                await self.error("internal_error", "server error", close=1011)
            except Closed:
                pass
        finally:
            await self.cleanup()

    async def cleanup(self) -> None:
        for task in (self.bg, self.guard):
            if task is not None:
                task.cancel()
        if self.events is not None:
            self.events.close()
        if self.counted:
            OPEN_STREAMS.dec()
        if self.attached:
            await asyncio.to_thread(visits.release_lease, self.visit_id, self.owner)

    async def authenticate(self, credential: str) -> None:
        try:
            self.principal = await asyncio.to_thread(authenticate, credential)
        except AuthError as exc:
            await self.error("unauthorized", str(exc), close=4401)
        self.watch = CredentialWatch(self.principal)
        self.authenticated.set()

    async def guard_credentials(self) -> None:
        """Unauthenticated sockets used to stay open for ever; revoked or expired credentials went on streaming."""
        try:
            try:
                await asyncio.wait_for(self.authenticated.wait(), self.auth_seconds)
            except TimeoutError:
                message = f"authentication timeout: send credentials within {self.auth_seconds:g} s"
                return await self.error("unauthorized", message, close=CLOSE_CODE)
            while True:
                await asyncio.sleep(self.watch.until_next())
                await self.check_credentials()
        except (Closed, asyncio.CancelledError):
            pass

    async def check_credentials(self, fresh: bool = False) -> None:
        reason = await self.watch.reason(fresh)
        if reason is not None:
            await self.error("unauthorized", self.watch.message(reason), close=CLOSE_CODE)

    # ------------------------------------------------------------------ text messages

    async def on_text(self, text: str) -> None:
        if len(text) > self.max_text:
            return await self.error("too_large", f"text messages are limited to {self.max_text} bytes", close=1009)
        if not self.control_allowed():  # a flood of pause/resume wrote one event row per message
            return await self.error("rate_limited", "too many messages: slow down; message dropped")
        try:
            raw = json.loads(text)
        except RecursionError:  # all messages are flat objects; the parser refuses deep nesting this way
            return await self.error("bad_json", "message nested too deeply", close=1007)
        except ValueError:
            return await self.error("bad_json", "message is not valid JSON")
        if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
            return await self.error("bad_message", "a message is a JSON object with a string 'type'")
        if raw["type"] not in ("auth", "start", "resume", "pause", "stop"):
            return await self.error("unknown_type", f"unknown message type {raw['type'][:40]!r}")
        try:
            msg = client_message.validate_python(raw)
        except ValidationError as exc:
            fields = sorted({".".join(str(p) for p in e["loc"][1:]) for e in exc.errors()})
            if raw["type"] == "start" and ({"format", "sample_rate", "channels"} & set(fields)):
                return await self.error(
                    "bad_format",
                    f"start needs format one of {', '.join(FORMATS)}, "
                    f"sample_rate 8000-48000 and channels 1-2 (bad: {', '.join(fields)})",
                )
            return await self.error("invalid_message", f"invalid {raw['type']} message (fields: {', '.join(fields)})")
        if msg.type == "auth":
            if self.principal is not None:
                return await self.error("already_authenticated", "already authenticated")
            return await self.authenticate(msg.token)
        token = getattr(msg, "token", None)
        if token and self.principal is None:
            await self.authenticate(token)
        if self.principal is None:
            return await self.error(
                "unauthorized",
                "authenticate first: Authorization header, an auth message, or token in start/resume",
                close=4401,
            )
        await self.check_credentials(fresh=isinstance(msg, Stop))  # a revoked key must not stop the visit
        if isinstance(msg, Start):
            await self.on_start(msg)
        elif isinstance(msg, Resume):
            await self.on_resume(msg)
        elif isinstance(msg, Pause):
            await self.on_pause()
        elif isinstance(msg, Stop):
            await self.on_stop()

    async def load_visit(self):
        def load():
            with session_scope() as s:
                visit = scoped(s, self.principal, self.visit_id)
                s.expunge(visit)
                return visit

        try:
            return await asyncio.to_thread(load)
        except ApiError as exc:
            if isinstance(exc, AccessDenied):
                await asyncio.to_thread(audit_denied, exc.principal, "visit", exc.visit_id)
            await self.error("not_found", "no such visit", close=4404)

    async def attach(self, visit, last_event_id: int | None) -> None:
        """Take the stream lease and start forwarding events (first start/resume of this connection)."""
        if visit.status in ("finalizing", "ready", "failed"):
            await self.error("already_stopped", f"visit is already {visit.status}", close=4409)
        if not visit.consent:
            await self.error("consent_required", "visit has no recorded consent", close=4422)
        if not await asyncio.to_thread(visits.acquire_lease, self.visit_id, self.owner):
            await self.error("visit_busy", "visit is already streaming on another connection", close=4409)
        self.attached = True
        self.tenant_id = visit.tenant_id
        self.offset = visit.audio_bytes

        def processed():
            with session_scope() as s:
                live = s.get(LiveState, self.visit_id)
                return live.processed_bytes if live else 0

        self.processed = await asyncio.to_thread(processed)
        after = (
            last_event_id if last_event_id is not None else await asyncio.to_thread(visits.max_event_id, self.visit_id)
        )
        self.events = EventForwarder(self.visit_id, self.tenant_id, after, POLL_EVERY)
        OPEN_STREAMS.inc()
        self.counted = True
        self.bg = asyncio.create_task(self.background())

    def set_format(self, fmt: dict) -> None:
        self.fmt = fmt
        self.bps = bytes_per_second(fmt)

    async def on_start(self, msg: Start) -> None:
        if self.attached:
            return await self.error("already_started", "this connection already streams; send audio frames")
        if msg.format == "pcm_s16le" and msg.sample_rate is None:
            return await self.error("bad_format", "pcm_s16le needs sample_rate (8000-48000)")
        visit = await self.load_visit()
        if visit.audio_format is not None and visit.audio_bytes > 0:
            return await self.error(
                "already_started",
                "the visit already has audio: reconnect with resume {offset}",
                expected_offset=visit.audio_bytes,
            )
        await self.attach(visit, msg.last_event_id)
        fmt = {"format": msg.format, "sample_rate": msg.sample_rate or 48000, "channels": msg.channels}
        self.set_format(fmt)
        await asyncio.to_thread(
            visits.set_state,
            self.visit_id,
            self.tenant_id,
            "streaming",
            self.offset,
            audio_format=fmt,
            started_at=utcnow(),
        )
        self.state = "streaming"
        await self.send({"type": "ack", "seq": None, "offset": self.offset})

    async def on_resume(self, msg: Resume) -> None:
        if self.attached:
            if self.state != "paused":
                return await self.error("not_paused", "resume on an open stream only follows pause")
            if msg.offset is not None and msg.offset != self.offset:
                return await self.error(
                    "unacknowledged_offset", f"stream continues at {self.offset}", expected_offset=self.offset
                )
            await asyncio.to_thread(visits.set_state, self.visit_id, self.tenant_id, "streaming", self.offset)
            self.state = "streaming"
            return await self.send({"type": "ack", "seq": None, "offset": self.offset})
        visit = await self.load_visit()
        if visit.audio_format is None:
            return await self.error("not_started", "nothing to resume: send start first")
        if msg.offset is None:
            return await self.error(
                "bad_offset", "resume needs the offset of the last ack", expected_offset=visit.audio_bytes
            )
        if msg.offset > visit.audio_bytes:
            return await self.error(
                "unacknowledged_offset",
                f"offset {msg.offset} was never acknowledged; resume at {visit.audio_bytes}",
                expected_offset=visit.audio_bytes,
            )
        await self.attach(visit, msg.last_event_id)
        self.set_format(visit.audio_format)
        if visit.status != "streaming":
            await asyncio.to_thread(visits.set_state, self.visit_id, self.tenant_id, "streaming", self.offset)
        self.state = "streaming"
        # An offset below ours means acks were lost in flight: the ack tells the client where to go on.
        await self.send({"type": "ack", "seq": None, "offset": self.offset})

    async def on_pause(self) -> None:
        if not self.attached or self.state != "streaming":
            return await self.error("not_streaming", "pause needs a started stream")
        await asyncio.to_thread(visits.set_state, self.visit_id, self.tenant_id, "paused", self.offset)
        self.state = "paused"

    async def on_stop(self) -> None:
        if self.stopped:
            return await self.error("already_stopped", "stop was already received")
        try:
            visit = await asyncio.to_thread(visits.stop, self.principal, self.visit_id)
        except ApiError as exc:
            if exc.status == 404:
                return await self.error("not_found", "no such visit", close=4404)
            return await self.error(exc.code, exc.message)
        self.stopped = True
        self.state = "finalizing"
        if not self.attached:  # stop without streaming on this connection: follow the visit to the end
            await self.attach_after_stop(visit)

    async def attach_after_stop(self, visit) -> None:
        self.tenant_id = visit.tenant_id
        self.offset = visit.audio_bytes
        after = await asyncio.to_thread(visits.max_event_id, self.visit_id) - 1
        self.events = EventForwarder(self.visit_id, self.tenant_id, after, POLL_EVERY)
        self.bg = asyncio.create_task(self.background())

    # ------------------------------------------------------------------ binary frames

    async def on_binary(self, data: bytes) -> None:
        if len(data) > self.max_frame + 12:
            await self.error("frame_too_large", f"binary frames are limited to {self.max_frame} bytes", close=1009)
        if self.principal is None:
            return await self.error("unauthorized", "authenticate first", close=4401)
        await self.check_credentials()
        if not self.attached or self.fmt is None:
            return await self.error("not_started", "binary frame before start/resume: frame dropped")
        if self.stopped:
            return await self.error("already_stopped", "audio after stop: frame dropped")
        if self.state == "paused":
            return await self.error("paused", "stream is paused: send resume first; frame dropped")
        try:
            seq, offset, payload = decode_frame(data)
        except ValueError as exc:
            return await self.error("bad_frame", str(exc))
        if not payload:
            return await self.error("bad_frame", "empty audio frame")
        end = offset + len(payload)
        if offset == self.offset:
            try:
                self.offset = await asyncio.to_thread(
                    visits.persist_chunk, self.visit_id, seq, offset, payload, 1 / self.bps if self.bps else None
                )
            except ApiError as exc:
                if exc.code == "offset_conflict":  # a dropped connection's last write landed first: catch up
                    self.offset = await asyncio.to_thread(visits.stored_offset, self.visit_id)
                if exc.code == "already_stopped":  # stopped elsewhere (REST): this frame and later ones unacked
                    self.stopped, self.state = True, "finalizing"
                return await self.error(exc.code, exc.message, expected_offset=self.offset, seq=seq)
            STREAM_BYTES.inc(len(payload))
            await self.send({"type": "ack", "seq": seq, "offset": self.offset})  # the background loop submits
        elif end <= self.offset:  # a resend of bytes we already hold: acknowledge, store nothing
            await self.send({"type": "ack", "seq": seq, "offset": self.offset})
        else:
            await self.error(
                "bad_offset",
                f"frame at {offset}, stream continues at {self.offset}: frame dropped",
                expected_offset=self.offset,
                seq=seq,
            )

    # ------------------------------------------------------------------ background: events, windows, lease

    async def background(self) -> None:
        last_status = last_poll = last_lease = time.monotonic()
        try:
            await self.forward(await self.events.durable())
            while True:  # wakes up at least every 100 ms: a new frame's window is submitted within that
                msg, rows = await self.events.next(timeout=0.1)
                now = time.monotonic()
                if msg is not None and not msg.get("durable"):
                    await self.on_transient(msg)
                await self.forward(rows)
                if now - last_poll >= POLL_EVERY:
                    last_poll = now
                    await self.poll_processed()
                if self.attached and not self.stopped and now - last_lease >= visits.LEASE_SECONDS / 3:
                    last_lease = now
                    await asyncio.to_thread(visits.renew_lease, self.visit_id, self.owner)
                await self.maybe_submit()
                if now - last_status >= STATUS_EVERY and self.attached:
                    last_status = now
                    await self.send_status()
        except (Closed, asyncio.CancelledError):
            pass
        except Exception:
            log.exception("websocket background loop failed")
            try:
                await self.error("internal_error", "server error", close=1011)
            except Closed:
                pass

    async def forward(self, rows: list[dict]) -> None:
        for row in rows:
            await self.send(row)
            if final(row):
                await self.close(1000, "visit ready" if row["type"] == "visit.ready" else "visit failed")

    async def on_transient(self, msg: dict) -> None:
        data = msg.get("data") or {}
        processed = data.get("processed")
        if processed is not None:
            self.processed = max(self.processed, int(processed))
            self.inflight = None
        if msg.get("type") == "transcript.partial":
            await self.send({"type": "transcript.partial", **data})

    async def poll_processed(self) -> None:
        def read():
            with session_scope() as s:
                return s.execute(select(LiveState.processed_bytes).where(LiveState.visit_id == self.visit_id)).scalar()

        processed = await asyncio.to_thread(read)
        if processed is not None and processed > self.processed:
            self.processed = processed
            self.inflight = None

    async def maybe_submit(self) -> None:
        if not self.attached or self.stopped or self.offset <= self.processed:
            return
        now = time.monotonic()
        if self.inflight is not None and now - self.inflight[1] < self.retry_after:
            return
        if now - self.last_submit < self.step:
            return
        try:
            await asyncio.to_thread(submit, "asr.window", self.visit_id, self.offset, time.time())
        except Exception as exc:  # broker down: audio is safe in the store; try again next step
            log.warning("cannot submit window: %s", type(exc).__name__)
            ERRORS.labels("submit").inc()
            self.last_submit = now
            return
        self.inflight = (self.offset, now)
        self.last_submit = now

    async def send_status(self) -> None:
        try:
            depth = (await asyncio.to_thread(queue_depths)).get("asr")
        except Exception:
            depth = None
        lag = round((self.offset - self.processed) / self.bps, 2) if self.bps else None
        await self.send(
            {
                "type": "status",
                "state": self.state,
                "offset": self.offset,
                "processed": self.processed,
                "lag": lag,
                "queue_position": depth,
            }
        )
