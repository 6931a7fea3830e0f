"""Text helpers shared by the fact, note and summary stages: sentence splitting with offsets, disfluency
cleanup and the person shifts that turn speech into note prose. Spoken numbers live in number_words.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

# --------------------------------------------------------------------------- sentences


@dataclass
class Sentence:
    seg_index: int  # index in transcript.segments
    start: int  # char offsets in the segment text
    end: int
    text: str
    question: bool


_Q_START = re.compile(
    r"^(?:(?:and|so|okay|ok|alright|now|um|uh|well|et|alors|bon|d'accord)[ ,]+)*"
    r"(?:do|does|did|have|has|are|is|was|were|can|could|any|how|what|when|where|which|who|why|"
    r"est-ce|(?:avez|êtes|prenez|faites|souffrez|fumez|buvez|toussez|dormez|mangez|pouvez|voulez|savez|sentez|"
    r"ressentez|connaissez|travaillez|vivez|habitez|utilisez|pensez|trouvez|allez|saignez|vomissez|urinez)-vous|"
    r"(?:a|est|va|fait)-(?:t-)?(?:il|elle|on)|vous avez|vous prenez|ça vous|quel|quelle|quels|quelles|"
    r"combien|depuis quand|comment|pourquoi|où)\b",
    re.I,
)


# A statement closed by a tag that asks for agreement ("I'll order an a1c for the future, okay?"): it states
TAG_QUESTION = re.compile(
    r"[\s,.]+(?:hein|okay|ok|all right|alright|right|sound good|sounds good|does that sound good|does that make sense|"
    r"is that okay|is that all right|fair enough|d'accord|ça vous va|c'est bon)\s*\W*\?\s*$",
    re.I,
)


# a sentence runs to its end mark, past a decimal point ("8.2", "was .7") and a title's ("dr. reyes, put me on it")
_SENTENCE = re.compile(
    r"(?:[^.?!]|(?<=\d)\.(?=\d)|(?<=\s)\.(?=\d)|(?<=\b[dD][rR])\.(?=\s+\w)|(?<=\b[mM][rR])\.(?=\s+\w)|(?<=\b[mM][rR][sS])\.(?=\s+\w))+"
    r"(?:[.?!]+|$)"
)


def split_sentences(text: str, seg_index: int) -> list[Sentence]:
    out: list[Sentence] = []
    for m in re.finditer(_SENTENCE, text):
        s, e = m.span()
        chunk = text[s:e]
        # unpunctuated speech (ACI "aci" subset): cut long runs at discourse markers
        if len(chunk.split()) > 30:
            cuts = (
                [0]
                + [
                    c.start() + 1
                    for c in re.finditer(
                        r"\s(?=(?:okay|ok|alright|all right|so|now|and then|um|d'accord|alors|bon)\s)", chunk
                    )
                ]
                + [len(chunk)]
            )
            pieces, cur = [], 0
            for c in cuts[1:]:
                if len(chunk[cur:c].split()) >= 6 or c == len(chunk):
                    pieces.append((cur, c))
                    cur = c
            ranges = pieces or [(0, len(chunk))]
        else:
            ranges = [(0, len(chunk))]
        for a, b in ranges:
            piece = chunk[a:b]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip())
            if trail - lead <= 0 or not re.search(r"\w", piece):
                continue
            st, en = s + a + lead, s + a + trail
            # typographic apostrophes match the rules' "j'ai" (same length: offsets stay valid;
            # evidence is always cut from the segment's own text)
            body = text[st:en].replace("\u2019", "'").replace("\u02bc", "'")
            q = body.rstrip().endswith("?") or bool(_Q_START.match(body)) and not body.rstrip().endswith(".")
            if q and len(body.split()) > 6 and TAG_QUESTION.search(body) and not _Q_START.match(body):
                q = False  # a tag question ("…, okay?") is a statement
            out.append(Sentence(seg_index, st, en, body, q))
    return out


# --------------------------------------------------------------------------- cleanup and person shift

_FILLERS = re.compile(
    r"(?:(?<=^)|(?<=[\s,]))(?:um+|uh+|uhm|(?<!the )er+|ah|hmm+|mm-hmm|uh-huh|you know|i mean|kinda|sort of|kind of|"
    # "like" compares after these words ("nothing like before", "feels like a band"): a filler elsewhere
    r"(?<!nothing )(?<!something )(?<!anything )(?<!feel )(?<!feels )(?<!felt )(?<!look )(?<!looks )(?<!sounds )like|"
    r"okay|ok|alright|all right|(?<!as )well|so|yeah|euh|bah|ben|hein|bon|voilà|d'accord|quoi)(?=[\s,.?!]|$)[,]?",
    re.I,
)


# words a speaker repeats as they restart ("i, i think"); any other word repeated after a comma is a list's next
# item ("vomiting blood, blood in the urine")
_STUTTERED = (
    r"i|we|he|she|it|they|you|the|a|an|and|but|so|that|this|is|was|my|to|in|of|je|il|elle|on|le|la|les|et|de|"
    r"i'm|it's|that's|we'll|i'll|c'est|j'ai"
)


def detok(text: str) -> str:
    """ACI-style tokenised text → normal text ("do n't" → "don't", " , " → ", ")."""
    t = re.sub(r"\s+([,.?!;:])", r"\1", text)
    t = re.sub(
        r"\b(do|does|did|is|are|was|were|have|has|had|would|could|should|ca|wo|ai) n't\b", r"\1n't", t, flags=re.I
    )
    t = re.sub(r"\bca n't\b|\bcan't\b", "can't", t, flags=re.I)
    t = re.sub(
        r"\b(gon|wan|got) na\b",
        lambda m: {"gon": "going to", "wan": "want to", "got": "got to"}[m.group(1).lower()],
        t,
        flags=re.I,
    )
    t = re.sub(r"\blem me\b", "let me", t, flags=re.I)
    t = re.sub(r"\b(\w+) (\1)\b", r"\1", t, flags=re.I)  # stutter "i i"
    t = re.sub(rf"\b({_STUTTERED}), \1\b", r"\1", t, flags=re.I)
    return re.sub(r"\s{2,}", " ", t).strip()


def clean(text: str) -> str:
    t = detok(text)
    t = re.sub(
        r"\bhey,? dragon,?\s*|\bfor the recording\s*[:,]?\s*|\bpour l'enregistrement\s*[:,]?\s*", "", t, flags=re.I
    )
    for _ in range(2):
        t = _FILLERS.sub("", t)
    t = re.sub(r"\b([\w']+(?: [\w']+)?)(?: \1\b)+", r"\1", t, flags=re.I)  # "i don't don't", "to the to the"
    t = re.sub(rf"\b({_STUTTERED})(?:, \1\b)+", r"\1", t, flags=re.I)  # "i, i think"
    t = re.sub(r"\s+([,.?!;:])", r"\1", t)
    t = re.sub(r",\s*\?$", "", t)  # what a tag question ("…, okay?") leaves is a statement
    t = re.sub(r"^[\s,.\-…]+", "", t)
    t = re.sub(r"([,])(?:\s*,)+", r"\1", t)
    t = re.sub(r"\s{2,}", " ", t).strip(" ,-…")
    t = re.sub(r"\.{2,}|…", ".", t)
    # a cut-off ending ("… and it was", "… distention to-") leaves a dangling word
    for _ in range(3):
        t = re.sub(
            r"[\s,]+(?:and|or|but|so|to|from|of|the|a|an|with|that|because|like|it was|and it|"
            r"he feels|she feels|i feel|you know|et|ou|mais|de|le|la|les)[\s,.\-]*$",
            "",
            t,
            flags=re.I,
        )
    t = t.rstrip(" ,-")
    return t


def sentence_case(t: str) -> str:
    t = t.strip()
    if not t:
        return t
    t = re.sub(r"\bi\b", "I", t)
    t = t[0].upper() + t[1:]
    if t[-1] not in ".?!":
        t += "."
    return t


_ADVERBS = (
    r"(?:just|also|really|still|usually|always|never|sometimes|often|actually|definitely|kinda|only|even|probably)"
)
_NO_S = {
    "can",
    "could",
    "will",
    "would",
    "should",
    "might",
    "must",
    "may",
    "did",
    "was",
    "had",
    "am",
    "have",
    "do",
    "'m",
    "'ve",
    "'d",
    "'ll",
    "used",
    # irregular past tenses ("I quit smoking" is not "the patient quits")
    "quit",
    "went",
    "got",
    "took",
    "felt",
    "saw",
    "came",
    "began",
    "fell",
    "broke",
    "ran",
    "left",
    "thought",
    "told",
    "said",
    "made",
    "lost",
    "gave",
    "ate",
    "drank",
    "slept",
    "woke",
    "kept",
    "found",
    "knew",
    "threw",
    *"forgot hurt put read hit cut let set bought brought caught sat stood understood spent sent became rode drove "
    "wrote spoke grew heard held met paid meant lay led tore wore sold shook swam stuck struck fought lit".split(),
}


def _third_verb(v: str) -> str:
    lv = v.lower()
    if lv in _NO_S or lv.endswith("ed"):
        return {"am": "is", "have": "has", "do": "does"}.get(lv, v)
    if re.search(r"(s|sh|ch|x|z|o)$", lv):
        return v + "es"
    if re.search(r"[^aeiou]y$", lv):
        return v[:-1] + "ies"
    return v + "s"


def patient_to_third(text: str, sex: str | None = None) -> str:
    """Patient speech → note prose: "i feel tired" → "The patient feels tired" (he/she once known; a companion's own
    "me" is "the companion")."""
    subj = {"male": "he", "female": "she", "companion": "the companion"}.get(sex or "", "the patient")
    poss = {"male": "his", "female": "her", "companion": "the companion's"}.get(sex or "", "their")
    obj = {"male": "him", "female": "her", "companion": "the companion"}.get(sex or "", "them")
    refl = {"male": "himself", "female": "herself"}.get(sex or "", "themselves")
    t = text
    t = re.sub(r"\bi'm\b|\bi am\b", f"{subj} is", t, flags=re.I)
    t = re.sub(r"\bi've\b", f"{subj} has", t, flags=re.I)
    t = re.sub(r"\bi'd(?= (?:had|been|gone|taken|done|eaten|seen|never|already|just)\b)", f"{subj} had", t, flags=re.I)
    t = re.sub(r"\bi'd\b", f"{subj} would", t, flags=re.I)
    t = re.sub(r"\bi'll\b", f"{subj} will", t, flags=re.I)
    t = re.sub(r"\bi (have|has)n't\b|\bi have not\b", f"{subj} has not", t, flags=re.I)
    t = re.sub(r"\bi (was)n't\b", f"{subj} was not", t, flags=re.I)
    t = re.sub(r"\bi can't\b|\bi cannot\b", f"{subj} cannot", t, flags=re.I)
    t = re.sub(  # "i (just generally) don't"
        r"\bi((?: (?:just|really|also|still|even|actually|\w+ly))*) (do|did)n't\b",
        lambda m: f"{subj}{m.group(1)} {'does' if m.group(2).lower() == 'do' else 'did'} not",
        t,
        flags=re.I,
    )
    t = re.sub(r"\bi don't\b", f"{subj} does not", t, flags=re.I)
    t = re.sub(
        rf"\bi((?: (?:{_ADVERBS}|\w+ly|already|also|just|still|never|always|even|only|usually|actually))*) "
        rf"(?!(?:{_ADVERBS}|\w+ly|\w+ing|already|also|just|still|never|always|even|only|my|me|mine|the|a|an|and|or|"
        r"but|uh|um|so|to|you|it|that|this|there|here|mean|guess|think so|too|not|no)\b)([a-z]+)\b(?!')",
        lambda m: f"{subj}{m.group(1)} {_third_verb(m.group(2))}",
        t,
        flags=re.I,
    )
    t = re.sub(r"\bi\b", subj, t, flags=re.I)
    t = re.sub(r"\bmy\b", poss, t, flags=re.I)
    t = re.sub(r"\bmyself\b", refl, t, flags=re.I)
    t = re.sub(r"\bme\b", obj, t, flags=re.I)
    t = re.sub(r"\bmine\b", f"{poss}s" if poss == "their" else ("his" if poss == "his" else "hers"), t, flags=re.I)
    if poss == "their":  # "Their left knee hurts": whose, when the sentence opens with it
        t = re.sub(r"^(\W*)their\b", r"\1the patient's", t, flags=re.I)
    return t


def clinician_to_note(text: str, sex: str | None = None) -> str:
    """Clinician speech → note prose: "you" becomes the patient, plans become statements."""
    subj = {"male": "he", "female": "she"}.get(sex or "", "the patient")
    poss = {"male": "his", "female": "her"}.get(sex or "", "their")
    obj = {"male": "him", "female": "her"}.get(sex or "", "the patient")
    t = text
    t = re.sub(r"\bi'm going to\b|\bi am going to\b|\bi'm gonna\b", "I will", t, flags=re.I)
    t = re.sub(r"\bwe're going to\b|\bwe are going to\b|\bwe're gonna\b|\blet's\b", "we will", t, flags=re.I)
    t = re.sub(r"\b(?:go ahead and|go ahead|just)\s+", "", t, flags=re.I)
    t = re.sub(r"\bI want you to\b|\bI'd like you to\b|\bI would like you to\b", f"I advised {obj} to", t, flags=re.I)
    t = re.sub(r"\bwant you to\b", f"want {obj} to", t, flags=re.I)
    t = re.sub(r"\byou're\b|\byou are\b", f"{subj} is", t, flags=re.I)
    t = re.sub(r"\byou've\b|\byou have\b", f"{subj} has", t, flags=re.I)
    t = re.sub(r"\byou'll\b", f"{subj} will", t, flags=re.I)
    t = re.sub(r"\byou'd (?=been|had|never|already|just)", f"{subj} had ", t, flags=re.I)  # "you'd been breathless"
    t = re.sub(
        r"\byou (do|did)n't\b", lambda m: f"{subj} {'does' if m.group(1).lower() == 'do' else 'did'} not", t, flags=re.I
    )
    t = re.sub(r"\byou don't\b", f"{subj} does not", t, flags=re.I)
    t = re.sub(
        rf"\byou((?: {_ADVERBS})*) (feel|need|take|seem|get|want|look|sound|go|know|see|say|said|keep|use|do|think|"
        rf"hear|notice|tell|eat|drink|walk|try|call|check|mention|mentioned)\b",
        lambda m: f"{subj}{m.group(1)} {_third_verb(m.group(2)) if m.group(2) != 'said' else 'said'}",
        t,
        flags=re.I,
    )
    t = re.sub(r"\byour\b", poss, t, flags=re.I)
    t = re.sub(r"\byourself\b", {"his": "himself", "her": "herself"}.get(poss, "themselves"), t, flags=re.I)
    t = re.sub(
        r"\b(to|for|with|on|at|about|give|tell|see|send|call|ask|let|help|continue|keep|start|put|get|bring|refer|"
        r"write|place|schedule|make|check|examine|treat|switch|move|show|teach|remind|"
        r"contact|follow|watch|monitor|offer|encourage|advise|instruct|counsel|reassure) you\b",
        lambda m: f"{m.group(1)} {obj}",
        t,
        flags=re.I,
    )
    t = re.sub(r"\byou\b", subj, t, flags=re.I)
    return t
