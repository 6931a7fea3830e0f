"""Issue 17 item 6: edge inputs are clear 4xx answers or websocket closes with a reason, never a 500, a 1011
or a stack trace; a flood of control messages does not write a row per message. Against a real
`scribe serve` (tests/security/hardened.py)."""

from __future__ import annotations

import asyncio
import json

from sqlalchemy import create_engine, text
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from scribe.api.protocol import encode_frame
from tests.security.hardened import LIMITS, bearer, client
from tests.security.test_credentials import closed, new_visit, streaming, until

HERE = "127.0.0.4"  # this module's source address (hardened.py)
HUGE = 2**70


def database(service):
    return create_engine(
        service.env.get("SCRIBE_DATABASE_URL") or f"sqlite:///{service.env['SCRIBE_DATA_DIR']}/scribe.db"
    )


def test_audio_range_past_any_visit_is_422(hardened):
    service, t = hardened
    visit_id = new_visit(service, t["a"])

    async def record():
        ws = await streaming(service, visit_id, t["a"])  # the visit has audio: the range is then computed
        await ws.close()

    asyncio.run(record())
    with client(HERE) as http:
        url = f"{service.http}/v1/visits/{visit_id}/audio"
        assert http.get(url, params={"end": 0.4}, headers=bearer(t["a"])).status_code == 200
        for params in ({"end": "inf"}, {"end": "1e308"}, {"start": "nan"}, {"start": "-inf"}, {"end": "1e6"}):
            r = http.get(url, params=params, headers=bearer(t["a"]))
            assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request", (params, r.text)


def test_versions_and_event_ids_past_the_database_integers_are_422(hardened):
    service, t = hardened
    visit_id = new_visit(service, t["a"])
    with client(HERE) as http:
        for path, params, headers in (
            ("/v1/visits/{id}/note", {"version": HUGE}, {}),
            ("/fhir/r4/Bundle/{id}", {"version": HUGE}, {}),
            ("/v1/visits/{id}/events", {"after": HUGE}, {}),
            ("/v1/visits/{id}/events", {}, {"Last-Event-ID": str(HUGE)}),
        ):
            url = f"{service.http}{path.format(id=visit_id)}"
            r = http.get(url, params=params, headers={**bearer(t["a"]), **headers})
            assert r.status_code == 422, (path, params, r.status_code, r.text[:300])
        assert http.get(
            f"{service.http}/v1/visits/{visit_id}/note", params={"version": 2**31 - 1}, headers=bearer(t["a"])
        ).status_code in (404, 409)


def test_deeply_nested_websocket_json_closes_cleanly_before_authentication(hardened):
    service, _ = hardened
    url = f"{service.ws}/v1/visits/vis_00000000000000000000/audio"

    async def send(message: str) -> tuple[int, str]:
        async with connect(url, local_addr=(HERE, 0)) as ws:  # no credentials
            await ws.send(message)
            return await closed(ws, 10)

    code, reason = asyncio.run(send("[" * 100_000))  # the probe's message: over the size limit
    assert code == 1009 and "limited to" in reason, (code, reason)
    code, reason = asyncio.run(send("[" * 10_000))  # within the size, too deep for the parser
    assert code == 1007 and "nested too deeply" in reason, (code, reason)
    code, reason = asyncio.run(send('{"a":' * 1500 + "1" + "}" * 1500))
    assert code == 1007, (code, reason)
    logs = service.logs()
    assert "RecursionError" not in logs and "Traceback" not in logs


def test_control_message_flood_is_rate_limited_without_a_row_per_message(hardened):
    service, t = hardened
    visit_id = new_visit(service, t["a"])
    flood = 600

    async def run():
        ws = await streaming(service, visit_id, t["a"])
        for i in range(flood):
            await ws.send(json.dumps({"type": "pause" if i % 2 == 0 else "resume"}))
        refused = 0
        try:
            while True:
                msg = json.loads(await asyncio.wait_for(ws.recv(), 2))
                refused += msg.get("code") == "rate_limited"
        except TimeoutError:
            pass
        # The connection still works (audio is not rate limited): acked, or refused while paused.
        await ws.send(encode_frame(1, 16000, b"\0" * 3200))
        answer = await until(ws, lambda m: m["type"] in ("ack", "error"))
        await ws.close()
        return refused, answer

    refused, answer = asyncio.run(run())
    per_minute = int(LIMITS["SCRIBE_WS_CONTROL_RATE"].split(";")[1].split("/")[0])
    assert refused >= flood - per_minute, refused
    assert answer["type"] == "ack" or answer["code"] == "paused", answer
    engine = database(service)
    with engine.connect() as c:
        rows = c.execute(
            text("SELECT count(*) FROM events WHERE visit_id = :v AND type = 'status'"), {"v": visit_id}
        ).scalar()
    engine.dispose()
    assert rows <= 1 + per_minute, rows  # start, then at most the rate (the probe's 9,550 messages: 8,137 rows)
