"""Bilingual (en/fr) clinical lexicons for the rule-based fact layer.

Each concept: canonical English label, surface forms (regex fragments, lower case, matched on word
boundaries), French label and plain-language names for the patient summary. Drugs come from
drug-named-entity-recognition, ICD-10-CM descriptions from simple-icd-10-cm; this file holds only what
those libraries do not: symptom/condition surface forms and the plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class Concept:
    label: str
    forms: tuple[str, ...]
    fr: str
    system: str = ""  # review-of-systems group (symptoms)
    code: str = ""  # ICD-10-CM (conditions)
    plain_en: str = ""
    plain_fr: str = ""
    warn_en: tuple[str, ...] = field(default_factory=tuple)
    warn_fr: tuple[str, ...] = field(default_factory=tuple)


def _c(label, forms, fr, system="", code="", plain_en="", plain_fr="", warn_en=(), warn_fr=()):
    return Concept(
        label, tuple(forms), fr, system, code, plain_en or label, plain_fr or fr, tuple(warn_en), tuple(warn_fr)
    )


SYMPTOMS: list[Concept] = [
    _c(
        "fever",
        [r"fevers?", r"feverish", r"febrile", r"fi[èe]vre", r"de la temp[ée]rature"],
        "fièvre",
        "Constitutional",
    ),
    _c("chills", [r"chills", r"frissons?"], "frissons", "Constitutional"),
    _c(
        "fatigue",
        [
            r"fatigue[d]?",
            r"tired(?:ness)?",
            r"exhausted",
            r"lack of energy",
            r"no energy",
            r"fatigu[ée]e?s?",
            r"[ée]puis[ée]e?",
        ],
        "fatigue",
        "Constitutional",
    ),
    _c(
        "weight loss",
        [r"weight loss", r"lost (?:some |a lot of )?weight", r"perte de poids", r"perdu du poids", r"maigri"],
        "perte de poids",
        "Constitutional",
    ),
    _c(
        "weight gain",
        [r"weight gain", r"gained (?:some |a lot of )?weight", r"prise de poids", r"pris du poids", r"grossi"],
        "prise de poids",
        "Constitutional",
    ),
    _c("night sweats", [r"night sweats?", r"sueurs? nocturnes?"], "sueurs nocturnes", "Constitutional"),
    _c(
        "chest pain",
        [
            r"chest (?:pain|pressure|tightness|discomfort|cramps?)",
            r"pain in (?:my|the|your) chest",
            r"douleurs? (?:dans la |à la )?(?:thoracique|poitrine)s?",
            r"mal (?:à|a) la poitrine",
            r"oppression thoracique",
        ],
        "douleur thoracique",
        "Cardiovascular",
    ),
    _c(
        "palpitations",
        [
            r"palpitations?",
            r"heart (?:racing|pounding|fluttering)",
            r"pounding in (?:my|the) chest",
            r"c(?:œ|oe)ur qui bat (?:vite|fort)",
        ],
        "palpitations",
        "Cardiovascular",
    ),
    _c(
        "leg swelling",
        [
            r"(?:leg|ankle|feet|foot) swelling",
            r"swollen (?:legs?|ankles?|feet)",
            r"swelling in (?:my|your|the) (?:legs?|ankles?|feet)",
            r"jambes? gonfl[ée]es?",
            r"chevilles? gonfl[ée]es?",
            r"(?:œ|oe)d[èe]mes? des (?:jambes|membres inf[ée]rieurs)",
        ],
        "œdème des jambes",
        "Cardiovascular",
    ),
    _c(
        "shortness of breath",
        [
            r"short(?:ness)? of breath",
            r"trouble breathing",
            r"difficulty breathing",
            r"problems? breathing",
            r"dyspn(?:ea|oea|[ée]e)",
            r"breathless(?:ness)?",
            r"winded",
            r"essouffl[ée]e?(?:ment)?",
            r"du mal à respirer",
            r"souffle court",
            r"(?:can'?t|ca n't|cannot|could ?n'?t|hard to|trouble|difficult(?:y)? time|"
            r"struggl\w+ to) catch(?:ing)? (?:my|your|his|her) breath",
        ],
        "essoufflement",
        "Respiratory",
    ),
    _c("cough", [r"cough(?:ing)?", r"toux", r"tousse[rz]?"], "toux", "Respiratory"),
    _c("wheezing", [r"wheez(?:e|es|ing)", r"sifflements?"], "sifflements", "Respiratory"),
    _c(
        "sore throat",
        [r"sore throat", r"throat pain", r"mal (?:à|a) la gorge", r"maux de gorge"],
        "mal de gorge",
        "ENT",
    ),
    _c(
        "nasal congestion",
        [r"nasal congestion", r"stuffy nose", r"runny nose", r"congestion", r"nez (?:bouch[ée]|qui coule)", r"rhume"],
        "congestion nasale",
        "ENT",
    ),
    _c("ear pain", [r"ear ?ache", r"ear pain", r"mal (?:à|a) l'oreille", r"otalgie"], "douleur d'oreille", "ENT"),
    _c(
        "headache",
        [r"headaches?", r"migraines?", r"maux? de t[êe]te", r"c[ée]phal[ée]es?"],
        "maux de tête",
        "Neurological",
    ),
    _c(
        "dizziness",
        [
            r"dizz(?:y|iness)",
            r"lightheaded(?:ness)?",
            r"light-headed(?:ness)?",
            r"vertigo",
            r"vertiges?",
            r"[ée]tourdi(?:e|ssements?)?",
            r"la t[êe]te qui tourne",
        ],
        "vertiges",
        "Neurological",
    ),
    _c(
        "numbness",
        [
            r"numb(?:ness)?",
            r"tingling",
            r"pins and needles",
            r"engourdi(?:e|ssements?)?",
            r"fourmillements?",
            r"picotements?",
        ],
        "engourdissement",
        "Neurological",
    ),
    _c("weakness", [r"weakness", r"faiblesse"], "faiblesse", "Neurological"),
    _c(
        "syncope",
        [r"passed out", r"faint(?:ed|ing)?", r"syncope", r"perte de connaissance", r"malaise"],
        "malaise",
        "Neurological",
    ),
    _c(
        "nausea",
        [r"nause(?:a|ous|e|es)", r"naus[ée]es?", r"envie de vomir", r"mal au c(?:œ|oe)ur"],
        "nausées",
        "Gastrointestinal",
    ),
    _c(
        "vomiting",
        [r"vomit(?:ing|ed)?", r"throwing up", r"threw up", r"vomissements?", r"vomi"],
        "vomissements",
        "Gastrointestinal",
    ),
    _c("diarrhea", [r"diarrh(?:ea|oea|[ée]e)s?", r"loose stools?"], "diarrhée", "Gastrointestinal"),
    _c("constipation", [r"constipat(?:ion|ed)", r"constip[ée]e?"], "constipation", "Gastrointestinal"),
    _c(
        "abdominal pain",
        [
            r"(?:abdominal|stomach|belly|tummy) (?:pain|ache|cramps?)",
            r"stomach ?ache",
            r"pain in (?:my|the|your) (?:stomach|belly|abdomen)",
            r"mal au ventre",
            r"douleurs? (?:abdominales?|au ventre|dans le ventre)",
            r"maux de ventre",
        ],
        "douleur abdominale",
        "Gastrointestinal",
    ),
    _c("bloating", [r"bloat(?:ed|ing)", r"ballonnements?", r"ballonn[ée]e?"], "ballonnements", "Gastrointestinal"),
    _c(
        "heartburn",
        [r"heartburn", r"acid reflux", r"reflux", r"br[ûu]lures? d'estomac"],
        "brûlures d'estomac",
        "Gastrointestinal",
    ),
    _c(
        "blood in stool",
        [r"blood in (?:my|the|your) stools?", r"bloody stools?", r"black stools?", r"sang dans les selles"],
        "sang dans les selles",
        "Gastrointestinal",
    ),
    _c(
        "loss of appetite",
        [r"loss of appetite", r"no appetite", r"(?:not|n't) hungry", r"perte d'app[ée]tit", r"pas d'app[ée]tit"],
        "perte d'appétit",
        "Gastrointestinal",
    ),
    _c(
        "dysuria",
        [
            r"burning (?:when|with) (?:i |you )?(?:pee|urinat)",
            r"pain(?:ful)? (?:with |when )?urinat(?:ion|ing)",
            r"dysuri[ae]",
            r"br[ûu]lures? (?:urinaires|en urinant)",
        ],
        "brûlures urinaires",
        "Genitourinary",
    ),
    _c(
        "urinary frequency",
        [
            r"(?:urinary )?frequency",
            r"peeing a lot",
            r"urinating (?:a lot|frequently|more)",
            r"envie fr[ée]quente d'uriner",
        ],
        "envies fréquentes d'uriner",
        "Genitourinary",
    ),
    _c(
        "blood in urine",
        [r"blood in (?:my|the|your) urine", r"hematuria", r"sang dans les urines"],
        "sang dans les urines",
        "Genitourinary",
    ),
    _c(
        "back pain",
        [
            r"(?:lower |low |upper )?back pain",
            r"pain in (?:my|the|your) (?:lower |low )?back",
            r"mal au dos",
            r"douleurs? (?:dans le |au )?dos",
            r"lombalgie",
        ],
        "mal de dos",
        "Musculoskeletal",
    ),
    _c(
        "knee pain",
        [r"knee pain", r"pain in (?:my|the|your) (?:left |right )?knee", r"mal au genou", r"douleurs? (?:au|du) genou"],
        "douleur au genou",
        "Musculoskeletal",
    ),
    _c(
        "shoulder pain",
        [
            r"shoulder pain",
            r"pain in (?:my|the|your) (?:left |right )?shoulder",
            r"mal (?:à|a) l'[ée]paule",
            r"douleurs? (?:à|a) l'[ée]paule",
        ],
        "douleur à l'épaule",
        "Musculoskeletal",
    ),
    _c(
        "neck pain",
        [r"neck pain", r"mal au cou", r"douleurs? (?:au|du) cou", r"cervicalgie"],
        "douleur au cou",
        "Musculoskeletal",
    ),
    _c(
        "joint pain",
        [r"joint pain", r"arthralgias?", r"douleurs? articulaires?"],
        "douleurs articulaires",
        "Musculoskeletal",
    ),
    _c(
        "muscle aches",
        [r"muscle aches?", r"body aches?", r"myalgias?", r"courbatures?", r"douleurs? musculaires?"],
        "courbatures",
        "Musculoskeletal",
    ),
    _c(
        "joint swelling",
        [r"(?:knee|ankle|joint|wrist) swelling", r"swollen (?:knee|joint|wrist)", r"genou gonfl[ée]"],
        "gonflement articulaire",
        "Musculoskeletal",
    ),
    _c(
        "rash",
        [r"rash(?:es)?", r"hives", r"[ée]ruption", r"boutons", r"plaques rouges", r"urticaire"],
        "éruption cutanée",
        "Skin",
    ),
    _c("itching", [r"itch(?:y|ing)", r"d[ée]mangeaisons?", r"[çc]a gratte", r"prurit"], "démangeaisons", "Skin"),
    _c(
        "anxiety",
        [r"anxi(?:ety|ous)", r"stress(?:ed)?", r"nervous", r"anxi(?:[ée]t[ée]|eux|euse)", r"stress[ée]e?"],
        "anxiété",
        "Psychiatric",
    ),
    _c(
        "depressed mood",
        [r"depressed", r"feeling (?:down|sad|low)", r"d[ée]prim[ée]e?", r"triste"],
        "humeur triste",
        "Psychiatric",
    ),
    _c(
        "trouble sleeping",
        [
            r"trouble sleeping",
            r"can't sleep",
            r"ca n't sleep",
            r"insomnia",
            r"(?:not |n't )sleeping (?:well|good)",
            r"insomnies?",
            r"du mal à dormir",
            r"dors mal",
        ],
        "troubles du sommeil",
        "Psychiatric",
    ),
    _c(
        "vision changes",
        [
            r"blurr(?:y|ed) vision",
            r"vision changes?",
            r"vision loss",
            r"loss of vision",
            r"changes? in (?:your|my|his|her) vision",
            r"trouble seeing",
            r"double vision",
            r"visual (?:changes?|disturbances?|problems?)",
            r"vision floue",
            r"vue (?:floue|trouble)",
            r"perte de (?:la )?vue",
            r"vue a(?:-t-elle)? chang[ée]e?",
            r"troubles? de la vue",
        ],
        "troubles de la vue",
        "Eyes",
    ),
    _c("pain", [r"pain", r"hurts?", r"sore(?:ness)?", r"douleurs?", r"j'ai mal", r"fait mal"], "douleur", "General"),
]

CONDITIONS: list[Concept] = [
    _c(
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
    _c(
        "hypertension",
        [
            r"hypertension",
            r"high blood pressure",
            r"(?:hypertension art[ée]rielle|HTA)",
            r"(?:trop de )?tension (?:[ée]lev[ée]e|trop haute)",
        ],
        "hypertension artérielle",
        code="I10",
        plain_en="high blood pressure",
        plain_fr="tension trop élevée",
        warn_en=("you have a very bad headache, chest pain or trouble speaking",),
        warn_fr=("vous avez un très fort mal de tête, une douleur dans la poitrine ou du mal à parler",),
    ),
    _c(
        "type 2 diabetes",
        [
            r"type (?:2|two) diabet(?:es|ic)(?: mellitus)?",
            r"diabet(?:es|ic)(?: mellitus)?,? type (?:2|two|ii)",
            r"diab[èe]te de type (?:2|deux)",
        ],
        "diabète de type 2",
        code="E11.9",
        plain_en="diabetes (too much sugar in the blood)",
        plain_fr="diabète (trop de sucre dans le sang)",
    ),
    _c(
        "diabetes mellitus",
        [r"diabet(?:es|ic)(?: mellitus)?", r"diab[èe]te", r"diab[ée]tique"],
        "diabète",
        code="E11.9",
        plain_en="diabetes (too much sugar in the blood)",
        plain_fr="diabète (trop de sucre dans le sang)",
        warn_en=("your blood sugar stays very high or very low", "you feel shaky, sweaty or confused"),
        warn_fr=("votre sucre reste très haut ou très bas", "vous tremblez, transpirez ou êtes confus"),
    ),
    _c(
        "type 1 diabetes",
        [r"type (?:1|one) diabetes", r"diab[èe]te de type (?:1|un)"],
        "diabète de type 1",
        code="E10.9",
        plain_en="type 1 diabetes",
        plain_fr="diabète de type 1",
    ),
    _c(
        "hyperlipidemia",
        [r"hyperlipidemia", r"high cholesterol", r"dyslipidemia", r"cholest[ée]rol", r"hypercholest[ée]rol[ée]mie"],
        "hypercholestérolémie",
        code="E78.5",
        plain_en="high cholesterol",
        plain_fr="trop de cholestérol",
    ),
    _c(
        "asthma",
        [r"asthma", r"asthme"],
        "asthme",
        code="J45.909",
        plain_en="asthma",
        plain_fr="asthme",
        warn_en=("you are very short of breath and your inhaler does not help",),
        warn_fr=("vous êtes très essoufflé et la pompe ne soulage pas",),
    ),
    _c(
        "copd",
        [r"copd", r"emphysema", r"chronic obstructive pulmonary disease", r"bpco"],
        "BPCO",
        code="J44.9",
        plain_en="a long-term lung disease (COPD)",
        plain_fr="une maladie des poumons (BPCO)",
    ),
    _c(
        "depression",
        [r"depression", r"d[ée]pression"],
        "dépression",
        code="F32.A",
        plain_en="depression",
        plain_fr="dépression",
        warn_en=("you have thoughts of hurting yourself",),
        warn_fr=("vous avez des idées de vous faire du mal",),
    ),
    _c(
        "anxiety disorder",
        [r"anxiety disorder", r"generalized anxiety", r"trouble anxieux"],
        "trouble anxieux",
        code="F41.9",
        plain_en="anxiety",
        plain_fr="anxiété",
    ),
    _c(
        "osteoarthritis",
        [r"osteoarthritis", r"arthritis", r"arthrose", r"degenerative joint disease"],
        "arthrose",
        code="M19.90",
        plain_en="wear of the joint (arthritis)",
        plain_fr="usure de l'articulation (arthrose)",
    ),
    _c(
        "rheumatoid arthritis",
        [r"rheumatoid arthritis", r"polyarthrite rhumato[ïi]de"],
        "polyarthrite rhumatoïde",
        code="M06.9",
    ),
    _c(
        "gastroesophageal reflux disease",
        [r"gerd", r"gastro ?esophageal reflux(?: disease)?", r"reflux gastro-?(?:œ|oe)sophagien", r"rgo"],
        "reflux gastro-œsophagien",
        code="K21.9",
        plain_en="acid reflux",
        plain_fr="remontées d'acide (reflux)",
    ),
    _c(
        "hypothyroidism",
        [r"hypothyroid(?:ism)?", r"hypothyro[ïi]die"],
        "hypothyroïdie",
        code="E03.9",
        plain_en="a slow thyroid gland",
        plain_fr="thyroïde qui fonctionne au ralenti",
    ),
    _c("hyperthyroidism", [r"hyperthyroid(?:ism)?", r"hyperthyro[ïi]die"], "hyperthyroïdie", code="E05.90"),
    _c(
        "atrial fibrillation",
        [r"atrial fibrillation", r"a-?fib", r"fibrillation auriculaire"],
        "fibrillation auriculaire",
        code="I48.91",
        plain_en="an irregular heartbeat (atrial fibrillation)",
        plain_fr="cœur qui bat irrégulièrement (fibrillation auriculaire)",
    ),
    _c(
        "coronary artery disease",
        [r"coronary artery disease", r"cad", r"maladie coronarienne"],
        "maladie coronarienne",
        code="I25.10",
    ),
    _c(
        "myocardial infarction",
        [r"heart attack", r"myocardial infarction", r"infarctus"],
        "infarctus du myocarde",
        code="I21.9",
    ),
    _c("stroke", [r"stroke", r"avc", r"accident vasculaire c[ée]r[ée]bral"], "AVC", code="I63.9"),
    _c(
        "chronic kidney disease",
        [r"chronic kidney disease", r"ckd", r"insuffisance r[ée]nale(?: chronique)?"],
        "insuffisance rénale chronique",
        code="N18.9",
        plain_en="kidneys that work less well",
        plain_fr="reins qui fonctionnent moins bien",
    ),
    _c(
        "kidney stone",
        [r"kidney stones?", r"nephrolithiasis", r"calculs? r[ée]naux", r"coliques? n[ée]phr[ée]tiques?"],
        "calcul rénal",
        code="N20.0",
        plain_en="a kidney stone",
        plain_fr="un calcul dans le rein",
    ),
    _c(
        "urinary tract infection",
        [r"urinary tract infection", r"uti", r"bladder infection", r"infection urinaire", r"cystite"],
        "infection urinaire",
        code="N39.0",
        plain_en="a bladder infection",
        plain_fr="une infection urinaire",
    ),
    _c(
        "pneumonia",
        [r"pneumonia", r"pneumonie", r"pneumopathie"],
        "pneumonie",
        code="J18.9",
        plain_en="a lung infection (pneumonia)",
        plain_fr="une infection du poumon (pneumonie)",
    ),
    _c(
        "upper respiratory infection",
        [r"upper respiratory (?:tract )?infection", r"uri", r"common cold", r"a cold", r"rhinopharyngite"],
        "rhinopharyngite",
        code="J06.9",
        plain_en="a cold",
        plain_fr="un rhume",
    ),
    _c("bronchitis", [r"bronchitis", r"bronchite"], "bronchite", code="J40"),
    _c("sinusitis", [r"sinusitis", r"sinus infection", r"sinusite"], "sinusite", code="J32.9"),
    _c("covid-19", [r"covid(?:-?19)?", r"coronavirus"], "COVID-19", code="U07.1"),
    _c(
        "migraine",
        [r"migraine(?:s)? (?:headaches?|disorder)", r"migraine"],
        "migraine",
        code="G43.909",
        plain_en="migraine headaches",
        plain_fr="migraines",
    ),
    _c("obesity", [r"obesity", r"ob[ée]sit[ée]"], "obésité", code="E66.9"),
    _c(
        "anemia",
        [r"an(?:a)?emia", r"an[ée]mie"],
        "anémie",
        code="D64.9",
        plain_en="low red blood cells (anemia)",
        plain_fr="manque de globules rouges (anémie)",
    ),
    _c("sleep apnea", [r"sleep apnea", r"apn[ée]e du sommeil"], "apnée du sommeil", code="G47.33"),
    _c("gout", [r"gout", r"goutte"], "goutte", code="M10.9"),
    _c("osteoporosis", [r"osteoporosis", r"ost[ée]oporose"], "ostéoporose", code="M81.0"),
    _c(
        "cancer",
        [
            r"(?:breast|lung|colon|prostate|skin|ovarian|pancreatic) cancer",
            r"cancer(?: du (?:sein|poumon|c[ôo]lon))?",
            r"lymphoma",
            r"leukemia",
        ],
        "cancer",
    ),  # no code: the site and behaviour decide it
    _c(
        "ankle sprain",
        [r"ankle sprain", r"sprain(?:ed)? (?:of )?(?:the |my |your )?ankle", r"entorse de la cheville"],
        "entorse de la cheville",
        code="S93.409A",
        plain_en="a sprained ankle",
        plain_fr="une entorse de la cheville",
    ),
    _c(
        "knee sprain",
        [
            r"knee sprain",
            r"sprain(?:ed)? (?:of )?(?:the |my |your )?knee",
            r"(?:meniscus|menisc\w+) (?:sprain|strain)",
            r"entorse du genou",
        ],
        "entorse du genou",
        code="S83.90XA",
        plain_en="a sprained knee",
        plain_fr="une entorse du genou",
    ),
    _c("sprain", [r"sprain(?:ed)?", r"entorse"], "entorse", plain_en="a sprain", plain_fr="une entorse"),
    _c(
        "muscle strain",
        [r"(?:muscle |muscular )?strain(?:ed)?", r"élongation", r"claquage"],
        "élongation musculaire",
        plain_en="a strained muscle",
        plain_fr="un muscle étiré (élongation)",
    ),
    _c("fracture", [r"fracture[ds]?", r"broken (?:bone|arm|leg|wrist|ankle)"], "fracture"),
    _c(
        "meniscus tear",
        [r"menisc(?:us|al) tear", r"torn meniscus", r"l[ée]sion m[ée]niscale"],
        "lésion méniscale",
        code="S83.209A",
    ),
    _c(
        "carpal tunnel syndrome",
        [r"carpal tunnel(?: syndrome)?", r"canal carpien"],
        "syndrome du canal carpien",
        code="G56.00",
    ),
    _c("low back pain", [r"lumbar strain", r"low back pain", r"lumbago", r"lombalgie"], "lombalgie", code="M54.50"),
    _c("knee pain", [r"(?:left |right )?knee pain"], "douleur du genou", code="M25.569"),
    _c(
        "allergic rhinitis",
        [r"allergic rhinitis", r"seasonal allergies", r"hay fever", r"rhinite allergique"],
        "rhinite allergique",
        code="J30.9",
        plain_en="seasonal allergies",
        plain_fr="allergie saisonnière",
    ),
    _c(
        "gastroenteritis",
        [r"gastroenteritis", r"stomach (?:bug|flu)", r"gastro-?ent[ée]rite", r"gastro"],
        "gastro-entérite",
        code="K52.9",
    ),
    _c(
        "cholecystitis",
        [r"cholecystitis", r"gallbladder (?:attack|infection)", r"chol[ée]cystite", r"colique h[ée]patique"],
        "cholécystite",
        code="K81.9",
    ),
    _c("appendicitis", [r"appendicitis", r"appendicite"], "appendicite", code="K37"),
    _c("pancreatitis", [r"pancreatitis", r"pancr[ée]atite"], "pancréatite", code="K85.90"),
    _c("hepatitis C", [r"hepatitis c", r"hep c", r"h[ée]patite c"], "hépatite C", code="B19.20"),
    _c("hepatitis B", [r"hepatitis b", r"hep b", r"h[ée]patite b"], "hépatite B", code="B19.10"),
    _c("hepatitis", [r"hepatitis", r"h[ée]patite"], "hépatite", code="K75.9"),
    _c("multiple sclerosis", [r"multiple sclerosis", r"scl[ée]rose en plaques"], "sclérose en plaques", code="G35"),
    _c("epilepsy", [r"epilepsy", r"seizures?", r"[ée]pilepsie"], "épilepsie", code="G40.909"),
    _c("eczema", [r"eczema", r"ecz[ée]ma", r"atopic dermatitis"], "eczéma", code="L30.9"),
    _c("psoriasis", [r"psoriasis"], "psoriasis", code="L40.9"),
    _c("tendinitis", [r"tendinitis", r"tendonitis", r"tendinite"], "tendinite", code="M77.9"),
    _c(
        "prostate enlargement",
        [r"bph", r"enlarged prostate", r"benign prostatic hyperplasia", r"hypertrophie (?:b[ée]nigne )?de la prostate"],
        "hypertrophie bénigne de la prostate",
        code="N40.0",
    ),
    _c("heart murmur", [r"(?:heart )?murmur", r"souffle cardiaque"], "souffle cardiaque", code="R01.1"),
    _c(
        "mitral regurgitation",
        [r"mitral (?:valve )?regurgitation", r"insuffisance mitrale"],
        "insuffisance mitrale",
        code="I34.0",
    ),
    _c("peripheral neuropathy", [r"(?:peripheral )?neuropathy", r"neuropathie"], "neuropathie", code="G62.9"),
    _c("hypokalemia", [r"hypokalemia", r"low potassium", r"hypokali[ée]mie"], "hypokaliémie", code="E87.6"),
    _c("kidney injury", [r"acute kidney injury", r"aki"], "insuffisance rénale aiguë", code="N17.9"),
    _c("lupus", [r"lupus"], "lupus", code="M32.9"),
    _c(
        "angina",
        [r"(?:stable |unstable )?angina(?: pectoris)?", r"angor", r"angine de poitrine"],
        "angor",
        code="I20.9",
        plain_en="chest pain from the heart not getting enough blood (angina)",
        plain_fr="douleur du cœur qui manque d'oxygène (angor)",
        warn_en=("the chest pain lasts more than 15 minutes or comes at rest: call 911",),
        warn_fr=("la douleur dure plus de 15 minutes ou vient au repos : appelez le 15",),
    ),
    _c(
        "otitis media",
        [r"(?:middle )?ear infection", r"otitis(?: media)?", r"otite"],
        "otite",
        code="H66.90",
        plain_en="an ear infection",
        plain_fr="une otite",
    ),
    _c(
        "pharyngitis",
        [r"strep throat", r"pharyngitis", r"angine", r"pharyngite"],
        "angine",
        code="J02.9",
        plain_en="a throat infection",
        plain_fr="une angine",
    ),
    _c("conjunctivitis", [r"pink eye", r"conjunctivitis", r"conjonctivite"], "conjonctivite", code="H10.9"),
    _c(
        "cellulitis",
        [r"cellulitis", r"skin infection", r"cellulite infectieuse", r"dermohypodermite"],
        "dermohypodermite",
        code="L03.90",
    ),
    _c("sciatica", [r"sciatica", r"sciatique"], "sciatique", code="M54.30"),
    _c("plantar fasciitis", [r"plantar fasciitis", r"aponévrosite plantaire"], "aponévrosite plantaire", code="M72.2"),
    _c("insomnia", [r"insomnia disorder"], "insomnie", code="G47.00"),
    _c("concussion", [r"concussion", r"commotion cérébrale"], "commotion cérébrale", code="S06.0X0A"),
    _c("lyme disease", [r"lyme(?: disease)?", r"maladie de lyme"], "maladie de Lyme", code="A69.20"),
    _c("diverticulitis", [r"diverticulitis", r"diverticulite"], "diverticulite", code="K57.92"),
    _c("pyelonephritis", [r"pyelonephritis", r"kidney infection", r"pyélonéphrite"], "pyélonéphrite", code="N12"),
]

SURGERIES = [
    (r"appendectomy|appendicectomie|(?:had|got) (?:my|her|his) appendix (?:out|removed)", "appendectomy"),
    (r"cholecystectomy|chol[ée]cystectomie|gallbladder (?:removed|out|surgery)", "cholecystectomy"),
    (r"(?:knee|hip|shoulder) replacement|proth[èe]se (?:de (?:la )?hanche|du genou)", "joint replacement"),
    (r"c-?section|cesarean|c[ée]sarienne", "cesarean section"),
    (r"hysterectomy|hyst[ée]rectomie", "hysterectomy"),
    (r"lobectomy|lobectomie", "lobectomy"),
    (r"(?:bypass|cabg|pontage)", "coronary bypass"),
    (r"stents?|angioplasty|angioplastie", "coronary stent"),
    (r"tonsillectomy|amygdalectomie", "tonsillectomy"),
    (r"hernia repair|hernie", "hernia repair"),
    (r"(?:acl|meniscus|rotator cuff|knee|back|spine|shoulder|hip|heart|wrist|ankle|foot|hand) surgery", "surgery"),
    (r"(?:dents de sagesse|wisdom teeth)", "wisdom teeth removal"),
    (r"(?:had|have had|underwent) (?:a |an )?(?:surgery|operation)|op[ée]r[ée]e? (?:de|du|des|à)", "surgery"),
]

TESTS = [
    (r"x-?rays?|radio(?:graphie)?s?", "x-ray"),
    (r"echo(?:cardiogram)?s?|[ée]chocardiographie|[ée]cho(?:graphie)? cardiaque", "echocardiogram"),
    (r"ekg|ecg|electrocardiogram|[ée]lectrocardiogramme", "EKG"),
    (r"mri|irm", "MRI"),
    (r"ct(?: scan)?|cat scan|scanner", "CT scan"),
    (r"ultrasound|[ée]chographie", "ultrasound"),
    (r"(?:hemoglobin )?a1c|hba1c|h[ée]moglobine glyqu[ée]e", "hemoglobin A1c"),
    (r"lipid panel|cholesterol (?:panel|test|levels?)|bilan lipidique", "lipid panel"),
    (r"blood ?work|labs?|blood tests?|prise de sang|bilan sanguin|analyses? de sang", "blood work"),
    (r"cbc|complete blood count|nfs|num[ée]ration", "CBC"),
    (r"bmp|cmp|metabolic panel|ionogramme", "metabolic panel"),
    (r"urinalysis|urine (?:test|culture|sample)|ecbu|bandelette urinaire", "urinalysis"),
    (r"stress test|test d'effort", "stress test"),
    (r"colonoscopy|coloscopie", "colonoscopy"),
    (r"biopsy|biopsie", "biopsy"),
    (r"(?:covid|strep|flu) (?:test|swab)", "rapid test"),
    (r"tsh|thyroid (?:test|panel|levels?)", "TSH"),
    (r"pulmonary function tests?|pfts?|spirometry|spirom[ée]trie|efr", "pulmonary function tests"),
    (r"mammogram|mammographie", "mammogram"),
    (r"glucose|glyc[ée]mie|blood sugars?", "glucose"),
    (r"creatinine|cr[ée]atinine|kidney function", "creatinine"),
    (r"potassium|kali[ée]mie", "potassium"),
    (r"psa", "PSA"),
    (r"d-?dimers?", "D-dimer"),
    (r"troponins?", "troponin"),
    (r"crp|c-reactive protein", "CRP"),
]

BODY_PARTS = (
    r"head|neck|chest|back|lower back|shoulders?|arms?|elbows?|wrists?|hands?|fingers?|hips?|legs?|knees?|"
    r"ankles?|feet|foot|toes?|abdomen|stomach|belly|throat|ears?|eyes?|jaw|side|groin|pelvis|"
    r"t[êe]te|cou|poitrine|dos|[ée]paules?|bras|coudes?|poignets?|mains?|doigts?|hanches?|jambes?|"
    r"genoux|genou|chevilles?|pieds?|ventre|gorge|oreilles?|yeux|c[ôo]t[ée]|sternum"
)

# Drug-lexicon hits that are ordinary words in a consultation.
DRUG_STOP = {
    "water",
    "oxygen",
    "sugar",
    "salt",
    "alcohol",
    "caffeine",
    "coffee",
    "ice",
    "heat",
    "pain",
    "iron",
    "vitamin",
    "protein",
    "calcium",
    "magnesium",
    "zinc",
    "sodium",
    "potassium",
    "glucose",
    "air",
    "tea",
    "milk",
    "honey",
    "juice",
    "meds",
    "medication",
    "medicine",
    "insulin pump",
    "nicotine",
    "cannabis",
    "marijuana",
    "tobacco",
    "sun",
    "sleep",
    "lemon",
    "mint",
    "garlic",
    "urea",
    "fish oil",
    "dextrose",
    "saline",
    "cholesterol",
    "vitamin d",
    "blood",
    "today",
    "ash",
    "contrast",
    "capsaicin",
    "cocaine",
    "heroin",
    "pollen",
    "latex",
    "peanuts",
    "eggs",
    "melatonin",
    "probiotics",
    "fiber",
    "collagen",
    "cow's milk",
    "breast milk",
    "formula",
    "cortisone shot",
    "activity",
    "stress",
    "plan",
    "dairy",
    "the",
}

_cache: dict = {}


@cache
def compiled(kind: str) -> list[tuple[re.Pattern, Concept]]:
    """Concept regexes, longest surface form first so 'chest pain' wins over 'pain'."""
    concepts = {"symptom": SYMPTOMS, "condition": CONDITIONS}[kind]
    pairs = [(form, c) for c in concepts for form in c.forms]
    pairs.sort(key=lambda p: -len(p[0]))
    # a plural is the same concept ("chest pains", "headaches")
    return [(re.compile(rf"(?<![\w-])(?:{f})(?:e?s)?(?![\w-])", re.I), c) for f, c in pairs]


def find_concepts(kind: str, text: str) -> list[tuple[int, int, Concept]]:
    """Non-overlapping matches (start, end, concept): the longest match wins, then the earliest."""
    cands = [(m.start(), m.end(), c) for rx, c in compiled(kind) for m in rx.finditer(text)]
    cands.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    out: list[tuple[int, int, Concept]] = []
    for s, e, c in cands:
        if all(e <= os or s >= oe for os, oe, _ in out):
            out.append((s, e, c))
    out.sort(key=lambda t: t[0])
    return out


CONDITION_BY_LABEL = {c.label: c for c in CONDITIONS}
SYMPTOM_BY_LABEL = {c.label: c for c in SYMPTOMS}
