"""The HTTP protocol `scribe serve` runs: uvicorn's httptools protocol with limits on the request head.

httptools (llhttp) puts no limit on the size or number of header fields, and it gathers a header's value
by concatenating the pieces as they arrive: one request with a 120 MiB header held the event loop, so every
request and websocket of the process, for 11-16 s. Here the bytes of a request head are counted as they
arrive and its fields as the parser completes them; past SCRIBE_MAX_HEADER_BYTES or SCRIBE_MAX_HEADERS the
answer is 431 and the connection is closed, before the application (or authentication) sees anything.
A head must also arrive within SCRIBE_HEADER_TIMEOUT_SECONDS of the connection (or of the previous
response): uvicorn has no such deadline, and connections that never finish a request would otherwise
hold their slot under SCRIBE_MAX_CONNECTIONS for ever. Websocket handshakes are HTTP requests: the same
limits apply to them.
"""

from __future__ import annotations

import asyncio
import json

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from scribe.config import get_settings


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cfg = get_settings()
        self.max_head_bytes, self.max_fields = cfg.max_header_bytes, cfg.max_headers
        self.head_timeout = cfg.header_timeout_seconds
        self.in_head, self.head_bytes, self.fields, self.field_bytes = True, 0, 0, 0
        self.refusal: str | None = None
        self.head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self.arm_head_timer()

    def connection_lost(self, exc) -> None:
        self.disarm_head_timer()
        super().connection_lost(exc)

    def arm_head_timer(self) -> None:
        self.disarm_head_timer()
        self.head_timer = self.loop.call_later(self.head_timeout, self.head_timed_out)

    def disarm_head_timer(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None

    def head_timed_out(self) -> None:
        self.head_timer = None
        if not self.in_head or self.refusal is not None or self.transport.is_closing():
            return
        if self.head_bytes == 0:  # an idle connection: nothing to answer
            self.refusal = "idle"
            self.transport.close()
        else:
            self.refuse(f"request headers must arrive within {self.head_timeout:g} s", 408, "request_timeout")

    def data_received(self, data: bytes) -> None:
        if self.refusal is not None:  # answered and closing: the rest is not parsed
            return
        if self.in_head:
            self.head_bytes += len(data)
        super().data_received(data)
        # Still inside the head after this piece (a piece that completed the head may also hold body bytes).
        if self.refusal is None and self.in_head and self.head_bytes > self.max_head_bytes:
            self.refuse(f"request headers are limited to {self.max_head_bytes} bytes")

    def on_url(self, url: bytes) -> None:
        self.field_bytes += len(url)
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self.fields += 1
        self.field_bytes += len(name) + len(value) + 4
        if self.fields > self.max_fields:
            self.refusal = f"requests are limited to {self.max_fields} header fields"
        elif self.field_bytes > self.max_head_bytes:
            self.refusal = f"request headers are limited to {self.max_head_bytes} bytes"
        if self.refusal is not None:
            raise ValueError(self.refusal)  # stops the parser; uvicorn then calls send_400_response
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self.in_head, self.head_bytes = False, 0
        self.disarm_head_timer()
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self.in_head, self.head_bytes, self.fields, self.field_bytes = True, 0, 0, 0
        super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():  # the next request's head is due (a long response is no idle time)
            self.arm_head_timer()

    def send_400_response(self, msg: str) -> None:
        if self.refusal is None:
            return super().send_400_response(msg)
        self.refuse(self.refusal)

    def refuse(self, reason: str, status: int = 431, code: str = "headers_too_large") -> None:
        """An error with the REST error body, then close: nothing more is read from this connection."""
        self.refusal = reason
        self.disarm_head_timer()
        body = json.dumps({"error": {"code": code, "message": reason}}).encode()
        head = [
            STATUS_LINE[status],
            b"content-type: application/json\r\n",
            b"content-length: " + str(len(body)).encode() + b"\r\n",
            b"connection: close\r\n\r\n",
        ]
        self.transport.write(b"".join(head) + body)
        self.transport.close()
