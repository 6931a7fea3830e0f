"""The periodic delivery work, run by `scribe serve` in both topologies (the API process submits; the
tasks run on the embedded pool or on Celery workers): outbox events and due deliveries every
SCRIBE_DELIVERY_POLL_SECONDS, retention every SCRIBE_RETENTION_SWEEP_SECONDS."""

from __future__ import annotations

import asyncio
import logging
import time

from scribe.config import get_settings
from scribe.delivery import outbox, retention

log = logging.getLogger("scribe.delivery")


async def run_forever() -> None:
    cfg = get_settings()
    last_retention = -1e9
    while True:
        try:
            await asyncio.to_thread(outbox.sweep)
            if time.monotonic() - last_retention >= cfg.retention_sweep_seconds:
                last_retention = time.monotonic()
                await asyncio.to_thread(retention.sweep)
        except Exception:
            log.exception("delivery sweep failed")
        await asyncio.sleep(cfg.delivery_poll_seconds)
