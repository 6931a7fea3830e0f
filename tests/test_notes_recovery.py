"""Drug names read back from recognition errors: only where a drug is expected, never from ordinary
words, the original kept; a weak match is flagged for the clinician, never turned into a medication."""

from __future__ import annotations

from scribe.notes.engine import document
from scribe.notes.recovery import recover_drugs, recover_segment
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


def test_ordinary_words_that_sound_like_a_common_drug_where_one_is_prescribed_are_read_back():
    """Whisper writes a drug it does not know as the ordinary words it sounds like (tune audio: "less six"
    for Lasix, "metaphor into" for "metformin to", "finest right", "flexor", "lid again"): read back against
    the most prescribed drugs, by sound, only where a drug is all but certain to be named."""
    cases = {
        "I also want to start you on some less six, you know.": "on some lasix, you know.",
        "I would like to increase your metaphor into 1000 milligrams twice daily": "metformin to 1000 milligrams",
        "he's on finest right currently": "he's on finasteride currently",
        "I'll write you for flexor 5 milligrams three times a day": "flexeril 5 milligrams",
        "a half a cc on lid again however": "a cc on lidocaine however",
        "continue with the gamy pentin, are you taking 300 or 100?": "the gabapentin,",
        "and I'd like you to take I'm you profan 600 milligrams every six hours": "take ibuprofen 600",
    }
    for text, want in cases.items():
        seg = recover_segment(_segment(text), [])
        assert want in seg.text, seg.text
        assert [c.applied for c in seg.corrections] == [True], seg.corrections
        assert "".join(w.word for w in seg.words).strip() == seg.text  # the words say what the text says
    for text in (
        "hey what's going on so I lift quite a bit of weights",  # a bare "on" is no prescribing slot
        "we will continue to taper 10 mg every week",  # "taper" sounds TPR, too short to tell from Toprol
        "and continue on at top or 50 milligrams daily",
        "start you on physical therapy twice a week",
        "I want you to take it easy for a few days",
        "take a walk every day and continue with the diet",
        # a bare verb of starting is the patient's story, not a drug slot (unseen consultations, session 12)
        "as far as support, we are just getting started so far on the journey",
        "when I started meant in my attic it started to feel pretty good",
        "we are continue continue with your current dose of radiation",
        "I'm going to Prisk the medicine for the stone and some more for the pain",
    ):
        seg = recover_segment(_segment(text), [])
        assert seg.text == text and not [c for c in seg.corrections if c.applied], (text, seg.corrections)


def test_a_name_split_by_hyphens_or_in_french_spelling_is_the_english_name():
    seg = recover_segment(_segment("How are you doing with the synth-roids? Are you doing okay?"), [])
    assert "with the synthroid? Are" in seg.text and seg.corrections[0].original == "synth-roids"
    seg = recover_segment(_segment("I'm sorry, amoxicilline, 500 milligrams, three times a day"), [])
    assert "amoxicillin, 500 milligrams" in seg.text and seg.corrections[0].applied
    seg = recover_segment(_segment("we fixed the follow-up and the x-ray and the routine"), [])
    assert not seg.corrections  # hyphens and a final e alone make no drug


def test_a_name_only_the_whole_lexicon_holds_is_asked_about_not_applied():
    """Every whole-lexicon correction applied on the tune audio named a drug nobody said ("limitrix" read
    as liotrix for the Imitrex said, "men's" as menest, "profan" as perfan for ibuprofen): such a match now
    only asks the clinician to verify; the few hundred most prescribed drugs are still applied."""
    for text in ("For your migraines, let's continue on the limitrix.", "I've been good about taking the men's eye."):
        seg = recover_segment(_segment(text), [])
        assert seg.text == text and not [c for c in seg.corrections if c.applied], seg.corrections
    assert "meloxicam 15" in recover_segment(_segment("we prescribed melexic 15 milligrams once a day"), []).text


def test_a_drug_heard_as_words_keeps_its_dose_and_frequency_in_the_note():
    tr = Transcript(
        language="en",
        duration=10.0,
        segments=[
            Segment(id=0, start=0, end=3, speaker="S1", role="clinician", text="You are retaining a little fluid."),
            Segment(
                id=1,
                start=3,
                end=9,
                speaker="S1",
                role="clinician",
                text="I also want to start you on some less six, you know. 20 milligrams a days and watch your diet.",
            ),
        ],
    )
    doc = document(tr.model_dump(), template="soap")
    lines = [s["text"] for sec in doc["note"]["sections"] for s in sec["sentences"]]
    assert any("Furosemide (Lasix) 20 mg daily" in line for line in lines), lines


def test_a_drug_read_back_makes_the_next_one_in_the_row_a_drug_slot():
    """ "I take Cresta and Ole Miss Arton daily": once Cresta is read as Crestor, the words after "and" stand
    in a row of drugs and are read again (olmesartan; the tune audio lost it)."""
    tr = Transcript(language="en", duration=5.0, segments=[_segment("I take Cresta and Ole Miss Arton, daily.")])
    seg = recover_drugs(tr, []).segments[0]
    assert seg.text == "I take crestor and olmesartan, daily.", seg.text
    assert [(c.original, c.applied) for c in seg.corrections] == [("Cresta", True), ("Ole Miss Arton", True)]
    assert "".join(w.word for w in seg.words).strip() == seg.text
    plain = Transcript(language="en", duration=5.0, segments=[_segment("I take walks and ole miss games daily.")])
    assert recover_drugs(plain, []).text == plain.text
