"""LLM prose from verified facts (optional): the model rewrites the note from the facts JSON, never from
the transcript, and a sentence that does not map back to facts is dropped.

The rules composer's note is already correct but terse; a model can join facts into fluent sentences.
What it may not do is add anything: each sentence names the fact ids it states, those ids must exist and
suit the section, every content word must be found in the cited facts (their labels, values, attributes
or quoted evidence), and the sentence then goes through the same verifier as the rules' sentences
(numbers, drug names, laterality, certainty, subject, register). A section the model leaves empty keeps
the rules' sentences, so prose can only rephrase, never lose a fact.
"""

from __future__ import annotations

import json
import re

from scribe.notes.compose import to_markdown
from scribe.schemas_docs import Evidence, Fact, Note, NoteSection, SentenceSupport

SYSTEM = (
    "You write the sections of a physician's clinical note from verified facts given as JSON. Use only "
    "those facts: add no diagnosis, drug, dose, number, side, advice or detail that is not in them. Write "
    "terse clinical register in the third person (no 'I', 'we', 'you', no questions). A fact with "
    "certainty 'possible' is written as possible, one with 'probable' as likely. A family_history fact is "
    "about a relative. Each sentence "
    "lists the ids of the facts it states in 'facts'. Answer with JSON only."
)
_ALLOWED = set(
    """patient reports denies endorses possible probable history continue continued start started stop
stopped change changed follow followup follow-up daily twice once times week weeks month months year years
year-old male female presents presenting with without and the for of to in on at by as per after before
assessment plan exam examination normal abnormal positive negative current new ordered order referral refer
advised advise return visit routine needed mouth orally dose increase decreased increased decrease
reviewed review discussed significant past medical surgical family social bilateral left right since
also noted note findings finding shows showed results result level levels today recent recently""".split()
)


def _compact(f: Fact) -> dict:
    keep = {
        k: v
        for k, v in f.attributes.items()
        if k
        in (
            "certainty",
            "laterality",
            "dose",
            "unit",
            "frequency",
            "route",
            "as_needed",
            "relative",
            "interval",
            "type",
            "code",
            "setting",
            "duration",
        )
    }
    return {"id": f.id, "kind": f.kind, "label": f.label, "status": f.status, "value": f.value, **keep}


def _schema(sections: list[str]) -> dict:
    item = {
        "type": "object",
        "additionalProperties": False,
        "required": ["section", "text", "facts"],
        "properties": {
            "section": {"enum": sections},
            "text": {"type": "string", "maxLength": 240},
            "facts": {"type": "array", "maxItems": 6, "items": {"type": "string"}},
        },
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["sentences"],
        "properties": {"sentences": {"type": "array", "maxItems": 40, "items": item}},
    }


def messages(note: Note, facts: list[Fact]) -> list[dict]:
    """The chat prompt: the note's sections, each with the facts the rules put there."""
    by_id = {f.id: f for f in facts}
    sections = []
    for sec in note.sections:
        ids = list(dict.fromkeys(i for s in sec.sentences for i in s.fact_ids if i in by_id))
        sections.append({"section": sec.key, "title": sec.title, "facts": [_compact(by_id[i]) for i in ids]})
    lang = "French" if note.language == "fr" else "English"
    return [
        {"role": "system", "content": SYSTEM},
        {
            "role": "user",
            "content": f"Note language: {lang}.\n<facts>\n{json.dumps(sections, ensure_ascii=False)}\n</facts>",
        },
    ]


def _words_of(f: Fact) -> str:
    parts = [f.label, f.value or "", *[str(v) for v in f.attributes.values()], *[e.quote for e in f.evidence]]
    return " ".join(parts).lower()


def unsupported_words(text: str, cited: list[Fact]) -> list[str]:
    """Content words of `text` found in none of the cited facts."""
    pool = " ".join(_words_of(f) for f in cited)
    words = re.findall(r"[a-zà-ÿ][a-zà-ÿ'-]{3,}", text.lower())
    return [w for w in words if w not in _ALLOWED and w.rstrip("s") not in pool and w not in pool]


def parse(raw: str, note: Note, facts: list[Fact]) -> tuple[dict[str, list[SentenceSupport]], list[str]]:
    """Model answer → sentences per section that cite known, fitting facts and add no word; rejects."""
    try:
        items = json.loads(raw).get("sentences", [])
    except (json.JSONDecodeError, AttributeError):
        return {}, ["llm prose: the answer is not JSON"]
    by_id = {f.id: f for f in facts}
    allowed = {sec.key: {i for s in sec.sentences for i in s.fact_ids} for sec in note.sections}
    out: dict[str, list[SentenceSupport]] = {}
    rejected = []
    for it in items if isinstance(items, list) else []:
        if not isinstance(it, dict):
            continue
        key, text, ids = it.get("section"), str(it.get("text", "")).strip(), it.get("facts") or []
        cited = [by_id[i] for i in ids if isinstance(i, str) and i in by_id and i in allowed.get(key, set())]
        if not text or not cited or len(cited) != len(ids):
            rejected.append(f"llm prose: {key}: cites no fact of its section")
            continue
        extra = unsupported_words(text, cited)
        if extra:
            rejected.append(f"llm prose: {key}: {len(extra)} word(s) not in its facts")
            continue
        evidence: list[Evidence] = []
        for f in cited:
            evidence += [e for e in f.evidence if e not in evidence]
        out.setdefault(key, []).append(SentenceSupport(text=text, fact_ids=[f.id for f in cited], evidence=evidence))
    return out, rejected


def rewrite(note: Note, facts: list[Fact], engine, usage: dict | None = None) -> tuple[Note, list[str]]:
    """The note with each section's sentences replaced by the model's checked prose (kept when none)."""
    raw = engine.chat(
        messages(note, facts), schema=_schema([s.key for s in note.sections]), max_tokens=900, usage=usage
    )
    prose, rejected = parse(raw, note, facts)
    sections = []
    for sec in note.sections:
        mine = prose.get(sec.key)
        covered = {i for s in mine or [] for i in s.fact_ids}
        lost = [s for s in sec.sentences if not set(s.fact_ids) <= covered] if mine else []
        sections.append(NoteSection(key=sec.key, title=sec.title, sentences=(mine or sec.sentences) + lost))
    out = note.model_copy(update={"sections": sections, "engine": f"{note.engine}+prose:{engine.name}"})
    out.markdown = to_markdown(out)
    return out, rejected
