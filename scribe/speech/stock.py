"""pyannote.audio's own SpeakerDiarization pipeline with its stock hyper-parameters and our weights: the
anchor the speech benchmark compares scribe.speech.diarize with (bench/speech.py)."""

from __future__ import annotations

import warnings

import numpy as np
import torch

from scribe.speech.diarize import DiarizeOptions
from scribe.speech.turns import named
from scribe.speech.types import Audio, Diarization, Hook, no_hook


def diarize_stock(audio: Audio, engine, options: DiarizeOptions | None = None, hook: Hook = no_hook) -> Diarization:
    """pyannote.audio's SpeakerDiarization pipeline, stock hyper-parameters, same weights."""
    options = options or DiarizeOptions()
    pipeline = engine.stock_pipeline()
    samples = np.ascontiguousarray(audio.samples, dtype=np.float32).reshape(-1)
    if samples.size == 0:
        return Diarization([], {})
    file = {"waveform": torch.from_numpy(samples)[None], "sample_rate": audio.sample_rate, "uri": "audio"}

    def relay(step, artefact=None, file=None, completed=None, total=None, **_):
        hook(step, completed=completed, total=total)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = pipeline(
            file,
            num_speakers=options.num_speakers,
            min_speakers=options.min_speakers,
            max_speakers=options.max_speakers,
            hook=relay,
        )
    annotation = out.speaker_diarization
    labels = annotation.labels()
    index = {label: i for i, label in enumerate(labels)}
    turns = [
        (seg.start, min(seg.end, audio.duration), index[label])
        for seg, _, label in annotation.itertracks(yield_label=True)
    ]
    turns.sort(key=lambda t: (t[0], t[1]))
    centroids = {}
    if out.speaker_embeddings is not None:
        for i in index.values():
            centroids[i] = np.asarray(out.speaker_embeddings[i], dtype=np.float64)
    return named(turns, centroids)
