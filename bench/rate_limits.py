"""Cost of one rate-limit check on the request path, per `limits` strategy, in this process's memory:
the figures behind the choice of fixed windows in scribe.api.ratelimit (docs/security-limits.md).

    .venv/bin/python bench/rate_limits.py [--hits 20000]

Prints µs per hit for each strategy and its ratio to the fixed window (the anchor, same run), then the
whole per-request cost as the API pays it with the default limits (per address, per credential).
"""

from __future__ import annotations

import argparse
import asyncio
import time

from limits import parse
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import FixedWindowRateLimiter, MovingWindowRateLimiter, SlidingWindowCounterRateLimiter

from scribe.api.ratelimit import RateLimits
from scribe.config import Settings


async def per_hit(strategy, hits: int) -> float:
    limiter, item = strategy(MemoryStorage()), parse("1000000/minute")
    t0 = time.perf_counter()
    for i in range(hits):
        await limiter.hit(item, "address", f"10.0.0.{i % 50}")
    return (time.perf_counter() - t0) / hits * 1e6


async def per_request(hits: int) -> float:
    cfg = Settings()  # the default limits, as the API applies them (50 addresses and keys: none is reached)
    limits = RateLimits("", cfg.rate_limit_per_address, cfg.rate_limit_per_key)
    t0 = time.perf_counter()
    for i in range(hits):
        await limits.address(f"10.0.0.{i % 50}")
        await limits.key(f"tn_1/key:{i % 50}")
    return (time.perf_counter() - t0) / hits * 1e6


async def main(hits: int) -> None:
    rows = [
        (s.__name__, await per_hit(s, hits))
        for s in (FixedWindowRateLimiter, SlidingWindowCounterRateLimiter, MovingWindowRateLimiter)
    ]
    anchor = rows[0][1]
    print(f"{'strategy':36} {'µs/hit':>8} {'× fixed':>8}")
    for name, us in rows:
        print(f"{name:36} {us:8.1f} {us / anchor:8.2f}")
    print(f"{'per request (default limits)':36} {await per_request(hits // 10):8.1f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--hits", type=int, default=20000)
    asyncio.run(main(parser.parse_args().hits))
