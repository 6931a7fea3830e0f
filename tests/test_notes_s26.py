"""What session 26 found misread, each on a short dialogue written for the purpose, through the real engine: a
relative named alone and then "on lui a diagnostiqué" (the disease is the relative's), and a course bounded by a past
trip ("they switched me to doxycycline for the rest of the trip") charted as taken then, not now."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_status_s22 import statuses


def test_a_relative_named_alone_then_spoken_of_as_lui():
    doc = document(
        "[doctor] il s'est passé quelque chose en septembre ?\n"
        "[patient] ma mère . on lui a diagnostiqué un alzheimer au printemps , et depuis c'est moi qui gère tout .\n"
        "[doctor] d'accord .\n",
        language="fr",
    )
    kinds = {(f["kind"], f["label"], f["attributes"].get("relative")) for f in doc["facts"]}
    assert ("family_history", "Alzheimer's disease", "mère") in kinds
    assert not any(f["kind"] == "past_medical" and "Alzheimer" in f["label"] for f in doc["facts"])


def test_a_course_bounded_by_a_past_trip_is_not_current():
    doc = document(
        "[patient] after the second one i had nightmares , so i stopped it and they switched me to doxycycline "
        "for the rest of the trip .\n"
        "[doctor] okay .\n"
    )
    assert statuses(doc)["doxycycline"] == {"historical"}
    doc = document("[patient] my cardiologist switched me to metoprolol last month .\n[doctor] okay .\n")
    assert statuses(doc)["metoprolol"] == {"current"}
