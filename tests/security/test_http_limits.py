"""Issue 17 items 1 and 7: no unauthenticated request can stall the server; limits on the request head,
the body, connections, websockets and request rates hold before any parsing or authentication; the
answers carry the security headers. Against a real `scribe serve` (tests/security/hardened.py: small
limits, so that each test sends just over one), with raw sockets where an HTTP client would refuse."""

from __future__ import annotations

import asyncio
import socket
import time

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.security.hardened import LIMITS, bearer, client, exchange, read_all, status_of
from tests.test_service_support import Service, consent, redis_topology

HERE = "127.0.0.2"  # this module's source address (hardened.py)


def healthy(service) -> bool:
    return httpx.get(f"{service.http}/healthz", timeout=5).status_code == 200


def test_huge_request_head_is_refused_before_it_is_parsed(hardened):
    service, _ = hardened
    limit = LIMITS["SCRIBE_MAX_HEADER_BYTES"]
    # One header just over the limit, never finished: answered at once (it used to wait for the rest,
    # and 120 MiB of it stalled every request and websocket of the process).
    head = b"GET /v1/visits HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (3 * limit)
    t0 = time.monotonic()
    answer = exchange(service.port, head, HERE)
    assert status_of(answer) == 431, answer[:200]
    assert b"headers_too_large" in answer and time.monotonic() - t0 < 3
    # Many headers, each small, the whole head under the byte limit: the count is limited too.
    fields = b"".join(b"X-H%d: v\r\n" % i for i in range(LIMITS["SCRIBE_MAX_HEADERS"] + 1))
    answer = exchange(service.port, b"GET /v1/visits HTTP/1.1\r\nHost: x\r\n" + fields + b"\r\n", HERE)
    assert status_of(answer) == 431 and b"header fields" in answer, answer[:200]
    assert healthy(service)


def test_body_over_the_limit_is_refused_before_it_is_read(hardened):
    service, t = hardened
    limit = LIMITS["SCRIBE_MAX_BODY_BYTES"]
    auth = f"Authorization: Bearer {t['a']}\r\n".encode()
    # Declared too large: 413 on the Content-Length alone, without waiting for a byte of the body.
    head = b"POST /v1/visits HTTP/1.1\r\nHost: x\r\n" + auth + b"Content-Type: application/json\r\n"
    answer = exchange(service.port, head + b"Content-Length: %d\r\n\r\n" % (200 * limit), HERE)
    assert status_of(answer) == 413 and b"too_large" in answer, answer[:200]
    # Not declared (chunked): refused as soon as the bytes that came in pass the limit.
    chunk = b"[" + b" " * 16_000 + b"]"
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(limit // len(chunk) + 2)) + b"0\r\n\r\n"
    answer = exchange(service.port, head + b"Transfer-Encoding: chunked\r\n\r\n" + body, HERE)
    assert status_of(answer) == 413 and b"too_large" in answer, answer[:200]
    assert healthy(service)


def test_credentials_are_checked_before_the_body(hardened):
    service, t = hardened
    # A body within the limit, still on its way: without credentials the answer does not wait for it.
    head = b"POST /v1/visits HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n"
    t0 = time.monotonic()
    answer = exchange(service.port, head + b"\r\n", HERE)
    assert status_of(answer) == 401 and b"missing credentials" in answer, answer[:200]
    answer = exchange(service.port, head + b"Authorization: Bearer not-a-token\r\n\r\n", HERE)
    assert status_of(answer) == 401 and b"invalid token" in answer, answer[:200]
    assert time.monotonic() - t0 < 4
    with client(HERE) as http:  # a request with credentials and a body goes through as before
        body = {"clinician_id": "dr-a", "patient_ref": "P-1", "language": "en", "consent": consent()}
        assert http.post(f"{service.http}/v1/visits", json=body, headers=bearer(t["a"])).status_code == 201


def test_unauthenticated_websocket_is_closed_after_the_deadline(hardened):
    service, _ = hardened

    async def run():
        # The client answers the server's pings: only the deadline can end this socket.
        async with connect(f"{service.ws}/v1/visits/vis_00000000000000000000/audio", local_addr=(HERE, 0)) as ws:
            t0 = time.monotonic()
            with pytest.raises(ConnectionClosed):
                await asyncio.wait_for(ws.recv(), 10)  # the error message
                await asyncio.wait_for(ws.recv(), 10)
            return time.monotonic() - t0, ws.close_code, ws.close_reason

    elapsed, code, reason = asyncio.run(run())
    assert code == 4401 and "authentication timeout" in reason, (code, reason)
    assert LIMITS["SCRIBE_WS_AUTH_SECONDS"] - 0.5 < elapsed < LIMITS["SCRIBE_WS_AUTH_SECONDS"] + 3


def test_open_websockets_per_address_are_limited(hardened):
    service, _ = hardened
    source, allowed = "127.0.0.31", LIMITS["SCRIBE_WS_PER_ADDRESS"]
    url = f"{service.ws}/v1/visits/vis_00000000000000000000/audio"

    async def run():
        sockets = [await connect(url, local_addr=(source, 0)) for _ in range(allowed)]
        async with connect(url, local_addr=(source, 0)) as refused:
            with pytest.raises(ConnectionClosed):
                await asyncio.wait_for(refused.recv(), 5)
        assert refused.close_code == 4429 and "open websockets per client address" in refused.close_reason
        async with connect(url, local_addr=("127.0.0.32", 0)):  # another address is not affected
            pass
        for ws in sockets:
            await ws.close()
        async with connect(url, local_addr=(source, 0)):  # closed ones free their place
            pass

    asyncio.run(run())


def test_connections_are_limited_and_idle_ones_closed(hardened):
    service, _ = hardened
    idle = [
        socket.create_connection(("127.0.0.1", service.port), timeout=10)
        for _ in range(LIMITS["SCRIBE_MAX_CONNECTIONS"])
    ]
    try:
        time.sleep(0.3)
        answer = exchange(service.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", HERE)
        assert status_of(answer) == 503, answer[:200]  # over the limit: refused at once, not queued
        # Connections that never send a request are closed after SCRIBE_HEADER_TIMEOUT_SECONDS.
        t0 = time.monotonic()
        assert all(read_all(s) == b"" for s in idle)
        assert time.monotonic() - t0 < LIMITS["SCRIBE_HEADER_TIMEOUT_SECONDS"] + 3
    finally:
        for s in idle:
            s.close()
    # A head that starts and never ends (slowloris) is answered 408 at the same deadline.
    with socket.create_connection(("127.0.0.1", service.port), timeout=10) as slow:
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: 1")
        assert status_of(read_all(slow)) == 408
    assert healthy(service)


def test_requests_per_address_are_rate_limited(hardened):
    service, _ = hardened
    allowed = int(LIMITS["SCRIBE_RATE_LIMIT_PER_ADDRESS"].split("/")[0])
    with client("127.0.0.33") as http:
        codes = [http.get(f"{service.http}/v1/visits").status_code for _ in range(allowed)]
        refused = http.get(f"{service.http}/v1/visits")
    assert set(codes) == {401}  # unauthenticated requests count against their address too
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    with client("127.0.0.34") as http:  # another address is not affected
        assert http.get(f"{service.http}/v1/visits").status_code == 401
    assert healthy(service)  # probes are never limited


def test_requests_per_key_are_rate_limited(hardened):
    service, t = hardened
    allowed = int(LIMITS["SCRIBE_RATE_LIMIT_PER_KEY"].split("/")[0])
    with client("127.0.0.35") as http:
        key = http.post(f"{service.http}/v1/keys", headers=bearer(t["a"])).json()["key"]
        codes = [http.get(f"{service.http}/v1/visits", headers=bearer(key)).status_code for _ in range(allowed)]
        refused = http.get(f"{service.http}/v1/visits", headers=bearer(key))
        other = http.get(f"{service.http}/v1/visits", headers=bearer(t["a"]))  # same address, another key
    assert set(codes) == {200}
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert int(refused.headers["retry-after"]) >= 1
    assert other.status_code == 200


def test_answers_carry_security_headers(hardened):
    service, t = hardened
    with client(HERE) as http:
        body = {"clinician_id": "dr-a", "patient_ref": "P-9", "language": "en", "consent": consent()}
        visit = http.post(f"{service.http}/v1/visits", json=body, headers=bearer(t["a"])).json()
        answers = [
            http.get(f"{service.http}/v1/visits/{visit['id']}", headers=bearer(t["a"])),  # patient data
            http.get(f"{service.http}/v1/visits/{visit['id']}"),  # an error
            http.get(f"{service.http}/fhir/r4/Bundle/{visit['id']}", headers=bearer(t["a"])),
        ]
        static = http.get(f"{service.http}/app/", follow_redirects=True)
    for r in answers:
        assert r.headers["cache-control"] == "no-store", (r.url, r.headers)
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["strict-transport-security"].startswith("max-age=")  # SCRIBE_PRODUCTION
    assert static.status_code == 200 and "no-store" not in static.headers.get("cache-control", "")
    assert static.headers["x-content-type-options"] == "nosniff"


def test_rate_limits_are_shared_through_redis(tmp_path):
    """Redis topology: every API process counts against the same budget (two processes, five requests
    each from one address, a limit of ten: the eleventh and twelfth are refused, whichever answers)."""
    redis, first = redis_topology(tmp_path, SCRIBE_RATE_LIMIT_PER_ADDRESS="10/minute")
    second = Service(first.root, first.env)
    try:
        first.start()
        second.start()
        with client("127.0.0.36") as http:
            codes = [http.get(f"{s.http}/v1/visits").status_code for s in (first, second) for _ in range(5)]
            refused = [http.get(f"{s.http}/v1/visits").status_code for s in (first, second)]
    finally:
        second.stop()
        first.stop()
        redis.kill()
    assert set(codes) == {401} and refused == [429, 429], (codes, refused)
