"""A burst of webhook events to a slow receiver is delivered completely, once each, with the server's
memory bounded (bench/delivery.py runs the same with 1,000 events and prints the table)."""

from __future__ import annotations

from tests.test_delivery_support import run_burst


def test_burst_to_slow_receiver(scribe):
    result = run_burst(scribe, events=200, delay=0.05)
    assert result["delivered"] == result["distinct"] == 200 and result["all_ours"], result
    assert result["rss_growth_mb"] < 60, result
