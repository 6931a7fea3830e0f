"""The clinician fixes who is who: roles set by hand (PUT /v1/visits/{id}/speakers) rewrite the transcript's
roles and regenerate the visit's documents from it.

Roles from the audio are a guess (scribe.speech.roles; "unknown" when the evidence is weak), and every fact
depends on them: a symptom the doctor asks about is not one the patient has. So a correction regenerates
everything built on the transcript, and nothing is overwritten: the transcript, facts, faithfulness report,
patient summary and assistant context each get a new version; the note gets a new draft whose parent is the
newest version. A signed note is never replaced: the regenerated note is an amendment draft (`amends` = the
signed version, reason "speaker roles corrected") that is signed like any amendment. Sections the clinician
edited by hand are kept as they were (their words are theirs, not the engine's). The documentation engine runs
with check_roles=False: roles a person set are not second-guessed (scribe.notes.speaker_check).

The engine runs in the request (a second or two with the rules engine), outside the visit's lock; the write
then checks that neither the note nor the transcript changed meanwhile (409 version_conflict).
"""

from __future__ import annotations

import copy
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from scribe.config import get_settings
from scribe.core import events
from scribe.core.audit import audit
from scribe.core.db import session_scope
from scribe.core.security import Principal, scoped
from scribe.core.tables import Document, Visit, utcnow
from scribe.delivery import notes
from scribe.errors import ApiError
from scribe.notes.compose import to_markdown
from scribe.schemas import Role, SpeakerInfo, Transcript
from scribe.schemas_docs import Note
from scribe.service import documents
from scribe.service.visits import links

SpeakerId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]{1,40}$")]
SWAPPED = {"clinician": "patient", "patient": "clinician"}


class SetRoles(BaseModel):
    """Speaker → role; the speakers not named keep theirs."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"roles": {"S1": "patient"}}]})
    roles: dict[SpeakerId, Role] = Field(
        min_length=1, max_length=20, description="speaker id (as in the transcript's `speakers`) → role"
    )
    swap: ClassVar[bool] = False


class SwapRoles(BaseModel):
    """Clinician and patient exchange roles (one click)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"swap": True}]})
    swap: Literal[True]
    roles: ClassVar[dict[str, str]] = {}


# PUT /v1/visits/{id}/speakers: either shape, exactly (the OpenAPI schema says so: anyOf the two).
SpeakerRoles = SetRoles | SwapRoles


def roles_of(transcript: Transcript) -> dict[str, str]:
    current = {name: info.role for name, info in transcript.speakers.items()}
    for seg in transcript.segments:
        if seg.speaker:
            current.setdefault(seg.speaker, seg.role)
    return current


def new_roles(transcript: Transcript, body: SpeakerRoles) -> dict[str, str]:
    """Every speaker's role after the change; 422 for a speaker the transcript does not have, 409 for a swap
    without one clinician and one patient to exchange."""
    current = roles_of(transcript)
    if body.swap:
        if sorted(r for r in current.values() if r in SWAPPED) != ["clinician", "patient"]:
            raise ApiError(
                409,
                "nothing_to_swap",
                "a swap needs one clinician and one patient; assign roles instead: {roles: {speaker: role}}",
                speakers=current,
            )
        return {name: SWAPPED.get(role, role) for name, role in current.items()}
    unknown = sorted(set(body.roles) - set(current))
    if unknown:
        raise ApiError(
            422,
            "unknown_speaker",
            f"no speaker {', '.join(unknown)} in this transcript; speakers: {', '.join(sorted(current))}",
            speakers=sorted(current),
        )
    return current | body.roles


def relabelled(transcript: Transcript, roles: dict[str, str], actor: str) -> Transcript:
    """A copy of the transcript with `roles` (speaker → role, set by `actor`) on its speakers and segments."""
    out = transcript.model_copy(deep=True)
    for name, role in roles.items():
        before = out.speakers.get(name)
        kept = [e for e in (before.evidence if before else []) if not e.startswith("set by ")]
        out.speakers[name] = SpeakerInfo(role=role, confidence=1.0, evidence=[f"set by {actor}", *kept])
    for seg in out.segments:
        if seg.speaker in roles:
            seg.role = roles[seg.speaker]
    return out


def _kept_edits(regenerated: dict, previous: dict) -> dict:
    """The regenerated note with the sections the clinician edited in the previous version put back."""
    edited = {sec.get("key"): sec for sec in previous.get("sections", []) if sec.get("edited_by")}
    if not edited:
        return regenerated
    note = copy.deepcopy(regenerated)
    sections = note.setdefault("sections", [])
    for i, sec in enumerate(sections):
        if sec.get("key") in edited:
            sections[i] = copy.deepcopy(edited.pop(sec["key"]))
    sections.extend(copy.deepcopy(list(edited.values())))
    note["markdown"] = to_markdown(Note.model_validate(note))
    return note


def _newest_transcript(session, visit_id: str) -> Document:
    return session.execute(
        select(Document)
        .where(Document.visit_id == visit_id, Document.kind == "transcript")
        .order_by(Document.version.desc())
        .limit(1)
    ).scalar_one()


def set_roles(principal: Principal, visit_id: str, body: SpeakerRoles, if_match: str | None = None) -> dict:
    """Apply the roles, regenerate the documents, store them as new versions; returns the speakers, the new
    transcript version and the new note version (scribe.delivery.notes.note_view)."""
    with session_scope() as s:
        visit = scoped(s, principal, visit_id)
        if visit.status != "ready":
            raise ApiError(409, "not_ready", f"roles can be set once the visit is ready (it is {visit.status})")
        notes.check_version(notes.version_of(s, visit, None), if_match)  # a stale page: before the work, not after
        source = _newest_transcript(s, visit_id)
        transcript_version, template, language = source.version, visit.template, visit.language
        transcript = Transcript.model_validate(source.content)
    before = roles_of(transcript)
    roles = new_roles(transcript, body)
    changed = {name: role for name, role in roles.items() if role != before[name] or name in body.roles}
    if all(roles[name] == before[name] for name in roles):  # PUT again: nothing to regenerate
        with session_scope() as s:
            _, note = notes.newest_note(s, principal, visit_id)
            return {"speakers": roles, "transcript_version": transcript_version, "note": notes.note_view(note)}
    fixed = relabelled(transcript, changed, principal.actor)
    result = documents.build(
        fixed.model_dump(), template=template, language=language, llm=get_settings().documents_llm, check_roles=False
    )
    with session_scope() as s:
        visit, note = notes.newest_note(s, principal, visit_id)  # locks the visit's documents
        notes.check_version(note, if_match)
        if _newest_transcript(s, visit_id).version != transcript_version:
            raise ApiError(409, "version_conflict", "the speakers were changed meanwhile; reload and try again")
        s.add(_version(visit, "transcript", transcript_version + 1, fixed.model_dump(), principal.actor))
        for kind in documents.KINDS:
            if kind != "note" and result.get(kind) is not None:
                s.add(_version(visit, kind, _next_version(s, visit_id, kind), result[kind], principal.actor))
        content = _kept_edits(result["note"], note.content)
        amends = note.amends
        if note.status == "signed":
            amends = note.version
            content["amendment"] = {
                "amends": note.version,
                "reason": "speaker roles corrected",
                "by": principal.actor,
                "at": utcnow().isoformat(),
            }
        new = notes.new_version(s, principal, visit, note, content, amends)
        audit(s, principal, "update", "speakers", visit_id)
        events.add_event(
            s,
            visit.tenant_id,
            visit_id,
            "speakers.updated",
            {"speakers": roles, "transcript_version": transcript_version + 1, "note_version": new.version}
            | {"links": links(visit_id)},
        )
        view = {"speakers": roles, "transcript_version": transcript_version + 1, "note": notes.note_view(new)}
    events.notify(visit_id)
    return view


def _next_version(session, visit_id: str, kind: str) -> int:
    newest = session.execute(
        select(Document.version)
        .where(Document.visit_id == visit_id, Document.kind == kind)
        .order_by(Document.version.desc())
        .limit(1)
    ).scalar_one_or_none()
    return (newest or 0) + 1


def _version(visit: Visit, kind: str, version: int, content: dict, author: str) -> Document:
    return Document(
        tenant_id=visit.tenant_id,
        visit_id=visit.id,
        kind=kind,
        version=version,
        status="draft",
        author=author,
        content=content,
    )
