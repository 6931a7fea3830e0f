"""Issue 17, storage: one test per gap found — a real `scribe serve` for what goes over HTTP, the real
database, object store and key ring in this process (a temporary data dir) for the rest."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import shutil
import socket
import stat
import time
from pathlib import Path

import httpx
import numpy as np
import pytest
import sqlalchemy as sa

from tests.test_service_support import auth, create_visit, make_service, wait_until

# --------------------------------------------------------------------------- a real server

MARGIN = 1 << 30  # /readyz must stay ready with this much free above its threshold, and fall below it when filled


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A server whose free-space threshold is 1 GiB below what its disk has free now."""
    root = tmp_path_factory.mktemp("storage")
    free_mb = shutil.disk_usage(root).free >> 20
    service = make_service(root, SCRIBE_MIN_FREE_MB=str(max(1, free_mb - (MARGIN >> 20))))
    service.env.pop("SCRIBE_VOICES")  # the default: <data_dir>/voices
    tenant_id, key = service.tenant("Storage clinic")
    service.start()
    yield service, key
    service.stop()
    for drop in service.drops:
        drop()


def test_voice_upload_refused_before_it_is_buffered(served):
    """200 MB announced: 413 while the body is still being sent, not after reading all of it."""
    service, key = served
    with socket.create_connection(("127.0.0.1", service.port), timeout=10) as sock:
        sock.sendall(
            (
                f"PUT /v1/clinicians/dr-big/voice HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n"
                f"Content-Type: application/octet-stream\r\nContent-Length: {200 << 20}\r\n\r\n"
            ).encode()
            + b"\0" * (256 << 10)
        )
        started = time.monotonic()
        head = sock.recv(4096).decode(errors="replace")
    assert head.startswith("HTTP/1.1 413"), head[:200]
    assert time.monotonic() - started < 5

    # without Content-Length (chunked), the limit holds too: refused once 20 MB have arrived
    def chunks():
        for _ in range(40):
            yield b"\0" * (1 << 20)

    r = httpx.put(f"{service.http}/v1/clinicians/dr-big/voice", content=chunks(), headers=auth(key), timeout=30)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    assert httpx.get(f"{service.http}/healthz").status_code == 200


def test_readyz_not_ready_when_the_disk_fills(served):
    service, _ = served
    data = Path(service.env["SCRIBE_DATA_DIR"])
    assert httpx.get(f"{service.http}/readyz").status_code == 200
    filler = data / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.posix_fallocate(fd, 0, 2 * MARGIN)  # the disk "fills": free space drops 2 GiB, past the threshold
        r = httpx.get(f"{service.http}/readyz")
        assert r.status_code == 503, r.text
        assert r.json()["checks"]["storage"].startswith("error") and r.json()["checks"]["database"] == "ok"
    finally:
        os.close(fd)
        filler.unlink()
    wait_until(lambda: httpx.get(f"{service.http}/readyz").status_code == 200, 10, 0.2, "ready again")


def test_database_private_and_patient_ref_sealed(served):
    service, key = served
    data = Path(service.env["SCRIBE_DATA_DIR"])
    mine = create_visit(service, key, patient_ref="PATIENT-SEALED-4417", encounter_ref="ENC-SEALED-9")
    create_visit(service, key, patient_ref="PATIENT-OTHER-1")
    listed = httpx.get(f"{service.http}/v1/visits", params={"patient_ref": "PATIENT-SEALED-4417"}, headers=auth(key))
    assert [v["id"] for v in listed.json()["items"]] == [mine["id"]]
    one = httpx.get(f"{service.http}/v1/visits/{mine['id']}", headers=auth(key)).json()
    assert (one["patient_ref"], one["encounter_ref"]) == ("PATIENT-SEALED-4417", "ENC-SEALED-9")
    if "SCRIBE_DATABASE_URL" in service.env:
        return
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    files = [p for p in data.glob("scribe.db*")]
    assert {p.name for p in files} >= {"scribe.db", "scribe.db-wal"}
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files), {p.name: oct(p.stat().st_mode) for p in files}
    disk = b"".join(p.read_bytes() for p in files)
    assert mine["id"].encode() in disk  # the scan sees clear text...
    assert b"PATIENT-SEALED-4417" not in disk and b"ENC-SEALED-9" not in disk  # ...and no patient identifier


# --------------------------------------------------------------------------- in this process, a temporary data dir


@pytest.fixture
def local(tmp_path, monkeypatch):
    """SCRIBE_DATA_DIR = tmp_path for this process (SQLite, local objects, local key), migrated."""
    from scribe.config import get_settings
    from scribe.core.db import migrate

    for name in [k for k in os.environ if k.startswith("SCRIBE_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("SCRIBE_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    migrate()
    yield tmp_path / "data"
    get_settings.cache_clear()


def _visit(visit_id: str, **fields):
    from scribe.core.db import session_scope
    from scribe.core.tables import Tenant, Visit

    with session_scope() as s:
        if s.get(Tenant, "t1") is None:
            s.add(Tenant(id="t1", name="T", settings={}))
            s.flush()
        s.add(Visit(id=visit_id, tenant_id="t1", clinician_id="dr", patient_ref="P-1", **fields))


def test_sealed_values_are_bound_to_their_row(local):
    """A database writer who copies one visit's sealed note into another visit's row gets an error on read."""
    from scribe.core.db import session_scope
    from scribe.core.tables import Document
    from scribe.errors import ScribeError

    _visit("vis_a")
    _visit("vis_b")
    with session_scope() as s:
        s.add(Document(tenant_id="t1", visit_id="vis_a", kind="note", version=1, content={"text": "A's note"}))
        s.add(Document(tenant_id="t1", visit_id="vis_b", kind="note", version=1, content={"text": "B's note"}))
    with session_scope() as s:
        raw = dict(s.execute(sa.text("SELECT visit_id, content FROM documents")).all())
        s.execute(sa.text("UPDATE documents SET content = :c WHERE visit_id = 'vis_b'"), {"c": raw["vis_a"]})
    with session_scope() as s:
        assert s.execute(sa.select(Document.content).where(Document.visit_id == "vis_a")).scalar() == {
            "text": "A's note"
        }
        with pytest.raises(ScribeError, match="does not open"):
            s.execute(sa.select(Document.content).where(Document.visit_id == "vis_b")).scalar()
    with session_scope() as s:  # a clear value written into the column is refused too
        s.execute(sa.text("""UPDATE documents SET content = '{"text": "forged"}' WHERE visit_id = 'vis_b'"""))
    with session_scope() as s, pytest.raises(ScribeError, match="not sealed"):
        s.execute(sa.select(Document).where(Document.visit_id == "vis_b")).scalar()


def test_rows_sealed_before_binding_are_migrated(local, tmp_path, monkeypatch):
    """A database at the previous revision (values sealed without associated data, patient_ref in clear)
    upgrades: everything opens, bound to its row, and listing by patient_ref still finds the visit."""
    from alembic import command
    from alembic.config import Config

    from scribe.config import get_settings
    from scribe.core import db
    from scribe.core.crypto import blind_indexes, keyring
    from scribe.core.db import session_scope
    from scribe.core.tables import Document, Visit

    monkeypatch.setenv("SCRIBE_DATA_DIR", str(tmp_path / "old"))
    get_settings.cache_clear()
    url = db.database_url()
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url)
    engine = db.get_engine(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")

    def legacy(value) -> str:
        return json.dumps({"sealed": base64.b64encode(keyring().encrypt(json.dumps(value).encode())).decode()})

    def insert(conn, table: str, **values):
        """A row of the old schema: the given values, something plain in every other required column."""
        filler = {sa.String: "x", sa.Integer: 0, sa.Float: 0.0, sa.Boolean: False, sa.JSON: "{}"}
        for column in sa.inspect(conn).get_columns(table):
            if column["name"] not in values and not column["nullable"] and not column.get("autoincrement"):
                kind = next((v for t, v in filler.items() if isinstance(column["type"], t)), None)
                values[column["name"]] = dt.datetime.now(dt.UTC) if kind is None else kind
        names = ", ".join(values)
        conn.execute(sa.text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in values)})"), values)

    with engine.begin() as conn:
        insert(conn, "tenants", id="t1", name="T", settings="{}")
        insert(
            conn,
            "visits",
            id="vis_old",
            tenant_id="t1",
            clinician_id="dr",
            patient_ref="P-LEGACY-1",
            encounter_ref="E-LEGACY",
            context=legacy({"reason": "cough"}),
        )
        insert(
            conn,
            "documents",
            id=1,
            tenant_id="t1",
            visit_id="vis_old",
            kind="note",
            version=1,
            content=legacy({"text": "old note"}),
        )
    db.migrate()
    with session_scope() as s:
        visit = s.get(Visit, "vis_old")
        assert (visit.patient_ref, visit.encounter_ref, visit.context) == (
            "P-LEGACY-1",
            "E-LEGACY",
            {"reason": "cough"},
        )
        assert s.execute(sa.select(Document.content)).scalar() == {"text": "old note"}
        found = s.execute(sa.select(Visit.id).where(Visit.patient_index.in_(blind_indexes("t1", "P-LEGACY-1"))))
        assert found.scalars().all() == ["vis_old"]
        columns = {c["name"] for c in sa.inspect(s.connection()).get_columns("visits")}
        assert "encounter_ref" not in columns and "patient_ref" not in columns


def test_voice_embeddings_sealed_in_the_data_dir(local):
    from scribe import voices
    from scribe.config import get_settings
    from scribe.core.crypto import keyring
    from scribe.errors import ScribeError

    vector = np.random.default_rng(7).normal(size=192).astype(np.float32)
    path = voices.save("t1.dr-voice", vector, keyring())
    assert path.parent == local / "voices" == get_settings().voices_dir
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    unit = (vector / np.linalg.norm(vector)).astype(np.float32)
    assert unit[:8].tobytes() not in path.read_bytes()  # not in clear
    assert np.allclose(voices.load("t1.dr-voice", keyring()), unit, atol=1e-6)
    shutil.copy(path, path.with_name("t1.dr-other.voice"))  # a voice filed under another clinician
    with pytest.raises(ScribeError, match="does not open"):
        voices.load("t1.dr-other", keyring())
    legacy = local / "voices" / "t1.dr-old.npy"  # enrolled before sealing: sealed on first read
    np.save(legacy, unit)
    assert np.allclose(voices.load("t1.dr-old", keyring()), unit)
    assert not legacy.exists() and (local / "voices" / "t1.dr-old.voice").is_file()


def test_jwt_key_created_private_and_atomically(local, tmp_path):
    """A file planted where the key is being written (a symlink to a place the attacker reads) is not
    followed: the key is created exclusively, 0600 from its first byte."""
    from scribe.core.security import _secret_cache, jwt_secret

    local.mkdir(parents=True, exist_ok=True)
    outside = tmp_path / "stolen"
    for planted in ("jwt.tmp", ".jwt.key.tmp"):
        (local / planted).symlink_to(outside)
    _secret_cache.clear()
    secret = jwt_secret()
    key = local / "jwt.key"
    assert not outside.exists()
    assert key.is_file() and not key.is_symlink() and stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.read_text().strip() == secret and len(secret) >= 48
    _secret_cache.clear()
    assert jwt_secret() == secret  # created once


def test_opus_decode_cache_bounded_by_bytes(local, monkeypatch):
    from scribe.config import get_settings
    from scribe.core import audio
    from scribe.core.db import session_scope
    from scribe.core.objects import chunk_key, get_store
    from scribe.core.tables import AudioChunk
    from tests.test_decode import encode

    monkeypatch.setenv("SCRIBE_DECODE_CACHE_MB", "2")
    get_settings.cache_clear()
    tone = (0.2 * np.sin(np.arange(16_000 * 20) * 2 * np.pi * 220 / 16_000)).astype(np.float32)  # 20 s: 1.28 MB
    ogg = encode(local / "tone.ogg", tone, "libopus", fmt="ogg").read_bytes()
    for i in range(3):
        visit_id = f"vis_opus{i}"
        _visit(visit_id)
        get_store().put(chunk_key(visit_id, 0), ogg)
        with session_scope() as s:
            s.add(AudioChunk(visit_id=visit_id, seq=0, offset=0, length=len(ogg), key=chunk_key(visit_id, 0)))
        stored = audio.StoredAudio(visit_id, {"format": "ogg-opus"}, len(ogg))
        assert abs(stored.seconds - 20) < 0.1
    held = sum(samples.nbytes for _, samples in audio._cache.values())
    assert 0 < held <= 2 << 20, held  # three visits decoded (3.8 MB): the oldest went
    assert "vis_opus2" in audio._cache and "vis_opus0" not in audio._cache
    for i in range(3):
        audio.forget(f"vis_opus{i}")


def test_erase_takes_the_lease_before_acting(local, monkeypatch):
    """A websocket attaching while an erasure runs (after its check) is refused the lease, so it cannot
    write audio the erasure would leave behind."""
    from scribe.core.objects import get_store, visit_prefix
    from scribe.core.security import Principal
    from scribe.delivery import retention
    from scribe.errors import ApiError
    from scribe.service import visits

    _visit("vis_erase", status="streaming")
    store = get_store()
    get_store().put("visits/vis_erase/audio/00000000000000.bin", b"\1" * 100)
    attached: list[bool] = []

    class Interleaved:
        """The real store; a connection attaches when the erasure starts deleting, and writes after it."""

        def __init__(self):
            self.calls = 0

        def __getattr__(self, name):
            return getattr(store, name)

        def delete_prefix(self, prefix: str) -> int:
            n = store.delete_prefix(prefix)
            self.calls += 1
            if self.calls == 1:
                attached.append(visits.acquire_lease("vis_erase", "late-websocket"))
            elif attached[0]:
                try:  # the websocket goes on streaming: the bytes reach the store before the row check
                    visits.persist_chunk("vis_erase", 1, 100, b"\2" * 100, None)
                except ApiError:
                    pass
            return n

    monkeypatch.setattr(retention, "get_store", Interleaved)
    retention.erase(Principal("t1", None, "key:test"), "vis_erase")
    assert attached == [False]
    assert store.list(visit_prefix("vis_erase")) == []
