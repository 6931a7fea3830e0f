"""History facts: age and sex, the chief complaint, symptoms (present or absent, from statements and from
answers) and the history of present illness (duration, severity, triggers, quality, location)."""

from __future__ import annotations

import re

from scribe.notes import lexicon, register
from scribe.notes.consultation import FAMILY, context_of, denied_after
from scribe.notes.facts.advice_echo import echoes_advice
from scribe.notes.facts.asked import AskedSymptoms
from scribe.notes.facts.asked_scope import contrasted, narrowed, reworded
from scribe.notes.facts.complaint_time import BEGAN, ONSET, TIMING, complaint_time, tied_to_a_symptom
from scribe.notes.facts.long_ago import told_as_past
from scribe.notes.facts.mentions import (
    CONTINUES,
    DICTATED,
    NAMES_IT,
    NO_AFTER,
    NOT_SEEN,
    RESTATES,
    denied_right_before,
    helped_but_not,
    last_status,
    negation_spent,
    side_of,
    states_otherwise,
)
from scribe.notes.facts.qualifiers import QualifierFacts, stated
from scribe.notes.facts.radiation import RadiationFacts
from scribe.notes.facts.reader import clause_before
from scribe.notes.facts.relative_names import someone_elses_story, told_as_relatives
from scribe.notes.facts.relatives import someone_elses
from scribe.notes.gone_words import gone_next, resolved_after
from scribe.notes.not_had import NOT_WANTED, PREVENTED
from scribe.notes.number_words import numbers_to_digits, spoken_numbers
from scribe.notes.text import clean, patient_to_third

_GOT_WORSE = re.compile(
    r"(?:her |his |their |the )?([\w ]{3,30}?) (?:has|have|had|is|was) (?:been )?(?:getting |gotten )?worse\b"
)
# a past drug's reaction, told as a habit: "after every shot i'd get flu symptoms, fever, aches"
_DRUG_REACTION = r"after (?:every|each) (?:shot|dose|injection|pill|infusion)|après chaque (?:piqûre|injection|prise)"
_PAST_EPISODE = re.compile(
    r"\b(?:years? ago|last year|back in|in the past|a long time ago|when i (?:was|broke|hurt|had|injured)|"
    r"the (?:last|first|other) time|previous(?:ly)?|used to|il y a [\w-]+ ans|autrefois|la dernière fois|"
    # childhood: "when he was little he had a rash", "petit, il avait eu des boutons"
    r"when (?:he|she|i|they) (?:was|were) (?:little|young|a (?:kid|child|baby|toddler))|as a (?:kid|child|baby)|"
    r"in (?:his|her|my) childhood|quand (?:il|elle|j') ?étai[st] (?:petite?|jeune|bébé)|"
    r"dans (?:son|mon) enfance|(?:il|elle|j') ?(?:avait|avais) eu|had had|"
    # a drug's reaction told in the past: "they gave her augmentin and it gave her terrible diarrhea"
    r"(?:it|that|which) (?:gave|caused) (?:me|her|him|them)|" + _DRUG_REACTION + "|"
    r"when (?:he|she|i|they) (?:was|were) (?:\w+ )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)\b",
    re.I,
)

_TODAY = re.compile(r"\b(?:today|right now|at the moment|this morning|aujourd'hui|en ce moment|ce jour)\b", re.I)


# the drug stopped for the symptom: a reaction of the past ("i got an itchy rash on my arms, so we stopped it"), in
# the same sentence or the next
_STOPPED_FOR_IT = re.compile(
    r"[^.;?!]{0,40}?\b(?:so (?:we|i|they|she|he) (?:stopped|quit) (?:it|them|that)|j'ai (?:tout )?arrêté|on a arrêté)"
    r"\b",
    re.I,
)


# the patient disputes what someone else reported: "dave said i was snoring, which i don't believe"
_DISPUTED = re.compile(r"\W*(?:which|but|and|mais|ce que) (?:i|je) (?:don't|do not|n'y|ne) (?:believe|crois)\b", re.I)


# A complaint said with a verb ("my elbow is hurting"): the chief complaint names it ("elbow pain")
_SAID_AS_VERB = re.compile(r"\b(?:hurt\w*|is|are|was|were|been|keeps?|started|really|sore|aching|painful)\b", re.I)

# What only a clinician says: in a patient's turn it is a tagging error, not the patient's history
_CLINICIAN_VOICE = re.compile(
    r"\b(?:(?:i|we)(?:'ll| will| am going to|'m going to|'m gonna| am gonna|'re going to| are going to) (?:prescribe|"
    r"order|refer|examine|start you|put you on|give you a prescription)|"
    # a patient never prescribes: "I prescribe" is the clinician's "I'll prescribe" with the "'ll" lost by the ASR
    r"(?:i|we) (?:prescribe|refer you)|let me (?:examine|listen to your)|your (?:lungs|heart) sounds?|"
    r"je vais vous (?:prescrire|examiner|adresser))\b",
    re.I,
)

# "I take lisinopril", "I'm on metformin", "je prends du Kardégic": a reply about what is taken, not an allergy
_SAYS_TAKES = re.compile(r"\b(?:I (?:take|use)|I'm (?:on|taking)|I am (?:on|taking)|je prends|j'prends)\b", re.I)
_HIS_HER = re.compile(r"[^.?!]{0,60}?\b(his|her)\b", re.I)
_LESS = re.compile(r"\b(?:does|do) ?(?:not|n't) have (?:quite )?(?:as much|so much)\b", re.I)


_HIGH_OR_LOW = re.compile(r"\b(?:high|low|higher|lower|up|down|reading)\b", re.I)


class HistoryFacts(AskedSymptoms, RadiationFacts, QualifierFacts):
    def demographics(self):
        for s in self.sents:
            m = re.search(
                # "thirty-six years old"; not "twenty-four eight-year-olds" (a class of children, not an age)
                r"\b(\d{1,3}|[a-z]+(?:[- ][a-z]+)?)[- ]years?[- ]old(?!s)(?: (male|female|man|woman|gentleman|"
                r"lady|boy|girl))?",
                s.text,
                re.I,
            ) or re.search(r"\b(?:j'ai|il a|elle a|âgée? de)\s+(\d{1,3})\s+ans\b", s.text, re.I)
            if m and not any(f.label == "age" for f in self.builder.facts):
                nums = spoken_numbers(m.group(1)) if not m.group(1).isdigit() else [float(m.group(1))]
                if nums and 0 < nums[0] < 120:
                    self.builder.add(
                        "demographics",
                        "age",
                        [self.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                        value=str(int(nums[0])),
                    )
                    if m.lastindex and m.lastindex >= 2 and m.group(2):
                        sex = "male" if m.group(2).lower() in ("male", "man", "gentleman", "boy") else "female"
                        self.builder.add(
                            "demographics",
                            "sex",
                            [self.builder.evidence(s.seg_index, s.start + m.start(2), s.start + m.end(2))],
                            value=sex,
                        )
                        self.sex = sex
                    elif (own := _HIS_HER.match(s.text, m.end())) and self.is_clin(self.sents.index(s)):
                        self.sex = "male" if own.group(1).lower() == "his" else "female"  # "…, here with his mother"
                        ev = self.builder.evidence(s.seg_index, s.start + own.start(1), s.start + own.end(1))
                        self.builder.add("demographics", "sex", [ev], value=self.sex)
        if self.sex is None:
            for k, s in enumerate(self.sents[:60]):
                m = re.search(r"\b(male|female|gentleman|woman|madame|monsieur|mrs|mr|ms|mister)\b", s.text, re.I)
                if m and self.is_clin(k):
                    w = m.group(1).lower()
                    self.sex = "male" if w in ("male", "gentleman", "monsieur", "mr", "mister") else "female"
                    self.builder.add(
                        "demographics",
                        "sex",
                        [self.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                        value=self.sex,
                    )
                    break

    _CC = re.compile(
        r"\b(?:presents?|presenting|here|visit|coming in|came in|come in|is in|seeing you|see you|"
        r"vient|venez|consulte[zr]?|brought in by (?:his|her|their) \w+)(?: (?:today|in|back|aujourd'hui|ici))*"
        r" (?:for|with|pour|because of|because|due to|after|following|après|suite à)"
        r"(?: (?:an?|his|her|some|the|your|un|une|des|de la|du))? "
        r"(?P<cc>(?!a little|a while|the|you\b|me\b)[^,.?!;]{3,70})",
        re.I,
    )

    _OPENER = re.compile(
        r"what brings you|what's going on|what is going on|how can i help|what can i do|"
        r"tell me (?:about|what)|qu'est-ce qui vous amène|pourquoi (?:vous )?(?:venez|êtes)|"
        r"qu'est-ce qui se passe|je vous écoute|what seems to be",
        re.I,
    )

    # who or what came along is not why: "here with her daughter susan, after a fall last week", "came in with a cane"
    _COMPANION = re.compile(
        rf"^(?:(?:his|her|my|their|your|son|sa)\s+)?(?:{FAMILY.pattern}|\b(?:wife|husband|partner|caregiver|femme|mari|"
        r"cane|walker|wheelchair|crutch(?:es)?|canne|béquilles?|déambulateur)\b)",
        re.I,
    )
    _REASON_AFTER = re.compile(r"\b(?:for|after|because of|pour|après)\s+(?P<cc>.{3,70})", re.I)
    _AFTER_COMPANION = re.compile(r"^\s*,\s*(?:after|for|because of|pour|après)\s+(?P<cc>[^,.?!;]{3,70})", re.I)

    def chief_complaint(self):
        for k, s in enumerate(self.sents[:40]):
            m, base = self._CC.search(s.text), 0
            if m and self._COMPANION.match(m.group("cc")):  # the reason said after the companion, if any
                inside = self._REASON_AFTER.search(m.group("cc"))  # "with her son for a high inr"
                base = m.start("cc") if inside else m.end("cc")
                m = inside or self._AFTER_COMPANION.match(s.text[base:])
            if m and self.is_clin(k):
                cc, extra = m.group("cc").strip(), 0
                if len(cc.split()) == 1 and (
                    more := re.match(r"\s*,\s*([^,.?!;]{3,60})", s.text[base + m.end("cc") :])
                ):
                    cc, extra = f"{cc}, {more.group(1).strip()}", 1  # "here for a red , painful right lower leg"
                cc = re.split(r"\b(?:and (?:he|she|i|we)|who|which|today|so|that|et (?:il|elle))\b", cc)[0].strip()
                if re.search(r"\bbecause(?! of)", m.group(0)):  # "here because her breathing has been worse"
                    worse = _GOT_WORSE.match(cc)
                    cc = f"worsening {worse.group(1)}" if worse else ""
                if 2 < len(cc) < 70 and not re.match(r"(?:a |an )?(?:visit|appointment|bit|while)\b", cc):
                    self.builder.add(
                        "chief_complaint",
                        cc,
                        [
                            self.builder.evidence(
                                s.seg_index,
                                s.start + base + m.start("cc"),
                                s.start + base + m.start("cc") + len(cc) + extra,
                            )
                        ],
                        value=cc,
                    )
                    return
        for k, s in enumerate(self.sents[:30]):
            if self.is_clin(k) and self._OPENER.search(s.text):
                for j in self.answer_to(k)[:3]:
                    found = lexicon.find_concepts("symptom", self.sents[j].text) or lexicon.find_concepts(
                        "condition", self.sents[j].text
                    )
                    if found:
                        st, en, c = sorted(found, key=lambda t: t[0])[0]
                        sj = self.sents[j]
                        self.builder.add(
                            "chief_complaint",
                            c.label,
                            [self.builder.evidence(sj.seg_index, sj.start + st, sj.start + en)],
                            value=c.label if _SAID_AS_VERB.search(sj.text[st:en]) else sj.text[st:en],
                        )
                        return
        self._cc_fallback = True

    def _answers_allergy(self, k: int) -> bool:
        """ "Are you allergic to any medications?" "Penicillin, I get a rash": the rash is the allergy's reaction."""
        prev = [j for j in range(k - 1, max(-1, k - 4), -1) if self.sents[j].seg_index != self.sents[k].seg_index]
        if not prev or not self.is_clin(prev[0]) or not re.search(r"\ballerg", self.sents[prev[0]].text, re.I):
            return False
        # "Are you taking any medications, and do you have any allergies?" "I take lisinopril…": the reply
        # says which question it answers
        return not _SAYS_TAKES.search(self.sents[k].text)

    def _turn_before(self, k: int) -> str:
        """The words of the other speaker's turn just before sentence k's turn."""
        j = k
        while j > 0 and self.sents[j - 1].seg_index == self.sents[k].seg_index:
            j -= 1
        i = j
        while i > 0 and self.sents[i - 1].seg_index == self.sents[j - 1].seg_index:
            i -= 1
        return " ".join(t.text for t in self.sents[i:j])

    def _told_as_past(self, k: int, st: int, en: int) -> bool:
        """The symptom of sentence k is placed in the past (see long_ago.told_as_past)."""
        seg = self.sents[k].seg_index
        before = [self.sents[j].text for j in range(max(0, k - 4), k) if self.sents[j].seg_index == seg]
        nxt = self.sents[k + 1].text if k + 1 < len(self.sents) and self.sents[k + 1].seg_index == seg else ""
        return told_as_past(before, self.sents[k].text, st, en, nxt)

    def _stopped_next(self, k: int) -> bool:
        """The same turn's next sentence stops the drug for what sentence k told: "i broke out in a rash after two
        days, itchy red bumps. so i stopped it" is a reaction of the past, not a symptom now."""
        j = k + 1
        return (
            j < len(self.sents)
            and self.sents[j].seg_index == self.sents[k].seg_index
            and bool(_STOPPED_FOR_IT.match(self.sents[j].text) or gone_next(self.sents[j].text))
        )

    def symptoms(self):
        # "…you're endorsing some back pain and dizziness, um, and some blood in your urine"; "…endorsing the back
        # pain-" "mm-hmm" "and maybe a little weakness in your right leg": the list goes on past a filler or a nod
        flags: list[bool] = []
        for k, s in enumerate(self.sents):
            j = self.before_nods(k)
            carried = j >= 0 and flags[j] and self.role[j] == self.role[k] and bool(CONTINUES.match(s.text))
            dictated_before = bool(DICTATED.search(s.text)) or carried
            flags.append(dictated_before)
            if self.is_pat(k) and self.relative_before(k):
                continue  # "my mother has parkinson's. she has the tremor in her right hand": the mother's
            found = lexicon.find_concepts("symptom", s.text)
            # "I get a rash with penicillin" is an allergy's reaction; a dictated "nasal congestion from
            # allergies" is a symptom
            if not found or (re.search(r"\ballerg", s.text, re.I) or self._answers_allergy(k)) and not dictated_before:
                continue
            if self.asks(k) or self.asks_spoken(k):
                self.answered(k, s, found)
                continue
            if s.question:  # a question states nothing, whoever asks it, but the patient's "could my weight gain
                # be from the pill?" says the patient has it
                found = [f for f in found if self.is_pat(k) and re.search(r"\bmy $", s.text[max(0, f[0] - 3) : f[0]])]
                if not found:
                    continue
            dictated = dictated_before
            mods = context_of(s.text, [(st, en) for st, en, _ in found], self.lang)
            # the clinician saying why the patient came ("I understand you're here for some numbness and
            # tingling in your fingers") states the patient's complaints
            history = self.is_clin(k) and k < min(self.ap_start, self.exam_start)
            reason = self._CC.search(s.text) if history else None
            advice = self._turn_before(k) if self.is_pat(k) else ""
            for (st, en, c), m in zip(found, mods):
                if m.family or m.hypothetical or advice and echoes_advice(advice, s.text, c.label):
                    continue
                if (
                    self.is_pat(k)
                    and (someone_elses(s.text, st) or self.guest_of_self(k, st))
                    or _DISPUTED.match(s.text, en)
                ):
                    continue  # "he's the one who snores"; "dave said i was snoring, which i don't believe"
                if PREVENTED.search(s.text[max(0, st - 30) : st]):
                    continue  # what is prevented, not had
                stated = dictated or bool(reason and reason.start("cc") <= st and en <= reason.end("cc") + 30)
                # "…i see that you're coming in, you had some shoulder pain, left shoulder pain for three weeks"
                stated = stated or history and bool(RESTATES.search(s.text[max(0, st - 60) : st]))
                stated = stated or history and bool(NAMES_IT.fullmatch(s.text[:st]))
                after = self.lang == "fr" and denied_after(s.text, st, en)  # "non, je tousse pas"
                if (
                    m.negated
                    and not after
                    and (negation_spent(clause_before(s.text, st)) or self._no_answers_question(k, st))
                ):
                    m.negated = False  # the negation belongs to another clause or phrase, or answers the question
                elif (
                    not m.negated
                    and denied_right_before(clause_before(s.text, st))
                    and not helped_but_not(s.text[:st])
                    and not self._no_answers_question(k, st)  # "no, i've gained weight"
                ):
                    m.negated = True
                elif not m.negated and self.is_pat(k) and NO_AFTER.match(s.text[en:]):
                    m.negated = True  # "fever no. chills a little.", "les vertiges, j'en ai plus": said after it
                # the clinician's own look ("I don't see any jaundice") is an examination finding wherever it is said
                # (not the plan's explanations: "it goes straight into the vein, so no constipation")
                seen = self.exam_start <= k < self.exam_end or bool(NOT_SEEN.search(clause_before(s.text, st)))
                if self.is_clin(k) and not stated and not (m.negated and c.label != "pain" and seen):
                    continue
                if c.label == "pain" and not re.search(lexicon.BODY_PARTS, s.text, re.I) or resolved_after(s.text[en:]):
                    continue
                if m.negated and (NOT_WANTED.search(clause_before(s.text, st)) or resolved_after(s.text[:st], True)):
                    continue  # "I don't want the leg pain back", "that's gone now, since monday no fever": had
                # "i don't get chest pain when i walk": the circumstance is denied, the pain may be there
                scope = narrowed(s.text, st, en) if m.negated else ""
                same = any(f[1] < st and f[2].label == c.label for f in found)  # (see asked_scope.contrasted)
                if scope == "property" or m.negated and (reworded(s.text[en:]) or contrasted(s.text, st, same)):
                    continue
                past = m.historical or bool(_PAST_EPISODE.search(s.text[max(0, st - 80) : st]))
                past = past or bool(_STOPPED_FOR_IT.match(s.text, en)) or self._stopped_next(k)
                past = past or self._told_as_past(k, st, en)
                status = "absent" if m.negated else ("historical" if past else "present")
                side, st = side_of(c.label, s.text, st, en)
                self.builder.add(
                    "symptom",
                    c.label,
                    [self.builder.evidence(s.seg_index, s.start + st, s.start + en)],
                    status=status,
                    system=c.system,
                    how="statement",
                    side=side,
                    # the examination's "no wheeze today" does not deny the wheezing the patient tells of at night
                    **({"yields_to_present": True} if scope or seen and m.negated and _TODAY.search(s.text) else {}),
                )
        # "Have you ever had belly pain like this before?" "No": a first episode of the pain the patient came
        # with is not a denial of it; the answer stays a denial only when nothing says the symptom is present.
        present = {f.label for f in self.builder.facts if f.kind == "symptom" and f.status == "present"}
        self.builder.facts[:] = [
            f
            for f in self.builder.facts
            if not (f.kind == "symptom" and f.attributes.get("yields_to_present") and f.label in present)
        ]

    _DURATION = re.compile(
        r"\b(?:for|since|about|over|past|last|almost|nearly|around|depuis|ça fait|cela fait|il y a)"
        r"(?: (?:the|about|almost|around|a|an|like|maybe|probably|past|last|deux|trois|quelques|plusieurs))*"
        r" (?:\w+ )?(?:days?|weeks?|months?|years?|hours?|jours?|semaines?|mois|ans|années?|heures?|hier|labor day)\b"
        r"(?: ago)?|\b(?:started|began|commencé|a commencé)(?: \w+){0,4} (?:ago|yesterday|hier|last \w+)",
        re.I,
    )

    _SEVERITY = re.compile(
        r"\b(?:\d+|\w+) (?:out of|on a scale of|sur) (?:10|ten|dix)\b|\b(?:mild|moderate|severe|"
        r"excruciating|unbearable|léger|légère|modérée?|sévère|intense|très forte?)\b",
        re.I,
    )

    _TRIGGER = re.compile(
        r"\b(?:worse (?:with|when|after|if)|better (?:with|when|after|if)|(?:whenever|when|after) i "
        r"(?:walk|run|eat|climb|bend|lift|exert|lie|sit|stand|move|breathe)\w*|on exertion|"
        r"quand je (?:bouge|marche|respire|mange|mets)\w*|ça va mieux|ça aggrave|plus mal)\b[^,.?!]{0,40}",
        re.I,
    )

    _QUALITY = re.compile(
        # "no burning" denies a quality; "blood pressure" is none
        r"(?<!\bno )(?<!\bnot )(?<!without )(?<!pas de )(?<!\bsans )(?<!blood )"
        r"\b(?:sharp|dull|burning|throbbing|stabbing|aching|cramp(?:ing|s)?|pressure|tight(?:ness)?|"
        r"coup de poignard|brûlure|serrement|lancinante?|pulsatile)\b(?! as (?:ever|a tack|always)\b)",  # her mind
        re.I,
    )

    _RADIATION = re.compile(
        r"\b(?:radiat\w+|goes|shoots|spreads|travels) (?:down|up|into|to|toward|towards|through) (?:my |the )?"
        rf"(?:left |right )?(?:\w+ )?(?:{lexicon.BODY_PARTS})\b|"
        r"\b(?:irradi\w+|remonte|descend|part) (?:vers|dans|jusqu'(?:à|au|aux)|à|au|aux) (?:l'|le |la |les )?"
        rf"(?:(?:{lexicon.BODY_PARTS})|hypochondre \w+)\b",
        re.I,
    )

    _CLINICAL = re.compile(
        r"\b(?:pain|hurt|ache|sore|swell|symptom|medication|medicine|pill|meds|blood|pressure|sugar|"
        r"diet|weight|breath|cough|sleep|tired|energy|fever|bloat|dizzy|doctor|hospital|er|"
        r"surgery|test|weeks?|months?|days?|years?|exercise|walk|run|knee|back|chest|head|"
        r"mal|douleur|médicament|traitement|sang|poids|fièvre|fatigue|depuis|jours?|semaines?|"
        r"mois|ventre|toux|tension|dormir|respirer)\w*",
        re.I,
    )

    _SMALLTALK = re.compile(
        r"\b(?:weather|vacation|holiday|kids|football|game|birthday|dax|dragon|nice to see|"
        r"good to see|how are you|thank you|thanks|merci|bonjour|au revoir)\b",
        re.I,
    )

    def _time_asked(self, k: int) -> str:
        """The clinician's last sentence before sentence k (over a short reply): "when did it start?" """
        j = next((j for j in range(k - 1, max(-1, k - 4), -1) if self.is_clin(j)), None)
        return self.sents[j].text if j is not None else ""

    def hpi(self):
        self.radiation()
        self.qualifiers(_PAST_EPISODE)
        n_statements, last_said = 0, last_status(self.builder.facts)
        hpi_end = min(self.exam_start, self.ap_start)
        for k, s in enumerate(self.sents[:hpi_end]):
            if not self.is_pat(k) or s.question or self.relative_before(k) or self.guest_of_self(k):
                continue
            if told_as_relatives(self.sents, k, self.is_clin):
                continue  # "i'm on the fostair, two puffs twice a day" "so dad has asthma too, on fostair"
            t = self.patient_part(k)  # (a companion's "he took one of my amlodipine": their part left out)
            if self.parents_own_words(k) or not t:
                continue  # "my aunt had a goiter. she had surgery for it": the aunt's, not this complaint's
            # an old episode's pain ("when I broke it years ago it was stabbing") is not this complaint's
            past_episode = bool(_PAST_EPISODE.search(t))
            restated = {attr for attr, _ in stated(t, self.lang)}  # said in note words by qualifiers()
            for rx, attr in (
                (self._DURATION, "duration"),
                (self._SEVERITY, "severity"),
                (self._TRIGGER, "trigger"),
                (self._QUALITY, "quality"),
                (ONSET, "onset"),
                (self._RADIATION, "radiation"),
                (TIMING, "timing"),
            ):
                if past_episode and attr != "duration" or attr in restated:
                    continue
                m = rx.search(t)
                before = self.sents[k - 1].text if k and self.sents[k - 1].seg_index == s.seg_index else ""
                if m and attr == "duration" and not complaint_time(t, m.start(), self._time_asked(k), before):
                    continue  # "married for 25 years", "i stopped it three weeks ago": not the complaint's time
                if m and attr in ("timing", "trigger") and not tied_to_a_symptom(t, self._time_asked(k)):
                    continue  # "when she lies down it does whistle", "la nuit": the note could not say what
                if m and attr == "quality" and m.group(0).lower() == "pressure" and _HIGH_OR_LOW.search(t):
                    continue  # "it's a bit high, the pressure": the blood pressure
                if m and attr == "onset" and not BEGAN.search(t + " " + self._time_asked(k)):
                    continue  # "sometimes, suddenly i have to find a bathroom": how it happens, not how it began
                if m and not re.search(r"\b(?:vacation|college|trip)\b", t, re.I):
                    value = m.group(0).strip()
                    if attr == "timing" and self.lang == "fr" and "dormir" in value:
                        if not re.search(r"\b(?:mal|douleurs?|douloureu\w*)\b", t, re.I):
                            continue  # sleepless from ruminating is no pain's timing
                        value = "douleur insomniante"  # "j'arrivais pas à dormir" in the note's words
                    if self.lang == "en":
                        value = patient_to_third(value, self.sex)
                    self.builder.add(
                        "hpi",
                        attr,
                        [self.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                        value=numbers_to_digits(value),
                        merge=False,
                    )
            m = re.search(
                rf"\b(?:my|the|mon|ma|au|à la|dans le|in my|in the)\s+"
                rf"(?P<site>(?:(?:left|right|lower|upper|gauche|droite?) )?(?:{lexicon.BODY_PARTS}))\b",
                t,
                re.I,
            )
            if m and re.search(r"\b(?:pain|hurt|ache|sore|mal|douleur)", t, re.I):
                self.builder.add(
                    "hpi",
                    "location",
                    [self.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                    # "left knee", not the patient's "my left knee"; French keeps "au genou" (Localisation : au …)
                    value=m.group("site").lower() if self.lang == "en" else m.group(0).strip(),
                )
            words = len(t.split())
            if (
                words >= 6
                and self._CLINICAL.search(t)
                and not self._SMALLTALK.search(t)
                and not _CLINICIAN_VOICE.search(t)
                and not re.search(_DRUG_REACTION, t, re.I)
                and not someone_elses_story(
                    t, self.sents[k - 1].text if k and self.sents[k - 1].seg_index == s.seg_index else ""
                )
                and not register.anchorless(t)  # "that's newer, maybe two months": of what, the note can't say
                and n_statements < 14
            ):
                told, sex = self.teller(k)  # "the mother": her "i"; a companion's "what scares me is …"
                prose = register.statement(patient_to_third(clean(t), sex) if self.lang == "en" else clean(t))
                # "doesn't have quite as much shortness of breath" has it, less: no denial in the note
                prose = prose and _LESS.sub("has less", prose)
                # a statement the visit later overrules ("I haven't gotten tired. And now I've been getting tired")
                if prose and len(prose.split()) >= 5 and not states_otherwise(prose, last_said):
                    self.builder.add(
                        "hpi", "statement", [self.builder.ev_sentence(s)], value=prose, merge=False, **told
                    )
                    n_statements += 1
