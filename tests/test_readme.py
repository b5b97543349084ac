"""The README gets a stranger running: it must name every setting and every command."""

import re

import typer.main

from baliza.cli import app
from baliza.settings import env_names
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _command_paths(group, prefix=()):
    for name, command in getattr(group, "commands", {}).items():
        yield (*prefix, name)
        yield from _command_paths(command, (*prefix, name))


def test_every_setting_is_documented():
    missing = [name for name in env_names() if name not in README]
    assert not missing, f"README does not document {missing}"


def test_every_command_is_documented():
    commands = [" ".join(path) for path in _command_paths(typer.main.get_command(app))]
    assert "eval" in commands and "data generate" in commands
    missing = [c for c in commands if not re.search(rf"baliza {re.escape(c)}\b", README)]
    assert not missing, f"README does not show {missing}"


def test_two_commands_at_the_top():
    head = README[:3000]
    assert "make demo" in head and "make test" in head
