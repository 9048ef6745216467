"""Files the bot writes hold what its database holds: readable by their owner only.

The database, exports, reports and backups are created 0600 in folders the bot makes
0700, whatever the process's umask, so that a TLP:RED item never lands in a file
another account on the machine can read.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> None:
    """Create `path` (and missing parents) as 0700; an existing folder is left as it is."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode is filtered by the umask


def private_file(path: Path) -> None:
    """Make sure `path` exists and is readable and writable by its owner only."""
    private_folder(path.parent)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    with contextlib.suppress(PermissionError):  # another account's file is theirs to mind
        os.chmod(path, FILE_MODE)


def write_private(path: Path, content: str | bytes) -> None:
    """Write `content` to `path`, created or truncated, as an owner-only file."""
    private_file(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    descriptor = os.open(path, os.O_WRONLY | os.O_TRUNC)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
