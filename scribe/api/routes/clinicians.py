"""A clinician's enrolled voice: their visits recognise them by it (scribe.voices)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends, Request, Response

from scribe import voices
from scribe.api.deps import principal_of
from scribe.core.audit import audit
from scribe.core.db import session_scope
from scribe.core.security import Principal
from scribe.errors import ApiError, ScribeError
from scribe.speech.decode import decode

router = APIRouter(tags=["clinicians"])


@router.put("/v1/clinicians/{clinician_id}/voice", status_code=201)
async def enroll_voice(clinician_id: str, request: Request, principal: Principal = Depends(principal_of)):
    """Enroll a clinician's voice: the body is 10-60 s of them alone (any audio format)."""
    if principal.clinician_id not in (None, clinician_id):
        raise ApiError(404, "not_found", "no such clinician")
    voices.validate_id(clinician_id)
    body = await request.body()
    if len(body) > 20 << 20:
        raise ApiError(413, "too_large", "enrollment audio is limited to 20 MB")

    def work():
        from scribe.engines.diarization import load_diarization_engine  # torch: loaded on first enrollment

        audio = decode(body)
        if audio.duration < 3.0:
            raise ScribeError(f"enrollment needs at least 3 s of speech (got {audio.duration:.1f} s)")
        voices.save(voices.key(principal.tenant_id, clinician_id), load_diarization_engine().embed(audio.samples))
        with session_scope() as s:
            audit(s, principal, "enroll", "voice", clinician_id)
        return audio.duration

    duration = await asyncio.to_thread(work)
    return {"clinician_id": clinician_id, "seconds": round(duration, 1)}


@router.delete("/v1/clinicians/{clinician_id}/voice", status_code=204)
def delete_voice(clinician_id: str, principal: Principal = Depends(principal_of)):
    if principal.clinician_id not in (None, clinician_id):
        raise ApiError(404, "not_found", "no such clinician")
    if not voices.delete(voices.key(principal.tenant_id, clinician_id)):
        raise ApiError(404, "not_found", "no enrolled voice")
    with session_scope() as s:
        audit(s, principal, "delete", "voice", clinician_id)
    return Response(status_code=204)
