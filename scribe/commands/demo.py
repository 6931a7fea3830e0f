"""`scribe demo` (what `make run` runs): the product's main job on the embedded default, shown end to end.

A consultation written for the project (scribe/demo/consultation.json: a chief complaint, a medication with
dose and frequency, a possible diagnosis, a plan) is spoken by espeak-ng in two voices, once (the WAV is
kept in <data_dir>/demo/). A `scribe serve` is started for the occasion, and the audio goes to it over the
websocket protocol through the reference client, paced as a clinician's device sends it: the live partial
transcript shows as it arrives; after stop, the speaker-attributed transcript with roles, the note, the
patient summary and the timings. The visit stays in the embedded database (tenant "demo", clinician
"dr-demo") so the web app shows it too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import wave
from contextlib import contextmanager
from pathlib import Path

import click

from scribe.errors import ScribeError

CONSULTATION = Path(__file__).resolve().parent.parent / "demo" / "consultation.json"
TENANT, CLINICIAN = "demo", "dr-demo"
PAUSE_SECONDS = 0.6  # between turns, as people leave
START_TIMEOUT = 300.0  # loading the models on a busy 2-core machine


def load_consultation(path: Path = CONSULTATION) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def synthesize(consultation: dict, folder: Path) -> Path:
    """The consultation spoken by espeak-ng (one voice per role), as a WAV in `folder`; made once per
    dialogue (the file name is the dialogue's hash)."""
    if not shutil.which("espeak-ng"):
        raise ScribeError("the demo speaks its consultation with espeak-ng: install it (apt-get install espeak-ng)")
    key = hashlib.sha256(json.dumps([consultation["turns"], consultation["voices"]], sort_keys=True).encode())
    path = folder / f"consultation-{key.hexdigest()[:12]}.wav"
    if path.is_file():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    frames, rate = [], None
    for turn in consultation["turns"]:
        voice, speed = consultation["voices"][turn["role"]], str(consultation.get("words_per_minute", 160))
        spoken = subprocess.run(
            ["espeak-ng", "-v", voice, "-s", speed, "--stdout", turn["text"]], capture_output=True, check=True
        ).stdout
        with wave.open(io.BytesIO(spoken)) as w:
            rate = w.getframerate()
            frames += [w.readframes(w.getnframes()), b"\0\0" * int(rate * PAUSE_SECONDS)]
    partial = path.with_suffix(".partial")
    with wave.open(str(partial), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\0\0" * int(rate * 0.5) + b"".join(frames))
    partial.rename(path)
    return path


def missing_models() -> list[str]:
    from scribe.engines import store

    return [need.name for need in store.needed() if not store.status(need.name).installed]


def clinician_token() -> str:
    """A clinician token for the demo tenant (created on first use) in the embedded database."""
    from scribe.commands.common import init
    from scribe.core import security
    from scribe.core.db import session_scope
    from scribe.core.tables import Tenant

    init()
    with session_scope() as s:
        exists = s.get(Tenant, TENANT) is not None
    if not exists:
        security.create_tenant("Demo clinic", TENANT)
    return security.issue_token(TENANT, CLINICIAN, security.MAX_TOKEN_TTL)[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def embedded_service(log_path: Path):
    """`scribe serve` on a free loopback port, with this process's SCRIBE_* settings; yields its base
    URL once it is ready and its note engine warm; stopped on exit."""
    import httpx

    port = _free_port()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "scribe.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                raise ScribeError(f"the embedded service exited with code {proc.returncode}; its log: {log_path}")
            if time.monotonic() > deadline:
                raise ScribeError(f"the embedded service was not ready in {START_TIMEOUT:.0f} s; its log: {log_path}")
            try:
                ready = httpx.get(f"{base}/readyz", timeout=2)
                if ready.status_code == 200 and not ready.json()["warming"]:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        yield base
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)


class LiveView:
    """The live transcript: final segments as lines; on a terminal the partial (uncommitted) words on
    one line that is rewritten as they change; elsewhere each new partial on its own line."""

    def __init__(self):
        self.tty = sys.stdout.isatty()
        self.width = shutil.get_terminal_size().columns
        self.last = ""

    def __call__(self, kind: str, text: str) -> None:
        if kind == "partial":
            if not text or text == self.last:
                return
            self.last = text
            line = f"  … {text}"
            if self.tty:
                sys.stdout.write("\r\033[K" + (line if len(line) < self.width else "  …" + line[-(self.width - 4) :]))
                sys.stdout.flush()
            else:
                click.echo(line)
            return
        self.clear()
        click.echo(f"  {text}")

    def clear(self) -> None:
        if self.tty:
            sys.stdout.write("\r\033[K")
            sys.stdout.flush()


def visit_body(consultation: dict) -> dict:
    """The POST /v1/visits body, as an EHR or the web app sends it. The consent says what it is: a
    synthetic consultation, no patient."""
    consent = {"recorded_by": "scribe demo (synthetic voices, no patient)", "at": dt.datetime.now(dt.UTC).isoformat()}
    fields = ("patient_ref", "encounter_ref", "language", "context")
    return {**{name: consultation[name] for name in fields}, "consent": consent}


def fetch_documents(base: str, token: str, visit_id: str) -> dict:
    """The visit's transcript, note and patient summary, read back over the REST API."""
    import httpx

    documents = {}
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60) as http:
        for path in ("transcript", "note", "patient-summary"):
            answer = http.get(f"/v1/visits/{visit_id}/{path}")
            if answer.status_code != 200:
                raise ScribeError(f"GET /v1/visits/{visit_id}/{path}: {answer.status_code} {answer.text[:160]}")
            documents[path] = answer.json()
    return documents


def heading(text: str) -> None:
    click.echo(f"\n== {text} " + "=" * max(0, 72 - len(text)))


def show_transcript(transcript: dict) -> None:
    heading("Transcript, speakers and their roles")
    for label, speaker in sorted(transcript.get("speakers", {}).items()):
        click.echo(f"  {label}: {speaker['role']} (confidence {speaker['confidence']:.2f})")
    click.echo("")
    for seg in transcript["segments"]:
        minutes, seconds = divmod(int(seg["start"]), 60)
        click.echo(f"  {minutes:02d}:{seconds:02d}  {seg['role'].capitalize():<10} {seg['text'].strip()}")


def show_timings(audio_seconds: float, speed: float, started: tuple[float, float, float], report, transcript: dict):
    """started: when the command started, when the service was started, when it was ready (monotonic)."""
    command_at, service_at, ready_at = started
    heading("Timings")
    paced = {1.0: "as a device sends it (real time)", 0.0: "as fast as the service acknowledged"}
    lags = [report.pct(report.partial_lags, q) for q in (50, 95)]
    rows = [
        ("consultation audio", f"{audio_seconds:.1f} s, streamed {paced.get(speed, f'at {speed:g}x real time')}"),
        ("service start (models)", f"{ready_at - service_at:.1f} s"),
        (
            "live partial lag",
            "-" if None in lags else f"p50 {lags[0]:.1f} s, p95 {lags[1]:.1f} s (audio sent -> words shown)",
        ),
        ("stop -> note ready", f"{report.note_ready_seconds:.1f} s (transcript, roles, note and summary)"),
    ]
    stages = {k: v for k, v in (transcript.get("timings") or {}).items() if isinstance(v, int | float)}
    if stages:
        rows.append(("after stop, by stage", ", ".join(f"{k} {v:.1f} s" for k, v in stages.items())))
    rows.append(("total", f"{time.monotonic() - command_at:.1f} s"))
    for name, value in rows:
        click.echo(f"  {name:24} {value}")


@click.command()
@click.option(
    "--speed",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="× real time (1: as a device streams; 0: as fast as the service acknowledges).",
)
def demo(speed):
    """Stream the bundled consultation through the embedded service; print the live transcript, then the
    transcript with roles, the note, the patient summary and the timings."""
    from scribe.api.client import stream
    from scribe.config import get_settings

    started = time.monotonic()
    cfg = get_settings()
    if cfg.redis_url:
        raise ScribeError("scribe demo runs the embedded default: unset SCRIBE_REDIS_URL")
    missing = missing_models()
    if missing:
        raise ScribeError(f"model(s) {', '.join(missing)} not installed; run: scribe models install")
    consultation = load_consultation()
    folder = Path(cfg.data_dir) / "demo"
    audio = synthesize(consultation, folder)
    with wave.open(str(audio)) as w:
        audio_seconds = w.getnframes() / w.getframerate()
    click.echo(
        f"Bundled consultation: {len(consultation['turns'])} turns, {audio_seconds:.0f} s, spoken by espeak-ng "
        f"({audio})"
    )
    token = clinician_token()
    click.echo(f"Starting the embedded service (ASR model {cfg.asr_model}, note LLM {cfg.documents_llm}) …")
    service_at = time.monotonic()
    log = folder / "serve.log"
    with embedded_service(log) as base:
        ready_at = time.monotonic()
        click.echo(f"Ready in {ready_at - service_at:.0f} s at {base}. Streaming the consultation as a device would:")
        heading("Live transcript")
        live = LiveView()
        report = stream(audio, "ws" + base[4:], token, speed=speed, printer=live, visit=visit_body(consultation))
        live.clear()
        if not report.ready:
            raise ScribeError(f"visit {report.visit_id} did not become ready; the service's log: {log}")
        documents = fetch_documents(base, token, report.visit_id)
    show_transcript(documents["transcript"])
    heading("Note (draft for the clinician to review and sign)")
    click.echo(documents["note"]["note"]["markdown"].strip())
    heading("Patient summary")
    click.echo(documents["patient-summary"]["markdown"].strip())
    show_timings(audio_seconds, speed, (started, service_at, ready_at), report, documents["transcript"])
    heading("Next")
    click.echo(
        f"  Visit {report.visit_id} is in the embedded database (tenant {TENANT}, clinician {CLINICIAN}).\n"
        f"  See it in the web app:\n"
        f"    .venv/bin/scribe users create {TENANT} you@example.org --clinician-id {CLINICIAN}"
        "   # prints your invitation link\n"
        "    .venv/bin/scribe serve      # then open the link, or http://127.0.0.1:8000/app/\n"
        "  API reference: http://127.0.0.1:8000/docs   Every command: .venv/bin/scribe --help"
    )
