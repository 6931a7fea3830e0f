"""attribute and roles on real dialogue text (en, fr), with speaker labels in every order."""

import numpy as np
import pytest

from scribe.schemas import Segment, Word
from scribe.speech.attribute import attribute
from scribe.speech.roles import assign_roles
from scribe.speech.types import SpeakerTurn
from tests.conftest import DIALOGUE_EN, DIALOGUE_FR


def segments_from(dialogue, labels):
    """Segments as the pipeline would give them, speaker ids chosen by `labels[role]`."""
    out, t = [], 0.0
    for i, (role, text) in enumerate(dialogue):
        words = []
        for token in text.split():
            words.append(Word(start=t, end=t + 0.3, word=" " + token, probability=0.9))
            t += 0.35
        out.append(Segment(id=i, start=words[0].start, end=words[-1].end, speaker=labels[role], text=text, words=words))
        t += 0.5
    return out


@pytest.mark.parametrize("dialogue", [DIALOGUE_EN, DIALOGUE_FR], ids=["en", "fr"])
@pytest.mark.parametrize("labels", [{"clinician": "S1", "patient": "S2"}, {"clinician": "S2", "patient": "S1"}])
def test_clinician_and_patient_found_from_speech(dialogue, labels):
    speakers = assign_roles(segments_from(dialogue, labels))
    assert speakers[labels["clinician"]].role == "clinician"
    assert speakers[labels["patient"]].role == "patient"
    assert speakers[labels["clinician"]].confidence > 0.5


def test_companion_is_other():
    dialogue = DIALOGUE_EN[:4] + [
        ("other", "She has been coughing all night, doctor, and she said her chest hurts. He has been worried."),
        ("clinician", "Thank you. How long has she had the chest pain?"),
        ("other", "My mother has had it since Sunday. She has not slept."),
    ]
    speakers = assign_roles(segments_from(dialogue, {"clinician": "S1", "patient": "S2", "other": "S3"}))
    assert [speakers[s].role for s in ("S1", "S2", "S3")] == ["clinician", "patient", "other"]


def test_enrolled_voice_overrides_weak_speech_cues():
    # A visit where the patient asks all the questions: speech alone would get it wrong.
    dialogue = [
        ("patient", "Doctor, what are these results? Is it serious? Should I worry?"),
        ("clinician", "It is fine. The values are normal."),
        ("patient", "Are you sure? What about my heart? And the tests?"),
    ]
    segments = segments_from(dialogue, {"clinician": "S2", "patient": "S1"})
    rng = np.random.default_rng(0)
    voice_clinician, voice_patient = rng.normal(size=192), rng.normal(size=192)
    assert assign_roles(segments)["S1"].role == "clinician"  # the weak-cue failure the voice fixes
    speakers = assign_roles(
        segments,
        {"S1": voice_patient, "S2": voice_clinician + 0.1 * rng.normal(size=192)},
        clinician_voice=voice_clinician,
    )
    assert speakers["S2"].role == "clinician" and speakers["S1"].role == "patient"


def test_single_speaker_and_empty():
    monologue = [
        (
            "clinician",
            "Patient seen today. I will prescribe amoxicillin five hundred milligrams "
            "three times a day and order blood work. Follow-up in two weeks.",
        )
    ]
    speakers = assign_roles(segments_from(monologue, {"clinician": "S1"}))
    assert list(speakers) == ["S1"] and speakers["S1"].role == "clinician"
    assert assign_roles([]) == {}


def w(start, end, text):
    return Word(start=start, end=end, word=" " + text, probability=0.9)


def test_attribute_by_overlap_and_merge_into_turns():
    words = [
        w(0.0, 0.4, "Hello"),
        w(0.5, 0.9, "doctor."),
        w(1.2, 1.5, "Hi."),
        w(1.6, 2.0, "Sit"),
        w(2.1, 2.4, "down."),
        w(5.0, 5.3, "Thanks."),
    ]
    turns = [SpeakerTurn(0.0, 1.0, "S1"), SpeakerTurn(1.1, 2.5, "S2"), SpeakerTurn(4.9, 5.5, "S1")]
    segs = attribute(words, turns)
    assert [(s.speaker, s.text) for s in segs] == [("S1", "Hello doctor."), ("S2", "Hi. Sit down."), ("S1", "Thanks.")]
    assert [s.id for s in segs] == [0, 1, 2]
    assert sum(len(s.words) for s in segs) == len(words)  # no word is ever dropped


def test_attribute_overlapping_turns_and_gaps():
    # Overlapping turns: the word goes to the speaker covering most of it; a word in a gap between
    # turns goes to the nearest one; a long pause splits the same speaker's turn.
    words = [w(0.0, 1.0, "one"), w(1.8, 2.0, "two"), w(6.0, 6.2, "three")]
    turns = [SpeakerTurn(0.0, 0.3, "S1"), SpeakerTurn(0.2, 1.2, "S2"), SpeakerTurn(2.3, 6.5, "S2")]
    segs = attribute(words, turns)
    assert [(s.speaker, s.text) for s in segs] == [("S2", "one two"), ("S2", "three")]


def test_attribute_without_diarization_is_one_speaker():
    segs = attribute([w(0, 0.5, "only"), w(0.6, 1.0, "me")], [])
    assert len(segs) == 1 and segs[0].speaker == "S1"
