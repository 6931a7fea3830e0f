"""FHIR R4 (scribe.delivery.fhir): a visit as a document Bundle, its DocumentReferences. Errors on these
paths are OperationOutcomes (scribe.api.app)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from scribe.api.deps import principal_of
from scribe.core.audit import audit_read
from scribe.core.db import session_scope
from scribe.core.security import Principal, scoped
from scribe.delivery import fhir, notes

router = APIRouter(tags=["fhir"])
FHIR_JSON = "application/fhir+json"


def _bundle(principal: Principal, visit_id: str, version: int | None) -> dict:
    with session_scope() as s:
        visit = scoped(s, principal, visit_id)
        bundle = notes.fhir_bundle(s, visit, notes.version_of(s, visit, version))
        audit_read(principal, "fhir", visit_id)
    return bundle


@router.get("/fhir/r4/Bundle/{visit_id}")
def fhir_document(visit_id: str, principal: Principal = Depends(principal_of), version: int | None = Query(None, ge=1)):
    """The visit as a FHIR R4 document Bundle (newest note version, or `version`)."""
    return JSONResponse(_bundle(principal, visit_id, version), media_type=FHIR_JSON)


@router.get("/fhir/r4/DocumentReference")
def fhir_document_references(
    encounter: str = Query(..., min_length=1, max_length=60), principal: Principal = Depends(principal_of)
):
    """DocumentReferences of one encounter (= visit id, or Encounter/<visit id>): note and patient summary."""
    return JSONResponse(
        fhir.document_references(_bundle(principal, encounter.removeprefix("Encounter/"), None)), media_type=FHIR_JSON
    )
