"""What the patient misremembers of a drug and the clinician corrects in the next turn.

A name: "the amlodipine, ten milligrams." "amlodipine? … no, that's amitriptyline. amlodipine is a blood pressure
tablet"; "the dapagliflozin" "what you were started on is empagliflozin, not dapagliflozin". The wrong name is no
drug of the patient's: the note must not list it, and the summary must not say "Keep taking" it.

A dose or a frequency: "the folic acid, ten milligrams" "let me check that ... no, it's five milligrams"; "une ampoule
par semaine" "c'est une ampoule … par mois, pas par semaine". The note keeps the clinician's, not the patient's."""

from __future__ import annotations

import re

from scribe.notes import medication as med
from scribe.notes.facts.medication_taper import sentence_of
from scribe.notes.number_words import spoken_numbers

# the clinician's correction of the name just heard, X standing for it: "not X", "X is a gout tablet", "you don't take
# that", "c'est Y, pas X", "X, c'est pour la tension"
_NOT_IT = r"\b(?:not|pas|and not|et pas|rather than|plutôt que)\s+(?:the |your |l'|le |la |du |de la |d')?{x}\b"
_IS_ANOTHER = (
    r"\b{x}\s*(?:,\s*)?(?:is|'s|c'est|est)\s+(?:a|an|un|une|pour|for|used for|the)\b[^.?!]{{0,40}}"
    r"\b(?:tablet|pill|medicine|drug|one|comprimé|médicament|cachet|traitement|tension|pressure|gout|goutte)\b"
)
# the right one named: "that's amitriptyline", "what you were started on … is empagliflozin", "c'est l'empagliflozine"
_IS_IT = r"\b(?:that's|that is|it's|it is|is|c'est|est)\s+(?:the |your |l'|le |la |du |votre )?{x}\b"
_NOT_YOURS = re.compile(
    r"\b(?:you don't take (?:that|it|this)|you're not on (?:that|it)|yours is|that's not (?:one of )?yours|"
    r"vous ne (?:le|la) prenez pas|ce n'est pas (?:le vôtre|la vôtre|votre traitement)|le vôtre,? c'est|"
    r"la vôtre,? c'est|names? (?:are|is|sound) (?:very |so )?(?:alike|similar|the same)|mixed up|"
    r"get (?:it|them) wrong)\b",
    re.I,
)


def _name(m) -> str:
    return (m.drug.get("name") or m.surface).lower()


def misnamed(x, found: list) -> set[str]:
    """Names (lower case) of the drugs the patient named and the clinician's next turn corrected to another drug
    (x: the fact extractor; found: each sentence's drug mentions)."""
    out: set[str] = set()
    for k, mentions in enumerate(found):
        turn = x.next_turn(k) if mentions and x.is_pat(k) else []
        if not turn or not x.is_clin(turn[0]):
            continue
        text = " ".join(x.sents[j].text for j in turn)
        for m in mentions:
            said = re.escape(m.surface.lower())
            corrected = (
                re.search(_NOT_IT.format(x=said), text, re.I)
                or re.search(_IS_ANOTHER.format(x=said), text, re.I)
                or _NOT_YOURS.search(text)
            )
            others = [o for j in turn for o in found[j] if _name(o) != _name(m)]
            if corrected and any(re.search(_IS_IT.format(x=re.escape(o.surface.lower())), text, re.I) for o in others):
                out.add(_name(m))  # … to another drug, named as the right one (not "on garde le doliprane seul")
    return out


# the clinician checks what the patient said: "let me see the box ... it's five hundred micrograms", "no, it's five",
# "je vois cinq milligrammes sur l'ordonnance, pas dix", "c'est … par mois, pas par semaine"
_CHECKED = re.compile(
    r"\b(?:let me (?:check|see|look)|(?:the|your) (?:box|label|screen|letter|prescription|records?|notes) says|"
    r"it says|says here|je regarde|je vérifie|sur l'ordonnance|dans le dossier|sur la boîte|je vois)\b|"
    r"^\W*(?:no|non)\b|\b(?:not|pas)\s+(?:par |per |a |une? )?[\w-]+\s*(?:[.,!]|$)",
    re.I,
)
# … not a change made today: "let me see … i'm going to increase it to twenty"
_CHANGES = re.compile(
    r"\b(?:increas\w*|decreas\w*|reduc\w*|(?:go|going|put you|bump|cut|drop) (?:it )?(?:up|down)|up to|down to|"
    r"chang\w*|switch\w*|augment\w*|diminu\w*|baiss\w*|passer à|on passe|on va)\b",
    re.I,
)


def doses_corrected(x, found: list) -> None:
    """A dose or frequency the patient gave, which the clinician's next turn corrects, becomes the clinician's."""
    for f in [f for f in x.builder.facts if f.kind == "medication"]:
        key = "previous_dose" if f.status == "changed" and "previous_dose" in f.attributes else "dose"
        for k in sorted({sentence_of(x, e) for e in f.evidence} - {None}):
            turn = x.next_turn(k)[:3] if x.is_pat(k) else []
            if not turn or not x.is_clin(turn[0]):
                continue
            theirs = med.read_attributes(x.sents[k].text, x.lang).as_dict()  # what the patient said of it
            # (a bare number is the fact's dose: "the bisoprolol five, once a day")
            gave_dose = theirs.get("dose") or f.attributes.get(key) and spoken_numbers(x.sents[k].text)
            for j in turn if gave_dose or theirs.get("per_day") else []:
                text = x.sents[j].text
                checked = _CHECKED.search(text) or j > turn[0] and _CHECKED.search(x.sents[j - 1].text)
                if not checked or _CHANGES.search(text) or {_name(m) for m in found[j]} - {f.label}:
                    continue
                there = med.read_attributes(text, x.lang)
                said = there.as_dict()
                # (the patient's dose may be said before the name, "that's ten milligrams, the bisoprolol")
                if gave_dose and said.get("unit") and said.get("dose") not in (None, f.attributes.get(key)):
                    _cite(x, f, j, there.dose)
                    f.attributes[key], f.attributes["unit"] = said["dose"], said["unit"]
                    if key == "dose" and "previous_dose" in f.attributes:
                        f.attributes["previous_dose"] = said["dose"]
                    break
                per_day = said.get("per_day")
                if theirs.get("per_day") not in (None, per_day) and per_day and re.search(r"\b(?:not|pas)\b", text):
                    _cite(x, f, j, there.frequency)
                    f.attributes["frequency"], f.attributes["per_day"] = said["frequency"], per_day
                    break


def _cite(x, f, j: int, words) -> None:
    """The corrected value's words in sentence j become the fact's evidence: the note quotes the clinician's value."""
    s = x.sents[j]
    f.evidence.append(x.builder.evidence(s.seg_index, s.start + words.start, s.start + words.end))
