"""Bilingual (en/fr) clinical lexicons for the rule-based fact layer.

Each concept: canonical English label, surface forms (regex fragments, lower case, matched on word
boundaries), French label and plain-language names for the patient summary. Drugs come from
drug-named-entity-recognition, ICD-10-CM descriptions from simple-icd-10-cm; this package holds only what
those libraries do not: symptom/condition surface forms and the plain words.

Every public name is re-exported here because callers use `from scribe.notes import lexicon` and `lexicon.X`.
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, condition, make_concept, symptom
from scribe.notes.lexicon.conditions import CONDITIONS
from scribe.notes.lexicon.matching import CONDITION_BY_LABEL, SYMPTOM_BY_LABEL, compiled, disease_site, find_concepts
from scribe.notes.lexicon.procedures import ALLERGEN, ALLERGIC_REACTION, BODY_PARTS, DRUG_STOP, SURGERIES, TESTS
from scribe.notes.lexicon.symptoms import SYMPTOMS

__all__ = [
    "ALLERGEN",
    "ALLERGIC_REACTION",
    "BODY_PARTS",
    "CONDITIONS",
    "CONDITION_BY_LABEL",
    "DRUG_STOP",
    "SURGERIES",
    "SYMPTOMS",
    "SYMPTOM_BY_LABEL",
    "TESTS",
    "Concept",
    "compiled",
    "condition",
    "disease_site",
    "find_concepts",
    "make_concept",
    "symptom",
]
