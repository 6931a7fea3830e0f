"""Configuration from SCRIBE_* environment variables (one place, typed).

Defaults give the embedded single-machine setup: models in ./models, CPU, int8.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Loading must never reach a model hub, whatever library we call into.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCRIBE_", env_file=None, extra="ignore")

    # Model store: a folder `scribe models install` fills and verifies.
    models: Path = PROJECT_ROOT / "models"
    # ASR: a store name ("base", "tiny.en") or a path to any CTranslate2 Whisper folder.
    asr_model: str = "base"
    # Final pass after stop: the transcript the note is built from is decoded again, with the visit's
    # vocabulary, by this model (store name or local CTranslate2 folder, e.g. large-v3-turbo on GPU
    # workers); live partials keep SCRIBE_ASR_MODEL. Empty: the live windows' words are the transcript.
    final_asr_model: str = ""
    asr_model_fr: str = ""  # French visits' final pass (empty: SCRIBE_FINAL_ASR_MODEL)
    asr_device: str = "cpu"  # "cuda" on GPU workers
    asr_compute_type: str = "int8"  # "float16" / "int8_float16" on GPU
    # Where a drug was probably said and written as other words, decode that stretch again with the common
    # drugs it sounds like in the prompt, keeping one only where the audio supports it (scribe.speech.redecode;
    # docs/benchmarks.md). Applies to the final transcript (scribe transcribe, the service after stop).
    redecode_drugs: bool = True
    # Greedy on CPU keeps the base model near 0.07x real time; GPU workers set 5.
    asr_beam_size: int = 1
    cpu_threads: int = 0  # 0: let CTranslate2/torch decide
    # Diarization: store names, or paths to a pyannote segmentation checkpoint / CAM++ weights.
    segmentation_model: str = "pyannote-segmentation-3.0"
    embedding_model: str = "campplus"
    diarization_device: str = "cpu"
    # Clinician voice enrollments (one sealed embedding per clinician: biometric data). Unset: <data_dir>/voices.
    voices: Path | None = None

    # ---- service (scribe serve / scribe worker) -------------------------------------------------
    # Where the embedded default keeps its SQLite database, audio objects and signing key.
    data_dir: Path = PROJECT_ROOT / ".scribe"
    # SQLAlchemy URL; empty: sqlite:///<data_dir>/scribe.db. Production: postgresql+psycopg://...
    database_url: str = ""
    # Empty: embedded mode (in-process workers and events). Set: Celery over Redis + Redis pub/sub.
    redis_url: str = ""
    # Object store for audio: "" (local <data_dir>/objects), file:///path, or s3://bucket/prefix.
    objects_url: str = ""
    s3_endpoint_url: str = ""  # S3-compatible endpoint (MinIO, Ceph...); credentials from AWS_* env
    # HS256 secret for clinician tokens; empty: a random key kept in <data_dir>/jwt.key.
    jwt_secret: str = ""
    jwt_ttl_seconds: int = 900
    # Development and tests only: the web app also offers "paste a clinician token" (and /app/?token=).
    dev_token_signin: bool = False
    # A valid API key is remembered this long per process (revocations elsewhere take up to this long).
    auth_cache_seconds: float = 5.0
    host: str = "127.0.0.1"
    http_threads: int = 8  # threads for the API's blocking work (database reads and writes) per process
    port: int = 8000
    max_frame_bytes: int = 1 << 20
    # Live transcription: a new window once this much unprocessed audio has arrived.
    live_step_seconds: float = 1.0
    live_max_window_seconds: float = 24.0
    live_trim_seconds: float = 8.0  # past this, the window restarts after the last final sentence
    # Load shedding: when the newest audio is this far past the last live window, the live path skips
    # ahead to the newest audio (partials stay recent; the final pass transcribes what was skipped). 0: off.
    live_max_lag_seconds: float = 4.0
    # Admission: POST /v1/visits answers 503 with Retry-After while this many visits are live (streaming,
    # or created in the last 2 minutes and not yet streaming), or while this many ASR tasks wait in the
    # queue (measured: with one live window in flight per visit, a deep queue means workers far behind).
    # 0: no limit. Set max_live_visits from what bench/overload.py measures a node sustains (docs/scaling.md).
    max_live_visits: int = 0
    max_asr_backlog: int = 32
    admission_retry_after_seconds: int = 30
    # Run the diarization networks on each 20 s of audio while the visit goes on, so that after stop
    # only the tail, clustering and attribution are left (off: the whole visit is diarized after stop).
    diarize_ahead: bool = True
    asr_batch_size: int = 8  # windows of concurrent sessions decoded in one batched call
    asr_batch_wait_ms: int = 25
    worker_threads: int = 3  # embedded: in-process ASR threads (they meet in one batch)
    # embedded: threads updating the live assistant context (the rules engine holds the GIL: one is enough
    # for a node's visits, each visit's burst of updates coalesced to its newest)
    assistant_threads: int = 1
    # Celery: seconds before an unacknowledged task is handed to another worker (late acks).
    task_visibility_timeout: int = 60
    # A live window task not answered after this long is submitted again (idempotent).
    task_retry_seconds: float = 20.0
    # A streaming or paused visit with no connection for this long was abandoned (the device vanished):
    # it is stopped and finalized like any other, and retention then applies to its audio.
    abandoned_after_seconds: float = 3600.0
    documents_llm: str = "none"
    # With an LLM: each time this many more seconds of the visit are transcribed, the note's prompt for
    # the transcript so far is sent to the LLM to evaluate and keep cached, so that after stop it only
    # evaluates the rest (0: off). Unset: 30 for an LLM endpoint (own compute and prompt cache: vLLM,
    # llama.cpp server), off for the in-process engine (scribe.service.documents.prefill_seconds says why).
    llm_prefill_seconds: float | None = None
    # The question assistant (docs/assistant.md): a clinic's own checklists (*.yaml) next to ours.
    checklist_dir: str = ""

    # ---- delivery (docs/delivery.md) ------------------------------------------------------------
    # Production mode: webhook URLs must be https and SCRIBE_ENCRYPTION_KEYS must be set explicitly.
    production: bool = False
    # Base of absolute patient-link URLs (https://scribe.clinic.example); empty: path URLs (/p/<token>).
    public_url: str = ""
    # At-rest encryption keys "kid:base64(32 bytes),kid2:...": the first encrypts, all decrypt (rotation).
    # Empty (embedded only): one random key kept in <data_dir>/encryption.key.
    encryption_keys: str = ""
    webhook_timeout_seconds: float = 10.0
    # Seconds to wait after each failed attempt (about 24 h in all), then the delivery is dead-lettered.
    webhook_backoff: str = "5,30,120,600,1800,3600,7200,14400,28800,28800"
    webhook_jitter: float = 0.2  # each wait is scaled by a random factor in [1 - j, 1 + j]
    webhook_secret_grace_seconds: int = 86400  # after rotate-secret, the old secret still signs this long
    delivery_poll_seconds: float = 1.0  # outbox / due-delivery sweep period (API process)
    delivery_concurrency: int = 8  # embedded: delivery threads; Celery: worker --concurrency
    # Attempts one tenant may have in flight at once (0: half of delivery_concurrency): a tenant whose
    # receiver hangs holds at most this many delivery threads; the others' events go on being sent.
    delivery_per_tenant: int = 0
    patient_link_ttl_hours: int = 72
    retention_sweep_seconds: float = 60.0
    # /readyz answers 503 below this much free space on the data dir's (and local objects') disk.
    min_free_mb: int = 256
    # Decoded Opus audio kept per process for the live windows (bytes of float32 samples, all visits).
    decode_cache_mb: int = 256
    log_level: str = "INFO"
    log_json: bool = True

    # ---- limits: enforced before parsing and before authentication (docs/security-limits.md) ----------
    max_header_bytes: int = 32768  # request line and headers together; more: 431 and the connection closed
    max_headers: int = 100  # header fields per request; more: 431
    header_timeout_seconds: float = 10.0  # a request head (or a new connection's first) must arrive by then
    max_body_bytes: int = 1 << 20  # request bodies (JSON); more: 413 before the body is read
    max_upload_bytes: int = 20 << 20  # voice enrollment audio (PUT /v1/clinicians/{id}/voice)
    max_connections: int = 2000  # open connections and requests per process; more: 503 (uvicorn)
    ws_auth_seconds: float = 10.0  # a websocket not authenticated by then is closed (4401)
    ws_max_text_bytes: int = 16384  # a websocket text message (all are small JSON objects); more: 1009
    ws_per_address: int = 64  # open websockets from one client address (per process); more: refused
    ws_control_rate: str = "10/second;120/minute"  # pause/resume/start/auth messages per connection
    credential_recheck_seconds: float = 5.0  # open websockets and SSE re-check revocation this often
    # Requests per client address, and per credential (API key or clinician), `limits` notation
    # ("100/minute;10/second"); empty: no limit. In memory per process, or in Redis with SCRIBE_REDIS_URL.
    # One limit each by default: every limit costs a counter update per request (bench/rate_limits.py).
    rate_limit_per_address: str = "3000/minute"
    rate_limit_per_key: str = "6000/minute"  # an EHR's key polls for a whole clinic

    @property
    def voices_dir(self) -> Path:
        return self.voices or self.data_dir / "voices"


@lru_cache
def get_settings() -> Settings:
    return Settings()
