"""How a typed order is written and when advice counts as return precautions: the advice labels written as
said ("Push fluids.", not "Push fluids advised.") and the spoken shapes of return precautions. Kept apart from
the order table (lexicon/orders.py) so each stays a readable size."""

from __future__ import annotations

# Advice written as said, without "advised" ("Push fluids.", "Strain urine.", "Finger splint.").
AS_SAID = {
    "results via the patient portal",
    "apply heat",
    "keep the wound clean and dry",
    "keep the wound clean",
    "avoid heavy lifting",
    "push fluids",
    "strain urine",
    "reduce alcohol intake",
    "reduce caffeine intake",
    "apply ice",
    "set an alarm as a medication reminder",
}

# "If it gets worse, give me a call": return precautions the clinician gave (never added when not said).
RETURN_PRECAUTIONS = (
    r"(?:call|come back|return|come in|let (?:me|us) know|give (?:me|us) a call|go to the (?:er|emergency))"
    r"[^.;?]{0,50}\bif\b[^.;?]{0,60}?\b(?:worse\w*|severe|not (?:getting |any )?better|fever|"
    r"(?:do|does) ?n'?t (?:improve|get better|go away|resolve))\b|"
    r"\bif\b[^.;?]{0,60}?\b(?:worse\w*|severe|not (?:getting |any )?better|fever|"
    r"(?:do|does) ?n'?t (?:improve|get better|go away|resolve))\b[^.;?]{0,40}?"
    r"(?:call|come back|return|come in|let (?:me|us) know|give (?:me|us) a call|go to the (?:er|emergency))|"
    r"(?:rappelez|appelez|revenez|reconsultez|consultez)[^.;?]{0,40}\bsi\b[^.;?]{0,50}?"
    r"(?:aggrav\w*|pire|fi[èe]vre|persist\w*|pas mieux)|"
    r"\bsi\b[^.;?]{0,60}?(?:aggrav\w*|pire|fi[èe]vre|persist\w*|pas mieux)[^.;?]{0,40}?"
    r"(?:rappelez|appelez|revenez|reconsult\w*|consultez)|"
    # the emergency department, whatever the sign said: "if you get short of breath, go to the emergency room"
    r"(?:go to the (?:er|emergency(?: room| department)?)|call 911|allez aux urgences|appelez le 15)[^.;?]{0,60}\bif\b|"
    r"\bif\b[^.;?]{0,80}?(?:go (?:straight )?to the (?:er|emergency)|call 911)|"
    r"\bsi\b[^.;?]{0,80}?(?:aux urgences|appelez le 15)"
)
