"""Drug names the recogniser wrote as ordinary words, and the word-level helpers of drug-name recovery
(which words are ordinary, which spans may be a name, how a correction replaces words and keeps them).

A recogniser that does not know a drug writes the words it sounds like: "less six" for Lasix, "finest
right" for finasteride, "metaphor in" for metformin, "flexor" for Flexeril, "lid again" for lidocaine, or
splits the name with hyphens ("synth-roids"). Every such word is in the spelling dictionary, so the
general recovery (scribe.notes.recovery) reads ordinary words against the visit's own list only. Where a
drug is all but certain to be named (right before its dose, right after "take", "prescribe", "start you
on"...), English words are also read against the drugs clinics prescribe most, but only when they sound
like the name throughout (metaphone keys of four sounds or more, nearly the same, starting alike): a few
hundred names, compared by sound, rarely sound like a phrase that is not one of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Metaphone keys compared (0-100), and the shortest key that can tell a name from a phrase ("top or" and
# Toprol both sound TPR(L): three sounds match too many phrases).
SOUND_ALIKE = 85.0
SHORTEST_KEY = 4
SPELLED_ALIKE = 60.0  # the letters too must be near: a sound key drops vowels, "lid again" is "lidocaine"
HYPHENATED = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")
NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|half|a|un|une|deux|trois|quatre|cinq|six|sept|huit|"
    r"neuf|dix|quinze|vingt|trente|quarante|cinquante|cent|mille)"
)
# Where ordinary words are read as a drug at all: right before its dose (one small word may stand between:
# "met for mint a 500 milligrams", "metaphor in|to 1000"), or right after a verb of prescribing or taking,
# "on" after a person ("he's on", "start you on some"), or a dose and "of" ("half a cc of"). A bare "on"
# is not enough: "what's going on, so I lift weights" is no Zoloft.
_UNIT = r"(?:mg|milligrams?|mcg|micrograms?|units?|grams?|ml|milliliters?|cc)\b"
_AMOUNT = rf"(?:\d+(?:[.,]\d+)?|{NUMBER_WORD}(?:[- ]{NUMBER_WORD}){{0,3}})\s*{_UNIT}"
_DOSE_NEXT = re.compile(rf"^\W{{0,3}}(?:(?:a|of|at|to|and)\s+)?{_AMOUNT}", re.I)
# A verb of starting or changing names a drug only with its preposition ("start you on", "continue with"): bare,
# it is as often the patient's story ("getting started so far on the journey" is no Zofran, "when I started
# meant in my attic" no memantine, unseen consultations)
_TAKEN_BEFORE = re.compile(
    r"(?:\b(?:take|takes|taking|took)(?:\s+(?:you|him|her|them|me))?(?:\s+(?:on|of|with))?|"
    r"\b(?:prescrib\w*|start\w*|continu\w*|increas\w*|decreas\w*|refill\w*|stop\w*|order|put|dose)"
    r"(?:\s+(?:you|him|her|them|me))?\s+(?:on|of|with)|"
    r"\b(?:you|i'm|i am|he's|she's|he is|she is|you're|we're|they're|was|were|been|be|are|is|still)\s+on|"
    r"\ballerg(?:ic|y|ies)\s+to|\breaction\s+to|"
    rf"\b{_AMOUNT}\s+(?:of|on))\s+(?:(?:your|my|the|some|a|an|his|her|this|that)\s+)?$",
    re.I,
)


def strong_slot(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands where a drug is all but certain to be named (see _TAKEN_BEFORE)."""
    return bool(_DOSE_NEXT.match(text[end : end + 40]) or _TAKEN_BEFORE.search(text[max(0, start - 50) : start]))


ELISION = re.compile(r"^(?:qu|[cdjlmnst])['’]", re.I)  # "l'exion", "qu'un": the article or pronoun is not the name
# An ordinary word this rare (pyspellchecker's English counts) may still be a misheard name of the visit's
# list ("aloft" 938 for zoloft, "tarot" 1,189 for Tahor; "product" 22,703, "caught" 194,083 are not).
RARE_WORD = 2000


@lru_cache(maxsize=1)
def _dictionaries():
    from spellchecker import SpellChecker

    return SpellChecker(language="en"), SpellChecker(language="fr")


# Words of medication talk no spelling dictionary holds; they are never a misheard drug name.
_MEDICATION_WORDS = frozenset(
    "meds med nsaid nsaids nonsteroidal nonsteroidals antiinflammatories anti-inflammatories antibiotics "
    "antihistamines steroids opioids opiates statins diuretics inhalers benzos multivitamin multivitamins "
    "supplements probiotics otc prn bid tid qid qd hs po iv im sq subq mg mcg ml heent cbc bmp cmp "
    "anti-inflammatoires antibiotiques corticoïdes ains statin statine statines bêtabloquant bêtabloquants "
    # inhaler devices and supplements: "the trelegy, the ellipta", "la canneberge" (cranberry)
    "ellipta respimat diskus turbuhaler handihaler canneberge cranberry proanthocyanidines".split()
)


def ordinary_word(word: str) -> bool:
    """In the English or French spelling dictionary (pyspellchecker), or a word of medication talk."""
    en, fr = _dictionaries()
    w = ELISION.sub("", word.lower())
    return w in en or w in fr or w in _MEDICATION_WORDS


def rare_word(word: str) -> bool:
    """An ordinary word so rare (RARE_WORD) that it may still be a misheard name of the visit's list."""
    en, fr = _dictionaries()
    w = word.lower()
    return en[w] < RARE_WORD and fr[w] < RARE_WORD // 4


_ELIDED_END = re.compile(r"(?:^|\W)(?:qu|[cdjlmnst])['’]$", re.I)
_CONTRACTION_AFTER = re.compile(r"['’]t\b", re.I)  # "didn't", "couldn't"
_CONTRACTION_TAIL = re.compile(r"(?:ll|ve|re|d|s|m|t)\b", re.I)  # "I'll put on"; French "l'Inexium" is no tail
# Words a name split by the recogniser does not start with: "la moccicilline" is amoxicilline, not "la…"
_ARTICLES = frozenset("le la les l du de des d un une au aux the a an your my his her".split())
_NOT_A_NAME_START = _ARTICLES | {
    "et",
    "ou",
    "and",
    "or",
    "of",
    "pas",
    "ne",
    "not",
    "no",
}  # "pas la statine"  # a garble may end in "or": "FX or" (Effexor)


# The verbs of medication talk, heard right: "I'm going to prescribe 500 milligrams" was read as Proscar.
_MEDICATION_VERBS = re.compile(
    r"(?:prescri(?:be|bed|bes|bing|ption|ptions|s|t|re|vons)|refill(?:ed|s)?|increas(?:e|ed|ing)|decreas(?:e|ed|ing)|"
    r"continu(?:e|ed|ing)|start(?:ed|ing|s)?|tak(?:e|es|ing)|took|switch(?:ed|ing)?|"
    r"prend(?:s|re)?|prenez|augment(?:e|er|ons|ez)|diminu(?:e|er|ons|ez)|renouvel\w*)",
    re.I,
)


def may_be_a_name(text: str, a: int, b: int) -> bool:
    """Not words that start or end with an article ("la moccicilline", "dolly prane le"), nor that end on the
    next word's elided article ("paix d'effort"), nor the halves of an English contraction ("didn't" read as
    "didn", "I'll put on" as "ll put on": diodone and Lipitor to verify in every note), nor a verb of
    medication talk said alone."""
    words = text[a:b].lower().split()
    if len(words) == 1 and _MEDICATION_VERBS.fullmatch(words[0].strip(",.?!")):
        return False
    if len(words) > 1 and (words[0] in _NOT_A_NAME_START or words[-1] in _ARTICLES):
        return False
    after_apostrophe = text[a - 1 : a] in ("'", "’")
    if _CONTRACTION_AFTER.match(text[b : b + 3]) or (after_apostrophe and _CONTRACTION_TAIL.match(text, a)):
        return False
    return not _ELIDED_END.search(text[max(0, b - 3) : b + 1])


def letters(name: str) -> str:
    """How a name is compared: lower case, letters and digits only ("Benzoyl's peroxide", "benzoyl peroxide")."""
    return re.sub(r"[\W_]", "", name.lower())


@lru_cache(maxsize=4096)
def sound_key(text: str) -> str:
    import jellyfish

    return jellyfish.metaphone(letters(text))


def _starts_alike(heard: str, name: str) -> bool:
    """Same first letter, or the same first consonant sound ("finest right", finasteride)."""
    a, b = sound_key(heard).lstrip("AEIOU"), sound_key(name).lstrip("AEIOU")
    return letters(heard)[:1] == letters(name)[:1] or (a[:1] == b[:1] and bool(a))


# Words that say which kind of pill or tablet is meant, before "pill" or "tablet": never a misheard drug name.
_SAYS_WHICH_PILL = frozenset(
    "combined combination contraceptive birth control sleeping water blood pressure thyroid pain hormone mini "
    "morning after iron vitamin".split()
)


def heard_as_words(heard: str, names: tuple[str, ...]) -> tuple[str, float] | None:
    """(name, similarity) of the drug of `names` that the words `heard` most likely were, or None: the whole
    phrase sounds like the name (metaphone keys of SHORTEST_KEY sounds or more, SOUND_ALIKE near, letters not
    far, starting alike), or its last words sound exactly like the name's end and its first words start
    the name ("i'm your profane", "i'm you pro fan": ibu-profen, whose first syllable the recogniser heard
    as small words)."""
    from rapidfuzz import fuzz, process

    key = sound_key(heard)
    words = re.split(r"[\s-]+", heard.strip())
    if all(w.lower() in _SAYS_WHICH_PILL for w in words):  # "you're on the combined pill": no Combivent
        return None
    if len(key) < SHORTEST_KEY or any(len(w) < 2 for w in words):  # "M-R-S-Pine": spelled letters
        return None
    keys = [sound_key(n) for n in names]
    for _key, similarity, i in process.extract(key, keys, scorer=fuzz.ratio, limit=3, score_cutoff=SOUND_ALIKE):
        name = names[i]
        if (
            len(keys[i]) >= SHORTEST_KEY
            and _starts_alike(heard, name)
            and fuzz.ratio(letters(heard), letters(name)) >= SPELLED_ALIKE
        ):
            return name, similarity
    for k in range(1, len(words)):
        tail = sound_key(" ".join(words[k:]))
        if len(tail) < SHORTEST_KEY or len(letters("".join(words[:k]))) > 6:
            continue
        for name, name_key in zip(names, keys, strict=True):
            if name_key.endswith(tail) and len(name_key) - len(tail) <= 2 and letters(heard)[:1] == name[:1].lower():
                return name, SOUND_ALIKE
    return None


def hyphen_split(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of words joined by hyphens that, joined, are a name of `names` (a plural s aside): "synth-roids"
    is how the recogniser spelled Synthroid. The joined word is the drug's exact name, so no context is
    needed."""
    plain = {letters(n) for n in names}
    out = []
    for m in HYPHENATED.finditer(text):
        joined = letters(m.group(0))
        if joined in plain or (joined.endswith("s") and joined[:-1] in plain):
            out.append(m.span())
    return out


def french_spelling(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of English generic names of `names` written as French spells them, a final e added
    ("amoxicilline", "metformine"): in an English visit the recogniser's French spelling, read as the
    English name (the note is English; a label search for "amoxicillin" finds it)."""
    plain = {letters(n) for n in names}
    return [m.span() for m in re.finditer(r"[A-Za-z]{6,}e\b", text) if letters(m.group(0))[:-1] in plain]


def word_spans(seg) -> list[tuple[int, int]]:
    """Where each word of the segment is in its text (character offsets; (-1, -1) for one not found)."""
    spans, at = [], 0
    for w in seg.words:
        i = seg.text.find(w.word.strip(), at) if w.word.strip() else -1
        spans.append((i, i + len(w.word.strip())) if i >= 0 else (-1, -1))
        at = i + len(w.word.strip()) if i >= 0 else at
    return spans


def replace_words(words: list, spans: list[tuple[int, int]], start: int, end: int, name: str) -> list:
    """The words with those in text[start:end] made one word, the name, that keeps what they were (original)."""
    inside = [k for k, (a, b) in enumerate(spans) if a >= 0 and a < end and start < b and words[k] is not None]
    if not inside:
        return words
    first, last = words[inside[0]], words[inside[-1]]
    heard = " ".join(words[k].word.strip() for k in inside)
    lead = " " if first.word.startswith(" ") else ""
    rest = last.word.strip()[end - spans[inside[-1]][0] :]  # what follows the name in its last word: "15" of "M15"
    word = lead + name + (" " if rest[:1].isalnum() else "") + rest  # as the text: "meloxicam 15", "lasix."
    words[inside[0]] = first.model_copy(update={"word": word, "original": lead + heard, "end": last.end})
    for k in inside[1:]:
        words[k] = None  # the name took its place
    return words
