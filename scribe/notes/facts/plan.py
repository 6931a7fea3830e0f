"""Plan facts: one item per clause of a spoken plan, typed (lab, imaging, procedure, referral, medication,
advice, follow-up) and tied to the problem it follows."""

from __future__ import annotations

import re

from scribe.notes import lexicon, register
from scribe.notes.facts.orders import find_orders, order_sentence
from scribe.notes.medication import find_mentions
from scribe.notes.number_words import numbers_to_digits
from scribe.notes.text import Sentence, clean, clinician_to_note
from scribe.schemas_docs import Fact

_PLAN_TYPE = [
    (
        "imaging",
        re.compile(
            r"\b(?:x-?rays?|mri|ct|cat scan|ultrasound|echo\w*|mammogram|scan|dexa|pet|radio\w*|"
            r"échographie|scanner|irm)\b",
            re.I,
        ),
    ),
    (
        "procedure",
        re.compile(
            r"\b(?:injections?|biops(?:y|ies)|surgery|procedure|removal|excision|aspiration|"
            r"colonoscopy|endoscopy|ekg|ecg|emg|stress test|infiltration|chirurgie)\b",
            re.I,
        ),
    ),
    (
        "lab",
        re.compile(
            r"\b(?:labs?|blood ?work|blood tests?|panel|a1c|lipid|cbc|culture|urinalysis|urine|levels?|"
            r"creatinine|tsh|prise de sang|bilan|analyse\w*)\b",
            re.I,
        ),
    ),
]


_INTERVAL = re.compile(
    r"\b(?:in|dans|within)\s+(?:about\s+|a couple of\s+|environ\s+)?(?P<n>\d+|an?|one|two|three|four|"
    r"five|six|eight|twelve|un|une|deux|trois|quatre|six)\s+(?P<unit>days?|weeks?|months?|years?|"
    r"jours?|semaines?|mois|ans?)\b",
    re.I,
)


# What a piece of advice is about: a spoken clause with none of these ("Spend some time together.", "Go from
# there.", "Talk to you later.") is conversation, not a plan item (checked with the lexicon's concepts).
_ADVICE_CONTENT = re.compile(
    r"\b(?:diet\w*|eat\w*|food|meals?|salt|sodium|sugar|carb\w*|fruits?|vegetables?|water|fluids?|hydrat\w*|"
    r"alcohol|drink\w*|beers?|wine|smok\w*|tobacco|cigarettes?|vap\w+|exercis\w*|walk\w*|activit\w+|pilates|yoga|"
    r"swim\w*|weights?|sleep\w*|rest|take it easy|ic(?:e|ing)|imaging|x-?rays?|mri|scans?|heat|elevat\w*|"
    r"compress\w*|stretch\w*|brace|splint|crutch\w*|"
    r"sling|wound|dressing|bandage|shower|bath\w*|log|diary|record\w*|monitor\w*|measur\w*|track\w*|readings?|"
    r"blood pressure|glucose|symptoms?|pain|fever|emergency|er|911|urgent\w*|worse|persist\w*|therap\w+|"
    r"nurse|pharmac\w+|appointments?|vaccin\w*|shots?|injections?|needle|prescriptions?|medicines?|medications?|"
    r"pills?|dose|levels?|labs?|tests?|results?|doctor|pcp|physician|specialist|surgeon|scars?|moles?|skin|"
    r"steroids?|anti-?inflammator\w*|antibiotics?|antivirals?|antihistamines?|inhalers?|relaxants?|nsaids?|"
    r"blood thinners?|diuretics?|water pills?|statins?|insulin|creams?|ointments?|drops|sprays?|patch\w*|"
    r"call\w*|clinic|office|schedul\w*|surg\w+|operat\w*|questionnaires?|screening|protocol|rice|"
    r"monday|tuesday|wednesday|thursday|friday|tomorrow|weeks?|months?|"
    r"sunscreen|sun|mask|glasses|feet|foot|knee|back|arm|leg|finger|elbow|shoulder|hand|wrist|ankle|hip|neck|"
    r"motions?|lifting|lift|driving|work|school|stress|relax\w*|breath\w*|mouth|teeth|tooth|eyes?|ears?|"
    r"régime|aliment\w*|sel|sucre|eau|boire|boisson\w*|alcool|tabac|fum\w+|sport|marche\w*|activité|poids|sommeil|"
    r"repos|glace|chaleur|surélev\w+|attelle|pansement|douleurs?|fièvre|urgences?|15|112|kiné\w*|infirmi\w+|"
    r"pharmaci\w+|vaccin\w*|ordonnance|médicaments?|comprimés?|analyses?|médecin|traitement|surveill\w+)\b|\d",
    re.I,
)
# The clinician narrating the visit, not planning: "talk a little bit about my plan", "take a look at that knee"
_NARRATION = re.compile(
    r"\b(?:(?:talk|go over|went over|review) (?:a (?:little )?bit )?(?:about )?(?:my|the|their|his|her) "
    r"(?:assessment|plan|findings|results)|take a (?:quick )?look|push(?:ing)? on|maneuvers?|be blunt|"
    r"go from there|know (?:a little bit )?more|talk to (?:the patient|him|her|them) later|print out)\b",
    re.I,
)


_DICTATION = re.compile(r"^\W*(?:hey,? )?dragon\b|\bas discussed\b", re.I)
_GENERIC_MED = re.compile(
    r"\b(?:medicines?|medications?|prescriptions?|pills?|médicaments?|(?:take|taking|prendre) (?:that|it|them|this|"
    r"those|le|la|les))\b",
    re.I,
)


def is_plan_advice(prose: str) -> bool:
    """Does a free-worded plan clause say something a clinician would act on (see _ADVICE_CONTENT)?"""
    if _NARRATION.search(prose):
        return False
    return bool(
        _ADVICE_CONTENT.search(prose)
        or lexicon.find_concepts("symptom", prose)
        or lexicon.find_concepts("condition", prose)
        or any(m.drug_like for m in find_mentions(prose, stop=lexicon.DRUG_STOP))
    )


def plan_attributes(kind: str, prose: str) -> dict:
    """A plan item's type (lab, imaging, procedure…) and, for a follow-up, its interval ("3 months")."""
    attrs: dict = {}
    if kind == "test":
        attrs["type"] = next((name for name, rx in _PLAN_TYPE if rx.search(prose)), "test")
    m = _INTERVAL.search(prose)
    if m and kind in ("follow-up", "test", "referral"):
        attrs["interval"] = f"{m.group('n')} {m.group('unit')}"
    return attrs


class PlanFacts:
    _PLAN = re.compile(
        r"\b(?:i(?:'m| am)?(?: also| just| do| really)* (?:going to|gonna|gon na|will|'ll|want to|wan na|"
        r"would like to|'d like to|"
        r"recommend|think we should|prescribe)|i'll|we'll|we will|we(?:'re| are) (?:going to|gon na|gonna)|"
        r"let's|you should|you need to|make sure|i (?:also |really |just )?want you to|i'd (?:also )?like you to|"
        r"continue|follow ?up|"
        r"come back|see you (?:back|again|in)|refer|referral|order|schedule|prescri\w+|start (?:you|on)|"
        r"increase|decrease|stop|recommend\w*|keep (?:taking|an eye|track)|avoid|return|call (?:me|us|the office|911)|"
        r"go to the (?:er|emergency)|appelez le 15|"
        r"physical therapy|je vais (?:vous )?(?:prescrire|demander|faire|mettre|adresser|donner)|"
        r"on va (?:faire|vous|demander|commencer|mettre)|il faut|il faudra|vous allez|je vous "
        r"(?:prescris|propose|conseille|recommande|revois|adresse)|revenez|reconsulte[rz]?|rendez-vous|"
        r"contrôle|à revoir|surveill\w+)\b",
        re.I,
    )

    _PLAN_KIND = [
        (
            "referral",
            re.compile(
                r"\b(?:refer\w*|specialist|physical therapy|pt|surgeon|cardiology|cardiologist|"
                r"orthopedic|dermatolog\w+|neurolog\w+|adresse\w*|spécialiste|kiné\w*|cardiologue)\b",
                re.I,
            ),
        ),
        (
            "test",
            re.compile(
                r"\b(?:order\w*|x-?ray|mri|ct|labs?|blood ?work|echo\w*|ekg|ecg|ultrasound|a1c|lipid|panel|"
                r"test\w*|biopsy|culture|scan|prise de sang|bilan|radio\w*|échographie|scanner|irm|analyse\w*)\b",
                re.I,
            ),
        ),
        (
            "follow-up",
            re.compile(
                r"\b(?:follow ?up|come back|see you (?:back|again|in)|return|recheck|revenez|revoir|"
                r"rendez-vous|reconsulte\w*|contrôle|in \w+ (?:weeks?|months?|days?))\b",
                re.I,
            ),
        ),
    ]

    def plan(self):
        meds_by_sentence: dict[int, list[Fact]] = {}
        for f in self.builder.facts:
            if f.kind == "medication" and f.status in ("new", "changed", "stopped"):
                meds_by_sentence.setdefault(f.evidence[0].segment_id, []).append(f)
        problem = None
        problems = {f.attributes.get("statement"): f.label for f in self.builder.facts if f.kind == "assessment"}
        count = 0
        ordered: set[str] = set()  # an order said twice is one plan item
        for k in range(len(self.sents)):
            s = self.sents[k]
            if k in problems:
                problem = problems[k]
            if not self.is_clin(k) or s.question or count >= 25:
                continue
            if k < self.ap_start and not re.search(r"\b(?:order|refer|prescri\w+|follow ?up|schedule)\b", s.text, re.I):
                continue
            if k < self.exam_end and self.exam_start <= k:
                continue
            if not self._PLAN.search(s.text):
                continue
            if (
                re.search(
                    r"\b(?:any questions|do you have questions|questions\?|des questions|nice to see|good to see|"
                    r"the nurse will be in|finalize the note)\b",
                    s.text,
                    re.I,
                )
                and len(s.text.split()) < 12
            ):
                continue
            # a spoken plan runs several orders together: each clause with a plan cue is one item
            cued = False  # "I want to go ahead | and get an ultrasound": the cue carries to the next clauses
            for c0, c1 in register.clauses(s.text):
                clause = s.text[c0:c1]
                cue = bool(self._PLAN.search(clause))
                cued = cued or cue
                orders = (
                    find_orders(clause, self.lang, s.text[:c0]) if cued and not self._mentions_med(s, clause) else []
                )
                for o in orders:
                    if o.label not in ordered:
                        ordered.add(o.label)
                        kind = {"referral": "referral", "advice": "advice"}.get(o.type, "test")
                        self.builder.add(
                            "plan",
                            kind,
                            [self.builder.evidence(s.seg_index, s.start + c0, s.start + c1)],
                            value=order_sentence(o, self.lang),
                            merge=False,
                            problem=problem,
                            type=o.type,
                            order=o.label,
                            **({"condition": o.condition} if o.condition else {}),
                            **{a: v for a, v in plan_attributes(kind, clause).items() if a != "type"},
                        )
                        count += 1
                if orders or not cue:
                    continue
                prose = register.plan_item(
                    clinician_to_note(clean(clause), self.sex) if self.lang == "en" else clean(clause)
                )
                if (
                    not prose
                    or len(prose.split()) < 2
                    or re.search(
                        r"\btalk (?:a little bit |a bit )?about (?:my|the|your) (?:assessment|plan)|\bshow me\b",
                        prose,
                        re.I,
                    )
                ):
                    continue
                kind = (
                    "medication"
                    if self._mentions_med(s, clause)
                    else next((name for name, rx in self._PLAN_KIND if rx.search(clause)), "advice")
                )
                if kind == "advice" and not is_plan_advice(numbers_to_digits(prose)) or _DICTATION.search(s.text):
                    continue  # conversation, or a command to the dictation system ("hey dragon, order the labs")
                if kind in ("advice", "medication") and _GENERIC_MED.search(prose) and self._mentions_med(s):
                    continue  # "prescribe one medicine", "take that once a day": the drug's own line says it
                self.builder.add(
                    "plan",
                    kind,
                    [self.builder.evidence(s.seg_index, s.start + c0, s.start + c1)],
                    value=numbers_to_digits(prose),
                    merge=False,
                    problem=problem,
                    **plan_attributes(kind, prose),
                )
                count += 1

    def _mentions_med(self, s: Sentence, clause: str | None = None) -> bool:
        seg_id = self.tr.segments[s.seg_index].id
        text = s.text if clause is None else clause
        for f in self.builder.facts:
            if f.kind == "medication" and f.status in ("new", "changed", "stopped", "current"):
                for ev in f.evidence:
                    if ev.segment_id == seg_id and ev.quote and (ev.quote in text or text in ev.quote):
                        return True
        return False
