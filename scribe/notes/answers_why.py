"""Why a drug was stopped ("why did he stop the indomethacin?", "pourquoi a-t-elle arrêté le propranolol ?"): the
reason the turn that stops or tries the drug gives ("after three days my stomach was on fire … i stopped it"), not a
yes or a no. Only a drug the visit has as stopped or tried; when no sentence beside it gives a reason, the other
readings of the question decide."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.facts.reader import ConsultationReader
from scribe.notes.medication.names import find_mentions, fold
from scribe.schemas_docs import Answered, Fact

_WHY_STOPPED = re.compile(
    r"^\W*(?:why|pourquoi)\b[^?]*\b(?:stop\w*|quit|come off|came off|arrêt\w*)\b|"
    r"^\W*(?:what|quel(?:le)?)\b[^?]*\b(?:side effects?|reason|raison|effets? (?:secondaires?|indésirables?))\b"
    r"[^?]*\b(?:stop\w*|arrêt\w*)\b",
    re.I,
)
# a reason, said by what the drug did: "it gave me nightmares", "my stomach was on fire", "i was so tired"
_REASON = re.compile(
    r"\b(?:(?:it|that|which|ça|cela) (?:gave|made|caused|donnait|faisait)|because|side effects?|stopped for|"
    r"arrêtée? pour|à cause|parce que|"
    r"i was so|i couldn't|was on fire|swell\w*|rash|dizzy|tired|nause\w*|cauchemars?|nightmares?|from (?:it|that)|"
    r"after (?:he|she|i|you) (?:fell|had|got))\b",
    re.I,
)

_STOP = re.compile(r"\b(?:stop\w*|quit|arrêt\w*|switched|came off|took (?:me|him|her) off)\b", re.I)
_DENIED = re.compile(r"\b(?:no|not|never|non|pas|jamais)\b|n't\b", re.I)  # "no headache.": no reason


def why_stopped(question: str, reader: ConsultationReader | None, facts: list[Fact]) -> Answered | None:
    """The reason a stopped or tried drug was stopped, where the question asks it; None when it does not."""
    if reader is None or not _WHY_STOPPED.search(question):
        return None
    asked = {fold(name) for m in find_mentions(question) for name in (m.name, m.surface)}
    turns = [
        e.segment_id
        for f in facts
        if f.kind == "medication"
        and f.status in ("stopped", "historical")
        and asked & {fold(f.label), fold(str(f.attributes.get("surface", "")))}
        for e in f.evidence
    ]
    # the reply to "the doxazosin, remind me" may come two turns on; the patient's own account first
    near = [k for seg in turns for k, s in enumerate(reader.sents) if seg <= s.seg_index <= seg + 2 and not s.question]
    told = [k for k in near if _STOP.search(reader.sents[k].text) and _REASON.search(reader.sents[k].text)]
    first = next((k for k in told if not reader.is_clin(k)), told[0] if told else None)
    stop_and_why = reader.sents[first] if first is not None else None
    for seg in turns:
        said = [s for s in reader.sents if s.seg_index in (seg, seg + 1) and not s.question]
        reason = (
            stop_and_why
            or next((s for s in said if _REASON.search(s.text)), None)
            or next(
                (
                    s
                    for s in said
                    if s.seg_index == seg and lexicon.find_concepts("symptom", s.text) and not _DENIED.search(s.text)
                ),
                None,
            )
        )
        if reason is not None:
            words = reason.text.strip()
            return Answered(
                answered=True,
                answer=words,
                value=words,
                evidence=[reader.builder.ev_sentence(reason)],
                confidence=0.8,
                topic="medications",
            )
    return None  # no reason said beside the drug: the other readings decide
