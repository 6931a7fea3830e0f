"""Webhook endpoints and one delivery attempt, per Standard Webhooks v1.

- Secrets are `whsec_` + base64 of 32 random bytes, sealed at rest. After rotate-secret the previous
  secret keeps signing for SCRIBE_WEBHOOK_SECRET_GRACE_SECONDS: webhook-signature then carries two
  space-separated `v1,<base64 HMAC-SHA256>` values and a receiver with either secret verifies.
- Outbound requests go only to the registered URL: no redirects followed, one total deadline per
  attempt (SCRIBE_WEBHOOK_TIMEOUT_SECONDS for connect, send and status line together: a receiver that
  trickles a byte every few seconds cannot hold a delivery thread past it), the response body never
  read (bounded memory), and hosts that resolve to loopback/private/link-local addresses
  refused unless the tenant allows them (checked again at send time, and the request sent to the
  checked address: no DNS rebinding); https only in production mode.
"""

from __future__ import annotations

import base64
import datetime as dt
import ipaddress
import secrets
import socket
import threading
import time
from dataclasses import dataclass
from typing import Literal, get_args
from urllib.parse import urlsplit, urlunsplit

import httpcore
import httpx
from pydantic import BaseModel, ConfigDict, Field
from standardwebhooks.webhooks import Webhook

from scribe.config import get_settings
from scribe.core.tables import WebhookDelivery, WebhookEndpoint, utcnow
from scribe.errors import ApiError

EventType = Literal[
    "visit.created",
    "transcript.ready",
    "note.draft_ready",
    "note.signed",
    "note.amended",
    "patient_summary.ready",
    "visit.erased",
]
EVENTS: tuple[str, ...] = get_args(EventType)


class EndpointCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(
        min_length=8,
        max_length=2000,
        # published, and checked by check_url (which names what is wrong: invalid_url, private_address, ...)
        json_schema_extra={"format": "uri", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#@]+([/?#]\S*)?$"},
        description="http(s) URL with no credentials in it (https only in production); 422 when its host is, or "
        "resolves to, a loopback, private or link-local address (unless the tenant allows private receivers)",
    )
    events: list[EventType] = Field(min_length=1, max_length=len(EVENTS))
    full_content: bool = False  # opt-in: payloads carry documents (and FHIR), not only ids and links


class EndpointView(BaseModel):
    id: str
    url: str
    events: list[str]
    full_content: bool
    created_at: dt.datetime
    secret: str | None = Field(None, description="whsec_...; shown once, at creation or rotation")
    previous_secret_valid_until: dt.datetime | None = None

    @classmethod
    def of(cls, e: WebhookEndpoint, secret: str | None = None) -> EndpointView:
        until = e.secret.get("previous_until")
        return cls(
            id=e.id,
            url=e.url,
            events=e.events,
            full_content=e.full_content,
            created_at=e.created_at,
            secret=secret,
            previous_secret_valid_until=dt.datetime.fromisoformat(until) if until else None,
        )


class DeliveryView(BaseModel):
    id: str
    endpoint_id: str
    event_type: str
    visit_id: str | None
    webhook_id: str
    status: str
    attempts: int
    next_attempt_at: dt.datetime | None
    last_status: int | None
    last_error: str | None
    created_at: dt.datetime
    delivered_at: dt.datetime | None

    @classmethod
    def of(cls, d: WebhookDelivery) -> DeliveryView:
        return cls(
            id=d.id,
            endpoint_id=d.endpoint_id,
            event_type=d.event_type,
            visit_id=d.visit_id,
            webhook_id=d.webhook_id,
            status=d.status,
            attempts=d.attempts,
            next_attempt_at=d.next_attempt_at if d.status == "pending" else None,
            last_status=d.last_status,
            last_error=d.last_error,
            created_at=d.created_at,
            delivered_at=d.delivered_at,
        )


# --------------------------------------------------------------------------- secrets and signatures


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def rotated(secret: dict, now: dt.datetime) -> tuple[dict, str]:
    """New secret state after a rotation: (state, the new secret)."""
    fresh = new_secret()
    until = now + dt.timedelta(seconds=get_settings().webhook_secret_grace_seconds)
    return {"current": fresh, "previous": secret["current"], "previous_until": until.isoformat()}, fresh


def signing_secrets(secret: dict, now: dt.datetime) -> list[str]:
    out = [secret["current"]]
    until = secret.get("previous_until")
    if secret.get("previous") and until and dt.datetime.fromisoformat(until) > now:
        out.append(secret["previous"])
    return out


def signed_headers(secret_list: list[str], webhook_id: str, body: bytes, at: dt.datetime) -> dict[str, str]:
    text = body.decode()
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": " ".join(Webhook(s).sign(webhook_id, at, text) for s in secret_list),
        "content-type": "application/json",
        "user-agent": "ambient-scribe-webhooks/1",
    }


# --------------------------------------------------------------------------- URL policy


class UrlRefused(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


# IPv6 prefixes whose last 32 bits are an IPv4 address a packet ends up at: IPv4-compatible (::/96,
# deprecated), SIIT IPv4-translated (::ffff:0:0:0/96), NAT64 well-known and local-use (RFC 6052, 8215).
_IPV4_IN_LOW_BITS = tuple(
    ipaddress.ip_network(n) for n in ("::/96", "::ffff:0:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48")
)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 transition form carries (mapped, compatible, translated, NAT64, 6to4,
    Teredo, ISATAP): `[64:ff9b::7f00:1]` reaches 127.0.0.1 through a NAT64 gateway, `[2002:7f00:1::1]`
    through a 6to4 relay; each embedded address must pass the same policy as the IPv6 one."""
    found = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    found += list(ip.teredo or ())
    low = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if any(ip in net for net in _IPV4_IN_LOW_BITS):
        found.append(low)
    if (int(ip) >> 32) & 0xFDFFFFFF == 0x00005EFE:  # ISATAP interface identifier: [0200:]5efe:a.b.c.d
        found.append(low)
    return found


def _public(ip: ipaddress._BaseAddress) -> bool:
    if ip.version == 6:
        embedded = _embedded_ipv4(ip)
        if ip.ipv4_mapped is not None:  # ::ffff:a.b.c.d is not global itself: judged by its IPv4 alone
            return all(_public(a) for a in embedded)
        if embedded and not all(_public(a) for a in embedded):
            return False
    return ip.is_global and not ip.is_multicast


def _parse(url: str):
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UrlRefused("invalid_url", "webhook URLs are http(s) URLs")
    if scheme != "https" and get_settings().production:
        raise UrlRefused("insecure_url", "webhook URLs must use https in production mode")
    if parts.username or parts.password:
        raise UrlRefused("invalid_url", "webhook URLs may not carry credentials")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise UrlRefused("invalid_url", "the URL's port is not valid") from None
    if not parts.hostname:
        raise UrlRefused("invalid_url", "the URL has no host")
    return parts, port


def _addresses(parts, port: int, allow_private: bool) -> list[str]:
    """The host's addresses, each of them allowed (UrlRefused otherwise)."""
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise UrlRefused("unresolvable_host", "the URL's host does not resolve") from None
    addresses = list(dict.fromkeys(info[4][0].split("%")[0] for info in infos))
    if not allow_private and not all(_public(ipaddress.ip_address(a)) for a in addresses):
        raise UrlRefused(
            "private_address",
            "the URL's host is a loopback, private or reserved address; an operator can allow it for this tenant",
        )
    return addresses


def check_url(url: str, allow_private: bool) -> str:
    """The URL if it may receive webhooks now; UrlRefused(code, message) says why not."""
    parts, port = _parse(url)
    if not allow_private:
        _addresses(parts, port, allow_private)
    return url


def pinned(url: str, address: str) -> tuple[str, dict, dict]:
    """(URL, headers, httpx extensions) that connect to `address` while asking for the URL's host: the
    Host header and, for https, the TLS server name (SNI, and the name the certificate is checked
    against) stay the URL's. Sending to the address that was checked leaves no second DNS lookup for a
    rebinding name server to answer with an internal address."""
    parts = urlsplit(url)
    if parts.hostname == address:
        return url, {}, {}
    netloc = f"[{address}]" if ":" in address else address
    netloc += f":{parts.port}" if parts.port else ""
    extensions = {"sni_hostname": parts.hostname} if parts.scheme.lower() == "https" else {}
    return urlunsplit(parts._replace(netloc=netloc)), {"Host": parts.netloc}, extensions


def validate_url(url: str, allow_private: bool) -> str:
    try:
        return check_url(url, allow_private)
    except UrlRefused as exc:
        raise ApiError(422, exc.code, str(exc)) from None


# --------------------------------------------------------------------------- one attempt


@dataclass
class Attempt:
    ok: bool
    status: int | None = None
    error: str | None = None


# --------------------------------------------------------------------------- the total deadline

_attempt = threading.local()  # .deadline: time.monotonic() past which this thread's attempt is over


def _left(timeout: float | None, timeout_class: type[Exception]) -> float:
    """The socket timeout of the next operation: the smaller of its own and what is left of the attempt."""
    deadline = getattr(_attempt, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise timeout_class("the attempt's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the attempt's deadline (httpx's own timeouts are
    per operation: one byte every few seconds renews them forever)."""

    def __init__(self, inner: httpcore.NetworkStream):
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):
        return _DeadlineStream(
            self.inner.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout))
        )

    def get_extra_info(self, info: str):
        return self.inner.get_extra_info(info)


class _DeadlineBackend(httpcore.SyncBackend):
    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(super().connect_tcp(host, port, timeout, local_address, socket_options))


class _DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport on a connection pool whose connections keep the attempt's deadline."""

    def __init__(self, max_connections: int):
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            network_backend=_DeadlineBackend(),
        )


_clients: dict[str, httpx.Client] = {}  # URL host -> client
_client_lock = threading.Lock()
_MAX_CLIENTS = 256


def client(host: str) -> httpx.Client:
    """One pooled client per URL host. Requests go to an address (see pinned), and the pool keys its
    connections by address: with one client for all, a TLS connection opened (and its certificate
    checked) for one name could carry another name's request to the same address."""
    with _client_lock:
        found = _clients.get(host)
        if found is None:
            if len(_clients) >= _MAX_CLIENTS:
                _clients.pop(next(iter(_clients))).close()
            cfg = get_settings()
            found = _clients[host] = httpx.Client(
                timeout=httpx.Timeout(cfg.webhook_timeout_seconds),
                follow_redirects=False,
                trust_env=False,
                transport=_DeadlineTransport(max(4, cfg.delivery_concurrency * 2)),
            )
        return found


def post(url: str, allow_private: bool, secret: dict, webhook_id: str, body: bytes) -> Attempt:
    """POST one signed message; 2xx is success. Only the status line is read. The host is resolved and
    checked again now (DNS may have changed since registration), and the request goes to an address
    that passed the check (next address on a refused connection)."""
    now = utcnow()
    _attempt.deadline = time.monotonic() + get_settings().webhook_timeout_seconds
    try:
        parts, port = _parse(url)
        addresses = _addresses(parts, port, allow_private)
        headers = signed_headers(signing_secrets(secret, now), webhook_id, body, now)
        for i, address in enumerate(addresses):
            target, host, extensions = pinned(url, address)
            try:
                with client(parts.hostname).stream(
                    "POST", target, content=body, headers={**headers, **host}, extensions=extensions
                ) as response:
                    status = response.status_code
                break
            except httpx.ConnectError:
                if i == len(addresses) - 1:
                    raise
    except UrlRefused as exc:
        return Attempt(False, None, f"refused: {exc.code}")
    except httpx.TimeoutException:
        return Attempt(False, None, "timeout")
    except httpx.HTTPError as exc:
        return Attempt(False, None, f"connection: {type(exc).__name__}")
    finally:
        _attempt.deadline = None
    return Attempt(200 <= status < 300, status, None if 200 <= status < 300 else f"http {status}")
