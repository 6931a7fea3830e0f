"""How a symptom mention is read beyond its words: the side said with it, whether a sentence is dictated
("endorsing…", carried on by "…, um, and some blood in your urine"), and which of several asked symptoms a
reply is about."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.consultation import HELPED_BUT_NOT
from scribe.notes.facts.asked_scope import contrasted
from scribe.notes.facts.reader import NEGATION_NEAR
from scribe.notes.lexicon.symptoms_sites import SIDED

DICTATED = re.compile(
    r"\b(denies|denying|endors(?:e|es|ed|ing)|reports|reporting|complains|complaining|presents with|nie|"
    r"rapporte|se plaint)\b",
    re.I,
)
NOT_SEEN = re.compile(
    r"\bi (?:do ?n'?t|do not|did ?n'?t|did not|ca ?n'?t|cannot) (?:see|feel|hear|notice|appreciate|detect|find)"
    r"(?: (?:any|anything like|signs? of|evidence of|an?))*\s*$",
    re.I,
)
CONTINUES = re.compile(r"^\W*(?:(?:um+|uh+)\W+)*(?:and|as well as|also|plus|et)\b", re.I)
# a reply that names each asked symptom and then its answer: "fever, no", "sueurs nocturnes non"
NO_AFTER = re.compile(
    r"^\s*[,:]?\s*(?:(?:no|nope|none|non|never|jamais|not really|pas vraiment)\s*(?:[.,;!]|$)|"
    # French said without "ne", the symptom named first: "les bouffées de chaleur, j'en ai plus", "j'en ai jamais eu"
    r"(?:je n'en ai|j'en ai|j'en ai eu|elle n'en a|elle en a|il n'en a|il en a) (?:plus|pas|jamais|aucune?)\b)",
    re.I,
)
# The clinician saying back what the patient has ("so you had some shoulder pain", "i see that you've been
# having headaches"): a statement of the complaint, not a question
RESTATES = re.compile(
    r"\b(?:i see (?:here )?(?:that )?|i understand (?:that )?|it sounds like |so )?you(?:'ve| have|'re| are)? "
    r"(?:had|have|got|been having|having|been experiencing|experiencing)(?: (?:some|a|an|this|that|the))? |"
    r"\bso you(?:'re| are) (?:a bit |a little |quite |getting |more )?$",
    re.I,
)
# … or naming what the patient has just described: "that is wheezing", "c'est bien de l'essoufflement"
NAMES_IT = re.compile(
    r"\W*(?:(?:so|well|okay|right|yes|alors|bon|oui|donc)\W+)*(?:that|this)(?:'s|\s+is)\s+"
    r"(?:(?:called|what we call|a|an|some|definitely|actually|really|indeed)\s+)*|"
    r"\W*(?:(?:alors|bon|oui|donc|d'accord)\W+)*(?:(?:ça,?\s+)?(?:c'est|ça s'appelle)|il y a)\s+"
    r"(?:(?:bien|justement|plutôt|ce qu'on appelle|de la|de l'|du|des|une?)\s*)*|"
    # the recap of what was just admitted: "donc quelques fourmillements sous le pied droit"
    r"\W*(?:donc|so)\W+(?:quelques|un peu de|some|a little|occasional)\s+",
    re.I,
)
_SIDE_WORD = re.compile(r"\b(left|right)\b(?!.*\b(?:left|right)\b)", re.I)


def side_of(label: str, text: str, start: int, end: int) -> tuple[str | None, int]:
    """(side, start of the mention with it): the side said with a one-sided symptom, inside the mention ("pain
    in my left knee") or the word right before it ("right knee pain", then the quote starts there so the
    side is in the evidence); None for a side not said or a symptom that has none."""
    if label not in SIDED:
        return None, start
    m = _SIDE_WORD.search(text[start:end])
    if m:
        return m.group(1).lower(), start
    m = re.search(r"\b(left|right)\W+$", text[max(0, start - 7) : start], re.I)
    return (m.group(1).lower(), start - len(m.group(0))) if m else (None, start)


_BARE_NO = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:none of (?:those|that|them|these)|neither|nothing like that)\b", re.I)


_TURNS = re.compile(r"\b(?:but|except|although|though|only|just|actually|mais|sauf)\b", re.I)


def _named(found: list, question: str, rest: str) -> list:
    """The asked symptoms a reply names: by its concept, or by a word of the question's wording of it."""
    said = {c.label for *_, c in lexicon.find_concepts("symptom", rest)}
    words = {w[:5] for w in re.findall(r"[a-zà-ÿ]{5,}", rest.lower())}
    return [
        (st, en, c)
        for st, en, c in found
        if c.label in said or any(w[:5] in words for w in re.findall(r"[a-zà-ÿ]{5,}", question[st:en].lower()))
    ]


def named_in_answer(found: list, question: str, answer: str) -> list:
    """The asked symptoms that a reply longer than a bare no/yes goes on to name (its concept, or a word of
    the question's wording of it: "sleeping"); [] when the reply names none or says "none of those"."""
    rest = re.sub(r"^\W*(?:no|nope|yes|yeah|non|oui)\b\W*", "", answer, flags=re.I)
    if len(rest.split()) <= 3 or _BARE_NO.match(rest) or _TURNS.search(rest):
        return []  # "no, but I do get short of breath": the reply's own statement says what it has
    return _named(found, question, rest)


# "…but everything else has been okay", "just the cough", "nothing else": the reply has what it names, not the rest
REST_DENIED = re.compile(
    r"\b(?:everything else|anything else|nothing else|the rest|otherwise|other than (?:that|this|those)|"
    r"apart from (?:that|this)|besides (?:that|this)|aside from (?:that|this)|no other|none of the others?|"
    r"not the others?|just (?:the|a|some|that)|only (?:the|a|some|that)|sauf (?:ça|ca)|rien d'autre|le reste)\b",
    re.I,
)
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:no|not|never|without|nothing|none|pas|jamais|sans)|n't)\b(?:\W+\w+){0,4}\W*$", re.I
)


def reply_subset(found: list, question: str, answer: str) -> tuple[list, list] | None:
    """(had, denied) for a reply to several asked symptoms that names some as had (or another one) and sets the
    rest aside ("fever, chills, any nasal congestion, sore throat?" "a little nasal congestion… but everything else
    has been okay"); None when the reply names none, all, or does not set the others aside."""
    if len(found) < 2 or not REST_DENIED.search(answer):
        return None
    concepts = lexicon.find_concepts("symptom", answer)
    had = []
    for st, en, c in _named(found, question, answer):
        at = [a for a, _b, c2 in concepts if c2.label == c.label] + [
            m.start()
            for w in re.findall(r"[a-zà-ÿ]{5,}", question[st:en].lower())
            for m in re.finditer(w[:5], answer, re.I)
        ]
        if at and not _NEGATED_BEFORE.search(answer[: min(at)]):
            had.append((st, en, c))
    asked = {c.label for *_, c in found}
    if not had and any(c.label not in asked and c.label != "pain" for *_, c in concepts):
        return [], found  # "…fever, chills?" "a little nasal congestion, but everything else has been okay"
    if not had or len(had) == len(found):
        return None
    return had, [f for f in found if f not in had]


# What ends a negation's reach before a symptom: "no weakness, just the weird numbing", "no fever but some chills";
# and a negation of something else than the symptom: "it's not like my tiredness is depression"
_NEGATION_ENDS = re.compile(r"\b(?:just|only|but|except|apart from|other than|besides|mais|sauf|juste)\b", re.I)
# "pas très bien, j'arrive pas à dormir", "not so good, my back hurts": how the patient is, not a denial
_NOT_ABOUT_IT = re.compile(
    r"\bno (?:problem|issue|trouble)s?\b|\bpas de (?:problème|souci)\b|"  # "to the mailbox and back, no problem, …"
    r"(?:\bnot|n't) (?:like|that|because)\b|(?:\bnot|n't|\bpas) (?:(?:très|trop|si|super|so|too|very|really|"
    r"vraiment|that) )?(?:bien|good|great|well|fine|top|terrible|génial|fort|la forme)\b",
    re.I,
)


_NEGATION_CUE = re.compile(
    r"(?:\b(?:no|not|never|without|deny|denies|denied|negative for|none|nor|pas|jamais|sans|aucune?|ni)|n't)\b", re.I
)


def negation_spent(before: str) -> bool:
    """Does no negation in the clause before a symptom (`before`) reach it? The nearest cue decides: "no, I just
    don't have a fever" is negated, "no weakness, just the numbing" is not."""
    if not NEGATION_NEAR.search(before):
        return True
    last = list(_NEGATION_CUE.finditer(before))[-1]
    return bool(
        _NEGATION_ENDS.search(before, last.end())
        or _NOT_ABOUT_IT.search(before, last.start())
        or _HAD_AFTER_ALL.search(before, last.end())
    )


# a new item that says it is had: "no fever, some chills at night", "pas de fièvre, des frissons" (a French negation
# would say "de frissons")
_HAD_AFTER_ALL = re.compile(
    r"(?:,|\band\b|\bet\b)\s*(?:(?:but|mais)\s+)?(?:some|a little(?: bit)?(?: of)?|a (?:tiny )?bit(?: of)?|a lot of|"
    r"lots of|plenty of|des|du|de la|un peu de|beaucoup de)\s+$",
    re.I,
)


# A negation right before the symptom, with nothing but small words between: "nothing tingling", "no other
# pain", "il y avait pas vraiment de frisson" (ConText misses "nothing" and a French "pas" without its "ne")
_DENIED_RIGHT_BEFORE = re.compile(
    r"(?:\b(?:no|nothing|without|never|not|nor|neither|pas|jamais|sans|aucune?|ni)|n't)"
    r"(?:\s+(?:any|other|more|real|really|much|significant|signs? of|of|the|a|an|vraiment|trop|du tout|de|des|du|"
    r"la|le|les|d'))*\s*(?<=[\s'])$|(?:\b(?:pas|jamais|sans|aucune?)\s+(?:vraiment\s+|trop\s+)?d')$",
    re.I,
)


def denied_right_before(before: str) -> bool:
    """Is the symptom that `before` leads to denied by a negation right before it ("nothing tingling"), or by
    one that carries over an "or" ("nothing tingling or hurting down my legs", "pas de fièvre ni frissons")?"""
    if _DENIED_RIGHT_BEFORE.search(before):
        return True
    m = re.search(r"\b(?:or|nor|ni|ou)\s+(?:any\s+|d'|de\s+)?$", before, re.I)
    return bool(m) and bool(_NEGATED_OR.search(before[: m.start()]))


def helped_but_not(before: str) -> bool:
    """ "it helped the burning a little but not the chest pressure": the help is denied, not the symptom."""
    said = list(HELPED_BUT_NOT.finditer(before))
    return bool(said) and re.fullmatch(r"\s*(?:the |my |your |his |her )?", before[said[-1].end() :]) is not None


# a negation with at most three words (the first symptom) before the "or": "nothing tingling or", "no fever or"
_NEGATED_OR = re.compile(
    r"(?:\b(?:no|not|never|nothing|none|without|pas|jamais|sans|aucune?|ni)|n't)\b(?:\W+(?!(?:just|only|but|except|"
    r"mais|sauf|juste)\b)\w+){1,3}\W*$",
    re.I,
)


def last_status(facts: list) -> dict[str, str]:
    """Each symptom's status as the visit last said it (present or absent): the later statement wins."""
    said = [f for f in facts if f.kind == "symptom" and f.status in ("present", "absent")]
    said.sort(key=lambda f: max((e.start for e in f.evidence), default=0.0))
    return {f.label: f.status for f in said}


_PROSE_CLAUSE = re.compile(r"[.;:!?,]|\b(?:but|however|although|though|because|whereas)\b", re.I)


def states_otherwise(prose: str, last: dict[str, str]) -> bool:
    """Does a history sentence, as the note words it, deny a symptom the visit last said is there? The note would
    read "She has not gotten tired." next to "Endorses fatigue."."""
    found = lexicon.find_concepts("symptom", prose)
    for st, _en, c in found:
        if contrasted(prose, st, any(f[1] < st and f[2].label == c.label for f in found)):
            continue  # "… a background headache, a dull one, not the migraine"
        # only a denial is dropped: a sentence that tells of the symptom keeps the story of an earlier episode
        if not negation_spent(_PROSE_CLAUSE.split(prose[:st])[-1]) and last.get(c.label) == "present":
            return True
    return False
