"""Issue 17 item 7 (SSRF): loopback and private IPv4 addresses written in IPv6 transition forms (NAT64,
6to4, IPv4-compatible, SIIT-translated, Teredo, ISATAP) are refused as webhook URLs for a tenant without
the private-network allowance, at registration and again at send time; their public counterparts are not."""

from __future__ import annotations

import httpx
import pytest

from scribe.delivery.webhooks import check_url, post
from tests.test_delivery_support import auth

PRIVATE_FORMS = [
    "http://[64:ff9b::7f00:1]/hook",  # NAT64 well-known prefix → 127.0.0.1
    "http://[64:ff9b::127.0.0.1]/hook",
    "http://[64:ff9b:1::a00:1]/hook",  # NAT64 local-use prefix → 10.0.0.1
    "http://[2002:7f00:1::1]/hook",  # 6to4 → 127.0.0.1
    "http://[2002:a9fe:a9fe::1]/hook",  # 6to4 → 169.254.169.254 (cloud metadata)
    "http://[::127.0.0.1]/hook",  # IPv4-compatible
    "http://[::7f00:1]:8080/hook",
    "http://[::a00:1]/hook",
    "http://[::ffff:0:7f00:1]/hook",  # SIIT IPv4-translated
    "http://[::ffff:127.0.0.1]/hook",  # IPv4-mapped
    "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook",  # Teredo, client 127.0.0.1
    "http://[2606:4700::5efe:7f00:1]/hook",  # ISATAP interface id → 127.0.0.1
    "http://[2606:4700::200:5efe:c0a8:1]/hook",  # ISATAP (universal bit) → 192.168.0.1
]
PUBLIC_FORMS = ["http://[64:ff9b::808:808]/hook", "http://[2002:808:808::1]/hook", "http://[2606:4700::1111]/hook"]


def test_transition_forms_of_private_addresses_are_refused_at_registration(scribe):
    for url in PRIVATE_FORMS:
        r = httpx.post(
            f"{scribe.http}/v1/webhooks/endpoints",
            json={"url": url, "events": ["visit.created"]},
            headers=auth(scribe.keys["b"]),
        )
        assert r.status_code == 422 and r.json()["error"]["code"] == "private_address", (url, r.text)


@pytest.mark.parametrize("url", PUBLIC_FORMS)
def test_public_transition_forms_pass_the_policy(url):
    assert check_url(url, allow_private=False) == url


def test_transition_forms_are_refused_at_send_time():
    secret = {"current": "whsec_" + "A" * 43 + "="}
    for url in PRIVATE_FORMS:
        attempt = post(url, False, secret, "msg_ssrf", b"{}")
        assert not attempt.ok and attempt.error == "refused: private_address", (url, attempt)
