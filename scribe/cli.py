"""`scribe` command line. Input and setup errors print one line and exit 2; never a traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from scribe.errors import ScribeError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def app():
    """Ambient consultation scribe."""


@app.group("models")
def models_app():
    """Install, list and verify the local model store."""


def echo(message: str) -> None:
    click.echo(message, err=True)


class ProgressHook:
    """pyannote-style hook(step, completed, total) drawing one tqdm bar per step on stderr."""

    def __init__(self, enabled: bool | None = None, unit: str = "s"):
        self.enabled, self.unit, self.bars = enabled, unit, {}

    def __call__(self, step: str, completed: float | None = None, total: float | None = None, **_):
        from tqdm import tqdm

        if completed is None or total is None or self.enabled is False:
            return
        bar = self.bars.get(step)
        if bar is None:
            bar = self.bars[step] = tqdm(
                total=round(float(total), 1),
                desc=f"{step:>12}",
                unit=self.unit,
                file=sys.stderr,
                disable=None if self.enabled is None else False,
                leave=True,
                dynamic_ncols=True,
            )
        bar.n = round(min(float(completed), float(total)), 1)
        bar.refresh()
        if completed >= total:
            bar.close()

    def bytes(self, label: str, done: int, total: int) -> None:
        """Adapter for the model store's (label, bytes done, bytes total) progress."""
        self(label, completed=done / 1e6, total=total / 1e6)


def _write_json(payload: dict, path: Path | None) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    if path is None:
        sys.stdout.write(text + "\n")
    else:
        path.write_text(text + "\n", encoding="utf-8")


@app.command()
@click.argument("audio", type=click.Path(path_type=Path))
@click.option("--language", default="auto", type=click.Choice(["auto", "en", "fr"]), help="Spoken language.")
@click.option("--speakers", type=click.IntRange(1, 20), help="Exact number of speakers, if known.")
@click.option("--min-speakers", type=click.IntRange(1, 20), help="Lower bound on speakers.")
@click.option("--max-speakers", type=click.IntRange(1, 20), help="Upper bound on speakers.")
@click.option("--asr-model", help="Store name (base, tiny.en) or a CTranslate2 Whisper folder.")
@click.option("--hotwords", help="Comma-separated vocabulary to favour (drug names, ...).")
@click.option("--clinician", help="Clinician id with an enrolled voice.")
@click.option(
    "--json", "json_path", type=click.Path(path_type=Path, dir_okay=False), help="Write the JSON here, not stdout."
)
@click.option("--progress/--no-progress", default=None, help="Progress bars (default: on a terminal).")
def transcribe(
    audio, language, speakers, min_speakers, max_speakers, asr_model, hotwords, clinician, json_path, progress
):
    """Transcribe, diarize and label clinician/patient; print the transcript JSON."""
    from scribe.config import get_settings
    from scribe.notes.drug_suspects import drug_suspects
    from scribe.speech.run import PipelineOptions, process_file

    if min_speakers and max_speakers and min_speakers > max_speakers:
        raise ScribeError("--min-speakers is larger than --max-speakers")
    options = PipelineOptions(
        language=None if language == "auto" else language,
        asr_model=asr_model,
        hotwords=[w.strip() for w in (hotwords or "").split(",") if w.strip()],
        num_speakers=speakers,
        min_speakers=min_speakers,
        max_speakers=max_speakers,
        clinician_voice=_enrolled_voice(clinician),
        suspects=drug_suspects if get_settings().redecode_drugs else None,
    )
    result = process_file(audio, options, hook=ProgressHook(progress))
    _write_json(result.model_dump(), json_path)


def _enrolled_voice(clinician_id: str | None):
    """A clinician's enrolled voice (sealed with the data dir's key ring), or None."""
    if not clinician_id:
        return None
    from scribe import voices
    from scribe.core.crypto import keyring

    return voices.load(clinician_id, keyring())


@app.command()
@click.argument("clinician_id")
@click.argument("audio", required=False, type=click.Path(path_type=Path))
@click.option("--delete", is_flag=True, help="Remove this clinician's stored voice.")
def enroll(clinician_id, audio, delete):
    """Store a clinician's voice (10-60 s of them alone) so their visits recognise them."""
    from scribe import voices

    if delete:
        click.echo("deleted" if voices.delete(clinician_id) else "no enrolled voice", err=True)
        return
    voices.validate_id(clinician_id)
    if audio is None:
        raise ScribeError("give the clinician's audio file (or --delete)")
    from scribe.core.crypto import keyring
    from scribe.engines.diarization import load_diarization_engine
    from scribe.speech.decode import decode

    samples = decode(audio)
    if samples.duration < 3.0:
        raise ScribeError(f"enrollment needs at least 3 s of speech (got {samples.duration:.1f} s)")
    embedding = load_diarization_engine().embed(samples.samples)
    path = voices.save(clinician_id, embedding, keyring())
    click.echo(f"enrolled {clinician_id} ({samples.duration:.0f} s of audio) -> {path}", err=True)


@app.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option(
    "--template",
    default="auto",
    help="auto (cr-fr for French visits, soap otherwise), soap, hp, progress, cr-fr, or a template file.",
)
@click.option("--language", type=click.Choice(["auto", "en", "fr"]), default="auto", help="Note language.")
@click.option("--llm", default="none", help="none (rules only), local, or an OpenAI-compatible URL.")
@click.option("--json", "json_path", type=click.Path(path_type=Path, dir_okay=False), help="Write the full JSON here.")
def document(input_path, template, language, llm, json_path):
    """Facts, note, patient summary and assistant context from audio, transcript JSON or dialogue text."""
    from scribe.config import get_settings
    from scribe.notes.drug_suspects import drug_suspects
    from scribe.notes.engine import cli_document
    from scribe.speech.run import PipelineOptions, process_file

    lang = None if language == "auto" else language
    suspects = drug_suspects if get_settings().redecode_drugs else None  # likely drugs decoded again
    transcribe_audio = lambda path: process_file(  # noqa: E731
        path, PipelineOptions(language=lang, suspects=suspects), hook=ProgressHook()
    )
    markdown = cli_document(
        str(input_path),
        template=template,
        language=lang,
        llm=llm,
        json_path=str(json_path) if json_path else None,
        transcribe=transcribe_audio,
    )
    click.echo(markdown)


@app.command()
@click.argument("visit_json", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("question")
def ask(visit_json, question):
    """Has the consultation already answered QUESTION? Prints {answered, answer, evidence, confidence}."""
    from scribe.notes.engine import cli_ask

    _write_json(cli_ask(str(visit_json), question), None)


@models_app.command("install")
@click.argument("names", nargs=-1)
@click.option("--force", is_flag=True, help="Reinstall even if verified.")
def models_install(names, force):
    """Install what the configured engines need (ASR, voice activity, diarization; the LLM only with
    SCRIBE_DOCUMENTS_LLM=local), or NAMES (`llm`: the local LLM; `all`: every model). Verifies sha256;
    idempotent; one progress bar per model."""
    from scribe.engines import runtime, store

    runtime.repair_torchaudio(log=lambda _message: None)  # a CPU torch beside a CUDA torchaudio is expected
    why = {need.name: need.why for need in store.needed()}
    chosen = list(store.CATALOG) if names == ("all",) else list(names)
    results = store.install(chosen or None, progress=ProgressHook(unit="MB").bytes, force=force)
    for r in results:
        click.echo(f"{r.name:31} {r.action:18} {r.size_bytes / 1e6:7.1f} MB  {why.get(r.name, 'asked for by name')}")
    done = {r.name for r in results}
    total = sum(r.size_bytes for r in results) / 1e6
    click.echo(f"{len(results)} model(s) ready in {store.store_root()} ({total:.0f} MB)")
    others = [n for n in store.CATALOG if n not in done and not store.status(n).installed]
    if others:
        click.echo(f"not installed, this configuration does not use them: {', '.join(others)} (scribe models list)")


@models_app.command("list")
def models_list():
    """Every known model: installed or not, its size, and whether this configuration needs it."""
    from scribe.engines import store

    why = {need.name: need.why for need in store.needed()}
    click.echo(f"{'name':31} {'kind':13} {'size':>10}  {'state':10} needed")
    for name, spec in store.CATALOG.items():
        state = "installed" if store.status(name).installed else "missing"
        needed = f"yes: {why[name]}" if name in why else f"no, only with {spec.needed_when}"
        click.echo(f"{name:31} {spec.kind:13} {spec.size_bytes / 1e6:7.1f} MB  {state:10} {needed}")


@models_app.command("verify")
def models_verify():
    """Recompute every installed file's sha256 against the pinned value; a needed model missing fails too."""
    from scribe.engines import store

    hook, bad = ProgressHook(unit="MB"), []
    wanted = {need.name for need in store.needed()}
    for st in store.iter_status(check_hashes=True, progress=hook.bytes):
        if not st.installed:
            if st.name in wanted:
                bad.append((f"{st.name}: {st.problem}", f"scribe models install {st.name}"))
            continue
        click.echo(f"{st.name:31} {'ok' if st.verified else 'CORRUPT: ' + st.problem}")
        if not st.verified:
            bad.append((f"{st.name}: {st.problem}", f"scribe models install --force {st.name}"))
    if bad:
        raise ScribeError(f"{'; '.join(problem for problem, _ in bad)}; run: {bad[0][1]}")


def _register_commands() -> None:
    """Command groups that live in scribe/commands."""
    from scribe.commands import demo, encryption, service, stream, users

    service.register(app)
    app.add_command(demo.demo)
    app.add_command(stream.stream)
    app.add_command(encryption.encryption)
    app.add_command(users.users)
    app.add_command(users.sso)


_register_commands()


def main(argv: list[str] | None = None) -> int:
    """Entry point: one-line errors with exit code 2 for bad input, usage errors included."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        argv = ["--help"]
    try:
        code = app.main(args=argv, prog_name="scribe", standalone_mode=False)
    except click.exceptions.UsageError as exc:
        print(f"scribe: {exc.format_message()}", file=sys.stderr)
        return _exit(2)
    except ScribeError as exc:
        print(f"scribe: error: {exc}", file=sys.stderr)
        return _exit(2)
    except (click.exceptions.Abort, KeyboardInterrupt):
        print("scribe: interrupted", file=sys.stderr)
        return _exit(130)
    return _exit(code if isinstance(code, int) else 0)


def _exit(code: int) -> int:
    sys.stdout.flush()
    raise SystemExit(code)


if __name__ == "__main__":
    main()
