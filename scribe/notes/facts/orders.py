"""Typed plan items found in a spoken plan clause: the lab, imaging, procedure, referral or advice named,
so the note says "Lipid panel ordered." instead of repeating "I'm gonna go ahead and order a lipid panel".
Negated ("we don't need an MRI") and past ("your x-ray showed") mentions are not orders."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scribe.notes.lexicon import BODY_PARTS
from scribe.notes.lexicon.orders import ORDERS
from scribe.notes.lexicon.orders_more import GENERIC, SPECIFIC
from scribe.notes.lexicon.orders_said import AS_SAID, RETURN_PRECAUTIONS

_NOT_ORDERED = re.compile(
    r"\b(?:no need|(?:do|does|did) ?n'?t (?:need|think|want)|not (?:going to|gon na|gonna|necessary|needed)|"
    r"won'?t|wo n't|hold off|defer|without|instead of|rather than|pas besoin|pas de|pas d'|inutile)\b[^,.;]{0,50}$",
    re.I,
)
_NO_BEFORE = re.compile(r"\b(?:(?:no|sans|aucune?|pas de)\s+(?:bed\s+)?|pas d')$", re.I)  # "no bed rest"
# said after the order, it is none: "you don't need to follow up anymore", "bed rest actually makes it worse",
# "comme la sage-femme l'a prescrit"
_NOT_ORDERED_AFTER = re.compile(
    r"^[^,.;]{0,20}\b(?:anymore|any more|no longer|plus besoin|makes? (?:it|things|you) worse|is (?:bad|not good) for|"
    r"aggrave|empire les choses)\b|"
    r"^\s*(?:l'a|vous l'a|les a|vous a) (?:prescrit|donné|recommandé)\b",
    re.I,
)
# An order that waits on something: "if it's not better, we'll get an MRI at that time", "depending on the results"
CONDITIONAL = re.compile(
    r"\b(?:if|unless|in case|depending on|should (?:it|you|this|that|the)|si|au cas où|en cas d|selon|"
    r"en fonction d\w*)\b[^.;?!]*$|"
    # what would follow ("then i'd send you to a gastroenterologist"), not a wish ("i'd like to order")
    r"\b(?:i|we)(?:'d| would) (?!like|love|want|prefer|rather|also like)(?:\w+ )?(?:send|refer|order|get|book|schedule)"
    r"\b[^.;?!]*$|\b(?:on ferait|on demanderait|je vous enverrais)\b[^.;?!]*$",
    re.I,
)
NO_IMPROVEMENT = re.compile(
    r"\b(?:not (?:getting |any |much )?better|(?:does|do) ?n'?t (?:get better|improve|go away|resolve)|no improvement|"
    r"no better|persist\w*|worse\w*|still|continues?|stays? (?:bad|the same|like this)|pas mieux|"
    r"pas d'amélioration|persiste\w*|s'aggrave\w*|"
    # "if it hasn't passed in a week or two", "if it doesn't help"
    r"(?:has|have|does|do|did) ?n'?t (?:passed|pass|helped|help|worked|work|settled?|cleared? up)|"
    r"not (?:helping|working|passed)|(?:ne )?passe pas)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:had|did|got|showed|came back|was normal|were normal|results?|last|previous|prior|already|review\w*|"
    r"look(?:ed|ing)? (?:at|over)|go(?:ing)? over|went over|positive|negative|elevated|abnormal|normal)\b",
    re.I,
)
# "your potassium level was high", "the x-ray showed": a result read, not an order
_RESULT_AFTER = re.compile(
    r"^\s*(?:that you had |you had )?(?:was|were|came back|showed|shows|looked|looks|results?|from (?:last|before))\b|"
    r"^\s*(?:is|are) (?:\w+ ){0,2}(?:elevated|high|low|normal|positive|negative|abnormal|fine|good|okay|ok|stable|"
    r"better|worse|up|down)\b",
    re.I,
)
# where an image is taken, beyond the body parts of a complaint ("an MRI of the brain", "a CT of your sinuses")
_IMAGED = (
    r"abdomen and pelvis|head and neck|brain|(?:lumbar |cervical |thoracic )?spine|lungs?|kidneys?|liver|sinus(?:es)?|"
    r"thyroid|heart|bladder|scrotum|breasts?|orbits?|face|skull|sacrum|tailbone|ribs?|thumb|calf|thigh|heel|"
    rf"cerveau|rachis|colonne|thorax|abdomen|bassin|rein|foie|{BODY_PARTS}"
)
_SITE = re.compile(
    rf"^\s*(?:of|on|for|de|du|des) (?:the |your |his |her |my |that |this |both |la |le |l')?"
    rf"(?P<side>(?:left|right|bilateral) )?"
    rf"(?P<part>{_IMAGED})\b",
    re.I,
)
# French names the site by an adjective: "un scanner thoracique", "une radio lombaire", "une IRM cérébrale"
_SITE_FR = re.compile(
    r"^\s*(?P<adj>thoracique|abdomino-?pelvien(?:ne)?|abdominale?|c[ée]r[ée]brale?|lombaire|cervicale?|dorsale?|"
    r"pulmonaire|r[ée]nale?|h[ée]patique|pelvienne?|cardiaque|thyro[ïi]dienne|mammaire|osseuse|du bassin)\b",
    re.I,
)
_SITE_BEFORE = re.compile(rf"(?P<side>\b(?:left|right|bilateral) )?\b(?P<part>{_IMAGED})\s*$", re.I)
_ICE_SITE = re.compile(
    rf"^\s*(?:(?:to|on) )?(?:the |your |his |her |that |this )?(?P<side>(?:left|right) )?(?P<part>{BODY_PARTS})\b", re.I
)
# "we can consider a steroid injection", "we'll talk about further imaging": offered, not ordered
_CONSIDERED = re.compile(
    r"\b(?:consider\w*|talk about|discuss\w*|think about|possibly|potentially|maybe|probably|likely|might|may|"
    r"would (?:need|get|do|have)|we'd (?:need|get|do)|"  # "the things that would need an urgent mri"
    r"envisager|discuter|peut-être|éventuellement)\b"
    r"[^,.;]{0,30}$",
    re.I,
)
# "a follow-up x-ray", "repeat another echocardiogram", "a recheck on your a1c": the test done again
_REPEAT = re.compile(
    r"\b(?:follow[- ]?up|repeat(?: another)?|another|recheck(?: on)?|re-?check(?: on)?|redo)\s+"
    r"(?:(?:your|the|a|an|his|her)\s+)?$",
    re.I,
)
_RETURN_PRECAUTIONS = re.compile(RETURN_PRECAUTIONS, re.I)
_AWAITED = re.compile(
    r"\s*(?:results? )?(?:comes?|is|are) (?:through|back|in)\b|\s*(?:revient|arrive|est revenue?)\b", re.I
)
# a condition said after the order: "another injection if needed", "une radio de contrôle si besoin"
_ALSO = re.compile(r"\b(?:et aussi|and also|as well as)\b", re.I)
_NEXT_VISIT_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:(?:at|during) (?:the|your) next (?:visit|appointment)|"
    r"à la prochaine (?:consultation|visite))\b",
    re.I,
)
_IF_NEEDED_AFTER = re.compile(
    r"^[^,.;]{0,25}?\b(?:if (?:needed|necessary|required|indicated)|as needed|should (?:you|it|that) be needed|"
    r"si (?:besoin|n[ée]cessaire)|au besoin)\b",
    re.I,
)
# a condition said after the order: "on fera une irm seulement si la douleur descend dans la jambe"
# … or "later if" it stays as it is: "we can try a knee injection later if it stays bad"
_ONLY_IF_AFTER = re.compile(
    r"^[^,.;]{0,25}?\b(?:seulement si|uniquement si|que si|only if|just if|later,? if|plus tard,? si)\b[^.;?!]*", re.I
)
_GENERIC_LABS = ("labs", "bilan sanguin")
_DEVICE = re.compile(r"\b(?:brace|splint|sling|immobilizer|boot)$")  # "Finger splint.", not "… advised."
# advice said as an instruction ("Avoid spicy foods.", "Stay hydrated."), written as said, without "advised"
_IMPERATIVE = re.compile(
    r"^(?:avoid|apply|keep|take|drink|use|using|wear|weigh|elevate|complete|finish|limit|push|strain|set|stay|get|"
    r"call|continue|increase|decrease|monitor|check|cut|reduce|stop|quit)\b"
)


def _infinitive(m: re.Match) -> str:
    stem = m.group(1)
    return stem + "e" if stem in ("us", "tak") else stem


_ADDS = re.compile(r"^\W*(?:and|or|et|ou)\s+(?:(?:your|the|some|votre|vos|le|la|les|de|du|des)\s+)?\w+\W*$", re.I)


class _Shifted:
    """A match in a text read with a lead before the clause, in the clause's own offsets."""

    def __init__(self, m: re.Match, offset: int):
        self._m, self._off = m, offset

    def start(self) -> int:
        return self._m.start() - self._off

    def end(self) -> int:
        return self._m.end() - self._off

    def group(self, *args):
        return self._m.group(*args)


@dataclass
class Order:
    start: int
    end: int
    type: str  # lab | imaging | procedure | referral | advice
    label: str  # in the note's language
    condition: str = ""  # "" (ordered now) | "no improvement" | "needed" | "considered" | "next visit": not yet


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, str, str, re.Pattern]]:
    rows = (*SPECIFIC, *ORDERS, *GENERIC)  # the narrower names first, the catch-all ones last
    return [(t, en, fr, re.compile(rf"\b(?:{rx})\b", re.I)) for t, en, fr, rx in rows]


def _site(clause: str, start: int, end: int) -> str:
    """'of the right knee' after an imaging word, or 'right knee' just before it; '' when none."""
    m = _SITE.match(clause[end:]) or _SITE_BEFORE.search(clause[max(0, start - 25) : start])
    return f"{(m.group('side') or '').lower()}{m.group('part').lower()}" if m else ""


# a specialist the patient already has, named without sending them there; a number to ring, no referral
_THEIR_OWN = re.compile(r"\b(?:your|his|her|my|votre|vos|son|sa|mon|ma)\s+$", re.I)
_SENT_TO = re.compile(
    r"\b(?:refer\w*|send|sent|see|back to|orient\w*|adress\w*|vers|chez|voir|revoy\w*|follow[ -]?up|go to|consult\w*|"
    r"contact\w*|call|appel\w*|appointment|rendez-vous|talk (?:to|with)|speak (?:to|with)|check with|voir avec)\b",
    re.I,
)
_A_PHONE_LINE = re.compile(r"\s*(?:nurse\s+)?(?:help ?line|hotline|phone line|advice line|ligne)\b", re.I)


def find_orders(
    clause: str, lang: str, before_clause: str = "", referent: bool = False, after_clause: str = ""
) -> list[Order]:
    """The orders named in one plan clause, in the order said, without negated or past ones; an order said
    after "if …" in the same sentence (`before_clause`: the sentence up to the clause) waits on that, and one put
    off to the next visit after it (`after_clause`: ", we'll do it at the next visit") waits too.
    `referent`: the test a later "let's repeat that" names, so a result read ("your a1c was 8") counts."""
    taken: list[tuple[int, int]] = []
    found: list[Order] = []
    # "limit your salt | and alcohol": a clause that only adds to a list is read after the words it adds to
    lead = before_clause[-40:] if _ADDS.match(clause) else ""
    for kind, en, fr, rx in _compiled():
        for m in (_Shifted(hit, len(lead)) for hit in rx.finditer(lead + clause, len(lead))):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            before = clause[max(0, m.start() - 40) : m.start()]
            if _NOT_ORDERED.search(before) or (kind != "advice" and not referent and _PAST.search(before[-20:])):
                continue
            if _NO_BEFORE.search(before):
                continue  # "no further imaging is needed", "pas d'IRM"
            if kind != "advice" and not referent and _RESULT_AFTER.match(clause[m.end() :]):
                continue  # "your potassium level was high"
            if _NOT_ORDERED_AFTER.search(clause[m.end() :]):
                continue  # "you don't need to follow up with the surgeon anymore"
            own = _THEIR_OWN.search(before) and not _SENT_TO.search(before)
            if kind == "referral" and (own or _A_PHONE_LINE.match(clause[m.end() :])):
                continue  # "comme votre gynécologue l'a prescrite", "ring the rheumatology nurse helpline"
            taken.append((m.start(), m.end()))
            label = fr if lang == "fr" else en
            if label == "{said}":  # a device as named: "finger splint", "straight leg brace"
                label = re.sub(r"\s+", " ", m.group(0).lower())
                label = re.sub(r"^(avoid|us|tak|keep|wear|weigh|get)(?:t?ing)\b", _infinitive, label)  # "use a cane"
            if en == "apply ice" and lang == "en" and (ice := _ICE_SITE.match(clause[m.end() :])):
                label = f"apply ice to the {(ice.group('side') or '').lower()}{ice.group('part').lower()}"
            if kind == "imaging" and label in (
                "X-ray",
                "MRI",
                "CT scan",
                "ultrasound",
                "radiographie",
                "IRM",
                "scanner",
                "échographie",
            ):
                site = _site(clause, m.start(), m.end())
                adj = _SITE_FR.match(clause[m.end() :]) if lang == "fr" else None
                if adj:
                    label, site = f"{label} {adj.group('adj').lower()}", ""
                if site:
                    label = f"{label} de {site}" if lang == "fr" else f"{label} of the {site}"
            if kind in ("lab", "imaging", "procedure") and _REPEAT.search(clause[max(0, m.start() - 30) : m.start()]):
                label = f"{label} de contrôle" if lang == "fr" else f"repeat {label}"
            said = before_clause + " " + clause[: m.start()]
            cond = CONDITIONAL.search(said) if kind != "advice" else None
            if cond and _AWAITED.match(clause, m.end()):
                continue  # "sooner if the echo comes through": a result awaited, no order
            if cond and _ALSO.search(said, cond.start()):
                cond = None  # "si elle est anormale le laboratoire ajoutera la t4 libre, et aussi une numération"
            condition = "" if not cond else "no improvement" if NO_IMPROVEMENT.search(cond.group(0)) else "needed"
            if not condition and kind != "advice" and _CONSIDERED.search(clause[: m.start()]):
                condition = "considered"
            if not condition and kind != "advice" and _IF_NEEDED_AFTER.match(clause[m.end() :]):
                condition = "needed"  # "then receive another injection if needed"
            if not condition and kind != "advice" and _NEXT_VISIT_AFTER.match(clause[m.end() :] + after_clause):
                condition = "next visit"  # "the pneumonia vaccine booster, we'll do it at the next visit, not today"
            only_if = _ONLY_IF_AFTER.match(clause[m.end() :]) if not condition and kind != "advice" else None
            if only_if:
                condition = "no improvement" if NO_IMPROVEMENT.search(only_if.group(0)) else "needed"
            found.append(Order(m.start(), m.end(), kind, label, condition))
    lead = before_clause[-120:] + " " if before_clause and _TEST_VERB.search(before_clause[-120:]) else ""
    for o in _measured(lead + clause, lang):  # "we'll check your cholesterol, | and your thyroid"
        o.start, o.end = o.start - len(lead), o.end - len(lead)
        if o.start < 0:
            continue
        if not any(o.start < b and a < o.end for a, b in taken) and o.label not in {f.label for f in found}:
            if not _NOT_ORDERED.search(clause[max(0, o.start - 60) : o.start]) and not _PAST.search(clause[: o.start]):
                cond = CONDITIONAL.search(before_clause + " " + clause[: o.start])
                o.condition = "" if not cond else "no improvement" if NO_IMPROVEMENT.search(cond.group(0)) else "needed"
                found.append(o)
    generic = {o.label for o in found if o.label.removeprefix("repeat ").removesuffix(" de contrôle") in _GENERIC_LABS}
    if any(o.type == "lab" and o.label not in generic for o in found):
        found = [o for o in found if o.label not in generic]  # "labs, a cbc and a bmp": the named ones
    warn = _RETURN_PRECAUTIONS.search(clause)
    if warn and not _NOT_ORDERED.search(clause[: warn.start()]):
        label = "consignes de reconsultation" if lang == "fr" else "return precautions"
        found.append(Order(warn.start(), warn.end(), "advice", label))
    return sorted(found, key=lambda o: o.start)


# A measure named after a verb of testing is the test that measures it: "let's recheck your cholesterol" (a lipid
# panel), "we'll check your cholesterol, your blood sugar and your thyroid", "on va contrôler votre glycémie".
_MEASURES = [
    ("lipid panel", "bilan lipidique", r"cholest[ée]rol"),
    ("blood glucose", "glycémie", r"(?:blood )?sugars?|glucose|glyc[ée]mie"),
    ("thyroid function tests", "bilan thyroïdien", r"thyroid|thyro[ïi]de"),
    ("renal function tests", "bilan rénal", r"kidney function|kidneys|fonction r[ée]nale"),
    ("liver function tests", "bilan hépatique", r"liver function|fonction h[ée]patique"),
    ("potassium level", "kaliémie", r"potassium|kali[ée]mie"),
    ("vitamin D level", "dosage de la vitamine D", r"vitamin d|vitamine d"),
    ("vitamin B12 level", "dosage de la vitamine B12", r"(?:vitamin |vitamine )?b ?12"),
    ("iron studies", "bilan martial", r"iron|fer|ferritin\w*"),
]
_MEASURE_RX = [(en, fr, re.compile(rf"\b(?:{rx})(?: levels?)?\b", re.I)) for en, fr, rx in _MEASURES]
_TEST_VERB = re.compile(
    r"\b(?:check|recheck|re-check|test|measure|draw|repeat|v[ée]rifi\w*|contr[ôo]l\w*|dos\w*|mesur\w*)(?:ing|ed|s)?\b",
    re.I,
)
# what may stand between the verb and a measure of its list: "your", "the", commas, "and"
_LIST_WORDS = re.compile(
    r"^(?:\s|,|\b(?:your|the|his|her|their|a|and|also|again|et|aussi|votre|vos|le|la|les|l'|son|sa|ses|de|du|des|"
    r"levels?|taux|avec)\b)*$",
    re.I,
)


def _measured(clause: str, lang: str) -> list[Order]:
    """Labs named by the measure a test verb checks, the measures listed after one verb."""
    out: list[Order] = []
    for v in _TEST_VERB.finditer(clause):
        tail = clause[v.end() :]
        hits = sorted(((m.start(), m.end(), en, fr) for en, fr, rx in _MEASURE_RX for m in rx.finditer(tail)))
        at = 0
        for a, b, en, fr in hits:
            if a < at or not _LIST_WORDS.match(tail[at:a]):
                break
            label = fr if lang == "fr" else en
            if _REPEAT.search(clause[max(0, v.start() - 30) : v.end()] + " "):
                label = f"{label} de contrôle" if lang == "fr" else f"repeat {label}"
            out.append(Order(v.end() + a, v.end() + b, "lab", label))
            at = b
    return out


def order_sentence(order: Order, lang: str) -> str:
    """The note's sentence for one order, in clinical register."""
    label = order.label[:1].upper() + order.label[1:]
    if lang == "fr":
        if order.label == "consignes de reconsultation":
            return "Consignes de reconsultation données."
        lead = {"referral": "Orientation", "advice": "Conseil"}.get(order.type, "Demande")
        lead = "Suivi" if order.label == "médecin traitant" else lead
        when = {
            "no improvement": " si pas d'amélioration",
            "needed": " si besoin",
            "considered": " à discuter",
            "next visit": " à la prochaine consultation",
        }
        return f"{lead} : {order.label}{when.get(order.condition, '')}."
    when = {
        "no improvement": " if no improvement",
        "needed": " if needed",
        "considered": " to be considered",
        "next visit": " at the next visit",
    }.get(order.condition, "")
    if order.type == "referral":  # the patient's own doctor is no referral: the care goes back to them
        return (
            f"Follow-up with primary care{when}."
            if order.label == "primary care"
            else f"Referral to {order.label}{when}."
        )
    if order.type == "advice":
        if order.label == "return precautions":
            return "Return precautions given."
        as_said = order.label in AS_SAID or _IMPERATIVE.match(order.label) or _DEVICE.search(order.label)
        return f"{label}." if as_said else f"{label} advised."
    return f"{label}{when}." if when else f"{label} ordered."
