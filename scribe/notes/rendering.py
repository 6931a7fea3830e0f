"""What the section renderers share: the note's words per language, the facts of one note, and a
sentence built from facts (its fact ids and their evidence travel with it)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scribe.notes import lexicon
from scribe.schemas_docs import Evidence, Fact, SentenceSupport

WORDS = {
    "en": {
        "endorses": "Endorses",
        "denies": "Denies",
        "pmh": "History of",
        "no_allergy": "No known allergies.",
        "allergic": "Allergic to",
        "not_allergic": "Reported allergy ruled out by the clinician:",
        "reaction": "reaction",
        "is_a": "is a",
        "year_old": "year-old",
        "male": "male",
        "female": "female",
        "family": "Family history of",
        "family_none": "No known family history.",
        "no": "No",
        "psh": "History of",
        "home": "at home",
        "new": "Start",
        "standby": "Prescribed, to keep at home:",
        "stopped": "Stop",
        "changed": "Change",
        "current": "Continue",
        "problem": "Problem",
        "administered": "Administered in clinic:",
        "duration": "Duration",
        "severity": "Severity",
        "location": "Location",
        "trigger": "Context",
        "quality": "Quality",
        "onset": "Onset",
        "radiation": "Radiation",
        "timing": "Timing",
        "code": "ICD-10-CM",
        "negative": "denies",
        "possible": "Possible",
        "probable": "Likely",
        "ruled_out": "ruled out",
        "ruled_out_before": "",
        "reports": "reports|states|also reports|notes",
        "the_patient": "The patient",
        "follow_up": "Follow-up",
        "male_subject": "He",
        "female_subject": "She",
    },
    "fr": {
        "endorses": "Signale",
        "denies": "Pas de",
        "pmh": "Antécédent de",
        "no_allergy": "Pas d'allergie connue.",
        "allergic": "Allergie à",
        "not_allergic": "Allergie signalée, écartée par le médecin :",
        "reaction": "réaction",
        "is_a": "est un(e) patient(e) de",
        "year_old": "ans",
        "male": "homme",
        "female": "femme",
        "family": "Antécédent familial de",
        "family_none": "Pas d'antécédent familial connu.",
        "no": "Pas de",
        "psh": "Antécédent chirurgical :",
        "home": "à domicile",
        "new": "Introduction de",
        "standby": "Prescrit, à garder à domicile :",
        "stopped": "Arrêt de",
        "changed": "Modification de",
        "current": "Poursuite de",
        "administered": "Administré en consultation :",
        "problem": "Problème",
        "duration": "Durée",
        "severity": "Intensité",
        "location": "Localisation",
        "trigger": "Circonstances",
        "quality": "Type",
        "onset": "Début",
        "radiation": "Irradiation",
        "timing": "Horaire",
        "code": "CIM-10",
        "negative": "nie",
        "possible": "Suspicion de",
        "probable": "Diagnostic probable :",
        "ruled_out": "écarté",  # agrees with "diagnostic": "dépression écartée" would need the noun's gender
        "ruled_out_before": "Diagnostic de",
        "reports": "",  # French statements keep the patient's words (no third-person rewrite to report)
        "the_patient": "Le patient",
        "follow_up": "À revoir",
        "male_subject": "Il",
        "female_subject": "Elle",
    },
}

SIDE = {
    "en": {"left": "left", "right": "right", "bilateral": "bilateral"},
    "fr": {"left": "côté gauche", "right": "côté droit", "bilateral": "bilatéral"},
}
VITAL_FR = {
    "blood pressure": "Tension artérielle",
    "heart rate": "Fréquence cardiaque",
    "respiratory rate": "Fréquence respiratoire",
    "temperature": "Température",
    "oxygen saturation": "Saturation en oxygène",
    "weight": "Poids",
    "blood glucose": "Glycémie",
}
SYSTEM_FR = {
    "cardiovascular": "Cardiovasculaire",
    "respiratory": "Pulmonaire",
    "abdomen": "Abdomen",
    "musculoskeletal": "Ostéo-articulaire",
    "neurological": "Neurologique",
    "skin": "Peau",
    "HEENT": "ORL",
    "Constitutional": "Général",
    "Cardiovascular": "Cardiovasculaire",
    "Respiratory": "Respiratoire",
    "Gastrointestinal": "Digestif",
    "Genitourinary": "Urinaire",
    "Musculoskeletal": "Ostéo-articulaire",
    "Neurological": "Neurologique",
    "Skin": "Peau",
    "Psychiatric": "Psychique",
    "ENT": "ORL",
    "Eyes": "Yeux",
    "General": "Général",
}


@dataclass
class RenderContext:
    lang: str
    facts: list[Fact]
    sex: str | None = None
    used: set[str] = field(default_factory=set)
    block: dict = field(default_factory=dict)  # the template block being rendered (its options: groups, ...)

    def of(self, *kinds: str) -> list[Fact]:
        return [f for f in self.facts if f.kind in kinds]

    def w(self, key: str) -> str:
        return WORDS.get(self.lang, WORDS["en"])[key]

    def label(self, f: Fact) -> str:
        if self.lang == "fr":
            c = lexicon.SYMPTOM_BY_LABEL.get(f.label) or lexicon.CONDITION_BY_LABEL.get(f.label)
            if c:
                return c.fr
            if f.attributes.get("fr"):
                return f.attributes["fr"]
        return f.label


def supported(text: str, facts: list[Fact]) -> SentenceSupport:
    ev: list[Evidence] = []
    for f in facts:
        for e in f.evidence:
            if e not in ev:
                ev.append(e)
    return SentenceSupport(text=text, fact_ids=[f.id for f in facts], evidence=ev)


def join_items(items: list[str], lang: str, negative: bool = False) -> str:
    """ "a, b and c"; after a negation French joins with "ni" ("Pas de fièvre ni de toux")."""
    if len(items) <= 1:
        return "".join(items)
    if negative and lang == "fr":
        return ", ".join(items[:-1]) + " ni de " + items[-1]
    conj = " et " if lang == "fr" else ", and " if len(items) > 2 else " and "
    return ", ".join(items[:-1]) + conj + items[-1]


# "de" before a vowel or a mute h, in a French denial, history or suspicion (h aspiré words keep it: "pas de hernie")
_ELIDED = re.compile(
    r"\b(pas|ni|suspicion|diagnostic|antécédents?(?: familia(?:l|ux))?|arrêt|reprise|poursuite|début|introduction|"
    r"augmentation|diminution) de (?=[aeiouyàâéèêëîïôûh])"
    r"(?!h(?:ernie|anche|aut|oquet|ématome))",
    re.I,
)


def elide(text: str, lang: str) -> str:
    """ "Antécédent d'hypertension", "Pas d'asthme dans la famille", not "de hypertension"."""
    return _ELIDED.sub(r"\1 d'", text) if lang == "fr" else text
