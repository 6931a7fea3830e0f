"""The websocket audio protocol: every message as a pydantic model (validation + the JSON schemas that
docs/protocol.md shows; regenerate with `python -m scribe.api.protocol > docs/protocol-schemas.json`).

Binary frames: a 12-byte big-endian header, then the audio bytes:
    uint32 seq      frame counter chosen by the client (echoed in the ack)
    uint64 offset   byte offset of this frame's first byte in the visit's audio stream
"""

from __future__ import annotations

import json
import struct
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

FRAME_HEADER = struct.Struct(">IQ")
FORMATS = ("pcm_s16le", "webm-opus", "ogg-opus")


class _Msg(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- client → server


class Auth(_Msg):
    """Authenticate when no Authorization header could be sent (browsers): must be the first message."""

    type: Literal["auth"]
    token: str = Field(min_length=1, max_length=4096)


class Start(_Msg):
    """Begin the visit's audio stream (first connection). Audio frames may follow."""

    type: Literal["start"]
    format: Literal["pcm_s16le", "webm-opus", "ogg-opus"]
    sample_rate: int | None = Field(None, ge=8000, le=48000, description="required for pcm_s16le")
    channels: int = Field(1, ge=1, le=2)
    token: str | None = Field(None, description="alternative to the Authorization header")
    last_event_id: int | None = Field(None, ge=0, le=2**63 - 1, description="replay durable events after this id")


class Resume(_Msg):
    """On a new connection: continue the stream at `offset` (must equal the server's last ack).
    On a paused connection: un-pause (offset optional)."""

    type: Literal["resume"]
    offset: int | None = Field(None, ge=0)
    token: str | None = None
    last_event_id: int | None = Field(None, ge=0, le=2**63 - 1)


class Pause(_Msg):
    type: Literal["pause"]


class Stop(_Msg):
    """End of the visit: the server finalizes (diarization, roles, documents) and sends visit.ready."""

    type: Literal["stop"]


ClientMessage = Annotated[Auth | Start | Resume | Pause | Stop, Field(discriminator="type")]
client_message = TypeAdapter(ClientMessage)


# --------------------------------------------------------------------------- server → client


class Ack(_Msg):
    """The frame is durably stored; `offset` is the end of all persisted audio (resume here)."""

    type: Literal["ack"] = "ack"
    seq: int | None = None
    offset: int


class Word(_Msg):
    start: float
    end: float
    word: str
    probability: float


class TranscriptPartial(_Msg):
    """The not-yet-final tail of the transcript; replaces the previous partial; may change."""

    type: Literal["transcript.partial"] = "transcript.partial"
    text: str
    start: float | None = None
    end: float | None = None
    audio_end: float = Field(description="seconds of audio this hypothesis covers")
    processed: int | None = Field(None, description="stream bytes covered")
    lag: float | None = Field(None, description="seconds from window submitted to partial published")


class TranscriptFinal(_Msg):
    """A stable segment: its text never changes. speaker/role are provisional (live voice clustering);
    the diarized transcript after stop is authoritative."""

    type: Literal["transcript.final"] = "transcript.final"
    event_id: int
    id: int
    start: float
    end: float
    text: str
    speaker: str | None = None
    role: Literal["clinician", "patient", "other", "unknown"] = "unknown"
    words: list[Word] = []


class TranscriptReady(_Msg):
    """The diarized, role-labelled transcript of the whole visit is stored."""

    type: Literal["transcript.ready"] = "transcript.ready"
    event_id: int
    segments: int
    duration: float
    speakers: dict[str, str]
    links: dict[str, str]


class Status(_Msg):
    type: Literal["status"] = "status"
    event_id: int | None = None
    state: Literal["created", "streaming", "paused", "finalizing", "ready", "failed"]
    offset: int | None = Field(None, description="acknowledged bytes")
    processed: int | None = Field(None, description="bytes transcribed live")
    lag: float | None = Field(None, description="seconds of received audio not yet transcribed")
    queue_position: int | None = Field(None, description="tasks waiting on the asr queue")


class Error(_Msg):
    type: Literal["error"] = "error"
    event_id: int | None = None
    code: str
    message: str
    fatal: bool = False
    expected_offset: int | None = None


class VisitReady(_Msg):
    type: Literal["visit.ready"] = "visit.ready"
    event_id: int
    links: dict[str, str]


ServerMessage = Annotated[
    Ack | TranscriptPartial | TranscriptFinal | TranscriptReady | Status | Error | VisitReady,
    Field(discriminator="type"),
]

CLIENT_MODELS = [Auth, Start, Resume, Pause, Stop]
SERVER_MODELS = [Ack, TranscriptPartial, TranscriptFinal, TranscriptReady, Status, Error, VisitReady]

# Close codes (with a reason text) used by the server.
CLOSE = {
    1000: "normal: visit ready, or the client closed",
    1008: "policy violation: authentication failed (missing, invalid, expired token)",
    1009: "frame larger than the limit (1 MiB)",
    1011: "server error",
    4401: "authentication failed, or not sent within the deadline, or the credentials expired or were revoked",
    4404: "no such visit for this tenant",
    4409: "visit already streaming on another connection, or already stopped",
    4422: "visit cannot record: no consent",
    1007: "a text message nested too deeply to be a protocol message",
    4429: "too many requests or open websockets from this address (docs/security-limits.md)",
}


def _type_of(model) -> str:
    return get_args(model.model_fields["type"].annotation)[0]


def schemas() -> dict:
    return {
        "client": {_type_of(m): m.model_json_schema() for m in CLIENT_MODELS},
        "server": {_type_of(m): m.model_json_schema() for m in SERVER_MODELS},
    }


BEGIN, END = "<!-- schemas:begin (generated: python -m scribe.api.protocol --markdown) -->", "<!-- schemas:end -->"


def markdown() -> str:
    """The generated schema section of docs/protocol.md."""
    out = [BEGIN, ""]
    for side, title in (("client", "Client → server"), ("server", "Server → client")):
        out.append(f"### {title}\n")
        for name, schema in schemas()[side].items():
            out += [f"#### `{name}`\n", "```json", json.dumps(schema, indent=2), "```", ""]
    out.append(END)
    return "\n".join(out)


def update_doc(path) -> None:
    from pathlib import Path

    path = Path(path)
    text = path.read_text()
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    path.write_text(head + markdown() + tail)


def encode_frame(seq: int, offset: int, payload: bytes) -> bytes:
    return FRAME_HEADER.pack(seq, offset) + payload


def decode_frame(data: bytes) -> tuple[int, int, bytes]:
    if len(data) < FRAME_HEADER.size:
        raise ValueError("binary frame shorter than its 12-byte header")
    seq, offset = FRAME_HEADER.unpack_from(data)
    return seq, offset, data[FRAME_HEADER.size :]


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--markdown"]:
        update_doc(sys.argv[2] if len(sys.argv) > 2 else "docs/protocol.md")
    else:
        print(json.dumps(schemas(), indent=2))
