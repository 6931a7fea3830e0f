"""Whether another clinician prescribed, started or changed a drug ("the cardiologist put me on it", "dr. brown
gave me", "aux urgences on m'a donné"): the note names the prescriber, and this visit's plan leaves it out.
"""

from __future__ import annotations

import re

_AGENT = (
    r"(?:doctors?|docs?|physicians?|providers?|specialists?|surgeons?|cardiologists?|cardiology|"
    r"endocrinologists?|"
    r"endocrinology|neurologists?|oncologists?|nephrologists?|rheumatologists?|dermatologists?|psychiatrists?|"
    r"pulmonologists?|gastroenterologists?|gi doctor|urologists?|gynecologists?|ob-?gyn|orthopedists?|"
    r"orthopedics|podiatrists?|dentists?|urgent care|er|emergency room|emergency department|hospital|"
    r"hospitalists?|clinic|walk-in|pcp|primary care(?: doctor| physician| provider)?|nurse practitioner|"
    r"pharmacist|médecin(?: traitant)?|docteur|cardiologue|spécialiste|chirurgien|urgences|hôpital|généraliste|"
    r"dermatologue|rhumatologue|gynécologue|endocrinologue|pneumologue|neurologue|psychiatre|dentiste)"
)
_OTHER_PRESCRIBER = re.compile(
    r"\b(?:the|your|my|his|her|their|an?|another|other|that|le|la|l'|mon|ma|votre|son|sa|un|une|autre)\s*"
    r"(?:[\w-]+\s+){0,2}?" + _AGENT + r"(?:'s)?\b(?:\s+(?!can\b|could\b|may\b|might\b|should\b)[\w']+){0,4}?\s+"
    r"(?:prescri\w*|start\w*|put|placed|gave|give\w*|"
    r"told (?:you|me|him|her) to (?:take|start|use)|took (?:you|me|him|her) off|stopped|discontinued|"
    r"has (?:you|me|him|her) on|had (?:you|me|him|her) on|wants? (?:you|me|him|her) (?:on|to take)|switch\w*|"
    r"increas\w*|decreas\w*|chang\w*|recommend\w*|added|sent (?:you|me|him|her) home|m'a|l'a|vous a|lui a|a prescrit|"
    r"a mis|a donné|a introduit|a augmenté|a changé)\b|"
    r"\b(?:dr\.?|docteur|doctor)\s+[a-zà-ÿ'-]+\s+(?:[\w']+\s+){0,2}?(?:prescri\w*|start\w*|put|gave|has|had|switch\w*|"
    r"increas\w*|chang\w*|m'a|vous a|a prescrit|a mis)\b|"
    r"\bprescri(?:bed|t|te|ts)\s+(?:by|par)\s+(?:the|your|my|his|her|dr|le|la|l'|mon|ma|votre|son|un|une|docteur)\b|"
    r"\b(?:they|on|il|elle|ils)\s+(?:gave|prescribed|put|started|sent \w+ home with|m'a (?:donné|prescrit|mis)|"
    r"lui a (?:donné|prescrit))\b|"
    r"\b(?:he|she|they|il|elle|ils)\s+(?:\w+\s+)?(?:prescribed|started|put|gave|switched|took)\s+(?:me|you|him|her)\b|"
    r"\b(?:at|in|from|aux|à l'|à la)\s+(?:the\s+)?(?:urgent care|er|emergency room|hospital|urgences|hôpital|clinic)\b"
    r"[^.]{0,40}\b(?:gave|prescribed|put|started|sent|donné|prescrit)\b",
    re.I,
)


def other_prescriber(text: str) -> bool:
    """Another clinician prescribed, started or changed it ("the cardiologist put me on", "dr. brown gave me",
    "dr. haddad, the endocrinologist, started you on": the apposition read past)."""
    return bool(_OTHER_PRESCRIBER.search(_APPOSITION.sub(" ", text)))


_APPOSITION = re.compile(r"\s*,\s*(?:the|your|his|her|my|le|la|l'|votre|son|sa)\s*" + _AGENT + r"\s*,", re.I)
