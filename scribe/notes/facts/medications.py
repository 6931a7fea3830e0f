"""Medication facts, read by scribe.notes.medication: a drug named with medication context, its dose,
frequency, status and prescriber."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.consultation import context_of
from scribe.notes.facts.medication_fold import one_fact_per_drug
from scribe.notes.facts.medication_lookup import MedicationLookups
from scribe.notes.facts.medication_misremembered import doses_corrected
from scribe.notes.facts.medication_not_taken import among_options, drop_not_taken
from scribe.notes.facts.medication_regimen_later import dose_asked_after, regimen_asked_of, regimen_said_later
from scribe.notes.facts.medication_standby import standby_prescriptions
from scribe.notes.facts.medication_stops import drop_put_off, stops_said, told_stopped
from scribe.notes.facts.medication_taper import taper_steps
from scribe.notes.facts.relative_names import restated_as_theirs, spouse_told
from scribe.notes.medication.numbers import STRENGTH_TABLETS, tablets_per_dose
from scribe.notes.medication.status_cues import (
    HAD_TO_STOP,
    OTHER_THAN,
    STOPPED_IT,
    SUGGESTS,
    WE_STOP_IT,
    WHAT_TO_TAKE,
)
from scribe.notes.reply_polarity import answer_polarity
from scribe.notes.text import Sentence
from scribe.schemas_docs import Fact


class MedicationFacts(MedicationLookups):
    # a question that takes the drug as given ("is it better since we put you on the protonix?"): current
    _PRESUPPOSED = re.compile(
        r"\b(?:since|because|now that|ever since)\s+(?:we|i|you|he|she)(?:'ve| have| had)?\s+"
        r"(?:put (?:you|him|her) on|started (?:you |him |her )?on|been (?:on|taking))\s+(?:the\s+|your\s+)?$",
        re.I,
    )
    _ASKS_IF_TAKEN = re.compile(
        r"\b(?:taking|take|using|on|still)\b[^?]{0,25}\b(?:it|that|them|this|those)\b|"
        r"\b(?:le|la|les) prenez\b",
        re.I,
    )

    _CORRECTS = re.compile(r"^\W*(?:non|no|sorry|pardon)\s*,", re.I)
    _TAKE_BACK = re.compile(
        r"^\W*(?:no,? wait|wait,? no|actually,? no|scratch that|let me correct|non,? (?:attendez|pardon|en fait))\b",
        re.I,
    )

    _FOR_AGE = re.compile(r"\b(?:children'?s|infants?'?s?|kids'?)\s+$", re.I)  # "children's Motrin": no relative

    def _taken_back(self, k: int) -> bool:
        """Whether the clinician withdrew what they had just said, in this sentence or the one before of the turn."""
        return self.is_clin(k) and any(
            self._TAKE_BACK.match(self.sents[i].text)
            for i in (k - 1, k)
            if i >= 0 and self.sents[i].seg_index == self.sents[k].seg_index
        )

    def _answers_what_to_take(self, k: int) -> bool:
        """Is sentence k in the clinician's reply to the patient's "what do I take (for it) then?": the drug
        it names first is this visit's recommendation, not one the patient takes."""
        seg = self.sents[k].seg_index
        prev = [j for j in range(k - 1, -1, -1) if self.sents[j].seg_index != seg]
        turn = [j for j in prev if self.sents[j].seg_index == self.sents[prev[0]].seg_index] if prev else []
        return bool(turn) and not self.is_clin(turn[0]) and any(WHAT_TO_TAKE.search(self.sents[j].text) for j in turn)

    def _stopped_when_asked(self, k: int) -> bool:
        """ "We have you on the Prozac 20 mg a day. Are you taking that?" "I've weaned myself off of it": the
        reply to the turn's question about taking the drug stops it."""
        from scribe.notes import medication as med

        turn = [j for j in range(k + 1, len(self.sents)) if self.sents[j].seg_index == self.sents[k].seg_index]
        if not any(self.sents[j].question and self._ASKS_IF_TAKEN.search(self.sents[j].text) for j in turn):
            return False
        reply = self.answer_to(turn[-1])[:2]
        return bool(reply) and med.stopped_in_answer(" ".join(self.sents[j].text for j in reply))

    def medications(self):
        """Drugs taken, prescribed, changed or stopped, read by scribe.notes.medication: a drug named with
        medication context (a dose, a medication verb or word, the answer to a medication question), with
        the attributes said in its clause or in the next sentences of the turn ("I'll prescribe 14 of
        those"). One fact per drug and status; the evidence covers the name, dose and frequency."""
        try:
            from drug_named_entity_recognition import find_drugs
        except ImportError:  # lexicon missing: no drug facts rather than a crash
            return
        from scribe.notes import medication as med

        prompted: set[int] = set()  # sentences answering the clinician's "what medications do you take?"
        put_off: list = []  # (evidence, drug) the clinician puts off: "montelukast, not for now"
        tried: set[int] = set()  # … and "have you tried anything for it?"
        offered: dict[int, set[str]] = {}  # replies to a question naming drugs: the drugs it names
        found = [med.find_mentions(s.text, find_drugs, lexicon.DRUG_STOP) for s in self.sents]  # once a sentence
        self.drug_mentions = found  # (the plan's free lines read them too)
        friends = med.friend_names([s.text for s in self.sents])  # "my buddy frank": "frank takes metoprolol"
        weighed: set[str] = set()  # drugs the clinician only considered, by name
        guests: set[str] = set()  # a companion's drugs: their "i'll keep my glipizide to myself" later is theirs too
        kins: set[str] = set()  # a relative's drugs: the clinician's "while he was on warfarin" after is theirs too
        for k in range(1, len(found)):  # "… to symbicort. that's budesonide and formoterol": the gloss, not two drugs
            last = found[k - 1][-1:]
            if last and self.sents[k - 1].seg_index == self.sents[k].seg_index:
                found[k] = [m for m in found[k] if not (m.start < 40 and med.component_of(m, last[0]))]
        goes_on = [
            k + 1 < len(self.sents) and self.sents[k + 1].seg_index == s.seg_index for k, s in enumerate(self.sents)
        ]
        med.drop_glossed_classes(found, [s.text for s in self.sents], goes_on)
        for k, s in enumerate(self.sents):
            # a tag question asks too: "we tried something for that before, right?" "the lyrica."
            asking = s.question or s.text.rstrip().endswith("?")
            if self.is_clin(k) and asking and med.is_medication_question(s.text):
                prompted.update(self.answer_to(k)[:4])
                if med.asks_what_was_tried(s.text):
                    tried.update(self.answer_to(k)[:4])
            elif self.is_clin(k) and s.question and found[k]:
                for j in self.answer_to(k)[:1]:  # "anything? advil, aleve, aspirin?" "the naproxen.": another drug
                    offered[j] = {m.surface.lower() for m in found[k]}
            if k + 1 < len(self.sents) and self.sents[k + 1].seg_index == s.seg_index:
                seg_text = self.tr.segments[s.seg_index].text
                if med.continues_with_cue(seg_text[s.start : self.sents[k + 1].start]) or med.were_on_another(s.text):
                    prompted.add(k + 1)  # "continue you on this ... on the synthroid"; "you were on something else."
            if self.is_clin(k) and found[k] and (self._first_dose_next(k) or self._dose_next(k)):
                prompted.add(k)  # "for the flare, colchicine. i'll give you the first dose now, …"; "… : la
                # fosfomycine, le monuril. trois grammes, un sachet dans un verre d'eau"
        # frequencies the patient reported ("how often?" "almost every day"): a regimen the clinician says replaces them
        reported_use: set[str] = set()
        last: tuple[int, Fact, str] | None = None  # the turn's last drug fact: (segment, fact, status)
        recent: tuple[int, Fact] | None = None  # the last drug fact of the conversation: (sentence, fact)
        follow, announced = 0, -9  # announced: the clinician's last "i'm starting a few things" (sentence)
        suggested = None  # the clinician's last "i'd suggest propranolol": (sentence, its mentions, which)
        for k, s in enumerate(self.sents):
            mentions = found[k]
            if not mentions and suggested and (adopted := self._suggestion_adopted(*suggested, k)):
                suggested, recent, last, follow = None, (k, adopted), (s.seg_index, adopted, "new"), 0
                continue
            if self.is_clin(k) and not s.question and med.announces_starts(s.text):
                announced = k
            if not mentions and recent and k - recent[0] <= 4 and self.is_clin(k) and not s.question:
                said = (self.sents[k - 1].text if self.sents[k - 1].seg_index == s.seg_index else "") + " " + s.text
                owner = med.named_by_class(said, self.builder.facts)  # "iron every other day is … so let's change it"
                changed = self._anaphoric_change(
                    owner or med.owner_of_from_dose(s.text, recent[1], self.builder.facts), k
                )
                if changed is not None:
                    recent, last = (k, changed), None
                    continue
            if not mentions:
                # the turn, or the reply to the clinician naming the drug, goes on about it ("dr. reyes put you on …")
                reply = last and s.seg_index == last[0] + 1 and self.is_clin(k - 1 - follow) != self.is_clin(k)
                reply = reply and (not self.is_clin(k) or HAD_TO_STOP.match(s.text))  # "et il a fallu l'arrêter"
                resumed = bool(last) and self._regimen_resumed(last[0], k)  # "…, colchicine. …" "okay." "then, …"
                if resumed:
                    last, follow = (s.seg_index, last[1], last[2]), 0
                if last and (last[0] == s.seg_index or reply) and not s.question:
                    follow += 1
                    if not self.is_clin(k) and last[2] in ("current", "historical") and STOPPED_IT.search(s.text):
                        # "propranolol, 40 mg twice a day. it didn't help, so I stopped it"; the patient's story of
                        # the drug may run on before the stop ("… it was awful. i stopped it after two months")
                        last[1].status = "stopped"
                        last = (last[0], last[1], "stopped")
                    elif self.is_clin(k) and last[2] == "current" and (WE_STOP_IT.match(s.text) or reply):
                        # "the hydrochlorothiazide. it raises uric acid, it makes gout worse. so we're stopping it."
                        last[1].status = "stopped"
                        last = (last[0], last[1], "stopped")
                        if WE_STOP_IT.match(s.text):  # this visit's order, not the patient's past stop
                            last[1].attributes["prescriber"] = "this clinician"
                            last[1].evidence.append(self.builder.ev_sentence(s))
                    if follow > (3 if self._DOSE_FIRST.match(s.text) else 2):
                        continue  # a sentence that is a dose goes on about the drug a little further
                    # the reply only stops it: its numbers may be another drug's ("two now, then twice a day"); a
                    # companion's own regimen is theirs ("i gave him two of my naproxen. i take it … twice a day")
                    mine = reply or self.guest_of_self(k) or self._given_here(k)  # (not the regimen)
                    extra = None if mine else med.follow_up_attributes(s.text, self.lang, last[2])
                    if resumed and extra is None:  # "then starting tomorrow, one tablet, 0.6 milligrams, twice a day"
                        extra = med.read_attributes(s.text, self.lang, status=last[2])
                        extra = extra if extra.unit and extra.frequency else None
                    reported = last[1].id in reported_use or last[1].attributes.get("said_by") == "patient"
                    taken_back = self.is_clin(k) and (self._CORRECTS.match(s.text) or self._TAKE_BACK.match(s.text))
                    if taken_back and extra is None and not reply:  # "one tablet every day ... no wait, let's do
                        extra = med.read_attributes(s.text, self.lang, status=last[2])  # every other day"
                        extra = extra if extra.dose or extra.frequency else None
                    if extra and taken_back:  # "… une fois par jour ... non, au début, deux fois par jour": what is
                        restated = (["dose", "unit"] if extra.dose else []) + (
                            ["frequency", "per_day"] if extra.frequency else []
                        )
                        for x in restated:  # said again replaces what was said first
                            last[1].attributes.pop(x, None)
                    elif extra and reported and self.is_clin(k) and extra.frequency is not None:
                        # "the tylenol at 7.5 ml, that's right for her. every six hours if needed.": the regimen
                        # the clinician states replaces the use the parent reported ("at night")
                        for x in ("frequency", "per_day", "as_needed"):
                            last[1].attributes.pop(x, None)
                        reported_use.discard(last[1].id)
                    if extra:
                        self._med_more(last[1], extra, s)
                continue
            if last and last[0] == s.seg_index and not self.is_clin(k) and last[2] in ("current", "historical"):
                if STOPPED_IT.search(s.text[: mentions[0].start]):  # "… so we stopped it and switched to the
                    last[1].status = "stopped"  # tecfidera": the turn's drug is stopped, the one named next is not
            last, follow = None, 0
            # "allergic to penicillin"; "vous êtes allergique à un médicament ?" "oui, à l'amoxicilline"
            allergy = re.search(r"\ballerg", s.text, re.I) or self._answers_allergy(k)
            if not self.is_clin(k) and s.question and med.patient_asks(s.text):
                continue  # "can I take ibuprofen?": not something the patient takes
            previous = None
            for j, m in enumerate(mentions):
                if allergy and not re.search(r"\b(?:claritin|zyrtec|allegra|benadryl|flonase)\b", m.surface, re.I):
                    continue  # "allergic to penicillin": an allergy, not a medication
                if med.corrected_later(s.text, mentions, j):
                    continue  # "metformin 500 once a day, no actually … metformin 500 twice a day"
                answer, stopped, told = None, False, None  # told: the reply's dose/frequency, when they say it
                presupposed = bool(self._PRESUPPOSED.search(s.text[max(0, m.start - 50) : m.start]))
                if self.is_clin(k) and s.question and not presupposed:
                    ans = self.answer_to(k)
                    if not ans or OTHER_THAN.search(s.text[max(0, m.start - 40) : m.start]):
                        continue  # "have you tried anything other than the zolpidem?": the reply is another drug
                    answer = self.sents[ans[0]]
                    pol = answer_polarity(answer.text)
                    reply = " ".join(self.sents[j].text for j in ans[:3])
                    stopped = med.stopped_in_answer(reply)
                    if stopped:  # "… switched me to that, from the lisinopril. … i stopped it": the stop of the drug
                        name = m.drug.get("name") or m.surface  # named since, not this one
                        others = [
                            x.start
                            for x in med.find_mentions(reply, find_drugs, lexicon.DRUG_STOP)
                            if (x.drug.get("name") or x.surface) != name
                        ]
                        stopped = med.stopped_in_answer(reply[: min(others, default=len(reply))])
                    if (
                        pol == "no"
                        and not stopped
                        and re.search(r"\b(?:still|anymore|encore|toujours)\b", s.text, re.I)
                    ):
                        stopped = True  # "are you still taking it?" "no"
                    if not pol and not stopped:
                        told = med.answer_attributes(answer.text, self.lang)
                        pol = "yes" if told else pol  # "and the allopurinol?" "300 mg a day"
                    if pol != "yes" and not (pol in ("no", "", None) and stopped):
                        continue  # "and the folic acid?" "I took it three months, then I stopped": stopped
                mods = context_of(s.text, [(m.start, m.end)], self.lang)[0]
                family = mods.family and not self._FOR_AGE.search(s.text[max(0, m.start - 12) : m.start])
                if family or mods.hypothetical and med.hypothetical_in_clause(s.text, mentions, j):
                    continue
                if med.not_the_patients_drug(s.text, m.start, friends) or "vaccine" in m.drug.get("name", "").lower():
                    continue  # a vaccine is an order of the plan (lexicon.orders), not a drug taken
                theirs = (self.is_pat(k) and not s.question or self.is_clin(k)) and self.relative_before(k)
                theirs = (  # "your atorvastatin and your gout are for your own doctor"
                    theirs or self.to_companion(k) or spouse_told(self.sents, k, m.start, self.is_clin)
                ) or restated_as_theirs(self.sents, k, m.surface, self.is_clin)
                # "my mum has parkinson's. she's on sinemet"; "a guy at work … he gave me two of his pills. allo …
                # allopurinol"; the wife's own "i'm on valsartan for mine"
                name = (m.drug.get("name") or m.surface).lower()
                guest = self.is_pat(k) and self.guest_of_self(k, m.start)
                if guest:
                    guests.add(name)
                mine = self.is_pat(k) and name in guests and re.search(r"\b(?:my|mon|ma)\s*$", s.text[: m.start])
                # "one brother, george. … and he takes finasteride"; "the brown one is the qvar she takes"
                kin = self.relative_takes(k, m.start, name in kins, m.end)
                if kin or theirs:
                    kins.add(name)
                if theirs or guest or mine or kin or self.is_pat(k) and self.friends(k, m.start):
                    continue
                if self.is_clin(k) and SUGGESTS.search(s.text[max(0, m.start - 30) : m.start]):
                    suggested = (k, mentions, j)
                considered = self.is_clin(k) and med.considered_only(s.text, m.start, m.end)  # once, the clinician's
                if considered or self._not_started(k, s.text[m.end :]):  # "… the mirena. we're not starting it now"
                    if med.weighed(s.text, m.start) or not considered:
                        weighed.add(name)  # an option named (not what a drug does: "le forxiga fait baisser le dfg")
                    if med.put_off(s.text, m.end, m.start):
                        ev = self.builder.evidence(s.seg_index, s.start + m.start, s.start + m.end)
                        put_off.append((ev, (m.drug.get("name") or m.surface).lower()))
                    continue  # "a medication i considered, azithromycin"; "no azithromycin for now"
                if self.is_clin(k) and among_options(self.sents, k, m.end) or med.put_off(s.text, m.end):
                    continue  # (the patient's recap puts off too: "… and allopurinol later")
                negated = (
                    mods.negated
                    and answer is None
                    and bool(
                        re.search(  # "no-of-n" (a garbled "I'm going to") is no negation
                            rf"(?:\b(?:no|not|never|without|denies|pas|jamais|sans{'|plus' * (self.lang == 'fr')})|n't)"
                            r"\b(?!-)(?:(?!\bwith\b|\bavec\b)[^,.;]){0,30}$",  # not "don't use them with the X"
                            s.text[max(0, m.start - 40) : m.start],
                            re.I,
                        )
                    )
                )  # not a negation of another clause
                asked = answer is not None and (told is not None or med.is_inquiry(s.text))
                said_before = self.sents[k - 1].text if k > 0 and self.sents[k - 1].seg_index == s.seg_index else ""
                known = self._known(m.drug.get("name") or m.surface)
                recommended = (  # named first in the reply: "Tylenol. You can take 1000 mg …", not what follows
                    self.is_clin(k) and not s.question and s.start + m.start < 80 and self._answers_what_to_take(k)
                )
                parsed = med.parse_mention(
                    s.text,
                    mentions,
                    j,
                    self.lang,
                    clinician=self.is_clin(k),
                    prompted=k in prompted
                    or answer is not None
                    or recommended
                    or m.surface.lower() not in offered.get(k, {m.surface.lower()}),
                    negated=negated,
                    asked=asked,
                    previous=previous,
                    before=said_before,
                    known=known is not None,
                    seen=self._seen(m.drug.get("name") or m.surface),
                )
                if parsed is None:
                    previous = None if getattr(previous, "status", "") == "stopped" else previous  # "x stopped, y, z"
                    if known is not None and not self.is_clin(k) and len(mentions) == 1 and len(s.text.split()) <= 4:
                        last = (s.seg_index, known, known.status)  # "the bactrim." "… so i stopped it": the turn
                        continue  # goes on about the drug the clinician named
                    # "for the meclizine, it doesn't help, so let's cut it down": no cue at the name, but the
                    # clinician changes a drug the visit already has
                    if known is not None and self.is_clin(k) and not s.question and len(mentions) == 1:
                        changed = self._anaphoric_change(known, k, after=m.end)
                        if changed is not None:
                            last, recent = (s.seg_index, changed, "changed"), (k, changed)
                        else:  # "but the apixaban: …. we can use the lower dose, 2.5 mg": the next sentence's
                            recent = (k, known)
                        if changed is None and med.announced_item(s.text, mentions, j):  # "third, the lisinopril.
                            last, follow = (s.seg_index, known, known.status), 0  # … five milligrams every morning."
                    continue
                if previous is not None and parsed.label == previous.label and parsed.status == "current":
                    parsed.status = previous.status  # "give her ibuprofen, children's motrin, 150 mg": one drug
                elif parsed.status == "current" and med.named_as_started(s.text[: m.start], said_before):
                    parsed.status = "new"  # "you're going to start with a long-acting insulin. it's called …"
                if answer is not None and not asked and parsed.status in ("new", "changed"):
                    stopped = False  # a statement with a "?" ("I'll prescribe X, okay?" "yes"): its own status
                previous = parsed
                if answer is None and parsed.status == "current" and self.is_clin(k):
                    stopped = self._stopped_when_asked(k)
                status = "stopped" if stopped else parsed.status
                bare = not parsed.attributes().get("dose")  # (a dose said is a drug given: "one cc of celestone")
                others = weighed | kins | guests  # weighed before ("the one i'd think of is topiramate"), a relative's
                if status == "current" and bare and self.is_clin(k) and known is None and name in others:
                    continue  # "topiramate has side effects"; "especially not the brown one, the qvar, her preventer"
                if status == "current" and recommended:
                    status = "new"  # "what do I take for my knees then?" "Tylenol, 1000 mg up to three times a day"
                attrs = parsed.attributes()
                # "i'm starting a few things." "aspirin, 81 milligrams, once a day."; in the plan, a drug never named
                if status == "current" and self.is_clin(k) and med.announced_item(s.text, mentions, j):
                    fresh = k >= self.ap_start and "dose" in attrs and not self._named_before(m.surface, k)
                    status = parsed.status = "new" if k - announced <= 6 or fresh else status  # "…, and doxycycline"
                if (
                    status == "current"
                    and k in prompted
                    and self._first_dose_next(k)
                    and not self._named_before(m.surface, k)
                ):
                    status = parsed.status = "new"  # a drug never named before, its first dose given now
                if status == "current" and self.is_clin(k) and self._restates_change(parsed.label, attrs.get("dose")):
                    status = "changed"  # the recap names the new dose: "on récapitule : furosémide quatre-vingts"
                if presupposed and status == "new":
                    status = "current"  # "since we put you on X": put on before this visit
                if (
                    status == "stopped"
                    and self.is_clin(k)
                    and told_stopped(self, parsed.label, s.text[m.end :], s.text[: m.start])
                ):
                    status = "historical"  # "okay, propranolol, stopped for fatigue": the patient's account, echoed
                    attrs.pop("prescriber", None)
                echo = self.is_clin(k) and med.ECHO.match(s.text) and self._had(parsed.label, k)
                if status == "current" and (k in tried or echo) and not med.has_current_cue(s.text[: m.start]):
                    status = "historical"
                ev = [self.builder.evidence(s.seg_index, s.start + parsed.start, s.start + parsed.end)]
                if asked:
                    ev.append(self.builder.ev_sentence(answer))
                    if med.other_prescriber(answer.text):
                        attrs["prescriber"] = "other"
                if attrs.get("dose") and self._taken_back(k):  # "X 80 mg once a day. no wait, let's start lower.
                    for said in self.builder.facts:  # X 20 mg twice a day": the dose said first is withdrawn
                        if said.kind == "medication" and said.label == parsed.label and said.status == status:
                            for x in ("dose", "unit", "frequency", "per_day"):
                                said.attributes.pop(x, None)
                f = self.builder.add(
                    "medication",
                    parsed.label,
                    ev,
                    status=status,
                    **attrs,
                    surface=m.surface,
                    drugbank_id=m.drug.get("drugbank_id"),
                    mesh_id=m.drug.get("mesh_id"),
                    said_by=self.role[k],
                )
                if asked:
                    more = told or med.answer_attributes(answer.text, self.lang)
                    if more:
                        had = f.attributes.get("frequency")
                        self._med_more(f, more, answer, add_evidence=False)
                        if not had and f.attributes.get("frequency"):
                            reported_use.add(f.id)
                elif f.id in reported_use and self.is_clin(k) and not s.question and attrs.get("frequency"):
                    f.attributes.update({x: attrs[x] for x in ("frequency", "per_day", "as_needed") if x in attrs})
                    reported_use.discard(f.id)
                last, recent = (s.seg_index, f, status), (k, f)
                if status == "current" and len(mentions) == 1 and self.is_clin(k) and not s.question:
                    # "keep the amlodipine but cut it down to five milligrams": changed in the same breath
                    changed = self._anaphoric_change(f, k, after=parsed.end)
                    if changed is not None:
                        last, recent = (s.seg_index, changed, "changed"), (k, changed)
        one_fact_per_drug(self)  # "I take X" … "stop X": one stopped drug (medication_fold)
        drop_put_off(self, put_off)
        stops_said(self)  # "stop all the anti-inflammatories", "stop the potassium pill", "… stop it"
        taper_steps(self)
        standby_prescriptions(self)  # "… to keep at home, but only if he has an attack that doesn't settle"
        dose_asked_after(self, found)
        regimen_said_later(self, found)
        regimen_asked_of(self, found)
        doses_corrected(self, found)  # "ten milligrams" "let me check … no, it's five milligrams"
        drop_not_taken(self, friends, found)  # "my wife takes spironolactone" … "spironolactone is one of the …"

    _DOSE_FIRST = re.compile(
        r"^\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|un|une|deux|trois|"
        r"quatre|cinq)\b[\w\s-]{0,30}?\b(?:milligram|microgram|gram|unit|mg|mcg|puffs?\b|bouffées?)",
        re.I,
    )

    def _anaphoric_change(self, drug: Fact, k: int, after: int = 0) -> Fact | None:
        """ "You're on metformin 500 twice a day?" "Yes." "Let's increase that to 1000 milligrams.": the
        clinician changes the drug named just before without naming it again; a changed fact of that drug
        with the new dose or frequency, cited with the words that name the drug and those that change it.
        `after`: where the sentence's words past the drug's own mention start (a change in the same sentence)."""
        from scribe.notes import medication as med

        if drug.status not in ("current", "new", "changed"):
            return None
        s = self.sents[k]
        nxt = self.sents[k + 1] if k + 1 < len(self.sents) else None
        following = (nxt.text, nxt.start - s.start - after) if nxt and nxt.seg_index == s.seg_index else None
        judged = k > 0 and self.is_clin(k - 1) and bool(med.DOSE_JUDGED.search(self.sents[k - 1].text))
        found = med.anaphoric_change(s.text[after:], self.lang, drug.attributes, following, judged)
        if found is None:
            return None
        extra, verb = found
        spans = [(a + after, b + after) for a, b in extra.spans()] + [(verb + after, verb + after)]
        ev = self.builder.evidence(s.seg_index, s.start + min(x for x, _ in spans), s.start + max(y for _, y in spans))
        keep = {k: v for k, v in drug.attributes.items() if k in ("ingredient", "brand", "surface", "drugbank_id")}
        return self.builder.add(
            "medication",
            drug.label,
            [drug.evidence[0], ev] if drug.evidence else [ev],
            status="new" if drug.status == "new" else "changed",  # "start with five …, then go up to ten": new
            **keep,
            **extra.as_dict(),
            prescriber="this clinician",
            mesh_id=drug.attributes.get("mesh_id"),
            said_by="clinician",
        )

    def _med_more(self, f: Fact, extra, s: Sentence, add_evidence: bool = True) -> None:
        """Attributes of a drug said in a later sentence (or the answer to a question about it): those
        the fact lacks, with the words that say them as evidence."""
        said = extra.as_dict()
        a = f.attributes
        spans = extra.spans()
        if (
            a.get("dose")
            and not a.get("unit")
            and extra.dose is not None
            and extra.dose.start == 0
            and float(extra.dose.value).is_integer()
            and extra.dose.value < 10
            and float(a["dose"]).is_integer()
            and f.evidence
            and f.evidence[0].segment_id == self.tr.segments[s.seg_index].id
        ):
            # "aldactone twelve . five milligrams": a decimal cut by the sentence split; one quote over both
            a["dose"] = f"{a['dose']}.{int(extra.dose.value)}"
            a["unit"] = said.get("unit")
            seg_text = self.tr.segments[s.seg_index].text
            q0 = seg_text.find(f.evidence[0].quote)
            if q0 >= 0:
                f.evidence[0] = self.builder.evidence(s.seg_index, q0, s.start + extra.dose.end)
            said.pop("dose", None), said.pop("unit", None)
        count = tablets_per_dose(s.text, self.lang) if extra.dose is None else None
        if count and a.get("dose") and a.get("unit") in ("mg", "g", "mcg") and f.evidence:
            seg_text = self.tr.segments[s.seg_index].text
            if STRENGTH_TABLETS.search(seg_text[: seg_text.find(s.text)] if s.text in seg_text else ""):
                # "the 500 milligram tablets. you can take two every eight hours": a dose of two tablets
                a["dose"] = f"{float(a['dose']) * count:g}"
                f.evidence.append(self.builder.ev_sentence(s))
        taken = {k: v for k, v in said.items() if a.get(k) in (None, "") and k not in ("dose", "unit")}
        if extra.dose is not None and extra.unit and not a.get("dose"):
            taken.update(dose=said["dose"], unit=said["unit"])
        if not taken:
            return
        a.update(taken)
        ev = self.builder.evidence(s.seg_index, s.start + min(x for x, _ in spans), s.start + max(y for _, y in spans))
        if (
            (add_evidence or not any(e.segment_id == ev.segment_id for e in f.evidence))
            and len(f.evidence) < 4
            and all(ev.quote != e.quote or ev.segment_id != e.segment_id for e in f.evidence)
        ):
            f.evidence.append(ev)
