"""Where the clinician's impression begins when nothing named the assessment before it. A short visit often says its
diagnosis ("so it could be a kidney stone", "ça ressemble à une sinusite") or its plan ("let's keep you on the
lisinopril") before any cue that the reader takes for the start of the assessment: once the history-taking is over,
the first such sentence opens it. And a diagnosis whose type the clinician leaves open keeps no code (type_left_open).
"""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.consultation import FAMILY
from scribe.notes.facts.orders import find_orders
from scribe.notes.facts.reader import NEGATION_NEAR, clause_before
from scribe.notes.terms import diagnosis_phrases
from scribe.notes.text import Sentence
from scribe.schemas_docs import Fact

# what opens a clinician's impression: an opinion or a hedge right before the condition's name ("it could be",
# "most likely a", "it looks like", "consistent with", "I suspect", "c'est sans doute", "ça pourrait être")
_IMPRESSION_CUE = re.compile(
    r"\b(?:(?:could|might|may|can) (?:also |just |still )?be|(?:most |more |very )?likely|probabl[ey]|possibl[ey]|"
    r"(?:looks?|sounds?|seems?) (?:like|to be)|consistent with|suggestive of|i (?:suspect|think|believe)|"
    r"dealing with|my (?:impression|guess|suspicion|concern|worry)|wonder(?:ing)? (?:if|whether)|"
    r"(?:not sure|unsure) (?:if|whether)|(?:there'?s|there is) (?:a |some )?(?:chance|possibility)|what you have is|"
    r"c'est (?:probablement|sans doute|peut-être)|ça (?:ressemble|pourrait)|pourrait être|je me demande si|"
    r"(?:ça|cela|il) peut (?:aussi |également )?(?:être|s'agir)|je (?:soupçonne|crains|suspecte)|vous faites|"
    r"sans doute|je pense|on dirait|évoque|probablement|"
    r"(?:^|\bso|\bdonc)\W+(?:this|it|that)(?:'s| is)|(?:^|\bdonc)\W+c'est)\b[^.;?!]{0,30}$",  # "so, this is a flare of"
    re.I,
)
# a plain "it's a …", "you have …": an impression only in a visit with no examination to read ("that's that heart
# murmur I heard" explains a result)
_IMPRESSION_PLAIN = re.compile(
    r"\b(?:(?:it|this)(?:'s| is) (?:a |an )?|(?:you|she|he)(?:'ve| have| has)? (?:got |have |has )?(?:a |an )?|"
    r"c'est (?:une?|de l')|il s'agit d'?|vous avez (?:une?|de l')?)\s*$",
    re.I,
)
# the words that start a plan: "so for your hypertension, let's …", "here's what we'll do", "je vous prescris"
_PLAN_OPENING = re.compile(
    r"\b(?:for your \w+(?: \w+)?,? (?:let's|we'll|we will|i'll|i will|i want|i'd like)|here'?s (?:what|the plan)|"
    r"(?:let's|we'll|i'll|i'm going to|i am going to) (?:start|keep|continue|increase|decrease|add|stop|switch|"
    r"change|prescribe|order|refer|get|treat|put|check|recheck|repeat)|je vous (?:prescris|propose|adresse)|"
    r"on va (?:vous )?(?:commencer|mettre|augmenter|arrêter|faire|demander|continuer|contrôler|vérifier|refaire|"
    r"prescrire|adresser|doser))\b",
    re.I,
)
# the clinician's questions that close a visit rather than take a history
_CLOSING_QUESTION = re.compile(
    r"\b(?:questions?|sound (?:good|okay|ok|alright|all right)|make sense|does that work|okay|ok|all right|alright|"
    r"d'accord|ça vous va|des questions|understand|comprenez)\b",
    re.I,
)


def denied_in(clause: str) -> bool:
    """Does a negation stand near the end of the clause? ("sans doute", "without a doubt" affirm.)"""
    return bool(NEGATION_NEAR.search(_AFFIRMING.sub(" ", clause)))


# … and "pas forcément, la plupart des sciatiques guérissent…", "not necessarily": the answer to a question, not
# a denial of what follows
_AFFIRMING = re.compile(
    r"\b(?:sans (?:aucun )?doute|without (?:a )?doubt|no doubt|nul doute|pas forcément|pas nécessairement|"
    r"not necessarily)\b",
    re.I,
)


class ImpressionStart:
    def _impression_start(self) -> int:
        """Where the clinician's impression begins when no cue opened the assessment before it: the first diagnosis
        stated with a diagnostic cue ("so it could be a kidney stone", "ça ressemble à une sinusite") once the
        history-taking is over (no history question of the clinician after it) and after the examination, if there
        is one. A short visit often says its diagnosis before its plan, with nothing that names the assessment."""
        n = len(self.sents)
        first = n
        for k in range(n - 1, self.exam_start if self.exam_start < n else -1, -1):
            s = self.sents[k]
            if not self.is_clin(k):
                continue
            if s.question:
                if _CLOSING_QUESTION.search(s.text) or len(s.text.split()) <= 3:
                    continue  # "any questions?", "okay?": the visit is closing, not asking
                break  # the history goes on up to here
            # with no examination said, the plan stated once the questions are over opens it too
            if self._states_impression(s) or self.exam_start >= n and self._states_plan(s):
                first = k
        return first

    def _states_plan(self, s: Sentence) -> bool:
        """A plan said plainly ("let's keep you on the lisinopril", "we'll get a basic metabolic panel"), not the
        clinician examining ("let me take a look")."""
        return bool(self._PLAN.search(s.text) and find_orders(s.text, self.lang) or _PLAN_OPENING.search(s.text))

    def _states_impression(self, s: Sentence) -> bool:
        """Does the sentence name one of the patient's conditions after a diagnostic cue, not denied?"""
        named = [(st, en) for st, en, _c in lexicon.find_concepts("condition", s.text)]
        named += [(st, en) for st, en, _p in diagnosis_phrases(s.text)] if self.lang == "en" else []
        plain = self.exam_start >= len(self.sents)
        for st, en in named:
            clause = clause_before(s.text, st)
            if (
                (_IMPRESSION_CUE.search(clause) or plain and _IMPRESSION_PLAIN.search(clause))
                and not denied_in(clause)
                and not FAMILY.search(clause)
                and not self._not_the_patients(s, st, en)
            ):
                return True
        return False


# the type of a diagnosis left open ("you have diabetes, not sure if type 1 or 2"): sure of the disease, not of the
# code, which names a type (E11.9 is type 2)
_TYPE_OPEN = re.compile(
    r"^[^.?!]{0,60}\b(?:type (?:1|one|i) or (?:type )?(?:2|two|ii)|(?:which|what) type|type 1 ou (?:type )?2|"
    r"quel type)\b",
    re.I,
)


def type_left_open(x, fact: Fact) -> None:
    """No code when the clinician leaves the type open ("diabetes, not sure if type 1 or 2"): the code names one."""
    if not fact.attributes.get("code") or not fact.evidence:
        return
    quote, seg_id = fact.evidence[0].quote, fact.evidence[0].segment_id
    for k, t in enumerate(x.sents):
        at = t.text.find(quote) if quote and x.tr.segments[t.seg_index].id == seg_id else -1
        if at >= 0 and (_TYPE_OPEN.match(t.text[at + len(quote) :]) or _TYPE_OPEN.match(x.next_in_turn(k))):
            fact.attributes["code"] = fact.attributes["code_description"] = None
            return
