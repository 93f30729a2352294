"""Starting IsoDesk again (after a restore, or a change of language): the same program with the same
arguments, however it was started.

- the bundle (PyInstaller, ``sys.frozen``): ``sys.executable`` *is* IsoDesk; its arguments follow it
  (``isodesk isodesk`` is what passing ``sys.argv`` whole gave, and argparse refused it);
- from a checkout: ``python app.py ARGS``, the script's path made absolute;
- installed from the wheel (the ``isodesk`` launcher, a script or on Windows an .exe that Python cannot
  run as a file): ``python -m isodesk.app ARGS`` (the wheel's one package, see setup.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication


def restart_command(frozen: bool, executable: str, argv: Sequence[str]) -> tuple[str, list[str]]:
    """The program and arguments that start this IsoDesk again with the arguments it was given."""
    args = list(argv[1:])
    if frozen:
        return executable, args
    script = argv[0] if argv else ""
    if script.endswith(".py") and os.path.isfile(script):
        return executable, [os.path.abspath(script), *args]
    return executable, ["-m", "isodesk.app", *args]


def restart() -> bool:
    """Start a new IsoDesk, then close this one (its windows save their state). False when it could not
    be started (this one goes on)."""
    program, args = restart_command(bool(getattr(sys, "frozen", False)), sys.executable, sys.argv)
    if not QProcess.startDetached(program, args):
        return False
    QApplication.closeAllWindows()
    QApplication.quit()
    return True
