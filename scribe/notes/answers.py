"""What a clinician's question asks for, in English or French: the value it wants (a dose, a frequency, a
date or interval, a measured value, a relative, or a plain yes/no), the clinical concepts it is about and
the qualifiers it sets ("at home" is not "in clinic").

Concepts are bilingual regexes matched both on the question and on the transcript, so a French question
finds its answer in an English visit and the reverse ("hémoglobine glyquée" and "a1c" are one concept).
answers_find.py looks for the answer in the facts and the transcript.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scribe.notes import lexicon
from scribe.notes.answers_terms import translations
from scribe.notes.answers_values import COUNT_NOUN
from scribe.notes.answers_whose import AGE_ASKED, ASKS_OTHER, FAMILY, WHICH_DISEASE, WHICH_RELATIVE

# concept → regex on the question and on the transcript (both languages)
CONCEPTS: dict[str, str] = {
    "a1c": r"\b(?:(?:hemoglobin|haemoglobin|hémoglobine)\s+)?a\s?one\s?c\b|\ba\s?1\s?c\b|\bhba1c\b|glyqu[ée]e|glycated",
    "blood sugar": r"\bblood (?:sugars?|glucose)|\bglucose\b|\bsugars?\b|\bglyc[ée]mies?\b",
    "cholesterol": r"\bcholest[ée]rol\b|\bldl\b|\bhdl\b|\blipids?\b",
    "ejection fraction": r"\bejection fraction\b|\bef\b|\bfraction d'[ée]jection\b|\bpumping function\b|\bfevg\b",
    # its halves too: "what have his home systolic readings been?" of "the top number has been around 150"
    "blood pressure": r"\bblood pressures?\b|\bbp\b|\btension\b(?!\s*headaches?)|\bpression art[ée]rielle|"
    r"\bsystoli\w*|\bdiastoli\w*|\b(?:top|bottom) numbers?\b",
    "heart rate": r"\bheart rate\b|\bpulse\b(?!\s*ox)|fr[ée]quence cardiaque|\bpouls\b",
    # not "weigh yourself daily" nor "let me weigh you": an instruction, not the patient's weight
    # a weight's unit anchors it without its word ("i've gained about fifteen pounds"): zero-width, so that the value
    # keeps its unit where anchors are masked
    "weight": r"\bweigh(?:t|s|ed|ing)?\b(?!\s+(?:yourself|you\b))|\bpoids\b|\bp[èe]s(?:e|ez|ent)\b|\bkilos\b|"
    r"\b(?:my|the|his|her|home|bathroom) scales?\b(?!\s+(?:of|from|de)\b)|\bbalance\b|"  # "on my scale at home, 194"
    r"(?<=\d )(?=(?:pounds|lbs|kg|kilograms?)\b)",
    "temperature": r"\btemperature\b|\btemp[ée]rature\b",
    "oxygen": r"\boxygen\b|\bsaturation\b|\bsats?\b|\boxyg[èe]ne\b|\bpulse ?ox\w*|\bsp ?o2\b|\bo2\b",
    "kidney function": r"\bkidneys?\b|\br[ée]na(?:l|le|les|ux)\b|\bcreatinine\b|\breins?\b|\bcr[ée]atinin[ée]?\w*",
    "gfr": r"\be?gfr\b|\bdfg\b|\bd[ée]bit de filtration\w*|\bfiltration rate\b|\bclairance\b",
    "inr": r"\binr\b|\binternational normali[sz]ed ratio\b",
    "thyroid": r"\bthyroid\w*|\btsh\b|\bthyro[iï]d\w*",
    "x-ray": r"\bx-?rays?\b|\bradios?\b|\bradiographies?\b",
    "mri": r"\bmri\b|\birm\b",
    "ct scan": r"\bct(?: scan)?\b|\bcat scan\b|\bscanner\b",
    "ultrasound": r"\bultrasound\b|\b[ée]chographie\b",
    "echocardiogram": r"\bechocardiogra\w*|\b[ée]chocardiograph\w*|\becho\b",
    "ekg": r"\bekg\b|\becg\b|\b[ée]lectrocardiogra\w*",
    "colonoscopy": r"\bcolonoscop\w*|\bcoloscopie\b",
    "mammogram": r"\bmammogra\w*",
    "pap smear": r"\bpap(?: smears?| tests?)?\b|\bfrottis\b|\bcervical (?:smear|cytology)\b",
    "blood test": r"\bblood (?:work|tests?)\b|\blabs\b|\bprise de sang\b|\bbilan sanguin\b|\banalyses? de sang\b",
    "neurologist": r"\bneurolog\w*",
    "cardiologist": r"\bcardiolog(?:ist|ue)s?\b",
    "endocrinologist": r"\bendocrinolog\w*|\bendocrino\b",
    "dermatologist": r"\bdermatolog\w*",
    "rheumatologist": r"\brheumatolog\w*|\brhumatolog\w*",
    "oncologist": r"\boncolog\w*",
    "psychiatrist": r"\bpsychiatr\w*",
    "surgeon": r"\bsurgeon\b|\bchirurgien\w*",
    "physical therapy": r"\bphysical therap\w*|\bphysio\w*|\bkin[ée]\w*",
    "therapy": r"\btherap(?:y|ist|ies)\b|\bcounsel\w*|\bth[ée]rapie\b|\bpsycholog\w*|\bpsychoth[ée]rap\w*",
    "surgery": r"\bsurger(?:y|ies)\b|\bsurgical\b|\boperat(?:ion|ed)\b|\bchirurgi\w*|\bop[ée]r(?:ations?|[ée]e?s?)\b",
    "fracture": r"\bfractur\w*|\bbroke\b|\bbroken\b|\bcass[ée]e?s?\b",
    "fall": r"\bfall\b|\bfell\b|\bfallen\b|\bfalls\b|\bchute\w*|\btomb[ée]e?\b",
    "exercise": r"\bexerci[sc]\w*|\bwork(?:ing)? out\b|\bgym\b|\bactivit[ée] physique\b|\bsport\b",
    "diet": r"\bdiet\w*|\br[ée]gime\b|\balimentation\b",
    "sleep": r"\bsleep\w*|\bslept\b|\binsomni\w*|\bsommeil\b|\bdorm\w*|\bdor[st]\b",
    "insulin": r"\binsulin\b|\binsuline\b",
    "vaccine": r"\bvaccin\w*|\bflu shot\b",
    "pregnancy": r"\bpregnan\w*|\benceinte\b|\bgrossesse\b",
    "stress": r"\bstress\w*\b(?!\s+tests?)",
    "stress test": r"\bstress tests?\b|\b(?:épreuve|test) d'effort\b",
    "injection": r"\binjections?\b|\bpiq[uû]res?\b|\binfiltrations?\b",
    "inhaler": r"\binhalers?\b|\binhalateur\b|\bventoline\b",
    "steroid": r"\bsteroids?\b|\bst[ée]ro[iï]des?\b|\bcortico\w*|\bcortisone\b",
    "emergency room": r"\bemergency (?:room|department)\b|\ber\b|\burgences?\b",
    "hospital": r"\bhospital\w*|\bh[ôo]pita\w*",
    "cancer": r"\bcancers?\b|\btumou?rs?\b|\bmalignan\w*",
    "children": r"\bkids?\b|\bchildren\b|\benfants?\b",
    "urine": r"\burin\w*|\bpee\b|\bpipi\b",
    "stool": r"\bstools?\b|\bbowel movements?\b|\bselles?\b",
    "appetite": r"\bappetite\b|\bapp[ée]tit\b",
    # not the anaesthetic: "she gave me some numbing medicine"
    "numbness": r"\bnumb(?!\w*\s+(?:medicines?|medications?|creams?|shots?|agents?|spray|injections?|gel))\w*|"
    r"\btingl\w*|\bengourdi\w*|\bfourmill\w*",
    # the class, its lay name and its drugs: "prend-il des anticoagulants ?" of "i am taking eliquis"
    "anticoagulant": r"\banti-?coagula\w*|\bblood thinners?\b|\bthinners?\b|\banti-?vitamines? k\b|\bavk\b|"
    r"\b(?:eliquis|apixaban|xarelto|rivaroxaban|warfarin|coumadin|jantoven|pradaxa|dabigatran|savaysa|edoxaban|"
    r"lovenox|enoxaparin\w*|heparin\w*|h[ée]parine\w*|pr[ée]viscan|fluindione|sintrom|acenocoumarol)\b",
    "antidepressant": r"\banti-?depress\w*|\bantid[ée]presseurs?\b|"
    r"\b(?:sertraline|zoloft|fluoxetine|prozac|citalopram|celexa|escitalopram|lexapro|seroplex|venlafaxine|effexor|"
    r"duloxetine|cymbalta|bupropion|wellbutrin|paroxetine|paxil|deroxat|mirtazapine|remeron|trazodone|amitriptyline|"
    r"nortriptyline|desvenlafaxine|pristiq|vortioxetine|trintellix)\b",
    "statin": r"\bstatins?\b|\bstatines?\b|\b(?:atorvastatin|lipitor|tahor|simvastatin|zocor|rosuvastatin|crestor|"
    r"pravastatin|pravachol|lovastatin|pitavastatin)\b",
    "cough": r"\bcough\w*|\btouss\w*|\btoux\b",  # verbs the symptom lexicon does not list ("toussez-vous ?")
    # the next visit: "when should he come back?" of "return in four weeks"
    "follow-up": r"\bcome back\b|\bfollow[- ]?up\b|\breturn\b|\bsee (?:you|him|her) (?:again|back)\b|\brevenir\b|"
    r"\brevoir\b|\brendez-vous\b|\bnext (?:visit|appointment)\b|\bprochaine? (?:visite|consultation)\b",
    # lay words the lexicons do not hold, in both languages: "a-t-il des problèmes de vessie ?" of "trouble controlling
    # your bladder?", "does he have pets?" of "vous avez des animaux ?", "quelle contraception ?" of "the pill"
    "bladder": r"\bbladder\b|\bvessie\b",
    "pets": r"\bpets?\b|\banimals?\b|\banimaux\b|\banimal de compagnie\b",
    "contraception": r"\bcontracept\w*|\bbirth control\b|\bthe pill\b|\bpilule\b|\bst[ée]rilet\b|\biud\b",
    "meal": r"\b(?:ate|eat|eating|meals?|food|manger|mangé\w*|repas|dîner|déjeuner)\b",
}
CONCEPT_RX = {k: re.compile(v, re.I) for k, v in CONCEPTS.items()}
# the words that name a lab's value where the concept's words also name the organ: "the kidney stone is about 5
# millimeters" gives no creatinine, "a thyroid nodule of 2 cm" no TSH (a value question is anchored on these)
MEASURE_RX = {
    "kidney function": re.compile(
        r"\bcreatinine\b|\bcr[ée]atinin\w*|\be?gfr\b|\bdfg\b|\bclairance\b|"
        r"\b(?:kidney|renal) (?:function|numbers?|tests?|labs?|values?|levels?)\b|\bfonction r[ée]nale\b",
        re.I,
    ),
    "thyroid": re.compile(
        r"\btsh\b|\bt[34]\b|\bthyroid (?:levels?|function|numbers?|tests?|labs?|hormones?)\b|\bthyroxine\b|"
        r"\bbilan thyro\w*|\bthyr[ée]ostimuline\b",
        re.I,
    ),
    # a fever's height is its temperature: "has she had a fever?" "yes, last night it was 102.5"
    "temperature": re.compile(r"\btemp[ée]rature\b|\bfever\b|\bfi[èe]vre\b", re.I),
}
# what a side is said of, in either language: the anchors of "which knee?" / "quel genou ?"
BODY_PARTS = {
    k: re.compile(v, re.I)
    for k, v in {
        "knee": r"\bknees?\b|\bgenoux?\b",
        "shoulder": r"\bshoulders?\b|\bépaules?\b",
        "hip": r"\bhips?\b|\bhanches?\b",
        "ankle": r"\bankles?\b|\bchevilles?\b",
        "wrist": r"\bwrists?\b|\bpoignets?\b",
        "elbow": r"\belbows?\b|\bcoudes?\b",
        "arm": r"\barms?\b|\bbras\b",
        "leg": r"\blegs?\b|\bjambes?\b",
        "hand": r"\bhands?\b|\bmains?\b",
        "foot": r"\bfoot\b|\bfeet\b|\bpieds?\b",
        "eye": r"\beyes?\b|\byeux\b|\bœil\b|\boeil\b",
        "ear": r"\bears?\b|\boreilles?\b",
        "breast": r"\bbreasts?\b|\bseins?\b",
        "kidney": r"\bkidneys?\b|\breins?\b",
        "neck": r"\bnecks?\b|\bcou\b|\bcervical\b",
        "head": r"\bheads?\b|\btêtes?\b",
        "chest": r"\bchests?\b|\bpoitrine\b|\bthorax\b",
    }.items()
}

QUALIFIERS: dict[str, re.Pattern] = {
    "home": re.compile(
        # (not a therapy or a service: "we'd talk about home oxygen if …", "home health")
        r"\bat home\b|\bhome\b(?!\s+(?:oxygen|health|care|nurs\w*|visits?|remed\w*))|\b(?:blood pressure|bp) cuffs?\b|"
        r"\bà la maison\b|\bà domicile\b|"
        r"\bchez (?:vous|moi|lui|elle)\b|"
        # measured by the patient or the family: "my wife checked my temperature", "j'ai pris ma tension"
        r"\b(?:i|we|my (?:wife|husband|partner|son|daughter|mother|father)) (?:checked|took|measured) "
        r"(?:my|his|her|our|the) (?:temp\w*|blood pressure|pressure|sugars?|blood sugars?|weight|oxygen)\b|"
        r"\bj'ai (?:pris|mesuré) (?:ma|mon) (?:tension|température|glycémie|poids)\b",
        re.I,
    ),
    "clinic": re.compile(r"\b(?:in|at) (?:the )?(?:clinic|office)\b|\bau cabinet\b|\bà la consultation\b", re.I),
    "left": re.compile(r"\bleft\b|\bgauche\b", re.I),
    "right": re.compile(r"\bright (?:side|knee|arm|leg|hand|foot|shoulder|hip|eye|ear)\b|\bdroite?\b", re.I),
    "abnormal": re.compile(r"\babnormal\w*|\banormal\w*", re.I),
    "night": re.compile(r"\bat night\b|\bnight\w*|\bla nuit\b|\bnocturne\w*", re.I),
    "weekend": re.compile(r"\bweek-?ends?\b|\bsaturdays?\b|\bsundays?\b|\bsamedis?\b|\bdimanches?\b", re.I),
    "menses": re.compile(r"\bperiods?\b|\bmenstru\w*|\bmenses\b|\brègles\b|\bcycles? menstruel", re.I),
    # a derived measure: "what was his psa free-to-total ratio?" is not the psa
    "ratio": re.compile(r"\bratio\b|\brapport\b|\bfree(?:-to-total| (?:psa|t4|t3))\b|\b(?:psa|t4|t3) libre\b", re.I),
    # another episode of care: "what was her blood pressure at urgent care?" is not today's reading
    "elsewhere": re.compile(
        r"\burgent care\b|\bthe er\b|\be\.r\.|\bemergency (?:room|department)\b|\bhospital\w*|\bdischarged\b|"
        r"\b(?:at|on|since|after|upon) (?:(?:her|his|the) )?discharge\b|"  # not an ear's or a wound's discharge
        r"\burgences\b|\bh[ôo]pital\w*|\bhospitalis\w*|\bsa sortie\b",
        re.I,
    ),
}

# Another episode of care: "did they prescribe anything in the ER?" → "no" does not say what the patient takes.
ELSEWHERE = re.compile(
    r"\b(?:in|at|from) the (?:er|e\.r\.|emergency room|emergency department|hospital|urgent care)\b|"
    r"\baux urgences\b|\bà l'hôpital\b|\bà l'hosto\b",
    re.I,
)


def same_setting(query: Query, asked: str) -> bool:
    """An asked question set in another episode of care (the ER, the hospital) answers only a question
    about that episode."""
    return not ELSEWHERE.search(asked) or bool(ELSEWHERE.search(query.text))


INTENTS: list[tuple[str, re.Pattern]] = [
    (
        "dose",
        re.compile(
            r"\b(?:dose|doses|dosage|strength|posologie|dosé|how many (?:milligrams|mg|units)|"
            r"combien de (?:mg|milligrammes|unités))\b|\bhow much\b(?=.*\b(?:take|taking|on)\b)",
            re.I,
        ),
    ),
    (
        "frequency",
        re.compile(
            r"\bhow (?:often|frequently|many times)\b|\bà quelle fréquence\b|\bcombien de fois\b|"
            r"\btous les combien\b|\bfréquence\b(?!\s+(?:cardiaque|respiratoire))",
            re.I,
        ),
    ),
    (
        "severity",
        re.compile(
            r"\bon a scale\b|\bout of (?:10|ten)\b|\bhow (?:bad|severe|strong|intense)\b|"
            r"\brate (?:the|your|his|her) pain\b|"
            r"\bsur (?:10|dix)\b|\bsur une échelle\b|\bquelle intensité\b|\bà combien\b",
            re.I,
        ),
    ),
    (
        "duration",
        re.compile(
            r"\bhow long\b(?! ago)|\bdepuis (?:quand|combien)\b|\bcombien de temps\b|\bça fait combien\b|"
            r"\bsince when\b|\bhow many (?:days|weeks|months|years)\b(?!.*\bago\b)|\bbeen going on\b",
            re.I,
        ),
    ),
    ("count", re.compile(r"\bhow many\b|\bcombien d(?:e |')", re.I)),  # "how many hours does he sleep?"
    (
        "side",
        re.compile(
            r"\bwhich (?:side|knee|arm|leg|hand|foot|shoulder|hip|eye|ear|breast|kidney|ankle|wrist|elbow)\b|"
            r"\b(?:left|right) or (?:the )?(?:left|right)\b|\bquel (?:côté|genou|bras|pied|œil|oeil|sein|rein)\b|"
            r"\bquelle (?:jambe|main|épaule|hanche|oreille|cheville)\b|"
            r"\b(?:droite?|gauche) ou (?:à |le |la )?(?:droite?|gauche)\b",
            re.I,
        ),
    ),
    # "is he up to date on his vaccines?" asks a yes, not a date
    (
        "when",
        re.compile(
            r"\bwhen\b|\bhow long ago\b|\bquand\b|\bà quelle heure\b|\bwhat time\b|\bil y a combien de temps\b|"
            r"(?<!up to )\bdate\b",
            re.I,
        ),
    ),
    (
        "value",
        re.compile(
            r"\bwhat(?: (?:was|is|were|are|'s)|['’]s|['’]re)\b|"  # "what's his blood pressure?" asks a value
            r"\bwhat\b.*\b(?:level|reading|value|number|result)s?\b|"
            r"\bwhat\b.*\b(?:been running|running at|run at)\b|"
            r"\bwhat (?:have|has|had)\b[^?]*\bbeen\b|"  # "what have her home blood pressures been?"
            r"\bwhat did (?:he|she|you|they|it) weigh\b|"
            r"\bhow (?:high|low|much|many|far|big|large)\b|\bquel(?:le)?s? (?:était|est|étaient|sont|a été)\b|"
            r"\bcombien\b|"  # "quelle température a été prise ?" asks a value, "quelle contraception ?" a thing
            r"^\W*quel(?:le)?s?\s+(?:est\s+(?:sa|son|la|le)\s+)?(?:température|tension|pression|glycémie|poids|"
            r"saturation|valeur|taux|niveau|score|hba1c|hémoglobine|créatinine|dfg|inr|tsh|ldl)\b|"
            r"\bwhat size\b|\bsize of\b|\bquelle (?:taille|dimension)\b|\btaille\b|"
            r"\bvaleur\b|\btaux\b|\bniveau\b|\brésultats?\b",
            re.I,
        ),
    ),
]

_WEIGHT_UNIT = re.compile(r"kilos?|kilogram\w*|kg|pounds?|lbs?|livres?", re.I)

_FR_HINT = re.compile(
    r"\b(?:est-ce|avez|êtes|vous|quel(?:le)?s?|combien|quand|depuis|votre|sa|son|ses|il|elle|de la|du|des|"
    r"prend|fait|a-t-il|a-t-elle)\b|[àéèêç]",
    re.I,
)


@dataclass
class Query:
    """A question as the answer finder reads it."""

    text: str
    language: str
    intent: str  # dose | frequency | when | value | yesno
    concepts: list[str] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)
    family: bool = False
    counted: re.Pattern | None = None  # the noun a "how many" question counts
    condition: str = ""  # a yes/no's "when" clause: "when she fell" must hold where it is answered


def question_language(question: str) -> str:
    return (
        "fr"
        if _FR_HINT.search(question) and not re.search(r"\b(?:do|does|did|you|what|the)\b", question, re.I)
        else "en"
    )


# A yes/no question ("did she hit her head when she fell?", "ça fait mal quand il se penche ?"): its "when" is a
# condition, not a time asked for. Its other cues of a time ("how long ago", "since when") still ask for one.
_YESNO_FORM = re.compile(
    r"^\W*(?:(?:and|so|also|et|alors)\W+)?(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|any|"
    r"est-ce qu|a-t-(?:il|elle)\b|(?:\w+)-(?:t-)?(?:il|elle|vous|ils|elles|on)\b)",
    re.I,
)
_CONDITION_WHEN = re.compile(r"\b(?:when|whenever|quand|lorsqu\w*)\b", re.I)
_TIME_ASKED = re.compile(
    r"\bhow long ago\b|\bsince when\b|\bdepuis quand\b|\bil y a combien\b|(?<!up to )\bdate\b|\b(?:when|quand)\W*$",
    re.I,
)


# "how many days ago was the injury?", "il y a combien de jours ?": a time, not a count of days
_AGO_ASKED = re.compile(r"\bhow many (?:\w+ )?(?:days|weeks|months|years|hours)\b[^?]*\bago\b|\bil y a combien\b", re.I)


def _intent(q: str) -> tuple[str, str, str]:
    """The value the question wants, what it asks about (a yes/no's main clause without its condition: "did she
    hit her head" of "… when she fell?", where the main clause names something) and its condition."""
    if _AGO_ASKED.search(q):
        return "when", q, ""
    intent = next((name for name, rx in INTENTS if rx.search(q)), "yesno")
    if intent == "when" and _YESNO_FORM.match(q) and not _TIME_ASKED.search(q):
        when = _CONDITION_WHEN.search(q)
        rest = q[: when.start()] + q[when.end() :]
        intent = next((name for name, rx in INTENTS if name != "when" and rx.search(rest)), "yesno")
        main = q[: when.start()].strip(" ,") + "?"
        if content_words(main) or any(rx.search(main) for rx in CONCEPT_RX.values()):
            return intent, main, q[when.end() :]
        return intent, q, q[when.end() :]
    return intent, q, ""


_WH = re.compile(r"\b(?:how|when|what|which|where|who|quel\w*|quand|combien|où|qui)\b", re.I)


def read_question(question: str) -> Query:
    whole = question.strip()
    intent, q, condition = _intent(whole)
    concepts = [name for name, rx in CONCEPT_RX.items() if rx.search(q)]
    if "physical therapy" in concepts and "therapy" in concepts:
        concepts.remove("therapy")
    if "echocardiogram" in concepts and "ekg" in concepts:
        concepts.remove("ekg")
    qualifiers = [name for name, rx in QUALIFIERS.items() if rx.search(whole)]  # "… when lying flat at night?"
    if intent == "side":  # "right or left?" offers the sides, it does not set one
        qualifiers = [name for name in qualifiers if name not in ("left", "right")]
    counted = None
    if intent == "count" and (m := COUNT_NOUN.search(q)):
        noun = (m.group(1) or m.group(2)).lower()  # a concept's noun in either language: "children" / "enfants"
        counted = next((rx for rx in CONCEPT_RX.values() if rx.search(noun)), None) or word_pattern(noun)
        if _WEIGHT_UNIT.fullmatch(noun):  # "combien de kilos a-t-il pris ?" asks a weight, in any unit
            intent, counted, concepts = "value", None, list(dict.fromkeys([*concepts, "weight"]))
    elif intent == "count":
        intent = "value"
    # "did his father have a heart attack?" asks the family history, as "any family history of…?" does (not "at
    # what age did his father have it?", whose value the family history does not hold)
    named = (
        (not _WH.search(q) or WHICH_DISEASE.search(q) or AGE_ASKED.search(q))
        and ASKS_OTHER.search(q)
        and lexicon.find_concepts("condition", q)
    )
    # "what disease does his brother have?": any of the relative's
    named = named or WHICH_DISEASE.search(q) and ASKS_OTHER.search(q)
    family = bool(FAMILY.search(q) or named or WHICH_RELATIVE.search(q))
    return Query(q, question_language(whole), intent, concepts, qualifiers, family, counted, condition)


# Words that say nothing of what a question is about (function words, question words, the verbs of any
# question, the words of the intents): what is left names it ("pap smear", "cream", "knee").
_NOT_CONTENT = set(
    """a an the is are was were be been being do does did done have has had having he she his her him they them
    their it its you your i me my we our what when where which who whose why how often long many much any some
    there this that these those of in on at to for from with by about as or and not no yes last first ever still
    currently recently usually now today ago time times day days week weeks month months year years going go get
    got take takes taking took taken use uses using used feel feels feeling felt hurt hurts hurting pain noticed
    notice tell say said see seen run running exactly side left right kind type dose dosage frequently level value
    result number home clinic anything something else been try tried since far patient doctor did much like lately
    before start started starts begin began begun happen happened happens this also again
    le la les un une des du de est sont était ont avez vous il elle ils elles son sa ses leur votre vos quel quelle
    quels quelles quand combien comment où depuis pour par sur dans avec et ou ne pas plus est-ce que qui fait
    prend prenez pris prendre eu avoir être été temps fois jour jours semaine mois an ans année dernier dernière
    commencé commence début arrivé côté droite gauche douleur mal avez-vous a-t-il a-t-elle elle-même y-a-t-il
    t-il t-elle fréquence dose avait avaient aviez lors pendant après chez aussi encore toujours très bien peu
    beaucoup cela ceci était étaient sera out anywhere quelque ailleurs symptom symptoms problem problems issue issues
    symptôme symptômes problème problèmes would could should can will may might during while into onto upon
    put putting apply applied prescribed prescribe prescrit prescrite prescrits prescrites prescrire ordered come
    came comes coming utilise utilisé utilisée utiliser utilisez essayé essayée essayer essayez
    products product produits produit things thing stuff choses chose""".split()
)


_GLOSSED = re.compile(r"(?:[\w'-]+\s+){1,2}\(([^)]{2,30})\)")


def content_words(question: str) -> list[str]:
    """The words of a question that name what it is about (not its concepts, its drugs or its intent)."""
    question = _GLOSSED.sub(r"\1", question)  # "l'assistante médicale (PA)": the gloss names it as the visit does
    words = re.findall(r"[a-zà-ÿœ]{3,}", question.lower()) + [w.lower() for w in re.findall(r"\b[A-Z]{2}\b", question)]
    words += [w.lower() for w in re.findall(r"\b[a-z]{1,4}\d{1,2}[a-z]?\b", question, re.I)]  # "CD4", "B12"
    return [
        w for w in dict.fromkeys(words) if w not in _NOT_CONTENT and not any(rx.search(w) for rx in CONCEPT_RX.values())
    ]


# French and English endings of one word ("vasectomie" / "vasectomy", "similaire" / "similar")
_COGNATE_END = re.compile(r"(?:ies|ie|y|iques?|ic|ical|ites?|itis|ismes?|isms?|oses?|osis|ations?|aires?|ary|ar|e)$")
_ACCENTS = {c: f"[{group}]" for group in ("eéèêë", "aàâ", "iîï", "oô", "uùû", "cç") for c in group}


def _folded(text: str) -> str:
    """A regex of the text that ignores accents ("episode" / "épisode")."""
    return "".join(_ACCENTS.get(c, re.escape(c)) for c in text)


def accent_free(text: str) -> str:
    """A regex of the text that ignores accents: a drug named "paracetamol" in an English question is the
    "paracétamol" of a French visit."""
    return _folded(text)


def word_pattern(word: str) -> re.Pattern:
    """A word and its plural or feminine ("lump" / "lumps", "opéré" / "opérée"), accents or not, and a long
    word's cognate in the other language, so that a French question finds its word in an English visit."""
    own = _own_pattern(word)
    other = translations(word)  # "blessures" / "injuries": the words whose forms differ
    return re.compile(f"{own.pattern}|{other.pattern}", re.I) if other else own


# a test named by letters and a number ("cd4", "b12", "t4"), said in words: "the cd four was six hundred"
_SPOKEN_DIGITS = {
    "1": "one|un",
    "2": "two|deux",
    "3": "three|trois",
    "4": "four|quatre",
    "5": "five|cinq",
    "6": "six",
    "8": "eight|huit",
    "9": "nine|neuf",
    "12": "twelve|douze",
}


def _own_pattern(word: str) -> re.Pattern:
    if (m := re.fullmatch(r"([a-z]+)(\d+)([a-z]*)", word, re.I)) and m.group(2) in _SPOKEN_DIGITS:
        said = f"{m.group(2)}|{_SPOKEN_DIGITS[m.group(2)]}"
        return re.compile(rf"\b{m.group(1)}[\s-]?(?:{said})(?:[\s-]?{m.group(3)})\b", re.I)
    stem = word[:-1] if len(word) > 4 and word.endswith(("s", "x")) else word
    cognate = _COGNATE_END.sub("", stem) if len(word) >= 6 else ""
    if len(word) >= 6 and re.search(r"[a-z](?:ed|ing)$", word):  # "injured" / "injury", "traveled" / "travel"
        cognate = re.sub(r"(?:ed|ing)$", "", stem)
    if len(cognate) >= 5 and cognate != stem:
        return re.compile(rf"\b(?:{_folded(stem)}(?:s|es|e|x)?|{_folded(cognate)}\w{{0,4}})\b", re.I)
    if len(cognate) >= 3 and cognate != stem and re.search(r"(?:ed|ing)$", word):  # "smoking" / "smoke", "hiked"
        return re.compile(rf"\b(?:{_folded(stem)}(?:s|es)?|{_folded(cognate)}(?:e|es|ed|er|ers|ing|s)?)\b", re.I)
    return re.compile(rf"\b{_folded(stem)}(?:s|es|e|x|ed|ing)?\b", re.I)  # "land" / "landed"


# where a qualifier holds, in more words than ask it: a reading "when you came in today" is the clinic's
# a temperature the family took before the visit was taken at home: "yes, last night it was 102.5, with the forehead
# thermometer", "j'ai pris la température hier soir, 37,4"
_TAKEN_AT_HOME = (
    r"\bthermom[eè]t\w*|\b(?:took|checked|taken|pris|mesur[ée]) (?:la |sa |ma |her |his |my |the )?temp[ée]?rature\b|"
    r"\b(?:fever|fi[èe]vre|temp\w*)\b[^!]{0,40}?\b(?:last night|yesterday|this morning|hier(?: soir| matin)?|"
    r"cette nuit|ce matin)\b|"  # "fever?" "yeah, last night it was 102.1"
    r"\b(?:last night|yesterday|hier(?: soir| matin)?|cette nuit)\b[^.?!]{0,30}\b(?:fever|fi[èe]vre|temp\w*)\b"
)
_HOLDS = {
    "home": re.compile(rf"{QUALIFIERS['home'].pattern}|{_TAKEN_AT_HOME}", re.I),
    "clinic": re.compile(
        rf"{QUALIFIERS['clinic'].pattern}|\bwhen you came in\b|"
        r"\b(?:blood pressure|pressure|bp|heart rate|pulse|tension|pouls)\b[^.?!]{0,40}\b(?:today|aujourd'hui)\b|"
        r"\b(?:today|aujourd'hui)\b[^.?!]{0,12}\b(?:blood pressure|bp|heart rate|pulse|tension|pouls)\b",
        re.I,
    ),
}


def qualifiers_hold(query: Query, text: str) -> bool:
    """Every qualifier the question sets is in the evidence: a clinic reading does not answer 'at home'."""
    return all(_HOLDS.get(name, QUALIFIERS[name]).search(text) for name in query.qualifiers)
