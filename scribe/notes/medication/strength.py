"""How a dose is said beside its number: a syrup's strength ("500 mg pour 5 ml"), a dose per kilo, the strength of
the tablets counted ("half a tablet, 12.5 milligrams"), a pharmacist's hundreds ("three twenty-five"), part of a
tablet taken, an insulin ratio (read by attributes.read_attributes, on normalized text: numbers as digits)."""

from __future__ import annotations

import re

from scribe.notes.medication.numbers import NUMBER_PATTERN as _NUM

CONCENTRATION = re.compile(
    r"\s*(?:pour|per|par|in|dans|/)\s*(?:\d+(?:[.,]\d+)?|one|five|un|cinq)?\s*(?:ml|millilit\w+|cc)\b", re.I
)
PER_KILO = re.compile(r"\s*(?:per|par|a|/)\s*(?:kilo\w*|kg)\b", re.I)  # "45 mg per kilo per dose": no dose yet
PER_VOLUME = re.compile(r"(?:mg|milligram\w*|grams?|grammes?)\s*(?:pour|per|par|in|dans|/)\s*$", re.I)
# the strength of the tablets just counted, said right after the count ("half a tablet, 12.5 milligrams",
# "2 comprimés, soit 1 g"); "2 tablets of 500 mg" is two tablets of that strength (a count of them, kept)
STRENGTH_AFTER_COUNT = re.compile(
    rf"\s*(?:,|;|-|that's|that is|which is|so|soit|c'est|donc)\s*(?:that's\s+|soit\s+|donc\s+)?(?P<num>{_NUM})\s*-?\s*"
    r"(?P<unit>mg|milligrams?|milligrammes?|mcg|micrograms?|microgrammes?|g|grams?|grammes?)\b",
    re.I,
)
OF_VOLUME = re.compile(
    rf"\s*(?:of|de)\s+(?:the\s+|la\s+)?{_NUM}\s+(?:strength|concentration)" + STRENGTH_AFTER_COUNT.pattern, re.I
)
OF_STRENGTH = re.compile(
    rf"\s*(?:of|de|à)\s+(?P<num>{_NUM})\s*(?P<unit>mg|milligrams?|milligrammes?|mcg|micrograms?|microgrammes?|g|grams?|"
    r"grammes?)\b",
    re.I,
)
COUNT_BEFORE = re.compile(  # "two 500 milligram tablets", "three of the fifty milligram tablets"
    r"(?:^[\s,:]*|[,:]\s*|\b(?:take|takes|taking|of|use)\s+)(?P<n>[1-4])\s+(?:of (?:the|those|these|my|his|her)\s+)?$",
    re.I,
)
# a strength said as pharmacists say it, the hundreds apart: "three twenty-five milligrams" (325), "one fifty mg"
HUNDREDS_BEFORE = re.compile(r"(?:^[\s,:]*|[,:]\s*|\b(?:is|at|was)\s+)(?P<h>[1-9])\s+$", re.I)
PILLS_OF = re.compile(r"\b(?P<n>\d{1,2}) of (?:the|those|my) (?:[a-z]+ ){0,3}(?:pills|tablets)\b[^.;]{0,12}$", re.I)
ONES = re.compile(r"\s*(?:ones|tablets|pills)\b", re.I)
TABLET_AFTER = re.compile(r"\s*(?:tablets?|capsules?|pills?|caplets?|ones)\b", re.I)
# part of the tablet taken, and its strength said: "…, but you take half a tablet, so fifty milligrams"
PART_TAKEN = re.compile(
    r"[^.;]{0,40}?\b(?:take|takes|prenez|prendre)\s+(?:half|a half|0\.5|un demi|une demie?)\s+(?:a\s+)?"
    r"(?:tablets?|pills?|comprimés?)\s*,?\s*(?:so|that's|that is|soit|donc)\s+"
    r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>mg|milligrams?|milligrammes?|mcg|micrograms?|microgrammes?)\b",
    re.I,
)
RATIO_AFTER = re.compile(
    r"\s*(?:for every|for each|per|pour|par)\s+\d+\s*(?:grams?|g|grammes?|carbs?|points?|mg/dl)\b|\s*(?:for every|per) "
    r"\d+\s+over\b",
    re.I,
)
