"""Assessment and plan renderers: each problem as the clinician weighed it, and the plan in the groups a
physician's note uses (medical treatment, additional testing, referrals, counselling, follow-up).

The groups and their headings are template data (a block's `groups`: plan kind → heading, in the order the
note lists them); a template without `groups` keeps the plan in the order it was said.
"""

from __future__ import annotations

import re

from scribe.notes.facts.plan_items import when_phrase
from scribe.notes.medication import dose_text, frequency_text, render_medication
from scribe.notes.rendering import SIDE, RenderContext, elide, supported
from scribe.notes.text import sentence_case
from scribe.schemas_docs import Fact, SentenceSupport

# plan facts' kinds (and order types) → the group of the plan they belong to
_GROUP = {"lab": "test", "imaging": "test", "procedure": "procedure", "test": "test"}


def med_text(c: RenderContext, f: Fact) -> str:
    """ "Meloxicam (Mobic) 15 mg by mouth once daily, #14" — only what was said (scribe.notes.medication)."""
    return render_medication(f, c.lang).rstrip(".")


def plan_group(p: Fact) -> str:
    """medication, test, procedure, referral, advice or follow-up."""
    if p.label == "medication":
        return "medication"
    return _GROUP.get(p.attributes.get("type") or "", _GROUP.get(p.label, p.label))


def laid_out(c: RenderContext, lines: list[tuple[str, SentenceSupport]]) -> list[SentenceSupport]:
    """Plan lines in the template's groups, the group's heading on its first line ("Medical treatment: Start
    meloxicam 15 mg once daily."); groups the template does not name follow in the order said."""
    groups = c.block.get("groups") or {}
    if not groups:
        return [s for _g, s in lines]
    order = [g for g in groups if any(g == x for x, _s in lines)]
    order += [g for g in dict.fromkeys(x for x, _s in lines) if g not in groups]
    out: list[SentenceSupport] = []
    for g in order:
        mine = [s for x, s in lines if x == g]
        heading = groups.get(g)
        if heading:
            mine[0] = mine[0].model_copy(update={"text": f"{heading}: {mine[0].text}"})
        out.extend(mine)
    return out


def _dx_text(c: RenderContext, f: Fact) -> str:
    """ "Possible right upper lobe nodule", "History of skin cancer", "Hepatitis C (ICD-10-CM B19.20)"."""
    name = f.attributes.get("term") or c.label(f)
    side = SIDE[c.lang].get(f.attributes.get("laterality") or "")
    if side and c.lang == "en" and side not in name:
        name = f"{side} {name}"
    elif side and side not in name:
        name = f"{name} ({side})"
    if f.status == "historical":
        name = f"{c.w('pmh')} {name}"
    elif f.attributes.get("certainty") in ("possible", "probable"):
        name = f"{c.w(f.attributes['certainty'])} {name}"
    elif f.attributes.get("certainty") == "ruled-out":
        name = f"{c.w('ruled_out_before')} {name} {c.w('ruled_out')}".strip()
    name = elide(name[0].upper() + name[1:], c.lang)
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
    verb = c.w("standby" if m.attributes.get("standby") else m.status)  # (a prescription kept at home: not started)
    line = elide(f"{verb} {med_text(c, m)}", c.lang)  # "Arrêt d'ibuprofène"
    replaced = _replaced(c, m)
    if replaced:  # the old dose in its own unit: "0.5 tablet (previously 25 mg)"
        was = dose_text(replaced[0].attributes, c.lang)
        line += f" ({'auparavant' if c.lang == 'fr' else 'previously'} {was})"
    elif m.attributes.get("previous_frequency") == "as needed" and m.status == "changed":
        line += " (auparavant au besoin)" if c.lang == "fr" else " (previously as needed)"
    elif m.attributes.get("previous_frequency") == "irregularly" and m.status == "changed":
        line += " (auparavant pris irrégulièrement)" if c.lang == "fr" else " (previously taken irregularly)"
    elif m.status == "changed" and m.attributes.get("previous_frequency"):
        was = frequency_text(m.attributes["previous_frequency"], None, c.lang)
        line += f" ({'auparavant' if c.lang == 'fr' else 'previously'} {was})"
    return sentence_case(line)


def _replaced(c: RenderContext, m: Fact) -> list[Fact]:
    """The facts of the dose a changed drug replaces, when that dose was said."""
    before = m.attributes.get("previous_dose")
    if m.status != "changed" or before in (None, "") or str(before) == str(m.attributes.get("dose")):
        return []
    return [f for f in c.of("medication") if f.label == m.label and str(f.attributes.get("dose")) == str(before)][:1]


_FOLLOW_UP_WORDS = re.compile(r"^(?:follow|return|reassess|clinic will|à revoir|réévaluation|patient à)", re.I)
_BARE_FOLLOW_UP = re.compile(r"(?:follow[- ]up(?: visit)?|à revoir)\.?", re.I)


def _follow_up_text(c: RenderContext, p: Fact) -> str | None:
    """A visit in note words from its interval ("Take a look in 6 months." → "Follow-up in 6 months."); a bare
    "Follow up." is left out when another line says when."""
    when = p.attributes.get("interval")
    if not when and _BARE_FOLLOW_UP.fullmatch(p.value or ""):
        return None if any(q.attributes.get("interval") for q in c.of("plan") if q.label == "follow-up") else p.value
    if when and not _FOLLOW_UP_WORDS.match(p.value or ""):
        return f"{c.w('follow_up')}{when_phrase(when, c.lang)}."
    return sentence_case(p.value)


def _plan_lines(
    c: RenderContext, plans: list[Fact], done: set[str], last: bool = True
) -> list[tuple[str, SentenceSupport]]:
    """Plan items; one that orders a drug is written from the drug's fact (name, dose, frequency).
    `done`: drug facts already written; `last`: also write the drug changes no plan item named. Each line
    comes with its group (plan_group)."""
    out: list[tuple[str, SentenceSupport]] = []
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
                    line = sentence_case(med_text(c, m)) if given else _order_text(c, m)
                    out.append(("medication", supported(line, ([m, p] if kept else [m]) + _replaced(c, m))))
                done.add(m.id)
            continue
        line = _follow_up_text(c, p) if p.label == "follow-up" else sentence_case(p.value)
        if line:
            out.append((plan_group(p), supported(line, [p])))
    for m in meds if last else []:
        if m.status == "stopped" and m.attributes.get("prescriber") != "this clinician":
            continue  # the patient stopped it: the medication list says so; the plan holds this visit's orders
        if m.status in ("new", "changed", "stopped", "administered") and m.id not in done:
            out.append(("medication", supported(_order_text(c, m), [m, *_replaced(c, m)])))
    return out


def render_plan(c: RenderContext, facts) -> list[SentenceSupport]:
    return laid_out(c, _plan_lines(c, c.of("plan"), set()))


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
        out.extend(laid_out(c, _plan_lines(c, mine, written, last=False)))
    out.extend(laid_out(c, _plan_lines(c, [p for p in plans if p.id not in done], written)))
    return out
