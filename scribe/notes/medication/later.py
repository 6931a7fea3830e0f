"""Drugs the clinician would start only on a condition still to come: "if it's still above fifty-five, i would add
ezetimibe", "we'd switch to prednisone", "prégabaline seulement si les douleurs persistent" (read by
clause.considered_only: no drug started today)."""

from __future__ import annotations

import re

# what follows a condition: "if it's still above fifty-five, i would add … ezetimibe", "we'd switch to prednisone",
# "si on n'atteint pas l'objectif, on ajoutera l'ézétimibe" (not "if that's okay with you, we'll start …")
_IF_THEN = re.compile(
    r"\b(?:if|si)\b(?! (?:that's|this is|it's|you're|vous êtes|ça vous) (?:ok|okay|fine|alright|all right|d'accord|"
    r"va)\b)(?! you agree)[^.;?!]{0,140}?\b"
    r"(?:(?:i|we)(?:'d| would| will|'ll) (?:add|switch|try|start|put you on|go to|increase|raise|double|go up on)|"
    r"on (?:ajoutera|passera|essaiera|commencera|rajoutera|prescrira|ajouterait|passerait|essaierait|mettra|"
    r"augmentera|doublera))\b"
    r"[^.;?!]{0,45}$",
    re.I,
)
# the recap puts the condition after the drug: "ezetimibe if it's still above fifty-five", "… si l'objectif n'est
# pas atteint"
_ON_A_TARGET_AFTER = re.compile(
    r"\W*(?:only )?(?:if|si|seulement si) (?:it's|it is|it stays|ldl is|l'objectif|le ldl|the ldl)\b[^.;?!]{0,30}"
    r"\b(?:still|above|over|not|pas|atteint|high|élevé)\b",
    re.I,
)


# "prégabaline seulement si les douleurs persistent" (not "only if you have pain": taken as needed)
_ONLY_IF_NO_BETTER = re.compile(
    r"\W*(?:seulement|uniquement|only) (?:si|if)\b[^.;?!]{0,40}\b(?:persist\w*|not (?:better|improv\w*|working)|"
    r"pas mieux|ne (?:passe|marche|suffit) pas|no better|doesn't (?:help|work|improve))",
    re.I,
)


def on_a_condition(text: str, start: int, end: int) -> bool:
    """The drug at text[start:end] follows a condition ("if …, we'd add") or is followed by one ("… only if")."""
    return bool(
        _IF_THEN.search(text[max(0, start - 200) : start])
        or _ON_A_TARGET_AFTER.match(text, end)
        or _ONLY_IF_NO_BETTER.match(text, end)
    )


# a start put off to a time to come, said before the drug: "once this has completely settled, in about four weeks,
# we'll start allopurinol", "i'll see you in four weeks to start the allopurinol", "when we start the allopurinol"
STARTS_LATER = re.compile(
    r"(?:\b(?:once|when|after) (?:this|that|it|the flare|the infection|the attack)(?: is|'s| has)? "
    r"(?:completely |fully |all )?(?:settled|over|gone|calmed down|healed|cleared)|"
    r"\bune fois (?:que )?(?:la crise|ça|l'infection)(?: est)? (?:passée|calmée|terminée|guérie))"
    r"\b[^.;?!]{0,80}\b(?:we'll|we will|i'll|on) (?:start|add|begin|commencera|ajoutera|démarrera)\s+"
    r"(?:the |l'|le |la )?[\w-]+$|"
    r"\b(?:in|dans) (?:[\w-]+ ){1,3}(?:weeks?|months?|semaines|mois) (?:to|pour) (?:start|begin|commencer|démarrer)\s+"
    r"(?:the |l'|le |la )?[\w-]+$|"
    r"\b(?:when|once|quand) (?:we|on) (?:start|begin|commencera|démarrera)\s+(?:the |l'|le |la )?[\w-]+$",
    re.I,
)
