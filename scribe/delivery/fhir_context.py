"""The assistant context as FHIR R4, for assistants that read FHIR and not our JSON (docs/assistant.md):
a collection Bundle with one QuestionnaireResponse (the chief complaint's checklist: answered items with
their answer, open items without one) and what the consultation established as Condition (past medical
history, working diagnoses), MedicationStatement (with the dose and frequency said) and Observation
(symptoms present/absent, vitals and results, history details, social and family history).

Every item and resource carries the evidence extension: the quote and its transcript times, so a reader
can play or show where it was said. Pure functions (dicts in, dicts out); ids are name-based UUIDs of the
visit and the contract's stable item ids, so a fact keeps its resource id from the live context to the
final one. Like everything the engine wrote, resources carry meta.security AIAST.
"""

from __future__ import annotations

import uuid

from scribe.delivery.fhir import AI, ICD10CM

EVIDENCE_URL = "https://scribe.dev/fhir/StructureDefinition/transcript-evidence"
CHECKLIST_URL = "https://scribe.dev/fhir/Questionnaire/checklist-"
CONTEXT_VERSION_URL = "https://scribe.dev/fhir/StructureDefinition/context-version"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CLINICAL_STATUS = "http://terminology.hl7.org/CodeSystem/condition-clinical"
VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"

# fact kind → observation category (symptoms, history and family history are the patient's "survey")
CATEGORY = {"vital": "vital-signs", "result": "laboratory", "exam": "exam", "social_history": "social-history"}


def _uuid(visit_id: str, name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"scribe:{visit_id}:context:{name}"))


def evidence_extensions(evidence: list[dict]) -> list[dict]:
    """One extension per quote: where in the transcript it was said (seconds from the visit's start)."""
    out = []
    for e in evidence[:3]:
        parts = [
            {"url": "quote", "valueString": e["quote"]},
            {"url": "start", "valueDecimal": round(float(e["start"]), 2)},
            {"url": "end", "valueDecimal": round(float(e["end"]), 2)},
            {"url": "segment", "valueInteger": int(e["segment_id"])},
        ]
        if e.get("role"):
            parts.append({"url": "role", "valueString": e["role"]})
        out.append({"url": EVIDENCE_URL, "extension": parts})
    return out


class _Refs:
    def __init__(self, visit: dict):
        self.vid = visit["id"]
        patient = visit.get("patient_ref")
        self.subject = {"reference": f"Patient/{patient}"} if patient else {"display": "patient of this visit"}
        self.encounter = {"reference": f"Encounter/{visit.get('encounter_ref') or visit['id']}"}

    def base(self, kind: str, name: str, evidence: list[dict]) -> dict:
        res = {"resourceType": kind, "id": _uuid(self.vid, name), "meta": AI}
        ext = evidence_extensions(evidence)
        if ext:
            res["extension"] = ext
        return res


def questionnaire_response(ctx: dict, refs: _Refs, authored: str | None) -> dict:
    items = []
    for item in ctx.get("checklist", []):
        entry = {"linkId": item["id"], "text": item["question"]}
        if item.get("answered"):
            entry["answer"] = [{"valueString": item.get("answer") or "yes"}]
            ext = evidence_extensions(item.get("evidence", []))
            if ext:
                entry["extension"] = ext
        items.append(entry)
    res = refs.base("QuestionnaireResponse", "checklist", [])
    res.update(
        questionnaire=CHECKLIST_URL + str(ctx.get("checklist_name") or "default").replace(" ", "-"),
        status="completed" if ctx.get("final") else "in-progress",
        subject=refs.subject,
        encounter=refs.encounter,
        extension=[{"url": CONTEXT_VERSION_URL, "valueInteger": int(ctx.get("version", 0))}],
    )
    if authored:
        res["authored"] = authored
    if items:
        res["item"] = items
    return res


def condition(item: dict, refs: _Refs) -> dict | None:
    if item["kind"] not in ("past_medical", "assessment") or item.get("status") in ("absent", "none"):
        return None
    res = refs.base("Condition", item["id"], item.get("evidence", []))
    code = {"text": item["label"]}
    if item.get("attributes", {}).get("code"):
        code["coding"] = [{"system": ICD10CM, "code": item["attributes"]["code"]}]
    res.update(
        clinicalStatus={"coding": [{"system": CLINICAL_STATUS, "code": "active"}]},
        verificationStatus={
            "coding": [{"system": VERIFICATION, "code": "provisional" if item["kind"] == "assessment" else "confirmed"}]
        },
        code=code,
        subject=refs.subject,
        encounter=refs.encounter,
    )
    return res


def medication(item: dict, refs: _Refs) -> dict | None:
    if item["kind"] != "medication":
        return None
    a = item.get("attributes", {})
    res = refs.base("MedicationStatement", item["id"], item.get("evidence", []))
    status = {"stopped": "stopped", "new": "intended"}.get(item.get("status"), "active")
    res.update(
        status=status,
        medicationCodeableConcept={"text": item["label"]},
        subject=refs.subject,
        context=refs.encounter,
    )
    dosage = " ".join(str(a[k]) for k in ("dose", "unit", "frequency") if a.get(k))
    if dosage:
        res["dosage"] = [{"text": dosage}]
    return res


def observation(item: dict, refs: _Refs, final: bool) -> dict | None:
    kind = item["kind"]
    if kind not in ("symptom", "vital", "result", "exam", "social_history", "family_history", "hpi", "allergy"):
        return None
    if kind == "hpi" and item["label"] == "statement":
        return None  # free prose: the record's text carries it
    res = refs.base("Observation", item["id"], item.get("evidence", []))
    label = item["label"]
    if kind == "family_history":
        label = f"family history of {label}"
    elif kind == "hpi":
        label = f"{label} of the presenting complaint"
    elif kind == "allergy":
        label = "allergy" if item.get("status") != "none" else "no known allergies"
    res.update(
        status="final" if final else "preliminary",
        category=[{"coding": [{"system": OBSERVATION_CATEGORY, "code": CATEGORY.get(kind, "survey")}]}],
        code={"text": label},
        subject=refs.subject,
        encounter=refs.encounter,
    )
    if kind in ("symptom", "family_history") and item.get("status") in ("present", "absent"):
        res["valueBoolean"] = item["status"] == "present"
        relative = item.get("attributes", {}).get("relative")
        if relative:
            res["note"] = [{"text": f"relative: {relative}"}]
    elif kind == "allergy":
        res["valueString"] = item["label"]
    elif item.get("value"):
        unit = item.get("attributes", {}).get("unit")
        res["valueString"] = f"{item['value']} {unit}".strip() if unit and kind == "vital" else str(item["value"])
    elif item.get("status"):
        res["valueString"] = item["status"]
    return res


def bundle(visit: dict, ctx: dict) -> dict:
    """visit: scribe.delivery.fhir.visit_dict() (+ encounter_ref); ctx: an AssistantContext as a dict."""
    refs = _Refs(visit)
    authored = visit.get("ready_at") if ctx.get("final") else None
    resources = [questionnaire_response(ctx, refs, authored or visit.get("started_at") or visit.get("created_at"))]
    final = bool(ctx.get("final"))
    for item in ctx.get("established", []):
        res = condition(item, refs) or medication(item, refs) or observation(item, refs, final)
        if res is not None:
            resources.append(res)
    return {
        "resourceType": "Bundle",
        "id": _uuid(visit["id"], f"bundle-{ctx.get('version', 0)}"),
        "meta": {"tag": [{"system": CONTEXT_VERSION_URL, "code": str(ctx.get("version", 0))}]},
        "type": "collection",
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }
