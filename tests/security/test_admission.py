"""Issue 17 item 8 (admission): at its configured capacity the service refuses a new visit with 503,
Retry-After and a message, whichever tenant asks, and admits again once a live visit ends. The visits
already admitted keep working (they are why new ones are refused)."""

from __future__ import annotations

import httpx
import pytest

from tests.test_service_support import auth, consent, create_visit, make_service, wait_ready


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    svc = make_service(
        tmp_path_factory.mktemp("admission"), SCRIBE_MAX_LIVE_VISITS="2", SCRIBE_ADMISSION_RETRY_AFTER_SECONDS="7"
    )
    keys = [svc.tenant(name)[1] for name in ("Clinic A", "Clinic B")]
    svc.start()
    yield svc, keys
    svc.stop()
    for drop in svc.drops:
        drop()


def _post(service, key):
    body = {"clinician_id": "dr-martin", "patient_ref": "P-1", "language": "en", "consent": consent()}
    return httpx.post(f"{service.http}/v1/visits", json=body, headers=auth(key), timeout=30)


def test_a_new_visit_at_capacity_gets_503_with_retry_after(service):
    svc, (a, b) = service
    first = create_visit(svc, a)
    create_visit(svc, b)
    for key in (a, b):
        r = _post(svc, key)
        assert r.status_code == 503, r.text
        assert r.headers["retry-after"] == "7"
        error = r.json()["error"]
        assert error["code"] == "at_capacity" and "capacity" in error["message"], error

    # The admitted visits still work: stopping one frees its place.
    r = httpx.post(f"{svc.http}/v1/visits/{first['id']}/stop", headers=auth(a))
    assert r.status_code == 200, r.text
    assert wait_ready(svc, a, first["id"], timeout=60)["status"] == "ready"
    r = _post(svc, b)
    assert r.status_code == 201, r.text
    assert _post(svc, a).status_code == 503  # full again
