"""Words of a note sentence the recogniser may have misheard, for the clinician's review.

`verify.flag_for_review` flags a drug, dose, number or laterality that rests on a word the recogniser was
unsure of. Speech recognition garbles the other words a note repeats too, and the rules cannot tell: a
diagnosis read from "mutant contact dermatitis" (the first word at probability 0.13), a plan item "check a
meat level", or confident inventions that are no word at all ("drug store hydrochlorism", "bilateral
miccematosis"). A note sentence that repeats such a word is flagged with the word and the reason, never
removed: something was said there, only what it was is open. Text input (no recogniser, no word
probabilities) is never flagged here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from scribe.notes.recovery import known_drug
from scribe.notes.recovery_words import ordinary_word, word_spans
from scribe.schemas import Segment
from scribe.schemas_docs import SentenceSupport

# Whisper's word probability under which a word the note repeats is worth the clinician's look (verify's
# LOW_WORD_PROBABILITY for the facts' own attributes).
UNSURE = 0.5
# Short and function words say little about what the sentence claims; numbers and sides are verify's.
_MIN_LETTERS = 4
_FUNCTION_WORDS = frozenset(
    "that this with from have been were they them their there what when your about would could should also "
    "into over some just like then than very much more most only well dans pour avec sans vous nous elle "
    "elles ils sont mais plus être avoir fait cette leur".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]|[^\W\d_]", re.U)


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """Every word the clinical lexicons know (their terms, surface forms and plain names, read from their
    source), so that a term the engine itself recognised is never called unknown."""
    folder = Path(__file__).resolve().parent / "lexicon"
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.py")))
    return frozenset(w.lower() for w in re.findall(r"[a-zà-ÿ]{3,}", text, re.I))


@lru_cache(maxsize=4096)
def known_word(token: str) -> bool:
    """An English or French dictionary word, a word of the clinical lexicons, or a drug name."""
    t = token.lower().strip("'’-")
    parts = [p for p in re.split(r"[-'’]", t) if p]
    return all(ordinary_word(p) or p in _lexicon_words() for p in parts) or known_drug(t)


def _words_in_quote(seg: Segment, quote: str) -> list[tuple[str, float]]:
    """(token, probability) of the recognised words inside the quote, in order."""
    a = seg.text.find(quote) if quote else -1
    if a < 0:
        return []
    b = a + len(quote)
    return [
        (w.word.strip().strip('.,;:!?…"()«»'), w.probability)
        for w, (start, end) in zip(seg.words, word_spans(seg))
        if start >= 0 and start < b and end > a
    ]


def misheard_words(s: SentenceSupport, segments: dict[int, Segment]) -> list[str]:
    """The reasons to review the sentence: each word it repeats from its evidence that the recogniser was
    unsure of, or that is no known word (module docstring). Empty for text input."""
    said = {w.lower() for w in _WORD.findall(s.text)}
    reasons: list[str] = []
    seen: set[str] = set()
    for ev in s.evidence:
        seg = segments.get(ev.segment_id)
        for token, probability in _words_in_quote(seg, ev.quote) if seg is not None else []:
            low = token.lower()
            if low in seen or low not in said or len(low) < _MIN_LETTERS or low in _FUNCTION_WORDS:
                continue
            if not _WORD.fullmatch(token):
                continue
            if probability < UNSURE:
                reasons.append(f"low recognition confidence on '{token}' ({probability:.2f}): possibly misheard")
            elif not known_word(token):
                reasons.append(f"'{token}' is no known word: possibly misheard")
            else:
                continue
            seen.add(low)
    return reasons
