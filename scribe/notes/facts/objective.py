"""Objective facts: vital signs (spoken numbers too, home or clinic), examination findings by body system
and test results, in note words."""

from __future__ import annotations

import re

from scribe.notes import lexicon, register
from scribe.notes.facts.exam_clauses import despeech, read_exam
from scribe.notes.facts.exam_findings import asked_tenderness, clause_findings, exam_sentence
from scribe.notes.facts.exam_fr import read_exam_fr, value_fr
from scribe.notes.facts.results_read import read_result
from scribe.notes.gone_words import resolved_after
from scribe.notes.number_words import numbers_to_digits, spoken_numbers
from scribe.notes.text import clean, clinician_to_note


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


# a denial followed by a finding that is present, with no punctuation between them
_NO_THEN_FOUND = re.compile(
    r"^\W*(?:no|without)\b[^,;.]*?\s(?:tender|swollen|warm|red|erythematous|bruised)\s+(?:over|at|on|along|in)\b",
    re.I,
)


# what follows a vital's name or number when the number is no reading of it
_NOT_A_READING = re.compile(r"^\s*(?:tablets?|gel|comprimés?|resucrage)\b", re.I)
_A_DURATION = re.compile(
    r"\s*(?:minutes?|mins?|hours?|heures?|seconds?|secondes?|days?|jours?|weeks?|semaines?|months?|mois|tablets?|"
    r"comprimés?)\b",
    re.I,
)


# the tenth of a temperature said after it, French style: "trente-six huit" (36.8), "thirty-seven two"
_DIGIT_WORDS = {
    **{w: str(i) for i, w in enumerate("un deux trois quatre cinq six sept huit neuf".split(), 1)},
    **{w: str(i) for i, w in enumerate("one two three four five six seven eight nine".split(), 1)},
}
_TENTH = re.compile(
    r"\s+(\d|un|deux|trois|quatre|cinq|six|sept|huit|neuf|one|two|three|four|five|seven|eight|nine)\b"
    r"(?!\s*(?:%|h\b|heures?|jours?|days?|hours?|minutes?|peu\b))",  # not "trente-sept un peu plus tard"
    re.I,
)


# a threshold, not a reading: "if your oxygen at rest is 88 percent or lower", "si la tension dépasse 180"
# a list of warning signs: "come back if the redness spreads …, or your sugar is over three hundred"
_ABOVE = re.compile(r"\b(?:over|above|under|below|more than|less than|greater than|au-dessus de|en dessous de)\b", re.I)
_IF_EARLIER = re.compile(r"\b(?:if|si)\b[^.?!]*$", re.I)
_IF_BEFORE = re.compile(r"\b(?:if|unless|once|si|dès que)\s+(?:your|his|her|the|votre|sa|son|la|le)?\s*$", re.I)
_OR_LOWER = re.compile(
    r"\s*(?:%|percent|pour ?cent)?\s*(?:or (?:lower|higher|less|more|above|below|under|over)|ou (?:moins|plus)|"
    r"et (?:moins|plus))\b",
    re.I,
)


# what is read, not seen: "the report here: the lungs are over-inflated", "thyroid, the tsh, was 2.1"
_READ_NOT_SEEN = re.compile(
    r"\b(?:the report|report (?:says|shows)|tsh|d-dimer|crp|ferritin|ha?emoglobin|creatinine|egfr|a1c|platelets|"
    r"white count|compte rendu|ferritine|créatinine|hémoglobine)\b",
    re.I,
)


class ObjectiveFacts:
    _VITALS = [
        (
            "blood pressure",
            r"(?:blood pressure|bp|tension(?: artérielle)?|pression artérielle)",
            r"(?P<a>\d{2,3})\s*(?:/|over|sur)\s*(?P<b>\d{1,3})",
            "mmHg",
        ),
        ("heart rate", r"(?:heart rate|pulse|hr|fréquence cardiaque|pouls|rythme cardiaque)", r"(?P<a>\d{2,3})", "bpm"),
        (
            "respiratory rate",
            r"(?:respiratory rate|respirations?|resp rate|rr|fréquence respiratoire)",
            r"(?P<a>\d{1,2})",
            "breaths/min",
        ),
        ("temperature", r"(?:temperature|temp|température)", r"(?P<a>\d{2,3}(?:[.,]\d)?)", ""),
        (
            "oxygen saturation",
            r"(?:oxygen saturation|o2 sat(?:uration)?|pulse ox(?:imetry)?|sats?|saturation|spo2|oxygen)",
            r"(?P<a>\d{2,3})",
            "%",
        ),
        ("weight", r"(?:weight|weigh|poids|pèse)", r"(?P<a>\d{2,3}(?:[.,]\d)?)\s*(?P<u>pounds|lbs?|kilos?|kg)", ""),
        ("blood glucose", r"(?:blood sugars?|glucose|glycémie|sugar)", r"(?P<a>\d{2,3})", "mg/dL"),
        # French glucose in grams per litre: "un gramme cinquante-deux" (1.52), "un virgule trente gramme"
        ("blood glucose", r"glycémie", r"(?P<a>\d|un|deux|trois)\s*(?:(?:virgule|,)\s*(?P<c>\d{1,2})\s*)?", "g/L"),
    ]
    # after the value, a reading in grams: its unit, then its hundredths ("un gramme cinquante-deux")
    _GRAMS = re.compile(r"\s*(?:grammes?|g)\b(?:\s*(?:par litre|/l)\b)?(?:\s*(?P<c>\d{1,2})\b)?", re.I)

    def vitals(self):
        for i, seg in enumerate(self.tr.segments):
            text = seg.text
            norm, back = _normalise_with_map(text)
            for label, name_rx, val_rx, unit in self._VITALS:
                for m in re.finditer(rf"\b{name_rx}\b(?P<mid>[^.?!\d]{{0,35}}?)\b{val_rx}", norm, re.I):
                    if re.search(
                        r"\b(?:goal|target|under|below|less than|should be|closer to|aim for|objectif)\b",
                        m.group("mid"),
                        re.I,
                    ):
                        continue
                    if _NOT_A_READING.match(m.group("mid")) or _A_DURATION.match(norm, m.end()):
                        continue  # "four glucose tablets, recheck in fifteen minutes"
                    if _IF_BEFORE.search(norm, max(0, m.start() - 25), m.start()) or _OR_LOWER.match(norm, m.end()):
                        continue  # "home oxygen if your oxygen at rest is eighty-eight percent or lower": a threshold
                    if _ABOVE.search(m.group("mid")) and _IF_EARLIER.search(norm, max(0, m.start() - 200), m.start()):
                        continue  # "come back if the redness spreads …, or your sugar is over three hundred"
                    if re.search(r"\bgrammes?\b|\bvirgule\s*$|,\s*(?:et|and)\b", m.group("mid"), re.I) or (
                        unit == "mg/dL" and self._GRAMS.match(norm, m.end())
                    ):
                        continue  # "à un gramme 52" is no 52 mg/dL; "glycémie à jeun, et la vitamine b12": a list
                    a, end = m.group("a"), m.end()
                    if unit == "g/L":
                        a, end = self._grams_per_litre(m, norm, text, back)
                        if a is None:
                            continue
                    tenth = _TENTH.match(norm, end)
                    if label == "temperature" and tenth and a.isdigit() and 34 <= int(a) <= 42:
                        digit = _DIGIT_WORDS.get(tenth.group(1).lower(), tenth.group(1))
                        a, end = f"{a}.{digit}", tenth.end()  # "température trente-six huit": 36.8
                    value = f"{a}/{m.group('b')}" if label == "blood pressure" else a
                    if label == "blood pressure" and not (60 <= float(a) <= 250 and 30 <= float(m.group("b")) <= 150):
                        continue
                    if label == "heart rate" and not 30 <= float(a) <= 220:
                        continue
                    if label == "temperature" and not (
                        34 <= float(a.replace(",", ".")) <= 43 or 93 <= float(a.replace(",", ".")) <= 108
                    ):
                        continue
                    if label == "oxygen saturation" and not 70 <= float(a) <= 100:
                        continue
                    u = unit
                    if label == "temperature":
                        u = "°F" if float(a.replace(",", ".")) > 50 else "°C"
                    if label == "weight":
                        u = m.group("u")
                    s0, s1 = back(m.start()), back(end)
                    where = (
                        "home"
                        if seg.role != "clinician"
                        or re.search(r"\bat home|à la maison|home\b", text[max(0, s0 - 60) : s1], re.I)
                        else "clinic"
                    )
                    if where == "home" and resolved_after(text[s1:], True):
                        continue  # "a temperature at the weekend, thirty-eight something, but that's gone": no reading
                    if (
                        label == "blood glucose"
                        and where == "clinic"
                        and not re.search(r"fasting|à jeun|glucose", text, re.I)
                    ):
                        where = "home"
                    self.builder.add(
                        "vital",
                        label,
                        [self.builder.evidence(i, s0, s1)],
                        value=value,
                        unit=u,
                        setting=where,
                        merge=False,
                    )
        self._elevated_pressure()
        # drop duplicates of the same reading
        seen, keep = set(), []
        for f in self.builder.facts:
            if f.kind == "vital":
                key = (f.label, f.value, f.attributes.get("setting"))
                if key in seen:
                    continue
                seen.add(key)
            keep.append(f)
        self.builder.facts[:] = keep

    def _grams_per_litre(self, m: re.Match, norm: str, text: str, back) -> tuple[str | None, int]:
        """ "un gramme cinquante-deux" → 1.52; "un gramme zéro deux" → 1.02. A single digit with no "zéro"
        ("un gramme cinq": 1.5 or 1.05?) is no value: abstain."""
        grams = self._GRAMS.match(norm, m.end())
        frac = m.group("c") or (grams.group("c") if grams else None)
        if not grams or not frac:
            return None, m.end()
        units = _DIGIT_WORDS.get(m.group("a").lower(), m.group("a"))
        if len(frac) == 1:
            if m.group("c") is None and "zéro" not in text[back(m.end()) : back(grams.end())].lower():
                return None, m.end()
            frac = frac if m.group("c") else f"0{frac}"
        return f"{units}.{frac}", grams.end()

    _BP_HIGH = re.compile(
        r"\bblood pressure(?:'s| is) (?:a (?:little|bit) |slightly |mildly |quite |very |a little bit )?"
        r"(?:high|elevated)\b",
        re.I,
    )

    def _elevated_pressure(self):
        """ "Your blood pressure's a little high today" with no reading said: the clinic pressure is elevated."""
        if any(
            f.kind == "vital" and f.label == "blood pressure" and f.attributes.get("setting") == "clinic"
            for f in self.builder.facts
        ):
            return
        for k in range(min(self.ap_start, len(self.sents))):
            s = self.sents[k]
            m = self._BP_HIGH.search(s.text) if self.is_clin(k) and not s.question else None
            around = s.text[max(0, m.start() - 25) : m.end() + 30] if m else ""
            if m and not re.search(r"\b(?:if|when|goal|target|history of|at home|last (?:time|visit))\b", around, re.I):
                ev = self.builder.evidence(s.seg_index, s.start + m.start(), s.start + m.end())
                self.builder.add("vital", "blood pressure", [ev], value="elevated", setting="clinic")
                return

    _SYSTEMS = [
        (
            "cardiovascular",
            r"heart|murmur|rhythm|rate and rhythm|gallops?|rubs?|jvd|jugular|pulses?|cœur|souffle|bruits du cœur",
        ),
        (
            "respiratory",
            r"lungs?|breath sounds|wheez\w*|crackles|rales|rhonchi|clear to auscultation|poumons?|"
            r"murmure vésiculaire|crépitants",
        ),
        (
            "abdomen",
            r"abdomen|abdominal|belly|bowel sounds|ventre|abdominale?|murphy|palpation (?:of )?the (?:belly|abdomen)",
        ),
        (
            "musculoskeletal",
            r"knee|shoulder|hip|ankle|wrist|elbow|back|spine|range of motion|effusion|ecchymosis|strength|"
            r"tenderness|tender|edema|swelling|varus|valgus|drawer|mcmurray|lachman|genou|épaule|cheville|dos|œdème",
        ),
        ("neurological", r"reflex\w*|sensation|cranial nerves|neuro\w*|gait|strength is|réflexes|sensibilité"),
        ("skin", r"skin|rash|lesion|wound|incision|erythema|peau|plaie|rougeur"),
        (
            "HEENT",
            r"ears?|tympanic|throat|pharynx|tonsils?|pupils?|eyes?|sinus\w*|nose|nasal|lymph nodes?|thyroid|neck|"
            r"lymphadenopathy|thyromegaly|gorge|oreilles?|tympans?|ganglions?|cou",
        ),
        ("General", r"distress|well[- ]appearing|ill[- ]appearing|alert and oriented"),
    ]

    _FINDING = re.compile(
        r"\b(?:normal|abnormal|clear|tender\w*|swell\w*|edema|murmur|regular|irregular|no |without|"
        r"positive|negative|decreased|increased|intact|soft|distended|appreciate|hear|see|notice|"
        r"palpation|range of motion|pain (?:to|with|on)|effusion|ecchymosis|erythema|enlarged|enlargement|"
        r"distress|lymphadenopathy|thyromegaly|wheez\w*|crackles|rales|rhonchi|"
        r"normale?s?|souple|douloureu\w*|pas de|sans|bien|présente?s?|rien)\b",
        re.I,
    )

    def _cut_by_a_nod(self, k: int) -> int | None:
        """The clinician sentence that finishes sentence k after the patient's nod ("…tenderness of the greater"
        "okay" "tuberosity of the humerus…"): k ends its turn without a full stop; None otherwise."""
        s = self.sents[k]
        if re.search(r"[.?!]\s*$", s.text) or k + 1 < len(self.sents) and self.sents[k + 1].seg_index == s.seg_index:
            return None
        j = k + 1
        while j < self.exam_end and not self.is_clin(j) and len(self.sents[j].text.split()) <= 2:
            j += 1
        return j if k + 1 < j < self.exam_end and self.is_clin(j) and self.before_nods(j) == k else None

    def exam(self):
        joined: set[int] = set()
        for k in range(self.exam_start, self.exam_end):
            s = self.sents[k]
            if k in joined:
                continue
            if (
                not self.is_clin(k)
                or s.question
                and not re.search(r"\b(?:does (?:it|this|that) hurt|ça fait mal)\b", s.text, re.I)
            ):
                continue
            if self._RESULTS.search(s.text) and re.search(
                r"\b(?:show|reveal|demonstrat|came back|results?|montre)\w*", s.text, re.I
            ):
                # speech runs the exam on into the results: "…your lower extremities have no edema so let's
                # look at your results"; the exam before them is read clause by clause
                head = s.text[: self._RESULTS.search(s.text).start()]
                typed = clause_findings(head) if self.lang == "en" else None
                if typed:
                    ev = [self.builder.ev_sentence(s)]
                    self._add_typed("General", ev, typed)
                continue
            t = s.text
            if re.search(
                r"\b(?:blood pressure|temperature|pulse|heart rate|respirations|oxygen)\b", t, re.I
            ) and spoken_numbers(t):
                continue  # vitals
            evidence = [self.builder.ev_sentence(s)]
            rest = self._cut_by_a_nod(k)
            if rest is not None:
                t = f"{t} {self.sents[rest].text}"
                joined.add(rest)
                evidence.append(self.builder.ev_sentence(self.sents[rest]))
            answer = self.answer_to(k) if self.lang == "en" else []
            asked = asked_tenderness(t, self.sents[answer[0]].text) if answer else None
            if asked:  # "does it hurt when I push on the inside of the knee?" "yeah, that hurts"
                evidence = [self.builder.ev_sentence(s), self.builder.ev_sentence(self.sents[answer[0]])]
                self.builder.add("exam", "musculoskeletal", evidence, value=asked, merge=False, typed=True)
                continue
            t, evidence = self._dangling(k, t, evidence, joined)
            if self._RESULTS.search(t) and read_result(t, self.lang):
                continue  # "I looked at the x-ray of the right wrist and there is no fracture": a result
            if not s.question and self._clause_read(t, evidence):
                continue
            system = next((name for name, rx in self._SYSTEMS if re.search(rf"\b(?:{rx})\b", t, re.I)), None)
            typed = exam_sentence(t) if self.lang == "en" and not s.question else None
            if typed:  # typed findings in note words, not the spoken sentence ("no pain with pronation")
                system = system or "musculoskeletal"
                self._add_typed(system, evidence, typed)
                continue
            if system is None or not self._FINDING.search(t) or self._read_not_seen(k, t):
                continue  # (a report or a lab value read out is no finding of the examination)
            prose = clinician_to_note(clean(t), self.sex) if self.lang == "en" else clean(t)
            prose = re.sub(r"^(?:(?:and|so|now|on|but)\s+)+", "", prose, flags=re.I)
            prose = register.finding(re.sub(r"^(?:physical )?exam(?:ination)?,?\s*", "", prose, flags=re.I))
            # "no muscle wasting tender over the shoulder": quoted, the "no" would spread onto the tenderness
            run_on = bool(prose and _NO_THEN_FOUND.search(prose))
            if not prose or len(prose.split()) < 2 or run_on:
                # a run-on spoken exam the note cannot quote: its findings clause by clause
                typed = clause_findings(t) if self.lang == "en" and not s.question else None
                if typed:
                    self._add_typed(system, evidence, typed)
                continue
            self.builder.add("exam", system, evidence, value=numbers_to_digits(prose), merge=False)

    def _read_not_seen(self, k: int, t: str) -> bool:
        """Sentence k (its text `t`), or the turn's sentence before it, reads a report or a lab value out."""
        s = self.sents[k]
        before = self.sents[k - 1].text if k and self.sents[k - 1].seg_index == s.seg_index else ""
        return bool(_READ_NOT_SEEN.search(t) or before and _READ_NOT_SEEN.search(before))

    _DANGLING = re.compile(r"\b(?:no|not|without|there(?:'s| is| are) no|pas de)\W*$", re.I)

    def _dangling(self, k: int, t: str, evidence: list, joined: set[int]):
        """A sentence cut after its "no" ("…and there is no, uh No, no, no." "Um, fracture or no dislocation.")
        goes on in the turn's next sentence: both read as one, so the "no" keeps what it denies."""
        nxt = k + 1
        if (
            nxt < len(self.sents)
            and self.sents[nxt].seg_index == self.sents[k].seg_index
            and self._DANGLING.search(despeech(t))
        ):
            joined.add(nxt)
            return f"{t} {self.sents[nxt].text}", evidence + [self.builder.ev_sentence(self.sents[nxt])]
        return t, evidence

    _HEADED = re.compile(r"^(?P<h>[A-Z][a-z]+(?: [a-z]+){0,2}): (?P<v>.+)$")

    def _add_typed(self, system: str, evidence: list, typed: str) -> None:
        """Typed findings that name their part ("Right knee: effusion.") go under that part, not under the
        system as well ("Musculoskeletal: Right knee: …" reads twice headed)."""
        for piece in re.split(r"(?<=\.) (?=[A-Z][a-z]+(?: [a-z]+){0,2}: )", typed):
            m = self._HEADED.match(piece)
            label, value = (m.group("h"), m.group("v")) if m else (system, piece)
            self.builder.add("exam", label, evidence, value=value, merge=False, typed=True, system=system)

    def _clause_read(self, t: str, evidence: list) -> bool:
        """The exam sentence read clause by clause into findings under the part examined or their system
        ("Right knee: tenderness over the medial joint line; no effusion; full range of motion."); True when
        facts were added."""
        groups = read_exam(t) if self.lang == "en" else read_exam_fr(t)
        for g in groups or []:
            value = g.value if self.lang == "en" else value_fr(g)
            self.builder.add("exam", g.heading, evidence, value=value, merge=False, typed=True, system=g.system)
        return bool(groups)

    def results(self):
        for k, s in enumerate(self.sents):
            if not self.is_clin(k) or s.question:
                continue
            t = s.text
            test = next((label for rx, label in lexicon.TESTS if re.search(rf"\b(?:{rx})\b", t, re.I)), None)
            if not test or re.search(r"\bshow me\b|\bpull up\b", t, re.I):
                continue
            if not re.search(
                r"\b(?:show(?:s|ed)?|reveal\w*|demonstrat\w*|came back|come back|was|were|is|are|looks?|"
                r"looked|normal|abnormal|elevated|low|high|negative|positive|montre|est (?:normale?|revenue?)|"
                r"revenu\w*|résultats?|(?:est|était) à)\b",
                t,
                re.I,
            ):
                continue
            if re.search(
                r"\b(?:order|schedule|get (?:a|an|some)|i want to|we'll|we will|let's|going to|gonna|"
                r"should|need to|prescri|je vais (?:vous )?demander|on va faire|il faudra|"
                r"if|unless|si|will|'ll)\b|"  # an instruction, a condition, what is to come
                # a drug weighed: "finasteride is a good option for a prostate this size"
                r"\b(?:is|are|would be|est|serait) (?:a |an |une )?(?:good |bonne )?(?:option|choice)\b|"
                # the introduction ("this is derek, 54 years old, here to go over the blood work")
                r"\b(?:years? old|ans)\W+(?:[\w' -]{0,30},\s*)?(?:here|who|vient|venu)\b|\bfor the recording\b|"
                # an old value, told as the visit's ("in january, when we made the diagnosis, your sed rate was 52")
                r"^\W*(?:(?:and|so|now|then)\W+)?(?:in (?:january|february|march|april|may|june|july|august|"
                r"september|october|november|december)|back in|last year|at (?:the )?diagnosis|"
                r"en (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre))\b|"
                # what is true in general: "many people with focal epilepsy have a normal mri"
                r"\b(?:many|most|some|a lot of) (?:people|patients)\b|"
                r"\b(?:beaucoup|la plupart) de(?:s)? (?:gens|patients)\b",
                t,
                re.I,
            ):
                continue
            evidence, joined = [self.builder.ev_sentence(s)], set()
            t, evidence = self._dangling(k, t, evidence, joined)
            typed = read_result(t, self.lang)
            if typed:  # test, value, interpretation in note words: "X-ray right wrist: no fracture."
                self.builder.add("result", test, evidence, value=typed, merge=False, typed=True)
                continue
            prose = register.finding(clinician_to_note(clean(t), self.sex) if self.lang == "en" else clean(t))
            if not prose or len(prose.split()) < 3:
                continue
            self.builder.add("result", test, [self.builder.ev_sentence(s)], value=numbers_to_digits(prose), merge=False)
