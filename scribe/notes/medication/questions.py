"""What a question about a drug asks, and what its answer says: "have you tried anything for it?" (a drug named in
the reply was tried, not taken now), "I stopped it" (the reply stops the drug asked about)."""

from __future__ import annotations

import re

from scribe.notes.medication.status import STOP_LEFT
from scribe.notes.medication.stop_words import DRUG_STOPS

_TRIED_QUESTION = re.compile(
    r"\b(?:anything|something|what)(?: else)? (?:have you |did you |you've |you have |you )?tried\b|"
    # "we tried something before", "you tried a preventive last year, right?"
    r"\b(?:we|you) (?:have |had |'ve )?tried (?:something|anything|an? \w+|some \w+)\b|\bdid we try\b|"
    r"\b(?:have you|did you|has (?:he|she)|did (?:he|she))\s+(?:\w+\s+)?(?:tried|try|taken anything|take anything|"
    r"took anything|used anything|use anything|(?:taken|took|used) (?:for|to))\b|"
    r"\b(?:avez-vous|vous avez|as-tu|t'as)\s+(?:\w+\s+)?"
    r"(?:essayé|pris quelque chose|pris un traitement|pris des médicaments)|"
    # "on avait essayé autre chose avant le méthotrexate ?", "were you on anything before the lithium?"
    r"\b(?:on|vous|il|elle) (?:avait|aviez|a) (?:déjà )?essayé\b|\bun autre (?:essai|traitement)\b|"
    # the dose of a past course: "il avait eu quelle dose ?", "what dose was he given?"
    r"\b(?:il|elle|vous|tu) (?:avait|aviez|avais) (?:eu|pris)\b|\bwhat dose (?:was (?:he|she|it)|were you)\b|"
    # "have you ever been on a combination inhaler?": what the answer names was taken in the past
    r"\b(?:have|has) (?:you|he|she) ever (?:been on|taken|used|tried)\b|\b(?:were|was) (?:you|he|she) ever on\b|"
    r"\b(?:avez-vous|vous avez|a-t-il|a-t-elle) (?:déjà|jamais) (?:pris|eu|essayé)\b|"
    r"\b(?:were you on|was (?:he|she) on|did you (?:take|try)|have you (?:been on|taken))\s+(?:anything|something)"
    r"(?: else)? before\b|"
    # "and for the one two years ago, what did you take?": what was taken for a past episode
    r"\b(?:ago|last time|back then|that time|il y a \w+ (?:ans?|mois))\b.{0,30}\bwhat did you (?:take|use|get)\b|"
    r"\bwhat did you (?:take|use|get)\b.{0,30}\b(?:ago|last time|back then|that time)\b",
    re.I,
)


def asks_what_was_tried(question: str) -> bool:
    """ "Have you tried anything for it?", "did you take anything?", "vous avez pris quelque chose ?": a drug
    named in the answer was tried for the complaint, not one the patient takes (unless the answer says so)."""
    return bool(_TRIED_QUESTION.search(question))


def stopped_in_answer(text: str) -> bool:
    """An answer says the drug was stopped ("I stopped it", "not anymore", "je l'ai arrêté"; not "presque plus")."""
    stop = STOP_LEFT.search(text)
    if stop and DRUG_STOPS.search(text[: stop.start()]):
        stop = None  # "i thought the allopurinol was supposed to stop them" (the attacks)
    return bool(
        stop
        or re.search(r"(?<!presque )(?<!almost )\b(?:anymore|any more|not now|no longer)\b", text, re.I)
        # French "plus" with its negation, or alone ("non, plus maintenant"), not English "plus the correction"
        or re.search(r"(?:\bn'|\bne\b)[^.]{0,25}(?<!presque )\bplus\b|(?:^|\bnon\W+)plus\b", text, re.I)
        or FINISHED_FR.search(text)
    )


# "il a tout pris, il a fini le mercredi": a course the patient finished
FINISHED_FR = re.compile(r"\b(?:il|elle|on|j')\s*(?:l')?(?:a|ai) (?:tout |bien )?(?:fini|terminé)\b(?! de\b| d')", re.I)
