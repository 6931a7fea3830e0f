"""Clinician review on a real server: edits as versions with evidence kept, optimistic concurrency,
sign-off (clinicians only), immutability, amendments, the events each step emits, and the FHIR
document Bundle (validated with fhir.resources) before and after signature."""

from __future__ import annotations

import threading

import httpx
import pytest

from tests.test_delivery_support import auth, empty_visit, fhir_validate, recorded_visit, subscribed


@pytest.fixture(scope="module")
def visit(scribe, consult):
    """One real consultation, streamed and finalized (its note has evidence-linked sentences)."""
    return recorded_visit(scribe, consult.wav, patient_ref="PATIENT-NOTES-1")


def _note(scribe, visit_id, who):
    r = httpx.get(f"{scribe.http}/v1/visits/{visit_id}/note", headers=auth(who))
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == f'"{r.json()["version"]}"'
    return r.json()


def _patch(scribe, visit_id, who, sections, if_match=None):
    headers = {**auth(who), **({"If-Match": f'"{if_match}"'} if if_match is not None else {})}
    return httpx.patch(f"{scribe.http}/v1/visits/{visit_id}/note", json={"sections": sections}, headers=headers)


def _bundle(scribe, visit_id, who):
    r = httpx.get(f"{scribe.http}/fhir/r4/Bundle/{visit_id}", headers=auth(who))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/fhir+json")
    return r.json()


def test_note_life_cycle(scribe, visit):
    key, vid = scribe.keys["a"], visit["id"]
    with subscribed(scribe, ["note.signed", "note.amended", "patient_summary.ready"]) as (receiver, _):
        token = scribe.token("a", visit["clinician_id"])
        v1 = _note(scribe, vid, key)
        assert v1["version"] == 1 and v1["status"] == "draft" and v1["author"] == "system"

        # FHIR while the note is a draft: preliminary; Composition first, one section per note section.
        bundle = _bundle(scribe, vid, key)
        fhir_validate(bundle)
        kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
        assert bundle["type"] == "document" and kinds[0] == "Composition"
        comp = bundle["entry"][0]["resource"]
        assert [s["title"] for s in comp["section"]] == [s["title"] for s in v1["note"]["sections"]]
        refs = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DocumentReference"]
        assert len(refs) == 2  # the note and the patient summary
        assert refs[0]["type"]["coding"][0]["code"] == "11506-3" and refs[0]["docStatus"] == "preliminary"
        assert refs[0]["context"]["encounter"][0]["reference"] == comp["encounter"]["reference"]
        assert {"Encounter", "Provenance", "AllergyIntolerance"} <= set(kinds), kinds  # (more: test_delivery_fhir)
        allergy = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "AllergyIntolerance")
        assert "penicillin" in allergy["code"]["text"].lower()
        search = httpx.get(f"{scribe.http}/fhir/r4/DocumentReference", params={"encounter": vid}, headers=auth(key))
        assert search.status_code == 200 and search.json()["total"] == 2

        # Edit one section: the sentence kept verbatim keeps its evidence; the new line has none.
        section = next(s for s in v1["note"]["sections"] if any(x["evidence"] for x in s["sentences"]))
        kept = next(x for x in section["sentences"] if x["evidence"])
        text = f"- {kept['text']}\nPatient prefers morning appointments."
        r = _patch(scribe, vid, token, {section["key"]: text}, if_match=1)
        assert r.status_code == 200, r.text
        assert r.json()["version"] == 2 and r.headers["etag"] == '"2"'
        v2 = _note(scribe, vid, key)
        edited = next(s for s in v2["note"]["sections"] if s["key"] == section["key"])
        assert [x["text"] for x in edited["sentences"]] == [kept["text"], "Patient prefers morning appointments."]
        assert edited["sentences"][0]["evidence"] == kept["evidence"] and edited["sentences"][0]["fact_ids"]
        assert edited["sentences"][1]["evidence"] == [] and edited["sentences"][1]["source"] == "clinician"
        assert edited["edited_by"] == f"clinician:{visit['clinician_id']}" and edited["edited_at"]
        assert v2["author"] == f"clinician:{visit['clinician_id']}" and v2["parent_version"] == 1
        untouched = [s for s in v2["note"]["sections"] if s["key"] != section["key"]]
        assert untouched == [s for s in v1["note"]["sections"] if s["key"] != section["key"]]
        assert "Patient prefers morning appointments." in v2["note"]["markdown"]

        # A stale If-Match is a conflict, and names the current version.
        r = _patch(scribe, vid, token, {section["key"]: "Something else."}, if_match=1)
        assert r.status_code == 409 and r.json()["error"]["code"] == "version_conflict"
        assert r.json()["error"]["version"] == 2

        # Only a clinician signs.
        r = httpx.post(f"{scribe.http}/v1/visits/{vid}/note/sign", headers=auth(key))
        assert r.status_code == 403 and r.json()["error"]["code"] == "clinician_required"
        r = httpx.post(f"{scribe.http}/v1/visits/{vid}/note/sign", headers={**auth(token), "If-Match": '"1"'})
        assert r.status_code == 409 and r.json()["error"]["code"] == "version_conflict"
        r = httpx.post(f"{scribe.http}/v1/visits/{vid}/note/sign", headers={**auth(token), "If-Match": '"2"'})
        assert r.status_code == 200, r.text
        signed = r.json()
        assert signed["version"] == 2 and signed["status"] == "signed"
        assert signed["signed_by"] == visit["clinician_id"] and signed["signed_at"]
        event = receiver.wait_for("note.signed", vid)
        assert event.json["data"]["version"] == 2 and "content" not in event.json["data"]  # thin by default
        assert event.json["data"]["links"]["fhir"].endswith(f"/fhir/r4/Bundle/{vid}?version=2")
        # First signature: the patient gets a link, announced by webhook.
        link = receiver.wait_for("patient_summary.ready", vid).json["data"]["patient_link"]
        assert "/p/" in link["url"]
        page = httpx.get(f"{scribe.http}{link['url']}")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]

        # Signed means final: no edit, no second signature; FHIR is final.
        r = _patch(scribe, vid, token, {section["key"]: "Late change."}, if_match=2)
        assert r.status_code == 409 and r.json()["error"]["code"] == "note_signed"
        assert "amend" in r.json()["error"]["message"]
        r = httpx.post(f"{scribe.http}/v1/visits/{vid}/note/sign", headers=auth(token))
        assert r.status_code == 409 and r.json()["error"]["code"] == "note_signed"
        bundle = _bundle(scribe, vid, key)
        fhir_validate(bundle)
        refs = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DocumentReference"]
        assert all(ref["docStatus"] == "final" for ref in refs)
        prov = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Provenance")
        roles = {a["type"]["coding"][0]["code"]: a["who"]["reference"] for a in prov["agent"]}
        device = next(e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Device")
        practitioner = next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "Practitioner")
        assert roles == {"author": device, "attester": practitioner["fullUrl"]}
        assert practitioner["resource"]["identifier"][0]["value"] == visit["clinician_id"]
        assert bundle["entry"][0]["resource"]["meta"]["security"][0]["code"] == "AIAST"

        # Amend: If-Match must name the signed version; the amendment is a draft that amends it.
        r = httpx.post(
            f"{scribe.http}/v1/visits/{vid}/note/amend",
            headers={**auth(token), "If-Match": '"1"'},
            json={"sections": {section["key"]: "Corrected line."}, "reason": "dictation error"},
        )
        assert r.status_code == 409 and r.json()["error"]["code"] == "version_conflict"
        r = httpx.post(
            f"{scribe.http}/v1/visits/{vid}/note/amend", headers={**auth(token), "If-Match": '"2"'}, json={"reason": ""}
        )
        assert r.status_code == 422
        r = httpx.post(
            f"{scribe.http}/v1/visits/{vid}/note/amend",
            headers={**auth(token), "If-Match": '"2"'},
            json={"sections": {section["key"]: "Corrected line."}, "reason": "dictation error"},
        )
        assert r.status_code == 201, r.text
        assert r.json()["version"] == 3 and r.json()["amends"] == 2 and r.json()["status"] == "draft"
        assert r.json()["note"]["amendment"]["reason"] == "dictation error"
        r = _patch(scribe, vid, token, {section["key"]: "Corrected line, checked."}, if_match=3)
        assert r.status_code == 200 and r.json()["amends"] == 2
        assert _note(scribe, vid, key)["version"] == 4
        assert _note(scribe, vid, key) == _note(scribe, vid, key)
        r = httpx.get(f"{scribe.http}/v1/visits/{vid}/note", params={"version": 2}, headers=auth(key))
        assert r.json()["status"] == "signed" and r.json()["note"] == v2["note"]  # the signed version is untouched
        r = httpx.post(f"{scribe.http}/v1/visits/{vid}/note/sign", headers={**auth(token), "If-Match": '"4"'})
        assert r.status_code == 200 and r.json()["amends"] == 2
        amended = receiver.wait_for("note.amended", vid)
        assert amended.json["data"]["version"] == 4 and amended.json["data"]["amends"] == 2
        assert len(receiver.accepted("note.signed", vid)) == 1  # only the first signature is note.signed
        assert len(receiver.accepted("patient_summary.ready", vid)) == 1
        bundle = _bundle(scribe, vid, key)
        fhir_validate(bundle)
        note_ref = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DocumentReference")
        assert note_ref["docStatus"] == "amended" and note_ref["relatesTo"][0]["code"] == "replaces"
        versions = httpx.get(f"{scribe.http}/v1/visits/{vid}/note/versions", headers=auth(key)).json()["versions"]
        assert [(v["version"], v["status"], v["amends"]) for v in versions] == [
            (1, "draft", None),
            (2, "signed", None),
            (3, "draft", 2),
            (4, "signed", 2),
        ]


def test_invalid_note_requests_are_clear_4xx(scribe):
    visit = empty_visit(scribe)
    key, url = scribe.keys["a"], f"{scribe.http}/v1/visits/{visit['id']}/note"
    cases = [
        ({}, 422),
        ({"sections": {}}, 422),
        ({"sections": {"plan": 5}}, 422),
        ({"sections": ["plan"]}, 422),
        ({"sections": {"plan": "x"}, "extra": 1}, 422),
        ({"sections": {"plan": "x" * 20001}}, 422),
        ({"sections": {"no-such-section": "x"}}, 422),
    ]
    for body, status in cases:
        r = httpx.patch(url, json=body, headers=auth(key))
        assert r.status_code == status, (body, r.text)
        assert set(r.json()["error"]) >= {"code", "message"}, r.text
    r = httpx.patch(url, content=b"{not json", headers={**auth(key), "content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    r = httpx.patch(url, json={"sections": {"no-such-section": "x"}}, headers=auth(key))
    assert r.json()["error"]["code"] == "unknown_section" and "plan" in r.json()["error"]["sections"]
    assert httpx.get(url, params={"version": 9}, headers=auth(key)).status_code == 404
    assert httpx.patch(url, json={"sections": {"plan": "x"}}, headers=auth(scribe.keys["b"])).status_code == 404
    r = httpx.post(f"{scribe.http}/v1/visits/{visit['id']}/note/amend", json={"reason": "x"}, headers=auth(key))
    assert r.status_code == 409 and r.json()["error"]["code"] == "not_signed"
    # The empty note takes a template section that had no content, in template order.
    r = httpx.patch(url, json={"sections": {"Plan": "Rest.", "subjective": "Cough."}}, headers=auth(key))
    assert r.status_code == 200, r.text
    assert [s["key"] for s in r.json()["note"]["sections"]] == ["subjective", "plan"]


def test_concurrent_edits_one_wins(scribe):
    visit = empty_visit(scribe)
    key, vid = scribe.keys["a"], visit["id"]
    for round_ in range(3):
        version = _note(scribe, vid, key)["version"]
        barrier, results = threading.Barrier(2), []

        def edit(text, barrier=barrier, version=version, results=results):
            barrier.wait()
            r = httpx.patch(
                f"{scribe.http}/v1/visits/{vid}/note",
                json={"sections": {"plan": text}},
                headers={**auth(key), "If-Match": f'"{version}"'},
                timeout=30,
            )
            results.append((r.status_code, r.json()))

        threads = [threading.Thread(target=edit, args=(f"Plan {round_} from {who}.",)) for who in ("A", "B")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        codes = sorted(code for code, _ in results)
        assert codes == [200, 409], results
        loser = next(body for code, body in results if code == 409)
        assert loser["error"]["code"] == "version_conflict"
        winner = next(body for code, body in results if code == 200)
        assert _note(scribe, vid, key)["version"] == version + 1 == winner["version"]


def test_fhir_errors_are_operation_outcomes(scribe, visit):
    """A FHIR client gets FHIR errors: an OperationOutcome (application/fhir+json) with the IssueType
    of the status, for every way a FHIR request can fail; the REST API keeps its own error shape."""
    from fhir.resources.R4B.operationoutcome import OperationOutcome

    vid = visit["id"]
    cases = [
        (f"/fhir/r4/Bundle/{vid}", {}, auth(scribe.keys["b"]), 404, "not-found"),  # another tenant's
        (f"/fhir/r4/Bundle/{vid}", {}, {}, 401, "login"),
        (f"/fhir/r4/Bundle/{vid}", {"version": "0"}, auth(scribe.keys["a"]), 422, "invalid"),
        ("/fhir/r4/DocumentReference", {}, auth(scribe.keys["a"]), 422, "invalid"),
        ("/fhir/r4/Patient/123", {}, auth(scribe.keys["a"]), 404, "not-found"),
    ]
    for path, params, headers, status, issue in cases:
        r = httpx.get(f"{scribe.http}{path}", params=params, headers=headers)
        assert r.status_code == status, (path, r.text)
        assert r.headers["content-type"].startswith("application/fhir+json"), path
        outcome = OperationOutcome.model_validate(r.json())
        assert outcome.issue[0].code == issue and outcome.issue[0].severity == "error", (path, r.json())
        assert outcome.issue[0].diagnostics, path
    r = httpx.get(f"{scribe.http}/v1/visits/{vid}", headers=auth(scribe.keys["b"]))
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = httpx.get(f"{scribe.http}/v1/no-such-route", headers=auth(scribe.keys["a"]))
    assert r.status_code == 404 and "detail" in r.json()
