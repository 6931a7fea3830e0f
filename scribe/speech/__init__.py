"""The speech pipeline: pure stages over typed values (types.py), wired by run.py for a file and by
the service's live path window by window.

  decode.py         PyAV → 16 kHz mono float32 (streamed in chunks)
  transcribe.py     faster-whisper + Silero VAD, word timestamps, hallucination guards, 10-min blocks
  batcher.py        live windows of concurrent visits decoded in one batched Whisper call
  streaming.py      live commit policy (local agreement) for partial/final transcripts
  diarize.py        who spoke when: segmentation + CAM++ embeddings (clustering.py, turns.py);
                    stock.py runs pyannote's own pipeline, the benchmark's anchor
  attribute.py      words → speaker by time overlap → speaker turns
  roles.py          clinician / patient / other from speech cues (en, fr) and enrolled voices
  live_speakers.py  provisional speakers and roles of live final segments
  run.py            the offline pipeline: decode → transcribe → diarize → attribute → roles
"""
