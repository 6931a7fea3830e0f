"""The words that stop a drug, said after its name ("the advil, i stopped it", "so i stopped.", "…, stopped after
three weeks because of drowsiness"): read by medication.status and the cue modules beside it."""

from __future__ import annotations

import re

# "it did nothing, so I stopped.": a stop with no object, at the end of its clause
STOPPED_BARE = (
    r"\b(?:i|we|she|he|they) (?:just |then |finally )?(?:stopped|quit)"
    r"(?=\s*(?:[.,;!]|$|because\b|(?:last|this) (?:week|month|year|spring|summer|fall|winter)\b|"
    r"after (?:\w+ ){1,2}(?:days?|weeks?|months?|years?)\b|on my own\b|"
    r"(?:about |around |like )?(?:a |an |\w+ )(?:days?|weeks?|months?|years?) ago\b|when (?:it|the)\b))"
)
STOP_RIGHT = re.compile(
    r"\b(?:(?:stop(?:ped|ping)?|quit|discontinu\w*|held|hold|d/c)\s+(?:taking\s+|using\s+)?(?:it|them|that|those|this)|"
    r"(?:i'd|i would|i'll|i will|we'll|we will|we'd) (?:just )?stop(?=\s*(?:[.;,]|$))|"  # "the zzzquil, … i'd stop."
    # of a drug taken: "the advil, please avoid it", "the naproxen, please don't go back on it"
    r"please avoid (?:it|them|that)|évitez-(?:le|la|les)|"
    r"(?:don't|do not|never) (?:go|get|start) back on (?:it|them|that)|"
    # "the ibuprofen, the advil, i want you to stop completely"
    r"(?:i (?:want|need) you to|i'd like you to|you (?:need|have|must|should)(?: to)?) stop(?=\s*(?:[.;,]|$|"
    r"completely|entirely|altogether|for good|now|today))|"
    r"both (?:finished|completed|done)|(?:tous|toutes) (?:les )?deux (?:finis|finies|terminés|terminées)|"
    r"(?:took|take|taken|taking|get|got|came|come|coming|went|gone|go|been|was) (?:me |you |him |her )?off (?:of )?"
    r"(?:it|them|that|those|this)|anymore|any more|no longer|"
    r"(?:was|is|were|are|has been|have been) (?:it |that |this |they |those )?(?:finished|completed|done)|"
    r"(?:i|he|she|we|you) (?:finished|completed) (?:it|them|that|the course)|"
    r"(?:that|it|this|which|they)(?:'s|'re| is| are| was| were| has| have)(?: already)?(?: been)? "
    r"(?:stopped|discontinued))\b|"
    # "you can leave the advil off", "so I stopped."; "the melatonin, leave that off"; "the prednisone i finished"
    r"^\W{0,3}off\b(?! and on)|\b(?:leave|lean) (?:that|it|them|those) off\b|^\W{0,3}(?:i|he|she|we) finished\b|"
    + STOPPED_BARE
    + r"|\b(?:l'|les )(?:ai |avons |avez |aviez |avait |a |ont )?arrêt\w*|"
    # held for a while: "l'ibuprofène, on le suspend pendant un mois", "ibuprofène suspendu un mois"
    r"\b(?:on|je|nous) (?:le |la |les |l')suspend\w*|^\W{0,3}suspendue?s?\b|"
    # a relative clause on the drug: "l'amiodarone, …, qu'on a arrêtée", "the amiodarone, which we stopped"
    r"\bqu(?:'on|e j'ai|e vous avez|e nous avons|'il a|'elle a|'ils ont) (?:\w+ )?arrêt\w*|"
    r"\b(?:which|that) (?:we|i|they|you|he|she) (?:\w+ )?(?:stopped|discontinued)\b|"
    # "alors j'ai arrêté", "après j'ai arrêté comme on m'a dit"; "vous ne la reprenez pas", "ne le prenez plus"
    r"\b(?:j'ai|on a|nous avons|il a|elle a) (?:donc |tout |vite )?arrêté\b(?! de\b| d')|"
    r"\bne (?:le |la |les |l')?(?:reprenez|reprends|reprend|reprenons) (?:pas|plus)\b|"
    r"\b(?:ne (?:le |la |les |l')?|n'en )pren(?:ez|ds|d) plus\b(?! (?:le |la |à )?(?:matin|soir|midi|nuit))|"
    r"^\W{0,3}(?:\w+\W+){0,2}?(?:vous pouvez|on peut|tu peux|il faut|vous allez|on va|c'est à) (?:l'|les )?arrêter\b|"
    r"^\W{0,3}(?:(?:par contre|en revanche|donc|alors)\W+)?"
    r"(?:arrêtez\b|(?:vous|on|tu|nous) (?:l'|les )?arrêt(?:ez|e|ons)\b)|"
    r"^\W{0,3}(?:stops|is stopped|is discontinued|gets stopped|is done|has to stop|needs to stop|must stop|"
    r"(?:is |goes |stays |remains )?on hold|"  # "the water tablet, bendroflumethiazide, is on hold"
    r"arrêtée? (?:en|il y a|depuis|le mois|l'an))\b"  # a recap's "intolérance à l'atorvastatine, arrêtée en janvier"
    # (not the course's end: "the omeprazole stops at the end of the week as well")
    r"(?! (?:at the end|after the|when the|with the|once the|à la fin|après les))|"
    r"^\W{0,3}(?:[\w-]+\s+){0,3}?(?:was|were|had been|got) (?:stopped|discontinued)\b|"  # "… 10 mg was stopped"
    # "the ropinirole stays stopped", "ropinirole stays off"; "bupropion, stopped for anxiety"
    r"^\W{0,3}(?:stays?|remains?|is staying|reste) (?:stopped|off|discontinued|arrêtée?s?)\b|"
    r"^\W{0,3}(?:stopped|discontinued|arrêtée?s?)(?: (?:for|because|due to|after|pour|à cause|après)\b|\s*(?:[,;.]|$))|"
    # "le natispray, vous pouvez le ramener à la pharmacie, vous n'en avez pas besoin"
    r"\b(?:ramen|rapport|rend)(?:er|ez) (?:\w+ ){0,2}(?:à|a) la pharmacie|vous n'en avez (?:plus |pas )+besoin|"
    r"\b(?:return|bring) (?:it|them) (?:back )?to the pharmacy|you (?:don't|do not) need (?:it|them) (?:anymore|now)\b",
    re.I,
)


STOPPED_THEN = re.compile(
    r"^\W{0,3}(?:[\w.-]+\s+){1,6}?[,;]\s*(?:stopped|discontinued|arrêtée?s?) (?:after|because|due to|après|à cause)\b",
    re.I,
)


def stop_after(after: str) -> bool:
    """A stop said of the drug after its name, not negated ("le kardégic, il ne faut surtout pas l'arrêter",
    "don't stop it")."""
    m = STOP_RIGHT.search(after)
    lead = after[: m.start()] if m else ""
    return bool(m) and not (_NOT_BEFORE.search(lead) or DRUG_STOPS.search(lead) or WHETHER.search(lead))


WHETHER = re.compile(r"\b(?:s'il|si|whether|if)\b[^.;]{0,20}$", re.I)  # "elle vous dira s'il faut l'arrêter"
_NOT_BEFORE = re.compile(r"(?:\b(?:pas|jamais|not|never)\b|n't\b)\s*(?:\w+\s+)?$", re.I)
# the drug is what stops something: "i thought the allopurinol was supposed to stop them" (the attacks)
DRUG_STOPS = re.compile(r"\b(?:supposed|meant|designed|help(?:s|ed)?)(?: to)?\s*$", re.I)
