"""Input parsing: speech-pipeline transcript JSON, plain dialogue text or ACI-Bench lines → Transcript.

Accepted text forms (one turn a line; a line without a tag continues the previous turn):
  "doctor: …" / "patient: …" (also dr, clinician, physician, nurse, médecin, docteur, patient(e), …)
  "[doctor] …" / "[patient] …" / "[patient_guest] …" (ACI-Bench)
  "d0100 …" / "p0100 …" (LabForSims2)
Text input gets synthetic times (about 2.5 words a second) so evidence always has start/end.
Pure: no I/O beyond reading the given path.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from scribe.errors import ScribeError
from scribe.schemas import Segment, SpeakerInfo, Transcript

WORDS_PER_SECOND = 2.5
GAP = 0.3

_ROLE_WORDS = {
    "clinician": (
        "doctor",
        "dr",
        "clinician",
        "physician",
        "provider",
        "nurse",
        "np",
        "pa",
        "médecin",
        "medecin",
        "docteur",
        "soignant",
        "infirmier",
        "infirmière",
        "interne",
        "d",
    ),
    "patient": (
        "patient",
        "patiente",
        "pt",
        "patient_guest",
        "p",
        "mother",
        "father",
        "parent",
        "mère",
        "père",
        "caregiver",
        "accompagnant",
        "guest",
    ),
}
_ROLE_OF = {w: r for r, words in _ROLE_WORDS.items() for w in words}
_BRACKET = re.compile(r"^\s*\[(?P<tag>[\w ]+?)\]\s*(?P<text>.*)$")
_COLON = re.compile(r"^\s*(?P<tag>[A-Za-zÀ-ÿ_ .]{1,24}?)\s*(?:\d+)?\s*[:：]\s*(?P<text>.*)$")
_LABFORSIMS = re.compile(r"^\s*(?P<tag>[dp])\d{4,}\s+(?P<text>.*)$")

_FR_WORDS = set(
    "je j vous nous est pas de la le les des une un et ou que qui avez avoir mal depuis "
    "oui non ça ca c bien très merci bonjour docteur madame monsieur quand combien "
    "prenez avez-vous êtes".split()
)
_EN_WORDS = set(
    "i you the a an is are was have has do does did not no yes and or that it my your "
    "what how when pain okay so well any".split()
)


class InputError(ScribeError):
    code = "bad_input"


def detect_language(text: str) -> str:
    """'fr' or 'en' from function words (cheap, good enough for a consultation)."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    fr = sum(w in _FR_WORDS for w in words) + 2 * len(re.findall(r"[éèêàçù]", text.lower()))
    en = sum(w in _EN_WORDS for w in words)
    return "fr" if fr > en else "en"


def _role(tag: str) -> str | None:
    key = tag.strip().lower().rstrip(".").replace(" ", "_")
    key = re.sub(r"_?\d+$", "", key)
    return _ROLE_OF.get(key)


def parse_text(text: str, language: str | None = None) -> Transcript:
    """Dialogue text → Transcript with synthetic times."""
    turns: list[tuple[str, str, str]] = []  # (speaker tag, role, text)
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        m = _BRACKET.match(line) or _LABFORSIMS.match(line)
        tag = role = None
        if m and _role(m["tag"]):
            tag, role, body = m["tag"].strip().lower(), _role(m["tag"]), m["text"]
        else:
            m = _COLON.match(line)
            if m and _role(m["tag"]):
                tag, role, body = m["tag"].strip().lower(), _role(m["tag"]), m["text"]
        if role is None:
            if turns:  # continuation of the previous turn
                t = turns[-1]
                turns[-1] = (t[0], t[1], (t[2] + " " + line).strip())
            else:
                turns.append(("unknown", "unknown", line))
            continue
        body = body.strip()
        if turns and turns[-1][0] == _norm_tag(tag) and body:
            t = turns[-1]
            turns[-1] = (t[0], t[1], (t[2] + " " + body).strip())
        elif body:
            turns.append((_norm_tag(tag), role, body))
    if not turns:
        raise InputError("the input has no dialogue text (empty transcript)")
    segments, t = [], 0.0
    for i, (tag, role, body) in enumerate(turns):
        dur = max(0.6, len(body.split()) / WORDS_PER_SECOND)
        segments.append(Segment(id=i, start=round(t, 2), end=round(t + dur, 2), speaker=tag, role=role, text=body))
        t += dur + GAP
    lang = language or detect_language(" ".join(s.text for s in segments))
    speakers = {}
    for s in segments:
        speakers.setdefault(
            s.speaker,
            SpeakerInfo(role=s.role, confidence=1.0 if s.role != "unknown" else 0.0, evidence=["tagged in the text"]),
        )
    return Transcript(language=lang, duration=round(t, 2), segments=segments, speakers=speakers, timings={})


def _norm_tag(tag: str) -> str:
    role = _role(tag)
    if role == "clinician":
        return "clinician"
    if tag.lower() in (
        "patient_guest",
        "guest",
        "mother",
        "father",
        "parent",
        "mère",
        "père",
        "caregiver",
        "accompagnant",
    ):
        return "guest"
    return role or tag


def parse_json(data: dict | list, language: str | None = None) -> Transcript:
    if isinstance(data, dict) and "transcript" in data and isinstance(data["transcript"], dict):
        data = data["transcript"]  # a visit/document JSON: take its transcript
    if not isinstance(data, dict) or "segments" not in data:
        raise InputError("the JSON input is not a transcript (no 'segments')")
    try:
        tr = Transcript.model_validate(data)
    except Exception as exc:  # pydantic error: keep the message short, no content
        raise InputError(f"the transcript JSON does not match the schema ({type(exc).__name__})") from None
    if language:
        tr.language = language
    # Roles may be unknown when diarization could not tell: the speaker who asks more questions
    # is taken as the clinician so that the rules still work.
    if tr.segments and all(s.role in ("unknown", "other") for s in tr.segments):
        asks: dict[str, int] = {}
        for s in tr.segments:
            asks[s.speaker or "?"] = asks.get(s.speaker or "?", 0) + s.text.count("?")
        if asks:
            clin = max(asks, key=asks.get)
            for s in tr.segments:
                s.role = "clinician" if (s.speaker or "?") == clin else "patient"
    return tr


def _is_file(name: str) -> bool:
    """A one-line dialogue longer than a file name can be ("[doctor] …" of 300 characters) is text, not a path."""
    try:
        return Path(name).is_file()
    except OSError:
        return False


def load(source: Transcript | dict | str | Path, language: str | None = None) -> Transcript:
    """Anything the engine accepts → Transcript. `source` may be a Transcript, a dict (transcript JSON
    or a document with a 'transcript' key), a path to .json/.txt, or the dialogue text itself."""
    if isinstance(source, Transcript):
        return source
    if isinstance(source, (dict, list)):
        return parse_json(source, language)
    if isinstance(source, Path) or (
        isinstance(source, str)
        and "\n" not in source
        and len(source) < 4096
        and Path(source).suffix.lower() in (".json", ".txt", ".md", ".csv", "")
        and _is_file(source)
    ):
        path = Path(source)
        if not path.is_file():
            raise InputError(f"no such file: {path}")
        raw = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix.lower() == ".json" or raw.lstrip().startswith("{"):
            try:
                return parse_json(json.loads(raw), language)
            except json.JSONDecodeError:
                raise InputError(f"{path.name} is not valid JSON") from None
        return parse_text(raw, language)
    if isinstance(source, str):
        if re.fullmatch(r"[^\s:]+\.(?:json|txt|md)", source.strip()):
            raise InputError(f"no such file: {source.strip()}")
        if source.lstrip().startswith("{"):
            try:
                return parse_json(json.loads(source), language)
            except json.JSONDecodeError:
                pass
        return parse_text(source, language)
    raise InputError(f"cannot read a transcript from {type(source).__name__}")
