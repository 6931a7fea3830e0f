"""Note composition from facts through a template (templates are data; verification is scribe.notes.verify).

Every sentence is built from facts and carries their ids and evidence; scribe.notes.verify then checks
each one attribute by attribute. Templates are YAML data (scribe/templates/*.yaml or a user path);
renderers are named in RENDERERS.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from scribe.errors import ScribeError
from scribe.notes.rendering import WORDS, RenderContext
from scribe.notes.sections import RENDERERS
from scribe.schemas_docs import Fact, Note, NoteSection, SentenceSupport

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


class TemplateError(ScribeError):
    code = "bad_template"


@lru_cache(maxsize=32)
def _load_template(path: str) -> dict:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        raise TemplateError(f"template {Path(path).name} has no 'sections' list")
    for sec in data["sections"]:
        for blk in sec.get("blocks", []):
            if blk.get("render") not in RENDERERS:
                raise TemplateError(
                    f"template {Path(path).name}: unknown renderer {blk.get('render')!r}; known: {', '.join(RENDERERS)}"
                )
    return data


def list_templates() -> list[str]:
    return sorted(p.stem for p in TEMPLATES_DIR.glob("*.yaml"))


def load_template(name_or_path: str) -> dict:
    p = Path(name_or_path)
    if p.suffix in (".yaml", ".yml", ".json") and p.is_file():
        return _load_template(str(p.resolve()))
    cand = TEMPLATES_DIR / f"{name_or_path}.yaml"
    if not cand.is_file():
        raise TemplateError(
            f"unknown template {name_or_path!r}; use one of {', '.join(list_templates())} or a path to a YAML template"
        )
    return _load_template(str(cand))


# --------------------------------------------------------------------------- compose


def compose(
    facts: list[Fact],
    template: str = "soap",
    language: str | None = None,
    sex: str | None = None,
    extra: dict[str, list[SentenceSupport]] | None = None,
) -> Note:
    """Facts → Note (not yet guarded). `extra` adds sentences (e.g. LLM prose) to sections by key."""
    tpl = load_template(template)
    lang = language or tpl.get("language", "en")
    if sex is None:
        sx = next((f for f in facts if f.kind == "demographics" and f.label == "sex"), None)
        sex = sx.value if sx else None
    c = RenderContext(lang=lang if lang in WORDS else "en", facts=facts, sex=sex)
    note = Note(template=tpl.get("name", template), language=lang, title=tpl.get("title", template))
    emitted: set[str] = set()
    for sec in tpl["sections"]:
        sentences: list[SentenceSupport] = []
        for blk in sec.get("blocks", []):
            c.block = blk
            out = RENDERERS[blk["render"]](c, blk.get("feeds", []))
            if out and blk.get("heading"):
                out[0] = out[0].model_copy(update={"text": f"{blk['heading']}: {out[0].text}"})
            sentences.extend(out)
        if extra and sec["key"] in extra:
            sentences.extend(extra[sec["key"]])
        sentences = [x for x in sentences if not (x.text in emitted or emitted.add(x.text))]
        if sentences:
            note.sections.append(NoteSection(key=sec["key"], title=sec["title"], sentences=sentences))
    note.markdown = to_markdown(note)
    return note


def to_markdown(note: Note) -> str:
    lines = [f"# {note.title}", ""]
    if not note.sections:
        lines.append("_No clinical content was found in this consultation._")
    for sec in note.sections:
        lines += [f"## {sec.title}", ""]
        for s in sec.sentences:
            mark = " ⚠" if s.status == "flagged" else ""
            lines.append(f"- {s.text}{mark}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def plain_text(note: Note) -> str:
    """The note as text without markup (for ROUGE and previews)."""
    out = []
    for sec in note.sections:
        out.append(sec.title)
        out.extend(s.text for s in sec.sentences)
        out.append("")
    return "\n".join(out)
