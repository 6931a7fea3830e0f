"""What the visit already holds of a drug, read by MedicationFacts while it walks the sentences: whether it was named
before, its current fact, whether the dose said restates this visit's change, and whether a clinician's turn opens
with the regimen of the drug the turn before named."""

from __future__ import annotations

import re

from scribe.notes.medication.clause import NOT_STARTING
from scribe.notes.medication.status_cues import ACKNOWLEDGES, FIRST_DOSE_HERE, REGIMEN_GOES_ON, SUGGESTION_STANDS
from scribe.schemas_docs import Fact

# the patient asks the new dose of the drug just changed: "to how much?", "combien ?"
_ASKS_HOW_MUCH = re.compile(
    r"^\W*(?:(?:and|so|et|donc)\s+)?(?:up to |to |à )?(?:how much|how many|what dose|combien|quelle dose)\b"
    r"[^.;]{0,30}\?\W*$",
    re.I,
)


class MedicationLookups:
    def _not_started(self, k: int, after: str) -> bool:
        """The clinician says the drug named in sentence k (`after`: its words after the name) is not started today,
        in that sentence or the turn's next two: "… adding sulfasalazine, but we're not starting that today";
        "there's another tablet, finasteride … if the tamsulosin isn't enough … we'll add finasteride then. we won't
        start it today"."""
        if not self.is_clin(k):
            return False
        turn = [
            j for j in range(k + 1, min(k + 3, len(self.sents))) if self.sents[j].seg_index == self.sents[k].seg_index
        ]
        return any(NOT_STARTING.match(t) for t in [after, *(self.sents[j].text for j in turn)])

    def _named_before(self, surface: str, k: int) -> bool:
        """Said before sentence k, in full or by its last word ("the patch" before "nicotine patch")."""
        words = surface.lower().split()
        said = [words[-1]] if len(words) > 1 and len(words[-1]) > 3 else []
        names = [surface.lower(), *said]
        return any(re.search(rf"\b{re.escape(w)}", x.text.lower()) for w in names for x in self.sents[:k])

    def _restates_change(self, label: str, dose) -> bool:
        """The drug's dose, said again, is the one this visit changed it to."""
        changed = (f for f in self.builder.facts if f.kind == "medication" and f.status == "changed")
        return dose is not None and any(f.label == label and f.attributes.get("dose") == dose for f in changed)

    def _had(self, label: str, k: int) -> bool:
        """The patient's turn just before told of the drug as taken before: "oui, le pivmécillinam, …" echoes it."""
        past = any(f.kind == "medication" and f.label == label and f.status == "historical" for f in self.builder.facts)
        return past and k > 0 and not self.is_clin(k - 1)

    def _seen(self, name: str) -> bool:
        """Whether the visit has a fact of the drug already, whatever its status ("the doxycycline is finished")."""
        return self._fact_of(name) is not None

    def _regimen_resumed(self, seg: int, k: int) -> bool:
        """The clinician's turn opened by sentence k follows the patient's bare acknowledgement of the turn that named
        the drug (segment seg), and opens with its regimen unnamed (status_cues.REGIMEN_GOES_ON)."""
        s, segs = self.sents[k], self.tr.segments
        first = k == 0 or self.sents[k - 1].seg_index != s.seg_index
        if not (first and self.is_clin(k) and s.seg_index == seg + 2):
            return False
        if _ASKS_HOW_MUCH.match(segs[seg + 1].text):  # "… increase the methotrexate." "to how much?" "to twenty mg …"
            return bool(self._DOSE_FIRST.match(re.sub(r"^\W*(?:up )?to\b", "", s.text)))
        return bool(ACKNOWLEDGES.match(segs[seg + 1].text) and REGIMEN_GOES_ON.match(s.text))

    def _first_dose_next(self, k: int) -> bool:
        """The turn goes on, right after sentence k, to give the drug's first dose in the room ("for the flare,
        colchicine. i'll give you the first dose now, …")."""
        s = self.sents[k]
        return bool(FIRST_DOSE_HERE.search(self.tr.segments[s.seg_index].text[s.end : s.end + 60]))

    def _dose_next(self, k: int) -> bool:
        """The turn's next sentence opens with a dose ("trois grammes, un sachet dans un verre d'eau")."""
        nxt = self.sents[k + 1] if k + 1 < len(self.sents) else None
        return bool(nxt and nxt.seg_index == self.sents[k].seg_index and self._DOSE_FIRST.match(nxt.text))

    def _given_here(self, k: int) -> bool:
        """Sentence k, or the one before it in the turn, gives a first dose in the room: its amount is not the
        regimen taken at home ("i'll give you the first dose now, here: two tablets, that's 1.2 milligrams")."""
        s = self.sents[k]
        start = self.sents[k - 1].start if k and self.sents[k - 1].seg_index == s.seg_index else s.start
        return bool(FIRST_DOSE_HERE.search(self.tr.segments[s.seg_index].text[start : s.end]))

    def _known(self, name: str) -> Fact | None:
        """The visit's current fact of a drug already named (by its label or the name said)."""
        return self._fact_of(name, "current")

    def _fact_of(self, name: str, status: str | None = None) -> Fact | None:
        low = name.lower()
        return next(
            (
                f
                for f in self.builder.facts
                if f.kind == "medication"
                and (status is None or f.status == status)
                and low in (f.label.lower(), str(f.attributes.get("surface", "")).lower())
            ),
            None,
        )

    def _suggestion_adopted(self, at: int, mentions: list, j: int, k: int) -> Fact | None:
        """ "i'd suggest propranolol." … "so then, my suggestion stands: the long-acting capsule, eighty milligrams,
        one in the evening": the drug suggested in sentence `at` (mention j), started with the regimen sentence k
        says when the clinician adopts the suggestion; None when k does not."""
        from scribe.notes import medication as med

        s = self.sents[k]
        if not self.is_clin(k) or s.question or not SUGGESTION_STANDS.search(s.text):
            return None
        said = med.read_attributes(s.text, self.lang, status="new", cap=160)
        first = self.sents[at]
        parsed = med.parse_mention(first.text, mentions, j, self.lang, clinician=True, prompted=True)
        if parsed is None or said.dose is None or said.unit is None:
            return None
        lo, hi = min(a for a, _ in said.spans()), max(b for _, b in said.spans())
        m = mentions[j]
        return self.builder.add(
            "medication",
            parsed.label,
            [
                self.builder.evidence(first.seg_index, first.start + m.start, first.start + m.end),
                self.builder.evidence(s.seg_index, s.start + lo, s.start + hi),
            ],
            status="new",
            **{**parsed.attributes(), **said.as_dict()},
            prescriber="this clinician",
            surface=m.surface,
            drugbank_id=m.drug.get("drugbank_id"),
            mesh_id=m.drug.get("mesh_id"),
            said_by="clinician",
        )
