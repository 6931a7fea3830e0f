"""Who is the clinician: role accuracy on the synthesized consultations already transcribed for the fidelity bench.

    python bench/roles.py        # every ID.transcript.json under bench/out/fidelity-audio/

Each cached transcript's segments (the default pipeline's, see bench/fidelity_audio.py) are labelled again by
scribe.speech.roles twice in the same run: the anchor without the address evidence (ADDRESS_WEIGHT = 0: who
says "you"/"vous" and who says "I"/"je") and now. The truth is the tool's turn table (ID.json): each word takes
the speaker of the turn its middle falls in. Printed per language: speakers labelled unknown, speakers labelled
with a wrong role, and the share of words whose speaker has the right role (clinician = doctor, patient =
patient, other = companion). A speaker the diarization merged from two voices counts its words by their
truth, so a visit the diarization collapsed to one speaker caps what roles can reach. Synthetic speech
(espeak-ng) is easier than a clinic, except for French, which the base model hears poorly.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scribe.schemas import Segment  # noqa: E402
from scribe.speech import roles  # noqa: E402

CACHE = ROOT / "bench" / "out" / "fidelity-audio"
TRUTH = {"clinician": "doctor", "patient": "patient", "other": "other"}


def words_by_truth(transcript: dict, turns: list[dict]) -> dict[str, dict[str, int]]:
    """speaker -> {true speaker: words}."""
    out: dict[str, dict[str, int]] = {}
    for seg in transcript["segments"]:
        for word in seg.get("words") or []:
            middle = (word["start"] + word["end"]) / 2
            true = next((t["speaker"] for t in turns if t["start"] <= middle <= t["end"]), None)
            if true is not None:
                counts = out.setdefault(seg["speaker"], {})
                counts[true] = counts.get(true, 0) + 1
    return out


def score(visits: list[tuple[list[Segment], dict]]) -> dict[str, float]:
    unknown = wrong = right_words = words = 0
    for segments, truth in visits:
        for speaker, info in roles.assign_roles(segments).items():
            counts = truth.get(speaker, {})
            words += sum(counts.values())
            right_words += counts.get(TRUTH.get(info.role, ""), 0)
            majority = max(counts, key=counts.get) if counts else None
            unknown += info.role == "unknown"
            wrong += info.role != "unknown" and TRUTH[info.role] != majority
    return {"unknown": unknown, "wrong": wrong, "accuracy": right_words / max(words, 1)}


def main() -> None:
    by_language: dict[str, list] = {}
    for path in sorted(CACHE.glob("*.transcript.json")):
        if path.name.count(".") > 2:  # ID.context / ID.redecode: the same speakers
            continue
        reference = json.loads(path.with_name(path.name.split(".")[0] + ".json").read_text(encoding="utf-8"))
        transcript = json.loads(path.read_text(encoding="utf-8"))
        segments = [Segment.model_validate(seg) for seg in transcript["segments"]]
        by_language.setdefault(reference.get("language", "en"), []).append(
            (segments, words_by_truth(transcript, reference["turns"]))
        )
    if not by_language:
        sys.exit("no transcripts under bench/out/fidelity-audio/: run bench/fidelity.py --from audio first")
    weight = roles.ADDRESS_WEIGHT
    print("| language | visits | rule | unknown speakers | wrong speakers | words with the right role |")
    print("| --- | --- | --- | --- | --- | --- |")
    for language, visits in sorted(by_language.items()):
        for rule, value in (("anchor (no address)", 0.0), ("now", weight)):
            roles.ADDRESS_WEIGHT = value
            s = score(visits)
            print(f"| {language} | {len(visits)} | {rule} | {s['unknown']} | {s['wrong']} | {s['accuracy']:.3f} |")
    roles.ADDRESS_WEIGHT = weight


if __name__ == "__main__":
    main()
