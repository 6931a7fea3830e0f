"""Drug names recovered from speech-recognition errors, read as a clinician reads a bad transcript.

Recognisers mishear drug names far more often than other words ("lassox 80 milligrams" for Lasix,
"carvidilot 25 mg", "metform in"). A word is a candidate only where a drug is expected (before a dose,
after "take", "on", "prescribe", "start", "refill"... and their French equivalents, before a form ("gel",
"comprimé"), after another drug in a row ("le Kardégic et le Levothyrox"), or anywhere in a sentence about
medications: "your medications, your lysiopropyl and your lasex"; anywhere at all only for a near spelling
of the visit's own list, "mexamethasone" for the patient's dexamethasone), and only when it is
neither a known drug nor an ordinary English or French word (pyspellchecker's dictionaries): that is what
keeps "vacation" from becoming "cations" (in English, ordinary words that sound like a common drug
throughout, where one is all but certainly named, are the exception: scribe.notes.recovery_words, "less
six" for Lasix before its dose). Candidates are compared first with the visit's own medication
list (its EHR context), then with the drugs clinics prescribe most (scribe.notes.lexicon.drugs_common:
with no list, a garble is most likely one of those), then with the whole drug lexicon
(drug-named-entity-recognition), by string similarity (rapidfuzz) and sound (jellyfish metaphone; in a
French visit also how French spelling sounds, scribe.notes.lexicon.drugs_fr.sound_fr: "taura" is said
like Tahor, "dolly prane" like Doliprane). A strong match replaces the words and keeps the original
(`words[].original`, `segments[].corrections`); a weaker one, and any match of the whole lexicon only
(on the tune audio every one applied named a drug nobody said), is recorded, not applied, so the note can
ask the clinician to verify the drug name. A segment where a drug was read back is read once more (the
words after it may be the next drug of a row). Where no medication context exists, nothing is invented.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scribe.notes.lexicon.drugs_common import COMMON_EN, COMMON_FR
from scribe.notes.lexicon.drugs_fr import CUES, DOSE_UNITS, sound_fr
from scribe.notes.medication import FRENCH_BRANDS, drug_token
from scribe.notes.medication.names import UNLISTED_DRUGS, fold
from scribe.notes.recovery_words import (
    ELISION,
    NUMBER_WORD,
    french_spelling,
    heard_as_words,
    hyphen_split,
    letters,
    may_be_a_name,
    ordinary_word,
    rare_word,
    replace_words,
    sound_key,
    strong_slot,
    word_spans,
)
from scribe.schemas import Correction, Segment, Transcript

# the units as a recogniser spells them, too ("5 miligrams")
_UNITS = r"mg|mill?igrams?|mcg|micrograms?|units?|grams?|ml"
DOSE = rf"(?:\d+(?:[., ]\d+)?|{NUMBER_WORD}(?:[- ]{NUMBER_WORD}){{0,3}})\s*(?:{_UNITS}|{DOSE_UNITS})\b"
_DOSE_AFTER = re.compile(rf"^\W{{0,3}}{DOSE}", re.I)
_UNIT = re.compile(rf"(?:{_UNITS}|{DOSE_UNITS})$", re.I)  # "miligrams" is a dose's unit, not a drug misheard
_UNIT_AFTER = re.compile(rf"^\W{{0,3}}(?:{_UNITS}|{DOSE_UNITS})\b", re.I)
_CUES_EN = (
    r"take|takes|taking|took|on|prescribe|prescribed|prescribing|start|started|starting|"
    r"refill|refilled|dose of|dose on|extra dose of|stop|stopped|continue|continue with|increase|decrease|put you on|"
    r"keep|keep taking|stay on|switch(?:ed|ing)? (?:you |me |him |her )?to|put (?:me|him|her) on|add|added|adding|"
    r"restart|resume"
)
# An allergy names its drug as surely as a dose does: "I am allergic to pencil in" is penicillin.
_ALLERGY_CUES = r"allergic to|allergy to|allergies to|reaction to|allergique (?:à|au|aux)|allergie (?:à|au|aux)"
# French (drugs_fr.CUES): no "on", a pronoun there ("on garde l'Imovane"); an adverb may stand between ("je
# prends toujours le Xarelto", "vous prenez encore le Plavix")
_CUE_BEFORE = {
    french: re.compile(
        rf"\b(?:{cues})\s+(?:(?:toujours|encore|aussi|déjà|bien) )?"
        r"(?:your |my |the |some |a |an |his |her |le |la |les |du |de |des )?(?:l'|d'|l’|d’)?$",
        re.I,
    )
    for french, cues in ((False, f"{_CUES_EN}|{CUES}|{_ALLERGY_CUES}"), (True, f"{CUES}|{_ALLERGY_CUES}"))
}
# A form named after the word: "clindamycin gel", "Ventoline en spray", "Doliprane comprimé".
_FORM_AFTER = re.compile(
    r"^\W{0,3}(?:gel|cream|ointment|inhalers?|injections?|tablets?|capsules?|patch|patches|drops|spray|shots?|"
    r"pills?|lotion|syrup|suppositor\w*|crème|pommade|sirop|collyre|comprimés?|gélules?|sachets?|ampoules?)\b",
    re.I,
)
# Drugs named in a row: "le Kardégic et le Levothyrox", "metformin, lisinopril and Lasix".
_AND_BEFORE = re.compile(
    r"(?:,|\band|\bor|\bet|\bou)\s+(?:the |your |le |la |les |du |de |des )?(?:l'|d'|l’|d’)?$", re.I
)
# An article or a word ending in n, whose n may be the next word's first sound ("an approxon": a naproxen;
# "and alexone": a naloxone): a word starting with a vowel after one is also heard with that n.
_N_BEFORE = re.compile(r"\b(?:an|and|in|on)\s$", re.I)
# A frequency named after the word is a dose's place too: "flonace once a day", "the Keppro twice daily".
_FREQUENCY_AFTER = re.compile(
    r"^\W{0,3}(?:(?:once|twice|three times|four times) (?:a|per) (?:day|week)|(?:once|twice) (?:daily|weekly)|"
    r"every (?:morning|evening|night|other day|\w+ hours))\b",
    re.I,
)
_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
# A sentence about medications: an unknown word in it may be a misheard drug even without a cue next to it
# ("your current medications, your lysiopropyl and your lasex").
_MEDICATION_SENTENCE = re.compile(
    r"\b(?:medications?|medicines?|meds|pills?|tablets?|prescri\w*|refills?|doses?|dosage|mg|milligrams?|"
    r"takes?|taking|took|médicaments?|traitements?|comprimés?|ordonnance|gélules?|milligrammes?)\b|\d\s*mg\b",
    re.I,
)
_SENTENCE = re.compile(r"[^.?!]+[.?!]*")
# similarity (0-100) to replace the words / to ask for a check; lower for the visit's own short list
APPLY, FLAG = 80.0, 65.0
APPLY_VISIT, FLAG_VISIT = 70.0, 55.0
APPLY_COMMON, FLAG_COMMON = 78.0, 62.0  # the most prescribed drugs: a few hundred names, not 100,000
# A word that is only in a sentence about medications (no dose or cue next to it) is a weaker lead: the
# lexicon's obscure names caught garbles there ("paleo" → pazeo, "malgust" → masilukast on the bench).
WEAK = 8.0  # added to both thresholds (half for the few hundred common drugs: "lasex" is Lasix there)
# Where a drug is expected: next to a dose, a form or a cue (CUE); anywhere in a sentence about medications
# (SENTENCE); anywhere at all (VISIT), only a word that is no ordinary word and is near-spelled like a drug of
# the visit's own list ("Revothyrox" for the patient's Levothyrox, "mexamethasone" for their dexamethasone);
# anywhere in an English visit, a long word no dictionary holds (LONG), read against the common drugs only.
CUE, SENTENCE, VISIT, LONG = 0, 1, 2, 3
SENTENCE_APPLY = 90.0  # a name replaced on its sound alone, with nothing beside it saying a drug is named
# ... unless the heard word is long and near one of the few hundred common drugs: a non-word of eight letters
# or more that close to one is rarely chance, cue or none ("lysinoprol", "simbicore", "Cypherfloxacin",
# "phenolopyridine"; on 40 synthetic visits every such word at 80 or more, starting alike, was the drug said)
LONG_APPLY, LONG_WORD = 80.0, 8
# First sounds a recogniser confuses on a drug name (metaphone onsets): the lips close on m, b and p alike,
# m and n are both nasal, r and l both liquid ("menadryl" Benadryl, "mactrim" Bactrim, "rantus" Lantus)
CONFUSED_ONSETS = frozenset({frozenset("MB"), frozenset("BP"), frozenset("MN"), frozenset("RL")})
# Of near names, one that sounds exactly as heard comes first: "nalexone" is naloxone (87.5, both NLKSN),
# not naltrexone (88.9 by spelling)
SAME_SOUND = 3.0
SAID_ALIKE = 80.0  # spelling similarity of a word that sounds exactly like a common drug, to read it back
VISIT_ANYWHERE = 78.0  # "unifroied" → the visit's unithroid (78.9)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[list[str], dict[str, str]]:
    import unicodedata

    import drug_named_entity_recognition.drugs_finder as finder

    plain = {
        "".join(ch for ch in unicodedata.normalize("NFKD", k) if not unicodedata.combining(ch))
        for k in finder.drug_variant_to_canonical
    }
    plain |= set(FRENCH_BRANDS)
    # a name a misheard word is read as has the vowels of a spoken word: not "mppp", "ppar" (acronyms the
    # lexicon lists, which "son mépa", "du parra" matched on the French bench)
    spoken = (k for k in plain if sum(ch in "aeiouy" for ch in k) >= 2)
    return sorted(k for k in spoken if k.isalpha() and 4 <= len(k) <= 16), {}


@lru_cache(maxsize=2)
def common_drugs(french: bool) -> tuple[str, ...]:
    """The most prescribed drugs of the visit's language that the lexicon resolves (drugs_common)."""
    names = [*COMMON_FR, *sorted(FRENCH_BRANDS)] if french else COMMON_EN
    return tuple(n for n in names if known_drug(n))


@lru_cache(maxsize=1)
def _english_names() -> frozenset[str]:
    return frozenset(letters(n) for n in common_drugs(False))


@lru_cache(maxsize=4096)
def known_drug(word: str) -> bool:
    from drug_named_entity_recognition import find_drugs

    if fold(word) in UNLISTED_DRUGS:
        return True
    try:
        return bool(find_drugs([drug_token(word)], is_ignore_case=True))
    except Exception:
        return False


def sound_score(heard: str, name: str, french: bool = False, strict: bool = False) -> float:
    """Similarity 0-100 of what was heard (its words) and a drug name, by spelling and by sound. strict (a
    list longer than the visit's): sounding alike counts in full only with the same first letter, where a
    few hundred names hold a sound-alike of many words ("gamedino" and coumadin both sound KMTN)."""
    import jellyfish
    from rapidfuzz import fuzz

    plain, name_plain = letters(heard), letters(name)
    score = fuzz.ratio(plain, name_plain)
    sound, sound_of_name = jellyfish.metaphone(plain), jellyfish.metaphone(name_plain)
    if sound == sound_of_name and (not strict or plain[:1] == name_plain[:1]):
        score = max(score, 85.0)  # sounds the same: what a recogniser gets wrong
    else:  # how it sounds counts half: "prelose" is prilosec (sound PRLS/PRLSK), not precose (PRKS)
        score = max(score, (score + fuzz.ratio(sound, sound_of_name)) / 2)
    key, key_of_name = (sound_fr(heard), sound_fr(name)) if french else ("", "")
    if min(len(key), len(key_of_name)) >= 4:  # "a pas" and "apap" both sound "apa": too short to tell
        score = max(score, fuzz.ratio(key, key_of_name))  # metaphone hears "taura" far from Tahor, French not
    return score


# "sound": a common drug the words sound like throughout, where one is prescribed (recovery_words)
FLAGS = {"visit": FLAG_VISIT, "common": FLAG_COMMON, "sound": FLAG_COMMON, "lexicon": FLAG}
APPLIES = {"visit": APPLY_VISIT, "common": APPLY_COMMON, "sound": APPLY_COMMON, "lexicon": APPLY}


def best_match(
    heard: str, vocabulary: list[str], lexicon: bool = True, common: bool = True, french: bool = False
) -> tuple[str, float, str] | None:
    """(name, score, source) of the closest drug name: the visit's own list first, then the most prescribed
    drugs, then the lexicon. The visit's list is never passed over for a near name ("l'exion" is the
    patient's Inexium to check, not enoxin); otherwise a later list's strong match comes before an earlier
    one's weak match ("corbisone" is hydrocortisone at 70 among the common drugs, cortisone at 89 in the
    lexicon)."""
    import jellyfish
    from rapidfuzz import fuzz, process

    heard = ELISION.sub("", heard.strip()) if french else heard  # "l'exion": the article off
    plain, weak = letters(heard), None
    tiers = (
        ("visit", vocabulary),
        ("common", common_drugs(french) if common else ()),
        ("lexicon", _lexicon()[0] if lexicon else []),
    )
    for source, names in tiers:
        if not names:
            continue
        hits = process.extract(
            plain, [letters(n) for n in names], scorer=fuzz.ratio, limit=5, score_cutoff=FLAG_VISIT - 15
        )
        if source != "lexicon":  # and the names that sound most alike, which spelling alone ranks too low (not
            # in the whole lexicon: some name there sounds like any word, "gamedino" like coumadine)
            sounds = [jellyfish.metaphone(letters(n)) for n in names]
            hits += process.extract(jellyfish.metaphone(plain), sounds, scorer=fuzz.ratio, limit=5, score_cutoff=60)
            if french:
                keys = [sound_fr(n) for n in names]
                hits += process.extract(sound_fr(heard), keys, scorer=fuzz.ratio, limit=5, score_cutoff=60)
        by_ear = french and source != "lexicon"  # French sounds only against short lists: in 100,000 names
        strict = source != "visit"
        scored = sorted(
            {(sound_score(heard, names[i], by_ear, strict), names[i]) for _n, _s, i in hits},
            key=lambda hit: hit[0] + SAME_SOUND * (sound_key(heard) == sound_key(hit[1])),
            reverse=True,
        )
        if scored and scored[0][0] >= (FLAG_VISIT if source == "visit" else APPLIES[source]):
            return scored[0][1], scored[0][0], source  # near a name on the patient's own list: that, or a check
        if scored and scored[0][0] >= FLAGS[source] and weak is None:
            weak = scored[0][1], scored[0][0], source
    return weak


def _after_a_drug(text: str, words: list, i: int) -> bool:
    """Whether word i follows a known drug in a row of them ("le Kardégic et le Levothyrox")."""
    tail = _AND_BEFORE.search(text[max(0, words[i].start() - 16) : words[i].start()])
    if not tail:
        return False
    before = [w for w in words[:i] if w.end() <= words[i].start() - len(tail.group(0))]
    return bool(before) and known_drug(before[-1].group(0))


def candidate_spans(text: str, visit: bool, french: bool = False) -> dict[tuple[int, int], int]:
    """Word spans where a drug name is expected, and how strongly (CUE, SENTENCE, VISIT): before a dose or a
    form, after a medication cue or a drug in a row of them (CUE); any single word of a sentence about
    medications (SENTENCE); with a visit list, any word or two (VISIT: only a near spelling of the list's
    names, see recover_segment). Before a dose a name split in words is joined ("metform in 500 mg"), and
    up to four words around a dose or a cue, read against the visit's list and the most prescribed drugs
    only ("all the toned 12.5 mg" against the visit's aldactone, "paracer ta mort" for paracétamol)."""
    found: dict[tuple[int, int], int] = {}
    words = list(_WORD.finditer(text))
    n = len(words)
    for i, w in enumerate(words):
        after = text[w.end() : w.end() + 30]
        before_dose = bool(_DOSE_AFTER.match(after) or _FORM_AFTER.match(after) or _FREQUENCY_AFTER.match(after))
        cue = _CUE_BEFORE[french].search(text[max(0, w.start() - 40) : w.start()])
        after_cue = bool(cue) or _after_a_drug(text, words, i)
        if not (before_dose or after_cue):
            continue
        spans = [(i, i)]
        if i > 0 and before_dose and not ordinary_word(words[i - 1].group(0)):
            spans.append((i - 1, i))
        if before_dose:
            spans += [(j, last) for last in (i - 1, i) for j in range(max(0, last - 3), last + 1)]
        if after_cue:
            spans += [(i, last) for last in range(i + 1, min(n, i + 4))]
        for j, last in spans:
            if 0 <= j <= last:
                found.setdefault((words[j].start(), words[last].end()), CUE)
        if before_dose and w.group(0).lower() in ("into", "onto") and i > 0:  # "metaphor into 1000": "in to"
            for j in range(max(0, i - 3), i):
                found.setdefault((words[j].start(), w.start() + 2), CUE)
    for span in hyphen_split(text, common_drugs(french)):  # "synth-roids": the recogniser's split of a known name
        found.setdefault(span, CUE)
    if not french:  # an English generic in its French spelling ("amoxicilline"): the English name, anywhere
        found.update(dict.fromkeys(french_spelling(text, common_drugs(False)), CUE))
    for sentence in _SENTENCE.finditer(text):
        if _MEDICATION_SENTENCE.search(sentence.group(0)):
            for w in words:
                if sentence.start() <= w.start() < sentence.end():
                    found.setdefault((w.start(), w.end()), SENTENCE)
    if not french:
        for w in words:
            if len(w.group(0)) >= LONG_WORD:
                found.setdefault((w.start(), w.end()), LONG)
    if visit:
        for i, w in enumerate(words):
            found.setdefault((w.start(), w.end()), VISIT)
            for last in range(i + 1, min(n, i + 3)):  # "meyametha-sone", "Benzoyl's peroxide"
                if any(
                    text[words[k - 1].end() : words[k].start()] not in ("-", " ", "'", "’")
                    for k in range(i + 1, last + 1)
                ):
                    break
                found.setdefault((w.start(), words[last].end()), VISIT)
    return {span: kind for span, kind in found.items() if may_be_a_name(text, *span) and not _UNIT.match(text, *span)}


def _threshold(source: str, kind: int, flag: bool = False, french: bool = False) -> float:
    """The score a match needs to be applied (or, flag=True, recorded for the clinician to verify). The whole
    lexicon only asks for a check: in English most of its names are obscure, in French they are matched by
    English sound rules ("l'exion", said Inexium, sounds like enoxin to metaphone)."""
    if kind == VISIT:
        return VISIT_ANYWHERE if source == "visit" else 101.0
    if kind == LONG:  # nothing says a drug is named: a near common drug replaced, nothing else even flagged
        return LONG_APPLY if source == "common" else 101.0
    if source == "lexicon" and not flag:  # most of its 100,000 names are obscure: "men's" read as menest,
        return 101.0  # "nori" as norit, "profan" as perfan (ibuprofen) on the bench; the short lists apply
    if kind == SENTENCE and not flag:  # no dose or cue beside it: "I'm going to Prisk" is no Prozac
        return max(SENTENCE_APPLY, APPLIES[source] + WEAK)
    return (FLAGS if flag else APPLIES)[source] + (WEAK / 2 if source == "common" else WEAK) * (kind == SENTENCE)


def _onset(word: str) -> str:
    """The first consonant sound of a word (metaphone, leading vowels dropped: "FX or" starts as Effexor)."""
    import jellyfish

    return jellyfish.metaphone(letters(word)).lstrip("AEIOU")[:1]


def _onsets_alike(heard: str, name: str) -> bool:
    """Whether the heard word starts with the name's first consonant sound or one a recogniser confuses it with."""
    a, b = _onset(heard), _onset(name)
    return a == b or frozenset((a, b)) in CONFUSED_ONSETS


def _said_alike(heard: str, name: str) -> bool:
    """Whether a word sounds exactly like a common drug and is spelled nearly like it ("matrin" Motrin, "flonace"
    Flonase, "Adville" Advil): read back in a sentence about medications with no dose or cue beside it. Sound
    alone is not enough there ("prisk-ribed" sounds like Prozac, "post-partum" like Pyridium)."""
    from rapidfuzz import fuzz

    return sound_key(heard) == sound_key(name) and fuzz.ratio(letters(heard), letters(name)) >= SAID_ALIKE


def _split_by_pause(text: str, end: int) -> bool:
    """Whether words joined across a comma may be one name the speaker paused in: only right before its dose
    ("Listen, Opril, 20 milligrams" is lisinopril; a recogniser writes a pause inside a long name as a comma)."""
    return bool(_DOSE_AFTER.match(text[end:]))


def warm() -> None:
    """Import the scorers now: a server warms up before its first visit, which then loads nothing."""
    import jellyfish  # noqa: F401
    from rapidfuzz import fuzz  # noqa: F401


def recover_segment(seg: Segment, vocabulary: list[str], french: bool = False) -> Segment:
    """The segment with strong drug-name corrections applied and weak ones recorded (french: a French visit,
    whose words are also compared by how French spelling sounds)."""
    text, corrections, shift = seg.text, [], 0
    taken = [(c.start, c.end) for c in seg.corrections]  # read once (final pass), not again by the note
    found, sounded = [], {}  # sounded: a word heard with the n of the article before it
    for (start, end), kind in candidate_spans(seg.text, bool(vocabulary), french).items():
        heard = seg.text[start:end]
        joined = re.sub(r"[\s-]", "", heard)
        parts = re.sub(r"[-,]", " ", heard).split()
        numbers = [  # a lone "a" inside a name is a syllable of it ("sum a tripton"), not "a" tablet
            bool(re.fullmatch(NUMBER_WORD, ELISION.sub("", p), re.I)) and not (0 < i < len(parts) - 1 and p == "a")
            for i, p in enumerate(parts)
        ]
        last_sounds_like_a_number = (
            kind == CUE and not french and len(parts) > 1 and not _UNIT_AFTER.match(seg.text[end:])
        )
        if len(joined) < 4 or any(numbers[:-1]) or (numbers[-1] and not last_sounds_like_a_number):
            continue  # a number word belongs to the dose, unless none follows: "less six, 20 milligrams" (Lasix)
        if len(parts) > 1 and re.search(r"[^\w\s'’,-]|\d", heard):
            continue  # a name split by the recogniser has no full stop or digit inside, and a comma only at a pause
        if ", " in heard and not _split_by_pause(seg.text, end):
            continue
        if len(parts) > 1 and any(known_drug(ELISION.sub("", p)) for p in parts):
            continue  # "lisinopril ten": the drug is already there
        if any(known_drug(" ".join(parts[:i])) for i in range(2, len(parts))):
            continue  # "vitamin d, six hundred milligrams": so is a name of two words
        if (nxt := _NEXT_WORD.match(seg.text, end)) and known_drug(f"{joined} {nxt.group(1)}"):
            continue  # "taking vitamin d3": the name goes on in the next word
        if len(parts) > 1 and known_drug(joined) and kind != VISIT:
            found.append((100.0, start, end, (joined.lower(), 100.0, "common"), kind))  # spelled out exactly
            continue
        if not french and letters(heard)[:-1] in _english_names():
            found.append((100.0, start, end, (letters(heard)[:-1], 100.0, "common"), kind))
            continue
        if known_drug(ELISION.sub("", joined)):
            continue
        if (
            kind == CUE
            and not french
            and (len(parts) > 1 or ordinary_word(heard))
            and strong_slot(seg.text, start, end)
            and not (vocabulary and best_match(heard, vocabulary, False, False))  # the patient's own drug first
        ):
            heard_as = heard_as_words(heard, common_drugs(False))  # "less six" (Lasix) before its dose: recovery_words
            if heard_as is not None:
                score = max(sound_score(heard, heard_as[0], strict=True), heard_as[1])
                found.append((score, start, end, (heard_as[0], score, "sound"), kind))
                continue
        ordinary = len(parts) == 1 and ordinary_word(heard)
        if known_drug(ELISION.sub("", joined)) or (
            ordinary and (kind == VISIT or not vocabulary or not rare_word(heard))
        ):
            continue
        lexicon_ok = not ordinary and (len(parts) == 1 or (len(parts) == 2 and not ordinary_word(parts[0])))
        # words that are all ordinary ("contre la", "n'sais pas") are read against the visit's list only
        common_ok = kind != VISIT and not ordinary and not all(ordinary_word(p) for p in parts)
        match = best_match(heard, vocabulary, lexicon_ok and kind not in (VISIT, LONG), common_ok, french)
        if common_ok and not french and len(parts) == 1 and _N_BEFORE.search(seg.text[max(0, start - 5) : start]):
            with_n = best_match("n" + heard, vocabulary, False, True)  # "an approxon": a naproxen
            if with_n is not None and with_n[1] > (match[1] if match else 0) and _onsets_alike("n" + heard, with_n[0]):
                match, sounded[(start, end)] = with_n, "n" + heard
        if match is not None and (kind == CUE or match[1] >= _threshold(match[2], kind, flag=True)):
            found.append((match[1], start, end, match, kind))

    def applies(score: float, heard: str, name: str, source: str, kind: int) -> bool:
        # beyond the visit's own list, only a name that starts as the heard word does ("mederma" is not Almederm,
        # "antalgiques" not Topalgic)
        onset = source in ("visit", "sound") or _onsets_alike(heard, name)  # "sound" checked its own start
        long_word = source == "common" and kind == SENTENCE and len(letters(heard)) >= LONG_WORD and " " not in heard
        if onset and source == "common" and kind == SENTENCE and _said_alike(heard, name):
            return True  # "no M, no matrin for the knee": Motrin
        return onset and score >= (LONG_APPLY if long_word else _threshold(source, kind, french=french))

    def rank(c):  # matches strong enough to apply first, the visit's own list (what this patient takes) first
        strong = applies(c[0], sounded.get(c[1:3], seg.text[c[1] : c[2]]), c[3][0], c[3][2], c[4])
        return (not strong, c[3][2] != "visit", -c[0], c[1] - c[2])

    for _found_score, start, end, match, kind in sorted(found, key=rank):
        heard = seg.text[start:end]
        if any(start < b and a < end for a, b in taken):
            continue
        name, score, source = match
        taken.append((start, end))
        applied = applies(score, sounded.get((start, end), heard), name, source, kind)
        corrections.append((start, end, heard, name, score, applied, source))
    spans = word_spans(seg)
    out_words = [w.model_copy() for w in seg.words]
    for start, end, _heard, name, score, applied, source in sorted(corrections):
        a, b = start + shift, end + shift
        if applied:
            glued = " " if text[b : b + 1].isalnum() else ""  # "melexic M15 mg": the name ends inside "M15"
            text = text[:a] + name + glued + text[b:]
            shift += len(name) + len(glued) - (end - start)
            out_words = replace_words(out_words, spans, start, end, name)
        seg_end = a + (len(name) if applied else end - start)
        corrections_out = Correction(
            start=a,
            end=seg_end,
            original=seg.text[start:end],
            corrected=name,
            score=round(score, 1),
            applied=applied,
            source="visit" if source == "visit" else "lexicon",  # the common drugs are of the lexicon
        )
        seg = seg.model_copy(update={"corrections": [*seg.corrections, corrections_out]})
    kept = [w for w in out_words if w is not None]
    return seg.model_copy(update={"text": text, "words": kept if corrections else seg.words})


def recover_drugs(tr: Transcript, vocabulary: list[str] | None = None) -> Transcript:
    """The transcript with drug names recovered in every segment (see the module docstring). Spans already
    corrected are left alone, so a transcript recovered after ASR can go through the note engine again."""
    vocab = [v for v in (vocabulary or []) if v]
    french = (tr.language or "").startswith("fr")
    segments = []
    for seg in tr.segments:
        out = recover_segment(seg, vocab, french)
        if any(c.applied for c in out.corrections[len(seg.corrections) :]):  # a drug read back makes the next
            # a drug slot ("Cresta [Crestor] and Ole Miss Arton"): read again, the mere checks asked again
            applied = [c for c in out.corrections if c.applied]
            out = recover_segment(out.model_copy(update={"corrections": applied}), vocab, french)
        segments.append(out)
    return tr.model_copy(update={"segments": segments})
