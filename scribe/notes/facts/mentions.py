"""How a symptom mention is read beyond its words: the side said with it, whether a sentence is dictated
("endorsing…", carried on by "…, um, and some blood in your urine"), and which of several asked symptoms a
reply is about."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.lexicon.symptoms_sites import SIDED

DICTATED = re.compile(
    r"\b(denies|denying|endors(?:es|ing)|reports|reporting|complains|complaining|presents with|nie|"
    r"rapporte|se plaint)\b",
    re.I,
)
CONTINUES = re.compile(r"^\W*(?:(?:um+|uh+)\W+)*(?:and|as well as|also|plus|et)\b", re.I)
# The clinician saying back what the patient has ("so you had some shoulder pain", "i see that you've been
# having headaches"): a statement of the complaint, not a question
RESTATES = re.compile(
    r"\b(?:i see (?:here )?(?:that )?|i understand (?:that )?|it sounds like |so )?you(?:'ve| have|'re| are)? "
    r"(?:had|have|got|been having|having|been experiencing|experiencing)(?: (?:some|a|an|this|that|the))? ",
    re.I,
)
_SIDE_WORD = re.compile(r"\b(left|right)\b(?!.*\b(?:left|right)\b)", re.I)


def side_of(label: str, text: str, start: int, end: int) -> tuple[str | None, int]:
    """(side, start of the mention with it): the side said with a one-sided symptom, inside the mention ("pain
    in my left knee") or the word right before it ("right knee pain", then the quote starts there so the
    side is in the evidence); None for a side not said or a symptom that has none."""
    if label not in SIDED:
        return None, start
    m = _SIDE_WORD.search(text[start:end])
    if m:
        return m.group(1).lower(), start
    m = re.search(r"\b(left|right)\W+$", text[max(0, start - 7) : start], re.I)
    return (m.group(1).lower(), start - len(m.group(0))) if m else (None, start)


_BARE_NO = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:none of (?:those|that|them|these)|neither|nothing like that)\b", re.I)


_TURNS = re.compile(r"\b(?:but|except|although|though|only|just|actually|mais|sauf)\b", re.I)


def named_in_answer(found: list, question: str, answer: str) -> list:
    """The asked symptoms that a reply longer than a bare no/yes goes on to name (its concept, or a word of
    the question's wording of it: "sleeping"); [] when the reply names none or says "none of those"."""
    rest = re.sub(r"^\W*(?:no|nope|yes|yeah|non|oui)\b\W*", "", answer, flags=re.I)
    if len(rest.split()) <= 3 or _BARE_NO.match(rest) or _TURNS.search(rest):
        return []  # "no, but I do get short of breath": the reply's own statement says what it has
    said = {c.label for *_, c in lexicon.find_concepts("symptom", rest)}
    words = {w[:5] for w in re.findall(r"[a-zà-ÿ]{5,}", rest.lower())}
    return [
        (st, en, c)
        for st, en, c in found
        if c.label in said or any(w[:5] in words for w in re.findall(r"[a-zà-ÿ]{5,}", question[st:en].lower()))
    ]
