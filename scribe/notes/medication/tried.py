"""A drug taken before the visit and not now, by the words around it: tried for the complaint ("I took some Tylenol
last night", "hier soir j'ai pris un Doliprane"), given in the past ("ten days ago they gave me an antibiotic"), or
tried by this practice before ("we tried diltiazem for you last year").
"""

from __future__ import annotations

import re

_PUT_ON = re.compile(r"\b(?:put|started) (?:me|him|her|us|you) on\s+(?:the |some )?$", re.I)
_NOW = re.compile(r"\b(?:still|now|currently|today|every day|daily|encore|toujours|maintenant)\b", re.I)

# a drug the patient took once or tried, not one they take ("I took some Robitussin last week", "I tried
# Advil"): what was tried for the complaint, not a current medication
_TRIED_LEFT = re.compile(
    r"\b(?:i|he|she|we|you) (?:(?:have |had |'ve )?tried|took|had|had taken|was given|was taking|used to take)\s+"
    r"(?:(?:some|one|a|an|two|three|four|\d|a couple of|a few|a dose of|a little|a lot of|lots of)\s+)?$|"
    r"\b(?:i|he|she|we|you) had the\s+$|"  # "i had the advair for a while, years ago"
    r"\b(?:they|he|she|you|doctor|pediatrician|someone|clinic|walk-in|urgent care|er|hospital|dentist|and) "
    r"(?:at the time |back then |then )?gave (?:her|him|me|us|you|them)\s+(?:some\s+|a course of\s+|an?\s+|the\s+)?$|"
    # "avant j'avais le levemir, deux fois par jour, … alors il a changé"
    r"\b(?:avant|before that|before) ,? ?(?:j'avais|je prenais|i had|i was on|i took) (?:le |la |l'|du |the )?$|"
    r"\b(?:j'ai (?:pris|essayé)|je (?:lui|leur) ai donné)\s+"
    r"(?:du |de la |de l'|des |un |une |deux |trois |quatre |\d |le |la |l')?$|"
    r"\b(?:vous|il|elle|on) (?:avez|aviez|a|avait) (?:déjà )?(?:pris|essayé)\s+"
    r"(?:du |de la |de l'|des |un |une |le |la |l')?$|"
    r"\b(?:doctor|he|she|they|someone|cardiologist|neurologist|specialist) (?:put|started) (?:me|him|her|us|you) on\s+"
    r"(?:the |some )?$|"
    # "le pharmacien m'avait donné une crème contre les champignons, du pévaryl"
    r"\b(?:m'|lui |nous )(?:avait|aviez|a|ont|avaient) (?:donné|prescrit)\b[^.?!]{0,50}?"
    r"(?:du |de la |de l'|des |un |une |le |la |l')?$|"
    # "et en août, c'était votre remplaçante, le sélexid": who gave it, in the past
    r"\bc'était (?:votre|mon|ma|le|la|un|une) \w+\s*,\s*(?:le |la |l')?$",
    re.I,
)
_PAST_TIME = re.compile(
    r"\b(?:yesterday|last (?:night|week|weekend|month|year|winter|summer|spring|fall|autumn|time)|l'an dernier|"
    r"l'année dernière|l'hiver dernier|l'été dernier|la dernière fois|"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|few|couple of|several) (?:\w+ )?"
    r"(?:days?|weeks?|months?|years?) ago|earlier (?:today|this week)|hier|la semaine dernière|il y a|"
    r"(?:years|months|ages|long) ago|back then|at the time\b(?! of)|in the past|as a (?:kid|child|teenager)|"
    r"when (?:i|he|she|we) (?:was|were) (?:a (?:kid|child|baby|teenager)|little|young|younger|\w+ years old|\w+)|"
    r"when (?:i|he|she|we) had (?:that|the|my|his|her|a|an)\b|"  # "when i had that bad attack"
    r"quand (?:j'étais|il était|elle était) (?:petite?|jeune|enfant|bébé)|c'était|"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mois|printemps|automne) dernier|"
    r"en (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|"
    r"(?:back )?in (?:january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"in (?:college|high school|school|my twenties|my thirties))\b",
    re.I,
)
# what the drug did, said in the past: a treatment tried for the complaint, not one the patient takes ("I took
# some Advil and it didn't help", "avec le Doliprane, ça avait été un peu mieux")
NO_RELIEF = re.compile(
    r"\b(?:did|do|does) nothing\b|\b(?:did ?n't|did not) agree with\b|"  # "since the chantix didn't agree with you"
    # "because the augmentin upset your stomach"
    r"\b(?:upset|tore up|tore|wrecked) (?:your|his|her|my) (?:stomach|gut)\b|"
    r"\b(?:did ?n't|did not|never|was ?n't|was not)\s+(?:really\s+)?(?:seem\s+to\s+|do\s+)?(?:help\w*|work\w*|"
    r"do (?:anything|much|a thing|the trick)|touch (?:it|the pain)|make (?:a|any) difference|effective)|"
    r"\bn'a (?:pas|rien|jamais)\s+(?:vraiment\s+)?(?:marché|fait|soulagé|changé|aidé)|\bsans (?:effet|succès|résultat)|"
    r"\b(?:ça|cela) (?:avait|m'avait) (?:été|fait|soulagé)",
    re.I,
)
_PAST_RELIEF = re.compile(
    r"\b(?:it |that |which )?(?:helped|worked|took the edge off|did help)\b|"
    r"\b(?:it|that|which) (?:gave|made) (?:me|her|him|them)\b|"  # what it did then: "it gave her diarrhea"
    r"\b(?:ça|cela) (?:m'a|a|s'est) (?:un (?:petit )?peu |bien |beaucoup )?(?:soulagé|amélioré|calmé|passé)",
    re.I,
)


def tried(text: str, start: int, left: str, after: str, before: str = "") -> bool:
    """The patient took it for the complaint, before the visit, and says so in the past: "I tried Advil", "I took
    some Tylenol last night", "hier soir j'ai pris un Doliprane", "I took ibuprofen, it helped a bit"; or "the
    ibuprofen didn't help" with no word saying it is still taken; or it names what the sentence `before` says was
    given in the past ("ten days ago they gave me an antibiotic." "bactrim, …"). The caller has checked that no word
    before it says it is still taken ("I'm on")."""
    if (
        not left.strip()
        and _TRIED_LEFT.search(_GIVEN_A_KIND.sub("", before))
        and _PAST_TIME.search(before)
        and not _NOW.search(after)
    ):
        return True
    if _GAVE_A_KIND.search(text[max(0, start - 100) : start]) and (
        _A_COURSE.search(after[:60]) or _PAST_TIME.search(before)
    ):
        return True  # "they gave her three breathing treatments and a steroid liquid, prednisolone, for five days"
    if re.search(r"\b(?:i|he|she|we) (?:was|were) taking\b", left, re.I) and not _NOW.search(after):
        return True  # "i was taking a lot of ibuprofen for my back, and one night i vomited blood"
    if _AGO_FIRST.search(left) and not _NOW.search(after):
        return True  # "et vous aviez déjà eu une statine ?" "oui, il y a cinq ans, la simvastatine, vingt milligrammes"
    if _TRIED_LEFT.search(left):
        said_before, said_after = text[max(0, start - 80) : start], text[start:]
        if _PUT_ON.search(left):  # "my family doctor put me on prednisone in january … five milligrams every
            return bool(NO_RELIEF.search(said_after) or _PAST_RELIEF.search(said_after))  # morning": since then
        return bool(
            re.search(r"tri|essay|\bavez pris\b|\b(?:avant|before) ", left, re.I)  # "vous avez pris de l'amoxicilline"
            or _PAST_TIME.search(after)
            or _PAST_TIME.search(said_before)
            or _PAST_TIME.search(left)  # "il y a deux ans, le pharmacien m'avait donné une crème …, du pévaryl"
            or _PAST_TIME.search(before)
            or NO_RELIEF.search(said_after)  # "I took some tylenol, I took some ibuprofen, … it didn't help"
            or _PAST_RELIEF.search(said_after)  # "gave me macrobid, nitrofurantoin, …, and it worked fine"
            or _PAST_GIVER.search(left)
            and _N_DAYS.match(after)  # "they gave me the azithromycin, the z-pack, five days"
        )
    if _TAKEN_AFTER.match(after) and (_PAST_TIME.search(after[:60]) or _PAST_RELIEF.search(after)):
        return True  # "deux Doliprane que j'ai pris hier soir", "the advil I took yesterday"
    if _FOR_THAT_TIME.match(after) and _PAST_GIVER.search(left):
        return True  # "they switched me to doxycycline for the rest of the trip"
    if _TRIED_AFTER.match(after) or _SWITCHED_FOR_IT.match(after):
        return True
    if _PAST_TIME.search(left) and _A_COURSE.search(after[:60]):
        return True  # "in january, at urgent care, prednisone, forty milligrams for five days"
    return bool(NO_RELIEF.search(after[:60]))


# said after the drug: "the armour thyroid, the one dr. fisher tried years ago"; what it did, then the switch: "the
# simvastatin, gave me muscle aches in the thighs, so you switched me"
_TRIED_AFTER = re.compile(
    r"^\W*(?:the one|which|that)\s+(?:(?:dr\.?|doctor)\s+\w+|he|she|they|you|we|i)\s+(?:had\s+)?tried\b", re.I
)
_SWITCHED_FOR_IT = re.compile(
    r"^[^.?!]{0,25}?\b(?:gave|caused|made) (?:me|him|her|them)\b[^.?!]{0,80}?\bso (?:you|we|they|he|she|(?:dr\.?|"
    r"doctor) \w+) (?:switched|stopped|changed|took)\b",
    re.I,
)


# a past episode's treatment named after its kind: "they gave her three breathing treatments and a steroid liquid, "
_GAVE_A_KIND = re.compile(
    r"\b(?:they|he|she|and) gave (?:her|him|me|us|them) [^.?!]{0,60}\b(?:steroids?|antibiotics?|medicines?|liquid|"
    r"syrup|pills?|shots?|creams?)\s*,\s*$",
    re.I,
)
# a course of days or weeks: "for five days", "pendant une semaine"
_A_COURSE = re.compile(
    r"\b(?:for|pendant|durant) (?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|\d+|un|une|deux|trois|"
    r"quatre|cinq|six|sept|huit|dix|quinze) (?:days?|weeks?|jours?|semaines?)\b",
    re.I,
)
_N_DAYS = re.compile(
    r"^[^.?!]{0,30}?\b(?:for )?(?:three|five|seven|ten|fourteen|\d+|trois|cinq|sept|dix) (?:days?|jours?)\b", re.I
)
# the kind of drug given, ending the sentence before the drug's name
_GIVEN_A_KIND = re.compile(
    r"\b(?:antibiotics?|medicines?|medications?|pills?|something|a cream|an ointment|antibiotique|médicament)"
    r"(?:\s+(?:on|last|for|about|pour)\b[^.]*)?\W*$",
    re.I,
)
# a course bounded by a past stay: "… for the rest of the trip", "pour le reste du séjour"
_FOR_THAT_TIME = re.compile(
    r"^\W*(?:for|during|pour|pendant) (?:the rest of |le reste (?:du|de) )?(?:the|that|my|his|her|le|ce|mon|son) "
    r"(?:trip|stay|holiday|vacation|journey|voyage|séjour|vacances)\b",
    re.I,
)
_PAST_GIVER = re.compile(r"\b(?:switched|put|gave|started|changed|m'a|m'ont|lui a|ont)\b", re.I)
_TAKEN_AFTER = re.compile(
    r"^\W*(?:que |qu'|that |which )?(?:j'ai|i|i've|he|she|il|elle a)\s+(?:pris|took|had taken|have taken)\b|"
    r"^[^.?!]{0,40}?\bj'en ai pris\b",  # "de l'amoxicilline de mon copain, j'en ai pris deux hier"
    re.I,
)


# the clinician's account of a drug this practice tried before: "we tried diltiazem for you last year"
_WE_TRIED = re.compile(
    r"\b(?:(?:we|i) (?:(?:have |had |'ve )?tried|(?:had )?put you on)|(?:on|nous) (?:avait|avions|a) (?:déjà )?"
    r"(?:essayé|tenté))\s+(?:the |some |la |le |l'|les |du |de la )?$",
    re.I,
)


def tried_by_us(left: str, text: str, before: str = "") -> bool:
    """The clinician says the practice tried the drug, at a time in the past ("we tried diltiazem for you last
    year, before the metoprolol"), or names what the chart says was taken before ("before the tamsulosin, you were
    on something else. doxazosin."): taken then, not now."""
    return bool(_WE_TRIED.search(left) and _PAST_TIME.search(text)) or (not left.strip() and were_on_another(before))


def were_on_another(sentence: str) -> bool:
    """ "Before the tamsulosin, you were on something else": the drug named next was taken before."""
    return bool(_WERE_ON_ANOTHER.search(sentence))


# a clause that opens on when, long ago: "oui, il y a cinq ans, la simvastatine" (not "since": "depuis")
_AGO_FIRST = re.compile(
    r"^\W*(?:(?:oui|yes|yeah|euh|um|uh|well)\W+)*(?:il y a (?:\w+ ){1,2}(?:ans?|mois)|(?:\w+ ){1,2}years? ago)\s*,"
    r"\s*(?:the |la |le |l'|du |de la )?$",
    re.I,
)
_WERE_ON_ANOTHER = re.compile(r"\b(?:you|he|she) (?:were|was) (?:on|taking) (?:something|another|a different)\b", re.I)


# what clause_status reads around a drug: a stop on a condition ("si vous avez une gastro, vous arrêtez la metformine"),
# a past course told ("they gave me antibiotics, and it's been fine since"), a dose taken once ("en une seule prise")
ON_CONDITION = re.compile(
    r"\b(?:if|si|in case|en cas d)\b(?!\s+(?:you|i|vous|je)\s+(?:\w+\s+)?(?:remember|recall|souvenez|rappelez))|"
    # a warning sign's stop: "any fever, sore throat …, stop the methotrexate and call me"
    r"^\W*(?:any|au moindre|à la moindre)\b[^.;?!]{3,160},\s*(?:then\s+|alors\s+)?(?:stop|arrêt)",
    re.I,
)
GAVE_ME = re.compile(
    r"\b(?:they|he|she|the doctor|the hospital|ils|il|elle|on) (?:gave|m'ont donné|m'a donné|m'avait donné|"
    r"m'a prescrit|m'avait prescrit)\s+(?:me )?(?:(?:un traitement|a course of|an antibiotic|un antibiotique)\s*,?\s*)?"
    r"(?:de l'|de la |du |des |le |la |l')?$",
    re.I,
)
# … and what the patient says of the course: over ("and it was gone in a week", "je l'ai finie"), or its length
# ("five hundred twice a day, for seven days", "pendant dix jours")
FINE_SINCE = re.compile(
    r"\b(?:(?:been )?fine (?:ever )?since|since then|depuis,? (?:ça va|plus rien|plus de problème|plus jamais)|"
    r"quelques jours|a few days|"
    r"it was gone|it cleared up|it went away|i took all of it|i finished it|c'est passé|je l'ai finie?|"
    r"(?:for|pendant) (?:\w+ ){1,2}(?:days|weeks|jours|semaines)\b(?![^.]*\b(?:still|encore|toujours)\b))",
    re.I,
)
SINGLE_DOSE = re.compile(
    r"\b(?:en une (?:seule )?prise|single dose|one-time dose)\b(?! (?:ce soir|today|tonight))", re.I
)


# a drug the clinician announces, past the clause's colon or its description: "the second change: a preventive
# medicine, topiramate", "and the last medication, the one for the long term, is allopurinol"
ANNOUNCED = re.compile(
    r"\bchange\s*:\s*(?:a|an) (?:new |preventive |daily |different )?(?:medication|medicine|drug|pill)\s*,?\s*$|"
    r"\b(?:the|and the) (?:last|next|second|third|other|new) (?:medication|medicine|drug|pill)\b[^.;]{0,40}\bis\s*$",
    re.I,
)


# the course's end as a time: "when the prednisone stops", "une fois la cortisone finie"
WHEN_IT_ENDS = re.compile(
    r"\b(?:when|once|until|after|quand|lorsque|dès que|jusqu'à ce que|une fois)\s+"
    r"(?:the|your|his|her|le|la|l'|votre)?\s*$",
    re.I,
)
COURSE_ENDS = re.compile(
    r"^\s*(?:stops|is (?:stopped|done|finished|over)|ends|s'arrête|est (?:arrêtée?|finie?|terminée?)|finie?)\b", re.I
)


# held for a while: "for two days", "pendant deux semaines", "deux semaines avant le test"
FOR_DAYS = re.compile(r"\b(?:for|pendant|durant) (?:\w+ ){1,2}(?:days?|weeks?|jours?|semaines?)\b", re.I)
HELD = re.compile(
    r"\W*(?:(?:for|pendant|durant|depuis au moins|at least) (?:\w+ ){1,2}(?:days?|weeks?|jours?|semaines?)|"
    r"(?:\w+ ){1,2}(?:days?|weeks?|jours?|semaines?) (?:before|avant))\b",
    re.I,
)
