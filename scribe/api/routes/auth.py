"""Clinician tokens and API key rotation (API keys only)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response

from scribe.api.deps import key_only
from scribe.api.views import KeyView, TokenRequest, TokenRevocation, TokenView
from scribe.core.audit import audit
from scribe.core.db import session_scope
from scribe.core.security import Principal, create_key, issue_token, revoke_key, revoke_token
from scribe.errors import ApiError

router = APIRouter(tags=["auth"])


@router.post("/v1/tokens", response_model=TokenView, status_code=201)
def create_token(body: TokenRequest, principal: Principal = Depends(key_only)):
    """Mint a short-lived clinician token (JWT) with a tenant API key; revoking the key ends the token."""
    token, expires = issue_token(principal.tenant_id, body.clinician_id, body.ttl_seconds, principal.key_id)
    with session_scope() as s:
        audit(s, principal, "create", "token", body.clinician_id)
    return TokenView(token=token, expires_at=expires, clinician_id=body.clinician_id, tenant_id=principal.tenant_id)


@router.post("/v1/tokens/revoke", status_code=204)
def revoke_clinician_token(body: TokenRevocation, principal: Principal = Depends(key_only)):
    """Revoke one clinician token of this tenant before its expiry (a lost device): it stops working on
    every route, and its open websockets and event streams close (4401) within SCRIBE_CREDENTIAL_RECHECK_SECONDS."""
    if not revoke_token(principal.tenant_id, body.token):
        raise ApiError(404, "not_found", "no such token for this tenant")
    with session_scope() as s:
        audit(s, principal, "revoke", "token", "")
    return Response(status_code=204)


@router.post("/v1/keys", response_model=KeyView, status_code=201)
def rotate_key(principal: Principal = Depends(key_only)):
    """Create another API key for this tenant (rotation: create, switch, then DELETE the old one)."""
    row, clear = create_key(principal.tenant_id, "rotated")
    with session_scope() as s:
        audit(s, principal, "create", "api_key", row.id)
    return KeyView(id=row.id, key=clear, prefix=row.prefix, created_at=row.created_at)


@router.delete("/v1/keys/{key_id}", status_code=204)
def revoke(key_id: str, principal: Principal = Depends(key_only)):
    if not revoke_key(principal.tenant_id, key_id):
        raise ApiError(404, "not_found", "no such active key")
    with session_scope() as s:
        audit(s, principal, "revoke", "api_key", key_id)
    return Response(status_code=204)
