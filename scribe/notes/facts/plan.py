"""Plan facts: one item per clause of a spoken plan, typed (lab, imaging, procedure, referral, medication,
advice, follow-up) and tied to the problem it follows."""

from __future__ import annotations

import re
from dataclasses import replace

from scribe.notes import register
from scribe.notes.facts.medication_stops import starts_put_off
from scribe.notes.facts.orders import CONDITIONAL, find_orders, order_sentence
from scribe.notes.facts.plan_advice import DICTATION, GENERIC_MED, is_plan_advice, plan_attributes
from scribe.notes.facts.plan_items import (
    ANAPHOR,
    ASKS_FOR_FAMILY,
    ASKS_REFILL,
    CORRECTED,
    DOING,
    FOLLOW_WORDS,
    HELPS,
    KEEP_ANAPHOR,
    MISTAGGED_ORDER,
    ORDER_CUE,
    PROPOSAL,
    QUESTION_TAIL,
    REPLY_NO,
    RESULTS_PLAN,
    SEND_REFILLS,
    SOFT_CUE,
    drugs_named,
    follow_up_line,
    interval_text,
    kept_drugs,
    prescribed_drugs,
    proposed_orders,
    soft_clause,
    titration_line,
    when_phrase,
    with_next,
)
from scribe.notes.facts.reader import WARNING_SIGNS
from scribe.notes.facts.relative_names import YOURS
from scribe.notes.number_words import numbers_to_digits
from scribe.notes.text import TAG_QUESTION, Sentence, clean, clinician_to_note

# "and if the psa is high?" "then i send you to urology": an order on the patient's condition
_THEN_LEAD = re.compile(r"^\W*(?:then|in that case|if so|alors|dans ce cas|à ce moment-là)\b", re.I)
_IF = re.compile(r"\b(?:if|si)\b", re.I)
# what the clinician does in other cases, said not to be this one ("… we send you to the eye doctor. you have none
# of that")
_NOT_YOUR_CASE = re.compile(
    r"^\W*(?:but\s+|mais\s+)?(?:you|he|she|vous|il|elle) (?:have|has|n'avez|n'a) (?:none|rien) "
    r"(?:of that|de (?:ça|cela|tout ça))|^\W*(?:ce n'est pas votre cas|that's not you|that is not your case)",
    re.I,
)
_TESTS = ("lab", "imaging", "procedure")
_LIST_START = re.compile(
    r"^\W*(?:(?:and|also|plus|then|et)\W+)?(?:an?|some|une?|des)\b(?!.*\b(?:was|were|is|are)\b)", re.I
)
_ADDS_TO = re.compile(r"^\W*(?:and|also|plus|as well|along with|et)\b", re.I)
# an order on a bare pronoun ("take it", "keep taking it", "stop them"): only a named drug's line can say it
_PRONOUN_ORDER = re.compile(
    r"^\W*(?:continue|keep (?:taking|using|on)|take|use|stop|hold|start)\s+(?:taking\s+|using\s+)?"
    r"(?:it|them|(?:this|that|those)(?=\s*(?:[,.;]|$|(?:if|and|for|when|until|as|every|once|twice|daily|now)\b)))\b",
    re.I,
)
_KEEP_ON = re.compile(r"^Keep (?:(?:him|her|them|the patient) )?on (?:(?:their|his|her|the|your) )?", re.I)
# a clause that only adds a word or two to the list before it ("and alcohol", "or the gym")
_ONLY_ADDS = re.compile(r"^\W*(?:and|or|et|ou)\s+(?:[\w'-]+\s+){0,2}[\w'-]+\W*$", re.I)
# "revenez me voir si la plaque ne pâlit pas après une semaine": the week is the condition's, no visit booked
_INTERVAL_IN_CONDITION = re.compile(
    r"\b(?:if|unless|si)\b[^,;]*\b(?:in|after|within|dans|après|sous) (?:\w+ )?(?:days?|weeks?|months?|jours?|"
    r"semaines?|mois)\b",
    re.I,
)
_ORDER_VERB = re.compile(r"\b(?:order|refer|prescri\w+|follow ?up|schedule|repeat|vous (?:oriente|adresse))\b", re.I)


_A_VISIT = re.compile(
    r"\b(?:come back|see (?:you|him|her)|follow[ -]?up|appointment|back in|revoi\w+|revoyez|revenez|rendez-vous)\b",
    re.I,
)
_OPENS_ON_IF = re.compile(r"^\W*(?:(?:so|and|but|then|now|et|mais|donc|alors)\W+)?(?:if|unless|si)\b", re.I)


# a goodbye is no plan ("au revoir madame roux": "revoir" is no follow-up)
_FAREWELL = re.compile(r"^\W*(?:au revoir|bonne (?:journée|soirée)|goodbye|bye|take care)\b", re.I)


class PlanFacts:
    _PLAN = re.compile(
        r"\b(?:i(?:'m| am)?(?: also| just| do| really)* (?:going to|gonna|gon na|will|'ll|want to|wan na|"
        r"would like to|'d like to|"
        r"recommend|think we should|prescribe)|i'll|we'll|we will|we(?:'re| are) (?:going to|gon na|gonna)|"
        r"let's|you should|you need to|make sure|i (?:also |really |just )?want you to|i'd (?:also )?like you to|"
        r"continue|follow ?up|"
        r"come back|see you (?:back|again|in)|bring (?:him|her|them|the (?:baby|child)) back|refer|referral|order|"
        r"schedule|"
        r"(?<!was )(?<!were )(?<!n't )(?<!been )prescri\w+|start (?:you|on)|"
        r"increase|decrease|stop|recommend\w*|keep (?:taking|an eye|track)|avoid|return|call (?:me|us|the office|911)|"
        r"go to the (?:er|emergency)|appelez le 15|give (?:me|us) a call|let (?:me|us) know if|"
        r"(?:we|i) (?:can|could|may|might) (?:consider|talk about|discuss|think about)|"
        r"see how (?:we|you|it|things) (?:do|go)|revoir|se revoit|vous revois|revoyez|rappelez|recontactez|"
        r"physical therapy|je vais (?:vous )?(?:prescrire|demander|faire|mettre|adresser|donner)|"
        r"see each other|meet again|talk again|on se reparle|(?:re)?fai(?:re|t) le point|il faudrait|vous devriez|"
        r"on va (?:faire|vous|demander|commencer|mettre)|il faut|il faudra|vous allez|je vous "
        r"(?:prescris|propose|conseille|recommande|revois|adresse)|revenez|reconsulte[rz]?|rendez-vous|"
        r"contrôle|à revoir|surveill\w+)\b",
        re.I,
    )

    _PLAN_KIND = [
        (
            "referral",
            re.compile(
                r"\b(?:refer\w*|specialist|physical therapy|pt|surgeon|cardiology|cardiologist|"
                r"orthopedic|dermatolog\w+|neurolog\w+|adresse\w*|spécialiste|kiné\w*|cardiologue)\b",
                re.I,
            ),
        ),
        (
            "test",
            re.compile(
                r"\b(?:order\w*|x-?ray|mri|ct|labs?|blood ?work|echo\w*|ekg|ecg|ultrasound|a1c|lipid|panel|"
                r"test\w*|biopsy|culture|scan|prise de sang|bilan|radio\w*|échographie|scanner|irm|analyse\w*)\b",
                re.I,
            ),
        ),
        (
            "follow-up",
            re.compile(rf"\b(?:{FOLLOW_WORDS}|in \w+ (?:weeks?|months?|days?))\b", re.I),
        ),
    ]

    def plan(self):
        problem = None
        problems = {f.attributes.get("statement"): f.label for f in self.builder.facts if f.kind == "assessment"}
        self._ordered: set[str] = set()  # an order said twice is one plan item
        self._plan_count = 0
        self._kept_at = -1  # the sentence that last kept drugs ("continue your toprol")
        self._ordered_at = -1  # the sentence that last ordered ("I'm going to order some blood work.")
        for k in range(len(self.sents)):
            s = self.sents[k]
            if k in problems:
                problem = problems[k]
            if self._kept_at == k - 1 and self._keeps_more(k, problem):
                continue
            said_by_clinician = self.is_clin(k) or k >= self.ap_start and bool(MISTAGGED_ORDER.search(s.text))
            told = self.to_companion(k) and YOURS.search(s.text)  # "…, mike, … don't stop the atorvastatin on your own"
            if not said_by_clinician or self._plan_count >= 25 or told or _FAREWELL.match(s.text):
                continue
            end = self._statement_end(s)
            if not end:
                continue
            helps = bool(HELPS.search(s.text[:end]))
            # "I'm going to order some blood work. A blood count and an iron panel.": a short list after an order
            self._listing = (
                self._ordered_at == k - 1
                and s.seg_index == self.sents[k - 1].seg_index
                and len(s.text.split()) <= 12
                and bool(_LIST_START.match(s.text))  # "a blood count and …", not "labs checked and …"
            )
            helps = helps or self._listing
            self._in_exam = k < self.exam_end and self.exam_start <= k  # its orders: tests and referrals only
            self._lead_in = self._leads_into_plan(k)
            helps = helps or self._lead_in
            if (
                k < self.ap_start
                and not helps
                and not _ORDER_VERB.search(s.text)
                and not RESULTS_PLAN.search(s.text)
                and not (self._in_exam and self._plan_talk(s.text))
            ):
                continue
            if self._in_exam and not self._plan_talk(s.text) and not self._listing:
                continue  # examination narration; "so we'll repeat another one this year" while reading results
            if (
                not self._PLAN.search(s.text[:end])
                and not ORDER_CUE.search(s.text[:end])
                and not KEEP_ANAPHOR.search(s.text[:end])
                and not (k >= self.ap_start and soft_clause(s.text[:end]))
                and not helps
            ):
                continue
            if (
                re.search(
                    r"\b(?:any questions|do you have questions|questions\?|des questions|nice to see|good to see|"
                    r"the nurse will be in|finalize the note)\b",
                    s.text,
                    re.I,
                )
                and len(s.text.split()) < 12
            ):
                continue
            if REPLY_NO.match(s.text) and k and not self.is_clin(k - 1) and self.sents[k - 1].question:
                continue  # "et ça agit tout de suite ?" "non, il faut deux à quatre semaines": told, no order
            typed_only = not self.is_clin(k) or k < self.ap_start and not _ORDER_VERB.search(s.text)
            self._plan_sentence(k, s, end, problem, typed_only)

    def _leads_into_plan(self, k: int) -> bool:
        """Advice said as an instruction ("évitez le soleil", "ice it twice a day") in the clinician's closing
        words just before the sentence read as the plan's start: no patient sentence between them, at most two
        sentences before it. Its typed advice only, like advice said in the plan."""
        if k >= self.ap_start or self.ap_start - k > 2 or self.ap_start >= len(self.sents) or self._in_exam:
            return False
        if not all(self.is_clin(j) and not self.sents[j].question for j in range(k, self.ap_start + 1)):
            return False
        return soft_clause(self.sents[k].text)

    def _statement_end(self, s: Sentence) -> int:
        """Where the sentence stops stating: its end, or where a run-on turns to a question; 0 when it asks."""
        if not s.question:
            return len(s.text)
        if PROPOSAL.match(s.text):
            return len(s.text.rstrip(" ?"))  # "why don't we get an x-ray of that knee?": proposed, then done
        tag = TAG_QUESTION.search(s.text)
        if tag and len(s.text[: tag.start()].split()) >= 4:
            return tag.start()  # "I'm gonna order an a1c for the future, okay?"
        # a statement that ends on its own question ("see you back in two weeks, do you have any questions?"),
        # or an unpunctuated run-on read as a question by its first words ("so when you come back in a month i
        # want you to bring those numbers"): it states until a question starts in it
        tail = [m.start() for m in QUESTION_TAIL.finditer(s.text) if len(s.text[: m.start()].split()) >= 6]
        if s.text.rstrip().endswith("?"):
            return tail[0] if tail and s.text[: tail[0]].rstrip().endswith(",") else 0
        if len(s.text.split()) < 12:
            return 0
        return tail[-1] if tail else len(s.text)

    def _plan_sentence(self, k: int, s: Sentence, end: int, problem: str | None, typed_only: bool) -> None:
        """`typed_only`: a mis-tagged turn, or advice said in the history ("a pill box might help"): its
        typed orders only, no free-worded line and no drug kept."""
        # a spoken plan runs several orders together: each clause with a plan cue is one item
        cued = self._listing  # "I want to go ahead | and get an ultrasound": the cue carries to the next clauses
        softened = False
        spans = register.clauses(s.text[:end])
        for i, (c0, c1) in enumerate(spans):
            raw = s.text[c0:c1]
            clause = self._with_continuation(k, raw, c1)  # for the typed items; the free-worded line keeps `raw`
            cue = bool(self._PLAN.search(clause))
            cued = cued or cue or bool(ORDER_CUE.search(clause))
            evidence = [self.builder.evidence(s.seg_index, s.start + c0, s.start + c1)]
            before = (self._if_asked(k) if c0 == 0 else "") or s.text[:c0]
            orders = find_orders(clause, self.lang, before, after_clause=s.text[c1:])
            soft = (k >= self.ap_start or self._lead_in) and bool(SOFT_CUE.search(clause))
            soft = soft or bool(HELPS.search(clause))
            soft = soft or softened and bool(_ONLY_ADDS.match(raw))  # "limit your salt | and alcohol"
            softened = soft
            orders = [o for o in orders if cued or soft or k >= self.ap_start and DOING.search(clause[: o.start])]
            orders = [o for o in orders if not (self._in_exam and o.type == "advice")]  # "let me check your pressure"
            if _NOT_YOUR_CASE.match(self.next_in_turn(k)):
                orders = []  # "when it's near the eye, we send you to the eye doctor. you have none of that."
            if cue and not orders and ANAPHOR.search(clause) and not DICTATION.search(s.text):
                orders = self._orders_before(
                    k, s.text[:c0], clause
                )  # "you're due for a mammogram, so we'll schedule that"
                if re.search(r"\b(?:repeat|again|another|refaire)\b", clause, re.I):
                    orders = [
                        replace(o, label=f"repeat {o.label}" if self.lang == "en" else f"{o.label} de contrôle")
                        for o in orders
                        if not o.label.startswith("repeat ")
                    ]
            family = self._asked_for_family(k)
            taken_back = CORRECTED.search(s.text[c1 : c1 + 40])  # "in a couple weeks, or, I'm sorry, months"
            self._ordered_at = k if orders else self._ordered_at
            for o in orders:
                self._add_order(o, clause, evidence, problem, family, bool(taken_back))
            keep_text, keep_end = with_next(s.text, spans, i, clause, self._PLAN)
            kept = kept_drugs(keep_text, self.builder.facts) if cue and (not typed_only or self._in_exam) else []
            kept += self._refills_asked(k) if cue and not typed_only and SEND_REFILLS.search(clause) else []
            if not kept and not typed_only and KEEP_ANAPHOR.search(clause):
                kept = self._drugs_before(k)  # "your metoprolol is working, so let's keep you on that"
            for drug in kept:  # "continue your lisinopril and your lasix": written from the drug's fact
                if f"drug:{drug.label}" not in self._ordered:
                    self._ordered.add(f"drug:{drug.label}")
                    span = [self.builder.evidence(s.seg_index, s.start + c0, s.start + max(c1, keep_end))]
                    self._add("medication", span, f"Continue {drug.label}.", problem, drug=drug.label)
                    self._kept_at = k
            given = prescribed_drugs(keep_text, self.builder.facts) if k >= self.ap_start and not typed_only else []
            for drug in given:  # "we'll treat you with amoxicillin": this visit's order, whatever its status reads
                if f"drug:{drug.label}" not in self._ordered:
                    self._ordered.add(f"drug:{drug.label}")
                    self._add("medication", evidence, f"{drug.label}.", problem, drug=drug.label, prescribed=True)
            kept += given
            said = " ".join([*(t.text for t in self.sents[max(0, k - 2) : k]), s.text[:c0]])  # the drug named before
            titrated = titration_line(clause, said, self.builder.facts, self.lang)
            if titrated and not orders and f"titrate:{titrated[0].label}" not in self._ordered:
                self._ordered.add(f"titrate:{titrated[0].label}")
                self._add("medication", evidence, titrated[1], problem, titrated=titrated[0].label)
                continue
            # "we'll see how you do | and check in again in three months": the sentence's cue carries to the visit
            follow = follow_up_line(clause, self.lang, s.text[:c0]) if cue or cued else None
            if follow and _INTERVAL_IN_CONDITION.search(clause) and not re.search(r"\b(?:if|si)\b", follow):
                follow = None  # the condition's time, and the line would not say the condition
            if follow and (orders or kept) and _A_VISIT.search(clause):  # "come back in two weeks to get a follow-up
                # x-ray", not the order's own time ("dans six à huit semaines, on refera une radio de contrôle")
                self._add_follow_up(follow, clause, evidence, problem)
            if orders or kept or not (cue or follow):
                continue
            if follow and not self._mentions_med(s, clause) and not DICTATION.search(s.text):
                self._add_follow_up(follow, clause, evidence, problem)  # written from its interval: typed too
                continue
            if (
                typed_only
                or not cue
                or CONDITIONAL.search(s.text[max(0, c0 - 80) : c0])
                or _OPENS_ON_IF.match(s.text[:c0])  # "if the potassium is above 5.5, or …, we'll go back to fifty"
                or WARNING_SIGNS.search(s.text[:c0])
            ):
                continue  # its own clause's cue, and no condition just before it ("then, if you're still well, …";
                # "warning signs: severe belly pain …, you stop the injection and go to the emergency room")
            prose = register.plan_item(clinician_to_note(clean(raw), self.sex) if self.lang == "en" else clean(raw))
            kept_on = bool(_KEEP_ON.match(prose or ""))  # "Keep on their metoprolol for now." → "Continue …"
            prose = _KEEP_ON.sub("Continue ", prose or "")
            if (
                not prose
                or len(prose.split()) < 2
                or re.match(r"^(?:if|si)\b", prose, re.I)  # a condition alone ("If his symptoms continue.")
                or re.search(
                    r"\btalk (?:a little bit |a bit )?about (?:my|the|your) (?:assessment|plan)|\bshow me\b",
                    prose,
                    re.I,
                )
            ):
                continue
            kind = (
                "medication"
                if self._mentions_med(s, raw) or kept_on
                else next((name for name, rx in self._PLAN_KIND if rx.search(raw)), "advice")
            )
            if kind == "advice" and starts_put_off(self, k, c0, c1):
                continue  # a drug whose start is put off to later: no line of its own
            if kind == "advice" and not is_plan_advice(numbers_to_digits(prose)) or DICTATION.search(s.text):
                continue  # conversation, or a command to the dictation system ("hey dragon, order the labs")
            if _PRONOUN_ORDER.match(prose) and not self._mentions_med(s, raw):
                continue  # "Keep taking it if the ultrasound shows a clot": the line does not say what "it" is
            if kind in ("advice", "medication") and GENERIC_MED.search(prose) and self._mentions_med(s):
                continue  # "prescribe one medicine", "take that once a day": the drug's own line says it
            self._add(kind, evidence, numbers_to_digits(prose), problem, **plan_attributes(kind, prose, self.lang))

    def _add(self, kind: str, evidence: list, value: str, problem: str | None, **attributes) -> None:
        self.builder.add("plan", kind, evidence, value=value, merge=False, problem=problem, **attributes)
        self._plan_count += 1

    def _add_follow_up(self, line: str, clause: str, evidence: list, problem: str | None) -> None:
        """One follow-up line per interval ("see you back in four weeks", said twice, is one visit)."""
        when = interval_text(clause, self.lang)
        if f"follow-up:{when}" in self._ordered:
            return
        self._ordered.add(f"follow-up:{when}")
        self._add("follow-up", evidence, line, problem, interval=when)

    def _plan_talk(self, text: str) -> bool:
        """Plan said while the examination or the results are read (a plan dictated after the visit leaves the
        conversation's plan there): an order verb, a visit interval, or a drug the clinician keeps."""
        return bool(
            RESULTS_PLAN.search(text)
            or follow_up_line(text, self.lang)
            or self._PLAN.search(text)
            and kept_drugs(text, self.builder.facts)
        )

    def _keeps_more(self, k: int, problem: str | None) -> bool:
        """ "I want you to continue your toprol 50 mg daily. And as well as your lisinopril 10 mg a day.": a
        sentence of the same turn that only adds drugs to the ones just kept keeps them too."""
        s = self.sents[k]
        if s.seg_index != self.sents[k - 1].seg_index or not _ADDS_TO.match(s.text) or self._PLAN.search(s.text):
            return False
        kept = [
            d for d in kept_drugs(f"continue {s.text}", self.builder.facts) if f"drug:{d.label}" not in self._ordered
        ]
        for drug in kept:
            self._ordered.add(f"drug:{drug.label}")
            span = [self.builder.evidence(s.seg_index, s.start, s.end)]
            self._add("medication", span, f"Continue {drug.label}.", problem, drug=drug.label)
        return bool(kept)

    def _drugs_before(self, k: int) -> list:
        """Current drugs named in the three sentences before k (either speaker), nearest first, without a
        new/changed/stopped fact: what "keep you on that" keeps."""
        for j in range(k - 1, max(-1, k - 4), -1):
            found = kept_drugs(f"continue {self.sents[j].text}", self.builder.facts)
            if found:
                return found
        return []

    def _refills_asked(self, k: int) -> list:
        """The current drugs the patient asked refills of in the turns just before ("I need more cialis")."""
        asked = [
            self.sents[j].text
            for j in range(max(0, k - 8), k)
            if not self.is_clin(j) and ASKS_REFILL.search(self.sents[j].text)
        ]
        return drugs_named(" ".join(asked), self.builder.facts)

    def _asked_for_family(self, k: int) -> bool:
        """Does the patient's turn just before sentence k ask about relatives ("should I be worried about
        them")? Then a test ordered in reply is theirs, not the patient's."""
        for j in range(k - 1, max(-1, k - 4), -1):
            if not self.is_clin(j):
                return bool(ASKS_FOR_FAMILY.search(self.sents[j].text))
        return False

    def _add_order(
        self, o, clause: str, evidence: list, problem: str | None, family: bool = False, taken_back: bool = False
    ) -> None:
        key = o.label.removeprefix("repeat ").removesuffix(" de contrôle")
        same = [k for k in self._ordered if k.startswith(f"{key} ") or k.endswith(f" {key}")]
        if key in self._ordered or o.type in _TESTS and same and key == o.label:
            return  # "une IRM du genou", then "je vous revois avec l'IRM"; "a steroid injection", "the injection"
        self._ordered.add(key)
        if family and o.type in _TESTS:
            o = replace(
                o,
                label=f"{o.label} (dépistage de l'entourage)"
                if self.lang == "fr"
                else f"{o.label} (screening for family members)",
            )
        kind = {"referral": "referral", "advice": "advice"}.get(o.type, "test")
        attrs = {a: v for a, v in plan_attributes(kind, clause, self.lang).items() if a != "type"}
        if taken_back:
            attrs.pop("interval", None)
        value = order_sentence(o, self.lang)
        if kind == "test" and attrs.get("interval") and not o.condition and o.label.startswith("repeat "):
            # "Repeat X-ray in 2 weeks."
            value = f"{value.removesuffix(' ordered.')}{when_phrase(attrs['interval'], 'en')}."
        self._add(
            kind,
            evidence,
            value,
            problem,
            type=o.type,
            order=o.label,
            **({"condition": o.condition} if o.condition else {}),
            **attrs,
        )

    def _with_continuation(self, k: int, clause: str, c1: int) -> str:
        """A clause cut off at the sentence's end ("I'll be in touch with you in ..." "in a day or so.")
        read with the next sentence of the same turn."""
        s = self.sents[k]
        if c1 < len(s.text.rstrip(" .…-")) or k + 1 >= len(self.sents):
            return clause
        nxt = self.sents[k + 1]
        if (
            nxt.seg_index == s.seg_index
            and len(nxt.text.split()) <= 6
            and re.match(r"^\W*(?:in|within|dans)\b(?! the meantime)", nxt.text)
        ):
            return f"{clause.rstrip(' .…-')} {nxt.text}"  # "I'll be in touch with you in ..." "in a day or so."
        nxt = self.sents[k + 1]
        if nxt.seg_index == s.seg_index and (
            re.match(r"^\W*(?:in|within|dans)\b(?! the meantime)", nxt.text, re.I)
            or re.search(r"(?:\.\.\.|…|-)\s*$", s.text)
        ):
            spans = register.clauses(nxt.text)
            return f"{clause.rstrip(' .…-')} {nxt.text[: spans[0][1]] if spans else nxt.text}"
        return clause

    def _if_asked(self, k: int) -> str:
        """The patient's "and if the psa is high?" answered by "then i send you to urology": the condition the
        order answers, without its question mark (empty when the sentence answers no such question)."""
        j = k - 1
        if j < 0 or self.is_clin(j) or not _THEN_LEAD.match(self.sents[k].text):
            return ""
        asked = self.sents[j].text
        return asked.rstrip(" ?") + " ," if "?" in asked and _IF.search(asked) else ""

    def _orders_before(self, k: int, before: str, clause: str) -> list:
        """Orders named earlier in the sentence, else in the two sentences before it in the same turn, for a
        clause that refers back to them; only ones ordered outright (no condition)."""
        texts = [before] + [
            self.sents[j].text
            for j in (k - 1, k - 2)
            if j >= 0 and self.sents[j].seg_index == self.sents[k].seg_index and self.is_clin(j)
        ]
        for text in texts:
            types = (*_TESTS, "referral") if re.search(r"\brefer", before + " " + clause, re.I) else _TESTS
            found = [o for o in find_orders(text, self.lang, referent=True) if not o.condition and o.type in types]
            if found:
                return found
        return self._proposed_by_patient(k, before, clause)

    def _proposed_by_patient(self, k: int, before: str, clause: str) -> list:
        """The order the patient proposed in the turn just before, taken up by "that" (see proposed_orders)."""
        turn = [j for j in range(k - 1, max(-1, k - 6), -1) if self.sents[j].seg_index != self.sents[k].seg_index]
        if not turn or self.is_clin(turn[0]):
            return []
        seg = self.sents[turn[0]].seg_index
        said = " ".join(self.sents[j].text for j in sorted(turn) if self.sents[j].seg_index == seg)
        return proposed_orders(said, before, clause, self.lang)

    def _mentions_med(self, s: Sentence, clause: str | None = None) -> bool:
        seg_id = self.tr.segments[s.seg_index].id
        text = s.text if clause is None else clause
        for f in self.builder.facts:
            if f.kind == "medication" and f.status in ("new", "changed", "stopped", "current"):
                for ev in f.evidence:
                    if ev.segment_id == seg_id and ev.quote and (ev.quote in text or text in ev.quote):
                        return True
        return False
