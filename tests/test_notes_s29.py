"""What session 29 found misread, each on a short dialogue written for the purpose, through the real engine:
"not really ... well, sunday morning it looked a little pink" takes the no back; a drug's reaction told in one
sentence and stopped in the next is of the past; "and the rash went away?" "yes" is no rash now."""

from __future__ import annotations

from scribe.notes.engine import document


def _symptoms(doc: dict) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in doc["facts"]:
        if f["kind"] == "symptom":
            out.setdefault(f["label"], set()).add(f["status"])
    return out


def test_a_no_taken_back_with_the_day_it_happened():
    doc = document(
        "[doctor] any blood in the urine that you can see ?\n"
        "[patient] not really ... well , sunday morning it looked a little pink . just once .\n[doctor] okay .\n"
    )
    assert _symptoms(doc)["blood in urine"] == {"present"}
    doc = document(
        "[doctor] any blood in the urine that you can see ?\n[patient] not really . it's been clear .\n"
        "[doctor] okay .\n"
    )
    assert _symptoms(doc)["blood in urine"] == {"absent"}


def test_a_past_drug_reaction_is_no_symptom_now():
    doc = document(
        "[doctor] and in july , you were started on bactrim .\n"
        "[patient] the bactrim . i broke out in a rash after two days , all over my chest and arms , itchy red "
        "bumps . so i stopped it and they switched me to keflex .\n"
        "[doctor] cephalexin . and the rash went away ?\n[patient] in a few days , yes .\n[doctor] okay .\n"
    )
    assert _symptoms(doc)["rash"] == {"historical"}
    assert "present" not in _symptoms(doc).get("itching", set())
    assert "Endorses rash" not in doc["note"]["markdown"]
    doc = document("[doctor] and the rash went away ?\n[patient] no , it's still there on my arms .\n[doctor] okay .\n")
    assert _symptoms(doc)["rash"] == {"present"}
