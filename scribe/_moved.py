"""Old import paths of moved modules, kept for code this layout change could not edit.

The documentation engine's tests belong to another owner; tests/test_documents_llm.py still imports
`workers.documents` (now scribe.service.documents). Each old name gives the moved module itself (the
same object, so patching one patches the other). Delete an entry once nothing imports its old name;
delete this module (and its install() in scribe/__init__.py) with the last one.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys

MOVED = {
    "workers.documents": "scribe.service.documents",
}
_PARENTS = {name.rpartition(".")[0] for name in MOVED}


class _Alias(importlib.abc.Loader):
    """Loads an old name as the module that now lives under the new one."""

    def __init__(self, target: str):
        self.target = target
        self.spec = None

    def create_module(self, spec):
        module = importlib.import_module(self.target)
        self.spec = module.__spec__
        return module

    def exec_module(self, module) -> None:
        module.__spec__ = self.spec  # the import system set the old name's spec on it


class _Parent(importlib.abc.Loader):
    """An empty package for an old parent name that no longer exists (or holds no code)."""

    def create_module(self, spec):
        return None

    def exec_module(self, module) -> None:
        module.__doc__ = "Moved: see scribe._moved."


class _MovedFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname in MOVED:
            return importlib.machinery.ModuleSpec(fullname, _Alias(MOVED[fullname]))
        if fullname in _PARENTS:
            return importlib.machinery.ModuleSpec(fullname, _Parent(), is_package=True)
        return None


def install() -> None:
    """Last on sys.meta_path: a real module of an old parent name (a weights folder) still wins."""
    if not any(isinstance(finder, _MovedFinder) for finder in sys.meta_path):
        sys.meta_path.append(_MovedFinder())
