"""Clinician voice enrollment: one L2-normalised CAM++ embedding per clinician, stored as .npy.

An embedding is biometric data: it is kept on the clinic's own server, never in logs, and a clinician
can delete theirs (`scribe enroll --delete`)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from scribe.config import get_settings
from scribe.errors import ScribeError

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def validate_id(clinician_id: str) -> None:
    if not _ID.match(clinician_id):
        raise ScribeError("clinician id must be 1-128 letters, digits, '.', '_' or '-'")


def _path(clinician_id: str) -> Path:
    validate_id(clinician_id)
    return Path(get_settings().voices) / f"{clinician_id}.npy"


def save(clinician_id: str, embedding: np.ndarray) -> Path:
    path = _path(clinician_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    vector = np.asarray(embedding, dtype=np.float32).reshape(-1)
    np.save(path, vector / (np.linalg.norm(vector) + 1e-9))
    return path


def load(clinician_id: str | None) -> np.ndarray | None:
    if not clinician_id:
        return None
    path = _path(clinician_id)
    return np.load(path) if path.is_file() else None


def delete(clinician_id: str) -> bool:
    path = _path(clinician_id)
    if path.is_file():
        path.unlink()
        return True
    return False


def key(tenant_id: str, clinician_id: str) -> str:
    """The stored voice of a tenant's clinician (the service's enrollments are per tenant)."""
    return f"{tenant_id}.{clinician_id}"[:128]
