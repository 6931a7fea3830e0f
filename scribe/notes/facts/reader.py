"""The consultation as the fact extractors read it: sentences with their speaker, question and answer
links, and the visit's phases (history, examination, assessment and plan)."""

from __future__ import annotations

import re
from itertools import takewhile

from scribe.notes import lexicon, register
from scribe.notes.facts.builder import Builder
from scribe.notes.facts.companion import FIRST_PERSON, OWN_HEALTH, CompanionVoice
from scribe.notes.facts.relative_names import relative_names
from scribe.notes.facts.relatives import THIRD_PERSON, turn_opening
from scribe.notes.reply_polarity import CHECKS_NO, answer_polarity
from scribe.notes.text import Sentence, split_sentences
from scribe.schemas import Transcript

_TAG_QUESTION = re.compile(
    r"^(?:(?:or|ou|and|et)\s+)?(?:anything (?:like that|else)(?: that you'?ve noticed)?|(?:des |d')?(?:choses?|"
    r"trucs?) comme ça|"
    r"something like that|right|okay|ok|d'accord|non|hein|n'est-ce pas|or not|ou pas|"
    r"ou quelque chose comme ça)\W*$",
    re.I,
)


NEGATION_NEAR = re.compile(
    r"(?:\b(?:no|not|never|without|deny|denies|denied|negative for|none|nor|pas|jamais|sans|"
    r"aucune?|ni)|n't)\b(?:\W+\w+){0,6}\W*$",  # n't: "don't" as well as "do n't"
    re.I,
)


def clause_before(text: str, start: int) -> str:
    """The words of text's clause that come before `start` (clauses as register.clauses cuts them)."""
    for a, b in register.clauses(text):
        if a <= start <= b:
            return text[a:start]
    return text[max(0, start - 60) : start]


# "If you get chest pain that lasts, call 911." "Yes, I know.": advice heard, nothing asked or answered
IF_ADVICE = re.compile(
    r"\b(?:if you|if it|if there|if she|if he|if the|if your|si vous|s'il|si elle|si ça|si la|si le|si votre|en cas d)",
    re.I,
)
# the clinician's warning signs begin: "now, the warning signs.", "les signes qui doivent vous faire consulter"
WARNING_SIGNS = re.compile(
    r"\b(?:warning signs?|red flags?|signes? d'alerte|signes? d'alarme|signes? de gravité|watch (?:out )?for|"
    r"signes? qui (?:doivent|devraient))\b",
    re.I,
)
_HEARD = re.compile(
    r"^\W*(?:yes|yeah|oui|ok|okay|d'accord)\W+(?:i know|i will|will do|of course|je sais|bien sûr|entendu|promis)\b",
    re.I,
)


_ADDRESSED = re.compile(r"^\W*(?:(?:and|so|now|et|alors)\W+)?([a-zà-ÿ]{3,})\s*,", re.I)
_ASKED_OF_THE_OTHER = re.compile(
    r"^\W*(?:(?:and|so|et|alors)\W+)?(?:madame|monsieur|ma'am|sir)\s*,[^?]*\b(?:vous aussi|you too|as well)\b", re.I
)
# a companion sets themself beside the patient: "like me", "for mine", "et moi, je …", "moi, j'ai eu …"
_BESIDE_THE_PATIENT = re.compile(
    r"\b(?:like me|same as me|for mine|and me|me too|myself too|comme moi|pour moi aussi|et moi|moi aussi|"
    r"moi\s*,\s*(?:je|j'))\b|\bmoi\s*\.|"
    # "because i'm on metoprolol too"
    r"\b(?:i'm|i am|je suis) (?:on|sous) (?:the |le |la |l')?[\w-]+ (?:too|as well|aussi)\b",
    re.I,
)
_MYSELF = re.compile(r"\b(?:i|je) (?:take|use|am on|prends|suis sous) [^.?!]{0,40}\b(?:myself|moi-même)\b", re.I)
_THE_PATIENTS = re.compile(r"\b(?:his|her|son|sa) (?!own\b)\w+", re.I)
_THIS_IS = re.compile(r"\b(?:this is|c'est|voici)\s+([a-zà-ÿ]{3,})\s+[a-zà-ÿ'-]+\s*,", re.I)
_DISOWNED = re.compile(
    r"^\W*(?:(?:i mean|no|sorry|oh|wait|non|pardon|enfin|je veux dire)\W+){0,4}(?:that's|that is|it's|c'est)\s+"
    r"(?:mine|le mien|la mienne|à moi)\b",
    re.I,
)
_WITH_CHILD = re.compile(
    r"\b(?:with|avec|accompagnée? (?:de|par)) (?:his|her|son|sa) (?:daughter|son|fille|fils)\b", re.I
)
_YOUR_PARENT = re.compile(r"\b(?:your (?:mom|mother|mum|dad|father)|votre (?:mère|père)|ta (?:mère|maman))\b", re.I)
# the clinician's reply to a companion: "your husband", "don't share pills", "pour votre femme", "vous à vous"
_TO_THE_COMPANION = re.compile(
    r"\b(?:(?:your|votre) (?:husband|wife|partner|son|daughter|mari|femme|épouse|conjoint|fils|fille)|"
    r"(?:don't|do not|never) (?:\w+ )?share|ne (?:partagez|prêtez|donnez) (?:jamais )?(?:pas )?vos|"
    r"votre situation à vous|for you yourself)\b",
    re.I,
)


def advice_heard(said: str, reply: str) -> bool:
    """The clinician's sentence is conditional advice, or the reply only acknowledges it: no answer."""
    return bool(IF_ADVICE.search(said) or _HEARD.match(reply))


def turn_start(sents: list[Sentence], j: int, n: int = 3) -> list[str]:
    """The first n sentences of the turn that sentence j opens."""
    return [t.text for t in sents[j : j + n] if t.seg_index == sents[j].seg_index]


_TAKES_AFTER = re.compile(r"\s*(?:that |which |qu')?(he|she|il|elle) (?:takes|uses|prend|utilise)\b", re.I)
_PRONOUN_TAKES = re.compile(
    r"\b(he|she|il|elle)(?: still| also| now| encore| aussi)?"
    r"(?:\s+(?:takes|took|is on|was on|uses|prend|prenait|est sous|était sous)|'s on)\s+"
    r"(?:[^.;?!]{0,80}?(?:,|\band|\bet)\s+)?(?:the |some |a |le |la |les |du |de la |de l'|l'|des )?$",  # a list
    re.I,
)
_HIS_KIN = re.compile(
    r"\b(?:brothers?|father|dad|husband|uncle|grand(?:father|pa)|frères?|père|mari|oncle|grand-père)\b", re.I
)
_HER_KIN = re.compile(
    r"\b(?:sisters?|mother|mom|mum|wife|aunt|grand(?:mother|ma)|sœurs?|soeurs?|mère|maman|femme|tante|grand-mère)\b",
    re.I,
)


class ConsultationReader(CompanionVoice):
    def __init__(self, tr: Transcript, lang: str | None = None):
        self.tr = tr
        self.lang = lang or tr.language or "en"
        if self.lang not in ("en", "fr"):
            self.lang = "en"
        self.builder = Builder(tr)
        self.sents: list[Sentence] = []
        for i, seg in enumerate(tr.segments):
            self.sents.extend(split_sentences(seg.text, i))
        self.role = [tr.segments[s.seg_index].role for s in self.sents]
        self._names: dict[str, str] | None = None  # relatives' first names (relatives.relative_names), read once
        self._companion_turns: dict[int, bool] = {}  # companion_turn, by segment
        self._child_turns: set[int] = set()  # … of those, the patient's daughter's or son's (_child_beside)
        self.sex: str | None = None
        self.exam_start = self._find_exam_start()
        self.ap_start = self._find_ap_start()
        self.exam_end = self.ap_start if self.ap_start > self.exam_start else len(self.sents)

    def guest_of_self(self, k: int, upto: int | None = None) -> bool:
        """A companion (a dialogue's guest, a recording's "other" voice) speaking of themself in sentence k, before
        offset `upto`: "and i have prediabetes, they told me last year" is the daughter's, not the patient's."""
        said = self.sents[k].text[:upto]
        guest = self.guest(k)
        if self._asked_of_the_companion(k):
            return True  # the reply to a question put to the companion, all theirs: "oui, depuis toute petite"
        if guest and _DISOWNED.match(self.next_in_turn(k)):
            return True  # "should he keep the singulair … i mean, no, sorry, that's mine."
        if (
            self.companion_turn(k)
            and self.sents[k].seg_index in self._child_turns
            and FIRST_PERSON.search(self.sents[k].text)
        ):
            return True  # the patient's daughter: "i'm on that, fosamax. they found osteoporosis in me at fifty-five"
        return (
            bool(re.search(r"\b(?:i|i'm|i've|me|my|mine|je|j'ai|moi|le mien|la mienne)\b|\bm'(?=\w)", said, re.I))
            and not re.search(r"\b(?:he|she|his|her|him|il(?! y a)|elle|son|sa|lui)\b", said, re.I)
            and (guest or self._addressed_companion(k) or self.companion_turn(k))  # the turn walks last: it runs on
            # every sentence
        )

    def companion_turn(self, k: int) -> bool:
        """Sentence k's turn, tagged as the patient's, is a companion's about themself: it sets the speaker beside
        the patient ("why can't sam just take the glipizide, like me?", "et moi, je prends de la pravastatine …
        pourquoi lui") and the clinician's reply speaks to that companion ("same family of medication, linda, yes.
        but don't share pills", "pour votre femme, ce n'est pas la même chose")."""
        seg = self.sents[k].seg_index
        if seg not in self._companion_turns:  # asked of every sentence of the history: once a turn
            self._companion_turns[seg] = not self.is_clin(k) and self._spoken_to_as_companion(k)
        return self._companion_turns[seg]

    def _spoken_to_as_companion(self, k: int) -> bool:
        seg = self.sents[k].seg_index
        turn = " ".join(s.text for s in self.sents if s.seg_index == seg)
        if _MYSELF.search(turn) and _THE_PATIENTS.search(turn):
            return True  # "i take metoprolol myself, for my palpitations. is that the same thing as his carvedilol?"
        if self._child_beside(k, turn):
            self._child_turns.add(seg)
            return True
        if not _BESIDE_THE_PATIENT.search(turn) and not _MYSELF.search(turn):  # "i take warfarin myself for it"
            return False  # (then the reply must speak to the companion)
        if getattr(self, "proxy", None) and THIRD_PERSON.search(turn):
            return True  # the parent of a child's visit, of the child and beside them: "… and me, i have pcos"
        reply = next((j for j in range(k + 1, len(self.sents)) if self.sents[j].seg_index != seg), None)
        if reply is None or not self.is_clin(reply):
            return False
        said = " ".join(s.text for s in self.sents[reply:] if s.seg_index == self.sents[reply].seg_index)
        named = any(re.search(rf"(?:^|,)\s*{re.escape(n)}\s*[,.?!]", said, re.I) for n in self.named_people())
        return named or bool(_TO_THE_COMPANION.search(said))

    def _child_beside(self, k: int, turn: str) -> bool:
        """A visit with the patient's daughter or son ("here with her daughter karen"), in a patient-tagged turn the
        child speaks: a second turn in a row that speaks of the patient ("okay. i'll try." "i'll call her every
        night"), or one the clinician answers of "your mom" ("i'm on that, fosamax." "then … check your mom")."""
        if getattr(self, "proxy", None) or not _WITH_CHILD.search(" ".join(x.text for x in self.tr.segments[:6])):
            return False
        j = next((j for j in range(k - 1, -1, -1) if self.sents[j].seg_index != self.sents[k].seg_index), None)
        if j is not None and not self.is_clin(j) and THIRD_PERSON.search(turn):
            return True
        reply = next(
            (j for j in range(k + 1, len(self.sents)) if self.sents[j].seg_index != self.sents[k].seg_index), None
        )
        return reply is not None and self.is_clin(reply) and bool(_YOUR_PARENT.search(self.sents[reply].text))

    def named_people(self) -> dict[str, str]:
        """Relatives' and companions' first names (relative_names), read once."""
        if self._names is None:
            self._names = relative_names(self.sents)
        return self._names

    def _addressed_companion(self, k: int) -> bool:
        """Sentence k answers the clinician's question put to a companion by the name the visit gave them ("this is
        my daughter, grace." … "and grace, i see you're on a blood thinner yourself?")."""
        j = turn_opening(self.sents, k)
        asked = self.sents[j - 1].text if j > 0 and self.is_clin(j - 1) else ""
        m = _ADDRESSED.match(asked) if self.named_people() else None
        return bool(m) and m.group(1).lower() in self.named_people()

    def _asked_of_the_companion(self, k: int) -> bool:
        """Sentence k answers a question on the companion's own health: "madame, vous avez de l'asthme vous aussi ?"
        (the patient is "mademoiselle"), not "joyce, how's his sleep?"."""
        j = turn_opening(self.sents, k)
        return j > 0 and self.is_clin(j - 1) and bool(_ASKED_OF_THE_OTHER.match(self.sents[j - 1].text))

    def relative_takes(self, k: int, start: int, relatives_drug: bool = False, end: int = -1) -> bool:
        """The patient's "he takes X" / "elle prend X" at sentence k, offset `start`, of a relative of that gender the
        turn (or the clinician's question before it) named: "one brother, george. … he has the same problem as me,
        … and he takes finasteride" is George's drug, though the turn speaks of the patient too. The clinician's
        "so the stroke was a bleed while he was on warfarin" about a drug already a relative's (`relatives_drug`)
        is the relative's too."""
        s = self.sents[k]
        took = _PRONOUN_TAKES.search(s.text[max(0, start - 120) : start]) or (
            _TAKES_AFTER.match(s.text, end) if end >= 0 else None  # "the brown one is the qvar she takes"
        )
        if self.is_clin(k) or not took:
            return bool(took) and relatives_drug
        j = turn_opening(self.sents, k)  # the turn, the clinician's before it, and the one before that when the
        i = j - 1 if j == 0 or not THIRD_PERSON.search(self.sents[j - 1].text) else turn_opening(self.sents, j - 1) - 3
        said = " ".join(x.text for x in self.sents[max(0, i) : k]) + " " + s.text[:start]  # latter asks "how's he?"
        kin = _HIS_KIN if took.group(1).lower() in ("he", "il") else _HER_KIN
        return bool(kin.search(said))

    def asks_the_child(self, k: int) -> bool:
        """Sentence k answers the clinician's question put to the child by the name the introduction gave ("for the
        recording, this is tyler brennan, sixteen …" … "any other health problems, tyler?"): the child's own words."""
        intro = next((t.text for t in self.sents[:12] if _THIS_IS.search(t.text)), "")
        name = _THIS_IS.search(intro)
        j = k
        while j > 0 and not self.is_clin(j - 1):  # the clinician's turn the reply answers, its last sentences
            j -= 1
        asked = " ".join(t.text for t in self.sents[max(0, j - 2) : j] if not _THIS_IS.search(t.text))
        n = name and re.escape(name.group(1))  # the child addressed ("…, tyler?", "ethan, do you…"), not named
        return bool(name and re.search(rf",\s*{n}\s*[?.!]|\b{n}\s*,", asked, re.I))

    def parent_tells(self, k: int) -> bool:
        """Sentence k's turn speaks of the child in the third person ("at recess, when they run, he comes in wheezy"):
        the parent's account, which the note says is theirs."""
        seg = self.sents[k].seg_index
        return any(THIRD_PERSON.search(s.text) for s in self.sents if s.seg_index == seg) and not self.asks_the_child(k)

    def parents_own_words(self, k: int) -> bool:
        """A young child's visit: the parent's words of themself ("i take cetirizine every day"), not the child's
        history (their "he"/"she" is the child; the child's own replies answer a question put to them)."""
        t = self.sents[k].text
        return (
            self.child_with_parent()
            and bool(OWN_HEALTH.search(t))
            and not THIRD_PERSON.search(t)
            and not self.asks_the_child(k)
        )

    def next_in_turn(self, k: int) -> str:
        """The next sentence of sentence k's turn ('' if none)."""
        nxt = k + 1
        if nxt < len(self.sents) and self.sents[nxt].seg_index == self.sents[k].seg_index:
            return self.sents[nxt].text
        return ""

    def next_turn(self, k: int) -> list[int]:
        """The sentence indices of the turn after sentence k's ([] at the end)."""
        seg = self.sents[k].seg_index
        nxt = next((j for j in range(k + 1, len(self.sents)) if self.sents[j].seg_index != seg), None)
        if nxt is None:
            return []
        return list(
            takewhile(lambda j: self.sents[j].seg_index == self.sents[nxt].seg_index, range(nxt, len(self.sents)))
        )

    def is_clin(self, k: int) -> bool:
        return self.role[k] == "clinician"

    def is_pat(self, k: int) -> bool:
        # a "patient" role wins over its tag: tags stay as written when speaker_check exchanges the roles
        return self.role[k] == "patient" or (
            self.role[k] in ("unknown", "other") and self.tr.segments[self.sents[k].seg_index].speaker != "clinician"
        )

    def asks(self, k: int) -> bool:
        """A clinician sentence that works as a question: '?' or question words, or the last sentence of
        the turn answered by a bare yes/no ("make sure you're not having chest pain" "no")."""
        s = self.sents[k]
        if not self.is_clin(k):
            return False
        if s.question:
            return True
        if k + 1 < len(self.sents) and self.sents[k + 1].seg_index != s.seg_index and not self.is_clin(k + 1):
            nxt = self.sents[k + 1].text
            # "mm-hmm" after "you don't have a fever, which is good" acknowledges; it answers nothing
            backchannel = re.match(r"^\W*(?:mm-hmm|uh-huh|mhm|okay|ok|right|d'accord)\W*$", nxt, re.I)
            return (
                len(nxt.split()) <= 4
                and bool(answer_polarity(nxt))
                and not backchannel
                and not advice_heard(s.text, nxt)
            )
        return False

    def before_nods(self, k: int) -> int:
        """The sentence before k, over the other speaker's nods in between ("mm-hmm", "okay"): -1 if none."""
        j = k - 1
        while j >= 0 and self.role[j] != self.role[k] and len(self.sents[j].text.split()) <= 2:
            j -= 1
        return j

    def answer_to(self, k: int) -> list[int]:
        """Sentence indexes of the patient's reply to clinician sentence k (next patient segment)."""
        seg_k = self.sents[k].seg_index
        # the question must be the last question of its turn, tag questions aside ("Des choses comme ça ?")
        for j in range(k + 1, len(self.sents)):
            if self.sents[j].seg_index != seg_k:
                break
            later = self.sents[j]
            if later.question and not _TAG_QUESTION.match(later.text) and len(later.text.split()) > 4:
                return []  # a short one continues a list ("any fatigue? weight gain? anything like that?")
        for j in range(k + 1, len(self.sents)):
            if self.sents[j].seg_index == seg_k:
                continue
            if self.is_clin(j):
                return []
            seg_j = self.sents[j].seg_index
            return [i for i in range(j, len(self.sents)) if self.sents[i].seg_index == seg_j]
        return []

    def replies_after(self, ans: list[int], limit: int = 2) -> list[int]:
        """First sentences of the non-clinician turns that follow a reply (`ans`, its sentence indexes), before
        the clinician speaks again: "tu tousses ?" "non." (guest) "enfin, un petit peu ce matin". A clinician's
        check of the "no" ("jamais depuis octobre ?", "never?") lets the next reply through."""
        out: list[int] = []
        seg = self.sents[ans[-1]].seg_index
        for j in range(ans[-1] + 1, len(self.sents)):
            if self.is_clin(j) and CHECKS_NO.match(self.sents[j].text) and self.sents[j].seg_index != seg:
                seg = self.sents[j].seg_index
                continue
            if self.is_clin(j) or len(out) >= limit:
                break
            if self.sents[j].seg_index != seg:
                seg = self.sents[j].seg_index
                out.append(j)
        return out

    _AP = re.compile(
        r"\b(assessment|impression|my plan|the plan|plan for you|first problem|next problem|"
        r"for your (?:first|second|third|last|next)|let's talk about (?:my|the|your)|in terms of your|"
        r"regarding your|as far as your|for the (?:first|second)|diagnos[ie]s|i think (?:this|it|you|that)|"
        r"je pense que|mon diagnostic|on va (?:vous )?(?:faire|mettre|prescrire|demander)|"
        r"je vais vous prescrire|ce que je vous propose|conclusion)\b",
        re.I,
    )

    _EXAM = re.compile(
        r"\b(physical exam(?:ination)?|on exam(?:ination)?|exam(?:ine|ination)? (?:of|today|shows?|is)|"
        r"on your (?:\w+ )?exam|let me (?:take a )?(?:look|listen|examine)|listen to your (?:heart|lungs)|"
        r"vital signs|vitals|on auscultation|(?:je vais|on va|nous allons) vous examiner|à l'examen|l'examen|"
        r"auscultation|"
        r"allongez-vous|je vais regarder|je vais écouter|tension est|"
        # what speech recognition keeps of "a quick physical exam" ("a quick physical empho"), and exam words
        r"(?:quick|brief) physical|listening to your (?:heart|lungs)|on your (?:heart|lung) exam)\b",
        re.I,
    )

    _RESULTS = re.compile(
        r"\b(results?|x-?ray|labs?|blood ?work|ekg|ecg|echo(?:cardiogram)?|mri|ct scan|"
        r"ultrasound|a1c|résultats?|radio|prise de sang|scanner|irm)\b",
        re.I,
    )

    # Cues that open the assessment and plan wherever they stand, even after an examination.
    _AP_STRONG = re.compile(
        r"\b(?:my assessment|assessment and (?:my )?plan|my plan|the plan|first problem|"
        r"for your (?:first|second|third|last|next) problem|let's talk about (?:my|the|your) "
        r"(?:assessment|plan)|my impression|mon diagnostic|ce que je vous propose|conclusion)\b",
        re.I,
    )

    _DENIED_HISTORY = re.compile(
        r"^\W*(?:(?:so|and|donc|et|alors|ok|d'accord)\W+)*(?:no\b|not\b|pas d[e'u]|aucune?\b|ni\b)", re.I
    )

    def _find_ap_start(self) -> int:
        """Where the assessment and plan begin: after the examination when there is one (a weak cue such
        as "in terms of your blood pressure" in the history does not end the history)."""
        n = len(self.sents)
        if self.exam_start < n:
            for k in range(self.exam_start + 1, n):
                if self.is_clin(k) and self._AP_STRONG.search(self.sents[k].text):
                    return k
        for k in range(int(n * 0.35), n):
            if self.is_clin(k) and self._AP.search(self.sents[k].text) and k > self.exam_start:
                return k
        for k in range(int(n * 0.35), n):
            if self.is_clin(k) and self._AP_STRONG.search(self.sents[k].text):
                return k
        if self.exam_start < n:  # after the examination: the first diagnosis or plan sentence
            for k in range(self.exam_start + 1, n):
                if (
                    self.is_clin(k)
                    and not self.sents[k].question
                    and not self._EXAMINING.search(self.sents[k].text)
                    and (
                        lexicon.find_concepts("condition", self.sents[k].text) or self._PLAN.search(self.sents[k].text)
                    )
                ):
                    return k
        clin = [k for k in range(n) if self.is_clin(k)]
        late = clin[int(len(clin) * 0.7)] if clin else n
        # no cue: the last part of the visit, if the clinician states a plan or a diagnosis there; an
        # interview that stops before any (only questions) is all history
        # ("on va vous examiner" announces the examination, not a plan)
        if any(
            self.is_clin(k)
            and not self.sents[k].question
            and not self._EXAM.search(self.sents[k].text)
            and (
                self._PLAN.search(self.sents[k].text)
                # "donc pas de diabète, pas d'hypertension": history summed up, not a diagnosis
                or lexicon.find_concepts("condition", self.sents[k].text)
                and not self._DENIED_HISTORY.match(self.sents[k].text)
            )
            for k in range(late, n)
        ):
            return late
        return n

    # Examining words: "your heart sounds normal, no murmurs", "let's take a look at that knee" is the
    # examination going on, not the first diagnosis or plan sentence after it
    _EXAMINING = re.compile(
        r"\b(?:listen(?:ing)? to|take a (?:quick )?look|sounds? (?:normal|good|clear)|no murmurs?|"
        r"(?:lungs|heart) (?:are|is|sounds?)|maneuvers?|press(?:ing)? (?:on|here)|push(?:ing)? (?:on|here)|"
        r"j'écoute|je regarde|je palpe|"
        # the patient moved through the exam: "bend forward and then come back up", "lean back", "look up"
        r"(?:bend|lean|turn|lie|lay|sit|stand|come back) (?:forward|back(?:ward)?|down|up|over|around)|"
        r"look (?:up|down|straight|to (?:the|your))|(?:lift|raise|kick|squeeze|push|pull) (?:your|it|up|out))\b",
        re.I,
    )

    def _find_exam_start(self) -> int:
        n = len(self.sents)
        for k in range(int(n * 0.2), n):
            if self.is_clin(k) and self._EXAM.search(self.sents[k].text):
                return k
        return n

    def _no_answers_question(self, k: int, start: int) -> bool:
        """ "Have you lost weight?" "No, I wish; I've gained some weight": a reply's leading "no" answers
        the question, it does not deny what the reply goes on to state."""
        s = self.sents[k]
        # "no no I think it's just stress" leads into a statement; "no no no fever or chills" denies a list
        lead = re.match(
            r"^\W*(?:no|nope|non)\s*[,.!;]\s*|^\W*(?:(?:no|nope|non)\W+){2,}"
            r"(?=(?:i|i'm|i've|i'd|it|it's|that|that's|we|just|not|nothing|never|je|j'ai|c'est)\b)",
            s.text,
            re.I,
        )
        between = s.text[lead.end() : start] if lead else ""
        # "no, the weight loss has helped": a determiner starts the reply's own statement about the symptom
        new_phrase = re.match(r"(?:the|my|this|that|his|her|your|le|la|les|mon|ma|mes|ce|cette)\b", between, re.I)
        own = re.match(r"(?:i|i've|i'm|i have|j'ai|je)\b", between, re.I)  # "no, i've gained weight"
        if not lead or len(between.split()) < 2 and not (new_phrase or own) or NEGATION_NEAR.search(between):
            return False
        prev = [j for j in range(k - 1, -1, -1) if self.sents[j].seg_index != s.seg_index]
        return bool(prev) and self.sents[prev[0]].question

    def _answers_family_question(self, k: int) -> bool:
        """Is sentence k part of the reply to a question about the family (whoever the speakers are)?"""
        seg = self.sents[k].seg_index
        prev = [j for j in range(k - 1, -1, -1) if self.sents[j].seg_index != seg]
        if not prev:
            return False
        between = [j for j in range(prev[0] + 1, k) if self.sents[j].seg_index != seg]
        # the question may not end the turn: "any tremor or parkinson's in the family? i don't think we went over that."
        turn = self.sents[prev[0]].seg_index
        asking = [self.sents[j] for j in takewhile(lambda j: self.sents[j].seg_index == turn, prev)]
        return not between and any(
            q.question and re.search(r"\b(?:family|famille|run in|relatives?)\b", q.text, re.I) for q in asking
        )
