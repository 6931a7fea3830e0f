"""A stop the clinician turns into a taper: "il faut l'arrêter … mais on ne l'arrête jamais d'un coup, on diminue
progressivement … trois quarts de comprimé, donc 7,5 mg le soir". The drug is not stopped today: its dose is lowered
step by step, and the note and the patient's summary must not say "stop" (stopping a hypnotic, a steroid or a
beta-blocker at once is what the clinician warned against). And a course on a schedule of steps keeps its steps."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes import medication as med
from scribe.notes.medication.attributes import read_attributes
from scribe.notes.medication.numbers import normalize
from scribe.notes.number_words import numbers_to_digits, spoken_numbers

TAPER = re.compile(
    r"\b(?:taper\w*|wean\w*|step (?:it )?down|little by little|gradually|slowly (?:come|go) (?:off|down)|"
    r"diminu\w* (?:\w+ )?progressivement|progressivement|petit à petit|décroissance|sevrage|"
    r"(?:pas|jamais) d'un (?:seul )?coup)\b",
    re.I,
)
MASS = ("mg", "g", "mcg")
# the taper's end: "and then we stop", "then off", "et ensuite, on arrête complètement", "puis arrêt"
_THEN_STOP = re.compile(
    r"\b(?:then|after that|and after)\b[^.;]{0,25}\b(?:stop\w*|off)\b|\b(?:ensuite|puis|après)\b[^.;]{0,30}\barrêt\w*",
    re.I,
)


def tapered_stops(x) -> None:
    """Each stopped drug of the clinician followed, within three sentences, by a taper: changed, with the first
    lower dose said after the taper (x: the fact extractor, its sentences and builder)."""
    for f in [f for f in x.builder.facts if f.kind == "medication" and f.status == "stopped" and f.evidence]:
        said = [k for k in (sentence_of(x, e) for e in f.evidence if e.role == "clinician") if k is not None]
        if not said:
            continue
        cue = None  # the stop, said before the taper that undoes it (the first of its sentences followed by one)
        for k in sorted(said):
            window = [j for j in range(k, min(k + 4, len(x.sents))) if x.is_clin(j)]
            cue = next((j for j in window if TAPER.search(x.sents[j].text)), None)
            if cue is not None:
                break
        if cue is None or any(_names_another(x, j, f) for j in range(k + 1, cue + 1)):
            continue  # "start prednisone … we'll taper it", "the diazepam, … so we'll taper it": another's taper
        _taper(x, f, cue)


def tapered_current(x) -> None:
    """A drug the patient takes that the clinician tapers ("and the prednisone?" "we're going to taper it. from ten
    milligrams down to seven and a half … then stop"): changed, with its first lower dose, never "keep taking"."""
    meds = [f for f in x.builder.facts if f.kind == "medication"]
    for f in [f for f in meds if f.status == "current" and f.evidence]:
        if any(g.label == f.label and g.status in ("new", "changed", "stopped") for g in meds):
            continue  # the drug's change has its own fact
        names = {
            f.label.lower(),
            str(f.attributes.get("brand") or "").lower(),
            str(f.attributes.get("surface")).lower(),
        }
        for k, s in enumerate(x.sents):
            if not x.is_clin(k) or s.question or not TAPER.search(s.text) or _names_another(x, k, f):
                continue
            asked = k > 0 and not x.is_clin(k - 1) and x.sents[k - 1].seg_index != s.seg_index  # "and the
            asked = asked and x.sents[k - 1].text.rstrip().endswith("?")  # prednisone?" "we're going to taper it"
            said = s.text.lower() + (" " + x.sents[k - 1].text.lower() if asked else "")
            if any(n and n != "none" and re.search(rf"\b{re.escape(n)}\b", said) for n in names) or _turn_names(
                x, k, names, meds
            ):
                _taper(x, f, k)
                break


def _turn_names(x, k: int, names: set[str], meds: list) -> bool:
    """The last drug the turn named before sentence k is the one of `names`: "third, the zolpidem. … it increases
    falls … so we'll taper it"."""
    every = {str(g.attributes.get("surface") or "").lower() for g in meds} - {"", "none"}
    seg, replies = x.sents[k].seg_index, 0
    for i in range(k - 1, max(-1, k - 6), -1):
        if x.sents[i].seg_index != seg:  # (over one short reply: "maintenant le zolpidem. …" "j'ai peur de ne plus
            replies += not x.is_clin(i) and x.sents[i].seg_index != x.sents[i + 1].seg_index  # dormir" "on va …")
            if replies > 1 or not x.is_clin(i) and len(x.sents[i].text.split()) > 12:
                return False
            seg = x.sents[i].seg_index
        said = x.sents[i].text.lower()
        named = {n for n in every if re.search(rf"\b{re.escape(n)}\b", said)}
        if named:
            return named <= names
    return False


def _taper(x, f, cue: int) -> None:
    """f tapered from sentence cue on: changed, with the first lower dose of mass said after the taper."""
    for j in range(cue, min(cue + 4, len(x.sents))):
        if not x.is_clin(j) or _names_another(x, j, f):
            continue
        a = read_attributes(x.sents[j].text, x.lang, status="changed", cap=200)
        if a.dose is None or a.unit not in MASS:
            continue
        was = f.attributes.get("previous_dose") or f.attributes.get("dose")
        f.status = "changed"
        f.attributes.pop("later", None)
        f.attributes.update({key: v for key, v in a.as_dict().items() if v not in (None, "")})
        f.attributes["taper"] = True
        if was and was != f.attributes.get("dose"):
            f.attributes["previous_dose"] = was
        f.evidence.append(x.builder.ev_sentence(x.sents[cue]))
        f.evidence.append(x.builder.ev_sentence(x.sents[j]))
        if steps := _steps(x.sents[j].text[a.dose.end :], str(f.attributes.get("unit") or "")):
            f.attributes["then_steps"] = steps  # "… for two weeks, then five milligrams for two weeks, then …"
        # "… pendant deux semaines … et ensuite, on arrête complètement": the stop right after the step (not after
        # a second step, "la deuxième semaine, un soir sur deux", which "then stop" would skip)
        end = next((i for i in range(j, min(j + 4, len(x.sents))) if _THEN_STOP.search(x.sents[i].text)), None)
        if end is not None and x.is_clin(end):  # after further steps: "then tapered off" (their detail is the
            f.attributes["then_stop"] = True if end <= j + 1 and not steps else "tapered"  # evidence, not its line)
            if end != j:
                f.evidence.append(x.builder.ev_sentence(x.sents[end]))
        break


# the steps after a course's first one: "0.5 mg once a day for three days, then twice a day until day seven, then one
# milligram twice a day for twelve weeks"
_STEP_WORDS = re.compile(
    r"\b(?:\d+(?:\.\d+)? ?(?:mg|mcg|g|ml)|once|twice|times|a day|daily|fois|par jour|matin|soir|until|jusqu)\b", re.I
)
_STEP_UNITS = (("milligrams", "mg"), ("milligram", "mg"), ("milligrammes", "mg"), ("milligramme", "mg"))


def stepped_courses(x) -> None:
    """A drug started or changed on a schedule of steps keeps every step: the note says "0.5 mg once daily for 3
    days, then twice a day until day 7, then 1 mg twice a day for 12 weeks", not its first step as the regimen."""
    for f in x.builder.facts:
        if f.kind != "medication" or f.status not in ("new", "changed", "current"):
            continue  # (a drug taken already goes on by steps: "fifteen a day for two more weeks, then twelve …")
        for e in f.evidence:
            k = sentence_of(x, e) if e.role == "clinician" and len(e.quote.split()) > 2 else None
            if k is None:
                continue
            text = x.sents[k].text
            after = text[text.index(e.quote) + len(e.quote) :]
            steps = _steps(after, str(f.attributes.get("unit") or ""))  # ("then 12.5 for four weeks": mg)
            if steps and not f.attributes.get("duration"):  # the first step's own length ("quarante milligrammes le
                first = re.split(r"\b(?:then|puis|ensuite)\b", after, flags=re.I)[
                    0
                ]  # matin pendant cinq jours, puis …")
                if (length := read_attributes(first, x.lang).duration) is None:
                    continue
                f.attributes["first_step"] = length.value  # (not the course's duration)
            if steps:
                f.attributes["then_steps"] = steps
                if _THEN_STOP.search(_first_clause(after)):  # "… then two and a half, then stop"
                    f.attributes["then_stop"] = True
                f.evidence.append(x.builder.ev_sentence(x.sents[k]))  # the steps' words, for the number guard
                break


def _steps(said: str, unit: str = "") -> list[str]:
    """The steps said after a course's first one ("…, then twice a day until day seven, then one milligram …"); a
    bare number is a dose in the first step's unit ("then two and a half for two weeks")."""
    rest = numbers_to_digits(said)
    pieces = re.split(r",?\s*\b(?:then|puis|ensuite)\b\s*,?\s*", _first_clause(rest), flags=re.I)
    steps = []
    for piece in pieces[1:5]:
        step = piece.split(",")[0].strip()  # "… for 12 weeks, with a quit date on the 20th": the step ends
        for word, short in _STEP_UNITS:
            step = re.sub(rf"\b{word}\b", short, step, flags=re.I)
        step = re.sub(r"\b(?:one|un) (?=mg\b)", "1 ", step, flags=re.I)  # "one milligram": 1 mg
        step = re.sub(r"\b(day|jour) ([a-zé-]+)\b", _day_number, step, flags=re.I)  # "until day seven"
        if unit:  # a bare number is a dose in the first step's unit: "then five then two and a half"
            bare = normalize(step)[0] if re.fullmatch(r"[a-zé -]+", step) else ""
            step = bare if re.fullmatch(r"\d+(?:\.\d+)?", bare) else step
            step = re.sub(r"^(\d+(?:\.\d+)?)(?=\s*$| (?:for|pendant|until|jusqu)\b)", rf"\1 {unit}", step)
        step = _UNTIL_SEEN.sub(
            lambda m: "jusqu'au prochain rendez-vous" if m[0][0] == "j" else "until the next review", step
        )
        if not _STEP_WORDS.search(step) or len(step.split()) > 12:
            break
        steps.append(step)
    return steps


_UNTIL_SEEN = re.compile(r"\buntil (?:i|we) see you(?: again| next)?\b|\bjusqu'à ce que (?:je|on) vous revoi\w*", re.I)


def _first_clause(said: str) -> str:
    """Said up to the first full stop, semicolon or colon ("12.5" is a number, no stop)."""
    return re.split(r"[;:]|\.(?!\d)", said)[0]


def _day_number(m: re.Match) -> str:
    n = spoken_numbers(m.group(2))
    return f"{m.group(1)} {int(n[0])}" if n else m.group(0)


def _names_another(x, k: int, f) -> bool:
    """Sentence k names a drug other than f ("we'll taper the prednisone")."""
    from drug_named_entity_recognition import find_drugs  # heavy: loaded on first use, as the extractor does

    names = {f.label.lower(), str(f.attributes.get("brand") or "").lower(), str(f.attributes.get("surface")).lower()}
    found = med.find_mentions(x.sents[k].text, find_drugs, lexicon.DRUG_STOP)
    return any(m.surface.lower() not in names and m.name.lower() not in names for m in found)


def sentence_of(x, ev) -> int | None:
    """The index of the sentence of x (the fact extractor) whose words the evidence quotes."""
    return next(
        (
            j
            for j, s in enumerate(x.sents)
            if x.tr.segments[s.seg_index].id == ev.segment_id and ev.quote and ev.quote in s.text
        ),
        None,
    )


def taper_steps(x) -> None:
    """The steps of a taper or a stepped course, read after the drugs are folded: a stop at the taper's end, the
    dose taken now, the course's later steps (tapered_stops, tapered_current, stepped_courses)."""
    tapered_stops(x)
    tapered_current(x)
    stepped_courses(x)
