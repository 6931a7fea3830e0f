"""Clinician sign-in in a real browser (Debian's Chromium, as tests/test_webapp.py drives it) against a real
`scribe serve` started WITHOUT the development token flag: a local account with its TOTP second factor, and
single sign-on through a real OpenID provider on localhost (tests/oidc). Each one records a visit with the
fake microphone (espeak-ng speech), waits for the note and signs it; the session cookie stays out of the
page's reach and the note is signed under the account's clinician id."""

from __future__ import annotations

import re
import uuid

import httpx
import pyotp
import pytest

from tests.test_accounts import csrf, users_cli
from tests.test_oidc import configure, start_provider, stop_provider
from tests.test_service_support import auth, free_port, make_service
from tests.test_webapp import _page, _record, browser, speech  # noqa: F401  (fixtures)

EMAIL, PASSWORD = "dr.martin@clinic.example", "a long clinician passphrase"


@pytest.fixture(scope="module")
def clinic(tmp_path_factory):
    """(service, tenant id, API key, TOTP of the local account) with single sign-on configured."""
    root = tmp_path_factory.mktemp("signin-browser")
    service = make_service(root, SCRIBE_JWT_SECRET="test-" + uuid.uuid4().hex)
    service.port = free_port()
    tenant_id, key = service.tenant("Clinic")
    r = users_cli(service, "create", tenant_id, EMAIL, "--password-stdin", stdin=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    provider = start_provider([f"{service.http}/v1/session/sso/{tenant_id}/callback"], root / "provider.log")
    service.start().wait_warm()
    assert configure(service, key, provider.issuer).status_code == 200
    with httpx.Client(base_url=service.http, headers={"Origin": service.http}, timeout=30) as client:
        assert client.post("/v1/session", json={"email": EMAIL, "password": PASSWORD}).status_code == 200
        secret = client.post("/v1/account/totp", headers=csrf(client)).json()["secret"]
        totp = pyotp.TOTP(secret)
        r = client.post("/v1/account/totp/confirm", json={"code": totp.now()}, headers=csrf(client))
        assert r.status_code == 204, r.text
    yield service, tenant_id, key, totp
    service.stop()
    stop_provider(provider)
    for drop in service.drops:
        drop()


def _next_code(totp: pyotp.TOTP, page) -> str:
    """A code of a step not used yet (the enrolment used the current one)."""
    import time

    page.wait_for_timeout(int((30 - time.time() % 30 + 0.5) * 1000))
    return totp.now()


def _record_and_sign(page, service, key: str, speech, clinician_id: str) -> None:
    page.click("text=New visit")
    page.fill("#patient-ref", f"EHR-{clinician_id}")
    page.select_option("#visit-language", "en")
    page.check("#consent")
    page.click("form button[type=submit]")
    page.wait_for_selector("#rec-start")
    visit_id = page.url.split("#/visit/")[1]
    seen = _record(page, speech.duration + 0.5)
    assert seen["final"], seen
    page.wait_for_selector(".note-section", timeout=300_000)
    page.click("#sign-note")
    page.click("#sign-note")  # two taps
    page.wait_for_selector(".note-meta[data-status=signed]")
    note = httpx.get(f"{service.http}/v1/visits/{visit_id}/note", headers=auth(key), timeout=30).json()
    visit = httpx.get(f"{service.http}/v1/visits/{visit_id}", headers=auth(key), timeout=30).json()
    assert note["status"] == "signed" and visit["clinician_id"] == clinician_id
    assert visit["audio_bytes"] == seen["captured"]
    assert visit["consent"]["recorded_by"]  # the signed-in person, not an invented name


def test_local_account_with_totp_records_and_signs(browser, clinic, speech):  # noqa: F811
    service, _tenant_id, key, totp = clinic
    console: list[str] = []
    context, page = _page(browser, console)
    page.goto(f"{service.http}/")
    page.wait_for_selector("#email")
    assert page.locator("#token").count() == 0  # no token paste without SCRIBE_DEV_TOKEN_SIGNIN
    assert page.locator("a.sso-btn").inner_text() == "Sign in with Clinic ID"

    page.fill("#email", EMAIL)
    page.fill("#password", "not the passphrase")
    page.click("#signin-submit")
    page.wait_for_selector("#signin-error:has-text('wrong email or password')")
    page.fill("#password", PASSWORD)
    page.click("#signin-submit")
    page.wait_for_selector("#signin-error:has-text('6-digit code')")
    page.fill("#totp-code", _next_code(totp, page))
    page.click("#signin-submit")
    page.wait_for_selector('h1:has-text("Today\'s visits")')
    assert page.locator(".who").inner_text() == f"Signed in as {EMAIL}"

    cookies = {c["name"]: c for c in context.cookies()}
    assert cookies["scribe_session"]["httpOnly"] and cookies["scribe_session"]["sameSite"] == "Strict"
    assert "scribe_session" not in page.evaluate("document.cookie")  # out of the page scripts' reach
    _record_and_sign(page, service, key, speech, "dr.martin")

    page.click("text=Sign out")
    page.wait_for_selector("#email")
    assert "scribe_session" not in {c["name"] for c in context.cookies()}
    context.close()
    assert not [m for m in console if m.startswith("pageerror")], console


def test_single_sign_on_with_the_real_provider_records_and_signs(browser, clinic, speech):  # noqa: F811
    service, _tenant_id, key, _totp = clinic
    console: list[str] = []
    context, page = _page(browser, console)
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())  # the provider's web fonts
    page.goto(f"{service.http}/app/#/new")  # a deep link: back there after signing in
    page.wait_for_selector("a.sso-btn")
    page.click("a.sso-btn")
    page.wait_for_selector("input[name=login]")  # the provider's own login page
    assert page.url.startswith("http://127.0.0.1:") and f":{service.port}/" not in page.url
    page.fill("input[name=login]", "dr-sso")
    page.fill("input[name=password]", "anything")
    page.click("button[type=submit]")
    page.wait_for_selector("button[type=submit]:has-text('Continue')")  # its consent page
    page.click("button[type=submit]:has-text('Continue')")
    page.wait_for_selector("#patient-ref")
    assert page.locator(".who").inner_text() == "Signed in as dr.sso@idp.example"
    page.click("a.brand")
    page.wait_for_selector('h1:has-text("Today\'s visits")')
    _record_and_sign(page, service, key, speech, "dr-sso")
    context.close()
    assert not [m for m in console if m.startswith("pageerror")], console
