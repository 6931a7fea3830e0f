"""A prescription kept at home for a condition: "a short course of prednisolone to keep at home … but only if he has
an attack that doesn't settle", "une ordonnance de réserve : du pivmécillinam … vous ne le prenez que si les brûlures
reviennent". The drug is prescribed today, but not started: the note writes it with its condition, never as a
course to begin now."""

from __future__ import annotations

import re

_STANDBY = re.compile(
    r"\b(?:(?:to )?keep (?:it |them )?(?:at home|in the cupboard|in reserve)|rescue (?:pack|course)|stand-?by|"
    r"just in case|(?:ordonnance|traitement|prescription) de réserve|en réserve|à garder (?:à la maison|chez vous))\b",
    re.I,
)
_ONLY_IF = re.compile(
    r"\b(?:only (?:start (?:it|them) |take (?:it|them) |use (?:it|them) |give (?:it|them) )?if|"
    r"(?:vous )?ne (?:le |la |les )?(?:prenez|commencez|prendre|commencer) que si|seulement si|uniquement si)"
    r"\s+(?P<cond>[^.;]{3,90})",
    re.I,
)


def standby_prescriptions(x) -> None:
    """A drug started by the clinician in a turn that says it is kept at home and taken only if something happens
    gets that condition (`standby`), in the words said (x: the fact extractor)."""
    for k, s in enumerate(x.sents):
        if not x.is_clin(k) or s.question or not _STANDBY.search(s.text):
            continue
        turn = [j for j in range(max(0, k - 2), min(k + 3, len(x.sents))) if x.sents[j].seg_index == s.seg_index]
        cond = next((m for j in turn if j >= k and (m := _ONLY_IF.search(x.sents[j].text))), None)
        if cond is None:
            continue
        # the drug the cue's sentence names, or the one the sentence before named ("… clarithromycin, five hundred
        # milligrams twice a day. but keep it at home, and only start it if the sputum turns green")
        mentions = x.drug_mentions[k] or (x.drug_mentions[k - 1] if k and k - 1 in turn else [])
        names = {(m.drug.get("name") or m.surface).lower() for m in mentions}
        named = [
            f for f in x.builder.facts if f.kind == "medication" and f.status == "new" and f.label.lower() in names
        ]
        if len(named) == 1:  # (of two drugs, which one waits is not sure)
            named[0].attributes["standby"] = cond.group("cond").strip(" ,")
