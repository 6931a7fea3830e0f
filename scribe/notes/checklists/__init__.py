"""Checklists per chief complaint, as data: one YAML file per complaint in this folder, and a clinic's own
in a configured folder (SCRIBE_CHECKLIST_DIR, passed in by the service) that adds complaints or replaces
ours by name. Each item is a question in English and French: the assistant marks it answered with the
same `answered()` that serves /ask, so a checklist item and a clinician's question never disagree."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

HERE = Path(__file__).parent


class ChecklistEntry(BaseModel, extra="forbid"):
    topic: str  # short id, unique in its checklist: "duration", "family history"
    en: str  # the question in English
    fr: str  # ... and in French


class Checklist(BaseModel, extra="forbid"):
    name: str  # "chest pain"
    complaints: list[str] = Field(default_factory=list)  # symptom labels that select it
    items: list[ChecklistEntry]


class ChecklistError(ValueError):
    """A checklist file that does not follow the schema (its path and the first problem)."""


def _load_folder(folder: Path) -> dict[str, Checklist]:
    out: dict[str, Checklist] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            checklist = Checklist.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except (yaml.YAMLError, ValidationError) as exc:
            raise ChecklistError(f"{path.name}: {str(exc).splitlines()[0]}") from None
        out[checklist.name] = checklist
    return out


@lru_cache(maxsize=8)
def checklists(extra_dir: str | None = None) -> dict[str, Checklist]:
    """Ours, then the clinic's (same name: the clinic's wins). A "default" checklist always exists."""
    out = _load_folder(HERE)
    if extra_dir:
        folder = Path(extra_dir)
        if not folder.is_dir():
            raise ChecklistError(f"checklist folder {extra_dir} does not exist")
        out.update(_load_folder(folder))
    return out


def for_complaints(labels: list[str], extra_dir: str | None = None) -> Checklist:
    """The checklist of the first complaint that has one, with the default items appended."""
    every = checklists(extra_dir)
    default = every["default"]
    chosen = next((c for label in labels for c in every.values() if label in c.complaints), default)
    if chosen is default:
        return default
    topics = {i.topic for i in chosen.items}
    return Checklist(
        name=chosen.name,
        complaints=chosen.complaints,
        items=chosen.items + [i for i in default.items if i.topic not in topics],
    )
