"""A medication fact as its note line in clinical register, with only the attributes that were said:
en "Meloxicam (Mobic) 15 mg by mouth once daily, #14." / fr "Méloxicam (Mobic) 15 mg, 1 fois par jour,
quantité : 14.". The name is the generic name as said, or for a brand the library's generic name (in
French where the library has it) with the brand in brackets.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from scribe.notes.medication.frequency import SKIPPED_DAY, Frequency, parse_frequency, weekday_case
from scribe.notes.medication.names import fold
from scribe.notes.medication.numbers import format_number

_FR_NAME = {
    "acetaminophen": "paracétamol",
    "albuterol": "salbutamol",
    "epinephrine": "adrénaline",
    "norepinephrine": "noradrénaline",
    "nitroglycerin": "trinitrine",
    "anti-bacterial agents": "antibiotiques",
}
_ROUTE_FR = {
    "by mouth": "par voie orale",
    "sublingual": "par voie sublinguale",
    "subcutaneous": "en sous-cutané",
    "intramuscular": "en intramusculaire",
    "intravenous": "en intraveineux",
    "injection": "en injection",
    "inhaled": "en inhalation",
    "nasal": "par voie nasale",
    "ophthalmic": "en collyre",
    "topical": "en application locale",
    "transdermal": "en patch",
    "rectal": "par voie rectale",
    "vaginal": "par voie vaginale",
}

_EN_TIMES = {1: "once", 2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times"}
_FR_TIMES = {1: "une fois", 2: "deux fois", 3: "trois fois", 4: "quatre fois", 5: "cinq fois", 6: "six fois"}
_UNIT_EN = {
    "tablets": ("tablet", "tablets"),
    "capsules": ("capsule", "capsules"),
    "puffs": ("puff", "puffs"),
    "sprays": ("spray", "sprays"),
    "drops": ("drop", "drops"),
    "patches": ("patch", "patches"),
    "sachets": ("packet", "packets"),
    "teaspoons": ("teaspoon", "teaspoons"),
    "tablespoons": ("tablespoon", "tablespoons"),
    "ampoules": ("vial", "vials"),
    "units": ("unit", "units"),
    "meq": ("mEq", "mEq"),
}
_UNIT_FR = {
    "tablets": ("comprimé", "comprimés"),
    "capsules": ("gélule", "gélules"),
    "puffs": ("bouffée", "bouffées"),
    "sprays": ("pulvérisation", "pulvérisations"),
    "drops": ("goutte", "gouttes"),
    "patches": ("patch", "patchs"),
    "sachets": ("sachet", "sachets"),
    "teaspoons": ("cuillère à café", "cuillères à café"),
    "tablespoons": ("cuillère à soupe", "cuillères à soupe"),
    "ampoules": ("ampoule", "ampoules"),
    "units": ("unité", "unités"),
    "mcg": ("µg", "µg"),
    "meq": ("mEq", "mEq"),
}
_DUR_FR = {"day": "jour", "days": "jours", "week": "semaine", "weeks": "semaines", "month": "mois", "months": "mois"}
_DUR_EN = {"jour": "day", "jours": "days", "semaine": "week", "semaines": "weeks", "mois": "months"}


def _num(v: Any, lang: str) -> str:
    s = format_number(float(v))
    return s.replace(".", ",") if lang == "fr" else s


def dose_text(attributes: dict, lang: str = "en") -> str:
    """ "2 comprimés", "800 mg", "1,5 mg" in the reader's language ("" without a dose)."""
    dose = attributes.get("dose")
    if dose in (None, ""):
        return ""
    try:
        value = float(str(dose).replace(",", ""))
    except ValueError:
        return f"{dose} {attributes.get('unit') or ''}".strip()
    return f"{_num(value, lang)} {_unit_word(attributes.get('unit'), value, lang)}".strip()


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
        f = (
            Frequency("", float(per_day), "count", float(per_day), None, False)
            if float(per_day) >= 1 and float(per_day).is_integer()
            else None
        )
        if f is None:
            return ""
    fr = lang == "fr"
    k, n = f.kind, f.n
    if k == "count" and n is not None and float(n).is_integer():
        n = int(n)
        if f.n2:  # "two or three times a day": both ends, as said
            return f"{_num(f.n2, lang)} à {n} fois par jour" if fr else f"{_num(f.n2, lang)} to {n} times daily"
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
        "alternate": ("every other day", "un jour sur deux"),
        "hourly": ("every hour", "toutes les heures"),
        "single": ("as a single dose", "en dose unique"),
        "monthly": ("once monthly", "une fois par mois"),
        "meals": ("three times daily with meals", "matin, midi et soir"),
        "am_pm": ("twice daily (morning and evening)", "matin et soir"),
        "bedtime": ("at bedtime", "au coucher"),
        "morning": ("every morning", "le matin"),
        "evening": ("every evening", "le soir"),
        "daily": ("once daily", "une fois par jour"),
        "a_day": ("daily", "par jour"),
    }
    if k in table:
        return table[k][1 if fr else 0]
    if k == "per_week" and n is not None and float(n).is_integer():
        n = int(n)
        if fr:
            return f"{n} fois par semaine" if f.explicit else f"{_FR_TIMES.get(n, str(n) + ' fois')} par semaine"
        return {1: "once weekly", 2: "twice weekly"}.get(n, f"{_EN_TIMES.get(n, str(n) + ' times')} weekly")
    if k == "every_weeks":
        return (
            (f"toutes les {_num(n, lang)} semaines" if fr else f"every {_num(n, lang)} weeks")
            if n != 2 or re.search(r"\d|two|deux", f.text or "")
            else ("une semaine sur deux" if fr else "every other week")
        )
    if k == "every_days":
        return f"tous les {_num(n, lang)} jours" if fr else f"every {_num(n, lang)} days"
    if k == "days_a_week":  # "every day except sunday" says which day, "six days a week" does not
        skipped = SKIPPED_DAY.search(f.text or "")
        if skipped:
            return f"tous les jours sauf {skipped.group(1)}" if fr else f"daily except {weekday_case(skipped.group(1))}"
        return f"{_num(n, lang)} jours par semaine" if fr else f"{_num(n, lang)} days a week"
    return f.text


@lru_cache(maxsize=512)
def _french_generic(ingredient: str) -> str | None:
    """A French spelling of a generic name from the drug library's synonyms (méloxicam)."""
    low = fold(ingredient)
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
            if syn != fold(syn) and fold(syn) in (low, low + "e"):
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
    ingredient = (a.get("ingredient") or fact.label).replace(" (rDNA origin)", "")
    if brand and not re.search(r"\d", ingredient):
        name = (_french_generic(ingredient) if lang == "fr" else None) or ingredient
    else:  # as said; also a brand whose generic name carries numbers ("polyethylene glycol 3350")
        name, brand = surface, None
        shortened = fold(ingredient).startswith(fold(surface)) and fold(surface) != fold(ingredient)
        if shortened or surface.isupper() and len(surface) > 3:  # "doxy", "DOXY" (the recogniser's): the generic
            name = ingredient
    name = name[:1].upper() + name[1:]
    if brand and fold(brand) == fold(name):
        brand = None
    return name, (brand[:1].upper() + brand[1:] if brand else None)


def duration_words(a: dict, lang: str) -> list[str]:
    """How long to take it, and a taper's end: ["pendant 2 semaines", "puis arrêt"], ["for 1 week"]."""
    out = []
    if a.get("duration") or a.get("first_step"):  # (a stepped course: the first step's length)
        n, _, u = str(a.get("duration") or a["first_step"]).partition(" ")
        u = _DUR_FR.get(u, u) if lang == "fr" else _DUR_EN.get(u, u)
        if lang == "en" and n == "1":
            u = u.rstrip("s")
        out.append(f"pendant {n} {u}" if lang == "fr" else f"for {n} {u}")
    out += [f"{'puis' if lang == 'fr' else 'then'} {step}" for step in a.get("then_steps") or []]
    if a.get("then_stop") == "tapered":  # the end of a taper, after further steps
        out.append("puis diminution progressive jusqu'à l'arrêt" if lang == "fr" else "then tapered off")
    elif a.get("then_stop"):
        out.append("puis arrêt" if lang == "fr" else "then stop")
    return out


def render_medication(fact: Any, lang: str = "en") -> str:
    """One medication in clinical register, only with what was said:
    en "Meloxicam (Mobic) 15 mg by mouth once daily, #14." / fr "Méloxicam (Mobic) 15 mg, 1 fois par jour."."""
    lang = "fr" if lang == "fr" else "en"
    a = fact.attributes
    name, brand = display_name(fact, lang)
    head = [name + (f" ({brand})" if brand else "")]
    dose = dose_text(a, lang)
    if dose:
        head.append(dose)
    if a.get("route"):
        head.append(_ROUTE_FR.get(a["route"], a["route"]) if lang == "fr" else a["route"])
    freq = frequency_text(a.get("frequency"), a.get("per_day"), lang)
    sig = [freq] if freq else []
    if a.get("as_needed"):
        sig.append("si besoin" if lang == "fr" else "as needed")
    sig += duration_words(a, lang)
    tail = []
    if a.get("standby"):  # kept at home (the verb says so): "…, only if the sputum turns green"
        tail.append(f"{'seulement si' if lang == 'fr' else 'only if'} {_as_note(a['standby'], lang)}")
    if a.get("max_per_day"):
        mu = a.get("max_unit")
        mv = float(a["max_per_day"])
        if mu == "times":
            mu_w = "fois" if lang == "fr" else ("time" if mv == 1 else "times")
        else:
            mu_w = _unit_word(mu, mv, lang)
        tail.append(
            f"maximum {_num(mv, lang)} {mu_w} par jour".replace("  ", " ")
            if lang == "fr"
            else f"maximum {_num(mv, lang)} {mu_w} per day".replace("  ", " ")
        )
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
    text = re.sub(r" (then|puis) ", r", \1 ", text)  # "for 3 days, then twice a day until day 7, then …"
    if tail:
        text += ", " + ", ".join(tail)
    return text + "."


# the condition as the clinician said it, in the note's third person: "your breathing gets worse" → "the patient's
# breathing gets worse", "vous avez la douleur" → "le patient a la douleur"
_SECOND_PERSON = {
    "en": [(r"\byou're\b|\byou are\b", "the patient is"), (r"\byour\b", "the patient's"), (r"\byou\b", "the patient")],
    "fr": [
        (r"\bvous avez\b", "le patient a"),
        (r"\bvous êtes\b", "le patient est"),
        (r"\bvous vous (\w+)ez\b", r"le patient se \1e"),  # regular verbs: "si vous vous sentez" (no irregulars)
        (r"\bvous ((?:en |le |la |les |y )?)(\w+)ez\b", r"le patient \1\2e"),
        (r"(^|\b(?:si|que|quand|lorsque)\s)vous\b", r"\1le patient"),
        (r"\bvous (?=[aeéèiouyh])", "l'"),  # an object: "les brûlures vous réveillent" → "les brûlures le réveillent"
        (r"\bvous\b", "le"),
        (r"\bvotre\b", "sa"),
        (r"\bvos\b", "ses"),
    ],
}


def _as_note(condition: str, lang: str) -> str:
    for said, written in _SECOND_PERSON["fr" if lang == "fr" else "en"]:
        condition = re.sub(said, written, condition, flags=re.I)
    return condition
