"""The consultation model's sentence-level readings: ConText modifiers of a mention (negated, family
or other experiencer, historical, hypothetical, uncertain), hedges that make a diagnosis "possible",
and the rule that a later statement wins over an earlier one (a short answer's polarity: reply_polarity).

A note that states a possible diagnosis as certain, or lists a relative's disease as the patient's, is
worse than a shorter note, so these readings err towards "possible" and "not the patient's".
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from scribe.notes.gone_words import resolved_after
from scribe.notes.lexicon.matching import disease_site
from scribe.notes.not_had import in_general, not_had
from scribe.notes.reply_polarity import LACK_SAID
from scribe.schemas_docs import Fact

_ctx_lock = threading.Lock()


@lru_cache(maxsize=4)
def _context_pipeline(lang: str):
    import spacy
    from medspacy.context import ConText

    nlp = spacy.blank("fr" if lang == "fr" else "en")
    nlp.add_pipe("sentencizer")
    ctx = ConText(nlp, rules="default", language_code="fr" if lang == "fr" else "en")
    return nlp, ctx


_NEG_FALLBACK = re.compile(r"\b(no|not|denies|denied|without|never|none|n't|pas|jamais|aucune?|sans|ni)\b", re.I)
# "my family doctor" is no relative
_CARE = r"doctor|physician|practitioner|practice|medicine|dr"
# people around the patient who are not family: "my buddy", "ma collègue", "mon beau-frère"
FRIENDS = (
    r"(?:buddy|friend|pal|coworker|co-worker|colleague|neighbou?r|roommate|boss|brother-in-law|sister-in-law|pote|"
    r"copain|copine|amie?|collègue|voisine?|beau-frère|belle-sœur|(?:guy|man|woman|lady|girl) at work)"
)
FAMILY = re.compile(
    # in-laws and step-relatives share no blood: "mon beau-frère a une sciatique", "my husband's mother had alzheimer's"
    r"\b(?<!beau-)(?<!belle-)(?<!step-)(?<!husband's )(?<!wife's )(?<!partner's )"
    r"(mother|mom|mum|father|dad|brothers?|sisters?|grandmother|grandfather|grandma|grandpa|grandad|granddad|granny|"
    r"grandparents?|aunt|uncle|"
    # "son" as English says it ("my son has", "my son, he"), not the French "son diabète" (his)
    r"cousin|son(?=\s*(?:[,.;:!?]|'s\b|$|\s(?:has|had|is|was|who|and|got|died|also|too|passed|just|for|with|to|in|"
    r"at|on|from|but|or|says|said|does|did|will|lives|came|brought|drove)\b))|daughter|"
    rf"parents?|siblings?|family(?!\s+(?:{_CARE})\b)|mère|maman|père|papa|"
    r"frère|sœur|soeur|grand-mère|grand-père|tante|oncle|fils|fille|(?<!médecin de )famille)\b(?!-in-law)",
    re.I,
)

# Words before a diagnosis that make it a possibility rather than a finding ("could be a benign
# nodule", "you may have had an asthma exacerbation", "we need to rule out a clot").
_HEDGE_BEFORE = re.compile(
    r"\b(?:could|might|may|possibl[ey]|probabl[ey]|likely|unlikely|suspect\w*|suspicious|concern(?:ed|ing)? "
    r"(?:about|for|that)|worried (?:about|that)|worry (?:about|that)|rule (?:it )?out|r/o|to make sure|"
    r"make sure (?:it'?s|it is|that)|ruling (?:it )?out|whether|if (?:it'?s|it is|this is|you have)|wonder\w*|"
    r"question of|(?:there's|there is|it's|is) (?:a|an) (?:\w+ )?(?:condition|disease|illness) called|"  # explained
    r"differential|versus|vs\.?|maybe|perhaps|either|see if|consistent with a possible|suggestive of|"
    r"not missing|to be sure|screen(?:ing)? (?:you |him |her )?for|dépist\w*|"
    r"peut-être|(?:ça|cela|ce|il|elle) (?:peut|pourrait) être|pourrait|possible(?:ment)?|probable(?:ment)?|"
    r"suspicion|suspect\w*|évoqu\w+|éliminer|écarter|exclure|(?:pas (?:encore )?|avant d')élimin\w*|"
    r"s'assurer|vérifier (?:que|si)|ou bien|éventuel\w*|il se peut|se pourrait|sans doute)\b[^.?!;]{0,60}$",
    re.I,
)
_HEDGE_AFTER = re.compile(
    r"^[^.?!;]{0,25}\b(?:is possible|is likely|is suspected|can'?t be (?:excluded|ruled out)|"
    r"possibly|probably|n'est pas exclu\w*|possible|probable)\b",
    re.I,
)
# "ruling out" is a work-up ("we're ruling out a clot": possible) unless it concludes one
_CONCLUDED = re.compile(
    r"\b(?:(?:therefore|so|which means) (?:we'?re|we are|i'?m|i am) ruling (?:it )?out|(?:on|je|nous) (?:peut|peux|"
    r"pouvons) (?:donc )?(?:éliminer|écarter|exclure)|(?:we|i) can (?:now )?(?:rule out|exclude))\b[^.?!;]{0,40}$",
    re.I,
)
_RULED_OUT = re.compile(
    r"\b(?:(?:it'?s|it is|this is|that'?s|it ?'s) not|(?:do ?n'?t|do not|does ?n'?t) (?:think|believe|"
    r"feel)(?: that)?(?: it'?s| it is| you have| this is| that'?s| it| this)?|ruled out|"
    r"no (?:sign|signs|evidence) (?:of|for)|not a sign of|ce n'est (?:donc |plus |vraiment )?pas|pas de signe d|"
    r"(?:pas|aucun) d'argument (?:pour|en faveur d)|"  # "donc pas d'argument pour un trouble bipolaire"
    r"je ne pense pas|nothing (?:that )?(?:suggests?|points? to|looks like)|(?:n'a|n'avez|n'y a) rien qui "
    r"(?:fasse|fait|évoque|ressemble)|aucun signe d|rien\b[^.;?!]{0,40}\bne (?:fait|me fait) penser)\b"
    # "it's not a hormone, it helps the blood clot", "ce n'est pas le cœur, c'est le zona": a new clause, not denied
    r"(?:(?!,\s*(?:it\b|c'est\b))[^.?!;]){0,40}$",
    re.I,
)


# where a diagnosis's clause starts: after "but", or a new subject and its verb ("it could be sleep apnea, | and sleep
# apnea makes atrial fibrillation harder to control": the hedge is the apnea's)
_CLAUSE_BREAK = re.compile(
    r"[.;?!]|\b(?:but|however|mais)\b|,\s*(?:and|et)\s+(?=[\w-]+(?: [\w-]+)? (?:makes?|can|causes?|fait|peut)\b)|"
    # "that could be sleep apnea, which is a common trigger for …" (not "…, which is called cauda equina syndrome")
    r",\s*(?:which|qui) (?:is|are|est|sont)\b(?! called| known as| appelée?)",
    re.I,
)
# "i don't see any signs of the serious problem we worry about, which is called cauda equina syndrome"
_NO_SIGNS_OF_NAMED = re.compile(
    r"\b(?:(?:do ?n'?t|do not|did ?n'?t) see|see no|found no) (?:any )?(?:signs?|evidence) (?:of|for)\b[^.?!;]{0,60}"
    r"\b(?:called|known as|appelée?|qu'on appelle)\s*$",
    re.I,
)


# ruled out by the words after it
_RULED_OUT_AFTER = re.compile(
    r"^[^.;?!]{0,40}?\b(?:(?:does|do|is|are)(?:n't| not) (?:look|seem|appear)\w* (?:to be )?involved|"
    r"(?:is|are|'s)(?:n't| not) involved|(?:is|was|has been) (?:ruled out|excluded)|"
    # "an overactive thyroid is not what's pushing the heart rate up"
    r"(?:is|are|was|'s)(?:n't| not) (?:what's|what is|what was|the cause|the reason|causing|behind)|"
    r"n'est pas (?:touchée?|atteinte?|en cause)|(?:est|a été) (?:éliminée?|écartée?)|"
    r"(?:je|on|nous) l'(?:écarte|élimine|exclus|exclut|écartons|éliminons))\b|"  # "une rupture, je l'écarte"
    # a recap's verdict right after the name: "pulmonary embolism, ruled out", "… ruled out by the ct", "exclue"
    r"^\s*,?\s*(?:(?:and|et|,) [\w-]+(?: [\w-]+)?\s+)?(?:ruled out|excluded|exclue?s?|écartée?s?|éliminée?s?)\b",
    re.I,
)
# its own test negative ("your hepatitis b and c tests were negative"), not another ("…, her dexamethasone test")
_TESTED_NEGATIVE_AFTER = re.compile(
    r"^\s*(?:(?:and|or|et|ou) \w+\s+)?(?:(?:tests?|screen\w*|serolog\w+|swabs?|antibod\w+) (?:was|were|came back|"
    r"is|are)(?: all| both)? (?:negative|normal)|(?:tests?|sérologies?|dépistages?) (?:est|était|sont|étaient|"
    r"est revenue?|sont revenues?) (?:négati\w+|normal\w*)|"
    r"(?:negative|négati(?:f|fs|ve|ves))|"  # a recap's "flu and covid negative"
    # "hepatitis b surface antigen and core antibody, both negative", "hépatite b, antigène hbs négatif"
    r"(?:\w+\s+){0,2}?(?:(?:surface |core )?(?:antigens?|antibod\w+)|serolog\w+|antigène \w+|sérologie)"
    r"(?:\s+(?:and|et)\s+(?:\w+\s+)?(?:antigens?|antibod\w+|anticorps))?\s*,?\s*(?:both |all |tous (?:les )?deux )?"
    r"(?:negative|négati\w+))\b",
    re.I,
)


@dataclass
class Modifiers:
    negated: bool = False
    family: bool = False
    historical: bool = False
    hypothetical: bool = False
    uncertain: bool = False


# a clause of its own that says what the person does have, after a denial: ", he just has high blood pressure"
_AFFIRMED_AFTER = re.compile(
    r"[,;]\s*(?:but\s+|mais\s+)?(?:he|she|they|il|elle|ils)\s+(?:just\s+|only\s+|juste\s+|seulement\s+)?"
    r"(?:has|had|have|a|avait)\s+(?!no\b|not\b|never\b|pas\b|jamais\b)[^,.;]*$|"
    # … or what it is: "ce n'est pas le cœur, c'est le zona", "it's not your heart, it's the shingles"
    r"[,;]\s*(?:but\s+|mais\s+)?(?:c'est|it's|it is|that's|this is)\s+(?!not\b|pas\b)[^,.;]*$",
    re.I,
)
_DENIED_DEGREE = re.compile(
    r"\b(?:worst|as bad|that bad|so bad|severe|sudden|the same|as much|that much|as many|as often|as frequent\w*|high|"
    r"pire|aussi (?:fort|intense|souvent)|si fort|autant)\b[\w' ]{0,15}$",
    re.I,
)
_FIRST_TIME = re.compile(
    r"\s*(?:like (?:this|that|it)|before|this (?:bad|severe)|so bad|until|comme (?:ça|celle)|avant)", re.I
)
_NEVER_BEFORE = re.compile(r"\b(?:never|jamais)\b(?:\s+[\w']+){0,3}\s*$", re.I)


# Spoken French drops the "ne": "je tousse pas", "ça gratte jamais". A subject right before the symptom's verb
# and "pas"/"jamais" right after it deny it, but "pas mal" / "pas beaucoup" / "pas que" tell how much ("je tousse
# pas mal" is a lot of coughing), and "plus" alone is "more" as often as "no more".
_COLLOQUIAL_NOT = re.compile(
    r"\b(?:je|j'|tu|il|elle|on|vous|ça|ca|ils|elles)\s*(?:me\s+|m'|te\s+|vous\s+|en\s+)?$", re.I
)
_NOT_AFTER = re.compile(
    r"\s+(?:pas|jamais)\b(?!\s+(?:mal|beaucoup|trop|que|qu'|seulement|autant|tant|souvent|tellement|assez|"
    r"si|très|vraiment|toujours|tout le temps))",
    re.I,
)


def denied_after(text: str, start: int, end: int) -> bool:
    """Is the French symptom verb at text[start:end] denied by a "pas"/"jamais" after it, its "ne" dropped
    ("je tousse pas")? Then no negation stands before it, and none needs to."""
    # "j'arrive pas à dormir" is the symptom's own words: its "pas" denies nothing
    return bool(_COLLOQUIAL_NOT.search(text[max(0, start - 14) : start]) and _NOT_AFTER.match(text[end : end + 16]))


# "it helped the burning a little but not the chest pressure": what the "not" denies is the help
HELPED_BUT_NOT = re.compile(r"\bhelp\w*\b[^.;?!]{0,40}?\bbut not\b", re.I)


# a reply corrected after a denial: "no … well, actually, yes", "non, personne … ah si"
_CORRECTION = re.compile(r"\b(?:actually|wait|ah si|oh si|enfin si|ben si)\b", re.I)


def _corrected_before(before: str) -> bool:
    """A correction stands between the denial and the mention, and no new denial follows it."""
    found = list(_CORRECTION.finditer(before))
    return bool(found) and not _NEG_FALLBACK.search(before[found[-1].end() :])


_NOT_A_RELATIVE = re.compile(rf"\bfamily (?:{_CARE})\b|\bmédecin de famille\b", re.I)


def context_of(text: str, spans: list[tuple[int, int]], lang: str) -> list[Modifiers]:
    """ConText modifiers for each (start, end) char span of `text`."""
    if not spans:
        return []
    # negations that belong to a symptom phrase ("can't catch my breath", "I can't stop itching", "can't get
    # rid of this cough") are not negations of it
    text = re.sub(
        r"\b(?:can'?t|ca n't|cannot|could ?n'?t|could n't)(?= (?:catch|stop|get rid|shake|seem to (?:stop|shake)))|"
        # "the tamsulosin isn't helping the dizziness": what does not help is denied, not the symptom
        r"\b(?:is|are|was|does|did|will|wo)(?:n'?t| not)(?= (?:help\w*|do anything for)\b)|\bnot(?= helping\b)|"
        + LACK_SAID.pattern,  # "no energy, like i'm walking through mud"
        lambda m: "x" * len(m.group(0)),
        text,
        flags=re.I,
    )  # … and "it helped the burning a little but not the chest pressure": the help is denied
    text = HELPED_BUT_NOT.sub(lambda m: m.group(0)[:-3] + "xxx", text)
    text = _NOT_A_RELATIVE.sub(lambda m: "x" * len(m.group(0)), text)  # "my family doctor put me on …"
    try:
        with _ctx_lock:
            nlp, ctx = _context_pipeline(lang)
            doc = nlp(text)
            ents, index = [], []
            for i, (s, e) in enumerate(spans):
                sp = doc.char_span(s, e, label="T", alignment_mode="expand")
                if sp is not None and not any(sp.start < o.end and o.start < sp.end for o in ents):
                    ents.append(sp)
                    index.append(i)
            doc.ents = ents
            doc = ctx(doc)
            out = [Modifiers() for _ in spans]
            for ent, i in zip(doc.ents, index):
                out[i] = Modifiers(
                    bool(ent._.is_negated),
                    bool(ent._.is_family),
                    bool(ent._.is_historical),
                    bool(ent._.is_hypothetical),
                    bool(ent._.is_uncertain),
                )
            for i, (s, _e) in enumerate(spans):
                if out[i].negated and _corrected_before(text[max(0, s - 80) : s]):
                    out[i].negated = False  # "no, nobody … well, actually, my aunt had a goiter"
            for i, (s, _e) in enumerate(spans):
                if out[i].negated and _AFFIRMED_AFTER.search(text[max(0, s - 60) : s]):
                    out[i].negated = False  # "my dad doesn't have diabetes, he just has high blood pressure"
            for i, (s, e) in enumerate(spans):  # "j'avais de l'eczéma quand j'étais petit, ça a disparu": had it
                had = _HAD_BEFORE.search(text[max(0, s - 30) : s])
                if out[i].negated and had and resolved_after(text[e:], later=True):
                    out[i].negated, out[i].historical = False, True
            for i, (s, e) in enumerate(spans):  # "this isn't the worst headache": the degree is denied, not it
                if out[i].negated and _DENIED_DEGREE.search(text[max(0, s - 30) : s]):
                    out[i].negated = False
                if not_had(text[:s]) or in_general(text, s, e):  # a simile, a list of risks, "stroke risk"
                    out[i].hypothetical = True  # nobody has it
                if _NO_NEVER_AFTER.match(text, e):
                    out[i].negated = True  # "a bladder infection, no, never."
                if _NEVER_BEFORE.search(text[max(0, s - 40) : s]):
                    # "I've never passed out in my life"; but "never had pain like this": a first episode, now
                    out[i].negated = not _FIRST_TIME.match(text[e : e + 25])
            if lang == "fr":  # "je ne fume pas": the split negation around the verb
                for i, (s, e) in enumerate(spans):
                    if re.search(r"\b(?:ne|n')\s*\S*\s*$", text[max(0, s - 12) : s], re.I) and re.match(
                        r"\S*\s+(?:pas|jamais|plus|guère)\b", text[s : e + 12], re.I
                    ):
                        out[i].negated = True
                    elif denied_after(text, s, e):
                        out[i].negated = True  # "je tousse pas", "ça gratte pas": spoken French drops the "ne"
            return out
    except ImportError:  # medspacy missing: a crude window rule keeps the pipeline usable
        out = []
        for s, _e in spans:
            before = text[max(0, s - 40) : s]
            out.append(Modifiers(negated=bool(_NEG_FALLBACK.search(before)), family=bool(FAMILY.search(before))))
        return out


_NO_NEVER_AFTER = re.compile(r"\s*,?\s*(?:no|non)\s*,?\s*(?:never|not really|jamais|pas vraiment)\b", re.I)


# The clinician's own opinion, not yet a finding: "I think you have", "it sounds like", "je pense que c'est".
# A reviewer reads these as probable, and ICD-10-CM outpatient rules do not code them (sections._dx_text).
_OPINION_BEFORE = re.compile(
    r"\b(?:i (?:do |still )?(?:think|believe|feel)(?: that)? (?:you(?:'re| are)? (?:have|having|dealing with|"
    r"suffering from|got)|you've got|this is|it'?s|it is|that'?s|there'?s|we'?re dealing with)|"
    r"(?:it |this )?(?:sounds?|looks?|seems?) (?:like|to be)|my (?:impression|suspicion|guess) is|"
    r"je (?:pense|crois) (?:que (?:c'est|vous avez|vous faites)|qu'il s'agit)|on dirait|ça ressemble à|il semble)\b",
    re.I,
)


# a condition named as the cause of what is hedged is itself had: "from your diabetes", "liée au diabète"
_OWN_CAUSE = re.compile(
    r"\b(?:from|due to|because of|caused by|related to|secondary to) (?:your|his|her|their) (?:\w+ )?$|"
    r"\b(?:lié|liée|liés|liées|dû|due|dus|dues) (?:à (?:votre |son |sa |leur |la |l')?|au |aux )$",
    re.I,
)
# the same thing named again after a comma ("…the start of nerve damage, an early neuropathy")
_APPOSITION = re.compile(r",\s*(?:une?|an?|the|la|le|l'|des|some)\s+(?:\w+\s+)?$", re.I)


_TO_BE_SURE = re.compile(
    r"^\W*(?:but|mais)\s+(?:i|we|je|on)\s+(?:want|need|'d like|would like|veux|voudrais|préfère)\s+"
    r"(?:to be sure|to make sure|to check|to rule (?:it|that) out|en être sûre?|être sûre?|vérifier|l'éliminer)\b",
    re.I,
)


def certainty(text: str, start: int, end: int, mods: Modifiers | None = None) -> str:
    """How sure the speaker is of the diagnosis at text[start:end]: confirmed, probable (the clinician's
    opinion: "I think you have"), possible (hedged, or doubted but still to be excluded: "i don't think this is
    cancer, but i want to be sure") or ruled-out."""
    sure = _certainty(text, start, end, mods)
    return "possible" if sure == "ruled-out" and _TO_BE_SURE.match(text[end:]) else sure


def _certainty(text: str, start: int, end: int, mods: Modifiers | None) -> str:
    before, after = text[:start], text[end:]
    clause = _CLAUSE_BREAK.split(before)[-1]
    if _CONCLUDED.search(clause) or _RULED_OUT.search(clause) and not _HEDGE_BEFORE.search(clause):
        return "ruled-out"
    if _RULED_OUT_AFTER.match(after) or _TESTED_NEGATIVE_AFTER.match(after) or _NO_SIGNS_OF_NAMED.search(clause):
        return "ruled-out"  # "the high ankle sprain, the syndesmosis, doesn't look involved"
    if mods is not None and mods.negated:
        return "ruled-out"
    if _OWN_CAUSE.search(clause):
        return "confirmed"  # "could be nerve damage from your diabetes": the diabetes is had, the damage hedged
    appositive = _APPOSITION.search(clause)
    if _HEDGE_BEFORE.search(clause) or _HEDGE_AFTER.search(after):
        return "possible"
    if appositive and _HEDGE_BEFORE.search(clause[: appositive.start()]):
        return "possible"  # "ça peut être le début d'une atteinte des nerfs, une neuropathie débutante"
    if mods is not None and (mods.hypothetical or mods.uncertain):
        return "possible"
    if _OPINION_BEFORE.search(clause):
        return "probable"
    return "confirmed"


def hedged(text: str) -> bool:
    """Does a note sentence word its content as possible (for the certainty check)?"""
    return bool(
        re.search(
            r"\b(?:possible|possibly|probable|probably|likely|suspected|rule out|r/o|versus|vs\.?|"
            r"may|might|could|cannot be excluded|suspicion|évoqu\w+|éventuel\w*|à éliminer|"
            r"probablement|possiblement)\b|\?",
            text,
            re.I,
        )
    )


_HAD_BEFORE = re.compile(r"\b(?:had|used to have|j'avais|j'ai eu|avait|a eu|avais)\s+(?:[\w']+\s*){0,2}$", re.I)


def resolve_polarity(facts: list[Fact], kinds: tuple[str, ...] = ("symptom", "family_history")) -> list[Fact]:
    """One fact per finding: when the visit says both "present" and "absent" ("no… actually a little"),
    the later statement wins; the fact keeps the overruled evidence time in `attributes.resolved`."""
    by_label: dict[tuple[str, str, str], list[Fact]] = {}
    for f in facts:
        if f.kind in kinds and f.status in ("present", "absent"):
            by_label.setdefault((f.kind, f.label, disease_site(f.attributes.get("term", ""))), []).append(f)
    drop: set[int] = set()
    for group in by_label.values():
        if len({f.status for f in group}) < 2:
            continue
        group.sort(key=lambda f: max((e.start for e in f.evidence), default=0.0))
        # a relative named with the disease outweighs "no one in the family" said before or after it
        named = [f for f in group if f.kind == "family_history" and f.attributes.get("relative")]
        winner = named[-1] if named and all(f.status == "present" for f in named) else group[-1]
        # "my dad had it … my brother has kidney stones, but no gout": the brother's "no" leaves the father's gout
        has_it = [f for f in named if f.status == "present"]
        if has_it and not any(
            f.status == "absent" and f.attributes.get("relative") == has_it[-1].attributes.get("relative")
            for f in group[group.index(has_it[-1]) :]
        ):
            winner = has_it[-1]
        group.remove(winner)
        group.append(winner)
        for loser in group[:-1]:
            drop.add(id(loser))
            first = min((e.start for e in loser.evidence), default=0.0)
            winner.attributes["resolved"] = f"{loser.status} at {first:.1f}s overruled by a later statement"
    return [f for f in facts if id(f) not in drop]


_GIVEN_HERE = re.compile(
    r"\b(?:inject(?:ed|ion|ing)?|shot|gave (?:you|him|her)|administer(?:ed)?|infiltrat\w+|"
    r"injecté|injection|infiltration)\b",
    re.I,
)

_GIVEN_NOW = re.compile(
    r"\b(?:the nurse (?:is going to|will) give you|(?:give|giving) you a shot of|you got [\w ]{3,40}? here)\b", re.I
)

# a single dose taken in the room, said in the turn that gives it
_TAKEN_HERE = re.compile(
    r"\b(?:que vous (?:le |la )?preniez ici|prenez-(?:le|la) ici|take (?:it|this one) here|"
    r"the nurse (?:will|is going to) (?:bring|prepare) (?:it|that)|"
    r"l'infirmière va vous (?:le |la )?(?:préparer|apporter)|i'm cleaning the skin|a little (?:scratch|pinch|sting))\b",
    re.I,
)

# another treatment the sentence brings in: "on the higher methotrexate, we'll talk about adding a biologic injection"
# is no injection of the methotrexate (its route, and whether it was given here)
ANOTHER_TREATMENT = re.compile(
    r"\b(?:add(?:ing)?|another|talk about|consider\w*|switch\w* to|ajouter|envisag\w*|un autre|une autre)\b", re.I
)


def _around(text: str, quote: str, width: int = 120) -> str:
    """The words of the quote's own clause, within `width` characters: "a steroid injection today, and keep taking
    the meloxicam" gives the meloxicam "keep taking the meloxicam", not the injection."""
    at = text.find(quote)
    if at < 0:
        return ""
    lo, hi = max(0, at - width), at + len(quote) + width
    cuts = list(_CLAUSE_END.finditer(text, lo, hi))
    lo = max([m.end() for m in cuts if m.end() <= at], default=lo)
    hi = min([m.start() for m in cuts if m.start() >= at + len(quote)], default=hi)
    return text[lo:hi]


_CLAUSE_END = re.compile(r"[.;!?]|,\s*(?:and|then|but|et|puis|mais)\b|\band (?:then|also)\b", re.I)


def resolve_medications(facts: list[Fact], segment_text: dict[int, str]) -> list[Fact]:
    """One status per drug, as the visit ended: a stop said after the patient named the drug wins over
    "current" (so the note never says both "Continue Advil" and "Stop Advil"); a drug the clinician
    injected in the room is `administered`, not a home medication."""
    by_label: dict[str, list[Fact]] = {}
    for f in facts:
        if f.kind == "medication":
            by_label.setdefault(f.label, []).append(f)
    drop: set[int] = set()
    for group in by_label.values():
        stops = [f for f in group if f.status == "stopped"]
        last_stop = max((min(e.start for e in f.evidence) for f in stops), default=None)
        for f in group:
            first = min((e.start for e in f.evidence), default=0.0)
            if f.status == "current" and (
                f.attributes.get("later") == "stopped" or last_stop is not None and first <= last_stop
            ):
                drop.add(id(f))
                for s in stops:  # the stop keeps what the patient said of the drug, with its evidence
                    for k, v in f.attributes.items():
                        s.attributes.setdefault(k, v)
                    s.evidence += [e for e in f.evidence if e not in s.evidence]
    for f in facts:
        if f.kind != "medication" or f.status not in ("current", "new") or id(f) in drop:
            continue
        said = " ".join(
            _around(segment_text.get(e.segment_id, ""), e.quote) for e in f.evidence if e.role == "clinician"
        )
        given = _GIVEN_HERE.search(said) if said and not f.attributes.get("frequency") else None  # "one shot a day,
        # at bedtime": a regimen taken at home
        if given and ANOTHER_TREATMENT.search(said[: given.start()]) or f.attributes.get("prescriber") == "other":
            given = None  # (not "they gave you oxycodone at the hospital, from the obstetrician")
        if f.status == "new":  # a start is given here only when the room is said: "the nurse is going to give you a
            given = _GIVEN_NOW.search(said) if said else None  # shot of ketorolac, … in the muscle"
        elif f.attributes.get("route") in ("injection", "injected"):
            given = True
        turns = " ".join({segment_text.get(e.segment_id, "") for e in f.evidence if e.role == "clinician"})
        if not f.attributes.get("frequency") and _TAKEN_HERE.search(turns):
            given = True  # "… la fosfomycine, trois grammes. et je préfère que vous le preniez ici, maintenant"
        if given:
            f.status = "administered"
    return [f for f in facts if id(f) not in drop]
