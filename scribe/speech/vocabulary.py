"""The words a visit's speech recognition is biased towards, and the prompt that carries them.

Three sources, the most specific first: the visit (its EHR context: medications, then problems,
allergies and extra terms, `VisitContext.terms()`), the clinician (their usual drugs and terms) and the
tenant (the clinic's formulary). They are merged, deduplicated with case and accents folded, and capped:
Whisper reads them as "previous text" (faster-whisper's `hotwords`, which unlike `initial_prompt` is not
dropped after the first window) of one window at a time: a live window, or a run of segments of a visit
that the plain decoding may have misheard a term in (`may_hold_a_term`; only the spans where the prompted
decoding wrote a term are taken, `adopt`, see scribe.speech.transcribe). The prompt holds at most 223
tokens, and a long list of names the visit never mentions costs accuracy (figures: docs/benchmarks.md,
"Vocabulary"), so the visit's own terms come first and the list stops at MAX_TERMS terms or MAX_PROMPT_CHARS characters.

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


# How much a span the plain decoding wrote must look like the term the prompted one wrote there (mean of the
# rapidfuzz ratios of letters and of metaphone sounds, 0-100): "list in up to" → lisinopril (63) and "sim be
# caught" → symbicort (70) are taken, "at slindermice in" → atorvastatin (46: the prompt pulling another
# name of the list where clindamycin was said) is not.
ADOPT_SIMILARITY = 48.0
UNSURE = 0.5  # word probability under which a recogniser's word may be a misheard term (12 % of words)
ADOPT_EXTRA_WORDS = 3  # a name split in at most this many more words ("list in up to": 4 for 1)


def term_token(word: str) -> str:
    return fold(word).strip(".,;:!?…\"'()").removesuffix("'s")


def vocabulary_words(vocabulary: Vocabulary) -> set[str]:
    return {w for term in vocabulary.terms for w in fold(term).replace("-", " ").split() if len(w) >= 4}


def _likeness(heard: str, written: str) -> float:
    import jellyfish
    from rapidfuzz import fuzz

    return (fuzz.ratio(heard, written) + fuzz.ratio(jellyfish.metaphone(heard), jellyfish.metaphone(written))) / 2


def _looks_like(heard: list[str], written: list[str]) -> bool:
    return _likeness("".join(heard), "".join(written)) >= ADOPT_SIMILARITY


def may_hold_a_term(words: list, vocabulary: Vocabulary) -> bool:
    """Whether some span of up to 1 + ADOPT_EXTRA_WORDS of these words (Word-like: .word, .probability)
    looks like a word of a vocabulary term it is not (as `adopt` would take it) and the recogniser was unsure
    of it or of a word next to it (UNSURE): only such a run of speech is worth decoding again with the prompt
    ("all the 2010 milligrams", 2010 at 0.21, for Aldactone 10 milligrams)."""
    tokens = [term_token(w.word) for w in words]
    unsure = [w.probability < UNSURE for w in words]
    wanted = vocabulary_words(vocabulary)
    for i in range(len(tokens)):
        for j in range(i + 1, min(len(tokens), i + 1 + ADOPT_EXTRA_WORDS) + 1):
            if not any(unsure[max(0, i - 1) : j + 1]):
                continue
            span = "".join(tokens[i:j])
            for term in wanted:
                near = abs(len(span) - len(term)) <= len(term) // 2 + 1 and span != term
                if near and _likeness(span, term) >= ADOPT_SIMILARITY:
                    return True
    return False


def adopt(plain: list, prompted: list, vocabulary: Vocabulary) -> list:
    """The words of the plain decoding, where the prompted decoding of the same audio wrote a vocabulary term
    that the plain one did not, in place of words that look like it: the prompted words for that span (the
    rest, and anything the prompted decoding dropped or added, stays as the plain decoding heard it).
    Spans are found by aligning the two texts; where the two differ too much around the term for that (a
    poor decoding: French on the bench), by time: the plain words said while the term was. Words: anything
    with .word, .start and .end (scribe.schemas.Word)."""
    from difflib import SequenceMatcher

    term_words = vocabulary_words(vocabulary)
    a, b = [term_token(w.word) for w in plain], [term_token(w.word) for w in prompted]
    out: list = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        new_terms = {t for t in b[j1:j2] if t in term_words} - set(a[i1:i2])
        if tag != "replace" or not new_terms:
            out += plain[i1:i2]
        elif i2 - i1 <= j2 - j1 + ADOPT_EXTRA_WORDS and j2 - j1 <= i2 - i1 + 1 and _looks_like(a[i1:i2], b[j1:j2]):
            out += prompted[j1:j2]
        else:
            out += words_by_time(plain[i1:i2], [w for w in prompted[j1:j2] if term_token(w.word) in new_terms])
    return out


def words_by_time(plain: list, terms: list) -> list:
    """The plain words with those said while a term was (their middle inside its time) replaced by the term,
    where they are 1 to 1 + ADOPT_EXTRA_WORDS words that look like it."""
    out = list(plain)
    for term in terms:
        inside = [k for k, w in enumerate(out) if w is not None and term.start <= (w.start + w.end) / 2 <= term.end]
        if inside and len(inside) <= 1 + ADOPT_EXTRA_WORDS:
            if _looks_like([term_token(out[k].word) for k in inside], [term_token(term.word)]):
                out[inside[0]] = term
                for k in inside[1:]:
                    out[k] = None
    return [w for w in out if w is not None]
