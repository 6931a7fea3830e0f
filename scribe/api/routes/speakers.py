"""Speaker roles of a finished visit: read them, and let the clinician fix them (the note is regenerated).
Thin: the work is in scribe/service/speakers.py."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Header
from fastapi.responses import JSONResponse

from scribe.api.deps import principal_of
from scribe.api.routes.documents import newest
from scribe.core.security import Principal
from scribe.service import speakers

router = APIRouter(tags=["speakers"])


@router.get("/v1/visits/{visit_id}/speakers")
def get_speakers(visit_id: str, principal: Principal = Depends(principal_of)):
    """Each diarized speaker's role, confidence and evidence (no transcript text), from the newest transcript."""
    doc = newest(principal, visit_id, "transcript", "speakers")
    return {"transcript_version": doc.version, "speakers": doc.content.get("speakers", {})}


@router.put(
    "/v1/visits/{visit_id}/speakers",
    responses={
        409: {"description": "not_ready, nothing_to_swap, or version_conflict (If-Match: the note's version)"},
        422: {"description": "invalid_request, or unknown_speaker"},
    },
)
def put_speakers(
    visit_id: str,
    body: speakers.SpeakerRoles,
    principal: Principal = Depends(principal_of),
    if_match: str | None = Header(None, description='the note version the change was made on: "<version>"'),
):
    """Set speakers' roles (`{"roles": {"S1": "patient", "S2": "clinician"}}`) or exchange clinician and
    patient (`{"swap": true}`). The transcript, facts, summary and context get new versions and the note a
    new draft regenerated from the corrected roles (an amendment draft when the newest note is signed).
    Returns {speakers, transcript_version, note} with the note's ETag."""
    view = speakers.set_roles(principal, visit_id, body, if_match)
    return JSONResponse(view, headers={"ETag": f'"{view["note"]["version"]}"'})
