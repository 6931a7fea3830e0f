"""An allergy the clinician takes off the record: "vous l'avez pris une semaine sans aucune réaction … donc vous n'êtes
pas allergique à la pénicilline", "so you're not actually allergic to penicillin". The patient's earlier "à la
pénicilline, je crois" stays in the history of the visit, but the note must not list an allergy the clinician has
just ruled out (nor tell the patient to avoid the drug just prescribed)."""

from __future__ import annotations

import re

from scribe.notes import lexicon

_NOT_ALLERGIC = re.compile(
    r"\b(?:(?:you're|you are|he's|she's|he is|she is) not (?:really |truly |actually )?allergic|"
    r"not (?:a )?(?:true|real) allergy|(?:vous n'êtes|il n'est|elle n'est|tu n'es) pas (?:vraiment )?allergique|"
    r"pas (?:une )?(?:vraie )?allergie)\s+(?:to |à |aux? |d(?:e |u |es ))?(?:the |la |le |les |l')?",
    re.I,
)


def clear_allergies(x, label_of) -> None:
    """Allergies the clinician says the patient does not have, after the patient told them: no longer present
    (x: the fact extractor; label_of: the allergen's label from its words)."""
    for k, s in enumerate(x.sents):
        if not x.is_clin(k) or s.question:
            continue
        for m in _NOT_ALLERGIC.finditer(s.text):
            allergen = lexicon.ALLERGEN.match(s.text, m.end())
            if allergen is None:
                continue
            label = label_of(allergen.group(0))
            for f in x.builder.facts:
                if f.kind == "allergy" and f.label == label and f.status == "present":
                    f.status = "absent"
                    f.attributes["cleared"] = True
                    f.evidence.append(x.builder.evidence(s.seg_index, s.start + m.start(), s.start + allergen.end()))
