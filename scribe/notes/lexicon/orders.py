"""What a clinician orders, refers to or advises, by the words said: the plan is written from these typed
items ("Lipid panel ordered.", "Referral to a nutritionist.") rather than from the spoken clause.

(type, English label, French label, pattern). Patterns are lower-case regex fragments matched on word
boundaries; the first matching row wins for a span, so specific rows come before generic ones.
"""

from __future__ import annotations

ORDERS: list[tuple[str, str, str, str]] = [
    # laboratory
    ("lab", "lipid panel", "bilan lipidique", r"lipid panel|lipids|cholesterol (?:panel|test|levels?)|bilan lipidique"),
    (
        "lab",
        "hemoglobin A1c",
        "hémoglobine glyquée",
        r"(?:hemoglobin |hgb )?(?:a1c|a ?1 c|a one c)|hba1c|h[ée]moglobine glyqu[ée]e",
    ),
    (
        "lab",
        "complete blood count",
        "NFS",
        r"cbc|c b c|(?:complete |full )?blood counts?|nfs|num[ée]ration formule sanguine",
    ),
    (
        "lab",
        "comprehensive metabolic panel",
        "bilan métabolique complet",
        r"cmp|c m p|comprehensive metabolic panel|chem[- ]?(?:12|14)|chemistry panel",
    ),
    ("lab", "basic metabolic panel", "ionogramme", r"bmp|b m p|basic metabolic panel|chem[- ]?7|ionogramme"),
    (
        "lab",
        "thyroid function tests",
        "bilan thyroïdien",
        r"tsh|t s h|thyroid (?:panel|function|levels?|tests?|labs?)|bilan thyro\w+",
    ),
    (
        "lab",
        "liver function tests",
        "bilan hépatique",
        r"liver (?:function|enzymes|panel|tests?)|lfts?|bilan h[ée]patique",
    ),
    (
        "lab",
        "renal function tests",
        "bilan rénal",
        r"(?:kidney|renal) function(?: tests?)?|cr[ée]atinin[ée]mie|bilan r[ée]nal|fonction r[ée]nale",
    ),
    ("lab", "urine culture", "ECBU", r"urine culture|ecbu"),
    ("lab", "urinalysis", "bandelette urinaire", r"urinalysis|urine (?:test|sample|analysis)|bandelette urinaire"),
    ("lab", "vitamin D level", "dosage de la vitamine D", r"vitamin d (?:level|test)s?|dosage de la vitamine d"),
    ("lab", "PSA", "PSA", r"psa|p s a"),
    (
        "lab",
        "hepatitis C RNA and genotype",
        "ARN et génotype du VHC",
        r"(?:hep(?:atitis)? c|hcv) rna(?: and (?:your |the |an? )?(?:hep(?:atitis)? c |hcv )?genotype)?|hcv genotype",
    ),
    ("lab", "hepatitis C antibody test", "sérologie VHC", r"(?:hep(?:atitis)? c|hcv) antibod(?:y|ies)(?: test)?"),
    ("lab", "autoimmune panel", "bilan auto-immun", r"autoimmune panel|bilan auto-?immun"),
    ("lab", "uric acid level", "uricémie", r"uric acid(?: level)?|uric[ée]mie"),
    ("lab", "aldosterone and renin levels", "aldostérone et rénine", r"aldosterone(?: and renin)?(?: levels?)?"),
    ("lab", "24-hour urine collection", "recueil des urines de 24 heures", r"24[- ]hour urine|twenty four hour urine"),
    (
        "lab",
        "strep test",
        "test streptococcique",
        r"(?:rapid )?strep(?: throat)? (?:test|swab)|trod|test (?:rapide )?(?:pour le |du |de )?strepto\w*",
    ),
    ("lab", "blood cultures", "hémocultures", r"blood cultures|h[ée]mocultures"),
    (
        "lab",
        "iron studies",
        "bilan martial",
        r"iron (?:studies|panel|levels?)|ferritin(?: level)?|bilan martial|ferritine",
    ),
    ("lab", "vitamin B12 and folate levels", "vitamine B12 et folates", r"(?:vitamin )?b12 and folate(?: levels?)?"),
    ("lab", "vitamin B12 level", "vitamine B12", r"(?:vitamin )?b12(?: levels?)?"),
    ("lab", "inflammatory markers", "marqueurs inflammatoires", r"sed rate|esr|crp|c-reactive protein|vs et crp"),
    ("lab", "BNP", "BNP", r"bnp|brain natriuretic peptide"),
    ("lab", "INR", "INR", r"inr|pt/inr|coag(?:ulation)? (?:panel|studies)"),
    ("lab", "pregnancy test", "test de grossesse", r"pregnancy test|hcg|test de grossesse|b[êe]ta-?hcg"),
    ("lab", "stool studies", "coproculture", r"stool (?:sample|culture|studies|test)|coproculture"),
    ("lab", "H. pylori test", "recherche d'H. pylori", r"h\.? pylori(?: (?:test|breath test|stool test))?"),
    ("lab", "urine microalbumin", "microalbuminurie", r"(?:urine )?microalbumin|microalbuminurie"),
    ("lab", "COVID test", "test COVID", r"covid (?:test|swab)|test covid"),
    ("lab", "influenza test", "test grippe", r"(?:flu|influenza) (?:test|swab)|test (?:de la )?grippe"),
    ("lab", "allergy testing", "tests allergologiques", r"allergy (?:testing|tests?|panel)|tests? allergo\w+"),
    ("lab", "labs", "bilan sanguin", r"blood ?work|labs|lab work|blood tests?|prise de sang|bilan sanguin"),
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
    (
        "imaging",
        "ultrasound elastography",
        "élastographie hépatique",
        r"(?:ultrasound )?(?:elasto )?elastography|fibroscan|[ée]lastographie",
    ),
    (
        "imaging",
        "further imaging or intervention",
        "imagerie ou geste complémentaire",
        r"further imaging or intervention",
    ),
    ("imaging", "further imaging", "imagerie complémentaire", r"further imaging|imagerie compl[ée]mentaire"),
    ("imaging", "CT angiogram", "angioscanner", r"ct angiogra(?:m|phy)|cta|angioscanner"),
    ("imaging", "carotid ultrasound", "écho-doppler des carotides", r"carotid (?:ultrasound|doppler|duplex)"),
    (
        "imaging",
        "venous Doppler ultrasound",
        "écho-doppler veineux",
        r"(?:venous )?(?:doppler|duplex)(?: ultrasound)?|[ée]cho-?doppler",
    ),
    ("imaging", "bone scan", "scintigraphie osseuse", r"bone scan|scintigraphie"),
    ("imaging", "MRI", "IRM", r"mri|m r i|irm"),
    ("imaging", "CT scan", "scanner", r"(?:ct|c t)(?: scan)?|cat scan|scanner"),
    ("imaging", "ultrasound", "échographie", r"ultra ?sound|[ée]chographie"),
    ("imaging", "X-ray", "radiographie", r"x[- ]?rays?|radio(?:graphie)?s?"),
    # procedures
    ("procedure", "EKG", "ECG", r"ekg|ecg|e [kc] g|electrocardiogram|[ée]lectrocardiogramme"),
    ("procedure", "stress test", "épreuve d'effort", r"stress test|test d'effort|[ée]preuve d'effort"),
    ("procedure", "Holter monitor", "Holter", r"holter(?: monitor)?|heart monitor"),
    ("procedure", "colonoscopy", "coloscopie", r"colonoscopy|coloscopie"),
    ("procedure", "upper endoscopy", "fibroscopie", r"(?:upper )?endoscopy|egd|fibroscopie"),
    ("procedure", "nerve conduction study", "EMG", r"nerve conduction(?: study)?|emg"),
    ("procedure", "sleep study", "polysomnographie", r"sleep study|polysomnograph\w+"),
    (
        "procedure",
        "pulmonary function tests",
        "EFR",
        r"pulmonary function tests?|pfts?|spirometry|spirom[ée]trie|explorations? fonctionnelles? respiratoires?|efr",
    ),
    (
        "procedure",
        "lithotripsy",
        "lithotritie",
        r"(?:(?:extracorporeal )?shock ?wave )?lithotripsy|eswl|lithotritie(?: extracorporelle)?",
    ),
    (
        "procedure",
        "cardiac catheterization",
        "coronarographie",
        r"(?:cardiac|heart) cath(?:eterization)?|cardiac catheterization|coronarographie",
    ),
    ("procedure", "event monitor", "moniteur d'événements", r"event monitor|zio patch|loop recorder"),
    ("procedure", "cystoscopy", "cystoscopie", r"cystoscopy|cystoscopie"),
    ("procedure", "Pap smear", "frottis", r"pap (?:smear|test)|frottis"),
    ("procedure", "biopsy", "biopsie", r"biopsy|biopsie"),
    (
        "procedure",
        "autologous whole blood injection",
        "injection de sang autologue",
        r"(?:autologous )?whole blood (?:injection|transfusion)|autologous blood injection",
    ),
    ("procedure", "platelet-rich plasma injection", "injection de PRP", r"platelet[- ]rich plasma(?: injection)?|prp"),
    (
        "procedure",
        "steroid injection",
        "infiltration",
        r"(?:steroid|cortisone|corticosteroid) (?:shot|injection)|infiltration|(?:shot|injection) (?:of|in|into) "
        r"(?:the |your |his |her )?(?:left |right )?(?:knee|shoulder|hip|elbow|wrist|finger|thumb|ankle|joint)",
    ),
    (
        "procedure",
        "clinical photographs",
        "photographies",
        r"(?:(?<=take )|(?<=get )|(?<=taking )|(?<=getting ))(?:some )?(?:pictures|photos|photographs)",
    ),
    # referrals
    (
        "referral",
        "physical therapy",
        "kinésithérapie",
        r"physical therap(?:y|ist)|pt|physio(?:therap(?:y|ist))?|kin[ée](?:sith[ée]rap(?:ie|eute))?",
    ),
    (
        "referral",
        "outpatient therapy",
        "rééducation en ambulatoire",
        r"(?:outpatient|occupational|hand) therap(?:y|ist)|outpatient (?=once|twice|prescription)",
    ),
    ("referral", "a nutritionist", "une diététicienne", r"nutritionist|dietitian|di[ée]t[ée]ticien\w*"),
    ("referral", "cardiology", "cardiologie", r"cardiolog(?:y|ist)|cardiologue"),
    ("referral", "orthopedics", "orthopédie", r"orthoped\w+(?: surg(?:eon|ery)| specialist)?|orthop[ée]diste"),
    ("referral", "neurology", "neurologie", r"neurolog(?:y|ist)|neurologue"),
    ("referral", "dermatology", "dermatologie", r"dermatolog(?:y|ist)|dermatologue"),
    (
        "referral",
        "gastroenterology",
        "gastro-entérologie",
        r"gastroenterolog(?:y|ist)|gastro-?ent[ée]rologue|gi (?:doctor|specialist|clinic)|"
        r"(?:(?<=to )|(?<=see ))gi(?!\s+(?:bleed\w*|symptoms?|upset|issues?|problems?|tract|loss\w*|side effects?))",
    ),
    ("referral", "endocrinology", "endocrinologie", r"endocrinolog(?:y|ist)|endocrinologue"),
    ("referral", "nephrology", "néphrologie", r"nephrolog(?:y|ist)|n[ée]phrologue"),
    ("referral", "urology", "urologie", r"urolog(?:y|ist)|urologue"),
    ("referral", "rheumatology", "rhumatologie", r"rheumatolog(?:y|ist)|rhumatologue"),
    ("referral", "psychiatry", "psychiatrie", r"psychiatr(?:y|ist)|psychiatre"),
    (
        "referral",
        "primary care",
        "médecin traitant",
        r"primary care(?: (?:doctor|physician|provider|office))?|pcp|family doctor|m[ée]decin traitant",
    ),
    (
        "referral",
        "counseling",
        "un suivi psychologique",
        r"counsel(?:l)?(?:ing|or)s?|therapist|psycholog(?:ist|ue)|psychoth[ée]rap\w+|"
        r"th[ée]rapie cognitivo-?comportementale",
    ),
    ("referral", "podiatry", "podologie", r"podiatr(?:y|ist)|podologue"),
    ("referral", "ENT", "ORL", r"ent|ear nose and throat|orl"),
    ("referral", "pulmonology", "pneumologie", r"pulmonolog(?:y|ist)|lung (?:doctor|specialist)|pneumologue"),
    ("referral", "oncology", "oncologie", r"oncolog(?:y|ist)|oncologue"),
    ("referral", "hematology", "hématologie", r"hematolog(?:y|ist)|h[ée]matologue"),
    ("referral", "ophthalmology", "ophtalmologie", r"ophthalmolog(?:y|ist)|eye doctor|ophtalmologue|ophtalmo"),
    ("referral", "gynecology", "gynécologie", r"gyn[ae]?colog(?:y|ist)|ob-?gyn|gyn[ée]cologue"),
    ("referral", "allergy", "allergologie", r"allergist|allergolog\w+"),
    (
        "referral",
        "pain management",
        "consultation douleur",
        r"pain (?:management|clinic|specialist)|centre (?:de la )?douleur",
    ),
    ("referral", "chiropractic", "chiropraxie", r"chiropract(?:or|ic)|chiropraxie|ost[ée]opathe?"),
    (
        "referral",
        "diabetes education",
        "éducation thérapeutique",
        r"diabet(?:es|ic) educat(?:ion|or)|[ée]ducation th[ée]rapeutique",
    ),
    ("referral", "speech therapy", "orthophonie", r"speech therap(?:y|ist)|orthophon\w+"),
    ("referral", "wound care", "soins de plaie", r"wound (?:care|clinic)"),
    ("referral", "surgery", "chirurgie", r"surgeon|chirurgien"),
    # advice
    (
        "advice",
        "low-sodium diet",
        "régime pauvre en sel",
        r"low[- ](?:sodium|salt) diet|(?:decreas\w*|reduc\w*|cut\w* down on|limit\w*|watch\w*) "
        r"(?:your |her |his |the |that |on )*(?:salt|sodium)(?: intake)?|avoid(?:ing)? (?:salty foods|salt)|"
        r"salt restriction|"
        r"moins de sel|r[ée]gime (?:pauvre en sel|sans sel)|"
        # "il faut réduire le sel", "limitez votre consommation de sel"
        r"(?:r[ée]dui\w*|limite\w*|diminue\w*) (?:le |votre |la )?(?:consommation de |apports? en )?sel",
    ),
    (
        "advice",
        "home blood pressure log",
        "automesure tensionnelle",
        # "check your blood pressure" alone may be the next visit's: at home or daily, or kept as a record
        r"(?:check|take|measure) (?:all (?:of )?)?(?:your |her |his )?(?:blood )?pressures? (?:at home|daily|"
        r"every day|each day|twice a day|every morning)|"
        r"(?:record|monitor|log) (?:all (?:of )?)?(?:your |her |his )?blood pressures?"
        r"(?: at home| daily| every day)?|"
        r"blood pressure (?:log|cuff|diary)|"
        r"keep(?:ing)? (?:a |that )?log\b[^.;?]{0,40}?\bblood pressures?|"
        # (not "c'est pour ça qu'on surveille votre tension de près": the clinic watches it)
        r"automesure|surveillez (?:la |votre )?tension|(?:surveill\w+|prendre|mesurer) (?:la |votre )?tension "
        r"(?:à la maison|chez vous|à domicile)",
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
        # "use your inhaler before exercise" is no advice to exercise
        r"(?<!before )(?<!after )(?<!during )(?<!with )exercis(?:e|ing)(?: regularly| routine| more)?|"
        r"activit[ée] physique|"
        # "faire un peu de marche tous les jours", "walk thirty minutes a day"
        r"faire (?:un peu |plus )?(?:de la |du |d')?(?:marche|sport|exercice)|marche\w* (?:tous les jours|par jour|"
        r"chaque jour|r[ée]guli[èe]rement|(?:\w+ )?minutes|"
        r"quotidienne|r[ée]guli[èe]re)|walk(?:ing)? (?:for )?(?:\d+|\w+ty|fifteen) minutes|"
        r"(?:go for|take) (?:a )?(?:daily )?walks?|walk(?:ing)? (?:every day|daily|regularly)",
    ),
    (
        "advice",
        "weight loss",
        "perte de poids",
        r"(?:lose|losing) (?:some )?weight|weight loss|perdre du poids|"
        # "get your weight down", "lose ten pounds", "perdre quelques kilos"
        r"(?:get|bring|getting|bringing) (?:your |his |her |the )?weight down|(?:lose|losing) (?:a few|some|\w+) "
        r"(?:pounds|kilos|kg|lbs)|perdre (?:quelques |\w+ )?kilos",
    ),
    (
        "advice",
        "smoking cessation",
        "arrêt du tabac",
        r"(?:stop|quit) smoking|smoking cessation|arr[êe]t(?:er)? (?:du tabac|de fumer)|"
        r"(?:[ée]vite[rz]|arr[êe]te[rz]) (?:le tabac|de fumer|la cigarette)|sevrage tabagique",
    ),
    (
        "advice",
        "reduce alcohol intake",
        "réduction de l'alcool",
        r"(?:cut\w* (?:back|down) on|limit\w*|decreas\w*|reduc\w*|avoid\w*|lay off(?: of)?|go easy on|stay away from) "
        r"(?:the |your |his |her )?(?:alcohol|drinking|beers?|wine|liquor)|moins d'alcool|"
        # "limit your salt and alcohol": the salt is the low-sodium row's
        r"(?:(?<=salt and )|(?<=sodium and )|(?<=salt and your )|(?<=sel et l'))(?:alcohol|drinking|alcool)|"
        # "cut back on spicy foods and alcohol", "avoid coffee and alcohol": the list's first item has its own row
        r"(?:(?<=foods and )|(?<=food and )|(?<=coffee and )|(?<=caffeine and )|(?<=foods or ))alcohol|"
        r"(?:r[ée]dui\w*|limite\w*|diminue\w*|[ée]vite\w*|arr[êe]te\w*) (?:l'|votre consommation d')alcool",
    ),
    ("advice", "apply ice", "glace", r"ic(?:e|ing)(?: it| the area)?|glace"),
    (
        "advice",
        "rest",
        "repos",
        r"(?<!\bat )(?<!\bwhile at )rest(?! of)(?: it)?|(?<!\bau )repos|repose[zr](?:-vous)?|se reposer",
    ),
    (
        "advice",
        "elevation",
        "surélévation",
        r"elevat(?:e|ion)(?: it| your \w+)?|sur[ée]l[ée]v\w+|"
        r"(?:keep|prop) (?:it|that|them|(?:the|your|his|her) (?:leg|legs|foot|feet|ankle|arm|hand)) (?:up|elevated)",
    ),
    (
        "advice",
        "{said}",
        "attelle",
        r"(?:(?:straight leg|knee|wrist|finger|thumb|ankle|back|elbow|hand|arm|shoulder) )?"
        r"(?:brace|splint|sling|immobilizer)|walking boot|attelle",
    ),
    ("advice", "crutches", "béquilles", r"crutches|b[ée]quilles"),
    (
        "advice",
        "push fluids",
        "hydratation abondante",
        r"push(?:ing)? fluids|drink (?:plenty of |lots of |a lot of |more |extra )?(?:fluids|water)|"
        r"(?:stay )?hydrat\w+|"
        r"(?:bien |beaucoup )?boire (?:beaucoup|abondamment|de l'eau)|buvez (?:beaucoup|abondamment|bien|de l'eau)|"
        r"(?:boire|buvez) (?:au moins |environ )?(?:un|deux|trois|\d+|1,5|un litre et demi) litres?",
    ),
    (
        "advice",
        "strain urine",
        "filtrer les urines",
        r"strain(?:ing)? (?:your |his |her |the )?urine|filtrer les urines",
    ),
    (
        "advice",
        "activity modification",
        "adaptation des activités",
        r"activity modifications?|modify (?:your |his |her )?activit\w+|lighter (?:work|duty)|"
        r"(?:eliminate|avoid|limit|reduce|cut down on) (?:\w+ ){0,4}repetitive (?:motions?|movements?|activit\w+)|"
        # "in the meantime, no running": an activity held for now
        r"\bno (?:running|jogging|contact sports|sports|high[- ]impact (?:activit\w+|exercise))|pas de sport|"
        r"(?:no|avoid\w*|limit\w*) (?:\w+ )?overhead (?:lifting|activit\w+|reaching|work|motions?)|"
        r"[ée]vite[rz] (?:le sport|les sports|la course|de courir|de forcer)",
    ),
    (
        "advice",
        "set an alarm as a medication reminder",
        "alarme de rappel pour les médicaments",
        r"(?:set(?:ting)?|use|using) (?:an |a )?(?:phone )?alarm(?: on (?:your|her|his|the) phone)?",
    ),
    ("advice", "pill box", "pilulier", r"pill ?box|pilulier"),
    (
        "advice",
        "scar massage",
        "massage de la cicatrice",
        r"scar massag\w*|massag(?:e|ing)[^.;]{0,40}\bscars?\b|mass\w+ (?:de )?la cicatrice",
    ),
    ("advice", "low-carbohydrate diet", "régime pauvre en glucides", r"low[- ]carb(?:ohydrate)? diet"),
    (
        "advice",
        "dietary modification",
        "mesures diététiques",
        r"dietary modifications?|watch(?:ing)? (?:(?:your|her|his|the|what (?:you|she|he) eats?)\W+)*diet",
    ),
    (
        "advice",
        "apply heat",
        "chaleur",
        r"(?:a )?heating pad|(?:apply|use|try) (?:some )?(?:moist )?heat|warm compress(?:es)?",
    ),
    ("advice", "stretching exercises", "étirements", r"stretch(?:es|ing)(?: exercises)?|[ée]tirements"),
    (
        "advice",
        "avoid heavy lifting",
        "éviter le port de charges lourdes",
        r"(?:no|avoid(?:ing)?) (?:heavy )?lifting|port de charges|(?:no|avoid(?:ing)?) lifting anything heavy",
    ),
    (
        "advice",
        "saline nasal irrigation",
        "lavages de nez au sérum physiologique",
        r"saline (?:rinses?|spray|irrigation)|neti pot|lavages? de nez",
    ),
    ("advice", "humidifier", "humidificateur", r"humidifier|humidificateur"),
    ("advice", "sunscreen", "protection solaire", r"sunscreen|sun ?block|cr[èe]me solaire|protection solaire"),
    (
        "advice",
        "keep the wound clean and dry",
        "plaie propre et sèche",
        r"keep (?:the |your |that |it )?(?:wound |incision |area |cut )?clean and dry",
    ),
    (
        "advice",
        "keep the wound clean",
        "plaie propre",
        r"keep (?:the |your |that )?(?:wound|incision|cut) clean",
    ),
    ("advice", "compression stockings", "bas de contention", r"compression (?:stockings|socks)|bas de contention"),
]
