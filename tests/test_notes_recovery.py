"""Drug names read back from recognition errors: only where a drug is expected, never from ordinary
words, the original kept; a weak match is flagged for the clinician, never turned into a medication."""

from __future__ import annotations

from scribe.notes.engine import document
from scribe.notes.recovery import recover_segment
from scribe.schemas import Segment, Transcript, Word


def _segment(text: str) -> Segment:
    words = [Word(start=i * 0.3, end=i * 0.3 + 0.25, word=f" {w}", probability=0.6) for i, w in enumerate(text.split())]
    return Segment(id=0, start=0.0, end=len(words) * 0.3, speaker="S1", role="clinician", text=text, words=words)


def test_misheard_drug_before_a_dose_is_recovered_with_its_original():
    seg = recover_segment(_segment("I will give you an extra dose of lassox 80 milligrams once a day"), [])
    assert "lasix 80 milligrams" in seg.text
    (c,) = seg.corrections
    assert (c.original, c.corrected, c.applied) == ("lassox", "lasix", True)
    assert seg.text[c.start : c.end] == "lasix"
    assert [w.original for w in seg.words if w.original] == [" lassox"]


def test_nothing_is_invented_without_medication_context():
    for text in ("I'm on vacation next week", "we talked about lassox at the party", "take a rest for a week"):
        seg = recover_segment(_segment(text), [])
        assert seg.text == text and not seg.corrections


def test_the_visits_own_list_reads_what_the_lexicon_cannot():
    text = "and continue on at top or 50 milligrams daily"
    assert recover_segment(_segment(text), []).text == text
    seg = recover_segment(_segment(text), ["toprol"])
    assert "toprol 50 milligrams" in seg.text and seg.corrections[0].source == "visit"


def test_weak_match_is_flagged_not_a_medication():
    tr = Transcript(
        language="en",
        duration=10.0,
        segments=[
            Segment(id=0, start=0, end=3, speaker="S1", role="clinician", text="What medicines do you take?"),
            Segment(id=1, start=3, end=6, speaker="S2", role="patient", text="I take gamedino 20 mg every morning."),
        ],
    )
    doc = document(tr.model_dump(), template="soap")
    assert not [f for f in doc["facts"] if f["kind"] == "medication"]
    flagged = [s for sec in doc["note"]["sections"] for s in sec["sentences"] if s["status"] == "flagged"]
    assert flagged and "gamedino" in flagged[0]["text"] and flagged[0]["issues"] == ["verify drug name"]


def test_a_known_drug_and_its_spoken_dose_are_left_alone():
    for text in (
        "I take lisinopril ten milligrams every morning",
        "metformin one thousand milligrams",
        "increase your lisinopril from 10 mg",
        "metformin a thousand mg twice a day",
    ):
        seg = recover_segment(_segment(text), [])
        assert seg.text == text and not seg.corrections, text


def test_without_a_list_the_most_prescribed_drugs_are_read_first_and_the_dose_stays_apart():
    seg = recover_segment(_segment("we prescribed melexic M15 milligrams once a day"), [])
    assert seg.text == "we prescribed meloxicam 15 milligrams once a day"  # was "miloxicam15 milligrams"
    assert "".join(w.word for w in seg.words).strip() == seg.text
    seg = recover_segment(_segment("increase the prelose 20 mg"), [])
    assert "prilosec 20 mg" in seg.text  # a common drug, not the lexicon's obscure precose
    for text in ("on a scale of 1 to 10 the pain is a 6", "I take gamedino 20 mg every morning"):
        assert recover_segment(_segment(text), []).text == text


def test_a_name_from_the_whole_lexicon_that_starts_otherwise_is_only_asked_about():
    """ "mederma scar gel" (a scar gel the lexicon does not list) came back as the lexicon's "almederm"
    (hexachlorophene): a drug nobody said. A whole-lexicon name must start as the heard word does."""
    text = "you can keep using the mederma scar gel twice a day"
    seg = recover_segment(_segment(text), [])
    assert seg.text == text
    assert all(not c.applied for c in seg.corrections), seg.corrections
