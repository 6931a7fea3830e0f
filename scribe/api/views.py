"""Request bodies and response views of the REST API (the OpenAPI schema at /docs is built from these)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from scribe.core.tables import Visit
from scribe.service.visits import links
from scribe.visit_context import VisitContext

CLINICIAN_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"


class Consent(BaseModel):
    model_config = ConfigDict(extra="forbid")
    recorded_by: str = Field(min_length=1, max_length=200)
    at: dt.datetime


class VisitCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    clinician_id: str | None = Field(None, pattern=CLINICIAN_ID)
    patient_ref: str = Field(min_length=1, max_length=200)
    language: Literal["auto", "fr", "en"] = "auto"
    # "auto": the French report (cr-fr) for a French visit, SOAP otherwise
    template: str = Field("auto", pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")
    consent: Consent | None = None
    encounter_ref: str | None = Field(None, min_length=1, max_length=200, description="the EHR's encounter id")
    context: VisitContext | None = Field(None, description="what the EHR knows: medications, problems, allergies")


class VisitView(BaseModel):
    id: str
    clinician_id: str
    patient_ref: str
    encounter_ref: str | None = None
    language: str
    template: str
    status: str
    consent: dict
    created_at: dt.datetime
    started_at: dt.datetime | None
    stopped_at: dt.datetime | None
    ready_at: dt.datetime | None
    audio_bytes: int
    audio_seconds: float
    audio_format: dict | None
    streaming: bool
    error: str | None
    links: dict[str, str]

    @classmethod
    def of(cls, v: Visit) -> VisitView:
        now = dt.datetime.now(dt.UTC)
        refs = v.refs or {}  # sealed at rest (a Visit or a row of the visits table)
        return cls(
            id=v.id,
            clinician_id=v.clinician_id,
            patient_ref=refs.get("patient_ref") or "",
            encounter_ref=refs.get("encounter_ref"),
            language=v.language,
            template=v.template,
            status=v.status,
            consent=v.consent,
            created_at=v.created_at,
            started_at=v.started_at,
            stopped_at=v.stopped_at,
            ready_at=v.ready_at,
            audio_bytes=v.audio_bytes,
            audio_seconds=round(v.audio_seconds, 3),
            audio_format=v.audio_format,
            streaming=bool(v.stream_owner and v.stream_lease_until and v.stream_lease_until > now),
            error=v.error,
            links={**links(v.id), "audio": f"/v1/visits/{v.id}/audio"},
        )


class VisitList(BaseModel):
    items: list[VisitView]
    next_cursor: str | None


class TokenRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    clinician_id: str = Field(pattern=CLINICIAN_ID)
    ttl_seconds: int | None = Field(None, ge=1, le=3600)


class TokenRevocation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=1, max_length=4096, description="the clinician token to revoke")


class TokenView(BaseModel):
    token: str
    token_type: str = "Bearer"
    expires_at: dt.datetime
    clinician_id: str
    tenant_id: str


class KeyView(BaseModel):
    id: str
    key: str | None = Field(None, description="shown once, at creation")
    prefix: str
    created_at: dt.datetime


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=2000)


class LinkCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ttl_hours: int | None = Field(None, ge=1, le=8760)


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorView(BaseModel):
    """Every 4xx/5xx JSON body (scribe.errors.ApiError): {"error": {"code", "message", ...}}."""

    error: ErrorDetail


def error_responses(*statuses: int, content_type: str = "application/json") -> dict:
    """The error answers an operation documents in the OpenAPI schema (generated clients rely on them)."""
    return {s: {"model": ErrorView, "content": {content_type: {}}} for s in statuses}


class VoiceEnrolled(BaseModel):
    clinician_id: str
    seconds: float = Field(description="seconds of audio the embedding was made from")
