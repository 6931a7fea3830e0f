"""`scribe stream`: play an audio file to the service as a live device would.

Creating a visit (--url ws://HOST:PORT) needs what a real visit needs: the patient's reference and who
recorded their consent. The command refuses rather than invent either; the consent time is now, the
moment the clinician starts recording. The EHR's context (--context FILE) is checked against the same
schema the API uses (scribe/visit_context.py) before anything is sent.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click
from pydantic import ValidationError

from scribe.errors import ScribeError
from scribe.visit_context import VisitContext

CREATION_FLAGS = ("--patient-ref", "--consent-by", "--encounter-ref", "--context", "--clinician")


def read_context(path: Path) -> dict:
    """The visit context in a JSON file, validated; a one-line ScribeError naming the first problem."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScribeError(f"--context {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise ScribeError(f"--context {path}: not JSON ({str(exc).splitlines()[0][:120]})") from None
    try:
        return VisitContext.model_validate(raw).model_dump(mode="json", exclude_defaults=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise ScribeError(f"--context {path}: {where}: {first['msg']}") from None


def visit_fields(
    patient_ref: str | None,
    consent_by: str | None,
    clinician: str | None,
    language: str,
    encounter_ref: str | None,
    context: Path | None,
) -> dict:
    """The POST /v1/visits body for a new visit; refuses (ScribeError) without a patient or consent."""
    if not consent_by or not consent_by.strip():
        raise ScribeError(
            "refusing to create a visit without the patient's consent: give --consent-by NAME (who recorded it)"
        )
    if not patient_ref or not patient_ref.strip():
        raise ScribeError("give --patient-ref (the patient's reference in your EHR) to create a visit")
    fields = {
        "patient_ref": patient_ref.strip(),
        "language": language,
        "consent": {"recorded_by": consent_by.strip(), "at": dt.datetime.now(dt.UTC).isoformat()},
    }
    if clinician:
        fields["clinician_id"] = clinician
    if encounter_ref:
        fields["encounter_ref"] = encounter_ref
    if context is not None:
        fields["context"] = read_context(context)
    return fields


@click.command()
@click.argument("audio", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--url", required=True, help="ws://HOST:PORT to create a visit, or ws://HOST:PORT/v1/visits/ID/audio.")
@click.option("--token", envvar="SCRIBE_TOKEN", help="API key or clinician token (or SCRIBE_TOKEN).")
@click.option("--patient-ref", help="New visit: the patient's reference in your EHR (the visit's title in the app).")
@click.option("--consent-by", help="New visit: who recorded the patient's consent (required; the time is now).")
@click.option("--encounter-ref", help="New visit: the EHR's encounter id.")
@click.option(
    "--context",
    "context_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="New visit: JSON file with what the EHR knows (reason, medications, problems, allergies, vocabulary).",
)
@click.option("--clinician", help="New visit: clinician id, when the token is an API key.")
@click.option("--language", type=click.Choice(["auto", "en", "fr"]), default="auto", show_default=True)
@click.option("--speed", type=float, default=1.0, show_default=True, help="× real time; 0: as fast as acked.")
@click.option("--chunk-ms", type=click.IntRange(10, 2000), default=100, show_default=True)
@click.option("--drop-at", multiple=True, type=float, help="Simulate a connection drop at this audio second.")
@click.option("--quiet", is_flag=True, help="Print only the final report.")
@click.option("--json", "as_json", is_flag=True, help="Report as JSON.")
def stream(
    audio,
    url,
    token,
    patient_ref,
    consent_by,
    encounter_ref,
    context_path,
    clinician,
    language,
    speed,
    chunk_ms,
    drop_at,
    quiet,
    as_json,
):
    """Play AUDIO as a live device would; print partials; report latency."""
    from scribe.api.client import creates_visit
    from scribe.api.client import stream as run

    if not token:
        raise ScribeError("give --token (API key or clinician token) or set SCRIBE_TOKEN")
    if speed < 0:
        raise ScribeError("--speed must be >= 0")
    visit = None
    if creates_visit(url):
        visit = visit_fields(patient_ref, consent_by, clinician, language, encounter_ref, context_path)
    elif patient_ref or consent_by or encounter_ref or context_path or clinician:
        raise ScribeError(f"{', '.join(CREATION_FLAGS)} describe a new visit: use --url ws://HOST:PORT")
    printer = None if quiet else (lambda kind, text: click.echo(f"… {text}" if kind == "partial" else text, err=True))
    report = run(audio, url, token, speed=speed, chunk_ms=chunk_ms, drop_at=drop_at, printer=printer, visit=visit)
    summary = report.summary()
    if as_json:
        click.echo(json.dumps(summary))
    else:
        for key, value in summary.items():
            click.echo(f"{key:20} {value}")
    if not report.ready:
        raise ScribeError("the visit did not become ready")
