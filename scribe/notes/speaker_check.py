"""Roles that read reversed: when the speaker tagged "patient" talks like the clinician and the speaker
tagged "clinician" like the patient, the tags were swapped (a diarization or role decision gone wrong, or a
mislabelled export). Every fact depends on who said what (a symptom the doctor asks about is not one the
patient has), so a note built on swapped roles is wrong throughout. The swap is made only on strong
evidence and recorded, so the note can say it and the clinician can check it."""

from __future__ import annotations

import re

from scribe.schemas import Transcript

GONNA = r"(?:gonna|gon na|going to)"
CLINICIAN_CUES = re.compile(
    r"\b(?:assessment and (?:the )?plan|my assessment|on (?:your |my )?(?:physical )?exam(?:ination)?|"
    rf"i(?:'m| am) {GONNA} (?:go ahead|order|prescribe|refer|send|start|put you|have you|check|recommend)|"
    r"i(?:'d| would) like (?:to )?(?:order|start|get|prescribe|refer|go ahead)|let ?'?s (?:talk|go ahead|take a look)|"
    r"go ahead and|i want you to|take a (?:deep )?breath|do you have any (?:questions|other)|"
    r"your (?:x-?ray|labs?|lab work|blood ?work|results|mri|ct|ultrasound|vitals|blood pressure|pcp)|"
    r"i (?:do )?(?:hear|appreciate|palpate)|(?:on|in) (?:my|the|your) chart|"
    r"how (?:are|have) you (?:been )?(?:doing|feeling)|what brings you|tell me (?:a little )?about|"
    r"je vais vous (?:prescrire|examiner|faire)|je vous prescris|à l'examen|qu'est-ce qui vous amène)\b",
    re.I,
)
PATIENT_CUES = re.compile(
    r"\b(?:my (?:doctor|pcp|primary care)|i(?:'ve| have) been (?:having|feeling|taking|trying)|it hurts|"
    r"i noticed|i (?:feel|felt) (?:like|a|some|really|very|pretty)|i(?:'m| am) (?:having|feeling)|"
    r"i started|i(?:'m| am) (?:just )?(?:worried|anxious|nervous)|i do n'?t know|thank you doctor|"
    r"j'ai (?:mal|des douleurs)|je me sens|ça me fait mal)\b",
    re.I,
)
MIN_CUES = 4  # fewer cues than this is too little to overrule the tags
MARGIN = 2.0  # the reversed reading must be at least twice as strong as the tagged one


def role_scores(transcript: Transcript, role: str) -> tuple[int, int]:
    """(clinician cues, patient cues) in the speech of the speakers tagged `role`."""
    text = " ".join(s.text for s in transcript.segments if s.role == role)
    return len(CLINICIAN_CUES.findall(text)), len(PATIENT_CUES.findall(text))


def reversed_roles(transcript: Transcript) -> bool:
    """True when the tags clinician/patient read clearly swapped."""
    clin_c, clin_p = role_scores(transcript, "clinician")
    pat_c, pat_p = role_scores(transcript, "patient")
    as_tagged = clin_c + pat_p
    swapped = pat_c + clin_p
    return swapped >= MIN_CUES and swapped >= MARGIN * max(as_tagged, 1)


def unswap(transcript: Transcript) -> tuple[Transcript, bool]:
    """The transcript with clinician and patient tags exchanged when they read reversed, and whether it was."""
    if not reversed_roles(transcript):
        return transcript, False
    other = {"clinician": "patient", "patient": "clinician"}
    fixed = transcript.model_copy(deep=True)
    for seg in fixed.segments:
        seg.role = other.get(seg.role, seg.role)
    for info in fixed.speakers.values():
        info.role = other.get(info.role, info.role)
    return fixed, True
