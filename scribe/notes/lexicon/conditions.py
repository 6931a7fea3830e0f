"""Condition concepts (en/fr surface forms, ICD-10-CM code, plain words and warnings for the patient summary).

simple-icd-10-cm gives the descriptions; this table holds what it cannot: how people say a diagnosis and
how to say it to a patient.
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, condition
from scribe.notes.lexicon.conditions_common import COMMON_CONDITIONS
from scribe.notes.lexicon.conditions_more import MORE_CONDITIONS
from scribe.notes.lexicon.conditions_msk import MSK_CONDITIONS
from scribe.notes.lexicon.conditions_primary import PRIMARY_CONDITIONS
from scribe.notes.lexicon.conditions_specialties import SPECIALTY_CONDITIONS
from scribe.notes.lexicon.conditions_status import STATUS_CONDITIONS

# a service named for the disease is not the disease: "the diabetes educator", "his three month diabetes review"
_NOT_A_SERVICE = (
    r"(?!s? (?:educators?|clinic|nurse|team|review|specialist|cent(?:er|re)|appointment|education|supplies|check-?up))"
)

CONDITIONS: list[Concept] = [
    condition(
        "congestive heart failure",
        [r"(?:congestive )?heart failure", r"chf", r"insuffisance cardiaque"],
        "insuffisance cardiaque",
        code="I50.9",
        plain_en="a weak heart (heart failure)",
        plain_fr="un cœur qui pompe moins bien (insuffisance cardiaque)",
        warn_en=(
            "you gain more than 2 or 3 pounds in a day",
            "you are very short of breath or cannot lie flat",
            "your legs swell more",
        ),
        warn_fr=(
            "vous prenez plus d'un kilo en un jour",
            "vous êtes très essoufflé ou ne pouvez plus vous allonger",
            "vos jambes gonflent davantage",
        ),
    ),
    condition(
        "hypertension",
        [
            r"hypertension",
            r"high blood pressure",
            r"(?:hypertension art[ée]rielle|HTA)",
            r"(?:trop de )?tension (?:[ée]lev[ée]e|trop haute)",
            r"\bhtn\b",
        ],
        "hypertension artérielle",
        code="I10",
        plain_en="high blood pressure",
        plain_fr="tension trop élevée",
        warn_en=("you have a very bad headache, chest pain or trouble speaking",),
        warn_fr=("vous avez un très fort mal de tête, une douleur dans la poitrine ou du mal à parler",),
    ),
    condition(
        "type 2 diabetes",
        [
            r"type (?:2|two) diabet(?:es|ic)(?: mellitus)?",
            r"diabet(?:es|ic)(?: mellitus)?,? type (?:2|two|ii)",
            r"diab[èe]te de type (?:2|deux)",
            r"\bt2dm\b",
            r"\bdm ?(?:type )?(?:2|ii)\b",
            r"\bdt2\b",
            r"diab[èe]te non insulino-?d[ée]pendant",
        ],
        "diabète de type 2",
        code="E11.9",
        plain_en="diabetes (too much sugar in the blood)",
        plain_fr="diabète (trop de sucre dans le sang)",
    ),
    condition(
        "diabetes mellitus",
        [r"diabet(?:es|ic)(?: mellitus)?" + _NOT_A_SERVICE, r"diab[èe]te" + _NOT_A_SERVICE, r"diab[ée]tique"],
        "diabète",
        code="E11.9",
        plain_en="diabetes (too much sugar in the blood)",
        plain_fr="diabète (trop de sucre dans le sang)",
        warn_en=("your blood sugar stays very high or very low", "you feel shaky, sweaty or confused"),
        warn_fr=("votre sucre reste très haut ou très bas", "vous tremblez, transpirez ou êtes confus"),
    ),
    condition(
        "type 1 diabetes",
        [r"type (?:1|one) diabetes", r"diab[èe]te de type (?:1|un)"],
        "diabète de type 1",
        code="E10.9",
        plain_en="type 1 diabetes",
        plain_fr="diabète de type 1",
    ),
    condition(
        "hyperlipidemia",
        [
            r"hyperlipidemia",
            r"high cholesterol",
            r"dyslipidemia",
            r"cholest[ée]rol",
            r"hypercholest[ée]rol[ée]mie",
            r"\bhld\b",
        ],
        "hypercholestérolémie",
        code="E78.5",
        plain_en="high cholesterol",
        plain_fr="trop de cholestérol",
    ),
    condition(
        "asthma",
        [r"asthma", r"reactive airways? disease", r"asthme", r"asthmatique"],
        "asthme",
        code="J45.909",
        plain_en="asthma",
        plain_fr="asthme",
        warn_en=("you are very short of breath and your inhaler does not help",),
        warn_fr=("vous êtes très essoufflé et la pompe ne soulage pas",),
    ),
    condition(
        "copd",
        [r"copd", r"emphysema", r"chronic obstructive pulmonary disease", r"bpco"],
        "BPCO",
        code="J44.9",
        plain_en="a long-term lung disease (COPD)",
        plain_fr="une maladie des poumons (BPCO)",
    ),
    condition(
        "depression",
        [r"depression", r"depressive disorder", r"d[ée]pression", r"(?:syndrome|état|épisode) dépressif"],
        "dépression",
        code="F32.A",
        plain_en="depression",
        plain_fr="dépression",
        warn_en=("you have thoughts of hurting yourself",),
        warn_fr=("vous avez des idées de vous faire du mal",),
    ),
    condition(
        "anxiety disorder",
        [r"anxiety disorder", r"trouble anxieux"],
        "trouble anxieux",
        code="F41.9",
        plain_en="anxiety",
        plain_fr="anxiété",
    ),
    condition(
        "osteoarthritis",
        [r"osteoarthritis", r"arthrose", r"degenerative joint disease", r"\bdjd\b"],
        "arthrose",
        code="M19.90",
        plain_en="wear of the joint (arthritis)",
        plain_fr="usure de l'articulation (arthrose)",
    ),
    # "arthritis" alone is not osteoarthritis: the note keeps the doctor's word, and no code claims more
    condition(
        "arthritis",
        [r"arthritis", r"arthrite"],
        "arthrite",
        plain_en="joint inflammation (arthritis)",
        plain_fr="inflammation de l'articulation (arthrite)",
    ),
    condition(
        "rheumatoid arthritis",
        [r"rheumatoid arthritis", r"polyarthrite rhumato[ïi]de"],
        "polyarthrite rhumatoïde",
        code="M06.9",
    ),
    condition(
        "gastroesophageal reflux disease",
        [
            r"gerd",
            r"gastro ?esophageal reflux(?: disease)?",
            r"acid reflux(?: disease)?",
            r"reflux disease",
            r"reflux gastro-?(?:œ|oe)sophagien",
            r"rgo",
        ],
        "reflux gastro-œsophagien",
        code="K21.9",
        plain_en="acid reflux",
        plain_fr="remontées d'acide (reflux)",
    ),
    condition(
        "hypothyroidism",
        [
            r"hypothyroid(?:ism)?",
            r"underactive thyroid",
            r"hypothyro[ïi]die",
            r"thyro[ïi]de (?:paresseuse|qui fonctionne au ralenti)",
        ],
        "hypothyroïdie",
        code="E03.9",
        plain_en="a slow thyroid gland",
        plain_fr="thyroïde qui fonctionne au ralenti",
    ),
    condition(
        "hyperthyroidism",
        [r"hyperthyroid(?:ism)?", r"overactive thyroid", r"hyperthyro[ïi]die"],
        "hyperthyroïdie",
        code="E05.90",
    ),
    condition(
        "atrial fibrillation",
        [r"atrial fibrillation", r"a-?fib", r"fibrillation auriculaire"],
        "fibrillation auriculaire",
        code="I48.91",
        plain_en="an irregular heartbeat (atrial fibrillation)",
        plain_fr="cœur qui bat irrégulièrement (fibrillation auriculaire)",
    ),
    condition(
        "coronary artery disease",
        [r"coronary artery disease", r"coronary (?:heart )?disease", r"cad", r"maladie coronarienne"],
        "maladie coronarienne",
        code="I25.10",
    ),
    # unspecified: no code (the record's code must be exact); "coronary heart disease" above is longer and wins
    condition(
        "heart disease",
        [
            r"heart (?:disease|problems?|trouble)",
            r"maladies? (?:du c(?:œ|oe)ur|cardiaques?)",
            r"probl[èe]mes? cardiaques?",
        ],
        "maladie cardiaque",
    ),
    condition(
        "myocardial infarction",
        [r"heart attack", r"myocardial infarction", r"infarctus", r"\bidm\b"],
        "infarctus du myocarde",
        code="I21.9",
    ),
    condition("stroke", [r"stroke", r"avc", r"accident vasculaire c[ée]r[ée]bral"], "AVC", code="I63.9"),
    condition(
        "chronic kidney disease",
        [r"chronic kidney disease", r"ckd", r"insuffisance r[ée]nale(?: chronique)?", r"\birc\b"],
        "insuffisance rénale chronique",
        code="N18.9",
        plain_en="kidneys that work less well",
        plain_fr="reins qui fonctionnent moins bien",
    ),
    condition(
        "end-stage renal disease",
        [r"end[- ]stage (?:renal|kidney) disease", r"esrd", r"on dialysis", r"(?:en )?dialyse", r"dialysée?"],
        "insuffisance rénale terminale",
        code="N18.6",
        plain_en="kidneys that no longer work (dialysis)",
        plain_fr="reins qui ne fonctionnent plus (dialyse)",
    ),
    condition(
        "kidney stone",
        [r"kidney stones?", r"nephrolithiasis", r"calculs? r[ée]naux", r"coliques? n[ée]phr[ée]tiques?"],
        "calcul rénal",
        code="N20.0",
        plain_en="a kidney stone",
        plain_fr="un calcul dans le rein",
    ),
    condition(
        "urinary tract infection",
        [r"urinary tract infection", r"uti", r"bladder infection", r"infection urinaire", r"cystite"],
        "infection urinaire",
        code="N39.0",
        plain_en="a bladder infection",
        plain_fr="une infection urinaire",
    ),
    condition(
        "pneumonia",
        [r"pneumonia", r"pneumonie", r"pneumopathie"],
        "pneumonie",
        code="J18.9",
        plain_en="a lung infection (pneumonia)",
        plain_fr="une infection du poumon (pneumonie)",
    ),
    condition(
        "upper respiratory infection",
        [
            r"upper respiratory (?:tract )?infection",
            r"uri",
            r"\burti\b",
            r"common cold",
            r"a cold",
            r"head cold",
            r"rhinopharyngite",
            r"rhume(?! des foins)",
        ],
        "rhinopharyngite",
        code="J06.9",
        plain_en="a cold",
        plain_fr="un rhume",
    ),
    condition("bronchitis", [r"bronchitis", r"bronchite"], "bronchite", code="J40"),
    condition("sinusitis", [r"sinusitis", r"sinus infection", r"sinusite"], "sinusite", code="J32.9"),
    condition("covid-19", [r"covid(?:-?19)?", r"coronavirus"], "COVID-19", code="U07.1"),
    condition(
        "migraine",
        [r"migraine(?:s)? (?:headaches?|disorder)", r"migraine"],
        "migraine",
        code="G43.909",
        plain_en="migraine headaches",
        plain_fr="migraines",
    ),
    condition("obesity", [r"obesity", r"ob[ée]sit[ée]"], "obésité", code="E66.9"),
    condition(
        "anemia",
        [r"an(?:a)?emi(?:a|c)", r"an[ée]mi(?:e|que)"],
        "anémie",
        code="D64.9",
        plain_en="low red blood cells (anemia)",
        plain_fr="manque de globules rouges (anémie)",
    ),
    condition(
        "sleep apnea",
        [r"sleep apnea", r"\bosa\b", r"apn[ée]e du sommeil", r"\bsaoh?s\b", r"\bsahos\b"],
        "apnée du sommeil",
        code="G47.33",
    ),
    # "une goutte dans chaque œil le soir", "pour trois gouttes" are drops, not gout
    condition(
        "gout",
        [
            r"gout",
            r"(?<!deux\s)(?<!trois\s)(?<!quatre\s)(?<!quelques\s)goutte(?!s)"
            r"(?!,? (?:dans|de collyre|d'|le soir|le matin|chaque|par (?:jour|œil|oeil)))",
        ],
        "goutte",
        code="M10.9",
    ),
    condition("osteoporosis", [r"osteoporosis", r"ost[ée]oporose"], "ostéoporose", code="M81.0"),
    condition(
        "cancer",
        [
            r"(?:breast|lung|colon|colorectal|prostate|skin|ovarian|pancreatic|thyroid|bladder|kidney|liver|stomach|cervical|"
            r"uterine|brain|bone|esophageal|testicular) cancer",
            r"cancer(?: du (?:sein|poumon|c[ôo]lon))?",
            r"lymphoma",
            r"leukemia",
        ],
        "cancer",
    ),  # no code: the site and behaviour decide it
    condition(
        "allergic rhinitis",
        [r"allergic rhinitis", r"seasonal allergies", r"hay fever", r"rhinite allergique", r"rhume des foins"],
        "rhinite allergique",
        code="J30.9",
        plain_en="seasonal allergies",
        plain_fr="allergie saisonnière",
    ),
    condition(
        "gastroenteritis",
        [r"gastroenteritis", r"stomach (?:bug|flu|virus)", r"tummy bug", r"gastro-?ent[ée]rite", r"gastro"],
        "gastro-entérite",
        code="K52.9",
    ),
    condition(
        "cholecystitis",
        [r"cholecystitis", r"gallbladder (?:attack|infection)", r"chol[ée]cystite", r"colique h[ée]patique"],
        "cholécystite",
        code="K81.9",
    ),
    condition("appendicitis", [r"appendicitis", r"appendicite"], "appendicite", code="K37"),
    condition("pancreatitis", [r"pancreatitis", r"pancr[ée]atite"], "pancréatite", code="K85.90"),
    condition(
        "cholelithiasis",
        [r"gall ?stones?", r"cholelithiasis", r"calculs? biliaires?", r"lithiase biliaire"],
        "lithiase biliaire",
        plain_en="gallstones",
        plain_fr="des calculs dans la vésicule",
    ),
    condition(
        "tension-type headache",
        [r"tension(?:[- ]type)? headaches?", r"attention[- ]type headaches?", r"c[ée]phal[ée]es? de tension"],
        "céphalée de tension",
        code="G44.209",
        plain_en="a tension headache",
        plain_fr="un mal de tête de tension",
    ),
    condition(
        "medial collateral ligament injury",
        [
            r"(?:torn|injured|sprained) (?:or (?:torn|injured) )?mcl",
            r"mcl (?:injury|tear|sprain)",
            r"medial collateral ligament (?:injury|tear|sprain)",
            r"l[ée]sion du ligament lat[ée]ral interne",
        ],
        "lésion du ligament latéral interne",
        plain_en="an injured ligament on the inside of the knee",
        plain_fr="une lésion du ligament à l'intérieur du genou",
    ),
    condition("hepatitis C", [r"hepatitis c", r"hep c", r"h[ée]patite c"], "hépatite C", code="B19.20"),
    condition("hepatitis B", [r"hepatitis b", r"hep b", r"h[ée]patite b"], "hépatite B", code="B19.10"),
    condition("hepatitis", [r"hepatitis", r"h[ée]patite"], "hépatite", code="K75.9"),
    condition(
        "multiple sclerosis", [r"multiple sclerosis", r"scl[ée]rose en plaques"], "sclérose en plaques", code="G35"
    ),
    condition("epilepsy", [r"epilepsy", r"seizures?", r"[ée]pilepsie"], "épilepsie", code="G40.909"),
    condition("eczema", [r"eczema", r"ecz[ée]ma", r"atopic dermatitis"], "eczéma", code="L30.9"),
    condition("psoriasis", [r"psoriasis"], "psoriasis", code="L40.9"),
    condition("tendinitis", [r"tendinitis", r"tendonitis", r"tendinite"], "tendinite", code="M77.9"),
    condition(
        "prostate enlargement",
        [
            r"bph",
            r"enlarged prostate",
            r"benign prostatic hyperplasia",
            r"hypertrophie (?:b[ée]nigne )?de la prostate",
            r"\bhbp\b",
        ],
        "hypertrophie bénigne de la prostate",
        code="N40.0",
    ),
    condition("heart murmur", [r"(?:heart )?murmur", r"souffle cardiaque"], "souffle cardiaque", code="R01.1"),
    condition(
        "mitral regurgitation",
        [r"mitral (?:valve )?regurgitation", r"insuffisance mitrale"],
        "insuffisance mitrale",
        code="I34.0",
    ),
    condition("peripheral neuropathy", [r"(?:peripheral )?neuropathy", r"neuropathie"], "neuropathie", code="G62.9"),
    condition("hypokalemia", [r"hypokalemia", r"low potassium", r"hypokali[ée]mie"], "hypokaliémie", code="E87.6"),
    condition("kidney injury", [r"acute kidney injury", r"aki"], "insuffisance rénale aiguë", code="N17.9"),
    condition("lupus", [r"lupus"], "lupus", code="M32.9"),
    condition(
        "angina",
        [r"(?:stable |unstable )?angina(?: pectoris)?", r"angor", r"angine de poitrine"],
        "angor",
        code="I20.9",
        plain_en="chest pain from the heart not getting enough blood (angina)",
        plain_fr="douleur du cœur qui manque d'oxygène (angor)",
        warn_en=("the chest pain lasts more than 15 minutes or comes at rest: call 911",),
        warn_fr=("la douleur dure plus de 15 minutes ou vient au repos : appelez le 15",),
    ),
    condition(
        "otitis media",
        [r"(?:middle )?ear infection", r"otitis(?: media)?", r"\baom\b", r"otite"],
        "otite",
        code="H66.90",
        plain_en="an ear infection",
        plain_fr="une otite",
    ),
    condition(
        "pharyngitis",
        [r"pharyngitis", r"angine(?! de poitrine)", r"pharyngite"],
        "angine",
        code="J02.9",
        plain_en="a throat infection",
        plain_fr="une angine",
    ),
    condition("conjunctivitis", [r"pink eye", r"conjunctivitis", r"conjonctivite"], "conjonctivite", code="H10.9"),
    condition(
        "cellulitis",
        [r"cellulitis", r"skin infection", r"cellulite infectieuse", r"dermohypodermite"],
        "dermohypodermite",
        code="L03.90",
    ),
    condition("sciatica", [r"sciatica", r"sciatique"], "sciatique", code="M54.30"),
    condition(
        "plantar fasciitis", [r"plantar fasciitis", r"aponévrosite plantaire"], "aponévrosite plantaire", code="M72.2"
    ),
    condition("insomnia", [r"insomnia disorder"], "insomnie", code="G47.00"),
    condition("concussion", [r"concussion", r"commotion cérébrale"], "commotion cérébrale", code="S06.0X0A"),
    condition("lyme disease", [r"lyme(?: disease)?", r"maladie de lyme"], "maladie de Lyme", code="A69.20"),
    condition("diverticulitis", [r"diverticulitis", r"diverticulite"], "diverticulite", code="K57.92"),
    condition(
        "pyelonephritis", [r"pyelonephritis", r"kidney infection", r"pyélonéphrite"], "pyélonéphrite", code="N12"
    ),
]

CONDITIONS += MORE_CONDITIONS + MSK_CONDITIONS + COMMON_CONDITIONS + SPECIALTY_CONDITIONS + STATUS_CONDITIONS
CONDITIONS += PRIMARY_CONDITIONS
