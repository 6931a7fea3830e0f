"""Referrals by specialty (with the lay names patients hear: "a heart doctor", "the skin specialist") and
self-care advice, from general clinical knowledge; rows as in lexicon/orders.py, tried before its core table
(see lexicon/orders_more.py)."""

from __future__ import annotations

CARE: list[tuple[str, str, str, str]] = [
    # referrals, with the lay names
    ("referral", "occupational therapy", "ergothérapie", r"occupational therap(?:y|ist)|ergoth[ée]rap\w+"),
    (
        "referral",
        "pelvic floor physical therapy",
        "rééducation périnéale",
        r"pelvic floor (?:physical )?therapy|r[ée][ée]ducation p[ée]rin[ée]ale",
    ),
    (
        "referral",
        "vestibular therapy",
        "rééducation vestibulaire",
        r"vestibular (?:therapy|rehab\w*)|r[ée][ée]ducation vestibulaire",
    ),
    (
        "referral",
        "cardiac rehabilitation",
        "réadaptation cardiaque",
        r"cardiac rehab(?:ilitation)?|r[ée]adaptation cardiaque",
    ),
    (
        "referral",
        "pulmonary rehabilitation",
        "réhabilitation respiratoire",
        r"pulmonary rehab(?:ilitation)?|r[ée]habilitation respiratoire",
    ),
    ("referral", "hand surgery", "chirurgie de la main", r"hand (?:surgeon|specialist)|chirurgien de la main"),
    ("referral", "sports medicine", "médecine du sport", r"sports medicine|m[ée]decin du sport"),
    ("referral", "neurosurgery", "neurochirurgie", r"neurosurg\w+|spine (?:surgeon|specialist)|neurochirurg\w+"),
    (
        "referral",
        "vascular surgery",
        "chirurgie vasculaire",
        r"vascular (?:surgeon|surgery|specialist)|chirurgien vasculaire",
    ),
    ("referral", "general surgery", "chirurgie générale", r"general (?:surgeon|surgery)|surgical consult\w*"),
    (
        "referral",
        "infectious disease",
        "infectiologie",
        r"infectious diseases?(?: specialist| doctor| clinic)?|infectiolog\w+",
    ),
    ("referral", "sleep medicine", "consultation du sommeil", r"sleep (?:medicine|specialist|clinic|doctor|center)"),
    (
        "referral",
        "behavioral health",
        "suivi psychologique",
        r"behavioral health|mental health (?:provider|professional|counselor|services)",
    ),
    ("referral", "social work", "assistante sociale", r"social work(?:er)?|assistante? sociale?"),
    (
        "referral",
        "home health",
        "soins infirmiers à domicile",
        r"home health(?: care)?|visiting nurse|infirmi[èe]re? à domicile",
    ),
    ("referral", "{said}", "soins palliatifs", r"hospice|palliative care|soins palliatifs"),
    ("referral", "genetic counseling", "consultation de génétique", r"genetic counsel\w+|g[ée]n[ée]ticien"),
    (
        "referral",
        "weight management",
        "prise en charge du poids",
        r"bariatric (?:surgery|surgeon|program)|weight (?:management|loss) (?:program|clinic)",
    ),
    ("referral", "audiology", "audiologie", r"audiolog(?:y|ist)|audioproth[ée]siste"),
    ("referral", "optometry", "optométrie", r"optometr(?:y|ist)|opticien"),
    ("referral", "dentistry", "dentiste", r"dentist|chirurgien-dentiste"),
    ("referral", "hepatology", "hépatologie", r"hepatolog(?:y|ist)|liver (?:specialist|doctor)|h[ée]patologue"),
    ("referral", "immunology", "immunologie", r"immunolog(?:y|ist)|immunologue"),
    ("referral", "cardiology", "cardiologie", r"heart (?:doctor|specialist)"),
    ("referral", "nephrology", "néphrologie", r"kidney (?:doctor|specialist)"),
    ("referral", "dermatology", "dermatologie", r"skin (?:doctor|specialist)|dermato"),
    ("referral", "orthopedics", "orthopédie", r"bone (?:doctor|specialist)|joint (?:doctor|specialist)"),
    ("referral", "podiatry", "podologie", r"foot (?:doctor|specialist)"),
    ("referral", "gastroenterology", "gastro-entérologie", r"stomach (?:doctor|specialist)|gastro"),
    ("referral", "rheumatology", "rhumatologie", r"rhumato"),
    ("referral", "endocrinology", "endocrinologie", r"endocrino|diab[ée]tologue"),
    ("referral", "gynecology", "gynécologie", r"gyn[ée]co|sage-femme"),
    ("referral", "pulmonology", "pneumologie", r"pneumo"),
    ("referral", "acupuncture", "acupuncture", r"acupunctur\w+"),
    # advice
    ("advice", "home exercise program", "auto-rééducation", r"home exercis\w*(?: program)?|exercises at home"),
    (
        "advice",
        "{said}",
        "exercices",
        r"(?:low[- ]impact|aerobic|strengthening|core|balance|kegel|breathing|range[- ]of[- ]motion|cardio) "
        r"exercis\w*(?: program)?|exercise program",
    ),
    (
        "advice",
        "dietary modification",
        "mesures diététiques",
        r"(?:get back on|stick to|stick with|follow|adhere to|improve|work on|get back to) (?:a |your |his |her |the |"
        r"that )?(?:\w+ )?diet\b(?: regimen| plan)?",
    ),
    (
        "advice",
        "call with any questions or concerns",
        "rappeler en cas de question",
        r"(?:call|contact|reach out to|message) (?:me|us|the (?:office|clinic))[^.;?]{0,20}?\b(?:if|with) (?:you "
        r"(?:have |need )?)?(?:any )?(?:questions?|concerns?|anything|problems?|issues?)",
    ),
    ("advice", "use a cane", "canne", r"use of (?:a |the )?cane"),
    (
        "advice",
        "daily weights",
        "pesée quotidienne",
        r"daily weights?|get a scale|"
        r"weigh (?:yourself|herself|himself|themselves|him|her)(?: \w+){0,2} (?:daily|every (?:day|morning))|"
        r"(?:se |vous )pes(?:er|ez) (?:tous les jours|chaque (?:jour|matin))",
    ),
    (
        "advice",
        "complete the full course",
        "traitement à poursuivre jusqu'au bout",
        r"take (?:it all|all of (?:it|them|the \w+)|the (?:whole|full|entire) (?:course|bottle|prescription))|"
        r"(?:finish|complete) (?:all of )?(?:the|your) (?:antibiotics?|course|pills|whole|full|entire)\b[\w ]{0,20}|"
        r"jusqu'au bout",
    ),
    (
        "advice",
        "avoid NSAIDs",
        "éviter les AINS",
        r"avoid(?:ing)? (?:any |all )?(?:nsaids|anti-?inflammator\w+|ibuprofen|advil|motrin|aleve)|[ée]viter les ains",
    ),
    (
        "advice",
        "{said}",
        "régime",
        r"(?:bland|brat|clear liquid|mediterranean|dash|low[- ]fat|diabetic|heart[- ]healthy|low[- ]cholesterol|"
        r"gluten[- ]free|renal|low[- ]fodmap|soft) diet",
    ),
    (
        "advice",
        "reduce caffeine intake",
        "réduction de la caféine",
        r"(?:cut\w* (?:back|down) on|cut(?:ting)? out|limit\w*|reduc\w*|decreas\w*|less|stop drinking) "
        r"(?:the |your |his |her |on |all )?(?:coffee|caffeine|caffeinated (?:drinks|beverages)|energy drinks)|"
        r"(?:moins de|r[ée]dui\w+ (?:le |votre )?|limite\w* (?:le |votre )?)caf[ée](?:ine)?",
    ),
    (
        "advice",
        "sun protection",
        "protection solaire",
        r"(?:stay out of|avoid(?:ing)?|limit\w*|minimi\w+|stay away from) (?:the |direct )?sun(?: exposure)?\b|"
        r"sun protection|[ée]vite[rz]? (?:le soleil|l'exposition (?:au soleil|solaire)|de vous exposer)|"
        r"(?:pas d'|[ée]viter l')exposition (?:au soleil|solaire)",
    ),
    (
        "advice",
        "{said}",
        "éviction",
        r"(?:cut(?:ting)? (?:back|down) on|stay away from) (?:spicy|fatty|greasy|fried) foods?|"
        r"avoid(?:ing)? (?:any |all )?(?:caffeine|coffee|spicy foods?|triggers|fatty foods?|greasy foods?|dairy|gluten|"
        r"eating late|late meals|chocolate|citrus|the sun|sun exposure|contact sports|sick contacts|scratching)",
    ),
    (
        "advice",
        "elevate the head of the bed",
        "surélever la tête du lit",
        r"(?:elevat\w+|rais\w+|lift\w*|prop(?:ping)? up) the head of (?:the|your|his|her) bed|"
        r"sur[ée]lever la t[êe]te du lit",
    ),
    (
        "advice",
        "warm salt water gargles",
        "gargarismes",
        r"(?:warm )?salt ?water gargles?|gargl(?:e|ing) with (?:warm )?salt ?water|gargarismes?",
    ),
    ("advice", "sitz baths", "bains de siège", r"sitz baths?|bains? de si[èe]ge"),
    (
        "advice",
        "fluid restriction",
        "restriction hydrique",
        r"(?:limit|restrict|cut (?:back|down) on) (?:your |his |her |the )?(?:fluids?|fluid intake|liquids)|"
        r"fluid restriction|restriction hydrique|limiter (?:les |vos )?boissons",
    ),
    (
        "advice",
        "stay active",
        "maintien de l'activité",
        r"(?:stay|keep|remain) (?:as )?active|rest(?:er|ez) acti(?:f|ve)|maintenir (?:une |votre )?activit[ée]",
    ),
    (
        "advice",
        "{said}",
        "mise en décharge",
        r"(?:partial |non[- ]?)?weight[- ]bearing as tolerated|non[- ]?weight[- ]bearing|mise en d[ée]charge",
    ),
    ("advice", "range-of-motion exercises", "mobilisation", r"range[- ]of[- ]motion exercises"),
    ("advice", "moisturizer", "émollients", r"moisturiz\w+|emollients?|[ée]mollients?|cr[èe]me hydratante"),
    ("advice", "hand hygiene", "lavage des mains", r"hand ?washing|wash(?:ing)? (?:your )?hands|lavage des mains"),
    ("advice", "{said}", "canne", r"(?:use|using|get) (?:a |the )?(?:cane|walker)|fall precautions"),
    ("advice", "CPAP", "PPC", r"(?:c|bi)pap(?: machine)?|ppc"),
    ("advice", "orthotics", "semelles orthopédiques", r"orthotics|shoe inserts|insoles|semelles orthop[ée]diques"),
    ("advice", "{said}", "journal", r"(?:food|symptom|headache|sleep|migraine|bladder|pain) (?:diary|journal|log)"),
    ("advice", "stay hydrated", "hydratation", r"(?:stay|staying|keep (?:yourself )?|be) (?:well )?hydrated"),
    ("advice", "{said}", "arrêt de travail", r"(?:work|school) (?:note|excuse)|off work|arr[êe]t de travail"),
    (
        "advice",
        "continue current regimen",
        "poursuite du traitement en cours",
        r"continu\w* (?:with |on )?(?:(?:her|his|your|the|their|my) )?(?:current|present|same) (?:regimen|medications?|"
        r"meds|treatment|management|therapy|plan)|(?:stay|remain) on (?:(?:her|his|your|the) )?(?:current|same) "
        r"(?:regimen|medications?|meds|treatment)|poursui\w+ (?:le |votre |son )?traitement (?:actuel|en cours)",
    ),
    (
        "procedure",
        "preoperative evaluation",
        "bilan préopératoire",
        r"pre-?op(?:erative)? (?:check|visit|evaluation|exam(?:ination)?|clearance|assessment|appointment|labs)|"
        r"(?:surgical|medical|cardiac) clearance|bilan pr[ée]-?op[ée]ratoire|consultation pr[ée]-?anesth[ée]sique",
    ),
    (
        "advice",
        "results via the patient portal",
        "résultats sur le portail patient",
        r"(?:through|via|on|in|to|into) (?:your |the )?(?:patient )?portal|mychart|portail patient",
    ),
    (
        "advice",
        "avoid trigger foods",
        "éviter les aliments déclenchants",
        r"(?:avoid\w*|be mindful of|limit\w*|stay away from|cut (?:back|down) on)(?: eating)? (?:the )?"
        r"(?:foods?|things) (?:that )?(?:you(?:'re| are| were) sensitive to|trigger\w*|bother (?:you|him|her)|"
        r"upset (?:your|his|her) stomach|make (?:it|this|your symptoms|things) worse)|"
        r"trigger foods|(?:food|dietary) triggers|[ée]vite[rz]? les aliments qui (?:d[ée]clenchent|aggravent)",
    ),
    (
        "advice",
        "high-fiber diet",
        "régime riche en fibres",
        r"high[- ]fiber diet|more fiber|fiber in (?:your|the) diet|r[ée]gime riche en fibres",
    ),
    (
        "advice",
        "sleep hygiene",
        "hygiène du sommeil",
        r"sleep hygiene|hygi[èe]ne du sommeil|"
        # "get at least seven hours of sleep", "cut down on screen time before bed"
        r"(?:get|getting|aim for) (?:at least |about |around )?(?:\w+ |\d+ )?(?:to \w+ )?hours of sleep|"
        r"(?:get|getting) (?:more|enough|better) sleep|regular (?:sleep|bedtime) (?:schedule|routine)|"
        r"(?:screen time|screens|(?:your |the )?phone) (?:before|at) (?:bed|bedtime)|[ée]crans? (?:avant|le soir)",
    ),
]
