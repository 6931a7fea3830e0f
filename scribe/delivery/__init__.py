"""Delivery: what leaves the clinic and what must not stay.

notes.py      clinician review: edits as versions, sign-off, amendments (optimistic concurrency)
outbox.py     transactional outbox → webhook deliveries: fan-out, ordering per visit, backoff, dead letter
webhooks.py   endpoints, Standard Webhooks signing (whsec_ secrets, rotation), URL policy, one HTTP attempt
fhir.py       pure mapping of stored documents to FHIR R4 resources (Bundle of type document)
links.py      patient-summary links (signed, expiring, revocable) and their HTML page
retention.py  per-tenant audio retention, whole-visit erasure
settings.py   the per-tenant settings schema (tenants.settings JSON)
sweeper.py    the periodic loop `scribe serve` runs (outbox, due deliveries, retention)
"""
