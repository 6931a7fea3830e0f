"""Benchmark of the clinical documentation engine on ACI-Bench (valid split).

    python bench/documents.py [--data ../shared/data/aci-bench/valid.csv] [--template hp] [--llm none]
                              [--limit N] [--json bench/out/documents.json]

Prints one table: ROUGE-1/2/L/Lsum (rouge-score, stemmed, F1 x100) of the generated note against the
reference note, beside the "transcript as note" baseline in the same run; faithfulness counts;
medication and allergy recall; answered() precision/recall on bench/data/questions.json (en + fr);
timing (warm, per consultation, and per 5 minutes of synthetic speech time).

Labels: medications = drugs that the reference note names and the dialogue mentions (drug lexicon);
allergies = allergens the reference note names (or "no known allergies"); answered() = whether the
reference note records the topic and the dialogue mentions it (regexes in questions.json). The references were written by people
from the dialogues, so they label independently of our rules; they sometimes hold facts from outside
the dialogue (intake forms), which lowers recall a little.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics as st
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scribe.notes.engine import ask, document  # noqa: E402
from scribe.notes import compose as note_stage  # noqa: E402
from scribe.schemas_docs import Note  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "aci-bench" / "valid.csv"
_ALLERGENS = (
    r"penicillin|sulfa|codeine|morphine|aspirin|ibuprofen|latex|peanuts?|shellfish|iodine|amoxicillin|"
    r"erythromycin|cephalosporins?|bactrim|nsaids?"
)


def note_text(doc: dict) -> str:
    return note_stage.plain_text(Note.model_validate(doc["note"]))


def drugs_in(text: str) -> set[str]:
    from drug_named_entity_recognition import find_drugs
    from scribe.notes.lexicon import DRUG_STOP

    toks = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)
    return {
        d["name"].lower()
        for d, _a, _b in find_drugs(toks, is_ignore_case=True)
        if d["name"].lower() not in DRUG_STOP and len(d["name"]) > 3
    }


def allergy_gold(note: str) -> set[str]:
    m = re.search(r"ALLERGIES\s*\n+(.{0,200})", note)
    text = m.group(1) if m else " ".join(re.findall(r"[^.\n]*allerg[^.\n]*", note, re.I))
    if not text:
        return set()
    if re.search(r"no known|nkda|denies|no allergies|none", text, re.I):
        return {"no known allergies"}
    return {a.lower().rstrip("s") for a in re.findall(_ALLERGENS, text, re.I)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DEFAULT))
    ap.add_argument("--template", default="hp")
    ap.add_argument("--llm", default="none")
    ap.add_argument(
        "--llm-focus",
        default="assessment",
        choices=["assessment", "all"],
        help="the part of the visit the LLM reads (all: as with prefill in the service)",
    )
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", default="")
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args()

    from rouge_score import rouge_scorer

    rows = list(csv.DictReader(open(args.data, encoding="utf-8")))
    if args.limit:
        rows = rows[: args.limit]
    bank = json.loads((ROOT / "bench" / "data" / "questions.json").read_text())["topics"]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)
    keys = ["rouge1", "rouge2", "rougeL", "rougeLsum"]

    document(
        rows[0]["dialogue"], template=args.template, llm=args.llm, llm_focus=args.llm_focus
    )  # warm-up: imports, lexicons
    ours, base, times, per5 = {k: [] for k in keys}, {k: [] for k in keys}, [], []
    faith = {"kept": 0, "flagged": 0, "removed": 0}
    med_hit = med_tot = all_hit = all_tot = 0
    tp = fp = fn = tn = 0
    per_lang = {"en": [0, 0, 0], "fr": [0, 0, 0]}  # tp, fp, fn
    ask_times = []
    for row in rows:
        t = time.perf_counter()
        doc = document(row["dialogue"], template=args.template, llm=args.llm, llm_focus=args.llm_focus)
        dt = time.perf_counter() - t
        times.append(dt)
        per5.append(dt / max(doc["transcript"]["duration"], 1) * 300)
        for k in faith:
            faith[k] += doc["faithfulness"][k]
        text = note_text(doc)
        ref = row["note"]
        sc = scorer.score(ref, text)
        transcript = re.sub(r"\[(?:doctor|patient|patient_guest)\]\s*", "", row["dialogue"])
        sb = scorer.score(ref, transcript)
        for k in keys:
            ours[k].append(sc[k].fmeasure)
            base[k].append(sb[k].fmeasure)
        gold_meds = drugs_in(ref) & drugs_in(row["dialogue"])
        got_meds = {f["label"] for f in doc["facts"] if f["kind"] == "medication"}
        med_tot += len(gold_meds)
        med_hit += len(gold_meds & got_meds)
        gold_all = allergy_gold(ref)
        got_all = {
            f["label"].rstrip("s") if f["status"] != "none" else "no known allergies"
            for f in doc["facts"]
            if f["kind"] == "allergy"
        }
        all_tot += len(gold_all)
        all_hit += len(gold_all & got_all)
        for item in bank:
            if item["note"] == "@drugs":
                label = bool(drugs_in(ref) & drugs_in(row["dialogue"]))
            else:
                label = bool(re.search(item["note"], ref, re.I)) and bool(
                    re.search(item.get("dialogue", item["note"]), row["dialogue"], re.I)
                )
            for lang in ("en", "fr"):
                t = time.perf_counter()
                res = ask(doc, item[lang], use_embeddings=not args.no_embeddings)
                ask_times.append(time.perf_counter() - t)
                pred = res["answered"]
                if pred and label:
                    tp += 1
                    per_lang[lang][0] += 1
                elif pred and not label:
                    fp += 1
                    per_lang[lang][1] += 1
                elif label:
                    fn += 1
                    per_lang[lang][2] += 1
                else:
                    tn += 1

    def pct(xs):
        return 100 * st.mean(xs)

    prec = tp / max(tp + fp, 1)
    rec = tp / max(tp + fn, 1)
    lines = [
        f"ACI-Bench {Path(args.data).name}: {len(rows)} consultations, template={args.template}, llm={args.llm}"
        + (f" (focus {args.llm_focus})" if args.llm != "none" else ""),
        "",
        "| metric | ours | transcript-as-note |",
        "|---|---|---|",
    ]
    for k in keys:
        lines.append(f"| {k.upper()} F1 | {pct(ours[k]):.1f} | {pct(base[k]):.1f} |")
    lines += [
        f"| sentences kept / flagged / removed | {faith['kept']} / {faith['flagged']} / {faith['removed']} | |",
        f"| medication recall | {med_hit}/{med_tot} = {med_hit / max(med_tot, 1):.2f} | |",
        f"| allergy recall | {all_hit}/{all_tot} = {all_hit / max(all_tot, 1):.2f} | |",
        f"| answered() precision (en+fr) | {prec:.3f} ({tp} tp, {fp} fp) | |",
        f"| answered() recall (en+fr) | {rec:.3f} ({fn} fn, {tn} tn) | |",
    ]
    for lang, (a, b, c) in per_lang.items():
        lines.append(f"| answered() {lang}: precision / recall | {a / max(a + b, 1):.3f} / {a / max(a + c, 1):.3f} | |")
    lines += [
        f"| document() time per consultation, mean / max (warm) | {st.mean(times):.3f} s / {max(times):.3f} s | |",
        f"| document() time per 5 min of consultation (mean) | {st.mean(per5):.3f} s | |",
        f"| ask() time, mean | {st.mean(ask_times) * 1000:.1f} ms | |",
    ]
    print("\n".join(lines))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({"table": lines}, indent=2))


if __name__ == "__main__":
    main()
