"""The architecture holds: one direction between layers, no import cycle, modules of a readable size.

The layers and contracts are in pyproject.toml ([tool.importlinter]; docs/architecture.md draws them).
A failure names the import that breaks a contract: move the code to the layer it belongs to, or pass
what it needs in from above, rather than importing upward or inside a function to dodge the check
(imports inside functions count too)."""

from __future__ import annotations

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 500


def test_import_layers_and_no_cycles(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code = lint_imports(no_cache=True)
    assert code == 0, capsys.readouterr().out[-6000:]


def test_no_module_over_500_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "scribe").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these by concern: {long}"
