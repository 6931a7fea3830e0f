"""Words that say how a drug changes, that a change was made before this visit, or that a stop is only a time (read by
status.clause_status)."""

from __future__ import annotations

import re

# "the cyclobenzaprine, keep the same ten milligram dose, but only once a day, at bedtime": how often changes
ONLY_NOW = re.compile(
    r"^[^.]{0,50}?\b(?:but|mais) (?:only|now|just|seulement|plus que) (?:once|twice|one|two|three|\d|at bedtime|"
    r"at night|une fois|deux fois|le soir|le matin|au coucher)\b",
    re.I,
)
# a change made before this visit: "during the pregnancy we increased your levothyroxine to one hundred"
CHANGED_BEFORE = re.compile(
    r"\b(?:during (?:the|your) (?:pregnancy|hospital stay|admission)|last (?:year|month|time|visit)|in the hospital|"
    r"pendant (?:la|votre) grossesse|à l'hôpital|l'an dernier|la dernière fois)\b[^.;]{0,30}"
    r"\b(?:we|i|they|on a|j'ai|ils ont) (?:increased|decreased|raised|lowered|changed|augmenté|diminué|baissé)\b",
    re.I,
)

# a stop said as when something is decided or happens, not as an order: "they'll tell you when to hold the apixaban",
# "about two weeks after you stop the omeprazole" (AS_A_TIME, before a stop in the present: not "after she stopped")
WHEN_TO = re.compile(r"\b(?:when|whether|if|how long) (?:to|you (?:should|need to))\s*$|\bquand (?:il faut )?$", re.I)
AS_A_TIME = re.compile(r"\b(?:after|before|once|until|après|avant|dès que|une fois que) (?:you|we|vous|on)\s*$", re.I)
