"""Numbers said as words (en/fr): reading them ("one twenty over eighty" → 120, 80) and writing them as
digits in quoted speech ("twenty milligrams" → "20 milligrams").

Apart from text.py because the medication parser and the checks on notes need the number tables and
readers without the sentence and prose helpers.
"""

from __future__ import annotations

import re

EN_UNITS = {
    "zero": 0,
    "oh": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
FR_UNITS = {
    "zéro": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "dix-sept": 17,
    "dix-huit": 18,
    "dix-neuf": 19,
}
FR_TENS = {
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "soixante-dix": 70,
    "quatre-vingt": 80,
    "quatre-vingts": 80,
    "quatre-vingt-dix": 90,
}
_UNITS = {**EN_UNITS, **{k: v for k, v in FR_UNITS.items() if k not in ("un", "une")}}
_TENS = {**EN_TENS, **FR_TENS}
_HUNDRED = {"hundred", "cent", "cents"}
_THOUSAND = {"thousand", "mille"}
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*|\d+(?:[.,]\d+)?|\S")


_FR_PARTS = {**FR_UNITS, **FR_TENS, **EN_UNITS, **EN_TENS}


def _compound(word: str) -> int | None:
    """A number written with hyphens, as one token: "quarante-deux" 42, "soixante-dix-sept" 77,
    "quatre-vingt-dix-neuf" 99, "vingt-et-un" 21, "twenty-two" 22 (longest known part first)."""
    parts, value, rest = word.split("-"), 0, []
    while parts:
        for n in range(len(parts), 0, -1):
            head = "-".join(parts[:n])
            if head in _FR_PARTS or head == "et" and rest:
                value += _FR_PARTS.get(head, 0)
                rest.append(head)
                parts = parts[n:]
                break
        else:
            return None
    return value if len(rest) > 1 else None


def _parse_number(words: list[str]) -> tuple[float | None, int]:
    """Parse a spoken number at the start of `words` → (value, words used)."""
    i, total, cur, used_any = 0, 0, 0, False
    n = len(words)
    while i < n:
        w = words[i].lower()
        compound = _compound(w) if "-" in w and w not in _UNITS and w not in _TENS else None
        if compound is not None:
            if used_any and cur in range(1, 10):
                cur = cur * 100 + compound  # "one twenty-two" = 122
            elif used_any and cur % 100:
                break
            else:
                cur += compound
            used_any = True
        elif w in _UNITS and not (used_any and cur % 10 and cur >= 20):
            if used_any and cur and cur < 10 and _UNITS[w] < 10 and total == 0:
                break
            # "one twenty two" (blood pressure style) = 122
            if used_any and cur in range(1, 10) and _UNITS[w] >= 10:
                cur = cur * 100 + _UNITS[w]
            else:
                cur += _UNITS[w]
            used_any = True
        elif w in _TENS:
            if used_any and cur in range(1, 10):
                cur = cur * 100 + _TENS[w]  # "one twenty" = 120
            elif used_any and cur % 100:
                break
            else:
                cur += _TENS[w]
            used_any = True
        elif w in ("a", "an") and not used_any and i + 1 < n and words[i + 1].lower() in ("hundred", "thousand"):
            cur, used_any = 1, True  # "a hundred and two point five"
        elif w in _THOUSAND and (used_any or w == "mille"):
            total, cur, used_any = total + max(cur, 1) * 1000, 0, True  # "five thousand", "deux mille"
        elif w in _HUNDRED and used_any:
            cur = max(cur, 1) * 100
        elif w in _HUNDRED and not used_any and w in ("cent",):
            cur, used_any = 100, True
        elif (
            w in ("and", "et")
            and used_any
            # "two hundred and …", "vingt et un", not "five and forty"
            and (cur >= 100 and cur % 100 == 0 or total and not cur or w == "et" and cur >= 20 and cur % 10 == 0)
            and i + 1 < n
            and (
                words[i + 1].lower() in _UNITS
                or words[i + 1].lower() in _TENS
                or "-" in words[i + 1]
                and _compound(words[i + 1].lower()) is not None  # "… and forty-five"
            )
        ):
            pass
        elif (
            w in ("point", "virgule", ".", ",")
            and used_any
            and i + 1 < n
            and (words[i + 1].lower() in _UNITS or words[i + 1].lower() in ("un", "une") or words[i + 1].isdigit())
        ):
            frac = words[i + 1].lower()
            fv = {"un": 1, "une": 1}.get(frac) or _UNITS.get(frac, int(frac) if frac.isdigit() else 0)
            return float(f"{total + cur}.{fv}"), i + 2
        else:
            break
        i += 1
    if not used_any:
        return None, 0
    return float(total + cur), i


def spoken_numbers(text: str) -> list[float]:
    """Every number in text, written with digits or spoken (en/fr)."""
    out: list[float] = []
    toks = _TOKEN.findall(text)
    i = 0
    while i < len(toks):
        t = toks[i]
        if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
            # "98 . 2" spoken decimal
            if t.isdigit() and i + 2 < len(toks) and toks[i + 1] in (".", ",") and toks[i + 2].isdigit():
                out.append(float(f"{t}.{toks[i + 2]}"))
            out.append(float(t.replace(",", ".")))
            i += 1
            continue
        if t in ("point", ".") and i + 1 < len(toks) and toks[i + 1].isdigit() and not (i and _is_digits(toks[i - 1])):
            out.append(float(f"0.{toks[i + 1]}"))  # "point 5 centimeters": 0.5 (the 5 is read as well, below)
        val, used = _parse_number(toks[i : i + 8])
        if used:
            out.append(val)
            i += used
        else:
            i += 1
    return out


def _is_digits(token: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:[.,]\d+)?", token))


def digits_in(text: str) -> list[str]:
    """Numbers written with digits, as written: what a note may quote without inventing a value."""
    return re.findall(r"\d+(?:[.,]\d+)?", text)


# "one oh four over sixty-six", "a one-oh-one fever": a hundred and the digit said after "oh"
_OH = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine".split())}
_HUNDRED_OH = re.compile(r"\b(one|two)[\s-]+oh[\s-]+(one|two|three|four|five|six|seven|eight|nine)\b", re.I)


# a decimal said digit by digit: "point zero two", "zero point zero two", "one point two five" → 0.02, 0.02, 1.25
_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# ("eight point nine six weeks ago" is 8.9, six weeks ago: a digit before a length of time is the length's)
_TIME_AFTER = r"\s+(?:weeks?|days?|months?|years?|hours?|minutes?|semaines?|jours?|mois|ans|heures?)\b"
_DIGIT_DECIMAL = re.compile(rf"\b(?:({_DIGIT})\s+)?point((?:\s+{_DIGIT}){{2,4}})\b(?!{_TIME_AFTER})", re.I)


def _digit_decimal(m: re.Match) -> str:
    whole = _OH.get(m.group(1).lower(), "0") if m.group(1) else "0"
    return whole + "." + "".join(_OH.get(w.lower(), "0") for w in m.group(2).split())


# a year said in two halves after a word of time: "in twenty sixteen" is 2016, not 36; "back in nineteen ninety-eight"
_SPOKEN_YEAR = re.compile(
    r"\b(in|since|from|until|by|of|around|early|late|mid) (nineteen|twenty) "
    r"(oh [a-z]+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b",
    re.I,
)


def _year(m: re.Match) -> str:
    century = 19 if m.group(2).lower() == "nineteen" else 20
    rest = m.group(3).lower()
    tens, _, unit = rest.replace("oh ", "oh-").partition("-")
    value = (0 if tens == "oh" else EN_TENS.get(tens, EN_UNITS.get(tens, 0))) + EN_UNITS.get(unit, 0)
    return f"{m.group(1)} {century}{value:02d}"


# a value under ten with its decimals said as a number: "un virgule huit" (1.8), "un virgule dix-huit" (1.18),
# "one point two" (1.2); a French "un" is otherwise no number (an article)
_SMALL_DECIMAL = re.compile(
    r"(?<![\w-])(zero|zéro|one|un|une|two|deux|three|trois|four|quatre|five|cinq|six|seven|sept|eight|huit|nine|neuf)\s+"
    r"(?:virgule|point)\s+([a-zà-ÿ]+(?:-[a-zà-ÿ]+)*)\b",
    re.I,
)


_NUMBER_BEFORE = re.compile(
    r"\b(?:hundred|thousand|cents?|mille|and|et|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|vingt|trente|"
    r"quarante|cinquante|soixante|\d+)\s+$",
    re.I,
)


def _small_decimal(m: re.Match) -> str:
    if _NUMBER_BEFORE.search(m.string[max(0, m.start() - 12) : m.start()]):
        return m.group(0)  # "one hundred one point eight": the whole number's (read below), not 1.8
    whole, _ = _parse_number([m.group(1)]) if m.group(1).lower() not in ("un", "une") else (1.0, 1)
    frac, used = _parse_number([m.group(2)])
    if not used and "-" in m.group(2):
        frac, used = _parse_number(m.group(2).split("-"))
    if whole is None or frac is None or not used or not float(frac).is_integer() or frac >= 100:
        return m.group(0)
    return f"{int(whole)}.{int(frac)}"


def numbers_to_digits(text: str) -> str:
    """Replace spoken numbers by digits ("twenty milligrams" → "20 milligrams"); leaves small talk
    numbers such as "one of" alone when not followed by a unit-like word."""
    text = _HUNDRED_OH.sub(lambda m: f"{_OH[m.group(1).lower()]}0{_OH[m.group(2).lower()]}", text)
    text = _SPOKEN_YEAR.sub(_year, text)
    text = _DIGIT_DECIMAL.sub(_digit_decimal, text)
    text = _SMALL_DECIMAL.sub(_small_decimal, text)
    toks = list(re.finditer(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*", text))
    out, last, i = [], 0, 0
    while i < len(toks):
        words = [m.group(0) for m in toks[i : i + 8]]
        per_cent = i > 0 and words[0].lower() == "cent" and toks[i - 1].group(0).lower() == "pour"
        val, used = _parse_number(words) if not per_cent else (None, 0)  # "sept virgule un pour cent"
        if used:
            end_tok = toks[i + used - 1]
            nxt = toks[i + used].group(0).lower() if i + used < len(toks) else ""
            between_ok = all(
                re.fullmatch(r"[\s-]*", text[toks[k].end() : toks[k + 1].start()]) for k in range(i, i + used - 1)
            )
            single_small = used == 1 and val < 10 and words[0].lower() in ("one", "oh", "a")
            unitish = re.match(
                r"(mg|milligrams?|mcg|micrograms?|grams?|units?|days?|weeks?|months?|years?|"
                r"hours?|minutes?|times?|out|over|percent|pounds?|kilos?|degrees?|cm|mm|"
                r"centimeters?|milliliters?|ml|tablets?|pills?|puffs?|jours?|semaines?|mois|ans|"
                r"heures?|fois|sur|kg|year-old|beats?|breaths?|plus|miles?|inches?|feet|cigarettes?|"
                r"packs?|drinks?|glasses?|beers?)$",
                nxt,
            )
            # "four to six hours": the first number of a range counts as the second does
            after = [m.group(0) for m in toks[i + used + 1 : i + used + 9]]
            ranged = nxt in ("to", "or", "à", "ou") and bool(after) and _parse_number(after)[1] > 0
            if between_ok and not single_small and (unitish or ranged or val >= 10 or used > 1):
                out.append(text[last : toks[i].start()])
                v = int(val) if float(val).is_integer() else val
                out.append(str(v))
                last = end_tok.end()
                i += used
                continue
        i += 1
    out.append(text[last:])
    res = "".join(out)
    # spoken decimals: "98 . two" / "98 point 2" → "98.2"
    digit = {k: v for k, v in _UNITS.items() if v < 10}
    res = re.sub(
        r"\b(\d{2,3}) ?(?:\.|point|virgule) ?(\d|" + "|".join(digit) + r")\b(?! ?(?:weeks?|days?|months?|years?))",
        lambda m: f"{m.group(1)}.{m.group(2) if m.group(2).isdigit() else digit[m.group(2).lower()]}",
        res,
        flags=re.I,
    )
    # a decimal said without its zero before a measure: "point 5 centimeters", ".5 cm" → "0.5"
    return _BARE_DECIMAL.sub(lambda m: f"{m.group(1)}0.{m.group(2)}{m.group(3)}", res)


_MEASURE = r"(?:cm|mm|centimet(?:er|re)s?|millimet(?:er|re)s?|mg|milligrams?|grams?|g|ml|milliliters?|percent|%)"
_BARE_DECIMAL = re.compile(r"(^|[^\d\s.,]\s*|\s)(?:point |\.)(\d+)( ?)(?=" + _MEASURE + r"\b)", re.I)
