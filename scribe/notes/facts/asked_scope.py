"""What a question asks of a symptom it names: the symptom itself, or only a property or a circumstance of it
("any chest pain when you walk?"), so that a "no" denies no more than was asked."""

from __future__ import annotations

import re

# A property of a symptom asked about, or a circumstance of it, not the symptom itself: "does the chest pain get
# worse when you breathe in?", "have you had chest pain like this before?" (the question takes the pain as given),
# "any chest pain when you walk?", "Quand vous marchez, vous avez mal à la poitrine ?". A "no" denies the property
# or the circumstance; the symptom may well be there (it is often the complaint).
_PROPERTY_AFTER = re.compile(
    r"^(?:\W+[\w'-]+){0,7}?\W+(?:(?<!anything )(?<!something )(?<!stuff )(?<!things )like (?:this|that|it|before)|"
    r"worse|better|(?:get|gets|getting|go|goes|going|come|comes) (?:on|back|down|up|into|away)|radiat\w*|spread\w*|"
    r"shoot\w*|travel\w*|mov(?:e|es|ing) (?:to|into|down|up|around)|(?<!des choses )(?<!quelque chose )comme "
    r"(?:ça|celle|celui|avant)|pire|plus fort|irradi\w*|descend\w*|remont\w*)\b",
    re.I,
)
_CIRCUMSTANCE_AFTER = re.compile(
    r"^(?:\W+[\w'-]+){0,7}?\W+(?:when|whenever|while|during|after|with (?!(?:that|it|this|those|these|them|all)\b)|"
    r"at (?:rest|night|the moment|present|this (?:point|time))|on (?:exertion|exercise|the stairs|stairs)|"
    r"in the (?:morning|evening|night)|right now|currently|today|anymore|any more|"
    r"in (?:the|your|his|her) (?:groin|saddle|buttocks?|genitals?)|between (?:the|your|his|her) legs|"  # a site
    r"(?:on|around) (?:the|your|his|her) (?:face|forehead|nose|eyes?|scalp|neck|back|arms?|legs?|hands?|feet|belly|"
    r"tummy|stomach|chest)|sur (?:le|la|les|l'|votre|vos|son|sa|ses) ?(?:visage|front|nez|yeux|œil|cuir chevelu|cou|"
    r"dos|bras|jambes?|mains?|pieds|ventre|poitrine)|autour des yeux|"
    r"en ce moment|actuellement|maintenant|aujourd'hui|"
    r"quand|lorsque|pendant|après|à l'effort|au repos|à la marche|à l'inspiration|la nuit|le matin|en (?:marchant|"
    r"mangeant|respirant|toussant|montant|faisant))\b",
    re.I,
)
_CIRCUMSTANCE_BEFORE = re.compile(
    r"^\W*(?:(?:and|et|so|alors|okay|ok|now|et puis)\W+)?(?:when|whenever|while|after|during|quand|lorsque|pendant|"
    r"après|à l'effort|au repos)\b",
    re.I,
)
# "does the chest pain…", "is your cough…": the symptom as given, its properties asked
_GIVEN = re.compile(r"\b(?:does|do|did|is|was|has|have) (?:the|your|that|this) (?:\w+ )?$", re.I)
# "any blood in the vomit?", "any change in your cough?", "la couleur des crachats ?": something in or of the
# symptom is asked, the symptom itself is given ("fever with the rash?")
_PART_OF = re.compile(
    r"\b(?:blood|mucus|pus|bile|colou?r|changes?|amount|smell|sang|glaires|couleur|changements?|odeur|aspect) "
    r"(?:in|of|with|dans|de|du|des) (?:the|your|my|that|this|le|la|les|l'|vos|votre)?\s*$|\b(?:with|avec) (?:the|la) $",
    re.I,
)


# "it's not really a chest pain, more like a pressure": the word is denied, not what the patient feels
_REWORDED = re.compile(r"^\W*(?:[\w']+\W+){0,2}?(?:more|rather|plus|plutôt)\b(?: like| of| un| une| comme)?", re.I)


# "any blood when you cough?", "does it hurt when you're coughing?": the symptom is the circumstance of another
# finding, and a "no" says nothing of it
_WHEN_IT = re.compile(
    r"\b(?:when|whenever|while|if|quand|lorsque)\s+(?:you|i|he|she|vous|je|j'|tu|il|elle)(?:'re| are|'m| am| is|'s)?"
    r"\s*(?:have\s+|get\s+|avez\s+|faites\s+)?(?:an?\s+|une?\s+|des\s+|de la\s+|du\s+)?$",
    re.I,
)


# "headache that wakes you from sleep", "une douleur qui vous réveille": a relative clause narrows the symptom, and a
# "no" denies only that kind of it ("you noticed", "you had" do not narrow)
_RESTRICTED = re.compile(r"^\s+(?:that|which|qui)\s+(?!(?:you|i|vous avez|vous aviez)\b)\w", re.I)


# "the fatigue, are you short of breath?": the symptom named as the topic, the question asks after another
_TOPIC_BEFORE = re.compile(
    r"^\W*(?:(?:and|so|now|okay|ok|et|alors)\W+)*(?:the|your|this|that|le|la|les|l'|votre|vos|cette|ce)\s*$", re.I
)
_ASKS_ANOTHER = re.compile(r"^\s*,\s*(?:are|do|did|have|has|is|any|est-ce|avez|vous)\b", re.I)


# "and your cough, is it getting better?", "the swelling, any better?": the symptom named as the topic, then a
# question about it: the symptom is given
_THEN_ASKED = re.compile(
    r"^\s*[,:-]\s*(?:(?:so|and|well)\s+)?"
    r"(?:(?:is|does|has|did|was|are|do|have|est-ce qu')\s*(?:it|they|that|this|elle|il)\b|"
    r"(?:any|getting|a bit|a little|some|un peu)?\s*(?:better|worse|mieux|pire)\b|(?:elle|il|ça) (?:va|est))",
    re.I,
)


def reworded(after: str) -> bool:
    """Do the words after a denied symptom say what it is instead ("…, more like a pressure")?"""
    return bool(_REWORDED.match(after))


def narrowed(question: str, start: int, end: int) -> str:
    """What the question (or statement) asks of the symptom at question[start:end] beyond having it: "property"
    (it takes the symptom as given: a "no" says nothing of it), "circumstance" (only in some circumstance: a "no"
    denies it there, and yields to the symptom said present elsewhere), or ""."""
    after = re.split(r"[,.?!;]", question[end:])[0]
    before = re.split(r"[.?!;]", question[:start])[-1]
    # "is your cough productive?": a predicate after the given symptom; "does your chest hurt?" asks for it
    predicate = re.match(r"\W*(?!(?:or|and|ou|et|any|anything|something)\b)\w", after, re.I)
    if (
        _PROPERTY_AFTER.match(after)
        or _GIVEN.search(before)
        and predicate
        or _PART_OF.search(before)
        or _WHEN_IT.search(before)
        or _THEN_ASKED.match(question[end:])
        or _RESTRICTED.match(question[end:])
        or _TOPIC_BEFORE.match(before)
        and _ASKS_ANOTHER.match(question[end:])
    ):
        return "property"
    if _CIRCUMSTANCE_AFTER.match(after) or _CIRCUMSTANCE_BEFORE.match(before):
        return "circumstance"
    return ""


_NOT_THE = re.compile(
    r",\s*(?:but\s+|mais\s+)?(?:not|pas) (?:the|a|an|my|like (?:the|a|my)|la|le|l'|comme (?:la|le|l'))\s*$", re.I
)


def contrasted(text: str, st: int, said_before: bool) -> bool:
    """A "not" that sets one kind of the symptom against another the sentence said before it ("a bit of a background
    headache, a dull one, not the migraine"): no denial (`said_before`: the sentence named the symptom before `st`)."""
    return said_before and bool(_NOT_THE.search(text[:st]))
