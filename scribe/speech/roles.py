"""roles: tell clinician from patient (and companions or interpreters) for each diarized speaker.

Two kinds of evidence, combined per speaker:
- voice: cosine similarity to the clinician's enrolled voice, when one exists (strongest);
- speech: what people say in a consultation — the clinician asks most questions, introduces
  themselves as doctor, examines, prescribes and explains; the patient reports symptoms in the first
  person; a companion speaks of the patient in the third person. English and French cues.
Only counts and labels leave this module, never transcript text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from scribe.schemas import Segment, SpeakerInfo

VOICE_MATCH = 0.55  # CAM++ cosine above which a speaker is the enrolled clinician
VOICE_REJECT = 0.25  # below this, a speaker is surely not the enrolled clinician
# A role decided by a score margin (log-odds) under this is reported "unknown": with no cues either way two
# speakers score alike (confidence ~0.5) and picking one would be a coin flip the note then builds on; the
# clinician fixes it in the web app (PUT /v1/visits/{id}/speakers). 0.4 is a confidence of 0.6.
MIN_MARGIN = 0.4
SINGLE_PATIENT_SCORE = -1.5  # a lone speaker is the patient only MIN_MARGIN below this (first-person cues)

_CLINICIAN_CUES = [
    # self-introduction
    r"\bi'?m (?:dr|doctor)\b",
    r"\bi am (?:dr|doctor)\b",
    r"\bmy name is (?:dr|doctor)\b",
    r"\bje suis (?:le |la )?(?:dr|docteur|docteure|médecin|interne)\b",
    # examining
    r"\b(?:take a deep breath|breathe in|let me (?:take a look|examine|listen|check|feel|see))\b",
    r"\b(?:on your exam|on exam|physical exam|your (?:lungs|heart|abdomen) (?:sound|are|is))\b",
    r"\b(?:respirez|je vais vous examiner|je vais (?:écouter|regarder|palper)|allongez-vous|toussez)\b",
    # prescribing, ordering, planning
    r"\b(?:i'?m going to|i will|i'?ll|i want to|i'?d like to|let'?s) (?:prescribe|order|start|"
    r"refer|increase|decrease|get|check|schedule|put you|send you|go ahead)\b",
    r"\b(?:prescribe|prescription|milligrams?|mg|twice a day|once a day|referral|follow[- ]up|"
    r"blood work|x-ray|mri|ct scan|ultrasound|lab(?:s| work)?|diagnosis|assessment|plan)\b",
    r"\b(?:je vais vous prescrire|ordonnance|on va (?:faire|demander|commencer|augmenter)|"
    r"je vous (?:prescris|propose|conseille)|bilan|prise de sang|radio|échographie|scanner|"
    r"milligrammes?|comprimés?|fois par jour|rendez-vous de contrôle|diagnostic)\b",
    # asking about symptoms
    r"\b(?:any|have you had|do you have|have you noticed|how long|when did|how often|does it|"
    r"are you taking|any allergies|what brings you|how are you feeling|on a scale)\b",
    r"\b(?:avez-vous|est-ce que vous|depuis quand|depuis combien|ça vous fait mal|vous prenez|"
    r"des allergies|qu'est-ce qui vous amène|comment vous sentez-vous|sur une échelle)\b",
]
_PATIENT_CUES = [
    r"\b(?:i'?ve been|i have been|i have had|i'?ve had|i feel|i'?m feeling|it hurts|my (?:pain|back|"
    r"chest|head|knee|stomach|throat|leg|arm|shoulder|wife|husband|mom|mother|dad|father)|i take|"
    r"i'?m taking|i noticed|started (?:about|a few|last)|i can'?t|i don'?t know|thank you,? doctor)\b",
    r"\b(?:j'ai mal|j'ai (?:eu|des|une|un)|je me sens|ça me fait|depuis (?:hier|\d+|quelques|une|deux|"
    r"trois)|je prends|ma (?:femme|mère|fille)|mon (?:mari|père|fils)|merci,? docteur|je sais pas|"
    r"je ne sais pas)\b",
]
_COMPANION_CUES = [
    r"\b(?:he'?s been|she'?s been|he has|she has|he said|she said|my (?:son|daughter|mother|father|"
    r"husband|wife) (?:has|is|was|had)|translate|interpret)\b",
    r"\b(?:il a|elle a|il dit|elle dit|mon (?:fils|père|mari) (?:a|est)|ma (?:fille|mère|femme) "
    r"(?:a|est)|je traduis|traduire|interprète)\b",
]
# Whom a speaker talks to and about: the clinician addresses the patient ("you", "vous"), the patient speaks of
# themselves ("I", "je"). The rates per word differ by about 0.1 between them in English and French alike.
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|vous|votre|vos)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:(?:i|my|me|mine|myself|je|moi|mon|ma|mes)\b|[jm]')", re.I)  # "i'm" counts its i
ADDRESS_WEIGHT = 15.0  # log-odds per unit of (second- minus first-person words) per word
_CLIN = [re.compile(p, re.I) for p in _CLINICIAN_CUES]
_PAT = [re.compile(p, re.I) for p in _PATIENT_CUES]
_COMP = [re.compile(p, re.I) for p in _COMPANION_CUES]


@dataclass
class SpeechProfile:
    words: int = 0
    sentences: int = 0
    questions: int = 0
    clinician_cues: int = 0
    patient_cues: int = 0
    companion_cues: int = 0
    second_person: int = 0
    first_person: int = 0

    def clinician_score(self) -> float:
        """Log-odds that this speaker is the clinician, from speech alone."""
        if not self.sentences:
            return 0.0
        per = max(self.sentences, 1)
        return (
            self.question_score()
            + self.address_score()
            + 2.5 * (self.clinician_cues - self.patient_cues) / per
            - 1.5 * self.companion_cues / per
        )

    def question_score(self) -> float:
        """The part of clinician_score that comes from asking questions."""
        return 3.0 * (self.questions / self.sentences - 0.3) if self.sentences else 0.0

    def address_score(self) -> float:
        """The part of clinician_score that comes from speaking to someone rather than of oneself."""
        return ADDRESS_WEIGHT * (self.second_person - self.first_person) / self.words if self.words else 0.0

    def add(self, text: str, words: int | None = None) -> None:
        """Count one utterance (only counts are kept, never the text)."""
        sentences = [s for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]
        self.words += words or len(text.split())
        self.sentences += len(sentences)
        self.questions += sum(s.rstrip().endswith("?") for s in sentences)
        self.clinician_cues += sum(len(rx.findall(text)) for rx in _CLIN)
        self.patient_cues += sum(len(rx.findall(text)) for rx in _PAT)
        self.companion_cues += sum(len(rx.findall(text)) for rx in _COMP)
        text = text.replace("’", "'")
        self.second_person += len(_SECOND_PERSON.findall(text))
        self.first_person += len(_FIRST_PERSON.findall(text))


def profile(segments: list[Segment]) -> dict[str, SpeechProfile]:
    profiles: dict[str, SpeechProfile] = {}
    for seg in segments:
        profiles.setdefault(seg.speaker or "S1", SpeechProfile()).add(seg.text, len(seg.words))
    return profiles


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-9))


def assign_roles(
    segments: list[Segment],
    speaker_embeddings: dict[str, np.ndarray] | None = None,
    clinician_voice: np.ndarray | None = None,
) -> dict[str, SpeakerInfo]:
    """Label every speaker; mutates nothing. At most one clinician; a speaker whose role rests on weak
    evidence is "unknown" (MIN_MARGIN)."""
    return label_speakers(profile(segments), speaker_embeddings, clinician_voice)


def label_speakers(
    profiles: dict[str, SpeechProfile],
    speaker_embeddings: dict[str, np.ndarray] | None = None,
    clinician_voice: np.ndarray | None = None,
) -> dict[str, SpeakerInfo]:
    """Roles from per-speaker speech profiles (and voices): the part of assign_roles that live
    transcription can run on counts accumulated as the visit goes on."""
    speakers = sorted(profiles, key=lambda s: -profiles[s].words)
    if not speakers:
        return {}
    evidence: dict[str, list[str]] = {s: [] for s in speakers}
    score = {s: profiles[s].clinician_score() for s in speakers}
    for s in speakers:
        p = profiles[s]
        evidence[s].append(f"{p.questions}/{p.sentences} sentences are questions")
        evidence[s].append(f"{p.clinician_cues} clinician cues, {p.patient_cues} patient cues")
    if clinician_voice is not None and speaker_embeddings:
        for s in speakers:
            if s in speaker_embeddings:
                sim = _cosine(speaker_embeddings[s], clinician_voice)
                evidence[s].append(f"voice similarity to enrolled clinician {sim:.2f}")
                if sim >= VOICE_MATCH:
                    score[s] += 6.0 + 10 * (sim - VOICE_MATCH)
                elif sim <= VOICE_REJECT:
                    score[s] -= 3.0

    if len(speakers) == 1:
        s = speakers[0]
        # Alone, a speaker has nobody to ask or address: the question and pronoun rates say nothing (a dictation
        # asks none).
        solo = score[s] - profiles[s].question_score() - profiles[s].address_score()
        role = "clinician" if solo > 1.0 else "patient"
        margin = solo - 1.0 if role == "clinician" else SINGLE_PATIENT_SCORE - solo
        if role == "patient" and clinician_voice is not None and s in (speaker_embeddings or {}):
            margin = max(margin, MIN_MARGIN)  # not the enrolled clinician's voice: the other person in the room
        return {s: _info(role, _sigmoid(abs(solo)) * 0.8, evidence[s], margin)}

    clinician = max(speakers, key=lambda s: score[s])
    others = [s for s in speakers if s != clinician]
    # The patient is the remaining speaker who speaks most in the first person; companions speak
    # about the patient. Ties go to the one who talks most.
    patient = max(others, key=lambda s: (profiles[s].patient_cues - profiles[s].companion_cues, profiles[s].words))
    result: dict[str, SpeakerInfo] = {}
    runner_up = max(score[s] for s in others)
    margin = score[clinician] - runner_up
    result[clinician] = _info("clinician", _sigmoid(margin), evidence[clinician], margin)
    for s in others:
        role = "patient" if s == patient else "other"
        margin = score[clinician] - score[s]
        result[s] = _info(role, _sigmoid(margin) * (1.0 if role == "patient" else 0.7), evidence[s], margin)
    return {s: result[s] for s in sorted(result)}


def _info(role: str, confidence: float, evidence: list[str], margin: float) -> SpeakerInfo:
    """The speaker's role, or "unknown" (with the role it leaned to in the evidence) when the score margin
    that decided it is under MIN_MARGIN."""
    if margin < MIN_MARGIN:
        evidence = [*evidence, f"too little evidence (leans {role})"]
        role = "unknown"
    return SpeakerInfo(role=role, confidence=round(confidence, 3), evidence=evidence)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))
