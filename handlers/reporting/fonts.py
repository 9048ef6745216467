"""Where the DejaVu Sans font files are: the ones matplotlib ships, found without
importing it (the chart and the PDF only need the files)."""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path


@lru_cache(maxsize=1)
def font_dir() -> Path:
    spec = find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the DejaVu fonts (matplotlib's) are not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


def font_file(name: str) -> Path:
    """`DejaVuSans-Bold` → its .ttf file."""
    return font_dir() / f"{name}.ttf"
