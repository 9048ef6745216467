"""The `ciso-bot` command line. The only place that reads the environment and `.env`.

Each module of `bot.cli` registers its own commands (`register`), as the handlers
register theirs on the router. Those modules load nothing of the application when
they are imported, so that `--help` and `--version` answer at once; each command
imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.cli import reports, serve, tools
from bot.version import version

log = logging.getLogger("bot")

# Each module's commands, in the order `--help` lists them.
REGISTERS = (serve.register, tools.register, reports.register)


class _Version(argparse.Action):
    """`--version`, read from the installed package only when asked (importlib.metadata
    costs 30 ms, which every other command would pay)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        print(f"{parser.prog} {version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ciso-bot",
        description="Chat bot for the CISO network: knowledge base, bottlenecks, actions, digest.",
    )
    parser.add_argument(
        "--env-file",
        help="settings file to read (default: .env in this folder or the nearest above it)",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and stop")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in REGISTERS:
        register(commands)
    return parser


def env_file(given: str | None) -> Path | None:
    """The settings file: the one given, else `.env` here or in the nearest folder above."""
    if given:
        return Path(given)
    from dotenv import find_dotenv

    found = find_dotenv(".env", usecwd=True)
    return Path(found) if found else None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from dotenv import load_dotenv

    from bot import logs
    from bot.config import ConfigError, load_settings

    settings_file = env_file(args.env_file)
    if settings_file is not None:
        load_dotenv(settings_file, override=False)
    # Relative paths in the settings are read from the settings file's folder.
    base = settings_file.resolve().parent if settings_file and settings_file.exists() else None
    try:
        settings = load_settings(os.environ, base)
    except ConfigError as error:
        print(f"Configuratiefout / configuration error: {error}", file=sys.stderr)
        return 2
    logs.configure(settings.log_level, settings.secrets, settings.log_format)
    for warning in settings.warnings:
        log.warning("%s", warning)
    args.env_path = settings_file if settings_file and settings_file.exists() else None
    code: int = args.handler(settings, args)
    return code
