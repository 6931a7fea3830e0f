"""Surgeries, tests, body parts, allergens and the drug-lexicon hits that are ordinary words.

Plain (pattern, label) tables rather than concepts: these only need a label, not plain-language names.
"""

from __future__ import annotations

import re

SURGERIES = [
    (r"appendectomy|appendicectomie|(?:had|got) (?:my|her|his) appendix (?:out|removed)", "appendectomy"),
    (
        r"cholecystectomy|chol[ée]cystectomie|gall ?bladder (?:removed|out|surgery)|"
        r"(?:took|taken|removed?)\s+(?:my|the|her|his|your)\s+gall ?bladder",
        "cholecystectomy",
    ),
    (r"(?:knee|hip|shoulder) replacement|proth[èe]se (?:de (?:la )?hanche|du genou)", "joint replacement"),
    (r"c-?section|cesarean|c[ée]sarienne", "cesarean section"),
    (r"hysterectomy|hyst[ée]rectomie", "hysterectomy"),
    (r"lobectomy|lobectomie", "lobectomy"),
    (r"(?:bypass|cabg|pontage)", "coronary bypass"),
    (r"stents?|angioplasty|angioplastie", "coronary stent"),
    (r"tonsillectomy|amygdalectomie", "tonsillectomy"),
    (
        r"hernia repair|(?:cure|opération|chirurgie) (?:de|d'une) hernie|opérée? d'une hernie(?! discale)",
        "hernia repair",
    ),
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
    (r"tsh|thyroid (?:tests?|panel|levels?|labs?)", "TSH"),
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
    "transaminases",  # a liver test ("un bilan … avec les transaminases"), not a drug
    "aldostérone",  # hormones measured ("le dosage de l'aldostérone et de la rénine"), never prescribed as such
    "aldosterone",
    "renin",
    "rénine",
    "water",
    "sunscreen",  # advice ("use sunscreen in the day"), not a drug of the list
    "écran solaire",
    "crème solaire",
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
    "agit",  # French "il agit sur l'anxiété", a brand of dihydroergotamine elsewhere
    # laboratory tests the drug lexicon also lists ("check a uric acid level")
    "uric acid",
    "ferritin",
    "lactic acid",
    "homocysteine",
    "cortisol",
}


# What patients are allergic to, and the reactions they tell of.
ALLERGEN = re.compile(
    r"\b(?:"
    r"penicillins?|pénicillines?|amoxicillin|amoxicilline|sulfa(?: drugs)?|sulfamides?|codeine|codéine|"
    r"morphine|aspirin|aspirine|ibuprofen|ibuprofène|nsaids?|latex|peanuts?|arachides?|cacahuètes?|"
    r"tree nuts|nuts|noix|shellfish|fruits de mer|crustacés|eggs?|œufs?|milk|lait|gluten|iodine|iode|"
    r"contrast(?: dye)?|bee stings?|bees|abeilles?|guêpes?|pollen|dust(?: mites)?|acariens|poussière|"
    r"cats?|chats?|dogs?|chiens?|mold|moisissures|seasonal|grass|ragweed|strawberries|fraises|"
    r"erythromycin|cephalosporins?|keflex|bactrim|levaquin|cipro|tetracycline|doxycycline|"
    r"novocaine|lidocaine|adhesive|tape|nickel|augmentin|azithromycin|zithromax|clindamycin|vancomycin|"
    r"macrobid|nitrofurantoin|tramadol|hydrocodone|oxycodone"
    r")\b",
    re.I,
)

ALLERGIC_REACTION = re.compile(
    r"\b(?:rash|hives|swell(?:ing|s)?|anaphyla\w+|itch\w*|throat (?:closing|swelling)|"
    r"trouble breathing|can't breathe|vomiting|nausea|urticaire|boutons|plaques|gonfle\w*|"
    r"œdème|oedème|démangeaisons?|choc|gêne respiratoire)\b",
    re.I,
)
