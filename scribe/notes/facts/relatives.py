"""Whose condition it is: the relative named with it ("my brother had bypass surgery, and my mom had a stroke"),
as the chart names them, the disease as said and the age it came at."""

from __future__ import annotations

import re

from scribe.notes.consultation import FAMILY, FRIENDS
from scribe.notes.facts.reply_chain import THIRD_PERSON, through_a_question, turn_opening
from scribe.notes.number_words import numbers_to_digits

RUNS_IN_FAMILY = re.compile(
    r"\bruns? in (?:my|the|our|his|her|your) family\b|\b(?:est|sont) (?:dans|de) (?:ma|la) famille\b", re.I
)


# what ends the relative's part of a sentence: "my brother had bypass surgery, and my mom had a stroke"
_NEXT_PERSON = re.compile(
    r"[.;?!]|,\s*(?:and|et|but|mais)\b|\b(?:and|et|but|mais|while|alors que)\s+(?:my|ma|mon|mes|his|her)\b", re.I
)


# the chart's word for a relative named familiarly
CHART_WORD = {
    "mom": "mother",
    "mum": "mother",
    "dad": "father",
    "grandma": "grandmother",
    "grandpa": "grandfather",
    "maman": "mère",
    "papa": "père",
}


# "my brother had a heart attack at 48. he had a stent.", "ma mère. on lui a diagnostiqué un alzheimer": his, hers
PRONOUN_SUBJECT = re.compile(
    r"^\W*(?:(?:yes|yeah|oui|ouais)\W+)?(?:(?:and|so|also|but|et|puis|mais)\s+)?"
    r"(?:he|she|they|il|elle|ils|elles|on lui|on leur|(?:his|her|their|son|sa) (?:doctor|doc|gp|médecin|docteur))\b",
    re.I,
)


# French sets another person apart: "lui, il a eu …", "elle, elle avait …"
_EMPHATIC_OTHER = re.compile(r"^\W*(?:(?:parce que|car|mais|et|oui|non)\W+)*(?:lui\s*,?\s*il|elle\s*,\s*elle)\b", re.I)


_THIRD_PERSON_EARLY = re.compile(
    r"^\W*(?:[\w'-]+\W+){1,6}?(?:she|he|il|elle)(?:\s*'s|\s+(?:has|had|was|is|got|a|avait|est))\b", re.I
)


# a sentence without its subject that goes on about the relative: "my mum has parkinson's. diagnosed five years ago"
_ELLIPTIC = re.compile(
    r"^\W*(?:(?:and|was|et)\s+)?(?:diagnosed|died|passed away|treated|operated|diagnostiquée?|décédée?|opérée?)\b",
    re.I,
)


# a disease said alone after the relative's sentence: "my sister broke her hip at seventy-nine. osteoporosis."
_BARE_TERM = re.compile(r"^\W*(?:[\w'-]+\W*){1,3}$")
_RELATIVE_ALONE = re.compile(
    r"^\W*(?:(?:yes|yeah|oui)\W+)?(?:my|mon|ma) " + FAMILY.pattern + r"(?:\s+[a-zà-ÿ]+)?\s*(?:,\s*(?:yes|oui))?\W*$",
    re.I,
)
_HEALTH_TOLD = re.compile(
    r"\b(?:has|had|got|takes|took|is on|was on|died|diagnosed|broke|suffers?|a eu|avait|prend|prenait|est sous|"
    r"est mort\w*|souffre)\b",
    re.I,
)
ANY_SUBJECT = re.compile(
    r"\b(?:i|i'm|i've|i'd|my|me|you|your|we|he|she|they|it|it's|this|that|there|je|j'|tu|vous|nous|il|elle|ils|"
    r"elles|on|c'est|ça|mon|ma|mes)\b",
    re.I,
)


# "my older sister", "ma grande sœur"
_AGE_WORD = r"(?:(?:older|younger|big|little|oldest|youngest|eldest|late|twin|grande?|petite?|aînée?)\s+)?"
RELATIVE_SUBJECT = re.compile(
    r"^\W*(?:(?:yes|yeah|oui|well|and|also|et|puis)\W+)?(?:my|our|ma|mon|mes|notre)\s+" + _AGE_WORD, re.I
)


# the patient named between a relative and a condition: "my daughter gave me a watch, and it said possible
# atrial fibrillation" is the patient's; a hedge is not ("my mom and her sister, i think they both had melanoma")
PATIENT_AGAIN = re.compile(
    r"\b(?:me|i|i'm|i've|myself|moi|je|j')\b(?!\s+(?:think|believe|guess|suppose|recall|remember|crois|pense)\b)|"
    r"\bm'(?=\w)",
    re.I,
)


# the clinician turns back to the patient after a relative: ", and at forty-seven with iron deficiency", ", and you"
_YOU_AGAIN = re.compile(
    r",\s*(?:and|et)\s+(?:(?:at|à)\s+[\w-]+(?:\s+(?:years? old|ans))?|you|your|vous|votre)\b[^,.;]*$", re.I
)


def patient_again_said(text: str, at: int) -> bool:
    """After the relative the clinician named, the words before `at` are of the patient again."""
    named = list(FAMILY.finditer(text[:at]))
    return bool(named) and bool(_YOU_AGAIN.search(text[named[-1].end() : at]))


# "my mom and her sister": the second relative is the first one's (an aunt, not the patient's sister)
_RELATIVES_RELATIVE = re.compile(r"\b(?:my|mon|ma)\s+(\w+)\s+(?:and|et)\s+(?:her|his|sa|son)\s+(\w+)\b", re.I)


MY_RELATIVE = re.compile(r"\b(?:my|mon|ma|mes)\s+" + _AGE_WORD + FAMILY.pattern, re.I)


YOUR_RELATIVE = re.compile(r"\b(?:your|votre|vos|ton|ta|tes)\s+" + FAMILY.pattern, re.I)


# the reply says a relative has it, whatever it began with: "i've never had one, my dad had them a lot"
RELATIVE_HAD = re.compile(
    r"\b(?:my|mon|ma|mes)\s+" + FAMILY.pattern + r"\s+(?:\w+\s+)?(?:had|has|got|a eu|avait|a fait|en a)\b"
    r"(?!\s+(?:no|not|never|none|nothing|pas|jamais)\b)",
    re.I,
)


# "no … but my cousin", and the reply corrected: "no, nobody … well, actually, my aunt", "non … ah si, ma tante"
BUT_A_RELATIVE = re.compile(
    r"(?:\b(?:but|except|although|actually|wait|mais|sauf)\b|\b(?:ah|oh|enfin|euh|ben) si\b)[^.?!]*?"
    r"\b(?:my|mon|ma|mes)\s+" + FAMILY.pattern,
    re.I,
)


# a parent's relative is the patient's aunt, uncle or grandparent, on that parent's side: "my dad's mother", "my
# aunt, my mom's sister", "my uncle on my mother's side", "la sœur de ma mère", "ma tante maternelle"
_PARENT_BEFORE = re.compile(  # also "my mom's sister, my aunt ruth"
    r"\b(mom|mum|mother|dad|father)'s\s+(?:(?:sister|brother)\s*,\s*(?:my|her|his)\s+)?$", re.I
)
_RELATIVE_OF_BEFORE = re.compile(r"\b(sœur|soeur|frère|mère|père|tante|oncle)\s+(?:de|d')\s*(?:ma|mon)\s+$", re.I)
_PARENT_AFTER = re.compile(
    r"^\s*(?:,\s*(?:my|her|his)\s+(mom|mum|mother|dad|father)'s\s+\w+|\s+on (?:my|the|her|his) "
    r"(mom|mum|mother|dad|father)'s side|\s+(?:,\s*(?:la|le)\s+\w+\s+)?de (?:ma|mon) (mère|maman|père|papa)|"
    r"\s+(maternel|paternel)(?:le)?)\b",
    re.I,
)
_MATERNAL = {"mom", "mum", "mother", "mère", "maman", "maternel"}
_PARENTS_RELATIVE = {
    "sister": "aunt",
    "brother": "uncle",
    "mother": "grandmother",
    "mom": "grandmother",
    "father": "grandfather",
    "dad": "grandfather",
    "aunt": "aunt",
    "uncle": "uncle",
    "grandmother": "grandmother",
    "grandfather": "grandfather",
    "sœur": "tante",
    "soeur": "tante",
    "frère": "oncle",
    "mère": "grand-mère",
    "père": "grand-père",
    "tante": "tante",
    "oncle": "oncle",
    "grand-mère": "grand-mère",
    "grand-père": "grand-père",
}


def _on_parents_side(text: str, rel: re.Match) -> str | None:
    """ "maternal aunt" for "my mom's sister" (or "paternal grandmother", "tante maternelle"), else None."""
    said = rel.group(0).lower()
    before = _PARENT_BEFORE.search(text[: rel.start()])
    after = _PARENT_AFTER.match(text[rel.end() :])
    parent = before.group(1) if before else next((g for g in after.groups() if g), None) if after else None
    of = _RELATIVE_OF_BEFORE.search(text[: rel.start()])  # "la sœur de ma mère": the sister is the relative
    if of and said in _MATERNAL | {"père", "papa"}:
        said, parent = of.group(1).lower(), said
    if not parent or said not in _PARENTS_RELATIVE:
        return None
    maternal = parent.lower() in _MATERNAL
    who = _PARENTS_RELATIVE[said]
    if who in ("tante", "oncle", "grand-mère", "grand-père"):
        feminine = who in ("tante", "grand-mère")
        side = ("maternelle" if feminine else "maternel") if maternal else ("paternelle" if feminine else "paternel")
        return f"{who} {side}"
    return f"{'maternal' if maternal else 'paternal'} {who}"


def chart_relative(text: str, rel: re.Match) -> str:
    """The relative as the chart names it: "father" for "dad", "mother and her sister" for "my mom and her
    sister", "maternal aunt" for "my aunt, my mom's sister"."""
    said = rel.group(0).lower()
    sided = _on_parents_side(text, rel)
    if sided:
        return sided
    pair = next((m for m in _RELATIVES_RELATIVE.finditer(text) if m.start(2) == rel.start()), None)
    if pair and FAMILY.fullmatch(pair.group(1)):
        first = pair.group(1).lower()
        return f"{CHART_WORD.get(first, first)} and {pair.group(0).split()[-2].lower()} {said}"
    return CHART_WORD.get(said, said)


# the age the relative had it at, said right after it: "a heart attack at 62", "oui, à soixante-dix ans"
_AGE_AT = re.compile(
    # "my brother had a stroke, he was seventy-five"; "ma mère est morte d'un avc, elle avait quatre-vingts ans"
    r"^\W*(?:\w+\W+){0,4}?(?:at (?:the )?(?:age (?:of )?)?|when (?:he|she) was |à (?:l'âge de )?|"
    r", (?:he|she) was (?=\S+(?:\s+years old)?\s*[,.;])|, (?:il|elle) avait (?=\S+ ans))"
    r"(\d{1,3}|[a-zà-ÿ-]+)(?:\s*(?:years old|ans|\b))",
    re.I,
)


# the next sentence is only the age: "my dad died of a heart attack." "he was fifty-five."
_AGE_ALONE = re.compile(r"^\W*(?:he|she|il|elle) (?:was|avait) (\d{1,3}|[a-zà-ÿ-]+)(?:\s*(?:years old|ans))?\W*$", re.I)
# "he died of a heart attack", "elle est morte d'un cancer": never the patient's own history
DIED_OF = re.compile(
    r"\b(?:died|passed away|décédée?|morte?)\s+(?:of|from|with|de|d'|d’)\s*(?:a |an |the |un |une |la |le |l')?$", re.I
)
_CAME_AT = re.compile(r"\b(?:diagnos\w*|découvert|found|died|passed away|décédée?|morte?)\b", re.I)


def age_at(text: str, then: str = "") -> str | None:
    """The age said right after the disease, or in the next sentence when it tells when it came ("ma mère est
    décédée d'un cancer de l'estomac." "on l'a découvert à soixante-six ans")."""
    m = _AGE_AT.search(text) or (_CAME_AT.search(then) and _AGE_AT.search(then)) or _AGE_ALONE.match(then)
    if not m:
        return None
    age = numbers_to_digits(m.group(1))
    return age if age.isdigit() and 0 < int(age) < 120 else None


def specific_term(surface: str, label: str) -> str | None:
    """The disease as said when the lexicon's label is a class: a father's "prostate cancer" is not the "no breast
    cancer" said of the family next, and the chart names the site."""
    said = " ".join(surface.lower().split())
    return said if label == "cancer" and said != "cancer" else None


# the relative who came along is not whose the condition is: "here with her mom for her eczema"
_COMPANION_BEFORE = re.compile(
    r"\b(?:here|came|come|comes|coming|brought|is|are|in)\s+(?:today\s+)?(?:in\s+)?(?:with|accompanied by)\s+"
    r"(?:her|his|my|their)?\s*$|\b(?:venue?|vient|accompagnée?)\s+(?:avec|de|par)\s+(?:sa|son|ses)\s*$",
    re.I,
)


_SIDE = re.compile(r"'s side\b", re.I)
_SIDE_FR = re.compile(r"\bdu côté de (?:ma|mon)\s+$", re.I)
_APPOSED = re.compile(r"\s*,\s*(?:(?:my|mon|ma)\s+)?", re.I)  # "her mother, my grandmother": the companion's word


def _apposed(text: str, first: re.Match, second: re.Match) -> bool:
    """`second` names `first` again, bare, after "his"/"her" named it: "his brother, uncle walt"."""
    return (
        first.end() <= second.start()
        and bool(_APPOSED.fullmatch(text, first.end(), second.start()))
        and bool(re.search(r"\b(?:his|her|son|sa)\s+$", text[: first.start()], re.I))
    )


_YOUR_OWN = re.compile(r"\b(?:your|my|votre|mon|ma)\s+$", re.I)


_SOURCE = re.compile(r"\b(?:d'après|selon|according to)\s+(?:sa|son|ses|his|her|their|ma|mon|my)?\s*$", re.I)


_FRIEND = re.compile(rf"\b(?:my|his|her|a|mon|ma|son|sa|un|une) {FRIENDS}\b", re.I)


def friends_own(text: str, start: int) -> bool:
    """The condition at `start` is a friend's, a colleague's or an in-law's, named before it in its part of the
    sentence ("mon beau-frère, il a une sciatique", "my buddy has psoriasis"): nobody's history in the chart."""
    friends = list(_FRIEND.finditer(text, 0, start))
    if not friends:
        return False
    between = text[friends[-1].end() : start]
    return not (_NEXT_PERSON.search(between) or PATIENT_AGAIN.search(between) or FAMILY.search(between))


def someone_elses(text: str, start: int) -> bool:
    """What is said at `start` is a relative's named before it, with the patient not named between, or a
    friend's: "mon père, il a été opéré d'une hernie discale"."""
    rel = relative_of(text, start)
    between = text[rel.end() : start] if rel is not None and rel.end() <= start else None
    if between is not None and not PATIENT_AGAIN.search(between) and not _MY.search(between):
        return True
    return friends_own(text, start) or bool(_THE_ONE_WHO.search(text[max(0, start - 30) : start]))


_MY = re.compile(r"\b(?:my|mon|ma|mes)\b", re.I)
# "dave says i don't snore anymore. he's the one who snores", "c'est lui qui ronfle"
_THE_ONE_WHO = re.compile(
    r"\b(?:he's|she's|he is|she is|they're|they are) the one(?:s)? who\s+(?:\w+\s+)?$|"
    r"\bc'est (?:lui|elle|eux) qui\s+(?:\w+\s+)?$",
    re.I,
)


def relative_of(text: str, start: int) -> re.Match | None:
    """The relative a condition at `start` belongs to: the last one named before it in its part of the
    sentence ("my brother had bypass surgery, and my mom had a stroke": the mother's stroke), else the first
    named after it there ("breast cancer in my mother"), else the nearest."""
    if _YOUR_OWN.search(text, 0, start):
        return None  # "with your father's diabetes, your prediabetes": "your" makes it the patient's own
    rels = [r for r in FAMILY.finditer(text) if not _COMPANION_BEFORE.search(text, 0, r.start())]
    if not rels and (cleft := _SPOUSE_WHO.search(text, 0, start)):
        return _SPOUSE.match(text, cleft.start(1))  # "c'est mon mari qui est diabétique", "it's my wife who has it"
    # "my grandmother on my mom's side had a stroke": the mother only says which grandmother
    rels = [r for r in rels if not _SIDE.match(text, r.end()) and not _SIDE_FR.search(text, 0, r.start())] or rels
    # "his brother, uncle walt, had prostate cancer": the companion's own name for the patient's brother
    rels = [r for r in rels if not any(_apposed(text, o, r) for o in rels)]
    # "il avait de l'eczéma quand il était petit, d'après sa mère": who told it, not who had it
    rels = [r for r in rels if not _SOURCE.search(text, max(0, r.start() - 20), r.start())]
    named = [r for r in rels if r.group(0).lower() not in ("family", "famille")]
    if len(named) < len(rels) and len(named) == 1:
        return named[0]  # "diabetes runs in my family, both my parents have it"
    before = [
        r
        for r in rels
        if r.end() <= start
        and not _NEXT_PERSON.search(text, r.end(), start)
        and not PATIENT_AGAIN.search(text, r.end(), start)
    ]
    if before:
        return before[-1]
    after = [r for r in rels if r.start() >= start and not _NEXT_PERSON.search(text, start, r.start())]
    if after:
        return after[0]
    return min(
        (r for r in rels if not PATIENT_AGAIN.search(text, min(r.end(), start), max(r.start(), start))),
        key=lambda r: abs(r.start() - start),
        default=None,
    )


def relative_before(sents: list, k: int, is_clin, is_pat, names: dict[str, str]) -> re.Match | None:
    """The relative sentence k is about without naming it: the one the same speaker's previous sentence of the turn
    opened on when it opens on "he / she / they" ("my brother had a heart attack. he had a stent"), the one the
    clinician's question just before named ("and your father?" "heart attack at sixty-five"), one the visit named by
    first name (names: relative_names), down a chain of the turn's sentences that never speak of the patient, the one
    French sets apart ("lui, il a eu …"), or the one the reply before a checking question was about."""
    if k == 0:
        return None
    text, prev = sents[k].text, sents[k - 1]  # a question, or the clinician's last words before the reply ("you
    # said on the phone your brother checked it." "yes, he's diabetic")
    last_words = prev.seg_index != sents[k].seg_index
    j0 = next((j for j in range(k, -1, -1) if j == 0 or sents[j - 1].seg_index != sents[k].seg_index), 0)
    asked_turn = sents[j0 - 1].text if j0 and is_clin(j0 - 1) and is_pat(k) else ""
    if (only := _ONLY_A_RELATIVE.match(asked_turn)) and not any(_of_patient(sents[i].text) for i in range(j0, k + 1)):
        return FAMILY.match(asked_turn, only.start(1))  # "et votre mère ?" "elle a 88 ans. un peu de cholestérol"
    if is_pat(k) and is_clin(k - 1) and last_words and prev.question and PRONOUN_SUBJECT.match(prev.text):
        if asked := relative_before(sents, k - 1, is_clin, is_pat, names):  # "your sister has ra. she's on
            return asked  # methotrexate, right?" "methotrexate and some injection now": the sister's
    if (name := _NAME_OPENING.match(text)) and (word := names.get(name.group(1).lower())):
        return FAMILY.match(word)
    if _EMPHATIC_OTHER.match(text):  # "parce que lui, il a eu la maladie de lyme": the one the visit last named
        for j in range(k - 1, max(-1, k - 12), -1):
            if spouse := MY_SPOUSE.search(sents[j].text):
                return _SPOUSE.match(sents[j].text, spouse.start(1))
            if rel := MY_RELATIVE.search(sents[j].text) or YOUR_RELATIVE.search(sents[j].text):
                return FAMILY.match(sents[j].text, rel.start(1))
            if named := [m for n in names if (m := re.search(rf"\b{re.escape(n)}\b", sents[j].text))]:
                return named[0]  # "alors hugo, c'est autre chose ! lui il a fait des plaques avec l'augmentin"
    if told := _told_when_asked(sents, k, is_pat):
        return told
    third = _THIRD_PERSON_EARLY.match(text) and not _FIRST_PERSON.search(text)  # "two years ago … she has celiac"
    # "my sister broke her hip at seventy-nine. osteoporosis."; "my husband. about a pack a day." (not "my wife wrote
    # it down. furosemide, forty milligrams …": the patient's list, in his wife's hand)
    bare = (
        _BARE_TERM.match(text)
        and _HEALTH_TOLD.search(prev.text)
        or (not ANY_SUBJECT.search(text) and _BARE_TERM.match(prev.text))
        or (not ANY_SUBJECT.search(text) and _RELATIVE_ALONE.match(prev.text))  # "my brother joseph, yes. heart …"
    )
    if not PRONOUN_SUBJECT.match(text) and not _ELLIPTIC.match(text) and not third and not bare:
        return _asked_chain(sents, k, is_clin)
    asked = YOUR_RELATIVE.search(prev.text) if is_clin(k - 1) and (prev.question or last_words) else None
    if asked and is_pat(k):
        return FAMILY.match(prev.text, asked.start(1))  # "et votre père ?" "oui, il a fait un avc"
    wife = MY_SPOUSE.search(prev.text) if is_clin(k - 1) and prev.question and last_words else None
    if wife and is_pat(k) and PRONOUN_SUBJECT.match(text) and not _FIRST_PERSON.search(text):
        return _SPOUSE.match(prev.text, wife.start(1))  # "et votre femme, elle va bien ?" "elle a une polyarthrite"
    if last_words:
        return None
    opening = RELATIVE_SUBJECT.match(prev.text)
    if (
        opening is not None
        and _WHOSE.match(prev.text, opening.end())
        and k > 1
        and sents[k - 2].seg_index == prev.seg_index
    ):
        # "my cousin, on my mom's side. my mom's sister's son. he has epilepsy": the second sentence says who the
        # first one's relative is
        first = RELATIVE_SUBJECT.match(sents[k - 2].text)
        if first is not None and (rel := FAMILY.match(sents[k - 2].text, first.end())):
            return rel
    if opening is not None:
        if not _FIRST_PERSON.search(text) and (spouse := _SPOUSE.match(prev.text, opening.end())):
            return spouse  # "my husband, samuel. he has diabetes": not the patient's (and no "i" to say it is)
        return FAMILY.match(prev.text, opening.end())
    # "my mum has parkinson's. diagnosed five years ago. she's on sinemet": the chain stays the mother's while no
    # sentence of the turn speaks of the patient
    j = k - 1
    while j > 0 and k - j < 6 and sents[j - 1].seg_index == sents[k].seg_index and not _of_patient(sents[j].text):
        j -= 1
        # "my husband. about a pack a day. his doctor gave him …"; "tommy, my younger brother. … he's on warfarin"
        opening = RELATIVE_SUBJECT.match(sents[j].text) or _NAME_THEN_RELATIVE.match(sents[j].text)
        at = opening.end() if opening else 0
        if opening and (rel := FAMILY.match(sents[j].text, at) or _SPOUSE.match(sents[j].text, at)):
            return rel
    # "how's your wife doing?" "margaret, she's … it's hard. she has lung cancer. she's on keytruda": the turn
    # answers of the relative asked, while none of its sentences speaks of the patient
    if k - j < 6 and j >= 1 and sents[j - 1].seg_index != sents[k].seg_index and is_clin(j - 1):
        chained = all(not _of_patient(sents[i].text) for i in range(j, k + 1))
        asked = YOUR_RELATIVE.search(sents[j - 1].text) or MY_SPOUSE.search(sents[j - 1].text)
        # … or names them last ("et là, il y a votre père." "oui. il a fait un infarctus")
        last = asked and asked.end() >= len(sents[j - 1].text.rstrip(" .?!")) - 4
        if chained and (sents[j - 1].question or last) and asked:
            return FAMILY.match(sents[j - 1].text, asked.start(1)) or _SPOUSE.match(sents[j - 1].text, asked.start(1))
    if through := through_a_question(
        sents, k, is_clin, lambda i: relative_before(sents, i, is_clin, is_pat, names), _of_patient
    ):
        return through
    last = relative_of(prev.text, len(prev.text))  # not one only named as company ("yes, with my little brother")
    named = MY_RELATIVE.search(prev.text) or (YOUR_RELATIVE.search(prev.text) if is_clin(k - 1) else None)
    return last if named and not re.search(r"\b(?:with|avec)\s+$", prev.text[: named.start()]) else None


def _asked_chain(sents: list, k: int, is_clin) -> re.Match | None:
    """ "tell me about your mother." "she was diagnosed in her thirties. rashes on the face, joint pains": a sentence
    with no subject of its own, in a reply that opened on the relative asked and never spoke of the patient."""
    j = turn_opening(sents, k)
    if j == k or j < 1 or not is_clin(j - 1) or not PRONOUN_SUBJECT.match(sents[j].text):
        return None
    asked = YOUR_RELATIVE.search(sents[j - 1].text)
    if not asked or asked.end() < len(sents[j - 1].text.rstrip(" .?!")) - 4:
        return None
    if any(_of_patient(sents[i].text) for i in range(j, k + 1)):
        return None
    return FAMILY.match(sents[j - 1].text, asked.start(1))


def _told_when_asked(sents: list, k: int, is_pat) -> re.Match | None:
    """The relative the patient named just before the clinician's "tell me about that", in the reply's sentences
    about a he or she that never speak of the patient: "my mom had a clot on the pill." "tell me about that." "she was
    twenty-eight … a clot in her leg, in the thigh i think … she never took the pill again"."""
    j = turn_opening(sents, k)
    if j < 2 or not is_pat(k) or not _TELL_ME.match(sents[j - 1].text) or not is_pat(j - 2):
        return None
    if not THIRD_PERSON.search(sents[k].text) or any(_of_patient(sents[i].text) for i in range(j, k + 1)):
        return None
    named = list(MY_RELATIVE.finditer(sents[j - 2].text))
    return FAMILY.match(sents[j - 2].text, named[-1].start(1)) if named else None


# a question that is only a relative: "and your father?", "et votre mère ?"
_ONLY_A_RELATIVE = re.compile(
    r"^\W*(?:(?:and|so|what about|how about|et|et pour|and for)\s+)*(?:your|votre|ton|ta|his|her|son|sa)\s+"
    + FAMILY.pattern
    + r"(?:'s side)?\W*$",
    re.I,
)
_NAME_THEN_RELATIVE = re.compile(r"^\W*[a-zà-ÿ]{3,}\s*,\s*(?:my|mon|ma)\s+" + _AGE_WORD, re.I)
_TELL_ME = re.compile(
    r"^\W*(?:tell me (?:more )?about (?:that|it)|what happened|racontez(?:-moi)?|c'est-à-dire)\W*$", re.I
)
_WHOSE = re.compile(r"(?:mom|mother|dad|father|mère|père)'s\s", re.I)  # "my mom's sister's son"
_SPOUSE = re.compile(r"(?:husband|wife|spouse|mari|femme|épouse|époux|conjointe?)\b", re.I)
_SPOUSE_WHO = re.compile(
    r"\b(?:c'est|it's|it is) (?:my|mon|ma) ((?:husband|wife|mari|femme|épouse|époux|conjointe?)) (?:qui|who|that)\b",
    re.I,
)
MY_SPOUSE = re.compile(r"\b(?:my|mon|ma|your|votre)\s+(" + _SPOUSE.pattern + ")", re.I)


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|me|my|je|j'|moi|mon|ma|mes)\b", re.I)
_NAME_OPENING = re.compile(r"^\W*([a-zà-ÿ]{3,})\s+(?:had|has|was|is|got|a eu|a fait|avait|est)\b", re.I)


def _of_patient(text: str) -> bool:
    """A sentence about the patient, not the relative the turn spoke of: a first person outside "my <relative>"."""
    said = _KNOWING.sub("", MY_RELATIVE.sub("", text))  # "not that i know of. he's got the sugar": his
    return bool(_FIRST_PERSON.search(said)) or bool(RELATIVE_SUBJECT.match(text))


# what the speaker knows or thinks of the relative, no word of their own health
_KNOWING = re.compile(
    r"\b(?:not that i know of|(?:i|je) (?:don't |do not |ne )?(?:think|know|guess|believe|remember|recall|crois|pense|"
    r"sais|suppose)(?: pas)?(?: so)?|(?:as|like) me|comme moi|(?:she|he) had me|before i was born|"
    r"avant (?:ma naissance|de m'avoir)|je le sais|c'est moi qui (?:vais|va|lui|les) \w+)\b",
    re.I,
)
