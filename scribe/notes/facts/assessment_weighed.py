"""Problems named in passing and weighed elsewhere: "drink water, that helps the kidney stones too" is no diagnosis
the note can state when the visit only says "it could be a small kidney stone"."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.facts.assessment_problems import GENERIC_EXPERIENCER, certainty, says_its, shown_by_value
from scribe.schemas_docs import Fact

_SUBTYPE_AFTER = re.compile(r"\s+(?:familiale?|héréditaire|hereditary|secondaire|secondary|primaire|primary)\b", re.I)


class WeighedProblems:
    def _weighed_elsewhere(self, fact: Fact) -> None:
        """A problem only named where it was taken from ("that helps the kidney stones too") that the clinician
        weighs elsewhere ("it could be a small kidney stone") and never states ("c'est une vraie hypoglycémie"):
        possible. Not one the history holds, a recap shows by its value ("iron deficiency, ferritin eight"), or
        weighed of people in general."""
        k = fact.attributes.get("statement")
        if fact.status != "present" or k is None or self._stated(fact) or shown_by_value(self.sents[k].text, fact):
            return
        if any(
            f.kind == "past_medical" and f.label == fact.label and f.status == "present" for f in self.builder.facts
        ):
            return
        term = fact.attributes.get("term")  # a problem named in words the lexicon lacks: "that could be reflux"
        weighed = False
        for j in range(len(self.sents)):
            t = self.sents[j].text
            if self.is_clin(j) and not self.sents[j].question:
                said = re.finditer(rf"\b{re.escape(term)}\b", t, re.I) if term else ()
                for a, b, c in [*lexicon.find_concepts("condition", t), *((m.start(), m.end(), fact) for m in said)]:
                    if c.label != fact.label or GENERIC_EXPERIENCER.search(t[max(0, a - 80) : a]):
                        continue
                    if _SUBTYPE_AFTER.match(t, b):
                        continue  # "une hypercholestérolémie familiale" possible: the kind is hedged, not the disease
                    sure = certainty(t, a, b)
                    if sure == "confirmed" and says_its(t, a):
                        return  # stated elsewhere: "c'est une vraie hypoglycémie"
                    weighed = weighed or sure == "possible"
        if weighed:
            fact.status, fact.attributes["certainty"] = "uncertain", "possible"

    def _stated(self, fact: Fact, now: int = -1) -> bool:
        """Whether the sentence a problem was taken from states it (says_its), rather than only naming it ("and the
        lupus question.", "that helps the kidney stones too")."""
        k, quote = fact.attributes.get("statement"), fact.evidence[0].quote if fact.evidence else ""
        at = self.sents[k].text.find(quote) if k is not None and quote else -1
        # and not only named, then ruled out in the same turn: "that's mastoiditis, an infection of the bone … so, no
        # mastoiditis"
        same_turn = now >= 0 and self.sents[k].seg_index == self.sents[now].seg_index
        return at < 0 or says_its(self.sents[k].text, at) and not same_turn
