"""Plan items said in other shapes than an order: a visit interval ("see you back in two weeks" → "Follow-up
in 2 weeks."), a results call-back ("I'll be in touch in a day or so"), a reassessment ("let's see how we do
over the next couple weeks"), a drug the clinician keeps ("continue your lisinopril and your lasix" →
"Continue Furosemide (Lasix)." from the drug's own fact) and an order named by "that" ("you're due for a
mammogram, so we'll schedule that"). Each is written from what was said, never added when not said."""

from __future__ import annotations

import re

from scribe.notes import register
from scribe.notes.facts.orders import NO_IMPROVEMENT, find_orders
from scribe.notes.number_words import numbers_to_digits
from scribe.schemas_docs import Fact

_N = (
    r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a couple(?: of)?|couple(?: of)?|a few|"
    r"un|une|deux|trois|quatre|cinq|six|sept|huit|dix|douze|quinze|eleven|fourteen|eighteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|vingt|trente|quarante|cinquante|soixante)(?:-[a-z]+)*"
)
INTERVAL = re.compile(
    r"\b(?:in|dans|within|over the next|in the next|d'ici|after|après)\s+(?:about\s+|approximately\s+|environ\s+|"
    r"another\s+)?"
    rf"(?P<n>{_N})(?P<to>\s*(?:to|-|or|à)\s*(?:{_N}))?\s+"
    r"(?P<unit>hours?|days?|weeks?|months?|years?|heures?|jours?|semaines?|mois|ans?)\b(?P<so>\s+or so\b|\s+or$)?|"
    rf"\b(?P<n2>{_N})(?P<to2>\s*(?:to|-|or)\s*(?:{_N}))?[ -](?P<unit2>days?|weeks?|months?|years?)"
    r"(?: from now|[ -]follow)|"
    r"\b(?P<next>next|la semaine|le mois) (?P<unit3>week|month|year|prochaine?)\b",
    re.I,
)
# "a couple weeks, or, I'm sorry, a couple months": the first interval was taken back
CORRECTED = re.compile(r"\b(?:sorry|i mean|actually|rather|pardon)\b", re.I)
_IF_NOT_BETTER = re.compile(r"\b(?:if|si)\b[^.;]{0,40}" + NO_IMPROVEMENT.pattern, re.I)
_TOUCH = re.compile(
    r"\b(?:be in touch|get in touch|(?:call|ring) you (?:back|with|when|once|in)|give you a call|get back to you|"
    r"vous (?:rappeler|recontacter|rappelle|recontacte))\b",
    re.I,
)
_REASSESS = re.compile(
    r"\b(?:see how (?:we|you|it|things|that|this) (?:do|does|go|goes|are doing|is doing)|on verra comment)\b", re.I
)
# what a visit waits for: "follow up after the MRI", "revoir après l'échographie"
_AFTER_EVENT = re.compile(
    r"\b(?:after|once(?: you(?:'ve| have)? (?:had|done|got|gotten|finished))?) (?:the|your|his|her|that) "
    r"(?P<event>(?:\w+[ -])?(?:mri|ct|x-?ray|scan|ultrasound|injection|procedure|surgery|test(?:s|ing)?|results|"
    r"labs|blood ?work|imaging|biopsy|epidural|colonoscopy|endoscopy|echo(?:cardiogram)?|therapy|physical therapy))\b|"
    r"\b(?P<fr_word>apr[èe]s|avec) (?P<fr>(?:l'|le |la |les )(?:irm|scanner|radio\w*|[ée]chographie|infiltration|"
    r"intervention|op[ée]ration|bilan|analyses|r[ée]sultats|examens?))\b",
    re.I,
)
# the words of a visit to come (also plan.py's follow-up kind)
FOLLOW_WORDS = (
    r"follow ?up|come back|see you (?:back|again|in|next)|return|recheck|revenez|revoir|revois|revoit|revoyez|"
    r"rendez-vous|reconsulte\w*|contrôle|appointment|check back|touch base|check in with|come see me|"
    r"see (?:me|him|her|them) (?:back|again|in)|(?:have|get|bring) (?:you|him|her) back|back in|next visit|"
    r"revisit|reassess\w*|on se revoit|revenir|nouvelle consultation|"
    # "let's see each other again in two months", "we'll talk again in a month", "on se reparle dans un mois"
    r"see each other|meet again|talk again|speak again|check in|on se reparle|(?:re)?fai(?:re|t) le point"
)
_FOLLOW = re.compile(rf"\b(?:{FOLLOW_WORDS})\b", re.I)
# "we'll schedule for that", "let's repeat another one", "on va le refaire": the order was named before
ANAPHOR = re.compile(
    r"\b(?:schedule|order|repeat|get|do|set up|redo|place|put in|send|make|programmer|refaire|prescrire)\b[^.;?]{0,20}?"
    r"\b(?:that|it|this|another one|one|them|those|le|la|les)\b",
    re.I,
)
# "continue you on your lisinopril", "keep taking the tylenol", "I would not change your dose"
_KEEP = re.compile(
    r"\b(?:continu\w*|keep (?:taking|using|on)|stay on|remain on|refill\w*|renew\w*|poursui\w*|"
    r"(?:would|will) ?n[o']t change|no change)\b",
    re.I,
)
# "let's keep you on that", "I would not change your dose": the drug was named just before
KEEP_ANAPHOR = re.compile(
    r"\b(?:continu\w*|keep (?:you |him |her )?(?:taking|using|on)|stay on|remain on|refill)\s+(?:with\s+)?"
    r"(?:it|that|them|those|this|these|the same(?: dose)?)\b(?!\s+(?:way|diet|exercis\w*|routine))|"
    r"\b(?:would|will) ?n[o']t change (?:your|the|his|her) dose\b",
    re.I,
)
_CHANGED = ("new", "changed", "stopped")
_TYPED = ("lab", "imaging", "procedure", "referral")
_NOT_KEPT = re.compile(
    r"\b(?:no more|stop\w*|hold\w*|discontinu\w*|off|avoid\w*|instead of|rather than|not|n't|except|but|"
    r"arr[êe]t\w*|sauf|mais)\b",
    re.I,
)
# "if the pain continues": a symptom goes on, no drug is kept
_GOES_ON = re.compile(r"\b(?:if|when|symptoms?|pain|it|this|that|swelling|they)\b[^,.;]{0,15}$", re.I)


def when_phrase(when: str, lang: str) -> str:
    """ "2 weeks" → " in 2 weeks" (" dans 2 semaines"); "next week" stays " next week"; "" → ""."""
    if not when or when.startswith(("next ", "la ", "le ")):
        return f" {when}" if when else ""
    return f" dans {when}" if lang == "fr" else f" in {when}"


def _digits(n: str) -> str:
    """ "three" → "3" (a number word alone is read as one before a unit)."""
    return numbers_to_digits(f"{n} weeks").rsplit(" ", 1)[0]


def interval_text(text: str, lang: str) -> str:
    """ "two weeks", "a couple weeks", "a day or so" → "2 weeks", "a couple of weeks", "about a day"; ''."""
    m = INTERVAL.search(text)
    if not m or CORRECTED.search(text[m.end() : m.end() + 30]):
        return ""
    if m.group("next"):  # "next week", "la semaine prochaine": as said (no number the guard would not find)
        return m.group(0).lower()
    n = (m.group("n") or m.group("n2")).lower()
    n = "a couple of" if n.startswith(("a couple", "couple")) else "a few" if n.endswith("few") else n
    to = m.group("to") or m.group("to2") or ""
    to = re.sub(r"^\s*(?:-|to|or|à)\s*", "", to)
    n = _digits(n) + (f" {'à' if lang == 'fr' else 'to'} {_digits(to)}" if to else "")
    unit = (m.group("unit") or m.group("unit2")).lower()
    if lang == "en" and (to or n not in ("1", "a", "an", "one")) and not unit.endswith("s"):
        unit += "s"  # "a 2-week follow-up" → "2 weeks"
    when = ("about " if m.group("so") else "") + f"{n} {unit}"
    return when if lang == "en" else when.replace("un ", "1 ").replace("une ", "1 ")


# "I'll see you at your next annual physical", "on se revoit à la prochaine consultation": a visit already planned
_NEXT_VISIT = re.compile(
    r"\b(?:see (?:you|him|her)|follow ?up|come back|return|check)\b[^.;?]{0,25}\b(?:at|for|during) (?:your|the|his|"
    r"her) next (?P<what>(?:annual |yearly |routine |regular )?(?:physical|visit|appointment|check-?up|wellness "
    r"(?:visit|exam)))\b|"
    r"\b(?:revoi\w+|revoyez|revenir|revenez)\b[^.;?]{0,25}\b(?:à|lors de) (?:la|votre) prochaine "
    r"(?:consultation|visite)",
    re.I,
)


def follow_up_line(clause: str, lang: str, before: str = "") -> str | None:
    """The note's line for a visit, a reassessment or a results call-back said in this clause, or None;
    `before`: the sentence up to the clause ("if it doesn't get better, | come back" returns if no improvement)."""
    when = interval_text(clause, lang)
    nxt = _NEXT_VISIT.search(clause) if not when else None
    if nxt:
        return (
            "À revoir à la prochaine consultation." if lang == "fr" else f"Follow-up at the next {nxt.group('what')}."
        )
    if not when and _FOLLOW.search(clause) and _IF_NOT_BETTER.search(before[-80:]) and not _TOUCH.search(clause):
        return "À revoir si pas d'amélioration." if lang == "fr" else "Return if no improvement."
    at = when_phrase(when, lang)
    if _TOUCH.search(clause):
        return f"Patient à recontacter{at}." if lang == "fr" else f"Clinic will be in touch{at}."
    after = _AFTER_EVENT.search(clause) if not when and _FOLLOW.search(clause) else None
    if after:  # "we'll follow up with him after the injection"
        event = (after.group("event") or after.group("fr")).lower()
        article = re.match(r"(?:l'|le |la |les )", event)
        named = find_orders(event, lang)
        if len(named) == 1 and named[0].end - named[0].start >= len(event) - 4:  # "the MRI", "l'IRM"
            event = (article.group(0) if article else "") + named[0].label
        if lang == "fr":  # "je vous revois avec l'IRM": the visit that reads it
            return f"À revoir {'avec' if after.group('fr_word') == 'avec' else 'après'} {event}."
        return f"Follow-up after the {event}."
    if not when:
        return None
    if _REASSESS.search(clause):
        return f"Réévaluation{at}." if lang == "fr" else f"Reassess{at}."
    if not _FOLLOW.search(clause):
        return None
    cond = _IF_NOT_BETTER.search(clause)
    if lang == "fr":
        return f"À revoir{at}" + (" si pas d'amélioration." if cond else ".")
    return f"Follow-up{at}" + (" if no improvement." if cond else ".")


def kept_drugs(clause: str, facts: list[Fact]) -> list[Fact]:
    """Current drugs the clinician says to keep in this clause ("continue the lasix"): their facts, unless
    the drug also has a new, changed or stopped fact (that one's own line says what happens to it)."""
    keep = next((m for m in _KEEP.finditer(clause) if not _GOES_ON.search(clause[: m.start()])), None)
    if not keep:
        return []
    moved = {f.label for f in facts if f.kind == "medication" and f.status in _CHANGED}
    kept = _NOT_KEPT.split(clause[keep.end() :], maxsplit=1)[0]  # "continue the lisinopril, no more advil"
    return [f for f in drugs_named(kept, facts) if f.label not in moved]


# "I'm going to prescribe", "we'll treat you with", "let's put you on": a drug ordered in this visit
_PRESCRIBE = re.compile(
    r"\b(?:prescrib\w+|start(?:ing)? (?:you |him |her )?on|put(?:ting)? (?:you|him|her) on|treat(?:ing)? (?:you|him|"
    r"her|it|this|that) with|(?:have|want|like) (?:you|him|her) (?:to )?(?:take|try|use)|recommend(?:ed)? (?:taking|"
    r"using|that you take)|je vous prescris|on (?:va )?(?:vous )?mettre? sous)\b",
    re.I,
)


def prescribed_drugs(clause: str, facts: list[Fact]) -> list[Fact]:
    """Drugs read as current that the clinician orders in this clause ("we're gonna treat you with amoxicillin,
    500 milligrams three times a day"): their facts, for a plan line written without "Continue"."""
    m = _PRESCRIBE.search(clause)
    if not m or _NOT_KEPT.search(clause[: m.start()][-25:]):
        return []  # "I don't want to put you on a statin"
    return drugs_named(clause[m.end() :], facts)


# "I'm gonna get your prescriptions": the refills the patient just asked for ("I do need more cialis")
SEND_REFILLS = re.compile(
    r"\b(?:get|send|print|write|call in|sign)\b[^.;?]{0,15}\b(?:your|the|those|these) "
    r"(?:prescriptions|refills|scripts)\b|"
    r"\bi(?:'ll| will) (?:refill|renew) (?:them|those|these|both)\b",
    re.I,
)
ASKS_REFILL = re.compile(
    r"\b(?:need|want|out of|running (?:low|out))\b[^.;?]{0,20}\b(?:more|refills?)\b|\brefills?\b", re.I
)
# "I have a wife and kids, should I be worried about them?": the test that follows is theirs
ASKS_FOR_FAMILY = re.compile(
    r"\b(?:wife|husband|partner|kids|children|son|daughter|family)\b(?=[^.]*\b(?:them|they|worried|should|need)\b)",
    re.I,
)


# "we'll probably increase that over time", "on augmentera la dose": a dose to be moved later, the drug named before
_TITRATE = re.compile(
    r"\b(?P<verb>increase|decrease|titrate|uptitrate|go up on|bump up|raise|lower|taper|wean)\s+(?:(?:that|it|them|"
    r"the dose|your dose|the dosage)\b)(?P<rest>[^.;?]{0,40})|"
    r"\b(?P<fr>augmenter\w*|diminuer\w*|baisser\w*) (?:progressivement )?(?:la dose|les doses)"
    r"(?P<rest_fr>[^.;?]{0,40})",
    re.I,
)
_VERBS = {"go up on": "increase", "bump up": "increase", "raise": "increase", "lower": "decrease", "wean": "taper"}


def titration_line(clause: str, context: str, facts: list[Fact], lang: str) -> tuple[Fact, str] | None:
    """A dose change to come said of the drug just named ("continue the metformin 500 mg twice a day. we'll
    probably increase that over time" → "Plan to increase Metformin over time."): the drug named last in
    `context`, its line; None when no drug was named or the new dose is said (the drug's own line says it)."""
    m = _TITRATE.search(clause)
    rest = (m.group("rest") or m.group("rest_fr") or "") if m else ""
    if not m or re.search(r"\d|\b(?:milligrams?|mg|units?)\b", rest) or _NOT_KEPT.search(clause[: m.start()][-12:]):
        return None
    named = [
        (max(mm.start() for n in _names(f) for mm in re.finditer(rf"\b{re.escape(n)}\b", context.lower())), f)
        for f in facts
        if f.kind == "medication"
        and f.status in ("current", "new", "changed")
        and any(re.search(rf"\b{re.escape(n)}\b", context.lower()) for n in _names(f))
    ]
    if not named:
        return None
    drug = max(named, key=lambda t: t[0])[1]
    over = re.search(r"\b(?:over time|gradually|slowly|as tolerated|progressivement)\b", rest, re.I)
    if lang == "fr" or m.group("fr"):
        word = "Diminution" if m.group("fr") and m.group("fr").lower().startswith(("dim", "bai")) else "Augmentation"
        return (
            drug,
            f"{word} progressive de la dose de {drug.label} prévue."
            if over
            else f"{word} de la dose de {drug.label} prévue.",
        )
    verb = m.group("verb").lower()
    verb = _VERBS.get(verb, "titrate" if verb == "uptitrate" else verb)
    return drug, f"Plan to {verb} {drug.label}{' ' + over.group(0).lower() if over else ''}."


def _names(f: Fact) -> set[str]:
    return {str(n).lower() for n in (f.label, f.attributes.get("surface"), f.attributes.get("brand")) if n}


def drugs_named(text: str, facts: list[Fact]) -> list[Fact]:
    """Current drugs whose name (label, surface or brand) the text says, one fact per drug."""
    out: list[Fact] = []
    for f in facts:
        if f.kind != "medication" or f.status != "current" or any(o.label == f.label for o in out):
            continue
        if any(re.search(rf"\b{re.escape(n)}\b", text.lower()) for n in _names(f)):
            out.append(f)
    return out


# A clinician's order in a turn tagged as the patient's ("I'm gonna order an MRI of your left shoulder").
MISTAGGED_ORDER = re.compile(
    r"\bi(?:'m| am) (?:gon na|gonna|going to) (?:order|prescribe|refer)\b[^.?]*\byour?\b", re.I
)
# An order said while results are read in the examination ("your lipid panel ... so we'll repeat another one",
# "let's get an x-ray of that knee")
RESULTS_PLAN = re.compile(
    r"\b(?:we'll|we will|i'll|i will|let's|(?:going to|gon na|gonna|want to|wan na|like to|need to|have to|should|"
    r"could|can) )\s*(?:\w+ ){0,2}(?:order|refer|prescribe|schedule|repeat|get|obtain|send|check|draw|complete|"
    r"arrange|set up|put in|place)\b|\b(?:recommend|suggest)\w*\b|\bfollow ?up with\b|\brefer(?:ral|ring)?\b",
    re.I,
)
# How an order is said beyond the plan cues that also start a free-worded line: "we need to get", "they're
# going to do an endoscopy", "I'll put in a referral", "the nurse will set you up", "on peut demander". It lets a
# named (typed) order through, never a free-worded line of its own.
# the clinician's "no" to the patient's question ("non, il faut deux à quatre semaines"), not "no, don't …"
REPLY_NO = re.compile(r"^\W*(?:no|non|nope)\W+(?!(?:don't|do not|ne|n')\b)", re.I)
ORDER_CUE = re.compile(
    r"\b(?:we (?:need|have|ought) to|we should|we (?:can|could) (?:go ahead|do|get|start|order|check|schedule|send|"
    r"refer|try|set)|you(?:'re| are| will|'ll) (?:going to |gon na |gonna )?(?:need|have|get|see|go for|go to)|"
    r"they(?:'re| are|'ll| will) (?:going to |gon na |gonna |probably |likely )*(?:do|get|see|call|schedule|set|"
    r"want)|(?:the )?nurse (?:will|'ll|is going to)|put in (?:an order|a referral|orders?)|send (?:you|him|her|them)|"
    r"(?:have|get) (?:you|him|her) (?:see|in|set up|scheduled)|(?:should|will|needs? to) be (?:evaluated|seen|"
    r"checked|looked at|followed) by|(?:i|we)(?:'ve| have) (?:\w+ )?(?:ordered|placed|sent|requested|prescribed|"
    r"referred|scheduled)|why do ?n'?t we|how about we|(?:you're|you are|he's|she's|he is|she is) (?:also )?"
    r"(?:over)?due for|set (?:you|him|her) up|needs? (?:to (?:get|have|see|"
    r"do)|an?)\b|plan (?:is|will be) to|(?:first|second|third|next|last|the (?:first|second|next|last|other) "
    r"(?:thing|step|option)|one thing|another thing) (?:is|would be|will be|we'll do is) (?:to|that)|i want|"
    r"(?:i'm|i am|we're|we are) (?:going to )?send(?:ing)? (?:you|him|her|them)|"
    r"we (?:can|could) (?:repeat|give|arrange)|"
    r"i(?:'d| would) (?:also |really |just )?(?:like|suggest)|we(?:'ll| will) (?:also )?(?:get|do|"
    r"check|see)|check(?:ing)? (?:your|her|his|a|an|some)|"
    r"(?:going to|gon na|gonna|will|plan(?:ning)? to|would like to) (?:\w+ )?(?:repeat|order|get|check|obtain|refer|"
    r"start|schedule|send|do|have)|"
    # "in the meantime, a low-carb diet", "she's having a right knee replacement end of june"
    r"on (?:re)?fera|on (?:re)?demandera|on (?:re)?contr[ôo]lera|je (?:re)?ferai|nous (?:re)?ferons|on va surveiller|"
    r"in the meantime|meanwhile|en attendant|(?:you're|you are|he's|she's|he is|she is) (?:also )?(?:having|"
    r"scheduled for|booked for|set up for)|"
    r"on (?:peut|pourrait|va) |je (?:demande|souhaite|vous donne|vous fais|vous oriente|vous adresse)|"
    r"(?:i'm|i am) referring (?:you|him|her) for|"
    r"vous (?:devez|devrez|ferez)|à faire)",
    re.I,
)
# "so that includes checking your hep c rna": an order named after a verb of doing, in a sentence with a cue
DOING = re.compile(
    r"\b(?:check(?:ing)?|draw(?:ing)?|run(?:ning)?|obtain(?:ing)?|includ(?:e|es|ing)|getting)\b[^,.;]{0,25}$", re.I
)
# "a pill box or maybe setting an alarm on your phone might really help", said while the history is taken
HELPS = re.compile(r"\b(?:will|should|would|might|can) (?:really |definitely |also )?help\b", re.I)
# Advice said without a plan cue, in the assessment and plan: "just set an alarm", "push fluids", "massage
# and scar gel will help". It cues typed orders only, never a free-worded line.
SOFT_CUE = re.compile(
    r"^\W*(?:(?:so|and|just|please|also|then|now|go ahead(?: and)?|et|alors)\W+)*"
    r"(?:set|push|strain|ice|elevate|raise|prop|avoid|drink|apply|use|"
    r"try|get a|weigh|keep|stay|eat|limit|cut|wear|walk|rest|stretch|watch|monitor|quit|gargle|wash|moisturize|"
    r"be (?:mindful|careful)|refrain|reduce|lay off|go easy on|stay away from|"
    # "no overhead lifting for now", "pas de sport pendant un mois": an activity held, said without a verb
    r"no (?:\w+ )?(?:lifting|running|jogging|sports?|driving|swimming|baths?|alcohol|drinking)|pas de sport|"
    r"buvez|évitez|appliquez|reposez|pesez|mangez|limitez|gardez|portez|marchez)\b|" + HELPS.pattern,
    re.I,
)
# An order put as a question: "why don't we get an x-ray of that knee?", "how about we start physical therapy?",
# "if it doesn't get better, why don't you call us and come back?"
PROPOSAL = re.compile(
    r"^\W*(?:(?:so|and|okay|ok|um|uh|well|now|alright|all right)\W+)*(?:(?:if|when)\b[^,?]{3,60},\s*)?"
    r"(?:why do ?n'?t (?:we|you)|how about we)\b",
    re.I,
)
# Where a run-on sentence turns to a question ("... a whole blood injection have you heard of that before")
QUESTION_TAIL = re.compile(
    r"\b(?:have you|do you|does that|did you|are you|is that|any (?:other )?questions|how does that|"
    r"what do you think)\b",
    re.I,
)


def with_next(text: str, spans: list[tuple[int, int]], i: int, clause: str, cue: re.Pattern) -> tuple[str, int]:
    """The clause with the uncued clauses after it, and where they end: "continue you on your current
    medications, | your lisinopril and your lasix" names the drugs kept in the next clause."""
    end = spans[i][1]
    for c0, c1 in spans[i + 1 :]:
        if cue.search(text[c0:c1]):
            break
        clause, end = clause + " " + text[c0:c1], c1
    return clause, end


# the patient's proposal the clinician takes up: "I was thinking of seeing a dietitian", "can I get a referral to…"
WANTS = re.compile(
    r"\b(?:thinking (?:of|about)|(?:would|'d) like|want(?:ed)? to|wondering (?:if|about|whether)|could i|can i|"
    r"should i|maybe i (?:could|should)|what about|how about|j'aimerais|je voudrais|je pensais|est-ce que je peux|"
    r"pourrais-je)\b",
    re.I,
)
DECLINED = re.compile(r"\b(?:not|n't|no need|hold off|pas|plus tard)\b", re.I)


def proposed_orders(said: str, before: str, clause: str, lang: str) -> list:
    """ "I was thinking of seeing a dietitian." "That's a great idea, I'll put in that referral.": the test or
    referral the patient proposed (`said`, their turn just before), when the clinician takes it up by "that" in
    an affirmative clause. Only what the patient names as wanted: never a past one ("my cardiologist ordered an
    echo"), a negated or a conditional one."""
    if DECLINED.search(before + " " + clause) or not WANTS.search(said):
        return []
    types = ("referral",) if re.search(r"\b(?:refer|adress|orient)", clause, re.I) else _TYPED
    return [o for o in find_orders(said, lang) if not o.condition and o.type in types]


def soft_clause(text: str) -> bool:
    """Does a clause of the sentence start as advice ("lay off the beer for a while, | and drink plenty of
    water")? The sentence may then name typed advice, each clause read on its own."""
    return any(SOFT_CUE.search(text[c0:c1]) for c0, c1 in register.clauses(text))
