"""Patient visit summary in the patient's language (en/fr), built only from verified facts.

Why so strict: a physician review found the old summary unsafe. It added warning signs, thresholds and an
emergency number nobody said, wrote "once a day" for drugs taken 3 times a day, told patients to keep taking
drugs they had never taken, stated possible diagnoses as certain and turned "you don't need to start any
medication" into "Start any medication". So each line here comes from facts (their ids are listed):
- found: diagnoses in plain words, a possible one worded as possible; allergies.
- medications: the verb from the status; how often from per_day/as_needed/max_per_day, else the frequency
  text; a frequency we cannot read is left out, never guessed.
- todo, follow_up, warning_signs: the clinician's own plan sentences, minimally rephrased. A sentence that
  does not parse cleanly, hedges, or carries a negation we cannot keep is left out: shorter is safer.
"""

from __future__ import annotations

import re

from scribe.notes import lexicon as lx
from scribe.notes.text import clean, numbers_to_digits
from scribe.schemas_docs import Fact, PatientSummary, SummaryItem

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
        "keep": "Keep taking",
        "take": "Take",
        "change": "New dose:",
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
        "keep": "Continuez",
        "take": "Prenez",
        "change": "Nouvelle dose :",
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
_PLAIN_TEST = {  # lexicon test label → (en, fr)
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
_REFERRALS = [  # (pattern, en, fr)
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

# --------------------------------------------------------------------------- how often

_WORD_NUM = {
    "once": 1,
    "one": 1,
    "un": 1,
    "une": 1,
    "twice": 2,
    "two": 2,
    "deux": 2,
    "thrice": 3,
    "three": 3,
    "trois": 3,
    "four": 4,
    "quatre": 4,
    "five": 5,
    "cinq": 5,
    "six": 6,
}
_N = "|".join(_WORD_NUM)
_PER = r"\s*(?:times?|x|fois)\s*(?:a|per|each|every|par|/)?\s*"
_WHEN = [
    ("morning and evening", r"morning and (?:evening|night)|(?:le )?matin et (?:le )?soir", "matin et soir"),
    ("at bedtime", r"at bedtime|before bed(?:time)?|qhs|au coucher", "au coucher"),
    ("in the morning", r"(?:in the|every|each) morning|(?:le|tous les|chaque) matins?", "le matin"),
    ("in the evening", r"(?:in the|every|each) evening|(?:le|tous les|chaque) soirs?", "le soir"),
    ("at night", r"at night|nightly|every night", "le soir"),
]
_COUNTS = [  # (pattern, doses a day from the match): the first that matches wins
    (r"\b(once|twice|thrice)\s+(?:a |per |each |every )?(?:day|daily)\b", lambda m: _num(m[1])),
    (rf"\b(\d+|{_N}){_PER}(?:day|daily|jour|d)\b", lambda m: _num(m[1])),
    (r"\b(bid|tid|qid|qd|od)\b", lambda m: {"bid": 2, "tid": 3, "qid": 4}.get(m[1], 1)),
    (r"\bevery other day|every (?:2|second) days?|un jour sur (?:2|deux)|tous les (?:2|deux) jours\b", lambda m: 0.5),
    (r"\b(once|twice)\s+(?:a |per |each )?week\b", lambda m: _num(m[1]) / 7),
    (rf"\b(\d+|{_N}){_PER}(?:week|semaine)\b", lambda m: _num(m[1]) / 7),
    (r"\b(?:weekly|every week|chaque semaine|toutes les semaines)\b", lambda m: 1 / 7),
    (r"\b(?:daily|every day|each day|tous les jours|chaque jour|quotidiennement)\b", lambda m: 1.0),
]
_AS_NEEDED = re.compile(
    r"\b(?:as needed|if needed|when needed|as required|prn|if you need (?:it|them)|si besoin|"
    r"en cas de besoin|au besoin|si nécessaire)\b"
)
_MAX = re.compile(
    rf"\b(?:up to|no more than|not more than|not to exceed|at most|maximum(?: of)?|max|jusqu'à|pas plus de|"
    rf"au maximum|au plus)\s+(?P<n>\d+(?:[.,]\d+)?|{_N})\s*(?P<unit>g|mg|grams?|grammes?|tablets?|pills?|"
    r"capsules?|doses?|puffs?|times?|comprimés?|gélules?|fois|prises?)?\s*(?:a day|per day|daily|each day|"
    r"in (?:a day|24 hours)|par jour|(?:sur|en|par) 24 ?h(?:eures)?)\b"
)


def _num(word: str) -> float:
    return float(word.replace(",", ".")) if word[0].isdigit() else float(_WORD_NUM[word])


def _read_frequency(text: str) -> dict:
    """'3 times daily' → per_day 3; 'every 6 hours as needed, up to 4 a day' → hours, as_needed, max.
    A bare "a day"/"par jour" says nothing about how often: it is not read as once a day."""
    t, out = numbers_to_digits(text.lower()), {}
    if m := _MAX.search(t):
        out["max"] = f"{m['n']} {m['unit']}" if m["unit"] else m["n"]
        t = t[: m.start()] + t[m.end() :]
    if _AS_NEEDED.search(t):
        out["as_needed"] = True
    if m := re.search(
        r"\b(?:every|q|toutes les)\s*(\d+)(?:\s*(?:to|-|or|à|ou)\s*(\d+))?\s*(?:hours?|hrs?|h|heures?)\b", t
    ):
        out["hours"] = m[1] + (f"-{m[2]}" if m[2] else "")
    else:
        out.update(next(({"per_day": n(m)} for rx, n in _COUNTS if (m := re.search(rx, t))), {}))
    out.update(next(({"when": en} for en, rx, _ in _WHEN if re.search(rf"\b(?:{rx})\b", t)), {}))
    return out


def _times(n: float, lang: str) -> str | None:
    """1 → 'once a day', 0.5 → 'every other day', 2/7 → 'twice a week'; None when it is not a clean count."""
    day, week, fr = round(n), round(n * 7), lang == "fr"
    if n >= 1 and abs(n - day) < 0.01:
        return f"{day} fois par jour" if fr else {1: "once a day", 2: "twice a day"}.get(day, f"{day} times a day")
    if abs(n - 0.5) < 0.01:
        return "un jour sur deux" if fr else "every other day"
    if week >= 1 and abs(n * 7 - week) < 0.05:
        return (
            f"{week} fois par semaine"
            if fr
            else {1: "once a week", 2: "twice a week"}.get(week, f"{week} times a week")
        )
    return None


def how_often(attributes: dict, lang: str) -> str | None:
    """Plain words for how often to take a drug, or None when it cannot be read (never a default).
    Structured attributes (per_day, as_needed, max_per_day, max_unit) win over the frequency text."""
    p, a, fr = _read_frequency(str(attributes.get("frequency") or "")), attributes, lang == "fr"
    if isinstance(a.get("per_day"), (int, float)) and not isinstance(a["per_day"], bool) and a["per_day"] > 0:
        if "hours" in p and (
            "-" in p["hours"] or not 0 < float(p["hours"]) or abs(24 / float(p["hours"]) - a["per_day"]) > 0.01
        ):
            p.pop("hours")  # an interval that disagrees with the count is dropped
        p["per_day"] = float(a["per_day"])
    if isinstance(a.get("as_needed"), bool):
        p["as_needed"] = a["as_needed"]
    if a.get("max_per_day") not in (None, "", False):
        p["max"] = f"{str(a['max_per_day']).removesuffix('.0')} {a.get('max_unit') or ''}".strip()
    hours = p.get("hours", "").replace("-", " à " if fr else " to ")
    parts = [
        (f"toutes les {hours} heures" if fr else f"every {hours} hours")
        if hours
        else _times(p["per_day"], lang)
        if p.get("per_day")
        else None,
        next((f if fr else en for en, _, f in _WHEN if en == p.get("when")), None),
        ("seulement si besoin" if fr else "only if you need it") if p.get("as_needed") else None,
        (f"au maximum {p['max']} par jour" if fr else f"up to {p['max']} a day") if p.get("max") else None,
    ]
    return ", ".join(x for x in parts if x) or None


# --------------------------------------------------------------------------- found, medications


def _fill(template: str, **words: str) -> str:
    """LABELS template → sentence; {de_x} is x after French "de" ("d'une angine", "de diabète")."""
    de = {f"de_{k}": ("d'" if re.match(r"[aeiouyhàâéèêîïôû]", v, re.I) else "de ") + v for k, v in words.items()}
    text = template.format(**words, **de)
    return text[:1].upper() + text[1:]


def certainty(f: Fact) -> str:
    """confirmed, possible or ruled-out, from the `certainty` attribute and the status; unsure → possible."""
    said = str(f.attributes.get("certainty") or "").lower().replace(" ", "-")
    if said in ("ruled-out", "excluded") or f.status == "absent":
        return "ruled-out"
    return "possible" if said not in ("", "confirmed") or f.status in ("uncertain", "possible") else "confirmed"


def _found(facts: list[Fact], lang: str) -> list[SummaryItem]:
    words, out = LABELS[lang], []
    dx = [f for f in facts if f.kind == "assessment"]
    for f in dx:
        c = lx.CONDITION_BY_LABEL.get(f.label)
        name = (c.plain_fr if lang == "fr" else c.plain_en) if c else (f.attributes.get("term") or f.label)
        sure = certainty(f)
        key = {"ruled-out": "ruled_out", "possible": "possible"}.get(
            sure, "history" if f.status == "historical" else ""
        )
        out.append(SummaryItem(text=_fill(words[key] if key else "{name}.", name=name), fact_ids=[f.id]))
    told = [
        f
        for f in facts
        if f.kind == "symptom" and f.status == "present" and f.label in lx.SYMPTOM_BY_LABEL and f.label != "pain"
    ][:4]
    if told and not dx:
        names = [lx.SYMPTOM_BY_LABEL[f.label].fr if lang == "fr" else f.label for f in told]
        out.append(SummaryItem(text=f"{words['symptoms']} {', '.join(names)}.", fact_ids=[f.id for f in told]))
    for f in facts:
        if f.kind == "allergy" and f.status == "present":
            name = f.evidence[-1].quote if lang == "fr" and f.evidence else f.label
            out.append(SummaryItem(text=f"{words['allergy']} {name}.", fact_ids=[f.id]))
    return out


_STARTS = re.compile(
    r"\b(?:start\w*|begin|prescrib\w*|put you on|new prescription|commencer|débuter|prescri\w+|"
    r"je vous mets)\b",
    re.I,
)
_GOES_ON = re.compile(
    r"\b(?:continue|keep|still|already|refill|renew|same|continuez|poursuiv\w+|renouvel\w+|déjà)\b", re.I
)


def _verb(f: Fact, plan_quotes: list[str]) -> str:
    """'Keep taking' only a drug the patient said they take or the clinician said to continue; a 'current'
    drug the clinician's plan starts is started; when unsure, a plain 'Take'."""
    if f.status != "current":
        return {"new": "start", "changed": "change", "stopped": "stop"}[f.status]
    name = str(f.attributes.get("surface") or f.label).lower()
    said = [q for q in plan_quotes if name in q.lower()]
    started, kept = any(_STARTS.search(q) for q in said), any(_GOES_ON.search(q) for q in said)
    takes = f.attributes.get("said_by") == "patient" or any(e.role == "patient" for e in f.evidence)
    return "start" if started and not kept else "keep" if kept or (takes and not started) else "take"


def _medications(facts: list[Fact], lang: str) -> list[SummaryItem]:
    words, out = LABELS[lang], []
    replaced = {f.label for f in facts if f.kind == "medication" and f.status in ("changed", "stopped")}
    plan_quotes = [e.quote for f in facts if f.kind == "plan" for e in f.evidence if e.role == "clinician"]
    for f in facts:
        a = f.attributes
        if (
            f.kind != "medication"
            or f.status not in ("current", "new", "changed", "stopped")
            or f.status == "current"
            and (f.label in replaced or a.get("later") in ("changed", "stopped"))
        ):
            continue  # a change or a stop replaces the old instruction
        name, verb = str(a.get("surface") or f.label), _verb(f, plan_quotes)
        name, dose = name[:1].upper() + name[1:], f"{a['dose']} {a.get('unit') or ''}".strip() if a.get("dose") else ""
        if verb == "stop":
            text = f"{words['stop']} {name}."
        elif verb == "change" and not dose:
            text = _fill(words["dose_changes"], name=name)
        else:
            how = how_often(a, lang)
            text = " ".join(x for x in (words[verb], name, dose) if x) + (f", {how}" if how else "") + "."
        out.append(SummaryItem(text=text, fact_ids=[f.id]))
    return out


# --------------------------------------------------------------------------- the clinician's plan sentences

_NEG = {
    "en": re.compile(r"\b(?:no|not|never|nothing|none|without|unless|cannot|hold off)\b|n't\b", re.I),
    "fr": re.compile(r"\b(?:ne|n'|pas|jamais|aucun\w*|sans|rien|inutile)\b", re.I),
}
_HEDGE = {
    "en": re.compile(r"\b(?:maybe|might|may|could|perhaps|possibly|consider|if you want|if you like)\b", re.I),
    "fr": re.compile(r"\b(?:peut-être|pourri\w+|pouvez|éventuellement|si vous (?:voulez|le souhaitez))\b", re.I),
}
_IF = re.compile(r"\b(?:if|unless|si|sauf)\b", re.I)
_BACK = re.compile(
    r"\b(?:come back|come in|see you|follow[- ]?up|return visit|revenez|revenir|revoi\w*|reverr\w+|"
    r"rendez-vous|reconsult\w*)\b",
    re.I,
)
_WHEN_BACK = re.compile(
    r"\b(?:in|within|dans|d'ici)\s+(?:about |around |environ )?(?:a couple (?:of )?|a few |quelques |"
    r"\d+(?:\s*(?:to|or|-|à|ou)\s*\d+)?\s*|an?\s+|one\s+|une?\s+)(?:days?|weeks?|months?|years?|jours?|"
    r"semaines?|mois|ans?)\b|\bnext (?:week|month|year)\b|\bla semaine prochaine\b|\ble mois prochain\b",
    re.I,
)
_ORDER = re.compile(
    r"\b(?:order\w*|schedul\w*|draw|check|run|repeat|recheck|get (?:a|an|some)|do (?:a|an|some)|"
    r"need (?:a|an|to get|to have)|demander|prescri\w+|faire|refaire|contrôler|vérifier|prévoir)\b",
    re.I,
)
_REFER = re.compile(
    r"\b(?:refer\w*|send you to|see (?:a|an|the)|(?:appointment|follow[- ]?up) with|adress\w*|orient\w*|voir (?:un|"
    r"une|le)|"
    r"consulter (?:un|une))\b",
    re.I,
)
_ACT = {
    "en": r"(?:(?:do not|don't) hesitate to |please )?(?:call|phone|contact|page|let (?:me|us) know|come back|come in|"
    r"come see (?:me|us)|go (?:straight |right )?to the (?:er|emergency room|emergency department|hospital)|"
    r"seek (?:medical )?(?:help|care|attention))\b",
    "fr": r"(?:n'hésitez pas à (?:nous |me |m')?(?:appeler|rappeler|contacter|recontacter|revenir|reconsulter|"
    r"consulter)|"
    r"appelez|rappelez|téléphonez|contactez|consultez|reconsultez|revenez|allez aux urgences|"
    r"rendez-vous aux urgences)\b",
}
_COND = {"en": r"\b(?:if|should|in case)\b", "fr": r"\b(?:si|en cas d[e'])"}
_WARN = {
    lang: [
        re.compile(rf"(?P<act>{_ACT[lang]}[^.;!?,]{{0,40}}?)(?P<cond>{_COND[lang]}[^.;!?]+)", re.I),  # act if …
        re.compile(rf"(?P<cond>{_COND[lang]}[^,;.!?]+),\s*(?P<act>{_ACT[lang]}[^.;!?]*)", re.I),
    ]  # if …, act
    for lang in ("en", "fr")
}
_CLAUSE_START = re.compile(
    r"^(?:\s*(?:please|and|so|also|then|just|otherwise|but|or|always|you (?:should|can|need to|must)|"
    r"make sure (?:to|you)|be sure to|i want you to|alors|et|mais|donc|surtout)\b)*\s*$",
    re.I,
)
_SOONER = re.compile(
    r"\b(?:or (?:sooner|earlier|before then)|ou (?:avant|plus tôt))\s+(?P<cond>(?:if|should|si|en cas d[e'])"
    r"\b[^.;!?]+)",
    re.I,
)
_EN_FRAME = re.compile(
    r"^(?:please )?(?:(?P<neg>i (?:do not|don't) want you to|you (?:should not|shouldn't|must not)|"
    r"make sure (?:that )?you (?:do not|don't)|do not|don't)\s+|(?:i (?:want|would like|'d like|need) you "
    r"to|you (?:should|need to|must|have to|will need to|ought to)|make sure (?:that )?you|be sure to|"
    r"remember to|try to|i (?:recommend|suggest|advise) (?:that )?you(?: to)?)\s+)?"
    r"(?:really |definitely |just |also |always )*(?P<rest>.+)$",
    re.I,
)
_EN_ACTION = re.compile(
    r"^(?:avoid|stop|keep|continue|drink|eat|take|rest|use|apply|walk|exercise|limit|cut (?:down|back)|"
    r"reduce|monitor|elevate|ice|wear|schedule|start|increase|decrease|try|wash|sleep|stay|lose|quit|"
    r"write|bring|record|measure|weigh|stretch|lift|drive|cover|clean|soak|gargle|sit|lie|book|finish|"
    r"complete|add|massage|practice|follow|check|be careful|get (?!better|worse)|see (?:a|an|your)|"
    r"go (?:for|on)|do (?:your|the|some)|make (?:an?|sure))\b",
    re.I,
)
_FR_FRAME = re.compile(
    r"^(?:(?P<doc>je vous (?:conseille|recommande|demande) (?:de |d'))|(?:il (?:ne )?faut (?:pas )?|"
    r"il faudra|vous (?:ne )?devez (?:pas )?|vous devrez|pensez à|essayez de|n'oubliez pas de)"
    r"|(?=\w+ez\b)(?!revenez|appelez|rappelez|consultez|reconsultez|allez)|(?:ne|n')\s*\w+ez(?:-vous)? "
    r"(?:pas|jamais|plus)\b)(?P<rest>.+)$",
    re.I,
)
_FR_CALL = {
    "appeler": "appelez-nous",
    "rappeler": "rappelez-nous",
    "contacter": "contactez-nous",
    "revenir": "revenez",
    "recontacter": "recontactez-nous",
    "reconsulter": "reconsultez",
    "consulter": "consultez",
}


def _said(f: Fact) -> str | None:
    """The clinician's own sentence behind a plan fact, cleaned (spoken numbers as digits)."""
    quotes = [e.quote for e in f.evidence if e.role == "clinician"] if f.evidence else [f.value or ""]
    return numbers_to_digits(clean(quotes[0].replace("’", "'"))).strip() if quotes and quotes[0] else None


def _tidy(text: str, lang: str) -> str | None:
    """Words to the patient: 'call me' → 'call us'; None when the doctor's 'I' would stay in it."""
    t = re.sub(r"[\s,]+(?:okay|ok|alright|all right|right|please|d'accord)$", "", text.strip(" ,;.!")).strip(" ,;.!")
    if lang == "en":
        t = re.sub(r"\b(call|let|see|tell|text|contact|page) me\b", r"\1 us", t, flags=re.I).replace(
            "my office", "our office"
        )
        t = re.sub(r"^(?:please )?(?:do not|don't) hesitate to ", "", t, flags=re.I)
    else:
        t = re.sub(r"\b(appelez|rappelez|contactez)-moi\b", r"\1-nous", t, flags=re.I)
        t = re.sub(
            r"\bn'hésitez pas à (?:nous |me |m')?(\w+)", lambda m: _FR_CALL.get(m[1].lower(), m[0]), t, flags=re.I
        )
    if re.search(r"\b(?:i|i'm|i'll|i've|me|my|je|j'|moi)\b", t, re.I) or "?" in t or not 2 <= len(t.split()) <= 30:
        return None
    return t[:1].upper() + t[1:] + "."


def _warnings(said: str, lang: str) -> tuple[list[str], str]:
    """Return precautions the clinician said ("call 911 if …"), and the sentence without them."""
    out, rest = [], said
    for rx in _WARN[lang]:
        for m in rx.finditer(said):
            before = re.split(r"[,;]", said[: m.start()])[-1]
            act = re.sub(r"^(?:(?:do not|don't) hesitate|n'hésitez pas)", "", m["act"], flags=re.I)
            if (
                _CLAUSE_START.match(before)
                and not _NEG[lang].search(act)
                and not re.search(r"\b(?:sooner|avant)\b", act)
                and (text := _tidy(m[0], lang))
            ):
                out.append(text)
                rest = rest.replace(m[0], "")
    for m in _SOONER.finditer(said):
        if (
            _BACK.search(said[: m.start()])
            and not _NEG[lang].search(said[: m.start()])
            and (text := _tidy(LABELS[lang]["sooner"].format(cond=m["cond"]), lang))
        ):
            out.append(text)
            rest = rest.replace(m[0], "")
    return out, re.sub(r"[\s,;.!]*(?:\b(?:and|or|et|ou)\b)?[\s,;.!]*$", "", rest).strip()


def _follow_up(said: str, lang: str) -> str | None:
    """'Please come back in two weeks' → 'Come back in 2 weeks.' (a conditional visit keeps its condition)."""
    for clause in re.split(r"[,;]", said):
        m = _WHEN_BACK.search(clause)
        if (
            not m
            or not _BACK.search(clause)
            or any(re.search(rx, clause, re.I) for rx, _, _ in _REFERRALS)
            or _NEG[lang].search(clause[: m.end()])
            or _HEDGE[lang].search(clause)
        ):
            continue
        text, cond = LABELS[lang]["come_back"].format(when=m[0].lower()), _IF.search(clause[m.end() :])
        return _tidy(text[:-1] + " " + clause[m.end() + cond.start() :], lang) if cond else text
    return None


def _orders(said: str, lang: str, tests: bool) -> list[str]:
    """'I'm going to order a stress test' → 'You will have this test: a stress test.'; referrals alike."""
    if _NEG[lang].search(said) or _IF.search(said) or _HEDGE[lang].search(said):
        return []
    out = []
    found = list(dict.fromkeys(label for rx, label in lx.TESTS if re.search(rf"\b(?:{rx})\b", said, re.I)))
    if (
        tests
        and found
        and _ORDER.search(said)
        and not re.search(r"\b(?:results?|résultats?|came back|showed|at home|à la maison|yourself)\b", said, re.I)
    ):
        plain = [_PLAIN_TEST[t][lang == "fr"] if t in _PLAIN_TEST else t for t in found]
        out.append(f"{LABELS[lang]['tests' if len(plain) > 1 else 'test']} {', '.join(plain)}.")
    who = next(((en, fr) for rx, en, fr in _REFERRALS if re.search(rf"\b(?:{rx})", said, re.I)), None)
    if who and _REFER.search(said):
        out.append(f"{LABELS[lang]['ref']} {who[lang == 'fr']}.")
    return out


def _advice(said: str, lang: str) -> str | None:
    """A directive kept with its polarity ("avoid alcohol" → "Avoid alcohol."), or None when in doubt."""
    t = re.sub(r"^(?:(?:so|and|also|now|then|okay|ok|alright|well|alors|donc|et|bon)\b[,\s]*)+", "", said).strip()
    if "?" in t or _HEDGE[lang].search(t) or re.search(r"\b(?:it|them|he|she|they|the patient)\b", t, re.I):
        return None
    if lang == "en":
        m = _EN_FRAME.match(t)
        if not m or not _EN_ACTION.match(m["rest"]) or _NEG["en"].search(m["rest"]):
            return None
        return _tidy(("Do not " if m["neg"] else "") + m["rest"], lang)
    m = _FR_FRAME.match(t)
    if not m or _NEG["fr"].search(m["rest"]) or re.search(r"\b(?:me|m'|mon|ma|mes|on)\b", m["rest"], re.I):
        return None
    return _tidy(_fill(LABELS["fr"]["advise"], rest=m["rest"]) if m["doc"] else t, lang)


# --------------------------------------------------------------------------- summary


def summarize(facts: list[Fact], language: str = "en") -> PatientSummary:
    lang = "fr" if str(language).startswith("fr") else "en"
    out = PatientSummary(language=lang, found=_found(facts, lang), medications=_medications(facts, lang))
    for f in facts:
        said = _said(f) if f.kind == "plan" else None
        if not said:
            continue
        warnings, rest = _warnings(said, lang)
        out.warning_signs += [SummaryItem(text=w, fact_ids=[f.id]) for w in warnings]
        if come_back := _follow_up(rest, lang):
            out.follow_up.append(SummaryItem(text=come_back, fact_ids=[f.id]))
        todo = _orders(rest, lang, tests=f.label != "advice")
        todo += [_advice(rest, lang)] if f.label == "advice" and not come_back else []
        out.todo += [SummaryItem(text=t, fact_ids=[f.id]) for t in todo if t]
    for part in ("todo", "warning_signs", "follow_up"):
        seen: set[str] = set()
        setattr(out, part, [i for i in getattr(out, part) if not (i.text in seen or seen.add(i.text))])
    out.markdown = to_markdown(out)
    return out


def to_markdown(s: PatientSummary) -> str:
    words = LABELS["fr" if s.language == "fr" else "en"]
    lines = [f"# {words['title']}", ""]
    for key, items in (
        ("found", s.found),
        ("todo", s.todo),
        ("meds", s.medications),
        ("warn", s.warning_signs),
        ("follow", s.follow_up),
    ):
        if items:
            lines += [f"## {words[key]}", ""] + [f"- {i.text}" for i in items] + [""]
    return "\n".join(lines).rstrip() + "\n"
