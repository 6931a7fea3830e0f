"""The clinician web app: static ES modules under scribe/web/static/, served by the API itself at /app/.

No build step: plain modern JavaScript modules (js/), one stylesheet (css/). `mount(app)` adds the
`/app/` static route and redirects `/` there. Responses carry a strict Content-Security-Policy (the
app talks only to its own origin: REST, the audio websocket, blob: audio for evidence playback) and
no referrer (a `?token=` dev sign-in must not leak through Referer).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent / "static"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


class WebApp(StaticFiles):
    """StaticFiles with security headers; files are revalidated (ETag) so an upgrade shows at once."""

    async def get_response(self, path: str, scope):
        response = await super().get_response(path, scope)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "no-cache"
        response.headers["Permissions-Policy"] = "microphone=(self), camera=(), geolocation=()"
        return response


def mount(app: FastAPI) -> None:
    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def root():
        return RedirectResponse("/app/")

    app.mount("/app", WebApp(directory=STATIC, html=True), name="app")
