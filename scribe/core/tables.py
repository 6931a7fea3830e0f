"""The service's tables (SQLAlchemy 2 models); engines and sessions are in scribe.core.db, migrations in
scribe/core/migrations (Alembic).

Every tenant-owned row carries tenant_id and every query that reads one filters on it.

Tables and who owns them:
  tenants, api_keys            auth (keys stored as sha256 of a 256-bit secret, shown once)
  visits                       one consultation; status machine created → streaming ⇄ paused →
                               finalizing → ready | failed; stream lease for "one websocket per visit"
  audio_chunks                 one row per persisted client frame (byte range + object key)
  live_state                   incremental transcription state (optimistic concurrency on version)
  events                       durable visit events (finals, status changes, ready) for SSE replay
  documents                    versioned artefacts: transcript, facts, note, patient_summary, ...
                               (note versions carry status draft/signed/amended + parent_version)
  outbox                       transactional outbox for webhooks (written with the state change)
  audit_log                    who read or changed what (ids only, never content)
  webhook_endpoints            a tenant's receivers: URL, event filter, sealed whsec_ secrets
  webhook_deliveries           one row per (outbox event, endpoint): attempts, backoff, dead letter
  patient_links                expiring, revocable patient-summary links (the token itself is not stored)

Columns holding patient data (documents.content, events.data, live_state.state, visits.refs, ...) are
sealed with AES-GCM (scribe.core.crypto) on the way in and opened on the way out, bound to their row
(SealedJSON). A visit's patient_ref is in visits.refs, sealed; visits.patient_index holds its blind index
so that listing by patient_ref still works.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    TypeDecorator,
    UniqueConstraint,
    event,
    inspect,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from scribe.core.crypto import blind_indexes
from scribe.core.sealed import SealedJSON, bound, with_aad  # noqa: F401  (bound: Core UPDATEs of sealed columns)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:20]}"


class UTCDateTime(TypeDecorator):
    """Timezone-aware everywhere (SQLite stores naive values; they are given back as UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None and dialect.name == "sqlite":
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {dt.datetime: UTCDateTime(), dict: JSON, list: JSON}


class Tenant(Base):
    __tablename__ = "tenants"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Retention, webhook allowances, ... (scribe.delivery.settings): free-form, validated by the code that reads it.
    settings: Mapped[dict] = mapped_column(default=dict)


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    prefix: Mapped[str] = mapped_column(String(20))  # shown in listings to recognise a key
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class RevokedToken(Base):
    """A clinician token revoked before its exp (POST /v1/tokens/revoke); kept until that exp."""

    __tablename__ = "revoked_tokens"
    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(40))
    expires_at: Mapped[dt.datetime] = mapped_column(index=True)
    revoked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Visit(Base):
    __tablename__ = "visits"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"))
    clinician_id: Mapped[str] = mapped_column(String(128))
    # {"patient_ref", "encounter_ref"}: identifiers of the patient, sealed (read them as visit.patient_ref)
    refs: Mapped[dict | None] = mapped_column(SealedJSON("visits.refs", ("id",)), default=None)
    # Blind index of patient_ref within the tenant (crypto.blind_indexes): GET /v1/visits?patient_ref=
    patient_index: Mapped[str] = mapped_column(String(200), default="")
    # What the EHR knows (scribe.visit_context.VisitContext as JSON): patient data, so sealed at rest.
    context: Mapped[dict | None] = mapped_column(SealedJSON("visits.context", ("id",)), default=None)
    language: Mapped[str] = mapped_column(String(8), default="auto")
    template: Mapped[str] = mapped_column(String(40), default="soap")
    consent: Mapped[dict] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(16), default="created")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    stopped_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    ready_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    audio_format: Mapped[dict | None] = mapped_column(default=None)
    audio_bytes: Mapped[int] = mapped_column(BigInteger, default=0)  # persisted = acknowledged
    audio_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    error: Mapped[str | None] = mapped_column(String(400), default=None)
    stream_owner: Mapped[str | None] = mapped_column(String(80), default=None)
    stream_lease_until: Mapped[dt.datetime | None] = mapped_column(default=None)
    audio_deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)  # retention purged the audio
    __table_args__ = (
        Index("ix_visits_tenant_created", "tenant_id", "created_at"),
        Index("ix_visits_tenant_clinician", "tenant_id", "clinician_id"),
        Index("ix_visits_tenant_patient", "tenant_id", "patient_index"),
        Index("ix_visits_status", "status", "created_at"),  # the sweeps: stuck, abandoned; admission
    )

    @property
    def patient_ref(self) -> str | None:
        return (self.refs or {}).get("patient_ref")

    @patient_ref.setter
    def patient_ref(self, value: str) -> None:
        self.refs = {**(self.refs or {}), "patient_ref": value}

    @property
    def encounter_ref(self) -> str | None:
        return (self.refs or {}).get("encounter_ref")

    @encounter_ref.setter
    def encounter_ref(self, value: str | None) -> None:
        self.refs = {**(self.refs or {}), "encounter_ref": value}


class AudioChunk(Base):
    __tablename__ = "audio_chunks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger)
    length: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    __table_args__ = (UniqueConstraint("visit_id", "offset", name="uq_chunk_offset"),)


class LiveState(Base):
    __tablename__ = "live_state"
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    processed_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    requested_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    requested_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    # scribe.speech.streaming.StreamState
    state: Mapped[dict] = mapped_column(SealedJSON("live_state.state", ("visit_id",)), default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(String(40))
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict] = mapped_column(SealedJSON("events.data", ("visit_id", "type")), default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    __table_args__ = (Index("ix_events_visit_id", "visit_id", "id"),)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(String(40))
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(
        String(40)
    )  # transcript|facts|note|faithfulness|patient_summary|assistant_context
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # notes: draft|signed|amended
    parent_version: Mapped[int | None] = mapped_column(Integer, default=None)
    author: Mapped[str] = mapped_column(String(160), default="system")
    content: Mapped[dict] = mapped_column(
        SealedJSON("documents.content", ("visit_id", "kind", "version")), default=dict
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    signed_by: Mapped[str | None] = mapped_column(String(128), default=None)  # notes: the signing clinician
    signed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    amends: Mapped[int | None] = mapped_column(Integer, default=None)  # notes: the signed version corrected
    __table_args__ = (UniqueConstraint("visit_id", "kind", "version", name="uq_document_version"),)


class Outbox(Base):
    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(String(40), index=True)
    visit_id: Mapped[str | None] = mapped_column(String(40), default=None)
    type: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict] = mapped_column(  # may hold a patient link
        SealedJSON("outbox.payload", ("tenant_id", "visit_id", "type")), default=dict
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # pending → dispatched (one webhook_deliveries row per matching endpoint) | skipped (no endpoint)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(default=None)  # resubmit fan-out after
    __table_args__ = (Index("ix_outbox_status", "status", "id"),)


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))  # "key:<id>" or "clinician:<id>" or "system"
    action: Mapped[str] = mapped_column(String(40))  # read|create|update|stop|stream|...
    resource: Mapped[str] = mapped_column(String(40))
    resource_id: Mapped[str] = mapped_column(String(80), default="")
    request_id: Mapped[str] = mapped_column(String(40), default="")
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    success: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (Index("ix_audit_tenant_at", "tenant_id", "at"),)


class WebhookEndpoint(Base):
    __tablename__ = "webhook_endpoints"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    events: Mapped[list] = mapped_column(default=list)
    full_content: Mapped[bool] = mapped_column(Boolean, default=False)
    # {"current": "whsec_...", "previous": ..., "previous_until": iso}
    secret: Mapped[dict] = mapped_column(SealedJSON("webhook_endpoints.secret", ("id",)))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class WebhookDelivery(Base):
    __tablename__ = "webhook_deliveries"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(40))
    endpoint_id: Mapped[str] = mapped_column(ForeignKey("webhook_endpoints.id"))
    outbox_id: Mapped[int] = mapped_column(Integer)  # order within (endpoint, visit)
    visit_id: Mapped[str | None] = mapped_column(String(40), default=None)
    event_type: Mapped[str] = mapped_column(String(40))
    webhook_id: Mapped[str] = mapped_column(String(60))  # the same on every attempt and replay
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|delivered|dead|cancelled
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    lease_until: Mapped[dt.datetime | None] = mapped_column(default=None)  # an attempt is in flight
    submitted_at: Mapped[dt.datetime | None] = mapped_column(default=None)  # last handed to the queue
    last_status: Mapped[int | None] = mapped_column(Integer, default=None)
    last_error: Mapped[str | None] = mapped_column(String(200), default=None)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    __table_args__ = (
        UniqueConstraint("outbox_id", "endpoint_id", name="uq_delivery_event_endpoint"),
        Index("ix_deliveries_due", "status", "next_attempt_at"),
        Index("ix_deliveries_chain", "endpoint_id", "visit_id", "outbox_id"),
        Index("ix_deliveries_tenant", "tenant_id", "created_at"),
        Index("ix_deliveries_lease", "lease_until", "tenant_id"),  # attempts in flight, per tenant (fairness)
    )


class PatientLink(Base):
    __tablename__ = "patient_links"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(40))
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column()
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class User(Base):
    """A person who signs in to the web app (issue 14): a local account (argon2 password, optional TOTP) or
    one made by single sign-on. Emails are unique across tenants, so the sign-in page needs no tenant."""

    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)  # lower-cased
    clinician_id: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16), default="clinician")  # clinician|admin
    password_hash: Mapped[str | None] = mapped_column(String(200), default=None)  # argon2id; None: invited
    # {"secret", "confirmed", "last_step"}
    totp: Mapped[dict | None] = mapped_column(SealedJSON("users.totp", ("id",)), default=None)
    failed_signins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(default=None)
    invite_hash: Mapped[str | None] = mapped_column(String(64), default=None, index=True)  # sha256 of the link
    invite_expires_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    sso_subject: Mapped[str | None] = mapped_column(String(300), default=None)  # "<issuer> <sub>"
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    disabled_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    __table_args__ = (UniqueConstraint("tenant_id", "sso_subject", name="uq_user_sso_subject"),)


class UserSession(Base):
    """A browser session: the cookie holds a random value, the table only its sha256."""

    __tablename__ = "user_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the cookie value
    tenant_id: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column()


class SsoProvider(Base):
    """A tenant's OpenID Connect identity provider (one per tenant); the client secret is sealed."""

    __tablename__ = "sso_providers"
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))  # shown on the sign-in button
    issuer: Mapped[str] = mapped_column(String(500))
    client_id: Mapped[str] = mapped_column(String(300))
    client_secret: Mapped[dict] = mapped_column(SealedJSON("sso_providers.client_secret", ("tenant_id",)))  # {"secret"}
    clinician_claim: Mapped[str] = mapped_column(String(80), default="sub")
    role_claim: Mapped[str] = mapped_column(String(80), default="roles")
    admin_value: Mapped[str] = mapped_column(String(200), default="scribe-admin")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


@event.listens_for(Session, "before_flush")
def _bind_sealed(session, _context, _instances) -> None:
    """Give every sealed value about to be written the associated data of its row (SealedJSON), and a
    visit's patient_ref its blind index."""
    for obj in [*session.new, *session.dirty]:
        state = inspect(obj)
        mapper = state.mapper
        new = obj in session.new
        for prop in mapper.column_attrs:
            column = prop.columns[0]
            if not isinstance(column.type, SealedJSON):
                continue
            keys = [mapper.get_property_by_column(column.table.c[name]).key for name in column.type.row]
            if not (new or any(state.attrs[k].history.has_changes() for k in [prop.key, *keys])):
                continue  # neither the value nor its row changed: written as it is, or not at all
            value = getattr(obj, prop.key)
            if value is None and column.default is not None and new:
                value = column.default.arg(None)
            if value is not None:
                row = [_value(obj, key, column.table.c[name]) for key, name in zip(keys, column.type.row)]
                setattr(obj, prop.key, with_aad(value, column.type.aad(row)))
        if isinstance(obj, Visit) and state.attrs["refs"].history.has_changes():
            obj.patient_index = blind_indexes(obj.tenant_id, obj.patient_ref or "")[0]


def _value(obj, key: str, column):
    """An attribute's value as the INSERT will write it (its scalar default when unset)."""
    value = getattr(obj, key)
    if value is None and column.default is not None and column.default.is_scalar:
        value = column.default.arg
    return value
