"""The attributes said with a drug, each with its span in the text it was read from: dose and unit,
route, frequency, as needed, maximum per day, duration, quantity and refills.

`read_attributes(text, lang, left)` reads the words after a drug (and a dose or frequency said right
before it, in `left`), a follow-up sentence ("I'll prescribe 14 of those") or the answer to a question
about a drug. The patterns run on normalized text (numbers as digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from scribe.notes.consultation import ANOTHER_TREATMENT
from scribe.notes.medication import strength as st
from scribe.notes.medication.frequency import Frequency, find_frequency, first_group
from scribe.notes.medication.names import COUNT_UNITS, normalise_unit
from scribe.notes.medication.names import UNIT_PATTERN as _UNIT_RX
from scribe.notes.medication.numbers import COUNT_AFTER_STRENGTH, format_number, normalize, original_span
from scribe.notes.medication.numbers import NUMBER_PATTERN as _NUM

# attribute patterns, on normalized text (numbers as digits)
_DOSE = re.compile(
    rf"(?P<num>{_NUM})(?:\s*(?:-|to|or|à|ou)\s*(?P<num2>{_NUM}))?\s*-?\s*(?P<unit>{_UNIT_RX})(?![\w])", re.I
)
# the regimen replaced: "instead of three times a day we're going to four", "au lieu de deux fois par jour"
INSTEAD_OF_FREQUENCY = re.compile(
    r"\b(?:instead of|au lieu de|rather than|plutôt que)\s+(?:\S+\s+){0,3}?(?:a|per|par)\s+(?:day|jour)\b|"
    r"\b(?:instead of|au lieu de)\s+(?:once|twice|one|two|three|four|\d+|une|deux|trois|quatre)\b"
    r"(?:\s+(?:times?|fois))?|"
    # "from forty once a day to forty twice a day": the frequency changed from
    r"\b(?:from|de)\s+(?:[\w.]+\s+){0,2}?(?:once|twice|\w+ times?|\w+ fois)\s+(?:a|per|par)\s+(?:day|jour)"
    r"(?=\s+(?:to|à)\b)",
    re.I,
)
_MAX_BARE = re.compile(
    r"\b(?:maximum|max|au maximum|pas plus de|no more than|not more than|never more than)\s+"
    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>g|grams?|grammes?)\b",
    re.I,
)
_BARE_DOSE = re.compile(
    r"^\s*,?\s*(?:at\s+|à\s+|down to\s+|(?:goes|go) (?:up |down )?to\s+)?"
    rf"(?P<num>{_NUM})(?!\s*(?:\d|%|-|/|:\d|\.\d|years?|yrs?|days?|weeks?|"
    r"(?:medicines?|medications?|drugs?|things|kinds|ingredients|médicaments?)\b|"  # "three medicines in one"
    rf"months?|hours?|minutes?|times?|x\b|of\b|out\b|over\b|o'clock|pm\b|am\b|ans\b|jours?|semaines?|mois|"
    rf"heures?|fois|sur\b|percent|pounds?|lbs?|kilos?|kg|shots?\b|doses\b|injections\b|piqûres\b|{_UNIT_RX}))",
    re.I,
)
_LEFT_DOSE = re.compile(
    rf"(?P<num>{_NUM})\s*-?\s*(?P<unit>{_UNIT_RX})\s+"
    r"(?:of\s+(?:the\s+|your\s+|my\s+)?|d'|de\s+(?:l')?|du\s+)?$",
    re.I,
)
# "I took 2 Tylenol", "j'ai pris deux Doliprane": a small count right before the name, after a verb of taking,
# is a number of tablets (the brand stands for the tablet)
_LEFT_COUNT = re.compile(
    r"\b(?:took|take|takes|taking|pris|prends|prend|prenez|prendre|avalé)\s+(?:about\s+|like\s+|maybe\s+|environ\s+)?"
    r"(?P<num>[1-4])\s+$",
    re.I,
)
_SUPPLY_BEFORE = re.compile(
    r"\b(?:prescrib\w*|give (?:you|him|her)|giving (?:you|him|her)|gave (?:you|me|him|her)|"
    r"send(?:ing)? (?:in|you)|dispens\w*|supply of|box(?:es)? of|bottles? of|packs? of|"
    r"write (?:you )?(?:for|a prescription for)|boîtes? de|je vous (?:donne|prescris))\s+"
    r"(?:you\s+)?$",
    re.I,
)
_N = r"(?P<n>\d+(?:\.\d+)?)"
_MAX = re.compile(
    rf"\b(?:no more than|not more than|not to exceed|(?:don't|do not|never) (?:take |exceed |go over )?(?:more than )?|"
    rf"never more than|up to|a maximum of|maximum(?: of)?|max(?:imum)?|at most|pas plus de|jamais plus de|"
    rf"sans dépasser|au maximum|au grand maximum|maximum de|jusqu'à)\s+{_N}\s*(?P<unit>{_UNIT_RX}|times|fois)?"
    rf"(?:\s+(?:maximum|max))?(?:\s+[a-zà-ÿ']+){{0,2}}?\s+"
    r"(?:a|per|in a|in one|in 24 hours|each|every|par|dans la|sur)\s*"
    rf"(?:day|days|jour|journée|24 ?h(?:ours|eures)?)\b|"
    rf"\b(?P<n2>\d+(?:\.\d+)?)\s*(?P<unit2>{_UNIT_RX})?\s+(?:maximum|max|au maximum|au plus)\s+(?:a|per|par)\s+"
    rf"(?:day|jour)\b",
    re.I,
)
_USE_TOLD = re.compile(r"\b(?:you've|you have|i've|i have|he's|she's|has|have) been taking\s+$", re.I)
_TIMES_A_DAY = re.compile(r"\b(?:twice|once|(?:two|three|four|\d) times) (?:a|per) day\b", re.I)
_UP_TO_ALONE = re.compile(r"\b(?:up to|jusqu'à)\s*$", re.I)
_TAKEN_WHEN = re.compile(r"\s*(?:[\w.]+\s+){0,3}?(?:every|each|a|per|par|toutes|times|fois|twice|once|at)\b", re.I)
_DURATION = re.compile(
    r"\b(?:for|x|pendant|durant|during|over|sur)\s+(?:(?:the next|the first|the|a total of|another|un total de|"
    r"les premiers|les premières|les|des)\s+)?"
    r"(?P<n>\d+|a|an|one|une?)\s+(?:more\s+|further\s+)?(?P<u>days?|weeks?|months?|jours?|semaines?|mois)\b|"
    r"\b(?P<n2>\d+)[- ](?P<u2>day|week|month|jours?)\s+(?:course|supply|treatment|traitement)\b|"
    r"\b(?P<n3>\d+) (?P<u3>days?|jours?|weeks?|semaines?) (?:maximum|max|au maximum|at most|at the most)\b",
    re.I,
)
_QUANTITY = re.compile(
    rf"#\s?{_N}|\b(?:dispense|disp|quantity|qty|quantité)(?: of)?\s*:?\s*#?\s*(?P<n2>\d+)|"
    rf"\b(?:a\s+|one\s+|une\s+|1\s+)?(?:box|bottle|pack|packet|supply|boîte|boite|flacon|tube)\s+(?:of|de)\s+(?P<n3>\d+)"
    rf"(?!\s*(?:days?|jours?|weeks?|semaines?|mg|g\b|ml|mcg))|"
    rf"\b(?P<n4>\d+)\s+(?:of (?:those|them|these)|(?:boxes|boîtes)\b)",
    re.I,
)
_QTY_VERB = re.compile(
    r"\b(?:prescri\w*|give|giving|gave|send|sending|sent|dispens\w*|write|call(?:ing)? in|supply|"
    r"donne\w*|ordonnance)\b",
    re.I,
)
_REFILLS = re.compile(
    r"\b(?P<n>\d+|no|zero|without any|with no)\s+(?:more\s+)?refills?\b|"
    r"\brefills?\s*:?\s*(?P<n2>\d+)\b|"
    r"\brefill (?:it |that |them )?(?P<n3>\d+) times\b|\bà renouveler (?P<n4>\d+) fois\b|"
    r"\b(?P<n5>\d+) renouvellements?\b|\b(?P<none>non renouvelable)\b",
    re.I,
)
_OTHER_THING = re.compile(r",\s*(?:and\s+)?(?:condoms?|préservatifs?|backup|ice|heat|rest|glace|repos)\s*$", re.I)
_THEN_BEFORE = re.compile(r"\b(?:then|puis|ensuite)\s*(?:only\s+)?$", re.I)
_AS_NEEDED = re.compile(  # (not "every morning, not just when you need it")
    r"(?<!not just )(?<!not only )(?<!pas seulement )(?<!plus seulement )"
    r"\b(?:as needed|as-needed|p\.?r\.?n\.?|if needed|when needed|as necessary|if necessary|when necessary|as required|"
    r"if (?:you|i) need (?:it|to|them|one)|when (?:you|i) need (?:it|to|them|one)|only when (?:you|i) need|"
    r"when (?:you|i) (?:have|get|feel) (?:pain|a headache|symptoms)|when it hurts|if (?:the )?pain|"
    r"for breakthrough|from time to time|occasionally|de temps en temps|de temps à autre|"
    r"si besoin|au besoin|en cas de (?:besoin|douleurs?|fièvre|crise|mal)|si (?:vous avez |j'ai )?mal|"
    r"si douleurs?|quand (?:j'ai|vous avez) mal|à la demande|en cas de nécessité|"
    # "le soir, seulement les soirs où elle se gratte beaucoup", "only on the nights when she can't sleep"
    r"seulement (?:les (?:soirs|jours|nuits|matins) où|quand|si) (?:elle|il|vous|tu|je|j'|ça)|"
    r"only (?:on )?(?:the )?(?:days|nights|evenings|mornings) (?:when|that)|si (?:elle|il|tu) se gratte|"
    r"(?:si|quand) (?:vous vous grattez|ça gratte|ça démange))\b",
    re.I,
)
# an earlier clause of the sentence that makes the taking occasional: "when it hurts, I take some Advil",
# "des fois, quand j'ai mal, je prends du paracétamol"
_OCCASIONAL = re.compile(
    r"\b(?:sometimes|occasionally|from time to time|once in a while|parfois|des fois|de temps en temps|"
    r"de temps à autre)\b",
    re.I,
)
# right after the cue: "[, when it hurts,] I take (some) <drug>", nothing else (not "sometimes I forget to take")
_THEN_TAKES = re.compile(
    r"^[,\s]*(?:(?:when|if|quand|si|lorsque)\b[^,.;]{0,30},\s*)?(?:i|je|j'|he|she|il|elle)\s*"
    r"(?:take|takes|prends|prend)\s+(?:(?:some|an?|the|my|his|her|du|de la|de l'|des|un|une|d')\s*)?$",
    re.I,
)


_PLUS_BEFORE = re.compile(r"^[^.;]{0,6}\b(?:plus|and an? extra|with an? extra|et en plus|plus une?)\b", re.I)


def as_needed_before(before: str) -> Found | None:
    """An as-needed cue in the sentence before the drug's clause, right before "I take <drug>" (not a plan:
    "if the pain comes back we'll start X" is no as-needed drug). Span from the end of `before`."""
    tail = before[-80:]
    for m in [*_AS_NEEDED.finditer(tail), *_OCCASIONAL.finditer(tail)]:
        if _THEN_TAKES.match(tail[m.end() :].replace("’", "'")):
            return Found(True, m.start() - len(tail), m.end() - len(tail))
    return None


_ROUTES = [
    ("by mouth", r"by mouth|orally|oral|p\.?o\.?|per os|par voie orale|par la bouche|voie orale"),
    ("sublingual", r"sublingual(?:ly)?|under (?:the|your) tongue|sous la langue|sublinguale?"),
    ("subcutaneous", r"subcutaneous(?:ly)?|sub-?q|under the skin|sous-cutanée?|en sous-cut\w*"),
    ("intramuscular", r"intramuscular(?:ly)?|intramusculaire|in the muscle"),
    ("intravenous", r"intravenous(?:ly)?|iv|intraveineuse|en perfusion|par perfusion"),
    ("injection", r"injection|injected|inject|injectable|piqûres?|en injection"),
    ("inhaled", r"inhaled|inhaler|inhalation|nebuli[sz]er|neb|inhalateur|inhalée?|en inhalation|aérosol"),
    (
        "nasal",
        r"nasal spray|in (?:the|your|each) nostril|in the nose|intranasal|nasal|spray nasal|"
        r"pulvérisation nasale",
    ),
    ("ophthalmic", r"eye drops?|in (?:the|your|each) eyes?|ophthalmic|collyre|gouttes dans les yeux"),
    (
        "topical",
        # not "c'est un gel qui fait comme un couvercle sur l'estomac" (gaviscon)
        r"topical(?:ly)?|cream|ointment|lotion|gel(?! (?:qui|that|which|buvable|oral))|crème|pommade|"
        r"application locale|application cutanée",
    ),
    ("transdermal", r"transdermal|patch|timbre"),
    ("rectal", r"rectal(?:ly)?|suppository|suppositoire|par voie rectale"),
    ("vaginal", r"vaginal(?:ly)?|ovule|par voie vaginale"),
]
_ROUTE_RX = [(name, re.compile(rf"(?<![\w-])(?:{rx})(?![\w-])", re.I)) for name, rx in _ROUTES]


# a daily total taken in two: "par jour, en deux prises", "a day, divided into two doses"
_SPLIT_IN_TWO = re.compile(
    r"\s*,?\s*(?:en|in|divided (?:in(?:to)?|between)|split (?:in(?:to)?|between)|réparti\w* en) (?:deux|two|2) "
    r"(?:prises|doses|intakes)\b",
    re.I,
)


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
        return [
            (f.start, f.end)
            for f in (
                self.dose,
                self.route,
                self.frequency,
                self.as_needed,
                self.max_per_day,
                self.duration,
                self.quantity,
                self.refills,
            )
            if f is not None
        ]

    def as_dict(self) -> dict[str, Any]:
        """Fact attributes: dose (text: "1000", "0.5"), unit, route, frequency (as said), per_day,
        as_needed, max_per_day (+ max_unit), duration, quantity (+ quantity_unit), refills."""
        out: dict[str, Any] = {}
        if self.dose is not None:
            out["dose"] = format_number(self.dose.value)
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


# a first (loading) dose said before the regimen: "two tablets now, one an hour later, then one twice a day"
_LOADING = re.compile(
    r"[^;]{0,12}?(?P<load>\b(?:\d+(?:\.\d+)?|one|two|three|a|an) (?:tablets?|pills?|capsules?|comprimés?|gélules?)"
    r"(?:[^.;]|(?<=\d)\.(?=\d)){0,28}?\b(?:now|right away|today|at once|immediately|tout de suite|maintenant|"
    r"aujourd'hui)\b[^.;]{0,50}?)\b(?:then|puis|ensuite)\b",
    re.I,
)


def read_attributes(
    text: str, lang: str | None = None, left: str = "", *, status: str = "", cap: int = 110
) -> Attributes:
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
        s, e = original_span(back, m_start, m_end)
        taken.append((m_start, m_end))
        return Found(value, s, e)

    # maximum per day first: "no more than 4 a day" is neither a dose nor a frequency
    maxima = []
    for m in _MAX.finditer(norm):
        if _USE_TOLD.search(norm[max(0, m.start() - 30) : m.start()]):
            taken.append(m.span())  # "and you've been taking up to eight tablets a day": how much was taken
            continue
        if m.group(0).lower().startswith(("up to", "jusqu'à")) and re.search(
            r"\b(?:increas\w*|rais\w*|bump\w*|go(?:ing)?|titrat\w*|augment\w*|passer)\b[^.]{0,40}$",
            (left[-60:] + " " + norm[: m.start()]),
            re.I,
        ):
            continue
        dose_unit = m.group("unit") and m.group("unit").lower() not in ("times", "fois")
        if m.group(0).lower().startswith("up to") and dose_unit and _TIMES_A_DAY.search(m.group(0)):
            continue  # a recap's "furosemide up to forty milligrams twice a day": its new dose, no ceiling
        unit = m.group("unit") or m.group("unit2")
        unit = None if not unit else ("times" if unit.lower() in ("times", "fois") else normalise_unit(unit))
        n = float(first_group(m, "n", "n2") or 0) or None
        if n is not None:
            maxima.append((m, n, unit))
    # "two tablets up to three times a day, never more than three grams a day": the amount is the maximum, the
    # times how often it may be taken
    bare = _MAX_BARE.search(norm) if not maxima else None
    if bare:  # a recap's "doliprane si besoin, maximum trois grammes": the day's ceiling, never the dose
        maxima.append((bare, float(bare.group("n")), normalise_unit(bare.group("unit"))))
    amount = next((x for x in maxima if x[2] not in (None, "times")), maxima[0] if maxima else None)
    if amount:
        out.max_per_day = keep(amount[0].start(), amount[0].end(), amount[1:])
    times = next((x for x in maxima if x[2] == "times"), None) if amount and amount[2] != "times" else None
    if times:
        m, n, _ = times
        a, b = original_span(back, m.start(), m.end())
        out.frequency = keep(m.start(), m.end(), Frequency(body[a:b].strip(), n, "count", n, explicit=True))
        out.as_needed = Found(True, out.frequency.start, out.frequency.end)  # "up to": as much as needed
    # quantity: "#14", "14 of those", "a box of 30", "I'll give you 30 tablets"
    for m in _QUANTITY.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        n = float(first_group(m, "n", "n2", "n3", "n4"))
        if m.group("n4") and "of" in m.group(0) and not _QTY_VERB.search(norm[: m.start()]):
            continue
        unit = "boxes" if re.search(r"\b(?:boxes|boîtes)\b", m.group(0), re.I) else None
        out.quantity = keep(m.start(), m.end(), (int(n), unit))
        break
    if loading := _LOADING.match(norm):
        taken.append(loading.span("load"))  # "two tablets now, one an hour later, then one twice a day": the last
    for m in _DOSE.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        if (
            st.CONCENTRATION.match(norm, m.end())
            or st.PER_VOLUME.search(norm[: m.start()])
            or st.PER_KILO.match(norm, m.end())
        ):
            continue  # "le flacon à 500 milligrammes pour 5 millilitres": the syrup's strength, not a dose
        if _UP_TO_ALONE.search(norm[: m.start()]) and not _TAKEN_WHEN.match(norm, m.end()):
            continue  # "tylenol up to two grams is the safer choice": a ceiling with no time said, not a dose
        unit = normalise_unit(m.group("unit"))
        if unit in COUNT_UNITS and _SUPPLY_BEFORE.search(norm[: m.start()]):
            if out.quantity is None:
                out.quantity = keep(m.start(), m.end(), (int(float(m.group("num"))), None))
            continue
        if unit in ("tablets", "capsules") and float(m.group("num")) > 12:
            continue  # "the twenty-five one hundred tablets": the tablet's strength, no count taken at once
        if unit == "%" and not re.fullmatch(
            r"[\s,]*(?:(?:cream|ointment|gel|lotion|crème|pommade)[\s,]*)?", norm[: m.start()]
        ):
            continue  # a cream's strength stands by its name ("hydrocortisone 1%"), not "the fev went up by 18%"
        if ratio := st.RATIO_AFTER.match(norm, m.end()):
            taken.append((m.start(), ratio.end()))
            continue  # "one unit for every twelve grams of carbs": an insulin ratio, not a dose
        value, counted_end, dose_start = float(m.group("num")), 0, None
        if re.search(r"\b(?:from|de|du)\s*$", norm[: m.start()], re.I):
            if m.group("num2"):
                value = float(m.group("num2"))  # "from 10 to 20 mg": the new dose
            else:
                nxt = _DOSE.search(norm, m.end())
                if nxt and re.fullmatch(r"\s*(?:to|à|a|up to|down to)\s*", norm[m.end() : nxt.start()], re.I):
                    m, unit, value = nxt, normalise_unit(nxt.group("unit")), float(nxt.group("num"))
        strength = st.STRENGTH_AFTER_COUNT.match(norm, m.end()) or unit == "ml" and st.OF_VOLUME.match(norm, m.end())
        if (unit in COUNT_UNITS or unit == "ml") and strength:  # "half a tablet, 12.5 milligrams", "12.5 ml, that's
            # 250 mg", "fifteen milliliters of the four hundred strength, twelve hundred milligrams": the dose
            m, unit, value = strength, normalise_unit(strength.group("unit")), float(strength.group("num"))
        elif unit in ("tablets", "capsules") and (strength := st.OF_STRENGTH.match(norm, m.end())):
            # "two tablets of five hundred milligrams": a dose of a thousand
            dose_start = m.start()
            m, unit, value = strength, normalise_unit(strength.group("unit")), value * float(strength.group("num"))
        elif (
            unit not in COUNT_UNITS
            and st.TABLET_AFTER.match(norm, m.end())
            and (part := st.PART_TAKEN.match(norm, m.end()))
        ):
            # "one hundred milligram tablets, but you take half a tablet, so fifty milligrams": what is taken
            m, unit, value = part, normalise_unit(part.group("unit")), float(part.group("num"))
        elif (
            unit not in COUNT_UNITS and 10 <= value < 100 and (hundreds := st.HUNDREDS_BEFORE.search(norm[: m.start()]))
        ):
            if not st.TABLET_AFTER.match(norm, m.end()):  # "ferrous sulfate, three twenty-five milligrams": 325 mg
                value += 100 * float(hundreds.group("h"))
                dose_start = hundreds.start("h")
        elif (
            unit not in COUNT_UNITS
            and (count := st.PILLS_OF.search(norm[: m.start()]))
            and st.ONES.match(norm, m.end())
        ):
            value *= float(count.group("n"))  # "six of the little yellow pills, the 2.5 milligram ones": 15 mg
        elif unit not in COUNT_UNITS and (count := st.COUNT_BEFORE.search(norm[: m.start()])):
            # "two 500 milligram tablets": two tablets of 500 mg are a 1000 mg dose
            if st.TABLET_AFTER.match(norm, m.end()) or " of " in count.group(0):  # "two of the 200 milligram"
                value, dose_start = value * float(count.group("n")), count.start("n")
        elif unit not in COUNT_UNITS and (count := COUNT_AFTER_STRENGTH.match(norm, m.end())):
            value *= 1.0 if unit == "g" else float(count.group("n"))  # "one gram, two tablets": 1 g in two
            counted_end = count.end()
        out.dose = keep(m.start() if dose_start is None else dose_start, max(m.end(), counted_end), value)
        out.unit = unit
        break
    if out.dose is None:
        m = _BARE_DOSE.match(norm)
        at_time = re.match(r"\s*,?\s*at\b", norm)
        taken_at = m and at_time and re.search(r"\b(?:take|takes|took|taking)\b", left or "", re.I)
        # "i take the lorazepam at ten" is a time, "four, five times a week" how often: no dose
        times = m and re.match(r"\s*(?:,|or|ou|to|à|-)\s*\d+\s*(?:times|fois)\b", norm[m.end("num") :], re.I)
        if m and 0 < float(m.group("num")) <= 5000 and not taken_at and not times:
            out.dose = keep(m.start("num"), m.end("num"), float(m.group("num")))
    if out.dose is None and left:
        ln, lb = normalize(left[-40:], lang)
        m = _LEFT_DOSE.search(ln)
        if m:
            s, e = original_span(lb, m.start(), m.end("unit"))
            off = len(left) - len(left[-40:])
            out.dose = Found(float(m.group("num")), s + off - len(left), e + off - len(left))
            out.unit = normalise_unit(m.group("unit"))
        elif m := _LEFT_COUNT.search(ln):
            s, e = original_span(lb, m.start("num"), m.end("num"))
            off = len(left) - len(left[-40:])
            out.dose = Found(float(m.group("num")), s + off - len(left), e + off - len(left))
            out.unit = "tablets"
    # frequency (outside the maximum and the quantity)
    blank = "".join(" " if not free(i, i + 1) else ch for i, ch in enumerate(norm))
    blank = INSTEAD_OF_FREQUENCY.sub(lambda m: " " * len(m.group(0)), blank)  # the old one, not the regimen
    f = None if out.frequency else find_frequency(blank, back, body, norm)
    if f:
        out.frequency = Found(f[0], f[1], f[2])
        if f[0].kind == "daily" and out.dose is not None and (split := _SPLIT_IN_TWO.match(body, f[2])):
            # "cent cinquante milligrammes par jour, en deux prises": 75 mg twice a day
            out.dose.value /= 2
            out.frequency = Found(
                Frequency(split.group(0).strip(" ,"), 2.0, "count", 2, explicit=True), f[1], split.end()
            )
    elif left and not out.frequency:
        ln, lb = normalize(left[-60:], lang)
        f = find_frequency(ln, lb, left[-60:])
        # said just before the drug ("every morning I take lisinopril"), not in an earlier clause
        if f and len(left[-60:]) - f[2] <= 15 and not re.search(r"[,;]", left[-60:][f[2] :]):
            off = -len(left[-60:])
            out.frequency = Found(f[0], f[1] + off, f[2] + off)
    m = _AS_NEEDED.search(body)
    extra = m and out.frequency and _PLUS_BEFORE.search(body[out.frequency.end : m.start()])
    # "twice a day, with food, for two weeks, then as needed": the regimen is the scheduled one
    extra = extra or m and out.frequency and _THEN_BEFORE.search(body[out.frequency.end : m.start()])
    if m and not extra:  # not "two puffs twice a day, plus one puff as needed": a regimen with a rescue dose
        out.as_needed = Found(True, m.start(), m.end())
    elif left and (m := _AS_NEEDED.search(left[-60:])):
        off = -len(left[-60:])
        out.as_needed = Found(True, m.start() + off, m.end() + off)
    if status in ("new", "changed", "") or _COURSE_THEN_STOP.search(norm):  # "for five days, then stop": a course
        for m in _DURATION.finditer(norm):
            if not free(m.start(), m.end()) or _OTHER_THING.search(norm, max(0, m.start() - 20), m.start()):
                continue  # "norethindrone 0.35 mg daily, condoms for two days": the condoms' days
            n = first_group(m, "n", "n2", "n3")
            n = "1" if n.lower() in ("a", "an", "one", "un", "une") else n
            u = first_group(m, "u", "u2", "u3").lower()
            if n == "1":
                u = {"days": "day", "weeks": "week", "months": "month", "jours": "jour", "semaines": "semaine"}.get(
                    u, u
                )
            elif not u.endswith("s") and u != "mois":
                u += "s"
            out.duration = keep(m.start(), m.end(), f"{n} {u}")
            break
    m = _REFILLS.search(norm)
    if m:
        raw = first_group(m, "n", "n2", "n3", "n4", "n5")
        n = 0 if m.group("none") or (raw and not raw.isdigit()) else int(raw)
        out.refills = keep(m.start(), m.end(), n)
    for name, rx in _ROUTE_RX:
        m = rx.search(body)
        if m and not (ANOTHER_TREATMENT.search(body[: m.start()]) or _ANOTHER_PRODUCT.search(body[: m.start()])):
            out.route = Found(name, m.start(), m.end())
            break
    if out.dose is not None and out.dose.value > _MOST.get(out.unit or "", float("inf")):
        # "400 000 gramme de la foi par jour" was misheard: no dose rather than that one, and no frequency read
        # from the same garbled words ("de la foi par jour" was "trois fois par jour")
        out.dose, out.unit, out.frequency = None, None, None
    return out


_COURSE_THEN_STOP = re.compile(r"\b(?:days?|jours?)\s*,?\s*(?:then|and|puis|et) (?:stop|arrêt)", re.I)
# a route said of another treatment: "… and you can use a gel on the knee"
_ANOTHER_PRODUCT = re.compile(r"\b(?:and|et) (?:you can |vous pouvez )?(?:use|apply|mettre) (?:a|an|un|une)\s+$", re.I)
# the most of one administration a note may state: above it the number was misheard (or is not a dose)
_MOST = {"g": 20.0, "mg": 20000.0, "mcg": 20000.0}


def insulin_in_units(ingredient: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """An insulin's dose is in units: "une unité pour dix grammes de glucides" gives grams of carbohydrate, no dose."""
    if "insulin" in ingredient.lower() and attrs.get("unit") not in (None, "units", "ml"):
        return {k: v for k, v in attrs.items() if k not in ("dose", "unit")}
    return attrs
