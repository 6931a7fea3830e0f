"""Stops said of a drug without its own name: by its class ("stop taking any nonsteroidal medicines such as your
Advil" stops the Aleve named earlier) or by one word of its name ("stop the potassium pill", "instead of the
sumatriptan"). x: the fact extractor, its sentences and builder."""

from __future__ import annotations

import re

from scribe.notes.facts.medication_fold import fold
from scribe.notes.facts.medication_taper import TAPER
from scribe.notes.medication.tried import ON_CONDITION

# Drug classes a clinician stops as a whole ("stop any anti-inflammatories"): the class words, its members.
DRUG_CLASSES = {
    "nsaid": (
        {
            "ibuprofen",
            "naproxen",
            "meloxicam",
            "diclofenac",
            "celecoxib",
            "ketorolac",
            "indomethacin",
            "nabumetone",
            "ketoprofen",
        },
        re.compile(r"\b(?:nonsteroidal|non-steroidal|nsaids?|anti-?inflammator\w*|anti-inflammatoires?|ains)\b", re.I),
    ),
}

# a stop of a drug named by one word of its name and its form ("stop the potassium pill"), or the drug
# another replaces ("instead of the sumatriptan, try rizatriptan"; "tylenol rather than ibuprofen"; "à la place du
# tramadol")
_STOP_BY_WORD = re.compile(
    r"\b(?:stop|discontinue|come off|no more|arrêtez|arrêter|arrête)\s+(?:taking\s+)?"
    r"(?:the|your|his|her|le|la|les)\s+(?:separate\s+|other\s+)?(?P<word>[a-zà-ÿ0-9-]{2,})\s+"
    r"(?P<form>pills?|tablets?|supplements?|medicines?|comprimés?|cachets?|syrup|sirop)\b|"
    r"\b(?:instead of|rather than|au lieu d[eu']|à la place d[eu']|plutôt que (?:d[eu']|l[ea] |l'))\s*"
    r"(?:the\s+|your\s+|his\s+|her\s+|la\s+|l')?"
    r"(?P<replaced>[a-zà-ÿ0-9-]{3,})\b",
    re.I,
)


def stops_by_word(x) -> None:
    """A drug the clinician stops without its full name: "stop the potassium pill" stops potassium
    chloride, "instead of the sumatriptan" the sumatriptan taken before; only a drug the visit has as taken
    (current or tried), named before the stop, with the stop as evidence."""
    for k, s in enumerate(x.sents):
        if not x.is_clin(k) or s.question:
            continue
        for m in _STOP_BY_WORD.finditer(s.text):
            word = (m.group("word") or m.group("replaced")).lower()
            ev = x.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end())
            for f in x.builder.facts:
                if f.kind != "medication" or f.status not in ("current", "historical") or not f.evidence:
                    continue
                names = {f.label.lower(), str(f.attributes.get("surface", "")).lower()}
                # … or by the words the drug was first told with: "some cough syrup for the cold, the children's
                # dextromethorphan one" … "stop the cough syrup"
                told = next((g.text for g in x.tr.segments if g.id == f.evidence[0].segment_id), "")
                as_told = m.group("form") and f"{word} {m.group('form').lower()}" in told.lower()
                if not any(n.split()[:1] == [word] for n in names if n) and not as_told:
                    continue
                if (f.evidence[0].segment_id, f.evidence[0].start) >= (ev.segment_id, ev.start):
                    continue  # named after the stop: another statement
                if m.group("word") or f.status == "current":
                    f.attributes["prescriber"] = "this clinician"  # this visit's instruction: the summary says it
                f.status = "stopped"
                if len(f.evidence) < 4:
                    f.evidence.append(ev)

    _stopped_by_form(x)


# the patient's or companion's stop of "the cream" the turn has just named: "the skin nurse gave us a steroid cream, the
# hydrocortisone one percent, for a week. it's cleared now, we stopped the cream."
_WE_STOPPED_THE = re.compile(
    r"\b(?:we|i|she|he|they) (?:stopped|quit|finished) (?:the|that|his|her|my) (?P<form>cream|ointment|gel|drops|"
    r"spray|syrup|patch|patches)\b|\b(?:on a|j'ai|elle a|il a) arrêté (?:la|le|les|sa|son|ma|mon) "
    r"(?P<fr>crème|pommade|gel|gouttes|spray|sirop|patch)\b",
    re.I,
)


def _stopped_by_form(x) -> None:
    """A drug the patient's turn names with its form and then stops by that form alone: tried, no longer used."""
    for k, s in enumerate(x.sents):
        m = _WE_STOPPED_THE.search(s.text) if not x.is_clin(k) else None
        if m is None:
            continue
        form = (m.group("form") or m.group("fr")).lower()
        turn = [j for j in range(max(0, k - 2), k + 1) if x.sents[j].seg_index == s.seg_index]
        named = {
            (d.drug.get("name") or d.surface).lower()
            for j in turn
            for d in x.drug_mentions[j]
            if form in x.sents[j].text[max(0, d.start - 40) : d.end + 40].lower() and (j < k or d.end <= m.start())
        }
        for f in x.builder.facts:
            if len(named) == 1 and f.kind == "medication" and f.label.lower() in named and f.status == "current":
                f.status = "historical"
                f.evidence.append(x.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end()))


# a stop said of the drug the sentence (or the turn's sentence before) has just named: "the hydrochlorothiazide raises
# your uric acid …, so i want to stop it and switch you to …", "le tramadol, on l'arrête"
_STOP_IT = re.compile(
    r"\b(?:stop|discontinue|come off)\s+(?:taking\s+)?(?:it|that one)\b|\b(?:on|je) l'arrête\b|\bl'arrêter\b", re.I
)
_NOT_NOW_OR_IF = re.compile(
    r"\b(?:if|unless|when|si|quand|sauf|don't|do not|not|pas|ne|try|next|later|eventually|may|might|could|"
    r"prochaine|essayer|plus tard)\b|\?",
    re.I,
)


# a stop for a few days around a test, the drug kept: "stop it for three days before any blood test"
_HELD = re.compile(
    r"\W*(?:(?:for|pendant) (?:the )?(?:\w+ ){1,2}(?:days?|hours?|jours?|heures?) )?(?:before|around|avant|autour d)\w*"
    r" (?:any|each|every|the|your|a|le|la|les|chaque|toute?|une?|du|de la) (?:\w+ )?(?:blood tests?|tests?|scan|"
    r"surgery|operation|procedure|prise de sang|bilan|scanner|examen|opération|intervention)\b",
    re.I,
)


_BESIDE = re.compile(r"\b(?:avec|with|alongside|along with|as well as)\s+(?:votre |vos |your |the |le |la |l')?$", re.I)


def stops_of_it(x) -> None:
    """A current drug the clinician stops by a pronoun, right after naming it in the same turn (no condition, no
    negation in between): stopped, with the stop as evidence."""
    for k, s in enumerate(x.sents):
        gradual = TAPER.search(s.text)  # "on va l'arrêter, mais progressivement": the taper's own line says it
        m = _STOP_IT.search(s.text) if x.is_clin(k) and not s.question and not gradual else None
        if m is None:
            continue
        named = [(s.text[: m.start()], d) for d in x.drug_mentions[k] if d.end <= m.start()]
        if not named and k and x.sents[k - 1].seg_index == s.seg_index:
            named = [(x.sents[k - 1].text + " " + s.text[: m.start()], d) for d in x.drug_mentions[k - 1]]
        if not named or _NOT_NOW_OR_IF.search(named[-1][0][named[-1][1].end :]) or _HELD.match(s.text, m.end()):
            continue
        if ON_CONDITION.search(re.split(r"[.;?!]", named[-1][0][: named[-1][1].start])[-1]):
            continue  # "if you get a rash, any rash, on the allopurinol, stop it straight away": a warning sign's stop
        # the drug the stop is about, not one named beside it ("l'ibuprofène, … et avec votre ramipril, c'est
        # mauvais pour l'estomac. on l'arrête aujourd'hui")
        named = [n for n in named if not _BESIDE.search(n[0][: n[1].start])] or named
        drug = named[-1][1]
        name = (drug.drug.get("name") or drug.surface).lower()
        ev = x.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end())
        meds = [
            f
            for f in x.builder.facts
            if f.kind == "medication" and name in (f.label.lower(), f.attributes.get("surface"))
        ]
        for f in meds if not any(g.status == "stopped" for g in meds) else []:  # (a stop read already stands)
            if f.status == "current":
                f.status, f.attributes["prescriber"] = "stopped", "this clinician"
                if len(f.evidence) < 4:
                    f.evidence.append(ev)


def stops_said(x) -> None:
    """The stops said of a class, by a word, or by a pronoun (class_stops, stops_by_word, stops_of_it)."""
    class_stops(x)
    stops_by_word(x)
    stops_of_it(x)


def class_stops(x) -> None:
    """ "Stop taking any nonsteroidal medicines such as your Advil": the class is stopped, so a drug of
    that class the patient takes (the Aleve named earlier) is stopped too, with the stop as evidence."""
    meds = [f for f in x.builder.facts if f.kind == "medication"]
    for f in meds:
        if f.status != "stopped" or not f.evidence:
            continue
        quote = f.evidence[0].quote
        seg = next((sg for sg in x.tr.segments if sg.id == f.evidence[0].segment_id), None)
        around = seg.text if seg is not None else quote
        for members, cue in DRUG_CLASSES.values():
            if f.label not in members or not cue.search(around):
                continue
            for g in meds:
                topical = g.attributes.get("route") == "topical"  # "no anti-inflammatory pills": the gel may stay
                if g is not f and g.status == "current" and g.label == f.label and f in x.builder.facts:
                    fold(x, f, into=g)  # "for the knee, aleve" … "naproxen, and all the anti-inflammatories": one
                    g.status = "stopped"  # drug, its dose as the patient told it kept (fold keeps 4 quotes)
                elif g is not f and g.status == "current" and g.label in members and not topical:
                    g.status = "stopped"
                    if len(g.evidence) < 4:
                        g.evidence.append(f.evidence[0])


def drop_put_off(x, put_off: list) -> None:
    """A drug the clinician puts off ("montelukast, not for now") after describing it ("montelukast, ten milligrams
    at night. i thought about it"): what the clinician alone said of it before is an option, not a drug taken or
    started. put_off: (evidence of the put-off mention, drug name) pairs; their names stay on x (`put_off_names`),
    so that the plan writes no line of its own for them ("… we'll start allopurinol, low, a hundred milligrams")."""
    x.put_off_names = {name for _, name in put_off}
    for ev, name in put_off:
        x.builder.facts = [
            f
            for f in x.builder.facts
            if not (
                f.kind == "medication"
                and f.label.lower() == name
                and f.status in ("current", "new")
                and f.attributes.get("said_by") == "clinician"
                and all((e.segment_id, e.start) < (ev.segment_id, ev.start) for e in f.evidence)
            )
        ]


def starts_put_off(x, k: int, c0: int, c1: int) -> bool:
    """Sentence k's clause [c0, c1) starts a drug whose start drop_put_off left out ("… in about four weeks, we'll
    start allopurinol, low, a hundred milligrams"): the plan writes no free line for it."""
    clause = x.sents[k].text[c0:c1]
    return bool(x.put_off_names and _STARTS.search(clause)) and any(
        c0 <= m.start < c1 and (m.drug.get("name") or m.surface).lower() in x.put_off_names for m in x.drug_mentions[k]
    )


_STARTS = re.compile(r"\b(?:start\w*|add\w*|begin\w*|commenc\w*|ajout\w*|démarr\w*)\b", re.I)
_IN_THE_CHART = re.compile(
    r"\b(?:in|on) (?:the|your|his|her) (?:chart|records?|file)\b|\bdans (?:le|votre|son) dossier\b", re.I
)
_STOPPED_FOR = re.compile(
    r"^\W{0,3}(?:stopped|discontinued|arrêtée?s?) (?:for|because|due to|after|pour|à cause|après)\b", re.I
)


def told_stopped(x, label: str, after: str, before: str = "") -> bool:
    """ "Propranolol, stopped for fatigue" (`after`: the clinician's words after the drug) once the patient told of
    taking it before, or read from the chart (`before`: "i see it in the chart, fluticasone salmeterol, stopped for
    thrush"): a stop of the past, echoed, not this visit's instruction. The patient's account of it is of the past
    too, whatever status their words gave it ("le périndopril, il y a deux ans … l'a arrêté", told in reply to "et
    vos autres médicaments ?")."""
    if _STOPPED_FOR.match(after) and _IN_THE_CHART.search(before):
        return True
    told = [
        f
        for f in x.builder.facts
        if f.kind == "medication" and f.label == label and f.attributes.get("said_by") != "clinician"
    ]
    if not (_STOPPED_FOR.match(after) and told):
        return False
    for f in told:
        f.status = "historical" if f.status == "current" else f.status
    return True
