"""More of a drug's attributes said after the sentence that names it: in the turn's next sentences ("I'll prescribe 14
of those", "Take one twice a day") or in the reply to a question about it ("Yes, 40 mg at night")."""

from __future__ import annotations

import re

from scribe.notes.medication.attributes import Attributes, read_attributes

# what makes a later sentence more about the drug just named: a take/prescribe verb, a supply word, a dose first
FOLLOW_CUE = re.compile(
    r"\b(?:take|taking|takes|use|using|prescri\w*|give|dispens\w*|refills?|supply|of (?:those|them|these)|prends|"
    r"prenez|prendre|boîtes?|renouvel\w*|you'll|you will|vous allez)\b|#\s?\d|"
    # a dose worked out aloud ("for her weight, 15 kilos, that's 675 milligrams twice a day")
    r"\b(?:that's|that is|which is|ça fait|soit)\s+(?:about\s+)?\d[\d.,]*\s*(?:mg|milligram\w*|mcg|microgram\w*|ml|"
    r"milliliters?|g|grams?|grammes?|units?|unités?)\b|"
    r"^[\s,]*(?:(?:um+|uh+|euh|er|so|and|then|alors|donc|et)[\s,]+)*(?:\d|one|two|half|a half|un |une )|"
    r"^[\s,]*(?:from\s+|de\s+)?(?:three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|deux|trois|quatre|"
    r"cinq|cent|dix|"
    r"vingt|trente|quarante|cinquante|soixante)"
    r"[\w\s-]{0,30}(?:milligrams?|micrograms?|grams?|units?|milligrammes?|microgrammes?|grammes?)\b|"
    # the regimen on its own: "every six hours if needed.", "toutes les six heures si besoin."
    r"^[\s,]*(?:every|once|twice|three times|four times|toutes les|une fois|deux fois|trois fois)\b|"
    # the course's limit: "et c'est cinq jours maximum, pas plus"
    r"\b(?:days?|jours?|weeks?|semaines?) (?:maximum|max|au maximum|at most)\b|"
    # the speaker correcting the regimen just said: "vingt milligrammes, une fois par jour ... non, … deux fois"
    r"^\W*(?:non|no|sorry|pardon)\s*,|"
    # a change of the same product: "same tablet, …, but four times a day instead of three"
    r"\b(?:same (?:tablet|pill|dose|strength)|même (?:comprimé|dose)|(?:instead of|au lieu de) (?:one|two|three|"
    r"four|once|twice|un|une|deux|trois|\d))\b",
    re.I,
)


# "take" whose object is not a medicine: "the blood pressures that you take over the next three weeks"
_TAKE_OTHER = re.compile(
    r"\b(?:blood pressures?|readings?|measurements?|temperatures?|sugars?|pictures?|photos?|notes?|walks?|"
    r"breaks?|breaths?|time|care|a look)\b(?:\s+\w+){0,3}?\s+tak(?:e|es|ing)\b|"
    r"\btak(?:e|es|ing)\s+(?:your |a |some |the |my )?(?:blood pressures?|temperatures?|sugars?|readings?|walks?|"
    r"breaks?|(?:deep )?breaths?|time|care|a look|pictures?|notes?)\b",
    re.I,
)


def follow_up_attributes(text: str, lang: str | None = None, status: str = "") -> Attributes | None:
    """Attributes said in a sentence after the drug's ("I'll prescribe 14 of those", "Take one twice a
    day"), when it reads as more about it (a take/prescribe verb, an anaphora, a supply word)."""
    if not FOLLOW_CUE.search(_TAKE_OTHER.sub(" ", text)):
        return None
    a = read_attributes(text, lang, status=status, cap=160)
    if a.dose is not None and a.unit is None:
        a.dose = None  # a bare number in another sentence is not a dose
    if _SCHEDULE.search(text):
        a.duration = None  # "forty milligrams a day for three days, then thirty …": the first step's, not the course's
    return a if a.spans() else None


# a taper said as steps: the first dose and its days, then the next ("…, then thirty milligrams a day", "puis vingt")
_SCHEDULE = re.compile(
    r"\b(?:then|puis|ensuite)\s+(?:\w+[\s-]){0,2}?(?:\d+|\w+)\s+(?:milligrams?|mg|milligrammes?|a day|par jour)\b", re.I
)


def answer_attributes(text: str, lang: str | None = None) -> Attributes | None:
    """Attributes in the reply to a question about a drug ("Yes, 40 mg at night")."""
    a = read_attributes(text, lang, status="current", cap=160)
    if a.dose is not None and a.unit is None:
        a.dose = None
    return a if a.spans() else None
