"""FHIR R4 (scribe.delivery.fhir): a visit as a document Bundle, its DocumentReferences. Errors on these
paths are OperationOutcomes (scribe.api.app)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from scribe.api.deps import principal_of, version_query
from scribe.api.routes.documents import assistant_context
from scribe.core.audit import audit_read
from scribe.core.db import session_scope
from scribe.core.security import Principal, scoped
from scribe.delivery import fhir, fhir_context, notes

FHIR_JSON = "application/fhir+json"
_OUTCOME = {"content": {FHIR_JSON: {"schema": {"type": "object"}}}, "description": "a FHIR OperationOutcome"}


class FhirJSONResponse(JSONResponse):
    media_type = FHIR_JSON


# The published schema says what these paths send: FHIR JSON, errors included (generated clients rely on it).
router = APIRouter(tags=["fhir"], default_response_class=FhirJSONResponse)
_ERRORS = dict.fromkeys((404, 409, 422), _OUTCOME)  # errors under /fhir/ are OperationOutcomes (scribe.api.app)


def _bundle(principal: Principal, visit_id: str, version: int | None) -> dict:
    with session_scope() as s:
        visit = scoped(s, principal, visit_id)
        bundle = notes.fhir_bundle(s, visit, notes.version_of(s, visit, version))
        audit_read(principal, "fhir", visit_id)
    return bundle


@router.get("/fhir/r4/Bundle/{visit_id}", responses=_ERRORS)
def fhir_document(visit_id: str, principal: Principal = Depends(principal_of), version: int | None = version_query()):
    """The visit as a FHIR R4 document Bundle (newest note version, or `version`)."""
    return JSONResponse(_bundle(principal, visit_id, version), media_type=FHIR_JSON)


@router.get("/fhir/r4/DocumentReference", responses=_ERRORS)
def fhir_document_references(
    encounter: str = Query(..., min_length=1, max_length=60), principal: Principal = Depends(principal_of)
):
    """DocumentReferences of one encounter (= visit id, or Encounter/<visit id>): note and patient summary."""
    return JSONResponse(
        fhir.document_references(_bundle(principal, encounter.removeprefix("Encounter/"), None)), media_type=FHIR_JSON
    )


@router.get("/v1/visits/{visit_id}/context/fhir")
def fhir_assistant_context(visit_id: str, principal: Principal = Depends(principal_of)):
    """The assistant context as FHIR R4 (docs/assistant.md): a collection Bundle with the checklist's
    QuestionnaireResponse and the Conditions, MedicationStatements and Observations established so far."""
    ctx = assistant_context(principal, visit_id, "read")["assistant_context"]
    with session_scope() as s:
        visit = scoped(s, principal, visit_id)
        info = fhir.visit_dict(visit) | {"encounter_ref": visit.encounter_ref}
    return JSONResponse(fhir_context.bundle(info, ctx), media_type=FHIR_JSON)
