"""A question that asks a value and its date at once ("what was his last A1c, and when?", "when was his last uric
acid and what was the value?", "quelle était sa TSH et à quelle date ?"): asked as the value question alone, its
answer then carries the date said with the value ("8.4 (march twelfth)"); asked as a "when" question, the date
alone was the answer, and no value."""

from __future__ import annotations

import re

from scribe.notes.answers_values import VALUE_RX
from scribe.schemas_docs import Answered

# "… and when?", "…, and when was it done?", "… et à quelle date ?", "… et quand ?"
_AND_WHEN = re.compile(
    r"\s*,?\s*(?:and|et)\s+(?:when|quand|(?:à|on) (?:quelle|what) date|what date)\b[^?]*\?*\s*$", re.I
)
# "when was his last uric acid and what was the value?", "quand … et quelle était la valeur ?"
_WHEN_THEN_WHAT = re.compile(
    r"^\W*(?:when|quand)\s+(?P<verb>was|were|is|a été|était)\s+(?P<what>.+?)\s*,?\s*(?:and|et)\s+"
    r"(?:what|quel(?:le)?)\b[^?]*\?*\s*$",
    re.I,
)


def value_question(question: str) -> str | None:
    """The value question inside a question that also asks when, or None."""
    m = _WHEN_THEN_WHAT.match(question)
    if m:
        return f"{'What' if m.group('verb').isascii() else 'Quel'} {m.group('verb')} {m.group('what')}?"
    m = _AND_WHEN.search(question)
    if m and re.search(r"\b(?:what|how much|how many|quel(?:le)?s?|combien)\b", question[: m.start()], re.I):
        return question[: m.start()].rstrip(" ,") + " ?"
    return None


def with_its_date(found: Answered) -> Answered:
    """The value answer with the date its evidence says beside it, when it says one."""
    if not found.answered or not found.value:
        return found
    said = " ".join(e.quote for e in found.evidence[:2])
    m = VALUE_RX["when"].search(said)
    if not m or m.group(0).lower() in found.value.lower():
        return found
    dated = f"{found.value} ({m.group(0).strip()})"
    return found.model_copy(update={"value": dated, "answer": dated})
