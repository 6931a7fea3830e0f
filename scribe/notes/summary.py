"""Patient visit summary in the patient's language (en/fr): what was found, what to do, each medication
and how to take it, warning signs, follow-up. Plain words, short sentences, no codes.

Findings, medications, tests and follow-up come from facts (ids listed per item). Warning signs are
standard safety advice chosen by the diagnoses and symptoms found (lexicon), not claims about the visit.
"""

from __future__ import annotations

import re

from scribe.notes import lexicon as lx
from scribe.notes.text import clean, numbers_to_digits
from scribe.schemas_docs import Fact, PatientSummary, SummaryItem

_FREQ_PLAIN = {
    "en": [(r"\bbid\b|twice a day|two times a day|2 times a day", "twice a day"), (r"\btid\b|three times a day", "3 times a day"),
           (r"\bqid\b|four times a day", "4 times a day"), (r"\bdaily\b|once a day|a day|per day|one time a day", "once a day"),
           (r"at night|at bedtime|nightly", "at bedtime"), (r"as needed|prn|when needed", "only when you need it")],
    "fr": [(r"\bbid\b|twice a day|deux fois par jour|2 fois par jour", "2 fois par jour"),
           (r"\btid\b|three times a day|trois fois par jour|3 fois par jour", "3 fois par jour"),
           (r"\bdaily\b|once a day|a day|per day|une fois par jour|par jour|1 fois par jour", "1 fois par jour"),
           (r"at night|at bedtime|au coucher|le soir", "le soir"), (r"as needed|prn|si besoin", "seulement si besoin")],
}

T = {
    "en": {"title": "Your visit summary", "found": "What we found", "todo": "What to do", "meds": "Your medicines",
           "warn": "Call us or come back if", "follow": "Next visit", "take": "Take", "stop": "Stop taking",
           "change": "New dose:", "keep": "Keep taking", "start": "Start", "test": "You will have this test:",
           "ref": "You will see:", "generic_warn": "you feel worse or you are worried",
           "emergency": "you have trouble breathing, chest pain or you faint: call emergency services",
           "nothing": "The doctor did not name a problem today.", "you_have": "You have", "symptoms": "You told us about",
           "not": "You do not have", "allergy": "You are allergic to"},
    "fr": {"title": "Résumé de votre consultation", "found": "Ce que nous avons trouvé", "todo": "Ce que vous devez faire",
           "meds": "Vos médicaments", "warn": "Appelez-nous ou revenez si", "follow": "Prochain rendez-vous",
           "take": "Prenez", "stop": "Arrêtez", "change": "Nouvelle dose :", "keep": "Continuez", "start": "Commencez",
           "test": "Vous allez faire cet examen :", "ref": "Vous allez voir :", "generic_warn": "vous allez plus mal ou vous êtes inquiet",
           "emergency": "vous avez du mal à respirer, une douleur dans la poitrine ou un malaise : appelez le 15",
           "nothing": "Le médecin n'a pas nommé de problème aujourd'hui.", "you_have": "Vous avez",
           "symptoms": "Vous nous avez parlé de", "not": "Vous n'avez pas", "allergy": "Vous êtes allergique à"},
}

_PLAIN_TEST = {
    "en": {"echocardiogram": "an ultrasound of the heart (echocardiogram)", "x-ray": "an x-ray", "EKG": "a heart tracing (EKG)",
           "MRI": "an MRI scan", "CT scan": "a CT scan", "blood work": "a blood test", "hemoglobin A1c": "a blood sugar test (A1c)",
           "lipid panel": "a cholesterol blood test", "urinalysis": "a urine test", "ultrasound": "an ultrasound"},
    "fr": {"echocardiogram": "une échographie du cœur", "x-ray": "une radio", "EKG": "un électrocardiogramme",
           "MRI": "une IRM", "CT scan": "un scanner", "blood work": "une prise de sang", "hemoglobin A1c": "une prise de sang pour le sucre (HbA1c)",
           "lipid panel": "une prise de sang pour le cholestérol", "urinalysis": "une analyse d'urine", "ultrasound": "une échographie"},
}

_SYM_WARN = {
    "chest pain": ("the chest pain gets worse or lasts more than a few minutes", "la douleur dans la poitrine augmente ou dure plus de quelques minutes"),
    "shortness of breath": ("you are more short of breath", "vous êtes plus essoufflé"),
    "fever": ("your fever goes above 39 °C (102 °F) or lasts more than 3 days", "la fièvre dépasse 39 °C ou dure plus de 3 jours"),
    "abdominal pain": ("the belly pain gets worse, or you vomit or have a fever", "la douleur au ventre augmente, ou vous vomissez ou avez de la fièvre"),
    "headache": ("the headache is sudden and very strong", "le mal de tête est brutal et très fort"),
    "dizziness": ("you faint or feel very dizzy", "vous faites un malaise ou avez de forts vertiges"),
}


def _to_you(text: str) -> str:
    """Note prose about the patient → words to the patient ("he is gaining" → "you are gaining")."""
    t = re.sub(r"\bthe patient portal\b", "PORTAL", text)
    t = re.sub(r"\b(?:he|she|the patient) (?:is|was)\b", lambda m: "you are" if m.group(0).endswith("is") else "you were", t)
    t = re.sub(r"\b(?:he|she|the patient) has\b", "you have", t)
    t = re.sub(r"\b(?:he|she|the patient) does\b", "you do", t)
    def base(v: str) -> str:
        if v.endswith("ies"):
            return v[:-3] + "y"
        if re.search(r"(?:ss|sh|ch|x|z|o)es$", v):
            return v[:-2]
        return v[:-1] if v.endswith("s") and not v.endswith("ss") else v

    t = re.sub(r"\b(?:he|she|the patient) (\w+s)\b", lambda m: f"you {base(m.group(1))}", t)
    t = re.sub(r"\b(?:he|she|the patient)\b", "you", t)
    t = re.sub(r"\b(?:his|her)\b", "your", t)
    t = re.sub(r"\bhim\b", "you", t)
    t = re.sub(r"\b(?:himself|herself|themselves)\b", "yourself", t)
    return t.replace("PORTAL", "the patient portal")


def _plain_freq(freq: str | None, lang: str) -> str | None:
    if not freq:
        return None
    for rx, plain in _FREQ_PLAIN[lang]:
        if re.search(rx, freq, re.I):
            return plain
    return freq


def _med_name(f: Fact) -> str:
    n = f.attributes.get("surface") or f.label
    return n[0].upper() + n[1:]


def summarize(facts: list[Fact], language: str = "en") -> PatientSummary:
    lang = "fr" if language == "fr" else "en"
    t = T[lang]
    out = PatientSummary(language=lang)
    dx = [f for f in facts if f.kind == "assessment"]
    for f in dx:
        c = lx.CONDITION_BY_LABEL.get(f.label)
        name = (c.plain_fr if lang == "fr" else c.plain_en) if c else f.label
        out.found.append(SummaryItem(text=f"{name[0].upper() + name[1:]}.", fact_ids=[f.id]))
    if not dx:
        pos = [f for f in facts if f.kind == "symptom" and f.status == "present" and f.label != "pain"][:4]
        if pos:
            names = [(lx.SYMPTOM_BY_LABEL[f.label].fr if lang == "fr" else f.label) for f in pos if f.label in lx.SYMPTOM_BY_LABEL]
            out.found.append(SummaryItem(text=f"{t['symptoms']} {', '.join(names)}.", fact_ids=[f.id for f in pos]))
        out.found.append(SummaryItem(text=t["nothing"], fact_ids=[]))
    for f in facts:
        if f.kind == "allergy" and f.status == "present":
            name = f.evidence[-1].quote if language == "fr" else f.label
            out.found.append(SummaryItem(text=f"{t['allergy']} {name}.", fact_ids=[f.id]))

    acted = {f.label for f in facts if f.kind == "medication" and f.status in ("changed", "stopped")}
    for f in facts:
        if f.kind != "medication" or f.status not in ("current", "new", "changed", "stopped"):
            continue
        if f.status == "current" and f.label in acted:
            continue  # the change or stop replaces the old instruction
        a = f.attributes
        dose = f"{a['dose']} {a.get('unit', '')}".strip() if a.get("dose") else ""
        how = _plain_freq(a.get("frequency"), lang)
        if f.status == "stopped":
            text = f"{t['stop']} {_med_name(f)}."
        else:
            verb = {"current": t["keep"] if a.get("said_by") == "clinician" or True else t["take"],
                    "new": t["start"], "changed": t["change"]}[f.status]
            text = f"{verb} {_med_name(f)}" + (f" {dose}" if dose else "") + (f", {how}" if how else "") + "."
        out.medications.append(SummaryItem(text=text, fact_ids=[f.id]))

    for f in facts:
        if f.kind != "plan":
            continue
        v = f.value or ""
        if f.label == "test":
            tests = [label for rx, label in lx.TESTS if re.search(rf"\b(?:{rx})\b", v, re.I)]
            if tests:
                plain = [_PLAIN_TEST[lang].get(x, x) for x in dict.fromkeys(tests)]
                out.todo.append(SummaryItem(text=f"{t['test']} {', '.join(plain)}.", fact_ids=[f.id]))
        elif f.label == "referral":
            m = re.search(r"physical therapy|kiné\w*|cardiolog\w+|surgeon|specialist|orthoped\w+|dermatolog\w+|"
                          r"neurolog\w+|spécialiste|chirurgien", v, re.I)
            if m:
                who = {"physical therapy": "a physical therapist" if lang == "en" else "un kinésithérapeute"}.get(
                    m.group(0).lower(), m.group(0))
                out.todo.append(SummaryItem(text=f"{t['ref']} {who}.", fact_ids=[f.id]))
        elif f.label == "follow-up":
            m = re.search(r"\b(?:in|dans) (?:\w+ )?(?:\d+|a|one|two|three|four|six|un|une|deux|trois|quatre|six) "
                          r"(?:weeks?|months?|days?|semaines?|mois|jours?)\b", numbers_to_digits(v), re.I)
            when = m.group(0) if m else None
            text = (f"Come back {when}." if when else "Come back for a follow-up visit.") if lang == "en" else \
                (f"Revenez {when}." if when else "Revenez pour une consultation de contrôle.")
            out.follow_up.append(SummaryItem(text=text, fact_ids=[f.id]))
        elif f.label == "advice":
            m = re.search(r"\b(?:advised (?:him|her|the patient|them) to|should|make sure|need to|keep|avoid|"
                          r"il faut|évitez|pensez à)\b(?P<what>[^.]{5,120})", v, re.I)
            if m and lang == "en":
                what = _to_you(m.group("what").strip())
                if re.match(r"(?:to )", what):
                    what = what[3:]
                out.todo.append(SummaryItem(text=what[0].upper() + what[1:].rstrip(".") + ".", fact_ids=[f.id]))
            elif lang == "fr" and m:
                out.todo.append(SummaryItem(text=clean(v), fact_ids=[f.id]))

    warn: list[SummaryItem] = []
    for f in dx:
        c = lx.CONDITION_BY_LABEL.get(f.label)
        for w in (c.warn_fr if lang == "fr" else c.warn_en) if c else ():
            warn.append(SummaryItem(text=w[0].upper() + w[1:] + ".", fact_ids=[f.id]))
    for f in facts:
        if f.kind == "symptom" and f.status == "present" and f.label in _SYM_WARN:
            w = _SYM_WARN[f.label][1 if lang == "fr" else 0]
            warn.append(SummaryItem(text=w[0].upper() + w[1:] + ".", fact_ids=[f.id]))
    warn.append(SummaryItem(text=t["generic_warn"][0].upper() + t["generic_warn"][1:] + "."))
    warn.append(SummaryItem(text=t["emergency"][0].upper() + t["emergency"][1:] + "."))
    seen = set()
    out.todo = [i for i in out.todo if not (i.text in seen or seen.add(i.text))]
    seen = set()
    out.warning_signs = [w for w in warn if not (w.text in seen or seen.add(w.text))]
    out.markdown = to_markdown(out)
    return out


def to_markdown(s: PatientSummary) -> str:
    t = T[s.language]
    lines = [f"# {t['title']}", ""]
    for key, items in (("found", s.found), ("todo", s.todo), ("meds", s.medications), ("warn", s.warning_signs),
                       ("follow", s.follow_up)):
        if not items:
            continue
        lines += [f"## {t[key]}", ""] + [f"- {i.text}" for i in items] + [""]
    return "\n".join(lines).rstrip() + "\n"
