"""The audit log: who read or changed what (ids only, never content).

A change's row is written in the transaction of the change itself (audit); a read's row is committed
before the data is returned, grouped with concurrent reads' rows by a group-commit writer (audit_read,
write_audit; write_audit_on_loop for reads made on the event loop).
"""

from __future__ import annotations

import asyncio
import queue
import threading

from sqlalchemy import insert

from scribe.core.db import database_url, get_engine
from scribe.core.observability import request_id_var
from scribe.core.security import Principal
from scribe.core.tables import AuditLog, utcnow


def audit_row(principal: Principal, action: str, resource: str, resource_id: str, success: bool) -> dict:
    return {
        "tenant_id": principal.tenant_id,
        "actor": principal.actor,
        "action": action,
        "resource": resource,
        "resource_id": resource_id,
        "request_id": request_id_var.get() or "",
        "success": success,
        "at": utcnow(),
    }


def audit(
    session, principal: Principal, action: str, resource: str, resource_id: str = "", success: bool = True
) -> None:
    """A change's audit row, in the transaction of the change itself."""
    session.execute(insert(AuditLog), audit_row(principal, action, resource, resource_id, success))


def audit_read(principal: Principal, resource: str, resource_id: str = "", action: str = "read") -> None:
    """A read's audit row, committed (grouped with concurrent reads' rows) before the data is returned."""
    write_audit(audit_row(principal, action, resource, resource_id, True))


def audit_denied(principal: Principal, resource: str, resource_id: str) -> None:
    """A refused access to something that exists (another tenant's visit: answered 404), committed before
    the answer like a read's row."""
    write_audit(audit_row(principal, "denied", resource, resource_id, False))


# --------------------------------------------------------------------------- group commit


class _AuditWriter:
    """Group commit for the audit rows of reads made in threads: one thread writes whatever rows are
    waiting in one transaction, so concurrent reads do not each queue a write transaction of their own
    (SQLite has one writer) while their threads contend for the GIL. The reading thread still returns
    only once its row is committed, so no read goes unrecorded."""

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
    keeping it on the loop's thread avoids the GIL hand-overs with a writer thread (measured: docs/scaling.md,
    "The REST read path"). Like any SQLite writer it waits while another connection holds the write lock;
    the service's own write transactions last milliseconds."""

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
_audit_writer_lock = threading.Lock()
_loop_audit_writer = _LoopAuditWriter()


def write_audit(row: dict) -> None:
    """Commit one audit row through the process's group-commit writer (blocks until it is durable). For
    read-only transactions: a thread that holds SQLite's write lock would wait on the writer until its
    busy timeout."""
    global _audit_writer
    with _audit_writer_lock:
        if _audit_writer is None:
            _audit_writer = _AuditWriter()
    _audit_writer.write(row)


async def write_audit_on_loop(row: dict) -> None:
    """write_audit for a request handled on the event loop, SQLite only (see local_database; PostgreSQL
    reads on the loop commit their row over their own connection: service.visits.read_visit)."""
    await _loop_audit_writer.write(row)
