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

from scribe.notes import lexicon
from scribe.notes.medication import dose_text, duration_words
from scribe.notes.number_words import numbers_to_digits
from scribe.notes.summary_frequency import how_often
from scribe.notes.summary_words import LABELS, PLAIN_TEST, REFERRALS, fill_label
from scribe.notes.text import clean
from scribe.schemas_docs import Fact, PatientSummary, SummaryItem

# --------------------------------------------------------------------------- found, medications


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
        c = lexicon.CONDITION_BY_LABEL.get(f.label)
        own = f.attributes.get("fr") if lang == "fr" else f.attributes.get("term")  # a symptom worked up as the problem
        name = (c.plain_fr if lang == "fr" else c.plain_en) if c else (own or f.attributes.get("term") or f.label)
        sure = certainty(f)
        if sure != "confirmed" and c and lang == "en" and own and own.lower() != f.label and f.label in own.lower():
            name = own  # ruling out "septic arthritis" is not ruling out the plain "joint inflammation (arthritis)"
        key = {"ruled-out": "ruled_out", "possible": "possible"}.get(
            sure, "history" if f.status == "historical" else ""
        )
        out.append(SummaryItem(text=fill_label(words[key] if key else "{name}.", name=name), fact_ids=[f.id]))
    told = [
        f
        for f in facts
        if f.kind == "symptom"
        and f.status == "present"
        and f.label in lexicon.SYMPTOM_BY_LABEL
        and f.label != "pain"
        and not f.attributes.get("gone")  # (a fever that has passed is not what we found)
    ][:4]
    if told and not dx:
        names = [lexicon.SYMPTOM_BY_LABEL[f.label].fr if lang == "fr" else f.label for f in told]
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
    # the words around the name: "si l'ibuprofène n'a rien fait, je vous prescris un triptan" starts the triptan
    said = [q[max(0, i - 40) : i + len(name) + 25] for q in map(str.lower, plan_quotes) if (i := q.find(name)) >= 0]
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
            or f.status == "stopped"
            and a.get("prescriber") != "this clinician"
        ):
            continue  # a change or a stop replaces the old instruction; a drug the patient stopped is no instruction
        name, verb = str(a.get("surface") or f.label), _verb(f, plan_quotes)
        name, dose = name[:1].upper() + name[1:], dose_text(a, lang)
        if verb == "stop":
            text = f"{words['stop']} {name}."
        elif verb == "change" and (not dose or a.get("previous_frequency")) and how_often(a, lang):
            # "take it twice a day from now on", "keep the same dose, but only once a day, at bedtime"
            text = f"{words['schedule']} {', '.join(x for x in (name, dose, how_often(a, lang)) if x)}."
        elif verb == "change" and not dose:
            text = fill_label(words["dose_changes"], name=name)
        else:
            how = how_often(a, lang)
            said = [" ".join(x for x in (words[verb], name, dose) if x), how]
            # how long the dose lasts, the steps after it, a taper's end; a course's length ("for 5 days")
            if a.get("taper") or a.get("then_steps") or f.status in ("new", "changed") and a.get("duration"):
                said += duration_words(a, lang)
            if a.get("standby"):  # a prescription kept at home: "… only if he has an attack that doesn't settle"
                said = [f"{words['standby']} {said[0].removeprefix(words[verb]).strip()}", *said[1:]]
                said.append(f"{words['only_if']} {a['standby']}")
            text = ", ".join(x for x in said if x) + "."
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


def _tidy(text: str, lang: str, most: int = 30) -> str | None:
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
    if re.search(r"\b(?:i|i'm|i'll|i've|me|my|je|j'|moi)\b", t, re.I) or "?" in t or not 2 <= len(t.split()) <= most:
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
                and (text := _tidy(m[0], lang, most=45))  # every sign the clinician listed, or none
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
    clauses = re.split(r"[,;]", said)
    for i, clause in enumerate(clauses):
        if (
            not _BACK.search(clause)
            or any(re.search(rx, clause, re.I) for rx, _, _ in REFERRALS)
            or _HEDGE[lang].search(clause)
        ):
            continue
        m, before = _WHEN_BACK.search(clause), clauses[i - 1].strip() if i else ""
        if m is None and _IF.match(before) and not _NEG[lang].search(clause):
            # "si ça ne va pas mieux dans trois jours, revenez me voir": the visit's time is in its condition
            w = _WHEN_BACK.search(before)
            if w:
                cond = re.sub(r"\s+", " ", before[: w.start()] + before[w.end() :]).strip()
                return _tidy(LABELS[lang]["come_back"].format(when=w[0].lower())[:-1] + " " + cond, lang)
        if m is None:
            continue
        lead = _IF.search(clause, 0, m.start())  # "see you back if it's not better in three days"
        if _NEG[lang].search(clause[: lead.start()] if lead else clause[: m.end()]):
            continue  # "you don't need to come back in two weeks" (a negation inside the condition is the condition's)
        text, cond = LABELS[lang]["come_back"].format(when=m[0].lower()), _IF.search(clause[m.end() :])
        if lead:
            return _tidy(text[:-1] + " " + clause[lead.start() : m.start()], lang)
        return _tidy(text[:-1] + " " + clause[m.end() + cond.start() :], lang) if cond else text
    return None


def _orders(said: str, lang: str, tests: bool) -> list[str]:
    """'I'm going to order a stress test' → 'You will have this test: a stress test.'; referrals alike."""
    if _NEG[lang].search(said) or _IF.search(said) or _HEDGE[lang].search(said):
        return []
    out = []
    found = list(dict.fromkeys(label for rx, label in lexicon.TESTS if re.search(rf"\b(?:{rx})\b", said, re.I)))
    if (
        tests
        and found
        and _ORDER.search(said)
        and not re.search(r"\b(?:results?|résultats?|came back|showed|at home|à la maison|yourself)\b", said, re.I)
    ):
        plain = [PLAIN_TEST[t][lang == "fr"] if t in PLAIN_TEST else t for t in found]
        out.append(f"{LABELS[lang]['tests' if len(plain) > 1 else 'test']} {', '.join(plain)}.")
    who = next(((en, fr) for rx, en, fr in REFERRALS if re.search(rf"\b(?:{rx})", said, re.I)), None)
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
    return _tidy(fill_label(LABELS["fr"]["advise"], rest=m["rest"]) if m["doc"] else t, lang)


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
        # an order on a condition ("if it hasn't passed in four weeks, i'll send you to urology") is no to-do
        todo = [] if f.attributes.get("condition") else _orders(rest, lang, tests=f.label != "advice")
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
