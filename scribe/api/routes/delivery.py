"""Delivery (docs/delivery.md): note review and sign-off, patient-summary links and their page, webhook
endpoints and deliveries. Thin: the work is in scribe/delivery/."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy import select

from scribe.api.deps import key_only, principal_of, version_query
from scribe.api.views import ErrorView, LinkCreate, error_responses
from scribe.core.audit import audit, audit_read
from scribe.core.db import session_scope
from scribe.core.security import Principal, scoped
from scribe.core.tables import Document, WebhookDelivery, WebhookEndpoint, new_id, utcnow
from scribe.delivery import links, notes, outbox, webhooks
from scribe.delivery.settings import settings_of
from scribe.errors import ApiError

router = APIRouter()


def _etag(view: dict) -> dict:
    return {"ETag": f'"{view["version"]}"'}


# --------------------------------------------------------------------------- note review


@router.get("/v1/visits/{visit_id}/note", tags=["notes"])
def get_note(visit_id: str, principal: Principal = Depends(principal_of), version: int | None = version_query()):
    """The newest note version (or `version`), with ETag "<version>" for If-Match."""
    with session_scope() as s:
        visit = scoped(s, principal, visit_id)
        doc = notes.version_of(s, visit, version)
        audit_read(principal, "note", visit_id)
        view = notes.note_view(doc)
    return JSONResponse(view, headers=_etag(view))


@router.get("/v1/visits/{visit_id}/note/versions", tags=["notes"])
def note_versions(visit_id: str, principal: Principal = Depends(principal_of)):
    with session_scope() as s:
        scoped(s, principal, visit_id)
        rows = (
            s.execute(
                select(Document)
                .where(Document.visit_id == visit_id, Document.kind == "note")
                .order_by(Document.version)
            )
            .scalars()
            .all()
        )
        audit_read(principal, "note_versions", visit_id)
        return {"versions": [{k: v for k, v in notes.note_view(d).items() if k != "note"} for d in rows]}


IF_MATCH = r'^(W/)?"?[0-9]{1,9}"?$'  # the ETag of a note version


@router.patch("/v1/visits/{visit_id}/note", tags=["notes"], responses=error_responses(404, 409, 422))
def patch_note(
    visit_id: str,
    body: notes.NoteEdit,
    principal: Principal = Depends(principal_of),
    if_match: str | None = Header(None, pattern=IF_MATCH, description='the version edited: "<version>" (its ETag)'),
):
    """Edit sections ({key or title: text, one sentence per line}) → a new draft version. Send If-Match:
    "<version>": a stale one is 409 version_conflict. A signed note is 409 note_signed (amend it); a
    section the note's template does not have is 422 unknown_section (the answer lists its sections)."""
    view = notes.edit(principal, visit_id, body, if_match)
    return JSONResponse(view, headers=_etag(view))


@router.post("/v1/visits/{visit_id}/note/sign", tags=["notes"])
def sign_note(visit_id: str, principal: Principal = Depends(principal_of), if_match: str | None = Header(None)):
    """Sign the newest draft (clinician tokens only). Emits note.signed, or note.amended for an amendment."""
    view = notes.sign(principal, visit_id, if_match)
    return JSONResponse(
        {k: view[k] for k in ("version", "status", "signed_by", "signed_at", "amends")}, headers=_etag(view)
    )


@router.post("/v1/visits/{visit_id}/note/amend", status_code=201, tags=["notes"])
def amend_note(
    visit_id: str,
    body: notes.NoteAmend,
    principal: Principal = Depends(principal_of),
    if_match: str | None = Header(None),
):
    """Correct a signed note: a new draft with `amends` = the signed version (If-Match: that version)."""
    view = notes.amend(principal, visit_id, body, if_match)
    return JSONResponse(view, status_code=201, headers=_etag(view))


# --------------------------------------------------------------------------- patient links


@router.post("/v1/visits/{visit_id}/patient-link", status_code=201, tags=["patient"])
def create_patient_link(visit_id: str, body: LinkCreate | None = None, principal: Principal = Depends(principal_of)):
    """A link for the patient to read their summary (announced by patient_summary.ready)."""
    with session_scope() as s:
        visit = scoped(s, principal, visit_id)
        made = links.create(s, principal, visit, body.ttl_hours if body else None, settings_of(s, visit.tenant_id))
        if made is None:
            raise ApiError(409, "not_ready", f"no patient summary yet (visit is {visit.status})")
    return made


@router.delete("/v1/visits/{visit_id}/patient-link", status_code=204, tags=["patient"])
def revoke_patient_links(visit_id: str, principal: Principal = Depends(principal_of)):
    with session_scope() as s:
        scoped(s, principal, visit_id)
        links.revoke_all(s, visit_id)
        audit(s, principal, "revoke", "patient_link", visit_id)
    return Response(status_code=204)


# Published with its pattern, checked by links.open_link rather than FastAPI: a mangled link still gets the
# patient a page (400), not JSON.
_TOKEN = Path(
    description="the link's signed token (from POST /v1/visits/{visit_id}/patient-link)",
    json_schema_extra={"pattern": links.TOKEN_PATTERN, "minLength": 8, "maxLength": links.MAX_TOKEN},
)
_PAGE = {"text/html": {"schema": {"type": "string"}}}
_REFUSAL = {"model": ErrorView, "content": _PAGE}  # a page, or JSON for clients that ask for it only


@router.get(
    "/p/{token}",
    tags=["patient"],
    response_class=HTMLResponse,
    responses={
        200: {"content": _PAGE, "description": "the summary page"},
        400: {**_REFUSAL, "description": "not a link this service signed (altered, truncated): invalid_link"},
        410: {**_REFUSAL, "description": "expired, revoked, or its visit erased: link_expired, link_revoked"},
    },
)
def patient_page(request: Request, token: str = _TOKEN):
    """The patient's summary as an accessible, printable page (no account: the token is the key). Refusals
    are a page too, or JSON when the client asks for application/json only."""
    private = {
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Robots-Tag": "noindex",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    }
    try:
        with session_scope() as s:
            summary = links.open_link(s, token)
    except links.LinkError as exc:
        accept = request.headers.get("accept", "")
        if "application/json" in accept and "text/html" not in accept:
            return JSONResponse(
                {"error": {"code": exc.code, "message": exc.message}}, status_code=exc.status, headers=private
            )
        return HTMLResponse(links.error_html(exc), status_code=exc.status, headers=private)
    return HTMLResponse(links.summary_html(summary), headers=private)


# --------------------------------------------------------------------------- webhooks


@router.post(
    "/v1/webhooks/endpoints",
    status_code=201,
    response_model=webhooks.EndpointView,
    tags=["webhooks"],
    responses=error_responses(403, 422),
)
def create_endpoint(body: webhooks.EndpointCreate, principal: Principal = Depends(key_only)):
    """Register a receiver. The whsec_ secret is in this response only."""
    with session_scope() as s:
        allow = settings_of(s, principal.tenant_id).webhooks_allow_private
    webhooks.validate_url(body.url, allow)
    secret = webhooks.new_secret()
    with session_scope() as s:
        e = WebhookEndpoint(
            id=new_id("whe"),
            tenant_id=principal.tenant_id,
            url=body.url,
            events=list(dict.fromkeys(body.events)),
            full_content=body.full_content,
            secret={"current": secret},
            created_at=utcnow(),
        )
        s.add(e)
        audit(s, principal, "create", "webhook_endpoint", e.id)
    return webhooks.EndpointView.of(e, secret)


@router.get("/v1/webhooks/endpoints", tags=["webhooks"])
def list_endpoints(principal: Principal = Depends(key_only)):
    with session_scope() as s:
        rows = (
            s.execute(
                select(WebhookEndpoint)
                .where(WebhookEndpoint.tenant_id == principal.tenant_id, WebhookEndpoint.deleted_at.is_(None))
                .order_by(WebhookEndpoint.created_at)
            )
            .scalars()
            .all()
        )
        return {"items": [webhooks.EndpointView.of(e).model_dump(mode="json") for e in rows]}


def _endpoint(s, principal: Principal, endpoint_id: str) -> WebhookEndpoint:
    e = s.get(WebhookEndpoint, endpoint_id) if len(endpoint_id) <= 40 else None
    if e is None or e.tenant_id != principal.tenant_id or e.deleted_at is not None:
        raise ApiError(404, "not_found", "no such webhook endpoint")
    return e


@router.delete("/v1/webhooks/endpoints/{endpoint_id}", status_code=204, tags=["webhooks"])
def delete_endpoint(endpoint_id: str, principal: Principal = Depends(key_only)):
    """Stop sending to it; its pending deliveries are cancelled (history stays listed)."""
    with session_scope() as s:
        e = _endpoint(s, principal, endpoint_id)
        e.deleted_at = utcnow()
        s.execute(
            WebhookDelivery.__table__.update()
            .where(WebhookDelivery.endpoint_id == e.id, WebhookDelivery.status == "pending")
            .values(status="cancelled", last_error="endpoint deleted")
        )
        audit(s, principal, "delete", "webhook_endpoint", e.id)
    return Response(status_code=204)


@router.post(
    "/v1/webhooks/endpoints/{endpoint_id}/rotate-secret", response_model=webhooks.EndpointView, tags=["webhooks"]
)
def rotate_secret(endpoint_id: str, principal: Principal = Depends(key_only)):
    """A new secret (shown once); messages are signed with both until previous_secret_valid_until."""
    with session_scope() as s:
        e = _endpoint(s, principal, endpoint_id)
        e.secret, fresh = webhooks.rotated(e.secret, utcnow())
        audit(s, principal, "rotate", "webhook_endpoint", e.id)
        return webhooks.EndpointView.of(e, fresh)


@router.get("/v1/webhooks/deliveries", tags=["webhooks"])
def list_deliveries(
    principal: Principal = Depends(key_only),
    status: Literal["pending", "delivered", "dead", "cancelled"] | None = None,
    endpoint_id: str | None = Query(None, max_length=40),
    visit_id: str | None = Query(None, max_length=40),
    limit: int = Query(100, ge=1, le=1000),
):
    q = select(WebhookDelivery).where(WebhookDelivery.tenant_id == principal.tenant_id)
    for column, value in (
        (WebhookDelivery.status, status),
        (WebhookDelivery.endpoint_id, endpoint_id),
        (WebhookDelivery.visit_id, visit_id),
    ):
        if value:
            q = q.where(column == value)
    with session_scope() as s:
        rows = s.execute(q.order_by(WebhookDelivery.outbox_id.desc(), WebhookDelivery.id).limit(limit)).scalars().all()
        return {"items": [webhooks.DeliveryView.of(d).model_dump(mode="json") for d in rows]}


@router.post(
    "/v1/webhooks/deliveries/{delivery_id}/replay",
    status_code=202,
    response_model=webhooks.DeliveryView,
    tags=["webhooks"],
)
def replay_delivery(delivery_id: str, principal: Principal = Depends(key_only)):
    """Send again now (dead letters included), with the same webhook-id and a fresh retry schedule."""
    d = outbox.replay(principal.tenant_id, delivery_id)
    if d is None:
        raise ApiError(404, "not_found", "no such delivery")
    with session_scope() as s:
        audit(s, principal, "replay", "webhook_delivery", delivery_id)
    return webhooks.DeliveryView.of(d)
