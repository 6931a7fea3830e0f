"""Model store and engines: ASR, diarization, LLM and embeddings behind small protocols, so GPU, CPU
and test engines swap by configuration. Weights are read only from the local store (models/store.py);
the folders beside this file hold that store by default and are not tracked by git."""
