"""Webhook endpoints and one delivery attempt, per Standard Webhooks v1.

- Secrets are `whsec_` + base64 of 32 random bytes, sealed at rest. After rotate-secret the previous
  secret keeps signing for SCRIBE_WEBHOOK_SECRET_GRACE_SECONDS: webhook-signature then carries two
  space-separated `v1,<base64 HMAC-SHA256>` values and a receiver with either secret verifies.
- Outbound requests go only to the registered URL: no redirects followed, a timeout, the response
  body never read (bounded memory), and hosts that resolve to loopback/private/link-local addresses
  refused unless the tenant allows them; https only in production mode.
"""

from __future__ import annotations

import base64
import datetime as dt
import ipaddress
import secrets
import socket
import threading
from dataclasses import dataclass
from typing import Literal, get_args
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ConfigDict, Field
from standardwebhooks.webhooks import Webhook

from scribe.api.visits import ApiError
from scribe.config import get_settings
from scribe.core.db import WebhookDelivery, WebhookEndpoint, utcnow

EventType = Literal["visit.created", "transcript.ready", "note.draft_ready", "note.signed", "note.amended",
                    "patient_summary.ready", "visit.erased"]
EVENTS: tuple[str, ...] = get_args(EventType)


class EndpointCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(min_length=8, max_length=2000)
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
    def of(cls, e: WebhookEndpoint, secret: str | None = None) -> "EndpointView":
        until = e.secret.get("previous_until")
        return cls(id=e.id, url=e.url, events=e.events, full_content=e.full_content, created_at=e.created_at,
                   secret=secret, previous_secret_valid_until=dt.datetime.fromisoformat(until) if until else None)


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
    def of(cls, d: WebhookDelivery) -> "DeliveryView":
        return cls(id=d.id, endpoint_id=d.endpoint_id, event_type=d.event_type, visit_id=d.visit_id,
                   webhook_id=d.webhook_id, status=d.status, attempts=d.attempts,
                   next_attempt_at=d.next_attempt_at if d.status == "pending" else None, last_status=d.last_status,
                   last_error=d.last_error, created_at=d.created_at, delivered_at=d.delivered_at)


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
    return {"webhook-id": webhook_id, "webhook-timestamp": str(int(at.timestamp())),
            "webhook-signature": " ".join(Webhook(s).sign(webhook_id, at, text) for s in secret_list),
            "content-type": "application/json", "user-agent": "ambient-scribe-webhooks/1"}


# --------------------------------------------------------------------------- URL policy


class UrlRefused(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def _public(ip: ipaddress._BaseAddress) -> bool:
    mapped = getattr(ip, "ipv4_mapped", None)
    ip = mapped or ip
    return ip.is_global and not ip.is_multicast


def check_url(url: str, allow_private: bool) -> str:
    """The URL if it may receive webhooks now; UrlRefused(code, message) says why not."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UrlRefused("invalid_url", "webhook URLs are http(s) URLs")
    if scheme != "https" and get_settings().production:
        raise UrlRefused("insecure_url", "webhook URLs must use https in production mode")
    if parts.username or parts.password:
        raise UrlRefused("invalid_url", "webhook URLs may not carry credentials")
    try:
        host, port = parts.hostname, parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise UrlRefused("invalid_url", "the URL's port is not valid") from None
    if not host:
        raise UrlRefused("invalid_url", "the URL has no host")
    if allow_private:
        return url
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise UrlRefused("unresolvable_host", "the URL's host does not resolve") from None
    for info in infos:
        if not _public(ipaddress.ip_address(info[4][0].split("%")[0])):
            raise UrlRefused("private_address", "the URL's host is a loopback, private or reserved address; "
                                                "an operator can allow it for this tenant")
    return url


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


_client: httpx.Client | None = None
_client_lock = threading.Lock()


def client() -> httpx.Client:
    global _client
    with _client_lock:
        if _client is None:
            cfg = get_settings()
            _client = httpx.Client(timeout=httpx.Timeout(cfg.webhook_timeout_seconds), follow_redirects=False,
                                   limits=httpx.Limits(max_connections=max(4, cfg.delivery_concurrency * 2)),
                                   trust_env=False)
        return _client


def post(url: str, allow_private: bool, secret: dict, webhook_id: str, body: bytes) -> Attempt:
    """POST one signed message; 2xx is success. Only the status line is read."""
    now = utcnow()
    try:
        check_url(url, allow_private)  # again at send time: DNS may have changed since registration
        headers = signed_headers(signing_secrets(secret, now), webhook_id, body, now)
        with client().stream("POST", url, content=body, headers=headers) as response:
            status = response.status_code
    except UrlRefused as exc:
        return Attempt(False, None, f"refused: {exc.code}")
    except httpx.TimeoutException:
        return Attempt(False, None, "timeout")
    except httpx.HTTPError as exc:
        return Attempt(False, None, f"connection: {type(exc).__name__}")
    return Attempt(200 <= status < 300, status, None if 200 <= status < 300 else f"http {status}")
