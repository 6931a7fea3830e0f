"""Schemathesis hooks for tests/test_fuzz_api.py (loaded with SCHEMATHESIS_HOOKS=tests.fuzz.hooks): path
parameters are drawn from the fuzzer's own values and from real ids the test made beforehand (a recorded
visit with its note, summary and audio, an empty visit, a patient link, a webhook endpoint), so that
requests get past 404 into the code behind it. Erasing deletes are left to the fuzzer's own ids: the
fixtures serve the whole run."""

from __future__ import annotations

import json
import os

import schemathesis
from hypothesis import strategies as st

KNOWN: dict[str, list[str]] = json.loads(os.environ.get("SCRIBE_FUZZ_IDS", "{}"))
KEEP_OUT = {("DELETE", "/v1/visits/{visit_id}")}  # the fixtures must last the whole run


@schemathesis.hook
def flatmap_path_parameters(context, path_parameters):
    operation = context.operation
    if not path_parameters or operation is None or (operation.method.upper(), operation.path) in KEEP_OUT:
        return st.just(path_parameters)
    choices = {name: KNOWN[name] for name in path_parameters if KNOWN.get(name)}
    if not choices:
        return st.just(path_parameters)
    return st.fixed_dictionaries(
        {
            name: st.sampled_from([value, *choices[name], *choices[name]]) if name in choices else st.just(value)
            for name, value in path_parameters.items()
        }
    )
