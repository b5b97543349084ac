"""The crawler stays a separate part: it never imports `service` (the CLI passes settings in)."""

import ast

from tests.conftest import REPO


def test_crawler_never_imports_service():
    offenders = []
    for path in (REPO / "crawler").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "service"]
    assert not offenders
