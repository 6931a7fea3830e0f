"""Speaker count and DER: does a consultation keep its two voices, and does a dictation stay one?

Each recording is diarized twice in the same run: without a prior on the number of speakers (the anchor,
`DiarizeOptions(conversation=False)`: what the service did before) and as a conversation (the default
now: two speakers unless the audio clearly has one voice). Prints, per set, how many recordings came out
with the true number of speakers, the DER (pyannote.metrics, no collar) and the diarization time.

    python bench/speakers.py                 # 4 visits per synthetic set, two 30 s clips of each
    python bench/speakers.py --limit 6 --whole

Recordings:
  real        pyannote.audio's sample.wav (30 s, two real voices) with its sample.rttm
  en / en-same  30 s clips (both speakers >= 5 s; whole visits with --whole) of ACI-Bench dialogues spoken by
              ../shared/tools/synth_consultation.py, default voices and --same-gender (similar voices)
  dictation   one voice (espeak, one per dictation) reading a doctor's turns: 30 s and 60 s
Synthetic audio is cached under bench/out/speakers/.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out" / "speakers"
CLIP = 30.0
MIN_SPEAKER_SECONDS = 5.0  # a clip counts as two-voice when each voice speaks this long in it


@dataclass
class Case:
    set: str
    name: str
    samples: np.ndarray
    ref: list[tuple[float, float, str]]  # (start, end, speaker); empty for a dictation

    @property
    def speakers(self) -> int:
        return len({who for _, _, who in self.ref}) or 1


@dataclass
class Row:
    recordings: int = 0
    audio_s: float = 0.0
    right: dict[str, int] = field(default_factory=lambda: {"before": 0, "now": 0})
    found: dict[str, list[int]] = field(default_factory=lambda: {"before": [], "now": []})
    seconds: dict[str, float] = field(default_factory=lambda: {"before": 0.0, "now": 0.0})
    der: dict = field(default_factory=dict)


def read_rttm(path: Path, start: float = 0.0, end: float = float("inf")) -> list[tuple[float, float, str]]:
    out = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if parts and parts[0] == "SPEAKER":
            a, b = float(parts[3]), float(parts[3]) + float(parts[4])
            a, b = max(a, start), min(b, end)
            if b > a:
                out.append((a - start, b - start, parts[7]))
    return out


def synthesize(kind: str, limit: int) -> list[Path]:
    """ACI-Bench valid dialogues spoken by synth_consultation.py (cached)."""
    folder = OUT / kind
    if len(list(folder.glob("*.wav"))) < limit:
        args = [str(SHARED / "data" / "aci-bench" / "valid.csv"), "--limit", str(limit), "--out", str(folder)]
        if kind == "en-same":
            args.append("--same-gender")
        tool = SHARED / "tools" / "synth_consultation.py"
        subprocess.run([sys.executable, str(tool), *args], check=True, stdout=subprocess.DEVNULL)
    return sorted(folder.glob("*.wav"))[:limit]


def dictations(limit: int) -> list[Path]:
    """One voice per file: a doctor's turns of an ACI-Bench dialogue, all tagged "doctor"."""
    import json

    folder = OUT / "dictation"
    if len(list(folder.glob("*.wav"))) < limit:
        source = OUT / "dictation-text"
        source.mkdir(parents=True, exist_ok=True)
        texts = []
        for wav in synthesize("en", limit):
            turns = json.loads(wav.with_suffix(".json").read_text())["turns"]
            lines = [f"doctor: {t['text']}" for t in turns if t["speaker"] == "doctor"][:14]
            path = source / f"{wav.stem}.txt"
            path.write_text("\n".join(lines) + "\n")
            texts.append(str(path))
        tool = SHARED / "tools" / "synth_consultation.py"
        subprocess.run([sys.executable, str(tool), *texts, "--out", str(folder)], check=True, stdout=subprocess.DEVNULL)
    return sorted(folder.glob("*.wav"))[:limit]


def clips(kind: str, wav: Path, samples: np.ndarray, per_file: int, whole: bool) -> list[Case]:
    """30 s clips in which both voices speak at least MIN_SPEAKER_SECONDS (and the whole visit)."""
    from scribe.speech.types import SAMPLE_RATE

    out = []
    duration = samples.size / SAMPLE_RATE
    for start in np.arange(0.0, duration - CLIP, CLIP):
        ref = read_rttm(wav.with_suffix(".rttm"), start, start + CLIP)
        talk: dict[str, float] = {}
        for a, b, who in ref:
            talk[who] = talk.get(who, 0.0) + b - a
        if len(talk) == 2 and min(talk.values()) >= MIN_SPEAKER_SECONDS and len(out) < per_file:
            piece = samples[int(start * SAMPLE_RATE) : int((start + CLIP) * SAMPLE_RATE)]
            out.append(Case(f"{kind} 30 s", f"{wav.stem}@{start:.0f}", piece, ref))
    if whole:
        out.append(Case(f"{kind} whole", wav.stem, samples, read_rttm(wav.with_suffix(".rttm"))))
    return out


def cases(args) -> list[Case]:
    import pyannote.audio

    from scribe.speech.decode import decode
    from scribe.speech.types import SAMPLE_RATE

    sample = Path(pyannote.audio.__file__).parent / "sample"
    out = [
        Case(
            "real (pyannote sample)", "sample", decode(sample / "sample.wav").samples, read_rttm(sample / "sample.rttm")
        )
    ]
    for kind in ("en", "en-same"):
        for wav in synthesize(kind, args.limit):
            out += clips(kind, wav, decode(wav).samples, args.clips, args.whole)
    for wav in dictations(args.limit):
        samples = decode(wav).samples
        for seconds in (30, 60):
            out.append(Case(f"dictation {seconds} s", wav.stem, samples[: seconds * SAMPLE_RATE], []))
    return out


def annotation(turns):
    from pyannote.core import Annotation, Segment

    ann = Annotation()
    for start, end, who in turns:
        ann[Segment(start, end)] = who
    return ann


def run(args) -> None:
    from pyannote.metrics.diarization import DiarizationErrorRate

    from scribe.engines.diarization import load_diarization_engine
    from scribe.speech.diarize import DiarizeOptions, diarize, precompute
    from scribe.speech.types import Audio

    engine = load_diarization_engine()
    diarize(Audio(np.zeros(16000, np.float32)), engine)  # warm-up outside the timings
    rows: dict[str, Row] = {}
    for case in cases(args):
        row = rows.setdefault(case.set, Row())
        row.recordings += 1
        row.audio_s += case.samples.size / 16000
        found = {}
        # The network passes do not depend on the speaker-count rule: run once, shared by both runs (timed
        # apart); each run then times what differs (clustering, speaker choice, the tail past whole blocks).
        t0 = time.perf_counter()
        networks = precompute(case.samples, 0.0, engine, 0.0, case.samples.size / 16000)
        row.seconds["networks"] = row.seconds.get("networks", 0.0) + time.perf_counter() - t0
        for label, conversation in (("before", False), ("now", True)):
            options = DiarizeOptions(min_speakers=1, max_speakers=4, conversation=conversation)
            t0 = time.perf_counter()
            result = diarize(Audio(case.samples), engine, options, precomputed=networks)
            row.seconds[label] += time.perf_counter() - t0
            found[label] = len(result.speakers)
            row.found[label].append(found[label])
            row.right[label] += found[label] == case.speakers
            if case.ref:
                metric = row.der.setdefault(label, DiarizationErrorRate(collar=0.0))
                metric(annotation(case.ref), annotation([(t.start, t.end, t.speaker) for t in result.turns]))
        print(
            f"  {case.set} {case.name}: true {case.speakers}, found {found['before']} → {found['now']}", file=sys.stderr
        )
    print_table(rows)


def print_table(rows: dict[str, Row]) -> None:
    print("\nSpeaker count and DER — before: no prior on the count; now: conversation prior (same run)\n")
    print(
        "| set | recordings | audio min | true count found, before | now | found, now | DER before | DER now "
        "| networks s | rest s before | rest s now | diarization time now / before |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, r in rows.items():
        der = {k: f"{abs(m):.1%}" for k, m in r.der.items()}
        counts = ", ".join(f"{k}:{r.found['now'].count(k)}" for k in sorted(set(r.found["now"])))
        print(
            f"| {name} | {r.recordings} | {r.audio_s / 60:.1f} | {r.right['before']}/{r.recordings} | "
            f"{r.right['now']}/{r.recordings} | {counts} | {der.get('before', '—')} | {der.get('now', '—')} | "
            f"{r.seconds['networks']:.1f} | {r.seconds['before']:.2f} | {r.seconds['now']:.2f} | "
            f"{(r.seconds['networks'] + r.seconds['now']) / (r.seconds['networks'] + r.seconds['before']):.3f}× |"
        )
    print(
        "\n'true count found': recordings diarized into their true number of speakers (two for every "
        "consultation, one for every dictation). DER without collar, overlap scored. 'networks': segmentation "
        "and CAM++ passes, computed once per recording and shared by both runs; 'rest': the remainder of "
        "each run (clustering, speaker choice, the audio past the last whole block)."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=4, help="visits (and dictations) per synthetic set")
    parser.add_argument("--clips", type=int, default=2, help="30 s two-voice clips per visit")
    parser.add_argument("--whole", action="store_true", help="also the whole visits (3-7 min each)")
    args = parser.parse_args()
    if not (SHARED / "tools" / "synth_consultation.py").is_file():
        sys.exit("bench/speakers.py needs ../shared (ACI-Bench, synth_consultation.py)")
    run(args)


if __name__ == "__main__":
    main()
