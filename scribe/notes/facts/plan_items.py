"""Plan items said in other shapes than an order: a visit interval ("see you back in two weeks" → "Follow-up
in 2 weeks."), a results call-back ("I'll be in touch in a day or so"), a reassessment ("let's see how we do
over the next couple weeks"), a drug the clinician keeps ("continue your lisinopril and your lasix" →
"Continue Furosemide (Lasix)." from the drug's own fact) and an order named by "that" ("you're due for a
mammogram, so we'll schedule that"). Each is written from what was said, never added when not said."""

from __future__ import annotations

import re

from scribe.notes.facts.orders import NO_IMPROVEMENT
from scribe.notes.number_words import numbers_to_digits
from scribe.schemas_docs import Fact

INTERVAL = re.compile(
    r"\b(?:in|dans|within|over the next|d'ici)\s+(?:about\s+|approximately\s+|environ\s+)?"
    r"(?P<n>\d+|an?|one|two|three|four|five|six|eight|ten|twelve|a couple(?: of)?|couple(?: of)?|a few|"
    r"un|une|deux|trois|quatre|cinq|six|huit|dix|quinze)\s+"
    r"(?P<unit>days?|weeks?|months?|years?|jours?|semaines?|mois|ans?)\b(?P<so>\s+or so\b|\s+or$)?",
    re.I,
)
# "a couple weeks, or, I'm sorry, a couple months": the first interval was taken back
CORRECTED = re.compile(r"\b(?:sorry|i mean|actually|rather|pardon)\b", re.I)
_IF_NOT_BETTER = re.compile(r"\b(?:if|si)\b[^.;]{0,40}" + NO_IMPROVEMENT.pattern, re.I)
_TOUCH = re.compile(
    r"\b(?:be in touch|get in touch|(?:call|ring) you (?:back|with|when|once|in)|give you a call|get back to you|"
    r"vous (?:rappeler|recontacter|rappelle|recontacte))\b",
    re.I,
)
_REASSESS = re.compile(
    r"\b(?:see how (?:we|you|it|things|that|this) (?:do|does|go|goes|are doing|is doing)|on verra comment)\b", re.I
)
# the words of a visit to come (also plan.py's follow-up kind)
FOLLOW_WORDS = (
    r"follow ?up|come back|see you (?:back|again|in)|return|recheck|revenez|revoir|revois|revoit|"
    r"rendez-vous|reconsulte\w*|contrôle|appointment"
)
_FOLLOW = re.compile(rf"\b(?:{FOLLOW_WORDS})\b", re.I)
# "we'll schedule for that", "let's repeat another one", "on va le refaire": the order was named before
ANAPHOR = re.compile(
    r"\b(?:schedule|order|repeat|get|do|set up|redo|programmer|refaire|prescrire)\b[^.;?]{0,20}?"
    r"\b(?:that|it|this|another one|one|them|those|le|la|les)\b",
    re.I,
)
# "continue you on your lisinopril", "keep taking the tylenol", "I would not change your dose"
_KEEP = re.compile(
    r"\b(?:continu\w*|keep (?:taking|using|on)|stay on|remain on|refill\w*|renew\w*|poursui\w*|"
    r"(?:would|will) ?n[o']t change|no change)\b",
    re.I,
)
_CHANGED = ("new", "changed", "stopped")
_NOT_KEPT = re.compile(
    r"\b(?:no more|stop\w*|hold\w*|discontinu\w*|off|avoid\w*|instead of|rather than|not|n't|except|but|"
    r"arr[êe]t\w*|sauf|mais)\b",
    re.I,
)
# "if the pain continues": a symptom goes on, no drug is kept
_GOES_ON = re.compile(r"\b(?:if|when|symptoms?|pain|it|this|that|swelling|they)\b[^,.;]{0,15}$", re.I)


def interval_text(text: str, lang: str) -> str:
    """ "two weeks", "a couple weeks", "a day or so" → "2 weeks", "a couple of weeks", "about a day"; ''."""
    m = INTERVAL.search(text)
    if not m or CORRECTED.search(text[m.end() : m.end() + 30]):
        return ""
    n = m.group("n").lower()
    n = "a couple of" if n.startswith(("a couple", "couple")) else "a few" if n.endswith("few") else n
    when = ("about " if m.group("so") else "") + numbers_to_digits(f"{n} {m.group('unit').lower()}")
    return when if lang == "en" else when.replace("un ", "1 ").replace("une ", "1 ")


def follow_up_line(clause: str, lang: str) -> str | None:
    """The note's line for a visit, a reassessment or a results call-back said in this clause, or None."""
    when = interval_text(clause, lang)
    at = f" dans {when}" if lang == "fr" else f" in {when}" if when else ""
    if _TOUCH.search(clause):
        return f"Patient à recontacter{at}." if lang == "fr" else f"Clinic will be in touch{at}."
    if not when:
        return None
    if _REASSESS.search(clause):
        return f"Réévaluation{at}." if lang == "fr" else f"Reassess{at}."
    if not _FOLLOW.search(clause):
        return None
    cond = _IF_NOT_BETTER.search(clause)
    if lang == "fr":
        return f"À revoir{at}" + (" si pas d'amélioration." if cond else ".")
    return f"Follow-up{at}" + (" if no improvement." if cond else ".")


def kept_drugs(clause: str, facts: list[Fact]) -> list[Fact]:
    """Current drugs the clinician says to keep in this clause ("continue the lasix"): their facts, unless
    the drug also has a new, changed or stopped fact (that one's own line says what happens to it)."""
    keep = next((m for m in _KEEP.finditer(clause) if not _GOES_ON.search(clause[: m.start()])), None)
    if not keep:
        return []
    moved = {f.label for f in facts if f.kind == "medication" and f.status in _CHANGED}
    kept = _NOT_KEPT.split(clause[keep.end() :], maxsplit=1)[0]  # "continue the lisinopril, no more advil"
    return [f for f in drugs_named(kept, facts) if f.label not in moved]


# "I'm gonna get your prescriptions": the refills the patient just asked for ("I do need more cialis")
SEND_REFILLS = re.compile(
    r"\b(?:get|send|print|write|call in|sign)\b[^.;?]{0,15}\b(?:your|the|those|these) "
    r"(?:prescriptions|refills|scripts)\b|"
    r"\bi(?:'ll| will) (?:refill|renew) (?:them|those|these|both)\b",
    re.I,
)
ASKS_REFILL = re.compile(
    r"\b(?:need|want|out of|running (?:low|out))\b[^.;?]{0,20}\b(?:more|refills?)\b|\brefills?\b", re.I
)
# "I have a wife and kids, should I be worried about them?": the test that follows is theirs
ASKS_FOR_FAMILY = re.compile(
    r"\b(?:wife|husband|partner|kids|children|son|daughter|family)\b(?=[^.]*\b(?:them|they|worried|should|need)\b)",
    re.I,
)


def drugs_named(text: str, facts: list[Fact]) -> list[Fact]:
    """Current drugs whose name (label, surface or brand) the text says, one fact per drug."""
    out: list[Fact] = []
    for f in facts:
        if f.kind != "medication" or f.status != "current" or any(o.label == f.label for o in out):
            continue
        names = {str(n).lower() for n in (f.label, f.attributes.get("surface"), f.attributes.get("brand")) if n}
        if any(re.search(rf"\b{re.escape(n)}\b", text.lower()) for n in names):
            out.append(f)
    return out


# A clinician's order in a turn tagged as the patient's ("I'm gonna order an MRI of your left shoulder").
MISTAGGED_ORDER = re.compile(
    r"\bi(?:'m| am) (?:gon na|gonna|going to) (?:order|prescribe|refer)\b[^.?]*\byour?\b", re.I
)
# An order said while results are read in the examination ("your lipid panel ... so we'll repeat another one")
RESULTS_PLAN = re.compile(
    r"\b(?:we'll|we will|i'll|i will|let's|(?:going to|gon na|gonna|want to|wan na) )\s*(?:\w+ ){0,2}"
    r"(?:order|refer|prescribe|schedule|repeat)\b",
    re.I,
)
# "so that includes checking your hep c rna": an order named after a verb of doing, in a sentence with a cue
DOING = re.compile(
    r"\b(?:check(?:ing)?|draw(?:ing)?|run(?:ning)?|obtain(?:ing)?|includ(?:e|es|ing)|getting)\b[^,.;]{0,25}$", re.I
)
# "a pill box or maybe setting an alarm on your phone might really help", said while the history is taken
HELPS = re.compile(r"\b(?:will|should|would|might|can) (?:really |definitely |also )?help\b", re.I)
# Advice said without a plan cue, in the assessment and plan: "just set an alarm", "push fluids", "massage
# and scar gel will help". It cues typed orders only, never a free-worded line.
SOFT_CUE = re.compile(
    r"^\W*(?:(?:so|and|just|please|also|then|now|et|alors)\W+)*(?:set|push|strain|ice|elevate|avoid|drink|apply|use|"
    r"try|buvez|évitez|appliquez|reposez)\b|" + HELPS.pattern,
    re.I,
)
# Where a run-on sentence turns to a question ("... a whole blood injection have you heard of that before")
QUESTION_TAIL = re.compile(
    r"\b(?:have you|do you|does that|did you|are you|is that|any (?:other )?questions|how does that|"
    r"what do you think)\b",
    re.I,
)


def with_next(text: str, spans: list[tuple[int, int]], i: int, clause: str, cue: re.Pattern) -> tuple[str, int]:
    """The clause with the uncued clauses after it, and where they end: "continue you on your current
    medications, | your lisinopril and your lasix" names the drugs kept in the next clause."""
    end = spans[i][1]
    for c0, c1 in spans[i + 1 :]:
        if cue.search(text[c0:c1]):
            break
        clause, end = clause + " " + text[c0:c1], c1
    return clause, end
