"""The wheel installs IsoDesk as one package, ``isodesk``, while the repository keeps its top-level folders.

``package_dir`` maps ``isodesk`` onto the project folder, so ``app.py`` becomes ``isodesk/app.py`` and
``models/`` becomes ``isodesk/models/``; nothing else lands at the top of site-packages. The package list
is computed here (setup.cfg cannot prefix what it finds): a new sub-folder is shipped without editing this.
Inside the package the modules keep importing one another by their own names (``from models import ...``):
``app.py`` puts its own folder first on ``sys.path`` when it runs as ``isodesk.app`` (see ``_installed``).
Everything else (metadata, requirements, entry points, data files) is in setup.cfg.
"""

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py


class BuildPy(build_py):
    """The project folder is the package: of its own modules only ``app.py`` is IsoDesk (not this file)."""

    def find_package_modules(self, package: str, package_dir: str) -> list[tuple[str, str, str]]:
        return [m for m in super().find_package_modules(package, package_dir) if m[:2] != ("isodesk", "setup")]


TOP = ("models", "views", "ui", "printing", "resources")
found = [p for p in find_namespace_packages(include=[f"{t}*" for t in TOP]) if p.split(".")[0] in TOP]
setup(
    packages=["isodesk", *(f"isodesk.{p}" for p in found if "__pycache__" not in p)],
    package_dir={"isodesk": "."},
    cmdclass={"build_py": BuildPy},
)
