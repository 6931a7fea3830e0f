"""Accounts: a tenant's users and roles, password resets and its single sign-on provider (an admin's session
or the tenant's API key), and one's own second factor (a signed-in person)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from fastapi import APIRouter, Depends, Response
from pydantic import BaseModel, ConfigDict, Field

from scribe.api.deps import key_only, principal_of
from scribe.api.routes.sessions import Text
from scribe.api.views import CLINICIAN_ID, error_responses
from scribe.core.security import Principal
from scribe.core.tables import User
from scribe.errors import ApiError
from scribe.service import accounts, sso

router = APIRouter(tags=["accounts"])
Role = Literal["clinician", "admin"]


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: Text = Field(min_length=3, max_length=320, pattern=r"^[^@\s]{1,64}@[^@\s]{1,255}$")
    role: Role = "clinician"
    clinician_id: str | None = Field(None, pattern=CLINICIAN_ID, description="Default: the email's local part")
    password: Text | None = Field(
        None,
        min_length=accounts.PASSWORD_MIN,
        max_length=accounts.PASSWORD_MAX,
        description="An initial password; without it the answer carries an invitation link to send",
    )


class UserUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Role


class PasswordReset(BaseModel):
    model_config = ConfigDict(extra="forbid")
    password: Text | None = Field(None, min_length=accounts.PASSWORD_MIN, max_length=accounts.PASSWORD_MAX)


class UserView(BaseModel):
    id: str
    email: str
    clinician_id: str
    role: str
    sso: bool = Field(description="Made by single sign-on")
    totp: bool
    locked: bool
    invitation_pending: bool
    created_at: dt.datetime
    invitation_url: str | None = Field(None, description="Set once, when an invitation or reset link was made")


class SsoConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Text = Field(min_length=1, max_length=80, description="On the sign-in button: 'Sign in with <name>'")
    issuer: Text = Field(min_length=8, max_length=500)
    client_id: Text = Field(min_length=1, max_length=300)
    client_secret: Text = Field(min_length=1, max_length=500)
    clinician_claim: str = Field("sub", pattern=r"^[A-Za-z0-9_.:-]{1,80}$")
    role_claim: str = Field("roles", pattern=r"^[A-Za-z0-9_.:-]{1,80}$")
    admin_value: Text = Field("scribe-admin", min_length=1, max_length=200)


class SsoView(BaseModel):
    name: str
    issuer: str
    client_id: str
    clinician_claim: str
    role_claim: str
    admin_value: str
    redirect_path: str = Field(description="Register <public URL> + this as the client's redirect URI")


class TotpStart(BaseModel):
    secret: str
    otpauth_uri: str = Field(description="For a QR code; authenticator apps read it")


class TotpCode(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: Text = Field(min_length=6, max_length=10)


def _view(user: User, token: str | None = None) -> UserView:
    return UserView(
        id=user.id,
        email=user.email,
        clinician_id=user.clinician_id,
        role=user.role,
        sso=user.sso_subject is not None,
        totp=bool(user.totp and user.totp.get("confirmed")),
        locked=bool(user.locked_until and user.locked_until > dt.datetime.now(dt.UTC)),
        invitation_pending=user.invite_hash is not None,
        created_at=user.created_at,
        invitation_url=accounts.invitation_url(token) if token else None,
    )


@router.get("/v1/users", response_model=list[UserView], responses=error_responses(401, 403))
def list_users(principal: Principal = Depends(key_only)):
    return [_view(u) for u in accounts.list_users(principal.tenant_id)]


@router.post("/v1/users", response_model=UserView, status_code=201, responses=error_responses(400, 403, 409))
def create_user(body: UserCreate, principal: Principal = Depends(key_only)):
    """Invite a clinician or an admin (or give an initial password)."""
    user, token = accounts.create_user(
        principal, principal.tenant_id, body.email, body.role, body.clinician_id, body.password
    )
    return _view(user, token)


@router.patch("/v1/users/{user_id}", response_model=UserView, responses=error_responses(403, 404, 409))
def update_user(user_id: str, body: UserUpdate, principal: Principal = Depends(key_only)):
    """Change a role (the person's sessions end: they sign in again with the new role)."""
    if principal.actor == f"user:{user_id}" and body.role != "admin":
        raise ApiError(409, "conflict", "an admin cannot remove their own admin role; ask another admin")
    return _view(accounts.set_role(principal, principal.tenant_id, user_id, body.role))


@router.post("/v1/users/{user_id}/reset-password", response_model=UserView, responses=error_responses(400, 403, 404))
def reset_password(user_id: str, body: PasswordReset | None = None, principal: Principal = Depends(key_only)):
    """Unlock, end the sessions, clear the second factor; a reset link to send (or set `password`)."""
    user, token = accounts.reset_password(principal, principal.tenant_id, user_id, body.password if body else None)
    return _view(user, token)


def _sso_view(p: sso.ProviderView) -> SsoView:
    return SsoView(
        name=p.name,
        issuer=p.issuer,
        client_id=p.client_id,
        clinician_claim=p.clinician_claim,
        role_claim=p.role_claim,
        admin_value=p.admin_value,
        redirect_path=f"/v1/session/sso/{p.tenant_id}/callback",
    )


@router.put("/v1/sso", response_model=SsoView, responses=error_responses(400, 403))
def configure_sso(body: SsoConfig, principal: Principal = Depends(key_only)):
    """Set the clinic's OpenID Connect provider (its discovery document must answer)."""
    return _sso_view(sso.configure(principal, principal.tenant_id, **body.model_dump()))


@router.get("/v1/sso", response_model=SsoView, responses=error_responses(403, 404))
def get_sso(principal: Principal = Depends(key_only)):
    found = [p for p in sso.providers() if p.tenant_id == principal.tenant_id]
    if not found:
        raise ApiError(404, "not_found", "no single sign-on configured")
    return _sso_view(found[0])


@router.delete("/v1/sso", status_code=204, responses=error_responses(403, 404))
def delete_sso(principal: Principal = Depends(key_only)):
    if not sso.remove(principal, principal.tenant_id):
        raise ApiError(404, "not_found", "no single sign-on configured")
    return Response(status_code=204)


@router.post("/v1/account/totp", response_model=TotpStart, status_code=201, responses=error_responses(403, 409))
def start_totp(principal: Principal = Depends(principal_of)):
    """Begin enrolling an authenticator app: scan the URI, then confirm with a code."""
    secret, uri = accounts.begin_totp(principal)
    return TotpStart(secret=secret, otpauth_uri=uri)


@router.post("/v1/account/totp/confirm", status_code=204, responses=error_responses(400, 403, 409))
def confirm_totp(body: TotpCode, principal: Principal = Depends(principal_of)):
    accounts.confirm_totp(principal, body.code)
    return Response(status_code=204)
