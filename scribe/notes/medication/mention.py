"""One drug mention of a sentence read as a typed Medication.

`parse_mention(text, mentions, j, lang, ...)` reads the j-th mention in its clause: ingredient and brand, dose and
unit, route, frequency (text and per day), as needed, maximum per day, duration, quantity, refills, status (new /
current / changed / stopped) and prescriber (this clinician or another one), or None where the clause does not name
it as a medication (follow_up reads more of its attributes in a later sentence or in the answer to a question).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from scribe.notes.medication.announced import KEPT_RIGHT
from scribe.notes.medication.attributes import (
    INSTEAD_OF_FREQUENCY,
    Attributes,
    Found,
    as_needed_before,
    insulin_in_units,
    read_attributes,
)
from scribe.notes.medication.clause import (
    CORRECTION,
    class_then_drug,
    clause_scope,
    denoun,
    has_medication_context,
    is_lab_mention,
    linked,
)
from scribe.notes.medication.follow_up import FOLLOW_CUE
from scribe.notes.medication.names import Mention, is_brand, one_drug, singular_brand
from scribe.notes.medication.numbers import normalize
from scribe.notes.medication.prescriber import other_prescriber
from scribe.notes.medication.status import (
    CHANGE_ON_ANAPHORA,
    NO_MORE_BEFORE,
    clause_status,
    has_current_cue,
    has_own_status,
    is_avoided,
    says_start,
)
from scribe.notes.medication.status_cues import (
    INSTEAD_OR_AS_NEEDED,
    NEXT_ORDER,
    SENT_HOME_WITH,
    SOMEONE_ELSES,
    STOPPED_BEFORE,
    SWITCH_TO,
)

_TAKE_IT = re.compile(
    r"\b(?:take|use|apply|taking|using|prendre|prenez|prends)\s+"
    r"(?:that|it|them|this|those|one|le|la|les)\b",
    re.I,
)


# only a correction stands between two drugs: "augmentin or, sorry, doxycycline"
_REPLACED_BY_NEXT = re.compile(rf"\W*(?:or\W+|ou\W+)?(?:{CORRECTION.pattern})\W*", re.I)


def corrected_later(text: str, mentions: list[Mention], j: int) -> bool:
    """Is the j-th mention restated later in the sentence after a self-correction, or replaced by the very
    next drug ("augmentin or, sorry, doxycycline")? Then the later one holds what the speaker meant (the dose
    and frequency too), and this one is dropped."""
    m = mentions[j]
    name = (m.drug.get("name") or m.surface).lower()
    if j + 1 < len(mentions) and _REPLACED_BY_NEXT.fullmatch(text[m.end : mentions[j + 1].start]):
        return True
    return any(
        (n.drug.get("name") or n.surface).lower() == name and CORRECTION.search(text[m.end : n.start])
        for n in mentions[j + 1 :]
    )


@dataclass
class Medication:
    ingredient: str  # generic name from the drug library ("Meloxicam"), or the spoken class ("antibiotics")
    surface: str  # as said
    brand: str | None
    status: str  # new | current | changed | stopped
    prescriber: str | None  # "this clinician" | "other" | None (not said)
    attrs: Attributes = field(default_factory=Attributes)
    start: int = 0  # the span of the mention and the attributes read with it, in the sentence
    end: int = 0
    drug: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return (self.drug.get("name") or self.surface).lower().removesuffix(" (rdna origin)")  # basaglar: glargine

    def attributes(self) -> dict[str, Any]:
        """The Fact attributes (absent values left out)."""
        out = insulin_in_units(self.ingredient, self.attrs.as_dict())
        out["ingredient"] = self.ingredient
        if self.brand:
            out["brand"] = self.brand
        if self.prescriber:
            out["prescriber"] = self.prescriber
        return out


# a recap's change of a drug already taken ("lisinopril up to twenty"), not a maximum ("up to three times a day")
_UP_TO_DOSE = re.compile(
    r"^\W*(?:(?:up|down) to|(?:vous )?(?:pouvez|pourrez) (?:monter|passer) à|(?:you )?can go up to)\b"
    r"(?!\s+\S+\s+(?:times|fois|tablets?|pills?|doses?|a day|per day))",
    re.I,
)


# the clinician names what to take for a complaint, the drug first: "for the knee, tylenol, 500 milligrams"
_FOR_USE = re.compile(r"\s*for (?:the|your|his|her) \w+\s*(?:[,;.]|$)", re.I)  # "tylenol for the knee"
_FOR_A_COMPLAINT = re.compile(
    r"(?:^|[.;:]\s*|,\s*)(?:(?:and|et)\s+)?"
    r"(?:for (?:the|your|his|her|that|this)\s+|pour (?:le|la|les|l'|votre|son|sa|cette|ce|cet)\s*)"
    r"\w+(?: \w+)?\s*,\s*(?:(?:some|du|de la|de l'|des)\s*)?$",  # "pour la croûte jaunâtre, de la chlorhexidine"
    re.I,
)


# what a class of drugs does, said of the class: "anti-inflammatories with a blood thinner increase the bleeding risk",
# "les antibiotiques peuvent donner des diarrhées": a fact about the class, no drug the patient takes
_GENERAL_CLAIM = re.compile(
    r"^\W*(?:(?:with|and|plus|or|avec|et|ou)\b[^,.;]{0,40}?)?\b(?:increase|raise|cause|can|could|may|might|are|"
    r"interact|thin|make|irritate|augmentent|peuvent|sont|font|donnent)\b",
    re.I,
)


def _class_in_general(m: Mention, left: str, right: str) -> bool:
    """A drug class in the plural, opening its clause, and what it does in general after it; or whose effects are
    told in general ("a known side effect of the dopamine agonists")."""
    if (_is_class(m) or m.surface.lower() == "cortisone") and (
        _DESCRIBED_CLASS.search(left) or _CLASS_AS_ADJECTIVE.match(right)
    ):
        return True  # "red yeast rice contains a natural statin", "statin muscle aches are real": a kind, no drug
    if not (_is_class(m) and m.surface.lower().endswith("s")):
        return False
    return not left.strip() and bool(_GENERAL_CLAIM.match(right)) or bool(_EFFECT_OF.search(left))


_DESCRIBED_CLASS = re.compile(
    r"\b(?:an?|another) (?:natural|old|older|real|different|similar|other)\s+$|"
    r"\b(?:it's|it is|that's|this is|c'est|ce sont) (?:an?|une?|des) (?:\w+ )?$",  # "c'est une cortisone inhalée"
    re.I,
)
_CLASS_AS_ADJECTIVE = re.compile(
    r"\s*(?:muscle|side|aches?|pains?|myopathy|intolerance|allerg\w+|reactions?|effects?|users?)\b", re.I
)
_DOSE_OF = re.compile(r"\b(?:the )?(?:dose|dosage|dosing|posologie) (?:of|for|de|du|d') ?(?:the |la |le |l')?$", re.I)
_DEPENDS = re.compile(r"\s*(?:depends|is based|varies|is adjusted|dépend|varie|s'adapte)\b", re.I)
_EFFECT_OF = re.compile(
    r"\b(?:side[- ]effects?|effets? (?:secondaires?|indésirables?)) (?:of|with|des|de) (?:the )?$", re.I
)


def _is_class(m: Mention) -> bool:
    """A drug class ("antibiotic", "anti-inflammatories"), not one drug of the lexicon."""
    return not one_drug(m.drug)


def _apposed_class(text: str, mentions: list[Mention], j: int) -> bool:
    """A class that describes the drug just named: "azithromycin, an antibiotic taken three times a week", "fucidin,
    the antibiotic cream"."""
    between = text[mentions[j - 1].end : mentions[j].start] if j > 0 else ""
    return _is_class(mentions[j]) and bool(re.fullmatch(r"\s*,\s*(?:an?|un|une|the|le|la|l')\s*", between, re.I))


# the clinician telling the drug's history ("and before that you were on interferon"), not stopping it today
_WAS_ON = re.compile(r"\b(?:you|he|she) (?:were|was|used to be) (?:also |previously |once )?on (?:the |an? )?$", re.I)


_DOSED_RIGHT = re.compile(
    r"^\W*(?:[\w-]+\s+){1,3}?(?:milligrams?|grams?|mg|micrograms?|mcg|units?|grammes?|milligrammes?|unités?)\b", re.I
)


# a drug taken alongside the one dosed before it: "take two, four hundred milligrams, with the sumatriptan if you need
# it, up to three times a day" (the regimen that follows is the advil's)
_ALONGSIDE = re.compile(
    r"(?:\d|\bmill?igram|\bmilligramme)[^.;?!]*\b(?:with|avec)\s+(?:the |your |le |la |l'|les )?$", re.I
)


def taken_alongside(left: str) -> bool:
    """The drug is named as what another, already dosed, is taken with (_ALONGSIDE): no regimen of its own."""
    return bool(_ALONGSIDE.search(left))


def parse_mention(
    text: str,
    mentions: list[Mention],
    j: int,
    lang: str = "en",
    *,
    clinician: bool = False,
    prompted: bool = False,
    negated: bool = False,
    asked: bool = False,
    previous: Medication | None = None,
    before: str = "",
    known: bool = False,
    seen: bool = False,
) -> Medication | None:
    """Mention j of `mentions` (found in `text`, one sentence) as a Medication, or None when its context says it
    is not one (no medication context, a lab analyte, a negated mention). `clinician`: said by the clinician;
    `prompted`: the answer to a medication question; `asked`: named in the clinician's question about what the
    patient takes; `previous`: the sentence's previous drug read as a medication (a drug listed with it shares its
    context and status); `before`: the end of the turn's previous sentence ("i saw that dr." | "brown put you on
    buspar"); `known`: a drug taken; `seen`: a drug named before, whatever its status (a stop of it is context)."""
    m = mentions[j]
    lo, hi = clause_scope(text, mentions, j)
    if class_then_drug(text, mentions, j):
        return None  # "i'm starting an antibiotic pill, doxycycline, …": the drug named next is the one
    if j and class_then_drug(text, mentions, j - 1):  # … and what its class's words say is done with it
        lo = clause_scope(text, mentions, j - 1)[0]
    left, right = denoun(text[lo : m.start]), denoun(text[m.end : hi])
    listed = linked(text, mentions, j) if previous is not None else ""
    # status first (the duration of a current drug is its history, not a prescription)
    after = text[m.end : mentions[j + 1].start if j + 1 < len(mentions) else len(text)][:100]  # past the clause
    status = clause_status(
        text, m.start, left, right, after, negated=negated, asked=asked, clinician=clinician, before=before
    )
    if clinician and _LAST_PACK.search(text[max(0, m.start - 40) : m.start]):
        status = "stopped"  # "start it the day after you finish this pack of microgynon": the pill it replaces
    if status is None or status == "stopped" and clinician and not seen and NO_MORE_BEFORE.search(left):
        return None  # "no more interferon shots, the new pills are well tolerated": no drug of the patient's
    if status == "stopped" and clinician and not known and re.match(r"\W*(?:et |donc )?pas d", left, re.I):
        return None  # "donc pas de kardégic pour vous" of the brother's: nothing the patient takes is stopped
    stop_near = re.search(r"\b(?:stop|quit|arrêt)\w*\s+(?:\w+\s+){0,2}$", left) or re.search(r"\b(?:stop|arrêt)", right)
    if status == "stopped" and _is_class(m) and not stop_near:
        return None  # "it stops the bacteria becoming resistant to the antibiotic i might give you": no stop of it
    # "the carbidopa-levodopa, same tablet, but instead of three times a day we're going to four"
    if status == "current" and known and clinician and INSTEAD_OF_FREQUENCY.search(text[m.end : m.end + 120]):
        status = "changed"
    elif status == "current" and known and clinician and _UP_TO_DOSE.match(right):
        status = "changed"  # "sertraline up to fifty milligrams every morning" of a drug taken: its new dose
    elif status == "current" and not known and clinician and _FOR_A_COMPLAINT.search(text[: m.start]):
        status = "new"  # "for the knee, tylenol, five hundred milligrams …": what to take for it, from now
    elif status == "current" and not known and clinician and SWITCH_TO.search(left):
        status = "new"  # "on arrête le flixotide, et on passe au symbicort"
    if status == "new" and known and clinician and not says_start(left, right):
        # "take the biktarvy two hours before them" of a drug the patient is on: no start; "lorazepam taper over
        # six weeks: three quarters of a milligram …" of one: a change
        status = "changed" if re.match(r"\W*(?:taper|wean)", right, re.I) else "current"
    own_cue = has_current_cue(left) or bool(SWITCH_TO.search(left))
    if listed == "and" and status == "current" and not own_cue and previous.status != "current":
        status = previous.status  # "stop the ibuprofen and the naproxen", "start X along with some Y"
    elif listed == "list" and status == "current" and previous.status == "stopped" and clinician:
        if not (
            own_cue
            or has_own_status(right)
            or KEPT_RIGHT.search(right)
            or _FOR_USE.match(right)
            or _FOR_A_COMPLAINT.search(text[: m.start])  # "on arrête l'advil, et pour le genou, paracétamol"
            or INSTEAD_OR_AS_NEEDED.match(right)  # "stop the ibuprofen, tylenol instead", "…, paracétamol si besoin"
            or _DOSED_RIGHT.match(right)  # "stop the advil, tylenol one gram up to three times a day": its own order
        ):
            status = "stopped"  # "stop the advil, the aleve and the motrin"; not "…, tylenol for the knee"
    if is_avoided(left, right) or _class_in_general(m, left, right) or _apposed_class(text, mentions, j):
        return None
    if status in ("current", "new") and SOMEONE_ELSES.search(text[lo:hi]):
        return None  # "his prescription is for him, and ambien with lorazepam is a dangerous combination"
    if _DOSE_OF.search(left) and _DEPENDS.match(right):
        return None  # "the dose of apixaban depends on age, weight and kidney function": said of the drug in general
    if status == "stopped" and (cut := NEXT_ORDER.search(right)):
        right, hi = right[: cut.start()], m.end + cut.start()  # the dose after it is the next order's
    attrs = read_attributes("" if taken_alongside(left) else right, lang, left, status=status)
    if _HOW_MANY.search(left):
        attrs.frequency = None  # "combien de doliprane par jour ?": the question's "per day", no frequency
    if status == "current" and known and clinician and (same := _SAME_DOSE_BUT.match(text, m.end)):
        f = read_attributes(text[same.end() :], lang, status="changed").frequency  # "the lansoprazole, keep the
        if f is not None:  # same thirty milligrams, but once a day, not twice": the frequency changes
            status, at = "changed", same.end() - m.end
            attrs.frequency = Found(f.value, f.start + at, f.end + at)
    if attrs.as_needed is None and status == "current":
        attrs.as_needed = as_needed_before(text[: m.start])
    nxt = mentions[j + 1].start if j + 1 < len(mentions) else len(text)
    more = _TAKE_IT.search(text, hi, nxt)
    if more:  # "cardura four milligrams and i want you to take that once a day"
        extra = read_attributes(text[more.start() : nxt], lang, status=status)
        if extra.dose is not None and extra.unit is None:
            extra.dose = None
        base = more.start() - m.end
        for k in ("dose", "route", "frequency", "as_needed", "max_per_day", "duration", "quantity", "refills"):
            if getattr(attrs, k) is None and getattr(extra, k) is not None:
                f = getattr(extra, k)
                setattr(attrs, k, Found(f.value, f.start + base, f.end + base))
                if k == "dose":
                    attrs.unit = extra.unit
    if status == "changed" and attrs.dose is None and hi < nxt:  # the new dose in the next clause: "le
        # furosémide, on augmente : on passe de quarante à quatre-vingts milligrammes"
        extra = read_attributes(text[hi:nxt], lang, status=status)
        if extra.dose is not None and extra.unit is not None:
            attrs.dose = Found(extra.dose.value, extra.dose.start + hi - m.end, extra.dose.end + hi - m.end)
            attrs.unit = extra.unit
    if status == "changed" and attrs.frequency is None and hi < nxt:  # "…, but instead of three times a day we're
        extra = read_attributes(text[hi:nxt], lang, status=status)  # going to four times a day"
        if (f := extra.frequency) is not None:
            attrs.frequency = Found(f.value, f.start + hi - m.end, f.end + hi - m.end)
    # "let's cut the meclizine down", "stop the ferrous sulfate" of a drug taken: the change is context
    changed = status in ("changed", "stopped") and known or status == "stopped" and seen
    if not (listed or changed or has_medication_context(text, mentions, j, attrs, prompted or asked)):
        return None
    if is_lab_mention(text, mentions, j, attrs):
        return None
    prescriber = None
    lead = before[-30:] + " " if re.search(r"\b(?:dr|doctor|docteur|pr)\.?\s*$", before, re.I) else ""
    if other_prescriber(lead + text) or listed and previous.prescriber == "other":
        prescriber = "other"
        if status in ("new", "changed"):
            status = "current"  # another clinician's prescription is not this visit's plan
        if status == "current" and attrs.duration is not None and SENT_HOME_WITH.search(left):
            status = "historical"  # "they sent you home with prednisone forty milligrams … for five days" (in march)
    elif status in ("new", "changed") or (
        status == "stopped"
        and clinician
        and not (_WAS_ON.search(left) or STOPPED_BEFORE.search(text) or text.rstrip().endswith("?"))
    ):  # not "you're not on the diltiazem anymore?", "le gliclazide, on l'a arrêté à cause de ça" (two years ago)
        prescriber = "this clinician"
    # the evidence span: the mention and what was read with it
    spans = [(m.start, m.end)]
    for s0, e0 in attrs.spans():
        if s0 < 0:
            spans.append((m.start + s0, m.start + e0))
        else:
            spans.append((m.end + s0, m.end + e0))
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    drug = m.drug
    brand = singular_brand(m.surface) if is_brand(m.surface, drug) else None
    ingredient = drug.get("name") if one_drug(drug) else m.surface.lower()
    return Medication(
        ingredient=ingredient or m.surface,
        surface=m.surface,
        brand=brand,
        status=status,
        prescriber=prescriber,
        attrs=attrs,
        start=start,
        end=end,
        drug=drug,
    )


# A change said of a drug named just before, without its name ("let's increase that to 1000 milligrams", "take it twice
# a day from now on", "on va l'augmenter à 10 mg"): the verb acts on an anaphora (status.CHANGE_ON_ANAPHORA).
_TAKE_ANAPHORA = re.compile(
    r"\b(?:take|use)\s+(?:it|that|them|those|this)\b|\bprenez-(?:le|la|les)\b|\b(?:le|la|les) prendre\b", re.I
)
_FROM_NOW = re.compile(
    r"\b(?:now|for now|from now on|instead|going forward|starting (?:today|tomorrow)|désormais|maintenant|"
    r"dorénavant|à partir de (?:maintenant|demain|aujourd'hui)|plutôt)\b",
    re.I,
)


# the dose just named judged wrong, the next one replaces it: "five milliliters is only a hundred milligrams, that's on
# the low side for her weight. you can give eight milliliters"
DOSE_JUDGED = re.compile(
    r"\b(?:(?:on the )?(?:low|high) side|too (?:low|high|little|much|weak|strong)|not enough|under-?dos\w*|"
    r"pas assez|trop (?:faible|fort|bas|élevé|peu)|insuffisante?|sous-dos\w*)\b",
    re.I,
)
_GIVE_INSTEAD = re.compile(
    r"\b(?:you can give|give (?:her|him|them)|you can take|let's (?:do|give|go with|use)|on peut (?:donner|passer à)|"
    r"donnez(?:-lui)?|vous pouvez (?:donner|prendre))\b",
    re.I,
)


def anaphoric_change(
    text: str,
    lang: str | None,
    before: dict[str, Any],
    following: tuple[str, int] | None = None,
    judged: bool = False,
) -> tuple[Attributes, int] | None:
    """The new dose or frequency of a change said without the drug's name, of the drug named just before
    (`before`: its fact attributes): a change verb on "it / that / the dose" with a dose and unit or a
    frequency, or "take it twice a day from now on" with a frequency other than the one it had; with where
    the change verb starts. None when the sentence is not such a change: a bare number, the same frequency
    again, a hedge. `following`: the turn's next sentence and where it starts (from the start of `text`), read
    when the change verb says no dose ("let's cut it down. Take half a tablet, 12.5 milligrams"). `judged`: the
    sentence before called the dose wrong (DOSE_JUDGED), so "you can give eight milliliters" is the new one."""
    if re.search(
        r"\b(?:if|maybe|might|could|unless|si|peut-être|wanted to|was going to|were going to|had planned|"
        r"thought about|voulais|pensais|usually|typically|generally|d'habitude|en général|habituellement)\b",
        text,
        re.I,
    ):  # "if it's still high we could increase it", "i wanted to go from fifteen to twenty": not the change
        return None
    if following and _DANGLING.search(text):  # "we'll step it up from two and a half to ... ten, no, five mg."
        text, following = text + " " * max(1, following[1] - len(text)) + following[0], None
    verb = (
        CHANGE_ON_ANAPHORA.search(text) or _GOING_FROM.search(text) or (_GIVE_INSTEAD.search(text) if judged else None)
    )
    take = None if verb else _TAKE_ANAPHORA.search(text)
    if not (verb or take and _FROM_NOW.search(text)):
        return None
    start = shift = (verb or take).start()  # shift: where the text the attributes were read from starts
    if verb and (verb.re is _GOING_FROM or verb.group(0).lower().endswith(" to")):  # "we're going from forty
        shift = verb.end()  # milligrams once a day to forty twice a day"; "go up to" is no maximum ("up to 100 mg")
    a = read_attributes(text[shift:], lang, status="changed", cap=120)
    if a.dose is not None and a.unit is None:
        a.dose = None  # "increase it to two" is a count the note cannot place
    if a.dose is None and a.frequency is None and verb and following and FOLLOW_CUE.search(following[0]):
        a = read_attributes(following[0], lang, status="changed", cap=120)
        if a.dose is None or a.unit is None:
            return None
        shift = following[1]
    new_freq = a.frequency.value.per_day if a.frequency is not None else None
    if a.dose is None and (new_freq is None or new_freq == before.get("per_day")):
        return None
    for found in (a.dose, a.route, a.frequency, a.as_needed, a.max_per_day, a.duration, a.quantity, a.refills):
        if found is not None:
            found.start += shift
            found.end += shift
    return a, start


# a change said as a move between two regimens, read from what it goes to
_GOING_FROM = re.compile(
    r"\b(?:we're|we are|i'm|i am|you're|you are|we'll|it's|it is|on)\s+(?:going|go|passe|passer)\s+"
    r"(?:from|de)\b[^.;]{3,60}?\b(?:to|à)\b",
    re.I,
)
_FROM_DOSE = re.compile(r"\bfrom (\d+(?:\.\d+)?)\s*(?:mg|milligrams?)?\s+to\b", re.I)


# the words a clinician names a drug by, its class or its substance: "iron every other day is absorbed just as well"
_CLASS_WORDS = {
    r"\b(?:iron|fer)\b": r"^ferr|iron",
    r"\b(?:statins?|statines?)\b": r"statin$",
    r"\b(?:blood thinners?|anticoagula\w*)\b": r"^(?:apixaban|rivaroxaban|edoxaban|dabigatran|warfarin)$",
    r"\b(?:water pills?|diuretics?|diurétiques?)\b": r"^(?:furosemide|torsemide|bumetanide|hydrochlorothiazide)$",
}


def named_by_class(text: str, facts: list) -> Any:
    """The drug taken that the words name by its class or substance, when exactly one does; else None."""
    for said, label in _CLASS_WORDS.items():
        if re.search(said, text, re.I):
            taken = {f.label: f for f in facts if f.kind == "medication" and f.status in ("current", "changed")}
            owners = [f for name, f in taken.items() if re.search(label, name, re.I)]
            return owners[0] if len(owners) == 1 else None
    return None


_SAME_DOSE_BUT = re.compile(
    r"\W*(?:keep|stay on|continue|on garde|gardez|on reste sur) (?:the same|la même|le même)\b"
    r"[^.;]{0,40}?\b(?:but|mais)\b",
    re.I,
)
_HOW_MANY = re.compile(r"\b(?:combien|how many|how much)\b[^.;]{0,20}$", re.I)
_LAST_PACK = re.compile(
    r"\b(?:finish(?:ed|es|ing)?|fini(?:r|ssez|ssent)?) (?:this|the|your|that|cette|la|votre) (?:last )?"
    r"(?:pack|packet|strip|box|plaquette|boîte) (?:of|de|d')\s*$",
    re.I,
)
# a sentence cut at a pause before its number: it goes on in the next one
_DANGLING = re.compile(r"\b(?:to|from|à|de)\s*(?:\.\.\.|…)\s*$", re.I)


def owner_of_from_dose(text: str, recent, facts: list) -> Any:
    """The drug a change "from X to Y" said without a name is about: the last one named (`recent`), unless
    its dose is not X and another taken drug's is ("the prednisone, now that we're adding the plaquenil, we'll
    bring it down. Go from seven and a half to five milligrams": the prednisone at 7.5 mg, not the plaquenil)."""
    m = _FROM_DOSE.search(normalize(text)[0])
    if m is None or _same_dose(recent.attributes.get("dose"), m.group(1)):
        return recent
    owners = [
        f
        for f in facts
        if f.kind == "medication"
        and f.status in ("current", "changed")
        and _same_dose(f.attributes.get("dose"), m.group(1))
    ]
    return owners[-1] if owners else recent


def _same_dose(dose: Any, said: str) -> bool:
    try:
        return dose is not None and abs(float(dose) - float(said)) < 1e-6
    except ValueError:
        return False
