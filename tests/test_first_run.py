"""The first run (issue 14): `scribe demo` shows the product's main job end to end on the real embedded
service; `scribe models install` installs what the configuration needs (the LLM only when asked for);
`scribe stream` creates visits with the patient reference, consent and EHR context it is given, and refuses
to create one without consent."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import httpx
import pytest

from scribe.config import Settings
from scribe.engines import store
from tests.conftest import ROOT, run_cli
from tests.test_service_support import auth, make_service

MODELS = os.environ.get("SCRIBE_MODELS", str(ROOT / "models"))


def section(text: str, title: str) -> str:
    """The lines under the demo's `== title` heading, up to the next heading."""
    match = re.search(rf"^== {re.escape(title)}.*?$(.*?)(?=^== |\Z)", text, re.M | re.S)
    assert match, f"no section {title!r} in:\n{text[-3000:]}"
    return match.group(1)


# --------------------------------------------------------------------------- scribe demo


def test_demo_streams_the_bundled_consultation_and_shows_the_note(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRIBE_")}
    env.update({"SCRIBE_DATA_DIR": str(tmp_path / "data"), "SCRIBE_MODELS": MODELS, "SCRIBE_ASR_MODEL": "tiny.en"})
    result = subprocess.run(
        [sys.executable, "-m", "scribe.cli", "demo", "--speed", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        cwd=tmp_path,
    )
    out = result.stdout
    assert result.returncode == 0, result.stderr[-3000:] + out[-3000:]
    assert "Traceback" not in result.stderr
    live = section(out, "Live transcript")
    assert re.search(r"^  … \S", live, re.M), "no live partial was printed"
    assert re.search(r"^  \[\s*\d+\.\d+-\s*\d+\.\d+\] \S", live, re.M), "no live final segment was printed"
    transcript = section(out, "Transcript, speakers and their roles")
    assert re.search(r"S\d: clinician \(confidence", transcript) and re.search(r"S\d: patient \(confidence", transcript)
    assert re.search(r"^  \d\d:\d\d  Clinician ", transcript, re.M) and re.search(
        r"^  \d\d:\d\d  Patient ", transcript, re.M
    )
    note = section(out, "Note (draft for the clinician to review and sign)").lower()
    assert "## plan" in note and "ibuprofen" in note, note  # the medication the clinician starts
    assert "## your medicines" in section(out, "Patient summary").lower()
    timings = section(out, "Timings")
    assert re.search(r"stop -> note ready\s+\d+(\.\d+)? s", timings), timings
    assert "/app/" in section(out, "Next")
    # the visit stays in the embedded database for the web app (tenant demo)
    assert (tmp_path / "data" / "scribe.db").is_file()


# --------------------------------------------------------------------------- models by need


@pytest.fixture()
def clean_env(monkeypatch):
    for name in list(os.environ):
        if name.startswith("SCRIBE_"):
            monkeypatch.delenv(name)


def names(cfg: Settings) -> list[str]:
    return [need.name for need in store.needed(cfg)]


def test_default_configuration_needs_no_llm(clean_env):
    assert names(Settings()) == ["base", "silero-vad", "pyannote-segmentation-3.0", "campplus"]
    assert store.LOCAL_LLM not in names(Settings(documents_llm="none"))


def test_llm_needed_only_when_a_local_one_is_configured(clean_env):
    for spec in ("local", "default", store.LOCAL_LLM):
        needs = {need.name: need.why for need in store.needed(Settings(documents_llm=spec))}
        assert "SCRIBE_DOCUMENTS_LLM" in needs[store.LOCAL_LLM]
    for spec in ("https://llm.clinic.example/v1", "/srv/models/other.gguf", "rules"):
        assert store.LOCAL_LLM not in names(Settings(documents_llm=spec))


def test_asr_models_follow_the_settings(clean_env, tmp_path):
    cfg = Settings(asr_model="tiny.en", final_asr_model="base", asr_model_fr="base")
    assert names(cfg)[:2] == ["tiny.en", "base"]  # each once
    assert "base" not in names(Settings(asr_model=str(tmp_path)))  # a local folder needs nothing from the store


def linked_store(tmp_path, *names_: str):
    """A store whose models are links to the installed ones: `install` finds them verified, downloads nothing."""
    root = tmp_path / "store"
    root.mkdir()
    for name in names_:
        os.symlink(os.path.join(MODELS, name), root / name)  # `make test` fills MODELS (tiny.en and llm too)
    return root


def test_models_install_cli_installs_what_the_configuration_needs(tmp_path):
    root = linked_store(tmp_path, "base", "silero-vad", "pyannote-segmentation-3.0", "campplus")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRIBE_")}
    result = run_cli("models", "install", env={**env, "SCRIBE_MODELS": str(root)})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[:4]] == ["base", "silero-vad", "pyannote-segmentation-3.0", "campplus"]
    assert all("already installed" in line for line in lines[:4])
    assert lines[4].startswith("4 model(s) ready in")
    assert store.LOCAL_LLM in lines[5] and "does not use" in lines[5]
    assert not (root / store.LOCAL_LLM).exists()
    assert "downloading" not in result.stderr and "torchaudio" not in result.stderr


def test_models_list_says_when_the_llm_is_needed(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRIBE_")}
    env["SCRIBE_MODELS"] = str(tmp_path / "empty")
    rules = run_cli("models", "list", env=env)
    with_llm = run_cli("models", "list", env={**env, "SCRIBE_DOCUMENTS_LLM": "local"})
    row = lambda out: next(line for line in out.splitlines() if line.startswith(store.LOCAL_LLM))  # noqa: E731
    assert "no, only with SCRIBE_DOCUMENTS_LLM=local" in row(rules.stdout)
    assert "yes: note LLM (SCRIBE_DOCUMENTS_LLM)" in row(with_llm.stdout)
    assert "missing" in row(rules.stdout)


def test_models_install_llm_by_name(tmp_path):
    root = linked_store(tmp_path, store.LOCAL_LLM)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRIBE_")}
    result = run_cli("models", "install", "llm", env={**env, "SCRIBE_MODELS": str(root)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split()[:3] == [store.LOCAL_LLM, "already", "installed"]
    assert "asked for by name" in result.stdout.splitlines()[0]


# --------------------------------------------------------------------------- scribe stream


CONTEXT = {
    "reason": "cough",
    "medications": [{"name": "lisinopril", "dose": "10 mg", "frequency": "every morning"}],
    "allergies": [{"substance": "penicillin"}],
}


def one_line_error(result, *words: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", ("not JSON",)),
        (json.dumps({"medications": [{"dose": "10 mg"}]}), ("medications.0.name", "Field required")),
        (json.dumps({"medication": []}), ("medication", "Extra inputs")),
        (json.dumps(["lisinopril"]), ("(top level)",)),
    ],
)
def test_stream_context_file_is_validated(tmp_path, consult_en, content, words):
    bad = tmp_path / "context.json"
    bad.write_text(content)
    args = ["--url", "ws://127.0.0.1:9", "--token", "k", "--patient-ref", "P-1", "--consent-by", "front desk"]
    one_line_error(run_cli("stream", str(consult_en.wav), *args, "--context", str(bad)), "--context", *words)
    missing = run_cli("stream", str(consult_en.wav), *args, "--context", str(tmp_path / "nope.json"))
    one_line_error(missing, "--context")


def test_stream_creates_the_visit_it_is_told_and_refuses_without_consent(tmp_path, consult_en):
    service = make_service(tmp_path / "svc").start()
    try:
        _tenant, key = service.tenant("clinic")
        context_file = tmp_path / "context.json"
        context_file.write_text(json.dumps(CONTEXT))
        base = ["stream", str(consult_en.wav), "--url", service.ws, "--token", key, "--speed", "0", "--quiet"]
        refused = service.cli(*base, "--patient-ref", "P-NO-CONSENT", "--context", str(context_file))
        one_line_error(refused, "consent", "--consent-by")
        no_patient = service.cli(*base, "--consent-by", "front desk")
        one_line_error(no_patient, "--patient-ref")
        listed = httpx.get(f"{service.http}/v1/visits", headers=auth(key), timeout=30).json()
        assert listed["items"] == []  # nothing was created, no consent was made up

        created = service.cli(
            *base,
            "--json",
            "--patient-ref",
            "P-4471",
            "--consent-by",
            "Nurse Joy",
            "--encounter-ref",
            "ENC-9",
            "--context",
            str(context_file),
            "--clinician",
            "dr-martin",
            "--language",
            "en",
            timeout=600,
        )
        assert created.returncode == 0, created.stderr[-2000:]
        visit_id = json.loads(created.stdout)["visit_id"]
        visit = httpx.get(f"{service.http}/v1/visits/{visit_id}", headers=auth(key), timeout=30).json()
        assert visit["status"] == "ready"
        assert (visit["patient_ref"], visit["encounter_ref"], visit["clinician_id"]) == ("P-4471", "ENC-9", "dr-martin")
        assert visit["consent"]["recorded_by"] == "Nurse Joy"
        assert visit["consent"]["at"][:10] == visit["created_at"][:10]
        stored = subprocess.run(
            [
                sys.executable,
                "-c",
                "import json, sys\nfrom scribe.core.db import session_scope\nfrom scribe.core.tables import Visit\n"
                "with session_scope() as s:\n    print(json.dumps(s.get(Visit, sys.argv[1]).context))",
                visit_id,
            ],
            capture_output=True,
            text=True,
            env=service.env,
            timeout=120,
        )
        assert stored.returncode == 0, stored.stderr[-2000:]
        context = json.loads(stored.stdout)
        assert context["reason"] == "cough" and context["medications"][0]["name"] == "lisinopril"
        assert context["allergies"][0]["substance"] == "penicillin"

        audio_url = f"{service.ws}/v1/visits/{visit_id}/audio"
        existing = service.cli("stream", str(consult_en.wav), "--url", audio_url, "--token", key, "--patient-ref", "X")
        one_line_error(existing, "new visit")
    finally:
        service.stop()
