"""The FHIR R4 mapping (scribe.delivery.fhir, pure) over real documentation-engine output, validated
resource by resource with fhir.resources: codes, statuses, references and the AI provenance."""

from __future__ import annotations

import base64
import datetime as dt

import pytest

from scribe.delivery import fhir
from tests.test_delivery_support import fhir_validate

DIALOGUE = """Doctor: Good morning. What brings you in today?
Patient: I have had a bad cough and a sore throat for about five days.
Doctor: Are you taking any medications, and do you have any allergies?
Patient: I take lisinopril ten milligrams every morning. I am allergic to penicillin.
Doctor: Your blood pressure is 130 over 85 and heart rate 78. Your lungs sound clear.
Doctor: I think this is a viral upper respiratory infection. Come back in one week if it is not better.
"""


@pytest.fixture(scope="module")
def documents():
    from scribe.notes.engine import document

    return document(DIALOGUE, template="soap", language="en")


def _visit(template="soap"):
    now = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC).isoformat()
    return {
        "id": "vis_fhirtest",
        "clinician_id": "dr-martin",
        "patient_ref": "P-77",
        "language": "en",
        "template": template,
        "status": "ready",
        "created_at": now,
        "started_at": now,
        "stopped_at": now,
        "ready_at": now,
    }


def _note(documents, status="draft", amends=None):
    return {
        "version": 3,
        "status": status,
        "author": "system",
        "created_at": "2026-11-20T10:00:00+00:00",
        "parent_version": 2,
        "amends": amends,
        "signed_by": "dr-martin" if status == "signed" else None,
        "signed_at": "2026-11-20T10:05:00+00:00" if status == "signed" else None,
        "note": documents["note"],
    }


def _of(bundle, kind):
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_document_bundle_resources(documents):
    b = fhir.bundle(_visit(), _note(documents), documents["facts"], documents["patient_summary"])
    fhir_validate(b)
    assert b["type"] == "document" and b["entry"][0]["resource"]["resourceType"] == "Composition"
    assert b == fhir.bundle(_visit(), _note(documents), documents["facts"], documents["patient_summary"])  # stable ids
    comp = b["entry"][0]["resource"]
    assert comp["status"] == "preliminary" and "attester" not in comp
    assert [s["title"] for s in comp["section"]] == [s["title"] for s in documents["note"]["sections"]]
    full_urls = {e["fullUrl"] for e in b["entry"]}
    for section in comp["section"]:
        assert all(e["reference"] in full_urls for e in section.get("entry", []))
    note_ref, summary_ref = _of(b, "DocumentReference")
    assert note_ref["type"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "11506-3",
        "display": "Progress note",
    }
    assert note_ref["docStatus"] == summary_ref["docStatus"] == "preliminary"
    encounter = _of(b, "Encounter")[0]
    assert note_ref["context"]["encounter"][0]["reference"] == f"urn:uuid:{encounter['id']}"
    assert encounter["identifier"][0]["value"] == "vis_fhirtest"
    assert base64.b64decode(note_ref["content"][0]["attachment"]["data"]).decode() == documents["note"]["markdown"]
    assert (
        base64.b64decode(summary_ref["content"][0]["attachment"]["data"]).decode()
        == documents["patient_summary"]["markdown"]
    )
    conditions = _of(b, "Condition")
    codes = {cd["code"] for c in conditions for cd in c["code"].get("coding", [])}
    assert "J06.9" in codes, conditions
    assert all(
        cd["system"] == "http://hl7.org/fhir/sid/icd-10-cm" for c in conditions for cd in c["code"].get("coding", [])
    )
    med = _of(b, "MedicationStatement")[0]
    assert med["medicationCodeableConcept"]["text"] == "lisinopril" and med["status"] == "active"
    assert med["dosage"][0]["text"].startswith("10 mg")
    assert _of(b, "AllergyIntolerance")[0]["code"]["text"] == "penicillin"
    vitals = {o["code"]["text"]: o for o in _of(b, "Observation")}
    bp = vitals["blood pressure"]
    assert bp["code"]["coding"][0]["code"] == "85354-9"
    assert [
        (c["code"]["coding"][0]["code"], c["valueQuantity"]["value"], c["valueQuantity"]["code"])
        for c in bp["component"]
    ] == [("8480-6", 130.0, "mm[Hg]"), ("8462-4", 85.0, "mm[Hg]")]
    hr = vitals["heart rate"]
    assert hr["code"]["coding"][0]["code"] == "8867-4" and hr["valueQuantity"] == {
        "value": 78.0,
        "unit": "bpm",
        "system": "http://unitsofmeasure.org",
        "code": "/min",
    }
    prov = _of(b, "Provenance")[0]
    assert [a["type"]["coding"][0]["code"] for a in prov["agent"]] == ["author"]  # AI draft, not yet attested
    targets = {t["reference"] for t in prov["target"]}
    assert f"urn:uuid:{comp['id']}" in targets and f"urn:uuid:{med['id']}" in targets


def test_signature_and_templates(documents):
    signed = fhir.bundle(_visit("hp"), _note(documents, "signed"), documents["facts"], None)
    fhir_validate(signed)
    comp = signed["entry"][0]["resource"]
    assert comp["status"] == "final" and comp["attester"][0]["mode"] == "legal"
    (ref,) = _of(signed, "DocumentReference")  # no summary given: one DocumentReference
    assert ref["docStatus"] == "final" and ref["type"]["coding"][0]["code"] == "34117-2"
    assert ref["authenticator"]["reference"] == f"urn:uuid:{_of(signed, 'Practitioner')[0]['id']}"
    assert [a["type"]["coding"][0]["code"] for a in _of(signed, "Provenance")[0]["agent"]] == ["author", "attester"]
    assert all(o["status"] == "final" for o in _of(signed, "Observation"))
    consult = fhir.bundle(_visit("cr-fr"), _note(documents, "signed", amends=2), documents["facts"], None)
    fhir_validate(consult)
    ref = _of(consult, "DocumentReference")[0]
    assert ref["type"]["coding"][0]["code"] == "11488-4" and ref["docStatus"] == "amended"
    assert ref["relatesTo"][0]["code"] == "replaces"
    search = fhir.document_references(signed)
    assert search["type"] == "searchset" and search["total"] == 1
