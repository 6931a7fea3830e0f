"""Drug names through speech: the visit's vocabulary in the recogniser's prompt and drug-name recovery.

    python bench/vocabulary.py                     # 8 English + 5 French drug-rich consultations, base
    python bench/vocabulary.py --model tiny.en --fr 0
    python bench/vocabulary.py --sweep 0,10,25,50,100 --en 4 --fr 0   # WER cost of long term lists
    python bench/vocabulary.py --reuse-asr         # recognition read back from the last run: recovery only
    python bench/vocabulary.py --fidelity D2N004,D2N009,D2N039 # whole tune visits of the note benchmark: re-decode
    python bench/vocabulary.py --cached W73,W74,W75   # cached transcripts of the note benchmark: recovery only
    python bench/vocabulary.py --long bench/out/fidelity-audio/D2N004.wav --terms metformin,meloxicam
                                                   # a whole visit: words and WER without and with the list

Consultations: the drug-rich part of ACI-Bench train/valid dialogues (English) and LabForSims2 (French):
every turn that names a drug, with the turn before and after, at most MAX_TURNS turns, spoken by
../shared/tools/synth_consultation.py (espeak-ng, two voices; --noise / --same-gender make it harder),
cached under bench/out/vocabulary/. Words are given the reference speakers by time (oracle turns), so
the rows differ only in recognition and recovery.

Rows, each on the same audio: without anything (today's pipeline), with the visit vocabulary in the
prompt, with drug recovery after ASR (lexicon only), with both (recovery reads the visit's list first), and
each of the last two after the targeted re-decode of likely drug names (scribe.speech.redecode, the final
transcript's default: "recovery + re-decode", "list + recovery + re-decode"; --no-redecode skips them).
The visit's medication list is every drug the dialogue names plus DISTRACTORS it does not (an EHR list
names drugs the visit never mentions).

Columns: WER; drug-name recall and precision (distinct drugs named in the transcript, by their canonical
name, against those of the dialogue; a drug in the transcript that the dialogue does not name is a false
positive, "not said"); medication-fact recall of the note (scribe.notes.engine.document) against the
note built from the dialogue's own text, and medication facts not said; RTF of recognition (+ recovery).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out" / "vocabulary"
MAX_TURNS = 24
MAX_WORDS = 230  # about 90 s of espeak speech per consultation: eleven fit a run on two shared cores
DISTRACTORS = {
    "en": ["atorvastatin", "omeprazole", "levothyroxine", "sertraline"],
    "fr": ["Inexium", "Tahor", "Levothyrox", "Seroplex"],
}
# The note benchmark's tune split (bench/data/fidelity, "split": "tune"): the only consultations of ACI-Bench
# and LabForSims2 engineers may run (the rest are its held-out and fresh splits).
TUNE = frozenset(
    [f"D2N{n:03d}" for n in (*range(1, 11), 12, 13, *range(21, 29), *range(32, 41), 68, 69, 72)]
    + [f"Interne{n:02d}" for n in (*range(2, 8), 11, 12, 13)]
)
# Names for the --sweep lists: drugs no selected dialogue names (filtered per file).
SWEEP_POOL = (
    "warfarin apixaban rivaroxaban clopidogrel digoxin amiodarone carvedilol bisoprolol nebivolol propranolol "
    "diltiazem verapamil nifedipine valsartan losartan candesartan irbesartan olmesartan ramipril enalapril "
    "perindopril spironolactone eplerenone torsemide bumetanide chlorthalidone indapamide rosuvastatin "
    "pravastatin simvastatin ezetimibe fenofibrate gliclazide glipizide glimepiride sitagliptin linagliptin "
    "empagliflozin dapagliflozin canagliflozin liraglutide semaglutide dulaglutide pioglitazone acarbose "
    "pantoprazole esomeprazole lansoprazole famotidine ranitidine ondansetron metoclopramide loperamide "
    "mesalamine budesonide prednisone prednisolone methylprednisolone hydrocortisone dexamethasone montelukast "
    "tiotropium salmeterol formoterol fluticasone beclomethasone cetirizine loratadine fexofenadine "
    "escitalopram citalopram fluoxetine paroxetine venlafaxine duloxetine mirtazapine bupropion trazodone "
    "quetiapine olanzapine risperidone aripiprazole lithium lamotrigine levetiracetam valproate carbamazepine "
    "topiramate pregabalin zolpidem lorazepam alprazolam clonazepam diazepam tramadol oxycodone morphine "
    "naproxen diclofenac celecoxib meloxicam allopurinol colchicine febuxostat alendronate risedronate "
    "tamsulosin finasteride oxybutynin solifenacin sildenafil tadalafil methotrexate hydroxychloroquine "
    "azathioprine cyclosporine tacrolimus doxycycline azithromycin clarithromycin ciprofloxacin levofloxacin "
    "nitrofurantoin cephalexin amoxicillin clindamycin fluconazole acyclovir valacyclovir oseltamivir"
).split()


# --------------------------------------------------------------------------- consultations


def aci_dialogues() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(id, language, [(speaker, text)]) of the ACI-Bench train/valid dialogues of the note benchmark's tune
    split (TUNE): the others measure generalisation and are never run here."""
    out = []
    for name in ("train.csv", "valid.csv"):
        with (SHARED / "data" / "aci-bench" / name).open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["encounter_id"] not in TUNE:
                    continue
                turns = re.findall(
                    r"^\[(doctor|patient|patient_guest|guest_family|guest_clinician)\]\s*(.+)$", row["dialogue"], re.M
                )
                turns = [("doctor" if s == "doctor" else "patient", t.strip()) for s, t in turns]
                out.append((f"{name[:-4]}-{row['encounter_id']}", "en", turns))
    return out


def french_dialogues() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """LabForSims2 (few drugs: paracétamol, aspirine) and bench/data/vocabulary/ (four short consultations
    written for this bench around French brands and dose phrases: Spasfon, Kardégic, Levothyrox…;
    fr-brands-3 and -4 were written after the others, as a check of the French recovery on names it was
    not developed on: Xarelto, Mopral, Imovane, Ixprim, Lovenox, Plavix, Forlax)."""
    out = []
    for path in sorted((ROOT / "bench" / "data" / "vocabulary").glob("fr-*.txt")):
        turns = [tuple(x.strip() for x in line.split(":", 1)) for line in path.read_text(encoding="utf-8").splitlines()]
        out.append((path.stem, "fr", [(s, t) for s, t in turns if t]))
    for path in sorted((SHARED / "data" / "labforsims2").glob("*.txt")):
        if path.stem not in TUNE:
            continue
        turns = []
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"^([dp])\d+\s+(.+)$", line.strip())
            if m:
                turns.append(("doctor" if m.group(1) == "d" else "patient", m.group(2).strip()))
        out.append((f"lfs-{path.stem}", "fr", turns))
    return out


def drugs_in(text: str) -> dict[str, str]:
    """{canonical drug name: first surface} of the drugs named in `text`."""
    from scribe.notes.medication import find_mentions

    found: dict[str, str] = {}
    for m in find_mentions(text):
        found.setdefault(m.drug.get("name", m.surface).lower(), m.surface)
    return found


def excerpt(turns: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The turns that name a drug with the turn before, in order, at most MAX_TURNS turns and about
    MAX_WORDS words (a long turn is cut to its sentences that name a drug)."""
    keep: set[int] = set()
    for i, (_s, text) in enumerate(turns):
        if drugs_in(text):
            keep |= {i - 1, i}
    out, words = [], 0
    for i in sorted(k for k in keep if 0 <= k < len(turns))[:MAX_TURNS]:
        speaker, text = turns[i]
        if len(text.split()) > 40:
            text = " ".join(s for s in re.split(r"(?<=[.?!])\s+", text) if drugs_in(s)) or text
        if words + len(text.split()) > MAX_WORDS and out:
            break
        out.append((speaker, text))
        words += len(text.split())
    return out


def select(n_en: int, n_fr: int) -> list[dict]:
    """The n most drug-rich consultations of each language (by distinct drugs in their excerpt)."""
    chosen = []
    for pool, n in ((aci_dialogues(), n_en), (french_dialogues(), n_fr)):
        ranked = []
        for ident, lang, turns in pool:
            part = excerpt(turns)
            drugs = drugs_in(" ".join(t for _s, t in part))
            if len(drugs) >= 2:
                ranked.append((-len(drugs), ident, lang, part))
        ranked.sort()
        chosen += [{"id": i, "language": lang, "turns": part} for _n, i, lang, part in ranked[:n]]
    return chosen


def synthesize(item: dict, noise: float, same_gender: bool) -> Path:
    folder = OUT / f"audio-n{noise}{'-same' if same_gender else ''}"
    wav = folder / f"{item['id']}.wav"
    if wav.exists():
        return wav
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / f"{item['id']}.txt"
    src.write_text("\n".join(f"{s}: {t}" for s, t in item["turns"]) + "\n", encoding="utf-8")
    cmd = [sys.executable, str(SHARED / "tools" / "synth_consultation.py"), str(src), "--out", str(folder)]
    cmd += ["--language", item["language"]] + (["--noise", str(noise)] if noise else [])
    cmd += ["--same-gender"] if same_gender else []
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    if not wav.exists():
        raise RuntimeError(f"the synthesizer wrote no {wav}")
    return wav


# --------------------------------------------------------------------------- one run


def normalize(text: str) -> str:
    text = text.lower().replace("’", "'")
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s']", " ", text)).strip()


def transcript_of(words, ref: dict):
    """Words → segments by the reference turns (oracle speakers), as a Transcript."""
    from scribe.schemas import Segment, Transcript

    segments: list[Segment] = []
    turns = ref["turns"]
    for w in words:
        mid = (w.start + w.end) / 2
        k = min(
            range(len(turns)),
            key=lambda i: (
                0
                if turns[i]["start"] <= mid <= turns[i]["end"]
                else min(abs(mid - turns[i]["start"]), abs(mid - turns[i]["end"]))
            ),
        )
        role = "clinician" if turns[k]["speaker"] == "doctor" else "patient"
        if segments and segments[-1].speaker == f"T{k}":
            seg = segments[-1]
            seg.words.append(w)
            seg.text = (seg.text + w.word).strip() if w.word.startswith(" ") else seg.text + w.word
            seg.end = w.end
        else:
            segments.append(
                Segment(
                    id=len(segments),
                    start=w.start,
                    end=w.end,
                    speaker=f"T{k}",
                    role=role,
                    text=w.word.strip(),
                    words=[w],
                )
            )
    return Transcript(language=ref["language"], duration=ref["duration"], segments=segments)


def note_medications(transcript) -> set[str]:
    """Canonical names of the medication facts of the note built from `transcript`."""
    from scribe.notes.engine import document

    doc = document(transcript.model_dump() if hasattr(transcript, "model_dump") else transcript)
    names = set()
    for f in doc["facts"]:
        if f["kind"] == "medication":
            found = drugs_in(f["label"])
            names |= set(found) or {f["label"].lower()}
    return names


@dataclass
class Row:
    name: str
    audio_s: float = 0.0
    asr_s: float = 0.0
    ref_words: list[str] = field(default_factory=list)
    hyp_words: list[str] = field(default_factory=list)
    drugs_ref: int = 0
    drugs_hit: int = 0
    drugs_hyp: int = 0
    drugs_not_said: int = 0
    meds_ref: int = 0
    meds_hit: int = 0
    meds_not_said: int = 0
    flagged: int = 0

    def add(
        self,
        ref_text: str,
        ref_drugs: set[str],
        ref_meds: set[str],
        transcript,
        seconds: float,
        audio: float,
        medications: bool,
    ) -> None:
        hyp = transcript.text
        self.ref_words += normalize(ref_text).split()
        self.hyp_words += normalize(hyp).split()
        got = set(drugs_in(hyp))
        self.drugs_ref += len(ref_drugs)
        self.drugs_hit += len(got & ref_drugs)
        self.drugs_hyp += len(got)
        self.drugs_not_said += len(got - ref_drugs)
        self.flagged += sum(1 for s in transcript.segments for c in s.corrections if not c.applied)
        self.asr_s += seconds
        self.audio_s += audio
        if medications:
            meds = note_medications(transcript)
            self.meds_ref += len(ref_meds)
            self.meds_hit += len(meds & ref_meds)
            self.meds_not_said += len(meds - ref_drugs)

    def cells(self) -> list[str]:
        import jiwer

        wer = jiwer.wer(" ".join(self.ref_words), " ".join(self.hyp_words)) if self.ref_words else 0.0
        recall = self.drugs_hit / self.drugs_ref if self.drugs_ref else 0.0
        precision = (self.drugs_hyp - self.drugs_not_said) / self.drugs_hyp if self.drugs_hyp else 1.0
        meds = f"{self.meds_hit / self.meds_ref:.2f}" if self.meds_ref else "–"
        return [
            self.name,
            f"{wer:.3f}",
            f"{recall:.2f} ({self.drugs_hit}/{self.drugs_ref})",
            f"{precision:.2f}",
            str(self.drugs_not_said),
            meds,
            str(self.meds_not_said),
            str(self.flagged),
            f"{self.asr_s / self.audio_s:.3f}" if self.audio_s else "–",
        ]


HEADER = [
    "set / condition",
    "WER",
    "drug recall",
    "drug precision",
    "drugs not said",
    "med. fact recall (note)",
    "med. facts not said",
    "verify flags",
    "RTF",
]


def run(args) -> None:
    from scribe.engines.asr import load_whisper
    from scribe.notes.drug_suspects import drug_suspects
    from scribe.notes.recovery import recover_drugs
    from scribe.speech.decode import decode
    from scribe.speech.redecode import redecode_words
    from scribe.speech.transcribe import AsrOptions
    from scribe.speech.vocabulary import Vocabulary, merge

    items = select(args.en, args.fr)
    model = load_whisper(args.model)
    sweep = [int(n) for n in args.sweep.split(",")] if args.sweep else []
    rows: dict[str, Row] = {}
    dump: dict[str, dict] = {}
    for item in items:
        lang = item["language"]
        if lang != "en" and not model.model.is_multilingual:
            continue
        wav = synthesize(item, args.noise, args.same_gender)
        ref = json.loads(wav.with_suffix(".json").read_text(encoding="utf-8"))
        ref_text = " ".join(t["text"] for t in ref["turns"])
        ref_drugs = drugs_in(ref_text)
        medication_list = list(ref_drugs.values()) + [d for d in DISTRACTORS[lang] if d.lower() not in ref_drugs]
        ref_meds = note_medications(dialogue_transcript(ref)) if not sweep else set()
        audio = decode(wav)
        print(f"{item['id']} ({lang}, {audio.duration:.0f} s): {', '.join(ref_drugs.values())}", file=sys.stderr)
        lists = {f"+{n} terms": medication_list + [d for d in SWEEP_POOL if d not in ref_drugs][:n] for n in sweep}
        lists = lists or {"without": [], "vocabulary": medication_list}
        for label, terms in lists.items():
            vocab = Vocabulary(terms=merge(terms, max_terms=10_000, max_chars=100_000)) if terms else None
            options = AsrOptions(language=lang, vocabulary=vocab, beam_size=args.beam)
            words, seconds = recognised(audio, model, options, f"{item['id']}-{label}", args)
            tr = transcript_of(words, ref)
            variants = [(label, tr, seconds)]
            if not sweep:
                t0 = time.perf_counter()
                recovered = recover_drugs(tr, medication_list if terms else [])
                name = "both" if terms else "recovery"
                variants.append((name, recovered, seconds + time.perf_counter() - t0))
            if not sweep and args.redecode:
                t0 = time.perf_counter()
                again = redecode_words(audio, model, words, lang, drug_suspects, args.beam)
                recovered = recover_drugs(transcript_of(again, ref), medication_list if terms else [])
                name = "list + recovery + re-decode" if terms else "recovery + re-decode"
                variants.append((name, recovered, seconds + time.perf_counter() - t0))
            for name, transcript, secs in variants:
                dump.setdefault(item["id"], {"reference": ref_text})[name] = transcript.text
                row = rows.setdefault(f"{lang} / {name}", Row(f"{lang} / {name}"))
                row.add(ref_text, set(ref_drugs), ref_meds, transcript, secs, audio.duration, not sweep)
    saved = OUT / f"transcripts-{Path(args.model).name}{'-sweep' if sweep else ''}.json"
    saved.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
    order = ["without", "vocabulary", "recovery", "both", "recovery + re-decode", "list + recovery + re-decode"]
    order = order if not sweep else [f"+{n} terms" for n in sweep]
    print(
        f"\nVocabulary benchmark — model {args.model}, beam {args.beam}, noise {args.noise}, "
        f"{'same-gender voices, ' if args.same_gender else ''}{len(items)} consultations\n"
    )
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "---|" * len(HEADER))
    for lang in ("en", "fr"):
        for name in order:
            row = rows.get(f"{lang} / {name}")
            if row is not None:
                print("| " + " | ".join(row.cells()) + " |")


def recognised(audio, model, options, key: str, args) -> tuple[list, float]:
    """(words, seconds) of the recognition; with --reuse-asr, read from / kept in OUT/asr-cache (to work on
    recovery alone: the cache knows nothing of changes to scribe.speech)."""
    from scribe.schemas import Word
    from scribe.speech.transcribe import transcribe

    cache = OUT / "asr-cache" / f"{Path(args.model).name}-b{args.beam}-n{args.noise}" / f"{key}.json"
    if args.reuse_asr and cache.exists():
        saved = json.loads(cache.read_text(encoding="utf-8"))
        return [Word.model_validate(w) for w in saved["words"]], saved["seconds"]
    t0 = time.perf_counter()
    words = transcribe(audio, model, options).words
    seconds = time.perf_counter() - t0
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({"seconds": seconds, "words": [w.model_dump() for w in words]}), encoding="utf-8")
    return words, seconds


def dialogue_transcript(ref: dict):
    """The dialogue's own text as a transcript (the reference note's input)."""
    from scribe.schemas import Segment, Transcript

    segs = [
        Segment(
            id=i,
            start=t["start"],
            end=t["end"],
            speaker=t["speaker"],
            role="clinician" if t["speaker"] == "doctor" else "patient",
            text=t["text"],
        )
        for i, t in enumerate(ref["turns"])
    ]
    return Transcript(language=ref["language"], duration=ref["duration"], segments=segs)


def long_visit(args) -> None:
    """Words and WER of one long synthesized visit (a .wav with its synthesizer's .json) without and with
    the list: a prompt read by every 30 s window of a whole visit lost words (docs/benchmarks.md)."""
    import jiwer

    from scribe.engines.asr import load_whisper
    from scribe.speech.decode import decode
    from scribe.speech.transcribe import AsrOptions, transcribe
    from scribe.speech.vocabulary import build

    wav = Path(args.long)
    ref = json.loads(wav.with_suffix(".json").read_text(encoding="utf-8"))
    reference = normalize(" ".join(t["text"] for t in ref["turns"]))
    audio, model = decode(wav), load_whisper(args.model)
    vocab = build({"medications": [{"name": n} for n in args.terms.split(",") if n]})
    print(
        f"\n{wav.name}, {audio.duration:.0f} s, model {args.model}, beam {args.beam}, list: {', '.join(vocab.terms)}\n"
    )
    print("| condition | words | WER | RTF |\n|---|---|---|---|")
    for name, v in (("without", None), ("with the list", vocab)):
        t0 = time.perf_counter()
        words = transcribe(audio, model, AsrOptions(language=ref["language"], vocabulary=v, beam_size=args.beam)).words
        rtf = (time.perf_counter() - t0) / audio.duration
        hyp = normalize("".join(w.word for w in words))
        print(f"| {name} | {len(words)} | {jiwer.wer(reference, hyp):.3f} | {rtf:.3f} |")


def fidelity_audio(args) -> None:
    """Drug names in whole visits of the note benchmark's tune split (bench/out/fidelity-audio, English,
    synthetic, their cached transcripts from the default pipeline): recovery alone against recovery after
    the targeted re-decode, without a visit list."""
    from scribe.engines.asr import load_whisper
    from scribe.notes.drug_suspects import drug_suspects
    from scribe.notes.recovery import recover_drugs
    from scribe.schemas import Transcript
    from scribe.speech.decode import decode
    from scribe.speech.redecode import redecode_words

    folder = ROOT / "bench" / "out" / "fidelity-audio"
    model = load_whisper(args.model)
    rows = {name: Row(f"fidelity tune / {name}") for name in ("recovery", "recovery + re-decode")}
    for ident in args.fidelity.split(","):
        if ident not in TUNE:
            raise SystemExit(f"{ident} is not in the tune split: only tune consultations are run here")
        ref = json.loads((folder / f"{ident}.json").read_text(encoding="utf-8"))
        if ref["language"] != "en":
            continue
        cached = Transcript.model_validate_json((folder / f"{ident}.transcript.json").read_text(encoding="utf-8"))
        words = [w.model_copy(update={"original": None}) for s in cached.segments for w in s.words]
        ref_text = " ".join(t["text"] for t in ref["turns"])
        ref_drugs = set(drugs_in(ref_text))
        audio = decode(folder / f"{ident}.wav")
        asr_s = float(cached.timings.get("asr", 0.0))
        t0 = time.perf_counter()
        plain = recover_drugs(transcript_of(words, ref), [])
        rows["recovery"].add(ref_text, ref_drugs, set(), plain, asr_s + time.perf_counter() - t0, audio.duration, False)
        t0 = time.perf_counter()
        again = recover_drugs(transcript_of(redecode_words(audio, model, words, "en", drug_suspects), ref), [])
        rows["recovery + re-decode"].add(
            ref_text, ref_drugs, set(), again, asr_s + time.perf_counter() - t0, audio.duration, False
        )
        print(f"{ident}: said {sorted(ref_drugs)}; heard {sorted(drugs_in(again.text))}", file=sys.stderr)
    print(f"\nWhole visits of the note benchmark (tune): {args.fidelity}, model {args.model}, no visit list\n")
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "---|" * len(HEADER))
    for row in rows.values():
        print("| " + " | ".join(row.cells()) + " |")


def cached_visits(args) -> None:
    """Drug names read back by recovery alone (no recognition run, no visit list) from the cached transcripts of
    the note benchmark's English visits (bench/out/fidelity-audio, filled by `bench/fidelity.py --from audio`),
    against the drugs the dialogue names: the recogniser's words as they are, and after recover_drugs."""
    from scribe.notes.recovery import recover_drugs
    from scribe.schemas import Transcript

    folder = ROOT / "bench" / "out" / "fidelity-audio"
    rows = {name: Row(f"cached / {name}") for name in ("recognised", "recovery")}
    visits = 0
    for ident in args.cached.split(","):
        ref = json.loads((folder / f"{ident}.json").read_text(encoding="utf-8"))
        if ref.get("language", "en") != "en":
            continue
        heard = Transcript.model_validate_json((folder / f"{ident}.transcript.json").read_text(encoding="utf-8"))
        ref_text = " ".join(t["text"] for t in ref["turns"])
        said = set(drugs_in(ref_text))
        rows["recognised"].add(ref_text, said, set(), heard, 0.0, 0.0, False)
        rows["recovery"].add(ref_text, said, set(), recover_drugs(heard, []), 0.0, 0.0, False)
        visits += 1
    print(f"\nCached transcripts of {visits} English visits ({args.cached}), base, no visit list\n")
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "---|" * len(HEADER))
    for row in rows.values():
        print("| " + " | ".join(row.cells()) + " |")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--en", type=int, default=8, help="English consultations")
    p.add_argument("--fr", type=int, default=5, help="French consultations")
    p.add_argument("--model", default="base", help="ASR model (store name or CTranslate2 folder)")
    p.add_argument("--beam", type=int, default=1)
    p.add_argument("--noise", type=float, default=0.0)
    p.add_argument("--same-gender", action="store_true")
    p.add_argument("--reuse-asr", action="store_true", help="reuse the words of an earlier run (recovery work)")
    p.add_argument("--no-redecode", dest="redecode", action="store_false", help="skip the re-decode rows")
    p.add_argument("--long", default="", help="a long visit's .wav (with its .json): words and WER only")
    p.add_argument("--terms", default="", help="with --long: the visit's medication list, comma-separated")
    p.add_argument("--sweep", default="", help="comma-separated counts of extra terms (WER cost of long lists)")
    p.add_argument("--fidelity", default="", help="comma-separated tune IDs of bench/out/fidelity-audio (English)")
    p.add_argument("--cached", default="", help="comma-separated IDs of bench/out/fidelity-audio: recovery only")
    args = p.parse_args()
    if args.cached:
        cached_visits(args)
    elif args.fidelity:
        fidelity_audio(args)
    else:
        long_visit(args) if args.long else run(args)


if __name__ == "__main__":
    main()
