"""Per-request context: request id (x-request-id in and out), visit id (from the path) for every log line
of the request, a duration histogram and one log line per request. Either id is logged only in its own
shape: a caller cannot put free text (a name) into the logs through them.

Then the limits enforced before any work (docs/security-limits.md): requests per client address and open
websockets per address (AddressLimits), request body size (BodyLimit: declared size first, then counted as
it streams in), credentials before the body of a route that needs them (AuthenticateFirst). Every response
says nosniff, no-referrer and, outside the web app's static files, no-store (the API's answers carry patient
data); in production HSTS too.

Plain ASGI rather than @app.middleware("http"): that wrapper costs about a millisecond per request, a
sizeable part of a REST read on two cores (docs/scaling.md, "The REST read path").
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections import Counter

from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from starlette.routing import Match

from scribe.api.deps import principal_of
from scribe.api.ratelimit import rate_limits
from scribe.config import get_settings
from scribe.core.observability import HTTP_SECONDS, request_id_var, visit_id_var
from scribe.core.security import AuthError, authenticate, authenticate_without_io

log = logging.getLogger("scribe.api")
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,40}")
_VISIT_IN_PATH = re.compile(r"/visits/(vis_[0-9a-f]{20})(?:/|$)")
_STATIC = "/app/"  # the web app's own files (scribe.web): no patient data, the browser may cache them
_HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class RequestContext:
    def __init__(self, app):
        self.app = app
        # production is served over TLS (docs/security.md): browsers must never try plain http again
        self.security_headers = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
        self.security_headers += [_HSTS] if get_settings().production else []
        self.api_headers = [*self.security_headers, (b"cache-control", b"no-store")]  # answers with patient data

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        rid = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        rid = rid if _REQUEST_ID.fullmatch(rid) else uuid.uuid4().hex[:16]
        request_id_var.set(rid)
        visit = _VISIT_IN_PATH.search(scope["path"])
        visit_id_var.set(visit.group(1) if visit else "")
        t0, status = time.perf_counter(), [500]
        defaults = self.security_headers if scope["path"].startswith(_STATIC) else self.api_headers

        async def send_with_id(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                headers = [*message.get("headers", []), (b"x-request-id", rid.encode())]
                present = {name.lower() for name, _ in headers}
                headers += [header for header in defaults if header[0] not in present]  # a route's own wins
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - t0
            path = getattr(scope.get("route"), "path", "unmatched")
            HTTP_SECONDS.labels(scope["method"], path, str(status[0])).observe(elapsed)
            if path not in ("/metrics", "/healthz"):
                log.info(
                    "request",
                    extra={
                        "method": scope["method"],
                        "path": path,
                        "status": status[0],
                        "duration_ms": round(elapsed * 1000, 2),
                    },
                )


# --------------------------------------------------------------------------- limits before any work

_PROBES = ("/healthz", "/readyz")  # the orchestrator's probes are never rate limited
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_UPLOAD = re.compile(r"/v1/clinicians/[^/]+/voice")  # audio bodies: SCRIBE_MAX_UPLOAD_BYTES


async def refuse(send, status: int, code: str, message: str, headers: list | None = None) -> None:
    """Answer with the REST error body and close the connection (the rest of the request is not read)."""
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    head += [(b"connection", b"close"), *(headers or [])]
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": body})


async def refuse_websocket(send, message: str) -> None:
    """Refuse a websocket with close code 4429 and the reason. Accepted first: a close before the accept
    reaches the client as a bare 403, and uvicorn logs an HTTP denial response as a failed handshake."""
    await send({"type": "websocket.accept"})
    await send({"type": "websocket.close", "code": 4429, "reason": message[:120]})


class AddressLimits:
    """Requests and websocket handshakes per client address (SCRIBE_RATE_LIMIT_PER_ADDRESS, 429 with
    Retry-After), and websockets open at once per address (SCRIBE_WS_PER_ADDRESS): a single address cannot
    hold the process's file descriptors with idle sockets."""

    def __init__(self, app):
        self.app = app
        self.ws_per_address = get_settings().ws_per_address
        self.open_websockets: Counter[str] = Counter()

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or scope["path"] in _PROBES:
            return await self.app(scope, receive, send)
        address = scope["client"][0] if scope.get("client") else "unknown"
        refusal = await rate_limits().address(address)
        if refusal is not None:
            headers = [(b"retry-after", str(refusal.retry_after).encode())]
            if scope["type"] == "http":
                return await refuse(send, 429, "rate_limited", refusal.message, headers)
            return await refuse_websocket(send, refusal.message)
        if scope["type"] == "http":
            return await self.app(scope, receive, send)
        if self.open_websockets[address] >= self.ws_per_address:
            message = f"at most {self.ws_per_address} open websockets per client address"
            return await refuse_websocket(send, message)
        self.open_websockets[address] += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.open_websockets[address] -= 1
            if self.open_websockets[address] <= 0:
                del self.open_websockets[address]


class BodyLimit:
    """413 before a body over the limit is read: at once on its Content-Length, else as soon as the bytes
    streamed in pass the limit (chunked bodies). The connection is then closed rather than drained."""

    def __init__(self, app):
        self.app = app
        cfg = get_settings()
        self.max_body, self.max_upload = cfg.max_body_bytes, cfg.max_upload_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.max_upload if _UPLOAD.fullmatch(scope["path"]) else self.max_body
        message = f"request bodies are limited to {limit} bytes here"
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            return await refuse(send, 413, "too_large", message)
        received, cut, answered, started = 0, False, False, False

        async def limited_receive():
            nonlocal received, cut, answered
            msg = await receive()
            if msg["type"] == "http.request":
                received += len(msg.get("body", b""))
                if received > limit and not cut:
                    cut, answered = True, not started
                    if answered:
                        await refuse(send, 413, "too_large", message)
                    return {"type": "http.disconnect"}  # the application stops reading here
            return msg

        async def guarded_send(msg):
            nonlocal started
            if answered:  # the application's own answer to a cut body is dropped
                return
            started = started or msg["type"] == "http.response.start"
            await send(msg)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not cut:
                raise  # the body was cut: whatever the application raised about it is no error of ours


class AuthenticateFirst:
    """A request with a body to a route that needs a principal (scribe.api.deps.principal_of): its bearer
    credentials are checked before the body is read (FastAPI parses the body before it runs dependencies:
    a 200 MB JSON body used to be parsed, 8.7 s, then refused). Without Authorization, a browser session
    cookie goes on to the route (its body within SCRIBE_MAX_BODY_BYTES); without either, 401 at once."""

    def __init__(self, app, router):
        self.app, self.router = app, router
        self._protected: list[APIRoute] | None = None

    def protected(self, scope) -> bool:
        if self._protected is None:  # the routes are all included by the first request
            self._protected = [route for route, original in _routes(self.router) if _needs_principal(original)]
        return any(route.matches(scope)[0] == Match.FULL for route in self._protected)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS or not self.protected(scope):
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        credential = headers.get(b"authorization")
        if credential is None and b"cookie" not in headers:
            message = "missing credentials: send Authorization: Bearer <api key or token>"
            return await refuse(send, 401, "unauthorized", message)
        if credential is not None:
            credential = credential.decode("latin-1")
            try:
                if authenticate_without_io(credential) is None:
                    await run_in_threadpool(authenticate, credential)
            except AuthError as exc:
                return await refuse(send, 401, "unauthorized", str(exc))
        await self.app(scope, receive, send)


def _routes(router):
    """(route to match a request against, its APIRoute) for every API route, through included routers."""
    for route in router.routes:
        if isinstance(route, APIRoute):
            yield route, route
        for context in getattr(route, "effective_route_contexts", list)():  # FastAPI's included routers
            if isinstance(context.original_route, APIRoute):
                yield context.starlette_route or context.original_route, context.original_route


def _needs_principal(route: APIRoute) -> bool:
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        if dependant.call is principal_of:
            return True
        pending += dependant.dependencies
    return False
