"""French brand names the drug lexicon (drug-named-entity-recognition, DrugBank/MeSH) does not know, each
to a generic name it does, and the French ways of saying a dose. Keys are folded (no accents, lower case),
as `scribe.notes.medication.drug_token` compares them: "Kardégic" → kardegic → aspirin."""

from __future__ import annotations

import re

BRANDS = {
    "sinemet": "levodopa and carbidopa",
    "miorel": "thiocolchicoside",
    "coltramyl": "thiocolchicoside",
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
    "seretide": "advair",  # fluticasone and salmeterol, as the library names the US brand
    "symbicort": "symbicort",  # the library's budesonide/formoterol
    "trelegy": "fluticasone, umeclidinium, and vilanterol",
    "leeloo": "ethinylestradiol/levonorgestrel",
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
# Words a drug name follows (scribe.notes.recovery): the dose cues, any form of "prendre" ("je prenais",
# "vous avez pris") and of "prescrire", also as misheard ("je vous préscri"), and a partitive ("du", "de la").
CUES = rf"{DOSE_CUES}|pr[ée]scri\w*|arrêter|continuer|de la|du|pren\w*|pris|repris"

# How French spelling sounds, for matching what the recogniser wrote with a drug name by ear: "Spasfon" and
# "spasphon", "Tahor" and "taura", "Levothyrox" and "lévotirocs" are near once written as they are said.
# Ordered rules (a French Soundex-like key, kept readable): letters that spell one sound, nasal vowels,
# silent letters. Capitals stand for sounds that have no letter of their own (S: "ch", A/O/I: nasal vowels).
_SOUND_RULES = (
    (r"[^a-zàâäçéèêëîïôöùûüÿ]", ""),
    (r"[éèêë]", "e"),
    (r"[àâä]", "a"),
    (r"[îïÿy]", "i"),
    (r"[ôö]", "o"),
    (r"[ùûü]", "u"),
    (r"(?<=[aeiou])s(?=[aeiou])", "z"),  # before c → s: "paracétamol" keeps its s
    (r"ç", "s"),
    (r"s?ch", "S"),
    (r"ph", "f"),
    (r"th", "t"),
    (r"gn", "ni"),
    (r"qu?", "k"),
    (r"gu(?=[ei])", "g"),
    (r"c(?=[ei])", "s"),
    (r"ck|cc|c", "k"),
    (r"g(?=[ei])", "j"),
    (r"um$", "oM"),  # Latin endings are said "om": Inexium, valium
    (r"eau|au", "o"),
    (r"ou", "u"),
    (r"oi", "wa"),
    (r"[ae]i[nm](?![aeioun])", "I"),  # "ain", "ein"
    (r"i[nm](?![aeiounm])", "I"),  # "in", "im" before a consonant or at the end
    (r"[aeu][nm](?![aeiounm])", "A"),  # "an", "en", "am", "un" (said alike by most speakers)
    (r"o[nm](?![aeiounm])", "O"),
    (r"ai|ei", "e"),
    (r"h", ""),
    (r"(?:es|e|s|t|d|z|p)$", ""),  # silent final letters (not r, c, x, l: Tahor, Kardégic, Levothyrox)
    (r"e[rz]$", "e"),  # "smecter", "prenez": the sound of é
    (r"x", "ks"),
    (r"(.)\1+", r"\1"),
)
_SOUND_COMPILED = tuple((re.compile(rx), out) for rx, out in _SOUND_RULES)


def sound_fr(text: str) -> str:
    """French words as a key of how they sound, word by word ("Doliprane" → "dolipran", "taura" → "tora",
    "dolly prane" → "dolipran")."""
    keys = []
    for word in text.lower().split():
        for rx, out in _SOUND_COMPILED:
            word = rx.sub(out, word)
        keys.append(word)
    return re.sub(r"(.)\1+", r"\1", "".join(keys))
