"""JSON logs with request / visit ids (never transcript text or names) and Prometheus metrics."""

from __future__ import annotations

import contextvars
import json
import logging
import os
import shutil
import sys
import time
from pathlib import Path

from prometheus_client import Counter, Gauge, Histogram

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
visit_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("visit_id", default="")

# Fields a log record may carry besides the message; anything else passed via extra= is dropped, so a
# careless extra={"text": ...} cannot leak a transcript into the logs.
_ALLOWED_EXTRA = {
    "status",
    "method",
    "path",
    "duration_ms",
    "task",
    "queue",
    "offset",
    "seq",
    "bytes",
    "code",
    "close_code",
    "lag_s",
    "windows",
    "batch",
    "tenant_id",
    "clinician_id",
    "attempt",
    "worker",
    "state",
    "events",
    "seconds",
}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        rid, vid = request_id_var.get(), visit_id_var.get()
        if rid:
            payload["request_id"] = rid
        if vid:
            payload["visit_id"] = vid
        for key in _ALLOWED_EXTRA:
            if key in record.__dict__:
                payload[key] = record.__dict__[key]
        if record.exc_info and record.exc_info[0] is not None:
            # Type and stack only: exception messages may quote content (SQL parameters, text).
            import traceback

            payload["error"] = record.exc_info[0].__name__
            payload["stack"] = [
                f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno}:{f.name}" for f in traceback.extract_tb(record.exc_info[2])
            ][-8:]
        return json.dumps(payload, default=str)


def setup_logging(level: str = "INFO", json_logs: bool = True) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter() if json_logs else logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("faster_whisper", "httpx", "uvicorn.access", "multipart", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for name in ("uvicorn", "uvicorn.error", "celery"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True


# --------------------------------------------------------------------------- metrics

OPEN_STREAMS = Gauge("scribe_open_streams", "Websocket audio streams open on this process")
STREAM_BYTES = Counter("scribe_audio_bytes_total", "Audio bytes persisted and acknowledged")
LIVE_LAG = Histogram(
    "scribe_live_lag_seconds",
    "Audio received → partial transcript published",
    buckets=(0.25, 0.5, 1, 1.5, 2, 3, 5, 8, 13, 30),
)
LIVE_SKIPPED = Counter(
    "scribe_live_skipped_seconds_total", "Audio the live path skipped under load (the final pass transcribes it)"
)
QUEUE_DEPTH = Gauge("scribe_queue_depth", "Tasks waiting per queue", ["queue"])
TASK_SECONDS = Histogram(
    "scribe_task_seconds", "Task durations", ["task"], buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300)
)
ERRORS = Counter("scribe_errors_total", "Errors by kind", ["kind"])
HTTP_SECONDS = Histogram(
    "scribe_http_request_seconds",
    "REST request durations",
    ["method", "route", "status"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)
LLM_PROMPT_TOKENS = Counter(
    "scribe_llm_prompt_tokens_total",
    "Prompt tokens sent to the documents LLM: evaluated, or found in its cache (prefill)",
    ["stage", "cached"],
)
ASR_BATCH = Histogram("scribe_asr_batch_windows", "Windows per batched ASR call", buckets=(1, 2, 3, 4, 6, 8, 12, 16))


class timed:
    """with timed("asr.window"): ... → TASK_SECONDS observation."""

    def __init__(self, task: str):
        self.task = task

    def __enter__(self):
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, exc_type, *_):
        TASK_SECONDS.labels(self.task).observe(time.perf_counter() - self.t0)
        if exc_type is not None:
            ERRORS.labels(f"task:{self.task}").inc()


def check_storage(folder: Path, min_free_bytes: int) -> None:
    """Raise OSError unless `folder` takes a write (a small file written, fsynced and removed: read-only
    mounts and full disks both fail it) and has `min_free_bytes` free: a server that cannot persist audio
    must leave the load balancer's rotation before it has to refuse a websocket's frames."""
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / f".readyz.{os.getpid()}"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, b"x" * 4096)
        os.fsync(fd)
    finally:
        os.close(fd)
        probe.unlink(missing_ok=True)
    free = shutil.disk_usage(folder).free
    if free < min_free_bytes:
        raise OSError(f"{free >> 20} MB free, below SCRIBE_MIN_FREE_MB")
