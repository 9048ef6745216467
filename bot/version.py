"""The installed version, read without importing the application."""

from __future__ import annotations

PACKAGE = "ciso-bot"


def version() -> str:
    """The installed version (`pyproject.toml`), without importing the application."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed(PACKAGE)
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"
