"""The documentation contract: facts with evidence, notes, faithfulness, patient summary, assistant
context. One pydantic source of truth for the CLI, the API, workers, benchmarks and EHR payloads.
Like scribe.schemas: add optional fields, never rename."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

FactKind = Literal[
    "demographics",  # age, sex said aloud
    "chief_complaint",
    "hpi",  # history of present illness: onset, duration, location, severity, trigger, statement
    "symptom",  # status present/absent
    "medication",  # status current/new/stopped/changed
    "allergy",
    "past_medical",
    "past_surgical",
    "family_history",  # a relative's condition, never the patient's
    "social_history",
    "vital",
    "exam",
    "result",
    "assessment",
    "plan",
]

FactStatus = Literal[
    "present",
    "absent",
    "uncertain",
    "historical",  # symptoms, conditions
    "current",
    "new",
    "stopped",
    "changed",  # medications
    "administered",  # a drug given in the room (an injection)
    "none",  # e.g. "no known allergies"
    "",
]


class Evidence(BaseModel):
    """Where a fact comes from: one span of one transcript segment, quoted exactly."""

    segment_id: int
    start: float
    end: float
    role: str  # clinician | patient | other | unknown (who said it)
    speaker: str | None = None
    quote: str  # exact words, a substring of the segment's text


class Fact(BaseModel):
    id: str  # "f12"
    kind: FactKind
    label: str  # canonical, short: "chest pain", "lisinopril", "blood pressure"
    status: FactStatus = ""
    value: str | None = None  # "120/80", "20 mg", "5 weeks", free text for statements
    attributes: dict[str, Any] = Field(default_factory=dict)  # dose, unit, frequency, route, code, ...
    evidence: list[Evidence] = Field(default_factory=list)
    source: Literal["rules", "llm"] = "rules"
    confidence: float = 1.0


class SentenceSupport(BaseModel):
    text: str
    fact_ids: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    status: Literal["kept", "flagged"] = "kept"
    issues: list[str] = Field(default_factory=list)


class NoteSection(BaseModel):
    key: str
    title: str
    sentences: list[SentenceSupport] = Field(default_factory=list)


class Faithfulness(BaseModel):
    kept: int = 0
    flagged: int = 0
    removed: int = 0
    issues: list[str] = Field(default_factory=list)  # one line per flagged/removed sentence, no PHI
    # flagged or removed sentences per kind of check: support, number, drug, laterality, polarity,
    # certainty, subject, register, contradiction
    by_kind: dict[str, int] = Field(default_factory=dict)


class Note(BaseModel):
    template: str
    language: str
    title: str
    sections: list[NoteSection] = Field(default_factory=list)
    markdown: str = ""
    engine: str = "rules"


class SummaryItem(BaseModel):
    text: str
    fact_ids: list[str] = Field(default_factory=list)


class PatientSummary(BaseModel):
    language: str
    found: list[SummaryItem] = Field(default_factory=list)
    todo: list[SummaryItem] = Field(default_factory=list)
    medications: list[SummaryItem] = Field(default_factory=list)
    warning_signs: list[SummaryItem] = Field(default_factory=list)
    follow_up: list[SummaryItem] = Field(default_factory=list)
    markdown: str = ""


class AskedQuestion(BaseModel):
    """A question the clinician actually asked, with the patient's reply."""

    question: str
    answer: str
    question_segment: int
    answer_segment: int | None = None
    answer_start: float | None = None
    answer_end: float | None = None
    topic: str | None = None


class EstablishedItem(BaseModel):
    """One thing the consultation established; its id stays the same while the fact does (live → final)."""

    id: str  # "medication:lisinopril", "symptom:fever:absent"
    kind: FactKind
    label: str
    status: FactStatus = ""
    value: str | None = None
    attributes: dict[str, Any] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)


class ChecklistItem(BaseModel):
    """One checklist item of the chief complaint (scribe/notes/checklists/*.yaml), answered or still open."""

    id: str  # "chest-pain.duration"
    topic: str
    question: str  # in the context's language
    answered: bool = False
    answer: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class AssistantContext(BaseModel):
    language: str
    record: dict[str, Any] = Field(default_factory=dict)
    text: str = ""
    asked: list[AskedQuestion] = Field(default_factory=list)
    checklist_missing: list[str] = Field(default_factory=list)
    checklist_covered: list[str] = Field(default_factory=list)
    # The open contract (docs/assistant.md): live while the visit streams, final after stop.
    schema_version: str = "1.0"
    version: int = 0  # grows with each update of the visit's context
    final: bool = False
    based_on: float = 0.0  # transcript time (s) the context covers
    segments: int = 0  # final segments it was built from
    checklist_name: str | None = None
    checklist: list[ChecklistItem] = Field(default_factory=list)
    established: list[EstablishedItem] = Field(default_factory=list)


class Answered(BaseModel):
    answered: bool
    answer: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = 0.0
    topic: str | None = None
    value: str | None = None  # the answer's value alone: "10", "20 mg once daily", "6 months ago"
    based_on: float | None = None  # transcript time (s) of the context that answered
