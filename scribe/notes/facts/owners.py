"""Whose a drug or a condition is when the patient speaks of someone else's: a relative's or a friend's by its
possessive ("ma femme voulait me donner son tramadol"), or the friend the turn's previous sentence named."""

from __future__ import annotations

import re

from scribe.notes.consultation import FRIENDS
from scribe.notes.facts.relatives import ANY_SUBJECT, PRONOUN_SUBJECT

# someone else's by its possessive, the owner named before it: "ma femme voulait me donner son tramadol, elle en a pour
# sa migraine" (not a child's, who may be the patient a parent speaks for)
_POSSESSIVE_BEFORE = re.compile(r"\b(?:son|sa|ses|his|her|their|leur|leurs)\s+$", re.I)
_OWNER = re.compile(
    r"\b(?:my|mon|ma|mes)\s+(?:wife|husband|partner|spouse|femme|mari|épouse|époux|conjointe?|mother|mom|mum|father|"
    r"dad|brother|sister|mère|maman|père|papa|frère|sœur|soeur|aunt|uncle|tante|oncle|grand[\w-]*|" + FRIENDS + r")\b",
    re.I,
)
# "pas le tramadol de votre femme", "your wife's tramadol" said after: "the tramadol of your wife"
_OWNER_AFTER = re.compile(
    # (or "comme la prégabaline, ce que prend votre frère", "like the lyrica your brother takes")
    r"\s*(?:(?:de|d'|of)|,?\s*(?:ce que|ce qu'|what|that|which|the one)\s*(?:prend|prenait|takes|took|is on)?)\s*"
    r"(?:votre|ta|ton|sa|son|your|his|her|my|ma|mon)\s+(?:wife|husband|partner|femme|mari|épouse|"
    r"époux|mother|father|brother|sister|mère|père|frère|sœur|" + FRIENDS + r")\b",
    re.I,
)


def owned_by_another(text: str, start: int, end: int) -> bool:
    """What is named at text[start:end] is a relative's or a friend's by its possessive or its "of": "ma femme
    voulait me donner son tramadol", "pas le tramadol de votre femme"."""
    if _OWNER_AFTER.match(text, end):
        return True
    owner = list(_OWNER.finditer(text, max(0, start - 100), start))
    if not owner or not _POSSESSIVE_BEFORE.search(text, max(0, start - 12), start):
        return False
    return not _GIVEN_TO_ME.search(text, owner[-1].end(), start)  # "ma femme m'a donné de son nurofen": taken


_GIVEN_TO_ME = re.compile(
    r"\b(?:m'a|m'ont) (?:donné|passé|prêté)|\b(?:gave|lent|handed) me\b|\b(?:i took|j'ai pris)\b", re.I
)


def friend_before(sents: list, k: int) -> bool:
    """Sentence k goes on about the friend the turn's previous sentence named: "mon amie m'a donné sa crème, du
    dermoval. elle l'utilise pour son psoriasis"."""
    prev = sents[k - 1] if k else None
    if prev is None or prev.seg_index != sents[k].seg_index:
        return False
    if not PRONOUN_SUBJECT.match(sents[k].text) and ANY_SUBJECT.search(sents[k].text):
        return False  # "… he gave me two of his pills. allo … allopurinol.": no subject, still the friend's
    return bool(_FRIEND_OPENING.match(prev.text))


_FRIEND_OPENING = re.compile(
    rf"^\W*(?:(?:alors|so|well|and|et|mais|but|oh)\W+)*(?:my|mon|ma|a|un|une) {FRIENDS}\b", re.I
)
