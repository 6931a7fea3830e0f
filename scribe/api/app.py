"""FastAPI application: REST (OpenAPI at /docs), the audio websocket, SSE events, health and metrics.

create_app() builds it; `scribe serve` runs it with uvicorn. Embedded default (no SCRIBE_REDIS_URL):
SQLite under SCRIBE_DATA_DIR, tasks on the in-process pool, events in-process, the ASR model preloaded
in the background (/readyz says when).
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json
import logging
import re
import threading
import time
import uuid
from contextlib import asynccontextmanager
from typing import Literal

from fastapi import Depends, FastAPI, Header, Query, Request, Response, WebSocket
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import and_, or_, select

from scribe.core.audio import StoredAudio
from scribe.core.audit import audit_read
from scribe.queue import dispatch
from scribe.service import documents as documents_service
from scribe.service import live
from scribe.service import visits as ops
from scribe.config import get_settings
from scribe.core import events
from scribe.core.db import Document, Visit, migrate, session_scope
from scribe.core.observability import HTTP_SECONDS, request_id_var, visit_id_var
from scribe.core.security import AuthError, Principal, authenticate, authenticate_without_io, issue_token
from scribe.errors import ScribeError

log = logging.getLogger("scribe.api")
DOC_KINDS = {"facts": "facts", "patient-summary": "patient_summary", "assistant-context": "assistant_context",
             "faithfulness": "faithfulness"}
_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"


# --------------------------------------------------------------------------- bodies and views


class Consent(BaseModel):
    model_config = ConfigDict(extra="forbid")
    recorded_by: str = Field(min_length=1, max_length=200)
    at: dt.datetime


class VisitCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    clinician_id: str | None = Field(None, pattern=_ID)
    patient_ref: str = Field(min_length=1, max_length=200)
    language: Literal["auto", "fr", "en"] = "auto"
    # "auto": the French report (cr-fr) for a French visit, SOAP otherwise
    template: str = Field("auto", pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")
    consent: Consent | None = None


class VisitView(BaseModel):
    id: str
    clinician_id: str
    patient_ref: str
    language: str
    template: str
    status: str
    consent: dict
    created_at: dt.datetime
    started_at: dt.datetime | None
    stopped_at: dt.datetime | None
    ready_at: dt.datetime | None
    audio_bytes: int
    audio_seconds: float
    audio_format: dict | None
    streaming: bool
    error: str | None
    links: dict[str, str]

    @classmethod
    def of(cls, v: Visit) -> "VisitView":
        now = dt.datetime.now(dt.timezone.utc)
        return cls(id=v.id, clinician_id=v.clinician_id, patient_ref=v.patient_ref, language=v.language,
                   template=v.template, status=v.status, consent=v.consent, created_at=v.created_at,
                   started_at=v.started_at, stopped_at=v.stopped_at, ready_at=v.ready_at, audio_bytes=v.audio_bytes,
                   audio_seconds=round(v.audio_seconds, 3), audio_format=v.audio_format,
                   streaming=bool(v.stream_owner and v.stream_lease_until and v.stream_lease_until > now),
                   error=v.error, links={**ops.links(v.id), "audio": f"/v1/visits/{v.id}/audio"})


class VisitList(BaseModel):
    items: list[VisitView]
    next_cursor: str | None


class TokenRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    clinician_id: str = Field(pattern=_ID)
    ttl_seconds: int | None = Field(None, ge=1, le=3600)


class TokenView(BaseModel):
    token: str
    token_type: str = "Bearer"
    expires_at: dt.datetime
    clinician_id: str
    tenant_id: str


class KeyView(BaseModel):
    id: str
    key: str | None = Field(None, description="shown once, at creation")
    prefix: str
    created_at: dt.datetime


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=2000)


# --------------------------------------------------------------------------- auth dependency


async def principal_of(request: Request, authorization: str | None = Header(None)) -> Principal:
    """Async, so that a token or a known key costs no trip through the thread pool."""
    try:
        principal = authenticate_without_io(authorization)
        if principal is None:
            principal = await run_in_threadpool(authenticate, authorization)
    except AuthError as exc:
        raise ops.ApiError(401, "unauthorized", str(exc)) from None
    request.state.principal = principal
    return principal


async def key_only(principal: Principal = Depends(principal_of)) -> Principal:
    if not principal.is_key:
        raise ops.ApiError(403, "forbidden", "this needs an API key, not a clinician token")
    return principal


# --------------------------------------------------------------------------- application


def create_app(preload_models: bool | None = None) -> FastAPI:
    cfg = get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        import anyio

        # Sync routes run in this many threads (anyio's default is 40). Eight keep two cores busy; forty
        # runnable threads convoy on the GIL and tripled the p99 of REST reads under load.
        anyio.to_thread.current_default_thread_limiter().total_tokens = cfg.http_threads
        await asyncio.to_thread(migrate)
        events.get_bus()
        app.state.models_ready = threading.Event()
        app.state.warming = {"documents"}  # reported by /readyz; does not hold readiness back
        embedded = not cfg.redis_url
        if preload_models if preload_models is not None else embedded:
            def preload():
                try:
                    live.batcher()
                    app.state.models_ready.set()
                    documents_service.warm()  # after readiness: a visit takes minutes, its note comes after it
                    app.state.warming.discard("documents")
                except Exception:
                    log.exception("model preload failed")

            threading.Thread(target=preload, name="preload", daemon=True).start()
        else:
            app.state.models_ready.set()
            app.state.warming.clear()
        log.info("service started", extra={"state": "embedded" if embedded else "redis"})
        stuck_after = max(3 * cfg.task_retry_seconds, 5.0)

        async def sweeper():
            first = True
            while True:
                try:
                    # At start-up (embedded: the in-process queue died with the last process) at once.
                    await asyncio.to_thread(ops.sweep, 0.0 if first and embedded else stuck_after)
                except Exception:
                    log.exception("sweeper failed")
                first = False
                await asyncio.sleep(min(10.0, stuck_after / 2))

        sweeper_task = asyncio.create_task(sweeper())
        from scribe.delivery.sweeper import run_forever as delivery_sweeps

        delivery_task = asyncio.create_task(delivery_sweeps())  # webhooks outbox, retention (issue 5)
        yield
        sweeper_task.cancel()
        delivery_task.cancel()
        dispatch.reset()

    app = FastAPI(title="Ambient scribe", version="1", lifespan=lifespan,
                  description="Visits, live audio, transcripts and documents. Websocket protocol: docs/protocol.md")

    app.add_middleware(RequestContext)

    def fhir(request: Request) -> bool:
        return request.url.path.startswith("/fhir/")

    def error_response(request: Request, status: int, code: str, message: str, **extra) -> JSONResponse:
        """The one error shape of the REST API; on the FHIR endpoints a FHIR OperationOutcome instead."""
        if fhir(request):
            from scribe.delivery.fhir import operation_outcome

            return JSONResponse(operation_outcome(status, code, message), status_code=status,
                                media_type="application/fhir+json")
        return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)

    @app.exception_handler(ops.ApiError)
    async def api_error(request: Request, exc: ops.ApiError):
        return error_response(request, exc.status, exc.code, exc.message, **exc.extra)

    @app.exception_handler(ScribeError)
    async def scribe_error(request: Request, exc: ScribeError):
        return error_response(request, 400, exc.code, str(exc))

    from fastapi.exception_handlers import http_exception_handler
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        fields = sorted({".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]) for e in exc.errors()})
        return error_response(request, 422, "invalid_request", f"invalid fields: {', '.join(fields)}", fields=fields)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):  # an unknown path or method
        if not fhir(request):  # FastAPI's own {"detail": ...}, as before
            return await http_exception_handler(request, exc)
        code = "not_found" if exc.status_code == 404 else "http_error"
        return error_response(request, exc.status_code, code, str(exc.detail))

    # ------------------------------------------------------------------ operations

    @app.get("/healthz", tags=["ops"])
    def healthz():
        return {"status": "ok"}

    @app.get("/readyz", tags=["ops"])
    def readyz(request: Request):
        from scribe.core.db import check
        from scribe.core.objects import get_store

        checks = {}
        for name, fn in (("database", check), ("objects", lambda: get_store().check()),
                         ("redis", (lambda: events.get_bus().check()) if cfg.redis_url else None)):
            if fn is None:
                continue
            try:
                fn()
                checks[name] = "ok"
            except Exception as exc:
                checks[name] = f"error: {type(exc).__name__}"
        checks["models"] = "ok" if request.app.state.models_ready.is_set() else "loading"
        ok = all(v == "ok" for v in checks.values())
        return JSONResponse({"status": "ready" if ok else "not_ready", "checks": checks,
                             "warming": sorted(request.app.state.warming),
                             "mode": "redis" if cfg.redis_url else "embedded"}, status_code=200 if ok else 503)

    @app.get("/metrics", tags=["ops"])
    def metrics():
        from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

        try:
            dispatch.queue_depths()
        except Exception:
            pass
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    # ------------------------------------------------------------------ auth

    @app.post("/v1/tokens", response_model=TokenView, status_code=201, tags=["auth"])
    def create_token(body: TokenRequest, principal: Principal = Depends(key_only)):
        """Mint a short-lived clinician token (JWT) with a tenant API key."""
        token, expires = issue_token(principal.tenant_id, body.clinician_id, body.ttl_seconds)
        with session_scope() as s:
            ops.audit(s, principal, "create", "token", body.clinician_id)
        return TokenView(token=token, expires_at=expires, clinician_id=body.clinician_id, tenant_id=principal.tenant_id)

    @app.post("/v1/keys", response_model=KeyView, status_code=201, tags=["auth"])
    def rotate_key(principal: Principal = Depends(key_only)):
        """Create another API key for this tenant (rotation: create, switch, then DELETE the old one)."""
        from scribe.core.security import create_key

        row, clear = create_key(principal.tenant_id, "rotated")
        with session_scope() as s:
            ops.audit(s, principal, "create", "api_key", row.id)
        return KeyView(id=row.id, key=clear, prefix=row.prefix, created_at=row.created_at)

    @app.delete("/v1/keys/{key_id}", status_code=204, tags=["auth"])
    def revoke(key_id: str, principal: Principal = Depends(key_only)):
        from scribe.core.security import revoke_key

        if not revoke_key(principal.tenant_id, key_id):
            raise ops.ApiError(404, "not_found", "no such active key")
        with session_scope() as s:
            ops.audit(s, principal, "revoke", "api_key", key_id)
        return Response(status_code=204)

    # ------------------------------------------------------------------ visits

    @app.post("/v1/visits", response_model=VisitView, status_code=201, tags=["visits"])
    def create_visit(body: VisitCreate, principal: Principal = Depends(principal_of)):
        """Create a visit. Consent {recorded_by, at} is required: without it recording is refused."""
        return VisitView.of(ops.create(principal, body))

    @app.get("/v1/visits", response_model=VisitList, tags=["visits"])
    def list_visits(principal: Principal = Depends(principal_of),
                    status: str | None = Query(None, pattern=r"^(created|streaming|paused|finalizing|ready|failed)$"),
                    clinician_id: str | None = Query(None, max_length=128),
                    patient_ref: str | None = Query(None, max_length=200),
                    created_after: dt.datetime | None = None, created_before: dt.datetime | None = None,
                    limit: int = Query(50, ge=1, le=200), cursor: str | None = Query(None, max_length=200)):
        q = select(Visit).where(Visit.tenant_id == principal.tenant_id)
        if principal.clinician_id is not None:
            q = q.where(Visit.clinician_id == principal.clinician_id)
        if status:
            q = q.where(Visit.status == status)
        if clinician_id:
            q = q.where(Visit.clinician_id == clinician_id)
        if patient_ref:
            q = q.where(Visit.patient_ref == patient_ref)
        if created_after:
            q = q.where(Visit.created_at >= created_after)
        if created_before:
            q = q.where(Visit.created_at < created_before)
        if cursor:
            try:
                at_s, vid = base64.urlsafe_b64decode(cursor.encode()).decode().split("|", 1)
                at = dt.datetime.fromisoformat(at_s)
            except Exception:
                raise ops.ApiError(422, "invalid_request", "bad cursor") from None
            q = q.where(or_(Visit.created_at < at, and_(Visit.created_at == at, Visit.id < vid)))
        q = q.order_by(Visit.created_at.desc(), Visit.id.desc()).limit(limit + 1)
        with session_scope() as s:
            rows = s.execute(q).scalars().all()
            audit_read(principal, "visit", action="list")
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = None
        if more:
            last = rows[-1]
            nxt = base64.urlsafe_b64encode(f"{last.created_at.isoformat()}|{last.id}".encode()).decode()
        return VisitList(items=[VisitView.of(v) for v in rows], next_cursor=nxt)

    @app.get("/v1/visits/{visit_id}", response_model=VisitView, tags=["visits"])
    async def get_visit(visit_id: str, principal: Principal = Depends(principal_of)):
        # The most polled route: one read, one audit row committed before the answer, and the JSON written
        # once (returning the model would have FastAPI validate it again).
        view = VisitView.of(await ops.read_visit(principal, visit_id))
        return Response(view.model_dump_json(), media_type="application/json")

    @app.post("/v1/visits/{visit_id}/stop", response_model=VisitView, tags=["visits"])
    def stop_visit(visit_id: str, principal: Principal = Depends(principal_of)):
        """End the visit: finalization (diarization, roles, documents) runs; then visit.ready."""
        return VisitView.of(ops.stop(principal, visit_id))

    def _document(principal: Principal, visit_id: str, kind: str, resource: str, version: int | None = None):
        with session_scope() as s:
            visit = ops.scoped(s, principal, visit_id)
            q = select(Document).where(Document.visit_id == visit_id, Document.kind == kind)
            q = q.where(Document.version == version) if version else q.order_by(Document.version.desc())
            doc = s.execute(q.limit(1)).scalar_one_or_none()
            audit_read(principal, resource, visit_id)
            if doc is None:
                state = visit.status
                raise ops.ApiError(404 if state in ("ready", "failed") else 409, "not_ready",
                                   f"no {resource.replace('_', ' ')} yet (visit is {state})", state=state)
            return doc

    @app.get("/v1/visits/{visit_id}/transcript", tags=["documents"])
    def get_transcript(visit_id: str, principal: Principal = Depends(principal_of)):
        """The diarized, role-labelled transcript (scribe.schemas.Transcript) once finalized."""
        return _document(principal, visit_id, "transcript", "transcript").content

    @app.get("/v1/visits/{visit_id}/transcript/live", tags=["documents"])
    def get_live_transcript(visit_id: str, principal: Principal = Depends(principal_of)):
        """Final segments committed so far during the visit (before diarization)."""
        from scribe.core.db import Event

        with session_scope() as s:
            ops.scoped(s, principal, visit_id)
            rows = s.execute(select(Event.data).where(Event.visit_id == visit_id, Event.type == "transcript.final")
                             .order_by(Event.id)).scalars().all()
            audit_read(principal, "live_transcript", visit_id)
        return {"segments": [{k: v for k, v in r.items() if k != "words"} for r in rows]}

    from scribe.api.delivery import router as delivery_router

    app.include_router(delivery_router)  # note review and sign-off, webhooks, FHIR, patient links, erasure

    def document_route(path_kind: str, kind: str):
        def get_document(visit_id: str, principal: Principal = Depends(principal_of)):
            return _document(principal, visit_id, kind, kind).content

        get_document.__name__ = f"get_{kind}"
        app.get(f"/v1/visits/{{visit_id}}/{path_kind}", tags=["documents"],
                summary=f"The visit's {kind.replace('_', ' ')} (documentation engine output)")(get_document)

    for path_kind, kind in DOC_KINDS.items():
        document_route(path_kind, kind)

    @app.post("/v1/visits/{visit_id}/ask", tags=["documents"])
    def ask(visit_id: str, body: Question, principal: Principal = Depends(principal_of)):
        """Is this question already answered by the consultation? (documentation engine's answered())."""
        with session_scope() as s:
            ops.scoped(s, principal, visit_id)
            docs = {d.kind: d.content for d in s.execute(select(Document).where(Document.visit_id == visit_id)
                                                         .order_by(Document.version)).scalars()}
            ops.audit(s, principal, "ask", "visit", visit_id)
        if "transcript" not in docs:
            raise ops.ApiError(409, "not_ready", "the visit has no transcript yet")
        return documents_service.ask(docs, body.question)

    @app.put("/v1/clinicians/{clinician_id}/voice", status_code=201, tags=["clinicians"])
    async def enroll_voice(clinician_id: str, request: Request, principal: Principal = Depends(principal_of)):
        """Enroll a clinician's voice: the body is 10-60 s of them alone (any audio format)."""
        from scribe import voices

        if principal.clinician_id not in (None, clinician_id):
            raise ops.ApiError(404, "not_found", "no such clinician")
        voices.validate_id(clinician_id)
        body = await request.body()
        if len(body) > 20 << 20:
            raise ops.ApiError(413, "too_large", "enrollment audio is limited to 20 MB")

        def work():
            from scribe.engines.diarization import load_diarization_engine
            from scribe.speech.decode import decode

            audio = decode(body)
            if audio.duration < 3.0:
                raise ScribeError(f"enrollment needs at least 3 s of speech (got {audio.duration:.1f} s)")
            voices.save(voices.key(principal.tenant_id, clinician_id), load_diarization_engine().embed(audio.samples))
            with session_scope() as s:
                ops.audit(s, principal, "enroll", "voice", clinician_id)
            return audio.duration

        duration = await asyncio.to_thread(work)
        return {"clinician_id": clinician_id, "seconds": round(duration, 1)}

    @app.delete("/v1/clinicians/{clinician_id}/voice", status_code=204, tags=["clinicians"])
    def delete_voice(clinician_id: str, principal: Principal = Depends(principal_of)):
        from scribe import voices

        if principal.clinician_id not in (None, clinician_id):
            raise ops.ApiError(404, "not_found", "no such clinician")
        if not voices.delete(voices.key(principal.tenant_id, clinician_id)):
            raise ops.ApiError(404, "not_found", "no enrolled voice")
        with session_scope() as s:
            ops.audit(s, principal, "delete", "voice", clinician_id)
        return Response(status_code=204)

    # ------------------------------------------------------------------ events (SSE) and audio (WS)

    @app.get("/v1/visits/{visit_id}/events", tags=["visits"])
    async def visit_events(visit_id: str, request: Request, principal: Principal = Depends(principal_of),
                           last_event_id: int | None = Header(None), after: int | None = Query(None, ge=0)):
        """Server-sent events: the same events as the websocket (durable ones replayable with
        Last-Event-ID), ending after visit.ready or a fatal error."""
        def check():
            with session_scope() as s:
                ops.scoped(s, principal, visit_id)
                audit_read(principal, "events", visit_id)

        await asyncio.to_thread(check)
        start = last_event_id if last_event_id is not None else (after or 0)
        return StreamingResponse(_sse(request, visit_id, principal.tenant_id, start), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    @app.websocket("/v1/visits/{visit_id}/audio")
    async def audio(websocket: WebSocket, visit_id: str):
        from scribe.api.ws import AudioSession

        await AudioSession(websocket, visit_id).run()

    @app.get("/v1/visits/{visit_id}/audio", tags=["visits"], response_class=Response,
             responses={200: {"content": {"audio/wav": {}}}})
    def get_audio(visit_id: str, principal: Principal = Depends(principal_of),
                  start: float | None = Query(None, ge=0), end: float | None = Query(None, gt=0)):
        """The visit's audio as 16-bit WAV while it is retained; `start`/`end` (seconds) for one stretch
        (the web app plays a note sentence's evidence this way). 404 no_audio, 410 audio_gone."""
        with session_scope() as s:
            visit = ops.scoped(s, principal, visit_id)
            fmt, upto, seconds = visit.audio_format, visit.audio_bytes, visit.audio_seconds
            purged = getattr(visit, "audio_deleted_at", None) is not None  # retention (scribe.delivery)
            audit_read(principal, "audio", visit_id)
        if start is not None and end is not None and end <= start:
            raise ops.ApiError(422, "invalid_request", "end must be after start")
        if not fmt or upto <= 0:
            raise ops.ApiError(404, "no_audio", "this visit has no audio")
        if purged:
            raise ops.ApiError(410, "audio_gone", "the visit's audio is no longer retained")
        if start is not None and seconds and start >= seconds:
            raise ops.ApiError(416, "bad_range", f"the audio lasts {seconds:.1f} s")
        raw, rate, channels = _audio_bytes(visit_id, fmt, upto, start, end)
        return Response(_wav_header(rate, channels, len(raw)) + raw, media_type="audio/wav",
                        headers={"Cache-Control": "private, no-store"})

    from scribe.web import mount as mount_web_app

    mount_web_app(app)  # the clinician web app at /app/ (scribe/web/static), / redirects there
    return app


def _audio_bytes(visit_id: str, fmt: dict, upto: int, start: float | None, end: float | None):
    """(16-bit PCM bytes, rate, channels) of the visit's stored audio, [start, end) seconds if given."""
    try:
        raw, rate, channels = StoredAudio(visit_id, fmt, upto).pcm(start, end)
    except (OSError, ScribeError) as exc:  # chunks deleted by retention, or an unreadable object
        log.info("audio not available", extra={"code": type(exc).__name__})
        raise ops.ApiError(410, "audio_gone", "the visit's audio is no longer retained") from None
    if not raw:
        raise ops.ApiError(410, "audio_gone", "the visit's audio is no longer retained")
    return raw, rate, channels


def _wav_header(rate: int, channels: int, size: int) -> bytes:
    import struct

    return struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + size, b"WAVE", b"fmt ", 16, 1, channels, rate,
                       rate * channels * 2, channels * 2, 16, b"data", size)


_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,40}")
_VISIT_IN_PATH = re.compile(r"/visits/(vis_[0-9a-f]{20})(?:/|$)")


class RequestContext:
    """Request id (x-request-id in and out), visit id (from the path) for every log line of the request,
    duration histogram and one log line per request. Either id is logged only in its own shape: a
    caller cannot put free text (a name) into the logs through them.

    Plain ASGI rather than @app.middleware("http"): that wrapper costs about a millisecond per request,
    which is a sixth of the REST read budget on two cores.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        rid = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        rid = rid if _REQUEST_ID.fullmatch(rid) else uuid.uuid4().hex[:16]
        request_id_var.set(rid)
        visit = _VISIT_IN_PATH.search(scope["path"])
        visit_id_var.set(visit.group(1) if visit else "")
        t0, status = time.perf_counter(), [500]

        async def send_with_id(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                message = {**message, "headers": [*message.get("headers", []), (b"x-request-id", rid.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - t0
            path = getattr(scope.get("route"), "path", "unmatched")
            HTTP_SECONDS.labels(scope["method"], path, str(status[0])).observe(elapsed)
            if path not in ("/metrics", "/healthz"):
                log.info("request", extra={"method": scope["method"], "path": path, "status": status[0],
                                           "duration_ms": round(elapsed * 1000, 2)})


async def _sse(request: Request, visit_id: str, tenant_id: str, after: int):
    sub = events.get_bus().subscribe(visit_id)
    last = after
    last_poll = 0.0
    try:
        yield ": connected\n\n"
        while True:
            msg = await sub.get(timeout=1.0)
            now = time.monotonic()
            if msg is not None and not msg.get("durable") and msg.get("type") == "transcript.partial":
                yield f"event: transcript.partial\ndata: {json.dumps({'type': 'transcript.partial', **msg['data']})}\n\n"
            if msg is not None and msg.get("durable") or now - last_poll > 2.0:
                last_poll = now
                for row in await asyncio.to_thread(events.events_since, visit_id, last, tenant_id):
                    last = row["event_id"]
                    yield f"id: {last}\nevent: {row['type']}\ndata: {json.dumps(row)}\n\n"
                    if row["type"] == "visit.ready" or (row["type"] == "error" and row.get("fatal")):
                        return
            if msg is None:
                yield ": keep-alive\n\n"
            if await request.is_disconnected():
                return
    finally:
        sub.close()
