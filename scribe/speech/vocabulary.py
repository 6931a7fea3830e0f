"""The words a visit's speech recognition is biased towards, and the prompt that carries them.

Three sources, the most specific first: the visit (its EHR context: medications, then problems,
allergies and extra terms, `VisitContext.terms()`), the clinician (their usual drugs and terms) and the
tenant (the clinic's formulary). They are merged, deduplicated with case and accents folded, and capped:
Whisper reads them as "previous text" in every 30 s window (faster-whisper's `hotwords`, which unlike
`initial_prompt` is not dropped after the first window), the prompt holds at most 223 tokens, and a long
list of names the visit never mentions costs accuracy (figures: docs/benchmarks.md, "Vocabulary"), so the
visit's own terms come first and the list stops at MAX_TERMS terms or MAX_PROMPT_CHARS characters.

The same merged drug names (not problems) are what drug-name recovery matches first
(scribe.notes.recovery), so a name the recogniser still garbles is read back from the visit's own list.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Whisper's prompt holds 223 tokens (drug names run ~2.7 characters a token), but accuracy goes first: on
# the bench a list of ~10 terms took WER from 0.305 to 0.250, ~20 terms kept most of that (0.278), ~35 gave
# it back (0.297) and more names the visit never said put more of them in the transcript.
MAX_TERMS = 20
MAX_PROMPT_CHARS = 300
MAX_TERM_CHARS = 60
MAX_LIST = 500  # a tenant's formulary or a clinician's list; only the first terms reach the prompt
Term = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TERM_CHARS)]
Terms = Annotated[list[Term], Field(max_length=MAX_LIST)]


class TermList(BaseModel):
    """A tenant's or a clinician's vocabulary, as the API takes and returns it."""

    model_config = ConfigDict(extra="forbid")
    terms: Terms = Field(
        default_factory=list,
        description="drug names and terms to recognise, most important first, e.g. ['lisinopril', 'Kardégic']",
    )


# English: a glossary line. A sentence ("Clinic visit. Medications and terms: …") made the model recite the
# list after the speech more often and cost WER (0.310 vs 0.284 on the bench, same drug recall). French: a
# French sentence; the French glossary line drew list-like hallucinations (WER 0.87 vs 0.53, drug recall
# 0.33 vs 0.58; docs/benchmarks.md, "Vocabulary"). Either way the prompt is in the visit's language, so
# Whisper keeps to it (French spellings and accents for a French visit).
PROMPTS = {
    "en": "Glossary: {terms}.",
    "fr": "Consultation médicale. Médicaments et termes : {terms}.",
}
_PROMPT_WORDS = {"glossary", "consultation", "medicale", "medicaments", "termes"}
_SENTENCE_END = (".", "!", "?", "…")


def fold(term: str) -> str:
    """How two spellings are recognised as one term: accents off, case off, spaces collapsed."""
    plain = unicodedata.normalize("NFKD", term)
    return " ".join("".join(ch for ch in plain if not unicodedata.combining(ch)).lower().split())


@dataclass(frozen=True)
class Vocabulary:
    """terms: what the recogniser is told to expect, most specific first; drugs: the subset that drug-name
    recovery matches first (medications and allergy substances of the visit, the clinician's and the
    tenant's lists; not problem names)."""

    terms: tuple[str, ...] = ()
    drugs: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms)

    def prompt(self, language: str | None) -> str | None:
        """The prompt for a window in `language` ("fr": French sentence), None without terms."""
        if not self.terms:
            return None
        template = PROMPTS.get((language or "en")[:2], PROMPTS["en"])
        return template.format(terms=", ".join(self.terms))


def merge(*sources: Iterable[str], max_terms: int = MAX_TERMS, max_chars: int = MAX_PROMPT_CHARS) -> tuple[str, ...]:
    """Terms of every source in order, each once (folded spelling), blanks and over-long entries dropped,
    cut at max_terms terms or max_chars characters joined."""
    seen: set[str] = set()
    kept: list[str] = []
    used = 0
    for source in sources:
        for raw in source or ():
            term = " ".join(str(raw).split())
            key = fold(term)
            if not key or len(term) > MAX_TERM_CHARS or key in seen:
                continue
            if len(kept) >= max_terms or used + len(term) + 2 > max_chars:
                return tuple(kept)
            seen.add(key)
            kept.append(term)
            used += len(term) + 2
    return tuple(kept)


def _context_lists(context) -> tuple[list[str], list[str]]:
    """(drug names, every term) of a visit context (VisitContext, its dict, or None)."""
    if context is None:
        return [], []
    if isinstance(context, Mapping):
        from scribe.visit_context import VisitContext

        context = VisitContext.model_validate(context)
    drugs = [m.name for m in context.medications] + [a.substance for a in context.allergies]
    return drugs, context.terms()


def build(
    context=None,
    clinician_terms: Iterable[str] = (),
    tenant_terms: Iterable[str] = (),
    max_terms: int = MAX_TERMS,
) -> Vocabulary:
    """The visit's vocabulary: its context's terms, then the clinician's, then the tenant's (see the module
    docstring). `context`: a VisitContext, its JSON dict, or None."""
    drugs, terms = _context_lists(context)
    clinician_terms, tenant_terms = list(clinician_terms or ()), list(tenant_terms or ())
    return Vocabulary(
        terms=merge(terms, clinician_terms, tenant_terms, max_terms=max_terms),
        drugs=merge(drugs, clinician_terms, tenant_terms, max_terms=200, max_chars=10_000),
    )


def echo_start(tokens: list[str], vocabulary: Vocabulary) -> int:
    """Where a recital of the prompt starts at the end of a decoded piece: Whisper, given a list as
    previous text, sometimes goes on reciting it once the speech is over ("… once a day. Lisinopril,
    lisinop"). That is a trailing run of two or more words that are all (near spellings or beginnings of)
    vocabulary terms, right after the end of a sentence, or a whole piece that is such a list of three or
    more; len(tokens) when there is none. A term said on its own, or inside a sentence, is kept."""
    if not vocabulary or not tokens:
        return len(tokens)
    from rapidfuzz import fuzz

    words = {w for term in vocabulary.terms for w in fold(term).replace("-", " ").split()} | _PROMPT_WORDS

    def term_like(token: str) -> bool:
        t = fold(token).strip(".,;:!?…\"'()")
        return len(t) >= 3 and any(w.startswith(t) or fuzz.ratio(t, w) >= 70 for w in words)

    start = len(tokens)
    while start > 0 and term_like(tokens[start - 1]):
        start -= 1
    run = len(tokens) - start
    if start > 0 and run >= 2 and tokens[start - 1].strip().endswith(_SENTENCE_END):
        return start
    if start == 0 and run >= 3 and sum(t.strip().endswith(",") for t in tokens) >= 2:
        return 0
    return len(tokens)
