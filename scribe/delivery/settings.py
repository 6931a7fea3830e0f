"""Per-tenant delivery settings, stored in tenants.settings (JSON) and set by an operator with
`scribe tenants settings` (not by API keys: allowing private webhook addresses is an SSRF decision)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from scribe.core.tables import Tenant
from scribe.speech.vocabulary import Terms


class TenantSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # Webhook receivers on loopback / private networks (on-premises EHR, tests). Off: SSRF guard.
    webhooks_allow_private: bool = False
    # Audio: None deletes it as soon as the note is signed; N deletes it N days after finalization.
    audio_retention_days: int | None = Field(None, ge=0, le=3650)
    # Whole visit (transcript, notes, summaries): None keeps it; N erases it N days after finalization.
    visit_retention_days: int | None = Field(None, ge=1, le=36500)
    # Signing a note creates a patient-summary link (and announces it) unless one is active.
    patient_link_on_sign: bool = True
    patient_link_ttl_hours: int | None = Field(None, ge=1, le=8760)  # None: SCRIBE_PATIENT_LINK_TTL_HOURS
    # Speech vocabulary (scribe.speech.vocabulary): the clinic's formulary, and each clinician's usual
    # drugs and terms by clinician id; set with PUT /v1/vocabulary and /v1/clinicians/{id}/vocabulary.
    vocabulary: Terms = Field(default_factory=list)
    clinician_vocabulary: dict[str, Terms] = Field(default_factory=dict, max_length=10_000)


def tenant_settings(tenant: Tenant | dict | None) -> TenantSettings:
    """Lenient read: keys other features keep in tenants.settings are ignored here."""
    raw = tenant.settings if isinstance(tenant, Tenant) else (tenant or {})
    return TenantSettings.model_validate({k: v for k, v in (raw or {}).items() if k in TenantSettings.model_fields})


def settings_of(session, tenant_id: str) -> TenantSettings:
    return tenant_settings(session.get(Tenant, tenant_id))
