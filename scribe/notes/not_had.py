"""What nobody in the room has: a condition named in a simile ("it felt like I was having a heart attack"),
among the risks of a treatment, or as a risk or in general ("your dad's stroke risk score", "a stroke from
atrial fibrillation is usually a big one"), or as what a treatment does to it ("makes reflux worse"). The
consultation model (scribe.notes.consultation) reads these as hypothetical; the assessment does not chart them."""

from __future__ import annotations

import re

# What nobody has: a simile ("it felt like I was having a heart attack") and the risks of a treatment
# ("the risks of surgery include infection, a spinal fluid leak, seizure and stroke"), to the end of the clause
# or, for risks, of the sentence.
_NOT_HAD = re.compile(
    # a history denied: "pas d'antécédent de cancer", "no history of blood clots"
    r"\b(?:pas d'antécédents?|aucun antécédent|sans antécédents?|no (?:prior |past )?history) (?:d[e']|of)\s*$|"
    # "it's feeling like a dull pain in the back of my head" tells the pain's quality: that one is had
    r"\b(?:(?:felt|feels|feeling) like (?!(?:a |an )?(?:dull|sharp|burning|stabbing|throbbing|aching|squeezing)\b)"
    r"(?:i was |i'm |i am |i had |i have |you're |it was )?"
    r"(?:having|getting|going to have)?|as if|as though|thought i was having|comme si|j'ai cru (?:faire|avoir))\b"
    r"[^.;,?!]{0,40}$|(?:,\s*|\bc'est )comme (?:une |un )$|"
    r"\b(?:risks?(?! factors?)|complications?|side[- ]effects?|adverse effects?|dangers?|risques?|"
    r"effets (?:secondaires|indésirables))\b(?: \w+){0,4}? (?:include|includes|including|are|is|like|such as|of|"
    r"with|from|comprennent|sont|comme)\b[^.?!]*$|"
    # what the patient is exposed to: "ce qui vous expose aux deux risques, … faire un caillot, un avc", "puts you at
    # risk of a stroke"
    r"\b(?:vous |l')?exposer?a? (?:à|aux)\b[^.?!]*$|\b(?:puts?|putting) (?:you|him|her) at (?:\w+ )?risk\b[^.?!]*$|"
    # what would follow on a condition: "if we keep you on twenty, you'll overshoot and become hypothyroid"
    r"\b(?:if|unless) [^.;?!]{0,60}?,\s*(?:you|he|she|it|that)(?:'ll| will| would|'d| could| might| may)\s+"
    r"(?:\w+\s+){0,4}?(?:become|get|develop|end up with|end up|turn|go)\s+(?:\w+\s+)?$|"
    r"\bsi [^.;?!]{0,60}?,\s*(?:vous|il|elle|on) (?:allez|va|risquez?|pourr\w+)\s+(?:de\s+)?(?:\w+\s+){0,3}?"
    r"(?:devenir|faire|avoir|développer)\s+(?:une?\s+)?$|"
    # what a drug does not cause: "il ne donne pas d'hypoglycémie tout seul", "it doesn't cause low sugars"
    r"\b(?:ne (?:donne|provoque|cause|fait)|n'entraîne) (?:pas|jamais) (?:de |d'|d’)?$|"
    r"\b(?:does ?n't|does not|won't|will not|shouldn't|should not) (?:cause|give (?:you|him|her))\s+(?:any\s+)?$",
    re.I,
)


# nobody's condition: "your dad's stroke risk score", "a stroke from atrial fibrillation is usually a big one", "an
# overactive thyroid can drive the afib"
_RISK_AFTER = re.compile(
    r"\s+(?:risk|risks|prevention|prophylaxis)\b|"
    r"\s+(?:is|are|'s) (?:very |quite |pretty )?(?:common|frequent) (?:in|with|after|among)\b",  # "afib is common in"
    re.I,
)
# a kind of drug named by what it treats: "it's a diabetes pill" (dapagliflozin, given for the heart)
_A_KIND_OF_DRUG = re.compile(r"\s+(?:pill|medication|medicine|drug|tablet)s?\b", re.I)
_GENERIC_AFTER = re.compile(
    r"[^.;?!]{0,40}?\b(?:(?:is|are|can be) (?:usually|often|typically|generally)|"
    # "because an overactive thyroid can drive the afib": what such a condition does, in general
    r"can (?:drive|cause|trigger|raise|push|lead to|worsen|mimic|make|give)|"
    r"peu(?:t|vent) (?:donner|causer|entraîner|favoriser|provoquer|aggraver|rétrécir|comprimer|imiter))\b",
    re.I,
)


_CAUSES_AFTER = re.compile(
    r"\s*,?\s*(?:favorise\w*|augmente\w* le risque|prédispose\w*|peut (?:favoriser|donner|causer|entraîner)|"
    r"increases? the risk|predisposes?|is a risk factor|can cause|causes|is a (?:known |common )?(?:trigger|cause))\b",
    re.I,
)
# "snoring can go with sleep apnea": what a finding goes with, in general
# … or what a drug is for: "it says methotrexate is also used for lupus"
_GOES_WITH = re.compile(
    r"\b(?:goes|go|comes|come) with\s+$|\b(?:associated|linked) (?:with|to)\s+$|"
    r"\b(?:used|approved|indicated|utilisée?s?|indiquée?s?) (?:\w+ )?(?:for|in|pour|dans) (?:the |le |la |l')?$",
    re.I,
)
_OWNED_BEFORE = re.compile(r"\b(?:your|my|his|her|votre|mon|ma|son|sa|ton|ta)\s+$", re.I)


# what a drug does to a condition, not a diagnosis: "the advil … makes reflux worse"
_EFFECT_BEFORE = re.compile(
    r"\b(?:makes?|making|made|can make|will make|would make)\s+(?:your\s+|the\s+|it\s+)?$", re.I
)
_EFFECT_AFTER = re.compile(r"\s+(?:worse|better|flare)\b", re.I)


# "… can trigger a manic episode in someone who has bipolar disorder that hasn't been diagnosed"
_SOMEONE_WHO = re.compile(
    r"\b(?:someone|somebody|anyone|people|patients|a person|quelqu'un|les (?:personnes|gens|patients))\s+"
    r"(?:who|that|with|qui)\b[^.;]{0,20}$",
    re.I,
)


# "le risque de cancer"; what a drug prevents: "les statines … évitent les infarctus"
_RISK_OF = re.compile(
    r"\b(?:(?:risk|risque|chances?) (?:of|for|de|d')|prevents?|protects? against|évitent|évite|protègent (?:contre|de)|"
    r"préviennent)\s*(?:an? |une? |l'|les |des |la |le )?$",
    re.I,
)


def in_general(text: str, start: int, end: int) -> bool:
    """The condition is a risk, spoken of in general or as what a treatment does to it, not a diagnosis said."""
    article = re.search(r"\b(?:a|an|une?)\s+(?:(?:old|ancienne?)\s+)?$", text[max(0, start - 14) : start], re.I)
    generic = article and (_GENERIC_AFTER.match(text, end) or _A_KIND_OF_DRUG.match(text, end))
    before, first_word = text[max(0, start - 25) : start], text[start:end].split(" ")[0]
    verb = _EFFECT_BEFORE.search(before) or _EFFECT_BEFORE.search(f"{before}{first_word} ")  # "[makes] reflux"
    effect = verb and _EFFECT_AFTER.match(text, end)
    # "parce que le diabète favorise le canal carpien": what the disease does, said of no one ("votre diabète …" is had)
    causes = _CAUSES_AFTER.match(text, end) and not _OWNED_BEFORE.search(text[max(0, start - 12) : start])
    of_anyone = _SOMEONE_WHO.search(text[max(0, start - 50) : start]) or _RISK_OF.search(
        text[max(0, start - 30) : start]
    )
    return bool(_RISK_AFTER.match(text, end) or generic or effect or causes or _GOES_WITH.search(before) or of_anyone)


def not_had(before: str) -> bool:
    """Do the words before a condition say nobody has it (a simile, the risks of a treatment)?"""
    return bool(_NOT_HAD.search(before))


# what is prevented is not had: "des yaourts pendant l'antibiotique, pour éviter la diarrhée"
PREVENTED = re.compile(
    r"\b(?:to (?:avoid|prevent)|(?:pour )?éviter|prévenir)\s+(?:the |an? |la |le |les |l'|une? |des )?$|"
    r"\b(?:when|whenever|while|quand|lorsque) (?:i|je|j')\s*$",  # "a little, when i sneeze": when, not a symptom
    re.I,
)
# a wish is no denial: "I don't want the leg pain back", "je ne veux pas que la douleur revienne"
NOT_WANTED = re.compile(r"\b(?:don't|do not|doesn't|does not|never) want\b|\b(?:veu[xt]|voudrai[st]) pas\b", re.I)
