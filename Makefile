# The two commands of the README. Everything else is a detail of these.
.PHONY: setup run test bench

setup:
	@bash scripts/setup.sh

# Set up, then run the main job on the embedded default and show it: the bundled consultation
# (scribe/demo/consultation.json, spoken by espeak-ng) streamed through the embedded service as a device
# streams it; the live transcript, then the transcript with roles, the note, the patient summary, timings.
run: setup
	@.venv/bin/scribe demo

# The tests also use the fast English model and the local LLM (configured engines need neither). Two
# processes, a test file each at a time (most tests wait on a server, a browser or a subprocess); then, alone,
# the tests that assert on live timing (marked serial), which a second process's load would make flaky.
test: setup
	@.venv/bin/scribe models install tiny.en llm
	.venv/bin/python -m pytest -ra -n 2 --dist loadfile -m "not serial"
	.venv/bin/python -m pytest -ra -m serial

bench: setup
	.venv/bin/python bench/speech.py
