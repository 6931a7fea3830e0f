"""Sealed JSON columns (scribe.core.tables uses them): AES-GCM through scribe.core.crypto, with associated
data that binds each value to its row, for Core and ORM statements alike."""

from __future__ import annotations

import json

from sqlalchemy import JSON, TypeDecorator
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from scribe.core.crypto import open_json, seal_json
from scribe.errors import ScribeError


class SealedJSON(TypeDecorator):
    """JSON that the database only ever sees encrypted: {"sealed": base64(AES-GCM blob)}, with the
    associated data `where` (table.column) and the values of the row's `row` columns, which are set at
    insert and never change (the primary key, or for rows numbered by the database, what identifies
    them: a document's visit, kind and version). A value copied into another row does not open there.

    Reads: every SELECT of the column also fetches the row's `row` columns (column_expression), so Core
    and ORM queries open values alike. Writes: the ORM binds values at flush (_bind_sealed); a Core
    UPDATE passes bound(Model.column, value, **row)."""

    impl = JSON
    cache_ok = True

    def __init__(self, where: str, row: tuple[str, ...]):
        super().__init__()
        self.where, self.row = where, tuple(row)

    def aad(self, values) -> bytes:
        return f"{self.where}:{json.dumps(list(values), separators=(',', ':'))}".encode()

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, Bound):
            raise ScribeError(f"{self.where} written without its row (use scribe.core.tables.bound)")
        plain = dict(value) if isinstance(value, dict) else list(value)
        return seal_json(plain, value.aad)

    def column_expression(self, column):
        table = getattr(column, "table", None)
        if table is None or not all(name in table.c for name in self.row):
            return column  # not a table's column: process_result_value refuses it
        expression = _SealedWithRow(column, *(table.c[name] for name in self.row))
        expression.type = self
        return expression

    def process_result_value(self, value, dialect):
        if not isinstance(value, list):
            raise ScribeError(f"{self.where} read without its row")
        return open_json(value[0], self.aad(value[1:]))


class BoundDict(dict):
    """A JSON object for a SealedJSON column, with the associated data of its row (it reads as the dict)."""

    def __init__(self, value: dict, aad: bytes):
        super().__init__(value)
        self.aad = aad


class BoundList(list):
    """A JSON array for a SealedJSON column, with the associated data of its row (it reads as the list)."""

    def __init__(self, value: list, aad: bytes):
        super().__init__(value)
        self.aad = aad


Bound = (BoundDict, BoundList)


def with_aad(value: dict | list, aad: bytes) -> BoundDict | BoundList:
    if isinstance(value, dict):
        return BoundDict(value, aad)
    if isinstance(value, list):
        return BoundList(value, aad)
    raise ScribeError(f"sealed columns hold JSON objects or arrays, not {type(value).__name__}")


def bound(column, value: dict | list | None, **row) -> BoundDict | BoundList | None:
    """`value` ready to be written into `column` (Model.attribute) of the row whose `row` columns are given."""
    sealed: SealedJSON = column.type
    return None if value is None else with_aad(value, sealed.aad(row[name] for name in sealed.row))


class _SealedWithRow(FunctionElement):
    """SQL: [stored value, row column, ...] as one JSON array."""

    inherit_cache = True


@compiles(_SealedWithRow)
def _sealed_with_row(element, compiler, **kw):
    stored, *row = (compiler.process(c, **kw) for c in element.clauses)
    return f"json_array(json({stored}), {', '.join(row)})"


@compiles(_SealedWithRow, "postgresql")
def _sealed_with_row_pg(element, compiler, **kw):
    return f"json_build_array({', '.join(compiler.process(c, **kw) for c in element.clauses)})"
