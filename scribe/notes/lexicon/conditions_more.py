"""More condition concepts: common outpatient diagnoses whose words have no condition shape (scribe.notes.terms
reads "-itis", "-osis", "tear", "syndrome"... without a list) and that the first table lacks: "erectile
dysfunction", "frozen shoulder", "shingles", "elevated liver enzymes".

A code is given only where the spoken name maps to one ICD-10-CM code without a side or a detail nobody
said (frozen shoulder and trigger finger need a side: no code here; the assessment adds none either).
Words that are also symptoms in lexicon/symptoms.py (constipation, insomnia, vertigo, anxiety, weight gain)
stay symptoms: one name, one fact.
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, condition

MORE_CONDITIONS: list[Concept] = [
    condition(
        "erectile dysfunction",
        [r"erectile dysfunction", r"dysfonction érectile", r"troubles? de l'érection"],
        "dysfonction érectile",
        code="N52.9",
        plain_en="erection problems (erectile dysfunction)",
        plain_fr="des troubles de l'érection",
    ),
    condition(
        "hypogonadism",
        [r"(?:male )?hypogonadism", r"low testosterone", r"testosterone deficiency", r"hypogonadisme"],
        "hypogonadisme",
        plain_en="low testosterone",
        plain_fr="un manque de testostérone",
    ),
    condition("gynecomastia", [r"gyn[ae]e?comastia", r"gynécomastie"], "gynécomastie", code="N62"),
    condition(
        "hypertriglyceridemia",
        [r"hypertriglyceridemia", r"(?:high|elevated) triglycerides", r"hypertriglycéridémie"],
        "hypertriglycéridémie",
        code="E78.1",
        plain_en="high triglycerides (a blood fat)",
        plain_fr="trop de triglycérides (graisses) dans le sang",
    ),
    condition("goiter", [r"goit(?:er|re)", r"goitre"], "goitre", code="E04.9"),
    condition(
        "prediabetes",
        [r"pre-?\s?diabet(?:es|ic)", r"prédiabète"],
        "prédiabète",
        code="R73.03",
        plain_en="blood sugar a little high (prediabetes)",
        plain_fr="un sucre un peu élevé (prédiabète)",
    ),
    condition(
        "vitamin B12 deficiency",
        [r"(?:vitamin )?b\s?12 deficiency", r"low (?:vitamin )?b\s?12", r"carence en (?:vitamine )?b12"],
        "carence en vitamine B12",
        code="E53.8",
    ),
    condition(
        "vitamin D deficiency",
        [r"vitamin d deficiency", r"low vitamin d", r"carence en vitamine d"],
        "carence en vitamine D",
        code="E55.9",
    ),
    condition("varicose veins", [r"varicose veins?", r"varices"], "varices"),
    condition(
        "influenza",
        [
            r"influenza(?! (?:vaccin\w*|shot))",
            r"the flu(?! (?:shot|vaccin\w*))",
            r"(?<!contre\sla\s)(?<!de\sla\s)grippe(?! saisonnière)",
        ],
        "grippe",
        plain_en="the flu",
        plain_fr="la grippe",
    ),
    condition(
        # a panic attack is an event (symptoms_organs), not the disorder of recurrent ones
        "panic disorder",
        [r"panic disorder", r"trouble panique"],
        "trouble panique",
        code="F41.0",
    ),
    condition(
        "attention deficit hyperactivity disorder",
        [r"adhd", r"attention deficit(?: hyperactivity)? disorder", r"tdah"],
        "trouble du déficit de l'attention (TDAH)",
        code="F90.9",
    ),
    condition(
        "post-traumatic stress disorder",
        [r"ptsd", r"post-?\s?traumatic stress(?: disorder)?", r"stress post-traumatique"],
        "état de stress post-traumatique",
        code="F43.10",
    ),
    condition("dementia", [r"dementia", r"démence"], "démence", code="F03.90"),
    condition(
        "Alzheimer's disease",
        [r"alzheimer'?s?(?: disease)?", r"maladie d'alzheimer"],
        "maladie d'Alzheimer",
        code="G30.9",
    ),
    condition("Parkinson's disease", [r"parkinson'?s?(?: disease)?", r"maladie de parkinson"], "maladie de Parkinson"),
    condition(
        "transient ischemic attack",
        [
            r"transient ischa?emic attack",
            r"\btia\b",
            r"mini-?\s?stroke",
            r"accident ischémique transitoire",
            # the subjunctive "qu'il ait eu", "que le cœur ait souffert" is no AIT: a verb's participle follows
            r"\bait\b(?!\s+(?:été|eu|pu|fait|une?|des?|les?|la|du|pas|plus|bien|besoin|lieu|toujours|encore|"
            r"[a-zà-ÿ]+(?:é|ée|és|ées|ert|erte|is|ise|it|ite|u|ue)\b))",
        ],
        "accident ischémique transitoire",
        code="G45.9",
        plain_en="a mini-stroke (transient ischemic attack)",
        plain_fr="un mini-AVC (accident ischémique transitoire)",
    ),
    condition(
        "adhesive capsulitis",
        [r"frozen shoulder", r"adhesive capsulitis", r"capsulite rétractile", r"épaule gelée"],
        "capsulite rétractile",
        plain_en="a stiff, frozen shoulder",
        plain_fr="une épaule raide (capsulite)",
    ),
    condition(
        "lateral epicondylitis",
        [r"tennis elbow", r"lateral epicondylitis", r"épicondylite(?: latérale)?"],
        "épicondylite latérale",
        plain_en="tennis elbow",
        plain_fr="une épicondylite (tennis elbow)",
    ),
    condition("trigger finger", [r"trigger (?:finger|thumb)", r"doigt à ressaut"], "doigt à ressaut"),
    condition("Crohn's disease", [r"crohn'?s?(?: disease)?", r"maladie de crohn"], "maladie de Crohn", code="K50.90"),
    condition("hemorrhoids", [r"ha?emorrhoids?", r"hémorro[iï]des?"], "hémorroïdes", code="K64.9"),
    condition(
        "fatty liver",
        [r"fatty liver(?: disease)?", r"hepatic steatosis", r"nafld", r"masld", r"stéatose hépatique", r"foie gras"],
        "stéatose hépatique",
        code="K76.0",
    ),
    condition(
        "abnormal liver enzymes",
        [
            r"(?:abnormal|elevated|high|raised) (?:liver enzymes|lfts|liver function tests|transaminases)",
            r"transaminitis",
            r"(?:enzymes hépatiques|transaminases) (?:élevées|augmentées)",
        ],
        "perturbation du bilan hépatique",
        plain_en="liver blood tests that are a little high",
        plain_fr="un bilan du foie un peu perturbé",
    ),
    condition("acne", [r"acne(?: vulgaris)?", r"acné"], "acné", code="L70.9"),
    condition("rosacea", [r"rosacea", r"rosacée"], "rosacée", code="L71.9"),
    condition(
        "herpes zoster",
        [r"shingles", r"herpes zoster", r"\bzona\b"],
        "zona",
        code="B02.9",
        plain_en="shingles",
        plain_fr="un zona",
    ),
    condition("warts", [r"warts?", r"verrues?"], "verrues", code="B07.9"),
    condition(
        "overactive bladder", [r"overactive bladder", r"vessie hyperactive"], "vessie hyperactive", code="N32.81"
    ),
    condition(
        "urinary incontinence",
        [r"(?:urinary )?incontinence", r"incontinence urinaire"],
        "incontinence urinaire",
        code="R32",
    ),
    condition("cataract", [r"cataracts?", r"cataracte"], "cataracte", code="H26.9"),
    condition(
        "macular degeneration",
        [r"(?:age-?\s?related )?macular degeneration", r"dégénérescence maculaire"],
        "dégénérescence maculaire",
        code="H35.30",
    ),
    condition("dehydration", [r"dehydrat(?:ion|ed)", r"déshydrat(?:ation|ée?)"], "déshydratation", code="E86.0"),
    condition(
        "Cushing's syndrome",
        [r"cushing'?s?(?: syndrome| disease)?", r"syndrome de cushing"],
        "syndrome de Cushing",
        code="E24.9",
    ),
    condition(
        "keloid",
        [r"keloids?", r"hypertrophic scars?", r"chéloïdes?", r"cicatrices? hypertrophiques?"],
        "chéloïde",
        code="L91.0",
    ),
    condition(
        "pulmonary embolism",
        [r"pulmonary embol(?:ism|us)", r"embolie pulmonaire"],
        "embolie pulmonaire",
        plain_en="a blood clot in the lungs (pulmonary embolism)",
        plain_fr="un caillot dans le poumon (embolie pulmonaire)",
    ),
    condition(
        "deep vein thrombosis",
        [r"deep vein thrombosis", r"\bdvt\b", r"phlébite", r"thrombose veineuse(?: profonde)?", r"\btvp\b"],
        "thrombose veineuse profonde",
        plain_en="a blood clot in a leg vein (deep vein thrombosis)",
        plain_fr="un caillot dans une veine de la jambe (phlébite)",
    ),
    condition(
        "preoperative evaluation",
        [
            r"pre-?op(?:erative)? (?:exam(?:ination)?|evaluation|assessment|clearance|visit|check)",
            r"(?:surgical|medical) clearance",
            r"bilan pr[ée]-?op[ée]ratoire",
            r"consultation pr[ée]-?anesth[ée]sique",
        ],
        "bilan préopératoire",
        code="Z01.818",
        plain_en="a check before surgery",
        plain_fr="un bilan avant l'opération",
    ),
    condition(
        "widened scar",
        [
            r"(?:widened|widening|stretched|wide) scars?",
            r"scars? (?:that )?(?:did |has |have |had )?widen(?:ed|s)?",
            r"cicatrices? élargies?",
        ],
        "cicatrice élargie",
        plain_en="a scar that has widened",
        plain_fr="une cicatrice élargie",
    ),
    condition(
        "blood clot",
        # "his cousin had a clot that went to the lung": told of a relative, a clot all the same
        [
            r"blood clots?",
            r"(?:un |des )?caillots? (?:sanguins?|de sang)",
            r"a clot that went to (?:the|his|her) lungs?",
        ],
        "caillot sanguin",
        plain_en="a blood clot",
        plain_fr="un caillot sanguin",
    ),
]
