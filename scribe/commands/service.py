"""Service commands: serve, worker, tenants create/settings, keys create/revoke, token (stream: stream.py).

Wire into the CLI with `service.register(app)` (scribe/cli.py's click group). Errors are ScribeError
(one line, exit 2), as everywhere in the CLI. The subsystems are imported inside each command, so that
`scribe --help` and the other commands do not load them.
"""

from __future__ import annotations

import json
import os

import click

from scribe.commands.common import init
from scribe.errors import ScribeError


@click.command()
@click.option("--host", help="Bind address (default SCRIBE_HOST, 127.0.0.1).")
@click.option("--port", type=int, help="Port (default SCRIBE_PORT, 8000).")
@click.option(
    "--workers",
    "http_workers",
    type=int,
    default=1,
    show_default=True,
    help="uvicorn processes (needs SCRIBE_REDIS_URL when > 1).",
)
def serve(host, port, http_workers):
    """Run the API (REST + websocket). No SCRIBE_REDIS_URL: the whole product on this machine."""
    import uvicorn

    from scribe.config import get_settings

    cfg = get_settings()
    if http_workers > 1 and not cfg.redis_url:
        raise ScribeError("--workers > 1 needs SCRIBE_REDIS_URL (embedded mode keeps tasks in one process)")
    init()
    uvicorn.run(
        "scribe.api.app:create_app",
        factory=True,
        host=host or cfg.host,
        port=port or cfg.port,
        workers=http_workers,
        log_config=None,
        # Limits before any parsing (docs/security-limits.md): the request head (scribe.api.server), open
        # connections and requests (503 past them), websocket message size.
        http="scribe.api.server:BoundedHttpToolsProtocol",
        h11_max_incomplete_event_size=cfg.max_header_bytes,
        limit_concurrency=cfg.max_connections,
        ws_max_size=cfg.max_frame_bytes * 2 + 64,
        ws_ping_interval=10,
        ws_ping_timeout=20,
        timeout_graceful_shutdown=5,
        access_log=False,
    )


@click.command()
@click.option(
    "--queues",
    "-Q",
    default="asr,documents,assistant,delivery",
    show_default=True,
    help="Comma-separated queues (GPU nodes: asr; CPU nodes: documents,assistant,delivery).",
)
@click.option(
    "--concurrency",
    "-c",
    type=int,
    default=None,
    help="Threads (default: SCRIBE_WORKER_THREADS; ASR windows of concurrent threads are batched).",
)
@click.option("--metrics-port", type=int, default=None, help="Expose Prometheus metrics on this port.")
def worker(queues, concurrency, metrics_port):
    """Run a Celery worker over SCRIBE_REDIS_URL; loads each model once and keeps it."""
    from scribe.config import get_settings

    cfg = get_settings()
    if not cfg.redis_url:
        raise ScribeError("scribe worker needs SCRIBE_REDIS_URL (without it, `scribe serve` runs tasks itself)")
    wanted = [q.strip() for q in queues.split(",") if q.strip()]
    from scribe.queue.registry import QUEUES

    bad = [q for q in wanted if q not in QUEUES]
    if bad or not wanted:
        raise ScribeError(f"unknown queue {', '.join(bad) or '(none)'}: use {', '.join(QUEUES)}")
    child = os.environ.get(_WORKER_CHILD) == "1"
    init(migrate=not child)  # the supervisor migrated already
    if not child:
        raise SystemExit(_supervise())
    if metrics_port:
        from prometheus_client import start_http_server

        start_http_server(metrics_port, addr="127.0.0.1")
    if "asr" in wanted:  # load once, before taking work
        from scribe.service.live import batcher

        batcher()
    if "documents" in wanted or "assistant" in wanted:
        from scribe.service.documents import warm

        warm()
    from scribe.queue.celery_app import get_app

    argv = [
        "worker",
        "-Q",
        ",".join(wanted),
        "-P",
        "threads",
        "-c",
        str(concurrency or max(2, cfg.worker_threads)),
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-l",
        cfg.log_level.upper(),
        "-n",
        f"scribe-{'-'.join(wanted)}@%h-{os.getpid()}",
    ]
    get_app().worker_main(argv)


_WORKER_CHILD = "SCRIBE_WORKER_CHILD"


def _supervise() -> int:
    """Run the Celery worker in a child process and start a new one if it dies on its own.

    kombu 5.7 can crash the whole worker ("Unrecoverable error ... 'NoneType' object has no attribute
    'hostname'") while restoring unacked messages when Redis goes away, and then exits with code 0;
    the tasks stay in Redis and come back after the visibility timeout, but only if a worker is still
    there to take them.
    SIGTERM/SIGINT are passed on and end the supervisor too.
    """
    import logging
    import signal
    import subprocess
    import sys
    import time

    log = logging.getLogger("scribe.worker")
    stopping: list[int] = []
    child: subprocess.Popen | None = None

    def forward(signum, _frame):
        stopping.append(signum)
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    env = {**os.environ, _WORKER_CHILD: "1"}
    while True:
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-m", "scribe.cli", *sys.argv[1:]], env=env)
        rc = child.wait()
        if stopping or rc == 2:  # asked to stop, or a configuration error (exit 2) that a restart won't fix
            return rc
        log.warning("celery worker exited on its own; starting a new one", extra={"code": rc})
        time.sleep(1.0 if time.monotonic() - started > 30 else 5.0)  # do not spin on a worker that cannot start


@click.group()
def tenants():
    """Manage tenants (clinics, EHR vendors)."""


@tenants.command("create")
@click.argument("name")
@click.option("--id", "tenant_id", help="Choose the tenant id (default: generated).")
@click.option("--with-key", is_flag=True, help="Also create a first API key and print it (shown once).")
def tenants_create(name, tenant_id, with_key):
    """Create a tenant; prints its id."""
    from scribe.core import security

    init()
    if tenant_id is not None and not tenant_id.replace("_", "").replace("-", "").isalnum():
        raise ScribeError("tenant id: letters, digits, '-' and '_' only")
    tenant = security.create_tenant(name, tenant_id)
    click.echo(tenant.id)
    if with_key:
        row, clear = security.create_key(tenant.id, "first")
        click.echo(clear)
        click.echo(f"api key {row.id} created; it is shown only now", err=True)


@tenants.command("settings")
@click.argument("tenant_id")
@click.argument("assignments", nargs=-1, metavar="[KEY=VALUE]...")
def tenants_settings(tenant_id, assignments):
    """Show or change a tenant's delivery settings (JSON values; null resets one), e.g.
    webhooks_allow_private=true audio_retention_days=30. Prints the settings in effect."""
    from pydantic import ValidationError

    from scribe.core.db import session_scope
    from scribe.core.tables import Tenant
    from scribe.delivery.settings import TenantSettings

    init()
    with session_scope() as s:
        tenant = s.get(Tenant, tenant_id)
        if tenant is None:
            raise ScribeError(f"no tenant {tenant_id}")
        raw = dict(tenant.settings or {})
        for item in assignments:
            key, sep, value = item.partition("=")
            if not sep or key not in TenantSettings.model_fields:
                raise ScribeError(f"{item!r}: use KEY=VALUE with KEY one of {', '.join(TenantSettings.model_fields)}")
            try:
                raw[key] = json.loads(value)
            except ValueError:
                raw[key] = value
        mine = {k: v for k, v in raw.items() if k in TenantSettings.model_fields and v is not None}
        try:
            current = TenantSettings.model_validate(mine)
        except ValidationError as exc:
            raise ScribeError(f"invalid setting: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}") from None
        tenant.settings = {**{k: v for k, v in raw.items() if k not in TenantSettings.model_fields}, **mine}
    click.echo(json.dumps(current.model_dump()))


@click.group()
def keys():
    """Manage API keys (stored hashed; shown once)."""


@keys.command("create")
@click.argument("tenant_id")
@click.option("--name", default="", help="A label for the key.")
def keys_create(tenant_id, name):
    """Create an API key for TENANT_ID; prints it once."""
    from scribe.core import security

    init()
    row, clear = security.create_key(tenant_id, name)
    click.echo(clear)
    click.echo(f"api key {row.id} created; it is shown only now: store it safely", err=True)


@keys.command("revoke")
@click.argument("tenant_id")
@click.argument("key_id")
def keys_revoke(tenant_id, key_id):
    """Revoke KEY_ID (rotation: create a new key first)."""
    from scribe.core import security

    init()
    if not security.revoke_key(tenant_id, key_id):
        raise ScribeError(f"no active key {key_id} for tenant {tenant_id}")
    click.echo(f"revoked {key_id}", err=True)


@click.command("token")
@click.argument("tenant_id")
@click.argument("clinician_id")
@click.option("--ttl", type=click.IntRange(1, 3600), default=None, help="Seconds (default SCRIBE_JWT_TTL_SECONDS).")
def token(tenant_id, clinician_id, ttl):
    """Print a short-lived clinician token (JWT) for a tenant's clinician."""
    from scribe.core import security
    from scribe.core.db import session_scope
    from scribe.core.tables import Tenant

    init()
    with session_scope() as s:
        if s.get(Tenant, tenant_id) is None:
            raise ScribeError(f"no tenant {tenant_id}")
    value, _ = security.issue_token(tenant_id, clinician_id, ttl)
    click.echo(value)


def register(group: click.Group) -> None:
    """Add the service commands to the `scribe` group."""
    for command in (serve, worker, tenants, keys, token):
        group.add_command(command)
