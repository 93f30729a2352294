"""Qt windows and item models. Importing the package guards against PySide6's None refcount leak
(views/qt_compat.py) before any window exists, in the app, the tools and the tests alike."""

from .qt_compat import guard_none_refcount

guard_none_refcount()
