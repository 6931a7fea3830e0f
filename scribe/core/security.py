"""Tenants, API keys and clinician tokens.

- API key: ``sk_<key id>_<43 chars of a 256-bit secret>``, given once. Only sha256(key) is stored: the secret
  has full entropy, so a fast hash is safe and lookups are one indexed read. Keys act for the tenant (EHR
  vendor, clinic back office) and can mint clinician tokens. Rotation: create a new key, revoke the old.
- Clinician token: JWT (HS256) with sub=clinician id, tid=tenant id, short expiry (default 15 min).
A principal is (tenant_id, clinician_id or None, actor string for the audit log).

A process remembers a valid key for SCRIBE_AUTH_CACHE_SECONDS (5 s): the lookup would otherwise be a
third of a REST read's cost. Revoking through a process forgets the key there at once; other processes stop accepting it
within that time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import jwt
from sqlalchemy import select

from scribe import voices
from scribe.config import get_settings
from scribe.core.db import session_scope
from scribe.core.tables import ApiKey, Tenant, Visit, new_id, utcnow
from scribe.errors import ApiError, ScribeError

JWT_ALGORITHM = "HS256"
JWT_ISSUER = "ambient-scribe"
MAX_TOKEN_TTL = 3600


class AuthError(ScribeError):
    code = "unauthorized"


@dataclass(frozen=True)
class Principal:
    tenant_id: str
    clinician_id: str | None  # None: an API key acting for the whole tenant
    actor: str  # for the audit log: "key:<id>" | "clinician:<id>"

    @property
    def is_key(self) -> bool:
        return self.clinician_id is None


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_tenant(name: str, tenant_id: str | None = None) -> Tenant:
    name = name.strip()
    if not name or len(name) > 200:
        raise ScribeError("tenant name must be 1-200 characters")
    with session_scope() as s:
        if tenant_id and s.get(Tenant, tenant_id):
            raise ScribeError(f"tenant {tenant_id} already exists")
        tenant = Tenant(id=tenant_id or new_id("tn"), name=name, settings={})
        s.add(tenant)
    return tenant


def create_key(tenant_id: str, name: str = "") -> tuple[ApiKey, str]:
    """A new API key for the tenant: (row, the key in clear — shown once, never stored)."""
    with session_scope() as s:
        if s.get(Tenant, tenant_id) is None:
            raise ScribeError(f"no tenant {tenant_id}; create it first: scribe tenants create NAME")
        key_id = secrets.token_hex(6)
        clear = f"sk_{key_id}_{secrets.token_urlsafe(32)}"
        row = ApiKey(id=f"key_{key_id}", tenant_id=tenant_id, name=name, prefix=clear[:15], hash=_hash(clear))
        s.add(row)
    return row, clear


def revoke_key(tenant_id: str, key_id: str) -> bool:
    with session_scope() as s:
        row = s.get(ApiKey, key_id)
        if row is None or row.tenant_id != tenant_id or row.revoked_at is not None:
            return False
        row.revoked_at = utcnow()
    _forget_key(f"key:{key_id}")
    return True


_known_keys: dict[str, tuple[Principal, float]] = {}  # sha256 of a valid key -> (principal, valid until)
_known_lock = threading.Lock()
_KNOWN_MAX = 10_000


def _forget_key(actor: str) -> None:
    with _known_lock:
        for digest in [d for d, (p, _) in _known_keys.items() if p.actor == actor]:
            del _known_keys[digest]


def _known_key(key: str) -> Principal | None:
    hit = _known_keys.get(_hash(key))
    return hit[0] if hit is not None and hit[1] > time.monotonic() else None


def authenticate_key(key: str) -> Principal | None:
    if not key.startswith("sk_"):
        return None
    principal = _known_key(key)
    if principal is not None:
        return principal
    with session_scope() as s:
        row = s.execute(select(ApiKey).where(ApiKey.hash == _hash(key))).scalar_one_or_none()
        if row is None or row.revoked_at is not None:
            return None
        principal = Principal(row.tenant_id, None, f"key:{row.id}")
    ttl = get_settings().auth_cache_seconds
    if ttl > 0:  # only valid keys are remembered: unknown ones cost a lookup each (and no memory)
        with _known_lock:
            if len(_known_keys) >= _KNOWN_MAX:
                _known_keys.clear()
            _known_keys[_hash(key)] = (principal, time.monotonic() + ttl)
    return principal


# --------------------------------------------------------------------------- clinician tokens

_secret_cache: dict[str, str] = {}


def jwt_secret() -> str:
    cfg = get_settings()
    if cfg.jwt_secret:
        return cfg.jwt_secret
    path = Path(cfg.data_dir) / "jwt.key"
    cached = _secret_cache.get(str(path))
    if cached:
        return cached
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(secrets.token_urlsafe(48))
        tmp.chmod(0o600)
        try:
            tmp.rename(path) if not path.exists() else tmp.unlink()
        except OSError:
            pass
    _secret_cache[str(path)] = path.read_text().strip()
    return _secret_cache[str(path)]


def issue_token(tenant_id: str, clinician_id: str, ttl_seconds: int | None = None) -> tuple[str, dt.datetime]:
    voices.validate_id(clinician_id)
    ttl = ttl_seconds or get_settings().jwt_ttl_seconds
    if not 1 <= ttl <= MAX_TOKEN_TTL:
        raise ScribeError(f"token lifetime must be 1-{MAX_TOKEN_TTL} s")
    now = utcnow()
    expires = now + dt.timedelta(seconds=ttl)
    claims = {
        "sub": clinician_id,
        "tid": tenant_id,
        "iat": int(now.timestamp()),
        "exp": int(expires.timestamp()) + 1,
        "iss": JWT_ISSUER,
        "jti": secrets.token_hex(8),
    }
    return jwt.encode(claims, jwt_secret(), algorithm=JWT_ALGORITHM), expires


def authenticate_token(token: str) -> Principal:
    """A clinician JWT → principal; AuthError says why not (expired, bad signature, ...)."""
    try:
        claims = jwt.decode(
            token,
            jwt_secret(),
            algorithms=[JWT_ALGORITHM],
            issuer=JWT_ISSUER,
            options={"require": ["exp", "sub", "tid"]},
        )
    except jwt.ExpiredSignatureError:
        raise AuthError("token expired") from None
    except jwt.InvalidTokenError:
        raise AuthError("invalid token") from None
    return Principal(str(claims["tid"]), str(claims["sub"]), f"clinician:{claims['sub']}")


def _bare(credential: str | None) -> str:
    if not credential:
        raise AuthError("missing credentials: send Authorization: Bearer <api key or token>")
    credential = credential.strip()
    if credential.lower().startswith("bearer "):
        credential = credential[7:].strip()
    return credential


def authenticate_without_io(credential: str | None) -> Principal | None:
    """The principal when no database read is needed (a clinician token, a key this process knows),
    None otherwise; AuthError for a missing, invalid or expired credential. Async code calls this first."""
    credential = _bare(credential)
    if credential.startswith("sk_"):
        return _known_key(credential)
    return authenticate_token(credential)


def authenticate(credential: str | None) -> Principal:
    """An API key or a clinician token → principal, or AuthError."""
    credential = _bare(credential)
    if credential.startswith("sk_"):
        principal = authenticate_key(credential)
        if principal is None:
            raise AuthError("unknown or revoked API key")
        return principal
    return authenticate_token(credential)


# --------------------------------------------------------------------------- visits a principal may see


def not_found() -> ApiError:
    return ApiError(404, "not_found", "no such visit")


def scoped(session, principal: Principal, visit_id: str) -> Visit:
    """The visit if this principal may see it; 404 otherwise (another tenant's visit does not exist)."""
    visit = session.get(Visit, visit_id) if isinstance(visit_id, str) and len(visit_id) <= 40 else None
    return visible(principal, visit)


def visible(principal: Principal, visit):
    """`visit` (a Visit or a row with tenant_id and clinician_id) if this principal may see it, else 404."""
    if visit is None or visit.tenant_id != principal.tenant_id:
        raise not_found()
    if principal.clinician_id is not None and visit.clinician_id != principal.clinician_id:
        raise not_found()
    return visit
