"""Webhooks on a real server to real receivers on loopback: Standard Webhooks signatures checked with
the reference verifier (and secret rotation), a receiver that fails for a while gets every event
exactly once and in order per visit, dead letter and replay, thin and full payloads, endpoint policy."""

from __future__ import annotations

import base64
import os
import time
from collections import defaultdict

import httpx
import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from tests.test_delivery_support import (
    Receiver,
    auth,
    create_visit,
    empty_visit,
    fhir_validate,
    start_scribe,
    stop_scribe,
    subscribed,
    wait_until,
)


def _all_settled(scribe, endpoint_id, expected: int | None = None, visits: list[str] | None = None):
    """The endpoint's deliveries once at least `expected` exist and none is pending; with `visits`, only
    theirs (the server is shared: a visit an earlier test left finishing also fans out to this endpoint)."""
    items = scribe.deliveries(endpoint_id=endpoint_id)
    if visits is not None:
        items = [d for d in items if d["visit_id"] in visits]
    if expected is not None and len(items) < expected:
        return None
    return items if items and all(d["status"] != "pending" for d in items) else None


def test_signatures_verify_and_rotation_signs_with_both(scribe):
    with subscribed(scribe, ["visit.created"]) as (receiver, endpoint):
        old = endpoint["secret"]
        assert old.startswith("whsec_") and len(base64.b64decode(old[6:])) == 32
        listed = httpx.get(f"{scribe.http}/v1/webhooks/endpoints", headers=auth(scribe.keys["a"])).json()["items"]
        assert any(e["id"] == endpoint["id"] and e["secret"] is None for e in listed)  # shown once only

        visit = create_visit(scribe.service, scribe.keys["a"])
        got = receiver.wait_for("visit.created", visit["id"])
        payload = Webhook(old).verify(got.body, got.headers)  # the reference verifier
        assert payload["type"] == "visit.created" and payload["data"]["visit_id"] == visit["id"]
        assert payload["data"]["links"]["visit"].endswith(f"/v1/visits/{visit['id']}")
        assert got.headers["webhook-id"].startswith("msg_") and got.headers["webhook-signature"].startswith("v1,")
        with pytest.raises(WebhookVerificationError):
            Webhook("whsec_" + base64.b64encode(os.urandom(32)).decode()).verify(got.body, got.headers)
        with pytest.raises(WebhookVerificationError):
            Webhook(old).verify(got.body.replace(visit["id"].encode(), b"vis_forged"), got.headers)

        r = httpx.post(
            f"{scribe.http}/v1/webhooks/endpoints/{endpoint['id']}/rotate-secret", headers=auth(scribe.keys["a"])
        )
        assert r.status_code == 200, r.text
        new = r.json()["secret"]
        assert new.startswith("whsec_") and new != old and r.json()["previous_secret_valid_until"]
        second = create_visit(scribe.service, scribe.keys["a"])
        got = receiver.wait_for("visit.created", second["id"])
        assert len(got.headers["webhook-signature"].split(" ")) == 2  # both secrets sign during the grace period
        assert Webhook(new).verify(got.body, got.headers)["data"]["visit_id"] == second["id"]
        assert Webhook(old).verify(got.body, got.headers)["data"]["visit_id"] == second["id"]


def test_receiver_down_then_up_gets_every_event_once_in_order(scribe):
    with subscribed(scribe) as (receiver, endpoint):
        receiver.fail_until = time.monotonic() + 3.0  # 500 for 3 s (the backoff schedule lasts about 5 s)
        visits = [empty_visit(scribe)["id"] for _ in range(3)] + [
            create_visit(scribe.service, scribe.keys["a"])["id"] for _ in range(3)
        ]
        items = wait_until(
            lambda: _all_settled(scribe, endpoint["id"], expected=3 * 3 + 3, visits=visits),
            90,
            0.3,
            "every delivery settled",
        )
        assert {d["status"] for d in items} == {"delivered"}, items
        ids = [r.webhook_id for r in receiver.accepted() if r.json["data"].get("visit_id") in visits]
        assert sorted(ids) == sorted(d["webhook_id"] for d in items)  # every event, exactly once
        assert len(ids) == len(set(ids))
        failed = [r for r in receiver.requests if r.status == 500 and r.json["data"].get("visit_id") in visits]
        assert failed and {r.webhook_id for r in failed} <= set(ids)  # retries reuse the webhook-id
        assert any(d["attempts"] > 1 for d in items)
        per_visit = defaultdict(list)
        for r in receiver.accepted():
            per_visit[r.json["data"].get("visit_id")].append(r.json["type"])
        for vid in visits[:3]:
            assert per_visit[vid][:3] == ["visit.created", "transcript.ready", "note.draft_ready"], per_visit[vid]
        for vid in visits[3:]:
            assert per_visit[vid] == ["visit.created"]


def test_dead_letter_then_replay(scribe):
    with subscribed(scribe, ["visit.created"]) as (receiver, endpoint):
        receiver.always = 500
        visit = create_visit(scribe.service, scribe.keys["a"])
        (dead,) = wait_until(lambda: _all_settled(scribe, endpoint["id"], 1), 60, 0.3, "dead letter")
        assert dead["status"] == "dead" and dead["attempts"] == 11 and dead["last_status"] == 500
        assert dead["visit_id"] == visit["id"]
        assert {r.webhook_id for r in receiver.requests} == {dead["webhook_id"]}
        assert any(d["id"] == dead["id"] for d in scribe.deliveries(status="dead"))
        receiver.always = None
        r = httpx.post(f"{scribe.http}/v1/webhooks/deliveries/{dead['id']}/replay", headers=auth(scribe.keys["a"]))
        assert r.status_code == 202 and r.json()["status"] == "pending"
        got = receiver.wait_for("visit.created", visit["id"])
        assert got.webhook_id == dead["webhook_id"]
        Webhook(endpoint["secret"]).verify(got.body, got.headers)
        (done,) = wait_until(lambda: _all_settled(scribe, endpoint["id"], 1), 30, 0.2, "delivered")
        assert done["status"] == "delivered" and done["attempts"] == 1
        for bad in ("dlv_unknown", "x" * 300):
            r = httpx.post(f"{scribe.http}/v1/webhooks/deliveries/{bad}/replay", headers=auth(scribe.keys["a"]))
            assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
        r = httpx.post(f"{scribe.http}/v1/webhooks/deliveries/{dead['id']}/replay", headers=auth(scribe.keys["b"]))
        assert r.status_code == 404  # another tenant's delivery does not exist


def test_thin_by_default_full_content_on_request(scribe):
    with (
        subscribed(scribe, ["note.draft_ready"]) as (thin, _),
        subscribed(scribe, ["note.draft_ready", "transcript.ready"], full_content=True) as (full, _),
    ):
        visit = empty_visit(scribe)
        body = thin.wait_for("note.draft_ready", visit["id"]).json
        assert set(body["data"]) == {"visit_id", "version", "links"} and body["data"]["version"] == 1
        rich = full.wait_for("note.draft_ready", visit["id"]).json["data"]["content"]
        assert rich["note"]["version"] == 1 and rich["note"]["status"] == "draft"
        fhir_validate(rich["fhir"])
        transcript = full.wait_for("transcript.ready", visit["id"]).json["data"]["content"]["transcript"]
        assert transcript["segments"] == []
        assert not thin.accepted("transcript.ready")  # event filters hold


def test_endpoint_policy_and_bad_input(scribe):
    key, url = scribe.keys["a"], f"{scribe.http}/v1/webhooks/endpoints"
    for body, code in [
        ({"url": "ftp://example.org/x", "events": ["visit.created"]}, "invalid_url"),
        ({"url": "http://user:pw@example.org/x", "events": ["visit.created"]}, "invalid_url"),
        ({"url": "https://example.org/x", "events": ["visit.exploded"]}, "invalid_request"),
        ({"url": "https://example.org/x", "events": []}, "invalid_request"),
        ({"url": "https://example.org/x"}, "invalid_request"),
    ]:
        r = httpx.post(url, json=body, headers=auth(key))
        assert r.status_code == 422 and r.json()["error"]["code"] == code, (body, r.text)
    # Tenant b has no private-network allowance: loopback, private and link-local are refused.
    for target in (
        "http://127.0.0.1:9/hook",
        "http://10.1.2.3/hook",
        "http://169.254.169.254/latest",
        "http://[::1]:8080/hook",
        "http://localhost:9/hook",
    ):
        r = httpx.post(url, json={"url": target, "events": ["visit.created"]}, headers=auth(scribe.keys["b"]))
        assert r.status_code == 422 and r.json()["error"]["code"] == "private_address", (target, r.text)
    token = httpx.post(f"{scribe.http}/v1/tokens", json={"clinician_id": "dr-x"}, headers=auth(key)).json()["token"]
    r = httpx.post(url, json={"url": "https://example.org/x", "events": ["visit.created"]}, headers=auth(token))
    assert r.status_code == 403  # endpoints are the tenant's integration, managed with API keys
    assert (
        httpx.get(f"{scribe.http}/v1/webhooks/deliveries", params={"status": "lost"}, headers=auth(key)).status_code
        == 422
    )
    assert httpx.delete(f"{url}/whe_nope", headers=auth(key)).status_code == 404
    assert httpx.post(f"{url}/whe_nope/rotate-secret", headers=auth(key)).status_code == 404


def test_production_mode_requires_https(tmp_path):
    keys = "k2:" + base64.b64encode(os.urandom(32)).decode()
    prod = start_scribe(
        tmp_path, {"p": {"webhooks_allow_private": True}}, SCRIBE_PRODUCTION="1", SCRIBE_ENCRYPTION_KEYS=keys
    )
    try:
        url = f"{prod.http}/v1/webhooks/endpoints"
        r = httpx.post(
            url, json={"url": "http://ehr.example.org/hook", "events": ["note.signed"]}, headers=auth(prod.keys["p"])
        )
        assert r.status_code == 422 and r.json()["error"]["code"] == "insecure_url"
        assert "https" in r.json()["error"]["message"]
        r = httpx.post(
            url, json={"url": "https://127.0.0.1:9/hook", "events": ["note.signed"]}, headers=auth(prod.keys["p"])
        )
        assert r.status_code == 201, r.text
    finally:
        stop_scribe(prod)


def test_sent_to_the_checked_address_with_the_urls_host():
    """DNS rebinding: at send time the host is resolved once, every address is checked, and the request
    goes to a checked address (no second lookup that a rebinding name server could answer with an
    internal one); the Host header, and for https the TLS server name, stay the URL's."""
    from scribe.delivery import webhooks

    receiver = Receiver().start()
    try:
        url = f"http://localhost:{receiver.server.server_address[1]}/hook"
        secret = {"current": webhooks.new_secret()}
        refused = webhooks.post(url, False, secret, "msg_1", b'{"n": 1}')  # localhost is not for tenant b
        assert refused.error == "refused: private_address" and not receiver.requests
        sent = webhooks.post(url, True, secret, "msg_2", b'{"n": 2}')  # allowed: 127.0.0.1 (after ::1)
        assert sent.ok, sent
        got = receiver.requests[-1]
        assert got.headers["host"] == f"localhost:{receiver.server.server_address[1]}"
        assert Webhook(secret["current"]).verify(got.body, got.headers) == {"n": 2}
    finally:
        receiver.server.shutdown()
    target, headers, extensions = webhooks.pinned("https://hooks.example.org:8443/in?x=1", "2001:db8::7")
    assert (target, headers, extensions) == (
        "https://[2001:db8::7]:8443/in?x=1",
        {"Host": "hooks.example.org:8443"},
        {"sni_hostname": "hooks.example.org"},
    )
    assert webhooks.pinned("http://127.0.0.1:9/h", "127.0.0.1") == ("http://127.0.0.1:9/h", {}, {})
    # Connections are pooled by address: each URL host has its own pool, so a TLS connection checked for
    # one name never carries another name's request to the same address.
    assert webhooks.client("a.example.org") is webhooks.client("a.example.org")
    assert webhooks.client("a.example.org") is not webhooks.client("b.example.org")
