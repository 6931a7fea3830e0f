"""The plan written from typed orders, roles that read reversed, conditions said of other people, and exam
findings kept whole: short dialogues written for these tests."""

from __future__ import annotations

from scribe.notes.engine import document


def _section(doc: dict, key: str) -> list[str]:
    return [s["text"] for sec in doc["note"]["sections"] if sec["key"] == key for s in sec["sentences"]]


def _plan(doc: dict) -> list[str]:
    return [f["value"] for f in doc["facts"] if f["kind"] == "plan"]


def test_orders_are_typed_items_in_register_and_negated_ones_are_not_ordered():
    doc = document(
        """[doctor] what brings you in today?
[patient] i've had chest pain when i climb stairs for two weeks.
[doctor] okay. so my assessment is that this could be angina.
[doctor] i'm gonna go ahead and order a lipid panel, and get a chest x-ray. we don't need an mri.
[doctor] i also want you to see a nutritionist and cut down on the salt.""",
        template="soap",
    )
    plan = _plan(doc)
    assert "Lipid panel ordered." in plan
    assert "X-ray of the chest ordered." in plan
    assert "Referral to a nutritionist." in plan
    assert "Low-sodium diet advised." in plan
    assert not any("MRI" in p for p in plan)
    typed = {f["attributes"].get("type") for f in doc["facts"] if f["kind"] == "plan"}
    assert {"lab", "imaging", "referral", "advice"} <= typed


def test_reversed_speaker_tags_are_exchanged_and_said():
    doc = document(
        """[patient] hi, what brings you in today? tell me about your knee.
[doctor] my knee hurts when i walk, it's been swelling for a week.
[patient] any fever? on your exam, your right knee has an effusion. your x-ray shows no fracture.
[doctor] no fever.
[patient] so my assessment is a right knee sprain. i'm gonna order an mri and i want you to take a look at
physical therapy. let's talk again in two weeks, i'd like to see you back.""",
        template="soap",
    )
    assert any("reversed" in issue for issue in doc["faithfulness"]["issues"])
    roles = {s["role"] for s in doc["transcript"]["segments"] if "knee hurts" in s["text"]}
    assert roles == {"patient"}
    assert any("sprain" in s.lower() for s in _section(doc, "assessment"))


def test_roles_as_tagged_are_kept_when_they_read_right():
    doc = document(
        """[doctor] hi, what brings you in today?
[patient] i've been having headaches for a week.
[doctor] on your exam, your neurological exam is normal. my assessment is a tension headache.""",
        template="soap",
    )
    assert not any("reversed" in issue for issue in doc["faithfulness"]["issues"])


def test_a_condition_said_of_people_in_general_is_not_the_patients():
    doc = document(
        """[doctor] how is the testosterone going?
[patient] i feel good, i want a higher dose.
[doctor] so my assessment is hypogonadism, doing well. people who took huge doses at gyms would have a
heart attack at fifty, so we keep the dose.""",
        template="soap",
    )
    labels = {f["label"] for f in doc["facts"] if f["kind"] == "assessment"}
    assert "hypogonadism" in labels
    assert "myocardial infarction" not in labels


def test_arthritis_is_not_written_as_osteoarthritis():
    doc = document(
        """[doctor] how is your knee?
[patient] it still hurts.
[doctor] so for your last problem, your arthritis of the right knee, continue the exercises.""",
        template="soap",
    )
    assessment = " ".join(_section(doc, "assessment"))
    assert "rthritis" in assessment
    assert "steoarthritis" not in doc["note"]["markdown"]


def test_exam_finding_keeps_what_was_heard():
    doc = document(
        """[doctor] what brings you in?
[patient] i get short of breath.
[doctor] let me listen. on your heart exam, i do appreciate a three out of six systolic ejection murmur,
which i've heard in the past, okay?
[doctor] my assessment is heart failure.""",
        template="soap",
    )
    exam = " ".join(_section(doc, "exam") + _section(doc, "objective"))
    assert "systolic ejection murmur" in exam
    assert "I've heard" not in exam and "?" not in exam
