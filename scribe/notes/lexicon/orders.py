"""What a clinician orders, refers to or advises, by the words said: the plan is written from these typed
items ("Lipid panel ordered.", "Referral to a nutritionist.") rather than from the spoken clause.

(type, English label, French label, pattern). Patterns are lower-case regex fragments matched on word
boundaries; the first matching row wins for a span, so specific rows come before generic ones.
"""

from __future__ import annotations

ORDERS: list[tuple[str, str, str, str]] = [
    # laboratory
    ("lab", "lipid panel", "bilan lipidique", r"lipid panel|lipids|cholesterol (?:panel|test|levels?)|bilan lipidique"),
    ("lab", "hemoglobin A1c", "hémoglobine glyquée", r"(?:hemoglobin |hgb )?a1c|hba1c|h[ée]moglobine glyqu[ée]e"),
    ("lab", "complete blood count", "NFS", r"cbc|complete blood count|nfs|num[ée]ration formule sanguine"),
    (
        "lab",
        "comprehensive metabolic panel",
        "bilan métabolique complet",
        r"cmp|comprehensive metabolic panel|chem[- ]?(?:12|14)|chemistry panel",
    ),
    ("lab", "basic metabolic panel", "ionogramme", r"bmp|basic metabolic panel|chem[- ]?7|ionogramme"),
    (
        "lab",
        "thyroid function tests",
        "bilan thyroïdien",
        r"tsh|thyroid (?:panel|function|levels?|tests?)|bilan thyro\w+",
    ),
    (
        "lab",
        "liver function tests",
        "bilan hépatique",
        r"liver (?:function|enzymes|panel|tests?)|lfts?|bilan h[ée]patique",
    ),
    ("lab", "renal function tests", "bilan rénal", r"(?:kidney|renal) function(?: tests?)?|cr[ée]atinin[ée]mie"),
    ("lab", "urine culture", "ECBU", r"urine culture|ecbu"),
    ("lab", "urinalysis", "bandelette urinaire", r"urinalysis|urine (?:test|sample|analysis)|bandelette urinaire"),
    ("lab", "vitamin D level", "dosage de la vitamine D", r"vitamin d (?:level|test)s?|dosage de la vitamine d"),
    ("lab", "PSA", "PSA", r"psa"),
    ("lab", "hepatitis C RNA and genotype", "ARN et génotype du VHC", r"(?:hep c|hcv) rna|hcv genotype"),
    ("lab", "autoimmune panel", "bilan auto-immun", r"autoimmune panel|bilan auto-?immun"),
    ("lab", "uric acid level", "uricémie", r"uric acid(?: level)?|uric[ée]mie"),
    ("lab", "aldosterone and renin levels", "aldostérone et rénine", r"aldosterone(?: and renin)?(?: levels?)?"),
    ("lab", "24-hour urine collection", "recueil des urines de 24 heures", r"24[- ]hour urine|twenty four hour urine"),
    ("lab", "strep test", "test streptococcique", r"(?:rapid )?strep (?:test|swab)|trod"),
    ("lab", "blood cultures", "hémocultures", r"blood cultures|h[ée]mocultures"),
    ("lab", "laboratory tests", "bilan sanguin", r"blood ?work|labs|lab work|blood tests?|prise de sang|bilan sanguin"),
    # imaging
    ("imaging", "echocardiogram", "échocardiographie", r"echocardiogram|echo|[ée]chocardiographie|[ée]cho cardiaque"),
    ("imaging", "mammogram", "mammographie", r"(?:screening )?mammogram|mammographie"),
    ("imaging", "DEXA scan", "ostéodensitométrie", r"dexa(?: scan)?|bone density|ost[ée]odensitom[ée]trie"),
    ("imaging", "PET-CT", "TEP-scanner", r"pet[- ]?(?:ct|scan)|tep"),
    (
        "imaging",
        "right upper quadrant ultrasound",
        "échographie abdominale",
        r"right upper quadrant ultrasound|ruq ultrasound",
    ),
    ("imaging", "renal artery ultrasound", "écho-doppler des artères rénales", r"renal artery (?:ultrasound|doppler)"),
    ("imaging", "MRI", "IRM", r"mri|irm"),
    ("imaging", "CT scan", "scanner", r"ct(?: scan)?|cat scan|scanner"),
    ("imaging", "ultrasound", "échographie", r"ultrasound|[ée]chographie"),
    ("imaging", "X-ray", "radiographie", r"x-?rays?|radio(?:graphie)?s?"),
    # procedures
    ("procedure", "EKG", "ECG", r"ekg|ecg|electrocardiogram|[ée]lectrocardiogramme"),
    ("procedure", "stress test", "épreuve d'effort", r"stress test|test d'effort|[ée]preuve d'effort"),
    ("procedure", "Holter monitor", "Holter", r"holter(?: monitor)?|heart monitor"),
    ("procedure", "colonoscopy", "coloscopie", r"colonoscopy|coloscopie"),
    ("procedure", "upper endoscopy", "fibroscopie", r"(?:upper )?endoscopy|egd|fibroscopie"),
    ("procedure", "nerve conduction study", "EMG", r"nerve conduction(?: study)?|emg"),
    ("procedure", "sleep study", "polysomnographie", r"sleep study|polysomnograph\w+"),
    ("procedure", "pulmonary function tests", "EFR", r"pulmonary function tests?|pfts?|spirometry|spirom[ée]trie"),
    ("procedure", "biopsy", "biopsie", r"biopsy|biopsie"),
    ("procedure", "steroid injection", "infiltration", r"(?:steroid |cortisone )?(?:shot|injection)|infiltration"),
    # referrals
    (
        "referral",
        "physical therapy",
        "kinésithérapie",
        r"physical therapy|pt|physio(?:therapy)?|kin[ée](?:sith[ée]rapie)?",
    ),
    ("referral", "a nutritionist", "une diététicienne", r"nutritionist|dietitian|di[ée]t[ée]ticien\w*"),
    ("referral", "cardiology", "cardiologie", r"cardiolog(?:y|ist)|cardiologue"),
    ("referral", "orthopedics", "orthopédie", r"orthoped\w+|orthop[ée]diste"),
    ("referral", "neurology", "neurologie", r"neurolog(?:y|ist)|neurologue"),
    ("referral", "dermatology", "dermatologie", r"dermatolog(?:y|ist)|dermatologue"),
    (
        "referral",
        "gastroenterology",
        "gastro-entérologie",
        r"gastroenterolog(?:y|ist)|gastro-?ent[ée]rologue|gi doctor",
    ),
    ("referral", "endocrinology", "endocrinologie", r"endocrinolog(?:y|ist)|endocrinologue"),
    ("referral", "nephrology", "néphrologie", r"nephrolog(?:y|ist)|n[ée]phrologue"),
    ("referral", "urology", "urologie", r"urolog(?:y|ist)|urologue"),
    ("referral", "rheumatology", "rhumatologie", r"rheumatolog(?:y|ist)|rhumatologue"),
    ("referral", "psychiatry", "psychiatrie", r"psychiatr(?:y|ist)|psychiatre"),
    ("referral", "counseling", "un suivi psychologique", r"counseling|therapist|psycholog(?:ist|ue)"),
    ("referral", "podiatry", "podologie", r"podiatr(?:y|ist)|podologue"),
    ("referral", "ENT", "ORL", r"ent|ear nose and throat|orl"),
    ("referral", "surgery", "chirurgie", r"surgeon|chirurgien"),
    # advice
    (
        "advice",
        "low-sodium diet",
        "régime pauvre en sel",
        r"low[- ](?:sodium|salt) diet|(?:decrease|reduce|cut down on|limit|watch) "
        r"(?:your |her |his |the |that )?(?:salt|sodium)(?: intake)?|avoid (?:salty foods|salt)|"
        r"moins de sel|r[ée]gime (?:pauvre en sel|sans sel)",
    ),
    (
        "advice",
        "home blood pressure monitoring",
        "automesure tensionnelle",
        r"(?:check|record|monitor|take|log) (?:your |her |his )?blood pressures?(?: at home| daily| every day)?|"
        r"blood pressure (?:log|cuff|diary)|"
        r"keep(?:ing)? (?:a |that )?log (?:of|with) (?:your |what your )?blood pressures?|"
        r"automesure",
    ),
    (
        "advice",
        "blood glucose monitoring",
        "surveillance glycémique",
        r"(?:check|monitor|record) (?:your |her |his )?(?:blood )?(?:sugars?|glucose)|glucose log",
    ),
    (
        "advice",
        "regular exercise",
        "activité physique régulière",
        r"exercis(?:e|ing)(?: regularly| routine| more)?|activit[ée] physique",
    ),
    ("advice", "weight loss", "perte de poids", r"(?:lose|losing) (?:some )?weight|weight loss|perdre du poids"),
    (
        "advice",
        "smoking cessation",
        "arrêt du tabac",
        r"(?:stop|quit) smoking|smoking cessation|arr[êe]t(?:er)? (?:du tabac|de fumer)",
    ),
    (
        "advice",
        "alcohol reduction",
        "réduction de l'alcool",
        r"(?:cut (?:back|down) on|limit|decrease|reduce|avoid) (?:the )?(?:alcohol|drinking|beers?)|moins d'alcool",
    ),
    ("advice", "ice", "glace", r"ice(?: it| the area)?|glace"),
    ("advice", "rest", "repos", r"rest(?! of)(?: it)?|repos"),
    ("advice", "elevation", "surélévation", r"elevat(?:e|ion)(?: it| your \w+)?|sur[ée]l[ée]v\w+"),
    ("advice", "brace", "attelle", r"brace|splint|sling|attelle"),
    ("advice", "crutches", "béquilles", r"crutches|b[ée]quilles"),
    (
        "advice",
        "hydration",
        "hydratation",
        r"push fluids|drink (?:plenty of |lots of |more )?(?:fluids|water)|hydrat\w+",
    ),
    ("advice", "compression stockings", "bas de contention", r"compression (?:stockings|socks)|bas de contention"),
]
