"""Single sign-on with OpenID Connect (issue 14): the authorization code flow with PKCE, through Authlib.

A tenant configures its own identity provider (Keycloak, Entra ID, Google Workspace, Pro Santé Connect, ...):
issuer, client id and secret (sealed at rest), which claim is the clinician id and which claim value makes an
admin. The flow:

1. begin(): the provider's discovery document, then a redirect to its authorization endpoint with a random
   state, nonce and PKCE (S256) challenge; those three travel in a short-lived signed cookie (HS256 with the
   service's token key), so nothing is stored server-side for a half-finished sign-in.
2. finish(): the callback's state must match the cookie's; the code is exchanged (client secret + PKCE
   verifier) and the ID token's signature (the provider's JWKS), issuer, audience, expiry and nonce are
   checked; UserInfo adds claims the ID token leaves out. The person's account is found by (issuer, sub) or
   made on first sign-in; the role follows the provider's claim at every sign-in (a change is audited).

The provider is the only outbound connection, and it is the tenant's own configured endpoint; plain http is
accepted for a provider on this machine outside production (development and the tests' provider).
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
import jwt
from authlib.integrations.httpx_client import OAuth2Client
from joserfc import jwt as jose_jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from sqlalchemy import select

from scribe import voices
from scribe.config import get_settings
from scribe.core.audit import audit
from scribe.core.db import session_scope
from scribe.core.security import JWT_ALGORITHM, Principal, jwt_secret
from scribe.core.tables import SsoProvider, Tenant, User, new_id
from scribe.errors import ApiError, ScribeError
from scribe.service import accounts

STATE_TTL = 600  # seconds to finish signing in at the provider
DISCOVERY_TTL = 300
_discovery: dict[str, tuple[float, dict]] = {}


@dataclass(frozen=True)
class ProviderView:
    tenant_id: str
    name: str
    issuer: str
    client_id: str
    clinician_claim: str
    role_claim: str
    admin_value: str


def _view(row: SsoProvider) -> ProviderView:
    return ProviderView(
        row.tenant_id, row.name, row.issuer, row.client_id, row.clinician_claim, row.role_claim, row.admin_value
    )


def check_issuer(issuer: str) -> str:
    issuer = (issuer or "").strip().rstrip("/")
    parts = urlsplit(issuer)
    local = parts.hostname in ("localhost", "127.0.0.1", "::1")
    if parts.scheme != "https" and not (parts.scheme == "http" and local and not get_settings().production):
        raise ScribeError(
            "the issuer must be an https:// URL (http only for a provider on this machine, not in production)"
        )
    if not parts.hostname or len(issuer) > 500:
        raise ScribeError("the issuer must be a URL such as https://login.clinic.example/realms/clinic")
    return issuer


def configure(
    by: Principal,
    tenant_id: str,
    *,
    name: str,
    issuer: str,
    client_id: str,
    client_secret: str,
    clinician_claim: str = "sub",
    role_claim: str = "roles",
    admin_value: str = "scribe-admin",
) -> ProviderView:
    """Set (or replace) the tenant's identity provider; its discovery document must answer now."""
    issuer = check_issuer(issuer)
    for label, value, most in (
        ("name", name, 80),
        ("client_id", client_id, 300),
        ("client_secret", client_secret, 500),
    ):
        if not isinstance(value, str) or not 1 <= len(value.strip()) <= most:
            raise ScribeError(f"{label} must be 1-{most} characters")
    discover(issuer, fresh=True, status=400)
    with session_scope() as s:
        if s.get(Tenant, tenant_id) is None:
            raise ScribeError(f"no tenant {tenant_id}")
        row = s.get(SsoProvider, tenant_id) or SsoProvider(tenant_id=tenant_id)
        row.name, row.issuer, row.client_id = name.strip(), issuer, client_id.strip()
        row.client_secret = {"secret": client_secret}
        row.clinician_claim, row.role_claim, row.admin_value = clinician_claim, role_claim, admin_value
        s.add(row)
        audit(s, by, "configure", "sso_provider", tenant_id)
        return _view(row)


def remove(by: Principal, tenant_id: str) -> bool:
    with session_scope() as s:
        row = s.get(SsoProvider, tenant_id)
        if row is None:
            return False
        s.delete(row)
        audit(s, by, "delete", "sso_provider", tenant_id)
    return True


def providers() -> list[ProviderView]:
    with session_scope() as s:
        return [_view(r) for r in s.execute(select(SsoProvider).order_by(SsoProvider.name)).scalars()]


def _provider(tenant_id: str) -> tuple[ProviderView, str]:
    with session_scope() as s:
        row = s.get(SsoProvider, tenant_id)
        if row is None:
            raise ApiError(404, "not_found", "this clinic has no single sign-on configured")
        return _view(row), row.client_secret["secret"]


def discover(issuer: str, fresh: bool = False, status: int = 502) -> dict:
    """The provider's discovery document (cached DISCOVERY_TTL). `status`: 502 while signing in (the provider
    failed); 400 when an admin sets the provider (the issuer they gave does not answer)."""
    hit = _discovery.get(issuer)
    if hit is not None and not fresh and hit[0] > time.monotonic():
        return hit[1]
    try:
        r = httpx.get(f"{issuer}/.well-known/openid-configuration", timeout=10)
        r.raise_for_status()
        meta = r.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise ApiError(
            status, "sso_unavailable", f"the identity provider did not answer ({type(exc).__name__})"
        ) from None
    if not isinstance(meta, dict) or str(meta.get("issuer", "")).rstrip("/") != issuer:
        raise ApiError(status, "sso_misconfigured", "the provider's discovery document names another issuer")
    _discovery[issuer] = (time.monotonic() + DISCOVERY_TTL, meta)
    return meta


def _client(provider: ProviderView, secret: str, redirect_uri: str) -> OAuth2Client:
    return OAuth2Client(
        client_id=provider.client_id,
        client_secret=secret,
        redirect_uri=redirect_uri,
        scope="openid email profile",
        code_challenge_method="S256",
        timeout=10,
    )


def begin(tenant_id: str, redirect_uri: str, after: str = "") -> tuple[str, str]:
    """(the provider's authorization URL, the signed state cookie's value)."""
    provider, secret = _provider(tenant_id)
    meta = discover(provider.issuer)
    verifier, nonce = secrets.token_urlsafe(48), secrets.token_urlsafe(16)
    with _client(provider, secret, redirect_uri) as client:
        url, state = client.create_authorization_url(
            meta["authorization_endpoint"], code_verifier=verifier, nonce=nonce
        )
    claims = {"tid": tenant_id, "state": state, "nonce": nonce, "cv": verifier, "after": after[:200]}
    claims["exp"] = int(time.time()) + STATE_TTL
    return url, jwt.encode(claims, jwt_secret(), algorithm=JWT_ALGORITHM)


def finish(
    tenant_id: str, state_cookie: str | None, params: dict, redirect_uri: str
) -> tuple[accounts.BrowserSession, str]:
    """The callback: (a browser session, where the app goes next), or ApiError (401 / 502)."""
    try:
        pending = jwt.decode(state_cookie or "", jwt_secret(), algorithms=[JWT_ALGORITHM])
    except jwt.InvalidTokenError:
        raise _failed(tenant_id, "the sign-in took too long or began in another browser; start again") from None
    if pending.get("tid") != tenant_id or not accounts.same(str(params.get("state", "")), pending["state"]):
        raise _failed(tenant_id, "the provider's answer does not belong to this sign-in; start again")
    if params.get("error"):
        raise _failed(tenant_id, f"the identity provider refused: {str(params['error'])[:80]}")
    provider, secret = _provider(tenant_id)
    meta = discover(provider.issuer)
    try:
        with _client(provider, secret, redirect_uri) as client:
            token = client.fetch_token(
                meta["token_endpoint"], code=str(params.get("code", "")), code_verifier=pending["cv"]
            )
            claims = _id_token_claims(token.get("id_token", ""), meta, provider, pending["nonce"])
            if meta.get("userinfo_endpoint"):
                info = client.get(meta["userinfo_endpoint"]).json()
                if info.get("sub") == claims["sub"]:
                    claims = {**info, **claims}
    except (httpx.HTTPError, ValueError, KeyError, JoseError) as exc:
        raise _failed(tenant_id, f"the identity provider's answer was refused ({type(exc).__name__})") from None
    except Exception as exc:  # Authlib's OAuthError (invalid_grant, ...): the code was refused
        if type(exc).__name__ != "OAuthError":
            raise
        raise _failed(tenant_id, f"the identity provider refused the code ({exc})"[:200]) from None
    user_id = _account_for(provider, claims)
    return accounts.sign_in_sso(user_id), pending.get("after") or ""


def _id_token_claims(id_token: str, meta: dict, provider: ProviderView, nonce: str) -> dict:
    keys = KeySet.import_key_set(httpx.get(meta["jwks_uri"], timeout=10).raise_for_status().json())
    token = jose_jwt.decode(id_token, keys, algorithms=meta.get("id_token_signing_alg_values_supported") or ["RS256"])
    registry = jose_jwt.JWTClaimsRegistry(
        leeway=120,
        iss={"essential": True, "value": provider.issuer},
        aud={"essential": True, "value": provider.client_id},
        sub={"essential": True},
        exp={"essential": True},
        nonce={"essential": True, "value": nonce},
    )
    registry.validate(token.claims)
    return dict(token.claims)


def _failed(tenant_id: str, message: str) -> ApiError:
    with session_scope() as s:
        audit(s, Principal(tenant_id, None, "anonymous"), "sign_in", "session", "sso", False)
    return ApiError(401, "sso_failed", message)


def _claim(claims: dict, name: str):
    value = claims
    for part in name.split("."):  # "realm_access.roles" (Keycloak)
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _account_for(provider: ProviderView, claims: dict) -> str:
    """The account of this (issuer, sub): made on first sign-in; its role follows the provider's claim."""
    clinician_id = str(_claim(claims, provider.clinician_claim) or "")
    roles = _claim(claims, provider.role_claim) or []
    role = (
        "admin" if provider.admin_value in (roles if isinstance(roles, list) else str(roles).split()) else "clinician"
    )
    subject = f"{provider.issuer} {claims['sub']}"
    email = str(claims.get("email") or f"{claims['sub']}@{urlsplit(provider.issuer).hostname}").lower()
    with session_scope() as s:
        user = s.execute(
            select(User).where(User.tenant_id == provider.tenant_id, User.sso_subject == subject)
        ).scalar_one_or_none()
        if user is not None and user.disabled_at is not None:
            raise _failed(provider.tenant_id, "this account is disabled")
        if user is None:
            try:
                voices.validate_id(clinician_id)
            except ScribeError:
                raise _failed(
                    provider.tenant_id, f"the claim {provider.clinician_claim!r} is not a usable clinician id"
                ) from None
            if s.execute(select(User.id).where(User.email == email)).first() is not None:
                email = f"{secrets.token_hex(4)}+{email}"[:320]  # a local account has that address
            user = User(
                id=new_id("usr"),
                tenant_id=provider.tenant_id,
                email=email,
                clinician_id=clinician_id,
                role=role,
                sso_subject=subject,
            )
            s.add(user)
            audit(s, Principal(provider.tenant_id, None, "system:sso"), "create", "user", user.id)
            audit(s, Principal(provider.tenant_id, None, "system:sso"), "role_change", "user", f"{user.id}:{role}")
        elif user.role != role:
            user.role = role
            audit(s, Principal(provider.tenant_id, None, "system:sso"), "role_change", "user", f"{user.id}:{role}")
        return user.id
