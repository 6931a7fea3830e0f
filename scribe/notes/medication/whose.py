"""Whose a drug is when the patient names one: a friend's or a colleague's ("my buddy frank takes metoprolol"),
another drug it is compared with, or what the body makes ("its own cortisone")."""

from __future__ import annotations

import re

from scribe.notes.consultation import FRIENDS

# a drug someone else takes: "my buddy takes singulair, is that something for me?"


def not_the_patients_drug(text: str, start: int, friends: frozenset[str] = frozenset()) -> bool:
    """The drug at text[start] is what a friend or a colleague takes, not the patient (`friends`: their first
    names as the visit introduced them, see friend_names), only what another drug is compared with ("it's a
    different medicine from the prozac"), what the body makes ("its own cortisone"), or what someone expected to be
    given ("ma femme pensait que vous alliez me donner de l'amoxicilline"), or what someone quoted says is theirs."""
    taker = _NAME_TAKES.search(text[max(0, start - 40) : start])
    return bool(
        _HE_TOLERATES.match(text, start)  # "pas le même que mon père ? le ramipril, il le supporte bien"
        or _COMPARED.search(text[max(0, start - 50) : start])
        or _FRIENDS_DRUG.search(text[max(0, start - 120) : start])
        or _ITS_OWN.search(text[max(0, start - 12) : start])
        or _EXPECTED.search(text[max(0, start - 60) : start])
        or _QUOTED_OWN.search(text[max(0, start - 90) : start])
        or _SOMEONES.search(text[max(0, start - 40) : start])
        and not _I_TOOK.search(text[max(0, start - 40) : start])
        or taker
        and taker.group(1).lower() in friends
    )


# someone's own words quoted: "he said to me, i've got a whole box of allopurinol", "elle m'a dit : j'ai du tramadol"
_QUOTED_OWN = re.compile(
    r"\b(?:he|she|they|il|elle|ils) (?:said|says|told me|goes|a dit|m'a dit|disait)(?: to me)?\s*[,:]?\s*(?:that )?"
    r"(?:i've got|i have|i take|i'm on|i use|j'ai|je prends|je suis sous)\b[^.;?!]{0,40}$",
    re.I,
)


def friend_names(texts: list[str]) -> frozenset[str]:
    """First names of friends and colleagues as the visit introduced them: "my buddy frank at work" → {"frank"}."""
    return frozenset(m.group(1).lower() for t in texts for m in _FRIEND_NAMED.finditer(t)) - _NOT_NAMES


_FRIEND_NAMED = re.compile(rf"\b(?:my|mon|ma) {FRIENDS},? ([a-zà-ÿ]+)\b", re.I)
_NOT_NAMES = frozenset("at from who and is was has had takes said told with in on the a an".split())
# "frank takes metoprolol", "frank est sous metoprolol"
_NAME_TAKES = re.compile(
    r"\b([a-zà-ÿ]+) (?:takes|took|is on|was on|uses|prend|prenait|est sous)\s+"
    r"(?:the |some |a |his |her |le |la |les |du |de la |de l'|l')?$",
    re.I,
)
# … unless the patient takes it: "i took one of helen's", "stop taking helen's zolpidem"
_I_TOOK = re.compile(
    r"\b(?:i|i've|i'd) (?:\w+ )?(?:take|took|taken|use|used|borrow\w*|tried)\b|\bstop (?:taking |using )?", re.I
)


_ITS_OWN = re.compile(r"\b(?:its|your|her|his|their|my) own\s+$", re.I)
# someone else's, by their name: "you haven't used ray's symbicort?", "ray has his own, the symbicort" (not "children's
# motrin", "st. john's wort", "the doctor's prescription")
_SOMEONES = re.compile(
    r"(?<!\bst )(?<!\bst\. )(?<!\bsaint )\b(?!(?:children|women|men|kids|infants|doctor|nature|today|everyone|"
    r"someone|nobody|one|it|that|what|he|she|there|let|who)'s)[a-z]+'s\s+(?:own\s+)?$|"
    r"\b[a-z]+ (?:has|got|uses) (?:his|her) own\W{0,3}(?:the |a )?$|\b(?:her|his|their) leftover\s+$|"
    r"\ble reste de (?:son|sa|ses)\s+$",
    re.I,
)


# "my buddy takes singulair", "my buddy jerry had some antibiotics left over from his tooth, ciprofloxacin, i
# think": the friend's, unless the patient then says they take it
_FRIENDS_DRUG = re.compile(
    rf"\b(?:my|his|her|your|a|mon|ma|son|sa|votre|ton|ta|un|une) {FRIENDS}\b"
    r"(?:(?!\b(?:i|je|j') ?(?:take|took|am taking|was taking|started|prends|prenais|ai pris)\b)[^.;?!])*$",
    re.I,
)


_EXPECTED = re.compile(
    r"\b(?:thought|expected|figured|pensait|pensais|croyait|croyais) (?:that )?(?:que |qu')?(?:you|vous|he|she|il|elle)"
    r" ?(?:would|were going to|'d|alliez|allait|aller)\b[^.;?!]{0,30}$",
    re.I,
)
_COMPARED = re.compile(
    r"\b(?:different|other)\s+(?:\w+\s+)?from\s+(?:the\s+|your\s+)?$|"
    r"\b(?:unlike|similar to|same (?:class|family) as)\s+(?:the\s+|your\s+)?$|\bdifférente? d(?:u|e la|e l'|es)\s*$",
    re.I,
)
_HE_TOLERATES = re.compile(
    r"[\w-]+(?: [\w-]+)?\s*,\s*(?:il|elle|he|she) (?:le |la |l')?"
    r"(?:supporte|tolère|prend|takes|tolerates|does fine on)\b",
    re.I,
)
