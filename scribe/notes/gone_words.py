"""Words saying a finding came and went: "the cough went away last week", "la fièvre est tombée", "un peu, deux
jours, puis c'est passé" (read by the fact extractor's symptom passes)."""

from __future__ import annotations

import re

# the finding was, and is no more: "the cough went away last week", "la fièvre est tombée"
_GONE = (
    r"(?:went away|went(?= (?:after|within) |\s*[,.;])|has gone|had gone|is gone|'s gone|are gone|'ve gone|"
    r"have gone|cleared up|plus rien depuis|depuis\s*,?\s*plus rien|"
    r"cleared|resolved|"
    r"disappeared|has stopped|have stopped|went down|is better now and gone|a disparu|ont disparu|est partie?|"
    r"sont parti(?:e)?s|"
    r"est passée?|est tombée?|s'est arrêtée?|c'est (?:bien )?(?:fini|terminé|passé)|'s over|is over)\b"
)
# "… the first two weeks, that's gone": gone, said of it after a comma
_RESOLVED = re.compile(
    r"^\W*(?:\w+\W+){0,3}?"
    + _GONE
    + r"|^[^.;?!]*?,\s*(?:(?:but|mais)\s+)?(?:(?:it|that|ça)(?:\s+\w+){0,2}?\s*)?"
    + _GONE,
    re.I,
)
# the next sentence of the turn says it went: "that cough drove my wife crazy. it went away after i stopped."
_GONE_NEXT = re.compile(
    r"^\W*(?:(?:and|but|et|mais)\s+)?(?:[^.;?!,]{0,40},\s*(?:and|et)\s+(?=it|that|ça))?"  # "…, et ça a disparu"
    r"(?:(?:it|that|this|those|these|they|ça|elle|il|"
    r"(?:the|my|la|le|les) (?!matin|soir|nuit|morning|evening|night|day)[\w-]+)"
    r"\s*,?(?:\s+\w+){0,2}?\s*)?" + _GONE,  # "the fever is gone now", "but those have stopped"
    re.I,
)
_BACK = re.compile(r"\b(?:came back|comes back|come back|again|revenue?s?|revient|reviennent)\b", re.I)
_RESOLVED_LATER = re.compile(r"^[^.;?!]*?" + _GONE, re.I)  # … in the rest of the sentence
GONE_WORD = re.compile(r"\b" + _GONE, re.I)  # any of those words: what a sentence must hold to say something went


def resolved_after(text_after: str, later: bool = False) -> bool:
    """The words right after a finding say it has gone: not a finding of the patient now."""
    return bool((_RESOLVED_LATER if later else _RESOLVED).match(text_after))


_THEN_GONE = re.compile(
    r"\b(?:then|puis|but|mais|and then|et puis)\s*,?\s*(?:(?:it|that|ça)\s*)?(?:\w+\s+){0,2}?" + _GONE, re.I
)


def gone_then(reply: str) -> bool:
    """A reply that had the finding, then says it went: "un peu, deux jours, puis c'est passé"."""
    return bool(_THEN_GONE.search(reply)) and not _BACK.search(reply)


def gone_next(next_sentence: str) -> bool:
    """The turn's next sentence says the finding went away (and did not come back)."""
    return bool(_GONE_NEXT.match(next_sentence)) and not _BACK.search(next_sentence)
