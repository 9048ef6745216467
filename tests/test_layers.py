"""Imports point one way: bot → handlers → storage; adapters never import each other.

Read from the source (every `import`, also those inside functions), so that a lazy
import cannot slip past.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLATFORM_LIBRARIES = ("slack_bolt", "slack_sdk", "httpx", "websocket", "waitress",
                      "apscheduler", "dotenv", "prometheus_client")  # fmt: skip


def imports(folder: str) -> list[tuple[str, str]]:
    """(file, imported module) for every import in the package's files."""
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(str(path.relative_to(ROOT)), alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.append((str(path.relative_to(ROOT)), node.module))
    return found


def _under(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("storage", ("handlers", "bot", *PLATFORM_LIBRARIES)),
        ("handlers", ("bot", *PLATFORM_LIBRARIES)),
        ("bot/slack", ("bot.mattermost", "bot.cli", "bot.demo")),
        ("bot/mattermost", ("bot.slack", "bot.cli", "bot.demo")),
    ],
)
def test_imports_point_one_way(folder: str, forbidden: tuple[str, ...]) -> None:
    wrong = [(f, m) for f, m in imports(folder) if _under(m, *forbidden)]
    assert wrong == []


def test_the_command_modules_import_the_entry_point_never_back() -> None:
    """`bot.cli.main` dispatches to the command modules by name; none imports it."""
    wrong = [(f, m) for f, m in imports("bot") if m == "bot.cli.main" and "cli/main" not in f]
    assert wrong == [("bot/__main__.py", "bot.cli.main")]
