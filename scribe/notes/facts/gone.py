"""Symptoms that came and went: "de la fièvre ?" "au début oui, 39. mais la fièvre, c'est passé depuis samedi". The
patient had it, so it is no denial; it is gone, so it is no current complaint. The note says both ("fièvre (épisode
résolu)"), whichever sentence first charted it ("et du doliprane pour la fièvre")."""

from __future__ import annotations

from scribe.notes import lexicon
from scribe.notes.gone_words import GONE_WORD, gone_next, resolved_after


def mark_gone(x) -> None:
    """Each symptom the patient had and says is gone (its words, then "that's gone"; or the turn's next sentence)
    is charted present with `gone` (x: the fact extractor)."""
    gone: set[str] = set()
    for k, s in enumerate(x.sents):
        if x.is_clin(k) or s.question:
            continue
        nxt = x.sents[k + 1].text if k + 1 < len(x.sents) and x.sents[k + 1].seg_index == s.seg_index else ""
        if not GONE_WORD.search(s.text + " " + nxt):
            continue  # (document() runs on every live update: the lexicon is read only where something went)
        found = lexicon.find_concepts("symptom", s.text)
        one = len({c.label for *_, c in found}) == 1  # ("i felt sick, really queasy, but that went": one, twice)
        if one and (resolved_after(s.text[found[-1][1] :]) or nxt and gone_next(nxt)):
            gone.add(found[0][2].label)  # (of two, which one went is not sure: "il a vomi après la toux, mais ça …")
    for f in x.builder.facts:
        if f.kind == "symptom" and f.status == "present" and f.label in gone and f.label != "pain":
            f.attributes["gone"] = True
