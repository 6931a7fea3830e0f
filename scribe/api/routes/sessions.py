"""The web app's sign-in: email + password (+ TOTP), invitation links, single sign-on (OpenID Connect),
sign-out, and the short-lived token the app's audio websocket authenticates with. Sessions are cookies
(scribe.api.cookies says how they are protected); EHRs and devices keep their bearer credentials."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from scribe.api import cookies
from scribe.api.deps import principal_of
from scribe.api.views import TokenView, error_responses
from scribe.config import get_settings
from scribe.core.security import Principal, issue_token
from scribe.errors import ApiError
from scribe.service import accounts, sso

router = APIRouter(tags=["sign-in"])
SSO_COOKIE = "scribe_sso"
SSO_PATH = "/v1/session/sso"
Text = Annotated[str, AfterValidator(accounts.check_text)]  # what a database and a hash can take


class SignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: Text = Field(min_length=3, max_length=320)
    password: Text = Field(min_length=1, max_length=accounts.PASSWORD_MAX)
    code: Text | None = Field(
        None, max_length=10, description="The 6-digit TOTP code, once a second factor is enrolled"
    )


class Invitation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: Text = Field(min_length=10, max_length=100)
    password: Text = Field(min_length=accounts.PASSWORD_MIN, max_length=accounts.PASSWORD_MAX)


class Me(BaseModel):
    email: str
    clinician_id: str
    role: str
    tenant_id: str
    totp: bool = Field(description="A second factor is enrolled")


class Provider(BaseModel):
    name: str
    login_url: str


class SessionState(BaseModel):
    signed_in: bool
    user: Me | None = None
    dev_token_signin: bool = Field(description="The development token-paste sign-in is on (SCRIBE_DEV_TOKEN_SIGNIN)")
    providers: list[Provider] = Field(description="Single sign-on buttons for the sign-in page")


def _me(principal: Principal) -> Me | None:
    user = accounts.user_of(principal)
    if user is None:
        return None
    totp = bool(user.totp and user.totp.get("confirmed"))
    return Me(email=user.email, clinician_id=user.clinician_id, role=user.role, tenant_id=user.tenant_id, totp=totp)


def _state(principal: Principal | None) -> SessionState:
    me = _me(principal) if principal is not None else None
    return SessionState(
        signed_in=me is not None,
        user=me,
        dev_token_signin=get_settings().dev_token_signin,
        providers=[Provider(name=p.name, login_url=f"{SSO_PATH}/{p.tenant_id}/login") for p in sso.providers()],
    )


def _signed_in(request: Request, session: accounts.BrowserSession) -> JSONResponse:
    response = JSONResponse(_state(session.principal).model_dump(mode="json"))
    cookies.set_session(response, request, session)
    return response


@router.get("/v1/session", response_model=SessionState)
def session_state(request: Request):
    """Who is signed in on this browser (if anyone), and how the sign-in page may sign someone in."""
    found = accounts.session_principal(request.cookies.get(cookies.SESSION_COOKIE))
    return _state(found[0] if found else None)


@router.post("/v1/session", response_model=SessionState, responses=error_responses(401, 403))
def sign_in(body: SignIn, request: Request):
    """Sign in with email and password (and the TOTP code once enrolled): sets the session cookies.
    401 codes: bad_credentials, totp_required, bad_totp, locked."""
    cookies.check_origin(request)
    return _signed_in(request, accounts.sign_in(body.email, body.password, body.code))


@router.post("/v1/session/invitation", response_model=SessionState, responses=error_responses(400, 403))
def accept_invitation(body: Invitation, request: Request):
    """Set one's password from an invitation or reset link (the token after #/invite/), then sign in."""
    cookies.check_origin(request)
    return _signed_in(request, accounts.accept_invitation(body.token, body.password))


@router.delete("/v1/session", status_code=204, responses=error_responses(403))
def sign_out(request: Request):
    cookies.check_origin(request)
    accounts.sign_out(request.cookies.get(cookies.SESSION_COOKIE))
    response = Response(status_code=204)
    cookies.clear_session(response, request)
    return response


@router.post("/v1/session/token", response_model=TokenView, status_code=201, responses=error_responses(401, 403))
def websocket_token(principal: Principal = Depends(principal_of)):
    """A short-lived clinician token for the audio websocket's auth message, from a browser session (CSRF
    checked). It lives in the page's memory only."""
    if not principal.actor.startswith("user:"):
        raise ApiError(403, "forbidden", "this is for browser sessions; API keys use POST /v1/tokens")
    token, expires = issue_token(principal.tenant_id, principal.clinician_id, session=principal.session)
    return TokenView(
        token=token, expires_at=expires, clinician_id=principal.clinician_id, tenant_id=principal.tenant_id
    )


def _callback_url(request: Request, tenant_id: str) -> str:
    base = get_settings().public_url.rstrip("/") or str(request.base_url).rstrip("/")
    return f"{base}{SSO_PATH}/{tenant_id}/callback"


@router.get(
    f"{SSO_PATH}/{{tenant_id}}/login",
    status_code=302,
    responses={302: {"description": "to the identity provider"}, **error_responses(404, 502)},
)
async def sso_login(tenant_id: str, request: Request, after: str = ""):
    """Start single sign-on: a redirect to the clinic's identity provider (authorization code + PKCE)."""
    after = after if after.startswith("#/") else ""
    url, state = await run_in_threadpool(sso.begin, tenant_id[:40], _callback_url(request, tenant_id), after)
    response = RedirectResponse(url, status_code=302)
    # Lax, not Strict: the provider sends the browser back here from its own site.
    response.set_cookie(
        SSO_COOKIE,
        state,
        max_age=sso.STATE_TTL,
        path=f"{SSO_PATH}/",
        httponly=True,
        secure=cookies.secure(request),
        samesite="lax",
    )
    return response


@router.get(f"{SSO_PATH}/{{tenant_id}}/callback", include_in_schema=False)
async def sso_callback(tenant_id: str, request: Request):
    params = dict(request.query_params)
    try:
        session, after = await run_in_threadpool(
            sso.finish, tenant_id[:40], request.cookies.get(SSO_COOKIE), params, _callback_url(request, tenant_id)
        )
    except ApiError as exc:
        response = RedirectResponse(f"/app/#/signin/{exc.code}", status_code=302)
    else:
        response = RedirectResponse(f"/app/{after or '#/visits'}", status_code=302)
        cookies.set_session(response, request, session)
    response.delete_cookie(SSO_COOKIE, path=f"{SSO_PATH}/")
    return response
