"""LLM engines behind one small protocol: `chat(messages, schema=None, max_tokens=...) -> str`.

- `LlamaCppEngine`: the local default, a GGUF file from the model store run in-process by xllamacpp
  (prebuilt CPU wheels), falling back to llama-cpp-python when that is what is installed.
- `OpenAIEngine`: any OpenAI-compatible chat endpoint (vLLM, TGI, llama.cpp server, Ollama) by URL.
- `TransformersEngine`: a local Hugging Face model folder for GPU workers (never reaches a hub).

`get_engine(name)` turns the CLI's `--llm NAME|URL|PATH|none` into an engine (None for "none").
Schema-constrained decoding: the local engine compiles the JSON schema to a grammar; the endpoint
engine sends `response_format: json_schema`. Whatever comes back is still parsed and checked by the
rules (scribe.notes.llm), never trusted as is.
"""

from __future__ import annotations

import json
import os
import threading

# llama.cpp's OpenMP threads spin while waiting; on a shared 2-core machine that collapses generation
# speed (1 token/s instead of 12 measured here). Passive waiting costs nothing when the CPU is free.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from scribe.engines.store import LLM_ALIASES, LOCAL_LLM, resolve  # the store's catalog describes the GGUF
from scribe.errors import ModelStoreError, ScribeError


class LLMError(ScribeError):
    code = "llm_error"


class Engine(Protocol):
    name: str
    context_tokens: int

    def chat(
        self,
        messages: list[dict],
        schema: dict | None = None,
        max_tokens: int = 512,
        temperature: float = 0.0,
        usage: dict | None = None,
    ) -> str:
        """The reply's text. `usage`, when given, receives prompt_tokens and cached_tokens (the prompt
        tokens the engine did not have to evaluate again)."""

    def prefill(self, messages: list[dict], usage: dict | None = None) -> None:
        """Evaluate the prompt and keep it cached, answer nothing: a later chat() whose prompt starts
        the same way only evaluates what follows. Engines without a prompt cache do nothing."""


def _usage_into(usage: dict | None, reply: dict) -> None:
    if usage is not None:
        u = reply.get("usage") or {}
        usage["prompt_tokens"] = usage.get("prompt_tokens", 0) + int(u.get("prompt_tokens") or 0)
        usage["cached_tokens"] = usage.get("cached_tokens", 0) + int(
            (u.get("prompt_tokens_details") or {}).get("cached_tokens") or 0
        )


# --------------------------------------------------------------------------- local GGUF


class LlamaCppEngine:
    """A GGUF model run in-process (xllamacpp preferred, llama-cpp-python otherwise)."""

    def __init__(self, path: str | Path, n_ctx: int = 4096, threads: int | None = None):
        self.path = Path(path)
        if not self.path.is_file():
            raise ModelStoreError(f"LLM file {self.path} is missing; run: scribe models install {LOCAL_LLM}")
        with self.path.open("rb") as fh:
            if fh.read(4) != b"GGUF":
                raise ModelStoreError(
                    f"{self.path.name} is not a GGUF file (corrupt?); run: scribe models install --force {LOCAL_LLM}"
                )
        self.name = self.path.stem
        self.context_tokens = n_ctx
        self.threads = threads or int(os.environ.get("SCRIBE_LLM_THREADS", "0")) or max(1, min(os.cpu_count() or 2, 8))
        self._lock = threading.Lock()
        self._backend = None
        self._impl = None

    def _load(self):
        if self._impl is not None:
            return
        try:
            import xllamacpp as xlc

            params = xlc.CommonParams()
            params.model.path = str(self.path)
            params.n_ctx = self.context_tokens
            params.n_predict = 1024
            params.n_parallel = 1
            params.cpuparams.n_threads = self.threads
            params.cpuparams_batch.n_threads = self.threads
            params.warmup = False
            params.n_gpu_layers = 0
            params.verbosity = -1
            self._impl, self._backend = xlc.Server(params), "xllamacpp"
            return
        except ImportError:
            pass
        try:
            from llama_cpp import Llama
        except ImportError:
            raise LLMError("no llama.cpp runtime installed: pip install xllamacpp") from None
        self._impl = Llama(model_path=str(self.path), n_ctx=self.context_tokens, n_threads=self.threads, verbose=False)
        self._backend = "llama-cpp-python"

    def prefill(self, messages, usage=None) -> None:
        # llama.cpp keeps the slot's KV cache for the next prompt's common prefix (cache_prompt) and
        # parks other prompts' caches in RAM (cache_ram_mib), so several visits can be prefilled at once.
        self.chat(messages, max_tokens=0, usage=usage)

    def chat(self, messages, schema=None, max_tokens=512, temperature=0.0, usage=None) -> str:
        with self._lock:
            self._load()
            if self._backend == "xllamacpp":
                request: dict[str, Any] = {
                    "messages": messages,
                    "max_tokens": max_tokens,
                    "temperature": temperature,
                    "stream": False,
                    "seed": 0,
                }
                if schema is not None:
                    # compact JSON (no indentation): half the tokens of the pretty form
                    import xllamacpp as xlc

                    compact = {**schema, "x-guidance": {"whitespace_flexible": False}}
                    try:
                        request["grammar"] = xlc.json_schema_to_grammar(json.dumps(compact))
                    except Exception:
                        request["response_format"] = {
                            "type": "json_schema",
                            "json_schema": {"name": "facts", "schema": schema},
                        }
                out = self._impl.handle_chat_completions(request)
                if isinstance(out, str):
                    out = json.loads(out)
                if not isinstance(out, dict) or "choices" not in out:
                    raise LLMError(f"local LLM failed: {str(out)[:200]}")
                _usage_into(usage, out)
                return out["choices"][0]["message"].get("content") or ""
            kwargs: dict[str, Any] = {}
            if schema is not None:
                kwargs["response_format"] = {"type": "json_object", "schema": schema}
            out = self._impl.create_chat_completion(
                messages=messages, max_tokens=max(max_tokens, 1), temperature=temperature, **kwargs
            )
            _usage_into(usage, out)
            return out["choices"][0]["message"].get("content") or ""


# --------------------------------------------------------------------------- endpoint


class OpenAIEngine:
    """Any OpenAI-compatible /v1/chat/completions endpoint."""

    def __init__(
        self,
        url: str,
        model: str | None = None,
        api_key: str | None = None,
        timeout: float = 120.0,
        context_tokens: int = 8192,
    ):
        import httpx

        base = url.rstrip("/")
        if not base.endswith("/chat/completions"):
            base = base + ("/chat/completions" if base.endswith("/v1") else "/v1/chat/completions")
        self.url = base
        self.model = model or os.environ.get("SCRIBE_LLM_MODEL", "default")
        self.name = f"openai:{self.model}"
        self.context_tokens = context_tokens
        key = api_key or os.environ.get("SCRIBE_LLM_API_KEY")
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self._client = httpx.Client(timeout=timeout, headers=headers)

    def prefill(self, messages, usage=None) -> None:
        # Servers with prefix caching (vLLM, SGLang, llama.cpp server) keep the evaluated prompt.
        self.chat(messages, max_tokens=1, usage=usage)

    def chat(self, messages, schema=None, max_tokens=512, temperature=0.0, usage=None) -> str:
        import httpx

        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": temperature,
        }
        if schema is not None:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "facts", "schema": schema, "strict": True},
            }
        try:
            resp = self._client.post(self.url, json=body)
            if resp.status_code == 400 and schema is not None:  # server without json_schema support
                body["response_format"] = {"type": "json_object"}
                resp = self._client.post(self.url, json=body)
            resp.raise_for_status()
        except httpx.HTTPError as exc:
            raise LLMError(f"LLM endpoint {self.url} failed: {type(exc).__name__}") from None
        data = resp.json()
        _usage_into(usage, data)
        try:
            return data["choices"][0]["message"].get("content") or ""
        except (KeyError, IndexError, TypeError):
            raise LLMError(f"LLM endpoint {self.url} returned no choices") from None


# --------------------------------------------------------------------------- transformers (GPU)


class TransformersEngine:
    """A local Hugging Face causal-LM folder (GPU workers); JSON is parsed, not grammar-forced."""

    def __init__(self, path: str | Path, device: str | None = None, context_tokens: int = 8192):
        self.path = Path(path)
        self.name = f"transformers:{self.path.name}"
        self.context_tokens = context_tokens
        self.device = device
        self._model = self._tok = None
        self._lock = threading.Lock()

    def _load(self):
        if self._model is not None:
            return
        try:
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError:
            raise LLMError("the transformers engine needs: pip install transformers") from None
        device = self.device or ("cuda" if torch.cuda.is_available() else "cpu")
        self._tok = AutoTokenizer.from_pretrained(self.path, local_files_only=True)
        self._model = AutoModelForCausalLM.from_pretrained(
            self.path, local_files_only=True, torch_dtype=torch.float16 if device == "cuda" else torch.float32
        ).to(device)
        self.device = device

    def prefill(self, messages, usage=None) -> None:
        """No prompt cache kept between calls here."""

    def chat(self, messages, schema=None, max_tokens=512, temperature=0.0, usage=None) -> str:
        import torch

        with self._lock:
            self._load()
            if schema is not None:
                messages = [
                    *messages[:-1],
                    {
                        **messages[-1],
                        "content": messages[-1]["content"]
                        + "\nAnswer with JSON only, matching this schema: "
                        + json.dumps(schema),
                    },
                ]
            ids = self._tok.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt").to(
                self.device
            )
            _usage_into(usage, {"usage": {"prompt_tokens": ids.shape[1]}})
            with torch.no_grad():
                out = self._model.generate(
                    ids, max_new_tokens=max_tokens, do_sample=temperature > 0, temperature=temperature or None
                )
            return self._tok.decode(out[0, ids.shape[1] :], skip_special_tokens=True)


# --------------------------------------------------------------------------- choosing


@lru_cache(maxsize=4)
def _local(path: str) -> LlamaCppEngine:
    return LlamaCppEngine(path)


def no_llm(spec: str | None) -> bool:
    """Whether an LLM spec means "rules only" (none, rules, off, empty)."""
    return spec is None or str(spec).strip().lower() in ("", "none", "rules", "off")


def get_engine(spec: str | None) -> Engine | None:
    """`none`/empty → None; http(s) URL → OpenAIEngine; a store name or .gguf path → local engine;
    a folder with config.json → TransformersEngine."""
    if no_llm(spec):
        return None
    spec = spec.strip()
    if spec.startswith(("http://", "https://")):
        return OpenAIEngine(spec)
    if spec in LLM_ALIASES:
        spec = LOCAL_LLM
    candidate = Path(spec).expanduser()
    if candidate.is_dir() and (candidate / "config.json").is_file():
        return TransformersEngine(candidate)
    path = resolve(spec, "llm")  # raises naming `scribe models install ...` when missing
    if path.is_dir():
        ggufs = sorted(path.glob("*.gguf"))
        if not ggufs:
            raise ModelStoreError(f"no .gguf file in {path}; run: scribe models install --force {LOCAL_LLM}")
        path = ggufs[0]
    return _local(str(path))
