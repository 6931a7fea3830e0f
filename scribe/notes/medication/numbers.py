"""Numbers written or spoken, English and French ("1,000", "1 000", "one thousand", "mille", "a half",
"une fois"), with their character spans.

`number_spans(text, lang)` finds them; `number_values(text)` reads every value both ways where the
writing is ambiguous, for the grounding guard too (a rendered "1000 mg" is grounded by "1,000 mg" or
"mille milligrammes"); `normalize(text, lang)` rewrites them as digits, with a map back to the original
offsets, so that the dose and frequency patterns need to match digits only (`NUMBER_PATTERN`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scribe.notes.number_words import EN_TENS, EN_UNITS, FR_TENS, FR_UNITS

# a number in normalized text (numbers as digits)
NUMBER_PATTERN = r"\d+(?:\.\d+)?"

_SMALL = {**{k: v for k, v in EN_UNITS.items() if k != "oh"}, **FR_UNITS}
_TENS10 = {**EN_TENS, **{k: v for k, v in FR_TENS.items() if "-" not in k}}  # "soixante-dix" is read in parts
_HUNDREDS = {"hundred", "cent", "cents"}
_THOUSANDS = {"thousand", "mille"}
_HALF = {"half", "demi", "demie"}
_ARTICLE_ONE = {"un", "une"}  # numbers only before a unit-like word ("une fois", "un comprimé")
_UNIT_AFTER_UN = re.compile(
    r"(?:fois|comprimés?|cp|gélules?|cachets?|sachets?|ampoules?|gouttes?|bouffées?|pulvérisations?|inhalations?|"
    r"grammes?|milligrammes?|microgrammes?|mg|g|ml|litres?|cuillères?|boîtes?|flacons?|tubes?|patchs?|"
    r"jours?|semaines?|mois|heures?|ans|an|année|prises?|injections?|piqûres?|demie?|seule?)$",
    re.I,
)
_WORD_TOKEN = re.compile(r"[A-Za-zÀ-ÿ]+")
_DIGITS = {
    fr: re.compile(
        r"(?<![\d.,])(?:(?P<comma>\d{1,3}(?:,\d{3})+)(?![\d,])|"
        + (r"(?P<space>\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?!\d)|" if fr else r"(?P<space>(?!))|")
        + r"(?P<plain>\d+(?:[.,]\d+)?)|(?P<half>½))"
    )
    for fr in (True, False)
}


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float


def format_number(v: float) -> str:
    """A value as written in a note: "15", "0.5" (no trailing zeros)."""
    return str(int(v)) if float(v).is_integer() else f"{v:.4f}".rstrip("0").rstrip(".")


_QUARTERS = ("quarter", "quarters", "quart", "quarts")


def _of_a(words: list[str], j: int) -> int:
    """The index past "of a" / "of an" / "de" / "d'un" at words[j] (a fraction of a unit), else 0."""
    if words[j : j + 2] in (["of", "a"], ["of", "an"], ["d", "un"]):
        return j + 2
    return j + 1 if words[j : j + 1] == ["de"] else 0


def _parse_words(words: list[str]) -> tuple[float | None, int]:
    """A spoken number at the start of `words` (lower case) → (value, words used)."""
    total, cur, i, n = 0.0, 0.0, 0, len(words)
    last = ""  # kind of the previous word: small, tens, hundred, thousand, and
    used_any = False
    while i < n:
        w = "vingt" if words[i] == "vingts" else words[i]  # "quatre-vingts"
        nxt = words[i + 1] if i + 1 < n else ""
        if w in _SMALL:
            v = _SMALL[w]
            if not used_any:
                cur = v
            elif last == "tens" and cur % 10 == 0 and v < 10:
                cur += v  # twenty five, vingt-cinq
            elif last == "tens" and cur % 100 in (60, 80) and 10 <= v <= 19:
                cur += v  # soixante-dix, quatre-vingt-dix-neuf
            elif last == "small" and i > 0 and words[i - 1] == "dix" and v in (7, 8, 9):
                cur += v  # dix-sept, soixante-dix-sept (not "soixante-dix une fois": 70, once)
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
        elif w in ("a", "un") and not used_any and nxt in _QUARTERS and _of_a(words, i + 2):
            return 0.25, _of_a(words, i + 2)  # "a quarter of a milligram", "un quart de milligramme"
        elif w in _QUARTERS and used_any and last == "small" and cur <= 3 and _of_a(words, i + 1):
            return cur * 0.25, _of_a(words, i + 1)  # "three quarters of a milligram"
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
        elif w in ("point", "virgule") and nxt in _SMALL and _SMALL[nxt] < 10 and (used_any or w == "point"):
            # "twelve point five"; "point five milligrams" is 0.5 (a leading zero is not said), never 5
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
        while k < len(toks) and k - i < 10 and re.fullmatch(r"[\s\-]+", text[toks[k - 1].end() : toks[k].start()]):
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
    # "sept milligrammes et demi": the half said after the unit
    out = [Number(n.start, n.end, n.value + 0.5) if _HALF_AFTER_UNIT.match(text, n.end) else n for n in out]
    out.sort(key=lambda n: n.start)
    return _hundreds_said_short(text, out)


# a tablet's strength said the short way: "the three twenty-five milligram tablet" is 325 mg (one tablet), not three
# of twenty-five; only after an article, and never from "one" ("one eighty-one milligram tablet a day" is one of 81),
# nor before a plural ("two twenty milligram tablets" stays two of them)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|your|his|her|their|that|this)\s+$", re.I)
_STRENGTH_AFTER = re.compile(r"\s+(?:milligram|microgram|mg|mcg)\s+(?:tablet|pill|capsule)\b", re.I)


def _hundreds_said_short(text: str, out: list[Number]) -> list[Number]:
    merged: list[Number] = []
    for n in out:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.value in range(2, 10)
            and _ARTICLE_BEFORE.search(text, 0, last.start)
            and 10 <= n.value < 100
            and n.value == int(n.value)
            and text[last.end : n.start] == " "
            and _STRENGTH_AFTER.match(text, n.end)
        ):
            merged[-1] = Number(last.start, n.end, last.value * 100 + n.value)
            continue
        merged.append(n)
    return merged


_HALF_AFTER_UNIT = re.compile(r"\s*(?:milligrammes?|microgrammes?|grammes?|mg|g|ml|millilitres?)\s+et\s+demie?\b", re.I)
_ONCE = re.compile(r"\b(once|twice|thrice)\b", re.I)


# "two tablets of five hundred milligrams"
_COUNT_OF_STRENGTH = re.compile(
    r"\b([1-4]) (?:tablets?|pills?|capsules?|comprimés?|gélules?) (?:of|de|à) (\d+(?:\.\d+)?) ?"
    r"(?:mg|milligrams?|milligrammes?|g|grams?|grammes?)\b",
    re.I,
)
_TABLETS_OF = re.compile(
    r"\b([1-4]) (\d+(?:\.\d+)?) ?-?(?:mg|milligrams?|g|grams?) (?:tablets?|capsules?|pills?|caplets?)\b", re.I
)

# "500 milligrams, two tablets, up to three times a day": the count said after the strength multiplies it
COUNT_AFTER_STRENGTH = re.compile(
    r"\s*(?:tablets?\s*)?,?\s*(?:take\s+)?(?P<n>[2-4])\s+(?:tablets?|capsules?|pills?|caplets?|comprimés?|gélules?|"
    r"at a time|at once|à la fois|d'un coup)\b"
    r"(?!\s+(?:of|de|d')\s+\d)",  # "un gramme, deux comprimés de 500": the dose made of two, not twice it
    re.I,
)
_STRENGTH_THEN_COUNT = re.compile(
    r"\b(\d+(?:\.\d+)?) ?(?:mg|milligrams?|g|grams?)" + COUNT_AFTER_STRENGTH.pattern, re.I
)


def number_values(text: str) -> set[float]:
    """The values of every number in `text`, read both ways where ambiguous, plus once/twice/thrice:
    for the grounding guard (a rendered "1000 mg" is grounded by "1,000 mg" or "mille milligrammes")."""
    vals = {n.value for n in number_spans(text, "fr")} | {n.value for n in number_spans(text, "en")}
    vals |= {{"once": 1.0, "twice": 2.0, "thrice": 3.0}[m.group(1).lower()] for m in _ONCE.finditer(text)}
    # "two five hundred milligram tablets" grounds the 1000 mg dose the note writes for them, and so does "the 500
    # milligram tablets … you can take two"
    norm = normalize(text, "en")[0]
    vals |= {float(m.group(1)) * float(m.group(2)) for m in _TABLETS_OF.finditer(norm)}
    vals |= {float(m.group(1)) * float(m.group(2)) for m in _STRENGTH_THEN_COUNT.finditer(norm)}
    vals |= {float(m.group(1)) * float(m.group(2)) for m in _COUNT_OF_STRENGTH.finditer(norm)}
    take = _TAKE_COUNT.search(norm)
    vals |= {v * int(take.group("n")) for v in vals if v >= 5} if take else set()
    return vals


# a count to take at a time: "you can take two every eight hours", "prenez 2 comprimés le matin"
_TAKE_COUNT = re.compile(
    r"\b(?:take|takes|prenez|prendre)\s+(?P<n>[2-4])\s+"
    r"(?:(?:tablets?|pills?|capsules?|of (?:them|those)|comprimés?)\s+)?"
    r"(?:every|each|at|in the|twice|once|up to|a day|per|toutes|le|au|matin|par)\b",
    re.I,
)


# a strength said of tablets: "the five hundred milligram tablets", "des comprimés de 500 mg"
STRENGTH_TABLETS = re.compile(
    r"\b(?:milligrams?|mg|grams?|micrograms?|mcg)\s+(?:tablets?|pills?|capsules?|caplets?)\b|"
    r"\bcomprimés?\s+(?:de|à)\s+\w+",
    re.I,
)


def tablets_per_dose(text: str, lang: str | None = None) -> int | None:
    """The count a sentence says to take at a time ("you can take two every eight hours"), 2 to 4, else None."""
    m = _TAKE_COUNT.search(normalize(text, lang)[0])
    return int(m.group("n")) if m else None


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
        rep = format_number(n.value)
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


def original_span(back: list[int], a: int, b: int) -> tuple[int, int]:
    """Normalized span → original span."""
    return back[a], back[b] if b < len(back) else back[-1]
