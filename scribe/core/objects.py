"""Object store for audio chunks: a local directory by default, any S3-compatible service in production.

put() returns only once the bytes are durable (local: written, fsynced, renamed into place; S3: the PUT
succeeded), which is what lets the websocket acknowledge a chunk. Keys are plain relative paths.
get_store() seals every object with AES-GCM (scribe.core.crypto), so no writer or reader can forget to.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from scribe.config import get_settings
from scribe.core.crypto import keyring
from scribe.errors import ScribeError


class ObjectStore(Protocol):
    def put(self, key: str, data: bytes) -> None: ...
    def get(self, key: str) -> bytes: ...
    def delete_prefix(self, prefix: str) -> int: ...
    def list(self, prefix: str) -> list[str]: ...
    def check(self) -> None: ...


def _safe(key: str) -> str:
    if not key or key.startswith("/") or ".." in key.split("/"):
        raise ValueError(f"bad object key {key!r}")
    return key


class LocalStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        return self.root / _safe(key)

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)  # the rename itself must survive a crash
        finally:
            os.close(fd)

    def get(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def list(self, prefix: str) -> list[str]:
        base = self._path(prefix.rstrip("/"))
        if not base.exists():
            return []
        return sorted(
            str(p.relative_to(self.root)) for p in base.rglob("*") if p.is_file() and not p.name.startswith(".")
        )

    def delete_prefix(self, prefix: str) -> int:
        keys = self.list(prefix)
        for key in keys:
            self._path(key).unlink(missing_ok=True)
        return len(keys)

    def check(self) -> None:
        if not os.access(self.root, os.W_OK):
            raise ScribeError(f"object store {self.root} is not writable")


class S3Store:
    """S3 or any S3-compatible endpoint (MinIO, Ceph RGW). Needs boto3 (pip install boto3)."""

    def __init__(self, bucket: str, prefix: str = "", endpoint_url: str | None = None):
        try:
            import boto3
        except ImportError:
            raise ScribeError("s3:// object store needs boto3: pip install boto3") from None
        self.bucket, self.prefix = bucket, prefix.strip("/")
        self.client = boto3.client("s3", endpoint_url=endpoint_url or None)

    def _key(self, key: str) -> str:
        return f"{self.prefix}/{_safe(key)}" if self.prefix else _safe(key)

    def put(self, key: str, data: bytes) -> None:
        self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)

    def get(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.bucket, Key=self._key(key))["Body"].read()

    def list(self, prefix: str) -> list[str]:
        keys, token = [], None
        while True:
            kwargs = {"Bucket": self.bucket, "Prefix": self._key(prefix)}
            if token:
                kwargs["ContinuationToken"] = token
            page = self.client.list_objects_v2(**kwargs)
            strip = len(self.prefix) + 1 if self.prefix else 0
            keys += [o["Key"][strip:] for o in page.get("Contents", [])]
            if not page.get("IsTruncated"):
                return keys
            token = page["NextContinuationToken"]

    def delete_prefix(self, prefix: str) -> int:
        keys = self.list(prefix)
        for i in range(0, len(keys), 1000):
            self.client.delete_objects(
                Bucket=self.bucket, Delete={"Objects": [{"Key": self._key(k)} for k in keys[i : i + 1000]]}
            )
        return len(keys)

    def check(self) -> None:
        self.client.head_bucket(Bucket=self.bucket)


class SealedStore:
    """Encrypts on put, decrypts on get; the object key is the associated data, so a blob moved to
    another key (another visit) fails to open instead of being read as someone else's audio."""

    def __init__(self, inner: ObjectStore):
        self.inner = inner

    def put(self, key: str, data: bytes) -> None:
        self.inner.put(key, keyring().encrypt(data, key.encode()))

    def get(self, key: str) -> bytes:
        return keyring().decrypt(self.inner.get(key), key.encode())

    def list(self, prefix: str) -> list[str]:
        return self.inner.list(prefix)

    def delete_prefix(self, prefix: str) -> int:
        return self.inner.delete_prefix(prefix)

    def check(self) -> None:
        self.inner.check()


def open_store(url: str | None = None) -> ObjectStore:
    cfg = get_settings()
    url = url if url is not None else cfg.objects_url
    if not url:
        return LocalStore(Path(cfg.data_dir) / "objects")
    if url.startswith("file://"):
        return LocalStore(Path(url[len("file://") :]))
    if url.startswith("s3://"):
        bucket, _, prefix = url[len("s3://") :].partition("/")
        return S3Store(bucket, prefix, cfg.s3_endpoint_url or None)
    if "://" not in url:
        return LocalStore(Path(url))
    raise ScribeError(f"unsupported object store URL {url!r}: use a path, file://PATH or s3://BUCKET/PREFIX")


@lru_cache(maxsize=4)
def _cached(url: str) -> ObjectStore:
    return SealedStore(open_store(url))


def get_store() -> ObjectStore:
    cfg = get_settings()
    return _cached(cfg.objects_url or str(Path(cfg.data_dir) / "objects"))


def chunk_key(visit_id: str, offset: int) -> str:
    return f"visits/{visit_id}/audio/{offset:014d}.bin"


def visit_prefix(visit_id: str, what: str = "") -> str:
    """Every object of a visit lives under visits/<id>/ (audio/ for chunks): erasure deletes the prefix."""
    return f"visits/{visit_id}/{what}"
