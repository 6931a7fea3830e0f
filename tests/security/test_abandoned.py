"""Issue 17 item 5: a visit whose device vanished mid-stream (no stop, connection gone) is stopped after
SCRIBE_ABANDONED_AFTER_SECONDS and finalized with every acknowledged byte; retention then applies to it
(audio purged at once for a tenant keeping audio 0 days, kept for a tenant keeping it until signature).
A visit whose device is still connected (paused) is left alone."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import pytest

from tests.test_delivery_support import auth, create_visit, start_scribe, stop_scribe, wait_ready
from tests.test_service_support import pcm_of

IDLE = 2.0
BYTES_PER_SECOND = 32000


@pytest.fixture(scope="module")
def scribe(tmp_path_factory):
    s = start_scribe(
        tmp_path_factory.mktemp("abandoned"),
        {"purge": {"audio_retention_days": 0}, "keep": {}},
        SCRIBE_ABANDONED_AFTER_SECONDS=str(IDLE),
        SCRIBE_TASK_RETRY_SECONDS="1",  # the stuck-visit sweep (and abandonment) every 2.5 s
    )
    yield s
    stop_scribe(s)


async def _stream(scribe, visit_id: str, key: str, pcm: bytes, then: str):
    """Stream `pcm` and wait for its acks; then 'vanish' (abort the TCP connection, no close, no stop)
    or 'pause' (stay connected, paused). Returns (acked bytes, the open websocket or None)."""
    from websockets.asyncio.client import connect

    from scribe.api.protocol import encode_frame

    ws = await connect(f"{scribe.service.ws}/v1/visits/{visit_id}/audio", additional_headers=auth(key))
    await ws.send(json.dumps({"type": "start", "format": "pcm_s16le", "sample_rate": 16000, "channels": 1}))
    acked = 0
    for seq, offset in enumerate(range(0, len(pcm), 3200)):
        await ws.send(encode_frame(seq, offset, pcm[offset : offset + 3200]))
    while acked < len(pcm):
        msg = json.loads(await asyncio.wait_for(ws.recv(), 30))
        if msg["type"] == "ack":
            acked = msg["offset"]
    if then == "vanish":
        ws.transport.abort()
        return acked, None
    await ws.send(json.dumps({"type": "pause"}))
    return acked, ws


def test_a_vanished_device_s_visit_is_finalized_and_retention_applies(scribe, consult):
    pcm = pcm_of(consult.wav)[: BYTES_PER_SECOND * 4]
    visits = {name: create_visit(scribe.service, scribe.keys[name])["id"] for name in ("purge", "keep")}
    connected = create_visit(scribe.service, scribe.keys["keep"])["id"]

    async def run():
        acked = {}
        for name, visit_id in visits.items():
            acked[name], _ = await _stream(scribe, visit_id, scribe.keys[name], pcm, "vanish")
        _, ws = await _stream(scribe, connected, scribe.keys["keep"], pcm, "pause")
        t0 = time.monotonic()
        ready = {
            name: await asyncio.to_thread(wait_ready, scribe.service, scribe.keys[name], visit_id, 90)
            for name, visit_id in visits.items()
        }
        waited = time.monotonic() - t0
        still = httpx.get(f"{scribe.http}/v1/visits/{connected}", headers=auth(scribe.keys["keep"])).json()
        await ws.close()
        return acked, ready, waited, still

    acked, ready, waited, still = asyncio.run(run())
    assert waited >= IDLE - 0.5, "finalized before the idle time"
    for name, visit_id in visits.items():
        assert ready[name]["status"] == "ready", ready[name]
        transcript = httpx.get(f"{scribe.http}/v1/visits/{visit_id}/transcript", headers=auth(scribe.keys[name]))
        assert round(transcript.json()["duration"] * BYTES_PER_SECOND) == acked[name] == len(pcm)
        assert transcript.json()["segments"], "the acknowledged speech was not transcribed"
    (actor,) = scribe.rows("SELECT actor FROM audit_log WHERE action = 'stop' AND resource_id = :v", v=visits["purge"])[
        0
    ]
    assert actor == "system:abandoned"
    assert still["status"] == "paused", "a visit whose device is still connected was abandoned"

    def purged():
        (deleted,) = scribe.rows("SELECT audio_deleted_at FROM visits WHERE id = :v", v=visits["purge"])[0]
        return deleted is not None and not [p for p in scribe.objects(visits["purge"]) if "/audio/" in str(p)]

    deadline = time.monotonic() + 20
    while not purged() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert purged(), "retention (0 days) left the abandoned visit's audio"
    assert [p for p in scribe.objects(visits["keep"]) if "/audio/" in str(p)], "unsigned note: audio is kept"
