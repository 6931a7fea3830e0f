"""A second, targeted decoding where a drug was probably said: the audio decides which drug, not the letters.

With no visit list the first pass writes a drug it does not know as the words it sounds like ("the list in
up to 10 milligrams"), and recovery from the text alone can read back only the nearest garbles without
inventing drugs elsewhere. The caller's finder (scribe.notes.drug_suspects, passed in as engines are:
speech does not import notes) says where a drug is expected and which few common drugs the words there
look or sound like; each segment holding such a span is decoded again, alone, with those names in the
prompt (the visit vocabulary's prompted pass, scribe.speech.transcribe.prompted_pass). A name is taken only
when that decoding writes one of the span's candidates, surer of it than ACCEPT_PROBABILITY, over the
span's time; otherwise the segment keeps its words (and recovery, then the note's "verify drug name",
still see them). A name taken keeps what the first pass wrote (`words[].original`), and the segment built
from those words records it (`segments[].corrections`, `with_corrections`).
"""

from __future__ import annotations

from collections.abc import Callable

from scribe.schemas import Correction, Segment, Word
from scribe.speech.transcribe import PROMPT_WINDOW_SECONDS, AsrOptions, AsrSegment, prompted_pass, whisper_kwargs
from scribe.speech.types import Audio
from scribe.speech.vocabulary import Vocabulary, term_token, vocabulary_words, words_by_time

# (start, end, candidate names): a span of the first pass where a drug is expected, and what it could be.
Suspect = tuple[float, float, tuple[str, ...]]
SuspectFinder = Callable[[list[list[Word]], str], list[Suspect]]

# The re-decoded name's word probability: a name of many tokens the model was just told of is rarely above
# 0.5 even where it was said (0.06-0.62 on the bench: "lisinopril", "meloxicam"; faster-whisper scores words
# in an alignment pass without the prompt), while a guess the audio does not support is rarely written at all.
ACCEPT_PROBABILITY = 0.05
SPAN_SLACK = 0.4  # seconds: the name's middle may fall this far outside the suspect span's words
GAP_SECONDS = 1.0  # live words (no segments): a pause this long, or a sentence's end, closes a stretch
_SENTENCE_END = (".", "?", "!")


def redecode(
    audio: Audio, model, segments: list[AsrSegment], language: str, find: SuspectFinder, beam_size: int = 1
) -> list[AsrSegment]:
    """The segments, each one holding a suspect span decoded again with its candidates in the prompt and
    taken only where the audio supports a candidate there (see the module docstring), by `model` in the
    visit's `language` with the first pass's settings."""
    kwargs = whisper_kwargs(AsrOptions(language=language, beam_size=beam_size), model.model.is_multilingual)
    suspects = find([seg.words for seg in segments], language)
    if not suspects:
        return segments
    out: list[AsrSegment] = []
    for seg in segments:
        mine = [s for s in suspects if s[0] < seg.end and seg.start < s[1]]
        if not mine:
            out.append(seg)
            continue
        names = tuple(dict.fromkeys(name for s in mine for name in s[2]))
        vocabulary = Vocabulary(terms=names, drugs=names)
        heard = prompted_pass(audio, model, kwargs, [seg], vocabulary, vocabulary.prompt(language))
        out.append(_accepted(seg, [w for s in heard for w in s.words], mine))
    return out


def _accepted(seg: AsrSegment, heard: list[Word], suspects: list[Suspect]) -> AsrSegment:
    """The segment with the names the re-decoding wrote that the first pass did not, where each is a
    candidate of a suspect span it was said in, heard surely: the re-decoded words whole when every new name
    is, else the first pass's words with only those names put in by time (scribe.speech.vocabulary.words_by_time:
    over words that look like them); the segment as it was when none is."""
    plain = {term_token(w.word) for w in seg.words}
    wanted = vocabulary_words(Vocabulary(terms=tuple(n for s in suspects for n in s[2])))
    new = [w for w in heard if term_token(w.word) in wanted and term_token(w.word) not in plain]
    good = [w for w in new if w.probability >= ACCEPT_PROBABILITY and _fits(w, suspects)]
    if not good:
        return seg
    words = heard if len(good) == len(new) else words_by_time(seg.words, good)
    words = [_with_original(w, seg.words) if w in good else w for w in words]
    return AsrSegment(seg.start, seg.end, "".join(w.word for w in words).strip(), words)


def _fits(name: Word, suspects: list[Suspect]) -> bool:
    """Whether the name was said in a suspect span (SPAN_SLACK) that has it among its candidates."""
    mid = (name.start + name.end) / 2
    return any(
        a - SPAN_SLACK <= mid <= b + SPAN_SLACK and term_token(name.word) in vocabulary_words(Vocabulary(terms=names))
        for a, b, names in suspects
    )


def _with_original(name: Word, plain: list[Word]) -> Word:
    """The name, keeping the first pass's words said while it was (their middle within its time)."""
    said = [w.word for w in plain if name.start <= (w.start + w.end) / 2 <= name.end]
    lead = " " if name.word.startswith(" ") else ""
    return name.model_copy(update={"original": lead + " ".join(s.strip() for s in said) if said else None})


def redecode_words(
    audio: Audio, model, words: list[Word], language: str, find: SuspectFinder, beam_size: int = 1
) -> list[Word]:
    """`redecode` over words without segments (a live visit's): cut into stretches at a sentence's end or a
    pause of GAP_SECONDS, at most one prompt window long."""
    segments: list[AsrSegment] = []
    for w in words:
        last = segments[-1] if segments else None
        if (
            last is None
            or w.start - last.end > GAP_SECONDS
            or last.words[-1].word.strip().endswith(_SENTENCE_END)
            or w.end - last.start > PROMPT_WINDOW_SECONDS
        ):
            segments.append(AsrSegment(w.start, w.end, w.word.strip(), [w]))
        else:
            last.words.append(w)
            last.end, last.text = w.end, "".join(x.word for x in last.words).strip()
    return [w for seg in redecode(audio, model, segments, language, find, beam_size) for w in seg.words]


def with_corrections(seg: Segment) -> Segment:
    """The segment with a correction recorded for each word that keeps an original the segment does not
    record yet: the names the re-decoding took (character offsets in the segment's text)."""
    done = {(c.original.strip(), c.corrected) for c in seg.corrections}
    found, at = [], 0
    for w in seg.words:
        word = w.word.strip()
        i = seg.text.find(word, at) if word else -1
        at = i + len(word) if i >= 0 else at
        if w.original is None or i < 0 or (w.original.strip(), word) in done:
            continue
        found.append(
            Correction(
                start=i,
                end=i + len(word),
                original=w.original.strip(),
                corrected=word,
                score=round(100 * w.probability, 1),
                applied=True,
                source="lexicon",
            )
        )
    return seg.model_copy(update={"corrections": [*seg.corrections, *found]}) if found else seg
