"""Fact layer: Transcript → list[Fact], every fact with its evidence (segment, times, exact quote, who
said it). Rule-based and bilingual (en/fr): one module per kind of fact over a consultation reader."""

from scribe.notes.facts.assessment import icd_description, icd_search
from scribe.notes.facts.builder import Builder, validate_facts
from scribe.notes.facts.extractor import Extractor, extract

__all__ = ["Builder", "Extractor", "extract", "icd_description", "icd_search", "validate_facts"]
