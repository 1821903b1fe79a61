"""The package's import graph, read from the source (imports inside functions included; those
under `if TYPE_CHECKING:` are not run and do not count): no cycle, the generated package never
imports the facade, the wire formats never import the providers or the core, and the core never
imports the hand-written helpers of `trilogue.lib`."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
GENERATED = ROOT / "generated"


def _module_name(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def _imports(path: Path, module: str, package: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = module.split(".")
                anchor = anchor if package else anchor[:-1]
                base = ".".join(anchor[: len(anchor) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def _graph(base: Path, top: str) -> dict[str, set[str]]:
    modules = {
        _module_name(path, base): path for path in (base / top).rglob("*.py") if path.is_file()
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        raw = _imports(path, name, path.name == "__init__.py")
        # A package is set up before its submodules run: an edge to an ancestor is no cycle.
        graph[name] = {m for m in raw if m in modules and not _is_ancestor(m, name)}
    return graph


def _is_ancestor(package: str, module: str) -> bool:
    return module == package or module.startswith(package + ".")


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _package_graph() -> dict[str, set[str]]:
    # A module importing a package's submodule runs the package's __init__ too: count that edge.
    graph = _graph(SRC, "trilogue")
    for name, targets in graph.items():
        for target in list(targets):
            parts = target.split(".")
            for i in range(1, len(parts)):
                parent = ".".join(parts[:i])
                if parent in graph and parent != name and not name.startswith(parent + "."):
                    targets.add(parent)
    return graph


def test_no_import_cycle_in_the_facade() -> None:
    cycle = _cycle(_package_graph())
    assert cycle is None, " -> ".join(cycle or ())


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_generated_package_never_imports_the_facade() -> None:
    for path in (GENERATED / "trilogue_api").rglob("*.py"):
        imported = _imports(path, _module_name(path, GENERATED), path.name == "__init__.py")
        assert not any(m == "trilogue" or m.startswith("trilogue.") for m in imported), path


def test_wire_formats_import_neither_providers_nor_core() -> None:
    graph = _graph(SRC, "trilogue")
    for name, targets in graph.items():
        if name.startswith("trilogue._wire"):
            allowed = {"trilogue._exceptions", "trilogue._models", "trilogue._json"}
            outside = {t for t in targets if not t.startswith("trilogue._wire")} - allowed
            assert not outside, f"{name} imports {sorted(outside)}"


def test_only_resources_import_the_helpers() -> None:
    graph = _graph(SRC, "trilogue")
    for name, targets in graph.items():
        if name.startswith(("trilogue.lib", "trilogue.resources", "trilogue.testing")):
            continue
        if name in ("trilogue", "trilogue.types", "trilogue._cli", "trilogue._cli_batches"):
            continue  # the public names and the command line, not the core
        if name == "trilogue.ray":
            continue  # the Ray stage: a public helper built on the batch runner
        helpers = {t for t in targets if t.startswith("trilogue.lib")}
        assert not helpers, f"core module {name} imports {sorted(helpers)}"


def test_a_sync_program_does_not_import_asyncio() -> None:
    """`import trilogue` and a sync client cost no asyncio import (about a tenth of the import
    time): the async paths import it, or use anyio, which httpx loads anyway."""
    code = (
        "import sys, trilogue\n"
        "trilogue.Trilogue('openai-compatible', base_url='http://127.0.0.1:9/v1')\n"
        "print('asyncio' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
