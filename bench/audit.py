"""A physician's audit of a split's notes, replayed on today's engine: how many of the sentences the audit found
clinically wrong (bench/data/audits/SPLIT.json: visit, note or summary, the sentence, its class, why) the notes and
patient summaries still say, word for word.

    python bench/audit.py [--split written17] [--show]

The audit is what the bench's own counts miss (a spouse's drug in "Your medicines", a warning sign as a diagnosis);
a sentence the engine now words differently but still gets wrong is not counted, so read the notes too (--show
prints the ones still there). Written dialogues only (bench/data/dialogues/ID.txt).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scribe.notes.engine import document  # noqa: E402


def note_text(doc: dict) -> str:
    """The note's sentences and the patient summary's markdown, as the audit read them."""
    lines = [s["text"] for sec in doc["note"]["sections"] for s in sec.get("sentences", [])]
    return "\n".join(lines) + "\n" + (doc.get("patient_summary") or {}).get("markdown", "")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="written17")
    ap.add_argument("--show", action="store_true", help="print the audited sentences still there")
    args = ap.parse_args()
    path = ROOT / "bench" / "data" / "audits" / f"{args.split}.json"
    if not path.exists():
        sys.exit(f"no audit for {args.split}: {path} is missing")
    audit = json.loads(path.read_text(encoding="utf-8"))
    still: list[dict] = []
    for vid in sorted({a["id"] for a in audit}):
        label = json.loads((ROOT / "bench" / "data" / "fidelity" / f"{vid}.json").read_text(encoding="utf-8"))
        dialogue = (ROOT / "bench" / "data" / "dialogues" / f"{vid}.txt").read_text(encoding="utf-8")
        said = note_text(document(dialogue, language=label["language"]))
        still += [a for a in audit if a["id"] == vid and a["sentence"] in said]
    by_class = collections.Counter(a["class"] for a in audit)
    left = collections.Counter(a["class"] for a in still)
    print(f"{args.split}: {len(still)} of the audit's {len(audit)} wrong sentences still said\n")
    print("| class | audited | still said |\n|---|---|---|")
    for cls, n in by_class.most_common():
        print(f"| {cls} | {n} | {left.get(cls, 0)} |")
    if args.show:
        for a in still:
            print(f"\n{a['id']} [{a['where']}, {a['class']}] {a['sentence']}\n    {a['why']}")


if __name__ == "__main__":
    main()
