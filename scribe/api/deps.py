"""The API's dependencies: who is calling (principal_of), and routes that need an API key (key_only)."""

from __future__ import annotations

from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool

from scribe.core.security import AuthError, Principal, authenticate, authenticate_without_io
from scribe.errors import ApiError


async def principal_of(request: Request, authorization: str | None = Header(None)) -> Principal:
    """Async, so that a token or a known key costs no trip through the thread pool."""
    try:
        principal = authenticate_without_io(authorization)
        if principal is None:
            principal = await run_in_threadpool(authenticate, authorization)
    except AuthError as exc:
        raise ApiError(401, "unauthorized", str(exc)) from None
    request.state.principal = principal
    return principal


async def key_only(principal: Principal = Depends(principal_of)) -> Principal:
    if not principal.is_key:
        raise ApiError(403, "forbidden", "this needs an API key, not a clinician token")
    return principal
