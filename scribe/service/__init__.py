"""The service's domain: what happens to a visit, whoever asks (REST, the websocket, a queued task).

visits.py     creation, status machine, stream lease, persisted chunks, stop, the stuck-visit sweep
live.py       live windows (transcribe, commit, provisional speakers), flush after stop, LLM prefill
ahead.py      diarization networks run on complete audio blocks while the visit streams
finalize.py   after stop: flush, diarize, attribute, roles → the transcript document
documents.py  the documentation engine for a visit (documents.generate), warm-up, ask
tasks.py      the queued tasks (scribe.queue): thin functions that call the above
"""
