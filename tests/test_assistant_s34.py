"""What CI's live run found the assistant answering wrongly (session 34), on the transcript the recogniser gave,
through the real engine: the clinician's next question heard inside the patient's reply, unpunctuated."""

from __future__ import annotations

from scribe.notes.engine import ask, document

# tiny.en, live, on CI's machine: "no, no fever at all. I feel tired in the evening." and the clinician's "do you
# have any trouble sleeping at night?" came as one patient segment, then the reply "no, I sleep well most nights."
LIVE = (
    "Doctor: Do you have any fever?\n"
    "Patient: No, be remember all I feel tired in the evening Do you have any trouble sleeping at night?\n"
    "Patient: No, I sleep well most high.\n"
)


def test_a_question_inside_the_reply_asks_it_does_not_answer():
    doc = document(LIVE)
    sleep = ask(doc, "Does he have any trouble sleeping?")
    assert sleep["answered"] is True and sleep["value"] == "no", sleep
    assert "sleep well" in sleep["evidence"][-1]["quote"], sleep
    fever = ask(doc, "Any fever?")
    assert fever["answered"] is True and fever["value"] == "no", fever
