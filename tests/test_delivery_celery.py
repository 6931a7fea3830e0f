"""The Redis topology: `scribe serve` writes the outbox, a real Celery worker consuming only the
`delivery` queue sends the webhooks (signed, each once), a failing receiver is retried by the worker."""

from __future__ import annotations

import time

import pytest
from standardwebhooks.webhooks import Webhook

from tests.test_delivery_support import BACKOFF, Receiver, auth, create_visit, wait_until  # noqa: F401
from tests.test_service_support import Worker, redis_topology


@pytest.fixture
def topology(tmp_path):
    redis, service = redis_topology(
        tmp_path, SCRIBE_WEBHOOK_BACKOFF=BACKOFF, SCRIBE_DELIVERY_POLL_SECONDS="0.2", SCRIBE_WEBHOOK_TIMEOUT_SECONDS="3"
    )
    tenant_id, key = service.tenant("Clinic R")
    assert service.cli("tenants", "settings", tenant_id, "webhooks_allow_private=true").returncode == 0
    service.start()
    worker = Worker(service, queues="delivery")
    yield service, key
    worker.kill()
    service.stop()
    redis.kill()
    for drop in service.drops:
        drop()
    assert "delivery.send" in worker.log_path.read_text(errors="replace")


def test_celery_worker_delivers_webhooks(topology):
    import httpx

    service, key = topology
    receiver = Receiver().start()
    try:
        receiver.fail_until = time.monotonic() + 1.5
        r = httpx.post(
            f"{service.http}/v1/webhooks/endpoints",
            headers=auth(key),
            json={"url": receiver.url, "events": ["visit.created"]},
        )
        assert r.status_code == 201, r.text
        secret = r.json()["secret"]
        ids = {create_visit(service, key)["id"] for _ in range(5)}
        wait_until(
            lambda: {x.json["data"]["visit_id"] for x in receiver.accepted()} >= ids,
            60,
            0.2,
            "webhooks via the Celery worker",
        )
        accepted = receiver.accepted()
        assert len(accepted) == len({x.webhook_id for x in accepted}) == 5
        assert any(x.status == 500 for x in receiver.requests)  # retried after failures
        for got in accepted:
            assert Webhook(secret).verify(got.body, got.headers)["data"]["visit_id"] in ids
    finally:
        receiver.stop()
