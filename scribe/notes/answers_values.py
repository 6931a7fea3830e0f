"""What the value a question asks for looks like in the transcript (numbers already as digits): a dose, a
frequency ("twice a week", but also "only when it's hot", "hardly ever"), a duration ("2 bonnes heures",
"45 minutes"), a date or interval ("september 9th, 2019", "1/22/2013", "it's been a few months"), a
measured value or a distance, a self-rated score, a count of the thing the question names ("how many
children?" → "deux enfants"), and what is not the value although it looks like one (a goal, an age, a
weight to lose). Apart from answers.py, which reads the question, so that each stays readable.
"""

from __future__ import annotations

import re

from scribe.notes.number_words import spoken_numbers

NUMBER_WORDS = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a )?couple(?: of)?|a few|few|"
    r"several|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques)"
)
_RANGE = rf"{NUMBER_WORDS}(?:\s*(?:-|to|or|à|ou|et)\s*{NUMBER_WORDS})?"
_WEEKDAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
# "may" and "march" are verbs too: a month only with a day or a year, or after "in"
_MONTHS = (
    r"january|february|april|june|july|august|september|october|november|december|janvier|février|avril|juin|"
    r"juillet|août|septembre|octobre|novembre|décembre"
)
# a day as a recogniser writes it: "twelfth", "twenty-third"
_ORDINAL = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-\w+|thirtieth|thirty-first"
)
_DATE = (
    rf"\b(?:{_MONTHS}|mars|march|may|mai)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th|er)?|{_ORDINAL})(?:\s*,?\s*\d{{4}})?\b|"
    rf"\b(?:le\s+)?(?:premier|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt(?:-\w+)?|"
    rf"trente(?:-\w+)?)\s+(?:{_MONTHS}|mars|mai)\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+)?(?:{_MONTHS}|mars|march|may|mai)(?:\s*,?\s*\d{{4}})?\b|"
    rf"\b(?:{_MONTHS})(?:\s*,?\s*\d{{4}})?\b|\b(?:in|en) (?:march|may|mars|mai)\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|"
    r"\b(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])[- ](?:19|20)-?\d\d\b|"  # "10-10 20-20", a date said
    r"(?<![\d,.$])(?:19[5-9]\d|20[0-4]\d)(?![\d,]|\s*(?:units?|mg|milligrams?|s\b))|"
    r"\bthe \d{1,2}(?:st|nd|rd|th)\b|\ble \d{1,2}(?:er)?\b(?= (?:du mois|prochain))"
)
_SEASONS = r"spring|summer|fall|autumn|winter|weekend"
_HOUR_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|une|deux|trois|quatre|cinq|sept|huit|neuf|onze"
)
_DURATION_UNITS = (
    r"days?|weeks?|months?|years?|hours?|minutes?|mins?|jours?|semaines?|mois|ans?|années?|heures?|minutes?"
)

VALUE_RX: dict[str, re.Pattern] = {
    "severity": re.compile(
        r"(?<![\w.])(?:\d+(?:[.,]\d+)?|two|three|four|five|six|seven|eight|nine|ten)(?:\s*(?:-|to|à)\s*\d+)?"
        r"(?:\s*(?:/|out of|sur)\s*10)?(?![\w])",
        re.I,
    ),
    "duration": re.compile(
        r"(?<!times )(?<!once )(?<!twice )(?<!fois )(?<!every )(?<!tous les )"  # how often, not how long
        r"(?<!à )(?<!vers )(?<!at )(?<!around )"  # a time of day: "je me réveille à quatre heures"
        rf"\b(?:for |about |since |depuis |il y a |ça fait )?{_RANGE}\s+(?:good |full |long |bonnes? |longues? |"
        rf"petites? )?(?:{_DURATION_UNITS})\b(?!\s+ago\b)(?![- ]old\b)|"
        r"\b(?:over|for|in|during) the (?:past|last) (?:few |couple (?:of )?)?(?:days?|weeks?|months?|years?)\b|"
        rf"\b(?:since |depuis )?(?:{_WEEKDAYS})(?: (?:soir|matin|dernier|night|morning|evening))?\b|"
        r"\bsince (?:\w+day|last \w+|yesterday|\w+)\b|\b(?:yesterday|last night|this morning|hier(?: soir| matin)?|"
        r"cette nuit|ce matin|avant-hier)\b|\b(?:depuis|pendant|for) (?:des|plusieurs|quelques|years|months|weeks)"
        r"(?: (?:ann[ée]es|ans|mois|semaines|jours))?\b|\bdepuis (?:hier|ce matin|"
        r"(?!(?:quand|combien|que|qu|j|je|il|elle|le|la|les|un|une|ce|ça|mon|ma|son|sa)\b)\w+)\b",
        re.I,
    ),
    "dose": re.compile(
        r"\b\d+(?:[.,]\d+)?\s*(?:mg|milligrams?|milligrammes?|mcg|micrograms?|microgrammes?|grams?|grammes?|g|"
        r"units?|unités?|ml|millilitres?|milliliters?|cc|iu)\b",
        re.I,
    ),
    "frequency": re.compile(
        r"\b(?:(?:less|more) than )?(?:once|twice|three times|four times|(?:\d+ (?:or|to|-) )?\d+ times?|one time|"
        r"two times)\s+"
        r"(?:a|an|per|every|each)\s+"
        r"(?:hour|day|week|month|year|night)\b|\bevery\s+(?:hour|day|week|month|other \w+|\d+ \w+|morning|night|"
        r"evening|\w+day)\b|\b(?:hourly|toutes les heures|(?:une|deux|trois|\d+) fois par heure)\b|"
        r"\b(?:daily|weekly|monthly|nightly|biweekly|everyday)\b|\b(?:\d+|une|deux|trois) fois par "
        r"(?:jour|semaine|mois|an)\b|\btous les (?:jours|soirs|matins|mois|ans|\d+ \w+)\b|"
        r"\bchaque (?:jour|semaine|mois|soir|matin)\b|\b(?:a|per) (?:day|week)\b|\bpar (?:jour|semaine)\b|"
        # how often said without a number: "only when it's hot", "as needed", "hardly ever"
        r"\b(?:only|just|seulement|uniquement) (?:when|if|quand|si|lorsqu\w*)\b[^.?!;]{3,60}|"
        r"\b(?:whenever|when (?:it|they|i|she|he) (?:gets?|feels?|flares?)|quand (?:ça|il|elle|je) \w+)\b"
        r"[^.?!;,]{3,40}|"
        r"\b(?:as needed|when needed|au besoin|si besoin|hardly ever|rarely|seldom|occasionally|once in a while|"
        r"rarement|de temps en temps|de temps à autre)\b",
        re.I,
    ),
    "when": re.compile(
        rf"\b{_RANGE}\s+(?:days?|weeks?|months?|years?|hours?|minutes?)\s+ago\b|\blast\s+(?:week|month|year|night|"
        rf"{_SEASONS}|{_WEEKDAYS}|{_MONTHS}|march|may)\b|"
        r"\byesterday\b|\b(?:this|next|last) (?:morning|week|month|year|past \w+|"
        rf"{_SEASONS})\b|\b(?:on |this |ce )?(?:{_WEEKDAYS})\b|\bhier(?: soir| matin)?\b|{_DATE}|"
        rf"\b(?:it's been|it has been|been|ça fait|cela fait)\s+(?:\w+\s+){{0,2}}?{_RANGE}\s+(?:days?|weeks?|"
        r"months?|years?|jours|semaines|mois|ans)\b|"
        rf"\bil y a {_RANGE} (?:jours?|semaines?|mois|ans?|années?|heures?)\b|"
        r"\bl'(?:année|an) derni(?:er|ère)\b|\bla semaine dernière\b|\ble mois dernier\b|"
        r"\b(?:cet|cette|l'|en) (?:été|hiver|automne|printemps)\b|\bau printemps\b|"
        # a time of day: "vers quatre heures du matin", "at four in the morning", "5 pm"
        rf"\b(?:vers |à |around |at |about )?(?:\d{{1,2}}|{_HOUR_WORDS}) ?(?:heures?|h)(?: et demie| \d{{2}})?"
        r"(?: du matin| du soir| de l'après-midi)?\b|"
        rf"\b(?:around |at |about )(?:\d{{1,2}}|{_HOUR_WORDS})(?::\d{{2}})? ?(?:am|pm|in the (?:morning|evening))\b",
        re.I,
    ),
    # "right" alone is mostly "all right": only with what it qualifies ("my right one" in a reply)
    "side": re.compile(
        r"\b(?:left|gauche|droite?|both sides|bilat[ée]ra\w*|des deux côtés)\b|"
        r"\bright(?=[- ](?:one|side|sided|knee|arm|leg|hand|foot|shoulder|hip|eye|ear|breast|kidney|ankle|wrist|"
        r"elbow|flank|lower|upper)\b)",
        re.I,
    ),
    "value": re.compile(
        r"(?<![\w.])(?:\d+(?:[.,]\d+)?|(?<=\s)\.\d+)(?:\s*(?:/|over|sur|out of)\s*\d+)?"
        r"(?:\s*(?:-|to)\s*\d+(?=\s*(?:miles|km)))?"
        r"(?:\s*(?:%|percent|pour ?cent|mg/dl|mmol|kg|kilos?|pounds|lbs|miles?|km|kilom[eè]t\w*|mm|millim[eè]t\w*|cm|"
        r"centim[eè]t\w*))?"
        r"(?:(?<=\d)'?s)?(?![\w])",  # "the 300s": a range said by its hundreds
        re.I,
    ),
}
# when something is to happen, for a question on what is planned ("quand doit-elle revenir ?"): "in two weeks"
FUTURE_ASKED = re.compile(
    r"\b(?:come back|coming back|return|follow[- ]?up|next|should|will|supposed to|planned|scheduled|due|repeat\w*|"
    r"recheck\w*|revenir|revient|reviendra|prochaine?|doit|devra|contrôle|prévue?s?|programmée?s?)\b",
    re.I,
)
WHEN_FUTURE = re.compile(
    rf"\b(?:in|within|dans|d'ici) (?:about |around |approximately |roughly |environ |maybe )?{_RANGE} "
    r"(?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans?)\b|"
    # "you want to come back and revisit, maybe six months?"
    rf"\b(?:maybe|perhaps|about|around|peut-être|environ) {_RANGE} (?:days?|weeks?|months?|years?|jours?|semaines?|"
    r"mois|ans?)\b(?! ago)|"
    rf"{VALUE_RX['when'].pattern}",
    re.I,
)
VALUE_RX["when_future"] = WHEN_FUTURE
# how many times in a period the question names ("how many times do you get up at night?" "three or four times")
PERIOD_ASKED = re.compile(
    r"\b(?:at night|a night|per night|each night|every night|a day|per day|a week|per week|a month|per month|"
    r"la nuit|par nuit|par jour|par semaine|par mois|chaque nuit)\b|"
    # a count of past episodes, not a habit: "how many times has she vomited?", "combien de fois a-t-elle vomi ?"
    r"\bhow many times (?:has|have|had|did)\b|"
    r"\bcombien de fois (?:a-t-(?:il|elle)|avez-vous|as-tu|est-(?:il|elle)|êtes-vous|(?:il|elle) a|vous avez)\b",
    re.I,
)
VALUE_RX["times"] = re.compile(
    rf"{VALUE_RX['frequency'].pattern}|\b\d+(?:\s*(?:or|to|-|ou|à)\s*\d+)?\s*(?:times|fois)\b", re.I
)
# a reading said without its number, in reply to a question on it: "it's been pretty good", "elle est normale"
SAID_WITHOUT_NUMBER = re.compile(
    r"\b(?:it's|it is|it has|it's been|they've been|they're|been|is|are|was|were|c'est|elle est|il est|était|"
    r"a été|sont)\s+(?:(?:pretty|really|very|quite|fairly|always|mostly|très|assez|plutôt|toujours|bien)\s+)?"
    r"(?:good|normal|high|low|elevated|stable|under control|well controlled|bonne|bon|normale?|élevée?|haute?|"
    r"basse?|stable|correcte?|équilibrée?)\b",
    re.I,
)
# a question that asks how readings have been, which a reading in words answers (not "what was his ALT value?")
READINGS_ASKED = re.compile(
    r"^(?!.*\b(?:value|level|number|result|valeur|taux|niveau|chiffre|résultat)s?\b).*"
    r"\b(?:readings?|been|running|how (?:is|are|has|have)|comment (?:est|sont|va)|relevés?|chiffres)\b",
    re.I,
)
# the value today, not at the start: "how bad is the pain now?"
# a value of before ("what was her hba1c six months ago?", "son hba1c précédente ?"): said after a past marker
MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
PAST_ASKED = re.compile(
    r"\b(?:\w+ (?:months?|weeks?|years?|days?) ago|il y a \w+ (?:mois|semaines?|ans?|jours?)|previous|prior|"
    rf"last time|précédente?|la dernière fois|(?:in|en) (?:{MONTHS})|(?:at|from) (?:the|her|his|your) (?:{MONTHS}) "
    r"(?:visit|appointment))\b",
    re.I,
)
# the month a question asks the value of: "her ferritin in january?", "son poids en octobre ?", "at the march visit"
MONTH_ASKED = re.compile(
    rf"\b(?:in|en) ({MONTHS})\b|\b(?:at|from) (?:the|her|his|your) ({MONTHS}) (?:visit|appointment)\b", re.I
)
_MONTH_PAIRS = list(zip(MONTHS.split("|")[:12], MONTHS.split("|")[12:], strict=True))


def month_said(name: str) -> str:
    """The month in both languages, as a pattern: "mars" → "march|mars" (a French question on an English visit)."""
    return next(("|".join(pair) for pair in _MONTH_PAIRS if name.lower() in pair), re.escape(name))


EARLIER_SAID = (
    r"\b(?:ago|il y a|previous(?:ly)?|prior|last time|before|précédente?|avant|la dernière fois|"
    rf"(?:in|en) (?:{MONTHS}))\b"
)
PAST_SAID = re.compile(EARLIER_SAID + r"[^.]{0,50}$", re.I)
# … or right after the value, in its clause: "elle était à douze en janvier", "58 kilos en octobre"
PAST_SAID_AFTER = re.compile(r"^[^.;,]{0,30}?" + EARLIER_SAID, re.I)
# a value said as it was, not as it is: "your egfr is 39, it was 48 in march"
WAS_SAID = re.compile(r"\b(?:was|were|used to be|était|étiez|avait|aviez)\b[^.]{0,20}$", re.I)
NOW_ASKED = re.compile(
    r"\b(?:now|right now|currently|today|at the moment|these days|maintenant|actuellement|aujourd'hui|"
    r"en ce moment)\b",
    re.I,
)
# a number with its scale said by the patient is a self-rated score wherever it is said ("8-9 sur 10")
SCORE = re.compile(r"(?<![\w.])\d+(?:\s*(?:-|to|à|ou|or)\s*\d+)?\s*(?:/|sur|out of)\s*10\b", re.I)
# how often said with a number beats "hardly ever" in "hardly ever. maybe once a month"
_QUALITATIVE = re.compile(
    r"^(?:only|just|seulement|uniquement|as needed|when needed|au besoin|si besoin|hardly|"
    r"rarely|seldom|occasionally|once in a while|rarement|de temps)",
    re.I,
)

NOT_A_VALUE_BEFORE = re.compile(
    r"\b(?:under|below|less than|goal|target|aim|keep it|ideally|moins de|sous|objectif|inférieure? à)\W+(?:\w+\W+)?$|"
    # the number of a test's name: "a cd four over two hundred", "the b twelve"
    r"\b(?:cd|b|t|hba)\s?$|"
    # "your level was low, eight, when we like it above twelve": the range wanted
    r"\b(?:like|want|keep|prefer|need)\s+(?:it|them|that)\s+(?:above|over|au-dessus d[eu'])\W+(?:\w+\W+)?$|"
    # a threshold to act on: "if your heart rate at home runs above one hundred, call"
    r"\b(?:if|si)\b[^.]{0,40}\b(?:above|over|more than|greater than|higher than|au-dessus de|plus de|supérieure? à)"
    r"\W+(?:\w+\W+)?$|"
    # what was lifted or carried is no measure of the patient: "soulever un carton de carrelage, trente kilos"
    r"\b(?:lift\w*|carr(?:y|ied|ying)|soulev\w*|box(?:es)?|cartons?|sacs?|bags?)\b(?:\W+\w+){0,4}\W+$",
    re.I,
)
# a number of a time or a count ("3 or 4 weeks", "2 tablets"), not a measured value
NOT_A_VALUE_AFTER = re.compile(
    # a threshold: "if your oxygen at rest is eighty-eight percent or lower"
    r"^\s*(?:%|percent|pour ?cent)?\s*(?:or (?:lower|higher|less|more|above|below|under|over)|ou (?:moins|plus))\b|"
    r"^(?:\s*(?:or|to|-|ou|à)\s*\d+)?\s*(?:-?\s*(?:years?|year-old|days?|weeks?|months?|times?|ans?|jours?|"
    r"semaines?|mois|fois|o'clock|h|minutes?|hours?|heures?|out of|sur 10|pills?|tablets?|comprimés?|mg|puffs?|"
    r"drops?|sprays?|bouffées?|gouttes?|milligrams?|milligrammes?))(?!\w)",
    re.I,
)
# "i could stand to lose about 25 pounds": a change, not the weight (unless the question asks for the change); "j'ai
# pris la température, 37,6" takes no weight
CHANGE_BEFORE = re.compile(
    r"\b(?:lose|lost|losing|loss|gain|gained|gaining|put on|drop|dropped|perdre|perdu|perte|prendre|pris)\W+"
    r"(?!(?:la|sa|ma|votre) (?:temp[ée]rature|tension|glyc[ée]mie)\b)(?:\w+\W+){0,2}$",
    re.I,
)
CHANGE_ASKED = re.compile(r"\b(?:lose|lost|gain\w*|put on|drop\w*|perd\w*|pris|prendre)\b", re.I)

# "how many hours does he sleep?", "combien d'enfants ?": the count of the noun that follows
# ("how many tramadol tablets?" counts the tablets)
_PILLS = r"(?:tablets?|pills?|capsules?|comprimés?|gélules?)"
COUNT_NOUN = re.compile(
    rf"\bhow many\s+(?:[\w-]+\s+(?={_PILLS}\b))?([a-zà-ÿ]{{3,}})|\bcombien\s+d(?:e\s+|')([a-zà-ÿ]{{3,}})", re.I
)
# the tablets given without their noun: "i'm gonna dispense eight of those"
_DISPENSED = re.compile(
    r"\b(?:dispens\w*|give you|prescrib\w*|délivr\w*|prescri\w*)\s+(\d+|two|three|four|five|six|seven|eight|nine|"
    r"ten|twelve|fifteen|twenty|thirty|sixty|ninety|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|"
    r"vingt|trente)\b",
    re.I,
)


# an amount per day or week: "a pack a day", "un paquet par jour" (one, said with its article)
_PER_PERIOD = re.compile(
    r"^\s+(?:a|an|per|each|every|par|chaque)\s+(?:day|night|week|month|jour|nuit|semaine|mois)\b", re.I
)
# "this is my third one", "c'est la troisième fois": the count said as the rank of the present one
_ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "deuxième": 2,
    "seconde?": 2,
    "troisième": 3,
    "quatrième": 4,
    "cinquième": 5,
    "sixième": 6,
}
_RANK = re.compile(
    r"\b(?:(?:this|it|that)(?: is|'s| was)|c'est|ce sera|it will be) (?:my|his|her|the|la|le|sa|son|ma|mon) ("
    + "|".join(_ORDINALS)
    + r"|\d(?:nd|rd|th|e|ème))\b(?: (?:one|time|episode|fois|épisode|\w+))?",
    re.I,
)


def _rank(word: str) -> int | None:
    digits = re.match(r"\d", word)
    if digits:
        return int(digits.group(0))
    return next((n for w, n in _ORDINALS.items() if re.fullmatch(w, word, re.I)), None)


# a number a preposition parts from the noun counts something else: "one fifty at night" is a dose
_NOT_COUNTED = r"(?:at|in|on|by|per|every|the|à|au|aux|par|la|le|les|chaque)\b"


def count_before(noun: re.Pattern, text: str) -> str | None:
    """The number said right before the counted noun ("six to seven hours", "mes deux enfants"), "a pack a day"
    (one, with its period), or the rank of the present one ("another kidney stone, this is my third one")."""
    for m in noun.finditer(text):
        before = re.search(rf"(?<![\w.])({_RANGE})\s+(?:(?!{_NOT_COUNTED})[\w'-]+\s+)?$", text[: m.start()], re.I)
        period = _PER_PERIOD.match(text[m.end() :])
        if before and before.group(1).lower() in ("a", "an", "un", "une", "one") and period:
            return f"1 {m.group(0)}{period.group(0)}"
        if before and before.group(1).lower() not in ("a", "an", "un", "une"):
            return f"{before.group(1)} {m.group(0)}"
    rank = _RANK.search(text) if noun.search(text) else None
    if rank and (n := _rank(rank.group(1))):
        return f"{n} ({text[rank.start(1) : rank.end()]})"
    given = _DISPENSED.search(text) if noun.search("tablets") else None
    count = (spoken_numbers(given.group(1)) or [given.group(1)])[0] if given else None
    return f"{int(float(count))} tablets" if given else None


_COUNTED = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|un|une|deux|trois|quatre|cinq|sept|"
    r"huit|neuf|dix)\b",
    re.I,
)


def prefer(intent: str, found: list[re.Match]) -> list[re.Match]:
    """Among the values found, those that say more: a duration with a number ("5 weeks" over "since
    labor"), a frequency with a number ("once a month" over "hardly ever")."""
    if intent == "duration" and any(_COUNTED.search(m.group(0)) for m in found):
        return [m for m in found if _COUNTED.search(m.group(0))]
    if intent == "frequency" and any(not _QUALITATIVE.match(m.group(0)) for m in found):
        return [m for m in found if not _QUALITATIVE.match(m.group(0))]
    dated = [m for m in found if re.match(rf"\s*(?:{MONTHS})\b", m.string[m.end() :], re.I)]
    if intent == "value" and dated and len(dated) < len(found):  # "le 15 janvier, était à 92": the 92
        return [m for m in found if m not in dated]
    return found


# "on a scale from zero to ten", "de 0 à 10": the scale, not the patient's number
SCALE = re.compile(
    r"\b(?:from |de |between )?(?:0|1|zero|zéro|one)\s*(?:to|à|and|et|-)\s*10\b|\b(?:sur|out of)\s+10\b", re.I
)


def normalise_value(intent: str, raw: str) -> str:
    """The value as the answer states it: "152 over 94" → "152/94", "10 percent" → "10%"."""
    v = re.sub(r"\s*(?:over|sur)\s*", "/", raw.strip(), flags=re.I) if intent == "value" else raw.strip()
    v = re.sub(r"\s*(?:percent|pour ?cent)\b", "%", v, flags=re.I)
    v = re.sub(r"^\.(?=\d)", "0.", v)  # "your creatinine was .7"
    v = re.sub(r"\bmilligrams?\b|\bmilligrammes?\b", "mg", v, flags=re.I)
    v = re.sub(r"\bmillim[eè]t(?:er|re)s?\b", "mm", v, flags=re.I)
    return re.sub(r"\bcentim[eè]t(?:er|re)s?\b", "cm", v, flags=re.I)


# a small number said in words where a value is ("it was higher than nine i think", "when i was about six"): the
# transcript's number reader leaves lone small numbers alone ("one of them"), a value question reads them
_SMALL = {
    w: str(n)
    for n, group in enumerate(
        [
            "zero|zéro",
            "one|un|une",
            "two|deux",
            "three|trois",
            "four|quatre",
            "five|cinq",
            "six",
            "seven|sept",
            "eight|huit",
            "nine|neuf",
        ]
    )
    for w in group.split("|")
}
_SPELLED_VALUE = re.compile(
    r"\b(than|was|is|were|about|around|at|of|à|de|était|est|i was|he was|she was)\s+("
    + "|".join(sorted(_SMALL, key=len, reverse=True))
    + r")\b(?=\s*(?:[.,;!?]|$|i think|or so|percent|pour ?cent|%|ans\b|years?\b))",
    re.I,
)


def spelled_values(text: str) -> str:
    """Small numbers said in words after what introduces a value, as digits."""
    return _SPELLED_VALUE.sub(lambda m: f"{m.group(1)} {_SMALL[m.group(2).lower()]}", text)
