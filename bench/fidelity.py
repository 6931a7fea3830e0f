"""Clinical fidelity of the documentation engine, scored against physician labels (bench/data/fidelity/).

    python bench/fidelity.py [--split tune|heldout|fresh|all] [--ids D2N014,...] [--template auto|soap|hp]
                             [--llm none|...] [--from text|audio|both] [--show N] [--json bench/out/fidelity.json]

Each labelled consultation (ACI-Bench dialogue by encounter_id, LabForSims2 ID.txt; --from audio: its
synthesized speech transcribed, then its likely drug names decoded again as the service's final pass does
unless --no-redecode, see bench/fidelity_audio.py) goes through document(); then, counted per note
sentence or summary item (each at most once per kind):
  certainty     a "possible" diagnosis stated without a hedge, or a "ruled-out" one stated as present, in the
                assessment/plan sections or a sentence citing an assessment fact
  dose          a labelled drug followed by number+unit (mg, mcg, g, units, ml) none of which is its dose
  freq_note/_summary  a labelled drug followed by frequencies none of which gives its per_day (±5 %)
  status        summary verb wrong (keep/continue for a new drug, start for a continued one, a stopped drug
                without stop wording); a stopped drug in the note's medication list or "continue"d (a drug
                marked "tried" / "essayé", taken before the visit and not now, is written as stopped: the
                schema's "stopped" covers both)
  attribution   a relative's condition, not named by a labelled diagnosis, stated outside a family-history context
  contradiction a labelled finding both endorsed and denied in the note (one per pair)
  polarity      a labelled finding stated with the opposite polarity
  forbidden     an absent condition stated as the patient's (note, summary found/todo/medications); a
                summary phone/temperature/threshold number or emergency word (911, 15, emergency, urgences)
                not in the dialogue
  family        a family-history sentence that denies a labelled relative's disease (by its name, or by its
                kind: "no cancer in the family" when the mother had lymphoma; a denial that names only other
                relatives, "no diabetes (father)" when the uncle has it, is not one), or that names it with relatives
                none of whom the label gives for it
Recall: diagnoses (assessment/plan sections or assessment facts), medications (anywhere in the note),
dose+frequency right in one sentence (drugs with a labelled dose or per_day), endorsed / denied findings
(with that polarity; an endorsed one may also be stated without a cue), plan items (assessment/plan
sections), family history (a labelled relative's disease stated, not denied, in a family-history sentence).
Also: medication-list precision (medication facts cited by note sentences that are labelled
drugs), speech-register share (../shared/tools/register.py), empty Assessment / Plan, ROUGE-1/2/L against
the ACI reference (rouge-score, stemmed F1), document() seconds (warm).
Matching: case- and accent-insensitive whole words ("-" = space); a label matches by its term or any alias.
A mention's polarity is the nearest endorse/deny cue before it in its clause (a clause ends at . ; : ! ?,
but/because/mais..., ", the/some/he...", "and he/the..."; no/not/without/sans/pas reach only 5 words) or a
"ruled out"/"negative" right after it. A drug's dose and frequency are read between its mention and the
next labelled drug. Overall rows: sums, recalls micro-averaged, ROUGE and seconds means; --split defaults to
tune (--ids takes any split); seconds time document() only, never synthesis or transcription. Splits: tune
(rules may be tuned on it), heldout (set aside, but its failures have since been read), fresh (labelled after
that, never looked at while tuning), fresh2 (labelled in session 11 before the engine ran on it; its status
errors have since been read), fresh3 (labelled in session 12 before the engine ran on it; its medication
precision has since been read), fresh4 (French, labelled in session 13 before the engine ran on it), fresh5 (the last
unlabelled ACI-Bench and LabForSims2 consultations, labelled in session 14 before the engine ran on them; the
French ones had been read for assistant questions, never for the notes) and written (consultations a physician
wrote for this bench in session 14, bench/data/dialogues; written dialogue is tidier than a transcript of a
clinic, so read it beside the others; written2-15 the same, one set a session, each measured before the engine was
changed for it); all = every split.
"""

from __future__ import annotations

import argparse
import ast
import csv
import inspect
import json
import re
import statistics as st
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WRITTEN = Path(__file__).resolve().parent / "data" / "dialogues"  # consultations written for the bench
sys.path.insert(0, str(ROOT))

from scribe.notes.engine import document  # noqa: E402

LABELS = ROOT / "bench" / "data" / "fidelity"
ERRORS = [
    "certainty",
    "dose",
    "freq_note",
    "freq_summary",
    "status",
    "attribution",
    "contradiction",
    "polarity",
    "forbidden",
    "family",
]
RECALLS = ["diagnoses", "medications", "dose_freq", "endorsed", "denied", "plan", "family"]
SUMMARY_PARTS = ["found", "todo", "medications", "warning_signs", "follow_up"]

# Cue words, matched on folded text (lower case, no accents).
HEDGE = re.compile(
    r"\?|\b(possible|possibly|probable|probably|likely|suspected|suspect|suspicion|rule out|r/o|may|"
    r"might|could|versus|vs|concern\w*|suspicious|evoqu\w*|eliminer|eventuel\w*|if|unless)\b"
)
ENDORSE = re.compile(r"\b(endorses?|endorsed|reports?|reported|positive for|complains? of|signale|rapporte)\b")
# reaches the end of its clause ("pas d'" ends on its apostrophe: "pas d'allergie")
DENY = re.compile(
    r"\b(?:denies|denied|deny|negative for|pas de|nie)\b|\bpas d'|"
    r"\b(?:does not|doesn't|do not|don't) think (?:you|he|she|they) (?:have|has)\b|\bne pense pas qu"
)
DENY_NEAR = re.compile(r"\b(no|not|never|without|sans|aucune?|jamais|pas|(?:is|are|was|were)n't)\b")  # the next 5 words
DENY_AFTER = re.compile(r"^\W*(?:\w+\W+){0,3}?(ruled out|excluded|negative|ecarte|elimine)")
CLAUSE = re.compile(
    r"[.;:!?]|\b(but|however|although|though|whereas|because|mais|cependant|sauf|except|car)\b|"
    r",\s*(?=(some|a|an|the|he|she|her|his|there|it|they|which|il|elle)\b)|"
    r"\band\s+(?=(he|she|her|his|the|there|it|they|i|we|il|elle)\b)"
)
FAMILY = re.compile(
    r"\b(family|familial\w*|famille|relatives?|mother|father|mom|dad|parents?|brothers?|sisters?|"
    r"siblings?|sons?|daughters?|aunts?|uncles?|grand\w*|cousins?|wife|husband|mere|pere|freres?|"
    r"soeurs?|fils|filles?|tantes?|oncles?)\b|\bfh\b"
)
REPORTER = re.compile(r"^the patient\W{0,2}s (?:mother|father|parents?) (?:also )?(?:reports|states|notes) ")
FH_CONTEXT = re.compile(r"\bfamil\w*|\bfh\b|antecedents familiaux|runs in")
# a relative's word -> who it is; "parent", "sibling" and "family" name no one relative, so they are not here
RELATIVE_WORDS = {
    "mother": "mother mom mum mommy mere maman",
    "father": "father dad daddy pere papa",
    "brother": "brother brothers frere freres",
    "sister": "sister sisters soeur soeurs",
    "grandmother": "grandmother grandma grand_mere",  # "_": one phrase, "grand mere" once folded
    "grandfather": "grandfather grandpa grand_pere",
    "aunt": "aunt aunts tante tantes",
    "uncle": "uncle uncles oncle oncles",
    "cousin": "cousin cousins cousine",
    "son": "son sons fils",
    "daughter": "daughter daughters fille filles",
}
RELATIVE_OF = {w.replace("_", " "): who for who, words in RELATIVE_WORDS.items() for w in words.split()}
RELATIVE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, RELATIVE_OF), key=len, reverse=True)) + r")\b")
# a relative's disease of one of these kinds is also denied by the kind's plain word
DISEASE_KINDS = {
    "cancer": re.compile(r"cancer|carcinom|lymphom|melanom|leuk|leucem|myelom|sarcom|tumou?r|neoplas"),
    "heart disease": re.compile(
        r"heart|cardi|coronar|myocard|infarct|angina|angor|bypass|stent|pacemaker|atrial fibrillation"
    ),
    "diabetes": re.compile(r"diabet"),
}
# "no cancer in the family" denies every cancer; "no breast cancer" only its own (a denial, then generic words)
GENERIC_GAP = (
    r"(?:(?:any|known|significant|other|family|history|of|in|the|antecedents?|familiaux|de|d'|du|connus?)\s*)*"
)
DENIED_KIND = {
    kind: re.compile(
        r"\b(?:no|not|never|without|denies|negative for|pas d'|pas de|aucun\w*|sans)\s*" + GENERIC_GAP + word
    )
    for kind, word in (
        ("cancer", r"(?:cancers?|malignanc\w*)\b"),
        (
            "heart disease",
            r"(?:heart (?:disease|problems?|trouble|conditions?|issues)|cardiac (?:disease|history|problems?)"
            r"|cardiovascular disease|maladies? cardiaques?|problemes? cardiaques?)\b",
        ),
        ("diabetes", r"diabet\w*"),
    )
}
MEDLIST = re.compile(r"medication|\bmeds\b|traitement|medicament")
ASSESS_SEC = re.compile(r"assess|impression|conclusion|diagnos|\bap\b")
PLAN_SEC = re.compile(r"plan|conduite|\bcat\b|\bap\b")
HEADING = re.compile(r"^([^\W\d][\w' -]{2,40}?)\s*:\s")  # "Medications: ..." opens a block
STOP_WORDS = re.compile(r"\b(stop\w*|discontinu\w*|no longer|held|hold|arret\w*|ne plus|interromp\w*|tried|essaye)\b")
KEEP_VERB = re.compile(r"^\W*(keep taking|continue|continuez|continuer|poursui\w*)\b")
START_VERB = re.compile(r"^\W*(start|commencez|commencer|introduction)\b")
CURRENT_VERB = re.compile(r"^\W*(continue|keep taking|continuez|continuer|poursui\w*|takes|prend)\b")
# a note line may open with its group's heading ("Medical treatment: Continue X"): the verb comes after it
GROUP_HEADING = re.compile(r"^[^:.]{1,40}:\s*")

UNIT_WORDS = {
    ("mass", 1.0): "mg milligram milligrams",
    ("mass", 1000.0): "g gram grams gramme grammes",
    ("mass", 0.001): "mcg ug µg microgram micrograms",
    ("units", 1.0): "unit units unite unites iu",
    ("volume", 1.0): "ml milliliter milliliters millilitre millilitres",
}
SPLITS = [
    "tune",
    "heldout",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "written",
    "written2",
    "written3",
    "written4",
    "written5",
    "written6",
    "written7",
    "written8",
    "written9",
    "written10",
    "written11",
    "written12",
    "written13",
    "written14",
    "written15",
    "written16",
    "written17",
    "written18",
    "written19",
    "written20",
    "written21",
    "written22",
    "written23",
    "written24",
    "written25",
    "written26",
    "written27",
    "written28",
    "written29",
    "written30",
]
UNITS = {w: cls for cls, words in UNIT_WORDS.items() for w in words.split()}  # unit -> (class, factor)
COUNT_UNITS = r"tablets?|pills?|capsules?|puffs?|drops?|comprimes?|gelules?|sachets?|bouffees?|gouttes?|cp"
NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.,]\d+)?"  # 1,000 is a thousand, 2,5 is 2.5
DOSE = re.compile(
    r"("
    + NUMBER
    + r")\s*("
    + "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
    + "|"
    + COUNT_UNITS
    + r")\b"
)
NUM_WORDS = {
    w: i
    for words in (
        "zero one two three four five six seven eight nine ten eleven twelve",
        "zero un deux trois quatre cinq six sept huit neuf dix onze douze",
    )
    for i, w in enumerate(words.split())
} | {"une": 1, "twenty": 20, "vingt": 20, "thirty": 30, "trente": 30}
N = r"(" + NUMBER + "|" + "|".join(NUM_WORDS) + r")"
FREQS = [  # (pattern, per-day value, or "hours"/"times"/"per_week" to read from the number), most specific first
    (r"every other day|tous les deux jours|un jour sur deux", 0.5),
    # one day a week skipped: "daily except sunday", "tous les jours sauf le dimanche", "six days a week"
    (
        r"(?:daily|every day|each day|tous les jours) (?:except|but not|sauf) \w+(?: \w+)?|"
        r"(?:six|6) (?:days|jours) (?:a|per|par) (?:week|semaine)",
        6 / 7,
    ),
    (N + r" (?:times|fois) (?:a|per|par) (?:week|semaine)|" + N + r" times weekly", "per_week"),
    (r"twice (a|per) week|twice weekly|(?:two|2) times (?:a|per) week|deux fois par semaine", 2 / 7),
    (r"(once )?(a|per|each) week|weekly|every week|une fois par semaine|par semaine|hebdomadaire", 1 / 7),
    (r"(once )?(a|per) month|monthly|par mois", 1 / 30),
    (r"every " + N + r"(?: (?:to|or|-) " + N + r")? hours?|q" + N + r"h", "hours"),
    (r"toutes les " + N + r"(?: (?:a|ou|-) " + N + r")? heures?", "hours"),
    (N + r" (times|fois) (a|per|par|each) (day|jour)|" + N + r" (times|fois) daily", "times"),
    # the most a day of an as-needed drug: "up to 2 a day", "maximum 10 per day", "jusqu'a 3 par jour"
    (r"(?:up to|maximum(?: of)?|max|at most|jusqu'a) " + N + r"(?: \w+)? (?:a|per|par) (?:day|jour)", "times"),
    (r"once (a|per|each) day|once daily|one time (a|per) day", 1),
    (r"twice (a|per|each) day|twice daily|bid|b\.i\.d|matin et soir", 2),
    (r"tid|t\.i\.d", 3),
    (r"qid|q\.i\.d", 4),
    (
        r"at bedtime|nightly|at night|every night|every morning|in the morning|qhs|qd|daily|every day|each day|"
        r"a day|per day|le soir|au coucher|le matin|chaque soir|chaque matin|par jour",
        1,
    ),
]


# --------------------------------------------------------------------------- matching


def fold(text: str) -> str:
    """Lower case, accents and ligatures removed, typographic apostrophes made plain."""
    text = text.replace("’", "'").replace("‘", "'").replace("œ", "oe").replace("Œ", "oe")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def names(item: dict) -> list[str]:
    main = item.get("term") or item.get("name") or item.get("condition") or ""
    return [n for n in [main, *item.get("aliases", [])] if n and n.strip()]


_PATTERNS: dict[tuple, re.Pattern] = {}


def spans(ftext: str, item: dict) -> list[tuple[int, int]]:
    """Where a label item (its term/name/condition or an alias) occurs in folded text."""
    key = tuple(names(item))
    if key not in _PATTERNS:
        parts = [
            r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", fold(w).strip())))
            for w in sorted(key, key=len, reverse=True)
        ]
        _PATTERNS[key] = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")
    found = [m.span() for m in _PATTERNS[key].finditer(ftext)]
    return found or unordered_spans(ftext, key)


_FUNCTION_WORDS = {
    "the",
    "of",
    "to",
    "a",
    "an",
    "in",
    "on",
    "with",
    "and",
    "at",
    "for",
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "a",
    "au",
    "aux",
    "en",
    "et",
}


_PRESENTS = re.compile(r"\b(?:and|who) presents?\b")


def unordered_spans(ftext: str, key: tuple) -> list[tuple[int, int]]:
    """A name of two or more content words also matches when all its words (a plural s aside) stand
    within ten words of each other in one clause, in any order: "tenderness to palpation of the right knee" states
    "right knee tenderness to palpation"."""
    tokens = [(m.group(0).rstrip("s"), m.start(), m.end()) for m in re.finditer(r"[a-z0-9/]+", ftext)]
    out = []
    for name in key:
        want = {w.rstrip("s") for w in re.findall(r"[a-z0-9/]+", fold(name))} - _FUNCTION_WORDS
        if len(want) < 2:
            continue
        for i in range(len(tokens)):
            window = tokens[i : i + 10]
            if tokens[i][0] in want and want <= {t[0] for t in window}:
                last = max(t[2] for t in window if t[0] in want)
                if CLAUSE.search(ftext, tokens[i][1], last) or _PRESENTS.search(ftext, tokens[i][1], last):
                    continue  # "… upper respiratory infection and presents today with ear pain" names no ear infection
                out.append((tokens[i][1], last))
                break
    return out


def polarity(ftext: str, start: int, end: int) -> str | None:
    """'endorsed' / 'denied' by the nearest cue before the mention in its clause, else None."""
    if DENY_AFTER.search(CLAUSE.split(ftext[end:], maxsplit=1)[0]):
        return "denied"
    breaks = [m.end() for m in CLAUSE.finditer(ftext, 0, start)]
    clause = ftext[breaks[-1] if breaks else 0 : start]
    cues = [(m.start(), "endorsed") for m in ENDORSE.finditer(clause)]
    cues += [(m.start(), "denied") for m in DENY.finditer(clause)]
    cues += [(m.start(), "denied") for m in DENY_NEAR.finditer(clause) if len(clause[m.end() :].split()) <= 5]
    return max(cues)[1] if cues else None


def number(s: str) -> float:
    if s in NUM_WORDS:
        return float(NUM_WORDS[s])
    return float(s.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s) else s.replace(",", "."))


def doses(segment: str) -> list[tuple[str, float]]:
    """(unit class, value in the class's base unit) of every number+unit in folded text."""
    out = []
    for m in DOSE.finditer(segment):
        cls, factor = UNITS.get(m.group(2), ("count", 1.0))
        out.append((cls, number(m.group(1)) * factor))
    return out


def freqs(segment: str) -> list[float]:
    """Per-day values of the frequency expressions in folded text (a range gives both ends)."""
    found, taken = [], []
    for pat, value in FREQS:
        for m in re.finditer(r"(?<!\w)(?:" + pat + r")(?!\w)", segment):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            nums = [number(g) for g in m.groups() if g and (g[0].isdigit() or g in NUM_WORDS)]
            if value == "hours":
                found += [24 / n for n in nums if n]
            elif value == "times":
                found += nums[:1]
            elif value == "per_week":
                found += [n / 7 for n in nums[:1]]
            else:
                found.append(value)
    return found


def same(a: float, b: float) -> bool:
    return abs(a - b) <= 0.05 * max(abs(a), abs(b)) + 1e-9


def med_segments(ftext: str, meds: list[dict]) -> dict[int, list[str]]:
    """Labelled drug index -> each of its mentions and the text after it, up to the next other labelled drug (the
    mention too: an alias such as "furosemide 80" holds the number of "furosemide 80 mg")."""
    marks = sorted((s, e, i) for i, med in enumerate(meds) for s, e in spans(ftext, med))
    out: dict[int, list[str]] = {}
    for k, (s, _e, i) in enumerate(marks):
        nxt = next((s2 for s2, _e2, j in marks[k + 1 :] if j != i), len(ftext))
        out.setdefault(i, []).append(ftext[s:nxt])
    return out


def label_dose(med: dict) -> tuple[str, float] | None:
    """(unit class, value in the class's base unit) of the labelled dose; None if absent or unit unknown."""
    if med.get("dose") is None:
        return None
    unit = fold(str(med.get("unit") or "mg")).strip()
    cls, factor = UNITS.get(unit, ("count", 1.0) if re.fullmatch(COUNT_UNITS, unit) else (None, 1.0))
    return (cls, float(med["dose"]) * factor) if cls else None


# the most a day of a drug by weight ("maximum 2 g per day", "no more than two grams a day") is neither a dose nor
# a frequency: the label has no field for it, and a note that repeats it says what the clinician said
MAX_DAILY_AMOUNT = re.compile(
    r"(?:up to|maximum(?: of)?|max|at most|no more than|not more than|jusqu'a|pas plus de) "
    + N
    + r" (?:g|mg|grams?|grammes?|milligrams?|milligrammes?) (?:a|per|par|each) (?:day|jour)"
)


def dose_ok(med: dict, segment: str, classes=("mass", "units", "volume")) -> bool | None:
    """Whether the segment states the labelled dose; None when it states no comparable dose."""
    want = label_dose(med)
    segment = MAX_DAILY_AMOUNT.sub(" ", segment)
    got = [v for c, v in doses(segment) if c == want[0]] if want and want[0] in classes else []
    return any(same(v, want[1]) for v in got) if got else None


def freq_ok(med: dict, segment: str) -> bool | None:
    segment = MAX_DAILY_AMOUNT.sub(" ", segment)
    got = freqs(segment) if med.get("per_day") is not None else []
    return any(same(v, float(med["per_day"])) for v in got) if got else None


def wrong(check, med: dict, segments: list[str]) -> bool:
    """Some segment states a value and none states the labelled one."""
    verdicts = [check(med, seg) for seg in segments]
    return False in verdicts and True not in verdicts


# --------------------------------------------------------------------------- the document, flattened


def view(doc: dict) -> dict:
    """Note sentences with context flags, summary items, facts, sections (assessment/plan, size)."""
    facts = {f["id"]: f for f in doc["facts"]}
    sents, sections = [], []
    for sec in doc["note"]["sections"]:
        head = fold(f"{sec['key']} {sec['title']}")
        sections.append(
            {"assess": bool(ASSESS_SEC.search(head)), "plan": bool(PLAN_SEC.search(head)), "n": len(sec["sentences"])}
        )
        block = ""
        for s in sec["sentences"]:
            if "verify drug name" in s.get("issues", []):
                continue  # "Unclear drug name: 'list in oplot', possibly lisinopril.": a question, not a finding
            f = fold(s["text"])
            m = HEADING.match(f)
            block = m.group(1) if m else block
            cited = [facts[i] for i in s.get("fact_ids", []) if i in facts]
            said = REPORTER.sub("", f)  # "the patient's mother reports he's coughing": the child's, told by her
            family = FAMILY.search(f"{head} {block} {said}") or any(c["kind"] == "family_history" for c in cited)
            # a family-history sentence proper (a "mom" who came along does not make one)
            history = FH_CONTEXT.search(f"{head} {block} {f}") or any(c["kind"] == "family_history" for c in cited)
            sents.append(
                {
                    "text": s["text"],
                    "f": f,
                    "cited": cited,
                    "family": bool(family),
                    "family_history": bool(history),
                    "medlist": bool(MEDLIST.search(f"{head} {block}")),
                    **sections[-1],
                }
            )
    summ = doc.get("patient_summary") or {}
    items = [
        {
            "part": p,
            "text": it["text"],
            "f": fold(it["text"]),
            "family": False,
            "cited": [facts[i] for i in it.get("fact_ids", []) if i in facts],
        }
        for p in SUMMARY_PARTS
        for it in summ.get(p, [])
    ]
    return {"sents": sents, "items": items, "facts": list(facts.values()), "sections": sections}


def cited_names(entry: dict, kind: str) -> str:
    return fold(
        " ".join(
            f"{c['label']} {c.get('attributes', {}).get('surface', '')}" for c in entry["cited"] if c["kind"] == kind
        )
    )


def stated_present(entry: dict, item: dict, hedge_counts: bool = True) -> bool:
    """The item is mentioned as the patient's: not denied, not about a relative (and not hedged)."""
    if entry["family"] or hedge_counts and HEDGE.search(entry["f"]):
        return False
    head = GROUP_HEADING.match(entry["f"])  # "Allergies: No known allergy." - a heading names, never states
    body = head.end() if head else 0
    return any(
        polarity(entry["f"], s, e) != "denied" and not NAMES_A_TEST.match(entry["f"], e)
        for s, e in spans(entry["f"], item)
        if s >= body
    )


# "Hepatitis b vaccine ordered", "TB test": the name of a test or a vaccine, no disease stated
NAMES_A_TEST = re.compile(
    r"\s*(?:surface\s+)?(?:tests?|testing|vaccines?|vaccinations?|shots?|screening|antibod\w*|antigens?|titers?|"
    r"serolog\w*|pcr|vaccins?|depistage)\b"
)


# --------------------------------------------------------------------------- errors


def err_certainty(v: dict, label: dict) -> list[str]:
    out = []
    for dx in label.get("diagnoses", []):
        if dx.get("certainty") not in ("possible", "ruled-out"):
            continue
        for s in v["sents"]:
            facts = [c for c in s["cited"] if c["kind"] == "assessment" and spans(fold(c["label"]), dx)]
            where = s["assess"] or s["plan"] or any(c["kind"] == "assessment" for c in s["cited"])
            if not where or not (facts or spans(s["f"], dx)):
                continue
            fact_not_present = any(c["status"] in ("uncertain", "absent") for c in facts)
            if (
                (facts or stated_present(s, dx, hedge_counts=False))
                and not fact_not_present
                and not HEDGE.search(s["f"])
                and not s["family"]
            ):
                out.append(s["text"])
    return out


def err_dose_freq(v: dict, label: dict) -> dict[str, list[str]]:
    out = {"dose": [], "freq_note": [], "freq_summary": []}
    meds = label.get("medications", [])
    for kind, entries in (("note", v["sents"]), ("summary", v["items"])):
        for e in entries:
            for i, segs in med_segments(e["f"], meds).items():
                if kind == "note" and wrong(dose_ok, meds[i], segs):
                    out["dose"].append(e["text"])
                if wrong(freq_ok, meds[i], segs):
                    out[f"freq_{kind}"].append(e["text"])
    return out


def own_spans(ftext: str, med: dict, meds: list[dict]) -> list[tuple[int, int]]:
    """The drug's spans that are not part of another labelled drug's longer name: "nicotine" (an alias of the
    patch and of the gum) in "nicotine gum" is the gum."""
    others = [o for other in meds if other is not med for o in spans(ftext, other)]
    return [(a, b) for a, b in spans(ftext, med) if not any(c <= a and b <= d and d - c > b - a for c, d in others)]


def err_status(v: dict, label: dict) -> list[str]:
    out = []
    meds = label.get("medications", [])
    for med in meds:
        status = med.get("status")
        for it in v["items"]:
            if not (own_spans(it["f"], med, meds) or own_spans(cited_names(it, "medication"), med, meds)):
                continue
            said = GROUP_HEADING.sub("", it["f"])
            if status == "new" and KEEP_VERB.search(said):
                out.append(it["text"])
            elif status == "continued" and START_VERB.search(said):
                out.append(it["text"])
            elif status == "stopped" and it["part"] == "medications" and not STOP_WORDS.search(it["f"]):
                out.append(it["text"])
        if status != "stopped":
            continue
        for s in v["sents"]:
            named = own_spans(s["f"], med, meds) or own_spans(cited_names(s, "medication"), med, meds)
            current = CURRENT_VERB.search(GROUP_HEADING.sub("", s["f"]))
            if named and (s["medlist"] or current) and not STOP_WORDS.search(s["f"]):
                out.append(s["text"])
    return out


def err_attribution(v: dict, label: dict) -> list[str]:
    own = {fold(n) for dx in label.get("diagnoses", []) for n in names(dx)}
    out = []
    for fh in label.get("family_history", []):
        # the patient has it too: a labelled diagnosis is, or names, the relative's disease ("coronary artery
        # disease with prior myocardial infarction" and a brother's myocardial infarction)
        if any(re.search(rf"(?<!\w){re.escape(fold(n))}(?!\w)", o) for n in names(fh) for o in own):
            continue
        out += [s["text"] for s in v["sents"] if stated_present(s, fh, hedge_counts=False)]
    return out


def relatives(ftext: str) -> set[str]:
    return {RELATIVE_OF[m.group(1)] for m in RELATIVE.finditer(ftext)}


def labelled_relatives(label: dict, fh: dict) -> set[str]:
    """Who the label gives this disease to (every row of the same condition); empty = not one named relative."""
    who = set()
    for other in label.get("family_history", []):
        if {fold(n) for n in names(other)} & {fold(n) for n in names(fh)}:
            said = relatives(fold(other.get("relative") or ""))
            if not said:
                return set()
            who |= said
    return who


def others_relatives(label: dict, fh: dict, s: dict) -> set[str]:
    """Relatives of the other labelled family diseases the sentence names: "rheumatoid arthritis (father)" names the
    father's disease, not the mother's "knee osteoarthritis" (alias "arthritis")."""
    return {
        r
        for other in label.get("family_history", [])
        if other is not fh and spans(s["f"], other)
        for r in relatives(fold(other.get("relative") or ""))
    }


def err_family(v: dict, label: dict) -> list[str]:
    """A relative's labelled disease denied in a family-history sentence, or given to another relative."""
    out = []
    for fh in label.get("family_history", []):
        kinds = [k for k, pat in DISEASE_KINDS.items() if any(pat.search(fold(n)) for n in names(fh))]
        who = labelled_relatives(label, fh)
        for s in (s for s in v["sents"] if s["family_history"]):
            found = spans(s["f"], fh)
            named = relatives(s["f"])  # "no diabetes (father)" denies it of the father only, not of the uncle
            if any(polarity(s["f"], a, b) == "denied" for a, b in found) and (not named or not who or named & who):
                out.append(s["text"])
            elif not found and any(DENIED_KIND[k].search(s["f"]) for k in kinds):
                out.append(s["text"])
            elif found and who and relatives(s["f"]) and not relatives(s["f"]) & (who | others_relatives(label, fh, s)):
                out.append(s["text"])
    return out


def err_findings(v: dict, label: dict) -> dict[str, list[str]]:
    """Polarity errors (against the label) and contradictions (both polarities in the note)."""
    out = {"polarity": [], "contradiction": []}
    items = [*label.get("endorsed_findings", []), *label.get("denied_findings", [])]
    for want, key in (("endorsed", "endorsed_findings"), ("denied", "denied_findings")):
        for item in label.get(key, []):
            said = {"endorsed": [], "denied": []}
            for s in v["sents"]:
                if s["family"]:
                    continue
                # a mention inside another finding's longer one is that finding's: "denies paroxysmal nocturnal
                # dyspnea" is not said of "dyspnoea"
                longer = [sp for o in items if o is not item for sp in spans(s["f"], o)]
                pols = {
                    polarity(s["f"], a, b)
                    for a, b in spans(s["f"], item)
                    if not any(c <= a and b <= d and d - c > b - a for c, d in longer)
                } - {None}
                for p in pols:
                    said[p].append(s["text"])
                if pols and want not in pols:
                    out["polarity"].append(s["text"])
            pairs = min(len(said["endorsed"]), len(said["denied"]))
            out["contradiction"] += (said["denied"] if want == "endorsed" else said["endorsed"])[:pairs]
    return out


PHONE = re.compile(r"\b\d{3}[\s.-]?\d{3}[\s.-]?\d{4}\b|\b0\d(?:[\s.]?\d{2}){4}\b")
TEMP = re.compile(r"\d+(?:[.,]\d+)?\s*(?:°|degrees?|degres?)")
THRESHOLD = re.compile(
    r"\b(more than|over|above|greater than|at least|less than|below|under|higher than|lower than|"
    r"plus de|moins de|au-dessus de|superieure? a|inferieure? a)\s+\d|[<>]\s*\d"
)
EMERGENCY = re.compile(r"\b(911|emergency|le 15|samu|urgences?)\b")


def unsaid(ftext: str, dialogue_f: str, said: set[float]) -> bool:
    """A phone/temperature/threshold number or an emergency word of a summary item is not in the dialogue."""
    if (PHONE.search(ftext) or TEMP.search(ftext) or THRESHOLD.search(ftext)) and any(
        number(n) not in said for n in re.findall(NUMBER, ftext)
    ):
        return True
    for m in EMERGENCY.finditer(ftext):
        word = re.sub(r"\D", "", m.group(1)) or m.group(1)[:7]
        if float(word) not in said if word.isdigit() else word not in dialogue_f:
            return True
    return False


def err_forbidden(v: dict, label: dict, dialogue: str) -> tuple[list[str], list[str]]:
    """(absent conditions stated as the patient's, summary items with numbers/emergency words not said)."""
    entries = v["sents"] + [it for it in v["items"] if it["part"] in ("found", "todo", "medications")]
    absent = []
    for cond in label.get("absent_conditions", []):
        absent += [e["text"] for e in entries if stated_present(e, cond)]
    f = fold(dialogue)
    said = {number(m) for m in re.findall(NUMBER, f)}
    said |= {float(v) for w, v in NUM_WORDS.items() if re.search(rf"\b{w}\b", f)}
    # "a fever over a hundred and one": temperatures and readings said in words past a hundred
    said |= {100.0 + NUM_WORDS.get(m, 0) for m in re.findall(r"\bhundred(?: and)?(?: (\w+))?", f)}
    # … and as people say them: "one twenty", "one forty-five"; and the tens in words ("under fifty")
    tens = NUM_WORDS | {
        w: 10 * i for i, w in enumerate("- - - - forty fifty sixty seventy eighty ninety".split()) if i > 3
    }
    tens |= {w: 10 * i for i, w in enumerate("- - - - quarante cinquante soixante".split()) if i > 3}
    said |= {float(v) for w, v in tens.items() if re.search(rf"\b{w}\b", f)}
    said |= {100.0 + tens.get(m, 0) for m in re.findall(r"\bone (\w+)\b", f) if tens.get(m, 0) >= 10}
    return absent, [it["text"] for it in v["items"] if unsaid(it["f"], f, said)]


# --------------------------------------------------------------------------- recall and the rest


def found(texts: list[str], items: list[dict]) -> list[int]:
    return [sum(any(spans(t, it) for t in texts) for it in items), len(items)]


def recalls(v: dict, label: dict) -> dict[str, list[int]]:
    ap_text = [s["f"] for s in v["sents"] if s["assess"] or s["plan"]]
    dx_text = ap_text + [fold(f["label"]) for f in v["facts"] if f["kind"] == "assessment"]
    all_text = [s["f"] + " | " + cited_names(s, "medication") for s in v["sents"]]
    out = {
        "diagnoses": found(dx_text, label.get("diagnoses", [])),
        "plan": found(ap_text, label.get("plan", [])),
        "medications": found(all_text, label.get("medications", [])),
    }
    out["dose_freq"] = dose_freq_recall(v, label.get("medications", []))
    for want in ("endorsed", "denied"):
        items, hit = label.get(f"{want}_findings", []), 0
        for item in items:
            pols = {polarity(s["f"], a, b) for s in v["sents"] if not s["family"] for a, b in spans(s["f"], item)}
            hit += want in pols or (want == "endorsed" and None in pols)
        out[want] = [hit, len(items)]
    family = label.get("family_history", [])
    told = [s["f"] for s in v["sents"] if s["family_history"]]
    out["family"] = [
        sum(any(polarity(t, a, b) != "denied" for t in told for a, b in spans(t, fh)) for fh in family),
        len(family),
    ]
    return out


def dose_freq_recall(v: dict, meds: list[dict]) -> list[int]:
    """Drugs with a labelled dose or per_day that one note sentence states right (dose and frequency)."""
    todo = [i for i, m in enumerate(meds) if label_dose(m) or m.get("per_day") is not None]
    right = set()
    for s in v["sents"]:
        for i, segs in med_segments(s["f"], meds).items():
            for seg in segs if i in todo else []:
                dose = not label_dose(meds[i]) or dose_ok(meds[i], seg, ("mass", "units", "volume", "count"))
                freq = meds[i].get("per_day") is None or freq_ok(meds[i], seg)
                if dose and freq:
                    right.add(i)
    return [len(right), len(todo)]


def med_precision(v: dict, label: dict) -> list[int]:
    cited = {f["id"]: f for s in v["sents"] for f in s["cited"] if f["kind"] == "medication"}
    drugs = {fold(f"{f['label']} | {f.get('attributes', {}).get('surface', '')}") for f in cited.values()}
    # "Dolipranes" (two of them) is the labelled Doliprane
    said = [(d, re.sub(r"(?<=\w{4})s\b", "", d)) for d in drugs]
    return [sum(any(spans(d, m) or spans(one, m) for m in label.get("medications", [])) for d, one in said), len(drugs)]


def register_reasons():
    """register.py's reasons(), without running its command line (the script parses sys.argv on import)."""
    path = SHARED / "tools" / "register.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    tree.body = [
        n
        for n in tree.body
        if isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef))
        or isinstance(n, ast.Assign)
        and "re.compile" in ast.unparse(n.value)
    ]
    ns: dict = {}
    exec(compile(tree, str(path), "exec"), ns)
    return ns["reasons"]


REASONS = register_reasons()


def score(doc: dict, label: dict, dialogue: str, reference: str | None, scorer) -> dict:
    from scribe.notes import compose as note_stage
    from scribe.schemas_docs import Note

    v = view(doc)
    absent, not_said = err_forbidden(v, label, dialogue)
    bad = {
        "certainty": err_certainty(v, label),
        "status": err_status(v, label),
        "attribution": err_attribution(v, label),
        "family": err_family(v, label),
        "forbidden": absent + not_said,
        **err_dose_freq(v, label),
        **err_findings(v, label),
    }
    bad = {k: list(dict.fromkeys(bad[k])) for k in ERRORS}  # a sentence counts once per kind
    res = {
        "errors": {k: len(bad[k]) for k in ERRORS},
        "offending": bad,
        "recall": recalls(v, label),
        "med_precision": med_precision(v, label),
        "register": [sum(bool(REASONS(s["text"])) for s in v["sents"]), len(v["sents"])],
        "empty_assessment": int(not any(sec["n"] for sec in v["sections"] if sec["assess"])),
        "empty_plan": int(not any(sec["n"] for sec in v["sections"] if sec["plan"])),
        "forbidden_detail": {"absent_condition": len(set(absent)), "summary_unsaid": len(set(not_said))},
        "rouge": None,
    }
    if reference:
        sc = scorer.score(reference, note_stage.plain_text(Note.model_validate(doc["note"])))
        res["rouge"] = {k: round(100 * sc[k].fmeasure, 2) for k in ("rouge1", "rouge2", "rougeL")}
    return res


# --------------------------------------------------------------------------- inputs, runs, tables


def load_labels(split: str, ids: list[str]) -> list[dict]:
    """Label files of the split, or of the given ids (any split); a file still being written is skipped."""
    out = []
    for path in sorted(LABELS.glob("*.json")):
        try:
            label = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
            continue
        wanted = label.get("id") in ids if ids else split in ("all", label.get("split"))
        if wanted:
            out.append(label)
    return out


def source_of(label: dict, aci: dict) -> tuple[str, str | None]:
    """(dialogue text, reference note or None) of a labelled consultation."""
    if label.get("source", "").startswith("aci"):
        return aci[label["id"]]["dialogue"], aci[label["id"]]["note"]
    if label.get("source") == "written":
        return (WRITTEN / f"{label['id']}.txt").read_text(encoding="utf-8"), None
    return (SHARED / "data" / "labforsims2" / f"{label['id']}.txt").read_text(encoding="utf-8"), None


def doc_kwargs(args) -> dict:
    """document()'s options: the template only when one is asked for (else document()'s own default)."""
    kw = {}
    if args.template != "auto":
        kw["template"] = args.template
    if "llm" in inspect.signature(document).parameters:
        kw["llm"] = args.llm
    if args.prose:
        kw["prose"] = True
    return kw


def run(labels: list[dict], mode: str, args, aci: dict, scorer) -> list[dict]:
    results = []
    for label in labels:
        dialogue, reference = source_of(label, aci)
        lang = label.get("language", "en")
        source = dialogue
        known = [m["name"] for m in label.get("medications", []) if m.get("status") != "new"]
        if mode == "audio":
            from fidelity_audio import transcript_for

            out = ROOT / "bench" / "out" / "fidelity-audio"
            source = transcript_for(label, dialogue, out, known if args.context else None)
            if args.redecode:
                from fidelity_audio import redecoded

                source = redecoded(source, out / f"{label['id']}.wav", label, out)
        t = time.perf_counter()
        kw = doc_kwargs(args)
        if args.context:  # what an EHR knows before the visit: the drugs the patient already takes
            kw["vocabulary"] = known
        doc = document(source, language=lang, **kw)
        seconds = time.perf_counter() - t
        res = score(doc, label, dialogue, reference, scorer)
        results.append(
            res
            | {
                "id": label["id"],
                "split": label.get("split", "?"),
                "from": mode,
                "language": lang,
                "template": doc["note"]["template"],
                "seconds": round(seconds, 3),
            }
        )
        print(f"  {label['id']} ({mode}): {seconds:.2f} s", file=sys.stderr)
    return results


def aggregate(results: list[dict]) -> dict:
    """Sums of errors and counts (recalls are micro-averaged from them), means of ROUGE and seconds."""
    agg = {
        "n": len(results),
        "errors": {k: sum(r["errors"][k] for r in results) for k in ERRORS},
        "recall": {k: [sum(r["recall"][k][i] for r in results) for i in (0, 1)] for k in RECALLS},
    }
    for k in ("med_precision", "register"):
        agg[k] = [sum(r[k][i] for r in results) for i in (0, 1)]
    for k in ("empty_assessment", "empty_plan"):
        agg[k] = sum(r[k] for r in results)
    rouged = [r["rouge"] for r in results if r["rouge"]]
    agg["rouge"] = {k: round(st.mean(x[k] for x in rouged), 2) for k in rouged[0]} if rouged else None
    agg["seconds"] = round(st.mean(r["seconds"] for r in results), 3) if results else None
    return agg


HEAD = [
    "certainty",
    "dose",
    "freq_note",
    "freq_summary",
    "status",
    "attrib",
    "contra",
    "polarity",
    "forbid",
    "family",
    "R dx",
    "R med",
    "R dose+freq",
    "R endorsed",
    "R denied",
    "R plan",
    "R family",
    "med prec",
    "register",
    "empty A",
    "empty P",
    "R-1",
    "R-2",
    "R-L",
    "s",
]


def frac(hit_total: list[int], pct: bool) -> str:
    hit, total = hit_total
    if not total:
        return "-"
    return f"{hit / total:.2f} ({hit}/{total})" if pct else f"{hit}/{total}"


def cells(r: dict, pct: bool) -> list[str]:
    out = [str(r["errors"][k]) for k in ERRORS] + [frac(r["recall"][k], pct) for k in RECALLS]
    out += [
        frac(r["med_precision"], pct),
        f"{r['register'][0] / max(r['register'][1], 1):.1%}",
        str(r["empty_assessment"]),
        str(r["empty_plan"]),
    ]
    out += [f"{x:.1f}" for x in r["rouge"].values()] if r["rouge"] else ["-"] * 3
    return out + [f"{r['seconds']:.2f}" if r["seconds"] is not None else "-"]


def table(head: list[str], rows: list[list[str]]) -> str:
    return "\n".join(["| " + " | ".join(row) + " |" for row in [head, ["---"] * len(head), *rows]])


def report(by_mode: dict[str, list[dict]], split: str) -> tuple[str, dict]:
    """Per-consultation rows (text and audio rows together) and overall rows per split and input."""
    per = []
    for same_consultation in zip(*by_mode.values()):  # its text row, then its audio row
        for r in same_consultation:
            per.append([r["id"], r["split"], r["from"]] + cells(r, pct=False))
    overall, rows = {}, []
    for group in SPLITS if split == "all" else [split]:
        for mode, results in by_mode.items():
            overall.setdefault(group, {})[mode] = agg = aggregate([r for r in results if r["split"] == group])
            if agg["n"]:
                rows.append([group, mode, str(agg["n"])] + cells(agg, pct=True))
        if len(by_mode) == 2 and overall[group]["text"]["n"]:
            from fidelity_audio import ratio_cells

            ratios = ratio_cells(overall[group]["text"]["recall"], overall[group]["audio"]["recall"], RECALLS)
            rows.append(
                [group, "audio/text", ""]
                + [""] * len(ERRORS)
                + ratios
                + [""] * (len(HEAD) - len(ERRORS) - len(RECALLS))
            )
    return (
        "Per consultation (errors: counts; recall: hit/total)\n\n"
        + table(["id", "split", "from"] + HEAD, per)
        + "\n\nOverall\n\n"
        + table(["split", "from", "n"] + HEAD, rows)
    ), overall


def show(by_mode: dict[str, list[dict]], n: int) -> None:
    for mode, results in by_mode.items():
        for kind in ERRORS:
            examples = [(r["id"], text) for r in results for text in r["offending"][kind]][:n]
            if examples:
                print(f"\n{kind} ({mode}):")
            for cid, text in examples:
                print(f"  {cid}: {text[:200]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="tune", choices=[*SPLITS, "all"])
    ap.add_argument("--ids", default="", help="comma-separated consultation ids (of any split)")
    ap.add_argument("--template", default="auto", help="auto (document()'s own default), soap, hp, ...")
    ap.add_argument("--llm", default="none")
    ap.add_argument("--prose", action="store_true", help="the LLM rewrites the note from the verified facts")
    ap.add_argument(
        "--context",
        action="store_true",
        help="pass the labelled drugs the patient already takes as the visit's EHR vocabulary "
        "(from audio: also to the speech recogniser)",
    )
    ap.add_argument("--from", dest="source", default="text", choices=["text", "audio", "both"])
    ap.add_argument(
        "--redecode",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="audio: apply the service's targeted re-decode of likely drug names to the cached transcript "
        "(default: as the service does, SCRIBE_REDECODE_DRUGS)",
    )
    ap.add_argument("--show", type=int, default=0, help="print up to N offending sentences per error kind")
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    if args.redecode is None:
        from scribe.config import get_settings

        args.redecode = get_settings().redecode_drugs
    from rouge_score import rouge_scorer

    ids = [i.strip() for i in args.ids.split(",") if i.strip()]
    labels = load_labels(args.split, ids)
    if not labels:
        sys.exit(f"no labels for --split {args.split} --ids {args.ids or '-'} in {LABELS}")
    aci = {}
    for name in ("train", "valid"):
        with open(SHARED / "data" / "aci-bench" / f"{name}.csv", encoding="utf-8") as f:
            aci.update({row["encounter_id"]: row for row in csv.DictReader(f)})
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    for lang in sorted({label.get("language", "en") for label in labels}):  # warm-up: imports, lexicons
        first = next(label for label in labels if label.get("language", "en") == lang)
        document(source_of(first, aci)[0], language=lang, **doc_kwargs(args))
    modes = ["text", "audio"] if args.source == "both" else [args.source]
    by_mode = {m: run(labels, m, args, aci, scorer) for m in modes}
    text, overall = report(by_mode, "all" if ids else args.split)
    print(f"{len(labels)} labelled consultations, template={args.template}, llm={args.llm}, from={args.source}\n")
    print(text)
    if args.show:
        show(by_mode, args.show)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        out = {"args": vars(args), "consultations": by_mode, "overall": overall}
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
