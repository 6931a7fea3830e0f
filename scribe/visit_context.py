"""What the EHR already knows about the patient when a visit starts: one pydantic source of truth.

An EHR sends it with ``POST /v1/visits`` (``context``). Three consumers read it: the speech vocabulary
(drug and problem names bias the ASR and the drug-name recovery), the note (a drug already on the list is
"continued", not "new") and the question assistant (what is already known is not asked again). The shapes
follow FHIR R4 loosely (MedicationStatement, Condition, AllergyIntolerance) so an EHR maps them directly.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

MAX_ITEMS = 100  # per list: a real medication list is rarely over 30 lines
TEXT = {"min_length": 1, "max_length": 200}


class Coding(BaseModel):
    """A code from a terminology (RxNorm, ATC, ICD-10-CM, SNOMED CT…), as FHIR's Coding."""

    model_config = ConfigDict(extra="forbid")
    system: str = Field(max_length=200)
    code: str = Field(min_length=1, max_length=64)
    display: str | None = Field(None, max_length=200)


class ContextMedication(BaseModel):
    """A current medication (FHIR MedicationStatement, status active)."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(**TEXT, description="ingredient or brand as the EHR writes it, e.g. 'lisinopril'")
    dose: str | None = Field(None, max_length=100, description="e.g. '20 mg'")
    frequency: str | None = Field(None, max_length=100, description="e.g. 'once daily'")
    coding: list[Coding] = Field(default_factory=list, max_length=8)


class ContextProblem(BaseModel):
    """A known problem (FHIR Condition on the problem list)."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(**TEXT, description="e.g. 'essential hypertension'")
    coding: list[Coding] = Field(default_factory=list, max_length=8)


class ContextAllergy(BaseModel):
    """A known allergy (FHIR AllergyIntolerance)."""

    model_config = ConfigDict(extra="forbid")
    substance: str = Field(**TEXT, description="e.g. 'penicillin'")
    reaction: str | None = Field(None, max_length=200)


class VisitContext(BaseModel):
    """The patient's record as the EHR sends it at the start of a visit. Every field is optional."""

    model_config = ConfigDict(extra="forbid")
    reason: str | None = Field(None, max_length=500, description="reason for visit, as scheduled")
    medications: list[ContextMedication] = Field(default_factory=list, max_length=MAX_ITEMS)
    problems: list[ContextProblem] = Field(default_factory=list, max_length=MAX_ITEMS)
    allergies: list[ContextAllergy] = Field(default_factory=list, max_length=MAX_ITEMS)
    vocabulary: list[str] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
        description="extra terms for this visit's speech recognition (names, procedures)",
    )

    def terms(self) -> list[str]:
        """Every name worth recognising in this visit, medications first (deduplicated, order kept)."""
        names = [m.name for m in self.medications] + [p.name for p in self.problems]
        names += [a.substance for a in self.allergies] + list(self.vocabulary)
        seen: set[str] = set()
        return [n for n in names if not (n.lower() in seen or seen.add(n.lower()))]
