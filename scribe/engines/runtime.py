"""Keep the audio runtime importable on CPU-only machines.

PyPI's torchaudio wheels for Linux are CUDA builds: beside a CPU torch their compiled extension fails
to load (libc10_cuda.so) and `import torchaudio` — which pyannote.audio does at import — raises.
We only use torchaudio's pure-Python parts (kaldi fbank), so `scribe models install` moves the
extension aside; a CUDA machine keeps it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from scribe.errors import ModelStoreError

_PROBE = "import warnings; warnings.simplefilter('ignore'); import torchaudio"


def torchaudio_importable() -> tuple[bool, str]:
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True)
    lines = result.stderr.strip().splitlines()
    return result.returncode == 0, (lines[-1] if lines else "")


def repair_torchaudio(log=print) -> bool:
    """Disable torchaudio's compiled extension if (and only if) it cannot load here."""
    ok, why = torchaudio_importable()
    if ok:
        return False
    spec = importlib.util.find_spec("torchaudio")
    if spec is None or not spec.submodule_search_locations:
        raise ModelStoreError("torchaudio is not installed; run: pip install -e .")
    lib = Path(list(spec.submodule_search_locations)[0]) / "lib"
    moved = 0
    for so in lib.glob("*.so"):
        so.rename(so.with_suffix(".so.disabled"))
        moved += 1
    ok, why = torchaudio_importable()
    if not ok:
        raise ModelStoreError(f"torchaudio still fails to import: {why}")
    log(f"torchaudio: disabled {moved} CUDA-only extension file(s) (CPU torch); pure-Python parts in use")
    return True
