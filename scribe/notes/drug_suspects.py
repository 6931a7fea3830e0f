"""Where a drug was probably said and which drugs it could be: the leads of the targeted re-decode.

Drug-name recovery (scribe.notes.recovery) reads a garble back from its letters and sounds alone, so with
no visit list it must refuse most of them ("the product" 20 milligrams could be many names). The audio can
decide instead: a span that stands where a drug is expected (before a dose or a form, after "take",
"prescribe", "on", the French cues: recovery's own CUE slots; or a word no dictionary holds in a sentence
about medications, "your lysiopropyl and your lasex"; or anywhere, a word no dictionary holds that is
spelled near a common drug, "Simbicord") and is not a known drug is a suspect, and the
few most prescribed drugs (scribe.notes.lexicon.drugs_common) that look or sound most like it are its
candidates. scribe.speech.redecode decodes that stretch of audio again with the candidates in the prompt
and keeps a name only where the recogniser then hears it, sure of it, in the same place. The finder is
passed to the speech stage by the caller (service, CLI), as engines are: speech never imports notes.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from scribe.notes.recovery import (
    CUE,
    LONG,
    SENTENCE,
    best_match,
    candidate_spans,
    common_drugs,
    known_drug,
    sound_score,
)
from scribe.notes.recovery_words import ELISION, NUMBER_WORD, letters, may_be_a_name, ordinary_word, word_spans

# Where a drug is often named, beyond recovery's cues: only a lead here, the audio decides.
LEADS_BEFORE = re.compile(
    r"\b(?:(?:reaction|allergic|allergy|intolerant|switch\w*(?: \w+)? (?:from|to)|change\w*(?: \w+)? to|"
    r"avoid|off|itching with|trial of|course of|inject\w*(?: \w+)? (?:of|with)|using|"
    r"(?:mg|milligrams?|mcg|micrograms?|units?|puffs?) of)"
    r"(?: (?:to|with))?(?: (?:your|my|the|his|her|a|an|some))?) $",
    re.I,
)
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
ANYWHERE = -1  # a lead of its own (not one of recovery's kinds): a word no dictionary holds, anywhere
ANYWHERE_LEAD = 75.0  # ...whose candidates must be this near
CANDIDATES_PER_SPAN = 3
CANDIDATES_PER_SEGMENT = 6  # the prompt of one re-decoded stretch: more names, more of them written wrongly
LEAD = 55.0  # similarity (recovery._score, 0-100) for a name to be a candidate: the audio decides, not this


def drug_suspects(segments: list[list], language: str | None) -> list[tuple[float, float, tuple[str, ...]]]:
    """(start, end, candidate names, best first) of each span of the segments' words (Word-like: .word,
    .start, .end; one list a segment) where a drug is expected and none is written; at most
    CANDIDATES_PER_SEGMENT names a segment (_prompt_names)."""
    french = (language or "").startswith("fr")
    out = []
    for words in segments:
        text = "".join(w.word for w in words).strip()
        spans = word_spans(SimpleNamespace(text=text, words=words))
        found = []
        leads = dict.fromkeys(((m.start(), m.end()) for m in _WORD.finditer(text)), ANYWHERE)
        leads |= candidate_spans(text, False, french) | dict.fromkeys(_after_a_lead(text), CUE)
        for (a, b), kind in leads.items():
            heard = text[a:b]
            parts = heard.replace("-", " ").split()
            lone_word = kind in (SENTENCE, ANYWHERE, LONG) and len(parts) == 1 and not ordinary_word(heard)
            if not (kind == CUE or lone_word) or len(letters(heard)) < 4 or re.search(r"[^\w\s'’-]|\d", heard):
                continue  # a name split by the recogniser has no comma, full stop or digit inside
            if any(re.fullmatch(NUMBER_WORD, ELISION.sub("", p), re.I) for p in parts):
                continue  # a number word is the dose's
            if any(known_drug(ELISION.sub("", p)) for p in parts) or known_drug(re.sub(r"[\s-]", "", heard)):
                continue  # the drug is already there
            names = _names(heard, french)
            if kind == CUE and len(parts) == 1 and not ordinary_word(heard):  # no dictionary word, by a cue:
                rare = best_match(heard, [], lexicon=True, common=False, french=french)  # the lexicon's ("corbisone")
                if rare and rare[0] not in {n for _s, n in names}:
                    names = sorted([*names, (rare[1], rare[0])], reverse=True)[:CANDIDATES_PER_SPAN]
            inside = [w for w, (x, y) in zip(words, spans, strict=True) if x >= 0 and x < b and a < y]
            if kind in (ANYWHERE, LONG):  # a word no dictionary holds, no context: only a near spelling ("Simbicord")
                names = [(score, n) for score, n in names if score >= ANYWHERE_LEAD]
            if names and inside:
                found.append((names[0][0], inside[0].start, inside[-1].end, tuple(n for _s, n in names)))
        kept = _prompt_names([names for _best, _a, _b, names in sorted(found, reverse=True)])
        out += [(start, end, tuple(n for n in names if n in kept)) for _s, start, end, names in found]
    return sorted(s for s in out if s[2])


def _prompt_names(ranked: list[tuple[str, ...]]) -> list[str]:
    """At most CANDIDATES_PER_SEGMENT names of the spans' candidates (best span first): every span's first
    candidate, then every span's second...: one span's near names must not crowd out another's best."""
    kept: list[str] = []
    for rank in range(CANDIDATES_PER_SPAN):
        for names in ranked:
            if rank < len(names) and names[rank] not in kept and len(kept) < CANDIDATES_PER_SEGMENT:
                kept.append(names[rank])
    return kept


def _after_a_lead(text: str) -> list[tuple[int, int]]:
    """Spans of one to four words after LEADS_BEFORE: words that name a drug often, though too seldom for
    recovery to rewrite text on them alone ("a reaction to make some echo song": dexamethasone)."""
    words = list(_WORD.finditer(text))
    out = []
    for i, w in enumerate(words):
        if LEADS_BEFORE.search(text[max(0, w.start() - 40) : w.start()]):
            out += [(w.start(), words[last].end()) for last in range(i, min(len(words), i + 4))]
    return [span for span in out if may_be_a_name(text, *span)]


def _names(heard: str, french: bool) -> list[tuple[float, str]]:
    """(score, name) of the CANDIDATES_PER_SPAN most prescribed drugs most like `heard`, LEAD or more."""
    import jellyfish
    from rapidfuzz import fuzz, process

    names = common_drugs(french)
    plain = letters(ELISION.sub("", heard.strip()) if french else heard)
    hits = process.extract(plain, [letters(n) for n in names], scorer=fuzz.ratio, limit=8, score_cutoff=40)
    sounds = [jellyfish.metaphone(letters(n)) for n in names]
    hits += process.extract(jellyfish.metaphone(plain), sounds, scorer=fuzz.ratio, limit=8, score_cutoff=50)
    scored = sorted({(sound_score(heard, names[i], french, strict=True), names[i]) for _n, _s, i in hits}, reverse=True)
    return [(s, n) for s, n in scored if s >= LEAD][:CANDIDATES_PER_SPAN]
