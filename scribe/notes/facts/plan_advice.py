"""How a free-worded plan clause is typed: does it say something a clinician would act on (advice content,
not conversation or narration), which kind of test it names, and its interval."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.facts.plan_items import interval_text
from scribe.notes.medication import find_mentions

PLAN_TYPE = [
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


# What a piece of advice is about: a spoken clause with none of these ("Spend some time together.", "Go from
# there.", "Talk to you later.") is conversation, not a plan item (checked with the lexicon's concepts).
ADVICE_CONTENT = re.compile(
    r"\b(?:diet\w*|eat\w*|food|meals?|salt|sodium|sugar|carb\w*|fruits?|vegetables?|water|fluids?|hydrat\w*|"
    r"alcohol|drink\w*|beers?|wine|smok\w*|tobacco|cigarettes?|vap\w+|exercis\w*|walk\w*|activit\w+|pilates|yoga|"
    r"swim\w*|weights?|sleep\w*|rest|take it easy|ic(?:e|ing)|imaging|x-?rays?|mri|scans?|heat|elevat\w*|"
    r"compress\w*|stretch\w*|brace|splint|crutch\w*|"
    r"sling|wound|dressing|bandage|shower|bath\w*|log|diary|record\w*|monitor\w*|measur\w*|track\w*|readings?|"
    r"blood pressure|glucose|symptoms?|pain|fever|emergency|er|911|urgent\w*|worse|persist\w*|therap\w+|"
    r"nurse|pharmac\w+|appointments?|vaccin\w*|shots?|injections?|needle|prescriptions?|medicines?|medications?|"
    r"pills?|dose|levels?|labs?|tests?|results?|doctor|pcp|physician|specialist|surgeon|scars?|moles?|skin|"
    r"regimens?|treatments?|steroids?|anti-?inflammator\w*|antibiotics?|antivirals?|antihistamines?|inhalers?|relaxants?|nsaids?|"
    r"blood thinners?|diuretics?|water pills?|statins?|insulin|creams?|ointments?|drops|sprays?|patch\w*|"
    r"syrups?|sirops?|call\w*|clinic|office|schedul\w*|surg\w+|operat\w*|questionnaires?|screening|protocol|rice|"
    r"monday|tuesday|wednesday|thursday|friday|tomorrow|weeks?|months?|"
    r"sunscreen|sun|mask|glasses|feet|foot|knee|back|arm|leg|finger|elbow|shoulder|hand|wrist|ankle|hip|neck|"
    r"motions?|lifting|lift|driving|work|school|stress|relax\w*|breath\w*|mouth|teeth|tooth|eyes?|ears?|"
    r"régime|aliment\w*|sel|sucre|eau|boire|boisson\w*|alcool|tabac|fum\w+|sport|marche\w*|activité|poids|sommeil|"
    r"repos|glace|chaleur|surélev\w+|attelle|pansement|douleurs?|fièvre|urgences?|15|112|kiné\w*|infirmi\w+|"
    r"pharmaci\w+|vaccin\w*|ordonnance|médicaments?|comprimés?|analyses?|médecin|traitement|surveill\w+)\b|\d",
    re.I,
)
# The clinician narrating the visit, not planning: "talk a little bit about my plan", "take a look at that knee"
NARRATION = re.compile(
    r"\b(?:(?:talk|go over|went over|review) (?:a (?:little )?bit )?(?:about )?(?:my|the|their|his|her) "
    r"(?:assessment|plan|findings|results)|take a (?:quick )?look|push(?:ing)? on|maneuvers?|be blunt|"
    r"go from there|know (?:a little bit )?more|talk to (?:the patient|him|her|them) later|print out)\b",
    re.I,
)


DICTATION = re.compile(r"^\W*(?:hey,? )?dragon\b|\bas discussed\b", re.I)
GENERIC_MED = re.compile(
    r"\b(?:medicines?|medications?|prescriptions?|pills?|médicaments?|(?:take|taking|prendre) (?:that|it|them|this|"
    r"those|le|la|les))\b",
    re.I,
)


# a risk explained is no advice ("with estrogen plus progesterone, there's a small increase in breast cancer risk")
_RISK_TOLD = re.compile(
    r"\bthere(?:'s| is) a (?:small |slight |tiny |very small )?increase in\b[^.]{0,40}\brisk\b", re.I
)


def is_plan_advice(prose: str) -> bool:
    """Does a free-worded plan clause say something a clinician would act on (see ADVICE_CONTENT)?"""
    if NARRATION.search(prose) or _RISK_TOLD.search(prose):
        return False
    return bool(
        ADVICE_CONTENT.search(prose)
        or lexicon.find_concepts("symptom", prose)
        or lexicon.find_concepts("condition", prose)
        or any(m.drug_like for m in find_mentions(prose, stop=lexicon.DRUG_STOP))
    )


def plan_attributes(kind: str, prose: str, lang: str = "en") -> dict:
    """A plan item's type (lab, imaging, procedure…) and, for a follow-up, its interval ("3 months")."""
    attrs: dict = {}
    if kind == "test":
        attrs["type"] = next((name for name, rx in PLAN_TYPE if rx.search(prose)), "test")
    when = interval_text(prose, lang)
    if when and kind in ("follow-up", "test", "referral"):
        attrs["interval"] = when
    return attrs
