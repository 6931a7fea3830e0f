"""A medication's status and prescriber, read from the words of its clause: new (this visit's plan),
current, changed or stopped, and whether this clinician or another one ("the cardiologist put me on it")
prescribed it.
"""

from __future__ import annotations

import re

from scribe.notes.medication.change_cues import AS_A_TIME, CHANGED_BEFORE, ONLY_NOW, WHEN_TO
from scribe.notes.medication.stop_words import STOPPED_THEN, WHETHER, stop_after
from scribe.notes.medication.tried import (
    ANNOUNCED,
    COURSE_ENDS,
    FINE_SINCE,
    FOR_DAYS,
    GAVE_ME,
    NO_RELIEF,
    ON_CONDITION,
    SINGLE_DOSE,
    WHEN_IT_ENDS,
    tried,
    tried_by_us,
)
from scribe.notes.recovery_words import NUMBER_WORD

# status cues: in the drug's clause before it (left) or as an anaphora after it (right)
STOP_LEFT = re.compile(
    r"\bstop (?:the |your )?[\w-]+\s*,\s*(?:the|your)\s*$|"  # a brand, then its drug: "stop the zzzquil, the"
    r"\b(?:stop(?:ped|ping|s)?|discontinu\w*|d/c|come off|came off|coming off|go off|went off|gone off|been off|"
    r"was off|used to (?:take|be on|use)|get (?:you |him |her |me )?off|take (?:you |him |her |me )?off|"
    r"(?:took|taken|taking) (?:you |him |her |me )?off|"
    r"we[ae]n\w* (?:you |him |her |me |myself |himself |herself |yourself )?off|"
    r"off (?:of )?(?:the|my|your|his|her)(?=(?:\s+\w+){0,2}\s*$)|"  # not "dropped off the sample, restart the"
    # "stop" as speech recognition often writes it: "we'll top the hydrochlorothiazide"
    r"(?<!on )(?<!the )top (?:the|your|his|her|taking)(?=\s*$)|"
    r"quit|quitting|no longer|held|pause|gave up|leave out|leaving out|cut out|"
    r"hold(?:ing)?(?! on)(?! it\s*(?:\.\.\.|in|like|for (?:\w+ )?seconds))(?! (?:your|my|the) breath)|"
    r"(?:instead of|in place of|au lieu d[eu]|à la place d[eu])(?= (?:the |your |his |her |le |la |l'|du )?$)|"
    r"(?:rather|better if) (?:you )?skip(?= (?:the|your) (?:\w+ )?$)|"  # "i'd rather you skip the advil too"
    r"(?:finished|completed)(?: (?:all(?: of)? ?)?(?:the|her|his|my|your)?)?(?: course(?: of)?(?: the)?)?|"
    r"arrêt\w*|stopp\w*|suspend\w*|interromp\w*|ne (?:le |la |les |l')?prends plus)\b|"
    r"\b(?:i|he|she|you|we) (?:was|were|used to be) (?:also |previously |once )?on (?:the |an? )?$|"
    r"\b(?:i|he|she|you|we) (?:was|were) on\b[^.;]{0,40}?\bbefore\s*,\s*(?:the |an? )?$|"
    r"\bne (?:le |la |les |l')?(?:reprend\w*|prend\w*) (?:ni|pas|plus)\b(?:[^.;]{0,40}?\bni)?\s*"
    r"(?:de |du |d'|le |la |les |l')?$",
    re.I,
)
# "so no more zolpidem": a stop right before the drug only (not "no more than four a day")
NO_MORE_BEFORE = re.compile(
    r"\bno more\s+(?:of\s+)?(?:the |your |his |her |my )?$|"
    r"^\W*(?:et |donc )?(?:plus|pas) (?:jamais |aucune? )?d(?:e |')(?:l')?$",  # "et pas d'advil"
    re.I,
)
# a drug named as one not to take ("we want to avoid going to insulin", "plutôt que le tramadol") or to compare with
# ("most people tolerate it much better on the stomach than pradaxa", "elle fait moins prendre de poids que le deroxat")
_AVOID = re.compile(
    r"\b(?:avoid(?:ing)?|instead of|rather than|than(?=\s+(?:(?:the|your|with)\s+)?$)|hold off on|"
    r"not (?:want|need) to (?:start|go on|use)|"
    r"éviter|plutôt que|au lieu d[eu']|autres? que|(?:moins|mieux|pire)\b[^.,;]{0,30}\bque)\b[^.,;]{0,25}$|"
    # "no decongestants like sudafed", "something without a decongestant"
    r"\bno (?:[\w-]+ ){1,2}(?:like|such as)\s*$|\bwithout (?:an? |the |any )?$|"
    # a kind of medicine told in general: "cold medicines with a decongestant, like sudafed, pseudoephedrine"
    r"\b(?:medicines?|medications?|drugs?|products?) (?:with|containing) (?:an? |the )?(?:[\w-]+\s*,\s*like\s*)?$",
    re.I,
)
_CHANGE_LEFT = re.compile(
    r"\b(?:increas\w*|decreas\w*|doubl\w*|rais\w*|lower\w*|(?<!\ba )(?<!small )(?<!little )bump\w*|up (?:the|your)|"
    r"go(?:ing)? (?:up|down) on|reduc\w*|adjust\w*|switch\w*|taper\w*|(?:instead of|au lieu de) (?:once|twice|\w+ "
    r"(?:times|fois)) (?:a|per|par) (?:day|jour)|"  # (not "a small bump" in the creatinine)
    r"(?<!ne )(?<!no )(?<!not )(?<!n't )chang\w*(?! rien| nothing)|titrat\w*|cut (?:back|down)(?: on)?|"  # (not
    # "on ne change rien, l'amlodipine …"; not what it acts on: "to lower the uric acid", "increase the bleeding")
    r"halv\w*|augment(?!in)\w*|diminu\w*|baiss\w*|modifi\w*)\b(?!\s+(?:the |your |votre |le |la |l'|les )?"
    r"(?:uric|cholest|sugars?|blood|pressure|ldl|a1c|risk|acid|sucre|tension|glyc|risque|acide|bleed|saign|chance|odds))",
    re.I,
)
# a change verb acting on an anaphora of the drug ("increase it", "cut the dose", "on va l'augmenter")
CHANGE_ON_ANAPHORA = re.compile(
    r"\b(?:increas\w*|decreas\w*|rais\w*|lower\w*|doubl\w*|halv\w*|reduc\w*|cut(?:ting)?|bump\w*|titrat\w*|"
    r"adjust\w*|taper\w*|go (?:up|down) on|augment(?!in)\w*|diminu\w*|baiss\w*)\s+(?:(?:back|down|up)\s+)?(?:on\s+)?"
    r"(?:it|that|this|them|those|the dose|your dose|the dosage|(?:la|sa|votre) dose)\b|"
    r"\b(?:l'|les )(?:augment|diminu|baiss)\w*|\b(?:augmentez|diminuez|baissez)-(?:le|la|les)\b|"
    # "the prednisone, we'll bring it down, from five to two and a half", "the amlodipine, we go down from ten to five"
    r"\b(?:bring|take|turn|dial|step)(?:ing|ping)? (?:it|that|this|them) (?:down|up|back)\b|"
    r"\b(?:go|goes|going|come|coming) (?:down|up)\s*,?\s+(?:from|to)\b|"  # "the furosemide goes up, from forty …"
    r"^\s*(?:up|down) from \S+(?: \S+){0,3}? to\b|"  # the recap's "sinemet up from three to four times a day"
    r"^\s*,?\s*(?:increased|decreased|reduced|augmentée?s?|diminuée?s?|baissée?s?|réduite?s?) (?:to|à)\b|"  # recap
    r"\b(?:chang|switch)\w* (?:it|that|this|them) (?:over )?to\b|"  # "so let's change it to one tablet, …"
    r"\b(?:go|goes|going|move|moving) from \S+(?: \S+){0,3}? to\b|\bpass\w* (?:du|de) \S+(?: \S+){0,3}? (?:au|à)\b|"
    # "so we taper. from tonight, five milligrams instead of ten, half a tablet"
    r"(?:\b[\w.,-]+ )?\b(?:milligrams?|mg|units?|puffs?|tablets?|milligrammes?|unités|bouffées|comprimés?) "
    r"(?:instead of|au lieu de)\b|"
    # "we can use the lower long-term dose", "on passe à la dose plus faible"
    r"\b(?:the|a) (?:lower|higher|smaller|reduced|bigger) (?:[\w-]+ )?(?:dose|dosage)\b|"
    r"\b(?:la|une) dose (?:plus )?(?:faible|basse|réduite|forte|élevée)\b|"
    r"\b(?:on|je|nous|vous) (?:va |vais |allons |allez )?(?:le|la) (?:augment|diminu|baiss|rédui|doubl)\w*|"
    # "le furosémide, on augmente : on passe de quarante à quatre-vingts"
    r"\b(?:on|je|nous) (?:augmente|augmentons|diminue|diminuons|baisse|baissons|réduit|réduis|double)\b|"
    r"\bpass\w* de \S+ (?:\S+ )?à\b",
    re.I,
)
# "je passe l'amlodipine de cinq à dix", "the lisinopril from ten to twenty" (a number on both sides)
_N = rf"(?:\d\S*|{NUMBER_WORD})"
_CHANGE_RIGHT = re.compile(
    rf"^(?:\W{{0,3}}(?:de|from) {_N} (?:\S+ )?(?:à|to) {_N}\b|"
    # the recap's "levothyroxine down to seventy-five", the echo's "and the losartan goes to one hundred"
    rf"\W{{0,3}}(?:(?:goes|go|is going|passe) (?:up |down )?|up |down )(?:to|à) {_N}\b|"
    rf"(?:(?!milligram|mg\b|\d)[^.]){{0,70}}?(?:{CHANGE_ON_ANAPHORA.pattern}))",
    re.I,
)
# "let's cut the meclizine down", "bring your prednisone back to ten": the verb's particle after the drug
_CUT_DOWN = (
    re.compile(r"\b(?:cut|bring|turn|dial)\s+(?:the|your|his|her)\s*$", re.I),
    re.compile(r"^\W*(?:down|back)\b", re.I),
)
_NEW_CUE = re.compile(
    r"\binstead\s*,?\s*$|"  # "stop the benadryl. instead, melatonin, three milligrams"
    # "first, a short course of steroid pills, prednisone", "une petite cure de cortisone, du prednisolone"
    r"\b(?:an?|une?) (?:short |quick |brief |petite |courte )?(?:course|burst|cure) (?:of|de|d')\s*[\w -]{0,25},\s*$|"
    r"(?:^|[.:;]\s*)(?:new|nouveau|nouvelle)\s*[,:]\s*$|"  # a recap's label: "new, cilostazol one hundred twice a day"
    # a drug introduced by name: "for the walking distance, a medication called cilostazol"
    r"\b(?:a|an|one) (?:medication|medicine|drug|pill|tablet) called\s*$|"
    r"\bun (?:médicament|traitement|comprimé) (?:qui s'appelle|appelé)\s*(?:le |la |l')?$|"
    # not "you were started on bactrim", "you just started the x": started before this visit
    r"\b(?:(?<!were )(?<!was )(?<!been )(?<!just )start(?!ed)\w*|restart\w*|resum(?:e|ing)|(?<!been )prescrib\w*|"
    r"(?<!were )(?<!was )(?<!been )(?<!just )(?<!you )(?<!\bi )(?<!he )(?<!she )(?<!they )started|"
    r"put (?:you|him|her) on|place (?:you|him|her) on|"
    r"(?<!been )giv(?:e|ing) (?:you|him|her)|begin|"
    r"get (?:you|him|her) (?:some|a prescription (?:for|of))|"
    r"try (?:you on|some|a|an)|send (?:in|you)|call in|new prescription|prescription for|"
    r"recommend\w* (?:taking|some|that you take|you take)|add(?:ing)?|i want you (?:on|to take)|"
    r"(?:(?:the one|what) (?:i'd|i would|i) |(?:i'm|i am) going to )(?:suggest|recommend)(?: is)?|"  # "… is apixaban"
    r"(?:i'd like|i would like|i want) (?:you|him|her) to try|"
    r"let's (?:get you on|try)|have you (?:take|on)|(?<!his )(?<!her )(?<!their )(?<!'s )prescri\w*|"
    r"treat (?:you |him |her |it |this )?with|order|"
    r"(?:we'll|we will|we can|we could|let's|going to|gon na|gonna|i'd like to|i want to) try|get (?:you )?started on|"
    r"write (?:you )?(?:for|a prescription)|je (?:vous )?(?:donne|mets|propose|rajoute|ajoute|introduis)|"
    r"on va (?:commencer|mettre|débuter|introduire|essayer|ajouter|rajouter)|(?:on|nous) (?:ajoute|rajoute)\w*|"
    r"(?:on|je) (?:l[ea]s? |l')?(?:commence|démarre|débute|introduit|introduis|prend)|nous (?:commençons|introduisons)|"
    r"vous (?:commencez|commencerez|allez commencer|démarrez)|"
    r"j'(?:ajoute|introduis)|vous allez prendre|je vais vous (?:mettre|donner))\b",
    re.I,
)
_NEW_RIGHT = re.compile(
    r"^[^.]{0,30}?\b(?:i'll|i will|i'm going to|let's|we'll|je vais|on va)\s+(?:\w+\s+)?"
    r"(?:prescribe|start|send|call|use|give|go with)\w*\s+(?:it|that|them|you)\b|"  # "…, we'll use that again"
    # a recap: "losartan fifty once a day instead", "allopurinol one hundred milligrams once a day, new"
    r"^[^.;]{0,50}?(?:\binstead|,\s*(?:new|nouveau|nouvelle))\s*(?:[.;,]|$)|"
    r"^[^.;]{0,80}?\b(?:starting (?:today|tonight|now)|(?:à partir|dès) (?:(?:d')?aujourd'hui|ce soir|maintenant))\b",
    re.I,
)
# a course the clinician gives, with its length ("doxycycline, 100 mg twice a day for five days") or as a taper
_GOES_ON = re.compile(
    r"^[^.;]{0,60}?\b(?:for (?:\d+|a|an|one|two|three|four|five|six) (?:more|further|extra) (?:days?|weeks?|months?)|"
    r"for another (?:\w+ )?(?:days?|weeks?|months?)|encore (?:\w+ ){1,2}(?:jours|semaines|mois)|"
    r"(?:jours|semaines|mois) de plus)\b",
    re.I,
)
_COURSE_RIGHT = re.compile(
    r"^[^.;]{0,110}?\b(?:for|pendant)\s+(?:the\s+|les\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|"
    r"un|une|deux|trois|quatre|cinq|six|sept|huit|dix|quinze)\s+(?:days?|weeks?|jours|semaines?)\b|"
    # "first, prednisone, as a taper", "a prednisone taper"
    r"^\W*(?:(?:as|in|with) (?:an?|the) )?(?:taper|burst|dose ?pack)\b",
    re.I,
)
_ASKS_HISTORY = re.compile(r"\b(?:who|when|why|how long|qui|quand|pourquoi|depuis quand)\b", re.I)
_CURRENT_LEFT = re.compile(
    r"\b(?:i take|i'm taking|i am taking|i've been taking|i'm on|i am on|been on|i use|you're on|you are on|"
    r"have you on|you're taking|you are taking|(?<!have )(?<!want )(?<!need )you take|continu\w*|refill\w*|still|"
    r"been (?:giving|prescribing) (?:you|him|her)|"  # "we've been giving you the gabapentin for that"
    r"keep (?:taking|on|using)|keep (?:you|him|her) on|"
    r"stay on|remain on|je prends|je suis sous|vous prenez|poursui\w*)\b",
    re.I,
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
_SEEN_IN = re.compile(rf"\b(?:i|we) saw (?:you|him|her) (?:in|back in|last) (?:{_MONTHS}|year|month)\b", re.I)
_HISTORY = re.compile(
    r"\b(?:had put|put you on .{0,30}(?:last|ago)|(?:i|we) started (?:you|him|her) on|"
    r"last (?:year|month|time|visit|week|spring|summer|fall|winter)|ago|you've been|been on|in the past|"
    r"previously|used to|back in|l'an dernier|l'année dernière|depuis|(?:weeks?|months?|days?) after starting)\b",
    re.I,
)
_PAST_VERB = re.compile(
    r"\b(?:needed|took|had|got|received|was on|were on|j'ai eu|j'ai pris|vous avez eu|vous avez pris|"
    r"(?:they|on) gave (?:you|me|her|him)|(?:ils|on) (?:vous|m'|lui) (?:a|ont) donné)\s+"
    r"(?:(?:the|some|a|an|a course of|du|de la|de l'|des)\s+)?$",
    re.I,
)
_WAS_ON = re.compile(
    r"\b(?:i was on|i used to (?:take|be on)|j'étais sous|je prenais)\s+(?:the |a |la |le |l')?"
    r"(?:(?:pill|pilule|patch|inhaler)\s*,\s*)?$",
    re.I,
)
_PAST_TIME = re.compile(
    rf"\W*(?:\w+\s+){{0,3}}?(?:(?:in|en) (?:{_MONTHS})|last (?:year|month|week|winter|spring|summer|fall)|"
    r"(?:\w+ )?(?:years?|months?|weeks?) ago|back in|l'an dernier|l'année dernière|il y a (?:\w+ )?(?:ans?|mois|"
    r"semaines?)|at the hospital|in the hospital|à l'hôpital|à la maternité)\b",
    re.I,
)
# a clinician's instruction to take a drug that is not one of the patient's own ("you can take Tylenol")
_IMPERATIVE = re.compile(
    r"(?:^\s*|[,;:]\s*(?:(?:and|then|also)\s+)?|\b(?:in the meantime|meanwhile|until then|for now)\s*,?\s*|"
    r"\b(?:you can|you could|you may|you should|you'll|you will|i want you to|"
    r"i'd like you to|go ahead and|please|try|then|vous pouvez|il faut|je veux que vous)\s+)"
    r"(?:take|use|prendre|prenez|vous prendrez|utiliser|utilisez)\s+"
    r"(?:(?:\d+(?:\.\d+)?|one|two|three|half|a half|an?|un|une|deux)\s+"
    r"(?:\w+\s+)?(?:of\s+|de\s+|d')?)?(?:some\s+|an?\s+|of\s+|du\s+|de la\s+|de l'|des\s+)?$|"
    r"\bvous (?:prendrez|allez prendre)\s+(?:du\s+|de la\s+|de l'|des\s+)?$",
    re.I,
)
_SWITCH_FROM = re.compile(
    r"\b(?:switch\w*|chang\w*|passer|passe)\b[^.]{0,25}\b(?:from|de)\s+"
    r"(?:the\s+|your\s+|his\s+|her\s+|my\s+|an?\s+|l'|la\s+|le\s+|du\s+)?$",
    re.I,
)
# "switch the hydrochlorothiazide to losartan", "replace the X with Y": X is the drug given up
_SWITCH_OBJECT = (
    re.compile(r"\b(?:switch\w*|chang\w*|replac\w*|swap\w*)\s+(?:the\s+|your\s+|his\s+|her\s+|my\s+)?$", re.I),
    re.compile(r"^\s*(?:over\s+)?(?:to|for|with)(?:\s+(?:the\s+|some\s+|an?\s+)?[a-z]|\s*$)", re.I),
)
_SWITCH_TO = re.compile(
    r"\b(?:switch\w*|chang\w*|passer|passe|replac\w*|remplac\w*)\b[^.]{0,60}\b(?:to|à|par|with)\s+"
    # "to a progestin-only pill, ", "to another blood pressure tablet, "
    r"(?:(?:an?|another|une?|une? autre) (?:[\w-]+ ){0,2}[\w-]+\s*,\s*)?(?:the\s+|some\s+|l'|la\s+|le\s+|du\s+)?$",
    re.I,
)
# a drug the clinician would consider on a condition, not one given today
_PROPOSED_IF = re.compile(
    r"\b(?:if|unless|si)\b[^.;?]{3,80}?,\s*(?:then\s+)?(?:we|i|on)(?:\s+|(?='))(?:could|might|may|would|can|will|'ll|pourr\w+|"
    r"envisager\w*)\s+(?:[\w.]+\s+){0,5}?(?:try|consider|add|start|talk about|essayer|ajouter|envisager)\w*\s+"
    r"(?:\w+\s+){0,4}?(?:[\w-]+ [\w-]+\s*,\s*(?:the\s+)?)?$",  # "…, we could consider a low dose of trazodone"
    re.I,
)
# a drug named in a subordinate clause: the main clause's "bring it down" is about its topic ("the prednisone, now
# that we're adding the plaquenil, we'll start bringing it down")
_SUBORDINATE = re.compile(
    r"\b(?:now that|since|because|as long as|while|once|puisque|maintenant que|alors que|pendant que)\b[^,;.]*$", re.I
)
_HEDGE = re.compile(
    r"\b(?:hopefully|eventually|maybe|might|may|could|possibly|someday|at some point|one day|"
    r"if|unless|peut-être|éventuellement|si)\b",
    re.I,
)
# the drug as what another is chosen against: "we'll change the antibiotic, choosing one that's safe with the warfarin"
_REFERENCE_BEFORE = re.compile(
    r"\b(?:safe|okay|ok|fine|compatible|interacts?|interfere|interferes) (?:to take )?(?:with|avec)\s+"
    r"(?:the\s+|your\s+|his\s+|her\s+|le\s+|la\s+|l'|votre\s+)?$",
    re.I,
)
_TREATED_THEN = re.compile(
    r"\b(?:ago|last (?:week|month|year)|yesterday|hier|il y a\b[^,.;]{1,30})[^.;]{0,30}\b(?:treated|traitée?s?) "
    r"(?:with|par|avec)\s+(?:the\s+|du\s+|de la\s+|de l')?$",
    re.I,
)
_GAVE_OF_MINE = re.compile(
    r"\b(?:i|je) (?:gave|lui ai donné) (?:him|her)? ?(?:some|one|two|three|a few|a couple|quelques-uns|deux)? ?"
    r"(?:of |de )?(?:my|mes|mon|ma)\s*$",
    re.I,
)
_WAS = re.compile(r"\s*(?:was|were|c'était|était)\b", re.I)
_OWN_VERB = re.compile(r"^\W{0,3}(?:goes|go|is going|stays?|remains?|passe|reste) (?:up |down )?(?:to|à|at)\b", re.I)
_OWN_STATUS = [STOP_LEFT, _CHANGE_LEFT, _NEW_CUE, _CURRENT_LEFT, _IMPERATIVE]


def clause_status(
    text: str,
    start: int,
    left: str,
    right: str,
    after: str,
    *,
    negated: bool = False,
    asked: bool = False,
    clinician: bool = False,
    before: str = "",
) -> str | None:
    """The status of the drug named at `start` in `text` (one sentence): "stopped", "changed", "new" (only
    said by the clinician), "historical" (tried or taken once, by the patient's account) or "current". `left`
    and `right`: the words of its clause before and after it;
    `after`: the words up to the next drug, past the clause; `before`: the previous sentence of the turn ("that was
    in february of last year." "urgent care gave me prednisone"). None: a negated mention that is not a stop."""
    if STOPPED_THEN.match(after):
        return "historical"  # a recap's "amitriptyline ten milligrams at night, stopped after three weeks because …"
    if WHEN_IT_ENDS.search(left) and COURSE_ENDS.match(right):
        return None  # "it comes back down when the prednisone stops": the course's end, no stop
    if clinician and _PROPOSED_IF.search(text[:start]):
        return None  # "if the sleep is still bad after a few weeks, we could try melatonin": not prescribed
    # (not "stop the hydro one, and the losartan goes to one hundred": the drug's own verb after it)
    stop = bool(_stop_before(left) and not _OWN_VERB.match(right) or NO_MORE_BEFORE.search(left) or stop_after(after))
    if stop and clinician and not negated and ON_CONDITION.search(text[:start]):
        return "current"  # "si vous avez une gastro …, vous arrêtez la metformine le temps que ça passe": taken now
    if negated:
        said_stop = re.search(r"\b(?:anymore|any more|no longer)\b|\b(?:ne|n')\s*(?:\w+\s+){0,2}plus\b", text, re.I)
        if not said_stop and not NO_MORE_BEFORE.search(left):
            return None
        status = "stopped"
    elif stop and not _HEDGE.search(left):
        # "they stopped her warfarin for two days": held for a while, then taken again, by the patient's account
        status = "historical" if not clinician and FOR_DAYS.match(right.lstrip()) else "stopped"
    elif (
        (not clinician or asked or "?" in text)
        and not _CURRENT_LEFT.search(left)
        and tried(text, start, left, after, before)  # "you tried X?" "yeah"
    ) or (clinician and tried_by_us(left, text, before)):
        status = "historical"
    elif asked:
        status = "current"
    elif clinician and _TREATED_THEN.search(left):
        status = "historical"  # "a flare-up two and a half weeks ago treated with prednisone"
    elif not clinician and _WAS.match(right) and FOR_DAYS.search(text, start):
        status = "historical"  # "the prednisone was forty milligrams, once a day, for five days": a course told
    elif clinician and (_SWITCH_FROM.search(left) or _SWITCH_OBJECT[0].search(left) and _SWITCH_OBJECT[1].match(after)):
        # "down the road the cardiologist may switch the lisinopril to entresto": considered, nothing stops today
        status = "current" if _HEDGE.search(left) else "stopped"
    elif clinician and _REFERENCE_BEFORE.search(left):
        status = "current"  # what the new drug must be safe with: no change, no start of it
    elif (
        clinician
        and (
            _CHANGE_LEFT.search(left)
            and not _SUBORDINATE.search(left)  # "la créatinine a augmenté alors que vous étiez sous ramipril"
            and not CHANGED_BEFORE.search(left)  # "during the pregnancy we increased your levothyroxine"
            or _changed_after(left, right)
            or ONLY_NOW.match(after)  # "keep the same dose, but only once a day"
            or _CUT_DOWN[0].search(left)
            and _CUT_DOWN[1].search(right)
        )
        and not _HEDGE.search(left)
        and not _SWITCH_TO.search(text[max(0, start - 90) : start])
    ):
        status = "changed"
    elif (
        clinician
        and (
            _NEW_CUE.search(left)
            or _new_after(text[:start], right)
            or _IMPERATIVE.search(left)
            or _SWITCH_TO.search(text[max(0, start - 90) : start])
            or _COURSE_RIGHT.search(right)
            or ANNOUNCED.search(text[max(0, start - 80) : start])
        )
        # "continue X, but add Y": Y is new (the nearer cue decides)
        and (not _CURRENT_LEFT.search(left) or _last(_CURRENT_LEFT, left) < _last(_NEW_CUE, left))
        and not _HISTORY.search(left + after)
        and not _GOES_ON.match(right)  # "prednisolone fifteen milligrams a day for two more weeks": taken already
        and not _SEEN_IN.search(text[max(0, start - 60) : start])  # "i saw you in march, we started the adapalene"
        and not ("?" in text and _ASKS_HISTORY.search(text))  # "who started the aspirin?"
    ):
        status = "new"
    elif clinician and not (_CURRENT_LEFT.search(left) or WHETHER.search(left)) and NO_RELIEF.search(after[:60]):
        status = "historical"  # "since the chantix didn't agree with you" (no change or start said of it)
    elif not clinician and _WAS_ON.search(left):
        status = "historical"  # "i was on the pill, loestrin, for years, and then … my old doctor stopped it"
    elif _PAST_VERB.search(left) and _PAST_TIME.match(after):
        status = "historical"  # "you needed prednisone in march", "i took a course of it last year"
    elif not clinician and _GAVE_OF_MINE.search(left):
        status = "historical"  # a companion's "i gave him two of my naproxen": some taken, not a regimen
    elif not clinician and GAVE_ME.search(left) and (FINE_SINCE.search(after) or _PAST_TIME.search(before)):
        status = "historical"  # "they found that bacteria, they gave me antibiotics, and it's been fine since"
    elif SINGLE_DOSE.search(after):
        status = "historical"  # "la fosfomycine, un sachet de trois grammes, en une seule prise": a course, taken
    else:
        status = "current"
    return status


def _new_after(before: str, right: str) -> bool:
    """A start said after the drug ("…, we'll use that again"), not another drug's in the main clause after a
    subordinate one ("since ibuprofen gave you stomach burning, i'll give you naproxen")."""
    m = _NEW_RIGHT.search(right)
    return bool(m) and not (m.group(0).lower().endswith("you") and _SUBORDINATE.search(before))


def _changed_after(left: str, right: str) -> bool:
    """A change said after the drug, not in a subordinate clause ("since we cut it down") nor on a condition ("keep
    the colace for now, and you can cut it back if things get easier")."""
    m = _CHANGE_RIGHT.search(right)
    if _DRUG_ACTS.match(right):
        return False  # "the spironolactone should bring it back up": what the drug does to the potassium
    return bool(m) and not _SUBORDINATE.search(left) and not _HEDGE.search(right[m.end() :][:40])


_DRUG_ACTS = re.compile(r"\s*(?:should|will|would|can|could|may|might|helps?|keeps?|is going to|va|devrait)\s", re.I)


def _stop_before(left: str) -> bool:
    """A stop said before the drug that is its own: not one whose object came first ("stop the cigarettes, maxalt
    for attacks"), nor one a nearer cue overrides ("stop the sprintec, start the norethindrone")."""
    stops = list(STOP_LEFT.finditer(left))
    if not stops:
        return False
    rest, lead = left[stops[-1].end() :], left[: stops[-1].start()]  # "le cardiologue l'avait arrêté": its own object
    if WHEN_TO.search(lead) or AS_A_TIME.search(lead) and stops[-1].group(0).lower() in ("stop", "arrêtez"):
        return False  # "they'll tell you when to hold the apixaban before surgery": decided later
    if _PARTICIPLE.fullmatch(stops[-1].group(0)) and not _AUXILIARY.search(lead):
        return False  # a recap's "ibuprofène suspendu un mois, paracétamol si besoin": the drug before it stops
    own = _OWN_OBJECT.search(lead) and stops[-1].group(0).lower() != "arrêt"  # not the noun: "après l'arrêt de l'"
    if re.search(r"\b(?:the|your|his|her|my|le|la|les|votre|vos)\s+[\w-]+\s*,", rest, re.I) or own:
        return False
    if re.match(r"\s*(?:it|them|that|those)\s+(?:and|then)\b", rest, re.I):
        return False  # "dr. abara stopped it and put me on the metoprolol": the stop had its object
    return not any(cue.search(rest) for cue in (_NEW_CUE, _CHANGE_LEFT, _KEEP))


# a drug kept, said as an instruction ("stop the advil, continue the tylenol"; not "the ones you're taking")
_KEEP = re.compile(r"\b(?:continu\w*|keep (?:taking|on|using)|stay on|poursui\w*|gardez|on garde)\b", re.I)


_PARTICIPLE = re.compile(r"(?:suspendue?s?|arrêtée?s?|interrompue?s?)", re.I)
_AUXILIARY = re.compile(r"\b(?:ai|as|a|avons|avez|ont|avait|avais|est|sont|été|on)\s*$", re.I)
_OWN_OBJECT = re.compile(r"\b(?:l'|les )(?:avait |a |ai |avons |ont )?$", re.I)


def _last(cue: re.Pattern, text: str) -> int:
    """Where the last match of `cue` in text starts (-1: none): of two cues, the nearer to the drug decides."""
    starts = [m.start() for m in cue.finditer(text)]
    return starts[-1] if starts else -1


def has_current_cue(left: str) -> bool:
    """The words before a drug say it is already taken ("I'm on", "continue", "je prends", "safe with the")."""
    return bool(_CURRENT_LEFT.search(left) or _REFERENCE_BEFORE.search(left))


def is_avoided(left: str, right: str = "") -> bool:
    """The words around a drug name it as one not to take ("we want to avoid going to insulin", "colchicine,
    we can't use it right now")."""
    return bool(_AVOID.search(left) or _AVOID_AFTER.match(right))


_AVOID_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,2}?(?:we|you|i|he|she) (?:can't|cannot|can not|shouldn't|should not|won't|will not) "
    r"(?:use|take|give|prescribe|have) (?:it|that|them|this)\b|^\W{0,3}(?:i'd|i would) rather you avoid\b|"
    # an option named and not chosen: "doxycycline is an option, you've tolerated it, but … so i'd go with malarone"
    r"^\W{0,3}(?:is|would be|could be|remains) (?:also |still )?(?:an|another|one) (?:option|alternative)\b|"
    # what a drug is used for, in general: "cialis, tadalafil, is sometimes used for this, but it's not where i'd start"
    r"^\W{0,3}(?:is|are) (?:sometimes|often|usually|commonly|also) used\b|"
    # "then estrogen pills are not for you at all", "l'œstrogène n'est pas pour vous"
    r"^\W{0,3}(?:pills? |tablets? |comprimés? )?(?:is|are) not for you\b|^\W{0,3}(?:n'est|ne sont) pas pour vous\b|"
    # a good drug, not the one chosen: "le ramipril est aussi un bon médicament, mais je préfère commencer par …"
    r"^[^.]{0,50}\b(?:mais|but) (?:je préfère|i'd rather|i prefer|i would rather)\b",
    re.I,
)


def says_start(left: str, right: str) -> bool:
    """A start said in words ("start", "prescribe", "on passe à"), not only an imperative or a course."""
    return bool(_NEW_CUE.search(left) or _NEW_RIGHT.search(right) or _SWITCH_TO.search(left))


def has_own_status(text: str) -> bool:
    """A verb of its own between two drugs (stop, change, start, continue, take): not a plain list."""
    return any(rx.search(text) for rx in _OWN_STATUS)
