"""Drugs announced as a list: "until we know, i'm starting a few things." then "aspirin, 81 milligrams, once a
day." "metoprolol, …": each item the clinician names one sentence each after the announcement is a start, unless
the clinician keeps it ("the amlodipine, keep the five")."""

from __future__ import annotations

import re

_ANNOUNCES_STARTS = re.compile(
    r"\b(?:i'm|i am|we're|we are|i'll|we'll|i will|we will|going to|let's|i want to|i'd like to)\s+"
    r"(?:(?:start|add|begin|prescrib)\w*|giv(?:e|ing) you)\s+(?:you\s+on\s+|with\s+)?(?:a few|a couple of|some|two|"
    r"three|several|a number of)\s*(?:(?:new\s+)?(?:things|medications|medicines|meds|drugs|prescriptions|"
    r"antibiotics)\b|[.;:]|$)|"  # "i'm giving you two."
    # "so the treatment is what we call eradication, three medicines together for seven days"
    r"\b(?:the treatment is|le traitement,? c'est)\b[^.;]{0,60}\b(?:two|three|four|deux|trois|quatre) "
    r"(?:medicines|medications|drugs|tablets|antibiotics|médicaments|comprimés|antibiotiques)\b",
    re.I,
)
_ORDINAL = (
    r"(?:and|also|then|next|first|second|third|fourth|lastly|finally|one|two|three|number \w+|et|puis|ensuite|"
    r"d'abord|après|enfin|premièrement|deuxièmement|troisièmement)"
)
# the item's kind said before its name: "first, a pill, doxycycline"; "second, a gel, adapalene"
_A_KIND = (
    r"(?:a|an|un|une) (?:pill|tablet|gel|cream|ointment|inhaler|spray|shot|injection|antibiotic|medicine|medication|"
    r"comprimé|gélule|crème|pommade|spray|antibiotique|médicament)"
)
_LIST_ITEM_LEFT = re.compile(
    rf"^\W*(?:{_ORDINAL}\W+)*(?:{_A_KIND}\s*,\s*)?(?:the (?:first|second|third|last)(?: one)? is\s+)?"
    r"(?:the\s+|some\s+|a\s+|an\s+|le\s+|la\s+|les\s+|du\s+|l')?$|"
    # "second, for the burning nerve pain, gabapentin": the purpose said between the rank and the drug
    rf"^\W*(?:{_ORDINAL}\W+)+(?:for|pour) (?:the |your |le |la |les |votre |vos )?[\w' -]{{3,30}}?\s*,\s*"
    r"(?:the\s+|some\s+|a\s+|an\s+|le\s+|la\s+|les\s+|du\s+|l')?$",
    re.I,
)
# a drug kept, said after it ("the amlodipine, keep the five", "the metformin you keep", "tylenol is fine")
KEPT_RIGHT = re.compile(
    r"\b(?:keep\w*|continu\w*|same|stays?|remains?|still|as before|as it is|(?:is|are|'s) (?:fine|ok|okay)|gard\w*|"
    r"poursui\w*|on garde|pareil|inchangé|toujours|c'est trop|(?:that's|that is|is|it's) too (?:much|many|often))\b",
    re.I,
)


def announces_starts(sentence: str) -> bool:
    """The clinician announces new drugs to come ("i'm starting a few things"; "three things." before the list)."""
    return bool(_ANNOUNCES_STARTS.search(sentence) or _THINGS.match(sentence))


_THINGS = re.compile(
    r"^\W*(?:(?:so|okay|alright|alors|bon)\W+)?(?:two|three|four|a few|several|deux|trois|quatre|plusieurs) "
    r"(?:things|choses)\W*$",
    re.I,
)


# a generic name glossed by the brand that follows: "amoxicillin-clavulanate, that's augmentin"
_GLOSSED = re.compile(r"^\W*[\w-]+\s*,\s*(?:that's|that is|c'est|i\.e\.)\s+$", re.I)


def announced_item(sentence: str, mentions: list, j: int) -> bool:
    """Drug mention j leads its sentence as an item of an announced list ("aspirin, 81 milligrams, once a
    day"; "second, metoprolol …"; "ensuite, monuril, la fosfomycine, trois grammes": the name said again), not
    one the clinician keeps ("the amlodipine, keep the five")."""
    start = mentions[j].start
    if j and re.fullmatch(r"\W*(?:the|le|la|les|l'|du)?\s*", sentence[mentions[j - 1].end : start], re.I):
        start = mentions[j - 1].start
    lead = _GLOSSED.sub("", sentence[:start])  # "amoxicillin-clavulanate, that's augmentin, 875 milligrams"
    return bool(_LIST_ITEM_LEFT.match(lead)) and not KEPT_RIGHT.search(sentence[mentions[j].end :])
