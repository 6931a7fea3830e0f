"""Local accounts against a real `scribe serve` (issue 14): argon2 passwords, invitation links, session cookies
(httpOnly, SameSite) with CSRF protection, TOTP, lockout, an admin's reset, roles, the audit log, the CLI."""

from __future__ import annotations

import subprocess
import time
import uuid
from pathlib import Path

import httpx
import pyotp
import pytest
from sqlalchemy import create_engine, text

from tests.test_service_support import ROOT, SERVICE, Service, auth, consent, make_service

ADMIN = ("admin@clinic.example", "admin password 1234")
CLINICIAN = ("dr.martin@clinic.example", "clinician password 1234")


def users_cli(service: Service, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [*SERVICE, "users", *args], input=stdin, capture_output=True, text=True, env=service.env, cwd=ROOT, timeout=120
    )


@pytest.fixture(scope="module")
def clinic(tmp_path_factory):
    """(service, tenant id, API key) with an admin and a clinician made by the CLI, initial passwords."""
    service = make_service(tmp_path_factory.mktemp("accounts"), SCRIBE_JWT_SECRET="test-" + uuid.uuid4().hex)
    tenant_id, key = service.tenant("Clinic")
    for (email, password), role in ((ADMIN, "admin"), (CLINICIAN, "clinician")):
        r = users_cli(service, "create", tenant_id, email, "--role", role, "--password-stdin", stdin=password + "\n")
        assert r.returncode == 0, r.stderr
    service.start()
    yield service, tenant_id, key
    service.stop()
    for drop in service.drops:
        drop()


def browser(service: Service) -> httpx.Client:
    """A client that keeps cookies and sends the Origin a browser would."""
    return httpx.Client(base_url=service.http, headers={"Origin": service.http}, timeout=30)


def sign_in(service: Service, email: str, password: str, code: str | None = None) -> httpx.Client:
    client = browser(service)
    body = {"email": email, "password": password, **({"code": code} if code else {})}
    r = client.post("/v1/session", json=body)
    assert r.status_code == 200, r.text
    return client


def csrf(client: httpx.Client) -> dict:
    return {"X-CSRF-Token": client.cookies["scribe_csrf"]}


def audit_rows(service: Service, tenant_id: str) -> list[tuple]:
    url = service.env.get("SCRIBE_DATABASE_URL") or f"sqlite:///{Path(service.env['SCRIBE_DATA_DIR']) / 'scribe.db'}"
    engine = create_engine(url)
    with engine.connect() as c:
        rows = c.execute(
            text("SELECT actor, action, resource, resource_id, success FROM audit_log WHERE tenant_id IN (:t, '')"),
            {"t": tenant_id},
        ).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def test_password_sign_in_sets_protected_cookies_and_csrf_guards_changes(clinic):
    service, tenant_id, _ = clinic
    anonymous = browser(service)
    state = anonymous.get("/v1/session").json()
    assert state["signed_in"] is False and state["dev_token_signin"] is False
    r = anonymous.post("/v1/session", json={"email": CLINICIAN[0], "password": "wrong password 99"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "bad_credentials"
    r = anonymous.post("/v1/session", json={"email": "nobody@clinic.example", "password": "whatever 12345"})
    assert r.status_code == 401 and r.json()["error"]["message"] == "wrong email or password"

    r = anonymous.post("/v1/session", json={"email": CLINICIAN[0].upper(), "password": CLINICIAN[1]})
    assert r.status_code == 200, r.text
    assert r.json()["user"] == {
        "email": CLINICIAN[0],
        "clinician_id": "dr.martin",
        "role": "clinician",
        "tenant_id": tenant_id,
        "totp": False,
    }
    set_cookies = {c.split("=", 1)[0]: c.lower() for c in r.headers.get_list("set-cookie")}
    assert "httponly" in set_cookies["scribe_session"] and "samesite=strict" in set_cookies["scribe_session"]
    assert "httponly" not in set_cookies["scribe_csrf"]  # the app's script reads it to send the header
    assert "secure" not in set_cookies["scribe_session"]  # plain http here; https sets Secure

    client = anonymous
    assert client.get("/v1/visits").status_code == 200
    body = {"patient_ref": "P-1", "language": "en", "consent": consent()}
    r = client.post("/v1/visits", json=body)
    assert r.status_code == 403 and r.json()["error"]["code"] == "csrf_failed"
    r = client.post("/v1/visits", json=body, headers={"X-CSRF-Token": "forged"})
    assert r.status_code == 403
    r = client.post("/v1/visits", json=body, headers={**csrf(client), "Origin": "https://evil.example"})
    assert r.status_code == 403 and r.json()["error"]["message"] == "cross-origin request refused"
    r = client.post("/v1/visits", json=body, headers=csrf(client))
    assert r.status_code == 201, r.text
    assert r.json()["clinician_id"] == "dr.martin"

    # the websocket's token comes from the session, CSRF-checked too
    assert client.post("/v1/session/token").status_code == 403
    r = client.post("/v1/session/token", headers=csrf(client))
    assert r.status_code == 201 and r.json()["clinician_id"] == "dr.martin"
    visits = httpx.get(f"{service.http}/v1/visits", headers=auth(r.json()["token"])).json()
    assert [v["patient_ref"] for v in visits["items"]] == ["P-1"]

    old = client.cookies["scribe_session"]
    assert client.delete("/v1/session").status_code == 204
    assert "scribe_session" not in client.cookies
    r = httpx.get(f"{service.http}/v1/visits", cookies={"scribe_session": old})
    assert r.status_code == 401 and "sign in again" in r.json()["error"]["message"]
    actions = audit_rows(service, tenant_id)
    assert ("anonymous", "sign_in", "session", "password", False) in actions
    assert any(a[1:] == ("sign_in", "session", "password", True) for a in actions)
    assert any(a[1:3] == ("sign_out", "session") for a in actions)


def test_totp_second_factor_is_required_once_enrolled_and_codes_are_single_use(clinic):
    service, tenant_id, key = clinic
    email, password = "dr.totp@clinic.example", "totp person password"
    r = httpx.post(
        f"{service.http}/v1/users", json={"email": email, "password": password}, headers=auth(key), timeout=30
    )
    assert r.status_code == 201, r.text
    client = sign_in(service, email, password)
    started = client.post("/v1/account/totp", headers=csrf(client))
    assert started.status_code == 201 and started.json()["otpauth_uri"].startswith("otpauth://totp/")
    totp = pyotp.TOTP(started.json()["secret"])
    assert client.post("/v1/account/totp/confirm", json={"code": "000000"}, headers=csrf(client)).status_code == 400
    assert client.post("/v1/account/totp/confirm", json={"code": totp.now()}, headers=csrf(client)).status_code == 204

    anonymous = browser(service)
    r = anonymous.post("/v1/session", json={"email": email, "password": password})
    assert r.status_code == 401 and r.json()["error"]["code"] == "totp_required"
    r = anonymous.post("/v1/session", json={"email": email, "password": password, "code": "123456"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "bad_totp"
    time.sleep(30 - time.time() % 30 + 0.5)  # the confirmation used this step's code: take the next one
    code = totp.now()
    assert anonymous.post("/v1/session", json={"email": email, "password": password, "code": code}).status_code == 200
    r = browser(service).post("/v1/session", json={"email": email, "password": password, "code": code})
    assert r.status_code == 401 and r.json()["error"]["code"] == "bad_totp"  # a replayed code
    assert anonymous.get("/v1/session").json()["user"]["totp"] is True
    assert any(a[1] == "enrol_totp" for a in audit_rows(service, tenant_id))


def test_lockout_after_repeated_failures_and_admin_reset_by_link(clinic):
    service, tenant_id, key = clinic
    email, password = "dr.lock@clinic.example", "lock person password"
    created = httpx.post(
        f"{service.http}/v1/users", json={"email": email, "password": password}, headers=auth(key), timeout=30
    ).json()
    anonymous = browser(service)
    codes = [
        anonymous.post("/v1/session", json={"email": email, "password": f"wrong {i} password"}).json()["error"]["code"]
        for i in range(5)
    ]
    assert codes == ["bad_credentials"] * 4 + ["locked"]
    r = anonymous.post("/v1/session", json={"email": email, "password": password})
    assert r.status_code == 401 and r.json()["error"]["code"] == "locked"  # the right password does not unlock

    admin = sign_in(service, *ADMIN)
    listed = {u["email"]: u for u in admin.get("/v1/users").json()}
    assert listed[email]["locked"] is True
    r = admin.post(f"/v1/users/{created['id']}/reset-password", headers=csrf(admin))
    assert r.status_code == 200, r.text
    link = r.json()["invitation_url"]
    assert link.startswith("http") and "#/invite/" in link
    token = link.split("#/invite/")[1]
    assert anonymous.post("/v1/session", json={"email": email, "password": password}).status_code == 401
    r = anonymous.post("/v1/session/invitation", json={"token": token, "password": "a brand new password"})
    assert r.status_code == 200 and r.json()["user"]["email"] == email
    assert (
        anonymous.post("/v1/session/invitation", json={"token": token, "password": "again new password"}).status_code
        == 400
    )
    assert sign_in(service, email, "a brand new password").get("/v1/visits").status_code == 200
    actions = audit_rows(service, tenant_id)
    assert any(a[1:4] == ("lockout", "user", created["id"]) for a in actions)
    assert any(a[1:4] == ("reset_password", "user", created["id"]) and a[0].startswith("user:") for a in actions)


def test_roles_admin_manages_users_clinician_sees_own_visits_only(clinic):
    service, tenant_id, key = clinic
    clinician = sign_in(service, *CLINICIAN)
    assert clinician.get("/v1/users").status_code == 403
    assert clinician.get("/v1/webhooks/endpoints").status_code == 403
    other = httpx.post(
        f"{service.http}/v1/visits",
        json={"clinician_id": "dr-other", "patient_ref": "P-OTHER", "consent": consent()},
        headers=auth(key),
    )
    assert other.status_code == 201
    assert clinician.get(f"/v1/visits/{other.json()['id']}").status_code == 404
    assert "P-OTHER" not in {v["patient_ref"] for v in clinician.get("/v1/visits").json()["items"]}

    admin = sign_in(service, *ADMIN)
    r = admin.post("/v1/users", json={"email": "dr.new@clinic.example", "role": "clinician"}, headers=csrf(admin))
    assert r.status_code == 201 and r.json()["invitation_pending"] is True
    new_id = r.json()["id"]
    r = admin.post("/v1/users", json={"email": "dr.new@clinic.example"}, headers=csrf(admin))
    assert r.status_code == 409
    assert admin.post("/v1/users", json={"email": "not-an-email"}, headers=csrf(admin)).status_code == 422
    r = admin.patch(f"/v1/users/{new_id}", json={"role": "admin"}, headers=csrf(admin))
    assert r.status_code == 200 and r.json()["role"] == "admin"
    me = admin.get("/v1/users").json()
    admin_id = next(u["id"] for u in me if u["email"] == ADMIN[0])
    assert admin.patch(f"/v1/users/{admin_id}", json={"role": "clinician"}, headers=csrf(admin)).status_code == 409
    # an admin's session manages the tenant's webhooks like its API key
    r = admin.get("/v1/webhooks/endpoints")
    assert r.status_code == 200, r.text
    actions = audit_rows(service, tenant_id)
    assert any(a[1:4] == ("role_change", "user", f"{new_id}:admin") for a in actions)
    assert any(a[1:4] == ("role_change", "user", f"{new_id}:clinician") for a in actions)


def test_cli_one_line_errors_and_reset(clinic):
    service, tenant_id, _ = clinic
    r = users_cli(service, "create", tenant_id, ADMIN[0], "--role", "admin")
    assert r.returncode == 2 and r.stderr.strip() == f"scribe: error: an account for {ADMIN[0]} already exists"
    r = users_cli(service, "create", tenant_id, "bad email", "--role", "admin")
    assert r.returncode == 2 and "email must look like" in r.stderr and "Traceback" not in r.stderr
    r = users_cli(service, "create", "no-such-tenant", "x@clinic.example")
    assert r.returncode == 2 and "no tenant" in r.stderr
    r = users_cli(service, "create", tenant_id, "short@clinic.example", "--password-stdin", stdin="short\n")
    assert r.returncode == 2 and "password must be 12-256 characters" in r.stderr
    r = users_cli(service, "reset-password", tenant_id, CLINICIAN[0])
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().startswith("http") and "#/invite/" in r.stdout
    r = users_cli(service, "list", tenant_id)
    line = next(x for x in r.stdout.splitlines() if CLINICIAN[0] in x)
    assert "invited" in line
    r = users_cli(service, "reset-password", tenant_id, CLINICIAN[0], "--password-stdin", stdin=CLINICIAN[1] + "\n")
    assert r.returncode == 0, r.stderr
    sign_in(service, *CLINICIAN)


def test_session_cookies_are_secure_over_https():
    """Served over https (here: the request's scheme), both cookies carry Secure; over http they cannot."""
    import datetime as dt

    from starlette.requests import Request
    from starlette.responses import Response

    from scribe.api import cookies
    from scribe.core.security import Principal
    from scribe.service.accounts import BrowserSession

    session = BrowserSession(
        "cookie-value", "csrf-value", Principal("t", "c", "user:u", "clinician"), dt.datetime.now()
    )
    for scheme, secure in (("https", True), ("http", False)):
        request = Request(
            {
                "type": "http",
                "scheme": scheme,
                "server": ("scribe.clinic.example", 443),
                "path": "/",
                "headers": [],
                "method": "POST",
            }
        )
        response = Response()
        cookies.set_session(response, request, session)
        set_cookies = {c.split("=", 1)[0]: c.lower() for c in response.headers.getlist("set-cookie")}
        assert set(set_cookies) == {"scribe_session", "scribe_csrf"}
        assert all(("; secure" in c) is secure for c in set_cookies.values()), set_cookies
        assert all("samesite=strict" in c for c in set_cookies.values())


def test_text_no_database_or_hash_can_take_is_refused_not_a_server_error(clinic):
    """JSON allows lone surrogates; headers allow Latin-1: a 4xx with a message, never a 500."""
    service, _, key = clinic
    client = browser(service)
    headers = {"Content-Type": "application/json"}
    for body in (
        '{"email": "dr.martin@clinic.example", "password": "\\ud800 password"}',
        '{"email": "dr\\ud800@clinic.example", "password": "any password"}',
        '{"email": "dr.martin@clinic.example", "password": "x", "code": "\\udfff"}',
    ):
        r = client.post("/v1/session", content=body, headers=headers)
        assert r.status_code == 422 and "invalid fields" in r.json()["error"]["message"], r.text
    r = client.post(
        "/v1/session/invitation",
        content='{"token": "\\ud800\\ud800\\ud800xxxxxxxxx", "password": "a long enough password"}',
    )
    assert r.status_code == 422
    r = httpx.post(
        f"{service.http}/v1/users",
        content='{"email": "a\\ud800@clinic.example"}',
        headers={**auth(key), **headers},
    )
    assert r.status_code == 422
    r = client.post("/v1/session", content=b'{"email": "\xff\xfe"}', headers=headers)  # not UTF-8
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_body"
    signed_in = sign_in(service, *CLINICIAN)
    r = signed_in.post("/v1/visits", json={"patient_ref": "P"}, headers={"X-CSRF-Token": "caf\u00e9".encode("latin-1")})
    assert r.status_code == 403 and r.json()["error"]["code"] == "csrf_failed"


def test_sign_out_ends_the_sessions_websocket_token_and_open_channels(clinic):
    """Signing out ends what the session opened: its websocket token stops working, and the audio websocket
    and the event stream it has open close with 4401 "signed out" (within SCRIBE_CREDENTIAL_RECHECK_SECONDS)."""
    import asyncio
    import json

    from websockets.asyncio.client import connect
    from websockets.exceptions import ConnectionClosed

    from scribe.api.protocol import encode_frame

    service, _, _ = clinic
    client = sign_in(service, *CLINICIAN)
    body = {"patient_ref": "P-OUT", "language": "en", "consent": consent()}
    visit_id = client.post("/v1/visits", json=body, headers=csrf(client)).json()["id"]
    token = client.post("/v1/session/token", headers=csrf(client)).json()["token"]
    session_cookie = client.cookies["scribe_session"]

    async def recv_until(ws, match, timeout: float = 20.0):
        while True:
            msg = json.loads(await asyncio.wait_for(ws.recv(), timeout))
            if match(msg):
                return msg

    async def events() -> list[str]:
        lines = []
        async with httpx.AsyncClient(timeout=30, cookies={"scribe_session": session_cookie}) as http:
            async with http.stream("GET", f"{service.http}/v1/visits/{visit_id}/events") as r:
                assert r.status_code == 200
                async for line in r.aiter_lines():
                    lines.append(line)
        return lines

    async def run():
        ws = await connect(f"{service.ws}/v1/visits/{visit_id}/audio", additional_headers=auth(token))
        await ws.send(json.dumps({"type": "start", "format": "pcm_s16le", "sample_rate": 16000, "channels": 1}))
        await recv_until(ws, lambda m: m["type"] == "ack")
        await ws.send(encode_frame(0, 0, b"\0" * 16000))
        await recv_until(ws, lambda m: m["type"] == "ack" and m["seq"] == 0)
        stream = asyncio.create_task(asyncio.wait_for(events(), 30))
        await asyncio.sleep(0.5)
        assert (await asyncio.to_thread(client.delete, "/v1/session")).status_code == 204
        with pytest.raises(ConnectionClosed):
            await recv_until(ws, lambda m: False, timeout=20)
        return ws.close_code, ws.close_reason, await stream

    code, reason, lines = asyncio.run(run())
    assert code == 4401 and reason.endswith("signed out"), (code, reason)
    assert any("signed out" in line for line in lines if line.startswith("data:")), lines[-5:]
    r = httpx.get(f"{service.http}/v1/visits", headers=auth(token))
    assert r.status_code == 401 and "signed out" in r.json()["error"]["message"], r.text
