"""A companion's own voice: what a spouse, daughter or friend says in the first person is theirs, not the
patient's, so the note neither turns their "me" into the patient ("he was staying with me" → "with him") nor
charts their own relatives as the patient's ("my grandfather had a stroke": the patient's father, or father-in-law?).
A parent telling a young child's story is the exception (the proxy): their "he" is the child."""

from __future__ import annotations

import re

from scribe.notes.facts.relative_names import YOURS, told_to_companion
from scribe.notes.facts.relatives import turn_opening

FIRST_PERSON = re.compile(r"\b(?:i|i'll|i'm|i've|i'd|me|my|mine|je|j'|moi)\b", re.I)
OWN_HEALTH = re.compile(  # the speaker's own health, not what they give the child ("i use the hydrocortisone cream")
    r"\b(?:i (?:take|have|had|was|get|got|carry)|i'm|i've|my|me|je prends|je suis|j'ai)\b", re.I
)
_MY_FR = re.compile(r"\b(?:mon|ma|mes)\b", re.I)
_CLAUSES = re.compile(r"\s*[,;]\s*|\s+(?:and|but|et|mais)\s+", re.I)
_MINE = re.compile(r"\b(?:my|mine|mon|ma|mes)\b", re.I)
_MY_BEFORE = re.compile(r"\b(?:my|mon|ma|mes)\s*$", re.I)


class CompanionVoice:
    def guest(self, k: int) -> bool:
        """Sentence k is a companion's: a dialogue's guest, a recording's "other" voice."""
        return self.role[k] == "other" or self.tr.segments[self.sents[k].seg_index].speaker == "guest"

    def companions_own_relative(self, k: int, rel: re.Match) -> bool:
        """A companion names their own relative ("my grandfather had a stroke"): not one the note can name for the
        patient (the patient's father, or father-in-law?); "her mother, my grandmother" names the patient's."""
        return self.companion_first_person(k) and bool(_MY_BEFORE.search(self.sents[k].text[: rel.start()]))

    def patient_part(self, k: int) -> str:
        """Sentence k without the clauses in which a companion speaks of what is theirs ("he was staying with me and
        he took one of my amlodipine" → "he was staying with me ."); '' when nothing is left."""
        t = self.sents[k].text
        if not self.companion_first_person(k):
            return t
        kept = [c for c in _CLAUSES.split(t.rstrip(" .")) if not _MINE.search(c) and len(c.split()) >= 3]
        return " , ".join(kept) + " ." if kept else ""

    def teller(self, k: int) -> tuple[dict, str | None]:
        """Who tells sentence k when it is not the patient, and the "sex" its first person turns into: a parent of a
        young child ({"told_by": "mother"}, "female"), a companion ({"told_by": "companion"}, "companion": "what
        scares me is he stops breathing" → "what scares the companion is he stops breathing")."""
        if getattr(self, "proxy", None) and self.parent_tells(k):
            return {"told_by": self.proxy}, "female" if self.proxy in ("mother", "mère") else "male"
        if self.companion_first_person(k):
            return {"told_by": "companion"}, "companion"
        return {}, self.sex

    def companion_first_person(self, k: int) -> bool:
        """A companion (not the parent telling a child's story) speaks in the first person: "he was staying with me
        and he took one of my amlodipine" cannot become the patient's "with him … his amlodipine"."""
        guest = self.guest(k)
        parent = bool(getattr(self, "proxy", None)) and self.parent_tells(k)
        return (
            guest and not parent and bool(FIRST_PERSON.search(self.sents[k].text) or _MY_FR.search(self.sents[k].text))
        )

    def child_with_parent(self) -> bool:
        """A young child's visit a parent speaks for (the proxy): the clinician's "your …" is said to the parent ("with
        his eczema, your asthma as a child, his sister …")."""
        age = next((f.value for f in self.builder.facts if f.kind == "demographics" and f.label == "age"), None)
        young = age is not None and str(age).isdigit() and int(age) < 12  # a teenager speaks for themself
        return young and bool(getattr(self, "proxy", None))

    def to_companion(self, k: int) -> bool:
        """Sentence k is the clinician's, told to a companion by name (relative_names.told_to_companion) or in reply
        to what a companion said of themself ("i'm on eliquis too, for the clot" "okay, that's yours, your dvt")."""
        if not self.is_clin(k):
            return False
        j = turn_opening(self.sents, k)
        prev = range(turn_opening(self.sents, j - 1), j) if j > 0 else range(0)
        # what a companion said of their own health (not "i'll write it down"), read only for a "your …" answering it
        replies = (
            k - j < 2
            and bool(YOURS.search(self.sents[k].text))
            and any(
                self.guest_of_self(i)
                and OWN_HEALTH.search(self.sents[i].text)
                or self.guest(i)
                and _MY_FR.search(self.sents[i].text)
                for i in prev
            )  # "i'm on eliquis too"; "il ne pourrait pas essayer mon spiriva ?"
        )
        return told_to_companion(self.sents, k, self.is_clin, self.named_people(), replies)
