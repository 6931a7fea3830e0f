"""Overload benchmark (issue 17, item 8) on a real embedded `scribe serve` over loopback.

    python bench/overload.py                         # capacity 2, N = 1, 2, 3, 4 × capacity, 60 s visits
    python bench/overload.py --capacity 3 --multiples 1,2 --seconds 90 --unprotected

N real-time streams start at once against a server configured for `capacity` live visits
(SCRIBE_MAX_LIVE_VISITS). Each stream creates its visit (a 503 at_capacity counts as refused, and
must carry Retry-After), streams the consultation at real time, stops and waits for visit.ready. Per N:
refused visits, the admitted visits' worst partial-lag p95, final-lag p95 and note-ready time, and the
acknowledged bytes missing from their transcripts (acked − transcript duration × bytes per second).
The first multiple is the anchor: note ready at 2× must stay within 2× of it. --unprotected adds a
row at 2× capacity with admission off (every visit admitted: the live path sheds load, partial lag
stays bounded, the note waits for the extra work). Writes bench/out/overload.json too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.service import consultation  # noqa: E402
from tests.conftest import SR, write_wav  # noqa: E402
from tests.test_service_support import auth, consent, make_service  # noqa: E402

BYTES_PER_SECOND = 32000  # the reference client streams 16 kHz mono pcm_s16le


def one_visit(service, key: str, wav: Path, start: threading.Barrier) -> dict:
    """Create a visit (refused: 503), stream it at real time, stop, wait for its note."""
    from scribe.api.client import stream

    start.wait()
    body = {"clinician_id": "dr-bench", "patient_ref": "P-OVERLOAD", "language": "en", "consent": consent()}
    r = httpx.post(f"{service.http}/v1/visits", json=body, headers=auth(key), timeout=60)
    if r.status_code == 503:
        return {"refused": True, "retry_after": r.headers.get("retry-after"), "code": r.json()["error"]["code"]}
    assert r.status_code == 201, r.text
    visit_id = r.json()["id"]
    report = stream(wav, f"{service.ws}/v1/visits/{visit_id}/audio", key, speed=1.0).summary()
    t = httpx.get(f"{service.http}/v1/visits/{visit_id}/transcript", headers=auth(key), timeout=60).json()
    transcribed = round(t.get("duration", 0.0) * BYTES_PER_SECOND)
    return report | {
        "refused": False,
        "missing_bytes": max(0, report["acked"] - transcribed - 2),  # 2: one sample of duration rounding
        "skipped_seconds": t.get("timings", {}).get("skipped"),
    }


def run_round(service, key: str, wav: Path, streams: int) -> dict:
    barrier = threading.Barrier(streams)
    with ThreadPoolExecutor(streams) as pool:
        results = list(pool.map(lambda _: one_visit(service, key, wav, barrier), range(streams)))
    admitted = [r for r in results if not r["refused"]]
    refused = [r for r in results if r["refused"]]

    def worst(field: str):
        values = [r[field] for r in admitted if r.get(field) is not None]
        return max(values) if values else None

    return {
        "streams": streams,
        "admitted": len(admitted),
        "refused": len(refused),
        "refused_with_retry_after": sum(1 for r in refused if r["retry_after"] and r["code"] == "at_capacity"),
        "partial_lag_p95": worst("partial_lag_p95"),
        "final_lag_p95": worst("final_lag_p95"),
        "note_ready_seconds": worst("note_ready_seconds"),
        "acked_bytes": sum(r["acked"] for r in admitted),
        "missing_bytes": sum(r["missing_bytes"] for r in admitted),
        "not_ready": sum(1 for r in admitted if not r["ready"]),
        "visits": results,
    }


def serve(folder: Path, model: str, capacity: int, wav: Path):
    """A server configured for `capacity` live visits, warmed up by one short visit (the diarization
    engine loads on first use: not in the anchor's note-ready time)."""
    from scribe.speech.decode import decode

    service = make_service(
        folder / f"svc-{time.time_ns()}",
        SCRIBE_ASR_MODEL=model,
        SCRIBE_LOG_LEVEL="WARNING",
        SCRIBE_MAX_LIVE_VISITS=str(capacity),
    )
    _, key = service.tenant("Bench")
    service.start().wait_warm()
    short = write_wav(folder / "warmup.wav", decode(wav).samples[: 10 * SR])
    one_visit(service, key, short, threading.Barrier(1))
    return service, key


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--capacity", type=int, default=2, help="SCRIBE_MAX_LIVE_VISITS of the server")
    parser.add_argument("--multiples", default="1,2,3,4", help="N = multiple × capacity streams, first = anchor")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each consultation")
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--unprotected", action="store_true", help="also 2× capacity with admission off")
    args = parser.parse_args()
    multiples = [int(m) for m in args.multiples.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="bench-overload-"))
    wav = consultation(folder, args.seconds / 60)
    out: dict = {"machine": f"{os.cpu_count()} cores", "capacity": args.capacity, "model": args.model, "rounds": []}

    service, key = serve(folder, args.model, args.capacity, wav)
    try:
        for m in multiples:
            out["rounds"].append({"multiple": m, **run_round(service, key, wav, m * args.capacity)})
    finally:
        service.stop()
    if args.unprotected:
        service, key = serve(folder, args.model, 0, wav)
        try:
            out["unprotected"] = {"multiple": 2, **run_round(service, key, wav, 2 * args.capacity)}
        finally:
            service.stop()

    anchor = out["rounds"][0]["note_ready_seconds"] or 0
    rows = []
    for r in out["rounds"] + ([out["unprotected"]] if args.unprotected else []):
        label = f"{r['multiple']}× ({r['streams']} streams)" + ("" if r in out["rounds"] else ", admission off")
        ratio = round(r["note_ready_seconds"] / anchor, 2) if anchor and r["note_ready_seconds"] else None
        rows.append(
            (
                label,
                f"{r['admitted']} / {r['refused']} ({r['refused_with_retry_after']} with Retry-After)",
                f"{r['partial_lag_p95']} s",
                f"{r['final_lag_p95']} s",
                f"{r['note_ready_seconds']} s ({ratio}× anchor)",
                f"{r['missing_bytes']} of {r['acked_bytes']}",
            )
        )
    head = ("streams", "admitted / refused 503", "partial lag p95", "final lag p95", "note ready", "acked missing")
    width = [max(len(str(row[i])) for row in rows + [head]) for i in range(len(head))]
    print(f"{args.seconds:g} s consultation, {args.model}, capacity {args.capacity}, {out['machine']}")
    print(" | ".join(h.ljust(w) for h, w in zip(head, width)))
    print("-" * (sum(width) + 3 * (len(width) - 1)))
    for row in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, width)))
    print("targets at 2×: partial lag p95 ≤ 5 s, note ready ≤ 2× anchor, 0 acked bytes missing, excess refused (503)")
    (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "out" / "overload.json").write_text(json.dumps(out, indent=2, default=str))


if __name__ == "__main__":
    main()
