"""The section renderers a template names (RENDERERS): each turns the facts of its kinds into note
sentences in clinical register, every sentence carrying the facts it states."""

from __future__ import annotations

import re

from scribe.notes.medication import dose_text, frequency_text, render_medication
from scribe.notes.rendering import SYSTEM_FR, VITAL_FR, RenderContext, join_items, supported
from scribe.notes.text import sentence_case
from scribe.schemas_docs import Fact, SentenceSupport


def render_intro(c: RenderContext, facts) -> list[SentenceSupport]:
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
    if not age and not sex:  # nothing to add to the chief complaint block (every template has one)
        return []
    desc = []
    if age:
        desc.append(f"{age.value}-year-old")
    desc.append(c.w(sex.value) if sex else "patient")
    text = f"{who} is a {' '.join(desc)}"
    if pmh:
        text += f" with a past medical history significant for {join_items([f.label for f in pmh], 'en')}"
        used += pmh
    if cc:
        visit_reason = re.match(r"(?:follow|evaluation|annual|check|routine|a |an )", cc.value or "")
        text += f" who presents {'for' if visit_reason else 'with'} {cc.value or cc.label}"
    return [supported(sentence_case(text), used)]


def render_chief_complaint(c: RenderContext, facts) -> list[SentenceSupport]:
    cc = next(iter(c.of("chief_complaint")), None)
    if cc is None:
        present = [f for f in c.of("symptom") if f.status == "present"]
        if not present:
            return []
        cc = present[0]
        return [supported(sentence_case(c.label(cc)), [cc])]
    return [supported(sentence_case(cc.value or cc.label), [cc])]


# Facts with a section of their own: an HPI statement that only repeats one of them is left out.
_OWN_SECTION = ("medication", "allergy", "social_history", "family_history")


def _repeats_own_section(c: RenderContext, statement: Fact) -> bool:
    quote = " ".join(e.quote for e in statement.evidence)

    def inside(kinds) -> bool:
        return any(any(e.quote and e.quote in quote for e in f.evidence) for k in kinds for f in c.of(k))

    return inside(_OWN_SECTION) and not inside(("symptom",))


def render_hpi(c: RenderContext, facts) -> list[SentenceSupport]:
    out = []
    statements = [f for f in c.of("hpi") if f.label == "statement" and not _repeats_own_section(c, f)]
    quoted = " ".join(e.quote for f in statements for e in f.evidence)
    for f in statements:
        out.append(supported(sentence_case(f.value), [f]))
    attrs = [f for f in c.of("hpi") if f.label != "statement" and not any(e.quote in quoted for e in f.evidence)]
    seen = set()
    for f in attrs:
        key = (f.label, (f.value or "").lower())
        if key in seen:
            continue
        seen.add(key)
        out.append(supported(f"{c.w(f.label)}: {f.value}.", [f]))
    return out


def _sided(c: RenderContext, f: Fact) -> str:
    """ "right knee pain", "douleur au genou (côté droit)": the side the patient said, when there is one."""
    side = _SIDE[c.lang].get(f.attributes.get("side") or "")
    if not side:
        return c.label(f)
    return f"{side} {c.label(f)}" if c.lang == "en" else f"{c.label(f)} ({side})"


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
        out.append(supported(f"{name}: {' '.join(parts)}", pos + neg))
    return out


def _list_sentence(c: RenderContext, fs: list[Fact], prefix: str) -> list[SentenceSupport]:
    if not fs:
        return []
    return [supported(f"{prefix} {join_items([c.label(f) for f in fs], c.lang)}.", fs)]


def render_past_medical(c: RenderContext, facts) -> list[SentenceSupport]:
    return _list_sentence(c, c.of("past_medical"), c.w("pmh"))


def render_past_surgical(c: RenderContext, facts) -> list[SentenceSupport]:
    fs = c.of("past_surgical")
    return [supported(sentence_case(f"{c.w('psh')} {f.evidence[0].quote}"), [f]) for f in fs]


def render_family_history(c: RenderContext, facts) -> list[SentenceSupport]:
    out = []
    for f in c.of("family_history"):
        if f.status == "none":
            out.append(supported(c.w("family_none"), [f]))
        elif f.status == "absent":
            out.append(
                supported(f"{c.w('no')} {c.label(f)} {'dans la famille' if c.lang == 'fr' else 'in the family'}.", [f])
            )
        else:
            rel = f.attributes.get("relative")
            out.append(supported(sentence_case(f"{c.w('family')} {c.label(f)}" + (f" ({rel})" if rel else "")), [f]))
    return out


def render_social_history(c: RenderContext, facts) -> list[SentenceSupport]:
    out = []
    for f in c.of("social_history"):
        if f.value and f.evidence and f.evidence[0].role != "clinician":
            out.append(supported(sentence_case(f.value), [f]))
    return out


def _med_text(c: RenderContext, f: Fact) -> str:
    """ "Meloxicam (Mobic) 15 mg by mouth once daily, #14" — only what was said (scribe.notes.medication)."""
    return render_medication(f, c.lang).rstrip(".")


def render_medications(c: RenderContext, facts) -> list[SentenceSupport]:
    meds = c.of("medication")
    marks = {
        "stopped": "arrêté" if c.lang == "fr" else "stopped",
        "historical": "essayé" if c.lang == "fr" else "tried",
    }
    return [_current_med(c, f, meds) for f in meds if f.status == "current"] + [
        supported(sentence_case(f"{_med_text(c, f)} ({marks[f.status]})"), [f]) for f in meds if f.status in marks
    ]


def _current_med(c: RenderContext, f: Fact, meds: list[Fact]) -> SentenceSupport:
    """A drug the patient takes; one this visit changes says so beside the dose taken until now ("Fluoxetine
    (Prozac) 20 mg daily; changed this visit to 40 mg once daily"), so the list is never read as the
    regimen from today on."""
    later = next((m for m in meds if m.label == f.label and m.status == f.attributes.get("later")), None)
    if later is None or later.status != "changed":
        return supported(sentence_case(_med_text(c, f)), [f])
    a = later.attributes
    regimen = " ".join(
        x for x in (dose_text(a, c.lang), frequency_text(a.get("frequency"), a.get("per_day"), c.lang)) if x
    )
    change = "modifié ce jour" if c.lang == "fr" else "changed this visit"
    text = f"{_med_text(c, f)}; {change}" + (f" {'à' if c.lang == 'fr' else 'to'} {regimen}" if regimen else "")
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
    none = [f for f in fs if f.status == "none"]
    return [supported(c.w("no_allergy"), none[:1])] if none else []


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


_SIDE = {
    "en": {"left": "left", "right": "right", "bilateral": "bilateral"},
    "fr": {"left": "côté gauche", "right": "côté droit", "bilateral": "bilatéral"},
}


def _dx_text(c: RenderContext, f: Fact) -> str:
    """ "Possible right upper lobe nodule", "History of skin cancer", "Hepatitis C (ICD-10-CM B19.20)"."""
    name = f.attributes.get("term") or c.label(f)
    side = _SIDE[c.lang].get(f.attributes.get("laterality") or "")
    if side and c.lang == "en" and side not in name:
        name = f"{side} {name}"
    elif side and side not in name:
        name = f"{name} ({side})"
    if f.status == "historical":
        name = f"{c.w('pmh')} {name}"
    elif f.attributes.get("certainty") in ("possible", "probable"):
        name = f"{c.w(f.attributes['certainty'])} {name}"
    elif f.attributes.get("certainty") == "ruled-out":
        name = f"{name} {c.w('ruled_out')}"
    name = name[0].upper() + name[1:]
    code = f.attributes.get("code")
    if f.attributes.get("certainty") in ("possible", "probable", "ruled-out"):
        code = None  # outpatient coding rules: a possible or probable diagnosis is not coded
    return f"{name} ({c.w('code')} {code})" if code else name


def _problems(c: RenderContext) -> list[Fact]:
    """The problems the assessment lists: the diagnoses, else the complaint that was worked up."""
    dx = c.of("assessment")
    if dx:
        return dx
    cc = c.of("chief_complaint")[:1] or [f for f in c.of("symptom") if f.status == "present"][:1]
    return cc


def _problem_text(c: RenderContext, f: Fact) -> str:
    """A diagnosis as the clinician weighed it; without one, the complaint worked up, in clinical words
    ("Abdominal pain.", where the chief complaint keeps the patient's "mal au ventre")."""
    if f.kind == "assessment":
        return _dx_text(c, f) + "."
    return sentence_case(c.label(f))


def render_assessment(c: RenderContext, facts) -> list[SentenceSupport]:
    return [supported(_problem_text(c, f), [f]) for f in _problems(c)]


def _order_text(c: RenderContext, m: Fact) -> str:
    """ "Start meloxicam (Mobic) 15 mg once daily", "Change fluoxetine (Prozac) 40 mg once daily (previously 20
    mg)": a changed dose names the one it replaces (the sentence cites where it was said: _replaced)."""
    line = f"{c.w(m.status)} {_med_text(c, m)}"
    if _replaced(c, m):
        was = dose_text({**m.attributes, "dose": m.attributes["previous_dose"]}, c.lang)
        line += f" ({'auparavant' if c.lang == 'fr' else 'previously'} {was})"
    return sentence_case(line)


def _replaced(c: RenderContext, m: Fact) -> list[Fact]:
    """The facts of the dose a changed drug replaces, when that dose was said."""
    before = m.attributes.get("previous_dose")
    if m.status != "changed" or before in (None, "") or str(before) == str(m.attributes.get("dose")):
        return []
    return [f for f in c.of("medication") if f.label == m.label and str(f.attributes.get("dose")) == str(before)][:1]


def _plan_lines(c: RenderContext, plans: list[Fact], done: set[str], last: bool = True) -> list[SentenceSupport]:
    """Plan items; one that orders a drug is written from the drug's fact (name, dose, frequency).
    `done`: drug facts already written; `last`: also write the drug changes no plan item named."""
    out: list[SentenceSupport] = []
    meds = [f for f in c.of("medication") if f.status in ("new", "changed", "stopped", "current", "administered")]
    for p in plans:
        quote = " ".join(e.quote for e in p.evidence)
        # kept: "continue your lasix", a drug named earlier in the visit; a test or advice said in the same
        # clause as a drug stays its own line (the drug's changes are written at the end)
        kept = [m for m in meds if m.status == "current" and m.label == p.attributes.get("drug")][:1]
        named = kept or [
            m for m in meds if p.label == "medication" and any(e.quote and e.quote in quote for e in m.evidence)
        ]
        moved = {m.label for m in meds if m.status in ("new", "changed", "stopped")}
        if named:
            for m in named:
                if m.status == "current" and m.label in moved:
                    continue  # the drug's change is its line, not "Continue" beside "Change"
                if m.id not in done:  # a drug ordered now but read as current: its line, without "Continue"
                    given = p.attributes.get("prescribed") and m.status == "current"
                    line = sentence_case(_med_text(c, m)) if given else _order_text(c, m)
                    out.append(supported(line, ([m, p] if kept else [m]) + _replaced(c, m)))
                done.add(m.id)
            continue
        out.append(supported(sentence_case(p.value), [p]))
    for m in meds if last else []:
        if m.status == "stopped" and m.attributes.get("prescriber") != "this clinician":
            continue  # the patient stopped it: the medication list says so; the plan holds this visit's orders
        if m.status in ("new", "changed", "stopped", "administered") and m.id not in done:
            out.append(supported(_order_text(c, m), [m, *_replaced(c, m)]))
    return out


def render_plan(c: RenderContext, facts) -> list[SentenceSupport]:
    return _plan_lines(c, c.of("plan"), set())


def render_assessment_plan(c: RenderContext, facts) -> list[SentenceSupport]:
    """Each problem followed by its own plan items, then the plan items tied to no problem."""
    out: list[SentenceSupport] = []
    plans = c.of("plan")
    done: set[str] = set()
    written: set[str] = set()
    for d in _problems(c):
        out.append(supported(_problem_text(c, d), [d]))
        mine = [p for p in plans if p.attributes.get("problem") == d.label and p.id not in done]
        done.update(p.id for p in mine)
        out.extend(_plan_lines(c, mine, written, last=False))
    out.extend(_plan_lines(c, [p for p in plans if p.id not in done], written))
    return out


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
