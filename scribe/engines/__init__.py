"""Engines behind small interfaces, so GPU, CPU and test engines swap by configuration: ASR
(faster-whisper), diarization (pyannote segmentation-3.0 + CAM++), the LLM, and the model store they all
load from (store.py). Weights are read only from that store, by default the repository's `models/`
folder (SCRIBE_MODELS), which holds weights only and is not tracked by git."""
