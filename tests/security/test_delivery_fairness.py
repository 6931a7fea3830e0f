"""Issue 17 item 2: one tenant's hanging webhook receiver does not starve another tenant's deliveries.

A real receiver that answers one byte every 2 s (its status line alone takes half a minute) holds a
delivery thread per request: every read gets its byte before the per-read timeout, so only a total
deadline per attempt ends it. Its tenant may hold at most its share of the delivery threads; another
tenant's event is sent at once meanwhile."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from tests.test_delivery_support import Receiver, create_visit, start_scribe, stop_scribe, wait_until

DEADLINE = 3.0  # SCRIBE_WEBHOOK_TIMEOUT_SECONDS of start_scribe: the whole attempt, not each read
THREADS = 6


class Trickle:
    """A webhook receiver that reads the request, then sends its answer one byte every `every` seconds."""

    def __init__(self, every: float = 2.0):
        self.every, self.open, self.accepted, self.closed = every, 0, 0, threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.lock = threading.Lock()
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/hook"

    def _serve(self) -> None:
        while not self.closed.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with self.lock:
            self.open += 1
            self.accepted += 1
        try:
            conn.recv(1 << 16)
            for byte in b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n":
                if self.closed.is_set():
                    break
                conn.sendall(bytes([byte]))
                time.sleep(self.every)
        except OSError:
            pass  # the sender gave up: what the test wants
        finally:
            conn.close()
            with self.lock:
                self.open -= 1

    def stop(self) -> None:
        self.closed.set()
        self.sock.close()


@pytest.fixture(scope="module")
def two_tenants(tmp_path_factory):
    s = start_scribe(
        tmp_path_factory.mktemp("fairness"),
        {"slow": {"webhooks_allow_private": True}, "fast": {"webhooks_allow_private": True}},
        SCRIBE_DELIVERY_CONCURRENCY=str(THREADS),
    )
    yield s
    stop_scribe(s)


def test_a_trickling_receiver_neither_holds_threads_nor_delays_another_tenant(two_tenants):
    scribe = two_tenants
    trickle, fast = Trickle(every=2.0), Receiver().start()
    try:
        scribe.endpoint(trickle.url, ["visit.created"], tenant="slow")
        scribe.endpoint(fast.url, ["visit.created"], tenant="fast")
        for _ in range(2 * THREADS):  # more events than delivery threads, all to the trickling receiver
            create_visit(scribe.service, scribe.keys["slow"])
        # a setup wait, not a measure: a loaded CI machine may take long to start the delivery threads
        wait_until(lambda: trickle.open >= THREADS // 2, 60, 0.05, "the slow tenant's attempts in flight")

        t0 = time.monotonic()
        visit = create_visit(scribe.service, scribe.keys["fast"])
        fast.wait_for("visit.created", visit["id"], timeout=60)
        waited = time.monotonic() - t0
        assert waited < 2.0, f"another tenant's event waited {waited:.1f} s behind a trickling receiver"
        assert trickle.open <= THREADS // 2, "one tenant holds more than its share of delivery threads"

        # Each attempt at the trickling receiver ends at the total deadline (its reads never time out).
        def timed_out():
            items = scribe.deliveries(tenant="slow")
            done = [d for d in items if d["last_error"] == "timeout"]
            return done if len(done) >= THREADS // 2 else None

        t1 = time.monotonic()
        timed = wait_until(timed_out, 3 * DEADLINE + 5, 0.2, "attempts ended by the total deadline")
        assert all(d["status"] == "pending" and d["last_status"] is None for d in timed)  # retried later
        assert time.monotonic() - t1 < 3 * DEADLINE + 5
    finally:
        trickle.stop()
        fast.stop()
