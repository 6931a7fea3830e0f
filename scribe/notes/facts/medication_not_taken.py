"""Drugs the patient does not take, however often the visit names them.

Someone else's: a drug the visit names as a relative's or a friend's ("my wife takes spironolactone", "un collègue,
au dépôt, il est sous ozempic") stays theirs where it comes back, unless someone says the patient takes it or the
clinician starts, changes or stops it: the clinician describing it next ("spironolactone is one of the medications
that helps in heart failure", "l'ozempic, c'est une piqûre par semaine") gives the note no "Keep taking" of it.

Prescribed to start only on a result to come: "je vous fais une ordonnance d'apixaban. mais vous ne le commencez que
si l'écho montre un caillot" is no drug taken or started today (the summary must not say "Prenez Apixaban")."""

from __future__ import annotations

import re

from scribe.notes import medication as med
from scribe.notes.facts.medication_misremembered import misnamed
from scribe.notes.facts.medication_taper import sentence_of
from scribe.notes.facts.owners import owned_by_another
from scribe.notes.facts.proxy import parents_own

# the patient said to take it: "i take", "you're on", "je prends", "vous êtes sous"
_TAKES = re.compile(
    r"\b(?:i|you|we|je|j'|vous|tu)\s*(?:'m|'re|am|are)?\s*(?:still |also |already )?"
    r"(?:take|takes|took|taking|on|using|use|prends|prenez|prenais|preniez|êtes sous|suis sous|ai pris|avez pris)\b",
    re.I,
)


# the relative who takes it, named just before: "my wife takes spironolactone", "sa mère est sous xarelto" (not
# "here with his wife carol for his follow-up, mainly for wearing off between his carbidopa-levodopa doses")
_RELATIVE = (
    r"\b(?:my|his|her|your|mon|ma|son|sa|votre)\s+(?:wife|husband|partner|mother|mom|mum|father|dad|brother|sister|"
    r"son|daughter|mari|femme|épouse|mère|maman|père|papa|frère|sœur|fils|fille|aunt|uncle|tante|oncle|grand\w*)\b"
)
_TAKES_A = r"(?:takes|took|is on|was on|uses|used|has been on|prend|prenait|est sous|était sous)"
_A_RELATIVES = re.compile(
    _RELATIVE + r"(?:,? \w+,?)? (?:also |still |now |toujours |aussi )?" + _TAKES_A + r"\s+(?:the |some |his |her |le |"
    r"la |du |de la |de l'|l')?$|"
    + _RELATIVE  # "votre femme, sous méthotrexate, a moins de défenses"
    + r"\s*,\s*(?:qui est |who's |who is )?(?:sous|on)\s+(?:le |la |l'|du |de la )?$",
    re.I,
)
# the drug said next, on its own: "mon frère aîné, bernard, lui il est sous insuline maintenant. la lantus, vingt
# unités le soir."
_RELATIVE_ON = re.compile(_RELATIVE + r"[^.?!]{0,50}\b" + _TAKES_A + r"\b", re.I)


# a companion offers the patient their own: "i take melatonin myself, three milligrams. can she take mine?"
_CAN_TAKE_MINE = re.compile(
    r"\b(?:can|could|may|should|est-ce qu'(?:il|elle) peut) (?:(?:she|he|mom|dad) )?(?:take|have|use|try|borrow|"
    r"prendre)\s+(?:some of )?(?:mine|les miens|le mien|la mienne)\b|"
    r"\b(?:could|can) i (?:just )?take (?:one|some) of (?:his|hers)\b|"  # a spouse's: "could i take one of his?"
    r"\b(?:can|could) (?:mom|dad|she|he) (?:take|have|use|try) (?:that|it|this) instead\b",  # "could mom take that"
    re.I,
)


def others_drugs(x, friends: frozenset[str], found: list) -> tuple[set[str], set[str]]:
    """Names (lower case) of the drugs the visit names as someone else's, and of those a companion says are their
    own (x: the fact extractor; found: each sentence's drug mentions, as the medication reader found them)."""
    out: set[str] = set()
    lent: set[str] = set()
    for k, (s, mentions) in enumerate(zip(x.sents, found, strict=True)):
        if not mentions:
            continue
        turn = " ".join(
            x.sents[j].text for j in range(k, k + 4) if j < len(x.sents) and x.sents[j].seg_index == s.seg_index
        )
        for m in mentions:
            named_with = _A_RELATIVES.search(s.text[max(0, m.start - 60) : m.start]) or (
                m.start < 6
                and k
                and x.sents[k - 1].seg_index == s.seg_index
                and _RELATIVE_ON.search(x.sents[k - 1].text)
            )
            if (
                named_with
                or med.not_the_patients_drug(s.text, m.start, friends)
                or owned_by_another(s.text, m.start, m.end)
            ):
                out.add((m.drug.get("name") or m.surface).lower())
            # … or the parent's own, in a child's visit: "i take cetirizine every day from april to september"
            own = x.is_pat(k) and (_companions(x, k, m.surface) or x.proxy and parents_own(s.text, m.start))
            if _CAN_TAKE_MINE.search(turn) or own:
                lent.add((m.drug.get("name") or m.surface).lower())
    return out | misnamed(x, found), lent


# the clinician answers the one who spoke as the patient's relative: "i take mirabegron for my bladder" "mirabegron
# could be an option for your mom too"
_FOR_YOUR_RELATIVE = re.compile(
    r"\b(?:for|to|with) your (?:mom|mother|mum|dad|father|husband|wife|son|daughter)\b|"
    r"\b(?:pour|à|avec) (?:votre|ta|ton) (?:mère|maman|père|papa|mari|femme|fils|fille)\b",
    re.I,
)


def _companions(x, k: int, surface: str) -> bool:
    """Sentence k's drug is the companion's own: the clinician's next turn names it again "for your mom"."""
    nxt = x.next_turn(k)
    if not nxt or not x.is_clin(nxt[0]):
        return False
    turn = " ".join(x.sents[j].text for j in nxt)
    return surface.lower() in turn.lower() and bool(_FOR_YOUR_RELATIVE.search(turn))


_GAVE_THE_PATIENT = re.compile(
    r"\b(?:i|we) (?:gave|give|have given|'ve given) (?:him|her)\b|\b(?:je|on) lui (?:ai |a )?(?:donné|donne)\b", re.I
)


def drop_not_taken(x, friends: frozenset[str], found: list) -> None:
    """Current drugs that are someone else's, never said to be taken by the patient, and drugs to start only on a
    result to come, are no medication facts."""
    others, lent = others_drugs(x, friends, found)
    keep = []
    meds = [f for f in x.builder.facts if f.kind == "medication"]
    for f in x.builder.facts:
        if f.kind == "medication" and (_said_for(f, meds) or _class_of_a_drug(f, meds)):
            continue
        if f.kind == "medication" and f.status in ("current", "historical", "administered", "new", "changed"):
            sentences = [sentence_of(x, e) for e in f.evidence]
            quotes = [x.sents[k].text for k in sentences if k is not None]
            ours = f.status == "new" or f.attributes.get("prescriber") == "this clinician"  # "start alendronate …"
            theirs = f.label in others and not ours and not any(_TAKES.search(q) for q in quotes)
            # … unless given to the patient: "i gave him the ibuprofen at eight", the clinician's dose for the child
            given = any(_GAVE_THE_PATIENT.search(q) for q in quotes) or (
                f.attributes.get("said_by") == "clinician" and f.attributes.get("dose")
            )
            theirs = theirs or f.label in lent and not ours and not given
            offered = [k for k in sentences if k is not None and x.is_clin(k)]
            if theirs or any(_only_if_after(x, k) or refused(x, k) for k in offered):
                continue
        keep.append(f)
    x.builder.facts[:] = keep


# "mais vous ne le commencez que si l'écho montre un caillot", "apixaban only if the scan is positive" (not "only if
# the pain is bad": an as-needed drug)
_ONLY_IF = re.compile(
    r"\b(?:ne (?:le|la|les) (?:commencez|prenez|démarrez|commencerez|prendrez) que si|seulement si|uniquement si|"
    r"only (?:start (?:it|them) )?if|(?:don't|do not) start (?:it|them) (?:unless|until))\b"
    r"[^.;?!]{0,40}\b(?:écho\w*|doppler|scanner|scan|radio\w*|x-rays?|ultrasound|tests?|results?|résultats?|"
    r"positi\w*|shows?|montre|culture|bilan|prise de sang|blood work|labs?)\b",
    re.I,
)


def _only_if_after(x, k: int) -> bool:
    """The clinician's sentence k, or the next one of the turn, starts the drug only on a condition; or the
    clinician's turn before it wrote a prescription to fill only if the child is no better (_DELAYED)."""
    turn = [j for j in (k, k + 1) if j < len(x.sents) and x.sents[j].seg_index == x.sents[k].seg_index]
    if any(_ONLY_IF.search(x.sents[j].text) for j in turn):
        return True
    before = range(max(0, k - 6), k)
    seg = x.sents[k].seg_index
    return any(x.sents[j].seg_index >= seg - 2 and x.is_clin(j) and _DELAYED.search(x.sents[j].text) for j in before)


# a "wait and see" prescription: "i'll give you a prescription today, but only fill it if she isn't better in …"
_DELAYED = re.compile(
    r"\bonly (?:fill|start|use|give) (?:it|them|the prescription) if\b|"
    r"\bne (?:la|le) (?:prenez|donnez|commencez) que si\b",
    re.I,
)


# a drug offered ("je peux vous proposer … du propranolol", "i could give you …"), then refused by the patient's next
# turn ("non, je préfère pas") or let go by the clinician's ("c'est votre choix, on ne le prescrit pas")
_OFFER = re.compile(
    r"\b(?:(?:je|on) (?:peux|peut|pourrais|pourrait) vous (?:proposer|donner|prescrire)|i (?:can|could) "
    r"(?:offer|give|prescribe)|we could (?:try|start)|would you like|je vous propose(?: aussi| également)?|"
    r"(?:i'd|i would) (?:also )?(?:offer|recommend|suggest)|vous voulez (?:qu'on en parle|essayer)|"
    r"do you want to (?:try|talk about) (?:it|that)|"
    # an option laid out: "il y a un médicament pour les douleurs des nerfs, la prégabaline"
    r"il y a (?:aussi )?(?:un|des) (?:médicaments?|traitements?)|"
    r"there(?:'s| is) (?:also )?a (?:medicine|medication|drug))\b",
    re.I,
)
_REFUSES = re.compile(
    r"^\W*(?:(?:euh|um|uh|hmm|honestly|well|ah|oh)\W+)?(?:non|no)\b(?:\W*$|[^?!]{0,90}\b(?:"
    r"je (?:ne )?préf[èe]re (?:pas|attendre|ne pas)|(?:i'd|i would) prefer not|"
    r"je ne veux pas|je veux essayer|(?:i'd|i would) rather (?:not|wait)|"
    r"no thanks|no thank you|non merci|i don't want|je n'ai pas envie|pas cette année|not this year|i'll pass))|"
    r"^\W*(?:i don't want (?:it|that|them|to take)|je n'en veux pas|je ne veux pas (?:le|la|les) prendre)\b",
    re.I,
)
_LET_GO = re.compile(
    r"\b(?:on ne (?:le|la|les) (?:prescri\w*|commence|démarre|met|pose) pas|on n'en (?:met|pose) pas|"
    r"on n'en prescri\w* pas|(?:we|i) (?:won't|will not) (?:prescribe|start) "
    r"(?:it|that|them)|that's (?:fine|okay|ok), we won't|c'est votre (?:choix|décision)|"
    r"that's your (?:choice|decision))\b",
    re.I,
)


def refused(x, k: int) -> bool:
    """The clinician's offer at sentence k is refused or let go in the next two turns (_OFFER, _REFUSES, _LET_GO)."""
    if not _OFFER.search(f"{x.sents[k].text} {x.next_in_turn(k)}"):  # "…, le mirena. vous voulez qu'on en parle ?"
        return False
    turns = sorted({s.seg_index for s in x.sents[k + 1 :] if s.seg_index != x.sents[k].seg_index})[:2]
    said = [j for j, s in enumerate(x.sents) if s.seg_index in turns]
    return any(_LET_GO.search(x.sents[j].text) if x.is_clin(j) else _REFUSES.match(x.sents[j].text) for j in said)


def _class_of_a_drug(f, meds: list) -> bool:
    """ "And the eye drops?" "the latanoprost, one drop …": the class asked of is the drug named, not a second one."""
    route = f.attributes.get("route")
    return (
        not f.attributes.get("drugbank_id")
        and route in ("ophthalmic", "inhaled", "nasal")
        and any(g is not f and g.attributes.get("drugbank_id") and g.attributes.get("route") == route for g in meds)
    )


def _said_for(f, meds: list) -> bool:
    """ "Cortisone" without a dose, where the visit names the corticosteroid it is ("la cortisone en crème" … "je vous
    prescris le désonide"): the everyday word for that drug, no second one (the summary had said "Prenez Cortisone")."""
    a = f.attributes
    if f.label.lower() != "cortisone" or a.get("dose") or not a.get("mesh_id"):
        return False
    return any(g is not f and g.attributes.get("mesh_id") == a["mesh_id"] and g.label != f.label for g in meds)


# the clinician lays out choices: "there are good options without estrogen. a progestin-only pill, like …"
_OPTIONS = re.compile(
    r"\b(?:there are|there're|we have|you have|other|good|some|a few|two|three|several)\s+(?:\w+\s+)?"
    r"(?:options|alternatives|choices)\b|"
    r"\b(?:d'autres|plusieurs|deux|trois) (?:options|possibilités|alternatives)\b",
    re.I,
)
_DOSE_AFTER = re.compile(r"^[^.;]{0,40}?(?:\d|\bmilligram|\bmg\b|\bmilligramme)", re.I)


def among_options(sents: list, k: int, end: int) -> bool:
    """A drug named among the options the clinician lays out (in sentence k or the one before it in the turn),
    with no dose: weighed, not prescribed."""
    s = sents[k]
    said = [s.text] + ([sents[k - 1].text] if k and sents[k - 1].seg_index == s.seg_index else [])
    return any(_OPTIONS.search(t) for t in said) and not _DOSE_AFTER.match(s.text[end:])


def drop_refused_orders(x) -> None:
    """An order the clinician offers and the patient turns down ("je vous propose aussi le vaccin contre la grippe"
    "non, pas cette année") is no plan item (x: the fact extractor)."""
    offered = {k for k, s in enumerate(x.sents) if x.is_clin(k) and refused(x, k)}
    x.builder.facts[:] = [
        f for f in x.builder.facts if not (f.kind == "plan" and {sentence_of(x, e) for e in f.evidence} & offered)
    ]
