"""Regimens said apart from their drug's name: turns after it ("…, the rivaroxaban." … (the pill, the coil) … "now,
the tablets. you take fifteen milligrams twice a day"; "… l'escitalopram." … "vous prenez cinq milligrammes le matin
pendant une semaine"), in reply to a question about the dose ("what dose are you taking?", "and how do i take it?",
"elle en prend combien ?"), or replacing the dose taken ("from now on take the seventy-five micrograms"). The dose
goes to the drug only when no other drug named in between could take it (by its usual largest single dose,
medication.dose_range); when another could, the drug stays without a dose (a dose given to the wrong drug is worse
than none). Read after the drug facts are folded (facts.medications)."""

from __future__ import annotations

import re

from scribe.notes.facts.medication_taper import MASS, sentence_of
from scribe.notes.medication.attributes import read_attributes
from scribe.notes.medication.dose_range import MAX_SINGLE_DOSE_MG, in_mg
from scribe.notes.medication.names import one_drug

_WINDOW = 30  # sentences between the drug's last mention and its regimen
# the clinician telling the patient what to take, first in the sentence: "you take fifteen milligrams …", "now, the
# tablets: take …", "vous prenez cinq milligrammes le matin", "vous commencez par …"
_YOU_TAKE = re.compile(
    r"^\W*(?:(?:now|so|okay|ok|right|and|alors|donc|bon|et)\W+)*"
    r"(?:(?:from now on|à partir de maintenant|désormais)\W+)?"
    r"(?:(?:the|les|ces) (?:tablets?|pills?|comprimés?|gélules?|capsules?)\W+)?"
    r"(?:for (?:that|this) one|pour (?:celui|celle)-(?:là|ci)|"  # "so for that one, one tablet, …"
    r"you(?:'ll| will|'re going to| are going to)? take|take|you start (?:with|at|on)|vous (?:en )?prenez|"
    r"vous (?:allez|aller) prendre|vous prendrez|prenez|vous commencez (?:par|à))\b",
    re.I,
)
# the next step, in one of the clinician's next sentences: "then from day twenty-two you drop to twenty milligrams
# once a day", "puis à partir du huitième jour, dix milligrammes le matin"
_THEN = re.compile(r"^\W*(?:(?:yes|oui|and|et)\W+)*(?:then|puis|ensuite|after that|après)\b", re.I)
# the clinician's dose said for the time to come, against the one the patient took: "from now on take the
# seventy-five micrograms"
_FROM_NOW_ON = re.compile(r"\b(?:from now on|à partir de maintenant|désormais|dorénavant)\b", re.I)
# the dose said replaces the one taken: "one hundred micrograms, once a day. … instead of the seventy-five"
_INSTEAD = re.compile(r"\b(?:instead of|au lieu d[eu]|rather than|plutôt que)\s+(?:the |les |la |le )?[\w.,-]+", re.I)
_HOW_USE = re.compile(
    r"\bhow (?:do|should) i (?:use|take|put on|apply) (?:it|that|this)\b|\bcomment (?:je )?(?:l'|le |la )"
    r"(?:utilise|prends|mets|applique)\b",
    re.I,
)
# anyone's question about how much of it to take: "elle en prend combien ?", "how many a day?"
_HOW_MUCH = re.compile(r"\b(?:combien|how much|how many|quelle dose|what dose)\b[^.]*\?", re.I)
# the clinician's question about the dose of the drug the patient just named: "what dose are you taking?"
_ASKS_DOSE = re.compile(
    r"\b(?:what|which) (?:dose|strength)\b|\bhow (?:much|many milligrams)\b|\bquelle (?:dose|posologie)\b|"
    r"\bcombien de milligrammes\b",
    re.I,
)


def _could_take(name: str, mg: float) -> bool:
    """Whether a drug could be given this dose: its usual largest single dose is at least the dose and not fifty
    times it; a drug whose range is unknown could take any."""
    top = MAX_SINGLE_DOSE_MG.get(name.lower())
    return top is None or top / 50 <= mg <= top * 1.001


def regimen_said_later(x, found: list) -> None:
    """Each clinician sentence that tells the patient a dose to take, or one that replaces the dose taken ("…
    instead of the seventy-five"), and names no drug gives its dose, frequency and next step to the last drug
    (without a dose, unless the dose is replaced) named in the sentences before it (x: the fact extractor; found:
    the drug mentions of each sentence)."""
    for j, s in enumerate(x.sents):
        if found[j] or not x.is_clin(j) or s.question:
            continue
        said = f"{s.text} {x.next_in_turn(j)}"
        if not (_YOU_TAKE.match(s.text) or _INSTEAD.search(said) or _answers_how_much(x, j)):
            continue
        a = read_attributes(s.text, x.lang, status="new", cap=200)
        mg = in_mg(a.dose.value if a.dose else None, a.unit)
        if mg is None or a.frequency is None:
            continue
        named = [(k, m) for k in range(max(0, j - _WINDOW), j) for m in found[k]]
        if not named:
            continue
        change = bool(_FROM_NOW_ON.search(s.text) or _INSTEAD.search(said))
        at, drug = next(
            ((i, f) for i, (_, m) in reversed(list(enumerate(named))) if (f := _taken_fact(x, m, change))), (0, None)
        )
        if drug is None or not _could_take(drug.label, mg) or drug.label.lower() not in MAX_SINGLE_DOSE_MG:
            continue
        # every other drug named in the window, and a class ("the antibiotic") named after the drug
        others = {m.name.lower() for i, (_, m) in enumerate(named) if (one_drug(m.drug) or i > at)} - {
            drug.label.lower()
        }
        if any(_could_take(o, mg) for o in others):
            continue  # two drugs could take this dose: which one is the clinician's to say
        if drug.attributes.get("dose"):
            if in_mg(drug.attributes["dose"], drug.attributes.get("unit")) == mg:
                continue
            drug = _changed(x, drug, s)  # the dose taken stays the patient's account; the new one is this visit's
        _give(x, drug, a, s, j)


def _changed(x, taken, s):
    """A changed fact of the drug, from the dose the patient takes to the one said in sentence s."""
    keep = {k: v for k, v in taken.attributes.items() if k in ("ingredient", "brand", "surface", "drugbank_id")}
    taken.attributes["later"] = "changed"  # the list says "changed this visit to …"
    return x.builder.add(
        "medication",
        taken.label,
        [x.builder.ev_sentence(s)],
        status="changed",
        **keep,
        previous_dose=taken.attributes["dose"],
        prescriber="this clinician",
        said_by="clinician",
    )


def regimen_asked_of(x, found: list) -> None:
    """ "and the paracetamol?" "yes, that's fine … one gram, two tablets, up to four times a day": the regimen the
    clinician gives in reply to the patient's question about one drug replaces the use the patient reported."""
    for q, s in enumerate(x.sents):
        if x.is_clin(q) or not s.text.rstrip().endswith("?"):
            continue
        # "how do i use it?" of the one drug without a dose yet the clinician has just named
        named = found[q] or [
            m
            for k in range(max(0, q - 10), q)
            for m in found[k]
            if _HOW_USE.search(s.text) and _taken_fact(x, m, False)
        ]
        if len({m.name for m in named}) != 1:
            continue
        drug = _taken_fact(x, named[0], True)
        turn = [j for j in range(q + 1, min(q + 4, len(x.sents))) if x.sents[j].seg_index == x.sents[q].seg_index + 1]
        if drug is None or drug.status not in ("current", "new") or not turn or not x.is_clin(turn[0]):
            continue
        for j in turn:
            a = read_attributes(x.sents[j].text, x.lang, status="current", cap=200)
            mg = in_mg(a.dose.value if a.dose else None, a.unit)
            if mg is not None and not _could_take(drug.label, mg):
                break  # a dose this drug is never given: another's, or misheard
            if not found[q] and a.frequency and not found[j] and not drug.attributes.get("frequency"):
                _give(x, drug, a, x.sents[j], None)  # "a thin layer …, at night"
                if drug.status == "current" and _new_to_them(x, drug, q):  # (no one asks how to use what they use)
                    drug.status, drug.attributes["prescriber"] = "new", "this clinician"
                break
            if found[j] or a.dose is None or a.unit not in MASS or not (a.frequency or a.max_per_day):
                continue
            if mg is not None:
                for key in ("dose", "unit", "frequency", "per_day", "as_needed", "max_per_day", "max_unit"):
                    drug.attributes.pop(key, None)
                _give(x, drug, a, x.sents[j], None)
            break


def _new_to_them(x, drug, asked: int) -> bool:
    """The clinician named the drug, first of anyone, in the sentences before the patient asked how to use it."""
    said = sorted(k for k in (sentence_of(x, e) for e in drug.evidence) if k is not None)
    surface = str(drug.attributes.get("surface") or drug.label)
    return bool(said) and asked - 6 <= said[0] < asked and x.is_clin(said[0]) and not x._named_before(surface, said[0])


def _answers_how_much(x, j: int) -> bool:
    """Sentence j opens the clinician's reply to "how much does she take?" ("elle en prend combien ?")."""
    return j > 0 and x.sents[j - 1].seg_index != x.sents[j].seg_index and bool(_HOW_MUCH.search(x.sents[j - 1].text))


def dose_asked_after(x, found: list) -> None:
    """ "…, levothyroxine." "what dose are you taking?" "fifty micrograms every morning.": the reply's dose is the
    drug's the patient named just before the question, when the question names no drug."""
    for k, s in enumerate(x.sents):
        if not x.is_clin(k) or found[k] or not _ASKS_DOSE.search(s.text) or k == 0 or x.is_clin(k - 1):
            continue
        named = found[k - 1]
        drug = _taken_fact(x, named[-1], False) if named else None
        reply = x.answer_to(k)[:1]
        if drug is None or not reply or found[reply[0]]:
            continue
        a = read_attributes(x.sents[reply[0]].text, x.lang, status="current", cap=160)
        if a.dose is not None and a.unit in MASS:
            _give(x, drug, a, x.sents[reply[0]], None)


def _taken_fact(x, mention, dosed: bool):
    """The patient's drug fact of this mention when it is not stopped, and has no dose unless `dosed`."""
    return next(
        (
            f
            for f in x.builder.facts
            if f.kind == "medication"
            and f.label.lower() == mention.name.lower()
            and f.status in ("new", "current", "changed")
            and (dosed or not f.attributes.get("dose"))
        ),
        None,
    )


def _give(x, drug, a, s, j: int | None) -> None:
    """The attributes said in sentence s to the drug (those it lacks), and the next step said after sentence j."""
    said = {k: v for k, v in a.as_dict().items() if v not in (None, "")}
    drug.attributes.update({k: v for k, v in said.items() if not drug.attributes.get(k)})
    drug.evidence.append(x.builder.ev_sentence(s))
    if j is None:
        return
    nxt = next(
        (i for i in range(j + 1, min(j + 5, len(x.sents))) if x.is_clin(i) and _THEN.match(x.sents[i].text)), None
    )
    if nxt is None:
        return
    step = read_attributes(x.sents[nxt].text, x.lang, status="changed", cap=200)
    if step.dose is None or step.unit not in MASS or step.frequency is None:
        return
    said_next = step.as_dict()
    drug.attributes["then_steps"] = [f"{said_next['dose']} {step.unit} {said_next['frequency']}"]
    if drug.attributes.get("duration"):  # "pendant une semaine": the first step's length, not the course's
        drug.attributes["first_step"] = drug.attributes.pop("duration")
    drug.evidence.append(x.builder.ev_sentence(x.sents[nxt]))
