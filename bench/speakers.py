"""Speaker count and DER: does a consultation keep its two voices, and does a dictation stay one?

Each recording is diarized twice in the same run: without a prior on the number of speakers (the anchor,
`DiarizeOptions(conversation=False)`: what the service did before) and as a conversation (the default
now: two speakers unless the audio clearly has one voice). Prints, per set, how many recordings came out
with the true number of speakers, the DER (pyannote.metrics, no collar) and the diarization time.

    python bench/speakers.py                 # 4 visits per synthetic set, two 30 s clips of each
    python bench/speakers.py --limit 6 --whole
    python bench/speakers.py --tune          # whole tune visits, as the default pipeline diarizes them

--tune (issue 12, "two voices stay two"): whole ACI-Bench tune visits (--ids) spoken with the tool's default
voices and with --same-gender, one long single-voice monologue, one voice at two pitches taking turns, and
pyannote's sample, each diarized with the default pipeline's options (scribe.speech.run.process_audio:
DiarizeOptions() with no bounds; the ASR it also runs does not change speakers or DER) by three rules in the
same run: no prior on the count, the conversation rule of the previous commit (`previous`: a fixed d' of 6 for
the second voice, no pitch; the constants set back) and now. --heldout-count adds the count of speakers found
on held-out visits already synthesized in bench/out/fidelity-audio/ (the count only: no transcript or note).
Network outputs (segmentation, CAM++ frames) are cached under bench/out/speakers/networks/.

Recordings:
  real        pyannote.audio's sample.wav (30 s, two real voices) with its sample.rttm
  en / en-same  30 s clips (both speakers >= 5 s; whole visits with --whole) of ACI-Bench dialogues spoken by
              ../shared/tools/synth_consultation.py, default voices and --same-gender (similar voices)
  dictation   one voice (espeak, one per dictation) reading a doctor's turns: 30 s and 60 s
Synthetic audio is cached under bench/out/speakers/.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import time
from contextlib import contextmanager, nullcontext
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
    count: int | None = None  # speakers, where ref is not scored

    @property
    def speakers(self) -> int:
        return self.count or len({who for _, _, who in self.ref}) or 1


@dataclass
class Row:
    recordings: int = 0
    audio_s: float = 0.0
    right: dict[str, int] = field(default_factory=dict)
    found: dict[str, list[int]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
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


def tune_cases(args) -> list[Case]:
    """--tune: pyannote's sample, whole tune visits (default voices, --same-gender), a monologue, two pitches."""
    import pyannote.audio

    from scribe.speech.decode import decode

    sample = Path(pyannote.audio.__file__).parent / "sample"
    out = [
        Case(
            "real (pyannote sample)", "sample", decode(sample / "sample.wav").samples, read_rttm(sample / "sample.rttm")
        )
    ]
    tool, train = SHARED / "tools" / "synth_consultation.py", SHARED / "data" / "aci-bench" / "train.csv"
    for kind, ids, extra in (("tune", args.ids, []), ("tune-same", args.same_ids, ["--same-gender"])):
        folder = OUT / kind
        missing = [i for i in ids.split(",") if not (folder / f"{i}.wav").is_file()]
        if missing:
            command = [sys.executable, str(tool), str(train), "--ids", ",".join(missing), "--out", str(folder), *extra]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        for name in ids.split(","):
            wav = folder / f"{name}.wav"
            out.append(Case(f"{kind} whole", name, decode(wav).samples, read_rttm(wav.with_suffix(".rttm"))))
    folder = OUT / "monologue"
    wav = folder / f"mono{args.monologue}.wav"
    if not wav.is_file():  # one voice (the tool's pick for this name) reading every turn of a tune dialogue
        import csv

        sys.path.insert(0, str(tool.parent))
        from synth_consultation import parse_aci

        rows = {r["encounter_id"]: r for r in csv.DictReader(train.open(encoding="utf-8"))}
        text = folder / f"mono{args.monologue}.txt"
        folder.mkdir(parents=True, exist_ok=True)
        text.write_text("".join(f"doctor: {t}\n" for _, t in parse_aci(rows[args.monologue]["dialogue"])))
        subprocess.run(
            [sys.executable, str(tool), str(text), "--out", str(folder)], check=True, stdout=subprocess.DEVNULL
        )
    out.append(Case("monologue (one voice)", wav.stem, decode(wav).samples, read_rttm(wav.with_suffix(".rttm"))))
    out.append(two_pitches())
    if args.heldout_count:
        for name in args.heldout_count.split(","):  # the count only: DER and transcripts of held-out visits unused
            wav = ROOT / "bench" / "out" / "fidelity-audio" / f"{name}.wav"
            voices = len({who for _, _, who in read_rttm(wav.with_suffix(".rttm"))})
            out.append(Case("held-out whole (count only)", name, decode(wav).samples, [], voices))
    return out


PITCH_SENTENCES = [
    "Good morning, what brings you in to the clinic today?",
    "I have had a sore throat and a cough for about a week now.",
    "Have you noticed any fever, chills or night sweats at all?",
    "Yes, a low fever in the evenings, and I feel very tired.",
    "Any trouble breathing, or pain in your chest when you cough?",
    "No chest pain, but I get short of breath climbing the stairs.",
    "Let me listen to your lungs. Please take a slow deep breath.",
    "Should I be worried about it? My brother had pneumonia last year.",
]


def two_pitches() -> Case:
    """One espeak voice (en-us) at -p 30 and -p 70 (88 and 126 Hz) taking 16 turns: one timbre, two pitches."""
    import wave

    from scribe.speech.decode import decode

    wav = OUT / "two-pitches" / "en-us-p30-p70.wav"
    if not wav.is_file():
        wav.parent.mkdir(parents=True, exist_ok=True)
        pieces, lines, t = [], [], 0.0
        for i in range(16):
            pitch = (30, 70)[i % 2]
            command = ["espeak-ng", "-v", "en-us", "-p", str(pitch), "-s", "165", "--stdout", PITCH_SENTENCES[i % 8]]
            with wave.open(io.BytesIO(subprocess.run(command, check=True, capture_output=True).stdout)) as w:
                rate, pcm = w.getframerate(), np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
            x = np.interp(np.arange(int(pcm.size * 16000 / rate)) * rate / 16000, np.arange(pcm.size), pcm)
            loud = np.flatnonzero(np.abs(x) > 300)
            x = x[loud[0] : loud[-1] + 1]
            lines.append(f"SPEAKER two 1 {t:.3f} {x.size / 16000:.3f} <NA> <NA> p{pitch} <NA> <NA>\n")
            pieces += [x, np.zeros(8000)]
            t += x.size / 16000 + 0.5
        with wave.open(str(wav), "wb") as w:
            w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
            w.writeframes(np.concatenate(pieces).astype(np.int16).tobytes())
        wav.with_suffix(".rttm").write_text("".join(lines))
    return Case("two pitches, one timbre", wav.stem, decode(wav).samples, read_rttm(wav.with_suffix(".rttm")))


def annotation(turns):
    from pyannote.core import Annotation, Segment

    ann = Annotation()
    for start, end, who in turns:
        ann[Segment(start, end)] = who
    return ann


@contextmanager
def previous_rule():
    """The conversation rule of the commit before issue 12's pitch cue: the second voice needs d' 6 at any
    length, pitch is never asked and turns are not read (clustering.py's constants set back for the duration)."""
    from scribe.speech import clustering

    names = ("LONG_SEPARATION", "MIN_PITCH_GAP", "TURN_SEPARATION", "ONE_RUN_ALTERNATION")
    saved = [getattr(clustering, name) for name in names]
    for name, value in zip(names, (clustering.CONVERSATION_SEPARATION, float("inf"), float("inf"), 0.0), strict=True):
        setattr(clustering, name, value)
    try:
        yield
    finally:
        for name, value in zip(names, saved, strict=True):
            setattr(clustering, name, value)


def networks(case: Case, engine):
    """precompute() outputs of the whole recording, cached (they do not depend on the speaker-count rule)."""
    from scribe.speech.diarize import Precomputed, precompute

    key = hashlib.sha256(case.samples.tobytes()).hexdigest()[:16]
    path = OUT / "networks" / f"{key}.npz"
    if path.is_file():
        return Precomputed.from_bytes(path.read_bytes())
    out = precompute(case.samples, 0.0, engine, 0.0, case.samples.size / 16000)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.to_bytes())
    return out


def run(args) -> None:
    from pyannote.metrics.diarization import DiarizationErrorRate

    from scribe.engines.diarization import load_diarization_engine
    from scribe.speech.diarize import DiarizeOptions, diarize
    from scribe.speech.types import Audio

    engine = load_diarization_engine()
    diarize(Audio(np.zeros(16000, np.float32)), engine)  # warm-up outside the timings
    if args.tune:  # the default pipeline's options (scribe.speech.run.process_audio)
        rules = {
            "no prior": (DiarizeOptions(conversation=False), nullcontext),
            "previous": (DiarizeOptions(), previous_rule),
            "now": (DiarizeOptions(), nullcontext),
        }
    else:
        rules = {
            "before": (DiarizeOptions(min_speakers=1, max_speakers=4, conversation=False), nullcontext),
            "now": (DiarizeOptions(min_speakers=1, max_speakers=4), nullcontext),
        }
    rows: dict[str, Row] = {}
    for case in tune_cases(args) if args.tune else cases(args):
        row = rows.setdefault(case.set, Row())
        row.recordings += 1
        row.audio_s += case.samples.size / 16000
        found = {}
        # The network passes do not depend on the speaker-count rule: run once (cached), shared by every rule;
        # each run then times what differs (clustering, pitch, speaker choice, the tail past whole blocks).
        t0 = time.perf_counter()
        computed = networks(case, engine)
        row.seconds["networks"] = row.seconds.get("networks", 0.0) + time.perf_counter() - t0
        for label, (options, rule) in rules.items():
            t0 = time.perf_counter()
            with rule():
                result = diarize(Audio(case.samples), engine, options, precomputed=computed)
            row.seconds[label] = row.seconds.get(label, 0.0) + time.perf_counter() - t0
            found[label] = len(result.speakers)
            row.found.setdefault(label, []).append(found[label])
            row.right[label] = row.right.get(label, 0) + (found[label] == case.speakers)
            if case.ref:
                metric = row.der.setdefault(label, DiarizationErrorRate(collar=0.0))
                metric(annotation(case.ref), annotation([(t.start, t.end, t.speaker) for t in result.turns]))
        counts = " → ".join(str(found[label]) for label in rules)
        print(f"  {case.set} {case.name}: true {case.speakers}, found {counts}", file=sys.stderr)
    print_table(rows, list(rules))


def print_table(rows: dict[str, Row], labels: list[str]) -> None:
    anchor, now = labels[0], labels[-1]
    print(f"\nSpeaker count and DER by rule ({', '.join(labels)}), same run\n")
    print(
        "| set | recordings | audio min | "
        + " | ".join(f"true count, {label}" for label in labels)
        + " | found, now | "
        + " | ".join(f"DER {label}" for label in labels)
        + f" | networks s | rest s {anchor} | rest s now | diarization time now / {anchor} |"
    )
    print("|---" * (8 + 2 * len(labels)) + "|")
    for name, r in rows.items():
        der = {k: f"{abs(m):.1%}" for k, m in r.der.items()}
        counts = ", ".join(f"{k}:{r.found[now].count(k)}" for k in sorted(set(r.found[now])))
        print(
            f"| {name} | {r.recordings} | {r.audio_s / 60:.1f} | "
            + " | ".join(f"{r.right[label]}/{r.recordings}" for label in labels)
            + f" | {counts} | "
            + " | ".join(der.get(label, "—") for label in labels)
            + f" | {r.seconds['networks']:.1f} | {r.seconds[anchor]:.2f} | {r.seconds[now]:.2f} | "
            f"{(r.seconds['networks'] + r.seconds[now]) / (r.seconds['networks'] + r.seconds[anchor]):.3f}× |"
        )
    print(
        "\n'true count': recordings diarized into their true number of speakers (every speaker of the reference "
        "RTTM, 'other' included; one for a monologue or dictation). DER without collar, overlap scored. "
        "'networks': segmentation and CAM++ passes, computed once per recording (cached) and shared by every "
        "rule; 'rest': the remainder of each run (clustering, pitch, speaker choice, the audio past the last "
        "whole block)."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=4, help="visits (and dictations) per synthetic set")
    parser.add_argument("--clips", type=int, default=2, help="30 s two-voice clips per visit")
    parser.add_argument("--whole", action="store_true", help="also the whole visits (3-7 min each)")
    parser.add_argument("--tune", action="store_true", help="whole tune visits, monologue, two pitches (issue 12)")
    parser.add_argument("--ids", default="D2N022,D2N033", help="--tune: ACI-Bench tune visits (train.csv)")
    parser.add_argument("--same-ids", default="D2N024,D2N033", help="--tune: tune visits spoken --same-gender")
    parser.add_argument("--monologue", default="D2N002", help="--tune: the tune dialogue one voice reads whole")
    parser.add_argument("--heldout-count", default="", help="--tune: held-out visits of bench/out/fidelity-audio")
    args = parser.parse_args()
    if not (SHARED / "tools" / "synth_consultation.py").is_file():
        sys.exit("bench/speakers.py needs ../shared (ACI-Bench, synth_consultation.py)")
    run(args)


if __name__ == "__main__":
    main()
