"""Cues around a drug mention that change its status or what is read with it (read by mention.parse_mention)."""

from __future__ import annotations

import re

# Past a stopped drug, the next order, whose drug the recogniser may have lost: "stop the ibuprofen I'm
# prescribing an applause [naproxen] 500 milligrams", "stop the ibuprofen, for good, it am enough [tylenol] 1 g".
NEXT_ORDER = re.compile(
    r",\s*(?:for|and|then|so|et|puis|pour)\b|\b(?:i'm|i am|i'll|i will|we're|we'll|we will|let's|je vous)\s+"
    r"(?:going to\s+)?(?:prescri|start|giv|switch|add|put|donne|mets)\w*",
    re.I,
)
# a drug named after a stopped one, taken in its place: "stop the ibuprofen, tylenol instead", "…, paracétamol si
# besoin"
INSTEAD_OR_AS_NEEDED = re.compile(
    r"\W*(?:instead|à la place|plutôt|si besoin|au besoin|en cas de besoin|as needed|if needed|when needed)\b", re.I
)
# another clinician's past course: "they sent you home with", "the er gave you", "ils vous ont donné"
SENT_HOME_WITH = re.compile(
    r"\b(?:sent (?:you|him|her|me) home with|(?:gave|prescribed) (?:you|him|her|me)|vous ont (?:donné|prescrit)|"
    r"m'ont (?:donné|prescrit))\b[^.;]{0,40}$",
    re.I,
)
# someone else's prescription: "his prescription is for him, and ambien with lorazepam is a dangerous combination"
SOMEONE_ELSES = re.compile(
    r"\b(?:his|their|(?!doctor|dr|pharmacist|today|tonight|week|month|year)[a-z]+'s)\s+(?:prescriptions?|pills?)\b",
    re.I,
)
# a stop told as past: "on l'a arrêté à cause de ça" (two years ago), "we stopped it after the hospital"
STOPPED_BEFORE = re.compile(
    r"\b(?:on l'a|qu'on a|on a|je l'ai|nous l'avons|avait été|a été|we|they|i) (?:arrêtée?s?|stopped|had stopped)\b",
    re.I,
)
