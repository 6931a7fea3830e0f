"""Clinician review of the note: every edit is a new version, signature freezes one, amendments correct it.

Versions live in `documents` (kind "note"): v1 is the engine's draft; PATCH adds a draft (parent_version
= the one edited); sign marks the newest draft signed (signed_by/at) and never changes it again; amend
adds a draft with `amends` = the signed version, and signing that emits note.amended instead of
note.signed. Optimistic concurrency: the caller sends If-Match: "<version>" and a stale one gets 409.
Writers of one visit's note are serialised by a row lock on the visit (an UPDATE first: SQLite takes its
write lock there, PostgreSQL locks the row), so "read newest, write newest + 1" cannot interleave.

Edits are per section, one sentence per line. A line equal to a sentence of the previous version keeps
that sentence's evidence (fact ids, transcript spans); new lines are the clinician's, without evidence.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select, update

from scribe.core.audit import audit
from scribe.core.db import session_scope
from scribe.core.events import emit
from scribe.core.security import Principal, scoped
from scribe.core.tables import Document, Visit, utcnow
from scribe.delivery import fhir, links, retention
from scribe.delivery.settings import settings_of
from scribe.errors import ApiError
from scribe.notes.compose import load_template, to_markdown
from scribe.schemas_docs import Note

SectionName = Annotated[str, Field(min_length=1, max_length=80)]
SectionText = Annotated[str, Field(max_length=20000)]


class NoteEdit(BaseModel):
    """PATCH body: {sections: {key or title: text, one sentence per line}}."""

    model_config = ConfigDict(extra="forbid")
    sections: dict[SectionName, SectionText] = Field(min_length=1, max_length=40)


class NoteAmend(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sections: dict[SectionName, SectionText] = Field(default_factory=dict, max_length=40)
    reason: str = Field(min_length=1, max_length=2000)


def note_view(doc: Document) -> dict:
    return {
        "version": doc.version,
        "status": doc.status,
        "author": doc.author,
        "created_at": doc.created_at.isoformat(),
        "parent_version": doc.parent_version,
        "amends": doc.amends,
        "signed_by": doc.signed_by,
        "signed_at": doc.signed_at.isoformat() if doc.signed_at else None,
        "note": doc.content,
    }


# --------------------------------------------------------------------------- pure edit


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line[:2] in ("- ", "* ", "• "):
            line = line[2:].strip()
        if line.endswith(" ⚠"):
            line = line[:-2].rstrip()
        if line:
            out.append(line)
    return out


def _template_sections(note: dict) -> list[dict]:
    try:
        return [
            {"key": s["key"], "title": s["title"]} for s in load_template(note.get("template") or "soap")["sections"]
        ]
    except Exception:
        return []


def apply_edits(content: dict, edits: dict[str, str], author: str, at: dt.datetime) -> dict:
    """A new note content with `edits` applied (the input is not modified)."""
    note = copy.deepcopy(content)
    sections: list[dict] = note.setdefault("sections", [])
    known = _template_sections(note)
    order = {s["key"]: i for i, s in enumerate(known)}
    pool = {_norm(s["text"]): s for sec in sections for s in sec.get("sentences", [])}

    def find(name: str) -> dict:
        for sec in sections:
            if name == sec.get("key") or _norm(name) == _norm(sec.get("title", "")):
                return sec
        for t in known:
            if name == t["key"] or _norm(name) == _norm(t["title"]):
                sec = {"key": t["key"], "title": t["title"], "sentences": []}
                at_ = next(
                    (i for i, s in enumerate(sections) if order.get(s.get("key"), 1 << 20) > order[t["key"]]),
                    len(sections),
                )
                sections.insert(at_, sec)
                return sec
        names = [s.get("key") for s in sections] + [
            t["key"] for t in known if t["key"] not in {s.get("key") for s in sections}
        ]
        raise ApiError(
            422, "unknown_section", f"no section {name[:80]!r}; sections: {', '.join(names)}", sections=names
        )

    for name, text in edits.items():
        sec = find(name)
        own = {_norm(s["text"]): s for s in sec.get("sentences", [])}
        sentences = []
        for line in _lines(text):
            kept = own.get(_norm(line)) or pool.get(_norm(line))
            sentences.append(
                copy.deepcopy(kept)
                if kept
                else {
                    "text": line,
                    "fact_ids": [],
                    "evidence": [],
                    "status": "kept",
                    "issues": [],
                    "source": "clinician",
                    "author": author,
                }
            )
        sec["sentences"] = sentences
        sec["edited_by"], sec["edited_at"] = author, at.isoformat()
    note["markdown"] = to_markdown(Note.model_validate(note))
    return note


# --------------------------------------------------------------------------- versions


def version_of(session, visit: Visit, version: int | None) -> Document:
    """The visit's newest note version, or `version`: 404 when it does not exist, 409 not_ready while the
    visit may still get its first one."""
    q = select(Document).where(Document.visit_id == visit.id, Document.kind == "note")
    q = q.where(Document.version == version) if version else q.order_by(Document.version.desc())
    doc = session.execute(q.limit(1)).scalar_one_or_none()
    if doc is None:
        if version or visit.status in ("ready", "failed"):
            raise ApiError(404, "not_found", "no such note version" if version else "this visit has no note")
        raise ApiError(409, "not_ready", f"no note yet (visit is {visit.status})", state=visit.status)
    return doc


def newest_note(session, principal: Principal, visit_id: str) -> tuple[Visit, Document]:
    """Lock the visit's note, then its newest version (409 not_ready when there is none yet)."""
    session.execute(update(Visit).where(Visit.id == visit_id).values(status=Visit.status))
    visit = scoped(session, principal, visit_id)
    doc = session.execute(
        select(Document)
        .where(Document.visit_id == visit_id, Document.kind == "note")
        .order_by(Document.version.desc())
        .limit(1)
    ).scalar_one_or_none()
    if doc is None:
        raise ApiError(409, "not_ready", f"no note yet (visit is {visit.status})", state=visit.status)
    return visit, doc


def check_version(doc: Document, if_match: str | None) -> None:
    if if_match is None:
        return
    wanted = if_match.strip().removeprefix("W/").strip('"')
    if wanted != str(doc.version):
        raise ApiError(
            409, "version_conflict", f"the note is at version {doc.version}; reload and edit again", version=doc.version
        )


def new_version(
    session, principal: Principal, visit: Visit, parent: Document, content: dict, amends: int | None
) -> Document:
    new = Document(
        tenant_id=visit.tenant_id,
        visit_id=visit.id,
        kind="note",
        version=parent.version + 1,
        status="draft",
        parent_version=parent.version,
        author=principal.actor,
        content=content,
        amends=amends,
    )
    session.add(new)
    session.flush()
    return new


def edit(principal: Principal, visit_id: str, body: NoteEdit, if_match: str | None) -> dict:
    with session_scope() as s:
        visit, doc = newest_note(s, principal, visit_id)
        if doc.status == "signed":
            raise ApiError(
                409,
                "note_signed",
                f"version {doc.version} is signed and final; correct it with POST /v1/visits/{visit_id}/note/amend",
                version=doc.version,
            )
        check_version(doc, if_match)
        content = apply_edits(doc.content, body.sections, principal.actor, utcnow())
        new = new_version(s, principal, visit, doc, content, doc.amends)
        audit(s, principal, "update", "note", visit_id)
        return note_view(new)


def amend(principal: Principal, visit_id: str, body: NoteAmend, if_match: str | None) -> dict:
    with session_scope() as s:
        visit, doc = newest_note(s, principal, visit_id)
        if doc.status != "signed":
            raise ApiError(
                409, "not_signed", f"version {doc.version} is a draft: edit it with PATCH", version=doc.version
            )
        check_version(doc, if_match)
        now = utcnow()
        content = (
            apply_edits(doc.content, body.sections, principal.actor, now)
            if body.sections
            else copy.deepcopy(doc.content)
        )
        content["amendment"] = {
            "amends": doc.version,
            "reason": body.reason,
            "by": principal.actor,
            "at": now.isoformat(),
        }
        new = new_version(s, principal, visit, doc, content, doc.version)
        audit(s, principal, "amend", "note", visit_id)
        return note_view(new)


def sign(principal: Principal, visit_id: str, if_match: str | None) -> dict:
    """Sign the newest draft (clinicians only); the event, and on first signature the patient link,
    are written in the same transaction. Then the audio retention policy may apply at once."""
    if principal.clinician_id is None:
        raise ApiError(403, "clinician_required", "only a clinician (with a clinician token) may sign a note")
    with session_scope() as s:
        visit, doc = newest_note(s, principal, visit_id)
        if doc.status == "signed":
            raise ApiError(409, "note_signed", f"version {doc.version} is already signed", version=doc.version)
        check_version(doc, if_match)
        first = (
            s.execute(
                select(Document.id)
                .where(Document.visit_id == visit_id, Document.kind == "note", Document.status == "signed")
                .limit(1)
            ).first()
            is None
        )
        doc.status, doc.signed_by, doc.signed_at = "signed", principal.clinician_id, utcnow()
        emit(
            s,
            visit.tenant_id,
            visit_id,
            "note.amended" if doc.amends else "note.signed",
            version=doc.version,
            **({"amends": doc.amends} if doc.amends else {}),
        )
        audit(s, principal, "sign", "note", visit_id)
        policy = settings_of(s, visit.tenant_id)
        if first and policy.patient_link_on_sign and not links.active(s, visit_id):
            links.create(s, principal, visit, None, policy)
        s.flush()
        view = note_view(doc)
    if policy.audio_retention_days is None:
        retention.purge_audio_quietly(visit_id)
    return view


def fhir_bundle(session, visit: Visit, note: Document) -> dict:
    """The FHIR document Bundle of one note version, from the visit's stored facts and summary."""
    docs = {
        d.kind: d.content
        for d in session.execute(
            select(Document)
            .where(Document.visit_id == visit.id, Document.kind.in_(("facts", "patient_summary")))
            .order_by(Document.version)
        ).scalars()
    }
    return fhir.bundle(fhir.visit_dict(visit), note_view(note), docs.get("facts") or [], docs.get("patient_summary"))
