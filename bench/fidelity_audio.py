"""Audio input for bench/fidelity.py (`--from audio|both`): the labelled consultation spoken and transcribed.

Each consultation is synthesized with ../shared/tools/synth_consultation.py (espeak-ng voices per speaker,
no noise, no overlap) into OUT/ID.wav, then transcribed with the project's default speech pipeline as
`scribe transcribe --language en|fr` runs it (process_file with PipelineOptions(language=...), every other
option at its default). The transcript is cached as OUT/ID.transcript.json and reused when present;
delete it (or the .wav) to redo a consultation. document() then reads the transcript dict.

A change to the diarization is measured without transcribing again:

    python bench/fidelity_audio.py --rediarize W138 W141   # the cached words given today's speakers

rewrites each cached transcript whose speakers today's diarization changes (and drops its re-decode cache,
which is rebuilt from it), printing the seconds per speaker before and after and the share of words given their
true speaker (against the synthesis's ID.rttm, speakers matched one to one).
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYNTH = ROOT.parent / "shared" / "tools" / "synth_consultation.py"
LABFORSIMS = ROOT.parent / "shared" / "data" / "labforsims2"


def synthesize(label: dict, dialogue: str, out: Path) -> Path:
    """OUT/ID.wav from the dialogue: ACI-Bench as a one-row CSV (the tool's ACI format), LabForSims2 as is."""
    wav = out / f"{label['id']}.wav"
    if wav.exists():
        return wav
    out.mkdir(parents=True, exist_ok=True)
    lang = label.get("language", "en")
    with tempfile.TemporaryDirectory() as tmp:
        if label.get("source", "").startswith("aci") or label.get("source") == "written":
            src = Path(tmp) / f"{label['id']}.csv"
            with src.open("w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=["dataset", "encounter_id", "dialogue", "note"])
                w.writeheader()
                w.writerow({"dataset": "aci", "encounter_id": label["id"], "dialogue": dialogue, "note": ""})
        else:
            src = Path(tmp) / f"{label['id']}.txt"
            src.write_text(dialogue, encoding="utf-8")
        cmd = [sys.executable, str(SYNTH), str(src), "--out", str(out), "--language", lang, "--ids", label["id"]]
        subprocess.run(cmd, check=True)
    if not wav.exists():
        raise RuntimeError(f"{SYNTH.name} wrote no {wav.name}")
    return wav


def transcribe(wav: Path, language: str, vocabulary: list[str] | None = None) -> dict:
    """The default pipeline of `scribe transcribe`, with the consultation's language given and, for
    `--context`, the visit's drug names as its vocabulary (what the live service does with an EHR context)."""
    from scribe.speech.run import PipelineOptions, process_file
    from scribe.speech.vocabulary import build
    from scribe.visit_context import VisitContext

    options = PipelineOptions(language=language)
    if vocabulary:
        options.vocabulary = build(VisitContext(medications=[{"name": n} for n in vocabulary]))
    return process_file(wav, options).model_dump()


def transcript_for(label: dict, dialogue: str, out: Path, vocabulary: list[str] | None = None) -> dict:
    """The cached transcript of the consultation's audio, made (synthesis, transcription) when missing;
    with a vocabulary it is cached apart (ID.context.transcript.json)."""
    cache = out / f"{label['id']}{'.context' if vocabulary else ''}.transcript.json"
    if cache.exists():
        return with_current_roles(json.loads(cache.read_text(encoding="utf-8")))
    t = time.perf_counter()
    wav = synthesize(label, dialogue, out)
    t_synth = time.perf_counter() - t
    t = time.perf_counter()
    transcript = transcribe(wav, label.get("language", "en"), vocabulary)
    print(
        f"  {label['id']}: synthesized in {t_synth:.0f} s, transcribed in {time.perf_counter() - t:.0f} s "
        f"({transcript.get('duration', 0):.0f} s of audio)",
        file=sys.stderr,
    )
    cache.write_text(json.dumps(transcript, ensure_ascii=False, indent=1), encoding="utf-8")
    return transcript


def with_current_roles(transcript: dict) -> dict:
    """The cached transcript's speakers labelled again by today's roles.py: roles are a function of the
    segments alone when no clinician voice is enrolled (as here), so a change to them is measured without
    transcribing the audio again."""
    from scribe.schemas import Segment
    from scribe.speech.roles import assign_roles

    speakers = assign_roles([Segment.model_validate(seg) for seg in transcript["segments"]])
    for seg in transcript["segments"]:
        seg["role"] = speakers[seg["speaker"]].role if seg["speaker"] in speakers else "unknown"
    return {**transcript, "speakers": {k: v.model_dump() for k, v in speakers.items()}}


def redecoded(transcript: dict, wav: Path, label: dict, out: Path) -> dict:
    """The cached transcript with the service's targeted re-decode of likely drug names applied (what the
    final pass does after a live visit: scribe.service.finalize), cached as OUT/ID.redecode.transcript.json."""
    cache = out / f"{label['id']}.redecode.transcript.json"
    if cache.exists():
        return with_current_roles(json.loads(cache.read_text(encoding="utf-8")))
    from scribe.engines.asr import load_whisper
    from scribe.notes.drug_suspects import drug_suspects
    from scribe.schemas import Transcript
    from scribe.speech.decode import decode
    from scribe.speech.redecode import redecode, with_corrections
    from scribe.speech.transcribe import AsrSegment

    t = time.perf_counter()
    tr = Transcript.model_validate(transcript)
    firsts = [AsrSegment(seg.start, seg.end, seg.text, list(seg.words)) for seg in tr.segments]
    again = redecode(decode(wav), load_whisper(None), firsts, tr.language, drug_suspects)
    for seg, new in zip(tr.segments, again, strict=True):
        if new.words is not seg.words and [w.word for w in new.words] != [w.word for w in seg.words]:
            seg.words, seg.text = new.words, "".join(w.word for w in new.words).strip()
    tr.segments = [with_corrections(seg) for seg in tr.segments]
    print(f"  {label['id']}: re-decoded in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    data = tr.model_dump()
    cache.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return data


def ratio_cells(text_recall: dict, audio_recall: dict, keys: list[str]) -> list[str]:
    """For `--from both`: audio recall / text recall of each kind (micro-averaged), '-' without a text hit."""
    out = []
    for key in keys:
        (t_hit, t_total), (a_hit, a_total) = text_recall[key], audio_recall[key]
        if t_hit and t_total and a_total:
            out.append(f"{(a_hit / a_total) / (t_hit / t_total):.2f}")
        else:
            out.append("-")
    return out


def rediarize(vid: str, out: Path) -> None:
    """The cached transcript's words attributed again to today's diarization of its audio (module docstring)."""
    from collections import Counter

    from scribe.engines.diarization import load_diarization_engine
    from scribe.schemas import Word
    from scribe.speech.decode import decode
    from scribe.speech.diarize import diarize
    from scribe.speech.run import speaker_segments

    cache = out / f"{vid}.transcript.json"
    transcript = json.loads(cache.read_text(encoding="utf-8"))
    words = [Word.model_validate(w) for seg in transcript["segments"] for w in seg["words"]]
    segments, speakers = speaker_segments(words, diarize(decode(out / f"{vid}.wav"), load_diarization_engine()))

    def seconds(segs: list[dict]) -> dict[str, int]:
        total = Counter()
        for seg in segs:
            total[seg["speaker"]] += seg["end"] - seg["start"]
        return {k: round(v) for k, v in sorted(total.items())}

    after = [seg.model_dump() for seg in segments]
    before = seconds(transcript["segments"])
    truth = out / f"{vid}.rttm"
    was, now = (f"{word_accuracy(s, truth):.3f}" for s in (transcript["segments"], after))
    print(f"{vid}: {before} -> {seconds(after)}; words with their true speaker {was} -> {now}", flush=True)
    if seconds(after) != before:
        transcript.update(segments=after, speakers={k: v.model_dump() for k, v in speakers.items()})
        cache.write_text(json.dumps(transcript, ensure_ascii=False, indent=1), encoding="utf-8")
        (out / f"{vid}.redecode.transcript.json").unlink(missing_ok=True)


def word_accuracy(segments: list[dict], rttm: Path) -> float:
    """Share of words (by their middle) whose speaker is the true one, speakers matched one to one."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    turns = [(float(f[3]), float(f[3]) + float(f[4]), f[7]) for f in (line.split() for line in rttm.open())]
    pairs = []
    for seg in segments:
        for w in seg["words"]:
            t = 0.5 * (w["start"] + w["end"])
            pairs += [(seg["speaker"], who) for a, b, who in turns if a <= t <= b][:1]
    said, true = sorted({h for h, _ in pairs}), sorted({r for _, r in pairs})
    counts = np.zeros((len(said), len(true)))
    for h, r in pairs:
        counts[said.index(h), true.index(r)] += 1
    rows, cols = linear_sum_assignment(-counts)
    return float(counts[rows, cols].sum()) / max(len(pairs), 1)


if __name__ == "__main__":
    import argparse

    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rediarize", nargs="+", required=True, metavar="ID")
    for vid in parser.parse_args().rediarize:
        rediarize(vid, ROOT / "bench" / "out" / "fidelity-audio")
