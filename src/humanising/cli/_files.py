"""Writing the command's files safely: whole or not at all, never over an input, never through a link.

Every file a command writes (``-o FILE``, ``new FILE``, ``casebook export DIR``) goes
through ``write_file``: the text is written to a temporary file in the same folder and
then moved into place with ``os.replace``, so a failure leaves the old file (or none),
never half a report. Moving a file into place replaces a symbolic link instead of
writing where it points, and a link is refused anyway: a command writes in the folder
it was given and nowhere else.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO


class RefusedError(Exception):
    """A file the command will not write, with the reason as its message."""


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name the same file: the same resolved path, or the same file on disk (``samefile``)."""
    if one.resolve() == other.resolve():
        return True
    try:
        return one.samefile(other)
    except OSError:  # either does not exist
        return False


def check_target(path: Path, *, inputs: Sequence[str] = (), force: bool = False, hint: str = "") -> None:
    """Raise ``RefusedError`` unless ``path`` may be written.

    Refused: an input file (whatever ``force`` says); a symbolic link, even a dangling one;
    an existing file, unless ``force``. ``hint`` is added to the message for an existing file.
    """
    for file in inputs:
        if same_file(path, Path(file)):
            raise RefusedError(f"will not write {path}: it is the input file {file}")
    if path.is_symlink():
        raise RefusedError(f"will not write {path}: it is a symbolic link (to {path.readlink()}); name the file itself")
    if path.exists() and not force and _replaceable(path):
        raise RefusedError(f"{path} already exists{hint}")


def _replaceable(path: Path) -> bool:
    """A regular file is replaced; a device or pipe (such as /dev/null) is written to, as it is."""
    return stat.S_ISREG(path.stat().st_mode)


def write_file(path: Path, text: str | bytes) -> None:
    """Write ``text`` to ``path`` (UTF-8; bytes as they are) through a temporary file in the same folder.

    An existing regular file keeps its permissions; a new one gets the usual ones (0666
    less the umask). A device or pipe, such as ``/dev/null``, is written to directly.
    """
    with writing(path) as stream:
        stream.write(_encoded(text))


@contextlib.contextmanager
def writing(path: Path) -> Iterator[BinaryIO]:
    """A binary stream whose bytes reach ``path`` as ``write_file`` writes: all of them, when the block ends.

    A block that raises leaves the old file (or none) in place; what a streamed output wrote
    so far is in the temporary file only, which is removed.
    """
    if path.exists() and not path.is_symlink() and not path.is_dir() and not _replaceable(path):
        with path.open("wb") as stream:
            yield stream
        return
    if path.exists() and not path.is_symlink() and path.is_file():
        mode = stat.S_IMODE(path.stat().st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def _encoded(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")
