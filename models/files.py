"""Files and folders readable by their owner only: the database, its backups, the log.

They hold people's ID numbers, phones and health data: whatever IsoDesk creates is 0600 (files) or 0700
(folders), whatever the umask, and a file of ours found wider is tightened. SQLite gives a database's
-wal, -shm and -journal files the mode of the database file, so creating that one right is enough.
Windows has no such modes (a user's profile folders are private through their ACLs): there these
functions only create. No Qt, no SQLAlchemy here.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

OWNER_ONLY = os.name != "nt"
FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path | str) -> Path:
    """``mkdir -p`` where every folder it creates is 0700; folders that exist are left as they are
    (a folder the user chose may be shared on purpose: the files IsoDesk puts in it are private)."""
    path = Path(path)
    if path.is_dir():
        return path
    if path.parent != path:
        private_dir(path.parent)
    try:
        path.mkdir(mode=DIR_MODE)
    except FileExistsError:
        if not path.is_dir():
            raise
    return path


def create_private(path: Path | str) -> bool:
    """Create an empty file readable by its owner only. False (and nothing changed) when it exists."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def private_opener(path: str, flags: int) -> int:
    """``open(..., opener=private_opener)``: a file it creates is 0600."""
    return os.open(path, flags, FILE_MODE)


def tighten(path: Path | str) -> bool:
    """Take group's and others' access away from a file of ours (0644 → 0600). True when it changed;
    a missing file, someone else's file, or Windows: False, nothing done."""
    if not OWNER_ONLY:
        return False
    try:
        st = os.stat(path)
    except OSError:
        return False
    if st.st_uid != os.getuid() or not stat.S_IMODE(st.st_mode) & 0o077:
        return False
    os.chmod(path, stat.S_IMODE(st.st_mode) & FILE_MODE)
    return True


def is_private_dir(path: Path | str) -> bool:
    """A folder of ours that nobody else may write into (always true where there are no modes)."""
    if not OWNER_ONLY:
        return True
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not stat.S_IMODE(st.st_mode) & 0o022
