"""Answers to the questions of a kind the typed facts know: a drug's dose, frequency, start or whether it
is still taken (an exchange on the drug outranks the fact's attribute: "how frequently do you take the
tylenol?" "maybe once a month"; "I've weaned myself off of it" is a no), what the patient takes for a
condition, and family history naming the relative (a relative named in the reply outweighs its "not that I
can think of", and "no colon cancer" does not answer a question about something else).
"""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.answers import CONCEPT_RX, INTENTS, Query, accent_free, content_words, word_pattern
from scribe.notes.answers_doses import (
    MAX_Q,
    dose_answer,
    dose_in_time,
    dose_taken_before,
    dose_text,
    drug_facts,
    most_per_day,
    same_drug,
)
from scribe.notes.answers_drug_details import TAKER, detail_asked, detail_said
from scribe.notes.answers_search import Searcher, same_finding
from scribe.notes.answers_units import FOLLOW_UP
from scribe.notes.answers_values import normalise_value
from scribe.notes.answers_whose import AGE_ASKED, FAMILY, RELATIVES, WHICH_RELATIVE, relative_asked
from scribe.notes.facts.reader import NEGATION_NEAR
from scribe.notes.medication.names import find_mentions
from scribe.notes.reply_polarity import answer_polarity
from scribe.schemas_docs import Answered, Fact

# "what do you take for your eczema?", "prend-elle quelque chose pour la douleur ?"
TREATMENT = re.compile(
    r"\b(?:take|takes|taking|taken|took|use|uses|using|used|prend\w*|pris|utilis\w*|traitement|medications?|"
    r"médicaments?)\b.*\b(?:for|pour|contre)\b",
    re.I,
)
# "vous avez pris des antalgiques ?": a question on what relieves pain names the pain without its word
_PAIN_RELIEF = re.compile(
    r"\b(?:antalgiques?|analg[ée]si\w+|painkillers?|pain (?:medications?|medicines?|relievers?|killers?|pills?)|"
    r"anti-?douleurs?)\b",
    re.I,
)
# a drug said to have helped is a drug taken for the pain: "avec le Doliprane, ça avait été un petit peu mieux"
_RELIEVED = re.compile(r"\b(?:help(?:ed|s)?|reliev\w*|relief|better|eased?|mieux|soulag\w*|calm[ée]\w*)\b", re.I)
# "what over-the-counter medicines has he tried?", "qu'a-t-il essayé ?": the things tried, not a yes
TRIED_Q = re.compile(
    r"^\W*(?:what|which|qu'|que\b|quel\w*|quoi)\b.*\b(?:tried|try|essay\w*)\b|"
    r"^\W*(?:what|which|quel\w*)\b.*\b(?:over[- ]the[- ]counter|otc|en vente libre|sans ordonnance)\b",
    re.I,
)
# "what has he taken?", "what did she take for it?", "qu'a-t-elle pris ?": what was taken for the complaint, from a
# reply to a question on what was taken for it ("have you taken anything for it?", "vous avez pris quoi ?"), not to one
# on the regular medications
TAKEN_Q = re.compile(
    r"^\W*(?:what|qu')\b[^?]*?\b(?:taken|took|take|used|pris)\b(?:\s+(?:for|pour)\s+(?:it|this|that|ça|cela))?\W*$|"
    r"\b(?:il|elle|vous) a(?:vez)? pris quoi\b",
    re.I,
)
TAKEN_FOR_IT_ASKED = re.compile(
    r"\b(?:taken|take|took|used|tried|pris|prenez|essayé)\s+(?:anything|something|quelque chose|quoi)\b|"
    r"\b(?:taken|take|took|used|tried|pris|essayé)\b[^?]{0,30}\b"
    r"(?:for (?:it|this|that|the pain)|pour (?:ça|la douleur))\b",
    re.I,
)
_TRIED_ASKED = re.compile(
    r"\b(?:tried|try|taken|take|taking|used|use|using|done|essay\w*|pris|prenez|utilis\w*)\b", re.I
)
_TRIED_SAID = re.compile(r"\b(?:i(?:'ve| have)? tried|i took|j'ai essayé|j'ai pris)\b", re.I)
# a question on the drugs taken for the long run ("any regular medications?", "un traitement de fond ?"): a drug
# taken as needed for today's complaint does not answer it
REGULAR_Q = re.compile(
    r"\b(?:regular|chronic|long[- ]term|usual|maintenance|daily|chroniques?|habituel\w*|quotidien\w*|au long cours|"
    r"de fond|au quotidien)\b",
    re.I,
)
_AS_NEEDED = re.compile(
    r"\b(?:as needed|when needed|prn|as necessary|when (?:i|it|the pain)\b|for (?:the|my|this|that|it) (?:pain|injury)|"
    r"au besoin|si besoin|quand j'ai mal|pour (?:la|cette) douleur|contre la douleur)\b",
    re.I,
)
STOPPED = re.compile(
    r"\b(?:stopped|quit|weaned|weened|ran out|no longer|not taking|n't been taking|n't taking|off (?:of )?(?:it|them)|"
    r"arrêtée?|ne (?:le |la |les )?prends plus|plus pris)\b",
    re.I,
)


# the words of any family-history question ("does anything run in your family?"): they name no condition
_FAMILY_FRAME = re.compile(
    rf"{FAMILY.pattern}|{RELATIVES.pattern}|\b(?:run|runs|history|histoire|antécédents?|familiaux|familiale?s?|"
    r"side|côté|"
    # "what disease does his brother have?", "quelle maladie a son frère ?": any of the relative's
    r"diseases?|illness\w*|conditions?|problems?|maladies?|problèmes?|pathologies?|what|which|quelle?s?)\b",
    re.I,
)


# the concepts that are classes of drugs: a drug of the class taken answers "is he on …?"
DRUG_CLASSES = ("anticoagulant", "insulin", "steroid", "inhaler", "antidepressant", "statin")


_CLASS_WORD = re.compile(
    r"anti-?depress\w*|antid[ée]presseurs?|statins?|statines?|anti-?coagula\w*|insulin\w*|steroids?|st[ée]ro[iï]des?|"
    r"cortico\w*|inhalers?|inhalateurs?",
    re.I,
)
_YOUR_RELATIVE = re.compile(r"\b(?:your|votre|vos|ton|ta|tes)\s+(" + RELATIVES.pattern + ")", re.I)
_CARDIAC = re.compile(r"heart|cardi|coronary|myocardial|atrial|angina|arrhythm|valv", re.I)


def _site(f: Fact) -> str | None:
    term = f.attributes.get("term")
    return lexicon.disease_site(term) if term else None


def _of_relative(f: Fact, asked: str) -> bool:
    """A family fact about the relative asked, or the family's "no" that names none (a no of each)."""
    relative = f.attributes.get("relative")
    if relative is None:
        return f.status == "absent"
    # "maternal grandmother", "tante paternelle" are the grandmother, the aunt asked
    return re.match(rf"(?:(?:maternal|paternal) )?(?:{asked})\b", relative, re.I) is not None


_HOW_MANY = re.compile(r"^\W*(?:how (?:many|much)|combien)\b(?![^?]*\b(?:times?|fois|days?|jours?|often)\b)", re.I)
# "… we've been giving you the gabapentin for that", "you're taking the effexor for your depression": taken now
_TAKES_IT = re.compile(
    r"\b(?:been (?:giving|taking|using|on)|you(?:'re| are) (?:taking|on|using)|you take|vous prenez|vous êtes sous)\b",
    re.I,
)
_FOR_IT = re.compile(
    r"\b(?:for (?:that|it|this|them|your|his|her)|pour (?:ça|cela|celle-ci|celui-ci|votre|sa|son|ses))\b", re.I
)
_WHICH_DRUG = re.compile(r"^\W*(?:which|what|quel(?:le)?s?)\b", re.I)


def unanswered(topic: str | None) -> Answered:
    return Answered(answered=False, confidence=0.85, topic=topic)


def said_as(names: list[str], facts: list[Fact]) -> list[str]:
    """The words the visit used for the drug, whatever its status: "ibuprofène" in a French visit is the ibuprofen of
    an English question, where an accent alone does not tell them apart."""
    names = [n.lower() for n in names]
    return [
        str(f.attributes["surface"])
        for f in facts
        if f.kind == "medication"
        and f.attributes.get("surface")
        and same_drug({f.label.lower(), str(f.attributes.get("ingredient", "")).lower()}, names)
    ]


class KindAnswers(Searcher):
    """Drugs, treatments and family history."""

    def treatment(self, query: Query, labels: set[str], anchors: list[re.Pattern] = ()) -> Answered:
        """What the patient takes for a condition: a drug named where the condition is (its lexicon label, or
        the question's own words for one the lexicon lacks), or in the next two exchanges ("are you taking
        anything for that?" "digoxin")."""
        units, nothing = self.units(), None
        for i, (asking, answering, text, _wider) in enumerate(units):
            found = {c.label for kind in ("condition", "symptom") for _s, _e, c in lexicon.find_concepts(kind, text)}
            named = same_finding(found, labels) or bool(anchors) and all(rx.search(text) for rx in anchors)
            relieved = bool(_PAIN_RELIEF.search(text) or _RELIEVED.search(text) and find_mentions(text))
            named = named or any(x.endswith("pain") for x in labels) and relieved
            if not named or RELATIVES.search(text):
                continue
            if nothing is None and asking and TREATMENT.search(self.asked_text(asking)):
                if answer_polarity(self._reply(answering)) == "no":  # "have you taken anything for the pain?" "no"
                    nothing = asking + answering
            for j, (asking, answering, later, _w) in enumerate(units[i : i + 3]):
                drugs = [m for m in find_mentions(later) if m.surface.lower() not in lexicon.DRUG_STOP]
                # the clinician's own "the back pain, we've been giving you the gabapentin for that" says it too
                for_it = j == 0 and _FOR_IT.search(later) and _TAKES_IT.search(later)
                if drugs and (asking or for_it or any(self.reader.is_pat(k) for k in answering)):
                    evidence = self._evidence(asking + answering)
                    names = ", ".join(dict.fromkeys(m.surface.lower() for m in drugs))
                    return Answered(
                        answered=True, answer=names, value=names, evidence=evidence, confidence=0.8, topic="medications"
                    )
        if nothing is not None:
            reply = self._reply([k for k in nothing if self.reader.is_pat(k)])
            ev = self._evidence(nothing)
            return Answered(answered=True, answer=reply, value="no", evidence=ev, confidence=0.8, topic="medications")
        return unanswered("medications")

    def for_the_complaint(self, f: Fact) -> bool:
        """A drug taken as needed, or named in reply to "have you taken anything for it?": today's complaint's."""
        if _AS_NEEDED.search(str(f.attributes.get("frequency") or "")):
            return True
        for e in f.evidence:
            if _AS_NEEDED.search(self.sentence_of(e)):
                return True
            for asking, answering, _text, _wider in self.units():
                said = [self.reader.sents[j] for j in answering]
                if asking and any(s.seg_index == e.segment_id and e.quote.lower() in s.text.lower() for s in said):
                    if TREATMENT.search(self.asked_text(asking)):
                        return True
        return False

    def tried(self, query: Query, asked_rx: re.Pattern = _TRIED_ASKED) -> Answered | None:
        """The drugs the patient says they tried: in reply to a question on what was tried or taken ("what have you
        tried for it?" "i tried some tums and pepcid"), or said so ("i tried ibuprofen")."""
        for asking, answering, _text, _wider in self.units():
            replies = [k for k in answering if self.reader.is_pat(k)]
            asked = bool(asking) and bool(asked_rx.search(self.asked_text(asking)))
            said = [k for k in replies if asked or _TRIED_SAID.search(self.reader.sents[k].text)]
            reply = " ".join(self.reader.sents[k].text for k in said)
            drugs = [m for m in find_mentions(reply) if m.surface.lower() not in lexicon.DRUG_STOP]
            if drugs and not RELATIVES.search(reply):
                names = ", ".join(dict.fromkeys(m.surface.lower() for m in drugs))
                ev = self._evidence((asking if asked else []) + said)
                return Answered(
                    answered=True, answer=names, value=names, evidence=ev, confidence=0.8, topic="medications"
                )
        return None

    def family(self, query: Query) -> Answered | None:
        """Family history names the relative; a relative who has it outweighs "no one else has it" (the
        facts' later-statement-wins rule would otherwise answer "no cancer")."""
        found = lexicon.find_concepts("condition", query.text)
        conditions = [c.label for _s, _e, c in found]
        # "any family history of breast cancer?" is not answered by the father's prostate cancer
        said_as = {query.text[s:e].lower() for s, e, c in found if c.label == "cancer"} - {"cancer"}
        terms = {lexicon.disease_site(t) for t in said_as}
        if "skin" in terms:
            conditions.append("melanoma")  # a melanoma is a skin cancer
        if "heart disease" in conditions:  # of any kind: the heart attack, the failure, the coronary disease
            conditions += [c.label for c in lexicon.CONDITIONS if _CARDIAC.search(c.label)]
        concept_rx = [CONCEPT_RX[c] for c in query.concepts]
        # "any family history of GI problems?": its own words name what no condition or concept knows
        # (and the words of a disease the transcript garbled: "is there any heart to leave in your family?")
        words = [] if concept_rx or terms else self.word_anchors(query, frame=_FAMILY_FRAME)
        fh = [f for f in self.facts if f.kind == "family_history"]
        if conditions or concept_rx:
            fh = [f for f in fh if f.label in conditions or any(rx.search(f.label) for rx in concept_rx)]
            fh = [f for f in fh if not terms or f.label != "cancer" or _site(f) in (None, *terms)]
        elif words:
            fh = [f for f in fh if any(rx.search(f.label) for rx in words)]
        if WHICH_RELATIVE.search(query.text):  # "which relatives had skin cancer?": the ones named
            fh = [f for f in fh if f.attributes.get("relative") not in (None, "family")] or fh
        asked = relative_asked(query.text)
        whose = {f.attributes.get("relative") for f in fh if f.status == "present"} - {None, "family"}
        if asked:  # "does her father have cancer?": the father's (or the family's "no"), not the mother's lymphoma
            fh = [f for f in fh if _of_relative(f, asked)]
            if whose and not fh:  # the visit says whose it is, and not this relative's: "my grandmother on my
                return unanswered("family history")  # mom's side had a stroke" answers no "did her mother?"
        present = [f for f in fh if f.status == "present"]
        if AGE_ASKED.search(query.text):  # the age said with it, or no answer (never a "yes")
            aged = [f for f in present if f.attributes.get("age")]
            if not aged:
                return unanswered("family history")
            value = aged[0].attributes["age"]
            return Answered(
                answered=True,
                answer=f"{self._family_answer(aged[:1], query).answer}, at {value}",
                value=value,
                evidence=aged[0].evidence[:2],
                confidence=0.85,
                topic="family history",
            )
        if present:
            return self._family_answer(present, query)
        plain = Query(query.text, query.language, "yesno", query.concepts, query.qualifiers)
        if (concept_rx or conditions) and self.reader is not None:
            found = self._search(plain, concept_rx, family=True, labels=set(conditions) or None)
            said = " ".join(e.quote for e in found.evidence) if found is not None else ""
            sites = {lexicon.disease_site(said[s:e]) for s, e, _c in lexicon.find_concepts("condition", said)}
            if found is not None and found.value == "yes" and (not terms or terms & sites):
                return self._with_relative(found, asked)
        if words and self.reader is not None:  # the exchange on it: "any family history of gi issues?"
            either = re.compile("|".join(rx.pattern for rx in words), re.I)
            found = self._search(plain, [either], family=True, asking_rx=FAMILY) or self._search(
                plain, [either], asking_rx=FAMILY
            )
            if found is not None:
                return self._with_relative(found, asked)
        absent = [f for f in fh if f.status == "absent"]
        if absent:
            return self._family_answer(absent, query)
        if not (concept_rx or conditions or words) and self.reader is not None:  # "any family history?"
            found = self._search(Query(query.text, query.language, "yesno"), [], family=True, asking_rx=FAMILY)
            if found is not None:
                return self._with_relative(found, asked)
        return None if not (concept_rx or conditions or words) else unanswered("family history")

    def _with_relative(self, found: Answered, asked: str | None = None) -> Answered:
        """The relative the patient names in the reply, unless negated ("not that I can think of. well,
        actually my sister has IBS" → sister); another one than the question names answers nothing."""
        # "votre père a fait un avc ?" "oui, à soixante-dix ans. et mon frère est en dialyse": the father
        of_whom = [m for e in found.evidence if e.role == "clinician" for m in [_YOUR_RELATIVE.search(e.quote)] if m]
        for e in found.evidence:
            m = RELATIVES.search(e.quote) if e.role != "clinician" else None
            if of_whom or m and not NEGATION_NEAR.search(e.quote[: m.start()]):
                found.value = (of_whom[0].group(1) if of_whom else m.group(0)).lower()
                break
        if asked and found.value not in ("yes", "no") and not re.fullmatch(asked, found.value or "", re.I):
            return unanswered("family history")  # "does his father have asthma?" — "my sister does"
        found.topic = "family history"
        return found

    def _relative_said(self, f: Fact) -> str | None:
        """The relative the patient's turn names with a family fact the facts left without one ("well, actually
        my sister does have problems with her stomach too. she has irritable bowel syndrome")."""
        for e in f.evidence if self.reader is not None else []:
            turn = " ".join(s.text for s in self.reader.sents if s.seg_index == e.segment_id)
            m = next((m for m in RELATIVES.finditer(turn) if not NEGATION_NEAR.search(turn[: m.start()])), None)
            if m:
                return m.group(0).lower()
        return None

    def _family_answer(self, chosen: list[Fact], query: Query) -> Answered:
        parts = []
        for f in chosen[:4]:
            relative = f.attributes.get("relative") or (self._relative_said(f) if f.status == "present" else None)
            said = f.attributes.get("term") or f.label
            if f.status == "present":
                parts.append(f"{relative}: {said}" if relative else said)
            else:
                parts.append(("pas de " if query.language == "fr" else "no ") + said)
        answer = "; ".join(dict.fromkeys(parts))
        evidence = [e for f in chosen[:4] for e in f.evidence[:1]]
        return Answered(
            answered=True, answer=answer, value=answer, evidence=evidence, confidence=0.9, topic="family history"
        )

    def stopped(self, anchor: re.Pattern) -> Answered | None:
        """The patient saying they no longer take the drug, where it is named or in the next exchanges on it
        ("are you taking that?" "I've kind of weaned myself off of it")."""
        units = self.units()
        for i, (_asking, _answering, text, _wider) in enumerate(units):
            if not anchor.search(text):
                continue
            for j, (asking, answering, later, _w) in enumerate(units[i : i + 3]):
                if j and asking and not (anchor.search(later) or FOLLOW_UP.search(self.reader.sents[asking[0]].text)):
                    break  # a new subject
                said = [k for k in answering if self.reader.is_pat(k) and STOPPED.search(self.reader.sents[k].text)]
                if said:
                    ev = self._evidence(asking + said)
                    quote = " ".join(e.quote for e in ev)
                    return Answered(
                        answered=True, answer=quote, value="no", evidence=ev, confidence=0.8, topic="medications"
                    )
        return None

    def drug_class(self, query: Query, mentions: list) -> Answered | None:
        """A drug of the class the question names among the drugs taken ("prend-il des anticoagulants ?" of
        "i am taking eliquis, though" after "no" to blood thinners): the medication facts settle it."""
        classes = [CONCEPT_RX[c] for c in query.concepts if c in DRUG_CLASSES]
        named = [m for m in mentions if not _CLASS_WORD.fullmatch(m.surface)]  # the question's, read once
        if not classes or query.intent != "yesno" or named:  # "is he still taking his prozac?" asks of that drug
            return None
        which = _WHICH_DRUG.match(query.text)  # "which antidepressant is she on?": the drug is the value
        fs = [
            f
            for f in self.facts
            if f.kind == "medication"
            and f.status in ("current", "changed", "new")
            and any(rx.search(f"{f.label} {f.attributes.get('surface', '')}") for rx in classes)
        ]
        if not fs:
            return None
        names = ", ".join(dict.fromkeys(f.label for f in fs))
        evidence = [e for f in fs[:2] for e in f.evidence[:1]]
        return Answered(
            answered=True,
            answer=names,
            value=names if which else "yes",
            evidence=evidence,
            confidence=0.9,
            topic="medications",
        )

    def drug(self, query: Query, names: list[str], surfaces: list[str]) -> Answered:
        fs = drug_facts(names + surfaces, self.facts)
        anchors = [
            re.compile(rf"\b{accent_free(s)}\d*\b", re.I)
            for s in dict.fromkeys(surfaces + names + said_as(names, self.facts))
        ]
        anchor = re.compile("|".join(rx.pattern for rx in anchors), re.I)
        if (detail := detail_asked(query.text)) is not None:  # "who prescribed the flomax?", "quel jour ?"
            said = detail_said([s.text for s in self.reader.sents], anchor, detail) if self.reader else None
            if said or detail is not TAKER:  # (no one else named with it: the patient's drug, answered as one)
                return self._answer(query, said[1], [said[0]], "medications") if said else unanswered("medications")
        if query.intent in ("dose", "frequency") or query.intent in ("value", "count") and MAX_Q.search(query.text):
            timed = most_per_day(query, names + surfaces, self.facts)  # "the maximum per day?"
            timed = timed or dose_in_time(query, names + surfaces, self.facts)  # "the new dose?", "the dose before?"
            if timed is not None:
                return timed
            if self.reader is not None:  # asked of this drug and answered: "how frequently do you take the tylenol?"
                found = self._search(query, [anchor], asking_rx=dict(INTENTS)[query.intent])
                if found is not None:
                    found.topic = "medications"
                    return found
            key = "dose" if query.intent == "dose" else "frequency"
            with_value = [f for f in fs if f.attributes.get(key)]
            if with_value:
                return dose_answer(with_value[0], key, confidence=0.95)
            if self.reader is not None:
                found = self._search(query, [anchor])
                if found is not None:
                    found.topic = "medications"
                    return found
            return dose_taken_before(query, names + surfaces, self.facts) or unanswered("medications")
        if query.intent in ("when", "value", "duration", "count") and self.reader is not None:
            found = self._search(query, [anchor])
            counted = [f for f in fs if f.attributes.get("dose")] if _HOW_MANY.search(query.text) else []
            if found is None and counted:  # "combien de Doliprane a-t-elle pris ?" "j'ai pris deux dolipranes"
                f = counted[0]
                value = normalise_value("dose", dose_text(f))
                return Answered(
                    answered=True,
                    answer=f"{f.label} {value}",
                    value=value,
                    evidence=f.evidence[:2],
                    confidence=0.9,
                    topic="medications",
                )
            if found is not None or query.intent in ("when", "duration", "count"):  # "since when": not "yes, crestor"
                return found or unanswered("medications")
        if self.reader is not None and query.intent == "yesno":
            found = self.stopped(anchor)
            if found is not None:
                return found
            words = [word_pattern(w) for w in content_words(query.text)]
            others = [rx for rx in words if not any(rx.search(n) for n in names + surfaces)]
            if others:  # "any side effects from the lisinopril?" is not "is he on lisinopril?"
                return self._search(query, [anchor, *others], qa_only=True) or unanswered("medications")
        if fs:
            f = fs[0]
            return Answered(
                answered=True,
                answer=f"{f.label} {dose_text(f)}".strip() + ("" if f.status == "current" else f" ({f.status})"),
                value=normalise_value("dose", dose_text(f)) or "yes",
                evidence=f.evidence[:2],
                confidence=0.9,
                topic="medications",
            )
        return unanswered("medications")
