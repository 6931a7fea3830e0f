"""Medication mentions: one drug named in a sentence, parsed with its clause into a typed Medication.

Pure functions (the drug library is read, nothing else), bilingual (en/fr), spoken or written numbers:

- `find_mentions(text)`: drug names (drug-named-entity-recognition: DrugBank/MeSH, brands, French
  spellings) with their character spans; `_drug_token` maps French brands and accents first.
- `parse_mention(text, mentions, j, lang, ...)`: the j-th mention read in its scope (from the previous
  drug, or the start of its clause, to the next drug or the end of its clause): ingredient and brand,
  dose and unit, route, frequency (text and per day), as needed, maximum per day, duration, quantity,
  refills, status (new / current / changed / stopped) and prescriber (this clinician or another one).
  A mention is a medication only with medication context (a dose, a medication verb or word, or the
  answer to a medication question); a laboratory analyte ("uric acid was 9") without a dose is not.
- `read_attributes(text, lang)`: the same attributes in a follow-up sentence ("I'll prescribe 14 of
  those") or in the answer to a question about a drug.
- `render_medication(fact, lang)`: the note line in clinical register, only the attributes that were
  said ("Meloxicam (Mobic) 15 mg by mouth once daily, #14.").
- `number_spans(text)` / `number_values(text)`: numbers written or spoken, English and French
  ("1,000", "1 000", "one thousand", "mille", "a half", "une fois"), used by the grounding guard too.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Callable
from typing import Any

from scribe.notes.text import _EN_TENS, _EN_UNITS, _FR_TENS, _FR_UNITS

# --------------------------------------------------------------------------- numbers

_SMALL = {**{k: v for k, v in _EN_UNITS.items() if k != "oh"}, **_FR_UNITS}
_TENS10 = {**_EN_TENS, **{k: v for k, v in _FR_TENS.items() if "-" not in k}}  # "soixante-dix" is read in parts
_HUNDREDS = {"hundred", "cent", "cents"}
_THOUSANDS = {"thousand", "mille"}
_HALF = {"half", "demi", "demie"}
_ARTICLE_ONE = {"un", "une"}  # numbers only before a unit-like word ("une fois", "un comprimé")
_UNIT_AFTER_UN = re.compile(
    r"(?:fois|comprimés?|cp|gélules?|cachets?|sachets?|ampoules?|gouttes?|bouffées?|pulvérisations?|inhalations?|"
    r"grammes?|milligrammes?|microgrammes?|mg|g|ml|litres?|cuillères?|boîtes?|flacons?|tubes?|patchs?|"
    r"jours?|semaines?|mois|heures?|ans|an|année|prises?|injections?|piqûres?|demie?|seule?)$", re.I)
_WORD_TOKEN = re.compile(r"[A-Za-zÀ-ÿ]+")
_DIGITS = {fr: re.compile(r"(?<![\d.,])(?:(?P<comma>\d{1,3}(?:,\d{3})+)(?![\d,])|" +
                         (r"(?P<space>\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?!\d)|" if fr else r"(?P<space>(?!))|") +
                         r"(?P<plain>\d+(?:[.,]\d+)?)|(?P<half>½))") for fr in (True, False)}


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.4f}".rstrip("0").rstrip(".")


def _parse_words(words: list[str]) -> tuple[float | None, int]:
    """A spoken number at the start of `words` (lower case) → (value, words used)."""
    total, cur, i, n = 0.0, 0.0, 0, len(words)
    last = ""  # kind of the previous word: small, tens, hundred, thousand, and
    used_any = False
    while i < n:
        w = words[i]
        nxt = words[i + 1] if i + 1 < n else ""
        if w in _SMALL:
            v = _SMALL[w]
            if not used_any:
                cur = v
            elif last == "tens" and cur % 10 == 0 and v < 10:
                cur += v  # twenty five, vingt-cinq
            elif last == "tens" and cur % 100 in (60, 80) and 10 <= v <= 19:
                cur += v  # soixante-dix, quatre-vingt-dix-neuf
            elif last == "small" and i > 0 and words[i - 1] == "dix" and v < 10:
                cur += v  # dix-sept, soixante-dix-sept
            elif last in ("hundred", "thousand", "and") and (cur % 100 == 0 or last == "and" and cur % 10 == 0):
                if last == "hundred" and nxt in _HUNDREDS:
                    break  # "five hundred five hundred milligrams": said twice, not 505
                cur += v
            else:
                break
            last, used_any = "small", True
        elif w in _TENS10:
            v = _TENS10[w]
            if not used_any or last in ("hundred", "thousand") or (last == "and" and cur % 100 == 0):
                cur += v
            elif w.startswith("vingt") and last == "small" and cur % 100 == 4:
                cur += 76  # quatre-vingt(s) = 4 + 76
            else:
                break
            last, used_any = "tens", True
        elif w in _HUNDREDS:
            if used_any and last in ("small", "tens") and 0 < cur < 100:
                cur *= 100  # five hundred, fifteen hundred, deux cents
            elif not used_any and w == "cent":
                cur = 100
            else:
                break
            last, used_any = "hundred", True
        elif w in _THOUSANDS:
            if used_any:
                total += (cur or 1) * 1000
                cur = 0
            elif w == "mille":
                total = 1000
            else:
                break
            last, used_any = "thousand", True
        elif w == "a" and not used_any and nxt in _HUNDREDS | _THOUSANDS:
            cur, last, used_any = 1, "small", True
        elif w == "a" and not used_any and nxt in _HALF:
            return 0.5, i + 2
        elif w in _HALF and not used_any:
            return 0.5, i + (2 if nxt in ("a", "an") else 1)  # "half a tablet", "demi-comprimé"
        elif w in _HALF and used_any and cur + total == 1 and last == "small":
            return 0.5, i + 1  # "un demi", "one half"
        elif w in ("and", "et") and used_any:
            if nxt in _HALF:
                return total + cur + 0.5, i + 2  # "deux et demi"
            if nxt == "a" and i + 2 < n and words[i + 2] in _HALF:
                return total + cur + 0.5, i + 3  # "one and a half"
            if nxt in _SMALL or nxt in _TENS10:
                last = "and"
            else:
                break
        elif w in ("point", "virgule") and used_any and nxt in _SMALL and _SMALL[nxt] < 10:
            digits = ""
            j = i + 1
            while j < n and words[j] in _SMALL and _SMALL[words[j]] < 10:
                digits += str(_SMALL[words[j]])
                j += 1
            return float(f"{int(total + cur)}.{digits}"), j
        else:
            break
        i += 1
    if not used_any:
        return None, 0
    while i > 0 and words[i - 1] in ("and", "et"):
        i -= 1
    return total + cur, i


def number_spans(text: str, lang: str | None = None) -> list[Number]:
    """Every number of `text`, written or spoken (en/fr), with its character span. "1,000" and
    (French) "1 000" are thousands; "1,5" is a decimal; "un"/"une" count only before
    a unit-like word."""
    out: list[Number] = []
    taken: list[tuple[int, int]] = []
    for m in _DIGITS[lang == "fr"].finditer(text):
        if m.group("comma"):
            v = float(m.group("comma").replace(",", ""))
            if m.group("comma").startswith("0"):
                v = float(m.group("comma").replace(",", "."))
        elif m.group("space"):
            v = float(re.sub(r"\D", "", m.group("space")))  # "1 000" (French)
        elif m.group("half"):
            v = 0.5
        else:
            v = float(m.group("plain").replace(",", "."))
        out.append(Number(m.start(), m.end(), v))
        taken.append(m.span())
    toks = list(_WORD_TOKEN.finditer(text))
    i = 0
    while i < len(toks):
        if any(a <= toks[i].start() < b for a, b in taken):
            i += 1
            continue
        # consecutive words joined by spaces or hyphens only
        k = i + 1
        while k < len(toks) and k - i < 10 and re.fullmatch(r"[\s\-]+", text[toks[k - 1].end():toks[k].start()]):
            k += 1
        words = [t.group(0).lower() for t in toks[i:k]]
        val, used = _parse_words(words)
        if used:
            if used == 1 and words[0] in _ARTICLE_ONE:
                nxt = toks[i + 1].group(0).lower() if i + 1 < len(toks) else ""
                if not _UNIT_AFTER_UN.match(nxt):
                    i += 1
                    continue
            out.append(Number(toks[i].start(), toks[i + used - 1].end(), float(val)))
            i += used
        else:
            i += 1
    out.sort(key=lambda n: n.start)
    return out


_ONCE = re.compile(r"\b(once|twice|thrice)\b", re.I)


def number_values(text: str) -> set[float]:
    """The values of every number in `text`, read both ways where ambiguous, plus once/twice/thrice:
    for the grounding guard (a rendered "1000 mg" is grounded by "1,000 mg" or "mille milligrammes")."""
    vals = {n.value for n in number_spans(text, "fr")} | {n.value for n in number_spans(text, "en")}
    vals |= {{"once": 1.0, "twice": 2.0, "thrice": 3.0}[m.group(1).lower()] for m in _ONCE.finditer(text)}
    return vals


def normalize(text: str, lang: str | None = None) -> tuple[str, list[int]]:
    """Numbers → digits ("fifteen milligrams" → "15 milligrams"), with `back`: for each boundary of the
    normalized text (len(norm) + 1 of them) its offset in `text`."""
    norm: list[str] = []
    back: list[int] = []
    pos = 0
    for n in number_spans(text, lang):
        if n.start < pos:
            continue
        for o in range(pos, n.start):
            norm.append(text[o])
            back.append(o)
        rep = _fmt(n.value)
        for _ in rep:
            norm.append(_)
            back.append(n.start)
        pos = n.end
    for o in range(pos, len(text)):
        norm.append(text[o])
        back.append(o)
    back.append(len(text))
    # a replaced number's last boundary maps to the end of its words
    out = "".join(norm)
    return out, back


def _orig(back: list[int], a: int, b: int) -> tuple[int, int]:
    """Normalized span → original span."""
    return back[a], back[b] if b < len(back) else back[-1]


# --------------------------------------------------------------------------- drug names

_FR_BRANDS = {"doliprane": "paracetamol", "dafalgan": "paracetamol", "efferalgan": "paracetamol",
              "kardegic": "aspirin", "aspirine": "aspirin", "levothyrox": "levothyroxine", "spasfon": "phloroglucinol",
              "inexium": "esomeprazole", "mopral": "omeprazole", "ibuprofene": "ibuprofen", "augmentin": "augmentin",
              "ventoline": "albuterol", "seretide": "seretide", "xarelto": "xarelto", "eliquis": "eliquis",
              "lasilix": "furosemide", "tahor": "atorvastatin", "glucophage": "metformin", "previscan": "fluindione"}
_FR_GENERIC = {"aspirine", "ibuprofene"}  # French spellings of generic names, not brands
# international / French generic names of drugs the library files under another (US) name
_INN = {"paracetamol": "acetaminophen", "acetaminophene": "acetaminophen", "salbutamol": "albuterol",
        "adrenaline": "epinephrine", "noradrenaline": "norepinephrine", "frusemide": "furosemide",
        "lignocaine": "lidocaine", "colecalciferol": "cholecalciferol", "ciclosporin": "cyclosporine",
        "rifampicin": "rifampin", "glyceryl trinitrate": "nitroglycerin", "trinitrine": "nitroglycerin"}
_FR_NAME = {"acetaminophen": "paracétamol", "albuterol": "salbutamol", "epinephrine": "adrénaline",
            "norepinephrine": "noradrénaline", "nitroglycerin": "trinitrine", "anti-bacterial agents": "antibiotiques"}
_DRUG_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9]*(?:-[A-Za-zÀ-ÿ0-9]+)*")


def _fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).lower()


def _drug_token(tok: str) -> str:
    """Accents off ("oméprazole" → "omeprazole") and French brand names to their generic name."""
    t = "".join(ch for ch in unicodedata.normalize("NFKD", tok) if not unicodedata.combining(ch))
    return _FR_BRANDS.get(t.lower(), t)


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
_UNIT_RX = "|".join(f"(?:{rx})" for _u, rx in sorted(_UNIT_TABLE, key=lambda t: -len(t[1])))
_COUNT_UNITS = {"tablets", "capsules", "puffs", "sprays", "drops", "patches", "sachets", "ampoules", "teaspoons",
                "tablespoons"}


def _unit(u: str) -> str:
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
        """A medicine (DrugBank / MedlinePlus entry, a MeSH pharmacologic class, preparation or hormone),
        not only a MeSH chemical ("Diamond")."""
        return bool(self.drug.get("drugbank_id") or self.drug.get("medline_plus_id") or
                    any(t.startswith(("D27.505", "D26", "D06")) for t in self.drug.get("mesh_tree", [])))


def find_mentions(text: str, find_drugs: Callable | None = None,
                  stop: set[str] | frozenset = frozenset()) -> list[Mention]:
    """Drug names in `text` with their spans (no overlaps, text order). `stop`: names never drugs."""
    if find_drugs is None:
        from drug_named_entity_recognition import find_drugs
    toks = list(_DRUG_WORD.finditer(text))
    if not toks:
        return []
    try:
        hits = find_drugs([_drug_token(t.group(0)) for t in toks], is_ignore_case=True)
    except Exception:
        return []
    out: list[Mention] = []
    for drug, i0, i1 in sorted(hits, key=lambda h: (h[1], -(h[2] - h[1]))):
        i1 = max(i0, i1 - 1)  # the library gives an exclusive end token
        s, e = toks[i0].start(), toks[i1].end()
        surface = text[s:e]
        name = drug.get("name", "")
        low = surface.lower()
        if low in stop or name.lower() in stop or len(surface) < 4 or \
                any(w in ("milk", "cow's", "breast") for w in low.split()):
            continue
        if any(s < o.end and o.start < e for o in out):
            continue
        out.append(Mention(s, e, surface, drug))
    out.sort(key=lambda m: m.start)
    return out


def is_brand(surface: str, drug: dict) -> bool:
    """Whether the spoken name is a brand of the drug (Mobic for meloxicam), not a spelling of its
    generic name (paracétamol, atorvastatine, baby aspirin) nor a drug class."""
    s, ing = _fold(surface), _fold(drug.get("name", ""))
    if not ing or not (drug.get("drugbank_id") or drug.get("medline_plus_id")):
        return False
    if s == ing or s in ing or ing in s or s in _INN or s in _FR_GENERIC or s.startswith("vitamin") or \
            re.search(r"[\d\s]", s):
        return False
    if s in _FR_BRANDS:
        return True
    if len(s) >= 5 and len(ing) >= 5 and s[:5] == ing[:5]:
        return False
    if drug.get("is_brand") is True:
        return True
    return difflib.SequenceMatcher(a=s, b=ing).ratio() < 0.6


# --------------------------------------------------------------------------- clause patterns

# where a drug's clause starts (left) or ends (right)
_LEFT_CUT = re.compile(r"[;:]|\b(?:but|because|since|although|though|whereas|however|mais|parce que|car|puisque|"
                       r"sauf)\b|"
                       r",\s*(?:(?:and|so|now|then|et|alors|donc)\s+)?(?=(?:i|we|he|she|they|je|nous|il|elle|ils)\b)|"
                       r"\b(?:and|so|et|donc)\s+(?=(?:i|we|he|she|they|je|nous|il|elle|ils)\b)", re.I)
_PREV_CUT = re.compile(r"[,;:]|\b(?:and|or|then|also|plus|et|ou|puis|aussi)\b", re.I)
_RIGHT_CUT = re.compile(r";|\b(?:but|because|although|though|whereas|however|mais|parce que|car|sauf)\b|"
                        r"\b(?:and|et)\s+(?:i|we|he|she|they|my|the (?:pain|symptoms?)|it|je|nous|il|elle|ils|mon|ma|"
                        r"la douleur)\b",
                        re.I)

# medication context (any one of them in the drug's clause)
_STRONG_CUE = re.compile(
    r"\b(?:take|takes|taking|took|taken|prescri\w*|refill\w*|pills?|tablets?|capsules?|doses?|dosage|dosing|mg|"
    r"milligrams?|mcg|medications?|medicines?|meds|prescriptions?|pharmacy|inhalers?|injections?|"
    r"over the counter|otc|supplements?|course of|antibiotics?|dispense|je prends|prends|prenez|prendre|pris|"
    r"traitements?|médicaments?|comprimés?|gélules?|cachets?|sachets?|ordonnance|prescris|prescrire|posologie|"
    r"pharmacie)\b", re.I)
_WEAK_CUE = re.compile(
    r"\b(?:start\w*|stop\w*|quit|discontinu\w*|continu\w*|resum\w*|increas\w*|decreas\w*|doubl\w*|switch\w*|"
    r"hold|held|use|uses|using|used|try|tried|trying|give|gave|given|giving|shots?|cream|ointment|patch|drops|"
    r"add|adding|inject\w*|help|helps|helped|helping|relie\w*|work|works|worked|working|tolerat\w*|side effects?|"
    r"discount|insurance|covered|copay|generic|priced|cost|"
    r"arrêt\w*|poursui\w*|donne\w*|mets|mettre|essay\w*|augment\w*|diminu\w*|utilise\w*|renouvel\w*|mieux|"
    r"soulag\w*|calm\w*|efficace|effet|aide)\b", re.I)
# a dosage form right after the name ("clindamycin gel", "albuterol inhaler")
_FORM_AFTER = re.compile(r"^\s*(?:gel|cream|ointment|lotion|patch(?:es)?|inhaler|drops|spray|tablets?|pills?|capsules?|"
                         r"injections?|shots?|suppositor\w+|solution|suspension|syrup|topical|er|xr|sr|cr|dr|"
                         r"extended[- ]release|crème|pommade|comprimés?|gélules?|sirop|collyre|inhalateur)\b", re.I)
# "on"/"off"/"sous" count only right before the drug: "I'm on lisinopril", "je suis sous Kardégic"
_ON_BEFORE = re.compile(
    r"\b(?:am|'m|is|'s|are|'re|was|were|been|be|being|stay\w*|keep|kept|still|put \w+|placed \w+|start\w* \w+|"
    r"have \w+|has \w+|had \w+|get \w+|got \w+|go|went|come|came|back)\s+(?:(?:also|still|already|just|only|"
    r"currently|now|both)\s+)?(?:on|off(?: of)?)\s+"
    r"(?:(?:the|a|some|your|my|his|her|their|low[- ]dose|daily)\s+)?$|\bsous\s+(?:\w+\s+)?$", re.I)
_MED_QUESTION = re.compile(r"\b(?:medications?|medicines?|meds|pills|prescriptions?|taking|take|taken|took|tried|"
                           r"try|using|on anything|supplements?|doing for (?:the|your|that) pain|for the pain|"
                           r"médicaments?|traitements?|prenez|pris|essayé|contre la douleur|pour la douleur)\b", re.I)
_LAB = re.compile(
    r"\b(?:levels?|labs?|lab work|blood ?work|blood tests?|tests?|tested|testing|results?|came back|come back|counts?|"
    r"panel|check(?:ed|ing)?|measur\w*|screen\w*|values?|was (?:high|low|elevated|normal|up|down|\d)|"
    r"is (?:high|low|elevated|normal|up|down|\d)|were (?:high|low|elevated|normal)|elevated|"
    r"taux|bilan|analyses?|résultats?|prise de sang|était|est (?:élevée?|bas|basse|normale?))\b", re.I)

# status cues: in the drug's clause before it (left) or as an anaphora after it (right)
_STOP_LEFT = re.compile(
    r"\b(?:stop(?:ped|ping|s)?|discontinu\w*|d/c|come off|came off|coming off|go off|went off|gone off|been off|"
    r"was off|get (?:you |him |her |me )?off|take (?:you |him |her |me )?off|took (?:you |him |her |me )?off|"
    r"taken (?:you |him |her |me )?off|taking (?:you |him |her |me )?off|wean\w* (?:you |him |her |me )?off|"
    r"off (?:of )?(?:the|my|your|his|her)|quit|quitting|no longer|hold(?:ing)?(?! on)|held|pause|gave up|"
    r"arrêt\w*|stopp\w*|suspend\w*|interromp\w*|ne (?:le |la |les |l')?prends plus)\b|"
    r"\b(?:i|he|she|you|we) (?:was|were|used to be) (?:also |previously |once )?on (?:the |an? )?$", re.I)
# a drug named as one not to take ("we want to avoid going to insulin", "plutôt que le tramadol")
_AVOID = re.compile(r"\b(?:avoid(?:ing)?|instead of|rather than|hold off on|not (?:want|need) to (?:start|go on|use)|"
                    r"éviter|plutôt que|au lieu d[eu'])\b[^.,;]{0,25}$", re.I)
_STOP_RIGHT = re.compile(
    r"\b(?:(?:stop(?:ped|ping)?|quit|discontinu\w*|held|hold|d/c)\s+(?:taking\s+|using\s+)?(?:it|them|that|those|this)|"
    r"(?:took|take|taken|taking|get|got|came|come|coming|went|gone|go|been|was) (?:me |you |him |her )?off (?:of )?"
    r"(?:it|them|that|those|this)|anymore|any more|no longer)\b|\b(?:l'|les )(?:ai |avons |a |ont )?arrêt\w*", re.I)
_CHANGE_LEFT = re.compile(
    r"\b(?:increas\w*|decreas\w*|doubl\w*|rais\w*|lower\w*|bump\w*|up (?:the|your)|go up on|reduc\w*|adjust\w*|"
    r"chang\w*|switch\w*|taper\w*|titrat\w*|cut (?:back|down)(?: on)?|halv\w*|augment\w*|diminu\w*|baiss\w*|"
    r"modifi\w*)\b", re.I)
_CHANGE_RIGHT = re.compile(r"^[^.]{0,40}?\b(?:increas\w*|decreas\w*|doubl\w*|rais\w*|lower\w*|bump\w*|reduc\w*|"
                           r"adjust\w*|taper\w*)\s+(?:it|them|that|the dose)\b|\b(?:l'|les )(?:augment|diminu)\w*",
                           re.I)
_NEW_CUE = re.compile(
    r"\b(?:start\w*|prescrib\w*|put (?:you|him|her) on|place (?:you|him|her) on|give (?:you|him|her)|begin|"
    r"try (?:you on|some|a|an)|send (?:in|you)|call in|new prescription|prescription for|"
    r"recommend\w* (?:taking|some|that you take|you take)|add(?:ing)?|i want you (?:on|to take)|"
    r"let's (?:get you on|try)|have you (?:take|on)|prescri\w*|treat (?:you |him |her |it |this )?with|order|"
    r"(?:we'll|we will|we can|we could|let's|going to|gon na|gonna|i'd like to|i want to) try|get (?:you )?started on|"
    r"write (?:you )?(?:for|a prescription)|je (?:vous )?(?:donne|mets|propose|rajoute|ajoute|introduis)|"
    r"on va (?:commencer|mettre|débuter|introduire|essayer)|vous allez prendre|je vais vous (?:mettre|donner))\b", re.I)
_NEW_RIGHT = re.compile(r"^[^.]{0,30}?\b(?:i'll|i will|i'm going to|let's|we'll|je vais|on va)\s+(?:\w+\s+)?"
                        r"(?:prescribe|start|send|call)\w*\s+(?:it|that|them|you)\b", re.I)
_CURRENT_LEFT = re.compile(
    r"\b(?:i take|i'm taking|i am taking|i've been taking|i'm on|i am on|been on|i use|you're on|you are on|"
    r"have you on|you're taking|you are taking|you take|continu\w*|refill\w*|still|keep (?:taking|on|using)|"
    r"stay on|remain on|je prends|je suis sous|vous prenez|poursui\w*)\b", re.I)
_HISTORY = re.compile(r"\b(?:had put|put you on .{0,30}(?:last|ago)|last (?:year|month|time|visit|week|spring|"
                      r"summer|fall|winter)|ago|you've been|been on|in the past|previously|used to|back in|"
                      r"l'an dernier|l'année dernière|depuis)\b", re.I)
# a clinician's instruction to take a drug that is not one of the patient's own ("you can take Tylenol")
_IMPERATIVE = re.compile(r"(?:^\s*|[,;:]\s*|\b(?:you can|you could|you may|you should|you'll|you will|i want you to|"
                         r"i'd like you to|go ahead and|please|try|then|vous pouvez|il faut|je veux que vous)\s+)"
                         r"(?:take|prendre|prenez|vous prendrez)\s+"
                         r"(?:(?:\d+(?:\.\d+)?|one|two|three|half|a half|an?|un|une|deux)\s+"
                         r"(?:\w+\s+)?(?:of\s+|de\s+|d')?)?(?:some\s+|an?\s+|of\s+|du\s+|de la\s+|de l'|des\s+)?$|"
                         r"\bvous (?:prendrez|allez prendre)\s+(?:du\s+|de la\s+|de l'|des\s+)?$", re.I)
_SWITCH_FROM = re.compile(r"\b(?:switch\w*|chang\w*|passer|passe)\b[^.]{0,25}\b(?:from|de)\s+"
                          r"(?:the\s+|your\s+|l'|la\s+|le\s+)?$",
                          re.I)
_SWITCH_TO = re.compile(r"\b(?:switch\w*|chang\w*|passer|passe|replac\w*|remplac\w*)\b[^.]{0,60}\b(?:to|à|par|with)\s+"
                        r"(?:the\s+|some\s+|l'|la\s+|le\s+|du\s+)?$", re.I)
_AGENT = (r"(?:doctors?|docs?|physicians?|providers?|specialists?|surgeons?|cardiologists?|cardiology|"
          r"endocrinologists?|"
          r"endocrinology|neurologists?|oncologists?|nephrologists?|rheumatologists?|dermatologists?|psychiatrists?|"
          r"pulmonologists?|gastroenterologists?|gi doctor|urologists?|gynecologists?|ob-?gyn|orthopedists?|"
          r"orthopedics|podiatrists?|dentists?|urgent care|er|emergency room|emergency department|hospital|"
          r"hospitalists?|clinic|walk-in|pcp|primary care(?: doctor| physician| provider)?|nurse practitioner|"
          r"pharmacist|médecin(?: traitant)?|docteur|cardiologue|spécialiste|chirurgien|urgences|hôpital|généraliste|"
          r"dermatologue|rhumatologue|gynécologue|endocrinologue|pneumologue|neurologue|psychiatre|dentiste)")
_OTHER_PRESCRIBER = re.compile(
    r"\b(?:the|your|my|his|her|their|an?|another|other|that|le|la|l'|mon|ma|votre|son|sa|un|une|autre)\s*"
    r"(?:[\w-]+\s+){0,2}?" + _AGENT + r"(?:'s)?\b(?:\s+(?!can\b|could\b|may\b|might\b|should\b)[\w']+){0,4}?\s+"
    r"(?:prescri\w*|start\w*|put|placed|gave|give\w*|"
    r"told (?:you|me|him|her) to (?:take|start|use)|took (?:you|me|him|her) off|stopped|discontinued|"
    r"has (?:you|me|him|her) on|had (?:you|me|him|her) on|wants? (?:you|me|him|her) (?:on|to take)|switch\w*|"
    r"increas\w*|decreas\w*|chang\w*|recommend\w*|added|sent (?:you|me|him|her) home|m'a|vous a|lui a|a prescrit|"
    r"a mis|a donné|a introduit|a augmenté|a changé)\b|"
    r"\b(?:dr\.?|docteur|doctor)\s+[a-zà-ÿ'-]+\s+(?:[\w']+\s+){0,2}?(?:prescri\w*|start\w*|put|gave|has|had|switch\w*|"
    r"increas\w*|chang\w*|m'a|vous a|a prescrit|a mis)\b|"
    r"\bprescri(?:bed|t|te|ts)\s+(?:by|par)\s+(?:the|your|my|his|her|dr|le|la|l'|mon|ma|votre|son|un|une|docteur)\b|"
    r"\b(?:they|on)\s+(?:gave|prescribed|put|started|sent \w+ home with|m'a (?:donné|prescrit|mis)|"
    r"lui a (?:donné|prescrit))\b|"
    r"\b(?:he|she|they|il|elle|ils)\s+(?:\w+\s+)?(?:prescribed|started|put|gave|switched|took)\s+(?:me|you|him|her)\b|"
    r"\b(?:at|in|from|aux|à l'|à la)\s+(?:the\s+)?(?:urgent care|er|emergency room|hospital|urgences|hôpital|clinic)\b"
    r"[^.]{0,40}\b(?:gave|prescribed|put|started|sent|donné|prescrit)\b", re.I)

# attribute patterns, on normalized text (numbers as digits)
_NUM = r"\d+(?:\.\d+)?"
_DOSE = re.compile(rf"(?P<num>{_NUM})(?:\s*(?:-|to|or|à|ou)\s*(?P<num2>{_NUM}))?\s*-?\s*(?P<unit>{_UNIT_RX})(?![\w])",
                   re.I)
_BARE_DOSE = re.compile(rf"^\s*,?\s*(?:at\s+|à\s+)?(?P<num>{_NUM})(?!\s*(?:\d|%|-|/|:|\.\d|years?|yrs?|days?|weeks?|"
                        rf"months?|hours?|minutes?|times?|x\b|of\b|out\b|over\b|o'clock|pm\b|am\b|ans\b|jours?|semaines?|mois|"
                        rf"heures?|fois|sur\b|percent|pounds?|lbs?|kilos?|kg|{_UNIT_RX}))", re.I)
_LEFT_DOSE = re.compile(rf"(?P<num>{_NUM})\s*-?\s*(?P<unit>{_UNIT_RX})\s+"
                        r"(?:of\s+(?:the\s+|your\s+|my\s+)?|d'|de\s+(?:l')?|du\s+)?$",
                        re.I)
_SUPPLY_BEFORE = re.compile(r"\b(?:prescrib\w*|give (?:you|him|her)|giving (?:you|him|her)|gave (?:you|me|him|her)|"
                            r"send(?:ing)? (?:in|you)|dispens\w*|supply of|box(?:es)? of|bottles? of|packs? of|"
                            r"write (?:you )?(?:for|a prescription for)|boîtes? de|je vous (?:donne|prescris))\s+"
                            r"(?:you\s+)?$",
                            re.I)
_N = r"(?P<n>\d+(?:\.\d+)?)"
_MAX = re.compile(
    rf"\b(?:no more than|not more than|not to exceed|(?:don't|do not|never) (?:take |exceed |go over )?(?:more than )?|"
    rf"never more than|up to|a maximum of|maximum(?: of)?|max(?:imum)?|at most|pas plus de|jamais plus de|"
    rf"sans dépasser|au maximum|au grand maximum|maximum de|jusqu'à)\s+{_N}\s*(?P<unit>{_UNIT_RX}|times|fois)?"
    rf"(?:\s+(?:maximum|max))?(?:\s+[a-zà-ÿ']+){{0,2}}?\s+"
    r"(?:a|per|in a|in one|in 24 hours|each|every|par|dans la|sur)\s*"
    rf"(?:day|days|jour|journée|24 ?h(?:ours|eures)?)\b|"
    rf"\b(?P<n2>\d+(?:\.\d+)?)\s*(?P<unit2>{_UNIT_RX})?\s+(?:maximum|max|au maximum|au plus)\s+(?:a|per|par)\s+"
    rf"(?:day|jour)\b", re.I)
_DURATION = re.compile(
    r"\b(?:for|x|pendant|durant|during|over|sur)\s+(?:(?:the next|the|a total of|another|un total de|les|des)\s+)?"
    r"(?P<n>\d+|a|an|one|une?)\s+(?P<u>days?|weeks?|months?|jours?|semaines?|mois)\b|"
    r"\b(?P<n2>\d+)[- ](?P<u2>day|week|month|jours?)\s+(?:course|supply|treatment|traitement)\b", re.I)
_QUANTITY = re.compile(
    rf"#\s?{_N}|\b(?:dispense|disp|quantity|qty|quantité)(?: of)?\s*:?\s*#?\s*(?P<n2>\d+)|"
    rf"\b(?:a\s+|one\s+|une\s+|1\s+)?(?:box|bottle|pack|packet|supply|boîte|boite|flacon|tube)\s+(?:of|de)\s+(?P<n3>\d+)"
    rf"(?!\s*(?:days?|jours?|weeks?|semaines?|mg|g\b|ml|mcg))|"
    rf"\b(?P<n4>\d+)\s+(?:of (?:those|them|these)|(?:boxes|boîtes)\b)", re.I)
_QTY_VERB = re.compile(r"\b(?:prescri\w*|give|giving|gave|send|sending|sent|dispens\w*|write|call(?:ing)? in|supply|"
                       r"donne\w*|ordonnance)\b", re.I)
_REFILLS = re.compile(r"\b(?P<n>\d+|no|zero|without any|with no)\s+(?:more\s+)?refills?\b|"
                      r"\brefills?\s*:?\s*(?P<n2>\d+)\b|"
                      r"\brefill (?:it |that |them )?(?P<n3>\d+) times\b|\bà renouveler (?P<n4>\d+) fois\b|"
                      r"\b(?P<n5>\d+) renouvellements?\b|\b(?P<none>non renouvelable)\b", re.I)
_AS_NEEDED = re.compile(
    r"\b(?:as needed|as-needed|p\.?r\.?n\.?|if needed|when needed|as necessary|if necessary|when necessary|as required|"
    r"if (?:you|i) need (?:it|to|them|one)|when (?:you|i) need (?:it|to|them|one)|only when (?:you|i) need|"
    r"when (?:you|i) (?:have|get|feel) (?:pain|a headache|symptoms)|when it hurts|if (?:the )?pain|"
    r"for breakthrough|si besoin|au besoin|en cas de (?:besoin|douleurs?|fièvre|crise|mal)|si (?:vous avez |j'ai )?mal|"
    r"si douleurs?|quand (?:j'ai|vous avez) mal|à la demande|en cas de nécessité)\b", re.I)
_ROUTES = [
    ("by mouth", r"by mouth|orally|oral|p\.?o\.?|per os|par voie orale|par la bouche|voie orale"),
    ("sublingual", r"sublingual(?:ly)?|under (?:the|your) tongue|sous la langue|sublinguale?"),
    ("subcutaneous", r"subcutaneous(?:ly)?|sub-?q|under the skin|sous-cutanée?|en sous-cut\w*"),
    ("intramuscular", r"intramuscular(?:ly)?|intramusculaire|in the muscle"),
    ("intravenous", r"intravenous(?:ly)?|iv|intraveineuse|en perfusion|par perfusion"),
    ("injection", r"injection|injected|inject|injectable|piqûres?|en injection"),
    ("inhaled", r"inhaled|inhaler|inhalation|nebuli[sz]er|neb|inhalateur|inhalée?|en inhalation|aérosol"),
    ("nasal", r"nasal spray|in (?:the|your|each) nostril|in the nose|intranasal|nasal|spray nasal|"
              r"pulvérisation nasale"),
    ("ophthalmic", r"eye drops?|in (?:the|your|each) eyes?|ophthalmic|collyre|gouttes dans les yeux"),
    ("topical", r"topical(?:ly)?|cream|ointment|lotion|gel|crème|pommade|application locale|application cutanée"),
    ("transdermal", r"transdermal|patch|timbre"),
    ("rectal", r"rectal(?:ly)?|suppository|suppositoire|par voie rectale"),
    ("vaginal", r"vaginal(?:ly)?|ovule|par voie vaginale"),
]
_ROUTE_RX = [(name, re.compile(rf"(?<![\w-])(?:{rx})(?![\w-])", re.I)) for name, rx in _ROUTES]
_ROUTE_FR = {"by mouth": "par voie orale", "sublingual": "par voie sublinguale", "subcutaneous": "en sous-cutané",
             "intramuscular": "en intramusculaire", "intravenous": "en intraveineux", "injection": "en injection",
             "inhaled": "en inhalation", "nasal": "par voie nasale", "ophthalmic": "en collyre",
             "topical": "en application locale", "transdermal": "en patch", "rectal": "par voie rectale",
             "vaginal": "par voie vaginale"}

# frequencies: (pattern, kind, per-day value or function of the match)
_W = r"(?:a|per|each|every|in a|in one)"
_FREQS: list[tuple[re.Pattern, str, Any]] = [(re.compile(p, re.I), kind, v) for p, kind, v in [
    (r"\b(?:every other day|every 2(?:nd)? days?|qod|on alternate days|un jour sur 2|1 jour sur 2|tous les 2 jours)\b",
     "alternate", 0.5),
    (rf"\b(?:every|q)\s?(?P<a>{_NUM})\s?(?:-|to|or)\s?(?P<b>{_NUM})\s?(?:hours?|hrs?|h)\b|"
     rf"\btoutes les (?P<c>{_NUM}) (?:à|a|ou|-) (?P<d>{_NUM}) ?(?:heures?|h)\b", "interval_range", None),
    (rf"\b(?:every|q)\s?(?P<a>{_NUM})\s?(?:hours?|hrs?|h)\b|\btoutes les (?P<b>{_NUM}) ?(?:heures?|h)\b",
     "interval", None),
    (r"\b(?:every hour|hourly|toutes les heures)\b", "hourly", 24.0),
    (rf"\b(?:(?P<a>{_NUM}) (?:times|x|fois)|twice|(?P<b>{_NUM})x)\s+(?:{_W}|par) (?:week|semaine)\b|"
     rf"\b(?:(?P<c>{_NUM}) times|twice) weekly\b", "per_week", None),
    (r"\b(?:once (?:a|per|each|every) week|once weekly|weekly|every week|each week|1 (?:time|fois) par semaine|"
     r"chaque semaine|toutes les semaines|par semaine|hebdomadaire)\b", "weekly", 1 / 7),
    (rf"\b(?:every (?P<a>{_NUM}) weeks|toutes les (?P<b>{_NUM}) semaines|every other week)\b", "every_weeks", None),
    (r"\b(?:once (?:a|per|each|every) month|monthly|every month|une fois par mois|1 fois par mois|par mois|"
     r"tous les mois|mensuel(?:le)?)\b", "monthly", 1 / 30),
    (rf"\b(?:every (?P<a>{_NUM}) days|tous les (?P<b>{_NUM}) jours)\b", "every_days", None),
    (rf"\b(?:(?P<w>once|twice|thrice)|(?P<a>{_NUM}) ?(?:times|time|x))(?: {_W})? day\b|"
     rf"\b(?:(?P<w2>once|twice|thrice)|(?P<b>{_NUM}) times) daily\b|"
     rf"\b(?P<c>{_NUM}) (?:fois|prises?) (?:par jour|dans la journée|la journée|par 24 ?h)\b", "count", None),
    (r"\bb\.?i\.?d\.?(?!\w)", "bid", 2.0), (r"\bt\.?i\.?d\.?(?!\w)", "tid", 3.0), (r"\bq\.?i\.?d\.?(?!\w)", "qid", 4.0),
    (r"\b(?:le )?matin,? (?:le )?midi et (?:le )?soir\b|\b(?:with (?:each|every) meal|at (?:each|every) meal|"
     r"à chaque repas)\b", "meals", 3.0),
    (r"\b(?:(?:in the )?morning and (?:at |in the )?(?:night|evening|bedtime)|am and pm|"
     r"(?:le )?matin et (?:le )?soir)\b",
     "am_pm", 2.0),
    (r"\b(?:at bedtime|before bed(?:time)?|at night|every night|nightly|each night|qhs|at hs|au coucher|"
     r"le soir au coucher|avant de (?:vous |me )?coucher)\b", "bedtime", 1.0),
    (r"\b(?:every morning|each morning|in the mornings?|qam|le matin|chaque matin|tous les matins|au réveil)\b",
     "morning", 1.0),
    (r"\b(?:every evening|each evening|in the evenings?|qpm|le soir|chaque soir|tous les soirs)\b", "evening", 1.0),
    (r"\b(?:daily|every day|each day|qd|once a day|tous les jours|chaque jour|quotidien(?:ne)?(?:ment)?|"
     r"par jour)\b", "daily", 1.0),
    (r"\b(?:a|per) day\b", "a_day", 1.0),
]]
_WORD_COUNT = {"once": 1, "twice": 2, "thrice": 3}


@dataclass
class Frequency:
    text: str  # as said
    per_day: float
    kind: str
    n: float | None = None  # times (count, per_week), hours (interval), days/weeks (every_days/every_weeks)
    n2: float | None = None  # upper hours of a range
    explicit: bool = False  # the count was said as a number ("une fois", "3 times", "twice")


def parse_frequency(text: str, lang: str | None = None) -> Frequency | None:
    """The first frequency of `text` ("every six hours" → per_day 4)."""
    found = _find_frequency(*normalize(text, lang), text)
    return found[0] if found else None


def _find_frequency(norm: str, back: list[int], orig: str,
                    plain: str | None = None) -> tuple[Frequency, int, int] | None:
    """The earliest frequency of `norm` (normalized `orig`); `plain`: `norm` before anything was blanked."""
    best = None
    plain = norm if plain is None else plain
    for rx, kind, v in _FREQS:
        if kind == "a_day" and best is not None:
            break  # "800 mg a day, you can take that twice a day": the explicit count wins
        for m in rx.finditer(norm):
            if kind == "a_day" and plain[:m.start()].strip() and \
                    not re.search(rf"(?:{_NUM}|{_UNIT_RX}|pills?|tablets?|one)\s*$", plain[:m.start()], re.I):
                continue
            if best is not None and m.start() >= best[1]:
                break
            f = _freq_of(kind, v, m)
            if f is None:
                continue
            best = (f, m.start(), m.end())
            break
    if best is None:
        return None
    f, a, b = best
    s, e = _orig(back, a, b)
    f.text = orig[s:e]
    return f, s, e


def _g(m: re.Match, *names: str) -> str | None:
    for n in names:
        try:
            v = m.group(n)
        except IndexError:
            continue
        if v:
            return v
    return None


def _freq_of(kind: str, v: Any, m: re.Match) -> Frequency | None:
    if kind == "interval_range":
        a, b = float(_g(m, "a", "c")), float(_g(m, "b", "d"))
        if not (0 < a < b <= 72):
            return None
        return Frequency("", round(24 / b, 4), "interval", a, b, True)
    if kind == "interval":
        h = float(_g(m, "a", "b"))
        if not 0 < h <= 72:
            return None
        return Frequency("", round(24 / h, 4), "interval", h, None, True)
    if kind == "per_week":
        n = float(_g(m, "a", "b", "c") or 2)
        return Frequency("", round(n / 7, 4), "per_week", n, None, True)
    if kind == "every_weeks":
        n = float(_g(m, "a", "b") or 2)
        return Frequency("", round(1 / (7 * n), 4), "every_weeks", n, None, True)
    if kind == "every_days":
        n = float(_g(m, "a", "b"))
        if n <= 0:
            return None
        return Frequency("", round(1 / n, 4), "every_days", n, None, True)
    if kind == "count":
        w = _g(m, "w", "w2")
        n = float(_WORD_COUNT[w.lower()]) if w else float(_g(m, "a", "b", "c"))
        if not 0 < n <= 24:
            return None
        return Frequency("", n, "count", n, None, True)
    if kind in ("bid", "tid", "qid"):
        return Frequency("", v, "count", v, None, False)
    if kind == "weekly":
        return Frequency("", round(v, 4), "per_week", 1.0, None, False)
    return Frequency("", round(v, 4), kind, None, None, False)


# --------------------------------------------------------------------------- the parse


@dataclass
class Found:
    """One attribute found in a text, with its span in that text."""
    value: Any
    start: int
    end: int


@dataclass
class Attributes:
    dose: Found | None = None  # float
    unit: str | None = None
    route: Found | None = None
    frequency: Found | None = None  # Frequency
    as_needed: Found | None = None
    max_per_day: Found | None = None  # (float, unit | None)
    duration: Found | None = None  # str
    quantity: Found | None = None  # (int, unit | None)
    refills: Found | None = None  # int

    def spans(self) -> list[tuple[int, int]]:
        return [(f.start, f.end) for f in (self.dose, self.route, self.frequency, self.as_needed, self.max_per_day,
                                           self.duration, self.quantity, self.refills) if f is not None]

    def as_dict(self) -> dict[str, Any]:
        """Fact attributes: dose (text: "1000", "0.5"), unit, route, frequency (as said), per_day,
        as_needed, max_per_day (+ max_unit), duration, quantity (+ quantity_unit), refills."""
        out: dict[str, Any] = {}
        if self.dose is not None:
            out["dose"] = _fmt(self.dose.value)
            out["unit"] = self.unit
        if self.route is not None:
            out["route"] = self.route.value
        if self.frequency is not None:
            out["frequency"] = self.frequency.value.text.lower()
            out["per_day"] = self.frequency.value.per_day
        if self.as_needed is not None:
            out["as_needed"] = True
        if self.max_per_day is not None:
            out["max_per_day"] = self.max_per_day.value[0]
            if self.max_per_day.value[1]:
                out["max_unit"] = self.max_per_day.value[1]
        if self.duration is not None:
            out["duration"] = self.duration.value
        if self.quantity is not None:
            out["quantity"] = self.quantity.value[0]
            if self.quantity.value[1]:
                out["quantity_unit"] = self.quantity.value[1]
        if self.refills is not None:
            out["refills"] = self.refills.value
        return {k: v for k, v in out.items() if v not in (None, "")}

    def fill(self, other: Attributes) -> None:
        for k in ("dose", "route", "frequency", "as_needed", "max_per_day", "duration", "quantity", "refills"):
            if getattr(self, k) is None and getattr(other, k) is not None:
                setattr(self, k, getattr(other, k))
                if k == "dose":
                    self.unit = other.unit


@dataclass
class Medication:
    ingredient: str  # generic name from the drug library ("Meloxicam"), or the spoken class ("antibiotics")
    surface: str  # as said
    brand: str | None
    status: str  # new | current | changed | stopped
    prescriber: str | None  # "this clinician" | "other" | None (not said)
    attrs: Attributes = field(default_factory=Attributes)
    start: int = 0  # the span of the mention and the attributes read with it, in the sentence
    end: int = 0
    drug: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return (self.drug.get("name") or self.surface).lower()

    def attributes(self) -> dict[str, Any]:
        """The Fact attributes (absent values left out)."""
        out = self.attrs.as_dict()
        out["ingredient"] = self.ingredient
        if self.brand:
            out["brand"] = self.brand
        if self.prescriber:
            out["prescriber"] = self.prescriber
        return out


def read_attributes(text: str, lang: str | None = None, left: str = "", *, status: str = "",
                    cap: int = 110) -> Attributes:
    """Dose, unit, route, frequency, as needed, maximum per day, duration, quantity and refills of `text`
    (the words after a drug, or a follow-up sentence); `left`: the words right before the drug (a dose
    said first: "15 milligrams of Mobic"). Spans are in `text` (negative: in `left`, from its end)."""
    out = Attributes()
    body = text[:cap]
    norm, back = normalize(body, lang)
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    def keep(m_start: int, m_end: int, value: Any) -> Found:
        s, e = _orig(back, m_start, m_end)
        taken.append((m_start, m_end))
        return Found(value, s, e)

    # maximum per day first: "no more than 4 a day" is neither a dose nor a frequency
    m = _MAX.search(norm)
    if m and m.group(0).lower().startswith(("up to", "jusqu'à")) and (
            re.search(r"\b(?:increas\w*|rais\w*|bump\w*|go(?:ing)?|titrat\w*|augment\w*|passer)\b[^.]{0,40}$",
                      (left[-60:] + " " + norm[:m.start()]), re.I)):
        m = None
    if m:
        unit = m.group("unit") or m.group("unit2")
        unit = None if not unit else ("times" if unit.lower() in ("times", "fois") else _unit(unit))
        out.max_per_day = keep(m.start(), m.end(), (float(_g(m, "n", "n2") or 0) or None, unit))
        if out.max_per_day.value[0] is None:
            out.max_per_day = None
    # quantity: "#14", "14 of those", "a box of 30", "I'll give you 30 tablets"
    for m in _QUANTITY.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        n = float(_g(m, "n", "n2", "n3", "n4"))
        if m.group("n4") and "of" in m.group(0) and not _QTY_VERB.search(norm[:m.start()]):
            continue
        unit = "boxes" if re.search(r"\b(?:boxes|boîtes)\b", m.group(0), re.I) else None
        out.quantity = keep(m.start(), m.end(), (int(n), unit))
        break
    for m in _DOSE.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        unit = _unit(m.group("unit"))
        if unit in _COUNT_UNITS and _SUPPLY_BEFORE.search(norm[:m.start()]):
            if out.quantity is None:
                out.quantity = keep(m.start(), m.end(), (int(float(m.group("num"))), None))
            continue
        value = float(m.group("num"))
        if re.search(r"\b(?:from|de|du)\s*$", norm[:m.start()], re.I):
            if m.group("num2"):
                value = float(m.group("num2"))  # "from 10 to 20 mg": the new dose
            else:
                nxt = _DOSE.search(norm, m.end())
                if nxt and re.fullmatch(r"\s*(?:to|à|a|up to|down to)\s*", norm[m.end():nxt.start()], re.I):
                    m, unit, value = nxt, _unit(nxt.group("unit")), float(nxt.group("num"))
        out.dose = keep(m.start(), m.end(), value)
        out.unit = unit
        break
    if out.dose is None:
        m = _BARE_DOSE.match(norm)
        if m and 0 < float(m.group("num")) <= 5000:
            out.dose = keep(m.start("num"), m.end("num"), float(m.group("num")))
    if out.dose is None and left:
        ln, lb = normalize(left[-40:], lang)
        m = _LEFT_DOSE.search(ln)
        if m:
            s, e = _orig(lb, m.start(), m.end("unit"))
            off = len(left) - len(left[-40:])
            out.dose = Found(float(m.group("num")), s + off - len(left), e + off - len(left))
            out.unit = _unit(m.group("unit"))
    # frequency (outside the maximum and the quantity)
    blank = "".join(" " if not free(i, i + 1) else ch for i, ch in enumerate(norm))
    f = _find_frequency(blank, back, body, norm)
    if f:
        out.frequency = Found(f[0], f[1], f[2])
    elif left:
        ln, lb = normalize(left[-60:], lang)
        f = _find_frequency(ln, lb, left[-60:])
        # said just before the drug ("every morning I take lisinopril"), not in an earlier clause
        if f and len(left[-60:]) - f[2] <= 15 and not re.search(r"[,;]", left[-60:][f[2]:]):
            off = -len(left[-60:])
            out.frequency = Found(f[0], f[1] + off, f[2] + off)
    m = _AS_NEEDED.search(body)
    if m:
        out.as_needed = Found(True, m.start(), m.end())
    elif left and (m := _AS_NEEDED.search(left[-60:])):
        off = -len(left[-60:])
        out.as_needed = Found(True, m.start() + off, m.end() + off)
    if status in ("new", "changed", ""):
        for m in _DURATION.finditer(norm):
            if not free(m.start(), m.end()):
                continue
            n = _g(m, "n", "n2")
            n = "1" if n.lower() in ("a", "an", "one", "un", "une") else n
            u = _g(m, "u", "u2").lower()
            if n == "1":
                u = {"days": "day", "weeks": "week", "months": "month", "jours": "jour",
                     "semaines": "semaine"}.get(u, u)
            elif not u.endswith("s") and u != "mois":
                u += "s"
            out.duration = keep(m.start(), m.end(), f"{n} {u}")
            break
    m = _REFILLS.search(norm)
    if m:
        raw = _g(m, "n", "n2", "n3", "n4", "n5")
        n = 0 if m.group("none") or (raw and not raw.isdigit()) else int(raw)
        out.refills = keep(m.start(), m.end(), n)
    for name, rx in _ROUTE_RX:
        m = rx.search(body)
        if m:
            out.route = Found(name, m.start(), m.end())
            break
    return out


_NOUN_USE = re.compile(r"\b(?:an?|the|any|some|no)\s+(?:increase|decrease|change|switch|rise|drop|reduction|"
                       r"start|stop)\s+(?:in|of|with|to)\b", re.I)


def _denoun(text: str) -> str:
    """"an increase in abnormal paps": a noun, not a verb acting on a drug (same length, blanked)."""
    return _NOUN_USE.sub(lambda m: " " * len(m.group(0)), text)


def _scope(text: str, mentions: list[Mention], j: int) -> tuple[int, int]:
    """Where the clause of mention j starts (before it) and ends (after it)."""
    m = mentions[j]
    lo = mentions[j - 1].end if j > 0 else 0
    left = text[lo:m.start]
    cut = list((_PREV_CUT if j > 0 else _LEFT_CUT).finditer(left))
    if cut:
        lo += cut[-1].end()
    hi = mentions[j + 1].start if j + 1 < len(mentions) else len(text)
    c = _RIGHT_CUT.search(text, m.end, hi)
    if c:
        hi = c.start()
    return lo, hi


def has_medication_context(text: str, mentions: list[Mention], j: int, attrs: Attributes | None = None,
                           prompted: bool = False) -> bool:
    """A dose, a medication word or verb in the mention's clause, or the answer to a medication question;
    a mention that is not a medicine (a MeSH chemical: "diamonds") needs a dose or a strong cue."""
    m = mentions[j]
    lo, hi = _scope(text, mentions, j)
    text = _denoun(text)
    clause = text[lo:m.start] + " " + text[m.end:hi]
    dose = attrs is not None and attrs.dose is not None and attrs.unit is not None
    if dose:
        return True
    strong = bool(_STRONG_CUE.search(clause) or _ON_BEFORE.search(text[lo:m.start]) or
                  _FORM_AFTER.match(text[m.end:hi]))
    if strong:
        return True
    if not m.drug_like:
        return False
    # a medicine's cue may stand past its clause ("the hydrochlorothiazide ... but those are all small pills")
    after = text[m.end:mentions[j + 1].start if j + 1 < len(mentions) else len(text)]
    return prompted or bool(_WEAK_CUE.search(clause) or _STRONG_CUE.search(after)) or \
        bool(attrs and (attrs.frequency or attrs.as_needed))


def continues_with_cue(previous_sentence: str) -> bool:
    """A sentence cut by an ellipsis or a dash after a medication cue ("continue you on this ... on the
    synthroid"): the next sentence inherits the cue."""
    t = previous_sentence.rstrip()
    return bool(re.search(r"(?:\.\.\.|…|-)$", t)) and bool(_STRONG_CUE.search(t[-80:]) or _WEAK_CUE.search(t[-80:]))


def is_lab_mention(text: str, mentions: list[Mention], j: int, attrs: Attributes | None = None) -> bool:
    """An analyte named as a test or result ("your uric acid was 9", "check your vitamin D level")."""
    if attrs is not None and attrs.dose is not None and attrs.unit is not None:
        return False
    m = mentions[j]
    lo, hi = _scope(text, mentions, j)
    return bool(_LAB.search(text[m.end:hi][:40]) or re.search(
        r"\b(?:check\w*|test\w*|measur\w*|doser|vérifier|contrôler)\s+(?:\w+\s+){0,2}$|\b(?:abnormal|normal|anormale?s?)\s+$|"
        r"\b(?:dosage|taux)\s+(?:de |du |des |d')?(?:la |le |l')?$", text[lo:m.start], re.I))


def other_prescriber(text: str) -> bool:
    return bool(_OTHER_PRESCRIBER.search(text))


_HEDGE = re.compile(r"\b(?:hopefully|eventually|maybe|might|may|could|possibly|someday|at some point|one day|"
                    r"if|unless|peut-être|éventuellement|si)\b", re.I)
_TAKE_IT = re.compile(r"\b(?:take|use|apply|taking|using|prendre|prenez|prends)\s+"
                      r"(?:that|it|them|this|those|one|le|la|les)\b",
                      re.I)
_OWN_STATUS = [_STOP_LEFT, _CHANGE_LEFT, _NEW_CUE, _CURRENT_LEFT, _IMPERATIVE]
_CONNECTOR = re.compile(r"\b(?:and|or|with|along with|together with|as well as|plus|et|ou|avec|ainsi que)\b", re.I)


def linked(text: str, mentions: list[Mention], j: int) -> str:
    """How mention j is listed with the previous one, without a verb of its own: "and" (joined by a
    connector: "the aspirin and the metoprolol", "meloxicam 15 mg along with some ultram": same context
    and status), "list" (commas only: "coq10, vitamin c": same context), or "" (not listed)."""
    if j == 0:
        return ""
    between = text[mentions[j - 1].end:mentions[j].start]
    if len(between.split()) > 12 or re.search(r"[.;:?!]", between):
        return ""
    cuts = list(_PREV_CUT.finditer(between)) + list(_CONNECTOR.finditer(between))
    tail = between[max(c.end() for c in cuts):] if cuts else between
    if any(rx.search(tail) for rx in _OWN_STATUS) or _STRONG_CUE.search(tail) or len(tail.split()) > 3:
        return ""
    if _CONNECTOR.search(between):
        return "and"
    bare = re.fullmatch(r"[\s,/&]*(?:(?:the|your|my|some|du|de la|de l'|des|le|la|les|l')\s*)?", tail, re.I)
    return "list" if bare and \
        len(between.split()) <= 5 else ""


def hypothetical_in_clause(text: str, mentions: list[Mention], j: int) -> bool:
    """Whether the mention's own clause is conditional ("if the pain persists we could try X"): a
    ConText 'hypothetical' from an "if" of another clause of a long sentence does not count."""
    lo, _hi = _scope(text, mentions, j)
    return bool(re.search(r"\b(?:if|unless|in case|whether|should you|si|au cas où|à moins)\b",
                          text[max(0, lo - 60):mentions[j].start],
                          re.I))


_INQUIRY = re.compile(r"^\W*(?:(?:and|so|okay|ok|um|uh|now|alright|all right|et|alors)\W+)*"
                      r"(?:are|do|did|have|has|is|were|was|you're|you are|you've|any|what|which|how|when|"
                      r"est-ce|prenez|avez|vous prenez|vous avez|"
                      r"êtes)\b", re.I)


def is_inquiry(text: str) -> bool:
    """A question about what the patient takes ("are you taking...?"), not a statement with a "?"
    ("so what i'm gonna do is prescribe...")."""
    return bool(_INQUIRY.match(text)) and not re.search(
        r"\b(?:i'm going to|i'm gon na|i'm gonna|i am going to|i'll|i will|we'll|we will|we're going to|let's|"
        r"i want to|i'd like to|i want you to|je vais|on va)\b", text, re.I)


def parse_mention(text: str, mentions: list[Mention], j: int, lang: str = "en", *, clinician: bool = False,
                  prompted: bool = False, negated: bool = False, asked: bool = False,
                  previous: Medication | None = None, before: str = "") -> Medication | None:
    """Mention j of `mentions` (found in `text`, one sentence) as a Medication, or None when its
    context says it is not one (no medication context, a lab analyte, a negated mention).
    `clinician`: said by the clinician; `prompted`: the answer to a medication question; `asked`: named
    in the clinician's question about what the patient takes; `previous`: the sentence's previous drug
    read as a medication (a drug listed with it shares its context and status); `before`: the end of the
    previous sentence of the turn ("i saw that dr." | "brown put you on buspar")."""
    m = mentions[j]
    lo, hi = _scope(text, mentions, j)
    left, right = _denoun(text[lo:m.start]), _denoun(text[m.end:hi])
    listed = linked(text, mentions, j) if previous is not None else ""
    # status first (the duration of a current drug is its history, not a prescription)
    after = text[m.end:mentions[j + 1].start if j + 1 < len(mentions) else len(text)][:100]  # past the clause
    stop = bool(_STOP_LEFT.search(left) or _STOP_RIGHT.search(after))
    if negated:
        if not re.search(r"\b(?:anymore|any more|no longer|plus)\b", text, re.I):
            return None
        status = "stopped"
    elif stop and not _HEDGE.search(left):
        status = "stopped"
    elif asked:
        status = "current"
    elif clinician and _SWITCH_FROM.search(left):
        status = "stopped"
    elif clinician and (_CHANGE_LEFT.search(left) or _CHANGE_RIGHT.search(right)) and not _HEDGE.search(left) and \
            not _SWITCH_TO.search(text[max(0, m.start - 90):m.start]):
        status = "changed"
    elif clinician and (_NEW_CUE.search(left) or _NEW_RIGHT.search(right) or _IMPERATIVE.search(left) or
                        _SWITCH_TO.search(text[max(0, m.start - 90):m.start])) and \
            not _CURRENT_LEFT.search(left) and not _HISTORY.search(left + after):
        status = "new"
    else:
        status = "current"
    if listed == "and" and status == "current" and not _CURRENT_LEFT.search(left) and previous.status != "current":
        status = previous.status  # "stop the ibuprofen and the naproxen", "start X along with some Y"
    if _AVOID.search(left):
        return None
    attrs = read_attributes(right, lang, left, status=status)
    nxt = mentions[j + 1].start if j + 1 < len(mentions) else len(text)
    more = _TAKE_IT.search(text, hi, nxt)
    if more:  # "cardura four milligrams and i want you to take that once a day"
        extra = read_attributes(text[more.start():nxt], lang, status=status)
        if extra.dose is not None and extra.unit is None:
            extra.dose = None
        base = more.start() - m.end
        for k in ("dose", "route", "frequency", "as_needed", "max_per_day", "duration", "quantity", "refills"):
            if getattr(attrs, k) is None and getattr(extra, k) is not None:
                f = getattr(extra, k)
                setattr(attrs, k, Found(f.value, f.start + base, f.end + base))
                if k == "dose":
                    attrs.unit = extra.unit
    if not (listed or has_medication_context(text, mentions, j, attrs, prompted or asked)):
        return None
    if is_lab_mention(text, mentions, j, attrs):
        return None
    prescriber = None
    lead = before[-30:] + " " if re.search(r"\b(?:dr|doctor|docteur|pr)\.?\s*$", before, re.I) else ""
    if other_prescriber(lead + text) or listed and previous.prescriber == "other":
        prescriber = "other"
        if status in ("new", "changed"):
            status = "current"  # another clinician's prescription is not this visit's plan
    elif status in ("new", "changed") or (status == "stopped" and clinician):
        prescriber = "this clinician"
    # the evidence span: the mention and what was read with it
    spans = [(m.start, m.end)]
    for s0, e0 in attrs.spans():
        if s0 < 0:
            spans.append((m.start + s0, m.start + e0))
        else:
            spans.append((m.end + s0, m.end + e0))
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    drug = m.drug
    brand = m.surface if is_brand(m.surface, drug) else None
    ingredient = drug.get("name") if (drug.get("drugbank_id") or drug.get("medline_plus_id")) else m.surface.lower()
    return Medication(ingredient=ingredient or m.surface, surface=m.surface, brand=brand, status=status,
                      prescriber=prescriber, attrs=attrs, start=start, end=end, drug=drug)


_FOLLOW_CUE = re.compile(
    r"\b(?:take|taking|takes|use|using|prescri\w*|give|dispens\w*|refills?|supply|of (?:those|them|these)|prends|"
    r"prenez|prendre|boîtes?|renouvel\w*|you'll|you will|vous allez)\b|#\s?\d|^\s*(?:\d|one|two|half|a half|un |une )",
    re.I)


def follow_up_attributes(text: str, lang: str | None = None, status: str = "") -> Attributes | None:
    """Attributes said in a sentence after the drug's ("I'll prescribe 14 of those", "Take one twice a
    day"), when it reads as more about it (a take/prescribe verb, an anaphora, a supply word)."""
    if not _FOLLOW_CUE.search(text):
        return None
    a = read_attributes(text, lang, status=status, cap=160)
    if a.dose is not None and a.unit is None:
        a.dose = None  # a bare number in another sentence is not a dose
    return a if a.spans() else None


def answer_attributes(text: str, lang: str | None = None) -> Attributes | None:
    """Attributes in the reply to a question about a drug ("Yes, 40 mg at night")."""
    a = read_attributes(text, lang, status="current", cap=160)
    if a.dose is not None and a.unit is None:
        a.dose = None
    return a if a.spans() else None


def stopped_in_answer(text: str) -> bool:
    return bool(_STOP_LEFT.search(text) or re.search(r"\b(?:anymore|any more|not now|no longer|plus)\b", text, re.I))


def patient_asks(text: str) -> bool:
    """The patient asks whether to take a drug ("can I take ibuprofen?", "est-ce que je peux prendre...")."""
    return bool(re.search(r"\b(?:should|can|could|may|shall) i\b|\bis it (?:ok|okay|safe|fine)\b|"
                          r"\b(?:je peux|puis-je|est-ce que je peux|je dois)\b", text, re.I))


def is_medication_question(text: str) -> bool:
    return bool(_MED_QUESTION.search(text))


# --------------------------------------------------------------------------- rendering

_EN_TIMES = {1: "once", 2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times"}
_FR_TIMES = {1: "une fois", 2: "deux fois", 3: "trois fois", 4: "quatre fois", 5: "cinq fois", 6: "six fois"}
_UNIT_EN = {"tablets": ("tablet", "tablets"), "capsules": ("capsule", "capsules"), "puffs": ("puff", "puffs"),
            "sprays": ("spray", "sprays"), "drops": ("drop", "drops"), "patches": ("patch", "patches"),
            "sachets": ("packet", "packets"), "teaspoons": ("teaspoon", "teaspoons"),
            "tablespoons": ("tablespoon", "tablespoons"), "ampoules": ("vial", "vials"), "units": ("unit", "units"),
            "meq": ("mEq", "mEq")}
_UNIT_FR = {"tablets": ("comprimé", "comprimés"), "capsules": ("gélule", "gélules"), "puffs": ("bouffée", "bouffées"),
            "sprays": ("pulvérisation", "pulvérisations"), "drops": ("goutte", "gouttes"),
            "patches": ("patch", "patchs"),
            "sachets": ("sachet", "sachets"), "teaspoons": ("cuillère à café", "cuillères à café"),
            "tablespoons": ("cuillère à soupe", "cuillères à soupe"), "ampoules": ("ampoule", "ampoules"),
            "units": ("unité", "unités"), "mcg": ("µg", "µg"), "meq": ("mEq", "mEq")}
_DUR_FR = {"day": "jour", "days": "jours", "week": "semaine", "weeks": "semaines", "month": "mois", "months": "mois"}
_DUR_EN = {"jour": "day", "jours": "days", "semaine": "week", "semaines": "weeks", "mois": "months"}


def _num(v: Any, lang: str) -> str:
    s = _fmt(float(v))
    return s.replace(".", ",") if lang == "fr" else s


def _unit_word(unit: str | None, value: float, lang: str) -> str:
    if not unit:
        return ""
    table = _UNIT_FR if lang == "fr" else _UNIT_EN
    if unit in table:
        one, many = table[unit]
        return one if value <= 1 else many
    return unit


def frequency_text(freq: str | None, per_day: float | None, lang: str = "en") -> str:
    """Clinical wording of a frequency: "once daily", "every 6 hours" / "3 fois par jour"."""
    f = parse_frequency(freq, lang) if freq else None
    if f is None:
        if per_day is None:
            return ""
        f = Frequency("", float(per_day), "count", float(per_day), None, False) if float(per_day) >= 1 and \
            float(per_day).is_integer() else None
        if f is None:
            return ""
    fr = lang == "fr"
    k, n = f.kind, f.n
    if k == "count" and n is not None and float(n).is_integer():
        n = int(n)
        if fr:
            return f"{n} fois par jour" if f.explicit else f"{_FR_TIMES.get(n, str(n) + ' fois')} par jour"
        return f"{_EN_TIMES[n]} daily" if n in _EN_TIMES else f"{n} times daily"
    if k == "interval":
        a = _num(n, lang)
        if f.n2:
            b = _num(f.n2, lang)
            return f"toutes les {a} à {b} heures" if fr else f"every {a} to {b} hours"
        return f"toutes les {a} heures" if fr else f"every {a} hours"
    table = {
        "alternate": ("every other day", "un jour sur deux"), "hourly": ("every hour", "toutes les heures"),
        "monthly": ("once monthly", "une fois par mois"),
        "meals": ("three times daily with meals", "matin, midi et soir"),
        "am_pm": ("twice daily (morning and evening)", "matin et soir"), "bedtime": ("at bedtime", "au coucher"),
        "morning": ("every morning", "le matin"), "evening": ("every evening", "le soir"),
        "daily": ("once daily", "une fois par jour"), "a_day": ("daily", "par jour"),
    }
    if k in table:
        return table[k][1 if fr else 0]
    if k == "per_week" and n is not None and float(n).is_integer():
        n = int(n)
        if fr:
            return f"{n} fois par semaine" if f.explicit else f"{_FR_TIMES.get(n, str(n) + ' fois')} par semaine"
        return {1: "once weekly", 2: "twice weekly"}.get(n, f"{_EN_TIMES.get(n, str(n) + ' times')} weekly")
    if k == "every_weeks":
        return (f"toutes les {_num(n, lang)} semaines" if fr else f"every {_num(n, lang)} weeks") if n != 2 or \
            re.search(r"\d|two|deux", f.text or "") else ("une semaine sur deux" if fr else "every other week")
    if k == "every_days":
        return f"tous les {_num(n, lang)} jours" if fr else f"every {_num(n, lang)} days"
    return f.text


@lru_cache(maxsize=512)
def _french_generic(ingredient: str) -> str | None:
    """A French spelling of a generic name from the drug library's synonyms (méloxicam)."""
    low = _fold(ingredient)
    if low in _FR_NAME:
        return _FR_NAME[low]
    try:
        from drug_named_entity_recognition import find_drugs

        hits = find_drugs([ingredient], is_ignore_case=True)
    except Exception:
        return None
    for drug, _a, _b in hits:
        syns = drug.get("synonyms", [])
        for syn in syns:  # an accented spelling first (méloxicam), then a French ending (metformine)
            if syn != _fold(syn) and _fold(syn) in (low, low + "e"):
                return syn
        for syn in syns:
            if syn == low + "e":
                return syn
    return None


def display_name(fact: Any, lang: str = "en") -> tuple[str, str | None]:
    """(name, brand) for the note: the generic name as said (oméprazole, paracetamol, antibiotics); for a
    brand, the library's generic name (in French when the library has it) and the brand in brackets."""
    a = fact.attributes
    surface = a.get("surface") or fact.label
    brand = a.get("brand")
    ingredient = a.get("ingredient") or fact.label
    if brand and not re.search(r"\d", ingredient):
        name = (_french_generic(ingredient) if lang == "fr" else None) or ingredient
    else:  # as said; also a brand whose generic name carries numbers ("polyethylene glycol 3350")
        name, brand = surface, None
    name = name[:1].upper() + name[1:]
    if brand and _fold(brand) == _fold(name):
        brand = None
    return name, (brand[:1].upper() + brand[1:] if brand else None)


def render_medication(fact: Any, lang: str = "en") -> str:
    """One medication in clinical register, only with what was said:
    en "Meloxicam (Mobic) 15 mg by mouth once daily, #14." / fr "Méloxicam (Mobic) 15 mg, 1 fois par jour."."""
    lang = "fr" if lang == "fr" else "en"
    a = fact.attributes
    name, brand = display_name(fact, lang)
    head = [name + (f" ({brand})" if brand else "")]
    if a.get("dose") not in (None, ""):
        try:
            dv = float(str(a["dose"]).replace(",", ""))
            head.append(f"{_num(dv, lang)} {_unit_word(a.get('unit'), dv, lang)}".strip())
        except ValueError:
            head.append(f"{a['dose']} {a.get('unit') or ''}".strip())
    if a.get("route"):
        head.append(_ROUTE_FR.get(a["route"], a["route"]) if lang == "fr" else a["route"])
    freq = frequency_text(a.get("frequency"), a.get("per_day"), lang)
    sig = [freq] if freq else []
    if a.get("as_needed"):
        sig.append("si besoin" if lang == "fr" else "as needed")
    if a.get("duration"):
        n, _, u = str(a["duration"]).partition(" ")
        u = (_DUR_FR.get(u, u) if lang == "fr" else _DUR_EN.get(u, u))
        if lang == "en" and n == "1":
            u = u.rstrip("s")
        sig.append(f"pendant {n} {u}" if lang == "fr" else f"for {n} {u}")
    tail = []
    if a.get("max_per_day"):
        mu = a.get("max_unit")
        mv = float(a["max_per_day"])
        if mu == "times":
            mu_w = "fois" if lang == "fr" else ("time" if mv == 1 else "times")
        else:
            mu_w = _unit_word(mu, mv, lang)
        tail.append(f"maximum {_num(mv, lang)} {mu_w} par jour".replace("  ", " ") if lang == "fr"
                    else f"maximum {_num(mv, lang)} {mu_w} per day".replace("  ", " "))
    if a.get("quantity"):
        q = int(a["quantity"])
        qu = a.get("quantity_unit")
        if lang == "fr":
            tail.append(f"{q} boîte{'s' if q > 1 else ''}" if qu == "boxes" else f"quantité : {q}")
        else:
            tail.append(f"{q} box{'es' if q > 1 else ''}" if qu == "boxes" else f"#{q}")
    if a.get("refills") is not None and a.get("refills") != "":
        r = int(a["refills"])
        if lang == "fr":
            tail.append("non renouvelable" if r == 0 else f"à renouveler {r} fois")
        else:
            tail.append("no refills" if r == 0 else f"{r} refill{'s' if r > 1 else ''}")
    if lang == "fr":
        text = " ".join(head) + (", " + " ".join(sig) if sig else "")
    else:
        text = " ".join(head + sig)
    if tail:
        text += ", " + ", ".join(tail)
    return text + "."
