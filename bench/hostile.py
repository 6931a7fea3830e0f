"""Hostile unauthenticated requests against a real embedded `scribe serve` with its default limits: how
long until each is refused, how much the client got into the socket by then (kernel buffers included),
and a legitimate client's /healthz latency right after (anchor: the idle server, same run). Issue 17
item 1's probe measured a 120 MiB header stalling the whole server 11-16 s and a 200 MB JSON body parsed
8.7 s before its 401.

    .venv/bin/python bench/hostile.py [--mib 120]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_service_support import make_service  # noqa: E402


def chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


def flood(port: int, head: bytes, filler: bytes, total: int) -> tuple[float, int, bytes]:
    """Send `head`, then `filler` until `total` bytes or until the server answers: (seconds, sent, answer)."""
    t0, sent, answer = time.monotonic(), 0, b""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(head)
        s.setblocking(False)
        while sent < total and not answer:
            try:
                sent += s.send(filler)
            except BlockingIOError:
                time.sleep(0.001)
            except (BrokenPipeError, ConnectionResetError):
                break
            try:
                answer = s.recv(4096)
            except BlockingIOError:
                pass
            except ConnectionResetError:
                break
        s.setblocking(True)
        s.settimeout(30)
        try:
            answer = answer or s.recv(4096)
        except (TimeoutError, ConnectionResetError):
            pass
    return time.monotonic() - t0, sent, answer.split(b"\r\n", 1)[0]


def healthz_ms(url: str, n: int = 20) -> float:
    """Median latency of `n` /healthz requests, ms (a legitimate client right after an attack)."""
    samples = []
    with httpx.Client(timeout=60) as http:
        for _ in range(n):
            t0 = time.perf_counter()
            http.get(url)
            samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=int, default=120, help="bytes each attack tries to send, MiB")
    total = parser.parse_args().mib << 20
    with tempfile.TemporaryDirectory() as folder:
        service = make_service(Path(folder)).start().wait_warm()
        try:
            health = f"{service.http}/healthz"
            rows = [("idle server (anchor)", None, None, b"", healthz_ms(health))]
            post = b"POST /v1/visits HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            json_filler = b"[" + b"0," * 32767 + b"0"
            attacks = {
                "huge header": (b"GET /v1/visits HTTP/1.1\r\nHost: x\r\nX-Big: ", b"a" * 65536, total),
                "many headers": (b"GET /v1/visits HTTP/1.1\r\nHost: x\r\n", b"X-H: v\r\n" * 8192, total),
                "JSON body, declared size": (post + b"Content-Length: %d\r\n\r\n" % total, json_filler, total),
                "JSON body, chunked": (post + b"Transfer-Encoding: chunked\r\n\r\n", chunk(json_filler), total),
                "JSON body under limit, no auth": (post + b"Content-Length: 1000000\r\n\r\n", json_filler, 10**6),
            }
            for name, (head, filler, size) in attacks.items():
                seconds, sent, answer = flood(service.port, head, filler, size)
                rows.append((name, seconds, sent, answer, healthz_ms(health)))
        finally:
            service.stop()
    anchor = rows[0][4]
    print(f"{'attack':32} {'refused in':>10} {'sent':>10} {'answer':52} {'healthz after':>13} {'× idle':>6}")
    for name, seconds, sent, answer, ms in rows:
        took = "" if seconds is None else f"{seconds:.3f} s"
        size = "" if sent is None else f"{sent / 1024:.0f} KiB"
        print(f"{name:32} {took:>10} {size:>10} {answer.decode(errors='replace'):52} {ms:10.2f} ms {ms / anchor:6.2f}")


if __name__ == "__main__":
    main()
