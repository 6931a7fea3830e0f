"""The problems an assessment lists beyond the diagnoses stated after its first cue: those the clinician takes up by
a heading ("for your second problem, your anxiety"), and the chronic or current problems named as the patient's
before the assessment begins ("how is your asthma?", "you do have a vitamin D deficiency", "here for
hypogonadism", "your blood pressure is well controlled", "the x-ray shows disc degeneration").

Before the assessment a condition is only taken when said as the patient's own: never a relative's, a past one, a
procedure still to come, nor more certain than the assessment itself said (its reading is taken first).
"""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.consultation import FAMILY, context_of
from scribe.notes.consultation import certainty as spoken_certainty
from scribe.notes.facts.certainty_cues import BUT_NOT_EXCLUDED, LIKE_THEIRS, NOT_YET_EXCLUDED, TEST_FOR
from scribe.notes.facts.reader import NEGATION_NEAR, WARNING_SIGNS, clause_before
from scribe.notes.facts.relatives import MY_RELATIVE, MY_SPOUSE, PRONOUN_SUBJECT, turn_opening
from scribe.notes.lexicon.conditions_status import STATUS_LABELS
from scribe.notes.number_words import EN_TENS, EN_UNITS, FR_TENS, FR_UNITS
from scribe.notes.problems import (
    controlled_problems,
    heading_before,
    icd_description,
    in_introduction,
    laterality_span,
    modifiers_before,
    owned_cue,
    procedure_done,
    same_problem,
    specific_code,
    visit_reason_before,
)
from scribe.notes.terms import diagnosis_phrases, exact_code
from scribe.notes.text import Sentence, clean
from scribe.schemas_docs import Fact

# "a past one": said with its time ("in 2010", "years ago"), or as what was done about it
PAST_PROBLEM = re.compile(
    r"\b(?:remov(?:al|ed)|excis(?:ion|ed)|resect(?:ion|ed)|status post|s/p|history of|"
    r"treated for|had (?:a |an )?(?:\w+ )?(?:surgery|procedure)|ago|in the past|had (?:one|a single) \w+ attack|"
    r"antécédents? d[e']|opérée? d|il y a (?:\w+ )?(?:ans?|mois)|éradiqu\w+|eradicated)\b",
    re.I,
)
_OR_AFTER = re.compile(r"^\s*,?\s*(?:or|ou)\b", re.I)  # "it's a sprain or a fracture": one of two, so possible

_OR_NEAR = re.compile(r"^[^.;?!]{0,15}\b(?:or|ou)\b", re.I)  # "probably a sprain right now or strain": one of two
# The clinician thinks it is not that: "it's unlikely to be a fracture", "I doubt it's a tear", "probably not an
# infection". Neither present nor possible: the note leaves it out (the hedge words alone would read "possible").
_DOUBTED_BEFORE = re.compile(
    r"\b(?:unlikely|not likely|less likely|doubt(?:ful)?|probably not|likely not|most likely not|peu probable|"
    r"je doute|probablement pas|sans doute pas|peu de chances?|(?:would|'d) be surprised|m'étonnerait|"
    r"(?:serais|serait) (?:surprise?|étonnée?)|"
    # "nothing suggesting cancer on this film": this look found none, which excludes nothing for good
    r"nothing (?:suggesting|to suggest|that suggests)|rien (?:qui évoque|qui fasse penser à|en faveur d))"
    r"\b[^.;?!]{0,40}$",
    re.I,
)
_DOUBTED_AFTER = re.compile(
    r"^[^.;?!]{0,25}\b(?:is|seems|looks|est|semble)\s+(?:very |quite |much )?(?:unlikely|less "
    r"likely|not likely|peu probable)\b",
    re.I,
)
# The clinician's best guess, worded as probable rather than merely possible: "most likely a sprain", "probably
# reflux", "c'est sans doute une cystite", "consistent with Lyme disease" (a reading of findings, not a proof).
_PROBABLE_BEFORE = re.compile(
    r"\b(?:most likely|more likely|likely|probably|probable|presumably|presumed|"
    r"consistent with|compatible with|in keeping with|suggestive of|sounds (?:\w+ ){0,2}like|probablement|sans doute|"
    r"vraisemblablement|"
    r"compatible avec|évocateur d[e']|ça va avec|ça colle avec)\b"
    # "most likely due to a tendinopathy" names a cause of the symptoms, a weaker statement: left possible
    r"(?!\s+(?:due to|from|caused by|related to|secondary to|because of|dûe? à|lié?e? à))[^.;?!]{0,30}$",
    re.I,
)
# ... unless a weaker hedge is said too ("it could probably be", "most likely a sprain, or maybe a fracture")
_WEAK_HEDGE = re.compile(
    r"\b(?:could|might|may|possibl\w*|maybe|perhaps|rule out|whether|if|or|versus|vs|either|wonder\w*|worr\w+|"
    r"concern\w*|peut-être|pourrait|éliminer|ou)\b",
    re.I,
)
# the hedge after the name is about its cause: "you're anemic, probably from iron deficiency"
_CAUSE_HEDGED = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:possibly|probably|likely|maybe|perhaps|probablement|peut-être|sans doute)\s+"
    r"(?:from|due to|caused by|because of|related to|secondary to|dûe? à|lié?e? à|à cause d)\b",
    re.I,
)
# said after the name: "coronary disease is what I'm worried about", "a clot is one possibility"
_WORRY_AFTER = re.compile(
    r"^[^.;?!]{0,25}\b(?:is (?:what|something|one thing) (?:i'?m|we'?re|i am|we are) (?:worried|concerned|thinking) "
    r"about|worries me|concerns me|(?:is|remains) (?:a |one )?(?:possibility|concern|consideration)|"
    r"is (?:also )?on (?:my|the) (?:list|differential)|can'?t be (?:ruled|excluded)|cannot be (?:ruled|excluded)|"
    r"n'est pas exclue?|"
    # a possible cause: "an overactive thyroid can cause this", "stress could explain it"
    r"(?:can|could|may|might) (?:also |sometimes )?(?:cause|explain|be behind|be causing|trigger|give you)|"
    r"(?:peut|pourrait) (?:aussi |également )?(?:causer|expliquer|donner|provoquer))\b",
    re.I,
)


# what a clinician says of a diagnosis they weigh: "i did think about", "makes me think of", "ça fait penser à"
_CONSIDERED = (
    r"(?:i|we) (?:\w+ )?(?:think|thought) (?:about|of)|makes? (?:me )?think (?:about|of)|"
    r"(?:ça|cela) (?:me )?fait penser|fait penser|(?:j'ai|on a) (?:\w+ )?pensé|j'évoque|on évoque"
)
# Hedges the consultation model does not read, said before the name: "we should consider lupus", "we'll test you for
# strep throat", "there's a chance it's a fracture", "I wonder if it's shingles", "ça peut être une gastro", "il peut
# s'agir d'une tendinite", "je soupçonne une hernie discale", "on recherche une infection urinaire", "soit une
# bronchite soit une pneumonie": a possibility, never the diagnosis.
POSSIBLE_BEFORE = re.compile(
    r"\b(?:consider(?:ing|ed)?(?!\s+(?:your|his|her|their|that|the fact|how|you)\b)|"
    r"(?:test|check|screen|swab|look|evaluat)\w* (?:you |him |her |them |it |this )?(?:up )?for|"
    r"work(?:ed|ing)? (?:you |him |her |them |it |this )?up for|"
    r"(?:there'?s|there is|there'?s also) (?:a |some )?(?:chance|possibility|concern)|"
    r"wonder(?:ing)? (?:if|whether|about)|my (?:guess|concern|worry) is|(?:not sure|unsure|uncertain) (?:if|whether)|"
    r"potentially|can (?:also |sometimes )?be|je me demande si|(?:ça|cela|il|elle|ce) (?:ne )?peut (?:aussi |"
    r"également |très bien |tout à fait )?(?:être|s'agir|venir)|je (?:soupçonne|crains|suspecte)|"
    r"(?:re)?cherch(?:er|e|ons|era|erons|erai)|"
    r"(?<!ce )(?<!qu'il )soit|éventuellement|hypothèse|pas impossible|il (?:peut|pourrait) y avoir|"
    r"there (?:may|might|could) (?:also )?be|risque d'avoir|risk of (?:having|getting|developing)|at risk (?:of|for)|"
    + _CONSIDERED
    + r")\b[^.;?!]{0,40}$",
    re.I,
)
# a diagnosis considered, then set aside in the same sentence: "i did think about septic arthritis, but you have no
# fever …, so i'm not worried about that", "j'ai pensé aussi à une goutte, mais … ça ne ressemble pas à une goutte"
_CONSIDERED_BEFORE = re.compile(r"\b(?:" + _CONSIDERED + r")\b[^.;?!]{0,40}$", re.I)
# (the "but" may open the next sentence, and the verdict come a sentence later: "i did think about a pulmonary
# embolism. but you have no risk factors, … the d-dimer came back normal. so that's ruled out")
_SET_ASIDE_LATER = re.compile(
    r"^(?:[^.?!]*[.?!]\s*)?[^.?!]*\b(?:but|mais)\b[^?!]{0,160}?\b(?:not (?:\w+ )?(?:worried|concerned)|"
    r"don'?t think (?:so|it'?s|that'?s|you have)|"
    r"doesn'?t (?:fit|look like|sound like)|so no\b|unlikely|ruled (?:it |that |this )?out|"
    r"ne (?:ressemble|correspond) pas|donc non|je ne pense pas|(?:on )?(?:l'|peut l')?(?:écart|élimin|exclu)\w*|"
    r"pas (?:d'inquiétude|inquiet))",
    re.I,
)

# the verdict said after the name: "un diabète de type un ou une décompensation acidocétosique, c'est écarté",
# "a clot is ruled out" (not "… is not ruled out", "n'est pas écarté")
_EXCLUDED_AFTER = re.compile(
    r"^[^.;?!]{0,60}?\b(?:c'est|ce sont|sont|est|is|are|that's|that is|has been|have been)\s+"
    r"(?:(?!not\b|pas\b|yet\b|encore\b)\w+\s+)?(?:écartée?s?|exclue?s?|éliminée?s?|ruled out|excluded)\b",
    re.I,
)


def set_aside(before: str, after: str) -> bool:
    """A diagnosis the clinician weighed, then set aside: "i did think about septic arthritis, but … so i'm not
    worried about that" (`after` may run into the next sentence of the turn)."""
    return bool(_CONSIDERED_BEFORE.search(before) and _SET_ASIDE_LATER.match(after))


def certainty(text: str, start: int, end: int, mods=None) -> str:
    """How sure the clinician is of the diagnosis at text[start:end]: the consultation model's reading
    (scribe.notes.consultation.certainty), then what it does not tell apart: "unlikely" (left out, returned as
    "doubted"), the best guess ("most likely", "probably": probable), a worry named after the condition (possible).
    When two readings compete the less certain wins: a possible diagnosis stated as certain is the worst error."""
    sure = spoken_certainty(text, start, end, mods)
    if sure == "possible" and _CAUSE_HEDGED.match(text[end:]):  # "you're anemic, probably from iron deficiency"
        sure = spoken_certainty(text[:end], start, end, mods)
    clause = re.split(r"[.;?!]|\b(?:but|however|mais)\b", text[:start])[-1]
    after = text[end:]
    if sure == "ruled-out" and (NOT_YET_EXCLUDED.search(clause) or BUT_NOT_EXCLUDED.match(after)):
        return "possible"  # "the exam doesn't feel like cancer, but an exam can't exclude it"
    if set_aside(text[:start], after) or _EXCLUDED_AFTER.match(after):
        return "ruled-out"
    if TEST_FOR.search(clause[-60:]) or LIKE_THEIRS.match(after):
        return "doubted"  # "une numération, pour l'anémie": what a test looks for, no diagnosis
    if sure != "ruled-out" and (_DOUBTED_BEFORE.search(clause) or _DOUBTED_AFTER.match(after)):
        return "doubted"
    if _WORRY_AFTER.match(after) or sure != "ruled-out" and POSSIBLE_BEFORE.search(clause):
        return "possible"
    near = clause[-60:]
    if sure in ("possible", "confirmed") and _PROBABLE_BEFORE.search(near):
        hedge = _PROBABLE_BEFORE.search(near)
        if not _WEAK_HEDGE.search(near[: hedge.start()] + near[hedge.end() :]) and not _OR_NEAR.match(after):
            return "probable"
    return sure


_SIGNS_OF = re.compile(r"\w+(?:[ '-]\w+){0,3}\s*:", re.I)  # "stroke: a face drooping", "for bleeding: …"
_EVENTS = {"myocardial infarction", "stroke", "transient ischemic attack", "pulmonary embolism"}
_MAY_CAUSE = re.compile(
    r"\b(?:(?:can|could|may|might|will|would|usually|often|typically|peut|peuvent|pourrait)\b[^.;,]{0,40}?|"
    r"before (?:it|that|this) )"
    r"(?:cause[sd]?|lead to|led to|give you|result in|spread|transmit|provoquer|entraîner|donner|causer|"
    r"transmettre)\s+(?:a |an |un |une |des |la |le |l')?$|"
    r"\b(?:it|this|that) (?:also )?makes? (?:you|him|her|them) (?:\w+ )?$|"  # "it also makes you sunburn easily"
    # what a drug is for: "it's used for diabetes too, but it works in heart failure even without diabetes"
    r"\b(?:used|approved|indicated|utilisée?s?|indiquée?s?) (?:\w+ )?(?:for|in|pour|dans) (?:the |le |la |l')?$",
    re.I,
)
_IF_YOU_GET = re.compile(r"\b(?:if|si) (?:you|vous) (?:get|have|notice|develop|see|avez|remarquez)\b", re.I)
_COULD_BE = re.compile(
    r"^\W*(?:that|this|it|ça|cela|c') ?(?:(?:could|might|may|can) be|(?:pourrait|peut|peuvent) (?:être|etre))\b", re.I
)
# the warning sign named in the list itself: "if you get severe shaking, confusion, or a seizure, that's an emergency"
_EMERGENCY = re.compile(
    r"\b(?:emergency|er|911|urgences?|call (?:me|us|911)|appelez|le 15|samu|stop (?:it|them) and call)\b", re.I
)
_WHEN_YOU_HAVE = re.compile(
    r"\b(?:when|whenever|quand|lorsque) (?:you|vous|tu) (?:have|get|avez|as)\s+(?:[\w']+\s+){0,2}$", re.I
)
# what a test may show or miss: "we'll do a ct scan, because an x-ray can miss a small fracture"
_A_TEST_MAY = re.compile(
    r"\b(?:can|could|may|might|would|peut|pourrait) (?:miss|show|detect|find|pick up|catch|rater|montrer|voir)\s+"
    r"(?:a |an |the |any |une? |la |le )?(?:\w+ )?$",
    re.I,
)


# what, said after a plainly stated problem, makes it a possibility: "it could be", "we'll see if", "je pense que"
HEDGE_LATER = re.compile(
    r"\b(?:(?:it|this|that|which)(?:'s| is)? (?:could|may|might|can) (?:also |just |still )?(?:be|have been|turn out)|"
    r"(?:it|this|that)(?:'s| is) (?:probably|likely|possibly|maybe|perhaps|not (?:certain|sure|clear))|"
    r"(?:i|we)(?:'m| am|'re| are) not (?:\w+ )?(?:sure|certain)|"
    r"(?:je ne suis|on n'est) pas (?:\w+ )?(?:sûre?|certaine?)|"
    r"(?:i|we) (?:suspect|am not sure|are not sure)|"
    r"(?:we(?:'ll| will| are going to|'re going to| gon na| gonna| need to| want to| have to)|let's|i want to) "
    r"(?:\w+ )?(?:see|find out|check|confirm|determine|make sure) (?:if|whether|that it)|rule (?:it|that|this) out|"
    r"to confirm (?:it|this|that|the diagnosis)|pour (?:le |la |l')?confirmer|"
    r"il se peut|je pense que|c'est (?:probablement|peut-être|sans doute)|probablement|peut-être|"
    r"(?:ça|cela) (?:pourrait|peut) (?:\w+ )?être|"
    r"on va (?:\w+ )?(?:éliminer|voir si|vérifier si|s'assurer)|ce n'est pas sûr|pas certain)\b",
    re.I,
)
# the sentence says the problem is the patient's: "so you have …", "it's …", "c'est …"
STATES_IT = re.compile(
    r"\b(?:you(?:'ve| have| do have)(?: got)?|(?:he|she) (?:has|does have)|this is|it'?s|it is|that'?s|there'?s|"
    r"shows?|showed|(?<!to )(?<!pour )confirm\w*|diagnos\w*|consistent with|so (?:you|it)|vous avez|(?:il|elle) a|"
    r"c'est|il s'agit|montre)\b[^.;?!]{0,40}$",
    re.I,
)
_NUMBER = r"(?:\d+|" + "|".join(sorted({*EN_UNITS, *EN_TENS, *FR_UNITS, *FR_TENS} - {"un", "une"}, key=len)[::-1]) + ")"
# a recap lists the problem with the value that shows it: "iron deficiency, ferritin eight", "anémie, hémoglobine à dix"
_VALUE_AFTER = re.compile(
    r"^\s*,\s*(?:(?:your|the|her|his|votre|la|le|l')\s*)?[\w-]+(?: [\w-]+)?(?: (?:is|was|at|of|à|de))? "
    + _NUMBER
    + r"\b",
    re.I,
)


def shown_by_value(text: str, fact: Fact) -> bool:
    """The sentence a problem was taken from gives, right after its name, the value that shows it."""
    quote = fact.evidence[0].quote if fact.evidence else ""
    at = text.find(quote) if quote else -1
    return at >= 0 and bool(_VALUE_AFTER.match(text[at + len(quote) :]))


def more_certain(sure: str, earlier: Fact) -> bool:
    """A later 'confirmed' statement of a diagnosis first said as possible upgrades it."""
    rank = {"possible": 0, "probable": 1, "confirmed": 2}
    return rank.get(sure, -1) > rank.get(earlier.attributes.get("certainty"), 2)


_RULING_IT_OUT = re.compile(
    r"^\W*(?:(?:so|and|then|donc|alors)\W+)?(?:i'm|i am|we're|we are|we can|i can|on peut|j')\s*(?:\w+\s+)?"
    r"(?:rul(?:e|ing) (?:that|it|this) out|l'(?:écarte|élimine|exclus))\b",
    re.I,
)


# the next sentence keeps open what the sentence denied: "pas de signe net de neuropathie. ça peut être un tout début"
_KEPT_OPEN = re.compile(
    r"^\W*(?:but |mais )?(?:ça|cela|it|that|this) (?:peut|pourrait|could|might|may) (?:still |quand même )?"
    r"(?:être|be)\b(?! (?:autre chose|something else|anything|nothing|rien))",
    re.I,
)


# a relative's, named right after it: "à cause du cancer de l'estomac de votre mère", "the cancer in your mom"
_OF_A_RELATIVE = re.compile(
    r"^[^.,;]{0,25}?\b(?:de|d'|of|chez|in) (?:votre|ta|sa|son|your|his|her|my|ma|mon|le|la|the) " + FAMILY.pattern, re.I
)


def a_relatives(after: str) -> bool:
    """The condition just named belongs to the relative named right after it (_OF_A_RELATIVE)."""
    return bool(_OF_A_RELATIVE.match(after))


# inside the list a clinician gives of the signs to watch for, after its colon
# (or of a drug's side effects: "side effects: nausea is common at the start, sometimes diarrhea")
_SIGNS_LIST = re.compile(
    r"\b(?:(?:the|les|alarm|warning) (?:signs?|signes?)|side effects?|effets? (?:secondaires|indésirables))\b"
    r"[^.:]{0,25}:[^.]*$",
    re.I,
)


def said_next(next_sentence: str, sure: str) -> str:
    """What the turn's next sentence does to the certainty of what the sentence named: rules it out ("… cauda equina
    syndrome, which would be an emergency. so i'm ruling that out today") or keeps a denial open ("ça peut être un
    tout début")."""
    if sure != "doubted" and _RULING_IT_OUT.match(next_sentence):
        return "ruled-out"
    return "possible" if sure == "ruled-out" and _KEPT_OPEN.match(next_sentence) else sure


def hedged_of(fact: Fact, sure: list[Fact]) -> bool:
    """A possible problem that is a confirmed one, by its code or its name, or its unspecified kind: "it's common in
    heart failure, and if it's there …" hedges what the confirmed heart failure with reduced ejection fraction does."""
    code, head = fact.attributes.get("code"), " ".join(fact.label.split()[-2:])
    codes = {f.attributes.get("code") for f in sure} - {None}
    if code and (code in codes or code.endswith(".9") and any(c[:3] == code[:3] for c in codes)):
        return True
    return len(head.split()) == 2 and any(f.label.endswith(head) for f in sure)


# what a drug or an instruction guards against: "parce qu'en cas de déshydratation elle peut être dangereuse"
_IN_CASE_OF = re.compile(
    r"\b(?:en cas d[e']|in case of|au cas où|in the event of)\s*(?:(?:une?|an?|la|le|l')\s*)?$", re.I
)


# another problem named right after a hedge: "il y a peut-être une petite inflammation de l'œsophage"
A_PROBLEM_AFTER = re.compile(
    r"\W*(?:(?:a|an|une?|some|a bit of|a little|un peu d[e'])\s*)?(?:small |little |mild |petite? |légère? )?"
    r"(?:inflammation|infection|irritation|ulcer|ulcère|lesion|lésion|infected|surinfect\w*|secondar\w+)\b",
    re.I,
)


class ProblemFacts:
    def _warned_of(self, k: int, st: int) -> bool:
        """ "If you get a new headache … you call us the same day. that could be giant cell arteritis": what the
        warning signs would mean, or one of them (the mention at st), or what a test may find, not a diagnosis."""
        text = self.sents[k].text
        if _IF_YOU_GET.search(text[:st]) and _EMERGENCY.search(text) or _A_TEST_MAY.search(text[max(0, st - 40) : st]):
            return True
        if _MAY_CAUSE.search(text[max(0, st - 60) : st]) or _IN_CASE_OF.search(text[max(0, st - 30) : st]):
            return True  # "a clot that can … cause a stroke"; "before it caused a stroke"; "it's used for diabetes too"
        if _SIGNS_LIST.search(text[:st]):
            return True  # "les signes, c'est : du mal à avaler, …, une fatigue avec de l'anémie, …"
        if _WHEN_YOU_HAVE.search(text[max(0, st - 40) : st]):
            return True  # "pas de bisous quand vous avez un bouton de fièvre": the mother's, and a when
        turn = [p for p in self.sents[max(0, k - 4) : k] if p.seg_index == self.sents[k].seg_index]
        if (_SIGNS_OF.match(text[st:]) or _IF_YOU_GET.search(text[:st])) and any(
            WARNING_SIGNS.search(p.text) for p in turn
        ):
            return True  # "now, the warning signs. … for stroke: a face drooping, …"; "… if you get …, that could be X"
        return bool(_COULD_BE.match(text)) and any(_IF_YOU_GET.search(p.text) for p in turn)

    def _add_problem(self, k: int | None, s: Sentence, st: int, en: int, concept, sure: str, seen: dict, **attrs):
        """An assessed problem from concept at s.text[st:en], the side said with it inside its evidence."""
        found_side = laterality_span(s.text, st, en)
        lo = attrs.pop("evidence_from", st)
        ev_a, ev_b = (min(lo, found_side[1]), max(en, found_side[2])) if found_side else (lo, en)
        seen[concept.label] = self.builder.add(
            "assessment",
            concept.label,
            [self.builder.evidence(s.seg_index, s.start + ev_a, s.start + ev_b)],
            status={"ruled-out": "absent", "confirmed": "present"}.get(sure, "uncertain"),
            certainty=sure,
            fr=concept.fr,
            statement=k,
            laterality=found_side[0] if found_side else None,
            **attrs,
        )

    def _headed_problems(self, k: int, s: Sentence, seen: dict) -> None:
        """Problems the assessment takes up by a heading ("for your second problem, your anxiety", "number two,
        neck pain", "pour votre lombalgie"): a condition even when the sentence goes on as a question, and a
        symptom worked up as the problem (named by its label, with the heading's "chronic" or "abnormal") or
        stated as the patient's ("you do have that left shoulder pain")."""
        self._measured_problems(k, s, seen)
        conditions = lexicon.find_concepts("condition", s.text)
        if s.question:
            for st, en, c in conditions:
                if heading_before(s.text, st):
                    self._diagnosis(k, s, st, en, c, None, context_of(s.text, [(st, en)], self.lang)[0], seen)
        named = conditions + (diagnosis_phrases(s.text) if self.lang == "en" else [])
        for st, en, c in lexicon.find_concepts("symptom", s.text):
            if c.label == "pain" or same_problem(c.label, "", seen) or any(a < en and st < b for a, b, _c in named):
                continue
            # a heading takes it up, or the assessment says it is the patient's ("you do have that left shoulder pain")
            stated = not s.question and owned_cue(s.text, st, en) == "said"
            if not (heading_before(s.text, st) or stated) or self._not_the_patients(s, st, en):
                continue
            self._symptom_problem(k, s, st, en, c, seen)

    def _symptom_problem(self, k: int | None, s: Sentence, st: int, en: int, c, seen: dict) -> None:
        """A symptom worked up as the problem, unless denied, a relative's or hypothetical."""
        mods = context_of(s.text, [(st, en)], self.lang)[0]
        sure = certainty(s.text, st, en, mods)
        if mods.negated or mods.family or mods.hypothetical or sure in ("ruled-out", "doubted"):
            return
        if NEGATION_NEAR.search(clause_before(s.text, st)):
            return
        words, at = modifiers_before(s.text, st)
        term = " ".join([*words, c.label]) if words and self.lang == "en" else None
        self._add_problem(k, s, st, en, c, sure, seen, term=term, evidence_from=at)

    def _measured_problems(self, k: int | None, s: Sentence, seen: dict) -> None:
        """Problems read from a measure: "your blood pressure is well controlled", "your blood sugar is elevated"."""
        for st, en, label in controlled_problems(s.text) if not s.question else []:
            c = lexicon.CONDITION_BY_LABEL[label]
            if not same_problem(label, c.code, seen) and not self._not_the_patients(s, st, en):
                self._add_problem(k, s, st, en, c, "confirmed", seen, code=c.code)
                seen[label].attributes["code_description"] = icd_description(c.code)

    def _reviewed_problems(self, seen: dict) -> None:
        """Chronic and current problems the clinician names as the patient's before the assessment: assessed
        problems too (module docstring)."""
        for k in range(min(self.ap_start, len(self.sents))):
            s = self.sents[k]
            if not self.is_clin(k) or self.to_companion(k):  # "…, mike, but your gout is for your own doctor"
                continue
            self._measured_problems(None, s, seen)
            for st, en, c in lexicon.find_concepts("condition", s.text):
                self._reviewed_condition(s, st, en, c, seen)
            for st, en, c in lexicon.find_concepts("symptom", s.text):
                if c.label != "pain" and not same_problem(c.label, "", seen) and not s.question:
                    if visit_reason_before(s.text, st) and not self._not_the_patients(s, st, en):
                        self._symptom_problem(None, s, st, en, c, seen)

    def _reviewed_condition(self, s: Sentence, st: int, en: int, c, seen: dict) -> None:
        status_post = c.label in STATUS_LABELS
        if same_problem(c.label, c.code, seen) or status_post and not procedure_done(s.text, st, en):
            return
        cue = owned_cue(s.text, st, en) or ("said" if status_post or in_introduction(s.text, st) else None)
        if not cue or s.question and cue != "your" or self._not_the_patients(s, st, en):
            return
        mods = context_of(s.text, [(st, en)], self.lang)[0]
        sure = certainty(s.text, st, en, mods)
        if sure != "ruled-out" and (cue == "your" or status_post):  # "your hepatitis b test was negative": not had
            sure = "confirmed"
        if sure == "confirmed" and _OR_AFTER.match(s.text[en:]):
            sure = "possible"
        past = not status_post and (mods.historical or bool(PAST_PROBLEM.search(s.text[max(0, st - 40) : en + 40])))
        past = past or c.label in _EVENTS  # "like with your heart attack?": an event of the past, history's
        if mods.family or mods.hypothetical or past or sure in ("ruled-out", "doubted"):
            return
        if cue != "your" and (mods.negated or NEGATION_NEAR.search(clause_before(s.text, st))):
            return
        side = laterality_span(s.text, st, en)
        code = specific_code(c, s.text, st, en) if c.code else exact_code(s.text[st:en].lower(), side and side[0])[0]
        term = None if c.code or status_post else clean(s.text[st:en]).replace(",", "").lower()
        self._add_problem(None, s, st, en, c, sure, seen, term=term, code=code)
        seen[c.label].attributes["code_description"] = icd_description(code)


def answers_of_relative(sents: list[Sentence], k: int, roles: list[str]) -> bool:
    """The clinician's sentence k speaks of the relative the patient just asked about ("mon mari, il peut
    l'attraper ?" "il a déjà eu la varicelle et un zona"): its he/she is theirs, not the patient's."""
    j = turn_opening(sents, k)
    if j == 0 or roles[k] != "clinician" or roles[j - 1] == "clinician" or not PRONOUN_SUBJECT.match(sents[k].text):
        return False
    asked = sents[j - 1].text
    return bool(MY_RELATIVE.search(asked) or MY_SPOUSE.search(asked))


NOT_A_DIAGNOSIS = re.compile(
    # what a drug or a disease can lead to is not what the patient has: "crestor can cause liver toxicity"
    r"\b(?:(?:can|could|may|might|will|would)\s+(?:\w+\s+)?(?:cause|lead to|result in|give you|trigger)|"
    r"(?:peut|peuvent|pourrait|risque de) (?:\w+ )?(?:provoquer|entraîner|causer|donner|faire)|"
    r"(?:does ?n'?t|do ?n'?t|wo ?n'?t|will not|should ?n'?t) (?:\w+ )?(?:cause|give you|lead to)|"
    r"watch(?:ing)? (?:out )?for|look(?:ing)? out for|careful (?:of|about|with)|"
    r"need(?:s|ed)? (?:a |an |another )?$|"
    r"vaccinated (?:against|for)|completed (?:your|the|his|her)|vaccinée? contre|"
    r"prevent\w*|avoid\w*|risk|chance|if|unless|in case|any|no|without|"
    # what a treatment protects from: "it protects you from a stroke", "il vous protège de l'avc"
    r"protect\w* (?:\w+ ){0,2}(?:from|against)|protèg\w* (?:\w+ )?(?:de|du|des|contre)|préven\w*|prévien\w*|"
    r"help(?:s|ing)?(?= (?:the |your )?$)|"  # "it helps the blood clot": what a drug does, a verb
    r"check(?:s|ing)? for|look(?:s|ing)? for|evaluat\w+ for|screen\w* for|test\w* for|"
    r"(?:pcr|blot|titer|panel|culture|swab|antibod\w+) for|"
    r"éviter|risque|si|rechercher|dépistages?|sérologies?|tests? (?:de|du|des|pour))\b[^.;]{0,30}$",
    re.I,
)


# a list of what a drug can cause runs longer: "ça peut donner des infections urinaires ou des mycoses"
SIDE_EFFECTS = re.compile(
    r"\b(?:(?:can|could|may|might) (?:\w+ )?(?:cause|give you|lead to)|(?:peut|peuvent|pourrait) (?:\w+ )?"
    r"(?:provoquer|entraîner|causer|donner|faire))\b[^.;]{0,60}\b(?:or|and|ou|et)\s+"
    r"(?:des |du |de la |some |a |an )?$",
    re.I,
)


# a condition said of people in general is not the patient's ("people ... would have a heart attack")
GENERIC_EXPERIENCER = re.compile(
    r"\b(?:people|those who|patients who|guys|folks|someone|somebody|anyone|men who|women who|they would|"
    r"correlation between|les gens|certains patients|quelqu'un|une (?:femme|personne) (?:\w+ )?qui|"
    # a specialist's field: "an eye doctor who knows thyroid eye disease"
    r"who (?:knows|treats|specializ\w+ in|deals? with|looks? after)|qui (?:connaît|traite|s'occupe))\b[^.;]{0,60}$",
    re.I,
)


def says_its(text: str, at: int) -> bool:
    """The sentence states the problem at `at` as the patient's ("so you have …", "your heart failure has …"): only
    such a statement makes sure of one weighed before ("it could be a small kidney stone" … "water helps the kidney
    stones too" stays possible)."""
    return bool(STATES_IT.search(clause_before(text, at)) or re.search(r"\b(?:your|votre)\s+$", text[:at], re.I))
