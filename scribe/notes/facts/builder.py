"""Facts with their evidence: the builder that quotes a segment exactly (with word times), merges repeats,
and the check that every quote is verbatim."""

from __future__ import annotations

from scribe.notes.text import (
    Sentence,
)
from scribe.schemas import Transcript
from scribe.schemas_docs import Evidence, Fact


class Builder:
    """Collects facts with ids and evidence; dedups by (kind, label, status)."""

    def __init__(self, tr: Transcript):
        self.tr = tr
        self.facts: list[Fact] = []
        self._by_key: dict[tuple, Fact] = {}
        self._n = 0

    def evidence(self, seg_index: int, start: int, end: int) -> Evidence:
        seg = self.tr.segments[seg_index]
        text = seg.text
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        quote = text[start:end]
        dur = max(seg.end - seg.start, 0.0)
        n = max(len(text), 1)
        if seg.words:
            # word times: first/last word overlapping the quote (words are in text order)
            t0, t1, pos = seg.start, seg.end, 0
            spans = []
            for w in seg.words:
                k = text.find(w.word.strip(), pos)
                if k >= 0:
                    spans.append((k, k + len(w.word.strip()), w.start, w.end))
                    pos = k + len(w.word.strip())
            inside = [sp for sp in spans if sp[1] > start and sp[0] < end]
            if inside:
                t0, t1 = inside[0][2], inside[-1][3]
        else:
            t0 = seg.start + dur * start / n
            t1 = seg.start + dur * end / n
        return Evidence(
            segment_id=seg.id, start=round(t0, 2), end=round(t1, 2), role=seg.role, speaker=seg.speaker, quote=quote
        )

    def ev_sentence(self, s: Sentence) -> Evidence:
        return self.evidence(s.seg_index, s.start, s.end)

    def add(
        self,
        kind: str,
        label: str,
        evidence: list[Evidence],
        status: str = "",
        value: str | None = None,
        merge: bool = True,
        confidence: float = 1.0,
        **attributes,
    ) -> Fact:
        # a family history keeps each disease said apart ("prostate cancer" and "lymphoma" are both "cancer")
        key = (kind, label.lower(), status, attributes.get("term") or "")
        key = key if merge else (*key, self._n)
        if key in self._by_key:
            f = self._by_key[key]
            for ev in evidence:
                # a symptom said again later in the same turn keeps that later time: the later statement wins
                # over an earlier opposite one ("I haven't gotten tired. And now I've been getting tired")
                again = kind == "symptom" and all(e.start != ev.start for e in f.evidence)
                if all(ev.quote != e.quote or ev.segment_id != e.segment_id or again for e in f.evidence):
                    if len(f.evidence) < 4:
                        f.evidence.append(ev)
                    elif kind == "symptom":
                        f.evidence[-1] = ev
            if _clinician_restates_dose(f, attributes):
                # "I give him 200 mg, two of them" … the clinician: "keep the ibuprofen, 400 mg, up to three times
                # a day": the regimen the clinician states is the note's (verify flags the other dose said)
                for k in ("dose", "unit", "frequency", "per_day", "as_needed", "max_per_day"):
                    if attributes.get(k) not in (None, "", []):
                        f.attributes[k] = attributes[k]
                    else:  # the patient's "four times a day" is not the clinician's "up to three times a day"
                        f.attributes.pop(k, None)
            for k, v in attributes.items():
                if v not in (None, "", []) and not f.attributes.get(k):
                    f.attributes[k] = v
            if value and not f.value:
                f.value = value
            return f
        self._n += 1
        f = Fact(
            id=f"f{self._n}",
            kind=kind,
            label=label,
            status=status,
            value=value,
            attributes={k: v for k, v in attributes.items() if v not in (None, "", [])},
            evidence=evidence,
            confidence=confidence,
        )
        self.facts.append(f)
        self._by_key[key] = f
        return f


def _clinician_restates_dose(fact: Fact, attributes: dict) -> bool:
    """A drug the patient gave a dose for, stated again by the clinician with another dose and its unit."""
    return (
        fact.kind == "medication"
        and fact.attributes.get("said_by") == "patient"
        and attributes.get("said_by") == "clinician"
        and bool(attributes.get("dose") and attributes.get("unit"))
        and str(attributes.get("dose")) != str(fact.attributes.get("dose"))
    )


def validate_facts(facts: list[Fact], tr: Transcript) -> tuple[list[Fact], list[str]]:
    """Keep facts whose every quote is verbatim in its segment; return (kept, reasons for rejects)."""
    by_id = {s.id: s for s in tr.segments}
    kept, rejected = [], []
    for f in facts:
        ok = bool(f.evidence)
        for ev in f.evidence:
            seg = by_id.get(ev.segment_id)
            if seg is None or not ev.quote or ev.quote not in seg.text:
                ok = False
                break
        if ok:
            kept.append(f)
        else:
            rejected.append(f"{f.kind}:{f.label}: quote not found in the transcript")
    return kept, rejected
