"""Encryption at rest and key rotation with the real CLI: data sealed under k1 is re-sealed under k2 by
`scribe encryption rotate`, after which k1 can leave SCRIBE_ENCRYPTION_KEYS; a missing key fails loudly."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SCRIPT = """
import json, sys
from scribe.core.db import migrate, session_scope
from scribe.core.tables import Document, Tenant, Visit
from scribe.core.objects import get_store
migrate()
if sys.argv[1] == "write":
    with session_scope() as s:
        s.add(Tenant(id="t1", name="T", settings={}))
        s.flush()
        s.add(Visit(id="vis_1", tenant_id="t1", clinician_id="dr", patient_ref="P"))
        s.flush()
        s.add(Document(tenant_id="t1", visit_id="vis_1", kind="transcript", content={"text": "penicillin allergy"}))
    get_store().put("visits/vis_1/audio/00000000000000.bin", b"RIFF-audio-bytes" * 10)
else:
    with session_scope() as s:
        doc = s.query(Document).one()
    print(json.dumps({"doc": doc.content, "audio": get_store().get("visits/vis_1/audio/00000000000000.bin").decode()}))
"""


def _key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


def _run(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_rotation(tmp_path):
    base = {k: v for k, v in os.environ.items() if not k.startswith("SCRIBE_")}
    base["SCRIBE_DATA_DIR"] = str(tmp_path)
    k1, k2 = f"k1:{_key()}", f"k2:{_key()}"
    assert _run({**base, "SCRIBE_ENCRYPTION_KEYS": k1}, "-c", SCRIPT, "write").returncode == 0
    blob = (tmp_path / "objects/visits/vis_1/audio/00000000000000.bin").read_bytes()
    assert blob.startswith(b"SCE1\x02k1") and b"RIFF-audio" not in blob
    db = (
        (tmp_path / "scribe.db").read_bytes() + (tmp_path / "scribe.db-wal").read_bytes()
        if (tmp_path / "scribe.db-wal").exists()
        else (tmp_path / "scribe.db").read_bytes()
    )
    assert b"penicillin" not in db

    both = {**base, "SCRIBE_ENCRYPTION_KEYS": f"{k2},{k1}"}
    r = _run(both, "-m", "scribe.cli", "encryption", "rotate")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["active_key"] == "k2" and report["resealed"]["documents"] == 1 and report["resealed"]["objects"] == 1
    assert (tmp_path / "objects/visits/vis_1/audio/00000000000000.bin").read_bytes().startswith(b"SCE1\x02k2")

    only_new = {**base, "SCRIBE_ENCRYPTION_KEYS": k2}
    r = _run(only_new, "-c", SCRIPT, "read")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"doc": {"text": "penicillin allergy"}, "audio": "RIFF-audio-bytes" * 10}
    r = _run({**base, "SCRIBE_ENCRYPTION_KEYS": k1}, "-c", SCRIPT, "read")
    assert r.returncode != 0 and "'k2'" in r.stderr  # a missing key is named, never silently misread


@pytest.mark.parametrize("spec", ["nokey", "k1:short", "k1:" + "!" * 44])
def test_bad_keys_refused(tmp_path, spec):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRIBE_")}
    r = _run(
        {**env, "SCRIBE_DATA_DIR": str(tmp_path), "SCRIBE_ENCRYPTION_KEYS": spec},
        "-m",
        "scribe.cli",
        "encryption",
        "rotate",
    )
    assert r.returncode == 2 and "SCRIBE_ENCRYPTION_KEYS" in r.stderr
