"""Encryption at rest: AES-256-GCM for audio objects and JSON columns that hold patient data.

A blob is MAGIC | len(kid) | kid | 12-byte nonce | ciphertext+tag, so each one names the key that sealed
it and keys can rotate: SCRIBE_ENCRYPTION_KEYS="new:<b64>,old:<b64>" encrypts with `new` and still reads
`old`; `scribe encryption rotate` (scribe.commands.encryption) re-seals everything under the first key,
after which `old` can go. Rotation steps: docs/delivery.md.

Every sealed value is bound to where it lives by AES-GCM associated data: an object to its key, a
database value to its table, column and row (scribe.core.tables.SealedJSON), a voice to its clinician.
A database writer who moves a sealed value to another row gets an error on read, not another patient's
data. Identifiers that must stay searchable (a visit's patient_ref) are stored as a keyed HMAC "blind
index" next to their sealed value: equality lookups work, the clear text is not on disk.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from scribe.config import get_settings
from scribe.errors import ScribeError

MAGIC = b"SCE1"
LOCAL_KEY_FILE = "encryption.key"


class KeyRing:
    def __init__(self, keys: dict[str, bytes], active: str):
        self.keys, self.active = keys, active
        self._aead = {kid: AESGCM(key) for kid, key in keys.items()}

    def encrypt(self, data: bytes, aad: bytes = b"") -> bytes:
        kid = self.active.encode()
        nonce = os.urandom(12)
        return MAGIC + bytes([len(kid)]) + kid + nonce + self._aead[self.active].encrypt(nonce, data, aad or None)

    def decrypt(self, blob: bytes, aad: bytes = b"") -> bytes:
        if not is_sealed(blob):
            return blob  # written before encryption at rest
        n = blob[4]
        kid = blob[5 : 5 + n].decode()
        nonce, body = blob[5 + n : 17 + n], blob[17 + n :]
        if kid not in self._aead:
            raise ScribeError(f"data sealed with key {kid!r}, which SCRIBE_ENCRYPTION_KEYS does not hold")
        try:
            return self._aead[kid].decrypt(nonce, body, aad or None)
        except InvalidTag:
            raise ScribeError("sealed data does not open: altered, or moved from where it was sealed") from None

    def key_id(self, blob: bytes) -> str | None:
        return blob[5 : 5 + blob[4]].decode() if is_sealed(blob) else None


def is_sealed(blob: bytes) -> bool:
    return len(blob) > 17 and blob[:4] == MAGIC


def parse_keys(spec: str) -> KeyRing:
    keys: dict[str, bytes] = {}
    for item in filter(None, (x.strip() for x in spec.split(","))):
        kid, _, b64 = item.partition(":")
        try:
            key = base64.b64decode(b64, validate=True)
        except ValueError:
            key = b""
        if not kid or len(kid) > 40 or len(key) != 32:
            raise ScribeError(
                "SCRIBE_ENCRYPTION_KEYS: each entry is kid:base64 of 32 random bytes "
                "(python -c 'import os,base64;print(base64.b64encode(os.urandom(32)).decode())')"
            )
        keys[kid] = key
    if not keys:
        raise ScribeError("SCRIBE_ENCRYPTION_KEYS is empty")
    return KeyRing(keys, next(iter(keys)))


def write_private(path: Path, content: str) -> None:
    """Create `path` with `content`, readable by the owner only (0600 from the first byte: never a
    moment with wider permissions), atomically and exclusively: when two processes race, the first
    one's file stays and both then read it."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.link(tmp, path)  # atomic and exclusive, unlike rename
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)


def local_spec(data_dir: Path) -> str:
    """The embedded default: one random key, created once (atomically, 0600) beside the database."""
    path = Path(data_dir) / LOCAL_KEY_FILE
    if not path.exists():
        write_private(path, f"local:{base64.b64encode(secrets.token_bytes(32)).decode()}")
    return path.read_text().strip()


_rings: dict[tuple, KeyRing] = {}
_lock = threading.Lock()


def keyring() -> KeyRing:
    cfg = get_settings()
    ident = (cfg.encryption_keys, str(cfg.data_dir))
    with _lock:
        if ident not in _rings:
            if not cfg.encryption_keys and cfg.production:
                raise ScribeError("production mode needs SCRIBE_ENCRYPTION_KEYS (see docs/delivery.md)")
            _rings[ident] = parse_keys(cfg.encryption_keys or local_spec(cfg.data_dir))
        return _rings[ident]


def seal_json(value, aad: bytes) -> dict:
    """A JSON value → {"sealed": "<base64 blob>"} (what the database stores), bound to `aad`."""
    blob = keyring().encrypt(json.dumps(value, separators=(",", ":")).encode(), aad)
    return {"sealed": base64.b64encode(blob).decode()}


def open_json(stored, aad: bytes):
    """The value seal_json(value, aad) stored. Anything else (a clear value written into the column, a
    value sealed for another row) is refused: the database is not trusted to say what is patient data."""
    if stored is None:
        return None
    if not (isinstance(stored, dict) and set(stored) == {"sealed"}):
        raise ScribeError("a sealed column holds a value that is not sealed")
    blob = base64.b64decode(stored["sealed"])
    if not is_sealed(blob):
        raise ScribeError("a sealed column holds a value that is not sealed")
    return json.loads(keyring().decrypt(blob, aad))


def sealed_key_id(stored) -> str | None:
    if isinstance(stored, dict) and set(stored) == {"sealed"}:
        return keyring().key_id(base64.b64decode(stored["sealed"]))
    return None


def blind_indexes(scope: str, value: str) -> list[str]:
    """Keyed HMAC-SHA256 of `value` within `scope` (e.g. a tenant), one per key of the ring, active key
    first: the stored index uses the first; a lookup matches any of them, so rows indexed before a key
    rotation are still found (`scribe encryption rotate` re-indexes them)."""
    ring = keyring()
    message = f"{scope}\0{value}".encode()
    order = [ring.active, *(k for k in ring.keys if k != ring.active)]
    return [hmac.new(_index_key(ring.keys[kid]), message, hashlib.sha256).hexdigest() for kid in order]


def _index_key(key: bytes) -> bytes:
    """A separate key for indexes, derived from an encryption key (one secret to manage, two uses)."""
    return hmac.new(key, b"scribe blind index v1", hashlib.sha256).digest()
