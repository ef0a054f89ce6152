"""nbgrader configuration of the course kit (nbgrader 0.9.6).

The kit's folders replace nbgrader's defaults: instructors author in
``solutions/`` (nbgrader *source*) and ``nbgrader generate_assignment`` writes
the trainee versions to ``exercises/``.
"""

c = get_config()  # noqa: F821 - injected by nbgrader

c.CourseDirectory.course_id = "medias-sociaux"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
# Model answers generated on demand by `nbgrader generate_solution`, kept out of git.
c.CourseDirectory.solution_directory = "corriges"

# Stubs in French: this is what trainees see in place of the solutions.
c.ClearSolutions.code_stub = {
    "python": (
        "# VOTRE CODE ICI\n"
        'raise NotImplementedError("Remplacez ces deux lignes par votre réponse.")'
    )
}
c.ClearSolutions.text_stub = "VOTRE RÉPONSE ICI"

# Measured in ../shared/reference/nbgrader-findings.md §6.3: graceful shutdown
# stalls ~3 s on some kernels; immediate shutdown does not change grades.
c.Execute.shutdown_kernel = "immediate"
c.Execute.timeout = 60
# Deleted grade cells are put back instead of being left "needs manual grade" (#1682).
c.OverwriteCells.add_missing_cells = True

# Files a solution notebook writes when it runs (module 8's calendar exports) must never be
# copied into exercises/: they would hand trainees the model answer.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints",
    "*.pyc",
    "__pycache__",
    "feedback",
    "plan_*_calendrier.*",
]
