"""What makes the complaint worse or better, when it comes and where it sits, in the note's words: "quand je
respirais fort, ça faisait plus mal" is "majorée à l'inspiration profonde", "it kept me up, it was so sore" is
"pain disturbing sleep", "Après manger ?" "Oui, je venais de manger" is "post-prandiale". A physician writes the
circumstance, not the patient's sentence, so the note and the label meet on clinical words. A circumstance is
kept only when the patient states it (or says yes to it) without a negation near it: "walking doesn't make it
worse" states nothing."""

from __future__ import annotations

import re
from functools import lru_cache

from scribe.notes.facts.reader import NEGATION_NEAR
from scribe.notes.reply_polarity import answer_polarity

# (attribute, what the patient's words or the clinician's question name, English note words, French note words)
CIRCUMSTANCES: tuple[tuple[str, str, str, str], ...] = (
    (
        "trigger",
        r"deep breaths?|(?:breath(?:e|es|ing)|take a breath) (?:in|deep(?:ly)?)|respir\w*|inspir\w*",
        "worse with deep breathing",
        "majorée à l'inspiration profonde",
    ),
    ("trigger", r"cough(?:s|ing)?|touss\w*", "worse with coughing", "majorée à la toux"),
    (
        "trigger",
        r"lift(?:s|ing)?|carry(?:ing)? (?:heavy|things|anything)|port\w* (?:des |de )?charges?|soulev\w*",
        "pain with lifting",
        "majorée au port de charges",
    ),
    ("trigger", r"reach(?:es|ing)? (?:for|up|out|over)", "pain with reaching", "majorée en tendant le bras"),
    (
        "trigger",
        r"(?:over|above) (?:my|your|his|her|the) head|overhead|au-dessus de (?:la|ma|sa|votre) tête",
        "pain with overhead activity",
        "majorée bras au-dessus de la tête",
    ),
    (
        "trigger",
        r"climb\w* (?:the )?stairs|mont\w* (?:les |des )?escaliers",
        "worse on stairs",
        "majorée aux escaliers",
    ),
    ("trigger", r"walk(?:s|ing)?|march\w*", "worse with walking", "majorée à la marche"),
    ("trigger", r"bend(?:s|ing)?|twist(?:s|ing)?|pench\w*", "worse with bending", "majorée à la flexion"),
    ("trigger", r"mov(?:e|es|ing)|movements?|boug\w*", "worse with movement", "majorée par les mouvements"),
    (
        "trigger",
        r"us(?:e|es|ing) (?:my|your|his|her|the|it|them)\b(?: \w+)?|activit(?:y|ies)|exercis\w*|exert\w*|"
        r"effort|(?:fai\w*|fais) du sport",
        "worse with activity",
        "majorée à l'effort",
    ),
    (
        "timing",
        r"(?:after|when) (?:i |you |he |she )?(?:eat|ate|eating)|after (?:a |my |your )?meals?|"
        r"après (?:le |les |un |avoir )?(?:repas|manger|mangé)|(?:venais|viens|venait) de manger",
        "after meals",
        "post-prandiale",
    ),
)
# what eases it: "sur le côté, j'avais moins mal", "it gets better after a bowel movement"
RELIEF: tuple[tuple[str, str, str], ...] = (
    (
        # lying on one side, not "I sat on the side of the bed"
        r"(?:lying|laying|lie|lay|sleep\w*|turn\w*) on (?:my|your|his|her|the) (?:left |right )?side(?! of)|"
        r"sur le côté(?! (?:de|du|des)\b)|couch\w* sur le côté",
        "relieved lying on the side",
        "soulagée en décubitus latéral",
    ),
    (r"bowel movements?|aller à la selle", "relieved by a bowel movement", "soulagée par l'émission de selles"),
    # what the patient took or did before the visit: the usual analgesics, ice, rest
    (
        r"parac[ée]tamol|doliprane|dafalgan|efferalgan|acetaminophen|tylenol",
        "relieved by acetaminophen",
        "soulagée par le paracétamol",
    ),
    (r"ibuprof[eè]ne?|advil|nurofen|motrin", "relieved by ibuprofen", "soulagée par l'ibuprofène"),
    (
        r"antalgiques?|painkillers?|pain (?:medications?|medicines?|meds|pills)",
        "relieved by analgesics",
        "soulagée par les antalgiques",
    ),
    (r"ic(?:e|ing) (?:it|packs?)|(?:with|after) ice|de la glace", "relieved by ice", "soulagée par la glace"),
    (r"(?:with|when (?:i|he|she)|after) rest(?:ing)?|au repos", "relieved by rest", "soulagée au repos"),
)
ONSET: tuple[tuple[str, str, str], ...] = (
    (
        r"brutal\w*|soudain\w*|brusque\w*|d'un (?:seul )?coup|all of a sudden|suddenly|sudden",
        "sudden onset",
        "début brutal",
    ),
    (r"progressiv\w*|petit à petit|gradual(?:ly)?|slowly", "gradual onset", "début progressif"),
)
# it hurts now, or more: "it hurts when", "causes so much pain", "ça faisait plus mal" (not "I hurt my knee when…")
_WORSE = re.compile(
    r"\b(?:worse|hurts|hurting|more pain|painful|(?:causes?|gives?) (?:\w+ ){0,3}pain|aggrav\w*|major\w*|"
    r"plus mal|fai\w* (?:plus |très |trop )?mal|j'ai mal|douleur)\b",
    re.I,
)
# a relief only supposed or possible: "thinking it would help", "some tylenol can help", "ça pourrait soulager"
_MAY = re.compile(
    r"\b(?:would|could|can|might|may|thought|thinking|hoping|hope|pourrait|peut|pensais|croyais)\b(?:\W+\w+){0,2}\W*$",
    re.I,
)
_WORSE_ASKED = re.compile(rf"{_WORSE.pattern}|\bdoes (?:it|that|this) hurt\b", re.I)  # "does it hurt when you…?"
_BETTER = re.compile(
    r"\b(?:better|less pain|hurts? less|eases?|relie\w*|helps?|helped|works? for|worked|takes? the edge off|"
    r"took the edge off|moins mal|soulag\w*|mieux|amélior\w*|calm\w*)\b",
    re.I,
)
# the circumstance is said as one: "when I lift", "quand je respirais", "with walking", "after meals"
_LINK = re.compile(
    r"\b(?:when|whenever|if|with|after|while|the more|on|quand|lorsque|dès que|si|après|en|à l'|plus)\b"
    r"(?:\W+\w+){0,4}\W*$",
    re.I,
)
_SLEEP = re.compile(
    r"\b(?:kept|keeps?|keeping) (?:me|him|her) (?:up|awake)|(?:wakes?|woke|waking) (?:me|him|her) up|"
    r"(?:can'?t|ca n't|cannot|could ?n'?t) sleep|m'emp[êe]ch\w+ de dormir|(?:n')?arriv\w+ pas (?:à|a) dormir",
    re.I,
)
_PAIN = re.compile(r"\b(?:pain\w*|hurt\w*|sore|ach\w+|douleur\w*|mal)\b", re.I)
_SIDE_FR = re.compile(r"\b(?:(?:du|sur le) côté|à|sur la) (droite?|gauche)\b", re.I)
_SIDE_EN = re.compile(r"\b(?:the |my )?(right|left) side\b", re.I)
_ASKS_SIDE = re.compile(
    r"\b(?:à droite ou à gauche|à gauche ou à droite|quel côté|which side|left or right|right or left)\b"
)
_RADIATES = re.compile(r"\b(?:va|allait|part|descend\w*|monte|remonte\w*|irradi\w*|radiat\w*|goes|shoots)\b", re.I)
_CHOICE = re.compile(r"\b(?:or|ou)\b", re.I)


def _sentences(text: str) -> list[str]:
    return [p for p in re.split(r"[.;!?]|\b(?:but|mais)\b", text) if p.strip()]


def _negated(before: str) -> bool:
    return bool(NEGATION_NEAR.search(before[-40:]))


# an activity that hurts by itself: "even driving hurts", "typing makes it worse" (English gerunds)
_GERUND_HURTS = re.compile(
    r"\b(?!(?:nothing|something|anything|everything|morning|evening|thing|feeling|being|ring|king|bring|spring)\b)"
    r"([a-z]{3,}ing)(?: (?:too|also|really|even))? (?:hurts|is painful|makes it (?:hurt|worse)|aggravates it)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def _rx(pattern: str) -> re.Pattern:
    return re.compile(rf"\b(?:{pattern})\b", re.I)


@lru_cache(maxsize=4096)
def stated(text: str, lang: str) -> tuple[tuple[str, str], ...]:
    """(attribute, note words) of the circumstances a patient's sentence states: an activity said as a
    circumstance ("when I lift") in a clause that says it hurts or is worse, or a relief said with "better"."""
    out = []
    for clause in _sentences(text):
        worse, better = _WORSE.search(clause), _BETTER.search(clause)
        if not (worse or better) or worse and not better and _negated(clause[: worse.start()]):
            continue
        for attr, rx, en, fr in CIRCUMSTANCES:
            m = _rx(rx).search(clause)
            if m and worse and not better and _LINK.search(clause[: m.start()]) and not _negated(clause[: m.start()]):
                out.append((attr, en if lang == "en" else fr))
        gerund = _GERUND_HURTS.search(clause) if lang == "en" else None
        if gerund and not _negated(clause[: gerund.start()]):
            out.append(("trigger", f"pain with {gerund.group(1).lower()}"))
        for rx, en, fr in RELIEF:
            m = _rx(rx).search(clause)
            if (
                m
                and better
                and not _negated(clause[: better.start()])
                and not _negated(clause[: m.start()])
                and not _MAY.search(clause[: better.start()])
            ):
                out.append(("trigger", en if lang == "en" else fr))
    return tuple(dict.fromkeys(out))


def disturbs_sleep(text: str, after: str, lang: str) -> str | None:
    """ "It kept me up… they were pretty sore": the pain disturbing sleep, when the sentence or the next one of
    the turn says it is the pain that does."""
    m = _SLEEP.search(text)
    if not m or _negated(text[: m.start()]) or not (_PAIN.search(text) or _PAIN.search(after)):
        return None
    return "pain disturbing sleep" if lang == "en" else "douleur insomniante"


def answered(question: str, answer: str, lang: str, echo: bool = False) -> list[tuple[str, str]]:
    """(attribute, note words) a reply gives to a qualifier question: a yes to "Après manger ?" or "did it
    come on all of a sudden?"; for a choice ("sudden or gradual?", "à droite ou à gauche ?") the reply's own words;
    with `echo` (a question followed by others in its turn) only what the reply says back in its own words."""
    choice = bool(_CHOICE.search(question)) or echo
    pol = answer_polarity(answer, question)
    out = []
    if _ASKS_SIDE.search(question) or re.search(r"\b(?:où|where)\b", question, re.I):
        side = _SIDE_FR.search(answer) if lang == "fr" else _SIDE_EN.search(answer)
        if side and not _RADIATES.search(answer) and not _negated(answer[: side.start()]):
            word = side.group(1).lower()
            value = f"latéralisée à {'droite' if word.startswith('droit') else 'gauche'}"
            out.append(("location", value if lang == "fr" else f"{word}-sided"))
    if pol == "no" or (pol != "yes" and not choice):
        return out
    pairs = [(a, rx, en, fr) for a, rx, en, fr in CIRCUMSTANCES] + [("onset", rx, en, fr) for rx, en, fr in ONSET]
    where = answer if choice else question
    for attr, rx, en, fr in pairs:
        m = _rx(rx).search(where)
        if not m or _negated(where[: m.start()]) or echo and not _rx(rx).search(question):
            continue
        # "do you walk for exercise?" "yes" is no trigger: the question asks whether the activity makes it hurt
        if attr == "trigger" and not (_WORSE_ASKED.search(question) and _LINK.search(where[: m.start()])):
            continue
        out.append((attr, en if lang == "en" else fr))
    return list(dict.fromkeys(out))


class QualifierFacts:
    def qualifiers(self, past_episode: re.Pattern) -> None:
        """The complaint's circumstances in note words, from the patient's sentences of the history and from the
        replies to the clinician's questions about them; an old episode's circumstances are not this one's."""
        end = min(self.exam_start, self.ap_start)
        for k, s in enumerate(self.sents[:end]):
            if self.is_pat(k) and not s.question and not past_episode.search(s.text):
                nxt = self.sents[k + 1] if k + 1 < end else None
                after = nxt.text if nxt and nxt.seg_index == s.seg_index else ""
                sleep = disturbs_sleep(s.text, after, self.lang)
                found = [*stated(s.text, self.lang), *([("timing", sleep)] if sleep else [])]
                evidence = [self.builder.ev_sentence(s)]
            elif self.is_clin(k) and (s.question or self.asks(k)):
                ans, echo = self.answer_to(k), False
                if not ans:  # "Après manger ? A un moment particulier ?" "Je venais de manger": the turn's reply
                    later = [j for j in range(k + 1, end) if self.sents[j].seg_index == s.seg_index]
                    ans, echo = (self.answer_to(later[-1]) if later else []), True
                if not ans or past_episode.search(s.text) or not self.is_pat(ans[0]):
                    continue
                reply = self.sents[ans[0]]
                found = answered(s.text, reply.text, self.lang, echo)
                evidence = [self.builder.ev_sentence(s), self.builder.ev_sentence(reply)]
            else:
                continue
            for attr, value in found:
                self.builder.add("hpi", attr, evidence, value=value, merge=False, restated=True)
