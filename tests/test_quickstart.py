"""docs/quickstart.md, run as written: its `sh` blocks, in order, in one bash shell (so its variables carry
from step to step), in a fresh folder with a fresh data directory. Only `make setup` is left out (the test
runs in the set-up checkout; the Makefile target is checked to exist) — every other command and request
body is the page's own text, so the page cannot drift from what works. The browser steps it describes are
covered by tests/test_signin_browser.py."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess

import httpx

from tests.test_service_support import ROOT, free_port, service_env

DOC = ROOT / "docs" / "quickstart.md"
README = ROOT / "README.md"


def sh_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```$", markdown, flags=re.S | re.M)


def test_every_step_is_there_in_order():
    text = DOC.read_text()
    steps = re.findall(r"^## (\d+)\. (.+)$", text, flags=re.M)
    assert [t for _, t in steps] == [
        "Set up",
        "Start the service",
        "Create the clinic and its first admin",
        "Sign in as the admin",
        "Invite a clinician",
        "Record a visit",
        "Review and sign the note",
        "Send the patient their link",
        "Add a webhook for the EHR",
    ]
    assert "/docs" in text and "scribe --help" in text
    assert "make setup" in sh_blocks(text)[0] and re.search(r"^setup:", (ROOT / "Makefile").read_text(), re.M)
    # the README's short version points here and uses the same commands
    readme = README.read_text()
    assert "docs/quickstart.md" in readme
    commands = {line.strip() for block in sh_blocks(text) for line in block.splitlines()}
    for line in sh_blocks(readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]):
        for command in line.strip().splitlines():
            assert command.strip() in commands, f"README quick start line not in docs/quickstart.md: {command}"


def test_the_quick_start_runs_from_a_fresh_folder(tmp_path):
    blocks = sh_blocks(DOC.read_text())
    script = "\n".join(blocks).replace("make setup\n", "", 1)
    assert "make setup" not in script
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    port = free_port()
    env = {**service_env(tmp_path), "SCRIBE_PORT": str(port)}
    env["PATH"] = os.environ["PATH"]
    proc = subprocess.Popen(
        ["bash", "-c", "set -euo pipefail\n" + script],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=900)
        log = (tmp_path / "scribe.log").read_text() if (tmp_path / "scribe.log").exists() else ""
        assert proc.returncode == 0, f"quick start failed:\n{out[-2000:]}\n{err[-3000:]}\n{log[-2000:]}"
        lines = out.splitlines()
        invitation = next(x for x in lines if "#/invite/" in x)
        assert invitation.startswith(f"http://127.0.0.1:{port}/app/#/invite/")
        signed_in = [json.loads(x) for x in lines if x.startswith('{"signed_in"')]
        assert [x["user"]["email"] for x in signed_in] == ["admin@parc.example", "dr.martin@parc.example"]
        draft, signed, link, settings, endpoint = lines[-5:]
        assert (draft, signed) == ("draft", "signed")
        assert json.loads(settings)["webhooks_allow_private"] is True
        assert re.fullmatch(rf"(http://127\.0\.0\.1:{port})?/p/\S+", link), link
        assert httpx.get(link if link.startswith("http") else f"http://127.0.0.1:{port}{link}").status_code == 200

        # what the page made is there: two accounts, a signed note, a webhook endpoint
        key = (tmp_path / "parc.txt").read_text().split()[1]
        auth = {"Authorization": f"Bearer {key}"}
        base = f"http://127.0.0.1:{port}"
        users = httpx.get(f"{base}/v1/users", headers=auth, timeout=10).json()
        assert {(u["email"], u["role"]) for u in users} == {
            ("admin@parc.example", "admin"),
            ("dr.martin@parc.example", "clinician"),
        }
        visit_id = json.loads((tmp_path / "visit.json").read_text())["visit_id"]
        note = httpx.get(f"{base}/v1/visits/{visit_id}/note", headers=auth, timeout=10).json()
        assert note["status"] == "signed" and note["signed_by"] == "dr.martin"
        endpoints = httpx.get(f"{base}/v1/webhooks/endpoints", headers=auth, timeout=10).json()
        assert endpoint in json.dumps(endpoints)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the service the page started in the background
