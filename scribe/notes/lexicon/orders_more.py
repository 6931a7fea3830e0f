"""More of what a clinician orders, from general clinical knowledge rather than from any one consultation: the
common laboratory tests and panels, imaging by modality and site, procedures and vaccines; referrals by
specialty and self-care advice are in lexicon/orders_care.py (CARE, tried with these).

Same rows as lexicon/orders.py (type, English label, French label, pattern); "{said}" keeps the words said
("pelvic ultrasound", "avoid spicy foods"). SPECIFIC rows are tried before the core table (they name a
narrower thing than a core row that matches inside them: "nuclear stress test" before "stress test");
GENERIC rows after it ("metabolic panel" only where "basic metabolic panel" did not match).
"""

from __future__ import annotations

from scribe.notes.lexicon.orders_care import CARE

SPECIFIC: list[tuple[str, str, str, str]] = [
    # laboratory
    (
        "lab",
        "anemia panel",
        "bilan d'anémie",
        r"an(?:a)?emia (?:profile|panel|work-?up|labs|studies)|bilan d'an[ée]mie",
    ),
    ("lab", "Lyme Western blot", "Western blot Lyme", r"(?:lyme )?western blot(?:,? (?:and |or )?(?:just )?pcr)?"),
    (
        "lab",
        "Lyme serology",
        "sérologie de Lyme",
        r"lyme (?:titers?|tests?|serology|antibod\w+|pcr)|s[ée]rologie de lyme",
    ),
    ("lab", "electrolytes", "ionogramme", r"electrolytes|lytes"),
    (
        "lab",
        "{said}",
        "dosage hormonal",
        r"(?:testosterone|estrogen|estradiol|cortisol|prolactin|fsh|lh|progesterone|hormone|magnesium|potassium|"
        r"calcium|phosphorus|sodium|lithium|digoxin|depakote|valproic acid|dilantin|drug) (?:levels?|tests?|panel)",
    ),
    ("lab", "HIV test", "sérologie VIH", r"hiv (?:test\w*|screen\w*)|s[ée]rologie (?:vih|hiv)"),
    (
        "lab",
        "STI testing",
        "dépistage des IST",
        r"(?:sti|std) (?:testing|tests?|screen\w*|panel|check)|(?:gonorrhea and chlamydia|chlamydia and gonorrhea)"
        r"(?: testing| tests?)?|d[ée]pistage des (?:ist|mst)",
    ),
    ("lab", "hepatitis panel", "sérologies hépatites", r"hepatitis panel|s[ée]rologies? (?:des )?h[ée]patites?"),
    ("lab", "glucose tolerance test", "HGPO", r"(?:oral )?glucose tolerance test|ogtt|gtt|hgpo"),
    (
        "lab",
        "fasting glucose",
        "glycémie à jeun",
        r"fasting (?:blood )?(?:glucose|sugar)|glyc[ée]mie à jeun|blood sugar (?:test|check)",
    ),
    ("lab", "troponin", "troponine", r"troponins?"),
    ("lab", "D-dimer", "D-dimères", r"d-?dim[eè]r(?:e)?s?"),
    ("lab", "lipase", "lipasémie", r"lipase|amylase and lipase|lipas[ée]mie"),
    ("lab", "CK", "CPK", r"cpk|creatine kinase|ck level"),
    (
        "lab",
        "ANA",
        "anticorps antinucléaires",
        r"antinuclear antibod\w+|ana (?:test|panel|titer)|anticorps antinucl\w+",
    ),
    ("lab", "rheumatoid factor", "facteur rhumatoïde", r"rheumatoid factor|anti-?ccp|facteur rhumato\w+"),
    ("lab", "HLA-B27", "HLA-B27", r"hla-?b27"),
    (
        "lab",
        "celiac panel",
        "sérologie cœliaque",
        r"celiac (?:panel|testing|tests?|screen\w*)|tissue transglutaminase|ttg",
    ),
    ("lab", "mononucleosis test", "MNI test", r"mono(?:nucleosis)? (?:test|spot)|monospot|mni test"),
    ("lab", "TB test", "test tuberculinique", r"quantiferon|tb (?:skin )?test|ppd|tuberculin|tubertest|igra"),
    ("lab", "drug screen", "dépistage toxicologique", r"(?:urine )?drug screen|tox(?:icology)? screen"),
    (
        "lab",
        "stool occult blood test",
        "test immunologique fécal",
        r"fit test|fecal immunochemical test|cologuard|hemoccult|fecal occult blood(?: test)?|test immunologique",
    ),
    ("lab", "PTH", "PTH", r"pth|parathyroid hormone"),
    (
        "lab",
        "alkaline phosphatase",
        "phosphatases alcalines",
        r"alk(?:aline)? phos(?:phatase)?|phosphatases? alcalines?",
    ),
    ("lab", "GGT", "gamma-GT", r"ggt|gamma[- ]?(?:gt|glutamyl transferase)"),
    ("lab", "free T4", "T4 libre", r"free t4|t4 libre"),
    ("lab", "procalcitonin", "procalcitonine", r"procalcitonin[e]?"),
    ("lab", "blood gas", "gaz du sang", r"(?:arterial )?blood gas(?:es)?|abg|gaz du sang"),
    ("lab", "{said}", "prélèvement", r"(?:sputum|wound|throat|nasal|vaginal) (?:culture|swab)"),
    ("lab", "genetic testing", "test génétique", r"(?:genetic|gene|brca) test\w*|tests? g[ée]n[ée]tiques?"),
    ("lab", "semen analysis", "spermogramme", r"semen analysis|spermogramme"),
    ("lab", "KOH prep", "prélèvement mycologique", r"koh (?:prep|test)|skin scraping|pr[ée]l[èe]vement mycologique"),
    ("lab", "patch testing", "patch tests", r"patch test\w*"),
    ("lab", "reticulocyte count", "réticulocytes", r"reticulocyte(?: count)?|r[ée]ticulocytes"),
    ("lab", "peripheral smear", "frottis sanguin", r"(?:peripheral )?blood smear|peripheral smear|frottis sanguin"),
    ("lab", "urine protein", "protéinurie", r"urine protein|protein to creatinine ratio|prot[ée]inurie"),
    ("lab", "renal function tests", "bilan rénal", r"(?:kidney|renal) panel"),
    ("lab", "hemoglobin", "hémoglobine", r"(?:hemoglobin|h and h|hemoglobin and hematocrit) (?:level|check|recheck)"),
    # imaging
    ("imaging", "MR angiogram", "angio-IRM", r"mr angiogra(?:m|phy)|mra|angio-?irm"),
    ("imaging", "HIDA scan", "scintigraphie hépatobiliaire", r"hida scan"),
    ("imaging", "V/Q scan", "scintigraphie pulmonaire", r"v/?q scan|ventilation[- ]perfusion scan"),
    ("imaging", "barium swallow", "TOGD", r"barium swallow|esophagram|upper gi series|togd|transit [oœ]so\w+"),
    ("imaging", "{said}", "arthrographie", r"arthrogram|arthrographie|myelogram"),
    (
        "imaging",
        "low-dose CT for lung cancer screening",
        "scanner low-dose",
        r"lung cancer screening(?: ct| scan)?|low[- ]dose (?:ct|cat scan)(?: scan)?",
    ),
    (
        "imaging",
        "coronary calcium score",
        "score calcique",
        r"(?:coronary )?calcium (?:score|scoring|scan)|score calcique",
    ),
    ("imaging", "chest X-ray", "radiographie thoracique", r"radio(?:graphie)? (?:du thorax|pulmonaire|thoracique)"),
    (
        "imaging",
        "{said}",
        "{said}",
        r"(?:abdominal|pelvic|renal|kidney|thyroid|transvaginal|scrotal|testicular|breast|bladder|gallbladder|"
        r"liver|obstetric|neck|soft tissue|carotid) (?:ultrasound|sonogram)|"
        r"[ée]chographie (?:abdominale|pelvienne|r[ée]nale|thyro[ïi]dienne|mammaire|v[ée]sicale|endovaginale)",
    ),
    ("imaging", "breast imaging", "imagerie mammaire", r"diagnostic mammogram|breast mri"),
    # procedures and vaccines
    (
        "procedure",
        "nuclear stress test",
        "scintigraphie myocardique",
        r"nuclear stress test|myocardial perfusion\w*|"
        r"scintigraphie myocardique",
    ),
    (
        "procedure",
        "stress echocardiogram",
        "échographie de stress",
        r"stress echo(?:cardiogram)?|[ée]cho(?:graphie)? de stress",
    ),
    ("procedure", "lumbar puncture", "ponction lombaire", r"lumbar puncture|spinal tap|ponction lombaire"),
    ("procedure", "EEG", "EEG", r"eeg|electroencephalogram|[ée]lectroenc[ée]phalogramme"),
    ("procedure", "tilt table test", "tilt test", r"tilt(?:[- ]table)? test"),
    (
        "procedure",
        "aspiration",
        "ponction",
        r"arthrocentesis|joint aspiration|"
        r"aspirat(?:e|ion of) (?:the |your |that |this )?(?:knee|joint|fluid|cyst|bursa)|"
        r"drain (?:the|that|this|some of the) fluid|ponction articulaire|joint tap|"
        r"tap (?:the|your|that|this) (?:\w+ )?(?:joint|knee|ankle|toe|elbow|wrist|shoulder|effusion|fluid)",
    ),
    (
        "procedure",
        "incision and drainage",
        "incision et drainage",
        r"incision and drainage|i and d|i&d|drain (?:the|that|this) (?:abscess|boil|cyst)|incision et drainage",
    ),
    (
        "procedure",
        "cryotherapy",
        "cryothérapie",
        r"cryotherapy|liquid nitrogen|freez(?:e|ing) (?:it|them|that|those|the \w+) off|cryoth[ée]rapie",
    ),
    (
        "procedure",
        "{said}",
        "biopsie",
        r"(?:punch|shave|skin|excisional|bone marrow|prostate|breast|liver) biops(?:y|ies)",
    ),
    (
        "procedure",
        "excision",
        "exérèse",
        r"excision|excise|(?:mole|lesion|cyst|lipoma|skin tag) removal|remov(?:e|al of) (?:the|that|this|those) "
        r"(?:mole|lesion|cyst|lipoma|growth|skin tags?)|ex[ée]r[èe]se",
    ),
    (
        "procedure",
        "{said}",
        "infiltration",
        r"epidural(?: steroid)? injection|epidural|nerve block|trigger point injections?|facet (?:injection|block)s?|"
        r"radiofrequency ablation|(?:gel|hyaluronic acid|synvisc) (?:shots?|injections?)|gel shots?",
    ),
    (
        "procedure",
        "influenza vaccine",
        "vaccin antigrippal",
        r"flu (?:shot|vaccine)|influenza vaccine|vaccin (?:contre la grippe|antigrippal)",
    ),
    (
        "procedure",
        "pneumococcal vaccine",
        "vaccin antipneumococcique",
        r"pneumonia (?:shot|vaccine)|pneumococcal vaccine|prevnar|pneumovax|vaccin (?:anti)?pneumococcique",
    ),
    (
        "procedure",
        "tetanus booster (Tdap)",
        "rappel antitétanique",
        r"tetanus (?:shot|booster|vaccine)|tdap|td booster|rappel (?:du )?(?:dtp|t[ée]tanos|antit[ée]tanique)",
    ),
    (
        "procedure",
        "shingles vaccine (Shingrix)",
        "vaccin contre le zona",
        r"shingles (?:shot|vaccine)|shingrix|zoster vaccine|vaccin contre le zona",
    ),
    (
        "procedure",
        "COVID-19 vaccine",
        "vaccin COVID",
        r"covid(?:-19)? (?:vaccine|booster|shot)|vaccin (?:contre le )?covid",
    ),
    (
        "procedure",
        "{said}",
        "vaccin",
        r"hepatitis (?:a|b) vaccin\w*|hpv vaccin\w*|gardasil|rsv vaccine|mmr(?: vaccine)?",
    ),
    ("procedure", "audiogram", "audiogramme", r"audiogram|hearing test|audiogramme"),
    ("procedure", "eye exam", "fond d'œil", r"dilated eye exam|retinal exam|fundoscop\w+|fond d'[oœ]eil"),
    ("procedure", "allergy immunotherapy", "désensibilisation", r"allergy shots|immunotherapy|d[ée]sensibilisation"),
    ("procedure", "nebulizer treatment", "aérosol", r"(?:nebulizer|breathing|neb) treatments?|a[ée]rosols?"),
    (
        "procedure",
        "{said}",
        "endoscopie",
        r"sigmoidoscopy|capsule endoscopy|ercp|paracentesis|thoracentesis|cardioversion|catheter ablation|"
        r"bronchoscopy|laryngoscopy|nasal endoscopy|colposcopy|transesophageal echo(?:cardiogram)?",
    ),
    (
        "procedure",
        "suture removal",
        "ablation des fils",
        r"sutures? (?:removal|out|removed)|stitches (?:out|removed)|ablation des fils",
    ),
    ("procedure", "laceration repair", "suture", r"laceration repair|(?:put in|place) (?:some )?(?:stitches|sutures)"),
    ("procedure", "ankle-brachial index", "IPS", r"ankle[- ]brachial ind(?:ex|ices)"),
    (
        "procedure",
        "{said}",
        "chirurgie",
        r"arthroscop\w+|carpal tunnel release|(?:total )?(?:knee|hip|shoulder) replacement|cholecystectomy|"
        r"appendectomy|hernia repair|rotator cuff repair|acl reconstruction|meniscus repair|tonsillectomy|"
        r"cataract surgery|lumpectomy|mastectomy|trigger finger release",
    ),
    *CARE,
]

GENERIC: list[tuple[str, str, str, str]] = [
    ("lab", "metabolic panel", "bilan biologique", r"metabolic panel|chemistry panel|chemistries"),
    ("lab", "culture", "prélèvement bactériologique", r"cultures?|culture (?:and sensitivity|swab)"),
    ("lab", "{said}", "dosage", r"(?:vitamin|iron|folate|thyroid|hormone|sugar|glucose) levels"),
    ("procedure", "{said}", "vaccin", r"vaccines?|vaccinations?|boosters?|vaccins?"),
    ("procedure", "cast", "plâtre", r"(?:a|the|in a) cast|pl[âa]tre"),
    # "we can repeat the injection today": a joint or tendon injection named without its drug (a drug's own
    # injections, "insulin injections", are the medication's line)
    (
        "procedure",
        "injection",
        "infiltration",
        r"(?<!insulin )(?<!b12 )(?<!d'insuline )(?<!testosterone )injections?(?! site)",
    ),
    ("referral", "a specialist", "un spécialiste", r"specialist|sp[ée]cialiste"),
]
