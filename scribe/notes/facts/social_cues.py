"""The words that tell each part of the social history, in either language: what the background reader looks
for in the patient's own sentences (tobacco, alcohol, recreational drugs, occupation, exercise, living situation)."""

from __future__ import annotations

import re

SOCIAL = [
    (
        "tobacco",
        re.compile(
            # not "i chew ice all day", nor "any pain in the jaw when you chew?"
            r"\b(?:smok\w*|cigarettes?|vap(?:e|ing)|tobacco|packs? (?:a|per) day|fume[zs]?|fumer|fumeur|fumeuse|"
            r"tabac|clope|chew(?! (?:ice|gum|food|on)\b)(?<!when you chew)(?<!while you chew))\b",
            re.I,
        ),
    ),
    (
        "alcohol",
        re.compile(
            r"\b(?:alcohol|beers?|wine|liquor|drinks? (?:a|per) (?:day|week|night)|social drinker|"
            r"alcool|vin|bières?|apéro)\b",
            re.I,
        ),
    ),
    (
        "recreational drugs",
        re.compile(r"\b(?:recreational drugs?|marijuana|cannabis|weed|cocaine|drogues?)\b", re.I),
    ),
    (
        "occupation",
        re.compile(
            r"\b(?:i work (?:as|at|in|for)|i'm a (?:teacher|nurse|driver|mechanic|lawyer|student|"
            r"carpenter|farmer|accountant|retired)|i am retired|i'm retired|je travaille|"
            r"je suis (?:à la )?retraitée?|mon travail|my job)\b",
            re.I,
        ),
    ),
    (
        "exercise",
        re.compile(
            r"\b(?:i (?:run|jog|swim|bike|hike|exercise|work out|go to the gym|go for a (?:run|walk))|"
            r"i walk (?:\w+ )?(?:miles?|every day|daily|for exercise)|exercis\w+|work ?out|"
            r"je (?:cours|nage|fais du sport)|sport)\b",
            re.I,
        ),
    ),
    (
        "living situation",
        re.compile(
            r"\b(?:i live (?:with|alone|by myself)|(?:live|living|stay|staying) with my (?:wife|husband|partner)|"
            r"married|"
            r"je vis (?:seule?|avec)|j'habite (?:seule?|avec)|(?:on|nous) (?:vit|vivons) (?:à deux|ensemble)|"
            r"mariée?)\b",
            re.I,
        ),
    ),
]
