"""A visit's audio: the live stream in (websocket, docs/protocol.md) and the stored audio out as WAV."""

from __future__ import annotations

import logging
import struct

from fastapi import APIRouter, Depends, Query, Response, WebSocket

from scribe.api.deps import MAX_AUDIO_SECONDS, principal_of
from scribe.api.views import error_responses
from scribe.api.ws import AudioSession
from scribe.core.audio import StoredAudio
from scribe.core.audit import audit_read
from scribe.core.db import session_scope
from scribe.core.security import Principal, scoped
from scribe.errors import ApiError, ScribeError

log = logging.getLogger("scribe.api")
router = APIRouter(tags=["visits"])


@router.websocket("/v1/visits/{visit_id}/audio")
async def audio(websocket: WebSocket, visit_id: str):
    await AudioSession(websocket, visit_id).run()


@router.get(
    "/v1/visits/{visit_id}/audio",
    response_class=Response,
    responses={200: {"content": {"audio/wav": {}}}, **error_responses(404, 410, 416, 422)},
)
def get_audio(
    visit_id: str,
    principal: Principal = Depends(principal_of),
    start: float | None = Query(None, ge=0, le=MAX_AUDIO_SECONDS, allow_inf_nan=False),
    end: float | None = Query(None, gt=0, le=MAX_AUDIO_SECONDS, allow_inf_nan=False),
):
    """The visit's audio as 16-bit WAV while it is retained; `start`/`end` (seconds) for one stretch
    (the web app plays a note sentence's evidence this way). 404 no_audio, 410 audio_gone."""
    with session_scope() as s:
        visit = scoped(s, principal, visit_id)
        stored = StoredAudio.of(visit)
        seconds = visit.audio_seconds
        purged = visit.audio_deleted_at is not None  # retention (scribe.delivery.retention)
        audit_read(principal, "audio", visit_id)
    if start is not None and end is not None and end <= start:
        raise ApiError(422, "invalid_request", "end must be after start")
    if not stored.fmt or stored.upto <= 0:
        raise ApiError(404, "no_audio", "this visit has no audio")
    if purged:
        raise ApiError(410, "audio_gone", "the visit's audio is no longer retained")
    if start is not None and seconds and start >= seconds:
        raise ApiError(416, "bad_range", f"the audio lasts {seconds:.1f} s")
    try:
        raw, rate, channels = stored.pcm(start, end)
    except (OSError, ScribeError) as exc:  # chunks deleted by retention, or an unreadable object
        log.info("audio not available", extra={"code": type(exc).__name__})
        raise ApiError(410, "audio_gone", "the visit's audio is no longer retained") from None
    if not raw:
        raise ApiError(410, "audio_gone", "the visit's audio is no longer retained")
    return Response(
        _wav_header(rate, channels, len(raw)) + raw,
        media_type="audio/wav",
        headers={"Cache-Control": "private, no-store"},
    )


def _wav_header(rate: int, channels: int, size: int) -> bytes:
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + size,
        b"WAVE",
        b"fmt ",
        16,
        1,
        channels,
        rate,
        rate * channels * 2,
        channels * 2,
        16,
        b"data",
        size,
    )
