"""Background facts: allergies, past medical and surgical history, family history (a relative's condition
never becomes the patient's) and social history."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.consultation import FAMILY, context_of
from scribe.notes.facts.assessment_problems import a_relatives
from scribe.notes.facts.owners import friend_before, owned_by_another
from scribe.notes.facts.passing_infections import PASSING_INFECTIONS, passed
from scribe.notes.facts.proxy import parents_own, proxy_parent
from scribe.notes.facts.relative_names import named_persons, relative_names, spouse_told
from scribe.notes.facts.relatives import (
    BUT_A_RELATIVE,
    DIED_OF,
    MY_RELATIVE,
    PATIENT_AGAIN,
    RELATIVE_HAD,
    RUNS_IN_FAMILY,
    YOUR_RELATIVE,
    age_at,
    chart_relative,
    friends_own,
    patient_again_said,
    relative_before,
    relative_of,
    someone_elses,
    specific_term,
)
from scribe.notes.facts.social_cues import SOCIAL
from scribe.notes.not_had import in_general
from scribe.notes.problems import PLANNED, in_introduction
from scribe.notes.reply_polarity import answer_polarity
from scribe.notes.text import clean, patient_to_third

_IN_LAW = re.compile(
    r"\b(?:husband|wife|partner|spouse)'s (?:mother|mom|father|dad|sister|brother|family)\b|"
    r"\b(?:mother|father|sister|brother)-in-law\b|\bbeau-(?:père|frère)\b|\bbelle-(?:mère|sœur|soeur)\b|"
    r"\b(?:my|mon|ma) (?:wife|husband|partner|femme|mari)'s\b[^.;]{0,30}\b(?:her|his|sa|son)\s*$",  # "my wife's cane,
    re.I,  # from her knee replacement": the spouse's own
)
_NO_FAMILY_HISTORY = re.compile(
    r"\b(?:rien de particulier dans ma famille|no family history|nothing runs in (?:my|the) family)\b", re.I
)


_ALLERGY_WORD = re.compile(r"\b(?:allergic|allergy|allergies|allergique|allergie)\b", re.I)
_HEARSAY = re.compile(
    r"\b(?:told me|m'a dit|m'ont dit|thinks|pense|pensait)\b[^.;]{0,30}\b(?:probably|sûrement)\b", re.I
)
# a condition named as what a test looks for ("the ct scan for lung cancer screening, that was clear?")
_SCREENED = re.compile(r"\bscreen\w*|\b(?:scan|test\w*|look\w*|check\w*) for\b|\bdépistage\b", re.I)


# an allergy question that a "no" does not make "no known allergies": of foods, seasons, the family
_NOT_OF_DRUGS = re.compile(
    r"\b(?:seasonal|food|foods|pollens?|environmental|family|alimentaires?|saisonni\w*|famille)\b", re.I
)


# the clinician reads the allergy back for the patient to confirm: "…but that you're allergic to augmentin, is that
# right?" (not "are you allergic to anything?", whose "yes" the reply's words name)
_CONFIRMS_ALLERGY = re.compile(
    r"\b(?:you're|you are|you have an?|vous êtes|vous avez une?)\s+(?:\w+\s+)?(?:allergic|allergy|allergique|allergie)"
    r"\s+(?:to|à|aux?)\b",
    re.I,
)


# a drug named in a "no" to the allergy question because it was taken without harm: "no, i've had penicillin before,
# amoxicillin for a tooth, no problem"
_ANYONE = re.compile(r"\b(?:anyone|anybody|someone|somebody|quelqu'un)\b", re.I)
_TOLERATED = re.compile(
    r"\b(?:no problems?|fine|without (?:any )?(?:problem|trouble)|sans (?:problème|souci)|très bien)\b", re.I
)
_TAKES_BEFORE = re.compile(r"\b(?:i take|i'm taking|i am taking|i'm on|i am on|je prends|je suis sous)\b[^.;]*$", re.I)


def allergen_label(s: str) -> str:
    s = s.lower()
    return {
        "pénicilline": "penicillin",
        "pénicillines": "penicillin",
        "penicillins": "penicillin",
        "arachides": "peanuts",
        "arachide": "peanuts",
        "cacahuètes": "peanuts",
        "sulfamides": "sulfa drugs",
        "sulfa": "sulfa drugs",
        "aspirine": "aspirin",
        "codéine": "codeine",
        "amoxicilline": "amoxicillin",
        "abeilles": "bee stings",
        "abeille": "bee stings",
    }.get(s, s)


# what the relative had is what was asked: "my dad had it", "mon père en a eu" (not "my dad had an aneurysm")
_HAD_IT = re.compile(r"\s+(?:it|them|that|those|one|this|too|as well|the same|ça|aussi)\b|\s*(?:[.,;!]|$)", re.I)
_DENIED_BEFORE = re.compile(r"\b(?:no|not|never|pas|sans|jamais)\s+(?:\w+\s+)?$", re.I)


def _said_with(reply: str, label: str) -> re.Match | None:
    """The relative the reply names with this disease ("my aunt ruth, she has terrible migraines"), if one."""
    at = next(
        (
            st
            for st, _en, c in lexicon.find_concepts("condition", reply)
            if c.label == label and not _DENIED_BEFORE.search(reply[:st])  # not the brother's "but no gout"
        ),
        None,
    )
    own = relative_of(reply, at) if at is not None else None
    return own if own is not None and own.group(0).lower() not in ("family", "famille") else None


_REPLY_NAMES = re.compile(r"^\W*(?:(?:yes|yeah|oui|well|um|euh)\W+)*(?:my|mon|ma|mes)\s+" + FAMILY.pattern, re.I)


class BackgroundFacts:
    _relative_names: dict[str, str] | None = None  # first names of relatives (relatives.relative_names)
    _relative_at: dict[int, re.Match | None] | None = None  # relative_before's answer per sentence

    @property
    def proxy(self) -> str | None:
        """The parent who speaks for a child in this visit (facts.proxy), if one."""
        if not hasattr(self, "_proxy"):
            self._proxy = proxy_parent(self.sents, self.is_clin)
        return self._proxy

    def friends(self, k: int, at: int, end: int | None = None) -> bool:
        """What sentence k says at `at` is a friend's (relatives.friends_own, relatives.friend_before), someone's by
        its possessive ("elle en a pour sa migraine": relatives.owned_by_another), or a person's the visit named ("helen
        takes a pill for her bladder, she has the overactive bladder"), the patient not said between; with no `end`, a
        drug's mention, the patient's if they then took some ("… et il en restait. j'en ai pris")."""
        text = self.sents[k].text
        owned = end is not None and owned_by_another(text, at, end)
        named = named_persons(f"{text} {self.next_in_turn(k)}", at, self.named_people(), drug=end is None)
        named = named or spouse_told(self.sents, k, at, self.is_clin)
        return friends_own(text, at) or friend_before(self.sents, k) or owned or named

    def relative_before(self, k: int) -> re.Match | None:
        """The relative sentence k is about without naming it (relatives.relative_before), read once a sentence:
        the history, the background and every drug mention ask it."""
        if self._relative_at is None:
            self._relative_names, self._relative_at = relative_names(self.sents), {}
        if k not in self._relative_at:
            self._relative_at[k] = relative_before(self.sents, k, self.is_clin, self.is_pat, self._relative_names)
        return self._relative_at[k]

    def allergies(self):
        allergen = lexicon.ALLERGEN
        for k, s in enumerate(self.sents):
            if not re.search(r"\ballerg", s.text, re.I):
                continue
            if self.is_clin(k) and s.question:
                ans = self.answer_to(k)
                if not ans:
                    continue
                first = self.sents[ans[0]]
                reply = " ".join(self.sents[j].text for j in ans[:3])
                pol = answer_polarity(first.text, s.text)
                # "are you taking any medications, and any allergies?" "i take augmentin …": taken, not an allergy,
                hits = [  # (nor the sister's: "and the family, any allergies?" "his sister's got a peanut allergy")
                    m
                    for m in allergen.finditer(first.text)
                    if not _TAKES_BEFORE.search(first.text[: m.start()]) and not someone_elses(first.text, m.start())
                ]
                if pol == "no" and _TOLERATED.search(reply) and not lexicon.ALLERGIC_REACTION.search(reply):
                    hits = []  # taken before without harm: no allergy
                confirmed = _CONFIRMS_ALLERGY.search(s.text) if pol == "yes" else None
                if not hits and confirmed:  # "you're allergic to augmentin, is that right?" "yes, that's correct."
                    for m in allergen.finditer(s.text, confirmed.end()):
                        self.builder.add(
                            "allergy",
                            allergen_label(m.group(0)),
                            [
                                self.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end()),
                                self.builder.ev_sentence(first),
                            ],
                            status="present",
                        )
                elif hits:
                    for m in hits:
                        r = lexicon.ALLERGIC_REACTION.search(reply)
                        self.builder.add(
                            "allergy",
                            allergen_label(m.group(0)),
                            [
                                self.builder.evidence(s.seg_index, s.start, s.end),
                                self.builder.evidence(first.seg_index, first.start + m.start(), first.start + m.end()),
                            ],
                            status="present",
                            reaction=r.group(0) if r else None,
                        )
                elif pol == "no" and not _NOT_OF_DRUGS.search(s.text):
                    self.builder.add(
                        "allergy",
                        "no known allergies",
                        [self.builder.evidence(s.seg_index, s.start, s.end), self.builder.ev_sentence(first)],
                        status="none",
                    )
                continue
            hits = list(allergen.finditer(s.text))
            mods = context_of(s.text, [m.span() for m in hits], self.lang) if hits else []
            for m, md in zip(hits, mods):
                if re.fullmatch(
                    r"pollen|dust(?: mites)?|seasonal|grass|ragweed|mold|cats?|dogs?|acariens|poussière|"
                    r"moisissures|chats?|chiens?",
                    m.group(0),
                    re.I,
                ) and not re.search(r"\ballergi(?:c|que) (?:to|à|aux?) ", s.text, re.I):
                    continue
                hearsay = _HEARSAY.search(s.text[: m.start()])  # "ma belle-mère m'a dit que c'était sûrement …"
                # the clinician names it as the allergy's object, not "pas d'allergie alimentaire, on redonne le lait"
                of_it = re.search(r"\ballerg\w*\s+(?:to|à|au|aux)\s+(?:[\w']+\s+){0,2}$", s.text[: m.start()], re.I)
                if md.family or md.hypothetical or hearsay or self.is_clin(k) and not of_it or self.relative_before(k):
                    continue
                if self.is_pat(k) and self.proxy and parents_own(s.text, m.start()):
                    continue  # "that's my allergy, not his. i'm allergic to penicillin": the parent's own
                r = lexicon.ALLERGIC_REACTION.search(s.text)
                self.builder.add(
                    "allergy",
                    allergen_label(m.group(0)),
                    [self.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                    status="absent" if md.negated else "present",
                    reaction=r.group(0) if r else None,
                )
            if not hits and re.search(
                r"\b(?:no (?:known )?(?:drug )?allergies|nkda|pas d'allergies?|aucune allergie)\b", s.text, re.I
            ):
                self.builder.add("allergy", "no known allergies", [self.builder.ev_sentence(s)], status="none")

    _HIST_CUE = re.compile(
        r"\b(?:history of|past medical history|diagnosed|i have|i've had|i had|i've got|i got|"
        r"has a history|with a history|significant for|known|since|for years|chronic|"
        r"antécédents?|j'ai (?:un|une|du|de l')|je suis|on m'a dit|connu pour|suivi pour|depuis \w+ ans)\b",
        re.I,
    )

    # "I thought I was having a heart attack" is a fear, not a history
    _WORRY = re.compile(
        r"\b(?:thought|think|worried|afraid|scared|concerned|wonder\w*|maybe|might|could|(?:was|were) sure|sûre?|"
        r"(?:read|heard|saw|seen|looked up|googled) (?:about|that|online)|"  # "I read about the depression thing"
        r"j'ai cru|peur|inquiète?|peut-être)\b[^.;]{0,40}$",
        re.I,
    )

    _WORRY_AFTER = re.compile(
        r"^\W*(?:\w+\W+){0,2}?(?:scares?|worr(?:y|ies)|frightens?|terrifies|concerns?) (?:me|us|him|her)\b|"
        r"^\W*(?:\w+\W+){0,2}?(?:me fait peur|m'inquiète)",
        re.I,
    )

    def histories(self):
        for k, s in enumerate(self.sents):
            found = lexicon.find_concepts("condition", s.text)
            if not found:
                continue
            if self.is_clin(k) and s.question:
                ans = self.answer_to(k)
                pol = answer_polarity(self.sents[ans[0]].text, s.text) if ans else ""
                found = [f for f in found if not _SCREENED.search(s.text[max(0, f[0] - 25) : f[1] + 15])]
                if ans and len(found) > 1:
                    # "any eczema as a child, asthma, hay fever?" "hay fever, yes": the yes is what the reply names
                    named = {c.label for *_, c in lexicon.find_concepts("condition", self.sents[ans[0]].text)}
                    found = [f for f in found if f[2].label in named] or found
                reply = " ".join(self.sents[j].text for j in ans[:3]) if ans else ""
                had = RELATIVE_HAD.search(reply) if pol != "yes" else None  # "i never had one, my dad had them"
                if FAMILY.search(s.text) and (pol or had):
                    # "no … but i have on my cousin's side of the family": a relative has it after all
                    corrected = BUT_A_RELATIVE.search(reply) if pol == "no" else None
                    said = MY_RELATIVE.search(reply)  # "yeah, my dad had kidney stones"
                    # "any migraines in the family?" "my mom. and my dad had an aneurysm": the dad had another one
                    in_reply = lexicon.find_concepts("condition", reply)  # (not "no one else has diabetes")
                    said_of = context_of(reply, [(a, b) for a, b, _c in in_reply], self.lang) if in_reply else []
                    other = {c.label for (*_, c), md in zip(in_reply, said_of, strict=True) if not md.negated}
                    # "my mom, all her life.": the relative the reply opens on (not "my mom had a stroke.")
                    first = _REPLY_NAMES.match(reply) if not pol else None
                    if first and lexicon.find_concepts("condition", reply.split(".")[0]):
                        first = None
                    for st, en, c in found:
                        had_it = had and (c.label in other or _HAD_IT.match(reply, had.end()))
                        but = corrected or (had if had_it else None) or first
                        if not pol and not but:
                            continue
                        asked = YOUR_RELATIVE.search(s.text)  # "votre père a fait un avc ?" "oui": the father's
                        who = but or asked or (said if pol == "yes" else None)  # "no. my mum has a thyroid
                        # problem": the denial is no relative's, the mother has another disease
                        rel = who.group(1) if who else None
                        where = s.text if who is asked else reply
                        charted = chart_relative(where, FAMILY.match(where, who.start(1))) if who else None
                        # "my mom's sister, she has terrible migraines … and my dad has high blood pressure": the
                        # relative said with the disease asked, not the reply's last one
                        own = _said_with(reply, c.label) if who is not asked and c.label in other else None
                        charted = chart_relative(reply, own) if own is not None else charted
                        self.builder.add(
                            "family_history",
                            c.label,
                            [
                                self.builder.evidence(s.seg_index, s.start + st, s.start + en),
                                self.builder.ev_sentence(
                                    next(
                                        (self.sents[j] for j in ans[:3] if but and but.group(1) in self.sents[j].text),
                                        self.sents[ans[0]],
                                    )
                                ),
                            ],
                            status="present" if pol == "yes" or but else "absent",
                            code=c.code,
                            term=specific_term(s.text[st:en], c.label),
                            age=age_at(reply) if pol == "yes" else None,
                            relative=charted if rel and rel.lower() != "family" else None,
                        )
                elif pol == "yes" and k < self.ap_start and not (self.to_companion(k) or self.guest_of_self(ans[0])):
                    for st, en, c in found:  # (not "carol, you have lupus yourself?" "yes, for ten years")
                        self.builder.add(
                            "past_medical",
                            c.label,
                            [
                                self.builder.evidence(s.seg_index, s.start + st, s.start + en),
                                self.builder.ev_sentence(self.sents[ans[0]]),
                            ],
                            status="present",
                            code=c.code,
                        )
                continue
            mods = context_of(s.text, [(st, en) for st, en, _ in found], self.lang)
            family_answer = self._answers_family_question(k)
            carried = self.relative_before(k)
            for (st, en, c), m in zip(found, mods):
                ev = [self.builder.evidence(s.seg_index, s.start + st, s.start + en)]
                parent = self.proxy if self.is_pat(k) and not s.question and parents_own(s.text, st) else None
                parent = parent if not self.asks_the_child(k) else None  # "any other health problems, tyler?"
                own = relative_of(s.text, st)
                if own and own.start() >= en and PATIENT_AGAIN.search(s.text[max(0, st - 40) : st]):
                    own = None  # "i've never had a kidney stone, my dad had them": the patient's own "never"
                # a relative is named, but the patient comes between them and the condition: "my daughter gave
                # me a watch, and it said I might have atrial fibrillation" is the patient's
                patients_own = own is None and carried is None and FAMILY.search(s.text) is not None
                died = DIED_OF.search(s.text[max(0, st - 40) : st])  # "he died of a heart attack": not the patient
                rel = own or carried or (FAMILY.search(s.text) if died else None)
                # a relative the sentence goes on about ("he survived … and then he died of a stroke") reaches the
                # whole sentence until the patient comes in; one named in it, only what is near it
                near = abs(rel.start() - st) < 60 if own else not PATIENT_AGAIN.search(s.text[:st])
                relative_named = rel and rel.group(0).lower() not in ("family",) and self.is_pat(k) and near
                relative_named = relative_named or a_relatives(s.text[en:])  # "un infarctus à 52 ans chez le père"
                if m.negated and s.question:
                    continue  # "ce n'est pas dangereux, avec mon père, le cancer ?" denies nothing of the father
                if _IN_LAW.search(s.text, max(0, st - 60), st):
                    continue  # "my husband's mother had alzheimer's": no blood relative, and not the patient
                # a relative's condition, or the reply to "what runs in your family?" whoever gives it
                if self.is_clin(k) and patient_again_said(s.text, st):  # "with your father's colon cancer, and at
                    m.family, own = False, None  # forty-seven with iron deficiency"
                if (
                    family_answer
                    or died
                    or parent
                    or (not patients_own and (m.family or relative_named or RUNS_IN_FAMILY.search(s.text)))
                ):
                    if c.label in PASSING_INFECTIONS:
                        continue  # "my daughter had a cold two weeks ago": an exposure, not a family history
                    self.builder.add(
                        "family_history",
                        c.label,
                        ev,
                        status="absent" if m.negated else "present",
                        relative=parent  # (a companion's "my grandfather" says not whose relative to the patient)
                        or (chart_relative(s.text, rel) if rel and not self.companions_own_relative(k, rel) else None),
                        code=c.code,
                        term=specific_term(s.text[st:en], c.label),
                        age=None if m.negated else age_at(s.text[en:], self.next_in_turn(k)),
                    )
                    continue
                if m.negated or m.hypothetical or m.uncertain or k >= self.ap_start or self._WORRY.search(s.text[:st]):
                    continue
                if self._WORRY_AFTER.match(s.text[en:]) or passed(c.label, s.text[en:], self.is_pat(k)):
                    continue  # "the stroke part scares me"; "a sinus infection in the winter, that's gone": no history
                if _ALLERGY_WORD.search(s.text) and lexicon.ALLERGIC_REACTION.search(s.text[st:en]):
                    continue  # "allergic to penicillin, he got hives as a kid": the allergy's reaction, not a history
                if s.question and not self._HIST_CUE.search(s.text[:st]):
                    continue  # "is it pneumonia?": the patient asks what this is, not what they had
                if self.guest_of_self(k, st) or in_general(s.text, st, en) or self.friends(k, st, en):
                    continue  # a guest's own; said in general ("sleep apnea is a known trigger for afib"); a friend's
                if self.is_pat(k) or self._HIST_CUE.search(s.text) or self.is_clin(k) and in_introduction(s.text, st):
                    self.builder.add("past_medical", c.label, ev, status="present", code=c.code)
            # surgeries
        denied: set[str] = set()
        for k, s in enumerate(self.sents):
            if s.question or self.relative_before(k):
                continue  # "c'est une hernie, comme mon père ?" asks, it tells no surgery
            for rx, label in lexicon.SURGERIES:
                m = re.search(rf"\b(?:{rx})\b", s.text, re.I)
                if not m:
                    continue
                md = context_of(s.text, [m.span()], self.lang)[0]
                if md.negated and any(f.kind == "past_surgical" and f.label == label for f in self.builder.facts):
                    denied.add(label)  # "… for my bypass … no wait, that was my brother-in-law. i never had a bypass"
                if md.negated or md.hypothetical or md.family or someone_elses(s.text, m.start()):
                    continue  # "mon père, il a été opéré d'une hernie discale"
                if PLANNED.search(s.text, max(0, m.start() - 40), m.start()):
                    continue  # "his pre-op ecg for his right knee replacement": a surgery to come
                if self.guest_of_self(k, m.start()):
                    continue  # the daughter asked of her own blood thinner: "… after my knee surgery"
                if k >= self.ap_start and not re.search(r"\b(?:prior|previous|history|had|ago)\b", s.text, re.I):
                    continue
                self.builder.add(
                    "past_surgical",
                    label,
                    [self.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                    status="historical",
                )
                break
        self.builder.facts[:] = [f for f in self.builder.facts if f.kind != "past_surgical" or f.label not in denied]
        for s in self.sents:
            if _NO_FAMILY_HISTORY.search(s.text):
                self.builder.add(
                    "family_history", "no known family history", [self.builder.ev_sentence(s)], status="none"
                )

    # the clinician asks what the patient does: the reply names the work ("Dans l'éducation, assistance maternelle.")
    _WORK_ASKED = re.compile(
        r"\b(?:what (?:do )?you do for (?:work|a living)|what (?:kind of )?work do you|"
        r"what(?:'s| is) your (?:job|occupation)|where do you work|what do you do\W*$|"
        r"qu'est-ce que vous faites (?:dans la vie|comme (?:travail|métier))|"
        r"quel (?:est votre )?(?:métier|domaine|travail)|votre (?:métier|profession)|vous faites quoi comme)\b",
        re.I,
    )

    def occupation(self, k: int, s) -> None:
        ans = self.answer_to(k)
        first = self.sents[ans[0]] if ans else None
        if first is None or answer_polarity(first.text, s.text) or len(first.text.split()) < 2:
            return
        # the question first: the note does not print the patient's own words as a line, the assistant reads them
        self.builder.add(
            "social_history",
            "occupation",
            [self.builder.ev_sentence(s), self.builder.ev_sentence(first)],
            status="present",
            value=clean(first.text),
        )

    def social(self):
        for k, s in enumerate(self.sents):
            if k >= self.exam_start and k >= self.ap_start:
                break
            if self.is_clin(k) and self._WORK_ASKED.search(s.text.replace("’", "'")):
                self.occupation(k, s)
            for label, rx in SOCIAL:
                m = rx.search(s.text)
                if not m:
                    continue
                if self.is_clin(k) and s.question:
                    ans = self.answer_to(k)
                    if not ans:
                        continue
                    first = self.sents[ans[0]]
                    pol = answer_polarity(first.text, s.text)
                    if _ANYONE.search(s.text) or self.guest_of_self(ans[0]):
                        continue  # "does anyone smoke at home?" "i … yeah, i smoke" (the father): not the patient's
                    if label in ("tobacco", "alcohol", "recreational drugs") and pol:
                        value = clean(first.text)
                        self.builder.add(
                            "social_history",
                            label,
                            [
                                self.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end()),
                                self.builder.ev_sentence(first),
                            ],
                            status="absent" if pol == "no" else "present",
                            value=value,
                        )
                    continue
                if self.is_clin(k):
                    if label == "tobacco" and re.search(r"\b(?:quit|stopp(?:ed|ing)|gave up|arrêt\w*)\b", s.text, re.I):
                        self.builder.add(
                            "social_history",
                            label,
                            [self.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                            status="historical",
                            value=clean(s.text),
                        )
                    continue
                if self.relative_before(k) or someone_elses(s.text, m.start()) or self.friends(k, m.start()):
                    continue  # "my husband. about a pack a day": his
                if self.guest_of_self(k):
                    continue  # the father beside his son: "yeah, i smoke. but only outside"
                md = context_of(s.text, [m.span()], self.lang)[0]
                status = (
                    "absent"
                    if md.negated
                    else (
                        "historical" if re.search(r"\b(?:quit|used to|stopped|arrêté)\b", s.text, re.I) else "present"
                    )
                )
                prose = patient_to_third(clean(s.text), self.sex) if self.lang == "en" else clean(s.text)
                self.builder.add("social_history", label, [self.builder.ev_sentence(s)], status=status, value=prose)
