"""The patient summary's words (en/fr): headings and sentence templates, plain names for tests and for
the specialists a patient is sent to.

Apart from summary.py so that the wording can be reviewed (and translated) without reading the logic;
the delivery page reuses LABELS for its headings.
"""

from __future__ import annotations

import re

LABELS = {
    "en": {
        "title": "Your visit summary",
        "found": "What we found",
        "todo": "What to do",
        "meds": "Your medicines",
        "warn": "When to call us or come back",
        "follow": "Next visit",
        "nothing": "Nothing to list from this visit.",
        "start": "Start",
        "standby": "Keep at home, not to start now:",
        "only_if": "start it only if",
        "keep": "Keep taking",
        "take": "Take",
        "change": "New dose:",
        "schedule": "New schedule:",
        "stop": "Stop taking",
        "dose_changes": "The dose of {name} changes.",
        "test": "You will have this test:",
        "tests": "You will have these tests:",
        "ref": "You will see:",
        "symptoms": "You told us about",
        "allergy": "You are allergic to",
        "possible": "The doctor thinks this may be {name}.",
        "ruled_out": "The doctor does not think you have {name}.",
        "history": "You have had {name} before.",
        "come_back": "Come back {when}.",
        "sooner": "Come back sooner {cond}.",
    },
    "fr": {
        "title": "Résumé de votre consultation",
        "found": "Ce que nous avons trouvé",
        "todo": "Ce que vous devez faire",
        "meds": "Vos médicaments",
        "warn": "Quand nous appeler ou revenir",
        "follow": "Prochain rendez-vous",
        "nothing": "Aucun élément à afficher pour cette consultation.",
        "start": "Commencez",
        "standby": "À garder chez vous, sans le commencer maintenant :",
        "only_if": "à prendre seulement si",
        "keep": "Continuez",
        "take": "Prenez",
        "change": "Nouvelle dose :",
        "schedule": "Nouveau rythme :",
        "stop": "Arrêtez",
        "dose_changes": "La dose {de_name} change.",
        "test": "Vous allez faire cet examen :",
        "tests": "Vous allez faire ces examens :",
        "ref": "Vous allez voir :",
        "symptoms": "Vous nous avez parlé de",
        "allergy": "Allergie :",
        "possible": "Le médecin pense qu'il pourrait s'agir {de_name}.",
        "ruled_out": "Le médecin ne pense pas qu'il s'agisse {de_name}.",
        "history": "Antécédent : {name}.",
        "come_back": "Revenez {when}.",
        "sooner": "Revenez avant {cond}.",
        "advise": "Le médecin vous conseille {de_rest}.",
    },
}
PLAIN_TEST = {  # lexicon test label → (en, fr)
    "x-ray": ("an x-ray", "une radio"),
    "echocardiogram": ("an ultrasound of the heart", "une échographie du cœur"),
    "EKG": ("a heart tracing (EKG)", "un électrocardiogramme"),
    "MRI": ("an MRI scan", "une IRM"),
    "CT scan": ("a CT scan", "un scanner"),
    "ultrasound": ("an ultrasound", "une échographie"),
    "hemoglobin A1c": ("a blood sugar test (A1c)", "une prise de sang pour le sucre (HbA1c)"),
    "lipid panel": ("a cholesterol blood test", "une prise de sang pour le cholestérol"),
    "blood work": ("a blood test", "une prise de sang"),
    "CBC": ("a blood count", "une numération sanguine"),
    "metabolic panel": ("a blood chemistry test", "un ionogramme"),
    "urinalysis": ("a urine test", "une analyse d'urine"),
    "stress test": ("a stress test", "un test d'effort"),
    "colonoscopy": ("a colonoscopy", "une coloscopie"),
    "TSH": ("a thyroid blood test", "une prise de sang pour la thyroïde"),
    "mammogram": ("a mammogram", "une mammographie"),
    "pulmonary function tests": ("breathing tests", "des tests du souffle"),
    "biopsy": ("a biopsy", "une biopsie"),
}
REFERRALS = [  # (pattern, en, fr)
    (r"physical therap\w*|physiotherap\w*|kiné\w*", "a physical therapist", "un kinésithérapeute"),
    (r"cardiolog\w*", "a heart doctor (cardiologist)", "un cardiologue"),
    (r"urolog\w*", "a urologist", "un urologue"),
    (r"orthop(?:a)?ed\w*|orthopédi\w*", "a bone and joint doctor (orthopedist)", "un orthopédiste"),
    (r"dermatolog\w*", "a skin doctor (dermatologist)", "un dermatologue"),
    (r"neurolog\w*", "a nerve doctor (neurologist)", "un neurologue"),
    (r"surgeon|chirurgien\w*", "a surgeon", "un chirurgien"),
    (r"gastro-?(?:en|é)t(?:e|é)rolog\w*", "a stomach doctor (gastroenterologist)", "un gastro-entérologue"),
    (r"endocrinolog\w*", "a hormone doctor (endocrinologist)", "un endocrinologue"),
    (r"allergist|allergolog\w*", "an allergy doctor (allergist)", "un allergologue"),
    (r"rheumatolog\w*|rhumatolog\w*", "a joint doctor (rheumatologist)", "un rhumatologue"),
    (r"dietitian|nutritionist|diététicien\w*|nutritionniste", "a dietitian", "un diététicien"),
    (r"specialist|spécialiste", "a specialist", "un spécialiste"),
]


def fill_label(template: str, **words: str) -> str:
    """LABELS template → sentence; {de_x} is x after French "de" ("d'une angine", "de diabète")."""
    de = {f"de_{k}": ("d'" if re.match(r"[aeiouyhàâéèêîïôû]", v, re.I) else "de ") + v for k, v in words.items()}
    text = template.format(**words, **de)
    return text[:1].upper() + text[1:]
