"""The fact extractor: the consultation reader with one mixin per kind of fact, run in order."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.facts.allergy_cleared import clear_allergies
from scribe.notes.facts.assessment import AssessmentFacts
from scribe.notes.facts.background import BackgroundFacts, allergen_label
from scribe.notes.facts.companion_family import companion_child_relatives
from scribe.notes.facts.gone import mark_gone
from scribe.notes.facts.history import HistoryFacts
from scribe.notes.facts.medication_not_taken import drop_refused_orders
from scribe.notes.facts.medications import MedicationFacts
from scribe.notes.facts.objective import ObjectiveFacts
from scribe.notes.facts.plan import PlanFacts
from scribe.notes.facts.reader import ConsultationReader
from scribe.schemas import Transcript
from scribe.schemas_docs import Fact


class Extractor(
    ConsultationReader, HistoryFacts, BackgroundFacts, MedicationFacts, ObjectiveFacts, AssessmentFacts, PlanFacts
):
    """Transcript → facts: the consultation reader with one extractor per kind of fact."""

    def run(self) -> list[Fact]:
        self.demographics()
        self.chief_complaint()
        self.symptoms()
        mark_gone(self)  # "la fièvre, c'est passé depuis samedi": had, and gone
        self.hpi()
        self.medications()
        self.allergies()
        clear_allergies(self, allergen_label)  # "donc vous n'êtes pas allergique à la pénicilline"
        self.histories()
        companion_child_relatives(self)  # the daughter's "grandad, dad's father": the patient's father
        self.social()
        self.vitals()
        self.exam()
        self.results()
        self.assessment()
        self.plan()
        drop_refused_orders(self)  # "je vous propose le vaccin contre la grippe" "non, pas cette année"
        self._without_excluded_history()
        return _without_settled_rule_outs(_without_denied_family(self.builder.facts))

    def _without_excluded_history(self) -> None:
        """A condition the clinician excludes for good ("so you do not have atrial fibrillation", said to a patient
        whose wife has it and said so in the patient's voice) is no past history and no diagnosis: the exclusion, not
        the claim, goes to the note. A known condition is never "possible": the patient's history has it."""
        excluded = set()
        for k, s in enumerate(self.sents):
            if not self.is_clin(k) or s.question or not _EXCLUDES.search(s.text) or self.to_companion(k):
                continue  # (the lexicon is read only where something is excluded: document() runs on every update;
                # "no, maria, yours is for you, and you don't have gout" excludes nothing of the patient's)
            for st, en, c in lexicon.find_concepts("condition", s.text):
                if _EXCLUDED_FOR_GOOD.search(s.text[:st]) and not _NOT_NOW.search(s.text[en:]):
                    excluded.add(c.label)
        known = {f.label for f in self.builder.facts if f.kind == "past_medical" and f.status == "present"}
        known |= {"diabetes mellitus"} if known & {"type 1 diabetes", "type 2 diabetes"} else set()
        kept = []
        for f in self.builder.facts:
            if f.label in excluded and f.kind == "past_medical":
                continue
            if f.kind == "assessment" and f.attributes.get("certainty") == "possible" and f.label in known:
                if any(self._as_a_cause(e) for e in f.evidence):
                    continue  # "that could be from the diabetes": the cause is in doubt, not the known diabetes
                if f.label in _LIFELONG:  # "known copd" … "could also be …" (not a past kidney stone's new one)
                    f.status, f.attributes["certainty"] = "present", "confirmed"
            if f.label in excluded and f.kind == "assessment" and f.status in ("present", "uncertain"):
                f.status, f.attributes["certainty"] = "absent", "ruled-out"
            kept.append(f)
        self.builder.facts[:] = kept

    def _as_a_cause(self, e) -> bool:
        """The evidence's quote is said as a cause somewhere in its segment ("that could be from the diabetes")."""
        text = next((g.text for g in self.tr.segments if g.id == e.segment_id), "")
        return bool(e.quote) and any(
            _AS_A_CAUSE.search(text[: m.start()]) for m in re.finditer(re.escape(e.quote), text)
        )


# conditions that, once known, stay: a hedge near their name is about something else
_LIFELONG = {
    "copd",
    "type 1 diabetes",
    "type 2 diabetes",
    "diabetes mellitus",
    "hypertension",
    "asthma",
    "congestive heart failure",
    "chronic kidney disease",
    "atrial fibrillation",
    "hypothyroidism",
}
_AS_A_CAUSE = re.compile(
    r"\b(?:from|due to|caused by|related to|because of|secondary to|à cause d[eu']|lié à|liée à|dû à|due à)\s+"
    r"(?:the |your |his |her |le |la |l'|votre |son |sa )?$",
    re.I,
)
_EXCLUDES = re.compile(r"\b(?:do not|don'?t|does not|doesn'?t|never) ha(?:ve|d)\b|\bn'a(?:vez)? (?:pas|jamais)\b", re.I)
_EXCLUDED_FOR_GOOD = re.compile(
    r"\b(?:you|he|she) (?:do not|don'?t|does not|doesn'?t|never) (?:ha(?:ve|d)|ha(?:ve|d) had) (?:an? )?$|"
    r"\b(?:vous n'avez|il n'a|elle n'a) (?:pas|jamais) (?:eu )?(?:de |d'|une? )?(?:(?:maladie|syndrome) d[e'] ?)?$",
    re.I,
)
# today's only: "you don't have a pneumonia today", "pas d'infection pour l'instant"
_NOT_NOW = re.compile(
    r"^[^.;?!]{0,40}\b(?:today|now|right now|at the moment|currently|this time|anymore|aujourd'hui|actuellement|"
    r"pour l'instant|en ce moment|plus)\b",
    re.I,
)


def _without_denied_family(facts: list[Fact]) -> list[Fact]:
    """A disease the family is said not to have is dropped where a relative has it: "my father had his prostate
    done … but that wasn't cancer … my mother had breast cancer" is no "no cancer in the family"."""
    had: dict[str, set] = {}
    for f in facts:
        if f.kind == "family_history" and f.status == "present":
            had.setdefault(f.label, set()).add(f.attributes.get("term"))

    def contradicted(f: Fact) -> bool:  # "no breast cancer in the family" stands beside the father's prostate cancer
        term = f.attributes.get("term")
        return f.label in had and (term is None or term == f.label or term in had[f.label])

    return [f for f in facts if not (f.kind == "family_history" and f.status == "absent" and contradicted(f))]


_TO_RULE_OUT = re.compile(r"\b(?:rule out|exclude|écarter|éliminer|exclure)\b", re.I)


def _without_settled_rule_outs(facts: list[Fact]) -> list[Fact]:
    """ "Il faut écarter une maladie cœliaque … les anticorps sont négatifs, donc ce n'est pas une maladie cœliaque":
    the visit ruled it out, so no plan line still says it is to be ruled out."""
    out = {f.label for f in facts if f.kind == "assessment" and f.attributes.get("certainty") == "ruled-out"}
    return [
        f
        for f in facts
        if not (
            f.kind == "plan"
            and _TO_RULE_OUT.search(f.value or "")
            and any(c.label in out for *_, c in lexicon.find_concepts("condition", f.value or ""))
        )
    ]


def extract(tr: Transcript, lang: str | None = None) -> list[Fact]:
    """All rule-based facts of a transcript, ids f1..fN in discovery order."""
    if not tr.segments:
        return []
    facts = Extractor(tr, lang).run()
    for i, f in enumerate(facts, 1):
        f.id = f"f{i}"
    return facts
