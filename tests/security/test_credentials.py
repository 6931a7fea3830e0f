"""Issue 17 item 3 (credentials outlive themselves) and item 7's denied accesses: a credential that expires
or is revoked ends the channels it opened (websocket and SSE: 4401 with the reason), tokens end with the
key that minted them, the lifetime cap and the jti are checked when a token is verified, a token naming
a tenant that does not exist is a 401, and another tenant's visit is a 404 that the audit log records.
Against a real `scribe serve` (tests/security/hardened.py) with real websocket and HTTP clients."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import jwt
import pytest
from sqlalchemy import create_engine, text
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from scribe.api.protocol import encode_frame
from tests.security.hardened import bearer, client
from tests.test_service_support import consent

HERE = "127.0.0.3"  # this module's source address (hardened.py)
START = json.dumps({"type": "start", "format": "pcm_s16le", "sample_rate": 16000, "channels": 1})


def new_visit(service, key: str, clinician: str = "dr-a") -> str:
    body = {"clinician_id": clinician, "patient_ref": "P-77", "language": "en", "consent": consent()}
    with client(HERE) as http:
        r = http.post(f"{service.http}/v1/visits", json=body, headers=bearer(key))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def new_key(service, key: str) -> dict:
    with client(HERE) as http:
        return http.post(f"{service.http}/v1/keys", headers=bearer(key)).json()


def new_token(service, key: str, ttl: int | None = None, clinician: str = "dr-a") -> str:
    with client(HERE) as http:
        r = http.post(
            f"{service.http}/v1/tokens", json={"clinician_id": clinician, "ttl_seconds": ttl}, headers=bearer(key)
        )
    assert r.status_code == 201, r.text
    return r.json()["token"]


def visits_status(service, credential: str) -> int:
    with client(HERE) as http:
        return http.get(f"{service.http}/v1/visits", headers=bearer(credential)).status_code


async def streaming(service, visit_id: str, credential: str):
    """A websocket that has started the visit's stream and had one frame acknowledged."""
    ws = await connect(
        f"{service.ws}/v1/visits/{visit_id}/audio", additional_headers=bearer(credential), local_addr=(HERE, 0)
    )
    await ws.send(START)
    await until(ws, lambda m: m["type"] == "ack")
    await ws.send(encode_frame(0, 0, b"\0" * 16000))
    await until(ws, lambda m: m["type"] == "ack" and m["seq"] == 0)
    return ws


async def until(ws, match, timeout: float = 20.0) -> dict:
    async def loop():
        while True:
            msg = json.loads(await ws.recv())
            if match(msg):
                return msg

    return await asyncio.wait_for(loop(), timeout)


async def closed(ws, timeout: float) -> tuple[int, str]:
    """Read until the server closes the socket: (close code, reason)."""
    with pytest.raises(ConnectionClosed):
        await asyncio.wait_for(until(ws, lambda m: False, timeout), timeout)
    return ws.close_code, ws.close_reason


def test_revoked_key_ends_its_websocket_and_cannot_stop_the_visit(hardened):
    service, t = hardened
    key = new_key(service, t["a"])
    visit_id = new_visit(service, key["key"])

    async def run():
        ws = await streaming(service, visit_id, key["key"])
        with client(HERE) as http:  # revoked through the API, by another key of the tenant
            assert http.delete(f"{service.http}/v1/keys/{key['id']}", headers=bearer(t["a"])).status_code == 204
        await ws.send(json.dumps({"type": "stop"}))  # at once: before any periodic check could run
        return await closed(ws, 10)

    code, reason = asyncio.run(run())
    assert code == 4401 and "revoked" in reason, (code, reason)
    with client(HERE) as http:
        visit = http.get(f"{service.http}/v1/visits/{visit_id}", headers=bearer(t["a"])).json()
    assert visit["status"] == "streaming"  # the revoked key did not stop it


def test_expired_token_ends_its_websocket_and_event_stream(hardened):
    service, t = hardened
    visit_id = new_visit(service, t["a"])
    t0 = time.monotonic()
    token = new_token(service, t["a"], ttl=4)  # the socket and the stream must be open before it expires

    async def sse() -> list[str]:
        lines = []
        transport = httpx.AsyncHTTPTransport(local_address=HERE)
        async with httpx.AsyncClient(transport=transport, timeout=15) as http:
            url = f"{service.http}/v1/visits/{visit_id}/events"
            async with http.stream("GET", url, headers=bearer(token)) as r:
                assert r.status_code == 200
                async for line in r.aiter_lines():  # ends when the server ends the stream
                    lines.append(line)
        return lines

    async def run():
        ws = await streaming(service, visit_id, token)
        events = asyncio.create_task(asyncio.wait_for(sse(), 15))
        code, reason = await closed(ws, 10)
        return code, reason, await events

    code, reason, lines = asyncio.run(run())
    assert code == 4401 and reason.endswith("token expired"), (code, reason)
    error = json.loads(next(line for line in lines if line.startswith("data:") and "unauthorized" in line)[5:])
    assert error["status"] == 4401 and error["message"].endswith("token expired")
    assert "event: error" in lines
    assert 4 < time.monotonic() - t0 < 4 + 1 + 6  # ends when the token does (exp = iat + ttl + 1)


def test_tokens_end_with_the_key_that_minted_them(hardened):
    service, t = hardened
    key = new_key(service, t["a"])
    token = new_token(service, key["key"])
    assert visits_status(service, token) == 200
    with client(HERE) as http:
        assert http.delete(f"{service.http}/v1/keys/{key['id']}", headers=bearer(t["a"])).status_code == 204
    assert visits_status(service, token) == 401
    assert visits_status(service, new_token(service, t["a"])) == 200  # other keys' tokens go on


def test_token_lifetime_cap_and_jti_are_checked_at_verification(hardened):
    service, t = hardened
    now = int(time.time())
    claims = {"sub": "dr-a", "tid": t["a_id"], "iat": now, "iss": "ambient-scribe", "jti": "c0ffee"}
    ten_years = jwt.encode({**claims, "exp": now + 10 * 365 * 86400}, t["secret"], algorithm="HS256")
    assert visits_status(service, ten_years) == 401  # signed by the server, but over the 1 h cap
    no_jti = {k: v for k, v in claims.items() if k != "jti"}
    assert visits_status(service, jwt.encode({**no_jti, "exp": now + 600}, t["secret"], algorithm="HS256")) == 401
    assert visits_status(service, jwt.encode({**claims, "exp": now + 600}, t["secret"], algorithm="HS256")) == 200
    # A token revoked by its jti (a lost device) stops working at once; another tenant cannot revoke it.
    token = new_token(service, t["a"])
    with client(HERE) as http:
        url = f"{service.http}/v1/tokens/revoke"
        assert http.post(url, json={"token": token}, headers=bearer(t["b"])).status_code == 404
        assert visits_status(service, token) == 200
        assert http.post(url, json={"token": token}, headers=bearer(t["a"])).status_code == 204
        refused = http.get(f"{service.http}/v1/visits", headers=bearer(token))
    assert refused.status_code == 401 and refused.json()["error"]["message"] == "token revoked"


def test_token_naming_a_tenant_that_does_not_exist_is_refused(hardened):
    service, t = hardened
    now = int(time.time())
    claims = {"sub": "dr-a", "tid": "tn_gone", "iat": now, "exp": now + 600, "iss": "ambient-scribe", "jti": "ab12"}
    token = jwt.encode(claims, t["secret"], algorithm="HS256")
    body = {"clinician_id": "dr-a", "patient_ref": "P-1", "language": "en", "consent": consent()}
    with client(HERE) as http:
        listed = http.get(f"{service.http}/v1/visits", headers=bearer(token))
        created = http.post(f"{service.http}/v1/visits", json=body, headers=bearer(token))
    assert listed.status_code == 401 and created.status_code == 401, (listed.text, created.text)
    assert created.json()["error"]["message"] == "unknown tenant"


def test_denied_accesses_are_audited(hardened):
    service, t = hardened
    visit_id = new_visit(service, t["a"])
    with client(HERE) as http:
        for path in ("", "/transcript", "/note"):
            assert http.get(f"{service.http}/v1/visits/{visit_id}{path}", headers=bearer(t["b"])).status_code == 404

    async def over_websocket():
        async with connect(
            f"{service.ws}/v1/visits/{visit_id}/audio", additional_headers=bearer(t["b"]), local_addr=(HERE, 0)
        ) as ws:
            await ws.send(START)
            return await closed(ws, 10)

    assert asyncio.run(over_websocket())[0] == 4404
    url = service.env.get("SCRIBE_DATABASE_URL") or f"sqlite:///{service.env['SCRIBE_DATA_DIR']}/scribe.db"
    engine = create_engine(url)
    with engine.connect() as c:
        rows = c.execute(
            text("SELECT tenant_id, actor, success FROM audit_log WHERE action = 'denied' AND resource_id = :v"),
            {"v": visit_id},
        ).all()
    engine.dispose()
    b_key_id = "key_" + t["b"].split("_")[1]
    assert len(rows) == 4 and {tuple(r) for r in rows} == {(t["b_id"], f"key:{b_key_id}", False)}, rows
