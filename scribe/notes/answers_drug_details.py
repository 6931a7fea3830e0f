"""Details of a drug the visit tells beside its dose: who prescribed it ("the flomax from his urologist", "keep
the flomax from dr. ngata") and on which day a weekly drug is taken ("once a week on fridays"). Read from the
sentences that name the drug, the last one first (the plan may move the day); a question whose detail no
such sentence says is not answered, never answered with the drug's dose instead."""

from __future__ import annotations

import re

from scribe.notes.medication import other_prescriber

WHO_PRESCRIBED_Q = re.compile(
    r"\bwho\b[^?]*\b(?:prescrib\w*|start\w*|gave|give[sn]?|put|order\w*)\b|"
    r"\bqui\b[^?]*\b(?:prescrit|donné|mis|commencé|introduit)\b",
    re.I,
)
WHICH_DAY_Q = re.compile(r"\b(?:which|what) days?\b|\bon what day\b|\bquels? jours?\b", re.I)
# "who uses fostair?", "qui prend du clenil ?": a companion's drug is told with who takes it ("so dad has asthma too,
# on fostair"); a drug the patient takes is answered as a drug (its dose), since no one else is named with it
WHO_TAKES_Q = re.compile(
    r"\bwho\b[^?]*\b(?:uses?|takes?|is on|'s on)\b|\bqui\b[^?]*\b(?:prend|utilise|est sous)\b", re.I
)
TAKER = re.compile(
    r"\b(?P<who>(?:(?:his|her|your|their|son|sa|votre|le|la) )?(?:dad|daddy|father|mum|mummy|mom|mother|wife|"
    r"husband|partner|son|daughter|sister|brother|papa|maman|père|mère|femme|mari|fils|fille|sœur|frère))\b"
    r"(?=[^.?!]{0,40}\b(?:has|is on|'s on|takes|uses|on|prend|est sous|utilise|sous)\b)",
    re.I,
)

_AGENT = (
    r"(?:dr|doctor|docteur)\.?\s+[a-zà-ÿ'-]+|[a-zà-ÿ]+(?:ologist|iatrist|ician|surgeon|logue|iatre)|"
    r"pcp|gp|primary care (?:doctor|physician)|family doctor|walk-in(?: clinic)?|urgent care|emergency room|er|"
    r"hospital|dentist|pharmacist|médecin traitant|urgences|remplaçante?|sos médecins"
)
_GAVE = r"(?:gave|prescribed|started|put|m'a (?:donné|prescrit)|lui a (?:donné|prescrit)|nous a (?:donné|prescrit))"
# "keep the flomax from dr. ngata", "the urgent care gave me an antibiotic"
_PRESCRIBER = re.compile(
    r"(?:\b(?:from|by|prescribed by|started by|par|de|du)\s+(?:his|her|my|your|their|the|son|sa|mon|ma|votre|le|la)?"
    rf"\s*|\b(?=(?:{_AGENT})\s*,?\s+{_GAVE}\b))(?P<who>{_AGENT})\b",
    re.I,
)
_AGENT_NAMED = re.compile(rf"\b(?P<who>{_AGENT})\b", re.I)
_WEEKDAY = re.compile(
    r"\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|"
    r"lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?)\b",
    re.I,
)


def detail_asked(question: str) -> re.Pattern | None:
    """The pattern of the detail a drug question asks for (a prescriber, a weekday), or None."""
    if WHO_PRESCRIBED_Q.search(question):
        return _PRESCRIBER
    if WHICH_DAY_Q.search(question):
        return _WEEKDAY
    if WHO_TAKES_Q.search(question):
        return TAKER
    return None


def detail_said(sentences: list[str], anchor: re.Pattern, detail: re.Pattern) -> tuple[int, str] | None:
    """(index, value) of the last sentence naming the drug (`anchor`) that says the detail, or None."""
    for k in range(len(sentences) - 1, -1, -1):
        drug = anchor.search(sentences[k])
        if not drug:
            continue
        said = [m for m in detail.finditer(sentences[k]) if abs(m.start() - drug.start()) < 80]
        if said:
            m = min(said, key=lambda m: abs(m.start() - drug.start()))
            return k, _with_role(sentences[k], m) if "who" in m.groupdict() else m.group(0).lower()
        if detail is _PRESCRIBER:
            # "who started the iron?" "dr. osei, my gynecologist, in april." / "they gave him oxybutynin"
            asked = next((j for j in range(k, k - 4, -1) if j >= 0 and WHO_PRESCRIBED_Q.search(sentences[j])), None)
            around = range(asked + 1, min(asked + 3, len(sentences))) if asked is not None else []
            # "the urgent care gave me an antibiotic." "bactrim, i think": the drug names what was given
            named_first = drug.start() < 3 and k and _PRESCRIBER.search(sentences[k - 1])
            # "i took him to the urgent care on thursday. they gave him oxybutynin": the giver named just before
            around = around or ([k - 1] if k and (other_prescriber(sentences[k]) or named_first) else [])
            for j in around:
                named = _AGENT_NAMED.search(sentences[j])
                if named:
                    return j, _with_role(sentences[j], named)
    return None


# the specialty said beside a name: "dr. osei, my gynecologist"
_APPOSED_ROLE = re.compile(
    r"\s*,\s*(?:my|his|her|their|the|your|son|sa|mon|ma|votre)\s+(?P<role>[a-zà-ÿ]+(?:ologist|iatrist|ician|surgeon|"
    r"logue|iatre))\b",
    re.I,
)


def _with_role(sentence: str, m: re.Match) -> str:
    """The prescriber as said, with the specialty apposed to a name: "dr. osei (gynecologist)"."""
    who = m.group("who").lower()
    role = _APPOSED_ROLE.match(sentence, m.end("who"))
    return f"{who} ({role.group('role').lower()})" if role and who.startswith(("dr", "doc")) else who
