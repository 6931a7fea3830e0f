"""Clinician and admin accounts for the web app: local passwords, a TOTP second factor, lockout, invitations,
browser sessions and roles (issue 14). Single sign-on makes its users here too (scribe.service.sso).

- Passwords: argon2id (argon2-cffi's defaults, RFC 9106's second recommended setting). An unknown email
  still costs one hash check, so the answer's timing does not tell which emails have accounts.
- Lockout: LOCK_AFTER failures in a row (a wrong password or a wrong second-factor code) lock the account
  for LOCK_MINUTES; an admin's password reset unlocks it at once.
- Invitations and resets: a link with a random token (only its sha256 is stored), valid INVITE_HOURS; the
  person sets their own password, so no administrator ever knows it.
- Sessions: a random cookie value (only its sha256 is stored) and a CSRF token bound to the session; a
  session ends at sign-out, after SESSION_HOURS, or when the person's password is reset or role changes.
- Roles: "clinician" sees their own visits; "admin" also manages the tenant's users, keys, webhooks and
  settings. Every sign-in, failure, lockout and role change goes to the audit log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import time
from dataclasses import dataclass, replace
from urllib.parse import quote

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select

from scribe import voices
from scribe.config import get_settings
from scribe.core.audit import audit
from scribe.core.db import session_scope
from scribe.core.security import Principal, forget_session
from scribe.core.tables import Tenant, User, UserSession, new_id, utcnow
from scribe.errors import ApiError, ScribeError

ROLES = ("clinician", "admin")
LOCK_AFTER = 5
LOCK_MINUTES = 15
INVITE_HOURS = 72
SESSION_HOURS = 12  # one clinic day; the web app asks to sign in again the next morning
PASSWORD_MIN, PASSWORD_MAX = 12, 256
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]{1,255}")
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
ANONYMOUS = Principal("", None, "anonymous")


@dataclass(frozen=True)
class BrowserSession:
    """What a sign-in hands the browser: the cookie value (never stored) and the CSRF token."""

    cookie: str
    csrf: str
    principal: Principal
    expires_at: dt.datetime


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def same(given: str, expected: str) -> bool:
    """Constant-time equality of a caller's text with a secret (compare_digest refuses non-ASCII str)."""
    return secrets.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


def check_text(value: str) -> str:
    """JSON allows lone surrogates (\\ud800), which no database or hash can encode: refused as input."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return value


def normalize_email(email: str) -> str:
    email = (email or "").strip().lower()
    if not _EMAIL.fullmatch(email) or not email.isprintable():
        raise ScribeError("email must look like name@clinic.example")
    return email


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ScribeError(f"role must be one of {', '.join(ROLES)}")
    return role


def check_password(password: str) -> str:
    if not isinstance(password, str) or not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise ScribeError(f"password must be {PASSWORD_MIN}-{PASSWORD_MAX} characters")
    try:
        return check_text(password)
    except ValueError:
        raise ScribeError("password must be valid Unicode text") from None


def principal_of_user(user: User) -> Principal:
    return Principal(user.tenant_id, user.clinician_id, f"user:{user.id}", user.role)


def invitation_url(token: str) -> str:
    """Where the person sets their password; the token is in the fragment, so it never reaches a server log."""
    cfg = get_settings()
    base = (cfg.public_url or f"http://{cfg.host}:{cfg.port}").rstrip("/")
    return f"{base}/app/#/invite/{quote(token)}"


def _new_invitation(user: User) -> str:
    token = secrets.token_urlsafe(32)
    user.invite_hash = _sha256(token)
    user.invite_expires_at = utcnow() + dt.timedelta(hours=INVITE_HOURS)
    return token


def _clinician_id_from(email: str) -> str:
    candidate = re.sub(r"[^A-Za-z0-9._-]", "-", email.split("@")[0])[:128].strip("-.") or "clinician"
    voices.validate_id(candidate)
    return candidate


# --------------------------------------------------------------------------- users (admin)


def create_user(
    by: Principal,
    tenant_id: str,
    email: str,
    role: str,
    clinician_id: str | None = None,
    password: str | None = None,
) -> tuple[User, str | None]:
    """A new account: with `password`, ready to sign in; without, (user, invitation token) to send."""
    email, role = normalize_email(email), check_role(role)
    clinician_id = clinician_id or _clinician_id_from(email)
    voices.validate_id(clinician_id)
    with session_scope() as s:
        if s.get(Tenant, tenant_id) is None:
            raise ScribeError(f"no tenant {tenant_id}; create it first: scribe tenants create NAME")
        if s.execute(select(User.id).where(User.email == email)).first() is not None:
            raise ApiError(409, "conflict", f"an account for {email} already exists")
        user = User(id=new_id("usr"), tenant_id=tenant_id, email=email, clinician_id=clinician_id, role=role)
        token = None
        if password is None:
            token = _new_invitation(user)
        else:
            user.password_hash = _hasher.hash(check_password(password))
        s.add(user)
        audit(s, by, "create", "user", user.id)
        audit(s, by, "role_change", "user", f"{user.id}:{role}")
    return user, token


def list_users(tenant_id: str) -> list[User]:
    with session_scope() as s:
        return list(s.execute(select(User).where(User.tenant_id == tenant_id).order_by(User.created_at)).scalars())


def _user_in_tenant(s, tenant_id: str, user_ref: str) -> User:
    """By id or by email, within the tenant (another tenant's user does not exist)."""
    column = User.email if "@" in user_ref else User.id
    value = user_ref.strip().lower() if "@" in user_ref else user_ref
    user = s.execute(select(User).where(column == value, User.tenant_id == tenant_id)).scalar_one_or_none()
    if user is None:
        raise ApiError(404, "not_found", "no such user")
    return user


def set_role(by: Principal, tenant_id: str, user_ref: str, role: str) -> User:
    check_role(role)
    with session_scope() as s:
        user = _user_in_tenant(s, tenant_id, user_ref)
        if user.role != role:
            user.role = role
            s.execute(delete(UserSession).where(UserSession.user_id == user.id))  # sign in again with the new role
            audit(s, by, "role_change", "user", f"{user.id}:{role}")
    return user


def reset_password(
    by: Principal, tenant_id: str, user_ref: str, password: str | None = None
) -> tuple[User, str | None]:
    """An admin's reset: unlocks the account, ends its sessions, clears its second factor (a lost phone is the
    usual reason) and either sets `password` or returns a reset token (the person sets a new one)."""
    with session_scope() as s:
        user = _user_in_tenant(s, tenant_id, user_ref)
        token = None
        if password is None:
            user.password_hash = None
            token = _new_invitation(user)
        else:
            user.password_hash = _hasher.hash(check_password(password))
        user.totp, user.failed_signins, user.locked_until = None, 0, None
        s.execute(delete(UserSession).where(UserSession.user_id == user.id))
        audit(s, by, "reset_password", "user", user.id)
    return user, token


def accept_invitation(token: str, password: str) -> BrowserSession:
    """Set the password from an invitation or reset link, then sign in."""
    check_password(password)
    with session_scope() as s:
        user = s.execute(select(User).where(User.invite_hash == _sha256(token or ""))).scalar_one_or_none()
        if user is None or user.invite_expires_at is None or user.invite_expires_at < utcnow():
            raise ApiError(400, "invalid_invitation", "this invitation link is invalid or has expired; ask an admin")
        user.password_hash = _hasher.hash(password)
        user.invite_hash = user.invite_expires_at = None
        audit(s, principal_of_user(user), "accept_invitation", "user", user.id)
        return _open_session(s, user, "password")


# --------------------------------------------------------------------------- sign-in


class SignInFailed(ApiError):
    def __init__(self, code: str, message: str):
        super().__init__(401, code, message)


def sign_in(email: str, password: str, code: str | None = None) -> BrowserSession:
    """Email + password (+ the TOTP code once enrolled) → a browser session, or SignInFailed."""
    try:
        email = normalize_email(email)
    except ScribeError:
        email = ""
    with session_scope() as s:
        user = s.execute(select(User).where(User.email == email)).scalar_one_or_none() if email else None
        if user is None or user.password_hash is None or user.disabled_at is not None:
            _verify(_DUMMY_HASH, password or "")
            audit(s, ANONYMOUS if user is None else principal_of_user(user), "sign_in", "session", "password", False)
            failure = SignInFailed("bad_credentials", "wrong email or password")
        elif user.locked_until is not None and user.locked_until > utcnow():
            audit(s, principal_of_user(user), "sign_in", "session", "locked", False)
            failure = SignInFailed("locked", _locked_message(user))
        elif not _verify(user.password_hash, password or ""):
            failure = _count_failure(s, user, "bad_credentials", "wrong email or password")
        elif user.totp and user.totp.get("confirmed") and not code:
            failure = SignInFailed("totp_required", "enter the 6-digit code from your authenticator app")
        elif user.totp and user.totp.get("confirmed") and not _accept_totp(user, code):
            failure = _count_failure(s, user, "bad_totp", "wrong or already used authenticator code")
        else:
            user.failed_signins, user.locked_until = 0, None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            return _open_session(s, user, "password")
    raise failure


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError, UnicodeEncodeError):
        return False


def _locked_message(user: User) -> str:
    minutes = max(1, round((user.locked_until - utcnow()).total_seconds() / 60))
    return f"too many failed sign-ins: this account is locked for {minutes} min (an admin can reset it now)"


def _count_failure(s, user: User, code: str, message: str) -> SignInFailed:
    user.failed_signins += 1
    audit(s, principal_of_user(user), "sign_in", "session", code, False)
    if user.failed_signins >= LOCK_AFTER:
        user.failed_signins = 0
        user.locked_until = utcnow() + dt.timedelta(minutes=LOCK_MINUTES)
        audit(s, principal_of_user(user), "lockout", "user", user.id)
        return SignInFailed("locked", _locked_message(user))
    return SignInFailed(code, message)


def _accept_totp(user: User, code: str) -> bool:
    """The code of the current 30 s step or a neighbour (clock drift), each step usable once (no replay)."""
    totp, now = pyotp.TOTP(user.totp["secret"]), int(time.time())
    last = int(user.totp.get("last_step", 0))
    for step in (now // 30 - 1, now // 30, now // 30 + 1):
        if step > last and same(str(code).strip(), totp.at(step * 30)):
            user.totp = {**user.totp, "last_step": step}
            return True
    return False


def sign_in_sso(user_id: str) -> BrowserSession:
    with session_scope() as s:
        return _open_session(s, s.get(User, user_id), "sso")


def _open_session(s, user: User, method: str) -> BrowserSession:
    cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    expires = utcnow() + dt.timedelta(hours=SESSION_HOURS)
    s.add(UserSession(id=_sha256(cookie), tenant_id=user.tenant_id, user_id=user.id, csrf=csrf, expires_at=expires))
    principal = principal_of_user(user)
    audit(s, principal, "sign_in", "session", method, True)
    return BrowserSession(cookie, csrf, principal, expires)


def session_principal(cookie: str | None) -> tuple[Principal, str] | None:
    """(principal, CSRF token) of a live session cookie, or None."""
    if not cookie or len(cookie) > 100:
        return None
    with session_scope() as s:
        row = s.execute(
            select(UserSession, User)
            .join(User, User.id == UserSession.user_id)
            .where(UserSession.id == _sha256(cookie), UserSession.expires_at > utcnow(), User.disabled_at.is_(None))
        ).first()
        if row is None:
            return None
        return replace(principal_of_user(row.User), session=row.UserSession.id), row.UserSession.csrf


def sign_out(cookie: str | None) -> None:
    found = session_principal(cookie)
    with session_scope() as s:
        s.execute(delete(UserSession).where(UserSession.id == _sha256(cookie or "")))
        if found is not None:
            audit(s, found[0], "sign_out", "session", "")
    forget_session(_sha256(cookie or ""))  # its websocket tokens and open channels end (scribe.api.channels)


def user_of(principal: Principal) -> User | None:
    if not principal.actor.startswith("user:"):
        return None
    with session_scope() as s:
        return s.get(User, principal.actor.removeprefix("user:"))


# --------------------------------------------------------------------------- second factor


def begin_totp(principal: Principal) -> tuple[str, str]:
    """A new (unconfirmed) TOTP secret for the signed-in person: (secret, otpauth:// URI for a QR code)."""
    with session_scope() as s:
        user = s.get(User, principal.actor.removeprefix("user:"))
        if user is None:
            raise ApiError(403, "forbidden", "a second factor belongs to a signed-in person, not a key")
        if user.totp and user.totp.get("confirmed"):
            raise ApiError(409, "conflict", "a second factor is already enrolled (an admin's reset clears it)")
        secret = pyotp.random_base32()
        user.totp = {"secret": secret, "confirmed": False, "last_step": 0}
    return secret, pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name="Ambient scribe")


def confirm_totp(principal: Principal, code: str) -> None:
    with session_scope() as s:
        user = s.get(User, principal.actor.removeprefix("user:"))
        if user is None or not user.totp:
            raise ApiError(409, "conflict", "start the enrolment first: POST /v1/account/totp")
        if not _accept_totp(user, code):
            raise ApiError(400, "bad_totp", "wrong authenticator code; check the phone's clock")
        user.totp = {**user.totp, "confirmed": True}
        audit(s, principal, "enrol_totp", "user", user.id)
