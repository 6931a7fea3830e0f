"""Clinician voice enrollment: one L2-normalised CAM++ embedding per clinician.

An embedding is biometric data: it is kept in the data dir (SCRIBE_VOICES, default <data_dir>/voices,
0700), sealed with the at-rest key ring (AES-GCM, bound to the clinician it belongs to: a file copied to
another clinician's name does not open), never in logs, and a clinician can delete theirs (`scribe enroll
--delete`, DELETE /v1/clinicians/{id}/voice). The cipher is passed in (scribe.core.crypto.keyring()):
this layer sits below the service's core. Enrollments from before sealing (<id>.npy, in the voices folder
or the old project-folder default) are sealed and removed the first time they are read.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Protocol

import numpy as np

from scribe.config import PROJECT_ROOT, get_settings
from scribe.errors import ScribeError

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
SUFFIX = ".voice"
_LEGACY_DIR = PROJECT_ROOT / ".scribe" / "voices"


class Cipher(Protocol):
    def encrypt(self, data: bytes, aad: bytes = b"") -> bytes: ...
    def decrypt(self, blob: bytes, aad: bytes = b"") -> bytes: ...


def validate_id(clinician_id: str) -> None:
    if not _ID.match(clinician_id):
        raise ScribeError("clinician id must be 1-128 letters, digits, '.', '_' or '-'")


def _path(clinician_id: str) -> Path:
    validate_id(clinician_id)
    return get_settings().voices_dir / f"{clinician_id}{SUFFIX}"


def _aad(clinician_id: str) -> bytes:
    return f"voice:{clinician_id}".encode()


def _legacy(clinician_id: str) -> list[Path]:
    return [folder / f"{clinician_id}.npy" for folder in dict.fromkeys((get_settings().voices_dir, _LEGACY_DIR))]


def save(clinician_id: str, embedding: np.ndarray, cipher: Cipher) -> Path:
    path = _path(clinician_id)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    vector = np.asarray(embedding, dtype=np.float32).reshape(-1)
    buffer = io.BytesIO()
    np.save(buffer, vector / (np.linalg.norm(vector) + 1e-9))
    blob = cipher.encrypt(buffer.getvalue(), _aad(clinician_id))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(blob)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    for old in _legacy(clinician_id):
        old.unlink(missing_ok=True)
    return path


def load(clinician_id: str | None, cipher: Cipher) -> np.ndarray | None:
    if not clinician_id:
        return None
    path = _path(clinician_id)
    if path.is_file():
        return np.load(io.BytesIO(cipher.decrypt(path.read_bytes(), _aad(clinician_id))))
    for old in _legacy(clinician_id):
        if old.is_file():
            vector = np.load(old)
            save(clinician_id, vector, cipher)  # sealed now, and the clear copy removed
            return vector
    return None


def delete(clinician_id: str) -> bool:
    found = False
    for path in (_path(clinician_id), *_legacy(clinician_id)):
        if path.is_file():
            path.unlink()
            found = True
    return found


def key(tenant_id: str, clinician_id: str) -> str:
    """The stored voice of a tenant's clinician (the service's enrollments are per tenant)."""
    return f"{tenant_id}.{clinician_id}"[:128]
