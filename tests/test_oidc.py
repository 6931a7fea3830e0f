"""Single sign-on against a real OpenID provider on localhost: panva's `oidc-provider` from the npm registry
(tests/oidc: package.json and its lock file, installed with `npm ci` on first use), started by the test, with
its own login and consent pages. The authorization code flow with PKCE runs through them over real HTTP;
refusals (a forged state, a wrong client secret, an unreachable or plain-http issuer) are checked too."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest

from tests.test_accounts import audit_rows, csrf
from tests.test_service_support import ROOT, SERVICE, auth, consent, free_port, make_service, wait_until

OIDC_DIR = Path(__file__).resolve().parent / "oidc"
CLIENT_ID, CLIENT_SECRET = "ambient-scribe", "provider-side-secret-" + uuid.uuid4().hex[:8]
ACCOUNTS = {
    "dr-sso": {"email": "dr.sso@idp.example", "roles": []},
    "admin-sso": {"email": "admin.sso@idp.example", "roles": ["scribe-admin"]},
}


@dataclass
class OidcProvider:
    issuer: str
    proc: subprocess.Popen


def install_provider() -> None:
    """`npm ci` into tests/oidc/node_modules once (the lock file pins oidc-provider and its dependencies)."""
    if (OIDC_DIR / "node_modules" / "oidc-provider" / "package.json").exists():
        return
    if not shutil.which("npm"):
        pytest.fail("node and npm are required for the single sign-on tests (apt-get install nodejs npm)")
    r = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"], cwd=OIDC_DIR, capture_output=True, text=True, timeout=300
    )
    assert r.returncode == 0, f"npm ci failed: {r.stderr[-2000:]}"


def start_provider(redirect_uris: list[str], log: Path) -> OidcProvider:
    import json

    install_provider()
    port = free_port()
    config = {
        "port": port,
        "clients": [{"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uris": redirect_uris}],
        "accounts": ACCOUNTS,
    }
    out = open(log, "ab")
    proc = subprocess.Popen(
        ["node", "provider.mjs", json.dumps(config)], cwd=OIDC_DIR, stdout=out, stderr=subprocess.STDOUT
    )
    issuer = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"the OpenID provider exited: {log.read_text()[-2000:]}")
        try:
            return httpx.get(f"{issuer}/.well-known/openid-configuration", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    wait_until(answers, 30, 0.2, "the OpenID provider")
    return OidcProvider(issuer, proc)


def stop_provider(provider: OidcProvider) -> None:
    provider.proc.terminate()
    try:
        provider.proc.wait(10)
    except subprocess.TimeoutExpired:
        provider.proc.kill()


@pytest.fixture(scope="module")
def sso_clinic(tmp_path_factory):
    """(service, tenant id, API key, provider) with the provider configured for the tenant."""
    root = tmp_path_factory.mktemp("sso")
    service = make_service(root, SCRIBE_JWT_SECRET="test-" + uuid.uuid4().hex)
    service.port = free_port()
    tenant_id, key = service.tenant("SSO clinic")
    provider = start_provider([f"{service.http}/v1/session/sso/{tenant_id}/callback"], root / "provider.log")
    service.start()
    r = configure(service, key, provider.issuer)
    assert r.status_code == 200, r.text
    assert r.json()["redirect_path"] == f"/v1/session/sso/{tenant_id}/callback"
    yield service, tenant_id, key, provider
    service.stop()
    stop_provider(provider)
    for drop in service.drops:
        drop()


def configure(service, key: str, issuer: str, **changes) -> httpx.Response:
    body = {"name": "Clinic ID", "issuer": issuer, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, **changes}
    return httpx.put(f"{service.http}/v1/sso", json=body, headers=auth(key), timeout=30)


def _form(page: httpx.Response) -> tuple[str, dict]:
    """The first form of an HTML page: (absolute action URL, its hidden fields)."""
    action = html.unescape(re.search(r'<form[^>]*action="([^"]+)"', page.text).group(1))
    fields = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.text))
    return urljoin(str(page.url), action), fields


def provider_sign_in(client: httpx.Client, service, tenant_id: str, login: str) -> httpx.Response:
    """Start at the service, sign in and consent at the provider's own pages, land back on the app."""
    start = client.get(f"{service.http}/v1/session/sso/{tenant_id}/login", follow_redirects=False)
    assert start.status_code == 302, start.text
    query = parse_qs(urlsplit(start.headers["location"]).query)
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) >= 43
    assert query["nonce"] and query["state"] and query["client_id"] == [CLIENT_ID]
    page = client.get(start.headers["location"], follow_redirects=True)
    action, fields = _form(page)  # the provider's login page
    page = client.post(action, data={**fields, "login": login, "password": "any"}, follow_redirects=True)
    action, fields = _form(page)  # its consent page
    return client.post(action, data=fields, follow_redirects=True)


def test_sso_sign_in_makes_the_account_with_the_providers_role(sso_clinic):
    service, tenant_id, key, provider = sso_clinic
    assert httpx.get(f"{service.http}/v1/session").json()["providers"] == [
        {"name": "Clinic ID", "login_url": f"/v1/session/sso/{tenant_id}/login"}
    ]
    with httpx.Client(timeout=30, headers={"Origin": service.http}) as client:
        landed = provider_sign_in(client, service, tenant_id, "dr-sso")
        assert landed.status_code == 200 and str(landed.url) == f"{service.http}/app/#/visits"
        me = client.get(f"{service.http}/v1/session").json()["user"]
        assert me == {
            "email": "dr.sso@idp.example",
            "clinician_id": "dr-sso",
            "role": "clinician",
            "tenant_id": tenant_id,
            "totp": False,
        }
        r = client.post(
            f"{service.http}/v1/visits", json={"patient_ref": "P-SSO", "consent": consent()}, headers=csrf(client)
        )
        assert r.status_code == 201 and r.json()["clinician_id"] == "dr-sso"
        assert client.get(f"{service.http}/v1/users").status_code == 403

    with httpx.Client(timeout=30, headers={"Origin": service.http}) as client:
        provider_sign_in(client, service, tenant_id, "admin-sso")
        assert client.get(f"{service.http}/v1/session").json()["user"]["role"] == "admin"
        users = {u["email"]: u for u in client.get(f"{service.http}/v1/users").json()}
        assert users["dr.sso@idp.example"]["sso"] is True

    # the provider stays the authority on roles: with another admin value, the next sign-in demotes
    assert configure(service, key, provider.issuer, admin_value="scribe-superuser").status_code == 200
    with httpx.Client(timeout=30, headers={"Origin": service.http}) as client:
        provider_sign_in(client, service, tenant_id, "admin-sso")
        assert client.get(f"{service.http}/v1/session").json()["user"]["role"] == "clinician"
    assert configure(service, key, provider.issuer).status_code == 200
    actions = audit_rows(service, tenant_id)
    assert sum(1 for a in actions if a[1:4] == ("sign_in", "session", "sso") and a[4]) == 3
    assert any(a[0] == "system:sso" and a[1] == "role_change" and a[3].endswith(":clinician") for a in actions)


def test_sso_refuses_a_forged_state_and_a_wrong_client_secret(sso_clinic):
    service, tenant_id, key, provider = sso_clinic
    with httpx.Client(timeout=30) as client:
        client.get(f"{service.http}/v1/session/sso/{tenant_id}/login", follow_redirects=False)
        r = client.get(
            f"{service.http}/v1/session/sso/{tenant_id}/callback?code=abc&state=forged", follow_redirects=False
        )
        assert r.status_code == 302 and r.headers["location"] == "/app/#/signin/sso_failed"
        assert "scribe_session" not in client.cookies
    r = httpx.get(f"{service.http}/v1/session/sso/{tenant_id}/callback?code=abc&state=x", follow_redirects=False)
    assert r.headers["location"] == "/app/#/signin/sso_failed"  # no state cookie at all

    assert configure(service, key, provider.issuer, client_secret="not-the-secret").status_code == 200
    try:
        with httpx.Client(timeout=30) as client:
            landed = provider_sign_in(client, service, tenant_id, "dr-sso")
            assert str(landed.url) == f"{service.http}/app/#/signin/sso_failed"
            assert "scribe_session" not in client.cookies
    finally:
        assert configure(service, key, provider.issuer).status_code == 200
    failures = [a for a in audit_rows(service, tenant_id) if a[1:4] == ("sign_in", "session", "sso") and not a[4]]
    assert len(failures) >= 3


def test_sso_configuration_is_checked_before_it_is_kept(sso_clinic):
    service, tenant_id, key, provider = sso_clinic
    r = configure(service, key, f"http://127.0.0.1:{free_port()}")
    assert r.status_code == 400 and r.json()["error"]["code"] == "sso_unavailable"
    r = configure(service, key, "http://login.clinic.example/realms/x")
    assert r.status_code == 400 and "https" in r.json()["error"]["message"]
    r = httpx.get(f"{service.http}/v1/sso", headers=auth(key))
    assert r.status_code == 200 and r.json()["issuer"] == provider.issuer and "client_secret" not in r.json()
    assert httpx.get(f"{service.http}/v1/session/sso/no-such-tenant/login").status_code == 404
    # the secret is sealed at rest
    db = Path(service.env["SCRIBE_DATA_DIR"]) / "scribe.db"
    if not os.environ.get("SCRIBE_TEST_DATABASE_URL"):
        assert CLIENT_SECRET.encode() not in db.read_bytes()


def test_cli_sets_the_provider_with_the_secret_from_stdin(sso_clinic):
    service, tenant_id, key, provider = sso_clinic
    command = [*SERVICE, "sso", "set", tenant_id, "--name", "Clinic ID", "--issuer", provider.issuer]
    command += ["--client-id", CLIENT_ID, "--client-secret-stdin"]
    r = subprocess.run(command, input="", capture_output=True, text=True, env=service.env, cwd=ROOT, timeout=60)
    assert r.returncode == 2 and r.stderr.strip() == "scribe: error: no client secret on stdin"
    r = subprocess.run(
        command, input=CLIENT_SECRET + "\n", capture_output=True, text=True, env=service.env, cwd=ROOT, timeout=60
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"/v1/session/sso/{tenant_id}/callback"
    with httpx.Client(timeout=30) as client:  # the provider set by the CLI signs people in
        provider_sign_in(client, service, tenant_id, "dr-sso")
        assert client.get(f"{service.http}/v1/session").json()["user"]["clinician_id"] == "dr-sso"
