"""Front-end files the kit serves offline, fetched once from the npm registry (``make vendor``).

``python tools/vendor.py`` runs ``npm pack <name>@<version>`` for every entry of
:data:`PACKAGES` and unpacks it into ``build/vendor/<name>/`` (gitignored). Nothing is fetched
at build or view time: the slides load reveal.js from there, the browser tests inject axe-core
from there, the hub's formgrader loads MathJax from there. ``--check`` exits 1 if a package
is missing or at another version.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "build" / "vendor"

#: npm package → pinned version (one place: the Makefile and the tests read it from here).
PACKAGES = {
    "reveal.js": "5.2.1",  # slides (make slides); nbconvert's reveal template targets 4.x/5.x
    "axe-core": "4.14.1",  # accessibility audit of apps, decks and site (tests)
    "mathjax": "2.7.9",  # the formgrader's pages on the hub (nbgrader's template wants MathJax 2)
}

#: Only these parts of a package are unpacked (prefixes), where the package is much larger
#: than what the kit serves: MathJax 2 is 73 MB unpacked, its CommonHTML output ≈ 5 MB.
KEEP = {
    "mathjax": (
        "package.json",
        "LICENSE",
        "MathJax.js",
        "config/TeX-AMS_CHTML-full.js",
        "extensions/",
        "jax/element/",
        "jax/input/TeX/",
        "jax/output/CommonHTML/",
        "localization/en/",
        "localization/fr/",
        "fonts/HTML-CSS/TeX/woff/",
    ),
}


def path(name: str) -> Path:
    """Folder of an unpacked package (``build/vendor/reveal.js``)."""
    return VENDOR / name


def installed_version(name: str) -> str | None:
    manifest = path(name) / "package.json"
    if not manifest.exists():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("version")


def fetch(name: str, version: str) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm introuvable : installez Node.js (paquet Debian « npm »).")
    with tempfile.TemporaryDirectory() as tmp:
        command = [npm, "pack", "--silent", f"{name}@{version}"]
        subprocess.run(command, cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        (tarball,) = Path(tmp).glob("*.tgz")
        target = path(name)
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        with tarfile.open(tarball) as tar:
            for member in tar.getmembers():
                parts = Path(member.name).parts
                if len(parts) < 2 or ".." in parts or not (member.isfile() or member.isdir()):
                    continue
                member.name = str(Path(*parts[1:]))  # drop npm's "package/" prefix
                keep = KEEP.get(name)
                if keep and member.isfile() and not member.name.startswith(keep):
                    continue
                tar.extract(member, target, filter="data")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if something is missing")
    args = parser.parse_args()
    missing = 0
    for name, version in PACKAGES.items():
        if installed_version(name) == version:
            continue
        if args.check:
            where = path(name).relative_to(ROOT)
            print(f"{name}@{version} absent de {where} : lancez `make vendor`")
            missing += 1
        else:
            print(f"npm pack {name}@{version} → {path(name).relative_to(ROOT)}")
            fetch(name, version)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
