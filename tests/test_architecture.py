"""Imports point one way (docs/architecture.md): this test fails when one points the wrong way.

It reads every module of ours as text (AST), so it sees lazy imports inside functions too: a circle
hidden behind a function-level import is still a circle. Imports under `if TYPE_CHECKING:` never
run, so they count for the layer rules (a type is still a dependency) but not for circles.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("baliza", "crawler", "models", "service")
# Where a process starts and builds its settings once; everything below takes them as an argument.
ENTRY_POINTS = {"baliza/cli/_context.py", "crawler/run.py", "service/app.py"}
WEB = ("fastapi", "starlette", "uvicorn")


@dataclass(frozen=True)
class Import:
    source: str  # importing module, dotted
    target: str  # imported module (ours or third party), dotted
    typing_only: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _our_files() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (REPO / pkg).rglob("*.py") if "migrations" not in p.parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(base: str, name: str, modules: set[str]) -> str:
    """`from base import name`: the submodule when `name` is one, else the module `base`."""
    candidate = f"{base}.{name}"
    return candidate if candidate in modules else base


def _imports(path: Path, modules: set[str]) -> list[Import]:
    source = _module_name(path)
    package = source if path.name == "__init__.py" else source.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[Import] = []

    def visit(node: ast.AST, typing_only: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, typing_only)
            return
        if isinstance(node, ast.Import):
            found.extend(Import(source, alias.name, typing_only) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.extend(
                Import(source, _resolve(base, alias.name, modules), typing_only) for alias in node.names
            )
        for child in ast.iter_child_nodes(node):
            visit(child, typing_only)

    visit(tree, False)
    return found


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    files = _our_files()
    modules = {_module_name(p) for p in files}
    return [imp for path in files for imp in _imports(path, modules)]


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _offending(imports: list[Import], source: str, targets: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{i.source} imports {i.target}"
        for i in imports
        if _within(i.source, source) and any(_within(i.target, t) for t in targets)
    )


def test_the_review_domain_knows_no_http(imports):
    assert _offending(imports, "service.review", (*WEB, "service.api", "service.ui")) == []


def test_ui_pages_never_call_api_routes(imports):
    assert _offending(imports, "service.ui", ("service.api.routes",)) == []


def test_the_api_does_not_import_the_ui(imports):
    assert _offending(imports, "service.api", ("service.ui",)) == []


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("baliza.errors", ("baliza.cli", "crawler", "models", "service")),
        ("baliza.settings", ("baliza.cli", "crawler", "models", "service")),
        ("models", ("baliza.cli", "baliza.settings", "crawler", "service")),
        ("crawler", ("baliza.cli", "service")),
        ("service", ("baliza.cli", "crawler")),
    ],
)
def test_layers_point_down(imports, layer, forbidden):
    """models is the base the others stand on; the CLI is the top and may call every part."""
    assert _offending(imports, layer, forbidden) == []


def test_models_need_no_web_framework(imports):
    assert _offending(imports, "models", WEB) == []


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_circles(imports):
    edges: dict[str, set[str]] = defaultdict(set)
    for i in imports:
        if i.target.split(".")[0] in PACKAGES and not i.typing_only and i.target != i.source:
            edges[i.source].add(i.target)
    assert _cycles(edges) == []


def _builds_settings(path: Path) -> list[int]:
    """Lines that call our `Settings` class (imported from `baliza.settings`), not Scrapy's."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    local = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "baliza.settings"
        for alias in node.names
        if alias.name == "Settings"
    }
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id in local)
            or (isinstance(node.func, ast.Attribute) and node.func.attr == "Settings")
        )
    )


def test_settings_are_built_at_entry_points_only():
    """Each process builds `Settings()` once where it starts and passes it down."""
    built = [
        f"{path.relative_to(REPO).as_posix()}:{line}"
        for path in _our_files()
        if path.relative_to(REPO).as_posix() not in ENTRY_POINTS
        for line in _builds_settings(path)
    ]
    assert built == []


def test_nothing_below_an_entry_point_reads_baliza_settings_from_the_environment():
    readers = []
    for path in _our_files():
        rel = path.relative_to(REPO).as_posix()
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            if re.search(r"(os\.environ|getenv)\b.*BALIZA_", line):
                readers.append(f"{rel}:{number}: {line.strip()}")
    assert readers == []
