"""A French spoken examination read clause by clause ("à l'examen, l'abdomen est souple, euh, pas de défense" →
heading "Abdomen", findings "souple, sans défense"), the French counterpart of exam_clauses: each clause keeps
its own polarity, what is said of a part goes under that part, and a clause that does not read (a pronoun, a
question, a word outside what an exam line says) is left out rather than quoted."""

from __future__ import annotations

import re

from scribe.notes.facts.exam_clauses import ExamGroup

_FILLER = re.compile(r"(?:^|(?<=[\s,.;]))(?:euh+|heu+|ben|bon|hein|voilà|alors|donc|d'accord|ok)\b[,.]?", re.I)
_FRAME = re.compile(
    r"^(?:(?:et|puis|alors)\s+)?(?:à|a) l[’'](?:examen|auscultation|inspection|palpation)"
    r"(?: (?:clinique|cardiaque|pulmonaire|abdominale?|cardio-?pulmonaire|du \w+|de la \w+|des \w+))?\s*,?\s*",
    re.I,
)
_NOT_HEARD = re.compile(r"\b(?:je |on )?n[’']?(?:entends?|trouve|retrouve|vois|sens|palpe)\s+pas\s+(?:de |d[’'])", re.I)
_HEARD = re.compile(r"^(?:je |on )?(?:entends?|trouve|retrouve|vois|sens|palpe|note)\s+", re.I)
_CUT = re.compile(r"\s*[,;.]\s*|\s+mais\s+|\s+et\s+(?=(?:l[’']|le |la |les |pas |aucun|il y a|sans ))", re.I)
_SUBJECT = re.compile(
    r"^(?:l[’']|le |la |les |votre |vos |son |sa |ses )(?P<s>[\wéèêàçœ’' -]+?) "
    r"(?:(?P<neg>n[’']est pas|ne sont pas|ne semble pas|ne paraît pas)|est|sont|semble|semblent|paraît|paraissent)"
    r" (?P<a>.+)$",
    re.I,
)
_ABSENT = re.compile(r"^(?:pas (?:de |d[’'])|aucune? |sans |absence (?:de |d[’']))(?P<x>.+)$", re.I)
_PRESENT = re.compile(r"^il y a (?:un |une |des |du |de la |de l[’'])?(?P<x>.+)$", re.I)
# what an exam line says of a part (the adjective phrase that can also follow on its own)
_STATE = re.compile(
    r"^(?:(?:très|un peu|légèrement|bien) )?(?:souple|dépressible|douloureu(?:x|se)s?|sensibles?|gonflée?s?|"
    r"rouges?|inflammatoires?|clairs?|claires?|normale?s?|réguliers?|régulières?|libres?|propres?|chaude?s?|"
    r"tuméfiée?s?|symétriques?|sans particularité|bien (?:ventilée?s?|perçue?s?)|perçue?s?|présente?s?|"
    r"diminuée?s?|limitée?s?|stables?|érythémateu(?:x|se)s?|indolore?s?)\b(?: [\wéèêàç' ]{0,40})?$",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:je|j[’']|vous|tu|on|nous|me|moi|ça|ca|c[’']est)\b|\?", re.I)
_HEADING = [
    (r"abdomen|ventre", "Abdomen"),
    (r"poumons?|auscultation pulmonaire|murmure vésiculaire", "Poumons"),
    (r"c(?:œ|oe)ur|bruits du c(?:œ|oe)ur", "Cœur"),
    (r"gorge|amygdales?|pharynx", "Gorge"),
    (r"tympans?|oreilles?", "Oreilles"),
    (r"mollets?", "Mollets"),
    (r"peau", "Peau"),
]
_SYSTEM_OF = [
    (r"défense|contracture|murphy|masse|hépatomégalie|splénomégalie", "Abdomen"),
    (r"crépitants|sibilants|ronchi|râles", "Poumons"),
    (r"souffle|galop|frottement", "Cœur"),
    (r"épanchement|œdème|oedème|ecchymose|déformation", None),
]


def _clean(text: str) -> str:
    t = _FILLER.sub(" ", text.replace("’", "'"))
    t = re.sub(r"\s+([,.;])", r"\1", re.sub(r"\s{2,}", " ", t)).strip(" ,;.")
    t = _FRAME.sub("", t)
    t = _NOT_HEARD.sub("pas de ", t)
    return t


def _heading(subject: str) -> str:
    for rx, name in _HEADING:
        if re.fullmatch(rf"(?:{rx})", subject, re.I):
            return name
    return subject[0].upper() + subject[1:]


def _absent(x: str, first: bool) -> str:
    x = x.strip().lower()
    if first:
        return f"pas {'d' + chr(39) if re.match(r'[aeiouyéèêh]', x) else 'de '}{x}"
    return f"sans {x}"


def read_exam_fr(text: str) -> list[ExamGroup] | None:
    """The findings of a French spoken exam sentence grouped under the part they are said of; None when no
    clause reads."""
    t = _clean(text)
    groups: list[ExamGroup] = []
    for clause in [c.strip(" ,;.") for c in _CUT.split(t) if c and c.strip(" ,;.")]:
        c = _HEARD.sub("", clause)
        if _PRONOUN.search(c) or len(c.split()) > 12:
            continue
        m = _SUBJECT.match(c)
        if m:
            heading = _heading(m.group("s").strip().lower())
            a = m.group("a").strip().lower()
            if not _STATE.match(a):
                continue
            words = f"non {a}" if m.group("neg") else a
            if groups and groups[-1].heading == heading:
                groups[-1].findings.append(words)
            else:
                groups.append(ExamGroup(heading, "exam", [words]))
            continue
        absent, present = _ABSENT.match(c), _PRESENT.match(c)
        if absent or present:
            x = (absent or present).group("x")
            if _PRONOUN.search(x) or len(x.split()) > 6:
                continue
            heading = next((h for rx, h in _SYSTEM_OF if re.search(rf"\b(?:{rx})\b", x, re.I)), None)
            if heading is None and not groups:
                continue  # nowhere to place it
            if heading is None or groups and groups[-1].heading == heading:
                g = groups[-1]
                g.findings.append(_absent(x, False) if absent else x.lower())
            else:
                groups.append(ExamGroup(heading, "exam", [_absent(x, True) if absent else x.lower()]))
            continue
        if groups and _STATE.match(c):  # "…est gonflé, douloureux à la palpation": said of the same part
            groups[-1].findings.append(c.lower())
    groups = [g for g in groups if g.findings]
    return groups or None


def value_fr(group: ExamGroup) -> str:
    return ", ".join(group.findings)
