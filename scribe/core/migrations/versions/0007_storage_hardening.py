"""storage hardening: sealed values bound to their row; a visit's patient_ref and encounter_ref sealed,
with a blind index for listing by patient_ref

Before this revision sealed columns were encrypted without associated data (a database writer could move a
value from one row to another and it opened there), and visits.patient_ref / encounter_ref were clear text.
Upgrade: every sealed value is opened and sealed again with its row's associated data (SealedJSON); the
two identifiers move into visits.refs (sealed), patient_ref's column becomes patient_index (HMAC).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import base64
import json

import sqlalchemy as sa
from alembic import op

from scribe.core.crypto import blind_indexes, is_sealed, keyring, seal_json
from scribe.core.sealed import SealedJSON
from scribe.core.tables import Base, Visit

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _load(value):
    return json.loads(value) if isinstance(value, str) else value


def _open(stored, aad: bytes):
    """A stored value: sealed (with `aad`), or clear JSON from before encryption at rest."""
    if isinstance(stored, dict) and set(stored) == {"sealed"}:
        blob = base64.b64decode(stored["sealed"])
        if is_sealed(blob):
            return json.loads(keyring().decrypt(blob, aad))
    return stored


def _reseal_all(bind, bound: bool) -> None:
    """Every sealed column of every table present: opened with the old associated data, sealed with the new
    (bound: the row's; else none)."""
    existing = sa.inspect(bind)
    for table in Base.metadata.sorted_tables:
        if not existing.has_table(table.name):
            continue
        present = {c["name"] for c in existing.get_columns(table.name)}
        for column in table.columns:
            kind = column.type
            if not isinstance(kind, SealedJSON) or column.name not in present:
                continue
            keys = [c.name for c in table.primary_key.columns]
            names = list(dict.fromkeys([*keys, *kind.row]))
            select = f"SELECT {', '.join(names)}, {column.name} FROM {table.name} WHERE {column.name} IS NOT NULL"
            update = sa.text(
                f"UPDATE {table.name} SET {column.name} = :value WHERE " + " AND ".join(f"{k} = :k_{k}" for k in keys)
            ).bindparams(sa.bindparam("value", type_=sa.JSON))
            for row in bind.execute(sa.text(select)).mappings().all():
                aad = kind.aad(row[n] for n in kind.row)
                old, new = (b"", aad) if bound else (aad, b"")
                value = _open(_load(row[column.name]), old)
                if value is None:
                    continue
                bind.execute(update, {"value": seal_json(value, new), **{f"k_{k}": row[k] for k in keys}})


def upgrade() -> None:
    bind = op.get_bind()
    _reseal_all(bind, bound=True)
    op.add_column("visits", sa.Column("refs", sa.JSON(), nullable=True))
    op.execute("ALTER TABLE visits RENAME COLUMN patient_ref TO patient_index")
    refs_type: SealedJSON = Visit.__table__.c.refs.type
    rows = bind.execute(sa.text("SELECT id, tenant_id, patient_index, encounter_ref FROM visits")).all()
    update = sa.text("UPDATE visits SET refs = :refs, patient_index = :index WHERE id = :id").bindparams(
        sa.bindparam("refs", type_=sa.JSON)
    )
    for visit_id, tenant_id, patient_ref, encounter_ref in rows:
        refs = seal_json({"patient_ref": patient_ref, "encounter_ref": encounter_ref}, refs_type.aad([visit_id]))
        bind.execute(update, {"refs": refs, "index": blind_indexes(tenant_id, patient_ref)[0], "id": visit_id})
    op.execute("ALTER TABLE visits DROP COLUMN encounter_ref")
    op.create_index("ix_visits_tenant_patient", "visits", ["tenant_id", "patient_index"])


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_index("ix_visits_tenant_patient", "visits")
    op.add_column("visits", sa.Column("encounter_ref", sa.String(200), nullable=True))
    op.execute("ALTER TABLE visits RENAME COLUMN patient_index TO patient_ref")
    refs_type: SealedJSON = Visit.__table__.c.refs.type
    update = sa.text("UPDATE visits SET patient_ref = :p, encounter_ref = :e WHERE id = :id")
    for visit_id, stored in bind.execute(sa.text("SELECT id, refs FROM visits")).all():
        refs = _open(_load(stored), refs_type.aad([visit_id])) or {}
        bind.execute(update, {"p": refs.get("patient_ref") or "", "e": refs.get("encounter_ref"), "id": visit_id})
    op.execute("ALTER TABLE visits DROP COLUMN refs")
    _reseal_all(bind, bound=False)
