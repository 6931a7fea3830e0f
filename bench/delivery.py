"""Webhook delivery benchmark: a burst of events to a slow receiver on a real embedded `scribe serve`.

    python bench/delivery.py                     # 1,000 events, receiver answering in 50 ms
    python bench/delivery.py --events 200 --delay 0.2

The events are visit.created from concurrent POST /v1/visits; the receiver is a loopback HTTP server
that sleeps `delay` seconds per request. Prints one table row per run: events delivered (distinct
webhook-ids), seconds from the first POST to the last delivery, and the RSS of the delivering process
(the embedded server) before and at its peak during the burst. Writes bench/out/delivery.json too.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_delivery_support import run_burst, start_scribe, stop_scribe  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1000])
    parser.add_argument("--delay", type=float, default=0.05, help="receiver seconds per request")
    parser.add_argument("--concurrency", type=int, default=8, help="SCRIBE_DELIVERY_CONCURRENCY")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        scribe = start_scribe(
            Path(tmp), {"a": {"webhooks_allow_private": True}}, SCRIBE_DELIVERY_CONCURRENCY=args.concurrency
        )
        try:
            for n in args.events:
                rows.append(run_burst(scribe, n, args.delay))
        finally:
            stop_scribe(scribe)
    print(f"receiver delay {args.delay * 1000:.0f} ms, {args.concurrency} delivery threads")
    print("| events | delivered | seconds | events/s | RSS before (MB) | peak RSS (MB) | growth (MB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['events']} | {r['distinct']} | {r['seconds']:.1f} | {r['events'] / r['seconds']:.0f} | "
            f"{r['rss_base_mb']:.0f} | {r['rss_peak_mb']:.0f} | {r['rss_growth_mb']:.0f} |"
        )
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "delivery.json").write_text(json.dumps({"delay": args.delay, "rows": rows}, indent=1))
    if any(r["distinct"] != r["events"] or not r["all_ours"] for r in rows):
        sys.exit("not every event was delivered exactly once")


if __name__ == "__main__":
    main()
