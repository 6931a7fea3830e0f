"""`scribe encryption rotate`: re-seal stored data under the first key of SCRIBE_ENCRYPTION_KEYS
(scribe.core.crypto; rotation steps in docs/delivery.md). Like every command module, it imports the
subsystems inside the command, so that `scribe --help` and the other commands do not load them."""

from __future__ import annotations

import json

import click

from scribe.commands.common import init


@click.group()
def encryption():
    """At-rest encryption keys (SCRIBE_ENCRYPTION_KEYS; docs/delivery.md)."""


@encryption.command("rotate")
def encryption_rotate():
    """Re-encrypt everything under the first key of SCRIBE_ENCRYPTION_KEYS (then drop the old key)."""
    from scribe.core.crypto import keyring

    init()
    counts = reseal_all()
    click.echo(json.dumps({"active_key": keyring().active, "resealed": counts}))


def reseal_all(batch: int = 200) -> dict[str, int]:
    """Re-encrypt every sealed column and stored object not under the active key (key rotation's last
    step: afterwards the old key can leave SCRIBE_ENCRYPTION_KEYS). Returns counts per table/store."""
    from sqlalchemy import JSON, select, type_coerce
    from sqlalchemy.orm.attributes import flag_modified

    from scribe.core.crypto import keyring, sealed_key_id
    from scribe.core.db import session_scope
    from scribe.core.objects import get_store
    from scribe.core.tables import Document, Event, LiveState, Outbox, Visit, WebhookEndpoint

    ring = keyring()
    counts: dict[str, int] = {}
    for model, name in (
        (Document, "content"),
        (Event, "data"),
        (LiveState, "state"),
        (Outbox, "payload"),
        (WebhookEndpoint, "secret"),
        (Visit, "context"),
        (Visit, "refs"),  # written back, its blind index (patient_index) is recomputed under the active key
    ):
        pk = model.__mapper__.primary_key[0]
        with session_scope() as s:
            raw = s.execute(select(pk, type_coerce(getattr(model, name), JSON))).all()
        stale = [ident for ident, value in raw if value is not None and sealed_key_id(value) != ring.active]
        del raw
        for i in range(0, len(stale), batch):
            with session_scope() as s:
                for row in s.execute(select(model).where(pk.in_(stale[i : i + batch]))).scalars():
                    flag_modified(row, name)  # written back: sealed again under the active key
        counts[model.__tablename__] = counts.get(model.__tablename__, 0) + len(stale)
    store = get_store()
    inner = getattr(store, "inner", store)
    moved = 0
    for key in inner.list("visits"):
        blob = inner.get(key)
        if ring.key_id(blob) != ring.active:
            inner.put(key, ring.encrypt(ring.decrypt(blob, key.encode()), key.encode()))
            moved += 1
    counts["objects"] = moved
    return counts
