"""Symptoms the clinician asks about, had or not as the patient answers: which question a reply answers, which
of several asked symptoms it is about, and what a "no" denies when the question asks only about a property or a
circumstance of the symptom ("any chest pain when you walk?")."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.consultation import FAMILY
from scribe.notes.facts.asked_scope import narrowed
from scribe.notes.facts.mentions import (
    DICTATED,
    REST_DENIED,
    denied_right_before,
    named_in_answer,
    negation_spent,
    reply_subset,
    side_of,
)
from scribe.notes.facts.reader import NEGATION_NEAR, advice_heard, turn_start
from scribe.notes.facts.replies import BELOW_FEVER, REWORDS, asked_as_denied, denial_reply, reply_polarity
from scribe.notes.gone_words import gone_next, gone_then
from scribe.notes.reply_polarity import DENIES, denied_again, goes_back_on_no, probes_circumstance

_OPPOSITES = {"weight loss": "weight gain", "weight gain": "weight loss"}
_PIECE = re.compile(r"[,.;!?]|\b(?:but|though|although|whereas|mais|par contre)\b", re.I)
_HAS_IT = re.compile(
    r"\b(?:some|a (?:little|bit|few|lot)|yes|yeah|yep|i (?:do|did|have|had|get|got)|i've|still|definitely|maybe|"
    r"oui|ouais|un peu|des|du|de la|j'ai|j'avais|j'en ai|beaucoup|parfois|souvent|peut-être)\b",
    re.I,
)


# "(sore throat?) my throat is fine", "ma gorge va bien": the site of an asked symptom said to be well
_FINE = re.compile(
    r"^[\w'-]+\W+(?:is|are|'s|has been|have been|feels?|seems?|looks?|was|va|allait) (?:\w+ )?(?:fine|normal|okay|ok|"
    r"good|alright|all right|bien|normale?)\b",
    re.I,
)


# the answer said right after the symptom named, closing its piece: "fever no", "night sweats, no", "chills a
# little", "la toux oui"
SAID_AFTER = (
    r"^[\w'-]+(?:\s+[\w'-]+){0,2}?\s*[,:]?\s*(?:(?P<no>no|nope|none|non|never|jamais|not really|pas vraiment)|"
    r"yes|yeah|yep|oui|ouais|a little(?: bit)?|a bit|sometimes|un peu|parfois|un petit peu)\W*$"
)
_SAID_AFTER = re.compile(SAID_AFTER, re.I)


# the take-back says something else is felt: "not really ... well, sometimes a kind of fullness up here"
_OTHER_FEELING = re.compile(
    r"\b(?:a kind of|kind of an?|a sort of|sort of an?|more like|more of an?|une sorte de|plutôt)\b", re.I
)


# the question asks whether what it names has gone: "and the rash went away?", "la toux a disparu ?"
_GONE_ASKED = re.compile(
    r"^[^.;?!]{0,20}?\b(?:went away|go away|gone away|(?:has|is|'s) gone|clear(?:ed)? up|resolved?|"
    r"disparu|partie?|passée?)\W*\?",
    re.I,
)


def _spoken_of(asked: str, told: str) -> bool:
    """Whether a reply speaks of what the question named, by a word's stem ("pertes vaginales" … "des pertes
    blanches", "sore throats" … "a scratchy throat"), in words the lexicon may not hold."""
    return any(w[:5] in told for w in re.findall(r"[a-zà-ÿ]{4,}", asked.lower()))


def each_named(found: list, question: str, reply: str) -> list[tuple[tuple, str]]:
    """(asked symptom, "present" / "absent") for each asked symptom a reply names in a piece of its own with its own
    polarity ("fever or chills?" "no fevers, some chills at night"; "Des nausées, des vomissements ?" "J'ai pas vomi,
    mais des nausées oui"); a symptom the reply does not name, or names without a clear cue, is left out."""
    cuts = [0] + [m.end() for m in _PIECE.finditer(reply)] + [len(reply)]
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:]) if reply[a:b].strip(" ,.;!?")]
    concepts = lexicon.find_concepts("symptom", reply)
    out = []
    for st, en, c in found:
        direct = [a for a, _b, c2 in concepts if c2.label == c.label]
        at = direct or [
            m.start()
            for w in re.findall(r"[a-zà-ÿ]{5,}", question[st:en].lower())
            for m in re.finditer(re.escape(w[:5]), reply, re.I)
        ]
        if not at:
            continue
        pos = min(at)
        i = next((i for i, (a, b) in enumerate(pieces) if a <= pos < b), None)
        if i is None:
            continue
        a, b = pieces[i]
        before, after = reply[a:pos], reply[pos:b]
        nxt = reply[pieces[i + 1][0] : pieces[i + 1][1]] if i + 1 < len(pieces) else ""
        if re.search(r"\bpas (?:mal|trop|beaucoup)\b", after, re.I):
            continue  # "des nausées pas mal": how much, not whether
        fine = not direct and _FINE.match(after)  # "my throat is fine": the site named, well
        said_after = _SAID_AFTER.match(after)  # "fever no. chills a little.": the answer after the name
        if (
            not negation_spent(before)
            or denied_right_before(before)
            or re.search(r"\b(?:pas|jamais)\b", after, re.I)
            or fine
            or said_after
            and said_after.group("no")
        ):
            out.append(((st, en, c), "absent"))
        elif _HAS_IT.search(before) or said_after or re.match(r"\W*(?:yes|yeah|oui|ouais)\W*$", nxt, re.I):
            out.append(((st, en, c), "present"))
    return out


# … and all the symptoms of that circumstance ("any leaking of urine, when you cough or sneeze or laugh?"), and the
# reply's own ("yes, a little, when i sneeze")
_WHEN_YOU = re.compile(r"\b(?:when|whenever|while|quand|lorsque)\s+(?:you|vous|tu)\b[^?.]*$", re.I)
_WHEN_I = re.compile(r"\b(?:when|whenever|while|quand|lorsque)\s+(?:i|je|j')\b[^.]*", re.I)


# A question said without its "?" (speech has no reliable punctuation): "and any chest pains, shortness of breath"
_SPOKEN_ASK = re.compile(
    r"^\W*(?:(?:okay|ok|and|so|alright|all right|right|um+|uh+|now|well|also|then|et|alors|d'accord)\W+)*"
    r"(?:[\w']+\W+){0,3}?(?:any|(?:do|did) you (?:have|get|feel|notice|ever)|"
    r"have you (?:had|been|noticed|felt|ever|got)|"
    r"are you (?:having|experiencing|feeling|getting|still)|were you|is there|has there been|est-ce que|"
    r"avez-vous|vous avez|vous n'avez)\b",
    re.I,
)
_TELL_ME_IF = re.compile(
    r",\s*(?:(?:please|just|then)\s+)?(?:let me know|let us know|tell me|call (?:me|us)|come back|come and see me|"
    r"prévenez-moi|appelez-moi|dites-le-moi|revenez|consultez)\b",
    re.I,
)
# What a question asks after ("…any other symptoms?", "anything else I missed, fever, chills?"): the symptoms
# named before it are what the visit already has, not asked again
_ASKS_FOR_MORE = re.compile(
    r"\b(?:any(?:thing)? (?:other|else)|other symptoms|autres? (?:symptômes?|choses?)|autre chose|"
    # "you endorse some fatigue, but you haven't had any weight loss?": the question is after the "but"
    r"but(?= (?:you|no|any|have|has|did|do|not|nothing|nobody)\b)|mais(?= (?:vous|pas|pas de|aucune?|rien)\b))",
    re.I,
)


def told_then_asked(text: str, found: list) -> tuple[list, list]:
    """(told, asked) of the symptoms of a clinician's question: those named before "any other symptoms" /
    "anything else" (what was said or dictated: "you were endorsing some nasal congestion… any other symptoms,
    nausea or vomiting?") and those asked."""
    more = list(_ASKS_FOR_MORE.finditer(text))
    if not more:
        return [], found
    cut = more[-1].start()
    return [f for f in found if f[1] <= cut], [f for f in found if f[1] > cut]


class AskedSymptoms:
    """Symptoms the clinician asks about, had or not as the patient answers."""

    def asks_spoken(self, k: int) -> bool:
        """A clinician sentence that is a question without its "?" ("and any chest pains, shortness of breath"
        "no, not that I noticed"): question words, the end of the turn, and a yes or a no for a reply."""
        s = self.sents[k]
        if not self.is_clin(k) or s.question or not _SPOKEN_ASK.search(s.text) or k + 1 >= len(self.sents):
            return False
        if _TELL_ME_IF.search(s.text):  # "and any blood in the urine, let me know": what to report, not asked
            return False
        nxt = self.sents[k + 1]
        asked = frozenset(c.label for *_, c in lexicon.find_concepts("symptom", s.text))
        if nxt.seg_index == s.seg_index or self.is_clin(k + 1) or advice_heard(s.text, nxt.text):
            return False
        return bool(reply_polarity(nxt.text, "", asked))

    def told(self, s, found: list) -> None:
        """Symptoms the clinician's question names as dictated before asking for more ("you're endorsing nausea,
        vomiting… any other symptoms?"): present."""
        if FAMILY.search(s.text):
            return
        for st, en, c in found:
            if c.label != "pain" and DICTATED.search(s.text[:st]) and not NEGATION_NEAR.search(s.text[:st]):
                side, st = side_of(c.label, s.text, st, en)
                ev = [self.builder.evidence(s.seg_index, s.start + st, s.start + en)]
                self.builder.add("symptom", c.label, ev, status="present", system=c.system, how="statement", side=side)

    def _asked(self, s, answer, found: list, status: str, ever: bool = False) -> None:
        """Symptoms asked in clinician sentence s, had or not as the patient's answer says."""
        if FAMILY.search(s.text):
            return
        for st, en, c in found:
            # "does the chest pain get worse…?" "no" says nothing of the pain; "any chest pain when you walk?" "no"
            # denies it there, and yields to the pain said present elsewhere
            scope = narrowed(s.text, st, en) if status == "absent" else ""
            if c.label == "pain" or scope == "property":
                continue
            side, st = side_of(c.label, s.text, st, en)
            self.builder.add(
                "symptom",
                c.label,
                [self.builder.evidence(s.seg_index, s.start + st, s.start + en), self.builder.ev_sentence(answer)],
                status=status,
                system=c.system,
                how="question/answer",
                side=side,
                **({"yields_to_present": True} if ever or scope else {}),
            )

    def list_reply(self, k: int) -> list[int]:
        """The reply to a run of symptom questions in one turn when it is a bare no ("Any chest pain? Any shortness
        of breath when you climb the stairs?" "No."): it answers each of them; [] otherwise."""
        seg = self.sents[k].seg_index
        later = [j for j in range(k + 1, len(self.sents)) if self.sents[j].seg_index == seg and self.sents[j].question]
        asks_one = [
            any(c.label != "pain" for *_, c in lexicon.find_concepts("symptom", self.sents[j].text)) for j in later
        ]
        if not later or not all(asks_one):
            return []
        ans = self.answer_to(later[-1])
        reply = self.sents[ans[0]].text if ans else ""
        return ans if reply_polarity(reply) == "no" and len(reply.split()) <= 6 else []

    _EVER = re.compile(r"\b(?:ever|before|previously|in the past|déjà|auparavant|par le passé)\b", re.I)

    # the clinician doubting a "no": "not at all?", "never?", "vraiment pas ?", "are you sure?"
    _CHALLENGE = re.compile(
        r"^\W*(?:(?:and|so|really|vraiment|même)\W+)?(?:not (?:at all|even once|ever|once)|never|nothing at all|"
        r"none at all|are you sure|(?:you're )?sure|pas du tout|jamais|vraiment pas|vraiment|même pas(?: une fois)?|"
        r"rien du tout|no)\W*\?\s*$|"
        r"^\W*(?:and\W+)?(?:not even|même pas)\b[^?]{0,40}\?\s*$",  # "not even with meat, or bread?"
        re.I,
    )

    def _asked_in_turn(self, s) -> set[str]:
        """The symptoms the clinician's turn asks about ("tu tousses ? le nez qui coule ?")."""
        turn = [t.text for t in self.sents if t.seg_index == s.seg_index]
        return {c.label for text in turn for *_, c in lexicon.find_concepts("symptom", text)}

    def _no_challenged(self, ans: list[int]) -> bool:
        """The clinician doubts the "no" at once and the reply to that doubt affirms: the "no" is taken back."""
        j = ans[-1] + 1
        if j >= len(self.sents) or not self.is_clin(j) or not self._CHALLENGE.match(self.sents[j].text):
            return False
        again = self.answer_to(j)
        return bool(again) and not DENIES.search(self.sents[again[0]].text)

    def answered(self, k: int, s, found: list) -> None:
        """The symptoms of clinician question k, had or not as the patient's reply says: item by item when the
        reply names each with its own polarity, a take-back after "no" only for what it names, and nothing of a
        symptom whose property or circumstance alone was asked."""
        ans = self.answer_to(k) or self.list_reply(k)
        told, found = told_then_asked(s.text, found)
        found = [f for f in found if not _WHEN_YOU.search(s.text[: f[0]])] or found  # (see _WHEN_YOU)
        self.told(s, told)
        if not ans or not found:
            return
        first = self.sents[ans[0]]
        # "… weight loss?" "no fever. i've actually gained weight": the opposite told denies what was asked
        told_now = {c.label for j in ans[:2] for *_, c in lexicon.find_concepts("symptom", self.sents[j].text)}
        flipped = [f for f in found if _OPPOSITES.get(f[2].label) in told_now and f[2].label not in told_now]
        if flipped:
            self._asked(s, first, flipped, "absent")
            found = [f for f in found if f not in flipped]
            if not found:
                return
        # "no fever, right?" "right": the clinician's denial, confirmed, denies the fever
        denied = [f for f in found if asked_as_denied(s.text, f[0])]
        verdict = denial_reply(first.text) if denied else ""
        if verdict:
            if verdict == "absent":
                self._asked(s, first, denied, "absent")
            found = [f for f in found if f not in denied]
            if not found:
                return
        pol = reply_polarity(first.text, s.text, frozenset(c.label for *_, c in found))
        rest = re.sub(r"^\W*(?:no|nope|nah|non)\b\W*", "", first.text, count=1, flags=re.I)
        said = [rest, *(self.sents[j].text for j in ans[1:3])]
        if (any(gone_next(t) for t in said[1:]) or gone_then(rest)) and (pol != "no" or goes_back_on_no(said)):
            return  # "non ... enfin si, le premier jour, j'avais mal partout. mais ça, c'est passé": had, and gone
        if _GONE_ASKED.search(s.text[found[0][1] :]):
            # "and the rash went away?" "in a few days, yes": had, and no more; a "no" says it is still there
            if pol == "no":
                self._asked(s, first, found, "present")
            return
        # (the take-back may follow the "no" in the same sentence: "no, well, maybe once at night")
        later = self.replies_after(ans) if pol == "no" else []
        # (not past a companion's own question: "what about your gums, dee?" "oh. well, yes": the gums, not these)
        later = later[: next((i for i, j in enumerate(later) if self.sents[j].question), len(later))]
        if (
            pol == "no"
            and (
                goes_back_on_no([rest, *(self.sents[j].text for j in ans[1:])])
                or any(goes_back_on_no(turn_start(self.sents, j)) for j in later)
            )
            and not denied_again([self.sents[j].text for j in ans[1:4]], [s.text[f[0] : f[1]] for f in found])
        ):
            # "any chills? sweats?" "no. well, actually some chills": the take-back is about the chills it names
            said_back = [_WHEN_I.sub("", self.sents[j].text) for j in [*ans[1:3], *later]]
            back = {c.label for t in said_back for *_, c in lexicon.find_concepts("symptom", t)}
            if "subjective fever" in back:  # "well, sunday i felt a bit feverish": no fever measured, none denied
                found = [f for f in found if f[2].label != "fever"]
                if not found:
                    return
            taken = [f for f in found if f[2].label in back]
            said = [rest, *(self.sents[j].text for j in ans[1:]), *(_opening(self.sents, j) for j in later)]
            going_back = next((t for t in said if goes_back_on_no([t])), "")
            if any(f[2].label == "fever" for f in found) and BELOW_FEVER.search(" ".join(said)):
                return  # "no ... well, last night i had 37.8": no fever by its definition, nor its denial
            claimed = _WHEN_I.sub("", going_back)  # "yes, a little, when i sneeze": the leaking, not a sneeze
            if not taken and not lexicon.find_concepts("symptom", claimed) and not _OTHER_FEELING.search(going_back):
                # "heartburn, acid coming up?" "not really ... well, sometimes, after a late dinner": what the question
                # names first is had; of the rest nothing is said either way
                probed = later and probes_circumstance(self.sents[later[0] - 1].text)
                self._asked(s, first, found[-1:] if probed else found[:1], "present")  # "when you cough?": the
                return  # last named, which the circumstance probes ("… bladder, leaking urine?" "no." "when you …")
            if taken and len(taken) < len(found):  # "no cough. short of breath, no… well, i get winded": the
                named = {c.label for *_, c in lexicon.find_concepts("symptom", first.text)}  # cough stays denied
                # … and a bare "not really" denies the rest the take-back does not speak of ("nausea or vomiting?"
                # "not really. maybe a bit of nausea": no vomiting; "… i had a scratchy throat": the sore throat)
                told = " ".join(self.sents[j].text for j in [*ans[1:3], *later]).lower()
                untaken = [
                    f
                    for f in found
                    if f not in taken
                    and (f[2].label in named or not named and not _spoken_of(s.text[f[0] : f[1]], told))
                ]
                self._asked(s, first, untaken, "absent")
            if taken or not back:
                pol, found = "yes", taken or found
            elif len({f[2].label for f in found}) == 1 and not back & self._asked_in_turn(s):
                pol = ""  # "any fever?" "no … well, actually, i had the chills and i felt hot": no longer a no
        if pol == "no" and self._no_challenged(ans):
            pol = "yes"  # "not really." "not at all?" "well… two, three times a night"
        several = len({c.label for *_, c in found}) > 1  # "shoulder pain, left shoulder pain" is one
        each = each_named(found, s.text, " ".join(self.sents[j].text for j in ans[:3])) if several else []
        if len({status for _, status in each}) == 2:  # "fever or chills?" "no fevers, some chills at night"
            for status in ("present", "absent"):
                self._asked(s, first, [f for f, st_ in each if st_ == status], status)
            return
        if pol == "yes" and any(st_ == "absent" for _, st_ in each):
            # "any vomiting or diarrhea?" "no … oh wait, yes, she threw up once. no diarrhea.": the yes is the rest's
            denied = [f for f, st_ in each if st_ == "absent"]
            self._asked(s, first, denied, "absent")
            self._asked(s, first, [f for f in found if f not in denied], "present")
            return
        if each and len(each) < len(found) and re.search(r"\b(?:but|mais|though|although)\b", first.text, re.I):
            # "any fever or back pain?" "no fever, but my lower back aches": the "no" is the fever's alone
            status = each[0][1]
            self._asked(s, first, [f for f, _ in each], status)
            return
        split = reply_subset(found, s.text, " ".join(self.sents[j].text for j in ans))
        if split:  # "…sore throat, cough?" "a little congestion, but everything else has been okay"
            aside = next((self.sents[j] for j in ans if REST_DENIED.search(self.sents[j].text)), first)
            self._asked(s, first, split[0], "present")
            self._asked(s, aside, split[1], "absent")
            return
        if not pol and self.run_reply(k, s, found, ans):
            return
        if pol == "no" and REWORDS.search(first.text):
            return  # "any chest pain?" "not really, more like a pressure": what it is, said otherwise
        if pol == "no":  # "does the chest pain get worse when you breathe in?" "no": the pain is given
            found = [f for f in found if narrowed(s.text, f[0], f[1]) != "property"]
        if not pol or not found:
            return
        ever = pol == "no" and bool(self._EVER.search(s.text))  # "have you ever had X before?" "no"
        several = len({c.label for *_, c in found}) > 1
        named = named_in_answer(found, s.text, first.text) if several else []
        if pol == "no" and named:
            # "short of breath or any problems sleeping?" "No, I've been sleeping like a log": the no
            # is about the sleep the reply goes on to talk about, not the breath
            found = named
        elif pol == "yes" and several and named_in_answer(found, s.text, re.sub(r"\bbut\b.*", "", first.text)):
            return  # "numbness or pain down your leg?" "a little numbness, but…": the reply says which
        elif pol == "yes" and several:
            # "…your ankles were swelling, and did you have some shortness of breath?" "I did":
            # the yes answers the last one when a question cue stands right before it
            last = found[-1]
            if re.search(
                r"\b(?:do|did|have|has|are) you (?:have |had |feel |get |notice )?(?:any |some |a )?$|"
                r"\bany (?:\w+ )?$",
                s.text[found[-2][1] : last[0]],
                re.I,
            ):
                found = [last]
            else:
                return  # "fever or chills?" "yes": which one is unclear
        # a bare "no" to a sweep ("fever, chills, cough?" "no") yields, like "ever", to a symptom told present
        sweep = pol == "no" and several and len(first.text.split()) <= 3  # not "no cough.": it names what it denies
        sweep = sweep and not lexicon.find_concepts("symptom", first.text)
        self._asked(s, first, found, "absent" if pol == "no" else "present", ever or sweep)

    def run_reply(self, k: int, s, found: list, ans: list[int]) -> bool:
        """One reply to a run of short questions, item by item: "Des nausées ? Des vomissements ? De la diarrhée ?"
        "Des nausées oui, le reste non." The symptom of question k is had when the reply names it with a yes right
        after it, and denied when the reply names another asked one and sets "the rest" aside."""
        reply = " ".join(self.sents[j].text for j in ans[:2])
        mentions = lexicon.find_concepts("symptom", reply)
        asked_here = {c.label for *_, c in found}
        yes = [(en, c) for _st, en, c in mentions if c.label in asked_here and _NAMED_YES.match(reply[en:])]
        if yes and not NEGATION_NEAR.search(reply[: min(en for en, _ in yes)]):
            self._asked(s, self.sents[ans[0]], [f for f in found if f[2].label in {c.label for _, c in yes}], "present")
            return True
        run = [j for j in range(len(self.sents)) if self.sents[j].seg_index == s.seg_index and self.sents[j].question]
        asked = {c.label for j in run if j != k for *_, c in lexicon.find_concepts("symptom", self.sents[j].text)}
        named = {c.label for *_, c in mentions}
        if _REST_NO.search(reply) and named & asked and not named & asked_here:
            self._asked(s, self.sents[ans[0]], found, "absent")
            return True
        return False


# "le reste non", "the rest, no", "nothing else": the other asked symptoms are denied
_REST_NO = re.compile(r"\b(?:(?:tout )?le reste,? (?:non|pas)|the rest,? no|nothing else|rien d'autre)\b", re.I)
# a yes right after the symptom named: "des nausées oui", "nausea, yes"
_NAMED_YES = re.compile(r"^\W*(?:oui|ouais|yes|yeah)\b", re.I)


_BARE_FILLER = re.compile(r"^\W*(?:well|um+|uh+|hmm+|euh|ben|bah|enfin)\W*$", re.I)


def _opening(sents: list, j: int) -> str:
    """A turn's first sentence, with the next when it is only a filler the splitter cut at an ellipsis
    ("well ..." / "there was the cat .")."""
    bare = _BARE_FILLER.match(sents[j].text) and j + 1 < len(sents) and sents[j + 1].seg_index == sents[j].seg_index
    return sents[j].text + " " + sents[j + 1].text if bare else sents[j].text
