"""Per-request context: request id (x-request-id in and out), visit id (from the path) for every log line
of the request, a duration histogram and one log line per request. Either id is logged only in its own
shape: a caller cannot put free text (a name) into the logs through them.

Plain ASGI rather than @app.middleware("http"): that wrapper costs about a millisecond per request, a
sizeable part of a REST read on two cores (docs/scaling.md, "The REST read path").
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from scribe.core.observability import HTTP_SECONDS, request_id_var, visit_id_var

log = logging.getLogger("scribe.api")
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,40}")
_VISIT_IN_PATH = re.compile(r"/visits/(vis_[0-9a-f]{20})(?:/|$)")


class RequestContext:
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
                log.info(
                    "request",
                    extra={
                        "method": scope["method"],
                        "path": path,
                        "status": status[0],
                        "duration_ms": round(elapsed * 1000, 2),
                    },
                )
