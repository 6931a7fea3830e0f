"""Review-of-systems symptoms of the head, the chest and the whole body beyond the common ones of symptoms.py,
with the lay words patients and clinicians use for them ("ringing in my ears", "coughing up blood"): the
standard ROS checklist by system, so that a clinician's question about any of them is read (the abdomen,
urinary tract, skin, nerves and mind are in symptoms_organs.py). The longest surface form wins across tables.
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, symptom

_WHOSE = r"(?:(?:your|my|his|her|the) )?"

ROS_SYMPTOMS: list[Concept] = [
    # Constitutional
    symptom(
        "hot flashes",
        [r"hot (?:flash(?:es)?|flushes)", r"bouff[ée]es de chaleur"],
        "bouffées de chaleur",
        "Constitutional",
    ),
    symptom(
        "sweating",
        [
            r"(?:excessive |cold )?sweat(?:ing|s)",
            r"diaphore(?:sis|tic)",
            r"transpir\w+ (?:beaucoup|abondamment)",
            r"sueurs",
        ],
        "sueurs",
        "Constitutional",
    ),
    symptom(
        "heat or cold intolerance",
        [
            r"(?:heat|cold) intolerance",
            r"intoleran(?:ce|t) (?:of|to) (?:heat|cold)",
            r"intol[ée]rance (?:au|à la) "
            r"(?:chaud|froid|chaleur)",
        ],
        "intolérance au chaud ou au froid",
        "Constitutional",
    ),
    symptom(
        "polydipsia",
        [
            r"polydipsia",
            r"(?:excessive|increased|extreme) thirst",
            r"(?:really|very|always|more|excessively) thirsty",
            r"(?:soif|boire) (?:excessive|beaucoup|tout le temps)",
            r"polydipsie",
        ],
        "polydipsie",
        "Constitutional",
    ),
    # Eyes, ears, nose, throat
    symptom(
        "eye pain",
        [r"eye pain", r"pain in " + _WHOSE + r"eyes?", r"mal aux yeux", r"douleur oculaire"],
        "douleur oculaire",
        "Eyes",
    ),
    symptom(
        "eye redness",
        [r"red eyes?", r"eye redness", r"redness (?:in|of) " + _WHOSE + r"eyes?", r"yeux? rouges?"],
        "œil rouge",
        "Eyes",
    ),
    symptom(
        "photophobia",
        [
            r"photophobia",
            r"(?:sensitiv(?:e|ity)) to (?:the )?light",
            r"light sensitivity",
            r"g[êe]n[ée]e? par la lumi[èe]re",
        ],
        "photophobie",
        "Eyes",
    ),
    symptom(
        "hearing loss",
        [
            r"hearing loss",
            r"loss of hearing",
            r"(?:trouble|difficulty|problems?) (?:with (?:your |my )?)?hearing",
            r"(?:baisse|perte) (?:de l'|d')audition",
            r"entend\w* (?:moins|mal)",
        ],
        "baisse de l'audition",
        "ENT",
    ),
    symptom(
        "tinnitus",
        [
            r"ears? (?:are |is |keeps? |have been |has been )?ringing",
            r"tinnitus",
            r"ringing in " + _WHOSE + r"ears?",
            r"acouph[èe]nes?",
            r"bourdonnements? d'oreilles?",
            r"sifflements? d'oreilles?",
        ],
        "acouphènes",
        "ENT",
    ),
    symptom(
        "epistaxis",
        [
            r"epistaxis",
            r"nose ?bleeds?",
            r"bloody nose",
            r"bleeding from " + _WHOSE + r"nose",
            r"saignements? (?:de|du) nez",
            r"saign\w+ du nez",
            r"[ée]pistaxis",
        ],
        "épistaxis",
        "ENT",
    ),
    symptom("rhinorrhea", [r"runny nose", r"rhinorrh(?:ea|oea|[ée]e)", r"nez qui coule"], "rhinorrhée", "ENT"),
    symptom("sneezing", [r"sneez(?:e|es|ing)", r"[ée]ternuements?", r"[ée]ternue"], "éternuements", "ENT"),
    symptom(
        "postnasal drip",
        [r"post-? ?nasal drip", r"(?:drainage|dripping) down " + _WHOSE + r"throat"],
        "écoulement postérieur",
        "ENT",
    ),
    symptom(
        "sinus pressure",
        [r"sinus (?:pressure|pain)", r"facial (?:pain|pressure)", r"douleurs? des sinus"],
        "douleur sinusienne",
        "ENT",
    ),
    symptom(
        "dysphagia",
        [
            r"dysphagia",
            r"(?:trouble|difficulty|problems?|hard time) swallowing",
            r"hard to swallow",
            r"food (?:getting |gets )?stuck",
            r"dysphagie",
            r"du mal (?:à|a) avaler",
        ],
        "dysphagie",
        "ENT",
    ),
    symptom(
        "odynophagia",
        [
            r"odynophagia",
            r"pain(?:ful)? (?:with |when |on )?swallowing",
            r"hurts to swallow",
            r"mal (?:à|a|en) avaler",
            r"odynophagie",
        ],
        "odynophagie",
        "ENT",
    ),
    symptom(
        "hoarseness",
        [r"lost (?:my|his|her) voice", r"hoarse(?:ness)?", r"voix (?:rauque|enrou[ée]e)", r"enrou[ée]e?"],
        "voix rauque",
        "ENT",
    ),
    symptom(
        "swollen lymph nodes",
        [
            r"swollen (?:lymph nodes|glands)",
            r"(?:lymph nodes|glands) (?:are |were |feel |felt )?swollen",
            r"ganglions? (?:gonfl[ée]s|enfl[ée]s)",
        ],
        "ganglions",
        "ENT",
    ),
    # Respiratory, cardiovascular
    symptom(
        "hemoptysis",
        [
            r"hemoptysis",
            r"cough(?:ed|ing)? up (?:any |some )?blood",
            # "any blood when you cough?"
            r"blood when (?:you|i|he|she) cough",
            # "any blood in what you cough up?": the blood, not the cough, is asked about
            r"blood in (?:what|anything) (?:you|i|he|she) (?:cough|bring) up",
            r"blood in " + _WHOSE + r"(?:sputum|phlegm)",
            r"cracher du sang",
            r"crach\w+ (?:du sang|sanglants?)",
            r"h[ée]moptysies?",
        ],
        "hémoptysie",
        "Respiratory",
    ),
    symptom(
        "sputum production",
        [
            r"sputum(?: production)?",
            r"phlegm",
            r"cough(?:ing)? up (?:phlegm|mucus|sputum)",
            r"crachats?",
            r"expectorations?",
            # "Vous crachez ?" "Oui, des glaires": bringing sputum up, not blood (hemoptysis has its own words)
            r"crach(?:e|ez|es|ent|ais|ait|é)\b(?! (?:du|de|des) sang)",
            r"glaires",
        ],
        "expectorations",
        "Respiratory",
    ),
    symptom(
        "paroxysmal nocturnal dyspnea",
        [r"paroxysmal nocturnal dyspn(?:ea|oea)", r"wak(?:e|es|ing) up (?:at night )?(?:short of breath|gasping)"],
        "dyspnée paroxystique nocturne",
        "Respiratory",
    ),
    symptom(
        "claudication",
        [r"claudication", r"(?:leg|calf|calves) (?:pain|cramp(?:s|ing)?) (?:when|with) walking"],
        "claudication",
        "Cardiovascular",
    ),
    symptom(
        "fluid retention",
        [r"fluid retention", r"retain(?:ing)? (?:fluid|water)", r"water retention", r"r[ée]tention d'eau"],
        "rétention d'eau",
        "Cardiovascular",
    ),
    # lay words for what a physician writes with its site or its own name
    # the site the patient names is the one a physician writes: "ankle swelling", "swollen feet"
    symptom(
        "ankle swelling",
        [
            r"gonflement (?:des|aux) chevilles",
            r"ankles? swelling",
            r"swollen ankles?",
            r"swelling (?:in|of|around) (?:(?:my|your|his|her|the|both)\W+)*ankles?",
            r"ankles?(?:,? (?:or|and) (?:legs?|ankles?|feet))* (?:(?:are|is|have been|has been|were|"
            r"being|getting|get) )*(?:swollen|swelling|swell)",
            # "my ankles puff up", "puffy ankles"
            r"ankles? (?:(?:are|is|get|gets|have been|has been) )?puff(?:y|ing up|ed up|s? up)",
            r"puffy ankles?",
            r"chevilles? (?:qui )?(?:gonfl|enfl)\w*",
            r"(?:œ|oe)d[èe]mes? des chevilles",
        ],
        "œdème des chevilles",
        "Cardiovascular",
    ),
    symptom(
        "foot swelling",
        [
            r"pieds? (?:qui )?(?:gonfl|enfl)\w*",
            r"(?:feet|foot) swelling",
            r"swollen feet",
            r"swelling (?:in|of|around) (?:(?:my|your|his|her|the|both)\W+)*(?:feet|foot)",
            r"(?:feet|foot)(?:,? (?:or|and) (?:legs?|ankles?|feet))* (?:(?:are|is|have been|has been|were|"
            r"being|getting|get) )*(?:swollen|swelling|swell)",
            r"pieds? gonfl[ée]s?",
        ],
        "œdème des pieds",
        "Cardiovascular",
    ),
    symptom(
        "rhinorrhea",
        [
            r"runny nose",
            r"nose (?:is |keeps |has been )?running",
            r"rhinorrh(?:ea|oea|[ée]e)",
            r"nez qui coule",
            r"[ée]coulement nasal",
        ],
        "rhinorrhée",
        "ENT",
    ),
    symptom(
        "change in bowel habits",
        [
            r"changes? in (?:my |your |his |her )?bowel (?:habits|movements)",
            r"bowel habits? (?:change|changes|changed)",
            r"(?:troubles?|probl[èe]mes?|modifications?|changements?) (?:du|de) transit",
            r"transit (?:perturb|modifi|chang)\w*",
        ],
        "troubles du transit",
        "Gastrointestinal",
    ),
    symptom(
        "stress",
        [
            r"(?:a lot of|lots of|too much|so much|under|increased|more|extra|some) stress(?! test)",
            r"stressed out",
            r"(?:beaucoup de|trop de) stress",
        ],
        "stress",
        "Psychiatric",
    ),
    symptom(
        "cold intolerance",
        [
            r"cold intolerance",
            r"intoleran\w+ (?:to|of) (?:the )?cold",
            r"(?:always|constantly) (?:feel(?:ing)? |so |really )?cold",
            r"feel(?:s|ing)? cold all the time",
            r"frileu(?:x|se)",
            r"(?:j'ai|a) toujours froid",
        ],
        "frilosité",
        "Constitutional",
    ),
    symptom(
        "difficulty concentrating",
        [
            r"(?:trouble|difficulty|hard time|problems?) (?:concentrating|focusing|with (?:concentration|focus))",
            r"can(?:'t|not| n't) (?:concentrate|focus)",
            r"poor concentration",
            r"(?:troubles?|difficultés?) (?:de|à) (?:la )?concentr\w+",
            r"(?:n'arrive|arrive) (?:pas|plus) à (?:me |se )?concentrer",
        ],
        "difficultés de concentration",
        "Psychiatric",
    ),
    symptom(
        "anhedonia",
        [
            r"anhedonia",
            r"loss of interest",
            r"(?:lost|lose|losing) interest",
            r"perte d'intérêt",
            r"(?:plus|pas) envie de rien",
        ],
        "anhédonie",
        "Psychiatric",
    ),
    symptom(
        "early morning awakening",
        [
            r"early (?:morning )?awakening",
            r"wak(?:e|ing) up (?:way |too |really )?early",
            r"wak(?:e|ing) up at (?:[2-5]|two|three|four|five)(?: (?:am|a\.m\.|in the morning|o'clock))?",
            r"réveils? précoces?",
            r"réveill?e? (?:à|vers) (?:[2-5]|deux|trois|quatre|cinq) heures",
        ],
        "réveils précoces",
        "Psychiatric",
    ),
    symptom(
        "joint clicking",
        [
            r"clicking",
            r"(?:knee|joint|shoulder|jaw|hip|it) (?:clicks|catches|locks)(?! (?:me|you|him|her)\b)",
            r"craquements?",
            r"ressauts?",
        ],
        "craquements articulaires",
        "Musculoskeletal",
    ),
    symptom(
        "crepitus", [r"crepitus", r"crepitations?", r"crépitations? articulaires?"], "crépitations", "Musculoskeletal"
    ),
    symptom(
        "acid regurgitation",
        [
            r"(?:acid|sour|bitter) (?:taste|regurgitation|brash)",
            r"regurgitation",
            r"(?:food|acid) (?:comes|coming) (?:back )?up",
            r"remontées? acides?",
            r"régurgitations?",
            r"goût (?:acide|amer) dans la bouche",
        ],
        "régurgitations acides",
        "Gastrointestinal",
    ),
    symptom(
        "dry skin",
        [
            r"dry skin",
            r"skin (?:is|gets|feels) (?:very |really |so )?dry",
            r"xerosis",
            r"peau (?:très )?sèche",
            r"sécheresse (?:de la peau|cutanée)",
            r"xérose",
        ],
        "peau sèche",
        "Skin",
    ),
    symptom(
        "snoring",
        [r"snor(?:ing|es|e|ed)", r"ronfl\w+"],
        "ronflement",
        "Respiratory",
    ),
    symptom(
        "daytime sleepiness",
        [
            r"daytime (?:sleepiness|somnolence|drowsiness)",
            r"(?:nodding|dozing|drifting) off (?:during the day|in (?:the|his|her|my) chair|in front of the tv)",
            r"somnolence (?:diurne|dans la journée)",
            r"(?:s'endort|endormie?) dans la journée",
        ],
        "somnolence diurne",
        "Neurological",
    ),
    symptom(
        "gum bleeding",
        [
            r"(?:bleeding|bleed) (?:from )?(?:the |my |his |her )?gums",
            r"gums? (?:bleed|bleeds|bleeding|bled)",
            r"saignements? (?:des|de la) gencives?",
            r"gencives? qui saignent",
            r"gencives saignent",
        ],
        "saignement des gencives",
        "ENT",
    ),
]
