"""Bad input on the websocket: every case gets a clear error event or a close code with a reason, and
the server keeps serving the other sessions."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from scribe.api.protocol import encode_frame
from tests.test_service_support import auth, create_visit

START = {"type": "start", "format": "pcm_s16le", "sample_rate": 16000, "channels": 1}
SILENCE = bytes(3200)


def url(service, visit_id):
    return f"{service.ws}/v1/visits/{visit_id}/audio"


async def recv(ws, timeout=15.0) -> dict:
    return json.loads(await asyncio.wait_for(ws.recv(), timeout))


async def expect(ws, kind: str, timeout: float = 15.0, **fields) -> dict:
    async def loop():
        while True:
            msg = json.loads(await ws.recv())
            if msg["type"] == kind and all(msg.get(k) == v for k, v in fields.items()):
                return msg

    return await asyncio.wait_for(loop(), timeout)


async def closed_with(ws, timeout: float = 15.0) -> tuple[int, str]:
    try:
        while True:
            await asyncio.wait_for(ws.recv(), timeout)
    except ConnectionClosed:
        return ws.close_code, ws.close_reason


def run(coro):
    return asyncio.run(coro)


def test_protocol_errors_keep_the_connection_usable(embedded):
    service, t = embedded
    visit = create_visit(service, t["a"])

    async def scenario():
        async with connect(url(service, visit["id"]), additional_headers=auth(t["a"])) as ws:
            await ws.send("{not json")
            assert (await expect(ws, "error"))["code"] == "bad_json"
            await ws.send(json.dumps({"type": "dance"}))
            assert (await expect(ws, "error"))["code"] == "unknown_type"
            await ws.send(json.dumps([1, 2]))
            assert (await expect(ws, "error"))["code"] == "bad_message"
            await ws.send(encode_frame(0, 0, SILENCE))  # binary before start
            assert (await expect(ws, "error"))["code"] == "not_started"
            await ws.send(json.dumps({"type": "start"}))  # missing format
            assert (await expect(ws, "error"))["code"] == "bad_format"
            await ws.send(json.dumps({"type": "start", "format": "mp3", "sample_rate": 16000}))
            assert (await expect(ws, "error"))["code"] == "bad_format"
            await ws.send(json.dumps({"type": "start", "format": "pcm_s16le"}))  # no sample rate
            assert (await expect(ws, "error"))["code"] == "bad_format"
            await ws.send(json.dumps({"type": "start", "format": "pcm_s16le", "sample_rate": 16000, "volume": 11}))
            assert (await expect(ws, "error"))["code"] == "invalid_message"
            # The same connection still works.
            await ws.send(json.dumps(START))
            assert (await expect(ws, "ack"))["offset"] == 0
            await ws.send(encode_frame(0, 0, SILENCE))
            assert (await expect(ws, "ack", seq=0))["offset"] == len(SILENCE)
            await ws.send(encode_frame(1, 0, SILENCE))  # resent frame: acknowledged, not stored twice
            assert (await expect(ws, "ack", seq=1))["offset"] == len(SILENCE)
            await ws.send(encode_frame(2, 99_999, SILENCE))  # a gap
            err = await expect(ws, "error")
            assert err["code"] == "bad_offset" and err["expected_offset"] == len(SILENCE)
            await ws.send(b"\x00\x01")  # shorter than the header
            assert (await expect(ws, "error"))["code"] == "bad_frame"
            await ws.send(json.dumps(START))
            assert (await expect(ws, "error"))["code"] == "already_started"
            await ws.send(json.dumps({"type": "resume"}))
            assert (await expect(ws, "error"))["code"] == "not_paused"

    run(scenario())
    v = httpx.get(f"{service.http}/v1/visits/{visit['id']}", headers=auth(t["a"])).json()
    assert v["audio_bytes"] == len(SILENCE) and v["status"] == "streaming"


def test_oversized_frame_closes_1009(embedded):
    service, t = embedded
    visit = create_visit(service, t["a"])

    async def scenario():
        async with connect(url(service, visit["id"]), additional_headers=auth(t["a"]), max_size=None) as ws:
            await ws.send(json.dumps(START))
            await expect(ws, "ack")
            await ws.send(encode_frame(0, 0, bytes((1 << 20) + 2)))
            err = await expect(ws, "error")
            assert err["code"] == "frame_too_large" and err["fatal"]
            return await closed_with(ws)

    code, reason = run(scenario())
    assert code == 1009 and "limited" in reason


def test_resume_rules_and_second_connection(embedded):
    service, t = embedded
    visit = create_visit(service, t["a"])

    async def scenario():
        async with connect(url(service, visit["id"]), additional_headers=auth(t["a"])) as first:
            await first.send(json.dumps(START))
            await expect(first, "ack")
            await first.send(encode_frame(0, 0, SILENCE))
            await expect(first, "ack", seq=0)
            # A second websocket on a visit that is streaming: refused with 4409.
            async with connect(url(service, visit["id"]), additional_headers=auth(t["a"])) as second:
                await second.send(json.dumps({"type": "resume", "offset": len(SILENCE)}))
                err = await expect(second, "error")
                assert err["code"] == "visit_busy"
                code, reason = await closed_with(second)
                assert code == 4409 and "already streaming" in reason
        # First connection gone: resume with an offset never acknowledged is refused, with the right one.
        async with connect(url(service, visit["id"]), additional_headers=auth(t["a"])) as again:
            await again.send(json.dumps({"type": "resume", "offset": len(SILENCE) * 5}))
            err = await expect(again, "error")
            assert err["code"] == "unacknowledged_offset" and err["expected_offset"] == len(SILENCE)
            await again.send(json.dumps({"type": "resume", "offset": err["expected_offset"]}))
            assert (await expect(again, "ack"))["offset"] == len(SILENCE)
            await again.send(encode_frame(1, len(SILENCE), SILENCE))
            assert (await expect(again, "ack", seq=1))["offset"] == 2 * len(SILENCE)
            # Lost acks: resuming below the server's end is answered with where to continue.
        async with connect(url(service, visit["id"]), additional_headers=auth(t["a"])) as late:
            await late.send(json.dumps({"type": "resume", "offset": 0}))
            assert (await expect(late, "ack"))["offset"] == 2 * len(SILENCE)
            await late.send(json.dumps({"type": "stop"}))
            await late.send(json.dumps({"type": "stop"}))
            assert (await expect(late, "error"))["code"] == "already_stopped"
        # Streaming into a stopped visit: refused with 4409.
        async with connect(url(service, visit["id"]), additional_headers=auth(t["a"])) as after:
            await after.send(json.dumps({"type": "resume", "offset": 2 * len(SILENCE)}))
            assert (await expect(after, "error"))["code"] == "already_stopped"
            return await closed_with(after)

    code, _ = run(scenario())
    assert code == 4409


def test_auth_failures_close_with_reason(embedded):
    service, t = embedded
    visit = create_visit(service, t["a"])
    expired = httpx.post(
        f"{service.http}/v1/tokens", json={"clinician_id": "dr-martin", "ttl_seconds": 1}, headers=auth(t["a"])
    ).json()["token"]
    other_tenant = httpx.post(
        f"{service.http}/v1/tokens", json={"clinician_id": "dr-martin"}, headers=auth(t["b"])
    ).json()["token"]

    async def attempt(headers=None, first=None):
        async with connect(url(service, visit["id"]), additional_headers=headers or {}) as ws:
            try:
                await ws.send(json.dumps(first or START))
            except ConnectionClosed:
                pass  # a bad header credential is refused before the first message; the error is queued
            err = await expect(ws, "error")
            code, reason = await closed_with(ws)
            return err["code"], code, reason

    import time

    time.sleep(2.2)
    assert run(attempt(auth(expired)))[:2] == ("unauthorized", 4401)
    assert "expired" in run(attempt(auth(expired)))[2]
    assert run(attempt(auth(other_tenant)))[:2] == ("not_found", 4404)
    assert run(attempt(None))[:2] == ("unauthorized", 4401)  # no credentials at all
    assert run(attempt(None, {**START, "token": "sk_bad_key"}))[:2] == ("unauthorized", 4401)
    # Token in the first message (browsers cannot set headers) works.
    token = httpx.post(f"{service.http}/v1/tokens", json={"clinician_id": "dr-martin"}, headers=auth(t["a"])).json()[
        "token"
    ]

    async def ok():
        async with connect(url(service, visit["id"])) as ws:
            await ws.send(json.dumps({"type": "auth", "token": token}))
            await ws.send(json.dumps(START))
            return (await expect(ws, "ack"))["offset"]

    assert run(ok()) == 0
    # The server kept serving through all of it.
    assert httpx.get(f"{service.http}/healthz").status_code == 200
    assert "scribe_errors_total" in httpx.get(f"{service.http}/metrics").text


@pytest.mark.parametrize("path", ["/v1/visits/nope/audio", "/v1/visits/" + "x" * 300 + "/audio"])
def test_unknown_visit_closes_4404(embedded, path):
    service, t = embedded

    async def scenario():
        async with connect(f"{service.ws}{path}", additional_headers=auth(t["a"])) as ws:
            await ws.send(json.dumps(START))
            return await closed_with(ws)

    assert run(scenario())[0] == 4404


def test_protocol_doc_schemas_are_current():
    """docs/protocol.md carries the JSON schema of every message, generated from the pydantic models."""
    from pathlib import Path

    from scribe.api import protocol

    doc = (Path(__file__).resolve().parent.parent / "docs" / "protocol.md").read_text()
    assert protocol.markdown() in doc, "regenerate: python -m scribe.api.protocol --markdown docs/protocol.md"
    for side in ("client", "server"):
        for name in protocol.schemas()[side]:
            assert f"#### `{name}`" in doc
