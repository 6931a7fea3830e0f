"""The setting and the kind a question puts its value in, which the answer must share: a value "before he started
atorvastatin" is not one said "on the atorvastatin"; a "carotid ultrasound" is not the heart's; a saturation
"overnight" is not the clinic's; the age the mother died at is not the father's, said in the same breath. A wrong
"answered" is worse than a miss (docs/assistant.md)."""

from __future__ import annotations

import re

from scribe.notes.answers_whose import RELATIVES, about_family, relative_asked
from scribe.notes.number_words import numbers_to_digits
from scribe.notes.problems import sides

_BEFORE_DRUG = re.compile(
    r"\bbefore (?:he|she|you|they) (?:started|began|went on)\s+(?:the |his |her |your )?([a-zà-ÿ-]{4,})|"
    r"\bavant (?:de commencer|d'être sous|le|la|l')\s*(?:le |la |l')?([a-zà-ÿ-]{4,})",
    re.I,
)
_SITES = (
    r"carotid\w*|heart|cardiac|kidneys?|renal|abdominal|pelvic|thyroid|breasts?|legs?|venous|chest|head|brain|knees?|"
    r"hips?|shoulders?|spine|lumbar|neck|liver|bladder|prostate|transvaginal"
)
_IMAGING = r"ultrasound|x-?ray|ct|cat scan|mri|scan|doppler|echo\w*|échographie|écho|radio\w*|scanner|irm"
_ANY_IMAGING = re.compile(rf"\b(?:{_IMAGING}|imag\w+|tomodensitom\w+)\b", re.I)
# an imaging test said, or its result ("so there is no fractures no bony abnormalities")
_IMAGED = re.compile(
    rf"{_ANY_IMAGING.pattern}|\b(?:fractur\w*|bon(?:e|y)|abnormal\w*|normal|showed|shows|revealed|found|nodules?|"
    r"mass(?:es)?|clear|negative|positive|anormale?s?|montr\w*)\b",
    re.I,
)
_SITE_IMAGING = re.compile(rf"\b({_SITES})\s+(?:{_IMAGING})\b", re.I)
_POSTURES = (r"standing|stood|debout", r"lying|supine|laying|couchée?|allongée?", r"sitting|seated|assise?")
_NUMBER_WORD = r"one|two|three|four|cent|un|deux|trois"
_POSTURE = re.compile(r"\b(?:" + "|".join(_POSTURES) + r")\b", re.I)
_AT_NIGHT = re.compile(
    r"\b(?:overnight|at night|during (?:the night|sleep)|asleep|la nuit|nocturne|pendant le sommeil)\b", re.I
)
_NIGHT_SAID = re.compile(r"\b(?:overnight|night|nights|sleep\w*|asleep|nuit|nocturne|sommeil|oxim\w+|oxym\w+)\b", re.I)


# a value asked a year back must be said with its year: "her A1c a year ago?" is not January's nor today's
_YEAR_AGO = re.compile(r"\b(?:a year ago|last year|the year before|l'an dernier|l'année dernière|il y a un an)\b", re.I)
_YEAR_SAID = re.compile(r"\b(?:years?|an|ans|année|20\d\d)\b", re.I)
_YEARS_AGO = re.compile(r"\b(\d+)\s*(?:years? ago|ans? (?:plus tôt|auparavant))|\bil y a\s*(\d+)\s*ans\b", re.I)
# a questionnaire's score is of what it screens for: a worry score does not answer "the depression questionnaire?"
_SCREENS = (r"depress\w*|dépress\w*|phq", r"anxi\w*|worr\w*|gad|inquiét\w*")
_SCORE = re.compile(r"\b(?:questionnaires?|scores?|scales?|échelles?|tests?)\b", re.I)


def setting_differs(question: str, said: str, value: str) -> bool:
    """The answer is said in another setting than the one the question asks about."""
    drug = _BEFORE_DRUG.search(question)
    if drug:
        name = (drug.group(1) or drug.group(2)).lower()
        if re.search(rf"\b(?:on|sous)\s+(?:the |his |her |your |le |la |l')?{re.escape(name)}", said, re.I):
            return True  # "your ldl was 118, on the atorvastatin twenty" is not before it
    if _ANY_IMAGING.search(question) and value.lower() in ("yes", "no", "oui", "non") and not _IMAGED.search(said):
        return True  # "has she had a thyroid uptake scan?" is not answered "yes" by her thyroid's story
    site = _SITE_IMAGING.search(question)
    if site and not re.search(rf"\b{re.escape(site.group(1).lower()[:5])}", said, re.I):
        return bool(_SITE_IMAGING.search(said))  # "a carotid ultrasound?" — "that heart ultrasound last year"
    posture = _POSTURE.search(question)
    # the asked posture with a number after it: "the blood pressure lying and standing, … sitting, 132/76" has none
    valued = [rf"\b(?:{p})\b(?:[^.;]|\.\.\.){{0,40}}?\b(?:\d|{_NUMBER_WORD})" for p in _POSTURES]
    if posture and not any(
        re.search(v, numbers_to_digits(said), re.I)
        for p, v in zip(_POSTURES, valued)
        if re.fullmatch(p, posture.group(0), re.I)
    ):
        # "her standing pressure?" — "blood pressure lying is 152/80"; a pressure named with no posture is the usual
        # sitting one, no answer to a standing or lying one
        named = re.search(r"\b(?:blood pressure|pressure|tension|bp)\b", said, re.I)  # not "… at three minutes, 118/72"
        return bool(_POSTURE.search(said)) or bool(named) and not re.fullmatch(_POSTURES[2], posture.group(0), re.I)
    if _AT_NIGHT.search(question) and not _NIGHT_SAID.search(said):
        return True  # "her saturation overnight?" is not the 95 % measured in the clinic
    if _YEAR_AGO.search(question) and not _YEAR_SAID.search(said):
        return True
    ago = _YEARS_AGO.search(numbers_to_digits(question))  # "his weight three years ago?" is not today's 68 kilos
    if ago and not re.search(rf"\b{ago.group(1) or ago.group(2)}\s*(?:years?|ans)\b", numbers_to_digits(said), re.I):
        return True
    asked, told = sides(question) - {"bilateral"}, sides(said)  # "the right leg's ultrasound?" is not the left one's
    if asked and told and not asked & told:
        return True
    if _SCORE.search(question) and any(
        re.search(rf"\b(?:{kind})", question, re.I) and not re.search(rf"\b(?:{kind})", said, re.I) for kind in _SCREENS
    ):
        return True
    if _ASKS_NEW_REGIMEN.search(question) and not _CHANGE_SAID.search(said):
        return True  # "how many times a day will he take sinemet now?" is not the "three times a day" he takes
    return _value_of_another_relative(question, said, value)


# the regimen from now on, and the words that say one is given or changed
_ASKS_NEW_REGIMEN = re.compile(
    r"\bwill (?:he|she|they|you|i) (?:be )?(?:tak\w+|us\w+)|\b(?:va-t-(?:il|elle)|allez-vous) prendre|\bprendra\b",
    re.I,
)
_CHANGE_SAID = re.compile(
    r"\b(?:will|'ll|going to|gonna|go(?:es|ing)? (?:up|down|from|to)|(?:up|down) (?:from|to)|increas\w*|rais\w*|"
    r"decreas\w*|lower\w*|"
    r"switch\w*|chang\w*|start\w*|new|now|from now on|désormais|dorénavant|passe\w*|augment\w*|diminu\w*|va|allez|"
    r"prescri\w*|take|prenez|prendre)\b",
    re.I,
)


def _value_of_another_relative(question: str, said: str, value: str) -> bool:
    """The sentence that says the value names a relative, and not the one asked about: "mon père est mort d'un
    infarctus à soixante-cinq ans. ma mère était diabétique" does not say at what age the mother died."""
    asked = relative_asked(question)
    number = re.search(r"\d+(?:[.,]\d+)?", value or "")
    if not asked or not number:
        return False
    told = said[len(value) :] if said.startswith(value) else said  # the words, not the value put before them
    for sentence in re.split(r"(?<=[.?!;])\s+", numbers_to_digits(told)):
        if re.search(rf"(?<![\d.]){re.escape(number.group(0))}(?![\d])", sentence):
            named = RELATIVES.findall(sentence)
            return bool(named) and not any(re.fullmatch(asked, n, re.I) for n in named)
    return False


# the kinds a question names, one of which the answer must name as well
_VACCINES = (
    r"pneumo\w*|prevnar|pneumovax",
    r"flu|influenza|grippe",
    r"shingl\w*|zona|zoster|shingrix",
    r"covid\w*|coronavirus",
    r"t[ée]tanos|tetanus|tdap|dtp",
    r"h[ée]patite?s? b|hepatitis b",
    r"hpv|papillomavirus|gardasil",
)
_ASKS_VACCINE = re.compile(r"\b(?:vaccin\w*|shots?|immuni[sz]\w*|jabs?)\b", re.I)
_ASKS_ORGANISM = re.compile(r"\b(?:organisms?|bacteri\w*|bug|germes?|grew|a poussé|pouss\w*)\b", re.I)
_ORGANISM_SAID = re.compile(
    r"\b(?:e\.? ?coli|klebsiella|staph\w*|strep\w*|proteus|enterococc\w*|entérocoque\w*|pseudomonas|bacteri\w*|"
    r"bactérie\w*|germes?|grew|a poussé|organisms?)\b",
    re.I,
)
_ASKS_WEIGHT = re.compile(r"\b(?:weigh\w*|poids|pès\w*|pes(?:ait|ez|aient|é|ée))\b", re.I)
_WEIGHT_SAID = re.compile(
    r"\b(?:kg|kilos?|kilogram\w*|lbs?|pounds?|livres?|weigh\w*|poids|pes\w+|scales?|balance)\b", re.I
)
_ASKS_CONTRACEPTION = re.compile(r"\b(?:birth control|contracept\w*)\b", re.I)
_CONTRACEPTION_SAID = re.compile(
    r"\b(?:birth control|contracept\w*|iud|stérilet|pilule|implant|nexplanon|mirena|depo\w*|nuvaring|"
    r"the pill\b(?!\s+(?:at|in|for)\b))",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|je|j'|moi)\b", re.I)


_ASKS_PAST_PREGNANCY = re.compile(
    r"\b(?:ever been pregnant|been pregnant before|previous pregnanc\w*|how many pregnanc\w*|déjà été enceinte|"
    r"grossesses? (?:antérieures?|précédentes?)|combien de grossesses|déjà eu une grossesse)\b",
    re.I,
)
_PREGNANCY_HAD = re.compile(
    r"\b(?:was|were|been|got) pregnant\b|\bgave birth\b|\bdelivered\b|\bmiscarri\w*|\bc-section\b|\bcesarean\b|"
    r"\b(?:ai|a|avez|avait) été enceinte\b|\baccouch\w*|\bfausses? couches?\b|\bcésarienne\b|"
    r"\b(?:eu|had) (?:\w+ )?(?:grossesses?|pregnanc\w*)\b|\bgravida\b|\bG\d",
    re.I,
)
_ASKS_A_TEST = re.compile(
    r"\b(?:pregnancy|urine|blood|strep|covid|flu) tests?\b|\btests? de (?:grossesse|dépistage)\b", re.I
)
_TEST_SAID = re.compile(r"\btest\w*|\bhcg\b|\bbeta\b|\bdipstick\b|\bbandelette\b|\bprise de sang\b|\bswab\w*", re.I)
_PREGNANCY_WISHED = re.compile(
    r"\b(?:get|getting|become|want to be|trying to get) pregnant\b|\btomber enceinte\b|\bdésir de grossesse\b", re.I
)


# the organ a measure is of: "liver enzymes", "kidney function", "the muscle enzyme", "bilan hépatique"
_ORGAN_OF = re.compile(
    r"\b(liver|hepatic|kidney|renal|muscle|thyroid|heart|cardiac|hépatique|rénale?|musculaire|thyroïdienne?|"
    r"cardiaque)\s+(?:enzymes?|function|tests?|panel|markers?)\b|\b(?:enzymes?|bilan|fonction)\s+(hépatique|rénale?|"
    r"musculaires?|thyroïdien(?:ne)?|cardiaques?|du foie|des reins)\b",
    re.I,
)
_ORGANS = {
    "hepatic": "liver",
    "hépatique": "liver",
    "du foie": "liver",
    "renal": "kidney",
    "rénal": "kidney",
    "rénale": "kidney",
    "des reins": "kidney",
    "musculaire": "muscle",
    "musculaires": "muscle",
    "cardiac": "heart",
    "cardiaque": "heart",
    "cardiaques": "heart",
    "thyroïdien": "thyroid",
    "thyroïdienne": "thyroid",
}


def _organ(m: re.Match) -> str:
    word = (m.group(1) or m.group(2)).lower()
    return _ORGANS.get(word, word)


def kind_differs(question: str, said: str, value: str) -> bool:
    """The answer is of another kind than the one asked: the flu shot for a pneumococcal vaccine, the symptoms for the
    organism a culture grew, a lab target for a weight, another drug's "pill" for birth control, a relative's
    smoking for the patient's."""
    for kind in _VACCINES if _ASKS_VACCINE.search(question) else ():
        if re.search(rf"\b(?:{kind})", question, re.I) and not re.search(rf"\b(?:{kind})", said, re.I):
            return True
    if _ASKS_ORGANISM.search(question) and not _ORGANISM_SAID.search(said):
        return True
    if _ASKS_WEIGHT.search(question) and re.search(r"\d", value) and not _WEIGHT_SAID.search(said):
        return True
    if _ASKS_CONTRACEPTION.search(question) and not _CONTRACEPTION_SAID.search(said):
        return True
    asked, told = _ORGAN_OF.search(question), _ORGAN_OF.search(said)
    if asked and told and _organ(asked) != _organ(told):
        return True  # "what were her liver enzymes?" is not "your c k, the muscle enzyme, … one hundred twenty"
    if _ASKS_PAST_PREGNANCY.search(question) and (
        _PREGNANCY_WISHED.search(said) or value.lower() != "no" and not _PREGNANCY_HAD.search(said)
    ):
        return True  # "has she ever been pregnant?" is not "i really can't get pregnant right now", nor "avoir un bébé"
    if _ASKS_A_TEST.search(question) and not _TEST_SAID.search(said):
        return True  # "has she had a pregnancy test?" is not "je ne veux pas tomber enceinte"
    # "and his father had a heart attack at sixty-eight, he smoked two packs a day" answers nothing of the patient
    if about_family(question) or re.search(r"\b(?:who|whom|qui|with whom|avec qui)\b", question, re.I):
        return False
    return bool(RELATIVES.search(value)) and not _FIRST_PERSON.search(value)
