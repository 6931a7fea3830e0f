"""Whose time is a duration: the complaint's, or a drug's, a life event's, a period's. "Ibuprofen gave me
heartburn, so I stopped it three weeks ago", "methadone, about six years", "my last period was ten days ago" are
no "Duration:" of the complaint; "about four months", answering "how long has this been going on?", is. Also the
words of the complaint's onset and of its timing, and whether a timing has a symptom to hang on."""

from __future__ import annotations

import re

from scribe.notes import lexicon

# "married for 25 years", "I've smoked for 30 years": said just before the time
_LIFE_TIME = re.compile(
    r"\b(?:married|together|worked|working|work there|lived|living|known|retired|smok\w*|drink\w*|been (?:a|an) \w+|"
    r"job|mari[ée]e?s?|travaill\w*|habit\w*|fum\w*)\b[^,.;]{0,20}$",
    re.I,
)
# a time said of something other than the complaint: a drug taken or stopped, what went away, a period
_OTHER_TIME = re.compile(
    r"\b(?:stop|stopped|quit|ran out|put me on|started (?:taking|on|the)|been on|on (?:it|them|that)|took|pills?|"
    r"tablets?|medications?|meds|gone|went away|resolved|menopaus\w*|periods?|arrêt\w*|pris|traitement|"
    r"ménopaus\w*|règles|disparu|passé|partis?|méthadone|methadone)\b",
    re.I,
)
_SYMPTOM = re.compile(
    r"\b(?:pain|hurt\w*|ache|aching|sore|swell\w*|swollen|cough\w*|fever|itch\w*|rash|numb\w*|tingl\w*|dizz\w*|"
    r"nause\w*|vomit\w*|diarrh\w*|bloat\w*|tired|fatigue|breath\w*|wheez\w*|bleed\w*|burn\w*|cramp\w*|stiff\w*|"
    r"headaches?|symptoms?|started|began|going on|had (?:it|this|that)|it's been|sick|unwell|not (?:feeling )?well|"
    r"pas bien|malade|mal|douleurs?|tou(?:x|sse)|fièvre|fourmill\w*|gonfl\w*|démang\w*|vertiges?|nausées?|vomi\w*|"
    r"diarrhée|fatigu\w*|essouffl\w*|saign\w*|brûl\w*|raide\w*|symptômes?|commencé|ça dure|ça fait)\b",
    re.I,
)
_TIME_ASKED = re.compile(r"\bhow long\b|\bwhen did\b|\bsince when\b|\bdepuis (?:quand|combien)\b|\bquand\b", re.I)


# a dose said just before: "mon amlodipine, cinq milligrammes le matin. ça fait cinq ans." is the drug's time
_DOSE = re.compile(r"\b(?:milligram\w*|mg|micrograms?|microgrammes?|units?|unités?)\b", re.I)


def complaint_time(text: str, start: int, asked: str, before: str = "") -> bool:
    """Is the time at `start` of the patient's sentence `text` the complaint's? Yes when the sentence speaks of a
    symptom, or answers a "how long / when" question (`asked`, the clinician's sentence before) about no drug.
    `before` is the same turn's previous sentence: a short "ça fait cinq ans" after a drug's dose is the drug's."""
    if _LIFE_TIME.search(text[max(0, start - 30) : start]) or _OTHER_TIME.search(text):
        return False
    if len(text.split()) <= 6 and (_DOSE.search(before) or _OTHER_TIME.search(before)):
        return False
    if _SYMPTOM.search(text):
        return True
    return bool(_TIME_ASKED.search(asked)) and not _OTHER_TIME.search(asked)


# how a complaint began: "suddenly" is its onset only in a sentence (or after a question) about its start
BEGAN = re.compile(
    r"\b(?:start\w*|began|begin\w*|came on|come on|hit|got|woke|happened|appeared|onset|"
    r"commenc\w*|début\w*|arriv[ée]\w*|apparu\w*|venu\w*|survenu\w*|install[ée]\w*)\b",
    re.I,
)


# how the complaint came on, and when in the day it is worse
ONSET = re.compile(
    r"\b(?:all of a sudden|suddenly|came on (?:suddenly|gradually|slowly)|gradually|"
    r"d'un (?:seul )?coup|brutalement|brusquement|progressivement|petit à petit)\b",
    re.I,
)
TIMING = re.compile(
    r"\b(?:after (?:i eat|eating|meals?)|(?:worse|better) (?:at night|in the (?:evening|morning|afternoon))|"
    r"at night|wakes? me up|keeps? me (?:up|awake)|"
    r"après (?:les |le |avoir )?(?:repas|manger|mangé)|la nuit|m'emp[êe]ch\w+ de dormir|réveill\w+ la nuit|"
    r"(?:n')?arriv\w+ pas (?:à|a) dormir)\b",
    re.I,
)


def tied_to_a_symptom(text: str, asked: str) -> bool:
    """Can the note tie a timing or context in the patient's `text` to something: a symptom in it or in the question
    it answers (`asked`: "la douleur, c'est quand ?" "après le repas"), not "when she lies down it does whistle"?"""
    return bool(lexicon.find_concepts("symptom", text) or lexicon.find_concepts("symptom", asked))
