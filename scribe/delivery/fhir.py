"""FHIR R4 from the stored documents: pure functions, dicts in, dicts out (tests validate them with
fhir.resources). No server state: ids are name-based UUIDs of the visit and note version, so the same
inputs give the same Bundle.

bundle(): a Bundle of type document. Composition first (one section per note section, entries pointing
at the resources its sentences' facts became), then Patient, Practitioner, the scribe Device, Encounter,
the note's DocumentReference (LOINC type by template; docStatus preliminary until signed, final after,
amended for a signed amendment; context.encounter), the patient summary's DocumentReference, Condition
(ICD-10-CM from the facts), MedicationStatement, AllergyIntolerance, Observation (vital signs), and a
Provenance that names the AI scribe as author of the draft and the signing clinician as attester.
Everything the engine wrote carries meta.security AIAST (HL7 "artificial intelligence asserted").
"""

from __future__ import annotations

import base64
import re
import uuid

LOINC = "http://loinc.org"
NOTE_TYPES = {
    "soap": ("11506-3", "Progress note"),
    "progress": ("11506-3", "Progress note"),
    "cr-fr": ("11488-4", "Consult note"),
    "hp": ("34117-2", "History and physical note"),
}
SUMMARY_TYPE = ("34133-9", "Summary of episode note")
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
AI = {
    "security": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
            "code": "AIAST",
            "display": "Artificial Intelligence asserted",
        }
    ]
}
VITALS = {
    "blood pressure": ("85354-9", "Blood pressure panel with all children optional"),
    "heart rate": ("8867-4", "Heart rate"),
    "respiratory rate": ("9279-1", "Respiratory rate"),
    "temperature": ("8310-5", "Body temperature"),
    "oxygen saturation": ("2708-6", "Oxygen saturation"),
    "weight": ("29463-7", "Body weight"),
    "height": ("8302-2", "Body height"),
    "blood glucose": ("2339-0", "Glucose [Mass/volume] in Blood"),
}
UCUM = {
    "mmhg": "mm[Hg]",
    "bpm": "/min",
    "breaths/min": "/min",
    "°c": "Cel",
    "°f": "[degF]",
    "%": "%",
    "kg": "kg",
    "kilos": "kg",
    "kilo": "kg",
    "lb": "[lb_av]",
    "lbs": "[lb_av]",
    "pounds": "[lb_av]",
    "cm": "cm",
    "mg/dl": "mg/dL",
    "mmol/l": "mmol/L",
}
MED_STATUS = {"current": "active", "new": "intended", "changed": "active", "stopped": "stopped"}


def _id(visit_id: str, name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:scribe:{visit_id}:{name}"))


def _cc(system: str, code: str, display: str | None = None, text: str | None = None) -> dict:
    coding = {"system": system, "code": code, **({"display": display} if display else {})}
    return {"coding": [coding], **({"text": text} if text else {})}


def _narrative(lines: list[str]) -> dict:
    from html import escape

    items = "".join(f"<li>{escape(t)}</li>" for t in lines) or "<li>No content.</li>"
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><ul>{items}</ul></div>'}


def visit_dict(visit) -> dict:
    """The visit fields FHIR needs (from a Visit row)."""
    iso = lambda t: t.isoformat() if t else None  # noqa: E731
    return {
        "id": visit.id,
        "clinician_id": visit.clinician_id,
        "patient_ref": (visit.refs or {}).get("patient_ref"),
        "language": visit.language,
        "template": visit.template,
        "status": visit.status,
        "created_at": iso(visit.created_at),
        "started_at": iso(visit.started_at),
        "stopped_at": iso(visit.stopped_at),
        "ready_at": iso(visit.ready_at),
    }


class _Ctx:
    def __init__(self, visit: dict, note: dict):
        self.visit, self.note = visit, note
        self.vid = visit["id"]
        self.signed = note.get("status") == "signed"
        self.when = note.get("signed_at") or note.get("created_at") or visit["created_at"]

    def ref(self, name: str) -> dict:
        return {"reference": f"urn:uuid:{_id(self.vid, name)}"}

    def base(self, kind: str, name: str, ai: bool = False) -> dict:
        return {"resourceType": kind, "id": _id(self.vid, name), **({"meta": AI} if ai else {})}

    def clinical(self, kind: str, name: str) -> dict:
        """An engine-derived resource about the patient in this encounter."""
        subject = "patient" if kind == "AllergyIntolerance" else "subject"
        res = {**self.base(kind, name, ai=True), subject: self.ref("patient")}
        res["context" if kind == "MedicationStatement" else "encounter"] = self.ref("encounter")
        return res


def _doc_status(note: dict) -> str:
    if note.get("status") != "signed":
        return "preliminary"
    return "amended" if note.get("amends") else "final"


def _condition(c: _Ctx, f: dict) -> dict | None:
    if f.get("status") in ("absent", "none") or f["kind"] not in ("assessment", "past_medical"):
        return None
    code = (f.get("attributes") or {}).get("code")
    res = c.clinical("Condition", f"fact:{f['id']}")
    res["clinicalStatus"] = _cc(
        "http://terminology.hl7.org/CodeSystem/condition-clinical",
        "resolved" if f.get("status") == "historical" else "active",
    )
    res["verificationStatus"] = _cc(
        "http://terminology.hl7.org/CodeSystem/condition-ver-status",
        "provisional" if f.get("status") == "uncertain" else "confirmed",
    )
    res["category"] = [
        _cc(
            "http://terminology.hl7.org/CodeSystem/condition-category",
            "encounter-diagnosis" if f["kind"] == "assessment" else "problem-list-item",
        )
    ]
    coding = (
        [
            {
                "system": ICD10CM,
                "code": code,
                **({"display": f["attributes"]["code_description"]} if f["attributes"].get("code_description") else {}),
            }
        ]
        if code
        else []
    )
    res["code"] = {**({"coding": coding} if coding else {}), "text": f["label"]}
    res["recordedDate"] = c.when
    return res


def _medication(c: _Ctx, f: dict) -> dict:
    a = f.get("attributes") or {}
    res = c.clinical("MedicationStatement", f"fact:{f['id']}")
    res["status"] = MED_STATUS.get(f.get("status"), "unknown")
    res["medicationCodeableConcept"] = {"text": f["label"]}
    res["dateAsserted"] = c.when
    dose = " ".join(str(x) for x in (a.get("dose"), a.get("unit"), a.get("frequency"), a.get("route")) if x)
    if dose:
        res["dosage"] = [{"text": dose}]
    return res


def _allergy(c: _Ctx, f: dict) -> dict:
    res = c.clinical("AllergyIntolerance", f"fact:{f['id']}")
    res["clinicalStatus"] = _cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active")
    res["verificationStatus"] = _cc(
        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "unconfirmed"
    )
    res["code"] = (
        _cc("http://snomed.info/sct", "716186003", "No known allergy", f["label"])
        if f.get("status") == "none"
        else {"text": f["label"]}
    )
    res["recordedDate"] = c.when
    return res


def _quantity(value: str, unit: str | None) -> dict | None:
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        return None
    code = UCUM.get((unit or "").lower())
    return {
        "value": number,
        **(
            {"unit": unit, "system": "http://unitsofmeasure.org", "code": code}
            if code
            else ({"unit": unit} if unit else {})
        ),
    }


def _vital(c: _Ctx, f: dict) -> dict | None:
    label, value = f["label"], f.get("value")
    if not value:
        return None
    unit = (f.get("attributes") or {}).get("unit")
    loinc, display = VITALS.get(label, (None, None))
    res = c.clinical("Observation", f"fact:{f['id']}")
    res["status"] = "final" if c.signed else "preliminary"
    res["category"] = [_cc("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")]
    res["code"] = _cc(LOINC, loinc, display, label) if loinc else {"text": label}
    res["effectiveDateTime"] = c.visit.get("started_at") or c.visit["created_at"]
    parts = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)\s*", str(value))
    if label == "blood pressure" and parts:
        res["component"] = [
            {"code": _cc(LOINC, code, name), "valueQuantity": _quantity(v, "mmHg")}
            for code, name, v in (
                ("8480-6", "Systolic blood pressure", parts.group(1)),
                ("8462-4", "Diastolic blood pressure", parts.group(2)),
            )
        ]
    else:
        q = _quantity(value, unit)
        res["valueQuantity" if q else "valueString"] = q or str(value)
    return res


BUILDERS = {
    "assessment": _condition,
    "past_medical": _condition,
    "medication": _medication,
    "allergy": _allergy,
    "vital": _vital,
}


def _document_reference(
    c: _Ctx, name: str, type_: tuple[str, str], text: str, language: str, title: str, ai: bool = True
) -> dict:
    res = c.base("DocumentReference", name, ai=ai)
    res.update(
        {
            "masterIdentifier": {"system": "urn:scribe:document", "value": f"{c.vid}/{name}"},
            "status": "current",
            "docStatus": _doc_status(c.note),
            "type": _cc(LOINC, *type_),
            "category": [
                _cc(
                    "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category",
                    "clinical-note",
                    "Clinical Note",
                )
            ],
            "subject": c.ref("patient"),
            "date": c.when,
            "author": [c.ref("device"), c.ref("practitioner")],
            "description": title,
            "content": [
                {
                    "attachment": {
                        "contentType": "text/markdown",
                        "language": language,
                        "title": title,
                        "data": base64.b64encode(text.encode()).decode(),
                        "creation": c.when,
                    }
                }
            ],
            "context": {
                "encounter": [c.ref("encounter")],
                **({"period": {"start": c.visit["started_at"]}} if c.visit.get("started_at") else {}),
            },
        }
    )
    if c.signed:
        res["authenticator"] = c.ref("practitioner")
    return res


def bundle(visit: dict, note: dict, facts: list[dict], summary: dict | None) -> dict:
    """visit: visit_dict(); note: scribe.delivery.notes.note_view(); facts: the facts document;
    summary: the patient_summary document (or None)."""
    c = _Ctx(visit, note)
    content = note["note"]
    version = note["version"]
    type_ = NOTE_TYPES.get(visit.get("template")) or NOTE_TYPES.get(content.get("template"), NOTE_TYPES["soap"])
    language = content.get("language") or "en"
    title = content.get("title") or type_[1]

    derived, by_fact = [], {}
    for f in facts or []:
        builder = BUILDERS.get(f.get("kind"))
        res = builder(c, f) if builder else None
        if res is not None:
            derived.append(res)
            by_fact[f["id"]] = {"reference": f"urn:uuid:{res['id']}"}

    sections = []
    for sec in content.get("sections", []):
        sentences = sec.get("sentences", [])
        entries = list(
            {
                by_fact[i]["reference"]: by_fact[i] for s in sentences for i in s.get("fact_ids", []) if i in by_fact
            }.values()
        )
        sections.append(
            {
                "title": sec.get("title") or sec.get("key"),
                "text": _narrative([s["text"] for s in sentences]),
                **({"entry": entries} if entries else {}),
            }
        )

    composition = c.base("Composition", f"composition:v{version}", ai=True)
    composition.update(
        {
            "identifier": {"system": "urn:scribe:document", "value": f"{c.vid}/note/v{version}"},
            "status": _doc_status(note),
            "type": _cc(LOINC, *type_),
            "subject": c.ref("patient"),
            "encounter": c.ref("encounter"),
            "date": c.when,
            "title": title,
            "author": [c.ref("device"), c.ref("practitioner")],
            "section": sections,
        }
    )
    if c.signed:
        composition["attester"] = [{"mode": "legal", "time": note["signed_at"], "party": c.ref("practitioner")}]

    patient = {
        **c.base("Patient", "patient"),
        "identifier": [{"system": "urn:scribe:patient-ref", "value": visit["patient_ref"]}],
    }
    practitioner = {
        **c.base("Practitioner", "practitioner"),
        "identifier": [{"system": "urn:scribe:clinician", "value": visit["clinician_id"]}],
    }
    device = {
        **c.base("Device", "device"),
        "deviceName": [{"name": "Ambient scribe (AI documentation assistant)", "type": "user-friendly-name"}],
    }
    period = {
        k: v
        for k, v in (("start", visit.get("started_at") or visit["created_at"]), ("end", visit.get("stopped_at")))
        if v
    }
    encounter = {
        **c.base("Encounter", "encounter"),
        "identifier": [{"system": "urn:scribe:visit", "value": c.vid}],
        "status": "finished" if visit.get("status") in ("ready", "failed") else "in-progress",
        "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB", "display": "ambulatory"},
        "subject": c.ref("patient"),
        "participant": [{"individual": c.ref("practitioner")}],
        "period": period,
    }
    note_ref = _document_reference(c, f"note:v{version}", type_, content.get("markdown", ""), language, title)
    if note.get("amends"):
        note_ref["relatesTo"] = [
            {
                "code": "replaces",
                "target": {"identifier": {"system": "urn:scribe:document", "value": f"{c.vid}/note:v{note['amends']}"}},
            }
        ]
    resources = [composition, patient, practitioner, device, encounter, note_ref]
    if summary:
        resources.append(
            _document_reference(
                c,
                "patient-summary",
                SUMMARY_TYPE,
                summary.get("markdown", ""),
                summary.get("language") or language,
                "Patient visit summary",
            )
        )
    resources += derived

    agents = [
        {
            "type": _cc("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author", "Author"),
            "who": c.ref("device"),
        }
    ]
    if c.signed:
        agents.append(
            {
                "type": _cc(
                    "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "attester", "Attester"
                ),
                "who": c.ref("practitioner"),
            }
        )
    provenance = {
        **c.base("Provenance", f"provenance:v{version}"),
        "target": [{"reference": f"urn:uuid:{r['id']}"} for r in resources if r.get("meta") == AI],
        "recorded": c.when,
        "agent": agents,
        "activity": _cc(
            "http://terminology.hl7.org/CodeSystem/v3-DataOperation", "UPDATE" if note.get("amends") else "CREATE"
        ),
    }
    resources.append(provenance)
    return {
        "resourceType": "Bundle",
        "id": _id(c.vid, f"bundle:v{version}"),
        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{_id(c.vid, f'bundle:v{version}')}"},
        "type": "document",
        "timestamp": c.when,
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }


def document_references(doc_bundle: dict) -> dict:
    """A searchset Bundle of the DocumentReferences in a document Bundle."""
    refs = [e for e in doc_bundle["entry"] if e["resource"]["resourceType"] == "DocumentReference"]
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": len(refs),
        "entry": [{**e, "search": {"mode": "match"}} for e in refs],
    }


# An HTTP status as the nearest FHIR IssueType (http://hl7.org/fhir/R4/valueset-issue-type.html).
ISSUE_TYPES = {
    400: "invalid",
    401: "login",
    403: "forbidden",
    404: "not-found",
    405: "not-supported",
    409: "conflict",
    410: "deleted",
    412: "conflict",
    413: "too-long",
    422: "invalid",
    429: "throttled",
}


def operation_outcome(status: int, code: str, message: str) -> dict:
    """An error of the FHIR endpoints as FHIR clients expect it: an OperationOutcome (our error code in
    `details.coding`, the message in `diagnostics`), not the REST API's {"error": ...}."""
    return {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": "error",
                "code": ISSUE_TYPES.get(status, "exception" if status >= 500 else "processing"),
                "details": {"coding": [{"system": "urn:scribe:error", "code": code}], "text": message},
                "diagnostics": message,
            }
        ],
    }
