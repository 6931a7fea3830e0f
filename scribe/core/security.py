"""Tenants, API keys and clinician tokens.

- API key: ``sk_<key id>_<43 chars of a 256-bit secret>``, given once. Only sha256(key) is stored: the secret
  has full entropy, so a fast hash is safe and lookups are one indexed read. Keys act for the tenant (EHR
  vendor, clinic back office) and can mint clinician tokens. Rotation: create a new key, revoke the old.
- Clinician token: JWT (HS256) with sub=clinician id, tid=tenant id, short expiry (default 15 min), a jti,
  and key=the id of the API key that minted it: revoking the key ends its tokens too. The lifetime cap
  (1 h) is checked when a token is verified, not only when it is issued; a revoked jti, a revoked key or a
  tenant that does not exist is a 401.
A principal is (tenant_id, clinician_id or None, actor string for the audit log).

Open channels (websocket, SSE) call still_valid() every SCRIBE_CREDENTIAL_RECHECK_SECONDS, against the
database: a credential that expired or was revoked ends the channel (4401 with the reason).

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
from sqlalchemy import delete, select

from scribe import voices
from scribe.config import get_settings
from scribe.core.crypto import write_private
from scribe.core.db import session_scope
from scribe.core.tables import ApiKey, RevokedToken, Tenant, UserSession, Visit, new_id, utcnow
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
    actor: str  # for the audit log: "key:<id>" | "clinician:<id>" | "user:<id>" (a browser session)
    role: str = ""  # a browser session's role, "clinician" | "admin" (scribe.service.accounts); "" otherwise
    key_id: str | None = None  # the API key acting, or the one that minted this token
    expires_at: float | None = None  # a token's exp (unix time)
    jti: str | None = None  # a token's id (POST /v1/tokens/revoke)
    session: str | None = None  # the browser session it comes from (sha256 of the cookie): sign-out ends it

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
    _forget_standing(lambda p: p.key_id == key_id)
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
        principal = Principal(row.tenant_id, None, f"key:{row.id}", key_id=row.id)
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
    if not path.exists():
        write_private(path, secrets.token_urlsafe(48))  # 0600 from creation on, atomically
    _secret_cache[str(path)] = path.read_text().strip()
    return _secret_cache[str(path)]


def issue_token(
    tenant_id: str,
    clinician_id: str,
    ttl_seconds: int | None = None,
    key_id: str | None = None,
    session: str | None = None,
) -> tuple[str, dt.datetime]:
    """A clinician token; `key_id`: the API key minting it, `session`: the browser session it is for (the
    key's revocation, or the session's sign-out, ends the token)."""
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
        **({"key": key_id} if key_id else {}),
        **({"sid": session} if session else {}),
    }
    return jwt.encode(claims, jwt_secret(), algorithm=JWT_ALGORITHM), expires


def authenticate_token(token: str, io: bool = True) -> Principal | None:
    """A clinician JWT → principal; AuthError says why not (expired, bad signature, revoked...). io=False:
    None when its standing (tenant, key, jti) is not known to this process yet (a database read)."""
    try:
        claims = jwt.decode(
            token,
            jwt_secret(),
            algorithms=[JWT_ALGORITHM],
            issuer=JWT_ISSUER,
            options={"require": ["exp", "iat", "sub", "tid", "jti"]},
        )
    except jwt.ExpiredSignatureError:
        raise AuthError("token expired") from None
    except jwt.InvalidTokenError:
        raise AuthError("invalid token") from None
    now = time.time()
    # exp is iat + ttl + 1 (issue_token); a token signed for longer, or dated ahead, is no token of ours
    if claims["exp"] - claims["iat"] > MAX_TOKEN_TTL + 1 or claims["iat"] > now + 60:
        raise AuthError(f"token lifetime over the {MAX_TOKEN_TTL} s cap")
    key = claims.get("key")
    principal = Principal(
        str(claims["tid"]),
        str(claims["sub"]),
        f"clinician:{claims['sub']}",
        key_id=str(key) if key else None,
        expires_at=float(claims["exp"]),
        jti=str(claims["jti"]),
        session=str(claims["sid"]) if claims.get("sid") else None,
    )
    if _standing_known(principal):
        return principal
    if not io:
        return None
    check_standing(principal)
    _remember_standing(principal)
    return principal


def check_standing(principal: Principal) -> None:
    """AuthError unless the principal's tenant exists, its API key (its own or its token's minter) is not
    revoked and its token id is not revoked: one read each, fresh from the database."""
    with session_scope() as s:
        if s.get(Tenant, principal.tenant_id) is None:
            raise AuthError("unknown tenant")
        if principal.key_id is not None:
            key = s.get(ApiKey, principal.key_id)
            if key is None or key.tenant_id != principal.tenant_id or key.revoked_at is not None:
                raise AuthError("the API key of this credential was revoked")
        if principal.jti is not None and s.get(RevokedToken, principal.jti) is not None:
            raise AuthError("token revoked")
        if (
            principal.session is not None
            and not s.execute(
                select(UserSession.id).where(UserSession.id == principal.session, UserSession.expires_at > utcnow())
            ).first()
        ):
            raise AuthError("signed out")


def still_valid(principal: Principal) -> str | None:
    """Why an open channel's credential no longer holds (expired, revoked...), or None; reads the database."""
    if principal.expires_at is not None and principal.expires_at <= time.time():
        return "token expired"
    try:
        check_standing(principal)
    except AuthError as exc:
        return str(exc)
    return None


def revoke_token(tenant_id: str, token: str) -> bool:
    """Revoke one clinician token of this tenant by its jti (until its exp, when it would end anyway)."""
    try:
        claims = jwt.decode(token, jwt_secret(), algorithms=[JWT_ALGORITHM], issuer=JWT_ISSUER)
    except jwt.InvalidTokenError:
        return False
    if str(claims.get("tid")) != tenant_id or not claims.get("jti"):
        return False
    jti = str(claims["jti"])
    expires = dt.datetime.fromtimestamp(min(float(claims.get("exp", 0)), time.time() + MAX_TOKEN_TTL + 1), dt.UTC)
    with session_scope() as s:
        s.execute(delete(RevokedToken).where(RevokedToken.expires_at < utcnow()))  # those would fail on exp anyway
        if s.get(RevokedToken, jti) is None:
            s.add(RevokedToken(jti=jti, tenant_id=tenant_id, expires_at=expires))
    _forget_standing(lambda p: p.jti == jti)
    return True


# A token's standing (tenant exists, key and jti not revoked) is remembered for SCRIBE_AUTH_CACHE_SECONDS,
# like a valid key: a token then costs no database read, and another process's revocation takes that long.
_standing: dict[str, tuple[Principal, float]] = {}


def _standing_known(principal: Principal) -> bool:
    hit = _standing.get(principal.jti or "")
    return hit is not None and hit[0] == principal and hit[1] > time.monotonic()


def _remember_standing(principal: Principal) -> None:
    ttl = get_settings().auth_cache_seconds
    if ttl > 0 and principal.jti:
        with _known_lock:
            if len(_standing) >= _KNOWN_MAX:
                _standing.clear()
            _standing[principal.jti] = (principal, time.monotonic() + ttl)


def forget_session(session: str) -> None:
    """A browser session ended: its tokens' remembered standing goes (the next use reads the database)."""
    _forget_standing(lambda p: p.session == session)


def _forget_standing(which) -> None:
    with _known_lock:
        for jti in [j for j, (p, _) in _standing.items() if which(p)]:
            del _standing[jti]


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
    return authenticate_token(credential, io=False)


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


class AccessDenied(ApiError):
    """Another tenant's (or clinician's) visit: answered like a visit that does not exist, and audited
    (scribe.api.app writes the row: the request's transaction is rolled back with this error)."""

    def __init__(self, principal: Principal, visit_id: str):
        super().__init__(404, "not_found", "no such visit")
        self.principal, self.visit_id = principal, visit_id


def scoped(session, principal: Principal, visit_id: str) -> Visit:
    """The visit if this principal may see it; 404 otherwise (another tenant's visit does not exist)."""
    visit = session.get(Visit, visit_id) if isinstance(visit_id, str) and len(visit_id) <= 40 else None
    return visible(principal, visit)


def visible(principal: Principal, visit):
    """`visit` (a Visit or a row with tenant_id and clinician_id) if this principal may see it, else 404."""
    if visit is None:
        raise not_found()
    if visit.tenant_id != principal.tenant_id or (
        principal.clinician_id is not None and visit.clinician_id != principal.clinician_id
    ):
        raise AccessDenied(principal, str(getattr(visit, "id", "")))
    return visit
