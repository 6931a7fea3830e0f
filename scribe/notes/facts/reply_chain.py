"""A reply that goes on about someone else across the clinician's short question: whose it is comes from the turn
before the question (scribe.notes.facts.relatives asks it)."""

from __future__ import annotations

import re

from scribe.notes.consultation import FAMILY

THIRD_PERSON = re.compile(r"\b(?:she|he|her|his|him|elle|il|lui)\b", re.I)  # of a relative, of a child


def turn_opening(sents: list, k: int) -> int:
    """The index of the first sentence of sentence k's turn."""
    j = k
    while j > 0 and sents[j - 1].seg_index == sents[k].seg_index:
        j -= 1
    return j


def through_a_question(sents: list, k: int, is_clin, about, of_patient) -> re.Match | None:
    """ "tell me about your mum." "she's got a clotting disorder." "factor five leiden?" "that's it. … so now she's on
    warfarin for life": the reply to the clinician's short question that checks a word goes on about the relative the
    speaker's turn before it was about (`about(i)`: the relative sentence i is about), while it never speaks of the
    patient (`of_patient(text)`)."""
    j = turn_opening(sents, k)
    asked = j - 1
    if asked < 2 or not is_clin(asked) or turn_opening(sents, asked) != asked or not sents[asked].question:
        return None
    if len(sents[asked].text.split()) > 8 or not THIRD_PERSON.search(sents[k].text):
        return None
    if any(FAMILY.search(sents[i].text) for i in range(asked, k + 1)):  # "brothers or sisters?" "one brother, …"
        return None
    if sents[asked - 1].seg_index != sents[k].seg_index - 2 or any(of_patient(sents[i].text) for i in range(j, k + 1)):
        return None
    return about(asked - 1)
