"""Schemathesis against the published OpenAPI schema of a real `scribe serve`, bounded in time (SCRIBE_FUZZ_
SECONDS, default 100 s of fuzzing): no 5xx anywhere, every documented response matches its schema and
content type, and the six operations issue 17 found looser than the API accept what their schema allows
(tests/fuzz/schemathesis.toml). Real ids made beforehand (tests/fuzz/hooks.py) and schemathesis's
stateful phase (responses' ids fed to the next requests) take the requests past 404."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT
from tests.test_delivery_support import empty_visit, recorded_visit, start_scribe, stop_scribe
from tests.test_service_support import auth

FUZZ_SECONDS = int(os.environ.get("SCRIBE_FUZZ_SECONDS", "100"))
# The six operations whose published schema issue 17 found looser than what the API accepts.
SIX = {
    "PUT /v1/clinicians/{clinician_id}/voice",
    "DELETE /v1/clinicians/{clinician_id}/voice",
    "GET /p/{token}",
    "GET /v1/visits/{visit_id}/audio",
    "PATCH /v1/visits/{visit_id}/note",
    "POST /v1/webhooks/endpoints",
}
# Operations that must have been reached past 404 with the fixtures' ids (the logic behind them ran).
REACHED = [
    "GET /v1/visits/{visit_id}",
    "GET /v1/visits/{visit_id}/note",
    "PATCH /v1/visits/{visit_id}/note",
    "GET /v1/visits/{visit_id}/audio",
    "GET /v1/visits/{visit_id}/transcript",
    "GET /fhir/r4/Bundle/{visit_id}",
    "GET /p/{token}",
]


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory, short_wav):
    """A server with rate limits off (they would answer most requests 429: the fuzzer is after the logic
    behind them), a recorded visit (audio, transcript, note, summary), an empty one, and a patient link."""
    scribe = start_scribe(
        tmp_path_factory.mktemp("fuzz"), {"a": {}}, SCRIBE_RATE_LIMIT_PER_ADDRESS="", SCRIBE_RATE_LIMIT_PER_KEY=""
    )
    key = scribe.keys["a"]
    recorded = recorded_visit(scribe, short_wav, patient_ref="FUZZ-1")
    empty = empty_visit(scribe, patient_ref="FUZZ-2")
    link = httpx.post(f"{scribe.http}/v1/visits/{recorded['id']}/patient-link", headers=auth(key))
    assert link.status_code == 201, link.text
    ids = {
        "visit_id": [recorded["id"], empty["id"]],
        "token": [link.json()["token"]],
        "clinician_id": [recorded["clinician_id"]],
    }
    yield scribe, key, ids
    stop_scribe(scribe)


def test_schemathesis_finds_nothing(fuzzed, tmp_path):
    scribe, key, ids = fuzzed
    report = tmp_path / "report.json"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SCHEMATHESIS_HOOKS": "tests.fuzz.hooks",
        "SCRIBE_FUZZ_IDS": json.dumps(ids),
    }
    run = subprocess.run(
        [
            str(Path(sys.executable).parent / "st"),
            "--config-file",
            str(ROOT / "tests/fuzz/schemathesis.toml"),
            "run",
            f"{scribe.http}/openapi.json",
            "--header",
            f"Authorization: Bearer {key}",
            "--checks",
            "not_a_server_error,response_schema_conformance,content_type_conformance,positive_data_acceptance",
            # Left out: revoking the run's own API key (only 401s would be left to test), and erasing the
            # fixtures or revoking their link (only 404s and 410s); tests/security covers those operations.
            "--exclude-path",
            "/v1/keys/{key_id}",
            "--exclude-operation-id",
            "erase_visit_v1_visits__visit_id__delete",
            "--exclude-operation-id",
            "revoke_patient_links_v1_visits__visit_id__patient_link_delete",
            "--max-time",
            str(FUZZ_SECONDS),
            "--workers",
            "2",
            "--seed",
            "17",
            "--request-timeout",
            "30",
            "--report",
            "json",
            "--report-json-path",
            str(report),
        ],
        cwd=tmp_path,  # schemathesis keeps a cache of crashes in its working directory
        env=env,
        capture_output=True,
        text=True,
        timeout=FUZZ_SECONDS + 240,
    )
    assert report.exists(), run.stdout[-6000:] + run.stderr[-3000:]
    result = json.loads(report.read_text())
    # Errors about the API (network errors, unresponsive operations, server unavailable, schema errors) fail
    # the test. "Runtime Error" is an exception inside the fuzzer that it could
    # not classify (seen once in CI, never here): printed with its output, not held against the API.
    internal = [e for e in result["errors"] if e["title"] == "Runtime Error"]
    if internal:
        print("fuzzer-internal errors:", internal, run.stdout[-6000:])
    assert not [e for e in result["errors"] if e not in internal], (result["errors"], run.stdout[-12000:])
    assert result["operations"]["tested"] == result["operations"]["selected"] >= 50
    # Every finding fails the test, except schema-valid requests refused by operations outside the six
    # (their schemas are other work of issue 17; they are printed for it).
    assert not [f for f in result["failures"] if f["code"] != "ST202"], run.stdout[-12000:]
    refused = {op for f in result["failures"] for op in f["operations"]}
    assert not refused & SIX, run.stdout[-12000:]
    print("schema-valid requests refused by other operations:", sorted(refused))
    reached = {  # answered with anything but 404: the code behind the route ran on a real resource
        op: sum(phase.get(k, 0) for phase in rates.values() for k in ("accepted", "conflicts", "rejected"))
        for op, rates in result["valid_rates"].items()
    }
    assert not [op for op in REACHED if not reached.get(op)], {op: result["valid_rates"].get(op) for op in REACHED}
    logs = scribe.service.logs()
    assert "Traceback" not in logs and '"status": 500' not in logs
