"""Review-of-systems symptoms of the abdomen, the urinary and genital tract, the skin, the nervous system and
the mind, with their lay words ("dark or tarry stools", "problems with your bladder or your bowels", "feeling
down"); the head, chest and general ones are in symptoms_ros.py, the commonest in symptoms.py.
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, symptom

_WHOSE = r"(?:(?:your|my|his|her|the) )?"
_STOOLS = r"(?:stools?|bowel movements?|poops?)"
_DARK = r"(?:black|dark|tarry)"

ORGAN_SYMPTOMS: list[Concept] = [
    # Gastrointestinal
    symptom(
        "melena",
        [
            r"mel(?:a|e)ena",
            rf"{_DARK}(?:,? (?:or |and )?{_DARK})*,? (?:or |and )?(?:colored |looking )?{_STOOLS}",
            rf"{_STOOLS} (?:(?:look|looking|that look|are|were|have been|been|being|turn(?:ed)?|look like) )*"
            rf"{_DARK}(?:,? (?:or |and )?{_DARK})*",
            r"selles (?:sont |étaient )?noires",
            r"m[ée]l[ée]na",
        ],
        "méléna",
        "Gastrointestinal",
    ),
    symptom(
        "dark urine", [r"dark(?:er)? (?:colou?red )?urine", r"urines? fonc[ée]es"], "urines foncées", "Genitourinary"
    ),
    symptom(
        "change in bowel habits",
        [
            r"changes? in " + _WHOSE + r"(?:bowel (?:habits?|movements?)|stools?)",
            r"bowel (?:habits?|movements?) (?:have |has )?changed",
            r"changement du transit",
            r"troubles? du transit",
        ],
        "trouble du transit",
        "Gastrointestinal",
    ),
    symptom(
        "abdominal distension",
        [
            r"(?:abdominal|belly|stomach) (?:distension|distention|swelling)",
            r"distended (?:belly|abdomen|stomach)",
            r"swollen (?:belly|abdomen|stomach)",
            r"ventre gonfl[ée]",
            r"distension abdominale",
        ],
        "distension abdominale",
        "Gastrointestinal",
    ),
    symptom(
        "indigestion", [r"indigestion", r"dyspepsia", r"upset stomach", r"dyspepsie"], "dyspepsie", "Gastrointestinal"
    ),
    # Bowel and bladder (a back-pain red flag asked together)
    symptom(
        "bowel or bladder dysfunction",
        [
            rf"(?:problems?|issues?|trouble|changes?|difficult(?:y|ies)|control) (?:with|of|in) {_WHOSE}"
            rf"(?:bowels?|bladder) (?:or|and|nor) {_WHOSE}(?:bowels?|bladder)",
            r"(?:bowel|bladder) (?:or|and) (?:bowel|bladder) (?:problems?|issues?|dysfunction|incontinence|control|"
            r"changes?|symptoms?)",
            r"incontinence of (?:bowel|bladder|stool|urine) (?:or|and) (?:bowel|bladder|stool|urine)",
            r"troubles? sphinct[ée]riens?",
        ],
        "troubles sphinctériens",
        "Genitourinary",
    ),
    symptom(
        "bladder dysfunction",
        [
            rf"(?:problems?|issues?|trouble|difficulty|changes?) (?:with|controlling|in) {_WHOSE}bladder",
            r"bladder (?:problems?|issues?|dysfunction|control)",
            r"loss of bladder control",
            r"urinary retention",
        ],
        "trouble vésical",
        "Genitourinary",
    ),
    symptom(
        "bowel dysfunction",
        [
            rf"(?:problems?|issues?|trouble|difficulty) (?:with|controlling) {_WHOSE}bowels?",
            r"bowel (?:problems?|issues?|dysfunction|control|incontinence)",
            r"loss of bowel control",
            r"fecal incontinence",
        ],
        "trouble du transit",
        "Gastrointestinal",
    ),
    # Genitourinary
    symptom(
        "urinary incontinence",
        [
            r"leak(?:ing|s)? (?:of )?urine",
            r"urinary incontinence",
            r"leak(?:s|ing)? (?:urine|when i (?:cough|laugh))",
            r"wet(?:ting)? (?:myself|yourself)",
            r"fuites? urinaires?",
            r"perd\w* (?:vos|mes|ses|les|ses) urines",
            r"incontinence urinaire",
        ],
        "incontinence urinaire",
        "Genitourinary",
    ),
    symptom(
        "nocturia",
        [
            r"nocturia",
            r"(?:get(?:ting)?|wak(?:e|ing)) up (?:at night |during the night |in the night )?"
            r"(?:to (?:pee|urinate|go to the bathroom))",
            r"(?:pee|urinat)\w* (?:at|during the) night",
            r"nycturie",
            r"(?:me l[èe]ve|se lever) la nuit pour uriner",
        ],
        "nycturie",
        "Genitourinary",
    ),
    symptom(
        "urinary urgency",
        [
            r"urinary urgency",
            r"(?:frequency|burning)(?:,| or| and) urgency",
            r"urgency(?:,| or| and) (?:frequency|burning)",
            r"urge to (?:urinate|pee)",
            r"urgent need to (?:urinate|pee)",
            r"urgenturie",
            r"besoins? pressants?",
        ],
        "urgenturie",
        "Genitourinary",
    ),
    symptom(
        "urinary hesitancy",
        [
            r"(?:urinary )?hesitancy",
            r"weak (?:urine |urinary )?stream",
            r"(?:trouble|difficulty) (?:starting|getting) " + _WHOSE + r"(?:urine )?stream",
            r"jet (?:faible|urinaire faible)",
            r"(?:du mal|des difficultés?) (?:à|pour) uriner",
        ],
        "dysurie (jet faible)",
        "Genitourinary",
    ),
    symptom(
        "vaginal bleeding",
        [r"vaginal bleeding", r"bleeding between (?:periods|cycles)", r"spotting", r"saignements? vaginaux"],
        "saignements vaginaux",
        "Genitourinary",
    ),
    symptom("vaginal discharge", [r"vaginal discharge", r"pertes vaginales"], "pertes vaginales", "Genitourinary"),
    symptom(
        "menorrhagia",
        [
            r"menorrhagia",
            r"heavy (?:menstrual (?:bleeding|periods?|flow)|periods?|menses)",
            r"(?:periods?|menses) (?:(?:are|is|have been|has been|being) )?(?:really |very )?heavy",
            r"r[èe]gles (?:abondantes|tr[èe]s abondantes|h[ée]morragiques)",
            r"m[ée]norragies?",
        ],
        "ménorragies",
        "Genitourinary",
    ),
    # Musculoskeletal, skin, blood
    symptom(
        "muscle cramps",
        [
            r"(?:muscle|leg) cramp(?:s|ing)?",
            r"cramp(?:s|ing)? in " + _WHOSE + r"(?:legs?|calf|calves|muscles?|feet)",
            r"crampes?",
        ],
        "crampes",
        "Musculoskeletal",
    ),
    symptom(
        "neck stiffness",
        [r"stiff neck", r"neck stiffness", r"raideur (?:de la )?nuque", r"nuque raide"],
        "raideur de nuque",
        "Musculoskeletal",
    ),
    symptom(
        "easy bruising",
        [
            r"(?:easy|easily) bruis(?:e|es|ing)",
            r"(?:excessive|unusual|abnormal) (?:bruising|bleeding)",
            r"bruis(?:e|es|ing) (?:very )?easily",
            r"bleed(?:s|ing)? (?:very )?easily",
            r"easy bleeding",
            r"bleeding gums",
            r"bleeding (?:from|of) " + _WHOSE + r"gums",
            r"ecchymoses? faciles?",
        ],
        "ecchymoses faciles",
        "Skin",
    ),
    symptom(
        "hair loss",
        [
            r"hair loss",
            r"losing " + _WHOSE + r"hair",
            r"(?:thinning|falling out) hair",
            r"hair (?:is )?(?:thinning|falling out)",
            r"chute (?:des|de) cheveux",
        ],
        "chute de cheveux",
        "Skin",
    ),
    # Neurological, psychiatric
    symptom(
        "confusion",
        [
            r"(?:any|some|episodes? of|feeling|felt|been|gets?|getting) (?:confused|confusion)",
            r"disoriented",
            r"disorientation",
        ],
        "confusion",
        "Neurological",
    ),
    symptom(
        "memory loss",
        [
            r"memory (?:loss|problems?|issues?|trouble|lapses?)",
            r"(?:trouble|problems?|difficulty) (?:with )?" + _WHOSE + r"memory",
            r"forgetful(?:ness)?",
            r"(?:troubles?|pertes?) de (?:la )?m[ée]moire",
        ],
        "troubles de la mémoire",
        "Neurological",
    ),
    symptom(
        "seizures",
        [r"seizures?", r"convulsions?", r"crises? (?:convulsives?|d'[ée]pilepsie)"],
        "convulsions",
        "Neurological",
    ),
    symptom(
        "tremor",
        [
            r"hands? (?:shake|shakes|shaking|are shaking|tremble|trembling)",
            r"shaky hands?",
            r"tremors?",
            r"shak(?:y|iness) hands?",
            r"hands? (?:are |have been )?shak(?:y|ing)",
            r"tremblements?",
        ],
        "tremblements",
        "Neurological",
    ),
    symptom(
        "balance problems",
        [
            r"los(?:t|e|ing) (?:my|his|her) balance",
            r"off balance",
            r"(?:problems?|issues?|trouble|difficulty) (?:with )?" + _WHOSE + r"balance",
            r"balance (?:problems?|issues?)",
            r"unsteady(?: on (?:my|your) feet)?",
            r"unsteadiness",
            r"off balance",
            r"troubles? de l'[ée]quilibre",
            r"d[ée]s[ée]quilibre",
        ],
        "troubles de l'équilibre",
        "Neurological",
    ),
    symptom(
        "slurred speech",
        [
            r"slurr(?:ed|ing) (?:speech|words)",
            r"(?:trouble|difficulty) (?:speaking|getting (?:the|my|your) words out)",
            r"troubles? de la parole",
        ],
        "troubles de la parole",
        "Neurological",
    ),
    symptom(
        "panic attacks",
        [r"panic attacks?", r"crises? (?:d'angoisse|de panique)", r"attaques? de panique"],
        "crises d'angoisse",
        "Psychiatric",
    ),
    symptom(
        "mood changes",
        [r"mood (?:changes?|swings)", r"irritability", r"sautes d'humeur", r"irritabilit[ée]"],
        "troubles de l'humeur",
        "Psychiatric",
    ),
    symptom(
        "hallucinations",
        [r"hallucinat(?:ions?|ing)", r"hearing voices", r"hallucinations?"],
        "hallucinations",
        "Psychiatric",
    ),
    # Mood, sleep and sight
    symptom(
        "anxiety",
        [
            r"angoiss[ée]e?s?",
            r"anxi(?:ety|ous)",
            r"stress(?:ed)?(?! tests?)",
            r"nervous",
            r"anxi(?:[ée]t[ée]|eux|euse)",
            r"stress[ée]e?",
        ],
        "anxiété",
        "Psychiatric",
    ),
    symptom(
        "depressed mood",
        [
            r"depressed",
            r"(?:feeling|felt|feel) (?:down|sad|blue|hopeless)",
            # "pretty down lately": down as a mood, not a direction ("down the stairs", "down to Florida")
            r"(?:pretty|really|so|very|quite) down\b(?! (?:to|the|there|here|on|in|at|from|with|a|an|my|your|his|her))",
            r"(?:le )?moral (?:est )?(?:bas|à zéro|dans les chaussettes)",
            r"low mood",
            r"(?:struggl|battl|deal|cop)\w* (?:with|through) (?:my |the |your |his |her |some )?depression",
            r"d[ée]prim[ée]e?",
            r"triste",
        ],
        "humeur triste",
        "Psychiatric",
    ),
    symptom(
        "difficulty sleeping",
        [
            r"(?:trouble|problems?|difficulty|issues?) (?:with )?(?:sleeping|falling asleep|staying asleep|"
            r"(?:my )?sleep)",
            r"can't sleep",
            r"ca n't sleep",
            # "I can't fall asleep", "it's hard to stay asleep", "je n'arrive pas à m'endormir"
            r"(?:can't|ca n't|cannot|can not) (?:fall|stay|get to) (?:a)?sleep",
            r"hard (?:time )?(?:to )?(?:fall|falling|stay|staying) asleep",
            r"n'arrive (?:pas|plus) à (?:dormir|m'endormir)",
            r"insomnia",
            r"(?:not |n't )sleeping (?:well|good)",
            r"insomnies?",
            r"du mal à (?:dormir|m'endormir)",
            r"troubles? du sommeil",
            r"dors mal",
            r"affect(?:ing|s|ed)? (?:my|your|his|her) sleep",
            r"(?:n')?arriv\w+ pas (?:à|a) dormir",
            r"emp[êe]ch\w+ de dormir",
        ],
        "troubles du sommeil",
        "Psychiatric",
    ),
    symptom(
        "vision changes",
        [
            r"vision (?:is|has been|gets|got|was|'s been) (?:blurry|blurred|fuzzy|cloudy)",
            r"see(?:ing)? double",
            r"things (?:get|look|are|go|got) (?:blurry|fuzzy)",
            r"blurr(?:y|ed) vision",
            r"vision changes?",
            r"vision loss",
            r"loss of vision",
            r"changes? in (?:your|my|his|her) vision",
            r"trouble seeing",
            r"double vision",
            r"visual (?:changes?|disturbances?|problems?)",
            r"vision floue",
            r"troubles? (?:de la vision|visuels?)",
            r"(?:vois|voyez|voit) (?:flou|trouble|double)",
            r"vue (?:floue|trouble)",
            r"perte de (?:la )?vue",
            r"vue a(?:-t-elle)? chang[ée]e?",
            r"troubles? de la vue",
        ],
        "troubles de la vue",
        "Eyes",
    ),
    symptom(
        "suicidal ideation",
        [
            r"suicidal (?:thoughts|ideation|ideas)",
            r"(?:thoughts|feelings) of (?:wanting to )?(?:harm|hurt|kill)(?:ing)? (?:yourself|herself|himself|myself)",
            r"(?:wanting|want) to (?:harm|hurt|kill) (?:yourself|herself|himself|myself)",
            r"id[ée]es? (?:suicidaires?|noires)",
        ],
        "idées suicidaires",
        "Psychiatric",
    ),
    symptom(
        "homicidal ideation",
        [r"homicidal (?:thoughts|ideation)", r"(?:harm|hurt)(?:ing)? others", r"faire du mal aux autres"],
        "idées hétéro-agressives",
        "Psychiatric",
    ),
]
