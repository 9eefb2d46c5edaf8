"""The command output README.md shows is the output the command prints today (review 2: the
``explain`` excerpt had gone stale). Each ```text block of README.md that starts with
``$ enshi-rules …`` is run from the repository root and compared line for line."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from enshi_rules.cli import main

ROOT = Path(__file__).resolve().parents[1]
_BLOCK = re.compile(r"```text\n\$ (enshi-rules [^\n]+)\n(.*?)```", re.S)


def _blocks() -> list[tuple[str, str]]:
    return _BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_shows_at_least_the_explain_example():
    assert any(cmd.startswith("enshi-rules explain ") for cmd, _ in _blocks())


@pytest.mark.parametrize(("command", "shown"), _blocks())
def test_readme_command_output_is_current(command: str, shown: str, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("ENSHI_RULES_CALENDAR", raising=False)
    assert os.getcwd() == str(ROOT)
    assert main(shlex.split(command)[1:]) == 0
    assert capsys.readouterr().out == shown
