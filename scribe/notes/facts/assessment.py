"""Assessment facts: the clinician's diagnoses with certainty, laterality and a code only when exact, specific."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.consultation import FAMILY, context_of
from scribe.notes.facts.assessment_problems import (
    A_PROBLEM_AFTER,
    GENERIC_EXPERIENCER,
    HEDGE_LATER,
    NOT_A_DIAGNOSIS,
    PAST_PROBLEM,
    SIDE_EFFECTS,
    ProblemFacts,
    a_relatives,
    answers_of_relative,
    certainty,
    hedged_of,
    more_certain,
    said_next,
    says_its,
    set_aside,
)
from scribe.notes.facts.assessment_start import ImpressionStart, denied_in, type_left_open
from scribe.notes.facts.assessment_weighed import WeighedProblems
from scribe.notes.facts.certainty_cues import other_side
from scribe.notes.facts.plan_items import MISTAGGED_ORDER
from scribe.notes.facts.reader import NEGATION_NEAR, clause_before
from scribe.notes.lexicon.conditions_status import STATUS_LABELS
from scribe.notes.not_had import in_general, not_had
from scribe.notes.problems import (
    icd_description,
    icd_search,
    laterality,
    laterality_span,
    procedure_done,
    specific_code,
)
from scribe.notes.terms import diagnosis_phrases, exact_code
from scribe.notes.text import Sentence, clean
from scribe.schemas_docs import Fact

# "it could be from your medication", "it may be that you also have…": the cause or another problem is hedged
_CAUSE_AFTER = re.compile(
    r"^\s*(?:\w+ )?(?:from|due to|caused by|related to|because|secondary to|triggered by|li[ée]e? [àa]|d[ûu]e? [àa])\b|"
    # "I'm not sure if it's type 1 or type 2", "not sure what's causing it": the type or the cause is open, not it
    r"^\W*(?:(?:if|whether|what|which|about|yet)\s+)?(?:(?:it'?s|it is|this is|that'?s)\s+)?(?:(?:the|a)\s+)?"
    r"(?:type|kind|sort|cause|stage|grade|what'?s causing|what (?:is )?caus\w+|why|how (?:bad|severe|long))\b|"
    # "it could be the steroids", "ça pourrait être le stress": a cause said, not the diagnosis doubted
    r"^\s*(?:the|your|his|her|le|la|les|vos|votre|from)\s+(?:\w+\s+)?(?:steroids?|medications?|medicines?|meds|"
    r"drugs?|pills?|stress|weight|alcohol|drinking|diet|smoking|pregnancy|médicaments?|cortisone|alcool|poids)\b|"
    r"^[^.;?]{0,30}\b(?:also|too|as well|aussi|également)\b|"
    # "l'ibuprofène a très probablement aggravé les choses": what a cause did, not the diagnosis doubted
    r"^\s*(?:\w+ )?(?:aggrav\w*|worsened|made (?:it|this|things) worse|caused|triggered|déclench\w*|provoqué)\b",
    re.I,
)
# a result named as the problem: "elevated alkaline phosphatase level" is not the name of a test
_LAB_FINDING = re.compile(r"(?:elevated|high|raised|abnormal|increased|low)\b", re.I)


# a measure named as what a test checks is no disease: "let's recheck your cholesterol", "on va contrôler votre
# glycémie" (the cholesterol is hyperlipidemia only when said to be high, problems.owned_cue)
_MEASURE_NAME = re.compile(
    r"cholest[ée]rol|(?:blood )?sugars?|glucose|glyc[ée]mie|blood pressure|tension(?: artérielle)?|thyroid|thyro[ïi]de",
    re.I,
)
_CHECKED = re.compile(
    r"\b(?:check|recheck|re-check|test|measure|repeat|draw|monitor|screen|look at|get|order|keep an eye on|"
    r"vérifi|contrôl|dos|surveill|mesur|refai)\w*\b(?:(?!\b(?:for|because|since|pour|car)\b)[^.;?!]){0,60}$",
    re.I,
)
_HEDGE_WORD = re.compile(
    r"\b(?:most|more|likely|probably|possibly|maybe|perhaps|definitely|certainly|either|potential(?:ly)?|possible|"
    r"probable|suspected|questionable|presumed|presumably|apparent(?:ly)?)\b",
    re.I,
)
# the clinician excludes the patient's having it ("so no, you don't have lupus"): a ruled-out diagnosis, whatever
# "no" came before
_DENIED_OWN = re.compile(
    r"\b(?:you|he|she) (?:don'?t|do not|doesn'?t|does not) have (?:any |a |an )?$|"
    r"\b(?:vous n'avez|il n'a|elle n'a) pas (?:de |d'|une? )?$",
    re.I,
)

# "…, you don't have asthma, right?": the history checked, not a diagnosis excluded ("…, okay?" reassures)
_CHECKS_HISTORY = re.compile(r"\b(?:right|correct|is that right|n'est-ce pas|c'est ça|c'est bien ça)\s*\?\s*$", re.I)

_PRODUCT = re.compile(
    r"\b(?:tylenol|advil|aleve|motrin|excedrin|bengay)\s+$|"
    r"\b(?:made|designed|developed|approved|meant|conçu|développé|fait)e?s?\s+(?:for|pour)\s+(?:the\s+|le\s+|la\s+|l')?$|"
    r"\b(?:even|also|même)\s+(?:without|sans)\s+(?:the\s+|le\s+|la\s+|l'|de\s+|d')?$",
    re.I,
)
# a hedge then another problem with only its article and size between: "ça pourrait être une petite hernie discale"
_ARTICLES = re.compile(
    r"(?:\s*\b(?:être|be|a|an|une?|la|le|l'|des?|du|petite?s?|small|little|mild|slight|légère?)\b)*\s*", re.I
)
_OVER = re.compile(r"\s*(?:est|is|has) (?:guérie?|résolue?|resolved|cured|gone|cleared)\b", re.I)


class AssessmentFacts(ImpressionStart, WeighedProblems, ProblemFacts):
    def assessment(self):
        """The clinician's diagnoses after the assessment starts, each with its certainty (confirmed,
        possible, ruled-out), laterality, and an ICD-10-CM code only when the match is exact and specific:
        lexicon concepts first, then condition-shaped phrases the lexicon does not list."""
        seen: dict[str, Fact] = {}
        self.ap_start = min(self.ap_start, self._impression_start())
        for k in range(self.ap_start, len(self.sents)):
            s = self.sents[k]
            if not self.is_clin(k) and not self._continues_clinician(k) or self.to_companion(k):
                continue
            self._headed_problems(k, s, seen)
            if s.question:
                continue
            found = lexicon.find_concepts("condition", s.text)
            phrases = diagnosis_phrases(s.text) if self.lang == "en" else []
            phrases = [p for p in phrases if not _HEDGE_WORD.search(p[2])]  # "most likely a sprain" names "sprain"
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
                r"(?:(?:most |more )?(?:probably|possibly|likely|maybe|perhaps|potentially|just|simply|probablement|"
                r"peut-être|sans doute) )?(?:a |an |some |une? |probablement )?"
                r"(?P<dx>[a-zà-ÿ' -]{4,40}?)(?=[,.?!]| and | that | which | so |"
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
                    if sure in ("ruled-out", "doubted"):
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
        self._reviewed_problems(seen)
        for fact in seen.values():
            self._weighed_elsewhere(fact)
            self._hedged_after(fact, [f for f in seen.values() if f is not fact])
            type_left_open(self, fact)
        # "it could be the start of the diabetes affecting the kidneys" hedges what the diabetes does, not the diabetes
        sure = [f for f in seen.values() if f.attributes.get("certainty") == "confirmed"]
        for f in [f for f in seen.values() if f.status == "uncertain" and hedged_of(f, sure)]:
            self.builder.facts.remove(f)

    def _continues_clinician(self, k: int) -> bool:
        """A turn tagged as the patient's that finishes the clinician's unfinished sentence and goes on ordering
        ("so your symptoms are" | "most likely due to a rotator cuff tendinopathy … i'm gonna order an mri of your
        left shoulder"): diarization cut the clinician's turn at a pause."""
        prev = self.sents[k - 1].text.rstrip() if k else ""
        return (
            bool(prev)
            and self.is_clin(k - 1)
            and not prev.endswith((".", "?", "!"))
            and not self.sents[k].question
            and any(
                MISTAGGED_ORDER.search(t.text) for t in self.sents[k : k + 4] if t.seg_index == self.sents[k].seg_index
            )
        )

    def _hedged_after(self, fact: Fact, other_problems: list[Fact]) -> None:
        """A problem stated plainly, then hedged by what follows ("newly diagnosed hypothyroidism. it could be
        temporary, we'll see if it settles", "une sinusite. je pense que c'est ça, mais…"): possible. Read in the rest
        of its sentence and the clinician's next two sentences, until another problem is named. ("we ruled it out"
        is not read here: "it" may be a worry named without a condition's name, "a blood clot".) A hedge that names
        another assessed problem is that problem's: "it could still be reflux" (reflux is no lexicon condition)."""
        if fact.attributes.get("certainty") not in ("confirmed", "probable") or not fact.evidence:
            return
        quote, seg_id = fact.evidence[0].quote, fact.evidence[0].segment_id
        k = fact.attributes.get("statement")
        if k is None:  # a problem named before the assessment: the sentence its evidence quotes
            k = next(
                (j for j, t in enumerate(self.sents) if self.tr.segments[t.seg_index].id == seg_id and quote in t.text),
                None,
            )
        if k is None:
            return
        s = self.sents[k]
        at = s.text.find(quote) if quote else -1
        texts = [s.text[at + len(quote) :] if at >= 0 else ""]
        texts += [self.sents[j].text for j in range(k + 1, min(k + 3, len(self.sents))) if self.is_clin(j)]
        named = [q.lower() for f in other_problems for q in (f.label, *(e.quote for e in f.evidence[:1])) if q]
        side = other_side(fact.attributes.get("laterality"), s.text)
        for text in texts:
            if side is not None and side.search(text):
                return  # the other side now: "otite … à droite. à gauche, … peut-être un peu de liquide"
            others = [a for a, _b, c in lexicon.find_concepts("condition", text) if c.label != fact.label]
            others += [m.start() for q in named for m in re.finditer(rf"\b{re.escape(q)}\b", text.lower())]
            # … nor one of a symptom or another problem named right after it ("et probablement la toux …", "il y a
            # peut-être une petite inflammation de l'œsophage")
            told = [a for a, _b, _c in lexicon.find_concepts("symptom", text)]
            for hedge in HEDGE_LATER.finditer(text):
                if (
                    not _CAUSE_AFTER.match(text[hedge.end() :])
                    and not any(
                        hedge.start() > a or a - hedge.end() < 12 or _ARTICLES.fullmatch(text, hedge.end(), a)
                        for a in others
                    )
                    and not any(0 <= a - hedge.end() < 12 for a in told)
                    and not A_PROBLEM_AFTER.match(text[hedge.end() :])
                ):
                    fact.status, fact.attributes["certainty"] = "uncertain", "possible"
                    return
            if others:
                return  # the talk has moved to another problem (or the hedge is that problem's)

    # another clinician's guess is not this assessment ("the cardiologist thought you might have atrial fibrillation")
    _OTHERS_OPINION = re.compile(
        r"\b(?:doctor|dr\.?|physician|specialist|surgeon|\w+ologist|er|urgent care|m[ée]decin)\b[^.;]{0,20}\b"
        r"(?:thought|suspected|wondered|was (?:worried|concerned)|felt|pensait|suspectait)\b[^.;]{0,40}$",
        re.I,
    )
    _TEST_NAME = re.compile(
        r"\s*(?:disease\s+)?(?:titers?|titres?|tests?|testing|panel|screen(?:ing)?|antibod\w+|serolog\w+|pcr|"
        r"cultures?|swabs?|levels?|work-?up|sérologie|dépistage|"
        # "the shingles vaccine", "your covid booster": a vaccine's name
        r"vaccines?|vaccinations?|shots?|boosters?|immuni[sz]ations?|vaccins?|vaccination)\b",
        re.I,
    )
    # worked up, so possible: "rule out X", "to see if it's actually X"
    _RULE_OUT = re.compile(
        r"\b(?:rule out|r/o|to exclude|éliminer|to (?:see|find out|determine) (?:if|whether) "
        r"(?:you have|it's|it is|this is|there's|there is)|"
        # wondered about, so possible: "I'm wondering if this is shingles", "je me demande si ce n'est pas une X"
        r"(?:wonder(?:ing)?|not sure|unsure) (?:if|whether) (?:this|it|that|you)|je me demande si|"
        r"(?:there'?s|there is) (?:a |some )?(?:chance|possibility) (?:that )?(?:this|it)(?:'s| is| could| might| may)|"
        r"(?:there'?s|there is) (?:a |some )?(?:chance|possibility) (?:that )?you (?:have|'ve got|might|may|could) "
        r"(?:have )?)\b[^.;]{0,25}$",
        re.I,
    )

    # "hepatitis c is a viral infection that affects the liver": what follows explains the condition before
    # "is a"; it is not a second diagnosis ("this is a viral infection" is one)
    _COPULA = re.compile(
        r"(?P<subject>[a-z' -]{3,40}?)\s+(?:is|are)\s+(?:a|an|one of the|a kind of|a type of)\s+(?:\w+\s+)?$", re.I
    )
    # … or in apposition to a disease's name: "that's mastoiditis, an infection of the bone behind the ear"
    _APPOSED_TO_DISEASE = re.compile(r"(?:itis|osis|ite|ose|emia|émie|pathy|pathie)\s*,\s*(?:an?|une?)\s+$", re.I)

    @classmethod
    def _defines(cls, before: str, mention: str = "") -> bool:
        if cls._APPOSED_TO_DISEASE.search(before) and not lexicon.find_concepts("condition", mention):
            return True
        m = cls._COPULA.search(before)
        subject = m.group("subject").rstrip() if m else ""
        return any(end == len(subject) for _s, end, _c in lexicon.find_concepts("condition", subject))

    def _diagnosis(self, k: int, s: Sentence, st: int, en: int, concept, wider, mods, seen: dict) -> None:
        """One diagnosis mention: skip a relative's, a ruled-out or a merely conditional one; keep the
        more certain reading of a repeated one; name it by its widest specific phrase."""
        if mods.family or FAMILY.search(s.text[max(0, st - 40) : st]) or a_relatives(s.text[en:]):
            return
        if _PRODUCT.search(s.text[max(0, st - 30) : st]):
            return  # "the tylenol arthritis, 650 mg"; "a tablet made for diabetes, … even without diabetes"
        if answers_of_relative(self.sents, k, self.role):
            return
        if mods.negated and not denied_in(clause_before(s.text, st)):
            mods.negated = False  # in a run-on sentence the negation belongs to another clause
        denied_here = denied_in(clause_before(s.text, st))  # "I don't appreciate adenopathy"
        if concept is None and (mods.negated or mods.hypothetical or denied_here):
            named = seen.get(wider[2]) if wider and mods.negated else None
            if named is not None and named.status == "present" and not self._stated(named, k):
                named.status, named.attributes["certainty"] = "absent", "ruled-out"  # "… so, no mastoiditis"
            return
        if self._not_the_patients(s, st, en) or self._warned_of(k, st):
            return
        said = clean(s.text[st:en]).replace(",", "").lower()
        if (
            concept is not None
            and concept.label not in seen
            and any(said in str(f.attributes.get("term") or "").lower() for f in seen.values())
        ):
            return  # "an acute medial meniscus strain … the strain": named already, more specifically
        if concept is not None and self._denied_just_before(k, concept.label):
            return  # "there's no fractures." "um, fracture or no dislocation.": the denial goes on
        if concept is not None and concept.label in STATUS_LABELS and not procedure_done(s.text, st, en):
            return  # "you may need a kidney transplant": a procedure to come is no status
        a, b = (wider[0], wider[1]) if wider else (st, en)
        lead = self._lead_in(k)
        sure = certainty(lead + s.text, len(lead) + a, len(lead) + b, mods)
        if sure == "possible" and set_aside(s.text[:a], self._rest_of_turn(k, b)):
            sure = "ruled-out"
        else:
            sure = said_next(self.next_in_turn(k), sure)
        label = concept.label if concept else wider[2]
        if sure == "doubted":  # "unlikely to be a fracture": no possibility to list, and one weighed before goes
            if label in seen and seen[label].status == "uncertain":  # ("… a tia." … "so a tia is very unlikely")
                self.builder.facts.remove(seen.pop(label))
            return
        if sure == "ruled-out":
            if label in seen and seen[label].status in ("present", "uncertain") and not self._stated(seen[label], k):
                seen[label].status, seen[label].attributes["certainty"] = "absent", "ruled-out"  # "and the lupus
                # question. … so no, you don't have lupus"
            # "you don't have Cushing's": said, and excluded ("you don't have asthma, right?" asks the history)
            if concept is not None and label not in seen and not s.question and not _CHECKS_HISTORY.search(s.text):
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
            # "so you have …", or "your heart failure has gotten worse": stated as the patient's
            if more_certain(sure, seen[label]) and says_its(s.text, a):
                seen[label].status = "present" if sure == "confirmed" else "uncertain"
                seen[label].attributes.update(certainty=sure, statement=k)
            elif _OVER.match(s.text[b:]):
                seen[label].status = "historical"  # the recap's "la bronchite est guérie"
            elif sure == seen[label].attributes.get("certainty") == "confirmed" and says_its(s.text, a):
                seen[label].attributes["statement"] = k  # "c'est une anémie", not "souffle lié à l'anémie"
            return
        found_side = laterality_span(s.text, a, b)
        side = found_side[0] if found_side else None
        ev_a, ev_b = (min(a, found_side[1]), max(b, found_side[2])) if found_side else (a, b)
        if concept is not None and wider is None:
            code = specific_code(concept, s.text, st, en)
            term = clean(s.text[st:en]).replace(",", "").lower() if not concept.code else None  # no "um,"
            term = None if concept.label in STATUS_LABELS else term  # "Status post aortic aneurysm repair"
        else:
            term = wider[2]
            code, _desc = exact_code(term, side)
            if code is None and concept is not None:  # "viral upper respiratory infection" is still J06.9
                code = specific_code(concept, s.text, st, en)
        past = mods.historical or bool(PAST_PROBLEM.search(s.text[max(0, a - 40) : b + 40]) or _OVER.match(s.text[b:]))
        past = past and not (concept is not None and concept.label in STATUS_LABELS)  # "status post", not "history of"
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

    def _denied_just_before(self, k: int, label: str) -> bool:
        """Did the clinician deny the condition in the sentence or two before a short one that names it again?"""
        if len(self.sents[k].text.split()) > 6:
            return False
        for j in range(max(0, k - 2), k):
            t = self.sents[j].text
            if self.is_clin(j) and any(
                c.label == label and NEGATION_NEAR.search(clause_before(t, a))
                for a, _b, c in lexicon.find_concepts("condition", t)
            ):
                return True
        return False

    def _rest_of_turn(self, k: int, at: int) -> str:
        """Sentence k from offset `at`, and the turn's next two sentences: where a weighed diagnosis is set aside
        ("i did think about a pulmonary embolism. but you have no risk factors, …. so that's ruled out")."""
        nxt = self.next_in_turn(k)
        return f"{self.sents[k].text[at:]} {nxt} {self.next_in_turn(k + 1) if nxt else ''}"

    def _lead_in(self, k: int) -> str:
        """The clinician's unfinished sentence a fragment completes ("I think you have an acute um, um..." "strain."):
        its hedge or opinion is the fragment's too (speech recognition cuts sentences at pauses)."""
        if k == 0 or len(self.sents[k].text.split()) > 3 or not self.is_clin(k - 1):
            return ""
        prev = self.sents[k - 1].text.rstrip()
        return prev.rstrip(".…, ") + " " if prev.endswith(("...", "…", ",")) or prev[-1:].isalnum() else ""

    def _not_the_patients(self, s: Sentence, st: int, en: int) -> bool:
        """A mention that names no problem of the patient: a relative's, people's in general, a simile or a risk,
        the subject of a definition, a prevention or a condition ("if"), a test's name ("a positive lyme titer",
        "a strep test"), what can cause a finding in general."""
        before = s.text[:st]
        return bool(
            FAMILY.search(s.text[max(0, st - 40) : st])
            or GENERIC_EXPERIENCER.search(s.text[max(0, st - 80) : st])
            or self._OTHERS_OPINION.search(s.text[max(0, st - 80) : st])
            or not_had(before)
            or in_general(s.text, st, en)  # "a stroke from atrial fibrillation is usually a big one"
            or self._defines(s.text[max(0, st - 60) : st], s.text[st:en])
            or NOT_A_DIAGNOSIS.search(before)
            and not self._RULE_OUT.search(before)
            and not self._OWN_RISK_FACTORS.search(before)
            and not _DENIED_OWN.search(before)
            or SIDE_EFFECTS.search(before)
            or self._TEST_NAME.match(s.text[en:])
            and not _LAB_FINDING.match(s.text[st:en])
            or self._CAUSES.search(before)
            or self._OLD.search(before[-16:])  # "et l'ancienne fracture, ça favorise": history, told as a cause
            or self.child_with_parent()
            and bool(re.search(r"\b(?:your|votre|vos)\s+$", before))  # the parent's own
            or self._TESTED_OR_PREVENTED.search(before)  # "blood work today: hepatitis b, …"; "vaccinate you against"
            or self._NOT_HAD_AFTER.match(s.text[en:])
            or self._RELATIVES_AFTER.match(s.text[en:])
            or _MEASURE_NAME.fullmatch(s.text[st:en].strip()) is not None
            and _CHECKED.search(clause_before(s.text, st)) is not None
        )

    # the patient's risk factors are the patient's problems: "you have a lot of risk factors: diabetes, cholesterol"
    _OWN_RISK_FACTORS = re.compile(
        r"\b(?:you(?:'ve| have)?(?: got)?|your|he has|she has|vous avez|vos)\b[^.;]{0,25}\b(?:risk factors?|"
        r"facteurs? de risque)\b[^.;]{0,60}$",
        re.I,
    )

    # "la scarlatine de ta sœur", "the flu of his brother": a relative's, named after the disease
    _RELATIVES_AFTER = re.compile(
        r"\s+(?:de|d'|of)\s*(?:ta|sa|votre|son|leur|tes|ses|vos|your|his|her|their)\s+(?:petite?s?\s+|grande?s?\s+|"
        r"little\s+|older\s+|younger\s+|big\s+)?" + FAMILY.pattern,
        re.I,
    )

    _TESTED_OR_PREVENTED = re.compile(
        r"\b(?:blood work|labs?|tests?|bloods|bilan|prise de sang|sérologies?)\b[^.;:]{0,20}:\s*"
        r"(?:[^.;:]*(?:,|\band|\bet)\s*)?$|"
        r"\b(?:vaccinat\w*|protect\w*|immuni[sz]\w*) (?:you |him |her )?against\s+$|\bvacciner contre\s+$|"
        r"(?<!\bno )(?<!any )(?<!see )(?<!pas de )(?<!aucun )\b(?:signs?|symptoms?|risks?|signes?|symptômes?|risques?) "
        r"(?:of|for|d'|de|du)\s*(?:an? |the |une? )?$|"
        r"\b(?:can|could|may|might)\b[^.;]{0,60}\b(?:cause|lead to|provoquer)\s+(?:an? |the |une? )?$",  # a risk
        re.I,
    )
    _OLD = re.compile(r"\b(?:ancienne?|old|previous|prior)\s+$", re.I)

    # "your stroke risk", "heart disease prevention": not had; "a hernia repair", "une cure de hernie": what treated it
    _NOT_HAD_AFTER = re.compile(
        r"\s*(?:risks?|prevention|risk factors?|scares?|awareness|guidelines?|risque|signs?|warning|repairs?|surger\w+|"
        r"operations?|removal|excision|resection|ligation)\b",
        re.I,
    )

    # a list of what can cause a finding in general is not the patient's differential: "there are many reasons
    # why people can have elevated liver enzymes; some possible causes are medications, alcohol abuse, hepatitis"
    _CAUSES = re.compile(
        r"\b(?:causes|reasons|culprits|etiologies|causes possibles)\s+(?:are|include|could be|can be|like|such as|"
        r"sont|comme)\b(?:(?!\byou|\byour|\bvous|\bvotre)[^.;?!])*$",
        re.I,
    )
