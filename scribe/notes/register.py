"""Clinical register: a note sentence must read as a note, not as transcribed speech.

`speech_markers` names what gives a sentence away as speech (first/second person, fillers, questions,
cut-off words, dictation commands); the same markers as the review that found ~25 % of our sentences in
speech register against ~3 % in physicians' notes. `plan_item`, `finding` and `statement` rewrite the
commonest spoken shapes into note shapes ("I'm going to order an x-ray" → "Order an x-ray.", "I do hear a
murmur" → "A murmur."); a sentence still carrying a marker afterwards is left out by the verifier.
"""

from __future__ import annotations

import re

_PRONOUN = re.compile(
    r"\b(?:i'm|i'll|i'd|i think|i want|i do|i don't|i guess|we|we'll|we're|we've|us|our|let's|"
    r"you|you're|you'll|your|yours|gonna|wanna|je|j'|on va|nous|vous|votre|vos)\b",
    re.I,
)
_FILLER = re.compile(
    r"\b(?:um+|uh+|you know|okay so|alright|kind of|sort of|euh|bon ben|voilà)\b|\blike,|"
    r"^\s*(?:so|and|but|well|et|alors|donc)\b",
    re.I,
)
_CUT = re.compile(r"\b[a-z]{1,8}-\s", re.I)
_DICTATION = re.compile(
    r"\b(?:order the (?:procedures|medications)|as discussed|new paragraph|period|"
    r"hey dragon|finalize the note)\b",
    re.I,
)


_GARBLED = re.compile(
    r"\b(\w{2,})\s+\1\b|\bthe patient\b(?:\s+\S+){0,3}\s+the patient\b|\bthes\b|"
    r"\b(?:he|she|the patient) (?:is|has|does) (?:he|she|the patient)\b",
    re.I,
)
_FRAGMENT_END = re.compile(
    r"\b(?:in|as|is|are|was|the|he|she|his|her|of|to|and|a|an|with|for|that|but|or|if|so|"
    r"because|at|on|from|by|their|than|de|la|le|les|et|ou|à|pour|avec)\W*$",
    re.I,
)
RUN_ON_WORDS = 40  # longer than any sentence a physician writes in a note


def speech_markers(text: str) -> list[str]:
    """Why `text` reads as speech ([] when it reads as a note): the markers of the register review, plus
    what a garbled person shift ("the patient thes patient"), a cut-off fragment ("Be in touch with him
    in.") or a run-on transcript sentence leave behind."""
    out = []
    if _GARBLED.search(text):
        out.append("garbled")
    if _FRAGMENT_END.search(text.rstrip(".!? ")) and len(text.split()) > 1:
        out.append("fragment")
    if len(text.split()) > RUN_ON_WORDS:
        out.append("run-on")
    if _PRONOUN.search(text):
        out.append("pronoun")
    if _FILLER.search(text):
        out.append("filler")
    if "?" in text:
        out.append("question")
    if _CUT.search(text + " "):
        out.append("cut-off")
    if _DICTATION.search(text):
        out.append("dictation")
    return out


_LEAD = re.compile(
    r"^(?:(?:(?:and|so|now|but|also|then|okay|alright|um|uh|well|please)\b|for that\b|for this\b|"
    r"at this (?:point|time)\b|in the meantime\b|"
    r"(?:as far as|in terms of|regarding|for) (?:the |his |her |their |your )?[\w -]{2,30}?,|"
    r"(?:my |the )?plan is(?: to)?\b|what (?:i|we)(?:'d| would| will|'ll) (?:like to )?do is\b)"
    r"[\s,:]*)+",
    re.I,
)
_WILL = re.compile(
    r"^(?:(?:and|then|also|so|but|now)\s+)*(?:i|we|the patient)(?:\s+also)?\s*"
    r"(?:'m|am|'re|are)?\s*(?:also\s+)?(?:will|would like to|'d like to|'d|want to|wanna|need to|"
    r"going to|gonna|gon na|plan to|can|should|'ll|have to|got ta)\s+(?:go ahead and\s+|also\s+|"
    r"just\s+|probably\s+|definitely\s+|try to\s+|be\s+(?=\w+ing\b)|(?:have|get|ask)\s+(?:the patient|him|her|"
    r"them)\s+(?:to\s+)?)*",
    re.I,
)
_FOLLOW_UP = re.compile(
    r"^(?:(?:see|have)\s+(?:the patient|him|her|them)\s+|(?=come))(?:come\s+)?(?:back|again)\s*(?:here\s+)?"
    r"(?P<when>in\s+.+|after\s+.+)?$",
    re.I,
)
_ADVISE = re.compile(
    r"^(?:i\s+)?(?:also\s+|really\s+|do\s+)?(?:advised|recommend(?:ed)?|encourage[d]?|would recommend|want|asked|"
    r"told)\s+"
    r"(?:him|her|the patient|them|that (?:he|she|the patient|they))\s+(?:to\s+|should\s+)?",
    re.I,
)
_SHOULD = re.compile(
    r"^(?:he|she|the patient|they)\s+(?:should|needs? to|has to|must|will need to|is to|"
    r"ought to)\s+",
    re.I,
)


_CLAUSE_START = re.compile(
    # not inside a number: "a hundred and one"
    r"(?:[,;]\s*|(?<!hundred)(?<!thousand)(?<!cent)\s+)"
    r"(?=(?:and then|and also|and|but|so|then|also|plus(?!\s+(?:pitting|edema|pulses?|reflex\w*))|"
    r"i'm|i am|i will|i'll|we'll|we will|we're|"
    r"we are|we can|i want|i'd|i would|let's|i think|i also|(?:first|second|third|finally|next)(?=,|\s+(?:we|i|let's))|"
    r"as far as|in terms of|"
    r"for (?:your \w+|the (?:first|second|third|next|last|other) (?:problem|issue))|i do|i don't|i can|i did|i see|"
    r"i hear|(?:their|his|her)(?!\s+(?:an?|the|some|a few)\b)|listen(?:ing)? to|"  # not "they gave her an …"
    r"looking at|et|puis|ensuite|je vais|on va|il faut)\b)"
    r"|,\s*(?=it (?:helps|works|does|makes)\b)",  # "it's not a hormone, it helps the blood clot"
    re.I,
)


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a run-on spoken sentence ("we'll order labs and i'll see you in
    two weeks" → two clauses); short pieces stay with the clause before them."""
    cuts = [0] + [m.end() for m in _CLAUSE_START.finditer(text)] + [len(text)]
    spans: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:]):
        # a piece too short to stand alone, with no comma before it, stays with the clause before it ("…, morning
        # and evening"; not "…, and dizzy")
        short = len(re.findall(r"\w+", text[a:b])) < 3 and "," not in text[max(0, a - 3) : a]
        if spans and (len(text[spans[-1][0] : a].split()) < 3 or short):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    out = []
    for a, b in spans:
        piece = text[a:b]
        lead, trail = len(piece) - len(piece.lstrip(" ,;")), len(piece.rstrip(" ,;."))
        if trail > lead:
            out.append((a + lead, a + trail))
    return out


def _finish(text: str) -> str | None:
    t = re.sub(r"\s{2,}", " ", text).strip(" ,;:-")
    # a judgement its filler took away: "the egfr is 72, that's okay." → "the egfr is 72"
    t = re.sub(r"(?:,\s*|\s+)(?:that's|that is|which is|it's|c'est)\W*$", "", t, flags=re.I).strip(" ,;:-")
    if len(t.split()) < 2:
        return None
    t = t[0].upper() + t[1:]
    if t[-1] not in ".!":
        t += "."
    return None if speech_markers(t) else t


_OBJECT = re.compile(
    r"\b(start|put|place|keep|get|send|refer|give|have|see|schedule|bring)\s+(?:he|she|the patient)\s+"
    r"(?=on|to|in|for|back|with)\b",
    re.I,
)
_NOT_A_PLAN = re.compile(
    r"\b\d+-year-old\b|\b(?:is|was) (?:a|an) \w+ (?:male|female|man|woman)\b|\bchecked out\b|"
    r"^\W*(?:take a look|look at|talk about|review|go over|discuss)\b",
    re.I,
)


_EMPTY_PLAN = re.compile(r"^(?:go ahead|get going|get started|get you out of here|see|do that|talk)\b", re.I)


# a description, not an order: "It's back in the day when it wasn't prescribed by doctors."
_DESCRIPTION = re.compile(
    r"^\W*(?:it|that|this|there)(?:'s|\s+(?:is|was|were|are))\b(?!\s+(?:important|recommended))", re.I
)


def plan_item(text: str) -> str | None:
    """A clinician's plan sentence (already in third person) → a terse plan line, or None."""
    if _NOT_A_PLAN.search(text) or _DESCRIPTION.match(_LEAD.sub("", text.strip())):
        return None
    t = _LEAD.sub("", text.strip())
    t = _WILL.sub("", t)
    fu = _FOLLOW_UP.match(t.rstrip(". "))
    if fu:
        return _finish("Follow-up " + (fu.group("when") or "visit"))
    t = _OBJECT.sub(lambda m: m.group(1) + " ", t)
    t = re.sub(r"\b(call|contact|let)\s+(?:us|me)\b", r"\1 the clinic", t, flags=re.I)
    if _EMPTY_PLAN.match(t) and len(t.split()) < 4:
        return None
    m = _ADVISE.match(t) or _SHOULD.match(t)
    if m:
        t = "Advised to " + t[m.end() :]
    return _finish(t)


_SEEN = re.compile(
    r"^(?:on (?:physical )?exam(?:ination)?,?\s*|upon examination,?\s*|on my exam,?\s*)?"
    r"(?:i|we)\s+(?:do\s+|can\s+|did\s+)?(?:hear|see|feel|notice|appreciate|find|note)\s+"
    r"(?:that\s+|that's,?\s+|there is\s+|there's\s+)?",
    re.I,
)
_OBSERVER = re.compile(
    r"\b(?:i|we)\s+(?:do\s+|can\s+|did\s+|also\s+|still\s+|-\s*i\s+)*(?:hear|see|feel|notice|"
    r"appreciate|find|note)\s+(?:that\s+)?",
    re.I,
)
_NOT_OBSERVED = re.compile(
    r"\b(?:i|we)\s+(?:do not|don't|did not|didn't|can't|cannot)\s+(?:see|feel|hear|appreciate|"
    r"notice|find|note)\s+(?:any\s+)?",
    re.I,
)
_OUR_ASIDE = re.compile(
    r",?\s*\b(?:which|that|as|what)\s+(?:we|i)(?:'ve| have)?\b[^,.;]*|"
    # the examiner's aside after the finding: "no blisters anywhere else, i checked the back and the scalp"
    r"\s*,\s*(?:i|we)\s+(?:checked|looked(?: at)?|examined|felt|listened to)\b[^.;]*",
    re.I,
)


def _salvage(text: str, convert) -> str | None:
    """The sentence converted whole, else its clauses that convert, joined (run-on speech)."""
    whole = convert(text)
    if whole:
        return whole
    spans: list[tuple[int, int]] = []
    for a, b in clauses(text):  # "an x-ray of | his lumbar spine": a clause ending on "of" goes on
        if spans and _FRAGMENT_END.search(text[spans[-1][0] : spans[-1][1]].rstrip(".!? ")):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    parts = [convert(text[a:b]) for a, b in spans]
    kept, words = [], 0
    for p in parts:
        if p and words + len(p.split()) <= RUN_ON_WORDS:
            kept.append(p.rstrip("."))
            words += len(p.split())
    if not kept:
        return None
    return _finish(", ".join([kept[0]] + [k[0].lower() + k[1:] for k in kept[1:]]))


_EXAMINER_ACTION = re.compile(
    r"^(?:listen(?:ing)?|look(?:ing)?|take a look|check(?:ing)?|examin\w+|press(?:ing)?|"
    r"push(?:ing)?|feel(?:ing)?|palpat\w+|let me|going to)\b",
    re.I,
)


# a result announced, not read: "This is the result of the echocardiogram."
_ANNOUNCED = re.compile(
    r"^(?:this|that|here|these)(?:'s| is| are)\s+(?:the |an? |his |her |their |your )?(?:results?|x-?rays?|"
    r"images?|reports?|pictures?|films?|labs?)(?:\s+(?:of|from|for)\s+[\w -]+)?\W*$",
    re.I,
)


def _finding_words(text: str) -> str | None:
    t = _LEAD.sub("", text.strip())
    if _EXAMINER_ACTION.match(t) or _ANNOUNCED.match(t):
        return None
    t = re.sub(r"^(?:on )?(?:(?:their|his|her|the|your) (?:\w+ )?)?exam(?:ination)?,\s*", "", t, flags=re.I)
    t = re.sub(r"^(?:their|his|her)\s+", "", t, flags=re.I)
    t = _SEEN.sub("", t)
    t = _NOT_OBSERVED.sub("no ", t)
    t = _OBSERVER.sub("", t)
    t = _OUR_ASIDE.sub("", t)
    return _finish(t)


def finding(text: str) -> str | None:
    """A clinician's exam or result sentence → note words ("I do hear a 2/6 murmur" → "A 2/6 murmur.",
    "I don't see any fracture" → "No fracture.")."""
    return _salvage(text, _finding_words)


# a finite verb, roughly: what a clause needs to state something ("His whole life, his bloodwork." does not)
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|am|has|have|had|does|do|did|can|could|cannot|will|would|should|may|might|"
    r"must|gets?|got|feels?|felt|takes?|took|hurts?|goes|went|comes?|came|seems?|says?|said|needs?|wants?|"
    r"makes?|made|keeps?|kept|helps?|works?|uses?|notices?|tries|sees?|saw|thinks?|thought|knows?|knew|lives?|"
    r"sleeps?|slept|eats?|ate|drinks?|drank|smokes?|walks?|runs?|ran|wakes?|woke|gives?|gave|starts?|stops?|"
    r"lasts?|happens?|continues?|remains?|describes?|denies|reports?|experiences?|wears?|wore|plays?|falls?|"
    r"fell|broke|occurs?)\b|\b\w{2,}(?:ed|ing)\b|n't\b|'(?:s|re|ve|ll|d|m)\b",
    re.I,
)
# French telegraphic history ("Depuis trois jours, douleur abdominale.") states without a verb
_FRENCH = re.compile(r"\b(?:le|la|les|des|du|une|est|et|pas|depuis|au|aux|avec|sans|très)\b", re.I)


def _stated(text: str) -> str | None:
    t = _finish(_LEAD.sub("", text.strip()))
    return t if t and (_VERB.search(t) or _FRENCH.search(t)) else None


def statement(text: str) -> str | None:
    """A patient statement already turned to third person → note words, or None when it stays speech or
    states nothing (a fragment without a verb: "His whole life, his bloodwork.", "Probably two days ago.",
    an answer whose question the note does not carry)."""
    return _salvage(text, _stated)


# a statement that opens on what was said before it: "that's newer, maybe two months", "it's not painful, it just
# buzzes", "ça ne suffit plus"
_ANAPHOR = re.compile(
    r"^\W*(?:(?:and|but|so|well|oh|yeah|yes|no|um|uh|actually|et|mais|alors|oui|non|enfin|euh|bon)\W+)*"
    r"(?:it|it's|that|that's|those|these|this|they|they're|ça|cela|c'est|c'était|ce)\b",
    re.I,
)


# … or whose object is a pronoun ("the doctor at the er gave it to me", "i can't sleep without it", "dr. simmons had me
# on it"), or that answers a question the note does not carry ("most days, i would say", "en fait, tous les jours")
_PRONOUN_OBJECT = re.compile(
    r"\b(?:gave|give|gives|took|take|takes|taking|taken|without|stopped|started|used|using|tried|(?:put|had) \w+ on)"
    r"\s+(?:it|that|them|those|this one)\b(?!\s*(?:pain|cough|rash|med\w*|pills?|tablets?))|"
    r"\b(?:i|he|she) (?:stopped|quit)(?= (?:after|because|when)\b)",
    re.I,
)
_BARE_REPLY = re.compile(
    r"^\W*(?:(?:oui|non|yes|no|yeah|en fait|enfin|actually|well|bon|euh|um|uh|oh|ah)\W+)*(?:most|only|just|maybe|"
    r"about|almost|every|twice|once|all the time|tous les|toutes les|presque|juste|seulement|depuis\W+plus rien)\b",
    re.I,
)


def anchorless(text: str) -> bool:
    """The patient's sentence leans on something said before (_ANAPHOR, _PRONOUN_OBJECT, _BARE_REPLY) and names no
    finding, condition or body part of its own: copied into the note, nobody could tell what it is about."""
    if not (_ANAPHOR.search(text) or _PRONOUN_OBJECT.search(text) or _BARE_REPLY.search(text)):
        return False
    from scribe.notes import lexicon

    named = any(lexicon.find_concepts(kind, text) for kind in ("symptom", "condition"))
    return not named and not re.search(rf"\b(?:{lexicon.BODY_PARTS})\b", text, re.I)
