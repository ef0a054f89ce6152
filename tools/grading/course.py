"""Course directory helpers: nbgrader config of a course root, paths, gradebook access."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"
_HIDDEN_RE = re.compile(
    r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[^\n]*\n?", re.M | re.S
)


def load_config(root: Path) -> Config:
    path = root / "nbgrader_config.py"
    if not path.exists():
        return Config()
    return PyFileConfigLoader(path.name, path=str(root)).load_config()


@dataclass
class Course:
    """A course root and its nbgrader configuration."""

    root: Path
    config: Config = field(repr=False)
    coursedir: CourseDirectory = field(repr=False)
    _gradebook: object = field(default=None, repr=False)

    @classmethod
    def open(cls, root: str | os.PathLike | None = None) -> Course:
        _ensure_venv_on_path()
        root = Path(root or os.getcwd()).resolve()
        config = load_config(root)
        coursedir = CourseDirectory(config=config, root=str(root))
        return cls(root=root, config=config, coursedir=coursedir)

    @property
    def db_url(self) -> str:
        return self.coursedir.db_url

    @property
    def course_id(self) -> str:
        return self.coursedir.course_id

    def step_dir(self, step: str, student: str, assignment: str) -> Path:
        return Path(self.coursedir.format_path(step, student, assignment))

    def source_dir(self, assignment: str) -> Path:
        return self.step_dir(self.coursedir.source_directory, ".", assignment)

    def release_dir(self, assignment: str) -> Path:
        return self.step_dir(self.coursedir.release_directory, ".", assignment)

    def submitted_dir(self, student: str, assignment: str) -> Path:
        return self.step_dir(self.coursedir.submitted_directory, student, assignment)

    def autograded_dir(self, student: str, assignment: str) -> Path:
        return self.step_dir(self.coursedir.autograded_directory, student, assignment)

    def feedback_dir(self, student: str, assignment: str) -> Path:
        return self.step_dir(self.coursedir.feedback_directory, student, assignment)

    def setting(self, section: str, name: str, default):
        sec = self.config.get(section, None)
        if sec is not None and name in sec:
            return sec[name]
        return default

    @property
    def timeout(self) -> int:
        return int(self.setting("Execute", "timeout", 30) or 30)

    @property
    def exchange_root(self) -> str | None:
        value = self.setting("Exchange", "root", None)
        return str(value) if value else None

    @contextlib.contextmanager
    def gradebook(self):
        """nbgrader's Gradebook, kept open for the life of this object.

        One engine per run keeps SQLAlchemy's compiled-statement cache warm (opening a
        Gradebook per submission cost ~0.3 s each). The session is released after each
        ``with`` block; uncommitted changes are rolled back.
        """
        from nbgrader.api import Gradebook

        if self._gradebook is None:
            self._gradebook = Gradebook(self.db_url, self.course_id)
        gb = self._gradebook
        try:
            yield gb
        finally:
            gb.db.remove()

    def close(self) -> None:
        if self._gradebook is not None:
            self._gradebook.close()
            self._gradebook.engine.dispose()
            self._gradebook = None

    def sensitive_paths(self) -> list[Path]:
        """Paths that student code must never see (hidden in the kernel's mount namespace)."""
        cd = self.coursedir
        names = [
            cd.source_directory,
            cd.solution_directory,
            "source_with_tests",
            cd.submitted_directory,
            cd.autograded_directory,
            cd.feedback_directory,
            ".git",
            "tests",
            "docs",  # docs/instructor holds the answer key
            "tools/grading",  # the guard's source
            "release",
            "exchange",
            "gradebook.db",
            "gradebook.db-journal",
            "grades.csv",
            "nbgrader_config.py",
        ]
        roots = {self.root}
        kit = kit_root()
        if kit is not None:
            roots.add(kit)
        paths = []
        for r in sorted(roots):
            for n in names:
                p = r / n
                if p.exists():
                    paths.append(p)
        if self.exchange_root and Path(self.exchange_root).exists():
            paths.append(Path(self.exchange_root))
        return paths


def _ensure_venv_on_path() -> None:
    """nbgrader runs the ``alembic`` CLI when it creates a gradebook: keep our venv on PATH."""
    bindir = os.path.dirname(sys.executable)
    path = os.environ.get("PATH", "")
    if bindir not in path.split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + path


def kit_root() -> Path | None:
    """Root of the repository that holds the socialkit package (may differ from the course)."""
    import importlib.util

    with contextlib.suppress(Exception):
        spec = importlib.util.find_spec("socialkit")  # no import: pandas is slow to load
        if spec is not None and spec.origin:
            return Path(spec.origin).resolve().parent.parent
    return None


def strip_hidden_tests(source: str) -> str:
    return _HIDDEN_RE.sub("", source)


def norm_source(source: str) -> str:
    lines = [line.rstrip() for line in source.strip().splitlines()]
    return "\n".join(line for line in lines if line)


def slugify_student(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-._").lower()
    return text or "inconnu"


def file_digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        with contextlib.suppress(OSError):
            h.update(str(p.stat().st_size).encode())
            with open(p, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
    return h.hexdigest()


def run_nbgrader(args: list[str], root: Path, quiet: bool = False) -> int:
    """Run the nbgrader CLI of this interpreter in ``root``."""
    import subprocess

    cmd = [sys.executable, "-m", "nbgrader", *args]
    kwargs = {"cwd": str(root)}
    if quiet:
        kwargs.update(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return subprocess.call(cmd, **kwargs)
