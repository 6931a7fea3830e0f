"""Questions the blind split written9 (session 25) found answered wrongly, each on a short dialogue written for the
purpose, through the real engine: an allergy to one thing is no answer about another ("allergic to penicillin?" —
"bactrim, a rash"; "any drug allergies?" — itchy eyes in hay fever season), immunity is not having had the disease
and hepatitis A is not hepatitis B, a drug's blood level is not its dose, the wanted range is not the value ("low,
eight, when we like it above twelve"), today's reading does not answer "at the last visit", and "one oh four over
sixty-six" is 104/66."""

from __future__ import annotations

from scribe.notes.engine import ask, document


def _ask(doc: dict, q: str) -> dict:
    return ask(doc, q, use_embeddings=False)


def test_an_allergy_answers_only_for_its_own_allergen_and_kind():
    doc = document(
        "[doctor] any allergies ?\n"
        "[patient] bactrim . i got a rash all over .\n"
        "[doctor] is that with the allergies ? are his eyes itchy ?\n"
        "[patient] yeah , they itch .\n"
    )
    assert not _ask(doc, "Is he allergic to penicillin?")["answered"]
    assert not _ask(doc, "Est-il allergique à la pénicilline ?")["answered"]
    assert _ask(doc, "Is he allergic to bactrim?")["answered"]
    kid = document("[doctor] is that with the allergies ? are his eyes itchy ?\n[patient_guest] yeah , they itch .\n")
    assert not _ask(kid, "Does he have any drug allergies?")["answered"]


def test_immunity_and_the_letter_of_a_hepatitis():
    doc = document(
        "[doctor] your liver enzymes are high . it could be a fatty liver , or an alcoholic hepatitis .\n"
        "[doctor] you're not immune to hepatitis b , your antibody was negative . i'd like you to get the hepatitis b "
        "vaccine .\n"
    )
    assert not _ask(doc, "Is he immune to hepatitis A?")["answered"]
    assert not _ask(doc, "Has he had the hepatitis A vaccine?")["answered"]


def test_levels_ranges_and_readings_of_another_visit():
    doc = document(
        "[doctor] now , you're on the keppra , the levetiracetam , one thousand milligrams in the morning and one "
        "thousand at night ?\n"
        "[patient] yes .\n"
        "[doctor] your levetiracetam level was low , eight , when we like it above twelve .\n"
        "[doctor] we'll check a lamotrigine level once you've been on two hundred for two weeks .\n"
        "[doctor] blood pressure one oh four over sixty-six , heart rate ninety-six .\n"
    )
    lamotrigine = _ask(doc, "What is her current lamotrigine blood level?")
    assert not lamotrigine["answered"] or lamotrigine["value"] not in ("200", "1000")
    levetiracetam = _ask(doc, "What was her levetiracetam level?")
    assert not levetiracetam["answered"] or levetiracetam["value"] == "8"
    assert _ask(doc, "What is his blood pressure?")["value"] == "104/66"
    assert not _ask(doc, "What was his blood pressure at the last visit?")["answered"]
