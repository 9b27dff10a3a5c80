"""Small file helpers the settings and commands share."""

import os
from pathlib import Path


def write_private_file(path: Path, text: str) -> None:
    """Write ``text`` to a file only its owner can read, from the first byte."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
