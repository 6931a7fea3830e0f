"""Note composition from facts through a template, then the grounding guard.

Every sentence is built from facts and carries their ids and evidence; scribe.notes.verify then checks
each one attribute by attribute. Templates are YAML data (scribe/templates/*.yaml or a user path);
renderers are named in RENDERERS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from scribe.errors import ScribeError
from scribe.notes import lexicon as lx
from scribe.notes.medication import render_medication
from scribe.notes.text import sentence_case
from scribe.schemas_docs import Evidence, Fact, Note, NoteSection, SentenceSupport

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


class TemplateError(ScribeError):
    code = "bad_template"


@lru_cache(maxsize=32)
def _load_template(path: str) -> dict:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        raise TemplateError(f"template {Path(path).name} has no 'sections' list")
    for sec in data["sections"]:
        for blk in sec.get("blocks", []):
            if blk.get("render") not in RENDERERS:
                raise TemplateError(f"template {Path(path).name}: unknown renderer {blk.get('render')!r}; "
                                    f"known: {', '.join(RENDERERS)}")
    return data


def list_templates() -> list[str]:
    return sorted(p.stem for p in TEMPLATES_DIR.glob("*.yaml"))


def load_template(name_or_path: str) -> dict:
    p = Path(name_or_path)
    if p.suffix in (".yaml", ".yml", ".json") and p.is_file():
        return _load_template(str(p.resolve()))
    cand = TEMPLATES_DIR / f"{name_or_path}.yaml"
    if not cand.is_file():
        raise TemplateError(f"unknown template {name_or_path!r}; use one of {', '.join(list_templates())} "
                            f"or a path to a YAML template")
    return _load_template(str(cand))


# --------------------------------------------------------------------------- words

W = {
    "en": {"endorses": "Endorses", "denies": "Denies", "pmh": "History of", "no_allergy": "No known allergies.",
           "allergic": "Allergic to", "reaction": "reaction",
           "is_a": "is a", "year_old": "year-old", "male": "male", "female": "female", "family": "Family history of",
           "family_none": "No known family history.", "no": "No", "psh": "History of", "home": "at home",
           "new": "Start", "stopped": "Stop", "changed": "Change", "current": "Continue", "problem": "Problem",
           "administered": "Administered in clinic:",
           "duration": "Duration", "severity": "Severity", "location": "Location", "trigger": "Context",
           "quality": "Quality", "code": "ICD-10-CM", "negative": "denies", "possible": "Possible"},
    "fr": {"endorses": "Signale", "denies": "Pas de", "pmh": "Antécédent de", "no_allergy": "Pas d'allergie connue.",
           "allergic": "Allergie à", "reaction": "réaction",
           "is_a": "est un(e) patient(e) de", "year_old": "ans", "male": "homme", "female": "femme",
           "family": "Antécédent familial de", "family_none": "Pas d'antécédent familial connu.", "no": "Pas de",
           "psh": "Antécédent chirurgical :", "home": "à domicile", "new": "Introduction de", "stopped": "Arrêt de",
           "changed": "Modification de", "current": "Poursuite de", "administered": "Administré en consultation :", "problem": "Problème", "duration": "Durée",
           "severity": "Intensité", "location": "Localisation", "trigger": "Circonstances", "quality": "Type",
           "code": "CIM-10", "negative": "nie", "possible": "Suspicion de"},
}

_VITAL_FR = {"blood pressure": "Tension artérielle", "heart rate": "Fréquence cardiaque", "respiratory rate":
             "Fréquence respiratoire", "temperature": "Température", "oxygen saturation": "Saturation en oxygène",
             "weight": "Poids", "blood glucose": "Glycémie"}
_SYSTEM_FR = {"cardiovascular": "Cardiovasculaire", "respiratory": "Pulmonaire", "abdomen": "Abdomen",
              "musculoskeletal": "Ostéo-articulaire", "neurological": "Neurologique", "skin": "Peau",
              "HEENT": "ORL", "Constitutional": "Général", "Cardiovascular": "Cardiovasculaire",
              "Respiratory": "Respiratoire", "Gastrointestinal": "Digestif", "Genitourinary": "Urinaire",
              "Musculoskeletal": "Ostéo-articulaire", "Neurological": "Neurologique", "Skin": "Peau",
              "Psychiatric": "Psychique", "ENT": "ORL", "Eyes": "Yeux", "General": "Général"}


@dataclass
class Ctx:
    lang: str
    facts: list[Fact]
    sex: str | None = None
    used: set[str] = field(default_factory=set)

    def of(self, *kinds: str) -> list[Fact]:
        return [f for f in self.facts if f.kind in kinds]

    def w(self, key: str) -> str:
        return W.get(self.lang, W["en"])[key]

    def label(self, f: Fact) -> str:
        if self.lang == "fr":
            c = lx.SYMPTOM_BY_LABEL.get(f.label) or lx.CONDITION_BY_LABEL.get(f.label)
            if c:
                return c.fr
            if f.attributes.get("fr"):
                return f.attributes["fr"]
        return f.label


def S(text: str, facts: list[Fact]) -> SentenceSupport:
    ev: list[Evidence] = []
    for f in facts:
        for e in f.evidence:
            if e not in ev:
                ev.append(e)
    return SentenceSupport(text=text, fact_ids=[f.id for f in facts], evidence=ev)


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    conj = " et " if lang == "fr" else ", and " if len(items) > 2 else " and "
    return ", ".join(items[:-1]) + conj + items[-1]


# --------------------------------------------------------------------------- renderers


def r_intro(c: Ctx, facts) -> list[SentenceSupport]:
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
        return [S(sentence_case(" ".join(parts)), used)]
    who = "The patient"
    if not age and not sex:  # nothing to add to the chief complaint block (every template has one)
        return []
    desc = []
    if age:
        desc.append(f"{age.value}-year-old")
    desc.append(c.w(sex.value) if sex else "patient")
    text = f"{who} is a {' '.join(desc)}"
    if pmh:
        text += f" with a past medical history significant for {_join([f.label for f in pmh], 'en')}"
        used += pmh
    if cc:
        text += f" who presents {'for' if re.match(r'(?:follow|evaluation|annual|check|routine|a |an )', cc.value or '') else 'with'} {cc.value or cc.label}"
    return [S(sentence_case(text), used)]


def r_chief_complaint(c: Ctx, facts) -> list[SentenceSupport]:
    cc = next(iter(c.of("chief_complaint")), None)
    if cc is None:
        present = [f for f in c.of("symptom") if f.status == "present"]
        if not present:
            return []
        cc = present[0]
        return [S(sentence_case(c.label(cc)), [cc])]
    return [S(sentence_case(cc.value or cc.label), [cc])]


# Facts with a section of their own: an HPI statement that only repeats one of them is left out.
_OWN_SECTION = ("medication", "allergy", "social_history", "family_history")


def _repeats_own_section(c: Ctx, statement: Fact) -> bool:
    quote = " ".join(e.quote for e in statement.evidence)
    inside = lambda kinds: [f for k in kinds for f in c.of(k)  # noqa: E731
                            if any(e.quote and e.quote in quote for e in f.evidence)]
    return bool(inside(_OWN_SECTION)) and not inside(("symptom",))


def r_hpi(c: Ctx, facts) -> list[SentenceSupport]:
    out = []
    statements = [f for f in c.of("hpi") if f.label == "statement" and not _repeats_own_section(c, f)]
    quoted = " ".join(e.quote for f in statements for e in f.evidence)
    for f in statements:
        out.append(S(sentence_case(f.value), [f]))
    attrs = [f for f in c.of("hpi") if f.label != "statement" and not any(e.quote in quoted for e in f.evidence)]
    seen = set()
    for f in attrs:
        key = (f.label, (f.value or "").lower())
        if key in seen:
            continue
        seen.add(key)
        out.append(S(f"{c.w(f.label)}: {f.value}.", [f]))
    return out


def r_ros(c: Ctx, facts) -> list[SentenceSupport]:
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
            parts.append(f"{c.w('endorses')} {_join([c.label(f) for f in pos], c.lang)}.")
        if neg:
            parts.append(f"{c.w('denies')} {_join([c.label(f) for f in neg], c.lang)}.")
        name = _SYSTEM_FR.get(system, system) if c.lang == "fr" else system
        out.append(S(f"{name}: {' '.join(parts)}", pos + neg))
    return out


def _list_sentence(c: Ctx, fs: list[Fact], prefix: str) -> list[SentenceSupport]:
    if not fs:
        return []
    return [S(f"{prefix} {_join([c.label(f) for f in fs], c.lang)}.", fs)]


def r_past_medical(c: Ctx, facts) -> list[SentenceSupport]:
    return _list_sentence(c, c.of("past_medical"), c.w("pmh"))


def r_past_surgical(c: Ctx, facts) -> list[SentenceSupport]:
    fs = c.of("past_surgical")
    return [S(sentence_case(f"{c.w('psh')} {f.evidence[0].quote}"), [f]) for f in fs]


def r_family_history(c: Ctx, facts) -> list[SentenceSupport]:
    out = []
    for f in c.of("family_history"):
        if f.status == "none":
            out.append(S(c.w("family_none"), [f]))
        elif f.status == "absent":
            out.append(S(f"{c.w('no')} {c.label(f)} {'dans la famille' if c.lang == 'fr' else 'in the family'}.", [f]))
        else:
            rel = f.attributes.get("relative")
            out.append(S(sentence_case(f"{c.w('family')} {c.label(f)}" + (f" ({rel})" if rel else "")), [f]))
    return out


def r_social_history(c: Ctx, facts) -> list[SentenceSupport]:
    out = []
    for f in c.of("social_history"):
        if f.value and f.evidence and f.evidence[0].role != "clinician":
            out.append(S(sentence_case(f.value), [f]))
    return out


def _med_text(c: Ctx, f: Fact) -> str:
    """"Meloxicam (Mobic) 15 mg by mouth once daily, #14" — only what was said (scribe.notes.medication)."""
    return render_medication(f, c.lang).rstrip(".")


def r_medications(c: Ctx, facts) -> list[SentenceSupport]:
    meds = [f for f in c.of("medication") if f.status in ("current", "changed", "stopped")]
    return [S(sentence_case(_med_text(c, f)), [f]) for f in meds if f.status == "current"] + \
        [S(sentence_case(f"{_med_text(c, f)} ({'arrêté' if c.lang == 'fr' else 'stopped'})"), [f])
         for f in meds if f.status == "stopped"]


def r_allergies(c: Ctx, facts) -> list[SentenceSupport]:
    fs = c.of("allergy")
    pos = [f for f in fs if f.status == "present"]
    if pos:
        out = []
        for f in pos:
            r = f.attributes.get("reaction")
            name = f.evidence[-1].quote if c.lang == "fr" else f.label
            out.append(S(f"{c.w('allergic')} {name}" + (f" ({c.w('reaction')}: {r})." if r else "."), [f]))
        return out
    none = [f for f in fs if f.status == "none"]
    return [S(c.w("no_allergy"), none[:1])] if none else []


def r_vitals(c: Ctx, facts) -> list[SentenceSupport]:
    out = []
    for f in c.of("vital"):
        name = _VITAL_FR.get(f.label, f.label) if c.lang == "fr" else f.label.capitalize()
        where = f" ({c.w('home')})" if f.attributes.get("setting") == "home" else ""
        out.append(S(f"{name}{where}: {f.value} {f.attributes.get('unit', '')}".rstrip() + ".", [f]))
    return out


def r_exam(c: Ctx, facts) -> list[SentenceSupport]:
    out = []
    for f in c.of("exam"):
        name = _SYSTEM_FR.get(f.label, f.label) if c.lang == "fr" else f.label.capitalize() if f.label != "HEENT" else "HEENT"
        out.append(S(f"{name}: {sentence_case(f.value)}", [f]))
    return out


def r_results(c: Ctx, facts) -> list[SentenceSupport]:
    return [S(sentence_case(f.value), [f]) for f in c.of("result")]


_SIDE = {"en": {"left": "left", "right": "right", "bilateral": "bilateral"},
         "fr": {"left": "côté gauche", "right": "côté droit", "bilateral": "bilatéral"}}


def _dx_text(c: Ctx, f: Fact) -> str:
    """"Possible right upper lobe nodule", "History of skin cancer", "Hepatitis C (ICD-10-CM B19.20)"."""
    name = f.attributes.get("term") or c.label(f)
    side = _SIDE[c.lang].get(f.attributes.get("laterality") or "")
    if side and c.lang == "en" and side not in name:
        name = f"{side} {name}"
    elif side and side not in name:
        name = f"{name} ({side})"
    if f.status == "historical":
        name = f"{c.w('pmh')} {name}"
    elif f.attributes.get("certainty") == "possible":
        name = f"{c.w('possible')} {name}"
    name = name[0].upper() + name[1:]
    code = f.attributes.get("code")
    return f"{name} ({c.w('code')} {code})" if code and f.attributes.get("certainty") != "possible" else name


def _problems(c: Ctx) -> list[Fact]:
    """The problems the assessment lists: the diagnoses, else the complaint that was worked up."""
    dx = c.of("assessment")
    if dx:
        return dx
    cc = c.of("chief_complaint")[:1] or [f for f in c.of("symptom") if f.status == "present"][:1]
    return cc


def _problem_text(c: Ctx, f: Fact) -> str:
    if f.kind == "assessment":
        return _dx_text(c, f) + "."
    return sentence_case(f.value or c.label(f) if f.kind == "chief_complaint" else c.label(f))


def r_assessment(c: Ctx, facts) -> list[SentenceSupport]:
    return [S(_problem_text(c, f), [f]) for f in _problems(c)]


def _plan_lines(c: Ctx, plans: list[Fact], done: set[str], last: bool = True) -> list[SentenceSupport]:
    """Plan items; one that orders a drug is written from the drug's fact (name, dose, frequency).
    `done`: drug facts already written; `last`: also write the drug changes no plan item named."""
    out: list[SentenceSupport] = []
    meds = [f for f in c.of("medication") if f.status in ("new", "changed", "stopped", "current", "administered")]
    for p in plans:
        quote = " ".join(e.quote for e in p.evidence)
        named = [m for m in meds if any(e.quote and e.quote in quote for e in m.evidence)]
        if named:
            for m in named:
                if m.id not in done:
                    out.append(S(sentence_case(f"{c.w(m.status)} {_med_text(c, m)}"), [m]))
                done.add(m.id)
            continue
        out.append(S(sentence_case(p.value), [p]))
    for m in meds if last else []:
        if m.status in ("new", "changed", "stopped", "administered") and m.id not in done:
            out.append(S(sentence_case(f"{c.w(m.status)} {_med_text(c, m)}"), [m]))
    return out


def r_plan(c: Ctx, facts) -> list[SentenceSupport]:
    return _plan_lines(c, c.of("plan"), set())


def r_assessment_plan(c: Ctx, facts) -> list[SentenceSupport]:
    """Each problem followed by its own plan items, then the plan items tied to no problem."""
    out: list[SentenceSupport] = []
    plans = c.of("plan")
    done: set[str] = set()
    written: set[str] = set()
    for d in _problems(c):
        out.append(S(_problem_text(c, d), [d]))
        mine = [p for p in plans if p.attributes.get("problem") == d.label and p.id not in done]
        done.update(p.id for p in mine)
        out.extend(_plan_lines(c, mine, written, last=False))
    out.extend(_plan_lines(c, [p for p in plans if p.id not in done], written))
    return out


RENDERERS = {
    "intro": r_intro, "chief_complaint": r_chief_complaint, "hpi": r_hpi, "ros": r_ros,
    "past_medical": r_past_medical, "past_surgical": r_past_surgical, "family_history": r_family_history,
    "social_history": r_social_history, "medications": r_medications, "allergies": r_allergies,
    "vitals": r_vitals, "exam": r_exam, "results": r_results, "assessment": r_assessment, "plan": r_plan,
    "assessment_plan": r_assessment_plan,
}

# --------------------------------------------------------------------------- compose


def compose(facts: list[Fact], template: str = "soap", language: str | None = None, sex: str | None = None,
            extra: dict[str, list[SentenceSupport]] | None = None) -> Note:
    """Facts → Note (not yet guarded). `extra` adds sentences (e.g. LLM prose) to sections by key."""
    tpl = load_template(template)
    lang = language or tpl.get("language", "en")
    if sex is None:
        sx = next((f for f in facts if f.kind == "demographics" and f.label == "sex"), None)
        sex = sx.value if sx else None
    c = Ctx(lang=lang if lang in W else "en", facts=facts, sex=sex)
    note = Note(template=tpl.get("name", template), language=lang, title=tpl.get("title", template))
    emitted: set[str] = set()
    for sec in tpl["sections"]:
        sentences: list[SentenceSupport] = []
        for blk in sec.get("blocks", []):
            out = RENDERERS[blk["render"]](c, blk.get("feeds", []))
            if out and blk.get("heading"):
                out[0] = out[0].model_copy(update={"text": f"{blk['heading']}: {out[0].text}"})
            sentences.extend(out)
        if extra and sec["key"] in extra:
            sentences.extend(extra[sec["key"]])
        sentences = [x for x in sentences if not (x.text in emitted or emitted.add(x.text))]
        if sentences:
            note.sections.append(NoteSection(key=sec["key"], title=sec["title"], sentences=sentences))
    note.markdown = to_markdown(note)
    return note


def to_markdown(note: Note) -> str:
    lines = [f"# {note.title}", ""]
    if not note.sections:
        lines.append("_No clinical content was found in this consultation._")
    for sec in note.sections:
        lines += [f"## {sec.title}", ""]
        for s in sec.sentences:
            mark = " ⚠" if s.status == "flagged" else ""
            lines.append(f"- {s.text}{mark}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def plain_text(note: Note) -> str:
    """The note as text without markup (for ROUGE and previews)."""
    out = []
    for sec in note.sections:
        out.append(sec.title)
        out.extend(s.text for s in sec.sentences)
        out.append("")
    return "\n".join(out)
