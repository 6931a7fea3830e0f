"""Memory on long visits: peak RSS of the whole pipeline (`scribe transcribe`) on a short and a
2-hour recording, each in its own process, so that the ratio shows whether memory stays bounded.

    python bench/long_audio.py                 # 10 min against 120 min
    python bench/long_audio.py --minutes 10 60

The long files are consultations from bench/out/data (made by bench/speech.py) played one after
another; the audio is written as 16 kHz mono WAV under bench/out/long/. Prints one Markdown table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "long"
SR = 16000


def source_audio() -> np.ndarray:
    wavs = sorted((ROOT / "bench" / "out" / "data").glob("en-*/*.wav"))
    if not wavs:
        sys.exit("no audio in bench/out/data: run bench/speech.py once first")
    parts = []
    for path in wavs:
        with wave.open(str(path)) as w:
            assert w.getframerate() == SR and w.getnchannels() == 1
            parts.append(np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16))
    return np.concatenate(parts)


def long_wav(minutes: float, source: np.ndarray) -> Path:
    path = OUT / f"visit-{minutes:g}min.wav"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    need = int(minutes * 60 * SR)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SR)
        written = 0
        while written < need:  # stream it out: never hold the whole 2 hours in memory here either
            piece = source[: need - written]
            w.writeframes(piece.tobytes())
            written += piece.size
    return path


def measure(path: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB, segments) of `scribe transcribe` in a child process."""
    code = (
        "import json, resource, sys; from scribe.cli import main; "
        "sys.argv = ['scribe', 'transcribe', sys.argv[1], '--language', 'en', '--json', sys.argv[2]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)"
    )
    out = path.with_suffix(".json")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, str(path), str(out)], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or not out.exists():
        sys.exit(f"transcribe failed on {path.name}: {proc.stderr.strip().splitlines()[-1:]}")
    import json

    peak = float(proc.stderr.strip().splitlines()[-1])
    return wall, peak, len(json.loads(out.read_text())["segments"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, nargs="+", default=[10, 120])
    args = parser.parse_args()
    source = source_audio()
    rows = []
    for minutes in args.minutes:
        path = long_wav(minutes, source)
        wall, peak, segments = measure(path)
        rows.append((minutes, wall, peak, segments))
        print(f"  {minutes:g} min: {wall:.0f} s, {peak:.0f} MB", file=sys.stderr)
    base = rows[0]
    print("\nWhole pipeline (scribe transcribe, base int8, CPU) on long recordings\n")
    print("| audio | wall s | RTF | peak RSS MB | RSS vs first row | segments |")
    print("|---|---|---|---|---|---|")
    for minutes, wall, peak, segments in rows:
        print(
            f"| {minutes:g} min | {wall:.0f} | {wall / (minutes * 60):.3f} | {peak:.0f} | "
            f"{peak / base[2]:.2f}× | {segments} |"
        )


if __name__ == "__main__":
    main()
