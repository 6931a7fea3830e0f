"""A clinician's enrolled voice: their visits recognise them by it (scribe.voices). The speech vocabulary
of the tenant and of each clinician (scribe.service.vocabulary): their visits' recogniser expects it."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.concurrency import run_in_threadpool

from scribe import voices
from scribe.api.deps import key_only, principal_of
from scribe.api.views import CLINICIAN_ID, VoiceEnrolled, error_responses
from scribe.config import get_settings
from scribe.core.audit import audit
from scribe.core.crypto import keyring
from scribe.core.db import session_scope
from scribe.core.security import Principal
from scribe.errors import ApiError, ScribeError
from scribe.service import vocabulary
from scribe.speech.decode import decode
from scribe.speech.vocabulary import TermList

router = APIRouter(tags=["clinicians"])
MAX_ENROLLMENT_BYTES = get_settings().max_upload_bytes  # also enforced by scribe.api.middleware.BodyLimit


async def _limited_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed `limit`: from Content-Length
    before any of it is read, else once `limit` bytes have arrived (never buffered whole first)."""
    too_large = ApiError(413, "too_large", f"enrollment audio is limited to {limit >> 20} MB")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for part in request.stream():
        body += part
        if len(body) > limit:
            raise too_large
    return bytes(body)


ClinicianId = Annotated[str, Path(pattern=CLINICIAN_ID, description="the clinician's id (as in visits)")]
_AUDIO_BODY = {
    "requestBody": {
        "required": True,
        "description": "10-60 s of the clinician alone, in any audio format ffmpeg decodes (WAV, Opus, MP3...)",
        "content": {
            "application/octet-stream": {
                "schema": {"type": "string", "format": "binary", "minLength": 1, "maxLength": MAX_ENROLLMENT_BYTES}
            }
        },
    }
}


@router.put(
    "/v1/clinicians/{clinician_id}/voice",
    status_code=201,
    response_model=VoiceEnrolled,
    openapi_extra=_AUDIO_BODY,
    responses=error_responses(400, 404, 413),
)
async def enroll_voice(clinician_id: ClinicianId, request: Request, principal: Principal = Depends(principal_of)):
    """Enroll a clinician's voice: the body is 10-60 s of them alone (any audio format). 400: not audio,
    or under 3 s of it; 413: over 20 MB (refused from Content-Length, before the body is read)."""
    if principal.clinician_id not in (None, clinician_id):
        raise ApiError(404, "not_found", "no such clinician")
    voices.validate_id(clinician_id)
    body = await _limited_body(request, MAX_ENROLLMENT_BYTES)

    def work():
        from scribe.engines.diarization import load_diarization_engine  # torch: loaded on first enrollment

        audio = decode(body)
        if audio.duration < 3.0:
            raise ScribeError(f"enrollment needs at least 3 s of speech (got {audio.duration:.1f} s)")
        embedding = load_diarization_engine().embed(audio.samples)
        voices.save(voices.key(principal.tenant_id, clinician_id), embedding, keyring())
        with session_scope() as s:
            audit(s, principal, "enroll", "voice", clinician_id)
        return audio.duration

    duration = await asyncio.to_thread(work)
    return VoiceEnrolled(clinician_id=clinician_id, seconds=round(duration, 1))


@router.delete("/v1/clinicians/{clinician_id}/voice", status_code=204, responses=error_responses(404))
def delete_voice(clinician_id: ClinicianId, principal: Principal = Depends(principal_of)):
    if principal.clinician_id not in (None, clinician_id):
        raise ApiError(404, "not_found", "no such clinician")
    if not voices.delete(voices.key(principal.tenant_id, clinician_id)):
        raise ApiError(404, "not_found", "no enrolled voice")
    with session_scope() as s:
        audit(s, principal, "delete", "voice", clinician_id)
    return Response(status_code=204)


@router.get("/v1/vocabulary", tags=["vocabulary"], response_model=TermList)
async def tenant_vocabulary(principal: Principal = Depends(principal_of)):
    """The clinic's speech vocabulary (its formulary): every visit's recogniser expects these terms."""
    return TermList(terms=await run_in_threadpool(vocabulary.terms_of, principal.tenant_id))


@router.put("/v1/vocabulary", tags=["vocabulary"], response_model=TermList)
async def set_tenant_vocabulary(body: TermList, principal: Principal = Depends(key_only)):
    """Replace the clinic's vocabulary (API key only). At most 500 terms of 60 characters; the visit's own
    terms come first in the recogniser's prompt, then the clinician's, then these (docs/protocol.md)."""
    terms = await run_in_threadpool(vocabulary.set_terms, principal.tenant_id, body.terms)
    await run_in_threadpool(_audit, principal, "vocabulary", principal.tenant_id)
    return TermList(terms=terms)


@router.get("/v1/clinicians/{clinician_id}/vocabulary", tags=["vocabulary"], response_model=TermList)
async def clinician_vocabulary(clinician_id: str, principal: Principal = Depends(principal_of)):
    """A clinician's usual drugs and terms."""
    _own(principal, clinician_id)
    return TermList(terms=await run_in_threadpool(vocabulary.terms_of, principal.tenant_id, clinician_id))


@router.put("/v1/clinicians/{clinician_id}/vocabulary", tags=["vocabulary"], response_model=TermList)
async def set_clinician_vocabulary(clinician_id: str, body: TermList, principal: Principal = Depends(principal_of)):
    """Replace a clinician's vocabulary (the clinician themself, or an API key); [] removes it."""
    _own(principal, clinician_id)
    terms = await run_in_threadpool(vocabulary.set_terms, principal.tenant_id, body.terms, clinician_id)
    await run_in_threadpool(_audit, principal, "clinician_vocabulary", clinician_id)
    return TermList(terms=terms)


def _own(principal: Principal, clinician_id: str) -> None:
    if principal.clinician_id not in (None, clinician_id):
        raise ApiError(404, "not_found", "no such clinician")
    voices.validate_id(clinician_id)


def _audit(principal: Principal, resource: str, resource_id: str) -> None:
    with session_scope() as s:
        audit(s, principal, "update", resource, resource_id)
