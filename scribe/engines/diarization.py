"""Diarization engine: pyannote segmentation-3.0 (PyanNet, powerset) + CAM++ speaker embeddings.

Loaded once per process from the model store (or local paths) and shared by every request; the
models are used under torch.inference_mode only, so concurrent calls are safe.

`DiarizationEngine` exposes the few primitives the diarization stage needs:
  - `segment(batch)`: (B, 160000) 10 s windows -> (B, 589, 3) hard local-speaker activity
  - `embedding_frames(samples)`: 16 kHz audio -> CAM++ frame-level features (50 frames/s)
  - `pool(mean, std)`: pooled frame statistics -> 192-d embeddings (embedding layer)
  - `embed(samples)`: one L2-normalised embedding of a recording (clinician voice enrollment)
and, for the benchmark anchor, `stock_pipeline()`: pyannote's own SpeakerDiarization pipeline on
the same weights (CAM++ wrapped as a pyannote embedding Model).
"""

from __future__ import annotations

import threading
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import torch

from scribe.config import get_settings  # sets HF_HUB_OFFLINE before pyannote is imported
from scribe.engines.campplus import (
    EMBEDDING_SIZE,
    FBANK_HOP,
    FBANK_WINDOW,
    SAMPLE_RATE,
    CAMPPlus,
    fbank,
    load_campplus,
)
from scribe.engines.store import resolve

_lock = threading.Lock()

# Enrollment audio longer than this is embedded in pieces whose statistics are pooled together.
_EMBED_PIECE_SECONDS = 30.0


def _import_pyannote():
    """Import pyannote.audio quietly (torchcodec's native libraries do not load here; we never
    hand pyannote a file path, only in-memory waveforms)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pyannote.audio  # noqa: F401  (registers its lazy modules quietly)
        from pyannote.audio import Model

    return Model


def _load_segmentation(path: Path, device: torch.device):
    Model = _import_pyannote()
    checkpoint = path
    if path.is_dir():
        for name in ("pytorch_model.bin", "model.ckpt", "pytorch_model.ckpt"):
            if (path / name).is_file():
                checkpoint = path / name
                break
        else:
            raise FileNotFoundError(f"no segmentation checkpoint (pytorch_model.bin) in {path}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = Model.from_pretrained(str(checkpoint), strict=False)
    if model is None:
        raise RuntimeError(f"cannot load the segmentation model from {checkpoint}")
    model.eval()
    return model.to(device)


@dataclass
class DiarizationEngine:
    """Loaded segmentation + embedding models on one device."""

    segmentation: torch.nn.Module  # pyannote PyanNet (powerset)
    campplus: CAMPPlus
    device: torch.device
    segmentation_path: Path | None = None
    embedding_path: Path | None = None
    _stock: object = field(default=None, repr=False)
    _stock_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self):
        spec = self.segmentation.specifications
        self.chunk_duration: float = float(spec.duration)
        self.chunk_samples: int = int(round(self.chunk_duration * SAMPLE_RATE))
        self.num_local_speakers: int = len(spec.classes)
        with torch.inference_mode():
            dummy = torch.zeros(1, 1, self.chunk_samples, device=self.device)
            out = self.segmentation(dummy)
        self.frames_per_chunk: int = int(out.shape[1])
        rf = self.segmentation.receptive_field  # SlidingWindow of output frames (seconds)
        self.frame_start: float = float(rf.start)
        self.frame_duration: float = float(rf.duration)
        self.frame_step: float = float(rf.step)
        self.powerset = bool(spec.powerset)
        if self.powerset:
            from pyannote.audio.utils.powerset import Powerset

            ps = Powerset(len(spec.classes), spec.powerset_max_classes)
            self._powerset_mapping = ps.mapping.to(self.device)  # (num_powerset_classes, speakers)

    # ------------------------------------------------------------------ segmentation

    def segment(self, windows: np.ndarray | torch.Tensor) -> np.ndarray:
        """(B, chunk_samples) float32 windows -> (B, frames_per_chunk, speakers) uint8 activity."""
        x = torch.as_tensor(windows, dtype=torch.float32)
        if x.dim() == 2:
            x = x.unsqueeze(1)
        with torch.inference_mode():
            out = self.segmentation(x.to(self.device))
            if self.powerset:
                # powerset log-probabilities -> hard multi-label (argmax class -> its speakers)
                binary = self._powerset_mapping[out.argmax(dim=-1)]
            else:
                binary = out > 0.5
        return binary.to(torch.uint8).cpu().numpy()

    # ------------------------------------------------------------------ embeddings

    @staticmethod
    def embedding_frame_times(num_frames: int) -> np.ndarray:
        """Centre time (s, relative to the input start) of each CAM++ output frame."""
        # fbank frame i covers samples [160 i, 160 i + 400); the trunk halves the rate (stride 2,
        # 'same' padding: output frame j is centred on fbank frame 2 j).
        return (2 * np.arange(num_frames) * FBANK_HOP + FBANK_WINDOW / 2) / SAMPLE_RATE

    def features(self, samples: np.ndarray | torch.Tensor) -> torch.Tensor:
        """16 kHz mono audio (>= 400 samples) -> (T, 80) fbank, mean-normalised over the input
        (100 frames/s; frame i covers samples [160 i, 160 i + 400))."""
        with torch.inference_mode():
            return fbank(torch.as_tensor(samples, dtype=torch.float32)).to(self.device)

    def frames_from_features(self, feats: torch.Tensor) -> torch.Tensor:
        """(T, 80) fbank -> (C, ceil(T/2)) CAM++ frame features (50 frames/s)."""
        with torch.inference_mode():
            return self.campplus.forward_frames(feats.unsqueeze(0))[0]

    def embedding_frames(self, samples: np.ndarray | torch.Tensor) -> torch.Tensor:
        """16 kHz mono audio (>= 400 samples) -> (C, T') CAM++ frame features (50 frames/s)."""
        return self.frames_from_features(self.features(samples))

    def pool(self, mean: torch.Tensor, std: torch.Tensor) -> np.ndarray:
        """Pooled (N, C) mean and std -> (N, 192) embeddings (not normalised)."""
        with torch.inference_mode():
            stats = torch.cat([mean, std], dim=-1).to(self.device, torch.float32)
            return self.campplus.xvector.dense(stats).cpu().numpy()

    def embed(self, samples: np.ndarray) -> np.ndarray:
        """L2-normalised 192-d voice embedding of 16 kHz mono float32 speech.

        Long recordings are processed in 30 s pieces whose frame statistics are pooled together,
        so memory stays flat; a recording shorter than 25 ms raises ValueError.
        """
        samples = np.asarray(samples, dtype=np.float32).reshape(-1)
        if samples.size < FBANK_WINDOW:
            raise ValueError(f"audio too short for a voice embedding ({samples.size} samples)")
        piece = int(_EMBED_PIECE_SECONDS * SAMPLE_RATE)
        n, s1, s2 = 0, None, None
        for start in range(0, samples.size, piece):
            part = samples[start : start + piece]
            if part.size < FBANK_WINDOW * 4 and start > 0:
                break  # a sliver at the end adds nothing
            x = self.embedding_frames(part).double()
            s1 = x.sum(dim=1) if s1 is None else s1 + x.sum(dim=1)
            s2 = (x * x).sum(dim=1) if s2 is None else s2 + (x * x).sum(dim=1)
            n += x.shape[1]
        mean = s1 / n
        var = ((s2 - n * mean * mean) / max(n - 1, 1)).clamp_min(0.0)
        std = var.sqrt() if n > 1 else torch.full_like(mean, 1e-2)
        emb = self.pool(mean[None].float(), std[None].float())[0]
        return (emb / max(np.linalg.norm(emb), 1e-12)).astype(np.float32)

    # ------------------------------------------------------------------ stock pyannote pipeline

    def stock_pipeline(self):
        """pyannote.audio's SpeakerDiarization on these weights, with stock hyper-parameters.

        No PLDA exists for CAM++, so VBx (pyannote 4's default) is replaced by the
        AgglomerativeClustering of pyannote/speaker-diarization-3.1 (centroid linkage, threshold
        0.7046, min cluster size 12, min_duration_off 0); everything else is the constructor's
        default: segmentation step 10 % of the 10 s window, batch sizes 1, whole-speech embeddings.
        """
        with self._stock_lock:
            if self._stock is None:
                self._stock = _build_stock_pipeline(self)
            return self._stock


def _pyannote_campplus(engine: DiarizationEngine):
    """CAM++ as a pyannote embedding Model (WeSpeaker base class: 80-bin povey fbank, centred)."""
    _import_pyannote()
    from pyannote.audio.models.embedding.wespeaker import BaseWeSpeakerResNet

    class _Trunk(torch.nn.Module):
        embed_dim = EMBEDDING_SIZE

        def __init__(self, campplus: CAMPPlus):
            super().__init__()
            self.campplus = campplus

        def forward(self, feats, weights=None):
            return None, self.campplus(feats, weights=weights)

        def num_frames(self, num_fbank_frames: int) -> int:
            return (num_fbank_frames + 1) // 2

        def receptive_field_size(self, num_frames: int = 1) -> int:
            return 2 * num_frames  # nominal; only used for bookkeeping

        def receptive_field_center(self, frame: int = 0) -> int:
            return 2 * frame

    class PyannoteCAMPPlus(BaseWeSpeakerResNet):
        def __init__(self, campplus: CAMPPlus):
            super().__init__(
                sample_rate=SAMPLE_RATE,
                num_channels=1,
                num_mel_bins=80,
                frame_length=25,
                frame_shift=10,
                dither=0.0,
                window_type="povey",
                use_energy=False,
            )
            self.resnet = _Trunk(campplus)

    model = PyannoteCAMPPlus(engine.campplus)
    model.eval()
    return model.to(engine.device)


def _build_stock_pipeline(engine: DiarizationEngine):
    _import_pyannote()
    import pyannote.audio.pipelines.speaker_diarization as sd

    embedding_model = _pyannote_campplus(engine)
    original_get_plda = sd.get_plda
    # The constructor insists on loading a PLDA even for clustering that never uses one.
    sd.get_plda = lambda plda, **_: None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pipeline = sd.SpeakerDiarization(
                segmentation=engine.segmentation,
                embedding=embedding_model,
                plda=None,
                clustering="AgglomerativeClustering",
            )
    finally:
        sd.get_plda = original_get_plda
    pipeline.instantiate(
        {
            "segmentation": {"min_duration_off": 0.0},
            "clustering": {"method": "centroid", "min_cluster_size": 12, "threshold": 0.7045654963945799},
        }
    )
    return pipeline


@lru_cache(maxsize=4)
def _load(segmentation_path: str, embedding_path: str, device: str) -> DiarizationEngine:
    dev = torch.device(device)
    seg = _load_segmentation(Path(segmentation_path), dev)
    emb = load_campplus(embedding_path, dev)
    return DiarizationEngine(seg, emb, dev, Path(segmentation_path), Path(embedding_path))


def load_diarization_engine(
    segmentation: str | None = None, embedding: str | None = None, device: str | None = None
) -> DiarizationEngine:
    """The engine for store names (or local paths) of a segmentation and a CAM++ embedding model.

    Defaults come from scribe.config (SCRIBE_SEGMENTATION_MODEL, SCRIBE_EMBEDDING_MODEL,
    SCRIBE_DIARIZATION_DEVICE). Cached per process; thread-safe.
    """
    cfg = get_settings()
    seg_path = resolve(segmentation or cfg.segmentation_model, "segmentation")
    emb_path = resolve(embedding or cfg.embedding_model, "embedding")
    with _lock:  # two threads asking at once must not load twice
        return _load(str(seg_path), str(emb_path), device or cfg.diarization_device)
