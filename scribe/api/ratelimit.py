"""Rate limits per client address and per credential, with the `limits` library.

Embedded (no SCRIBE_REDIS_URL): counters in this process's memory. Redis topology: counters in Redis, so
that every API process behind the load balancer counts against the same budget. Fixed windows, because
they are the cheapest on the request path (one counter per limit and window, docs/security-limits.md);
the burst they allow across a window's edge is at most twice the limit, which is enough against floods.

A counter store that fails (Redis down) lets requests through and logs a warning: the limits protect the
service from a flood, and an outage of their store must not become an outage of the service.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse_many
from limits.aio.storage import MemoryStorage, RedisStorage
from limits.aio.strategies import FixedWindowRateLimiter
from limits.storage import MemoryStorage as SyncMemoryStorage
from limits.strategies import MovingWindowRateLimiter

from scribe.config import get_settings

log = logging.getLogger("scribe.api")


@dataclass(frozen=True)
class Refusal:
    """Over a limit: which one and when to come back."""

    limit: str
    retry_after: int

    @property
    def message(self) -> str:
        return f"rate limit {self.limit} exceeded: retry in {self.retry_after} s"


class RateLimits:
    def __init__(self, redis_url: str, per_address: str, per_key: str):
        self.per_address = parse_many(per_address) if per_address.strip() else []
        self.per_key = parse_many(per_key) if per_key.strip() else []
        self.redis_url = redis_url
        self._limiter: FixedWindowRateLimiter | None = None

    def limiter(self) -> FixedWindowRateLimiter:
        if self._limiter is None:  # made on the event loop (the memory store starts an expiry task there)
            if self.redis_url:
                storage = RedisStorage("async+" + self.redis_url, implementation="redispy", key_prefix="scribe-limits")
            else:
                storage = MemoryStorage()
            self._limiter = FixedWindowRateLimiter(storage)
        return self._limiter

    async def address(self, address: str) -> Refusal | None:
        return await self._hit(self.per_address, "address", address)

    async def key(self, actor: str) -> Refusal | None:
        return await self._hit(self.per_key, "key", actor)

    async def _hit(self, items: list[RateLimitItem], kind: str, who: str) -> Refusal | None:
        if not items:
            return None
        try:
            for item in items:
                if not await self.limiter().hit(item, kind, who):
                    stats = await self.limiter().get_window_stats(item, kind, who)
                    wait = max(1, math.ceil(stats.reset_time - time.time()))
                    return Refusal(str(item), min(wait, item.get_expiry()))
        except Exception as exc:  # the counter store is down: serve rather than refuse everyone
            log.warning("rate limit store unavailable: %s", type(exc).__name__)
        return None


_limits: RateLimits | None = None


def rate_limits() -> RateLimits:
    global _limits
    if _limits is None:
        cfg = get_settings()
        _limits = RateLimits(cfg.redis_url, cfg.rate_limit_per_address, cfg.rate_limit_per_key)
    return _limits


_local: MovingWindowRateLimiter | None = None


def connection_limiter(rate: str, connection_id: str):
    """allow() -> bool for one websocket connection's control messages (pause, resume, start, auth):
    counted in this process's memory, where the connection lives."""
    global _local
    if _local is None:
        _local = MovingWindowRateLimiter(SyncMemoryStorage())
    items, limiter = parse_many(rate), _local
    return lambda: all(limiter.hit(item, "ws-control", connection_id) for item in items)
