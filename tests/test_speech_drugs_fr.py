"""French drug names through speech: what the recogniser writes for a French brand is read back by how
French spelling sounds (scribe.notes.lexicon.drugs_fr.sound_fr), a common French drug is read back even
without the visit's list, and French talk with no medication in it never gains a drug."""

from __future__ import annotations

import pytest

from scribe.engines.asr import load_whisper
from scribe.notes.lexicon.drugs_fr import sound_fr
from scribe.notes.medication import find_mentions
from scribe.notes.recovery import recover_drugs
from scribe.schemas import Segment, Transcript, Word
from scribe.speech.transcribe import AsrOptions, transcribe
from scribe.speech.types import Audio
from tests.conftest import speak

VISIT_LIST = ["Tahor", "Kardégic", "paracétamol", "Plavix"]


@pytest.fixture(scope="module")
def base():
    return load_whisper("base")  # the smallest multilingual model in the store


def _heard(model, text: str, voice: str, speed: int = 165) -> Transcript:
    """What the recogniser writes for `text` said in French by espeak-ng, as a one-segment transcript. The
    sentences are ones base decodes at temperature 0 (no random fallback): the same text every run."""
    audio = Audio(speak(text, voice, speed))
    tr = transcribe(audio, model, AsrOptions(language="fr"))
    seg = Segment(id=0, start=0.0, end=audio.duration, text=" ".join(s.text for s in tr.segments), words=tr.words)
    return Transcript(language="fr", duration=audio.duration, segments=[seg])


def _drugs(tr: Transcript) -> list[str]:
    return [m.surface for m in find_mentions(tr.text)]


def test_french_spelling_is_compared_by_sound():
    assert sound_fr("Doliprane") == sound_fr("dolly prane")
    assert sound_fr("Spasfon") == sound_fr("spasphon")
    assert sound_fr("Seroplex") == sound_fr("serre au plexe")
    assert sound_fr("paracétamol") != sound_fr("paracétamor")
    assert sound_fr("Tahor")[0] == sound_fr("taura")[0] == "t"
    assert sound_fr("Levothyrox").endswith("ks")  # a final x is said in a drug's name


def test_a_french_brand_heard_as_a_french_word_is_read_back_by_ear(base):
    heard = _heard(base, "Je prends aussi du Tahor vingt milligrammes.", "fr+m3")
    assert "tahor" not in heard.text.lower() and not _drugs(heard), heard.text  # "du tarot" (espeak, base)
    assert recover_drugs(heard, []).text == heard.text  # an ordinary word, no list: nothing invented
    fixed = recover_drugs(heard, VISIT_LIST)
    (c,) = [c for c in fixed.segments[0].corrections if c.applied]
    assert c.corrected == "Tahor" and c.source == "visit" and fixed.text[c.start : c.end] == "Tahor", fixed.text
    assert [m.name for m in find_mentions(fixed.text)] == ["Atorvastatin"]  # the brand is its ingredient
    assert "".join(w.word for w in fixed.segments[0].words).strip() == fixed.text


def test_french_talk_without_medication_gains_no_drug(base):
    # espeak's French through base: "au fond du paix d'effort ma reçoit", where the list's Plavix was read
    # into "paix d" ("du Plavix'effort"), and "… sorti qu'un mille gramme", where "qu'un" before a dose
    # became a drug (queuine) before this work. Food after "prend du", a pronoun before a dose: no drug.
    for text in ("On prend du pain et du fromage le soir.", "Je prends du Plavix soixante-quinze milligrammes."):
        heard = _heard(base, text, "fr+m3", speed=150)
        assert not _drugs(heard), heard.text
        for vocabulary in ([], VISIT_LIST):
            out = recover_drugs(heard, vocabulary)
            assert set(_drugs(out)) <= {"Plavix"}, out.text  # the said drug if read back, nothing else
            if "pain" in text:
                assert out.text == heard.text and not out.segments[0].corrections, out.text


def test_french_medication_cues_and_their_limits():
    def segment(text: str) -> Transcript:
        words = [
            Word(start=i * 0.3, end=i * 0.3 + 0.25, word=f" {w}", probability=0.6) for i, w in enumerate(text.split())
        ]
        seg = Segment(id=0, start=0.0, end=len(words) * 0.3, text=text, words=words)
        return Transcript(language="fr", duration=len(words) * 0.3, segments=[seg])

    # an adverb between the verb and the drug, a name split in two words
    fixed = recover_drugs(segment("Vous prenez encore le plan X tous les matins ?"), ["Plavix", "Tahor"])
    assert "Plavix" in fixed.text, fixed.text
    fixed = recover_drugs(segment("Je prends du dolly prane le soir."), [])
    assert fixed.text == "Je prends du doliprane le soir.", fixed.text  # a French brand of the common list
    # "on" is a pronoun in French, not "on" a drug; ordinary words after it stay what they are
    for text in ("On t'entli mon pan pour le moment.", "Le tarot de ma grand-mère est sur la table."):
        assert recover_drugs(segment(text), ["Tahor", "Eupantol"]).text == text
