# The two commands of the README. Everything else is a detail of these.
.PHONY: setup run test bench

setup:
	bash scripts/setup.sh

# Set up, then run the main job on the embedded default: transcribe, diarize and label a real
# two-speaker recording (pyannote.audio's own sample) with the packaged models.
run: setup
	.venv/bin/scribe transcribe "$$(.venv/bin/python -c 'import importlib.util as u; print(u.find_spec("pyannote.audio").submodule_search_locations[0] + "/sample/sample.wav")')" --json demo-transcript.json
	@echo "wrote demo-transcript.json"

test: setup
	.venv/bin/python -m pytest -ra

bench: setup
	.venv/bin/python bench/speech.py
