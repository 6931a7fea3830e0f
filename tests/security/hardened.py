"""Fixtures for the limit and credential tests: one real `scribe serve` configured with small limits (so
that a test sends just over one, fast), raw-socket and source-address helpers. No tests in this module.

Every test module talks from its own loopback address (127.0.0.0/8 is all loopback on Linux): the
per-address limits then count each module apart, and the test of that limit uses an address of its own.
"""

from __future__ import annotations

import base64
import os
import socket
import uuid

import httpx
import pytest

from tests.test_service_support import make_service

LIMITS = {
    "SCRIBE_MAX_HEADER_BYTES": 8192,
    "SCRIBE_MAX_HEADERS": 40,
    "SCRIBE_HEADER_TIMEOUT_SECONDS": 2,
    "SCRIBE_MAX_BODY_BYTES": 65536,
    "SCRIBE_MAX_CONNECTIONS": 40,
    "SCRIBE_WS_AUTH_SECONDS": 1.5,
    "SCRIBE_WS_PER_ADDRESS": 4,
    "SCRIBE_CREDENTIAL_RECHECK_SECONDS": 0.5,
    "SCRIBE_WS_CONTROL_RATE": "5/second;20/minute",
    "SCRIBE_RATE_LIMIT_PER_ADDRESS": "200/minute",
    "SCRIBE_RATE_LIMIT_PER_KEY": "100/minute",
    # production: HSTS on every answer (and the at-rest key must be given, as production requires)
    "SCRIBE_PRODUCTION": "true",
}


@pytest.fixture(scope="session")
def hardened(tmp_path_factory):
    """(service, {"a": key, "b": key, "a_id", "b_id", "secret": the JWT secret}) with the LIMITS above."""
    secret = "test-secret-" + uuid.uuid4().hex
    keys = "k1:" + base64.b64encode(os.urandom(32)).decode()
    service = make_service(
        tmp_path_factory.mktemp("hardened"), SCRIBE_JWT_SECRET=secret, SCRIBE_ENCRYPTION_KEYS=keys, **LIMITS
    )
    a_id, a_key = service.tenant("Clinic A")
    b_id, b_key = service.tenant("Clinic B")
    service.start()
    yield service, {"a": a_key, "b": b_key, "a_id": a_id, "b_id": b_id, "secret": secret}
    service.stop()
    for drop in service.drops:
        drop()


def client(source: str, **kwargs) -> httpx.Client:
    """An HTTP client whose connections come from `source` (a loopback address)."""
    return httpx.Client(transport=httpx.HTTPTransport(local_address=source), timeout=10, **kwargs)


def exchange(port: int, data: bytes, source: str = "127.0.0.1", timeout: float = 5.0) -> bytes:
    """Send raw bytes, read until the server closes the connection (or `timeout` passes in silence)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0)) as s:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused before we finished sending: the answer may still be there
        return read_all(s)


def read_all(s: socket.socket) -> bytes:
    chunks = []
    while True:
        try:
            chunk = s.recv(65536)
        except (TimeoutError, ConnectionResetError):
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def status_of(response: bytes) -> int | None:
    """The status code of a raw HTTP response, None when there was no answer."""
    parts = response.split(b" ", 2)
    return int(parts[1]) if len(parts) > 2 and parts[0].startswith(b"HTTP/") else None


def bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}
