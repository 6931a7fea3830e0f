"""Speech pipeline benchmark: WER, DER, role accuracy and real-time factors, beside the anchors.

Anchors, measured in the same run on the same files: plain faster-whisper with identical settings
(WER, speed) and pyannote's stock SpeakerDiarization configuration with the same weights (DER, speed).

    python bench/speech.py                      # 4 English, 4 same-gender, 2 French visits
    python bench/speech.py --limit 10 --noise 0.005

Audio comes from ../shared (ACI-Bench, LabForSims2) spoken by ../shared/tools/synth_consultation.py,
so every word, speaker and turn time is known exactly. Prints one Markdown table.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"

ROLE_OF = {"doctor": "clinician", "patient": "patient", "other": "other"}


def normalize(text: str) -> str:
    """One fixed normalizer for every system: lower case, no punctuation, single spaces."""
    text = text.lower().replace("’", "'")
    text = re.sub(r"[^\w\s']", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def make_audio(kind: str, limit: int, noise: float) -> list[Path]:
    """Synthesize (once, cached) the evaluation visits of one kind; returns their WAV paths."""
    folder = OUT / "data" / f"{kind}-n{noise}"
    wavs = sorted(folder.glob("*.wav"))
    if len(wavs) >= limit:
        return wavs[:limit]
    tool = SHARED / "tools" / "synth_consultation.py"
    if kind == "fr":
        inputs = sorted((SHARED / "data" / "labforsims2").glob("*.txt"))[:limit]
        args = [*map(str, inputs), "--language", "fr"]
    else:
        args = [str(SHARED / "data" / "aci-bench" / "valid.csv"), "--limit", str(limit)]
        if kind == "en-same":
            args.append("--same-gender")
    if noise:
        args += ["--noise", str(noise)]
    subprocess.run([sys.executable, str(tool), *args, "--out", str(folder)], check=True, stdout=subprocess.DEVNULL)
    return sorted(folder.glob("*.wav"))[:limit]


@dataclass
class Row:
    name: str
    files: int = 0
    audio_s: float = 0.0
    ref_words: list[str] = field(default_factory=list)
    hyp_ours: list[str] = field(default_factory=list)
    hyp_plain: list[str] = field(default_factory=list)
    t: dict[str, float] = field(default_factory=dict)
    der_ours: object = None
    der_stock: object = None
    role_ok: int = 0
    role_total: int = 0

    def add_time(self, key: str, seconds: float) -> None:
        self.t[key] = self.t.get(key, 0.0) + seconds


def reference_annotation(rttm: Path):
    from pyannote.core import Annotation, Segment

    ann = Annotation()
    for line in rttm.read_text().splitlines():
        parts = line.split()
        if parts and parts[0] == "SPEAKER":
            start, dur = float(parts[3]), float(parts[4])
            ann[Segment(start, start + dur)] = parts[7]
    return ann


def hypothesis_annotation(turns):
    from pyannote.core import Annotation, Segment

    ann = Annotation()
    for turn in turns:
        ann[Segment(turn.start, turn.end)] = turn.speaker
    return ann


def role_hits(segments, ref_turns) -> tuple[int, int]:
    """Words whose role matches the reference speaker's role at the word's midpoint."""
    ok = total = 0
    for seg in segments:
        for word in seg.words:
            mid = (word.start + word.end) / 2
            ref = next((t for t in ref_turns if t["start"] - 0.2 <= mid <= t["end"] + 0.2), None)
            if ref is None:
                continue
            total += 1
            ok += ROLE_OF.get(ref["speaker"], "other") == seg.role
    return ok, total


def run(args) -> None:
    from pyannote.metrics.diarization import DiarizationErrorRate

    from scribe.config import get_settings
    from scribe.engines.asr import load_whisper
    from scribe.engines.diarization import load_diarization_engine
    from scribe.speech.decode import decode
    from scribe.speech.diarize import DiarizeOptions, diarize
    from scribe.speech.run import PipelineOptions, process_audio
    from scribe.speech.stock import diarize_stock
    from scribe.speech.transcribe import AsrOptions, whisper_kwargs

    settings = get_settings()
    model = load_whisper(args.asr_model)
    engine = load_diarization_engine()
    kinds = [("en", args.limit), ("en-same", args.limit), ("fr", args.limit_fr)]
    rows = []
    for kind, limit in kinds:
        if not limit:
            continue
        row = Row(kind)
        row.der_ours, row.der_stock = DiarizationErrorRate(collar=args.collar), DiarizationErrorRate(collar=args.collar)
        for wav in make_audio(kind, limit, args.noise):
            ref = json.loads(wav.with_suffix(".json").read_text())
            audio = decode(wav)
            language = "fr" if kind == "fr" else "en"
            row.files += 1
            row.audio_s += audio.duration
            row.ref_words += normalize(" ".join(t["text"] for t in ref["turns"])).split()

            # Anchor 1: plain faster-whisper, identical settings, whole file in one call.
            opts = AsrOptions(language=None if args.auto_language else language, beam_size=settings.asr_beam_size)
            t0 = time.perf_counter()
            pieces, _ = model.transcribe(audio.samples, **whisper_kwargs(opts, model.model.is_multilingual))
            plain = " ".join(p.text for p in pieces)
            row.add_time("plain_asr", time.perf_counter() - t0)
            row.hyp_plain += normalize(plain).split()

            # Ours: the whole pipeline.
            timings: dict[str, float] = {}
            t0 = time.perf_counter()
            transcript = process_audio(
                audio, PipelineOptions(language=opts.language, asr_model=args.asr_model), timings=timings
            )
            row.add_time("total", time.perf_counter() - t0)
            for key in ("asr", "diarization", "attribution"):
                row.add_time(key, timings[key])
            row.hyp_ours += normalize(" ".join(s.text for s in transcript.segments)).split()
            reference = reference_annotation(wav.with_suffix(".rttm"))
            ok, total = role_hits(transcript.segments, ref["turns"])
            row.role_ok += ok
            row.role_total += total

            # Our diarization alone (turn-level) vs pyannote's stock configuration, same weights.
            t0 = time.perf_counter()
            ours = diarize(audio, engine, DiarizeOptions())
            row.add_time("diar_only", time.perf_counter() - t0)
            row.der_ours(reference, hypothesis_annotation(ours.turns))
            if not args.skip_stock:
                t0 = time.perf_counter()
                stock = diarize_stock(audio, engine, DiarizeOptions())
                row.add_time("stock_diar", time.perf_counter() - t0)
                row.der_stock(reference, hypothesis_annotation(stock.turns))
            print(f"  {kind} {wav.stem}: {audio.duration:.0f}s done", file=sys.stderr)
        rows.append(row)
    print_table(rows, args)


def print_table(rows: list[Row], args) -> None:
    import jiwer

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nSpeech pipeline benchmark — ASR model {args.asr_model}, int8, CPU, "
        f"noise {args.noise}, DER collar {args.collar}s, peak RSS {peak:.0f} MB\n"
    )
    print(
        "| set | files | audio min | WER ours | WER plain f-w | DER ours | DER stock | role acc. "
        "| RTF total | RTF ASR | RTF plain f-w | RTF diar. | RTF stock diar. | diar. speed-up |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        a = r.audio_s
        wer_ours = jiwer.wer(" ".join(r.ref_words), " ".join(r.hyp_ours))
        wer_plain = jiwer.wer(" ".join(r.ref_words), " ".join(r.hyp_plain))
        stock = r.t.get("stock_diar")  # absent with --skip-stock
        der_s = f"{abs(r.der_stock):.1%}" if stock else "—"
        rtf_s = f"{stock / a:.3f}" if stock else "—"
        speedup = f"{stock / r.t['diar_only']:.1f}×" if stock else "—"
        print(
            f"| {r.name} | {r.files} | {a / 60:.1f} | {wer_ours:.3f} | {wer_plain:.3f} | {abs(r.der_ours):.1%} | "
            f"{der_s} | {r.role_ok / max(r.role_total, 1):.1%} | {r.t['total'] / a:.3f} | "
            f"{r.t['asr'] / a:.3f} | {r.t['plain_asr'] / a:.3f} | {r.t['diar_only'] / a:.3f} | "
            f"{rtf_s} | {speedup} |"
        )
    print(
        "\nRTF = processing seconds / audio seconds (lower is faster). Targets: total ≤ 0.15, "
        "diarization ≤ 0.08, DER ≤ 3 % (≤ 8 % same gender), role accuracy ≥ 97 %, WER ≤ plain."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=4, help="English visits per set")
    parser.add_argument("--limit-fr", type=int, default=2, help="French visits")
    parser.add_argument("--noise", type=float, default=0.0)
    parser.add_argument("--collar", type=float, default=0.0, help="DER forgiveness collar (s)")
    parser.add_argument("--asr-model", default="base")
    parser.add_argument("--auto-language", action="store_true", help="detect language instead of pinning")
    parser.add_argument("--skip-stock", action="store_true", help="skip the slow stock pyannote anchor")
    args = parser.parse_args()
    if not (SHARED / "tools" / "synth_consultation.py").is_file():
        sys.exit("bench/speech.py needs ../shared (ACI-Bench, LabForSims2, synth_consultation.py)")
    run(args)


if __name__ == "__main__":
    main()
