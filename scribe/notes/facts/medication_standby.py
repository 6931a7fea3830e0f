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


# only if it is needed: an as-needed drug, taken from now ("paracetamol only if you need it")
_AS_NEEDED = re.compile(r"(?:you |vous )?(?:need|needed|necessary|besoin|en avez besoin|nécessaire)\b", re.I)
# the condition is said of every drug just named: "you only start them if …", "vous ne les prenez que si …"
_ALL_OF_THEM = re.compile(r"\b(?:them|both|les|tous les deux)\b", re.I)


def standby_prescriptions(x) -> None:
    """A drug the clinician starts today but to take only if something happens ("you keep it in the cupboard and start
    it only if the toe flares up again"; "i'll give you senna, two tablets at night, but only if she hasn't opened her
    bowels for three days"; "prochlorperazine, … three milligrams. only if you're vomiting with an attack") gets that
    condition (`standby`), in the words said (x: the fact extractor). The drug is the one the sentence names before
    its "only if", else the one the turn's sentence before names; "them" gives it to each drug that sentence names."""
    new = {f.label.lower(): f for f in x.builder.facts if f.kind == "medication" and f.status == "new"}
    for k, s in enumerate(x.sents):
        cond = _ONLY_IF.search(s.text) if x.is_clin(k) and not s.question else None
        if cond is None or _AS_NEEDED.match(cond.group("cond")):
            continue
        turn = [j for j in range(max(0, k - 2), k + 1) if x.sents[j].seg_index == s.seg_index]
        for j in reversed(turn):  # the nearest sentence naming a drug started today
            said = [m for m in x.drug_mentions[j] if j < k or m.start < cond.start()]
            names = dict.fromkeys((m.drug.get("name") or m.surface).lower() for m in said)
            named = [new[n] for n in names if n in new]
            if named:
                break
        else:
            continue
        every = _ALL_OF_THEM.search(s.text[max(0, cond.start() - 30) : cond.start("cond")])
        for f in named if every else named[-1:]:  # the first time it is said (a recap's runs into the next items)
            if "standby" not in f.attributes:
                f.attributes["standby"] = re.split(r"\s[,:]", cond.group("cond"))[0].strip(" ,")
                f.evidence.append(x.builder.evidence(s.seg_index, s.start + cond.start(), s.start + cond.end()))
