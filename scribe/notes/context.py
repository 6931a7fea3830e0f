"""Question-assistant context: what the consultation has established (JSON record + a text block to put
before an assistant prompt, and the contract's items with stable ids), the questions actually asked, and
the chief complaint's checklist (YAML data, scribe/notes/checklists) answered or still open. The same
builder serves the live context (final segments so far) and the final one; docs/assistant.md is the
contract. `answered(question)` is in answers_ask.py.
"""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.answers_ask import answered, embedding_available, reader_for
from scribe.notes.checklists import for_complaints
from scribe.notes.context_topics import facts_for_topic, topics_of
from scribe.notes.facts import Extractor
from scribe.notes.facts.reader import ConsultationReader
from scribe.schemas import Transcript
from scribe.schemas_docs import AskedQuestion, AssistantContext, ChecklistItem, EstablishedItem, Fact

__all__ = ["answered", "build", "embedding_available", "reader_for"]

_FR_TOPIC = {
    "duration": "durée / début",
    "location": "localisation",
    "severity": "intensité",
    "triggers": "facteurs déclenchants ou soulageants",
    "quality": "type de douleur",
    "medications": "traitements en cours",
    "allergies": "allergies",
    "medical history": "antécédents médicaux",
    "family history": "antécédents familiaux",
    "surgical history": "antécédents chirurgicaux",
    "tobacco": "tabac",
    "alcohol": "alcool",
}


# --------------------------------------------------------------------------- building


def asked_questions(tr: Transcript, ex: Extractor | None = None) -> list[AskedQuestion]:
    ex = ex or Extractor(tr)
    out = []
    for k, s in enumerate(ex.sents):
        if not (ex.is_clin(k) and s.question) or len(s.text.split()) < 2:
            continue
        ans = ex.answer_to(k)
        if not ans:
            continue
        last = ans[:3][-1]
        reply = tr.segments[ex.sents[ans[0]].seg_index].text[ex.sents[ans[0]].start : ex.sents[last].end]
        topics = topics_of(s.text)
        aseg = tr.segments[ex.sents[ans[0]].seg_index]
        out.append(
            AskedQuestion(
                question=s.text,
                answer=reply,
                question_segment=tr.segments[s.seg_index].id,
                answer_segment=aseg.id,
                answer_start=aseg.start,
                answer_end=aseg.end,
                topic=topics[0] if topics else None,
            )
        )
    return out


def build(
    tr: Transcript,
    facts: list[Fact],
    language: str | None = None,
    ex: Extractor | None = None,
    checklist_dir: str | None = None,
) -> AssistantContext:
    """The context of the transcript so far (live) or of the whole visit (the caller marks it final)."""
    lang = language or tr.language or "en"
    lang = "fr" if lang == "fr" else "en"
    asked = asked_questions(tr, ex) if tr.segments else []

    def labels(kind, status=None):
        return [f.label for f in facts if f.kind == kind and (status is None or f.status == status)]

    record = {
        "demographics": {f.label: f.value for f in facts if f.kind == "demographics"},
        "chief_complaint": next((f.value or f.label for f in facts if f.kind == "chief_complaint"), None),
        "hpi": {f.label: f.value for f in facts if f.kind == "hpi" and f.label != "statement"},
        "symptoms_present": labels("symptom", "present"),
        "symptoms_absent": labels("symptom", "absent"),
        "medications": [
            {
                "name": f.label,
                "dose": f.attributes.get("dose"),
                "unit": f.attributes.get("unit"),
                "frequency": f.attributes.get("frequency"),
                "status": f.status,
                **({"only_if": f.attributes["standby"]} if f.attributes.get("standby") else {}),  # kept at home
            }
            for f in facts
            if f.kind == "medication"
        ],
        "allergies": [
            ("none known" if f.status == "none" else f.label)
            for f in facts
            if f.kind == "allergy" and f.status in ("none", "present")
        ],
        "history": {
            "medical": labels("past_medical"),
            "surgical": labels("past_surgical"),
            "family": [
                f"{f.label} ({f.attributes.get('relative', 'family')})" if f.status == "present" else f"no {f.label}"
                for f in facts
                if f.kind == "family_history"
            ],
            "social": {f.label: f.status for f in facts if f.kind == "social_history"},
        },
        "vitals": {f.label: f"{f.value} {f.attributes.get('unit', '')}".strip() for f in facts if f.kind == "vital"},
        "working_diagnoses": [
            {"label": f.label, "icd10cm": f.attributes.get("code")}
            for f in facts
            if f.kind == "assessment" and f.status != "absent"
        ],
        "plan": [f.value for f in facts if f.kind == "plan"][:12],
    }
    record = {k: v for k, v in record.items() if v not in (None, [], {}, "")}
    reader = ex or (Extractor(tr, lang) if tr.segments else None)
    name, items = checklist(facts, asked, record.get("chief_complaint"), lang, reader, checklist_dir)
    ctx = AssistantContext(
        language=lang,
        record=record,
        asked=asked,
        checklist_missing=[i.topic for i in items if not i.answered],
        checklist_covered=[i.topic for i in items if i.answered],
        based_on=round(tr.segments[-1].end, 2) if tr.segments else 0.0,
        segments=len(tr.segments),
        checklist_name=name,
        checklist=items,
        established=established(facts),
    )
    ctx.text = to_text(ctx)
    return ctx


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9à-ÿ]+", "-", text.lower()).strip("-")[:60]


def established(facts: list[Fact]) -> list[EstablishedItem]:
    """The facts as the contract's items, ids from what they say (kind, label, status), not from their
    rank: the live context and the final one share the ids of the facts they share."""
    out, seen = [], {}
    for f in facts:
        base = ":".join(x for x in (f.kind, _slug(f.label), f.status) if x)
        seen[base] = seen.get(base, 0) + 1
        item_id = base if seen[base] == 1 else f"{base}#{seen[base]}"
        out.append(
            EstablishedItem(
                id=item_id,
                kind=f.kind,
                label=f.label,
                status=f.status,
                value=f.value,
                attributes={k: v for k, v in f.attributes.items() if isinstance(v, (str, int, float, bool))},
                evidence=f.evidence[:2],
            )
        )
    return out


def _covered(topic: str, facts: list[Fact], asked: list[AskedQuestion]) -> bool:
    if facts_for_topic(topic, facts):
        return True
    return any(a.topic == topic or topic in topics_of(a.question) for a in asked)


def checklist(
    facts: list[Fact],
    asked: list[AskedQuestion],
    complaint: str | None,
    language: str = "en",
    reader: ConsultationReader | None = None,
    checklist_dir: str | None = None,
) -> tuple[str, list[ChecklistItem]]:
    """The chief complaint's checklist (YAML data), each item answered or open by the same answered()
    that serves questions (or covered by the facts / an asked question of its topic)."""
    cc_concepts = [c.label for _s, _e, c in lexicon.find_concepts("symptom", complaint or "")]
    if not cc_concepts:
        cc_concepts = [f.label for f in facts if f.kind == "symptom" and f.status == "present"][:1]
    chosen = for_complaints(cc_concepts, checklist_dir)
    items = []
    for entry in chosen.items:
        a = answered(entry.en, facts, asked, language, use_embeddings=False, reader=reader)
        covered = a.answered or _covered(entry.topic, facts, asked)
        items.append(
            ChecklistItem(
                id=f"{_slug(chosen.name)}.{_slug(entry.topic)}",
                topic=entry.topic,
                question=entry.fr if language == "fr" else entry.en,
                answered=covered,
                answer=a.answer if a.answered else None,
                evidence=a.evidence[:2] if a.answered else [],
            )
        )
    return chosen.name, items


def _flat(value) -> str:
    """A record value as text: lists joined, mappings as "key value" pairs."""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, dict):
        return ", ".join(f"{x} {y}" for x, y in value.items())
    return str(value)


def to_text(ctx: AssistantContext) -> str:
    r = ctx.record
    fr = ctx.language == "fr"
    lines = [
        "Consultation en cours — faits établis (ne pas redemander) :"
        if fr
        else "Consultation so far — established facts (do not ask again):"
    ]
    names = {
        "demographics": ("Patient", "Patient"),
        "chief_complaint": ("Motif", "Chief complaint"),
        "hpi": ("Histoire", "History"),
        "symptoms_present": ("Symptômes présents", "Symptoms present"),
        "symptoms_absent": ("Symptômes absents", "Symptoms absent"),
        "medications": ("Traitements", "Medications"),
        "allergies": ("Allergies", "Allergies"),
        "history": ("Antécédents", "History"),
        "vitals": ("Constantes", "Vitals"),
        "working_diagnoses": ("Hypothèses", "Working diagnoses"),
        "plan": ("Conduite à tenir", "Plan"),
    }
    for k, v in r.items():
        title = names.get(k, (k, k))[0 if fr else 1]
        if k == "medications":
            v = ", ".join(
                " ".join(str(x) for x in (m["name"], m.get("dose"), m.get("unit"), m.get("frequency")) if x)
                + ("" if m["status"] == "current" else f" [{m['status']}]")
                for m in v
            )
        elif k == "working_diagnoses":
            v = ", ".join(d["label"] + (f" ({d['icd10cm']})" if d.get("icd10cm") else "") for d in v)
        elif k == "plan":
            v = " | ".join(v)
        elif isinstance(v, dict):
            v = "; ".join(f"{a}: {_flat(b)}" for a, b in v.items() if b)
        elif isinstance(v, list):
            v = ", ".join(v)
        if v:
            lines.append(f"- {title}: {v}")
    if ctx.checklist_missing:
        miss = [(_FR_TOPIC.get(m, m) if fr else m) for m in ctx.checklist_missing]
        lines.append(("- Reste à explorer : " if fr else "- Not yet covered: ") + ", ".join(miss))
    return "\n".join(lines)
