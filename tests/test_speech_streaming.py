"""The live commit policy (scribe/speech/streaming.py): pure, no model."""

from __future__ import annotations

from scribe.speech import streaming


def words(text: str, start: float = 0.0, step: float = 0.4) -> list[dict]:
    return [
        {
            "start": round(start + i * step, 2),
            "end": round(start + i * step + 0.3, 2),
            "word": " " + w,
            "probability": 0.9,
        }
        for i, w in enumerate(text.split())
    ]


def test_local_agreement_commits_only_what_two_hypotheses_share():
    st = streaming.StreamState(language="en")
    u = streaming.update(st, words("Good morning"), 1.0)
    assert u.committed == [] and u.partial["text"] == "Good morning"
    u = streaming.update(st, words("Good morning, I'm doctor"), 2.0)
    assert [streaming.norm(w["word"]) for w in u.committed] == ["good", "morning"]  # "morning," == "morning"
    u = streaming.update(st, words("Good morning, I'm doctor Martin. What"), 3.0)
    assert [streaming.norm(w["word"]) for w in u.committed] == ["i'm", "doctor"]
    u = streaming.update(st, words("Good morning, I'm doctor Martin. What brings you"), 4.0)
    assert [f["text"] for f in u.finals] == ["Good morning, I'm doctor Martin."]
    assert u.partial["text"].startswith("What")
    # Committed text never changes, whatever a later hypothesis says about the same audio.
    u = streaming.update(st, words("Hood warning, I am doctor Martin. What brings you in"), 5.0)
    assert all(w["start"] > st.final_end - 0.3 for w in u.committed)
    assert st.segments == 1


def test_flush_commits_the_rest_and_silence_is_skipped_only_without_speech():
    st = streaming.StreamState(language="en")
    streaming.update(st, words("one two three", 0.0), 2.0)
    u = streaming.update(st, words("one two four", 0.0), 3.0, flush=True)
    assert " ".join(f["text"] for f in u.finals) == "one two four"
    assert st.buffer_start == 3.0 and st.previous == [] and st.open_words == []
    # A hypothesis with no words over audio that has speech must not skip that audio.
    st = streaming.StreamState(language="en", buffer_start=10.0, committed_end=10.0)
    streaming.update(st, [], 14.0, speech=True)
    assert st.buffer_start == 10.0
    streaming.update(st, [], 14.0, speech=False)
    assert st.buffer_start == 14.0 - streaming.SEGMENT_GAP


def test_old_words_are_forced_and_the_window_stays_short():
    st = streaming.StreamState(language="en")
    # Hypotheses that keep disagreeing: words older than FORCE_AFTER are committed anyway.
    streaming.update(st, words("alpha beta gamma delta", 0.0, 1.0), 5.0)
    u = streaming.update(st, words("alfa beta gamma delta", 0.0, 1.0), 9.0)
    assert u.committed and u.committed[0]["word"].strip() == "alfa"
    # A sentence end past trim_after restarts the window there.
    st = streaming.StreamState(language="en")
    long = words("this is a sentence. and more words keep coming here now", 0.0, 1.0)
    streaming.update(st, long, 12.0)
    streaming.update(st, long, 13.0, trim_after=8.0)
    assert st.buffer_start == st.final_end > 0
    start, end = streaming.window(st, 100.0, 24.0)
    assert end - start <= 24.0


def test_state_round_trips_through_json():
    import json

    st = streaming.StreamState(language="fr")
    streaming.update(st, words("bonjour madame"), 1.0)
    again = streaming.StreamState.from_dict(json.loads(json.dumps(st.to_dict())))
    assert again == st
