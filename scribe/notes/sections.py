"""The section renderers a template names (RENDERERS): each turns the facts of its kinds into note
sentences in clinical register, every sentence carrying the facts it states."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.medication import dose_text, frequency_text
from scribe.notes.rendering import SIDE, SYSTEM_FR, VITAL_FR, RenderContext, elide, join_items, supported
from scribe.notes.sections_plan import med_text, render_assessment, render_assessment_plan, render_plan
from scribe.notes.text import patient_to_third, sentence_case
from scribe.schemas_docs import Fact, SentenceSupport


def render_intro(c: RenderContext, facts) -> list[SentenceSupport]:
    """ "The patient is a 50-year-old female with a past medical history significant for hypertension who
    presents for annual exam."; with the block's `one_liner` the assessment's opening line, the same without
    its subject ("50-year-old female with … who presents for annual exam.")."""
    age = next((f for f in c.of("demographics") if f.label == "age"), None)
    sex = next((f for f in c.of("demographics") if f.label == "sex"), None)
    cc = next(iter(c.of("chief_complaint")), None)
    pmh = [f for f in c.of("past_medical")][:3]
    if not age and not cc:
        return []
    used = [f for f in (age, sex, cc) if f]
    if c.lang == "fr":
        who = "Patient(e)" if not sex else ("Patient" if sex.value == "male" else "Patiente")
        parts = [who]
        if age:
            parts.append(f"de {age.value} ans")
        if cc:
            parts.append(f"consultant pour {cc.value or cc.label}")
        return [supported(sentence_case(" ".join(parts)), used)]
    who = "The patient"
    if not age and not sex:
        return [] if c.block.get("one_liner") or not cc else [_reason_for_visit(c, cc, pmh)]
    if c.block.get("one_liner"):
        # beside the assessment, a history the assessment weighs as possible now would read as confirmed
        weighed = {f.label for f in c.of("assessment") if f.attributes.get("certainty") != "confirmed"}
        pmh = [f for f in pmh if f.label not in weighed]
        if not (cc or pmh):
            return []  # "36-year-old female." says nothing the note's opening does not
    desc = []
    if age:
        desc.append(f"{age.value}-year-old")
    if sex or c.block.get("one_liner") or not age:
        desc.append(c.w(sex.value) if sex else "patient")  # "The patient is a 29-year-old who …", not "… patient"
    article = "an" if re.match(r"(?:8|11|18)(?!\d)|8\d(?!\d)", desc[0]) else "a"  # "an 84-year-old"
    text = " ".join(desc) if c.block.get("one_liner") else f"{who} is {article} {' '.join(desc)}"
    if pmh:
        text += f" with a past medical history significant for {join_items([f.label for f in pmh], 'en')}"
        used += pmh
    if cc:
        text += f" who presents today {_for_or_with(cc)} {complaint(cc, c)}"
    return [supported(sentence_case(text), used)]


def _for_or_with(cc: Fact) -> str:
    return "for" if re.match(r"(?:follow|evaluation|annual|check|routine|a |an )", cc.value or "") else "with"


def _reason_for_visit(c: RenderContext, cc: Fact, pmh: list[Fact]) -> SentenceSupport:
    """Neither age nor sex said: "The patient has a past medical history significant for hypertension and
    presents today with back pain." (the history only when there is one)."""
    if not pmh:
        return supported(f"The patient presents today {_for_or_with(cc)} {complaint(cc, c)}.", [cc])
    history = join_items([f.label for f in pmh], "en")
    text = f"The patient has a past medical history significant for {history} and presents today"
    return supported(f"{text} {_for_or_with(cc)} {complaint(cc, c)}.", [cc, *pmh])


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|me|myself)\b", re.I)


def complaint(cc: Fact, c: RenderContext) -> str:
    """The complaint in the note's words: "pain in your wrist" (the clinician's question) → "pain in the wrist";
    a complaint in the patient's own words ("burning when I pee") is the symptom read from the same words
    ("dysuria"), else said in the third person."""
    value = cc.value or cc.label
    if _FIRST_PERSON.search(value):
        where = {e.segment_id for e in cc.evidence}
        same = [f for f in c.of("symptom") if f.status == "present" and {e.segment_id for e in f.evidence} & where]
        value = c.label(same[0]) if same else patient_to_third(value, c.sex)
    return re.sub(r"\b(?:your|my)\b", "the", value, flags=re.I)


def render_chief_complaint(c: RenderContext, facts) -> list[SentenceSupport]:
    cc = next(iter(c.of("chief_complaint")), None)
    if cc is None:
        present = [f for f in c.of("symptom") if f.status == "present"]
        if not present:
            return []
        cc = present[0]
        return [supported(sentence_case(c.label(cc)), [cc])]
    return [supported(sentence_case(complaint(cc, c)), [cc])]


# Facts with a section of their own: an HPI statement that only repeats one of them is left out.
_OWN_SECTION = ("medication", "allergy", "social_history", "family_history")


def _repeats_own_section(c: RenderContext, statement: Fact) -> bool:
    quote = " ".join(e.quote for e in statement.evidence)

    def inside(kinds) -> bool:
        return any(any(e.quote and e.quote in quote for e in f.evidence) for k in kinds for f in c.of(k))

    return inside(_OWN_SECTION) and not inside(("symptom",))


# what opens a reply and says nothing ("Yeah, it hurts" → "it hurts")
_OPENER = re.compile(r"^(?:(?:yes|yeah|yep|okay|ok|sure|oh|well|right)\b[,.]?\s*)+", re.I)
# the first words of a statement that can follow "The patient reports" (written in lower case there)
_LOWER_FIRST = re.compile(
    r"^(?:he|she|they|it|this|that|these|those|the|his|her|their|there|a|an|just|only|also|some|sometimes|"
    r"now|then|when|after|before|since|about|over|in|on|at|most|every|each|both|nothing|everything)\b"
)
# a reply that starts by saying no keeps its own words: "reports no, ..." would read as the opposite
_NO_PREFIX = re.compile(r"^(?:no|not|nope|never|nothing|none|the patient)\b", re.I)


# a reply that opens with "no" answers a question the note does not print: "No just really just a headache" reads
# as a denial of what follows it
_ANSWERS_NO = re.compile(r"^\W*(?:no|nope|non)\b", re.I)


def reported(c: RenderContext, value: str, k: int, told_by: str | None = None) -> str | None:
    """A patient's statement as the HPI reports it ("It hurts to bend over." → "The patient reports it hurts
    to bend over."; later ones "He states …", "He also reports …"): the patient said it, the note says so.
    None when the statement cannot take the verb (a reply that opens with no, a subject already named)."""
    verbs = c.w("reports")
    if not verbs or not value:
        return None
    t = _OPENER.sub("", value.strip())
    if len(t.split()) < 3 or _NO_PREFIX.match(t) or not _LOWER_FIRST.match(t.lower()):
        return None  # "Went to Washington last weekend": a statement without its subject keeps its words
    t = t[0].lower() + t[1:]
    who = c.w("the_patient") if k == 0 or not c.sex else c.w(c.sex + "_subject")
    who = f"The patient's {told_by}" if told_by and c.lang == "en" else who  # a parent's account of a child
    verb = verbs.split("|")[k % len(verbs.split("|"))]
    return f"{who} {verb} {t}"


def _said_in_another(f: Fact, statements: list[Fact]) -> bool:
    """The statement is a part of a longer one of the note ("Au début c'était très fort" after "Ça a commencé
    hier soir, au début c'était très fort"): printed once."""
    t = (f.value or "").lower().rstrip(". ")
    return bool(t) and any(g is not f and t in (g.value or "").lower() and len(g.value) > len(t) for g in statements)


def _quoted(c: RenderContext, value: str) -> str:
    """A patient's statement the note keeps in their words, marked as theirs: « Patiente : ça a commencé hier
    soir » (French has no third-person rewrite: the words are quoted rather than passed off as the note's)."""
    who = {"male": "Patient", "female": "Patiente"}.get(c.sex or "", "Patient(e)")
    return f"{who} : « {value.strip().rstrip('.')} »."


def render_hpi(c: RenderContext, facts) -> list[SentenceSupport]:
    out = []
    statements = [
        f
        for f in c.of("hpi")
        if f.label == "statement" and not _repeats_own_section(c, f) and not _ANSWERS_NO.match(f.value or "")
    ]
    statements = [f for f in statements if not _said_in_another(f, statements)]
    quoted = " ".join(e.quote for f in statements for e in f.evidence)
    for f in statements:
        told_by = f.attributes.get("told_by")
        text = reported(c, f.value, len(out), told_by) if c.block.get("reported") else None
        if c.block.get("quoted") and not text:
            text = _quoted(c, f.value)
        out.append(supported(text or sentence_case(f.value), [f]))
    # a circumstance in note words ("majorée à l'inspiration profonde") says what its quoted statement does not
    attrs = [
        f
        for f in c.of("hpi")
        if f.label != "statement" and (f.attributes.get("restated") or not any(e.quote in quoted for e in f.evidence))
    ]
    seen = set()
    for f in attrs:
        key = (f.label, (f.value or "").lower())
        if key in seen:
            continue
        seen.add(key)
        out.append(supported(f"{c.w(f.label)}: {f.value}.", [f]))
    return out


def _sided(c: RenderContext, f: Fact) -> str:
    """ "right knee pain", "douleur au genou (côté droit)": the side the patient said, when there is one; "fever
    (resolved)" for a symptom had and gone (facts.gone)."""
    side = SIDE[c.lang].get(f.attributes.get("side") or "")
    gone = (" (épisode résolu)" if c.lang == "fr" else " (resolved)") if f.attributes.get("gone") else ""
    if not side:
        return c.label(f) + gone
    return (f"{side} {c.label(f)}" if c.lang == "en" else f"{c.label(f)} ({side})") + gone


def render_ros(c: RenderContext, facts) -> list[SentenceSupport]:
    syms = [f for f in c.of("symptom") if f.status in ("present", "absent") and f.label != "pain"]
    systems: dict[str, list[Fact]] = {}
    for f in syms:
        systems.setdefault(f.attributes.get("system") or "General", []).append(f)
    out = []
    for system, fs in systems.items():
        pos = [f for f in fs if f.status == "present"]
        neg = [f for f in fs if f.status == "absent"]
        parts = []
        if pos:
            parts.append(f"{c.w('endorses')} {join_items([_sided(c, f) for f in pos], c.lang)}.")
        if neg:
            parts.append(f"{c.w('denies')} {join_items([_sided(c, f) for f in neg], c.lang, negative=True)}.")
        name = SYSTEM_FR.get(system, system) if c.lang == "fr" else system
        text = f"{name}: {' '.join(parts)}"
        out.append(supported(elide(text, c.lang), pos + neg))
    return out


def _list_sentence(c: RenderContext, fs: list[Fact], prefix: str) -> list[SentenceSupport]:
    if not fs:
        return []
    return [supported(elide(f"{prefix} {join_items([c.label(f) for f in fs], c.lang)}.", c.lang), fs)]


def render_past_medical(c: RenderContext, facts) -> list[SentenceSupport]:
    return _list_sentence(c, c.of("past_medical"), c.w("pmh"))


_SAID_AS_VERB = re.compile(r"(?:took|taken|removed?|had|have had|underwent|opérée?)\b", re.I)


def render_past_surgical(c: RenderContext, facts) -> list[SentenceSupport]:
    fs = c.of("past_surgical")
    # the words said name it ("knee replacement"), unless they are the patient's verb ("took my gall bladder")
    said = [f.label if _SAID_AS_VERB.match(f.evidence[0].quote) else f.evidence[0].quote for f in fs]
    return [supported(sentence_case(f"{c.w('psh')} {text}"), [f]) for f, text in zip(fs, said)]


def render_family_history(c: RenderContext, facts) -> list[SentenceSupport]:
    out = []
    for f in c.of("family_history"):
        said = f.attributes.get("term") or c.label(f)  # "prostate cancer", not the class "cancer"
        if f.status == "none":
            out.append(supported(c.w("family_none"), [f]))
        elif f.status == "absent":
            rel = f.attributes.get("relative")
            # one relative's "no" is not the family's: "my dad doesn't have diabetes" (my uncle does)
            where = f"({rel})" if rel and rel not in ("family", "famille") else None
            in_family = where or ("dans la famille" if c.lang == "fr" else "in the family")
            out.append(supported(elide(f"{c.w('no')} {said} {in_family}.", c.lang), [f]))
        else:
            rel = f.attributes.get("relative")
            rel = None if rel in ("family", "famille") else rel  # "skin cancer runs in my family": no one named
            text = sentence_case(f"{c.w('family')} {said}" + (f" ({rel})" if rel else ""))
            out.append(supported(elide(text, c.lang), [f]))
    return out


def render_social_history(c: RenderContext, facts) -> list[SentenceSupport]:
    out = []
    for f in c.of("social_history"):
        if f.value and f.evidence and f.evidence[0].role != "clinician":
            out.append(supported(sentence_case(f.value), [f]))
    return out


def render_medications(c: RenderContext, facts) -> list[SentenceSupport]:
    meds = c.of("medication")
    marks = {
        "stopped": "arrêté" if c.lang == "fr" else "stopped",
        "historical": "essayé" if c.lang == "fr" else "tried",
    }
    return [_current_med(c, f, meds) for f in meds if f.status == "current"] + [
        supported(sentence_case(f"{med_text(c, f)} ({marks[f.status]})"), [f]) for f in meds if f.status in marks
    ]


def _current_med(c: RenderContext, f: Fact, meds: list[Fact]) -> SentenceSupport:
    """A drug the patient takes; one this visit changes says so beside the dose taken until now ("Fluoxetine
    (Prozac) 20 mg daily; changed this visit to 40 mg once daily"), so the list is never read as the
    regimen from today on."""
    later = next((m for m in meds if m.label == f.label and m.status == f.attributes.get("later")), None)
    if later is None or later.status != "changed":
        return supported(sentence_case(med_text(c, f)), [f])
    a = later.attributes
    regimen = " ".join(
        x for x in (dose_text(a, c.lang), frequency_text(a.get("frequency"), a.get("per_day"), c.lang)) if x
    )
    change = "modifié ce jour" if c.lang == "fr" else "changed this visit"
    text = f"{med_text(c, f)}; {change}" + (f" {'à' if c.lang == 'fr' else 'to'} {regimen}" if regimen else "")
    return supported(sentence_case(text), [f, later])


def render_allergies(c: RenderContext, facts) -> list[SentenceSupport]:
    fs = c.of("allergy")
    pos = [f for f in fs if f.status == "present"]
    if pos:
        out = []
        for f in pos:
            r = f.attributes.get("reaction")
            name = f.evidence[-1].quote if c.lang == "fr" else f.label
            out.append(supported(f"{c.w('allergic')} {name}" + (f" ({c.w('reaction')}: {r})." if r else "."), [f]))
        return out
    # "à la pénicilline, je crois" … "donc vous n'êtes pas allergique à la pénicilline": the record is corrected
    cleared = [supported(f"{c.w('not_allergic')} {_said(c, f)}.", [f]) for f in fs if f.attributes.get("cleared")]
    none = [f for f in fs if f.status == "none"]
    return cleared + ([supported(c.w("no_allergy"), none[:1])] if none and not cleared else [])


def _said(c: RenderContext, f) -> str:
    """The allergen as the visit said it, in a French note ("pénicilline"); its label in an English one."""
    m = lexicon.ALLERGEN.search(f.evidence[-1].quote) if c.lang == "fr" and f.evidence else None
    return m.group(0) if m else f.label


def render_vitals(c: RenderContext, facts) -> list[SentenceSupport]:
    out = []
    for f in c.of("vital"):
        name = VITAL_FR.get(f.label, f.label) if c.lang == "fr" else f.label.capitalize()
        where = f" ({c.w('home')})" if f.attributes.get("setting") == "home" else ""
        out.append(supported(f"{name}{where}: {f.value} {f.attributes.get('unit', '')}".rstrip() + ".", [f]))
    return out


def render_exam(c: RenderContext, facts) -> list[SentenceSupport]:
    out = []
    for f in c.of("exam"):
        name = (
            SYSTEM_FR.get(f.label, f.label)
            if c.lang == "fr"
            else f.label.capitalize()
            if f.label != "HEENT"
            else "HEENT"
        )
        out.append(supported(f"{name}: {sentence_case(f.value)}", [f]))
    return out


def render_results(c: RenderContext, facts) -> list[SentenceSupport]:
    return [supported(sentence_case(f.value), [f]) for f in c.of("result")]


RENDERERS = {
    "intro": render_intro,
    "chief_complaint": render_chief_complaint,
    "hpi": render_hpi,
    "ros": render_ros,
    "past_medical": render_past_medical,
    "past_surgical": render_past_surgical,
    "family_history": render_family_history,
    "social_history": render_social_history,
    "medications": render_medications,
    "allergies": render_allergies,
    "vitals": render_vitals,
    "exam": render_exam,
    "results": render_results,
    "assessment": render_assessment,
    "plan": render_plan,
    "assessment_plan": render_assessment_plan,
}
