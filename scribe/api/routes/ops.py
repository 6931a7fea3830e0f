"""Operations: liveness, readiness (database, objects, Redis, models), Prometheus metrics."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from scribe.config import get_settings
from scribe.core import events
from scribe.core.db import check
from scribe.core.objects import LocalStore, get_store
from scribe.core.observability import check_storage
from scribe.queue.dispatch import queue_depths

router = APIRouter(tags=["ops"])


@router.get("/healthz")
def healthz():
    return {"status": "ok"}


@router.get("/readyz")
def readyz(request: Request):
    redis = bool(get_settings().redis_url)
    checks = {}
    for name, fn in (
        ("database", check),
        ("objects", lambda: get_store().check()),
        ("storage", _storage),
        ("redis", (lambda: events.get_bus().check()) if redis else None),
    ):
        if fn is None:
            continue
        try:
            fn()
            checks[name] = "ok"
        except Exception as exc:
            checks[name] = f"error: {type(exc).__name__}"
    checks["models"] = "ok" if request.app.state.models_ready.is_set() else "loading"
    ok = all(v == "ok" for v in checks.values())
    return JSONResponse(
        {
            "status": "ready" if ok else "not_ready",
            "checks": checks,
            "warming": sorted(request.app.state.warming),
            "mode": "redis" if redis else "embedded",
        },
        status_code=200 if ok else 503,
    )


def _storage() -> None:
    """The data dir and a local object store take writes and have room (observability.check_storage)."""
    cfg = get_settings()
    store = getattr(get_store(), "inner", None)
    folders = {Path(cfg.data_dir), *([store.root] if isinstance(store, LocalStore) else [])}
    for folder in folders:
        check_storage(folder, cfg.min_free_mb << 20)


@router.get("/metrics", responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}})
def metrics():
    try:
        queue_depths()
    except Exception:
        pass
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
