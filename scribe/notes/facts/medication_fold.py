"""One fact per drug: the statements of a drug folded into the one the note keeps ("I take X" … "stop X": one
stopped drug; "X 20 mg" … "increase X to 40": changed from 20; a course given, then said finished: stopped)."""

from __future__ import annotations

import re

from scribe.notes.facts.medication_taper import sentence_of
from scribe.notes.medication.dose_range import in_mg
from scribe.notes.medication.tried import HELD
from scribe.schemas_docs import Fact

_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|my|je|j'|moi|mon|ma)\b|\bj'", re.I)

# a class named for a drug of the visit that belongs to it, folded into the one named nearest: the inhaled
# corticosteroids a French visit calls "la cortisone inhalée" ("le flixotide … je préfère commencer par la cortisone
# inhalée"); interferon for the brand named in the reply; the estrogen of a combined pill ("the loestrin … the
# combined pill, the estrogen, raises the risk of stroke"); "the antibiotic from last month?" "… gave me
# nitrofurantoin"; "your long-acting insulin, the lantus"
_INHALED_STEROIDS = ("fluticasone", "budesonide", "beclomethasone", "beclometasone", "mometasone", "ciclesonide")
_NSAIDS = ("ibuprofen", "naproxen", "ketoprofen", "ketorolac", "diclofenac", "meloxicam", "celecoxib", "aspirin")
_CLASS_OF = (
    (
        lambda f: f.label == "cortisone" and f.attributes.get("route") == "inhaled",
        lambda f: any(name in f.label.lower() for name in _INHALED_STEROIDS),
    ),
    (lambda f: f.label in ("estrogen", "estrogens"), lambda f: "ethinylestradiol" in f.label.lower()),
    (
        lambda f: f.label == "anti-bacterial agents",
        lambda f: f.attributes.get("mesh_id") == "D000900" and f.label != "anti-bacterial agents",
    ),
    (lambda f: f.label.startswith("insulin,") or f.label == "insulin", lambda f: f.label.startswith("insulin ")),
    # "anti-inflammatories actually work better than opioids": the visit's own anti-inflammatory
    (lambda f: f.label == "anti-inflammatory agents", lambda f: f.label.lower() in _NSAIDS),
    # "your cholesterol panel, off the statin": the statin the visit names
    (
        lambda f: f.label == "hydroxymethylglutaryl-coa reductase inhibitors",
        lambda f: f.label.lower().endswith("statin") and f.status == "stopped",
    ),
    # "and before that you were on interferon." "rebif, the injections"
    (lambda f: f.label in ("interferon", "interferons"), lambda f: f.label.lower().startswith("interferon ")),
)


def one_fact_per_drug(x) -> None:
    """Fold "current" into the changed/new/stopped statement of the same drug (x: the fact extractor)."""
    meds = [f for f in x.builder.facts if f.kind == "medication"]
    for is_class, is_member in _CLASS_OF:
        members = [f for f in meds if is_member(f)]
        for f in [f for f in meds if is_class(f)] if members else []:
            at = _times(f)[0]
            nearest = min(members, key=lambda o: abs(_times(o)[0][0] - at[0]))
            fold(x, f, into=nearest)  # the same drug
            meds.remove(f)
    # the patient repeats the order back ("clotrimazole cream … twice a day" "clotrimazole, twice a day"): no drug
    # already taken (not "i already take two advil on the bad days")
    ordered = [f for f in meds if f.status in ("new", "changed") and f.evidence]
    for echo in [f for f in meds if f.status == "current" and f.attributes.get("said_by") == "patient" and f.evidence]:
        said = [o for o in ordered if o.label == echo.label and 0 < echo.evidence[0].start - o.evidence[0].start <= 30]
        k = sentence_of(x, echo.evidence[0])
        if said and k is not None and not _FIRST_PERSON.search(x.sents[k].text):
            fold(x, echo, into=said[0])
            meds.remove(echo)
    by: dict[tuple[str, bool], list[Fact]] = {}
    for f in meds:  # a nasal spray and an inhaler of one ingredient (Flonase, Flovent) are two products
        by.setdefault((f.label, f.attributes.get("route") in ("nasal", "topical", "ophthalmic")), []).append(f)
    for (label, _), fs in list(by.items()):  # a mention with no route, by the name of the one said with one
        said = {str(f.attributes.get("surface")) for f in by.get((label, True), [])}
        if (
            said
            and not any(f.attributes.get("route") for f in fs)
            and {str(f.attributes.get("surface")) for f in fs} <= said
        ):
            by[(label, True)] += by.pop((label, False))  # ("sumatriptan en spray nasal" … "sumatriptan, max 2")
    for fs in by.values():
        historical = [f for f in fs if f.status == "historical"]
        stops = [f for f in fs if f.status == "stopped"]
        if historical and stops:  # "I tried X, it did nothing" … "no more X": one stopped drug, all it said
            for h in historical:
                fold(x, h, into=stops[0])
            fs = [f for f in fs if f not in historical]
        if len(historical) > 1 and not stops:  # "le périndopril, il y a deux ans, quatre milligrammes" … "donc
            for h in historical[1:]:  # périndopril arrêté pour une toux": one drug tried, all it said
                fold(x, h, into=historical[0])
            fs, historical = [f for f in fs if f not in historical[1:]], historical[:1]
        taken = [f for f in fs if f.status == "current" and not f.attributes.get("prescriber")]
        if historical and not stops and taken:  # "they stopped her warfarin for two days" … "four milligrams every
            for h in [h for h in historical if not {"dose", "prescriber"} & set(h.attributes)]:  # evening": taken now
                fold(x, h, into=taken[0])
                fs.remove(h)
        # "… so I quit." … "no more X then": one stop, told twice; the clinician's, when one is (the plan says it)
        stops.sort(key=lambda f: f.attributes.get("prescriber") != "this clinician")
        for extra in stops[1:]:
            fold(x, extra, into=stops[0])
            fs.remove(extra)
        first_new = min((n.evidence[0].segment_id for n in fs if n.status == "new" and n.evidence), default=None)
        if (
            stops
            and first_new is not None
            and all(e.segment_id > first_new for e in stops[0].evidence)
            and not _a_hold(x, stops[0])  # "… be off the omeprazole for two weeks before it": the test's hold
        ):
            # a course given, then said finished: "doxycycline, 100 mg twice a day for seven days" … "the
            # doxycycline is finished" (a stop said after the start, never before it)
            for n in [f for f in fs if f.status == "new"]:
                fold(x, n, into=stops[0])
                fs.remove(n)
        restarts = [f for f in fs if f.status in ("new", "changed") and f.evidence]
        if stops and restarts and _a_hold(x, stops[0]):
            # "on passe de vingt à quarante" … "ensuite, vous arrêtez l'oméprazole pendant deux semaines": the dose
            # changed is the drug's status, the hold before the test a step of it
            fold(x, stops[0], into=restarts[0])
            fs.remove(stops[0])
        elif stops and restarts and max(_times(stops[0])) < min(_times(restarts[0])):
            # held, then restarted: "be off the omeprazole for two weeks" … "then you restart the omeprazole, at a
            # higher dose": the later statement is the drug's status
            fold(x, stops[0], into=restarts[0])
            fs.remove(stops[0])
        if len(fs) < 2:
            continue
        current = [f for f in fs if f.status == "current"]
        others = [f for f in fs if f.status != "current"]
        news = [f for f in others if f.status == "new"]
        changed = [f for f in others if f.status == "changed"]
        # started, then a step to come with no dose: "start allopurinol 100 mg once a day" … "then we'll go up on the
        # allopurinol": the drug is new
        later_step = (
            changed
            and news
            and not any(c.attributes.get("dose") for c in changed)
            and min(_times(news[0])) < min(t for c in changed for t in _times(c))
        )
        if later_step:
            for c in changed:
                fold(x, c, into=news[0])
            others, changed = [f for f in others if f.status != "changed"], []
        elif changed and news:  # "increase the lisinopril to 20 mg" … "order lisinopril 20 mg daily"
            for n in news:
                fold(x, n, into=changed[0])
            others = [f for f in others if f.status != "new"]
            news = []
        # continued: the clinician named it as current before ordering it; a later bare mention ("you
        # will tolerate the Aldactone well") is the new drug again
        first_new = min(((e.segment_id, e.start) for n in news for e in n.evidence[:1]), default=None)
        continued = [
            f
            for f in current
            if f.attributes.get("said_by") == "clinician"
            and (first_new is None or not f.evidence or (f.evidence[0].segment_id, f.evidence[0].start) < first_new)
        ]
        doses = {str(f.attributes.get("dose")) for f in current + news if f.attributes.get("dose")}
        if current and news and (not continued or len(doses) > 1):
            # a drug the patient takes (often on their own) that this clinician now prescribes: the
            # prescription is what the plan says ("give you some Motrin 800 mg"), never "continue"; a drug
            # the clinician continues and then orders ("continue the allopurinol" … "order allopurinol")
            # stays continued (below), unless its dose is another: "you take X 20 mg?" … "X 15 mg" is a change
            new, was = news[0], current[0]
            for ev in was.evidence:
                if len(new.evidence) < 4 and ev not in new.evidence:
                    new.evidence.append(ev)
            before, after = was.attributes.get("dose"), new.attributes.get("dose")
            # "one gram" in the recap is the 1000 mg just prescribed, not a dose it changes from
            if before and after and _amount(was) != _amount(new) and _times(was) < _times(new):
                new.status = "changed"
                new.attributes["previous_dose"] = before
            elif was.attributes.get("said_by") == "patient" and _already(x, was, new):
                new.status = "current"  # "ibuprofen, 400 mg up to three times a day" "i already take two advil"
            for c in current:
                x.builder.facts.remove(c)
            continue
        if current and news:
            for n in news:
                for ev in n.evidence:
                    if len(current[0].evidence) < 4:
                        current[0].evidence.append(ev)
                for k2, v in n.attributes.items():
                    current[0].attributes.setdefault(k2, v)
                x.builder.facts.remove(n)
            others = [f for f in others if f.status != "new"]
        if current and others:
            was = current[0].attributes
            for o in others:
                if (
                    o.status == "changed"
                    and o.attributes.get("dose")
                    and not o.attributes.get("unit")
                    and was.get("unit")
                ):
                    o.attributes["unit"] = was["unit"]  # "levothyroxine down to seventy-five": the unit it had
                same_dose = o.status == "changed" and str(o.attributes.get("dose")) == str(was.get("dose"))
                if (o.status != "changed" or o.attributes.get("dose")) and not same_dose:
                    o.attributes.setdefault("previous_dose", was.get("dose"))
                elif was.get("frequency") and was.get("per_day") != o.attributes.get("per_day"):
                    o.attributes.setdefault("previous_frequency", was["frequency"])  # "take it twice a day now"
                if not o.attributes.get("previous_dose"):
                    o.attributes.pop("previous_dose", None)
            keep = current[0]
            keep.attributes["later"] = others[0].status
    for f in [f for f in x.builder.facts if f.kind == "medication" and f.status == "current"]:
        if f.attributes.get("per_day") and any(_NOW_SCHEDULED.search(s) for s in _clinician_sentences(x, f)):
            f.status = "changed"  # "take the omeprazole every day, not just when you need it": as needed until now
            f.attributes["previous_frequency"] = "as needed"
            f.attributes.pop("as_needed", None)
        elif _first_named_in_plan(x, f):  # "et pour cette crise, … la prednisolone. quarante milligrammes le matin"
            f.status = "new"
            f.attributes.setdefault("prescriber", "this clinician")
        elif f.attributes.get("per_day") and _taken_irregularly(x, f):
            f.status = "changed"  # "je la prends quand j'y pense" … "maintenant c'est tous les soirs, sans exception"
            f.attributes["previous_frequency"] = "irregularly"
    statuses: dict[str, set[str]] = {}
    for f in x.builder.facts:
        if f.kind == "medication":
            statuses.setdefault(f.label, set()).add(f.status)
    for f in x.builder.facts:
        a = f.attributes
        if f.kind == "medication" and f.status == "changed" and statuses[f.label] == {"historical", "changed"}:
            f.status = "new"  # "he had amoxicillin at six" … "amoxicillin, but at a higher dose": a new course
        if f.kind == "medication" and a.get("max_unit") == "times" and (a.get("per_day") or 0) > a["max_per_day"]:
            # the patient's own "four times a day" beside the clinician's "up to three times a day": the limit holds
            a.pop("frequency", None), a.pop("per_day", None)


# a regimen said against taking it as needed: the drug was taken as needed until this visit
_NOW_SCHEDULED = re.compile(
    r"\b(?:not just|not only|rather than|instead of|pas seulement|plus seulement|plutôt que|au lieu de)\s+"
    r"(?:when (?:you|i) need|as needed|if needed|quand (?:vous en avez|j'en ai) besoin|à la demande|au besoin|"
    r"si besoin|en cas de besoin)|"
    # "taking it only when it's bad doesn't work very well. i want you to take it regularly"
    r"\btake (?:it|them) regularly\b|\bprenez-(?:le|la|les) (?:régulièrement|systématiquement)\b",
    re.I,
)


# the clinician makes a drug taken now and then a regular one: "maintenant c'est tous les soirs, sans exception",
# "every night from now on, not just when you remember"
_NOW_EVERY = re.compile(
    r"\b(?:now|from now on|désormais|dorénavant|maintenant)\b[^.;?]{0,20}?\b(?:every|each|tous les|toutes les|"
    r"chaque)\b|\b(?:sans exception|without fail|no exceptions?|no skipping|sans (?:en )?(?:sauter|oublier)|"
    r"every single (?:day|night)|"
    r"not (?:just |only )?when you (?:remember|think of it)|pas (?:seulement |juste )?quand vous y pensez)\b",
    re.I,
)
# … after the patient told of taking it now and then
_IRREGULAR = re.compile(
    r"\b(?:quand (?:j'y|je m'en) (?:pense|souviens)|when i (?:remember|think of it|think about it)|on and off|"
    r"(?:i|je) (?:often |sometimes |souvent |parfois )?(?:forget|oublie)|(?:two|three|deux|trois),? (?:or |ou )?"
    r"(?:three|four|trois|quatre) (?:times|fois) (?:a|per|par) (?:week|semaine))\b",
    re.I,
)


def _taken_irregularly(x, f: Fact) -> bool:
    """The patient told of taking the drug now and then (just after a sentence that names it), and the
    clinician now says it is taken every day: a change of how often, not a drug continued as it was."""
    turns = {e.segment_id for e in f.evidence if e.role == "clinician"}  # the whole turn: "it has to be every day,
    said = [s.text for s in x.sents if x.tr.segments[s.seg_index].id in turns]  # not when you remember. five mg …"
    if not any(_NOW_EVERY.search(t) for t in said):
        return False
    names = {str(f.attributes.get("surface", "")).lower(), f.label.lower()} - {""}
    for k, s in enumerate(x.sents):  # the patient's words in the next few sentences ("how are you taking that one?"
        if any(n in s.text.lower() for n in names):  # "um … when i remember")
            if any(not x.is_clin(j) and _IRREGULAR.search(x.sents[j].text) for j in range(k, min(k + 6, len(x.sents)))):
                return True
    return False


# kept ("your", "a refill"), or given in the room (consultation.resolve_medications makes that one "administered")
_KEEPS = re.compile(
    r"\b(?:keep|continu\w*|stay|still|restart|back on|poursui\w*|gard\w*|reprend\w*|toujours|inject\w*|shot|"
    r"injection|piqûre|infiltr\w*|your|have you on|refill\w*|been (?:taking|on)|you take|you're on|votre|vos|"
    r"vous prenez|renouvel\w*)\b",
    re.I,
)


def _first_named_in_plan(x, f: Fact) -> bool:
    """A drug the clinician names first in the plan, with a dose (or a frequency: "a gel called adapalene … at
    night"), and does not keep: this visit's start, whatever verb it came with (or none)."""
    ks = sorted(k for k in (sentence_of(x, e) for e in f.evidence) if k is not None)
    dosed = f.attributes.get("dose") or f.attributes.get("frequency") and f.attributes.get("said_by") == "clinician"
    if not ks or not dosed or f.attributes.get("prescriber") == "other":
        return False
    first = ks[0]
    return (
        first >= x.ap_start
        and all(e.role == "clinician" for e in f.evidence)
        and not x._named_before(str(f.attributes.get("surface") or f.label), first)
        and not _KEEPS.search(x.sents[first].text)
    )


def _clinician_sentences(x, f: Fact) -> list[str]:
    """The clinician's sentences among a drug's evidence."""
    ks = {sentence_of(x, e) for e in f.evidence}
    return [x.sents[k].text for k in ks if k is not None and x.is_clin(k)]


def _a_hold(x, f: Fact) -> bool:
    """The stop is said with its length, a hold: "vous arrêtez l'oméprazole pendant deux semaines"."""
    for e in f.evidence:
        k = sentence_of(x, e)
        at = x.sents[k].text.find(e.quote) if k is not None and e.quote else -1
        if at >= 0 and HELD.match(x.sents[k].text[at + len(e.quote) :]):
            return True
    return False


def _already(x, was: Fact, new: Fact) -> bool:
    """The patient's reply to the clinician's new drug says they take it already."""
    k = sentence_of(x, was.evidence[0]) if was.evidence else None
    near = 0 < _times(was)[0][0] - _times(new)[0][0] <= 2
    return near and k is not None and bool(re.search(r"\b(?:already|déjà)\b", x.sents[k].text, re.I))


def _amount(f: Fact) -> float | tuple[str, str]:
    """The dose in mg (1 g = 1000 mg), or as said with its unit when it is no mass ("2 tablets")."""
    dose, unit = f.attributes.get("dose"), str(f.attributes.get("unit") or "").lower()
    mg = in_mg(dose, unit)
    return mg if mg is not None else (str(dose), unit)


def _times(f: Fact) -> list[tuple[int, int]]:
    return [(e.segment_id, e.start) for e in f.evidence] or [(-1, -1)]


def fold(x, gone: Fact, into: Fact) -> None:
    """One statement of a drug folded into another of the same drug: its evidence and the attributes the
    other lacks; the folded fact is removed."""
    for ev in gone.evidence:
        if len(into.evidence) < 4 and ev not in into.evidence:
            into.evidence.append(ev)
    for k, v in gone.attributes.items():
        into.attributes.setdefault(k, v)
    x.builder.facts.remove(gone)
