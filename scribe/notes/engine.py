"""The clinical documentation engine's entry points (used by the CLI, the API and workers).

    document(transcript_or_path, template="soap", language=None, llm="none") -> dict
        {"transcript", "facts", "note", "faithfulness", "patient_summary", "assistant_context"}
    ask(visit_dict, question) -> {"answered", "answer", "evidence", "confidence", "topic"}

Rules first: the rule-based fact layer always runs and alone yields a correct, terse, grounded note.
With an LLM (`llm` = store name, .gguf path, http(s) URL of an OpenAI-compatible endpoint, or a local
transformers folder), the model proposes extra facts as schema-constrained JSON; each is checked
(quote verbatim in the transcript, kind known, numbers in its quote) before it joins the rules' facts.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from scribe.engines.llm import get_engine, no_llm
from scribe.notes import compose as note_stage
from scribe.notes import context as ctx_stage
from scribe.notes import summary as summary_stage
from scribe.notes import verify
from scribe.notes.consultation import resolve_medications, resolve_polarity
from scribe.notes.dialogue import detect_language, load
from scribe.notes.facts import Extractor, validate_facts
from scribe.notes.recovery import recover_drugs
from scribe.notes.speaker_check import unswap
from scribe.notes.unclear_drugs import flag_unclear_drugs
from scribe.schemas import Transcript
from scribe.schemas_docs import AskedQuestion, Fact

AUDIO_SUFFIXES = {".wav", ".mp3", ".m4a", ".flac", ".ogg", ".opus", ".webm", ".mp4", ".aac"}


def _patient_language(tr: Transcript) -> str:
    pat = " ".join(s.text for s in tr.segments if s.role == "patient")
    return detect_language(pat) if pat.strip() else (tr.language or "en")


def document(
    source: Any,
    template: str | None = None,
    language: str | None = None,
    llm: str | None = "none",
    guard_mode: str = "remove",
    transcribe: Any = None,
    llm_focus: str = "assessment",
    prose: bool = False,
    vocabulary: list[str] | None = None,
    check_roles: bool = True,
    checklist_dir: str | None = None,
) -> dict:
    """Transcript (object, dict, JSON/text path or dialogue text; audio when `transcribe` is given a
    callable path→Transcript) → the visit document as a JSON-ready dict. `llm_focus`: the part of the
    visit the LLM reads ("assessment" onwards, or "all": see scribe.notes.llm). `template`: None or
    "auto" picks the French report (cr-fr) for a French visit and SOAP otherwise. `prose`: with an LLM,
    the model rewrites the composed note from the verified facts (scribe.notes.prose). `vocabulary`: the
    visit's known drug names (EHR context), matched first when drug names are recovered from ASR errors.
    `check_roles`: exchange clinician and patient when they read clearly reversed (scribe.notes.speaker_check);
    False when a person set the roles."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    if isinstance(source, (str, Path)) and Path(str(source)).suffix.lower() in AUDIO_SUFFIXES:
        if transcribe is None:
            from scribe.notes.dialogue import InputError

            raise InputError("audio input needs the speech pipeline: run `scribe transcribe` first or pass transcribe=")
        tr = transcribe(source)
    else:
        tr = load(source, language)
    swapped = False
    if check_roles:
        tr, swapped = unswap(tr)
    tr = recover_drugs(tr, vocabulary)
    timings["parse"] = time.perf_counter() - t0
    lang = language or tr.language or "en"
    lang = "fr" if lang.startswith("fr") else "en"

    t = time.perf_counter()
    ex = Extractor(tr, lang) if tr.segments else None
    facts: list[Fact] = ex.run() if ex else []
    timings["facts_rules"] = time.perf_counter() - t

    rejected: list[str] = []
    engine_name = "rules"
    if not no_llm(llm):
        from scribe.notes.llm import llm_facts

        t = time.perf_counter()
        usage: dict = {}
        extra, rej, engine_name = llm_facts(tr, facts, llm, lang, focus=llm_focus, usage=usage)
        timings.update({f"llm_{k}": v for k, v in usage.items()})  # token counts, not seconds
        # the model's terse plan items stand in for the spoken plan sentences they cover
        replaced = {i for f in extra for i in f.attributes.pop("replaces", [])}
        facts = [f for f in facts if f.id not in replaced] + extra
        rejected += rej
        timings["facts_llm"] = time.perf_counter() - t
    facts, rej = validate_facts(facts, tr)
    rejected += rej
    facts = resolve_medications(resolve_polarity(facts), {seg.id: seg.text for seg in tr.segments})
    for i, f in enumerate(facts, 1):  # stable ids after merging; plan 'problem' links use labels
        f.id = f"f{i}"

    t = time.perf_counter()
    if template in (None, "", "auto"):
        template = "cr-fr" if lang == "fr" else "soap"
    tpl = note_stage.load_template(template)
    note_lang = tpl.get("language", lang)
    note = note_stage.compose(facts, template, language=note_lang)
    note.engine = engine_name
    if prose and not no_llm(llm):
        from scribe.notes.prose import rewrite

        note, rej = rewrite(note, facts, get_engine(llm))
        rejected += rej
    faith = verify.guard(note, facts, mode=guard_mode)
    flag_unclear_drugs(note, tr)
    verify.flag_for_review(note, facts, tr, faith)  # unsure words, plan items that do not parse
    faith.issues += rejected
    if swapped:
        faith.issues.append("speaker roles read reversed (the patient's tag speaks as the clinician): exchanged; check")
    timings["note"] = time.perf_counter() - t

    t = time.perf_counter()
    plang = _patient_language(tr) if tr.segments else lang
    summary = summary_stage.summarize(facts, plang)
    timings["summary"] = time.perf_counter() - t
    t = time.perf_counter()
    context = ctx_stage.build(tr, facts, plang, ex, checklist_dir)
    timings["context"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - t0

    return {
        "transcript": tr.model_dump(),
        "facts": [f.model_dump() for f in facts],
        "note": note.model_dump(),
        "faithfulness": faith.model_dump(),
        "patient_summary": summary.model_dump(),
        "assistant_context": context.model_dump(),
        "timings": {k: round(v, 4) for k, v in timings.items()},
    }


def ask(visit: dict | str | Path, question: str, use_embeddings: bool = True) -> dict:
    """Has this visit already answered `question`? visit: a document() dict or a path to its JSON."""
    import json

    if isinstance(visit, (str, Path)):
        visit = json.loads(Path(visit).read_text(encoding="utf-8"))
    facts = [Fact.model_validate(f) for f in visit.get("facts", [])]
    actx = visit.get("assistant_context") or {}
    asked = [AskedQuestion.model_validate(a) for a in actx.get("asked", [])]
    lang = actx.get("language") or visit.get("transcript", {}).get("language", "en")
    reader = ctx_stage.reader_for(visit.get("transcript"), lang)
    out = ctx_stage.answered(question, facts, asked, lang, use_embeddings=use_embeddings, reader=reader)
    out.based_on = actx.get("based_on")
    return out.model_dump()


def cli_document(
    input: str,
    template: str | None = None,
    language: str | None = None,
    llm: str = "none",
    json_path: str | None = None,
    transcribe: Any = None,
) -> str:
    """For `scribe document`: returns the Markdown note + summary; writes the full JSON to json_path.
    `transcribe`: the speech pipeline's path → Transcript callable, for audio input."""
    import json

    doc = document(input, template=template, language=language, llm=llm, transcribe=transcribe)
    if json_path:
        Path(json_path).write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    f = doc["faithfulness"]
    return (
        doc["note"]["markdown"]
        + "\n"
        + doc["patient_summary"]["markdown"]
        + f"\n_Faithfulness: {f['kept']} kept, {f['flagged']} flagged, {f['removed']} removed._\n"
    )


def cli_ask(visit_json: str, question: str) -> dict:
    """For `scribe ask VISIT.json "question"`."""
    return ask(visit_json, question)
