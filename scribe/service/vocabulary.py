"""A visit's speech vocabulary (scribe.speech.vocabulary) from where it lives: the visit's EHR context
(sealed), the clinician's list and the tenant's formulary (tenants.settings, scribe.delivery.settings).

Every live window needs it: a process keeps each visit's vocabulary for CACHE_SECONDS, so a window costs no
database read and a list changed during a visit reaches it within that time.
"""

from __future__ import annotations

import threading
import time

from scribe.core.db import session_scope
from scribe.core.tables import Tenant, Visit
from scribe.delivery.settings import TenantSettings, tenant_settings
from scribe.speech import vocabulary as speech_vocabulary
from scribe.speech.vocabulary import Vocabulary

CACHE_SECONDS = 30.0
_cache: dict[str, tuple[float, Vocabulary]] = {}
_lock = threading.Lock()


def of_visit(visit: Visit) -> Vocabulary:
    """The visit's merged vocabulary: its context's terms, the clinician's, the tenant's."""
    now = time.monotonic()
    with _lock:
        hit = _cache.get(visit.id)
        if hit is not None and now - hit[0] < CACHE_SECONDS:
            return hit[1]
    with session_scope() as s:
        settings = tenant_settings(s.get(Tenant, visit.tenant_id))
    vocab = speech_vocabulary.build(
        visit.context, settings.clinician_vocabulary.get(visit.clinician_id, []), settings.vocabulary
    )
    with _lock:
        for key in [k for k, (at, _v) in _cache.items() if now - at >= CACHE_SECONDS]:
            del _cache[key]
        _cache[visit.id] = (now, vocab)
    return vocab


def terms_of(tenant_id: str, clinician_id: str | None = None) -> list[str]:
    """The tenant's list (clinician_id None) or a clinician's."""
    with session_scope() as s:
        settings = tenant_settings(s.get(Tenant, tenant_id))
    return settings.vocabulary if clinician_id is None else settings.clinician_vocabulary.get(clinician_id, [])


def set_terms(tenant_id: str, terms: list[str], clinician_id: str | None = None) -> list[str]:
    """Replace the tenant's list (clinician_id None) or a clinician's (an empty list removes it)."""
    with session_scope() as s:
        tenant = s.get(Tenant, tenant_id)
        raw = dict(tenant.settings or {})
        if clinician_id is None:
            raw["vocabulary"] = list(terms)
        else:
            lists = dict(raw.get("clinician_vocabulary") or {})
            lists.pop(clinician_id, None)
            if terms:
                lists[clinician_id] = list(terms)
            raw["clinician_vocabulary"] = lists
        TenantSettings.model_validate({k: v for k, v in raw.items() if k in TenantSettings.model_fields})
        tenant.settings = raw
    return list(terms)
