"""Which of a drug's doses a question asks for: the new one ("what is the new levothyroxine dose?", "quelle
dose pour les deux prochaines semaines ?"), the one before ("what dose of aspirin was he taking before the
stent?", "quelle dose prenait-elle avant d'arrêter ?") or the one taken now. A visit often says two doses
of one drug; answering the old one to "what is the new dose?" is a wrong answer, worse than none, so a new
dose the visit has not (yet) given is "not answered".

A drug stopped or tried before the visit keeps the dose it was taken at: "what dose of montelukast was he
on?" is answered by "montelukast 10 mg (stopped)".
"""

from __future__ import annotations

import re

from scribe.notes.answers import Query
from scribe.notes.answers_values import normalise_value
from scribe.schemas_docs import Answered, Fact

TAKEN_NOW = ("current", "changed", "new", "administered")
TAKEN_BEFORE = ("stopped", "historical")

# the dose after today's change, or the one the visit starts
NEW_DOSE_Q = re.compile(
    r"\b(?:new|next|starting|start(?:ed)? (?:on|at)|going forward|from now on|increased|raised|reduced|lowered|"
    r"will (?:he|she|they|you|i) (?:be )?tak\w+|va-t-(?:il|elle) prendre|prendra|"
    r"nouvelle?s?|prochaine?s?|d[ée]sormais|dor[ée]navant|augment[ée]e?|diminu[ée]e?|r[ée]duite?|de d[ée]part|"
    # "à quelle dose passe le losartan ?", "what dose is she on now after today's change?"
    r"passe|passera|after (?:the|today's) change|changed to|goes to|from today|à partir d'aujourd'hui|"
    r"à partir de maintenant)\b",
    re.I,
)
# "how often should she now take the iron?": today's change when there is one, else the dose taken
_NOW_Q = re.compile(r"(?:now|maintenant|currently|actuellement)", re.I)
# the dose before the change or the stop
OLD_DOSE_Q = re.compile(
    r"\b(?:before|previous(?:ly)?|prior|old|used to|was (?:he|she|it) (?:on|taking)|were you (?:on|taking)|tried|"
    r"did (?:he|she|you) (?:try|take)|avant|pr[ée]c[ée]dente?|ancienne?|prenai(?:t|s|ent)|a-t-(?:il|elle) essay[ée])\b",
    re.I,
)


def _not_said() -> Answered:
    return Answered(answered=False, confidence=0.85, topic="medications")


def same_drug(keys: set[str], names: list[str]) -> bool:
    """One drug under its names, "vitamin d" and "vitamin d3" too (a strength or form said after it)."""
    return any(k == n or re.fullmatch(rf"{re.escape(n)}\s?\d+", k) for k in keys for n in names if k and n)


def drug_facts(names: list[str], facts: list[Fact], statuses: tuple[str, ...] = TAKEN_NOW) -> list[Fact]:
    """The medication facts of the drug named, of these statuses, in the order the visit gave them."""
    names = [n.lower() for n in names]
    out = []
    for f in facts:
        if f.kind != "medication" or f.status not in statuses:
            continue
        keys = {
            f.label.lower(),
            str(f.attributes.get("ingredient", "")).lower(),
            str(f.attributes.get("surface", "")).lower(),
        }
        if same_drug(keys, names):
            out.append(f)
    return out


def dose_text(f: Fact, dose: str | None = None) -> str:
    a = f.attributes
    amount = " ".join(str(x) for x in (dose or a.get("dose"), a.get("unit")) if x)
    return " ".join(x for x in (amount, "" if dose else str(a.get("frequency") or "")) if x).strip()


def dose_answer(f: Fact, key: str, dose: str | None = None, note: str = "", confidence: float = 0.9) -> Answered:
    """The fact's dose (or frequency, `key`) as the answer; `dose`: another of its doses (the one before)."""
    value = dose_text(f, dose) if key == "dose" else str(f.attributes["frequency"])
    return Answered(
        answered=True,
        answer=f"{f.label} {dose_text(f, dose)}".strip() + note,
        value=normalise_value("dose", value),
        evidence=f.evidence[:2],
        confidence=confidence,
        topic="medications",
    )


# "what is the maximum dose of paracetamol per day?", "how many tramadol can he take per day at most?" (not Maxalt)
MAX_Q = re.compile(r"\b(?:max|maximum|maximale?|at most|no more than|au plus|pas plus de|plafond)\b", re.I)


def most_per_day(query: Query, names: list[str], facts: list[Fact]) -> Answered | None:
    """The most the clinician allows in a day, where the question asks for it (None: the dose decides)."""
    if not MAX_Q.search(query.text):
        return None
    capped = [f for f in drug_facts(names, facts) if f.attributes.get("max_per_day")]
    if not capped:
        return _not_said()
    a = capped[-1].attributes
    most = f"{a['max_per_day']:g} {a.get('max_unit') or ''}".strip()
    per_day = "par jour" if query.language == "fr" else "per day"
    return Answered(
        answered=True,
        answer=f"{capped[-1].label} {most} {per_day}",
        value=f"{most} {per_day}",
        evidence=capped[-1].evidence[:2],
        confidence=0.9,
        topic="medications",
    )


def dose_in_time(query: Query, names: list[str], facts: list[Fact]) -> Answered | None:
    """The new or the former dose where the question asks for one (None: the dose taken now decides). A new
    dose comes only from a drug changed or started today; a former one from the dose before the change, or
    from a drug stopped or tried."""
    key = "dose" if query.intent == "dose" else "frequency"
    if NEW_DOSE_Q.search(query.text):
        started = [f for f in drug_facts(names, facts, ("changed", "new")) if f.attributes.get(key)]
        if started:
            return dose_answer(started[-1], key)
        return _not_said()
    if not OLD_DOSE_Q.search(query.text):
        started = [f for f in drug_facts(names, facts, ("changed",)) if f.attributes.get(key)]
        return dose_answer(started[-1], key) if started and _NOW_Q.search(query.text) else None
    if key == "dose":
        changed = [f for f in drug_facts(names, facts, ("changed",)) if f.attributes.get("previous_dose")]
        if changed:
            return dose_answer(changed[-1], key, dose=str(changed[-1].attributes["previous_dose"]))
    # the dose taken until today's change: "furosemide, forty milligrams, once a day" before "we go to eighty"
    was = [f for f in drug_facts(names, facts, ("current",)) if f.attributes.get("later") == "changed"]
    if was and was[0].attributes.get(key):
        return dose_answer(was[0], key)
    return dose_taken_before(query, names, facts)


def dose_taken_before(query: Query, names: list[str], facts: list[Fact]) -> Answered | None:
    """The dose of a drug the patient no longer takes, said as such, where no dose taken now is known."""
    key = "dose" if query.intent == "dose" else "frequency"
    before = [f for f in drug_facts(names, facts, TAKEN_BEFORE) if f.attributes.get(key)]
    return dose_answer(before[0], key, note=f" ({before[0].status})") if before else None
