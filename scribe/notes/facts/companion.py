"""A companion's own voice: what a spouse, daughter or friend says in the first person is theirs, not the
patient's, so the note neither turns their "me" into the patient ("he was staying with me" → "with him") nor
charts their own relatives as the patient's ("my grandfather had a stroke": the patient's father, or father-in-law?).
A parent telling a young child's story is the exception (the proxy): their "he" is the child."""

from __future__ import annotations

import re

_FIRST = re.compile(r"\b(?:i|i'll|i'm|i've|i'd|me|my|mine|je|j'|moi|mon|ma|mes)\b", re.I)
_MY_BEFORE = re.compile(r"\b(?:my|mon|ma|mes)\s*$", re.I)


class CompanionVoice:
    def companions_own_relative(self, k: int, rel: re.Match) -> bool:
        """A companion names their own relative ("my grandfather had a stroke"): not one the note can name for the
        patient (the patient's father, or father-in-law?); "her mother, my grandmother" names the patient's."""
        return self.companion_first_person(k) and bool(_MY_BEFORE.search(self.sents[k].text[: rel.start()]))

    def companion_first_person(self, k: int) -> bool:
        """A companion (not the parent telling a child's story) speaks in the first person: "he was staying with me
        and he took one of my amlodipine" cannot become the patient's "with him … his amlodipine"."""
        guest = self.role[k] == "other" or self.tr.segments[self.sents[k].seg_index].speaker == "guest"
        parent = bool(getattr(self, "proxy", None)) and self.parent_tells(k)
        return guest and not parent and bool(_FIRST.search(self.sents[k].text))

    def child_with_parent(self) -> bool:
        """A young child's visit a parent speaks for (the proxy): the clinician's "your …" is said to the parent ("with
        his eczema, your asthma as a child, his sister …")."""
        age = next((f.value for f in self.builder.facts if f.kind == "demographics" and f.label == "age"), None)
        young = age is not None and str(age).isdigit() and int(age) < 12  # a teenager speaks for themself
        return young and bool(getattr(self, "proxy", None))
