"""The audit log: who read or changed what (ids only, never content).

A change's row is written in the transaction of the change itself (audit); a read's row is committed
before the data is returned, grouped with concurrent reads' rows (audit_read).
"""

from __future__ import annotations

from sqlalchemy import insert

from scribe.core.db import AuditLog, utcnow, write_audit
from scribe.core.observability import request_id_var
from scribe.core.security import Principal


def audit_row(principal: Principal, action: str, resource: str, resource_id: str, success: bool) -> dict:
    return {"tenant_id": principal.tenant_id, "actor": principal.actor, "action": action, "resource": resource,
            "resource_id": resource_id, "request_id": request_id_var.get() or "", "success": success, "at": utcnow()}


def audit(session, principal: Principal, action: str, resource: str, resource_id: str = "",
          success: bool = True) -> None:
    """A change's audit row, in the transaction of the change itself."""
    session.execute(insert(AuditLog), audit_row(principal, action, resource, resource_id, success))


def audit_read(principal: Principal, resource: str, resource_id: str = "", action: str = "read") -> None:
    """A read's audit row, committed (grouped with concurrent reads' rows) before the data is returned."""
    write_audit(audit_row(principal, action, resource, resource_id, True))
