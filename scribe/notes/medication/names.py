"""Drug names and dose units.

`find_mentions(text)` finds drug names (drug-named-entity-recognition: DrugBank/MeSH, brands, French
spellings) with their character spans; `drug_token` maps French brands and accents first, and the
speech-recovery and LLM checks look drugs up through it too. `is_brand` tells a brand (Mobic) from a
spelling of the generic name (paracétamol). `normalise_unit` gives a spoken or written unit its short
form (mg, mcg, ml, units, tablets...); `UNIT_PATTERN` matches any unit.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from scribe.notes.lexicon import drugs_fr

FRENCH_BRANDS = {
    "doliprane": "paracetamol",
    "dafalgan": "paracetamol",
    "efferalgan": "paracetamol",
    "kardegic": "aspirin",
    "aspirine": "aspirin",
    "levothyrox": "levothyroxine",
    "spasfon": "phloroglucinol",
    "inexium": "esomeprazole",
    "mopral": "omeprazole",
    "ibuprofene": "ibuprofen",
    "augmentin": "augmentin",
    "ventoline": "albuterol",
    "xarelto": "xarelto",
    "eliquis": "eliquis",
    "lasilix": "furosemide",
    "tahor": "atorvastatin",
    "glucophage": "metformin",
    "previscan": "fluindione",
}
FRENCH_BRANDS.update(drugs_fr.BRANDS)  # the longer list of French brands (Smecta, Forlax, Seroplex…)
_FR_GENERIC = {"aspirine", "ibuprofene"}  # French spellings of generic names, not brands
# international / French generic names of drugs the library files under another (US) name
_INN = {
    "paracetamol": "acetaminophen",
    "acetaminophene": "acetaminophen",
    "salbutamol": "albuterol",
    "adrenaline": "epinephrine",
    "noradrenaline": "norepinephrine",
    "frusemide": "furosemide",
    "lignocaine": "lidocaine",
    "colecalciferol": "cholecalciferol",
    "ciclosporin": "cyclosporine",
    "rifampicin": "rifampin",
    "glyceryl trinitrate": "nitroglycerin",
    "trinitrine": "nitroglycerin",
}
_DRUG_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9]*(?:-[A-Za-zÀ-ÿ0-9]+)*")


def fold(s: str) -> str:
    """Accents off and lower case: how names are compared ("Méloxicam" → "meloxicam")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).lower()


def singular_brand(surface: str) -> str:
    """ "Dolipranes" (two of them) names the brand Doliprane."""
    low = fold(surface)
    return surface[:-1] if low not in FRENCH_BRANDS and low.endswith("s") and low[:-1] in FRENCH_BRANDS else surface


def drug_token(tok: str) -> str:
    """Accents off ("oméprazole" → "omeprazole") and French brand names, singular or plural, to their generic
    name."""
    t = "".join(ch for ch in unicodedata.normalize("NFKD", tok) if not unicodedata.combining(ch))
    t = _FR_ENE.sub(r"\1", t)
    return FRENCH_BRANDS.get(singular_brand(t).lower(), t)


# the French generic's final e on the international stems whose English name ends without it: kétoprofène,
# naproxène, rosuvastatine, dapagliflozine, prégabaline, érythromycine (amlodipine keeps its e in both)
_FR_ENE = re.compile(
    r"^(\w+(?:profen|naproxen|fenac|statin|gliflozin|gliptin|gabalin|floxacin|mycin|cillin|parin))e$", re.I
)


_UNIT_TABLE = [
    ("mcg", r"mcg|µg|ug|micrograms?|microgrammes?"),
    ("mg", r"mg|milligrams?|milligrammes?|milligs?|migs?"),
    ("g", r"g|grams?|grammes?"),
    ("meq", r"meq|milliequivalents?"),
    ("ml", r"ml|milliliters?|millilitres?|cc"),
    ("units", r"units?|unités?|iu|ui"),
    ("%", r"%|percent|pour ?cent"),
    ("puffs", r"puffs?|inhalations?|bouffées?|pulvérisations?"),
    ("sprays", r"sprays?"),
    ("tablets", r"tablets?|tabs?|pills?|comprimés?|cps?|caplets?|cachets?"),
    ("capsules", r"capsules?|caps|gélules?|softgels?"),
    ("drops", r"drops?|gouttes?"),
    ("patches", r"patch(?:es|s)?"),
    ("sachets", r"sachets?|packets?"),
    ("teaspoons", r"teaspoons?|tsp|cuillères? à café"),
    ("tablespoons", r"tablespoons?|tbsp|cuillères? à soupe"),
    ("ampoules", r"ampoules?|vials?"),
]
UNIT_PATTERN = "|".join(f"(?:{rx})" for _u, rx in sorted(_UNIT_TABLE, key=lambda t: -len(t[1])))
COUNT_UNITS = {
    "tablets",
    "capsules",
    "puffs",
    "sprays",
    "drops",
    "patches",
    "sachets",
    "ampoules",
    "teaspoons",
    "tablespoons",
}


def normalise_unit(u: str) -> str:
    """A spoken or written unit → its short form (mg, mcg, g, ml, units, puffs, tablets...)."""
    low = u.lower().strip()
    for name, rx in _UNIT_TABLE:
        if re.fullmatch(rx, low, re.I):
            return name
    return low


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    drug: dict

    @property
    def name(self) -> str:
        return self.drug.get("name", "") or self.surface

    @property
    def drug_like(self) -> bool:
        """A medicine (DrugBank / MedlinePlus entry, a combination product, a MeSH pharmacologic class,
        preparation or hormone), not only a MeSH chemical ("Diamond")."""
        return one_drug(self.drug) or any(
            t.startswith(("D27.505", "D26", "D06")) for t in self.drug.get("mesh_tree", [])
        )


def find_mentions(
    text: str, find_drugs: Callable | None = None, stop: set[str] | frozenset = frozenset()
) -> list[Mention]:
    """Drug names in `text` with their spans (no overlaps, text order). `stop`: names never drugs."""
    if find_drugs is None:
        from drug_named_entity_recognition import find_drugs
    toks = list(_DRUG_WORD.finditer(text))
    if not toks:
        return []
    try:
        hits = find_drugs([drug_token(t.group(0)) for t in toks], is_ignore_case=True)
    except Exception:
        return []
    hits = (
        _unlisted(toks)  # first: the library names Synjardy by one of its two ingredients
        + list(hits)
        + _combinations(toks, find_drugs)
        + _nicotine_forms(toks, find_drugs)
        + _night_forms(toks, find_drugs)
    )
    out: list[Mention] = []
    for drug, i0, i1 in sorted(hits, key=lambda h: (h[1], -(h[2] - h[1]))):
        i1 = max(i0, i1 - 1)  # the library gives an exclusive end token
        s, e = toks[i0].start(), toks[i1].end()
        surface = text[s:e]
        name = drug.get("name", "")
        low = surface.lower()
        if (
            low in stop
            or name.lower() in stop
            or len(surface) < 4
            or any(w in ("milk", "cow's", "breast") for w in low.split())
            or name.lower() == "copper"
            and _A_DEVICE.search(text[max(0, s - 30) : s])  # "le stérilet, le cuivre"
        ):
            continue
        if any(s < o.end and o.start < e for o in out):
            continue
        out.append(Mention(s, e, surface, drug))
    out.sort(key=lambda m: m.start)
    return [m for k, m in enumerate(out) if not _component_of_previous(text, out, k)]


# Drugs the library does not know (progesterone, Utrogestan), and combination brands it names by one ingredient or not
# at all: charting Hyzaar as its hydrochlorothiazide alone would drop the losartan.
UNLISTED_DRUGS = {
    "progesterone": "Progesterone",
    "utrogestan": "Progesterone",
    "hyzaar": "Losartan/hydrochlorothiazide",
    "cotareg": "Valsartan/hydrochlorothiazide",
    "coaprovel": "Irbesartan/hydrochlorothiazide",
    "ziac": "Bisoprolol/hydrochlorothiazide",
    "lotrel": "Amlodipine/benazepril",
    "caduet": "Amlodipine/atorvastatin",
    "twynsta": "Telmisartan/amlodipine",
    "vytorin": "Ezetimibe/simvastatin",
    "janumet": "Sitagliptin/metformin",
    "synjardy": "Empagliflozin/metformin",
    "percocet": "Oxycodone/acetaminophen",
    "codoliprane": "Codeine/acetaminophen",
    "co-codamol": "Codeine/acetaminophen",
    "dafalgan codeine": "Codeine/acetaminophen",
    "efferalgan codeine": "Codeine/acetaminophen",
    "doliprane codeine": "Codeine/acetaminophen",
    "dayquil": "Acetaminophen/dextromethorphan/phenylephrine",
    "nyquil": "Acetaminophen/dextromethorphan/doxylamine",
    "norco": "Hydrocodone/acetaminophen",
    "vicodin": "Hydrocodone/acetaminophen",
    "microgynon": "Ethinylestradiol/levonorgestrel",
    "yasmin": "Ethinylestradiol/drospirenone",
    "diffu-k": "Potassium chloride",
}


_A_DEVICE = re.compile(r"\b(?:stérilet|iud|coil|dispositif intra-utérin)\b[^.]{0,20}$", re.I)


def _unlisted(toks: list) -> list:
    """Names the library lacks, of one word or two ("dafalgan codéiné": paracetamol with codeine, not two drugs)."""
    said = [(fold(t.group(0)), i, i + 1) for i, t in enumerate(toks)]
    said += [(f"{a} {b}", i, j + 1) for (a, i, _), (b, j, _) in zip(said, said[1:])]
    return [
        ({"name": name, "synonyms": [words], "is_brand": words != name.lower()}, i, end)
        for words, i, end in said
        if (name := UNLISTED_DRUGS.get(words))
    ]


def _combinations(toks: list, find_drugs: Callable) -> list:
    """A combination said with a hyphen ("atovaquone-proguanil", "carbidopa-levodopa") or as two names in a row
    ("sacubitril valsartan"): the lexicon names it "X and Y", in one order or the other."""
    out = []
    for i, t in enumerate(toks):
        pairs = [(t.group(0).split("-"), i + 1)]
        if i + 1 < len(toks) and t.string[t.end() : toks[i + 1].start()] in (" ", "/", " / "):
            pairs.append(([t.group(0), toks[i + 1].group(0)], i + 2))
        for parts, end in pairs:
            if len(parts) != 2 or min(map(len, parts)) < 4:
                continue
            combo = next(
                (
                    c
                    for a, b in (parts, parts[::-1])
                    if (c := find_drugs([f"{drug_token(a)} and {drug_token(b)}"], is_ignore_case=True))
                ),
                None,
            )
            if combo:
                out.append((combo[0][0], i, end))
    return out


def _nicotine_forms(toks: list, find_drugs: Callable) -> list:
    """Nicotine as a product, said in French word order ("des patchs de nicotine"): the lexicon's "nicotine
    patch"; nicotine alone is what the patient smokes."""
    words = [t.group(0).lower() for t in toks]
    out = []
    for i in range(2, len(words)):
        if words[i] == "nicotine" and re.fullmatch(r"patchs?|timbres?", words[i - 2]) and words[i - 1] in ("de", "à"):
            out += [(d, i - 2, i + 1) for d, *_ in find_drugs(["nicotine", "patch"], is_ignore_case=True)[:1]]
    return out


def _night_forms(toks: list, find_drugs: Callable) -> list:
    """A painkiller's "PM" form ("tylenol pm", "advil pm"): with diphenhydramine, a sedating antihistamine, a product
    of its own (stopping it for falls does not stop the plain acetaminophen)."""
    words = [t.group(0).lower() for t in toks]
    out = []
    for i in range(1, len(words)):
        if words[i] == "pm" and words[i - 1] in ("tylenol", "advil", "motrin", "aleve", "excedrin"):
            base = find_drugs([words[i - 1]], is_ignore_case=True)[:1]
            sedative = find_drugs(["diphenhydramine"], is_ignore_case=True)[:1]
            if base and sedative:
                name = f"{base[0][0]['name']} and Diphenhydramine"
                out.append(({**sedative[0][0], "name": name, "synonyms": [f"{words[i - 1]} pm"]}, i - 1, i + 1))
    return out


def _component_of_previous(text: str, mentions: list[Mention], k: int) -> bool:
    """An ingredient said right after its combination, as its gloss: "a duoneb, albuterol and ipratropium"."""
    for prev in mentions[max(0, k - 2) : k]:
        if component_of(mentions[k], prev):
            return len(text[prev.end : mentions[k].start]) < 40
    return False


def component_of(m: Mention, combination: Mention) -> bool:
    """m names one ingredient of the combination product ("formoterol" of Symbicort's budesonide/formoterol)."""
    parts = {fold(p).strip() for p in re.split(r"\s+and\s+|/|\s+et\s+", combination.drug.get("name", ""))}
    return len(parts) > 1 and fold(m.drug.get("name", "")) in parts


_APPOSITION = re.compile(
    r"\W*(?:(?:en |in )?(?:comprimés?|tablets?|pills?|gélules?|capsules?)\W+)?(?:the|le|la|les|du|de la|des)?\s*", re.I
)
# "la cortisone" said as the class of steroids: "de la cortisone en comprimés, la prednisolone"
_SPOKEN_CLASS = {"cortisone"}


def drop_glossed_classes(found: list[list[Mention]], texts: list[str], turn_goes_on: list[bool]) -> None:
    """A class named, then the drug it is, in apposition ("one of helen's sleeping pills. the zolpidem"): one drug,
    the class mention is dropped. found[k]: the mentions of sentence k (texts[k]); turn_goes_on[k]: sentence k + 1
    is the same speaker's."""
    for k, mentions in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) and turn_goes_on[k] else []
        found[k] = [m for m in mentions if not _glossed(m, mentions, texts[k], nxt, texts[k + 1] if nxt else "")]


def _glossed(m: Mention, mentions: list[Mention], text: str, nxt: list[Mention], next_text: str) -> bool:
    if one_drug(m.drug) and m.surface.lower() not in _SPOKEN_CLASS:
        return False
    if not all(one_drug(o.drug) for o in mentions if o.start > m.start):
        return False
    if any(o.start >= m.end and _APPOSITION.fullmatch(text[m.end : o.start]) for o in mentions):
        return True
    return bool(nxt) and not text[m.end :].strip(" .,") and bool(_APPOSITION.fullmatch(next_text[: nxt[0].start]))


def one_drug(drug: dict) -> bool:
    """A drug of the lexicon (a DrugBank or MedlinePlus entry, or a combination product the library names "A/B":
    Symbicort's budesonide/formoterol), not a class or a chemical."""
    return bool(drug.get("drugbank_id") or drug.get("medline_plus_id") or "/" in drug.get("name", ""))


def is_brand(surface: str, drug: dict) -> bool:
    """Whether the spoken name is a brand of the drug (Mobic for meloxicam), not a spelling of its
    generic name (paracétamol, atorvastatine, baby aspirin) nor a drug class."""
    s, ing = fold(surface), fold(drug.get("name", ""))
    if not ing or not one_drug(drug):
        return False
    if (
        s == ing
        or s in ing
        or ing in s
        or s in _INN
        or s in _FR_GENERIC
        or s.startswith("vitamin")
        or re.search(r"[\d\s]", s)
        or all(p in ing for p in s.split("-"))  # "carbidopa-levodopa": the combination's generic name
    ):
        return False
    if s in FRENCH_BRANDS:
        return True
    if len(s) >= 5 and len(ing) >= 5 and s[:5] == ing[:5]:
        return False
    if drug.get("is_brand") is True:
        return True
    return difflib.SequenceMatcher(a=s, b=ing).ratio() < 0.6
