"""Hypothesis-generated websocket message sequences against a real `scribe serve`, bounded (SCRIBE_FUZZ_WS_
EXAMPLES sequences, default 30): valid and invalid control messages, garbage text, deep JSON, frames at
right and wrong offsets, short frames, resends, pause/resume, stop. Whatever the sequence: the server never
closes with 1011 (an internal error), and every byte it acknowledged is stored, exactly as sent."""

from __future__ import annotations

import json
import os

import httpx
import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from scribe.api.protocol import FRAME_HEADER
from tests.test_service_support import auth, create_visit, make_service, stored_audio

EXAMPLES = int(os.environ.get("SCRIBE_FUZZ_WS_EXAMPLES", "30"))
# The audio every frame is cut from: a frame at offset o carries CANON[o:o + n] (at the acknowledged end, or
# anywhere: a gap, a resend, an overlap), so what is stored can be compared with what was sent.
CANON = (np.random.default_rng(17).normal(0, 3000, 16_000 * 4).astype("<i2")).tobytes()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    service = make_service(
        tmp_path_factory.mktemp("fuzz-ws"), SCRIBE_RATE_LIMIT_PER_ADDRESS="", SCRIBE_RATE_LIMIT_PER_KEY=""
    )
    _, key = service.tenant("WS fuzz")
    service.start()
    yield service, key
    service.stop()
    for drop in service.drops:
        drop()


def _json(message) -> st.SearchStrategy:
    return st.just(("text", json.dumps(message)))


ints = st.one_of(st.integers(-5, 70_000), st.integers(-(2**70), 2**70), st.sampled_from([None, "1", 1.5, [], {}]))
START = json.dumps({"type": "start", "format": "pcm_s16le", "sample_rate": 16000})
control = st.one_of(
    st.just(("text", START)),
    st.builds(
        lambda fmt, rate, ch: (
            "text",
            json.dumps({"type": "start", "format": fmt, "sample_rate": rate, "channels": ch}),
        ),
        st.sampled_from(["pcm_s16le", "webm-opus", "ogg-opus", "mp3", ""]),
        ints,
        ints,
    ),
    st.builds(lambda o: ("text", json.dumps({"type": "resume", "offset": o})), ints),
    _json({"type": "pause"}),
    _json({"type": "resume"}),
    _json({"type": "stop"}),
    st.builds(lambda t: ("text", json.dumps({"type": "auth", "token": t})), st.text(max_size=40)),
    st.builds(lambda t: ("text", t), st.text(max_size=200)),
    st.builds(lambda d: ("text", "[" * d + "]" * d), st.integers(1, 200_000)),
    st.builds(lambda k: ("text", json.dumps({"type": k, "x": 1})), st.text(max_size=12)),
)
frames = st.one_of(
    st.builds(lambda n, seq: ("frame", seq, None, n), st.integers(0, 8000), st.integers(0, 2**32 - 1)),  # at end
    st.builds(lambda o, n: ("frame", 7, o, n), st.integers(0, 40_000), st.integers(1, 4000)),  # anywhere
    st.builds(lambda b: ("raw", b), st.binary(max_size=11)),  # shorter than the header
)
sequences = st.lists(st.one_of(control, frames, frames), min_size=1, max_size=14)


def _drain(ws, acked: list[int], timeout: float = 0.25) -> int | None:
    """Read what the server sent; acks' offsets into `acked`; the close code once closed."""
    while True:
        try:
            message = ws.recv(timeout=timeout)
        except TimeoutError:
            return None
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else 1006
        if isinstance(message, str):
            event = json.loads(message)
            if event.get("type") == "ack":
                acked.append(int(event["offset"]))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same sequences on every run (CI); SCRIBE_FUZZ_WS_EXAMPLES for more
    database=None,  # nothing written into the checkout
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(sequence=sequences)
# Always among the sequences: the ordinary visit, resends and gaps, and JSON nested past the parser's depth.
@example(
    sequence=[
        ("text", START),
        ("frame", 0, None, 3200),
        ("frame", 1, None, 3200),
        ("text", '{"type": "pause"}'),
        ("text", '{"type": "resume"}'),
        ("frame", 2, None, 3200),
        ("text", '{"type": "stop"}'),
    ]
)
@example(
    sequence=[
        ("text", START),
        ("frame", 0, 0, 3200),
        ("frame", 1, 0, 3200),
        ("frame", 2, 10_000, 100),
        ("frame", 3, 1600, 3200),
        ("text", '{"type": "resume", "offset": 999999}'),
        ("raw", b"\0" * 5),
    ]
)
@example(sequence=[("text", START), ("frame", 0, None, 640), ("text", "[" * 5000 + "]" * 5000)])
def test_websocket_sequences_never_fail_the_server(server, sequence):
    service, key = server
    visit = create_visit(service, key)
    acked: list[int] = []
    closed = None
    with connect(
        f"{service.ws}/v1/visits/{visit['id']}/audio",
        additional_headers=auth(key),
        open_timeout=10,
        max_size=None,
    ) as ws:
        for action in sequence:
            try:
                if action[0] == "text":
                    ws.send(action[1])
                elif action[0] == "raw":
                    ws.send(action[1])
                else:
                    _, seq, offset, n = action
                    at = max(acked, default=0) if offset is None else offset
                    ws.send(FRAME_HEADER.pack(seq, at) + CANON[at : at + n])
            except ConnectionClosed as gone:
                closed = gone.rcvd.code if gone.rcvd else 1006
                break
            closed = _drain(ws, acked, 0.05)
            if closed is not None:
                break
        if closed is None:
            closed = _drain(ws, acked, 0.5)
    assert closed != 1011, f"internal error closing the websocket after {sequence!r}"
    end = max(acked, default=0)
    if end:
        assert stored_audio(service, visit["id"])[:end] == CANON[:end], "an acknowledged byte is not stored as sent"
    persisted = httpx.get(f"{service.http}/v1/visits/{visit['id']}", headers=auth(key)).json()["audio_bytes"]
    assert persisted >= end
    assert httpx.get(f"{service.http}/healthz", timeout=5).status_code == 200
