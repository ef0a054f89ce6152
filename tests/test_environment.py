"""environment.yml (conda) and pyproject.toml (pip) must pin the same versions."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# conda-forge names that differ from the PyPI ones
CONDA_TO_PIP = {"python-isal": "isal"}


def conda_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*-\s+([A-Za-z0-9_.\-]+)=([0-9][0-9.]*)\s*(#.*)?$", line)
        if match:
            name = match.group(1).lower()
            pins[CONDA_TO_PIP.get(name, name)] = match.group(2)
    return pins


def pip_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + sum(project["optional-dependencies"].values(), [])
    pins = {}
    for spec in specs:
        name, version = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([0-9.]+?)(?:\.\*)?", spec).groups()
        pins[name.lower()] = version
    return pins


def test_same_packages_and_versions():
    conda = conda_pins()
    conda.pop("python")
    assert conda == pip_pins()


def test_python_floor_matches():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == f">={conda_pins()['python']}"


def test_every_conda_package_is_commented():
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if re.match(r"\s*-\s+[A-Za-z0-9_.\-]+=", line):
            assert "#" in line, f"package without a comment saying where it is used: {line.strip()}"
