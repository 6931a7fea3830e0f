"""The API's dependencies: who is calling (principal_of, rate limited per credential), and routes that need
an API key (key_only)."""

from __future__ import annotations

from fastapi import Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool

from scribe.api import cookies
from scribe.api.ratelimit import rate_limits
from scribe.core.security import AuthError, Principal, authenticate, authenticate_without_io
from scribe.errors import ApiError


async def principal_of(request: Request, authorization: str | None = Header(None)) -> Principal:
    """Async, so that a token or a known key costs no trip through the thread pool. Without an
    Authorization header, the web app's session cookie (scribe.api.cookies: CSRF-checked)."""
    if authorization is None and cookies.SESSION_COOKIE in request.cookies:
        principal = await run_in_threadpool(cookies.session_of, request)
        request.state.principal = principal
        return await _within_rate(principal)
    try:
        principal = authenticate_without_io(authorization)
        if principal is None:
            principal = await run_in_threadpool(authenticate, authorization)
    except AuthError as exc:
        raise ApiError(401, "unauthorized", str(exc)) from None
    request.state.principal = principal
    return await _within_rate(principal)


async def _within_rate(principal: Principal) -> Principal:
    """SCRIBE_RATE_LIMIT_PER_KEY, counted per API key, clinician token holder or browser user."""
    refusal = await rate_limits().key(f"{principal.tenant_id}/{principal.actor}")
    if refusal is not None:
        raise ApiError(429, "rate_limited", refusal.message, retry_after=refusal.retry_after)
    return principal


async def key_only(principal: Principal = Depends(principal_of)) -> Principal:
    if not principal.is_key and principal.role != "admin":
        raise ApiError(403, "forbidden", "this needs an API key or an admin's session, not a clinician's")
    return principal


# Query bounds: numbers past these would overflow the database's integers or Python's float → int (a 500).
MAX_VERSION = 2**31 - 1  # a note or document version
MAX_AUDIO_SECONDS = 86_400.0  # a position in a visit's audio


def version_query():
    """`?version=`: a document version, 1 to 2^31 - 1 (422 past it, never a database overflow)."""
    return Query(None, ge=1, le=MAX_VERSION)
