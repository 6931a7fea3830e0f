"""French brand names the drug lexicon (drug-named-entity-recognition, DrugBank/MeSH) does not know, each
to a generic name it does, and the French ways of saying a dose. Keys are folded (no accents, lower case),
as `scribe.notes.medication.drug_token` compares them: "Kardégic" → kardegic → aspirin."""

from __future__ import annotations

BRANDS = {
    "smecta": "diosmectite",
    "forlax": "macrogol",
    "movicol": "macrogol",
    "voltarene": "diclofenac",
    "ixprim": "tramadol",
    "topalgic": "tramadol",
    "contramal": "tramadol",
    "zymad": "cholecalciferol",
    "uvedose": "cholecalciferol",
    "tardyferon": "ferrous sulfate",
    "speciafoldine": "folic acid",
    "seroplex": "escitalopram",
    "deroxat": "paroxetine",
    "solupred": "prednisolone",
    "eupantol": "pantoprazole",
    "inipomp": "pantoprazole",
    "coversyl": "perindopril",
    "temerit": "nebivolol",
    "kenzen": "candesartan",
    "atacand": "candesartan",
    "zanidip": "lercanidipine",
    "detensiel": "bisoprolol",
    "cardensiel": "bisoprolol",
    "clamoxyl": "amoxicillin",
    "augmentin": "amoxicillin",
    "orelox": "cefpodoxime",
    "oflocet": "ofloxacin",
    "bactrim": "sulfamethoxazole",
    "monuril": "fosfomycin",
    "doxy": "doxycycline",
    "dexeryl": "glycerol",
    "piascledine": "piascledine",
    "daflon": "diosmin",
    "debridat": "trimebutine",
    "motilium": "domperidone",
    "primperan": "metoclopramide",
    "vogalene": "metopimazine",
    "antarene": "ibuprofen",
    "spedifen": "ibuprofen",
    "profenid": "ketoprofen",
    "lamaline": "paracetamol",
    "codoliprane": "paracetamol",
    "aerius": "desloratadine",
    "xyzall": "levocetirizine",
    "zyrtec": "cetirizine",
    "lovenox": "enoxaparin",
    "kardegic": "aspirin",
    "plavix": "clopidogrel",
    "risordan": "isosorbide dinitrate",
    "natispray": "nitroglycerin",
    "stagid": "metformin",
    "diamicron": "gliclazide",
    "amarel": "glimepiride",
    "levemir": "insulin detemir",
    "euthyral": "levothyroxine",
    "l-thyroxine": "levothyroxine",
    "seretide": "fluticasone",
    "symbicort": "budesonide",
    "bricanyl": "terbutaline",
    "atarax": "hydroxyzine",
    "imovane": "zopiclone",
    "lexomil": "bromazepam",
    "temesta": "lorazepam",
}

# French dose phrases the recogniser writes out: "un comprimé matin et soir", "deux gélules par jour",
# "cinq cents milligrammes", "une cuillère-mesure", "un sachet".
DOSE_UNITS = (
    r"milligrammes?|microgrammes?|grammes?|millilitres?|unités?|comprimés?|gélules?|sachets?|"
    r"cuillères?(?:-mesure)?|gouttes?|bouffées?|pulvérisations?|ampoules?|doses?"
)
DOSE_CUES = (
    r"je prends|je prenais|prenez|vous prenez|prendre|sous|je vous prescris|je vous mets|on met|on passe à|"
    r"on augmente|on diminue|on arrête|arrêtez|continuez|on continue|on garde|on remplace|traitement par"
)
