"""Relational state of the service: SQLAlchemy 2 models, one engine per process, Alembic to migrate.

SQLite by default (embedded), PostgreSQL in production; the same code and migrations serve both.
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
  webhook_endpoints            a tenant's receivers: URL, event filter, sealed whsec_ secrets (issue 5)
  webhook_deliveries           one row per (outbox event, endpoint): attempts, backoff, dead letter
  patient_links                expiring, revocable patient-summary links (the token itself is not stored)

Columns holding patient data (documents.content, events.data, live_state.state) are sealed with
AES-GCM (scribe.core.crypto) on the way in and opened on the way out.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import queue
import threading
import uuid
import weakref
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import (JSON, BigInteger, Boolean, DateTime, Float, ForeignKey, Index, Integer, String,
                        Text, TypeDecorator, UniqueConstraint, create_engine, event)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from scribe.config import get_settings


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:20]}"


class UTCDateTime(TypeDecorator):
    """Timezone-aware everywhere (SQLite stores naive values; they are given back as UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None and dialect.name == "sqlite":
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value


class SealedJSON(TypeDecorator):
    """JSON that the database only ever sees encrypted: {"sealed": base64(AES-GCM blob)}."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value, dialect):
        from scribe.core.crypto import seal_json

        return None if value is None else seal_json(value)

    def process_result_value(self, value, dialect):
        from scribe.core.crypto import open_json

        return open_json(value)


class Base(DeclarativeBase):
    type_annotation_map = {dt.datetime: UTCDateTime(), dict: JSON, list: JSON}


class Tenant(Base):
    __tablename__ = "tenants"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Retention, webhook allowances, ... (issue 5): free-form, validated by the code that reads it.
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


class Visit(Base):
    __tablename__ = "visits"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"))
    clinician_id: Mapped[str] = mapped_column(String(128))
    patient_ref: Mapped[str] = mapped_column(String(200))
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
    __table_args__ = (Index("ix_visits_tenant_created", "tenant_id", "created_at"),
                      Index("ix_visits_tenant_clinician", "tenant_id", "clinician_id"))


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
    state: Mapped[dict] = mapped_column(SealedJSON, default=dict)  # scribe.speech.streaming.StreamState
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(String(40))
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict] = mapped_column(SealedJSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    __table_args__ = (Index("ix_events_visit_id", "visit_id", "id"),)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(String(40))
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))  # transcript|facts|note|faithfulness|patient_summary|assistant_context
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # notes: draft|signed|amended
    parent_version: Mapped[int | None] = mapped_column(Integer, default=None)
    author: Mapped[str] = mapped_column(String(160), default="system")
    content: Mapped[dict] = mapped_column(SealedJSON, default=dict)
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
    payload: Mapped[dict] = mapped_column(SealedJSON, default=dict)  # may hold a patient link
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
    secret: Mapped[dict] = mapped_column(SealedJSON)  # {"current": "whsec_...", "previous": ..., "previous_until": iso}
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
    __table_args__ = (UniqueConstraint("outbox_id", "endpoint_id", name="uq_delivery_event_endpoint"),
                      Index("ix_deliveries_due", "status", "next_attempt_at"),
                      Index("ix_deliveries_chain", "endpoint_id", "visit_id", "outbox_id"),
                      Index("ix_deliveries_tenant", "tenant_id", "created_at"))


class PatientLink(Base):
    __tablename__ = "patient_links"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(40))
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column()
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)


# --------------------------------------------------------------------------- engine and sessions

_engines: dict[str, tuple] = {}
_lock = threading.Lock()


def database_url() -> str:
    cfg = get_settings()
    return cfg.database_url or _sqlite_url(str(cfg.data_dir))


@lru_cache(maxsize=8)
def _sqlite_url(data_dir: str) -> str:
    """Once per data dir: the mkdir and path resolution cost more than the query of a REST read."""
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(data_dir).resolve() / 'scribe.db'}"


def _sqlite_pragmas(dbapi_connection, _record):
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across process crashes
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def engine_and_sessions(url: str | None = None):
    url = url or database_url()
    with _lock:
        if url not in _engines:
            if url.startswith("sqlite"):
                engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15},
                                       pool_size=20, max_overflow=20, pool_use_lifo=True)
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                engine = create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
            _engines[url] = (engine, sessionmaker(engine, expire_on_commit=False))
        return _engines[url]


def get_engine(url: str | None = None):
    return engine_and_sessions(url)[0]


@contextmanager
def session_scope(url: str | None = None):
    """A transaction: commit on success, roll back on error."""
    session: Session = engine_and_sessions(url)[1]()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def migrate(url: str | None = None) -> None:
    """Bring the schema to the newest Alembic revision (idempotent; safe from many processes)."""
    from alembic import command
    from alembic.config import Config

    url = url or database_url()
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["connection_url"] = url
    engine = get_engine(url)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":  # two processes migrating at once wait on each other
            from sqlalchemy import text

            connection.execute(text("SELECT pg_advisory_xact_lock(727274)"))
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def check(url: str | None = None) -> None:
    from sqlalchemy import text

    with get_engine(url).connect() as connection:
        connection.execute(text("SELECT 1"))


def reset_engines() -> None:
    with _lock:
        for engine, _ in _engines.values():
            engine.dispose()
        _engines.clear()
        _async_engines.clear()


class _AuditWriter:
    """Group commit for the audit rows of reads made in threads. Each read used to be a write transaction
    of its own, and at 200 reads/s those transactions queued behind one another (SQLite: one writer) while
    their threads fought over the GIL. Here one thread writes whatever rows are waiting in one transaction;
    the reading thread still returns only once its row is committed, so no read goes unrecorded."""

    BATCH = 500

    def __init__(self) -> None:
        self.queue: queue.Queue = queue.Queue()
        threading.Thread(target=self._loop, name="audit-writer", daemon=True).start()

    def write(self, row: dict, timeout: float = 30.0) -> None:
        done: list = [threading.Event(), None]
        self.queue.put((database_url(), row, done))
        if not done[0].wait(timeout):
            raise TimeoutError("audit log write timed out")
        if done[1] is not None:
            raise done[1]

    def _loop(self) -> None:
        while True:
            batch = [self.queue.get()]
            while len(batch) < self.BATCH:
                try:
                    batch.append(self.queue.get_nowait())
                except queue.Empty:
                    break
            by_url: dict[str, list] = {}
            for url, row, done in batch:
                by_url.setdefault(url, []).append((row, done))
            for url, items in by_url.items():
                error = None
                try:
                    _insert_audit(url, [row for row, _ in items])
                except Exception as exc:  # the readers fail (500) rather than go unrecorded
                    error = exc
                for _, done in items:
                    done[1] = error
                    done[0].set()


def _insert_audit(url: str, rows: list[dict]) -> None:
    with get_engine(url).begin() as conn:
        conn.execute(AuditLog.__table__.insert(), rows)


class _LoopAuditWriter:
    """Group commit on the event loop, for async reads on SQLite: the rows of the requests handled in one
    loop iteration are inserted in one transaction, right after it; each request still answers only once
    its row is committed. Committing a few rows to a local file takes a fraction of a millisecond, and
    keeping it on the loop's thread avoids the GIL hand-overs with a writer thread (REST p99 at 200
    reads/s: 57-95 ms through the thread, 26-50 ms here). Like any SQLite writer it waits while another
    connection holds the write lock; the service's own write transactions last milliseconds."""

    def __init__(self) -> None:
        self.pending: list[tuple[dict, asyncio.Future]] = []

    async def write(self, row: dict) -> None:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        if not self.pending:
            loop.call_soon(self._flush)
        self.pending.append((row, future))
        await future

    def _flush(self) -> None:
        items, self.pending = self.pending, []
        try:
            _insert_audit(database_url(), [row for row, _ in items])
        except Exception as exc:  # the readers fail (500) rather than go unrecorded
            for _, future in items:
                if not future.done():
                    future.set_exception(exc)
            return
        for _, future in items:
            if not future.done():
                future.set_result(None)


_audit_writer: _AuditWriter | None = None
_loop_audit_writer = _LoopAuditWriter()
_async_engines: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # event loop -> {url: AsyncEngine}


def write_audit(row: dict) -> None:
    """Commit one audit row through the process's group-commit writer (blocks until it is durable). For
    read-only transactions: a thread that holds SQLite's write lock would wait on the writer until its
    busy timeout."""
    global _audit_writer
    with _lock:
        if _audit_writer is None:
            _audit_writer = _AuditWriter()
    _audit_writer.write(row)


async def write_audit_on_loop(row: dict) -> None:
    """write_audit for a request handled on the event loop, SQLite only (see local_database; PostgreSQL
    reads on the loop commit their row over their own connection: api.visits.read_visit)."""
    await _loop_audit_writer.write(row)


def async_engine(url: str | None = None):
    """An asyncio engine (PostgreSQL through psycopg's async connections) for the running event loop: its
    connections belong to that loop, so each loop has its own. Autocommit, for single statements: no
    BEGIN, and no ROLLBACK when the connection goes back to the pool (each was a round trip). A fixed
    pool, no overflow: under a burst, requests wait a moment for a connection, where overflow connections
    would be opened and closed again for each one (a PostgreSQL backend started per request took the API
    to a 1 s p50 at 200 reads/s)."""
    from sqlalchemy.ext.asyncio import create_async_engine

    url = url or database_url()
    engines = _async_engines.setdefault(asyncio.get_running_loop(), {})
    if url not in engines:
        engines[url] = create_async_engine(url, pool_size=8, max_overflow=0, pool_recycle=1800,
                                           isolation_level="AUTOCOMMIT")
    return engines[url]


async def on_loop(work, url: str | None = None):
    """`await work(connection)` on the loop's engine (autocommit); once more if the connection turned
    out dead. No ping per checkout (a round trip each): after a PostgreSQL restart the first error drops
    every connection of the pool, and the retry gets a fresh one."""
    from sqlalchemy.exc import DBAPIError

    for attempt in (0, 1):
        try:
            async with async_engine(url).connect() as conn:
                return await work(conn)
        except DBAPIError as exc:
            if attempt or not exc.connection_invalidated:
                raise


def local_database() -> bool:
    """SQLite: a primary-key read or a small commit is a fraction of a millisecond of local file access,
    cheaper done synchronously on the event loop than through a thread or an async driver."""
    return database_url().startswith("sqlite")


__all__ = ["Base", "Tenant", "ApiKey", "Visit", "AudioChunk", "LiveState", "Event", "Document", "Outbox",
           "AuditLog", "WebhookEndpoint", "WebhookDelivery", "PatientLink", "SealedJSON", "session_scope", "migrate", "get_engine", "new_id", "utcnow", "Text"]
