"""A drug's clause, and whether the drug is named there as a medication.

A mention's scope runs from the previous drug, or the start of its clause, to the next drug or the end
of its clause. A mention is a medication only with medication context (a dose, a medication verb or
word, or the answer to a medication question); a laboratory analyte ("uric acid was 9") without a dose
is not. Also here: drugs listed together, conditional clauses, and the questions about medications
(the clinician's, and the patient's "can I take...?").
"""

from __future__ import annotations

import re

from scribe.notes.medication.attributes import Attributes
from scribe.notes.medication.later import STARTS_LATER, on_a_condition
from scribe.notes.medication.names import Mention, one_drug
from scribe.notes.medication.status import NO_MORE_BEFORE, has_own_status

# where a drug's clause starts (left) or ends (right)
_LEFT_CUT = re.compile(
    r"[;:]|\b(?:but|because|since|although|though|whereas|however|mais|parce que|car|puisque|"
    r"sauf)\b|"
    r",\s*(?:(?:and|so|now|then|et|alors|donc)\s+)?(?=(?:i|we|he|she|they|je|nous|il|elle|ils)\b)|"
    r"\b(?:and|so|et|donc)\s+(?=(?:i|we|he|she|they|je|nous|il|elle|ils)\b)",
    re.I,
)
_PREV_CUT = re.compile(r"[,;:]|\b(?:and|or|then|also|plus|et|ou|puis|aussi)\b", re.I)
_RIGHT_CUT = re.compile(
    # "restart it, but at a higher dose: 40 mg" goes on about the drug
    r";|\b(?:but|mais)\b(?!\s+(?:(?:at|with|à|avec) )?(?:a |the |une? |la )?(?:higher|lower|new|different|smaller|"
    r"bigger|plus (?:forte|faible|petite)|nouvelle) (?:dose|dosage|strength))|"
    r"\b(?:because|although|though|whereas|however|parce que|car|sauf)\b|"
    r"\b(?:and|et)\s+(?:i|we|he|she|they|my|the (?:pain|symptoms?)|it|je|nous|il|elle|ils|mon|ma|"
    r"la douleur)\b|"
    # another order begins: "stop the famotidine and start [a drug the recogniser missed] 40 mg"
    r"\b(?:and|then|et|puis)\s+(?:start|stop|switch|begin|commencer|arrêter|arrêtez)\b|"
    # the next item of a recap: "nicotine patch fourteen a day, plus the gum as needed"
    r",\s*(?:plus|as well as|along with|avec|ainsi que)\s+(?:the|your|some|le|la|les|l'|du|des)\b",
    re.I,
)

# medication context (any one of them in the drug's clause)
_STRONG_CUE = re.compile(
    r"\b(?:take|takes|taking|took|taken|prescri\w*|get (?:you|him|her) some|"
    r"refill\w*|pills?|tablets?|capsules?|doses?|dosage|dosing|mg|"
    r"milligrams?|mcg|medications?|medicines?|meds|prescriptions?|pharmacy|inhalers?|injections?|"
    r"over the counter|otc|supplements?|course of|antibiotics?|dispense|je prends|prends|prenez|prendre|pris|"
    r"traitements?|médicaments?|comprimés?|gélules?|cachets?|sachets?|ordonnance|prescris|prescrire|posologie|"
    r"pharmacie)\b",
    re.I,
)
_WEAK_CUE = re.compile(
    r"\b(?:start\w*|stop\w*|quit|discontinu\w*|continu\w*|resum\w*|increas\w*|decreas\w*|doubl\w*|switch\w*|"
    r"hold|held|keep|kept|use|uses|using|used|try|tried|trying|give|gave|given|giving|shots?|cream|ointment|patch|"
    r"taper|gel (?:called|named)|"
    r"drops|off (?:of )?(?:the|your|his|her)|(?<!on )top (?:the|your|his|her)|"
    r"add|adding|treat\w* (?:you |him |her |it |this |that )?with|trait\w* par|inject\w*|"
    r"help|helps|helped|helping|relie\w*|work|works|worked|working|tolerat\w*|side effects?|"
    r"discount|insurance|covered|copay|generic|priced|cost|"
    r"arrêt\w*|poursui\w*|donn\w*|ajout\w*|mets|mettre|essay\w*|augment\w*|diminu\w*|utilise\w*|renouvel\w*|mieux|"
    r"soulag\w*|calm\w*|efficace|effet|aide|prise unique|single dose|antivir\w*|"
    r"(?<!ne )(?<!ne la )(?<!ne le )(?:commenc\w*|démarr\w*))\b",
    re.I,
)
# a dosage form right after the name ("clindamycin gel", "albuterol inhaler")
_FORM_AFTER = re.compile(
    r"^\s*(?:gel|cream|ointment|lotion|patch(?:es)?|inhaler|drops|spray|tablets?|pills?|capsules?|"
    r"injections?|shots?|suppositor\w+|solution|suspension|syrup|topical|er|xr|sr|cr|dr|"
    r"extended[- ]release|crème|pommade|comprimés?|gélules?|sirop|collyre|inhalateur)\b",
    re.I,
)
# "on"/"off"/"sous" count only right before the drug: "I'm on lisinopril", "je suis sous Kardégic"
_ON_BEFORE = re.compile(
    r"\b(?:am|'m|is|'s|are|'re|was|were|been|be|being|stay\w*|keep|kept|still|put \w+|placed \w+|start\w* \w+|"
    r"have \w+|has \w+|had \w+|get \w+|got \w+|go|went|come|came|back)\s+(?:(?:also|still|already|just|only|"
    r"currently|now|both)\s+)?(?:on|off(?: of)?)\s+"
    r"(?:(?:the|a|some|your|my|his|her|their|low[- ]dose|daily)\s+)?$|\bsous\s+(?:\w+\s+)?$",
    re.I,
)
# the drug switched to, past the one switched from: "switch you from the flovent to symbicort", "passer du X au Y"
_SWITCHED_TO = re.compile(
    r"\b(?:switch\w*|chang\w*|mov\w*|go\w*|pass\w*)\b[^.;]{0,40}?\b(?:from|du|de la|de l')\b[^.;]{0,50}?"
    r"\s(?:to|au|à la|à l')\s*(?:the\s+)?$",
    re.I,
)
_MED_QUESTION = re.compile(
    r"\b(?:medications?|medicines?|meds|pills|prescriptions?|taking|take|taken|took|tried|"
    r"try|using|on anything|supplements?|doing for (?:the|your|that) pain|for the pain|inhalers?|puffers?|"
    r"médicaments?|traitements?|prenez|pris|essayé|essais?|contre la douleur|pour la douleur|doses?|dosage|"
    r"posologie)\b",
    re.I,
)
_LAB = re.compile(
    r"\b(?:levels?|labs?|lab work|blood ?work|blood tests?|tests?|tested|testing|results?|came back|come back|counts?|"
    r"panel|check(?:ed|ing)?|measur\w*|screen\w*|values?|was (?:high|low|elevated|normal|up|down|\d)|"
    r"is (?:high|low|elevated|normal|up|down|\d)|were (?:high|low|elevated|normal)|elevated|"
    r"taux|bilan|analyses?|résultats?|prise de sang|était|est (?:élevée?|bas|basse|normale?))\b",
    re.I,
)


_NOUN_USE = re.compile(
    r"\b(?:an?|the|any|some|no)\s+(?:increase|decrease|change|switch|rise|drop|reduction|"
    r"start|stop)\s+(?:in|of|with|to)\b",
    re.I,
)


def denoun(text: str) -> str:
    """ "an increase in abnormal paps": a noun, not a verb acting on a drug (same length, blanked)."""
    return _NOUN_USE.sub(lambda m: " " * len(m.group(0)), text)


# A speaker correcting themselves: what follows replaces what came before ("once a day, no actually twice").
CORRECTION = re.compile(
    r"\b(?:no,? actually|actually,? no|sorry|i mean|correction|or rather|non,? en fait|pardon|enfin non|"
    r"je veux dire|plutôt)\b",
    re.I,
)


_A_KIND_BEFORE = re.compile(r"\b(?:un|une|a|an)\s+[\w-]+\s*,\s*(?:the\s+|le\s+|la\s+|l')?$", re.I)


def clause_scope(text: str, mentions: list[Mention], j: int) -> tuple[int, int]:
    """Where the clause of mention j starts (before it) and ends (after it). A drug that corrects the one
    before it ("treat you with penicillin or, I'm sorry, amoxicillin") has that drug's clause start."""
    m = mentions[j]
    between = text[mentions[j - 1].end : m.start] if j > 0 else ""
    if j > 0 and len(between) < 40 and CORRECTION.search(between):
        lo = clause_scope(text, mentions, j - 1)[0]
    else:
        lo = mentions[j - 1].end if j > 0 else 0
        cut = list((_PREV_CUT if j > 0 else _LEFT_CUT).finditer(text[lo : m.start]))
        if cut and _A_KIND_BEFORE.search(text, lo, m.start):
            cut = cut[:-1]  # the drug's kind said before it starts its clause: "on commence un antiviral, le X"
        if cut:
            lo += cut[-1].end()
    hi = mentions[j + 1].start if j + 1 < len(mentions) else len(text)
    c = _RIGHT_CUT.search(text, m.end, hi)
    if c:
        hi = c.start()
    return lo, hi


def has_medication_context(
    text: str, mentions: list[Mention], j: int, attrs: Attributes | None = None, prompted: bool = False
) -> bool:
    """A dose, a medication word or verb in the mention's clause, or the answer to a medication question;
    a mention that is not a medicine (a MeSH chemical: "diamonds") needs a dose or a strong cue."""
    m = mentions[j]
    lo, hi = clause_scope(text, mentions, j)
    text = denoun(text)
    clause = text[lo : m.start] + " " + text[m.end : hi]
    dose = attrs is not None and attrs.dose is not None and attrs.unit is not None
    if dose:
        return True
    strong = bool(
        _STRONG_CUE.search(clause)
        or _ON_BEFORE.search(text[lo : m.start])
        or _FORM_AFTER.match(text[m.end : hi])
        or j > 0
        and m.start - mentions[j - 1].end < 20
        and _SWITCHED_TO.search(text[max(0, m.start - 120) : m.start])
    )
    if strong:
        return True
    if not m.drug_like:
        return False
    # a medicine's cue may stand past its clause ("the hydrochlorothiazide ... but those are all small pills")
    after = text[m.end : mentions[j + 1].start if j + 1 < len(mentions) else len(text)]
    return (
        prompted
        or bool(_WEAK_CUE.search(clause) or _STRONG_CUE.search(after) or NO_MORE_BEFORE.search(text[lo : m.start]))
        or bool(attrs and (attrs.frequency or attrs.as_needed or attrs.max_per_day))
    )


def continues_with_cue(previous_sentence: str) -> bool:
    """A sentence cut by an ellipsis or a dash after a medication cue ("continue you on this ... on the
    synthroid"): the next sentence inherits the cue."""
    t = previous_sentence.rstrip()
    return bool(re.search(r"(?:\.\.\.|…|-)$", t)) and bool(_STRONG_CUE.search(t[-80:]) or _WEAK_CUE.search(t[-80:]))


_LAB_WORDS = re.compile(
    r"\b(?:cbc|cmp|bmp|ferritin|iron|b12|b-12|tsh|t4|a1c|lipids?|panel|metabolic|count|levels?|electrolytes|"
    r"creatinine|labs?|nfs|ionogramme|ferritine|bilan)\b",
    re.I,
)
_LAB_VERB = re.compile(r"\b(?:check|recheck|draw|order|get|repeat|labs?|blood ?work|bilan|prise de sang|doser)\b", re.I)


def is_lab_mention(text: str, mentions: list[Mention], j: int, attrs: Attributes | None = None) -> bool:
    """An analyte named as a test or result ("your uric acid was 9", "check your vitamin D level")."""
    if re.match(r"\s*,?\s*(?:est|était|is|was|came back) (?:à|at)\b", text[mentions[j].end :], re.I):
        return True  # "le ldl cholestérol est à zéro virgule quatre-vingt-douze gramme": a value, whatever its unit
    if attrs is not None and attrs.dose is not None and attrs.unit is not None:
        return False
    m = mentions[j]
    lo, hi = clause_scope(text, mentions, j)
    listed = text[max(0, m.start - 80) : m.start]  # "recheck a cbc, iron, ferritin, b12 and folate"
    if len(_LAB_WORDS.findall(listed)) >= 2 and _LAB_VERB.search(text[: m.start]):
        return True
    if re.match(r"\W*(?:labs?|lab work|blood ?work|bilan|analyses)\s*:", text, re.I):
        return True  # a list of tests: "labs: vitamin b twelve today, repeat the urine albumin in three months"
    return bool(
        _LAB.search(text[m.end : hi][:40])
        or re.search(
            r"\b(?:check\w*|test\w*|measur\w*|doser|vérifier|contrôler)\s+(?:\w+\s+){0,2}$|\b(?:abnormal|normal|anormale?s?)\s+$|"
            r"\b(?:dosage|taux)\s+(?:de |du |des |d')?(?:la |le |l')?$",
            text[lo : m.start],
            re.I,
        )
    )


_CONNECTOR = re.compile(r"\b(?:and|or|with|along with|together with|as well as|plus|et|ou|avec|ainsi que)\b", re.I)


def linked(text: str, mentions: list[Mention], j: int) -> str:
    """How mention j is listed with the previous one, without a verb of its own: "and" (joined by a
    connector: "the aspirin and the metoprolol", "meloxicam 15 mg along with some ultram": same context
    and status), "list" (commas only: "coq10, vitamin c": same context), or "" (not listed)."""
    if j == 0:
        return ""
    between = text[mentions[j - 1].end : mentions[j].start]
    if len(between.split()) > 12 or re.search(r"[.;:?!]", between):
        return ""
    cuts = list(_PREV_CUT.finditer(between)) + list(_CONNECTOR.finditer(between))
    tail = between[max(c.end() for c in cuts) :] if cuts else between
    if has_own_status(tail) or _STRONG_CUE.search(tail) or len(tail.split()) > 3:
        return ""
    if cuts and has_own_status(between[: min(c.start() for c in cuts)]):
        return ""  # the first drug had its own status: "lisinopril stopped, last dose this morning, and entresto …"
    conn = list(_CONNECTOR.finditer(between))  # "l'advil et tous les anti-inflammatoires, paracétamol …": the "and"
    if conn and not re.search(r"\w[^,]*,\s*$", between[conn[-1].end() :]):  # joins another item, then a list
        return "and"
    bare = re.fullmatch(r"[\s,/&]*(?:(?:the|your|my|some|du|de la|de l'|des|le|la|les|l')\s*)?", tail, re.I)
    if _OWN_PURPOSE.match(text[mentions[j].end :]):
        return ""  # "plus jamais de kétoprofène ni d'anti-inflammatoires, paracétamol pour le dos": an item of its own
    return "list" if bare and len(between.split()) <= 5 else ""


_OWN_PURPOSE = re.compile(r"\s*(?:for|pour) (?:the|your|his|her|le|la|les|l'|vos|votre|son|sa)\s*\w+", re.I)


def hypothetical_in_clause(text: str, mentions: list[Mention], j: int) -> bool:
    """Whether the mention's own clause is conditional ("if the pain persists we could try X"): a
    ConText 'hypothetical' from an "if" of another clause of a long sentence does not count."""
    lo, _hi = clause_scope(text, mentions, j)
    return bool(
        re.search(
            r"\b(?:if|unless|in case|whether|should you|si|au cas où|à moins)\b",
            text[max(0, lo - 60) : mentions[j].start],
            re.I,
        )
    )


# A drug the clinician only weighed, or set aside for now: "a medication i considered, azithromycin, …",
# "no azithromycin for now", "pas de X pour l'instant"
_CONSIDERED_BEFORE = re.compile(
    r"\b(?:i|we) (?:also )?(?:considered|thought about|was thinking about|weighed)\b[^.;]{0,20}$|"
    # "il y a un autre médicament dont on aurait pu parler, le montélukast"; "we could have talked about"
    r"\b(?:on|nous|je|j') ?(?:aurait|aurions|aurais) pu (?:parler|envisager|essayer|proposer)\b[^.;]{0,45}$|"
    r"\b(?:we|i) could have (?:talked about|tried|used|considered)\b[^.;]{0,45}$|"
    # "then we could add a second drug, diltiazem", "we might try melatonin"
    r"\b(?:we|i) (?:could|might) (?:also )?(?:try|add|consider|use|start|give|put (?:you|him|her) on)\b[^.;]{0,40}$|"
    r"\b(?:the )?(?:next|other|another) (?:option|step) (?:would be|is|will be|could be|might be)\b[^.;]{0,20}$|"
    r"\b(?:la )?prochaine étape (?:serait|pourrait être|sera)\b[^.;]{0,20}$|"
    # "you'll end up needing a medicine like allopurinol", "we'll talk about starting allopurinol then"
    r"\b(?:a|an|some|are|other) (?:medicines?|medications?|drugs?|pills?|treatments?) (?:like|such as)\s*$|"
    r"\b(?:talk|think|discuss)(?:ing)? about (?:starting|adding|trying) something (?:else )?like\s*$|"
    r"\b(?:talk|think|discuss)(?:ing)? about (?:starting|adding|trying|putting you on|(?:a|an|the) (?:medication|"
    r"medicine|drug|pill|tablet) (?:called|named))\s*(?:the\s+)?$|"  # "think about a medication called duloxetine"
    r"\b(?:normally|usually|d'habitude|normalement),? (?:i'd|i would|we'd|je|on) (?:give|use|prescribe|donnerais|"
    r"prescrirais|donnerait)\b[^.;]{0,30}$|"  # "normally i'd give something like naproxen" (not today)
    r"\bun (?:médicament|traitement) (?:comme|du type)\s*(?:le |la |l')?$|"
    # "down the road the cardiologist may switch the lisinopril to sacubitril valsartan"
    r"\b(?:may|might|could|would) (?:\w+ )?(?:switch|change|move|go)\b[^.;]{0,40}\b(?:to|for)\s+(?:the |some )?"
    r"(?:[\w-]+\s*,?\s+){0,5}$|"  # (and the brand after it: "…to sacubitril valsartan, entresto"; "… with clavulanate")
    r"\bl'autre option serait\b[^.;]{0,20}$|"
    # "je pourrai vous prescrire autre chose pour quelques jours, éventuellement du tramadol"
    r"\b(?:je|on|nous) (?:pourrai|pourrais|pourra|pourrait|pourrons|pourrions) (?:vous |lui )?"
    r"(?:prescrire|donner|essayer|proposer|ajouter|passer|augmenter|discuter)\b[^.;]{0,90}$|"
    r"\béventuellement\s+(?:du |de la |de l'|des )?$|\b(?:ça|cela) pourrait être\s+(?:le |la |l')?$|"
    # "si ce n'est pas le cas, … on ajouterait un autre antibiotique, de la clarithromycine par exemple"
    r"\b(?:on|je|j'|nous) ?(?:ajouterai[st]?|donnerai[st]|prescrirai[st]|passerai[st]|essaierai[st]|ajouterions)\b"
    r"[^.;]{0,60}$|"
    # said of people in general: "rarely, in young adults starting an antidepressant, dark thoughts can appear"
    r"\b(?:i|we)(?:'d| would) (?:think of|consider)\b[^.;]{0,20}$|"
    r"\b(?:in|for|chez (?:les )?) ?(?:young |older |jeunes )?(?:adults|people|patients|children|kids|teens|"
    r"teenagers|adultes|gens|enfants)\b[^.;]{0,30}$|"
    # what a product is made of: "ces comprimés contiennent un vasoconstricteur, de la pseudoéphédrine", "the
    # combined pill, the one with estrogen"
    r"\b(?:contains?|containing|contiennent|contient|contenant|the ones? with)\b[^.;]{0,40}$|"
    r"\b(?:has|have) (?:some )?[\w-]+ in (?:it|them)\b[^.;]{0,30}$|"  # "the tylenol pm has diphenhydramine in it, an"
    r"\b(?:la même molécule|the same (?:molecule|drug|medicine))\b[^.;]{0,30}$|"  # "… qu'une statine, la lovastatine"
    # "plus tard, j'envisage de réessayer une statine, mais autrement : la rosuvastatine"
    r"\b(?:j'envisage|on envisage|nous envisageons|i'm considering|i am considering|we're considering)\b[^.;]{0,60}$|"
    # refused: "i'm not going to prescribe anything like xanax or lorazepam", "je ne vais pas vous prescrire de …"
    r"\b(?:i'm|i am|we're|we are) not (?:going to|gonna) (?:prescribe|give|start|put you on)\b[^.;]{0,40}$|"
    r"\b(?:i|we) (?:won't|will not|wo n't) (?:prescribe|give you|start)\b[^.;]{0,40}$|"
    r"\bje ne vais pas (?:vous |lui )?(?:prescrire|donner|mettre sous)\b[^.;]{0,40}$|"
    # what is usually given, said before why not this time: "normalement, on donne de l'amoxicilline. mais …"
    r"\b(?:normally|usually|normalement|d'habitude|habituellement|en général)\s*,?\s*(?:we|on) "
    r"(?:give|use|donne|utilise|prescri\w*)\b[^.;]{0,20}$",
    re.I,
)
_PEOPLE_TAKE = re.compile(  # … and what not to take it with: "don't take it at the same time as milk, … or antacids"
    r"\bwhen (?:people|patients|someone) take\b[^.;]{0,100}$|"
    r"\b(?:don't|do not|never) take (?:it|them|this|that) (?:at the same time as|together with|with)\b[^.;]{0,80}$",
    re.I,
)
# the next sentence says nothing named before starts: "… or a hormonal iud like the mirena. those are her call, we're
# not starting anything today"
NOT_STARTING = re.compile(
    r"^[^.]{0,40}\b(?:(?:we're|we are|i'm|i am) not (?:starting|prescribing)|(?:we|i) (?:won't|will not) "
    r"(?:start|prescribe)) (?:anything|any of (?:them|those)|(?:it|that|this one) (?:today|now|yet|for now))\b|"
    r"^[^.]{0,40}\bon ne (?:commence|démarre|prescrit) rien\b|"
    # a prescription kept at home: "… doxycycline to keep at home. you do not start it now. if the phlegm …"
    r"^[^.]{0,40}\byou (?:do not|don't) (?:start|take) (?:it|them) (?:now|yet|today|straight away)\b|"
    r"^[^.]{0,40}\bne (?:le|la|les) (?:commencez|prenez|commence|démarre|démarrez) pas(?: "
    r"(?:maintenant|tout de suite|aujourd'hui)\b|\W*$)|"  # "pour l'instant on ne le commence pas."
    # a drug for the companion's own doctor to prescribe: "patches, varenicline. that's for your doctor to prescribe"
    r"^[^.]{0,40}\b(?:that's|that is|it's|c'est) (?:for|à) (?:your|votre|son|sa|his|her) (?:own )?(?:doctor|médecin)\b",
    re.I,
)
_NO_BEFORE = re.compile(r"\b(?:no|pas d[e'])\s*$", re.I)
_FOR_NOW_BEFORE = re.compile(
    r"\b(?:for (?:now|today|the moment)|pour (?:l'instant|le moment|aujourd'hui))\s*,?\s*(?:no|pas d[e'])\s*$", re.I
)
_FOR_NOW_AFTER = re.compile(r"^\s*(?:for now|yet|for the moment|pour l'instant|pour le moment)\b", re.I)
# "montelukast, not for now": put off in the recap
_NOT_NOW_AFTER = re.compile(
    r"^\W*(?:is |c'est )?(?:not|pas) (?:for now|now|yet|right now|today|pour l'instant|pour le moment|maintenant)\b|"
    r"^\s*(?:later|plus tard)\s*(?:[.,;]|$)|"  # the recap: "… and allopurinol later."
    r"^\W*(?:but )?(?:we|i) (?:won't|will not|don't) (?:start|prescribe|use) (?:it|that|them)\b",  # "…, but we won't"
    re.I,
)


# Started later, not today: at the next visit, or on a result to come ("if your potassium is under five and the
# creatinine is stable, then i'll start spironolactone …", "si l'écho est positive, vous prendrez l'apixaban")
_NEXT_VISIT_AFTER = re.compile(
    r"^[^.;?!]{0,80}\b(?:at (?:your|the|our) next (?:visit|appointment)|next time|"
    r"à la prochaine (?:consultation|visite|fois)|on en (?:re)?(?:parlera|discutera)|"
    r"we'll (?:talk about|discuss) it|(?:we'll|we will|we can|let's) revisit)\b",
    re.I,
)
_ON_A_RESULT_BEFORE = re.compile(
    r"\b(?:if|once|si|quand|dès que)\b[^.;?!]{0,120}?\b(?:potassium|creatinine|kidneys?|results?|x-rays?|ultrasound|"
    r"scan|doppler|écho\w*|radio\w*|résultats?|bilan|prise de sang|créatinine|reins?)\b[^.;?!]*$",
    re.I,
)

# a drug described, not given: "spironolactone is actually one of the medications that helps in heart failure, and
# i've been thinking about it for you"
_DESCRIBED_AFTER = re.compile(
    r"\W*(?:is|are|c'est|est) (?:actually |also |really )?(?:one of the|un des|une des) "
    r"(?:medications?|medicines?|drugs?|treatments?|médicaments?|traitements?)\b|"
    # "glipizide is an option, but …"
    r"\W*(?:is|are|c'est|est|serait) (?:also )?(?:an? |une )?(?:option|possibilit\w+|choice)\b|"
    # "dapagliflozin, that i'd like you on eventually", "le montélukast, le singulair, qu'on pourrait ajouter"
    r"[^.;?!]{0,30}\b(?:i'd|i would|we'd) like (?:you|him|her) on (?:it )?(?:eventually|at some point|later)\b|"
    r"[^.;?!]{0,30}\b(?:qu'on|que l'on|that we|which we) (?:pourrait|pourrions|could|might) "
    r"(?:ajouter|essayer|add|try|prescrire|prescribe)\b",
    re.I,
)


_DEFINED_AFTER = re.compile(
    r"\W*(?:is|are|c'est|est) (?:an?|une?) (?:\w+ )?(?:medications?|medicines?|drugs?|treatments?|médicaments?|"
    r"traitements?) (?:to|that|which|for the long|qui|pour)\b",
    re.I,
)
# another to decide: "il pourra discuter d'un traitement qui protège encore mieux les reins, la dapagliflozine"
_TO_DISCUSS = re.compile(
    r"\b(?:pourra|pourrait|could|may|might|will) (?:en |y )?(?:discuter|discuss|parler|talk about|envisager|consider)\b"
    r"[^.;]{0,90}$|\b(?:suggest|recommend)\w*\b[^.;]{0,90}\b(?:like|such as)\s*$|"  # "to suggest …, like mirabegron"
    r"\b(?:on|nous) (?:en )?(?:discutera|reparlera|parlera|discuterons)\b[^.;]{0,40}$|"  # "on discutera de la rosuva…"
    r"\bwe(?:'ll| will) (?:discuss|talk about)\b[^.;]{0,40}$|"
    r"\bwe(?:'ll| will) (?:discuss|talk about) (?:switching|changing|starting|adding)\b[^.;]{0,80}$",
    re.I,
)
_DOES_AFTER = re.compile(
    r"\s*(?:fait (?:aussi )?(?:un peu )?(?:monter|baisser|tousser|grossir)|peut (?:aussi )?(?:faire|donner|provoquer)|"
    r"can (?:also )?(?:cause|raise|lower|make)|(?:also )?(?:raises|lowers|causes) (?:the |your )?|"
    r"(?:do|does)(?:n't| not) (?:help|work)|n'aident pas|ne servent à rien|"  # "antihistamines don't help a cold"
    r"(?:actually |also )?(?:helps (?:to )?prevent|prevents) |"  # "benzoyl peroxide actually helps prevent resistance"
    r"(?:augmente|diminue|increases|decreases|reduces|raises|lowers) (?:le |la |the |your )?(?:risque|risk))\b",
    re.I,
)
# a choice to come: "we'll decide then whether to stop it, continue the gel alone, or move to isotretinoin"
_WHETHER_TO = re.compile(r"\b(?:whether|if) to\b[^.;?]{0,80}\bor (?:\w+ )?(?:to )?(?:the )?$", re.I)
_YOURS_BEFORE = re.compile(r"\b(?:your|votre|ton|ta|his|her|son|sa)\s+$", re.I)
_TAKEN_IN = re.compile(r"\d|\b(?:start\w*|prescri\w*|take|taking|prenez|prendre|commenc\w*|one|two|un|deux)\b", re.I)


def considered_only(text: str, start: int, end: int) -> bool:
    """Whether the drug at text[start:end] is one the clinician weighed or put off, or starts later (at the next
    visit, on a result to come), not one taken or started."""
    before, after = text[max(0, start - 60) : start], text[end : end + 25]
    if _NO_BEFORE.search(before):  # "no allopurinol for now", "for today, no allopurinol"
        return bool(_FOR_NOW_AFTER.match(after) or _FOR_NOW_BEFORE.search(before))
    later = _NEXT_VISIT_AFTER.match(text[end:]) or _ON_A_RESULT_BEFORE.search(text[max(0, start - 200) : start])
    later = later or _DESCRIBED_AFTER.match(text, end)
    # "allopurinol is a medicine to lower uric acid over the long term": what it is, with nothing taken or started
    later = later or _DEFINED_AFTER.match(text, end) and not _TAKEN_IN.search(text, end)
    wide = text[max(0, start - 120) : start]  # "when people take pain medicine on more than …, or triptans on …"
    later = later or _TO_DISCUSS.search(wide) or _PEOPLE_TAKE.search(wide) or _WHETHER_TO.search(wide)
    # "par contre, l'irbésartan fait aussi un peu monter le potassium": what it does, of a drug not yet the patient's
    later = later or _DOES_AFTER.match(text, end) and not _YOURS_BEFORE.search(before)
    later = later or _FOR_A_TEST.search(text[end : end + 120]) or on_a_condition(text, start, end)
    return put_off(text, end, start) or bool(_CONSIDERED_BEFORE.search(before)) or bool(later)


# a dose given in the room for a test: "je vous donne quatre bouffées de ventoline …, et on refait le test"
_FOR_A_TEST = re.compile(
    r"\b(?:on refait|on répète|(?:we(?:'ll| will)?|and) repeat) (?:le test|la spirométrie|the test|the spirometry)\b",
    re.I,
)


def weighed(text: str, start: int) -> bool:
    """The words before the drug at text[start] weigh it as an option ("the one i'd think of is", "we could try")."""
    return bool(_CONSIDERED_BEFORE.search(text[max(0, start - 60) : start]))


def put_off(text: str, end: int, start: int | None = None) -> bool:
    """The drug ending at text[end] is put off ("montelukast, not for now"; with its `start`, "no statin for now"):
    what the clinician said of it before (its dose, how it is taken) described an option, not a prescription."""
    after = text[end : end + 25]
    no_for_now = start is not None and _FOR_NOW_AFTER.match(after) and _NO_BEFORE.search(text[:start])
    return bool(no_for_now or _NOT_NOW_AFTER.match(after) or STARTS_LATER.search(text[max(0, end - 160) : end]))


# a start that waits for the flare to settle: "i'll see you in two weeks, once this is settled, and we'll start
# allopurinol", "une fois la crise passée, on commencera l'allopurinol"
_INQUIRY = re.compile(
    r"^\W*(?:(?:and|so|okay|ok|um|uh|now|alright|all right|et|alors)\W+)*"
    r"(?:are|do|did|have|has|is|were|was|you're|you are|you've|any|what|which|how|when|"
    r"est-ce|prenez|avez|vous prenez|vous avez|"
    r"êtes)\b",
    re.I,
)


def is_inquiry(text: str) -> bool:
    """A question about what the patient takes ("are you taking...?"), not a statement with a "?"
    ("so what i'm gonna do is prescribe...")."""
    return bool(_INQUIRY.match(text)) and not re.search(
        r"\b(?:i'm going to|i'm gon na|i'm gonna|i am going to|i'll|i will|we'll|we will|we're going to|let's|"
        r"i want to|i'd like to|i want you to|je vais|on va)\b",
        text,
        re.I,
    )


def patient_asks(text: str) -> bool:
    """The patient asks whether to take a drug ("can I take ibuprofen?", "est-ce que je peux prendre...")."""
    return bool(
        re.search(
            r"\b(?:should|can|could|may|shall) i\b|\bis it (?:ok|okay|safe|fine)\b|"
            r"\bdo i (?:stop|keep|take|continue|need)\b|"  # "and the metformin, do i stop it?"
            r"^\W*(?:(?:and|so|but)\W+)?(?:what|how) about\b|"  # "what about the topiramate, like i take?"
            r"\b(?:should|can|could|may) (?:he|she|they) take\b|"  # "could he take my trazodone?"
            r"\b(?:je peux|puis-je|est-ce que je peux|je dois|est-ce que j'arrête|je (?:l'|les )?arrête)\b",
            text,
            re.I,
        )
    )


def is_medication_question(text: str) -> bool:
    """A question about medications ("what are you taking for the pain?", "vous prenez des médicaments ?")."""
    return bool(_MED_QUESTION.search(text))


_CLASS_THEN_DRUG = re.compile(  # "… antibiotics last week, nitrofurantoin"
    r"\s*(?:pills?|tablets?|medications?|medicines?|cream|comprimés?)?\s*(?:(?:last|this) (?:week|month)|"
    r"yesterday|la semaine dernière|le mois dernier|hier)?\s*(?:,|called|named|appelée?)\s*",  # "… called mirtazapine"
    re.I,
)


def class_then_drug(text: str, mentions: list[Mention], j: int) -> bool:
    """Mention j is a class whose drug is named right after it: "an antibiotic pill, doxycycline"."""
    nxt = mentions[j + 1] if j + 1 < len(mentions) else mentions[j]
    return (
        not one_drug(mentions[j].drug)
        and one_drug(nxt.drug)
        and bool(_CLASS_THEN_DRUG.fullmatch(text, mentions[j].end, nxt.start))
    )
