"""FastAPI application: REST (OpenAPI at /docs), the audio websocket, SSE events, health and metrics.

create_app() only wires: the lifespan (migrations, model preload, the sweepers), the request-context
middleware, the error handlers and one router per resource (scribe/api/routes/). `scribe serve` runs
it with uvicorn. Embedded default (no SCRIBE_REDIS_URL): SQLite under SCRIBE_DATA_DIR, tasks on the
in-process pool, events in-process, the ASR model preloaded in the background (/readyz says when).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from scribe import web
from scribe.api.middleware import AddressLimits, AuthenticateFirst, BodyLimit, RequestContext
from scribe.api.routes import accounts, audio, auth, clinicians, delivery, documents, fhir, ops, sessions, visits
from scribe.api.routes import speakers as speaker_routes
from scribe.config import get_settings
from scribe.core import events
from scribe.core.audit import audit_denied
from scribe.core.db import migrate
from scribe.core.security import AccessDenied
from scribe.delivery import fhir as fhir_mapping
from scribe.delivery import sweeper as delivery_sweeper
from scribe.errors import ApiError, ScribeError
from scribe.queue import dispatch
from scribe.service import documents as documents_service
from scribe.service import live
from scribe.service import visits as visit_service

log = logging.getLogger("scribe.api")
ROUTERS = (
    ops.router,
    auth.router,
    sessions.router,
    accounts.router,
    visits.router,
    documents.router,
    clinicians.router,
    audio.router,
    delivery.router,
    fhir.router,
    speaker_routes.router,
)


def create_app(preload_models: bool | None = None) -> FastAPI:
    app = FastAPI(
        title="Ambient scribe",
        version="1",
        lifespan=_lifespan(preload_models),
        description="Visits, live audio, transcripts and documents. Websocket protocol: docs/protocol.md",
    )
    # Outermost last: request id and log line, then per-address limits, body size, credentials before body.
    app.add_middleware(AuthenticateFirst, router=app.router)
    app.add_middleware(BodyLimit)
    app.add_middleware(AddressLimits)
    app.add_middleware(RequestContext)
    _add_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    web.mount(app)  # the clinician web app at /app/ (scribe/web/static), / redirects there
    return app


def _lifespan(preload_models: bool | None):
    cfg = get_settings()
    embedded = not cfg.redis_url

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Sync routes run in this many threads (anyio's default is 40): a few keep two cores busy, while
        # forty runnable threads convoy on the GIL and stretch the tail of REST reads (docs/scaling.md).
        anyio.to_thread.current_default_thread_limiter().total_tokens = cfg.http_threads
        await asyncio.to_thread(migrate)
        events.get_bus()
        app.state.models_ready = threading.Event()
        app.state.warming = {"documents"}  # reported by /readyz; does not hold readiness back
        if preload_models if preload_models is not None else embedded:
            threading.Thread(target=_preload, args=(app,), name="preload", daemon=True).start()
        else:
            app.state.models_ready.set()
            app.state.warming.clear()
        log.info("service started", extra={"state": "embedded" if embedded else "redis"})
        sweeps = [
            asyncio.create_task(_sweep_stuck_visits(embedded, max(3 * cfg.task_retry_seconds, 5.0))),
            asyncio.create_task(delivery_sweeper.run_forever()),
        ]  # webhooks outbox, retention
        yield
        for task in sweeps:
            task.cancel()
        dispatch.reset()

    return lifespan


def _preload(app: FastAPI) -> None:
    try:
        # scipy loads its submodules lazily, and not safely from two threads: the documents warm-up (nltk →
        # scipy.stats) and a first visit's finalize (diarization → scipy.signal) failed with KeyError and
        # AttributeError when they imported them at once. Import them here, once, before either runs.
        import scipy.signal  # noqa: F401
        import scipy.stats  # noqa: F401

        live.batcher()
        app.state.models_ready.set()
        documents_service.warm()  # after readiness: a visit takes minutes, its note comes after it
        app.state.warming.discard("documents")
    except Exception:
        log.exception("model preload failed")


async def _sweep_stuck_visits(embedded: bool, stuck_after: float) -> None:
    first = True
    while True:
        try:
            # At start-up (embedded: the in-process queue died with the last process) at once.
            await asyncio.to_thread(visit_service.sweep, 0.0 if first and embedded else stuck_after)
        except Exception:
            log.exception("sweeper failed")
        first = False
        await asyncio.sleep(min(10.0, stuck_after / 2))


def _add_error_handlers(app: FastAPI) -> None:
    """One error shape for the REST API, {"error": {code, message, ...}}; a FHIR OperationOutcome on the
    FHIR endpoints; FastAPI's own {"detail": ...} for an unknown path or method outside them."""

    def fhir_path(request: Request) -> bool:
        return request.url.path.startswith("/fhir/")

    def error_response(request: Request, status: int, code: str, message: str, **extra) -> JSONResponse:
        if fhir_path(request):
            return JSONResponse(
                fhir_mapping.operation_outcome(status, code, message),
                status_code=status,
                media_type="application/fhir+json",
            )
        return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        if isinstance(exc, AccessDenied):
            await asyncio.to_thread(audit_denied, exc.principal, "visit", exc.visit_id)
        response = error_response(request, exc.status, exc.code, exc.message, **exc.extra)
        if "retry_after" in exc.extra:  # 429 (rate limits), 503 (capacity)
            response.headers["Retry-After"] = str(exc.extra["retry_after"])
        return response

    @app.exception_handler(ScribeError)
    async def scribe_error(request: Request, exc: ScribeError):
        return error_response(request, 400, exc.code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        fields = sorted({".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]) for e in exc.errors()})
        return error_response(request, 422, "invalid_request", f"invalid fields: {', '.join(fields)}", fields=fields)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):  # an unknown path or method
        if exc.status_code == 400 and not fhir_path(request):  # FastAPI could not parse the body (not UTF-8 JSON)
            return error_response(request, 400, "invalid_body", str(exc.detail))
        if not fhir_path(request):
            return await http_exception_handler(request, exc)
        code = "not_found" if exc.status_code == 404 else "http_error"
        return error_response(request, exc.status_code, code, str(exc.detail))
