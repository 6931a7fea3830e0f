"""Browser sessions over cookies, and their CSRF protection.

The session cookie (scribe_session) is httpOnly, SameSite=Strict and Secure whenever the app is served over
https: page scripts cannot read it and other sites' pages cannot make the browser send it. A state-changing
request made with it must also carry X-CSRF-Token equal to the session's CSRF token, which the app reads from
the scribe_csrf cookie (readable by the app's own scripts only, same SameSite) — a double-submit token that is
also bound to the server-side session, so a cookie planted from a sibling subdomain cannot forge it — and,
when the browser sends an Origin header, that origin must be this service's. Why both: SameSite alone leaves
same-site subdomains and older browsers; the token is the defence that does not depend on the browser, the
Origin check refuses a forged request before any work. The API's bearer credentials (EHRs, devices) are not
sent by browsers on their own, so they need neither.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import Request, Response

from scribe.config import get_settings
from scribe.core.security import Principal
from scribe.errors import ApiError
from scribe.service import accounts

SESSION_COOKIE = "scribe_session"
CSRF_COOKIE = "scribe_csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def secure(request: Request) -> bool:
    cfg = get_settings()
    return request.url.scheme == "https" or cfg.production or cfg.public_url.startswith("https://")


def check_origin(request: Request) -> None:
    """A browser's Origin, when sent, must be this service (its Host, or SCRIBE_PUBLIC_URL behind a proxy)."""
    origin = request.headers.get("origin")
    if origin is None:
        return
    allowed = {request.headers.get("host", "")}
    if get_settings().public_url:
        allowed.add(urlsplit(get_settings().public_url).netloc)
    if urlsplit(origin).netloc not in allowed:
        raise ApiError(403, "csrf_failed", "cross-origin request refused")


def session_of(request: Request) -> Principal:
    """The principal of the request's session cookie; 401 when none is live, 403 when a state-changing
    request lacks the CSRF token."""
    found = accounts.session_principal(request.cookies.get(SESSION_COOKIE))
    if found is None:
        raise ApiError(401, "unauthorized", "session expired or signed out: sign in again")
    principal, csrf = found
    if request.method not in SAFE_METHODS:
        check_origin(request)
        if not accounts.same(request.headers.get(CSRF_HEADER, ""), csrf):
            raise ApiError(403, "csrf_failed", "missing or wrong X-CSRF-Token (the scribe_csrf cookie's value)")
    return principal


def set_session(response: Response, request: Request, session: accounts.BrowserSession) -> None:
    max_age = accounts.SESSION_HOURS * 3600
    common = {"max_age": max_age, "path": "/", "secure": secure(request), "samesite": "strict"}
    response.set_cookie(SESSION_COOKIE, session.cookie, httponly=True, **common)
    response.set_cookie(CSRF_COOKIE, session.csrf, httponly=False, **common)


def clear_session(response: Response, request: Request) -> None:
    for name in (SESSION_COOKIE, CSRF_COOKIE):
        response.delete_cookie(name, path="/", secure=secure(request), samesite="strict")
