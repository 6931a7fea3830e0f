"""The question assistant during a live visit, on a real embedded server over its websocket: espeak-ng
speech streamed in real time (×2), `context.updated` pushed as final segments arrive, `POST /ask`
answering from the live context before stop (what was said is answered, what comes later is not), the
final context replacing the live one after stop (same ids for the same facts), and the context as FHIR R4
validated with fhir.resources."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time

import httpx
import pytest
import websockets

from scribe.api.protocol import encode_frame
from tests.conftest import synth
from tests.test_delivery_support import fhir_validate
from tests.test_service_support import auth, create_visit, pcm_of

# live timing (windows, prefills, labels as the audio streams): run alone, after the parallel part (Makefile)
pytestmark = pytest.mark.serial

# Sleep is asked and answered early; the family history only after the pause point. (Words tiny.en hears
# right in espeak-ng's voices, live, on a loaded machine: it turns drug names and numbers into other words.)
DIALOGUE = [
    ("clinician", "Good morning. What brings you in today?"),
    ("patient", "I have had a cough for five days. I check my blood pressure at home every morning."),
    ("clinician", "Okay. Do you have any fever?"),
    ("patient", "No, no fever at all. I feel tired in the evening."),
    ("clinician", "Do you have any trouble sleeping at night?"),
    ("patient", "No, I sleep well most nights."),
    ("clinician", "Good. Let me write that down for a moment."),
    ("patient", "Sure, take your time."),
    ("clinician", "And how is your appetite these days?"),
    ("patient", "My appetite is fine, thank you."),
    ("clinician", "Is there any heart disease in your family?"),
    ("patient", "Yes, my father. He had a heart attack at sixty."),
    ("clinician", "Let me listen to your lungs. Your lungs sound clear. I think this is a viral infection."),
]
EARLY = "Does he have any trouble sleeping?"
LATE = "Any family history of heart disease?"
LATE_FR = "Y a-t-il des antécédents familiaux de maladie cardiaque ?"


class LiveClient:
    """A minimal device: streams PCM at `speed`× real time, can hold at an audio time until released,
    and keeps every server message with its arrival time."""

    def __init__(self, url: str, key: str, pcm: bytes, speed: float = 2.0, hold_at: float | None = None):
        self.url, self.key, self.pcm, self.speed = url, key, pcm, speed
        self.hold_at = hold_at
        self.release = asyncio.Event()
        self.messages: list[tuple[float, dict]] = []
        self.acked = 0

    def of_type(self, kind: str) -> list[dict]:
        return [m for _t, m in self.messages if m.get("type") == kind]

    async def receive(self, ws) -> None:
        async for raw in ws:
            msg = json.loads(raw)
            self.messages.append((time.monotonic(), msg))
            if msg.get("type") == "ack":
                self.acked = max(self.acked, msg["offset"])

    async def run(self, timeout: float = 300) -> None:
        async with websockets.connect(self.url, additional_headers=auth(self.key), max_size=None) as ws:
            receiver = asyncio.create_task(self.receive(ws))
            await ws.send(json.dumps({"type": "start", "format": "pcm_s16le", "sample_rate": 16000, "channels": 1}))
            frame, pos, seq, t0 = 3200, 0, 0, time.monotonic()
            held = 0.0
            while pos < len(self.pcm):
                at = pos / 32000
                if self.hold_at is not None and at >= self.hold_at and not self.release.is_set():
                    h0 = time.monotonic()
                    await asyncio.wait_for(self.release.wait(), timeout)
                    held += time.monotonic() - h0
                delay = t0 + held + at / self.speed - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                chunk = self.pcm[pos : pos + frame]
                await ws.send(encode_frame(seq, pos, chunk))
                pos, seq = pos + len(chunk), seq + 1
            while self.acked < len(self.pcm):
                await asyncio.sleep(0.02)
            await ws.send(json.dumps({"type": "stop"}))
            await asyncio.wait_for(receiver, timeout)  # the server closes after visit.ready


def test_live_assistant_answers_before_stop(embedded, tmp_path):
    service, t = embedded
    consult = synth(tmp_path / "assistant.wav", DIALOGUE, "en")
    early_end = consult.turns[5]["end"]
    late_start = consult.turns[11]["start"]
    visit = create_visit(service, t["a"])
    vid, headers = visit["id"], auth(t["a"])
    ask_url = f"{service.http}/v1/visits/{vid}/ask"

    # Before anything is transcribed, the assistant says so (409 not_ready), it does not guess.
    r = httpx.post(ask_url, json={"question": EARLY}, headers=headers, timeout=30)
    assert r.status_code == 409 and r.json()["error"]["code"] == "not_ready", r.text

    client = LiveClient(
        f"{service.ws}/v1/visits/{vid}/audio", t["a"], pcm_of(consult.wav), hold_at=late_start - 0.3, speed=1.0
    )
    live: dict = {}

    async def scenario():
        task, started = asyncio.create_task(client.run()), time.monotonic()

        def covered_early():
            ups = [u for u in client.of_type("context.updated") if u["based_on"] >= early_end - 0.5]
            return ups[-1] if ups else None

        def ask_early():
            return httpx.post(ask_url, json={"question": EARLY}, headers=headers, timeout=30).json()

        # The pushed updates that cover the early answer (its reply may be committed an update later,
        # with the next words): ask after each, until answered or the audio held at the late answer.
        seen = 0
        while not live.get("early", {}).get("answered"):
            assert not task.done(), client.messages[-5:]
            assert time.monotonic() - started < 180, (
                client.of_type("context.updated"),
                [(f["text"], f["end"]) for f in client.of_type("transcript.final")],
                live.get("early"),
            )
            update = covered_early()
            if update is not None and update["version"] > seen:
                seen = update["version"]
                live["update"], live["early"] = update, await asyncio.to_thread(ask_early)
            await asyncio.sleep(0.2)
        live["late"] = (await asyncio.to_thread(httpx.post, ask_url, json={"question": LATE}, headers=headers)).json()
        live["context"] = (
            await asyncio.to_thread(httpx.get, f"{service.http}/v1/visits/{vid}/context", headers=headers)
        ).json()
        live["fhir"] = (
            await asyncio.to_thread(httpx.get, f"{service.http}/v1/visits/{vid}/context/fhir", headers=headers)
        ).json()
        client.release.set()
        await task

    asyncio.run(scenario())

    # Live, before stop: the dose said early is answered with its value and evidence time; the family
    # history, said after the point the context covers, is not.
    update, early, late = live["update"], live["early"], live["late"]
    assert update["final"] is False and update["version"] >= 1 and update["checklist"], update
    said = " | ".join(f["text"] for f in client.of_type("transcript.final"))
    assert early["answered"] is True and early["value"] == "no", f"{early} {said}"
    assert early["evidence"] and early["evidence"][0]["start"] <= early_end + 1.0, early
    assert early["based_on"] is not None and early["based_on"] < late_start, early
    assert late["answered"] is False, late
    ctx = live["context"]
    assert ctx["final"] is False and ctx["schema_version"] == "1.0" and ctx["based_on"] < late_start, ctx
    fhir_validate(live["fhir"])
    qr = live["fhir"]["entry"][0]["resource"]
    assert qr["resourceType"] == "QuestionnaireResponse" and qr["status"] == "in-progress"

    # Updates went out in order, each newer than the last.
    versions = [u["version"] for u in client.of_type("context.updated")]
    assert versions == sorted(versions) and len(set(versions)) == len(versions), versions
    assert client.of_type("visit.ready"), [m.get("type") for _t, m in client.messages]

    # After stop: the final context replaces the live one, a later version, same ids for the same facts.
    final = httpx.get(f"{service.http}/v1/visits/{vid}/context", headers=headers, timeout=30).json()
    assert final["final"] is True and final["version"] > ctx["version"], (final["version"], ctx["version"])
    live_ids = {i["id"]: (i["kind"], i["label"], i["status"]) for i in ctx["established"]}
    final_ids = {i["id"]: (i["kind"], i["label"], i["status"]) for i in final["established"]}
    shared = set(live_ids) & set(final_ids)
    assert shared and all(live_ids[i] == final_ids[i] for i in shared), (live_ids, final_ids)
    transcript = httpx.get(f"{service.http}/v1/visits/{vid}/transcript", headers=headers, timeout=30).json()
    heard = " | ".join(f"{seg['role']}: {seg['text']}" for seg in transcript["segments"])
    for question in (LATE, LATE_FR):
        a = httpx.post(ask_url, json={"question": question}, headers=headers, timeout=30).json()
        assert a["answered"] is True and "father" in (a["value"] or a["answer"] or "").lower(), f"{a} {heard}"
    bundle = httpx.get(f"{service.http}/v1/visits/{vid}/context/fhir", headers=headers, timeout=30).json()
    fhir_validate(bundle)
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"QuestionnaireResponse", "Observation"} <= kinds, kinds

    # SSE replays the same context.updated events, the final one last.
    events = []
    with httpx.stream("GET", f"{service.http}/v1/visits/{vid}/events?after=0", headers=headers, timeout=30) as s:
        for line in s.iter_lines():
            if line.startswith("data: "):
                events.append(json.loads(line[6:]))
            if events and events[-1]["type"] == "visit.ready":
                break
    sse = [e for e in events if e["type"] == "context.updated"]
    assert sse and sse[-1]["final"] is True and [e["version"] for e in sse][:-1] == versions[: len(sse) - 1]


def test_context_not_ready_and_bad_input(embedded):
    service, t = embedded
    visit = create_visit(service, t["a"])
    r = httpx.get(f"{service.http}/v1/visits/{visit['id']}/context", headers=auth(t["a"]), timeout=30)
    assert r.status_code == 409 and r.json()["error"]["code"] == "not_ready"
    r = httpx.get(f"{service.http}/v1/visits/{visit['id']}/context/fhir", headers=auth(t["a"]), timeout=30)
    assert r.status_code == 409
    r = httpx.get(f"{service.http}/v1/visits/{visit['id']}/context", headers=auth(t["b"]), timeout=30)
    assert r.status_code == 404  # another tenant's visit does not exist
    r = httpx.post(f"{service.http}/v1/visits/{visit['id']}/ask", json={}, headers=auth(t["a"]), timeout=30)
    assert r.status_code == 422


# ------------------------------------------------------------------ the live update's own lane (scribe.queue)


@pytest.fixture
def lane():
    """A real in-process executor and two task names registered for the test on the queues of the real
    tasks (a note being written, a live assistant update), removed afterwards."""
    from scribe.queue import dispatch, registry

    names = {"note": "test.lane.note", "update": "test.lane.update"}
    runs: list[tuple] = []
    gate, started = threading.Event(), threading.Event()

    def long_note(visit_id: str) -> str:
        started.set()
        gate.wait(60)
        runs.append(("note", visit_id))
        return "ok"

    def update(visit_id: str, n: int = 0) -> str:
        runs.append(("update", visit_id, n, gate.is_set()))
        return "ok"

    real_update, real_note = registry.get("assistant.update"), registry.get("documents.generate")
    registry.task(names["note"], queue=real_note.queue)(long_note)
    registry.task(names["update"], queue=real_update.queue, best_effort=True, latest_only=real_update.latest_only)(
        update
    )
    executor = dispatch.InProcessExecutor(asr_threads=1)
    try:
        yield executor, names, runs, gate, started
    finally:
        gate.set()
        executor.shutdown()
        for name in names.values():
            registry.tasks().pop(name, None)


def _wait(cond, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(0.01)
    return cond()


def test_live_update_does_not_wait_behind_a_note(lane):
    executor, names, runs, gate, started = lane
    executor.submit(names["note"], ("visit-a",))
    assert started.wait(10)
    executor.submit(names["update"], ("visit-b",))
    # The note is still being written (gate closed): the update ran anyway, on its own lane.
    assert _wait(lambda: any(r[0] == "update" for r in runs), 5), runs
    assert runs == [("update", "visit-b", 0, False)], runs
    gate.set()
    assert _wait(lambda: len(runs) == 2), runs


def test_live_updates_of_a_visit_coalesce_to_the_newest(lane):
    from scribe.queue import registry

    executor, names, runs, gate, _started = lane
    hold, first_running = threading.Event(), threading.Event()

    def slow_update(visit_id: str, n: int = 0) -> str:
        if n == 0:
            first_running.set()
            hold.wait(30)
        runs.append(("update", visit_id, n))
        return "ok"

    registry.task(names["update"], queue="assistant", best_effort=True, latest_only=True)(slow_update)
    executor.submit(names["update"], ("visit-a", 0))
    assert first_running.wait(10)
    for n in range(1, 6):  # a burst of windows while the first update runs
        executor.submit(names["update"], ("visit-a", n))
    executor.submit(names["update"], ("visit-b", 1))
    assert executor.depths()["assistant"] == 2, executor.depths()  # one waiting run per visit
    hold.set()
    assert _wait(lambda: len(runs) == 3), runs
    time.sleep(0.3)  # nothing else runs
    assert runs[0] == ("update", "visit-a", 0) and sorted(runs[1:]) == [
        ("update", "visit-a", 5),
        ("update", "visit-b", 1),
    ]
    assert executor.depths()["assistant"] == 0


def test_live_update_routed_to_its_celery_queue(tmp_path, monkeypatch):
    """With Redis, assistant.update goes to the list of its own queue (routed there by the Celery app)."""
    from scribe.config import get_settings
    from scribe.queue import celery_app, dispatch
    from tests.test_service_support import Redis, free_port

    (tmp_path / "redis").mkdir()
    redis_server = Redis(free_port(), tmp_path / "redis").start()
    monkeypatch.setenv("SCRIBE_REDIS_URL", redis_server.url)
    get_settings.cache_clear()
    monkeypatch.setattr(celery_app, "_app", None)
    try:
        import redis

        dispatch.submit("assistant.update", "visit-x")
        client = redis.Redis.from_url(redis_server.url)
        assert _wait(lambda: client.llen("assistant") + client.llen("assistant\x06\x169") == 1), client.keys()
        assert client.llen("documents") == 0 and client.llen("documents\x06\x169") == 0
        assert dispatch.queue_depths()["assistant"] == 1
        assert celery_app._app.conf.task_routes["assistant.update"] == {"queue": "assistant"}
    finally:
        monkeypatch.setattr(celery_app, "_app", None)
        monkeypatch.delenv("SCRIBE_REDIS_URL")
        get_settings.cache_clear()
        redis_server.kill()


def test_warm_up_leaves_no_lazy_load_to_the_first_live_update():
    """The server warms the documentation engine before taking visits: the first live update (a rebuild
    on a consultation with a diagnosis, a medication and a family history) imports nothing more, so it
    does not pay seconds of loading (the ICD-10 codes took ~4 s) while the clinician waits."""
    script = (
        "import sys\n"
        "from scribe.service.documents import warm\n"
        "from scribe.notes.engine import document\n"
        "warm()\n"
        "before = set(sys.modules)\n"
        'for lang, text in (("en", sys.argv[1]), ("fr", sys.argv[2])):\n'
        "    document(text, language=lang)\n"
        "print(sorted(set(sys.modules) - before))\n"
    )
    en = "\n".join(f"{role}: {text}" for role, text in DIALOGUE) + "\ndoctor: Keep taking lisinopril 20 mg daily."
    fr = (
        "médecin: Qu'est-ce qui vous amène ?\npatient: J'ai mal à la gorge depuis deux jours. Ma mère a du diabète.\n"
        "médecin: Vous prenez du paracétamol ? patient: Oui, un gramme trois fois par jour.\n"
        "médecin: Je pense que c'est une angine virale."
    )
    done = subprocess.run([sys.executable, "-c", script, en, fr], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout[-2000:]


def test_live_answer_replaced_when_the_patient_says_the_contrary():
    """The live context answers from what was said so far; when the patient later says the contrary in so
    many words, the answer is replaced (not the first reply kept), and a "no" that goes on to say it after
    all ("no, but I did feel feverish") is never reported as a no, even on the live context of its turn."""
    from scribe.notes.dialogue import load
    from scribe.notes.engine import ask, document

    tr = load(
        "[doctor] what brings you in today ?\n[patient] my hip has been hurting .\n"
        "[doctor] any falls recently ?\n[patient] no .\n"
        "[doctor] okay , and any fever ?\n[patient] no , but i did feel feverish last night .\n"
        "[doctor] wait , did you have a fall last month ?\n[patient] yes , i fell in the shower , i forgot .\n",
        "en",
    )

    def at(n, question):
        return ask(document(tr.model_copy(update={"segments": tr.segments[:n]}), language="en"), question, False)

    assert at(4, "Has she had any falls?")["value"] == "no"
    replaced = at(8, "Has she had any falls?")
    assert replaced["value"] == "yes" and "shower" in replaced["answer"], replaced
    fever = at(6, "Has she had a fever?")
    assert fever["answered"] is True and fever["value"] != "no", fever
