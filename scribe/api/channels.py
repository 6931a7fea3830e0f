"""Credentials on channels that stay open (the audio websocket, server-sent events).

A request's credentials are checked once, when it arrives; a websocket or an event stream lives for the
whole visit, longer than a clinician token (15 min) and past a key's revocation. CredentialWatch says when
its principal stopped being valid: at once when a token's exp passes (no I/O), and after revocation of its
API key, of the key that minted its token, or of the token itself, read from the database at most every
SCRIBE_CREDENTIAL_RECHECK_SECONDS (so every process sees another's revocation within that time).
"""

from __future__ import annotations

import asyncio
import time

from scribe.config import get_settings
from scribe.core.security import Principal, still_valid

CLOSE_CODE = 4401  # websocket close code, and the `status` of the SSE error event


class CredentialWatch:
    def __init__(self, principal: Principal):
        self.principal = principal
        self.every = get_settings().credential_recheck_seconds
        self.checked = time.monotonic()

    def until_next(self) -> float:
        """Seconds until the next check is due (the token's exp, or the next database read)."""
        due = self.checked + self.every - time.monotonic()
        if self.principal.expires_at is not None:
            due = min(due, self.principal.expires_at - time.time())
        return max(0.0, due)

    async def reason(self, fresh: bool = False) -> str | None:
        """Why the credentials no longer hold, or None; `fresh`: read the database now (before an action
        that cannot be undone, such as stopping the visit)."""
        expires = self.principal.expires_at
        if expires is not None and expires <= time.time():
            return "token expired"
        if not fresh and time.monotonic() - self.checked < self.every:
            return None
        self.checked = time.monotonic()
        return await asyncio.to_thread(still_valid, self.principal)

    def message(self, reason: str) -> str:
        return f"credentials no longer valid: {reason}"
