"""The everyday words of a clinician's question in the other language, so that a question's own words find
their answer across languages ("avait-elle d'autres blessures ?" in an English visit says "injuries",
"is she married?" in a French one says "marié"). Cognates are read by their endings (answers.word_pattern);
these are the words whose forms differ. Each group is one regex that both languages' words match.
"""

from __future__ import annotations

import re

# one group per meaning: every word of the group, in English and French
_GROUPS = [
    r"injur\w*|bless(?:ure|é|ée|és|ées|er)s?|hurt",
    r"accidents?|crash\w*|collision\w*",
    r"married|marri\w*|mari[ée]e?s?|mari|husband|wife|épou\w*",
    r"back|dos|lumba\w*|lombai\w*",
    r"others?|autres?",
    r"swell\w*|swollen|gonfl\w*|enfl\w*|[œo]e?d[èe]mes?|edema",
    r"fingers?|doigts?|thumbs?|pouces?",
    r"toes?|orteils?",
    r"stomach|estomac|belly|ventre|abdom\w*",
    r"throat|gorge",
    r"breastfe\w*|breast-fe\w*|nursing|allait\w*",
    r"tetanus|t[ée]tanos",
    r"heart|cardiaques?|c(?:œ|oe)ur",
    r"salt|salty|sel|sal[ée]e?s?|sodium",
    r"scars?|cicatric\w*",
    r"lumps?|bumps?|masses?|boules?|grosseurs?|nodules?",
    r"burn\w*|br[ûu]l\w*",
    r"blood|bleed\w*|sang|saign\w*",
    r"walk\w*|march\w*|walking",
    r"splints?|attelles?",
    r"braces?|orth[èe]ses?",
    r"wounds?|plaies?|cuts?|coupures?",
    r"bites?|bitten|morsures?|mordu\w*",
    r"ticks?|tiques?",
    r"stairs|escaliers?",
    r"driv\w*|conduis\w*|conduire|conduit",
    r"nurses?|infirmi\w*",
    r"alone|seule?s?",
    r"jobs?|work\w*|travail\w*|m[ée]tiers?",
    r"pops?|popped|popping|craqu\w*|claqu\w*",
    r"tired\w*|fatigu\w*|exhaust\w*|[ée]puis[ée]e?s?",
    r"itch\w*|d[ée]mang\w*|prurit\w*",
    r"rash\w*|[ée]ruption\w*|boutons?|plaques?",
    r"dizz\w*|lightheaded\w*|vertig\w*|[ée]tourdi\w*",
    r"heartburn|reflux|br[ûu]lures? d'estomac|acid\w*",
    r"weak\w*|faibless\w*|faibles?",
    r"ski\w*",
    r"bikes?|bicycl\w*|cycling|biking|v[ée]los?",
    r"liver|hepat\w*|h[ée]pat\w*|foie",
    r"follow\w*|come back|coming back|revenir|revien\w*|revoir|contr[ôo]le|suivi",
    r"appointments?|visits?|rendez-vous|rdv",
    r"ankles?|chevilles?",
    r"wrists?|poignets?",
    r"knees?|genoux?",
    r"shoulders?|[ée]paules?",
    r"hips?|hanches?",
    r"elbows?|coudes?",
    r"neck|cou|cervica\w*",
    r"kneecaps?|rotules?|patella\w*",
    r"tablets?|pills?|comprim[ée]s?|g[ée]lules?|cachets?",
    r"miscarriages?|miscarried|fausses?[- ]couches?",
    r"travel\w*|trips?|voyag\w*",
    r"help(?:s|ed|ing)?|relief|reliev\w*|soulag\w*|eased?|eases|improv\w*|am[ée]lior\w*",
    r"calf|calves|mollets?",
    r"sudden(?:ly)?|all of a sudden|brutal\w*|d'un (?:seul )?coup|tout (?:à|d'un) coup",
    r"bend\w*|bent|pench\w*",
    r"breath\w*|respir\w*",
    r"lie|lies|lying|lay|lays|laying|laid|couch\w*|allong\w*",
    r"same|m[êe]mes?|pareil\w*|identiques?",
    r"hands?|mains?",
    r"both|deux",
    r"sensation\w*|sensibilit[ée]s?|feel|feels|feeling|ressen\w*",
    r"smok\w*|fum(?:e|es|er|ez|é|ée|ait|ais|eur|euse)s?|cigarettes?|tabac",
    r"quit|quits|quitting|stopp\w*|stops?|arr[êe]t\w*|cess\w*",
    r"packs?|paquets?",
    r"soccer|football|foot",
    r"hair|cheveux|capillaires?",
    r"new|nouveaux?|nouvelles?|nouvel",
    r"areas?|zones?|spots?|endroits?",
    r"narrow\w*|r[ée]tr[ée]ci\w*|st[ée]nos\w*|blockages?|blocked|bouch[ée]e?s?",
    r"bmi|imc",
    r"alt|alat|sgpt",
    r"ast|asat|sgot",
]
_RX = [re.compile(rf"(?:{g})".replace("'", "['’]"), re.I) for g in _GROUPS]  # transcripts write both apostrophes


def translations(word: str) -> re.Pattern | None:
    """The group of the word in both languages, as a whole-word regex, or None when it has none."""
    for rx in _RX:
        if rx.fullmatch(word):
            return re.compile(rf"\b(?:{rx.pattern})\b", re.I)
    return None
