"""The patient repeating the clinician's conditional advice ("if you get any rash … call us" "okay. rash means call.")
or a side effect the clinician warned of ("it can give you diarrhoea" "diarrhoea. great."): a symptom named in the
echo is not one the patient has."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.facts.reader import IF_ADVICE, WARNING_SIGNS

# what the patient will do is no symptom told: "fièvre ou douleur sous le genou, je vous appelle"
_PROMISE = re.compile(
    r"\b(?:i'll|i will|i|je vous|je|j')\s*(?:call|phone|come back|go|stop|appelle|rappelle|reviens|vais|y vais|"
    r"m'arrête|arrête)\b",
    re.I,
)
# a drug's side effects the clinician warns of: "the main side effect is the stomach, it can give you diarrhoea"
_SIDE_EFFECTS = re.compile(
    r"\b(?:side effects?|can (?:give|cause) you|may (?:give|cause) you|effets? (?:secondaires?|indésirables?)|"
    r"peut (?:vous )?(?:donner|provoquer))\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|my|me|j'ai|je|j'|mon|ma|mes|moi)\b", re.I)


def echoes_advice(advice: str, reply: str, label: str) -> bool:
    """The patient repeating the clinician's conditional advice about a symptom, without saying they have it ("if
    you get any rash … call us" "okay. rash means call."): nothing told of the symptom."""
    if _FIRST_PERSON.search(_PROMISE.sub(" ", reply)):
        return False
    # after an "if you …", or after "now, the warning signs." ("… black stools")
    starts = [*IF_ADVICE.finditer(advice), *WARNING_SIGNS.finditer(advice)]
    # (a question about side effects is answered, not echoed: "any side effects, nausea?" "a little queasy")
    starts += [m for m in _SIDE_EFFECTS.finditer(advice) if not re.match(r"[^.?!]*\?", advice[m.end() :])]
    after_if = [advice[m.start() :] for m in starts]
    return any(c.label == label for text in after_if for *_, c in lexicon.find_concepts("symptom", text))
