"""Typed result model of the grading pipeline (one place for every shape it passes around).

- :class:`Job` — what the grader sends a worker for one notebook of one submission;
- :class:`JobResult` / :class:`TestResult` — what the worker sends back;
- :class:`CellResult` — the score of one grade cell, as stored in ``kit_resultat.json``
  and shown in the feedback, summary and CSV;
- :class:`Submission` — one trainee × assignment while it is graded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Status of a grade cell (CellResult.status) → French label (feedback).
STATUS_FR = {
    "reussi": "réussi",
    "partiel": "partiellement réussi",
    "echoue": "échoué",
    "delai": "échoué (délai dépassé)",
    "non_execute": "échoué (non exécuté)",
    "donnee_non_simple": "échoué (réponse qui n'est pas une donnée simple)",
    "probleme": "non corrigé (remise illisible)",
    "erreur": "en attente (erreur du correcteur)",
    "manuel": "correction manuelle",
    "sans_reponse": "pas de réponse",
}


@dataclass
class Job:
    key: tuple[str, str, str]  # (student, assignment, notebook)
    nb_json: str  # sanitized notebook (tests restored): never written in the sandbox
    plan: list[dict]  # checker.PlanCell fields, code cells in order
    files: list[tuple[str, str]]  # assignment files copied into the working copy
    datasets: str | None
    base: str
    isolation: str
    timeout: int
    prestart: bool = True
    prestart_next: bool = True
    zygote: str | None = None  # the fork server's socket (isolation "fork")


@dataclass
class TestResult:
    status: str  # ok | error | timeout | dead | not_run | not_plain
    message: str = ""


@dataclass
class JobResult:
    key: tuple[str, str, str]
    nb_json: str | None = None
    executed: list[int] = field(default_factory=list)
    tests: dict[str, TestResult] = field(default_factory=dict)  # cell index → outcome
    stopped: dict[str, str] = field(default_factory=dict)  # cell index → timeout | dead
    removed: list[str] = field(default_factory=list)  # links scrubbed from the copy
    truncated: bool = False
    error: str | None = None
    trace: str | None = None
    duration: float = 0.0  # sandbox ready → checks done
    wait: float = 0.0  # taking the pre-started sandbox until it is ready
    total: float = 0.0


@dataclass
class CellResult:
    max: float
    type: str  # auto | manual
    score: float | None
    status: str
    message: str = ""
    hint: str = ""
    unchanged: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class NotebookResult:
    cells: dict[str, CellResult] = field(default_factory=dict)
    problem: str = ""

    def to_dict(self) -> dict:
        return {"cells": {k: v.to_dict() for k, v in self.cells.items()}, "problem": self.problem}


@dataclass
class Submission:
    student: str
    assignment: str
    digest: str
    flags: list[list[str]] = field(default_factory=list)  # [code, detail]
    notebooks: dict[str, NotebookResult] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    executed: dict = field(default_factory=dict)  # name -> executed NotebookNode
    duration: float = 0.0
    wait: float = 0.0

    def flag(self, code: str, detail: str = "") -> None:
        if [code, detail] not in self.flags:
            self.flags.append([code, detail])
