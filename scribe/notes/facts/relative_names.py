"""Relatives and companions the visit names by their first name ("my sister, ruth, …", "nice to meet you, mike"), so
that "ruth had a stroke" later is hers, and what the clinician tells mike by name is his."""

from __future__ import annotations

import re

from scribe.notes.consultation import FRIENDS
from scribe.notes.facts.relatives import FAMILY, MY_RELATIVE, MY_SPOUSE, turn_opening

_NAMED_RELATIVE = re.compile(r"\b(?:my|mon|ma)\s+" + FAMILY.pattern + r"\s*,\s*([a-zà-ÿ]{3,})\s*[,.]", re.I)
# the introduction: "here with his wife linda, for follow-up", "accompagné de sa fille, claire"
_WITH_NAMED = re.compile(
    r"\b(?:with|avec|accompagnée? (?:de|par))\s+(?:his|her|my|son|sa)\s+(wife|husband|partner|daughter|son|mother|"
    r"father|femme|mari|épouse|époux|fille|fils|mère|père)\s*,?\s+([a-zà-ÿ]{3,})\s*[,.]",
    re.I,
)
_SPOUSE_WORD = r"(wife|husband|partner|spouse|femme|mari|épouse|époux|conjointe?|compagne|compagnon)"
_NAMED_SPOUSE = re.compile(r"\b(?:my|mon|ma)\s+" + _SPOUSE_WORD + r"\s*,\s*([a-zà-ÿ]{3,})\s*[,.]", re.I)
# a companion greeted: "nice to meet you, mike", "enchanté, claire"; one who introduces themself: "i'm teresa, his
# wife", "je suis claire, sa fille"
_GREETED = re.compile(
    r"\b(?:nice to meet you|enchantée?)\s*,?\s+([a-zà-ÿ]{3,})\b|"
    r"\b(?:i'm|i am|je suis|moi c'est)\s+([a-zà-ÿ]{3,})\s*,\s*(?:his|her|their|son|sa|leur)\s+\w+",
    re.I,
)
# the patient's own first name, from the introduction: "this is walter brennan, seventy-four"
_THIS_IS = re.compile(
    r"\b(?:this is|il s'agit de|voici)\s+(?:(?:mr|mrs|ms|madame|monsieur)\.?\s+)?([a-zà-ÿ]{3,})\b", re.I
)
# a companion the clinician asks about and the patient introduces: "and you've brought your son?" "yes, this is david."
_BROUGHT = re.compile(
    r"\b(?:brought|with you|avec vous|venue? avec)\b[^.?!]{0,20}\b(?:your|votre)\s+(son|daughter|wife|husband|partner|"
    r"mother|father|fils|fille|femme|mari|mère|père)\b",
    re.I,
)
_INTRODUCED = re.compile(r"^\W*(?:(?:yes|yeah|oui)\W+)?(?:this is|c'est|voici)\s+([a-zà-ÿ]{3,})\s*[,.]", re.I)
_NOT_A_NAME = set(
    "she who too also yes the and but elle qui aussi oui mais they alors donc bon voilà enfin ben euh bien non now "
    "well okay then his her him lui ils elles there here again first".split()
)


def relative_names(sents: list) -> dict[str, str]:
    """First names of relatives as the visit introduced them ("my sister, ruth, …"): name -> the relative's word."""
    out = {}
    for s in sents:
        for m in [*_NAMED_RELATIVE.finditer(s.text), *_WITH_NAMED.finditer(s.text), *_NAMED_SPOUSE.finditer(s.text)]:
            if m.group(2).lower() not in _NOT_A_NAME:
                out[m.group(2).lower()] = m.group(1)
        for m in _GREETED.finditer(s.text):
            out.setdefault((m.group(1) or m.group(2)).lower(), "companion")
        for m in _NAME_STRESSED.finditer(s.text):
            out.setdefault(m.group(1).lower(), "relative")  # "parce qu'hugo, lui …", "hugo, c'est autre chose"
    brought = {}
    for s, reply in zip(sents[:12], sents[1:13]):
        if (asked := _BROUGHT.search(s.text)) and (m := _INTRODUCED.match(reply.text)):
            brought[m.group(1).lower()] = asked.group(1)
    for s in sents[:12]:
        for m in _THIS_IS.finditer(s.text):
            if m.group(1).lower() not in brought:
                out.pop(m.group(1).lower(), None)  # never the patient's own name
    out.update(brought)
    return {name: word for name, word in out.items() if name not in _NOT_A_NAME}


def told_to_companion(sents: list, k: int, is_clin, names: dict[str, str], replying: bool = False) -> bool:
    """The clinician's sentence k follows, in its turn, words addressed to a companion by name ("those are really
    good questions, mike, but your atorvastatin and your gout are for your own doctor"): about the companion.
    `replying`: the turn answers what a companion said of themself; it is theirs unless it calls the patient by
    name ("right, that's yours, carol. frank, no montelukast")."""
    if not is_clin(k):
        return False
    said = " ".join(s.text for s in sents[turn_opening(sents, k) : k + 1])
    patient = {m.group(1).lower() for s in sents[:12] for m in _THIS_IS.finditer(s.text)}
    called = [m.group(1).lower() for m in _CALLED.finditer(said) if m.group(1).lower() in names.keys() | patient]
    if not called:
        return replying
    # the companion called in this sentence, or in an earlier one of the turn and told "your …" now (not "thank
    # you, carol. so night waking, most nights this week.")
    here = any(m.group(1).lower() == called[-1] for m in _CALLED.finditer(sents[k].text))
    return called[-1] in names and (here or bool(YOURS.search(sents[k].text)))


YOURS = re.compile(
    r"\b(?:your|yours|votre|vôtre|vos|(?:prescribed|prescrit|prescrite) (?:for|pour) (?:you|vous))\b", re.I
)
_CALLED = re.compile(r"(?:^|(?<=[,.?!]))\s*([a-zà-ÿ]{3,})\s*(?=[,.?!])", re.I)  # "okay . teresa , …"


def named_persons(text: str, at: int, names: dict[str, str], drug: bool = False) -> bool:
    """What text says at `at` is a person's the visit named, or the spouse's, said before it with the patient not said
    between: "helen takes a pill for her bladder, she has the overactive bladder", "mon mari avait eu un abcès"."""
    named = [m for m in _NAME_HAS.finditer(text, 0, at) if m.group(1).lower() in names]
    if drug and _I_TOO.search(text, at):
        return False  # a drug the patient took: "… le dentiste lui avait donné de l'amoxicilline, … j'en ai pris"
    kin = _KIN_THEN_SHE.finditer(text, 0, at)  # "ma mère a eu …, pour moi, et maintenant elle a …, sous metformine"
    return any(not _I.search(text, m.end(), at) for m in [*named, *_MY_SPOUSE.finditer(text, 0, at), *kin])


_KIN_THEN_SHE = re.compile(
    MY_RELATIVE.pattern + r"\b[^.?!]*?\b(?:she|he|elle|il)\s+(?:has|had|is|was|takes|took|a|avait|est|prend)\b", re.I
)
_MY_SPOUSE = re.compile(r"\b(?:my|mon|ma) " + _SPOUSE_WORD + r"\b", re.I)
_I_TOO = re.compile(
    r"\b(?:j'en ai pris|je l'ai (?:pris|attrapée?)|i took (?:some|one|it|them)|i caught it|moi aussi)\b", re.I
)
_NAME_HAS = re.compile(
    r"\b([a-zà-ÿ]{3,}) (?:(?:il|elle|he|she) )?(?:has|had|takes|took|is on|a|avait|prend)\b", re.I
)  # "helen takes", "hugo il a son asthme"
# a name set apart from the patient in French speech: "parce qu'hugo, lui …", "alors hugo, c'est autre chose"
_NAME_STRESSED = re.compile(r"(?:\bqu'|\b)([a-zà-ÿ]{3,})\s*,\s*(?:lui|elle|c'est autre chose)\b", re.I)
_I = re.compile(r"\bm'(?=a\b|ont\b)|\b(?:i|i'm|i've|me|my|je|j'ai|moi)\b", re.I)  # "ma femme m'a donné …"


def spouse_told(sents: list, k: int, at: int, is_clin) -> bool:
    """The patient's sentence k speaks, at `at`, of the spouse the clinician's last turn asked about ("now, your wife.
    you said on the phone something about her?" "… she had mrsa last year, a boil on her thigh"): a she or he said
    before it, the patient not said between."""
    j = turn_opening(sents, k)
    if j == 0 or is_clin(k) or not is_clin(j - 1):
        return False
    if not MY_SPOUSE.search(" ".join(s.text for s in sents[turn_opening(sents, j - 1) : j])):
        return False
    text = " ".join(s.text for s in sents[j:k]) + " " + sents[k].text[:at]  # "she took antibiotics. bactrim, …"
    said = list(_THIRD.finditer(text))
    return bool(said) and not _I.search(text, said[-1].end())


_THIRD = re.compile(r"\b(?:she|he|elle|il(?! y a))\b", re.I)


# a sentence about someone else: "my buddy did the interferon years ago"
_SOMEONE_ELSE = re.compile(
    rf"^\W*(?:(?:and|so|well|also|but|et|mais)\W+)*(?:my|his|her|our|mon|ma|mes|son|sa|ses) {FRIENDS}\b", re.I
)
# … or about a relative, whose "she" the next sentence goes on with: "mom had a blood clot. she's on apixaban now"
_RELATIVE_OPENS = re.compile(
    r"^\W*(?:(?:and|so|well|also|but|et|mais)\W+)*(?:(?:my|our|mon|ma|mes)\s+)?(?:mom|mum|mother|dad|father|sister|"
    r"brother|son|daughter|grandma|grandpa|grandmother|grandfather|aunt|uncle|maman|papa|mère|père|sœur|frère)\b",
    re.I,
)
_THIRD_OPENS = re.compile(r"^\W*(?:(?:and|so|but|et|mais)\W+)?(?:she|he|her|his|they|their|elle|il|son|sa|ses)\b", re.I)


def someone_elses_story(text: str, before: str) -> bool:
    """The patient's sentence tells of someone else (a friend's, or a relative's told just `before` in the same
    turn: "my friend took fosamax. her dentist said", "mom had a blood clot. she's on apixaban now"): not the
    patient's history."""
    return bool(
        _SOMEONE_ELSE.match(text)
        or _THIRD_OPENS.match(text)
        and before
        and (_SOMEONE_ELSE.match(before) or _RELATIVE_OPENS.match(before))
    )


# the clinician's reply gives what was said to a relative who came along: "so dad has asthma too, on fostair"
_RELATIVE_SUBJECT = (
    r"(?:^|[,.;]\s*|\b(?:so|okay|right|alors|donc)\s+)(?:dad|daddy|mum|mummy|mom|papa|maman|"
    r"(?:your|votre) (?:wife|husband|partner|dad|mum|mom|son|daughter|mother|father|femme|mari|fille|fils|mère|père))"
    r"(?:'s| has| is| takes| uses| prend| est| a)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|my|je|j'ai|mon|ma|mes)\b", re.I)


def _reply(sents: list, k: int, is_clin) -> str:
    """The clinician's turn right after sentence k's (its first two sentences), or ""."""
    seg = sents[k].seg_index
    j = next((j for j in range(k + 1, len(sents)) if sents[j].seg_index != seg), None)
    if j is None or is_clin(k) or not is_clin(j):
        return ""
    return " ".join(s.text for s in sents[j : j + 2] if s.seg_index == sents[j].seg_index).lower()


def restated_as_theirs(sents: list, k: int, surface: str, is_clin) -> bool:
    """The patient-tagged sentence k names a drug the clinician's reply then gives to a relative who came along ("i'm
    on the fostair, two puffs twice a day" "so dad has asthma too, on fostair"): the relative's, said under the
    patient's tag."""
    reply = _reply(sents, k, is_clin) if surface else ""
    return bool(reply) and bool(
        re.search(_RELATIVE_SUBJECT + r"[^.?!]{0,40}?\b" + re.escape(surface.lower()) + r"\b", reply)
    )


def told_as_relatives(sents: list, k: int, is_clin) -> bool:
    """The patient-tagged sentence k speaks in the first person and the clinician's reply says it of a relative ("i've
    got asthma myself, since i was a kid" "so dad has asthma too"): a relative's own story, not the patient's."""
    reply = _reply(sents, k, is_clin)
    return (
        bool(reply) and bool(_FIRST_PERSON.search(sents[k].text)) and bool(re.match(r"\W*" + _RELATIVE_SUBJECT, reply))
    )
