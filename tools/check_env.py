"""Print, in French, whether every package the kit needs is installed at the pinned version.

Run with the kit's Python: ``.venv/bin/python tools/check_env.py`` (``make lab`` does it).
Exit status 1 when something is missing, so scripts can stop early.
"""

from __future__ import annotations

import re
import sys
import tomllib
from fnmatch import fnmatch
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def requirements() -> list[tuple[str, str]]:
    """(name, version pattern) for every pinned dependency of pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs.extend(extra)
    pins = []
    for spec in specs:
        name, version = re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)", spec).groups()
        pins.append((name, version))
    return pins


def main() -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - message for a too-old interpreter
        print(f"[MANQUANT] Python 3.11 ou plus récent (vous avez {sys.version.split()[0]})")
        return 1
    print(f"[   OK   ] Python {sys.version.split()[0]}")
    problems = 0
    for name, pattern in requirements():
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            print(f"[MANQUANT] {name} {pattern} : pas installé")
            problems += 1
            continue
        if fnmatch(found, pattern):
            print(f"[   OK   ] {name} {found}")
        else:
            print(f"[MANQUANT] {name} : version {found} installée, {pattern} attendue")
            problems += 1
    try:
        metadata.version("socialkit")
        print("[   OK   ] socialkit (le paquet du kit)")
    except metadata.PackageNotFoundError:
        print(
            "[MANQUANT] socialkit : lancez `make lab` ou `pip install -e .` dans le dossier du kit"
        )
        problems += 1
    if problems:
        print(f"\n{problems} élément(s) manquant(s). Relancez `make lab` pour tout installer.")
        return 1
    print("\nTout est prêt. Bonne formation !")
    return 0


if __name__ == "__main__":
    sys.exit(main())
