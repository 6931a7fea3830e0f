"""Patient-summary links: a signed, expiring, single-visit token in the URL (/p/<token>), no account.

The token is a JWT (HS256, audience "patient-summary") whose key is derived from the service's JWT
secret, so it cannot be used as, or made from, a clinician token. It names a patient_links row: revoking
the row (or erasing the visit) ends the link before it expires. The token itself is not stored; the
URL goes out once, in the API response and in the patient_summary.ready webhook.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re

import jwt
from sqlalchemy import select, update

from scribe import languages
from scribe.config import get_settings
from scribe.core.events import emit
from scribe.core.security import JWT_ALGORITHM, JWT_ISSUER, Principal, jwt_secret
from scribe.core.tables import AuditLog, Document, PatientLink, Visit, new_id, utcnow
from scribe.notes.summary_words import LABELS

AUDIENCE = "patient-summary"


class LinkError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _key() -> bytes:
    return hashlib.sha256(b"patient-link|" + jwt_secret().encode()).digest()


def active(session, visit_id: str) -> bool:
    now = utcnow()
    return (
        session.execute(
            select(PatientLink.id)
            .where(PatientLink.visit_id == visit_id, PatientLink.revoked_at.is_(None), PatientLink.expires_at > now)
            .limit(1)
        ).first()
        is not None
    )


def create(session, principal: Principal, visit: Visit, ttl_hours: int | None, policy) -> dict | None:
    """A new link in the caller's transaction, announced by patient_summary.ready; None without a summary."""
    summary = session.execute(
        select(Document.content)
        .where(Document.visit_id == visit.id, Document.kind == "patient_summary")
        .order_by(Document.version.desc())
        .limit(1)
    ).scalar_one_or_none()
    if summary is None:
        return None
    hours = ttl_hours or policy.patient_link_ttl_hours or get_settings().patient_link_ttl_hours
    now = utcnow()
    link = PatientLink(
        id=new_id("pl"),
        tenant_id=visit.tenant_id,
        visit_id=visit.id,
        created_by=principal.actor,
        created_at=now,
        expires_at=now + dt.timedelta(hours=hours),
    )
    session.add(link)
    token = jwt.encode(
        {
            "lid": link.id,
            "vid": visit.id,
            "iat": int(now.timestamp()),
            "exp": int(link.expires_at.timestamp()),
            "aud": AUDIENCE,
            "iss": JWT_ISSUER,
        },
        _key(),
        algorithm=JWT_ALGORITHM,
    )
    url = f"{get_settings().public_url.rstrip('/')}/p/{token}"
    out = {"id": link.id, "url": url, "token": token, "expires_at": link.expires_at.isoformat()}
    emit(
        session,
        visit.tenant_id,
        visit.id,
        "patient_summary.ready",
        language=summary.get("language"),
        patient_link={"url": url, "expires_at": out["expires_at"]},
    )
    session.add(
        AuditLog(
            tenant_id=visit.tenant_id,
            actor=principal.actor,
            action="create",
            resource="patient_link",
            resource_id=visit.id,
        )
    )
    return out


def revoke_all(session, visit_id: str) -> int:
    return session.execute(
        update(PatientLink)
        .where(PatientLink.visit_id == visit_id, PatientLink.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    ).rowcount


TOKEN_PATTERN = r"^[A-Za-z0-9_-]{2,1000}\.[A-Za-z0-9_-]{2,2000}\.[A-Za-z0-9_-]{2,1000}$"
MAX_TOKEN = 4004  # a signed JWT: three base64url parts (the published schema of GET /p/{token} says the same)


_INVALID = "This link is not valid. Check that it was copied whole, or ask your clinic for a new one."


def open_link(session, token: str) -> dict:
    """The summary a token opens (and the opening audited), or LinkError with a message for the patient."""
    if len(token) > MAX_TOKEN or not re.match(TOKEN_PATTERN, token):
        raise LinkError(400, "invalid_link", _INVALID)
    try:
        claims = jwt.decode(
            token,
            _key(),
            algorithms=[JWT_ALGORITHM],
            audience=AUDIENCE,
            issuer=JWT_ISSUER,
            options={"require": ["exp", "lid", "vid"]},
        )
    except jwt.ExpiredSignatureError:
        raise LinkError(410, "link_expired", "This link has expired. Ask your clinic for a new one.") from None
    except jwt.InvalidTokenError:
        raise LinkError(400, "invalid_link", _INVALID) from None
    link = session.get(PatientLink, str(claims["lid"]))
    if link is None or link.visit_id != claims["vid"] or link.revoked_at is not None:
        raise LinkError(410, "link_revoked", "This link is no longer available. Ask your clinic for a new one.")
    ok = link.expires_at > utcnow()
    session.add(
        AuditLog(
            tenant_id=link.tenant_id,
            actor=f"patient_link:{link.id}",
            action="open",
            resource="patient_summary",
            resource_id=link.visit_id,
            success=ok,
        )
    )
    if not ok:
        raise LinkError(410, "link_expired", "This link has expired. Ask your clinic for a new one.")
    summary = session.execute(
        select(Document.content)
        .where(Document.visit_id == link.visit_id, Document.kind == "patient_summary")
        .order_by(Document.version.desc())
        .limit(1)
    ).scalar_one_or_none()
    if summary is None:
        raise LinkError(410, "link_revoked", "This link is no longer available. Ask your clinic for a new one.")
    return summary


# --------------------------------------------------------------------------- the page

_CSS = """
body{font:1.15rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;background:#fff;
max-width:42rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem;margin:.2rem 0 1rem}h2{font-size:1.3rem;margin:1.6rem 0 .4rem;border-bottom:2px solid #0b5394}
ul{padding-left:1.3rem}li{margin:.35rem 0}.warn h2{border-color:#b00020}.note{color:#333;font-size:1rem}
@media print{body{max-width:none;padding:0;font-size:12pt}a{color:#000}}
"""
_SECTIONS = (
    ("found", "found"),
    ("todo", "todo"),
    ("medications", "meds"),
    ("warning_signs", "warn"),
    ("follow_up", "follow"),
)
_FOOT = {
    "en": "Keep this page. It was written from your visit and checked by your clinician.",
    "fr": "Gardez cette page. Elle a été rédigée à partir de votre consultation et vérifiée par votre médecin.",
}


def _page(lang: str, title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="robots" content="noindex"><title>{html.escape(title)}</title><style>{_CSS}</style>'
        f"</head><body><main>{body}</main></body></html>"
    )


def summary_html(summary: dict) -> str:
    """An accessible, printable page: headings per part, plain lists, the patient's language."""
    lang = languages.supported(str(summary.get("language", "en")))
    words = LABELS[lang]
    parts = [f"<h1>{html.escape(words['title'])}</h1>"]
    for field, label in _SECTIONS:
        items = [i.get("text", "") for i in summary.get(field) or [] if isinstance(i, dict) and i.get("text")]
        if items:
            cls = ' class="warn"' if field == "warning_signs" else ""
            lis = "".join(f"<li>{html.escape(t)}</li>" for t in items)
            parts.append(
                f'<section{cls} aria-labelledby="{field}"><h2 id="{field}">'
                f"{html.escape(words[label])}</h2><ul>{lis}</ul></section>"
            )
    if len(parts) == 1:
        parts.append(f"<p>{html.escape(words['nothing'])}</p>")
    parts.append(f'<p class="note">{html.escape(_FOOT[lang])}</p>')
    return _page(lang, words["title"], "".join(parts))


_FR = {
    "link_expired": "Ce lien a expiré. Demandez-en un nouveau à votre cabinet.",
    "link_revoked": "Ce lien n'est plus disponible. Demandez-en un nouveau à votre cabinet.",
    "invalid_link": "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier, ou demandez-en un nouveau.",
}


def error_html(error: LinkError) -> str:
    """The refusal in both languages we write summaries in (the token no longer tells which)."""
    body = (
        f'<h1>Link unavailable · <span lang="fr">Lien indisponible</span></h1>'
        f'<p role="alert">{html.escape(error.message)}</p><p lang="fr">{html.escape(_FR[error.code])}</p>'
    )
    return _page("en", "Link unavailable", body)
