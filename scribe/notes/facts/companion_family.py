"""A relative named by the patient's child who came along: their "grandad, dad's father, died of a heart attack" is
the patient's father when the patient is that dad, and on the other side the patient's parent-in-law, no blood
relative of the patient. The chart names the relative from the patient's side, or abstains."""

from __future__ import annotations

import re

# the patient's child beside them: "this is my daughter, susan", "here with her son"
_CHILD_HERE = re.compile(
    r"\b(?:this is my|with (?:his|her)|c'est ma|c'est mon|avec (?:sa|son)) (?:daughter|son|fille|fils)\b", re.I
)
_ONE_UP = {"grandfather": "father", "grandmother": "mother", "grand-père": "père", "grand-mère": "mère"}


def companion_child_relatives(x) -> None:
    """Family history a companion who is the patient's child tells of their grandparents, charted from the patient's
    side: the patient's own parent on the patient's side, dropped on the other (x: the fact extractor)."""
    opening = " ".join(s.text for s in x.tr.segments[:6])
    if not _CHILD_HERE.search(opening) or x.sex not in ("male", "female"):
        return
    own_side = "paternal" if x.sex == "male" else "maternal"
    kept = []
    for f in x.builder.facts:
        rel = str(f.attributes.get("relative") or "")
        side, _, elder = rel.rpartition(" ")
        told = next((s for s in x.tr.segments if f.evidence and s.id == f.evidence[0].segment_id), None)
        if f.kind != "family_history" or elder not in _ONE_UP or told is None or told.speaker != "guest":
            kept.append(f)
            continue
        if side == own_side:
            f.attributes["relative"] = _ONE_UP[elder]
            kept.append(f)
        # (the other side, or no side said: a parent-in-law, or not sure whose; not charted as the patient's)
    x.builder.facts[:] = kept
