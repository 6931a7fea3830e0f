"""The polarity of a short reply ("No, not really" → no; "Sometimes" → yes), and a "no" the same reply takes
back ("no … well, actually, a little"): how a question's answer is read."""

from __future__ import annotations

import re

# "no energy", "pas d'appétit": a lack that is the symptom itself, neither its denial nor a "no" answer
LACK_SAID = re.compile(
    r"\b(?:no|zero)(?= (?:energy|appetite|strength|motivation|interest|drive|libido)\b)|"
    r"\b(?:pas|plus|aucune?)(?= d'(?:énergie|appétit|entrain|envie)\b)"
)

_YES = re.compile(
    r"^(?:(?:um+|uh+|well|oh|euh|bah|ben|alors|hmm+)[ ,.]+)*(?:yes|yeah|yep|yup|mm-hmm|uh-huh|i do|i have|"
    r"i did|i am|i've had|sometimes|occasionally|a little|a bit|some|slight(?:ly)?|correct|right|just when|only when|"
    r"when i|kind of|kinda|maybe|a few|mostly|lately|every once in a while|that's it|that's right|exactly|"
    r"absolutely|definitely|uh-huh|a lot|quite a bit|all the time|often|constantly|every day|pretty bad|"
    r"oui|ouais|si|un peu|un petit peu|parfois|de temps en temps|des fois|quelquefois|souvent|beaucoup|"
    r"tout le temps|tous les jours|ça m'arrive|légèrement|peut-être (?:un (?:petit )?peu|oui)|"
    r"exactement|tout à fait|effectivement)\b",
    re.I,
)
# "I don't know, I didn't check", "je ne sais pas": no answer at all, whatever negation it is worded with
_UNKNOWN = re.compile(
    r"^(?:(?:um+|uh+|well|oh|euh|bah|ben|alors|hmm+|no|non)[ ,.]+)*(?:i (?:do ?n'?t|do not) (?:know|remember|recall)|"
    r"(?:i'm |i am )?not (?:sure|certain)|i (?:have ?n'?t|have not|did ?n'?t|did not) "
    r"(?:checked|check|measured|measure)|no idea|hard to say|(?:je (?:ne )?)?(?:sais|saurais) (?:pas|plus)|"
    r"je (?:ne )?me (?:souviens|rappelle) (?:pas|plus)|(?:je ne suis )?pas sûre?|aucune idée|"
    r"je (?:ne )?l'ai pas (?:mesurée?|vérifiée?)|(?:je n'ai|j'ai) pas (?:pris|mesuré|vérifié) (?:ma|la) (?:température|"
    r"fièvre|tension)|i (?:have ?n'?t|have not|did ?n'?t|did not) (?:taken?|checked|measured) (?:my|the|a) temp\w*)\b",
    re.I,
)
_NO = re.compile(
    r"^(?:(?:um+|uh+|well|oh|euh|bah|ben|alors|hmm+)[ ,.]+)*(?:no|nope|nah|not really|not that i know|"
    r"not that i can|i don't|i do n't|i haven't|i have n't|i have not|i didn't|i did n't|i'm not|i am not|"
    r"not at (?:all|this point)|never|none|nothing|j'ai pas|j'en ai pas|"
    r"non|pas du tout|pas vraiment|jamais|aucun|aucune|rien|pas de|je n'ai pas|je ne)\b",
    re.I,
)
_LESS_OF_IT = re.compile(
    r"\b(?:as much|as bad|that much|that bad|as often|as many|not as|quite as|"
    r"autant|aussi (?:fort|souvent)|plus autant)\b",
    re.I,
)


# "You don't have high cholesterol?" "Yes.": a bare yes or no to a negative question says nothing sure
_NEGATIVE_QUESTION = re.compile(
    r"\b(?:you (?:don't|do n't|do not|haven't|have n't|have not)|don't you|do n't you|do you not|"
    r"(?:vous )?(?:n')?(?:avez|êtes|prenez) pas|pas de\b[^?]*\?)",
    re.I,
)
_BARE = re.compile(r"^\W*(?:yes|yeah|yep|no|nope|oui|non|ouais)\W*$", re.I)
_TURNS_AT_ONCE = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|oui|ouais)\W+(no|nope|non)|(?:no|nope|non)\W+(?:yes|yeah|yep|oui|ouais))\b", re.I
)


def answer_polarity(text: str, question: str = "") -> str:
    """'yes', 'no' or '' for the first words of a reply ("No, not really" → no; "Sometimes" → yes); '' for a
    bare yes or no to a negatively phrased `question` (French "si" contradicts it: yes)."""
    t = text.strip().lower()
    if _UNKNOWN.match(t):
        return ""
    # "yeah, no, not really" / "no, yeah I do": the reply turns at once, and the later word wins
    turn = _TURNS_AT_ONCE.match(t)
    if turn:  # a bare "no, yeah." says nothing sure
        return "" if not re.search(r"\w", t[turn.end() :]) else "no" if turn.group(1) else "yes"
    if question and _NEGATIVE_QUESTION.search(question):
        if re.match(r"^\W*si\b", t):
            return "yes"
        if _BARE.match(t):
            return ""
    if _NO.match(t) and not LACK_SAID.match(t.lstrip(" .,…")):  # "no energy.": the lack is the answer, not a no
        # less of it, not none ("not quite as much shortness of breath"); a no taken back ("no ... well, actually")
        back = _TAKEN_BACK.match(t)
        if back and _AFFIRMS.match(t[back.end() :]):
            return "yes"  # "no ... well, actually, yes, a little, when i sneeze", "non ... enfin si, un peu"
        return "" if _LESS_OF_IT.search(t[:80]) or back else "no"
    if _YES.match(t):
        return "yes"
    # "Au début, oui.", "at night, yeah": a circumstance, then the yes
    late = _LATE_YES.match(t)
    if late and not DENIES.search(late.group(1)):
        return "yes"
    return ""


_IT_HAPPENED = r"(?:i|he|she) (?:\w+ed|hit|fell|got|had|took|felt|bit|cut|did|does|do|has|have|was)"
_TAKEN_BACK = re.compile(
    r"^\W*(?:no|non|nope|nah)\b[\s.,…]*(?:(?:well\s*,?\s*)?actually\b(?!\s*,?\s*(?:no|never|not|none|nothing)\b)|"
    r"(?:well\s*,?\s*)?(?:oh )?wait|enfin si|ah si|enfin|en fait|attendez|well\s*,?\s*(?:" + _IT_HAPPENED + r"|maybe|"
    r"sometimes|"
    r"a little|a bit|kind of|sort of|once|occasionally)\b)",  # "no ... well, i bumped it on the nightstand"
    re.I,
)
_AFFIRMS = re.compile(
    r"^\W*(?:(?:wait|attendez)\W+)?(?:yes|yeah|yep|oui|si|a little|a bit|sometimes|parfois|un peu|once|une fois)\b",
    re.I,
)
_LATE_YES = re.compile(
    r"^(?!\W*(?:okay|ok|alright|all right|right|sure|d'accord|bon|mm-hmm|uh-huh|ah|oh)\b)"
    r"([^.?!;]{1,40}?),\s*(?:oui|ouais|yes|yeah|yep)\s*(?:[.!,]|$)",
    re.I,
)


# the reply goes back on its "no" in its next sentence: "Not really. Well, actually, a little in the mornings."
_GOES_BACK = re.compile(
    r"^\W*(?:(?:well|but|um|uh|oh|ah|euh|bon|mais|enfin)\W+)*"
    r"(?:actually|now that (?:i think|you mention|you (?:say|ask) (?:it|that))|thinking about it|"
    r"maintenant que (?:vous le dites|j'y (?:re)?pense)|"
    r"(?:wait|attendez)\W+(?:(?:ah|oh)\W+)?(?:yes|yeah|oui|si|once|une fois|a little|un peu)|"  # "well, wait. once."
    r"en fait|enfin si|si\b|quoique|à la réflexion|(?:yeah|yes|oui|ouais)\W+(?:actually|en fait)|"
    # a bare "a little bit." said after the "no" (once the companion has prompted: "maya ..." "... a little bit")
    r"(?:a little(?: bit)?|a tiny bit|a bit|un (?:tout )?(?:petit )?peu)(?=\s*[.!]?\s*$)|"
    r"(?:okay|ok|alright|oh)\W+(?:yeah|yes|oui|ouais)\b|"
    r"(?:maybe|perhaps|peut-être)\W+(?:once|twice|a little|a bit|sometimes|une fois|un peu|parfois)|"
    r"(?:well|enfin|yeah|yes|oui|ouais)\W+(?:a little|a bit|a tiny bit|once|sometimes|un (?:tout )?(?:petit )?peu|"
    r"une fois|parfois|a few|a couple|some|quelques-un(?:e)?s|quelques fois|de temps en temps)|"
    # the companion contradicts the patient's "no": "well ... there was the cat", "well, he did fall in march"
    r"well\W+(?:there (?:was|were|has been|have been)|" + _IT_HAPPENED + r"|"
    r"(?:\w+\W+){0,2}?(?:took|checked|measured) (?:my|his|her|the) (?:temperature|temp|fever))|"  # and its value
    # and a yes with when: "well, at the end of the day, the socks leave a mark", "not really ... well, sunday
    # morning it looked a little pink"
    r"(?:well|enfin)\W+(?:at the end of the day|in the evenings?|at night|only (?:when|if|after)|en fin de journée|"
    r"le soir|la nuit|seulement quand|"
    r"(?:last |on |this |one )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|the other day|"
    r"(?:last|one) (?:night|week|time)|this morning|hier|l'autre jour|une fois)))\b",
    re.I,
)
_NOT_REALLY = re.compile(r"^\W*(?:not really|pas vraiment)\W+(?=well|enfin)", re.I)
_BARE_NO = re.compile(r"^\W*(?:(?:no|non|not really|pas vraiment)\W*)?$", re.I)
# a reply that denies (again): "no", "nope", "non", "nothing", "pas", "jamais"
DENIES = re.compile(r"\b(?:no|not|never|nothing|none|nope|n't|non|pas|jamais|rien|aucune?)\b", re.I)


def goes_back_on_no(later: list[str]) -> bool:
    """A "no" the same reply takes back in a later sentence, which affirms without denying again."""
    # "no." "not really ..." "well, at the end of the day, …": the "no" said again is not yet the reply's turn
    later = [t for t in (_NOT_REALLY.sub("", t, count=1) for t in later) if not _BARE_NO.match(t)]
    joined = []  # "well ..." "once.": a hesitation the sentence splitter cut off opens the next sentence
    for t in later:
        if joined and _ONLY_HESITATION.match(joined[-1]):
            joined[-1] += " " + t
        else:
            joined.append(t)
    return any((_GOES_BACK.match(t) or _WELL_YES.match(t)) and not DENIES.search(t) for t in joined[:2])


_WELL_YES = re.compile(
    r"^\W*(?:well\W+(?:yes|yeah)|(?:yeah|yes)\W+(?:okay|ok|alright))\b(?!\W+but\b)", re.I
)  # "no, i sleep alright." … "... well, yes."


_ONLY_HESITATION = re.compile(r"^\W*(?:(?:well|enfin|um+|uh+|euh|bon|hmm+|oh|wait|attendez)\W*)+$", re.I)


def denied_again(later: list[str], asked: list[str]) -> bool:
    """After taking its "no" back, the reply denies what was asked in its own words: "un peu foncées. mais pas
    noires comme du goudron" (asked: "des selles noires"): the thing asked stays denied."""
    words = {w for said in asked for w in re.findall(r"[a-zà-ÿ]{4,}", said.lower())}
    return any(
        (m := _BUT_NOT.match(t)) and words & set(re.findall(r"[a-zà-ÿ]{4,}", t[m.end() :].lower())) for t in later
    )


_BUT_NOT = re.compile(r"^\W*(?:mais|but)\W+(?:pas|not|never|jamais)\b", re.I)


# the clinician checks a "no" before going on ("never?", "jamais depuis octobre ?", "not even once?"): the next reply
# may take it back
CHECKS_NO = re.compile(
    r"^\W*(?:(?:so|and|et|donc)\W+)?(?:never|jamais|nothing|rien|none|not (?:even )?once|pas une (?:seule )?fois|"
    r"really|vraiment|are you sure|vous êtes sûre?)\b[^.!?]{0,30}\?\s*$|"
    # or narrows it to a circumstance: "any leaking urine?" "no." "when you cough, sneeze, laugh?"
    r"(?P<when>^\W*(?:(?:and|or|even|not even|what about|et|ou|même)\W+)*(?:when you|quand (?:vous|tu))\b"
    r"[^.!?]{0,40}\?\s*$|"
    # … or to the effort that brings it on, in a word: "stairs?", "dans les escaliers ?"
    r"^\W*(?:(?:and|or|even|what about|et|ou|même)\W+)*(?:on |in |up |going up |climbing |dans |en montant )?"
    r"(?:the |les |des )?(?:stairs|hills?|exertion|exercise|escaliers|côtes?|à l'effort)\s*\?\s*$)",
    re.I,
)


def probes_circumstance(question: str) -> bool:
    """The clinician's check of a "no" narrows it to a circumstance ("when you cough, sneeze, laugh?"): the reply
    speaks of the last thing asked, which happens then."""
    m = CHECKS_NO.match(question)
    return bool(m and m.group("when"))
