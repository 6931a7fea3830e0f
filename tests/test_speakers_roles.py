"""Two voices stay two, one voice stays one, weak role evidence is "unknown", and the clinician fixes roles.

Speech is spoken here by espeak-ng (similar voices of one gender, a single-voice dictation); the role swap
runs against a real `scribe serve` (real models, a visit streamed over the websocket) and in Chromium.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import numpy as np
import pytest

from scribe.api.client import stream
from scribe.schemas import Segment
from scribe.speech.decode import decode
from scribe.speech.diarize import DiarizeOptions, diarize
from scribe.speech.live_speakers import LiveSpeakers
from scribe.speech.roles import assign_roles
from tests.conftest import DIALOGUE_EN, speak, synth
from tests.test_service_support import auth, consent, wait_ready

# Two male voices espeak-ng makes alike (CAM++ centroids ~0.9 cosine-similar); the patient speaks little.
SIMILAR = {"clinician": "en+m1", "patient": "en+m2"}
SHORT_REPLIES = [
    ("clinician", "Good morning. I have looked at the blood tests from last week, and I want to go through them."),
    ("patient", "Okay, thank you."),
    ("clinician", "Your cholesterol is a little high, and your blood sugar is at the upper limit of normal."),
    ("patient", "Is that bad?"),
    ("clinician", "Not yet. With more exercise and less salt and sugar, both numbers usually come down."),
    ("patient", "I can walk every morning."),
    ("clinician", "That is a good plan. We will repeat the blood work in three months and see where we are."),
]
DICTATION = (
    "Patient seen today for follow up of hypertension. Blood pressure is one hundred and thirty over eighty "
    "five. Continue lisinopril ten milligrams once a day. Repeat the kidney function tests in three months. "
    "The patient was advised to reduce salt intake and to exercise regularly. Follow up in six months."
)


@pytest.fixture(scope="module")
def engine():
    from scribe.engines.diarization import load_diarization_engine

    return load_diarization_engine()


def test_two_similar_voices_are_two_speakers(engine, tmp_path):
    consult = synth(tmp_path / "similar.wav", SHORT_REPLIES, "en", voices=SIMILAR)
    result = diarize(decode(consult.wav), engine, DiarizeOptions(min_speakers=1, max_speakers=4))
    assert len(result.speakers) == 2, result.turns
    # most of the clinician's speech goes to one speaker, most of the patient's to the other
    talk: dict[tuple[str, str], float] = {}
    for ref in consult.turns:
        for turn in result.turns:
            shared = min(ref["end"], turn.end) - max(ref["start"], turn.start)
            if shared > 0:
                talk[ref["role"], turn.speaker] = talk.get((ref["role"], turn.speaker), 0.0) + shared
    main = {role: max(result.speakers, key=lambda s: talk.get((role, s), 0.0)) for role in SIMILAR}
    assert main["clinician"] != main["patient"], talk
    patient_speech = sum(t["end"] - t["start"] for t in consult.turns if t["role"] == "patient")
    assert talk[("patient", main["patient"])] > 0.6 * patient_speech, talk


def test_single_voice_dictation_stays_one(engine):
    samples = np.concatenate([speak(s + ".", "en+m1") for s in DICTATION.split(". ")] * 2)
    from scribe.speech.types import Audio

    result = diarize(Audio(samples), engine, DiarizeOptions(min_speakers=1, max_speakers=4))
    assert len(result.speakers) == 1 and len(samples) / 16000 > 30, result.turns


def _segments(lines: list[tuple[str, str]]) -> list[Segment]:
    return [Segment(id=i, start=2.0 * i, end=2.0 * i + 1.5, speaker=s, text=t) for i, (s, t) in enumerate(lines)]


@pytest.mark.parametrize("doctor", ["S1", "S2"])
def test_who_says_vous_and_who_says_je(doctor):
    """French speech through the recogniser often loses its question marks and says few of the cue phrases; the
    clinician still speaks to the patient ("vous", "votre") and the patient of themselves ("je", "mon")."""
    patient = "S2" if doctor == "S1" else "S1"
    lines = [
        (doctor, "Bonjour madame, alors vous venez pour votre tension."),
        (patient, "Oui, je suis un peu inquiète, mon médecin m'a dit qu'elle était haute."),
        (doctor, "Vous dormez bien en ce moment."),
        (patient, "Pas trop, je me réveille la nuit et j'ai la tête qui tourne le matin."),
        (doctor, "D'accord, et votre mari vous accompagne aujourd'hui."),
        (patient, "Non, je suis venue seule, ma sœur travaille, moi je viens en bus."),
    ]
    speakers = assign_roles(_segments(lines))
    assert speakers[doctor].role == "clinician" and speakers[patient].role == "patient"
    assert "1 clinician cues" not in speakers[doctor].evidence[1]  # decided by whom they address, not a cue


def test_speaker_without_cues_is_unknown():
    neutral = _segments(
        [
            ("S1", "The weather was grey this morning."),
            ("S2", "The bus was late again."),
            ("S1", "There is a new bakery on the corner."),
            ("S2", "The bread there is good."),
        ]
    )
    speakers = assign_roles(neutral)
    assert {s: i.role for s, i in speakers.items()} == {"S1": "unknown", "S2": "unknown"}
    assert all(0.4 <= i.confidence <= 0.6 for i in speakers.values())
    assert any("too little evidence" in e for e in speakers["S1"].evidence)
    # one speaker with clear cues and one without: both are decided
    clear = _segments([("S1", "What brings you in today? Any fever?"), ("S2", "I have had a cough for a week.")])
    assert {s: i.role for s, i in assign_roles(clear).items()} == {"S1": "clinician", "S2": "patient"}
    # a lone voice that asks nothing is not the patient for lack of questions (a dictation asks none)
    assert assign_roles(_segments([("S1", "The weather was grey this morning.")]))["S1"].role == "unknown"
    assert assign_roles(_segments([("S1", DICTATION)]))["S1"].role == "clinician"
    # live labels follow the same rule
    live = LiveSpeakers()
    unit = np.ones(192) / np.sqrt(192)
    assert live.label(unit, 3.0, "The bus was late again.")[1] == "unknown"


# --------------------------------------------------------------------------- the clinician fixes roles


@pytest.fixture(scope="module")
def ready_visit(embedded, tmp_path_factory):  # noqa: F811
    """A visit of DIALOGUE_EN streamed to the embedded service and finalized: (service, key, visit id)."""
    service, keys = embedded
    consult = synth(tmp_path_factory.mktemp("speakers") / "consult.wav", DIALOGUE_EN, "en")
    body = {"clinician_id": "dr-martin", "patient_ref": "P-SPK-1", "language": "en", "consent": consent()}
    visit = httpx.post(f"{service.http}/v1/visits", json=body, headers=auth(keys["a"]), timeout=30).json()
    report = stream(consult.wav, f"{service.ws}/v1/visits/{visit['id']}/audio", keys["a"], speed=3.0)
    errors = [line for line in service.logs().splitlines() if '"level": "error"' in line]
    assert report.ready, (report.summary(), errors[-3:])
    assert wait_ready(service, keys["a"], visit["id"])["status"] == "ready"
    return service, keys["a"], visit["id"]


def _get(service, key, path: str):
    r = httpx.get(f"{service.http}{path}", headers=auth(key), timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def _put(service, key, vid: str, body, **headers):
    return httpx.put(f"{service.http}/v1/visits/{vid}/speakers", json=body, headers=auth(key) | headers, timeout=120)


def _said_by(facts: list[dict], speaker: str) -> set[str]:
    """The roles given to `speaker` in the evidence of the facts (the patient's allergy, medication and
    symptoms: which of them tiny.en hears right depends on the CPU)."""
    return {e["role"] for f in facts for e in f["evidence"] if e["speaker"] == speaker}


def _plan_of(note: dict, speaker: str) -> set[str]:
    """The plan sentences of a stored note that quote `speaker` (and no one else)."""
    plans = [sec for sec in note["note"]["sections"] if sec["key"] == "plan"]
    return {
        s["text"]
        for plan in plans
        for s in plan["sentences"]
        if s["evidence"] and {e["speaker"] for e in s["evidence"]} == {speaker}
    }


def test_role_swap_regenerates_the_note(ready_visit):
    service, key, vid = ready_visit
    base = f"/v1/visits/{vid}"
    before = _get(service, key, f"{base}/speakers")
    roles = {s: i["role"] for s, i in before["speakers"].items()}
    assert sorted(roles.values()) == ["clinician", "patient"], before
    clinician = next(s for s, r in roles.items() if r == "clinician")
    patient = next(s for s, r in roles.items() if r == "patient")
    note_v1 = _get(service, key, f"{base}/note")
    facts_v1 = _get(service, key, f"{base}/facts")
    assert _said_by(facts_v1, patient) == {"patient"}, facts_v1  # the facts the patient's words support
    plan_v1 = _plan_of(note_v1, clinician)
    assert plan_v1, note_v1["note"]["markdown"]  # the clinician's plan (its wording depends on what tiny.en hears)

    r = _put(service, key, vid, {"swap": True}, **{"If-Match": f'"{note_v1["version"]}"'})
    assert r.status_code == 200, r.text
    view = r.json()
    assert view["speakers"] == {clinician: "patient", patient: "clinician"}
    assert r.headers["ETag"] == f'"{note_v1["version"] + 1}"' and view["note"]["parent_version"] == note_v1["version"]
    transcript = _get(service, key, f"{base}/transcript")
    assert {s["role"] for s in transcript["segments"] if s["speaker"] == patient} == {"clinician"}
    assert transcript["speakers"][patient]["confidence"] == 1.0
    assert transcript["speakers"][patient]["evidence"][0].startswith("set by ")
    # the note and the facts were rebuilt on the corrected roles: the patient's words are now the clinician's,
    # the plan the old clinician spoke is no longer the clinician's
    assert _get(service, key, f"{base}/note")["version"] == note_v1["version"] + 1
    # the old patient's words, where a fact still quotes them (tiny.en's wording decides which do), are the clinician's
    assert _said_by(_get(service, key, f"{base}/facts"), patient) <= {"clinician"}
    assert view["note"]["note"]["markdown"] != note_v1["note"]["markdown"]
    assert not _plan_of(view["note"], clinician) and not plan_v1 & _plan_of(view["note"], patient), view["note"]
    versions = _get(service, key, f"{base}/note/versions")["versions"]
    assert [v["version"] for v in versions] == [1, 2] and versions[0]["author"] == "system"
    assert versions[1]["author"] != "system"

    # the same roles again: nothing to regenerate; a stale If-Match, an unknown speaker, a bad body: clear 4xx
    again = _put(service, key, vid, {"roles": {clinician: "patient"}})
    assert again.status_code == 200 and again.json()["note"]["version"] == 2
    stale = _put(service, key, vid, {"roles": {clinician: "clinician"}}, **{"If-Match": '"1"'})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "version_conflict"
    nobody = _put(service, key, vid, {"roles": {"S9": "patient"}})
    assert nobody.status_code == 422 and nobody.json()["error"]["code"] == "unknown_speaker"
    for bad in ({}, {"roles": {clinician: "doctor"}}, {"swap": True, "roles": {clinician: "patient"}}):
        assert _put(service, key, vid, bad).status_code == 422, bad

    # assign back by hand: the note returns to the clinician's plan
    r = _put(service, key, vid, {"roles": {clinician: "clinician", patient: "patient"}})
    assert r.status_code == 200 and _plan_of(r.json()["note"], clinician) == plan_v1
    assert _said_by(_get(service, key, f"{base}/facts"), patient) == {"patient"}

    # a signed note is not replaced: the correction is an amendment draft
    sign = httpx.post(f"{service.http}{base}/note/sign", headers=auth(_clinician_token(service, key)), timeout=30)
    assert sign.status_code == 200, sign.text
    r = _put(service, key, vid, {"swap": True})
    assert r.status_code == 200, r.text
    amended = r.json()["note"]
    assert amended["status"] == "draft" and amended["amends"] == sign.json()["version"]
    assert amended["note"]["amendment"]["reason"] == "speaker roles corrected"
    assert _get(service, key, f"{base}/note?version={sign.json()['version']}")["status"] == "signed"


def _clinician_token(service, key: str) -> str:
    r = httpx.post(
        f"{service.http}/v1/tokens", json={"clinician_id": "dr-martin", "ttl_seconds": 600}, headers=auth(key)
    )
    assert r.status_code == 201, r.text
    return r.json()["token"]


def test_swap_button_in_the_web_app(ready_visit):
    from tests.test_webapp import CHROMIUM, FLAGS

    service, key, vid = ready_visit
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    before = _get(service, key, f"/v1/visits/{vid}/note")["version"]
    roles = {s: i["role"] for s, i in _get(service, key, f"/v1/visits/{vid}/speakers")["speakers"].items()}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 1024, "height": 768}, locale="en-US")
        page.goto(f"{service.http}/app/?token={_clinician_token(service, key)}#/visit/{vid}")
        page.wait_for_selector(f".note-meta[data-version='{before}']")
        first_role = page.locator(".transcript .seg.final").first.get_attribute("data-role")
        page.click("#swap-roles")
        page.wait_for_selector(f".note-meta[data-version='{before + 1}']", timeout=120_000)
        page.wait_for_selector("#speakers-status:has-text('Roles corrected')")
        swapped = {"clinician": "patient", "patient": "clinician"}
        assert page.locator(".transcript .seg.final").first.get_attribute("data-role") == swapped[first_role]
        for name, role in roles.items():
            assert page.locator(f"select.speaker-role[data-speaker='{name}']").input_value() == swapped[role]
        browser.close()
    assert _get(service, key, f"/v1/visits/{vid}/note")["version"] == before + 1
