"""REST API on a real embedded server: tenants, keys, tokens, visits, filters, audit, operations."""

from __future__ import annotations

import asyncio
import json
import os
import time

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.test_service_support import auth, consent, create_visit, wait_until


def db(service):
    url = service.env.get("SCRIBE_DATABASE_URL") or f"sqlite:///{service.env['SCRIBE_DATA_DIR']}/scribe.db"
    return create_engine(url)


def test_operations_endpoints(embedded):
    service, _ = embedded
    assert httpx.get(f"{service.http}/healthz").json() == {"status": "ok"}
    r = httpx.get(f"{service.http}/readyz", headers={"x-request-id": "req-test-42"})
    assert r.headers["x-request-id"] == "req-test-42"  # a caller's request id comes back (and is logged)
    assert len(httpx.get(f"{service.http}/healthz").headers["x-request-id"]) == 16  # or one is made
    # ... and so is one for free text (a caller cannot write a name into our logs through it)
    assert (
        httpx.get(f"{service.http}/readyz", headers={"x-request-id": "Jane Doe"}).headers["x-request-id"] != "Jane Doe"
    )
    wait_until(lambda: "req-test-42" in service.logs(), 10, 0.1, "the request's log line")
    assert "Jane Doe" not in service.logs()
    ready = r.json()
    assert ready["status"] == "ready" and ready["checks"]["database"] == "ok" and ready["mode"] == "embedded"
    assert ready["warming"] == []  # the documentation engine warmed up after readiness (fixture waits for it)
    metrics = httpx.get(f"{service.http}/metrics").text
    for name in ("scribe_open_streams", "scribe_queue_depth", "scribe_task_seconds", "scribe_errors_total"):
        assert name in metrics
    assert 'scribe_http_request_seconds_count{method="GET",route="/readyz",status="200"}' in metrics
    assert httpx.get(f"{service.http}/openapi.json").json()["paths"]["/v1/visits"]


def test_auth_keys_hashed_and_tokens(embedded):
    service, t = embedded
    assert httpx.get(f"{service.http}/v1/visits").status_code == 401
    r = httpx.get(f"{service.http}/v1/visits", headers=auth("sk_nope_nope"))
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    # Keys are stored hashed: the clear key is nowhere in the database.
    with db(service).connect() as c:
        stored = [row[0] for row in c.execute(text("SELECT hash FROM api_keys"))]
    assert stored and t["a"] not in stored and all(len(h) == 64 for h in stored)
    # Clinician token: minted with a key, scoped to one tenant and clinician, short-lived.
    r = httpx.post(f"{service.http}/v1/tokens", json={"clinician_id": "dr-a", "ttl_seconds": 2}, headers=auth(t["a"]))
    assert r.status_code == 201
    token = r.json()["token"]
    assert httpx.get(f"{service.http}/v1/visits", headers=auth(token)).status_code == 200
    # A clinician token cannot mint tokens.
    assert httpx.post(f"{service.http}/v1/tokens", json={"clinician_id": "x"}, headers=auth(token)).status_code == 403
    time.sleep(3.2)
    r = httpx.get(f"{service.http}/v1/visits", headers=auth(token))
    assert r.status_code == 401 and "expired" in r.json()["error"]["message"]
    # Rotation: a new key works, the revoked one does not.
    new = httpx.post(f"{service.http}/v1/keys", headers=auth(t["a"])).json()
    assert new["key"].startswith("sk_")
    assert httpx.delete(f"{service.http}/v1/keys/{new['id']}", headers=auth(t["a"])).status_code == 204
    assert httpx.get(f"{service.http}/v1/visits", headers=auth(new["key"])).status_code == 401


def test_visits_consent_filters_tenancy_and_audit(embedded):
    service, t = embedded
    r = httpx.post(
        f"{service.http}/v1/visits", json={"clinician_id": "dr-martin", "patient_ref": "P-1"}, headers=auth(t["a"])
    )
    assert r.status_code == 422 and r.json()["error"]["code"] == "consent_required"
    r = httpx.post(
        f"{service.http}/v1/visits",
        json={"clinician_id": "dr-martin", "patient_ref": "P-1", "language": "de", "consent": consent()},
        headers=auth(t["a"]),
    )
    assert r.status_code == 422 and "language" in r.json()["error"]["fields"]

    ids = [create_visit(service, t["a"], clinician_id="dr-list", patient_ref=f"LIST-{i}")["id"] for i in range(5)]
    other = create_visit(service, t["b"], clinician_id="dr-list")
    listed = httpx.get(
        f"{service.http}/v1/visits", params={"clinician_id": "dr-list", "limit": 2}, headers=auth(t["a"])
    ).json()
    assert len(listed["items"]) == 2 and listed["next_cursor"]
    seen = [v["id"] for v in listed["items"]]
    while listed["next_cursor"]:
        listed = httpx.get(
            f"{service.http}/v1/visits",
            params={"clinician_id": "dr-list", "limit": 2, "cursor": listed["next_cursor"]},
            headers=auth(t["a"]),
        ).json()
        seen += [v["id"] for v in listed["items"]]
    assert sorted(seen) == sorted(ids)  # all of tenant A's, none of B's
    one = httpx.get(f"{service.http}/v1/visits", params={"patient_ref": "LIST-3"}, headers=auth(t["a"])).json()
    assert [v["id"] for v in one["items"]] == [ids[3]]
    assert httpx.get(
        f"{service.http}/v1/visits", params={"status": "created", "clinician_id": "dr-list"}, headers=auth(t["a"])
    ).json()["items"]

    got = httpx.get(f"{service.http}/v1/visits/{ids[0]}", headers=auth(t["a"])).json()
    assert got["status"] == "created" and got["consent"]["recorded_by"] == "front desk"
    # Another tenant's visit does not exist (404, not 403), for reads and for changes.
    for path in (f"/v1/visits/{other['id']}", f"/v1/visits/{other['id']}/transcript"):
        r = httpx.get(f"{service.http}{path}", headers=auth(t["a"]))
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert httpx.post(f"{service.http}/v1/visits/{other['id']}/stop", headers=auth(t["a"])).status_code == 404
    # A clinician token sees only that clinician's visits.
    token = httpx.post(f"{service.http}/v1/tokens", json={"clinician_id": "dr-other"}, headers=auth(t["a"])).json()[
        "token"
    ]
    assert httpx.get(f"{service.http}/v1/visits/{ids[0]}", headers=auth(token)).status_code == 404
    mine = httpx.post(
        f"{service.http}/v1/visits", json={"patient_ref": "P-9", "consent": consent()}, headers=auth(token)
    )
    assert mine.status_code == 201 and mine.json()["clinician_id"] == "dr-other"
    assert [v["id"] for v in httpx.get(f"{service.http}/v1/visits", headers=auth(token)).json()["items"]] == [
        mine.json()["id"]
    ]

    # Documents before the visit is finalized: 409 not_ready; stop twice: 409 already_stopped.
    r = httpx.get(f"{service.http}/v1/visits/{ids[0]}/transcript", headers=auth(t["a"]))
    assert r.status_code == 409 and r.json()["error"]["code"] == "not_ready"
    assert httpx.post(f"{service.http}/v1/visits/{ids[1]}/stop", headers=auth(t["a"])).status_code == 200
    r = httpx.post(f"{service.http}/v1/visits/{ids[1]}/stop", headers=auth(t["a"]))
    assert r.status_code == 409 and r.json()["error"]["code"] == "already_stopped"

    # Reads are audited by a group-commit writer: 40 concurrent reads, 40 rows, each committed before
    # its response (no wait here), each with its request id.
    async def reads():
        async with httpx.AsyncClient(headers=auth(t["a"])) as client:
            return await asyncio.gather(*(client.get(f"{service.http}/v1/visits/{ids[2]}") for _ in range(40)))

    request_ids = {r.headers["x-request-id"] for r in asyncio.run(reads()) if r.status_code == 200}
    assert len(request_ids) == 40
    with db(service).connect() as c:
        rows = c.execute(
            text("SELECT actor, action, resource, resource_id FROM audit_log WHERE tenant_id = :t"), {"t": t["a_id"]}
        ).all()
        audited = set(
            c.execute(
                text("SELECT request_id FROM audit_log WHERE action = 'read' AND resource_id = :v"), {"v": ids[2]}
            ).scalars()
        )
    assert request_ids <= audited

    # Every log line of a visit's request carries the visit id (taken from the path).
    def logged() -> bool:
        for line in service.logs().splitlines():
            try:
                record = json.loads(line)
            except ValueError:  # not JSON, or still being written
                continue
            if (
                record.get("msg") == "request"
                and record.get("visit_id") == ids[2]
                and record.get("request_id") in request_ids
            ):
                return True
        return False

    wait_until(logged, 10, 0.1, "a request log line with the visit id")
    actions = {(a, r) for _actor, a, r, _id in rows}
    assert {
        ("create", "visit"),
        ("read", "visit"),
        ("list", "visit"),
        ("stop", "visit"),
        ("create", "token"),
    } <= actions
    assert any(actor.startswith("clinician:dr-other") for actor, *_ in rows)
    # Outbox rows are written with the state change (webhooks deliver them, issue 5).
    with db(service).connect() as c:
        assert (
            c.execute(
                text("SELECT count(*) FROM outbox WHERE type = 'visit.created' AND tenant_id = :t"), {"t": t["a_id"]}
            ).scalar()
            >= 5
        )


@pytest.mark.skipif(
    not os.environ.get("SCRIBE_TEST_DATABASE_URL"),
    reason="PostgreSQL only (CI's PostgreSQL pass sets SCRIBE_TEST_DATABASE_URL): SQLite has no connection to lose",
)
def test_reads_survive_lost_database_connections(embedded):
    """PostgreSQL restarted or a connection cut: the next read still answers. The hot read path pings no
    connection before using it, so it is the retry on a fresh connection that answers (here the server's
    idle connections are terminated, as a restart would)."""
    service, t = embedded
    assert service.env.get("SCRIBE_DATABASE_URL", "").startswith("postgresql")
    visit = create_visit(service, t["a"])
    url = f"{service.http}/v1/visits/{visit['id']}"
    assert all(httpx.get(url, headers=auth(t["a"])).status_code == 200 for _ in range(3))
    with db(service).connect() as c:
        cut = c.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                "datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle'"
            )
        ).scalar()
    assert cut >= 1
    r = httpx.get(url, headers=auth(t["a"]))
    assert r.status_code == 200 and r.json()["id"] == visit["id"]
    with db(service).connect() as c:
        assert (
            c.execute(
                text("SELECT count(*) FROM audit_log WHERE request_id = :r"), {"r": r.headers["x-request-id"]}
            ).scalar()
            == 1
        )


def test_cli_errors_are_one_line(embedded):
    service, _ = embedded
    r = service.cli("keys", "create", "no-such-tenant")
    assert r.returncode == 2 and r.stderr.strip().startswith("scribe: error: no tenant no-such-tenant")
    assert len(r.stderr.strip().splitlines()) == 1
    r = service.cli("worker")
    assert r.returncode == 2 and "SCRIBE_REDIS_URL" in r.stderr


@pytest.mark.parametrize("body", ["{", '{"patient_ref": 5}', "[]"])
def test_bad_bodies_are_clear_4xx(embedded, body):
    service, t = embedded
    r = httpx.post(
        f"{service.http}/v1/visits", content=body, headers={**auth(t["a"]), "content-type": "application/json"}
    )
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
