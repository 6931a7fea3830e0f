"""How a patient's reply answers a symptom question, beyond a first "yes" or "no".

`consultation.answer_polarity` reads the first words of a reply. Patients often answer otherwise: with a hedge
that a clinician writes as a denial ("not that I noticed", "pas que je sache"), with a circumstance or a frequency
that says the symptom is there ("only at night", "every night after dinner", "things get blurry sometimes"), or
with a yes at the end ("quand je monte les escaliers oui"). And a question worded as the clinician's own denial
("no fever, right?", "pas de nausées, c'est ça ?") is confirmed by "right" or "c'est ça": a denial, never the
symptom. These readings are kept here, apart from the general answer reader, because they are about symptoms.
"""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.facts.mentions import denied_right_before, negation_spent
from scribe.notes.facts.reader import clause_before
from scribe.notes.reply_polarity import answer_polarity

# Hedged denials a physician documents as "denies": the patient has not noticed the symptom
_NOT_NOTICED = re.compile(
    r"^(?:(?:um+|uh+|well|oh|euh|bah|ben|hmm+)[ ,.]+)*(?:not that i(?:'ve| have)? (?:noticed|seen|felt|know of|"
    r"am aware of|'m aware of|can tell|can remember|remember|recall)|not as far as i (?:know|can tell)|"
    r"i haven't noticed|i have not noticed|"
    # not "not anymore", "plus maintenant": it was there, and a denial would deny what the patient told
    r"pas que je sache|pas à ma connaissance|pas (?:que )?j'ai remarqué|pas (?:eu )?remarqué)\b",
    re.I,
)
# "fever or chills?" "neither"
_NEITHER = re.compile(
    r"^\W*(?:neither(?: one)?|none of (?:them|those|these|that)|ni l'un ni l'autre|aucun des deux|non,? aucun)\b", re.I
)
# "not really, more like a pressure": the word asked is denied, not what the patient feels
REWORDS = re.compile(r"\b(?:more like|more of an?|rather|plutôt|c'est plus)\b", re.I)
# Replies that say the symptom is there without a "yes": a circumstance or a frequency of it, "still there"
_HAS_IT_WHEN = re.compile(
    r"^(?:(?:um+|uh+|well|oh|euh|bah|ben|hmm+)[ ,.]+)*(?:(?:only|just|mostly|mainly|usually|surtout|seulement|"
    r"juste|uniquement|plutôt) (?:at|in|when|after|before|if|with|on|during|le|la|les|quand|après|avant|en|au|à)\b|"
    r"(?:it's|it is|they're|they are|that's|c'est) still (?:there|here|going on|bad|the same|pretty bad)|"
    r"still (?:there|have (?:it|them)|do|get (?:it|them)|the same)|(?:it's|they're|it is|they are) (?:getting )?worse|"
    r"(?:every|each) (?:day|night|morning|evening|time|week)|most (?:days|nights|mornings)|at night|in the (?:morning|"
    r"evening)s?|once in a while|here and there|on and off|off and on|"
    r"le soir|la nuit|le matin|tous les soirs|toutes les nuits|tous les matins|de temps en temps)\b",
    re.I,
)
# A frequency anywhere in a short reply that denies nothing: "things get blurry sometimes"
_FREQUENCY = re.compile(
    r"\b(?:sometimes|occasionally|every (?:day|night|morning|evening|time)|all the time|once in a while|"
    r"parfois|des fois|de temps en temps|souvent|tout le temps)\b",
    re.I,
)
# A yes that closes the reply: "quand je monte les escaliers oui", "at night yes"
_YES_AT_END = re.compile(r"\b(?:oui|yes|yeah|yep)\W*$", re.I)
_DENIES = re.compile(r"\b(?:no|not|never|nothing|none|nope|n't|pas|jamais|rien|aucune?|non|plus)\b|n't", re.I)
_UNSURE = re.compile(r"\b(?:not sure|don't know|do n't know|pas sûre?|sais pas|maybe|peut-être)\b", re.I)


def reply_polarity(reply: str, question: str = "", asked: frozenset = frozenset()) -> str:
    """'yes', 'no' or '' for a patient's reply to a symptom question: the general reading first, then the hedged
    denials and the replies that say when or how often the symptom comes. A reply that names another symptom than
    the `asked` labels is about that one ("any chest pain?" "I sometimes get heartburn"): '' then."""
    pol = answer_polarity(reply, question)
    if pol:
        return pol
    first = re.split(r"(?<=[.!?;])\s", reply.strip())[0]
    if _NOT_NOTICED.match(first) or _NEITHER.match(first):
        return "no"
    if _DENIES.search(first) or _UNSURE.search(first):
        return ""
    if any(c.label not in asked for *_, c in lexicon.find_concepts("symptom", first)):
        return ""
    if _HAS_IT_WHEN.match(first) or _YES_AT_END.search(first):
        return "yes"
    if _FREQUENCY.search(first) and len(first.split()) <= 8:
        return "yes"
    return ""


# The clinician's own denial put to the patient to confirm ("no fever, right?", "and no vomiting?", "pas de
# nausées, c'est ça ?") is confirmed by these: the symptom is denied
_CONFIRMS = re.compile(
    r"^\W*(?:(?:um+|uh+|yeah|yes|yep|mm-hmm|oui|ouais)[ ,.]+)?(?:right|correct|that's right|that's correct|"
    r"that is (?:right|correct)|exactly|c'est ça|c'est exact|exact|exactement|voilà|tout à fait)\b",
    re.I,
)
# "right… well actually I did have one": the confirmation taken back
_TAKEN_BACK = re.compile(r"\b(?:actually|en fait|enfin si|i (?:do|did|have|had)\b(?! not| n't)|j'en ai)", re.I)
# "pas de diarrhée ?" "oui, ça va": all is well, the denial holds
_ALL_WELL = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|oui|ouais)[ ,.]+)?(?:ça va|ca va|(?:très |tout )?bien|fine|it's fine|all good|"
    r"(?:no|pas de|aucun) (?:problems?|problème|souci)|nothing|rien)\b",
    re.I,
)
# A bare yes to a denial put as a question says nothing sure: "no fever?" "yes"
_BARE_YES = re.compile(r"^\W*(?:yes|yeah|yep|yup|mm-hmm|uh-huh|oui|ouais|okay|ok)\W*$", re.I)


def asked_as_denied(question: str, start: int) -> bool:
    """Does the question word the symptom at `start` as the clinician's own denial ("no fever, right?", "you
    haven't had any cough?", "pas de fièvre ?")?"""
    before = clause_before(question, start)
    return denied_right_before(before) or not negation_spent(before)


def denial_reply(reply: str) -> str:
    """What a reply to a question wording the symptom as denied says of it: "absent" when it confirms the denial
    ("right", "correct", "c'est ça", "no", "none"); "unclear" for a bare yes; "" when the reply says more (the
    general reading of the answer decides)."""
    if _CONFIRMS.match(reply):  # "right, but my chest is congested": the "but" adds another finding
        return "unclear" if _TAKEN_BACK.search(reply) else "absent"
    if _BARE_YES.match(reply):
        return "unclear"
    if _ALL_WELL.match(reply) and not _TAKEN_BACK.search(reply):
        return "absent"
    if re.match(r"^\W*(?:no|nope|nah|non|none|never|jamais|aucune?|pas du tout|not at all)\b", reply, re.I):
        return "absent"
    return ""


# a temperature told that is no fever (under 38 °C, 100.4 °F): "j'avais trente-sept huit", "it was 99.5"
BELOW_FEVER = re.compile(
    r"\b(?:trente-sept|thirty-seven|37)\b(?!\s*(?:ans|years))(?:\s*(?:point|virgule|[.,])?\s*\w+)?\b|"
    r"\b(?:ninety-nine|ninety-eight|99|98)(?:\s*(?:point|[.,])\s*\w+)?\s*(?:degrees|°)",
    re.I,
)
