"""What a clinician's question is about, and what the consultation's facts say on that topic.

A question is mapped to topics by bilingual patterns and the symptom/condition lexicons ("Avez-vous des
allergies ?" and "Any allergies?" both → allergies), so that a question in either language is matched to
the same facts. Apart from context.py because both the checklist and `answered` rely on it.
"""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.schemas_docs import Fact

# topic → (question pattern en+fr, fact selector)
TOPICS: dict[str, tuple[str, callable]] = {
    "allergies": (r"allerg", lambda f: f.kind == "allergy"),
    "medications": (
        r"\b(?:medications?|medicines?|meds|pills|prescriptions?|taking anything|take anything|"
        r"médicaments?|traitements?|prenez-vous|vous prenez)\b",
        lambda f: f.kind == "medication" and f.status in ("current", "changed", "stopped"),
    ),
    "tobacco": (
        r"\b(?:smok\w*|cigarettes?|tobacco|vap\w+|fum\w*|tabac)\b",
        lambda f: f.kind == "social_history" and f.label == "tobacco",
    ),
    "alcohol": (
        # "how many cups of coffee does she drink a day?" is no question about alcohol
        r"\b(?:alcohol|(?:do (?:you|he|she|they)|how (?:much|often) (?:do|does) (?:you|he|she|they)) drink\b"
        r"(?! (?:water|fluids|enough|coffee|tea|sodas?|colas?))|(?:drinks|a drink) "
        r"(?:a|per) (?:day|week)|beers?|wine|alcool|boi(?:re|s|vez) de l'alcool|vin|"
        r"buvez(?! (?:de l'eau|assez|suffisamment|beaucoup d'eau))|apéritifs?|apéros?)\b",
        lambda f: f.kind == "social_history" and f.label == "alcohol",
    ),
    "recreational drugs": (
        r"\b(?:recreational|street drugs|illicit|drug use|(?:use|using|do) (?:any )?drugs|marijuana|cannabis|"
        r"drogues?|stupéfiants)\b",
        lambda f: f.kind == "social_history" and f.label == "recreational drugs",
    ),
    "occupation": (
        r"\b(?:work|job|occupation|profession|travaill\w+|métier)\b",
        lambda f: f.kind == "social_history" and f.label == "occupation",
    ),
    "exercise": (
        r"\b(?:exercise|physical activity|sport|activité physique)\b",
        lambda f: f.kind == "social_history" and f.label == "exercise",
    ),
    "duration": (
        r"\b(?:how long|since when|when did (?:it|this|that|the \w+) (?:start|begin)|when did you first|"
        r"depuis (?:quand|combien)|quand (?:est-ce que )?(?:ça|cela|la douleur) a commencé|"
        r"ça a commencé quand|onset|duration)\b",
        lambda f: f.kind == "hpi" and f.label == "duration",
    ),
    "severity": (
        r"\b(?:(?:on|from) a scale|scale (?:of|from)|how (?:bad|severe|strong|intense)|rate (?:the|your) pain|"
        r"intensité|sur 10|sur une échelle|severity)\b",
        lambda f: f.kind == "hpi" and f.label == "severity",
    ),
    "location": (
        r"\b(?:where (?:is|does|do) (?:the|it|you)|where.*(?:hurt|pain)|où (?:avez-vous|ça|est-ce)|"
        r"(?:what|which) part of|quelle partie|où (?:se (?:situe|trouve|localise)|précisément|exactement)|"
        r"where exactly|localisation|location)\b",
        lambda f: f.kind == "hpi" and f.label == "location",
    ),
    "triggers": (
        r"\b(?:worse|better|trigger|aggravat\w+|reliev\w+|calm\w*|aggrav\w*|soulag\w*|mieux|pire|what helps|"
        r"anything helps?|helps? (?:with )?(?:the|your|it|his|her) pain)\b",
        lambda f: f.kind == "hpi" and f.label == "trigger",
    ),
    "radiation": (
        r"\b(?:radiat\w*|irradi\w*|spread\w*|extend\w*|go anywhere|move anywhere|go (?:down|up) (?:your|the)|"
        r"travel\w* (?:anywhere|down|up)|diffuse\w*)\b",
        lambda f: f.kind == "hpi" and f.label == "radiation",
    ),
    "quality": (
        r"\b(?:what kind of (?:pain|discomfort)|what type of (?:pain|discomfort)|describe (?:the|your|his|her) pain|"
        r"quel (?:type|genre) de douleur|type de douleur|genre de douleur|décri[\w-]+ (?:la|votre|sa) douleur)\b",
        lambda f: f.kind == "hpi" and f.label == "quality",
    ),
    "family history": (
        r"\b(?:family (?:history|members? (?:with|who had|has))|run(?:s)? in (?:your|the) family|"
        r"(?:any|some)(?:one|body) in (?:your|the)(?: in your)? family|in (?:your|the)(?: in your)? family|"
        r"dans (?:votre|la) famille|antécédents familiaux|familiaux)\b",
        lambda f: f.kind == "family_history",
    ),
    "surgical history": (
        r"\b(?:surger\w*|surgical|operations?|operated|opéré\w*|chirurgi\w+|intervention)\b",
        lambda f: f.kind == "past_surgical",
    ),
    "medical history": (
        r"\b(?:medical (?:history|problems?|conditions?)|health (?:problems?|conditions?)|"
        r"antécédents|problèmes de santé|maladies?|chronic)\b",
        lambda f: f.kind == "past_medical",
    ),
    "age": (r"\b(?:how old|your age|quel âge|âge)\b", lambda f: f.kind == "demographics" and f.label == "age"),
    "blood pressure": (r"\b(?:blood pressure|tension)\b", lambda f: f.kind == "vital" and f.label == "blood pressure"),
    "weight": (
        r"\b(?:weight|weigh|poids|pèse[zs]?|kilos|pounds|lbs)\b",
        lambda f: f.kind == "vital" and f.label == "weight",
    ),
    "chief complaint": (
        r"\b(?:what brings you|why are you here|reason for (?:the|your) visit|qu'est-ce qui vous amène|"
        r"pourquoi (?:venez|consultez)|motif)\b",
        lambda f: f.kind == "chief_complaint",
    ),
}
TOPIC_RX = {k: re.compile(v[0], re.I) for k, v in TOPICS.items()}


def topics_of(question: str) -> list[str]:
    """Topics a question is about: symptom/condition labels first, then the topic patterns."""
    out: list[str] = []
    for _s, _e, c in lexicon.find_concepts("symptom", question):
        if c.label != "pain" or not out:
            out.append(c.label)
    for _s, _e, c in lexicon.find_concepts("condition", question):
        out.append("condition:" + c.label)
    for k, rx in TOPIC_RX.items():
        if rx.search(question) and k not in out:
            out.append(k)
    if "family history" in out:  # "does heart disease run in your family" → family history, not the patient's
        out = [
            t
            for t in out
            if not t.startswith("condition:") and t not in lexicon.SYMPTOM_BY_LABEL and t != "medical history"
        ] + ["family history"]
        out = list(dict.fromkeys(out))
    if "pain" in out and len(out) > 1:
        out.remove("pain")
    if "surgical history" in out:  # "has she had surgery for the cancer?" asks about the operation, not the cancer
        out = ["surgical history"] + [t for t in out if t != "surgical history"]
    for aspect in ("radiation", "quality", "location", "triggers"):  # "what makes the back pain worse?" asks
        if aspect in out:  # what makes it worse, of the back pain; "où se situe la douleur au genou ?" where
            out = [aspect] + [t for t in out if t != aspect]
    return out


def facts_for_topic(topic: str, facts: list[Fact]) -> list[Fact]:
    """The facts that settle a topic: a topic with facts needs no new question."""
    if topic in TOPICS:
        return [f for f in facts if TOPICS[topic][1](f)]
    if topic == "quality":
        return [f for f in facts if f.kind == "hpi" and f.label == "quality"]
    if topic.startswith("condition:"):
        label = topic.split(":", 1)[1]
        return [f for f in facts if f.label == label and f.kind in ("past_medical", "assessment", "family_history")]
    # a more precise finding settles the general one: "subjective fever" answers "any fever?"
    found = [f for f in facts if f.kind == "symptom" and (f.label == topic or f.label.endswith(" " + topic))]
    if not found and " " in topic:  # "no weakness" says there is no leg weakness (not the reverse)
        general = [f for f in facts if f.kind == "symptom" and topic.endswith(" " + f.label)]
        found = general if general and all(f.status == "absent" for f in general) else []
    if not found and topic in lexicon.SYMPTOM_BY_LABEL:  # e.g. a rash seen on examination
        found = [
            f
            for f in facts
            if f.kind in ("exam", "result")
            and any(c.label == topic for _s, _e, c in lexicon.find_concepts("symptom", f.value or ""))
        ]
    return found


def answer_from_facts(topic: str, fs: list[Fact], lang: str) -> str:
    """The first few facts on a topic as a short answer in the clinician's language, negatives kept."""
    parts = []
    for f in fs[:4]:
        if f.kind == "symptom":
            name = (
                lexicon.SYMPTOM_BY_LABEL[f.label].fr
                if lang == "fr" and f.label in lexicon.SYMPTOM_BY_LABEL
                else f.label
            )
            neg = ("pas de " if lang == "fr" else "no ") if f.status == "absent" else ""
            parts.append(f"{neg}{name}")
        elif f.kind == "medication":
            a = f.attributes
            parts.append(
                " ".join(x for x in (a.get("surface", f.label), a.get("dose"), a.get("unit"), a.get("frequency")) if x)
                + ("" if f.status == "current" else f" ({f.status})")
            )
        elif f.kind == "allergy":
            if f.status == "none":
                parts.append("aucune allergie connue" if lang == "fr" else "no known allergies")
            elif f.status == "absent":
                parts.append(("pas allergique à " if lang == "fr" else "not allergic to ") + f.label)
            else:
                r = f.attributes.get("reaction")
                parts.append(f.label + (f" ({r})" if r else ""))
        elif f.kind == "vital":
            parts.append(f"{f.value} {f.attributes.get('unit', '')}".strip())
        elif f.value and f.kind in ("hpi", "social_history", "demographics", "chief_complaint"):
            neg = ("non: " if lang == "fr" else "no: ") if f.status == "absent" else ""
            parts.append(neg + f.value)
        else:
            neg = ("pas de " if lang == "fr" else "no ") if f.status in ("absent", "none") else ""
            parts.append(neg + f.label)
    return "; ".join(parts)
