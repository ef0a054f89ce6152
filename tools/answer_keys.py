"""Write the answer keys of the visible checks in ``solutions/`` from the solutions themselves.

Every autograded answer has a visible ``check_value(variable, "name", "<key>")`` line in its
test cell. The key is a salted scrypt hash of the canonical answer (see
``socialkit.check``); this tool executes each solution notebook in-process, evaluates the
checked expression right before its test cell runs, hashes it, and rewrites the key
arguments (and the ``mistakes={...}`` keys of the known wrong answers listed in
:data:`MISTAKES`). It touches nothing else in the notebook.

    python -m tools.answer_keys            # report keys that are stale (exit 1 if any)
    python -m tools.answer_keys --fix      # rewrite them in solutions/
    python -m tools.answer_keys --fix 05-audit-secteur-public

Run it after changing a solution or the data (``make data``), then ``make exercises``. A
stale key shows as a failing visible check when the solution runs (nbval, nbgrader
validate), so it cannot go unnoticed.

To add a checked answer, write ``check_value(x, "x", "f1")`` (the kind alone: ``i``
integer, ``fN`` number at N decimals, ``s`` text, ``b`` boolean, ``l`` ordered list, ``u``
list whose order does not matter, ``SN`` Series, ``T`` table) and run ``--fix``.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

from socialkit import check  # noqa: E402
from socialkit.check import answer_key  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "solutions"
HIDDEN = "### BEGIN HIDDEN TESTS"

# Notebooks whose answers depend on a choice of the trainee: the variable, then the choices
# (an expression evaluated in the notebook). Each choice gets its own key.
VARIANTS: dict[str, tuple[str, str]] = {
    "08-plan-action": ("institution_id", "CHOIX"),
}

# Known wrong answers, per notebook and checked variable: (French phrase completing
# « `x` n'est pas encore la bonne valeur : … », expression computing that wrong answer in
# the solution's namespace at the time of the test cell). ×100, ÷100 and rounding are
# recognised by socialkit.check itself.
MISTAKES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "01-prise-en-main": {
        "nb_publications": [
            ("c'est le nombre de comptes, pas de publications", "len(comptes)"),
        ],
        "nb_comptes_commune": [
            (
                "les comptes des élus et des agents (ambassadeurs) comptent aussi",
                'int(((comptes["institution_id"] == "I01") '
                '& (comptes["type_compte"] == "institutionnel")).sum())',
            ),
            ("il manque le filtre sur institution_id", "len(comptes)"),
        ],
        "partages_cpas": [
            (
                "c'est le nombre de publications : additionnez la colonne partages avec .sum()",
                'int((publications["compte_id"] == "C009").sum())',
            ),
            (
                "c'est le total de tous les comptes : filtrez d'abord le compte C009",
                'publications["partages"].sum()',
            ),
            (
                "c'est la colonne reactions, pas partages",
                'publications[publications["compte_id"] == "C009"]["reactions"].sum()',
            ),
        ],
        "plateforme_spf": [
            (
                "c'est la plateforme la plus utilisée par toutes les institutions : filtrez "
                "d'abord I03",
                'pubs["plateforme"].value_counts().idxmax()',
            ),
        ],
        "publi_mois": [
            (
                "les comptes ambassadeurs de la commune sont inclus : ajoutez la condition "
                "sur type_compte",
                'pubs[(pubs["institution_id"] == "I01") & (pubs["mois"] == "2026-04")]'
                '.sort_values("commentaires", ascending=False)["publication_id"].iloc[0]',
            ),
            (
                "toutes les institutions sont incluses : filtrez sur institution_id",
                'pubs[pubs["mois"] == "2026-04"]'
                '.sort_values("commentaires", ascending=False)["publication_id"].iloc[0]',
            ),
        ],
    },
    "02-strategie-globale": {
        "nb_plateformes_chu": [
            (
                "c'est le nombre de comptes : comptez les plateformes différentes avec .nunique()",
                'len(comptes[(comptes["institution_id"] == "I05") & comptes["officiel"]])',
            ),
        ],
        "rythme_cpas": [
            (
                "vous avez divisé par 52 semaines : la question demande 365 / 7",
                'int((publications["compte_id"] == "C009").sum()) / 52',
            ),
        ],
        "hors_ligne_commune": [
            (
                "vous avez pris toute la commune (I01) : gardez seulement la page C001",
                "strategy.offline_share(publications[publications['compte_id'].isin("
                "comptes[comptes['institution_id'] == 'I01']['compte_id'])])",
            ),
        ],
        "bureau_commentaires": [
            (
                "c'est la part EN DEHORS des heures de bureau",
                "100 - strategy.office_hours_share("
                "commentaires[commentaires['compte_id'] == 'C001'])",
            ),
        ],
        "heure_pic": [
            (
                "c'est l'heure où les comptes publient le plus, pas celle des commentaires",
                'strategy.hourly_activity(publications, commentaires)["publications"].idxmax()',
            ),
        ],
    },
    "03-communication-continue": {
        "pub_semaine_cpas": [
            (
                "la période ne va pas jusqu'au 1er septembre 2026 exclu (365 jours) : "
                'vérifiez end="2026-09-01"',
                'metrics.posting_regularity(pubs_inst, start="2025-09-01", end="2026-08-31", '
                'accounts=institutionnels).loc["C046", "publications_par_semaine"]',
            ),
        ],
        "nb_comptes_silence_90": [
            (
                "les comptes qui n'ont rien publié manquent : passez accounts=institutionnels",
                '(metrics.posting_regularity(pubs_inst, start="2025-09-01", end="2026-09-01")'
                '["plus_long_silence_jours"] > 90).sum()',
            ),
        ],
        "indice_rang_2": [
            (
                "c'est l'indice de la 3e publication du jour (ligne 3) : lisez la ligne 2",
                'fatigue.loc[3, "indice_rang_1"]',
            ),
        ],
    },
    "04-interactions": {
        "mediane_bureau_commune": [
            (
                "c'est le délai en heures d'horloge : ajoutez business_hours=True",
                'metrics.response_time_summary(commentaires[commentaires["compte_id"] == '
                '"C001"])["mediane"]',
            ),
        ],
        "questions_oubliees": [
            (
                'les plaintes sont comptées aussi : passez seulement "question"',
                'len(interactions.unanswered(recyparcs, ["question", "plainte"]))',
            ),
        ],
    },
    "05-audit-secteur-public": {
        "nb_dormants": [
            (
                "les comptes qui n'ont jamais publié manquent : passez accounts=comptes_inst",
                "int(metrics.is_dormant(publications_inst, end=DATE_AUDIT, days=90).sum())",
            ),
        ],
        "taux_reponse_commune": [
            (
                "la fausse page (compte non officiel) est incluse : ajoutez la condition officiel",
                "metrics.response_rate(commentaires[commentaires['compte_id'].isin("
                "comptes_inst[comptes_inst['institution_id'] == 'I01']['compte_id'])])",
            ),
        ],
        "trois_derniers": [
            (
                "ce sont les bons identifiants, mais dans l'ordre inverse : commencez par le "
                "plus faible",
                'list(carte["institution_id"].tail(3))',
            ),
        ],
        "nb_comptes_rouges": [
            (
                "les comptes non officiels sont comptés aussi : gardez officiel vrai",
                'int((audit_comptes["score"] < 40).sum())',
            ),
        ],
    },
    "06-ambassadeurs-gouvernance": {
        "er_median_personnes": [
            (
                "c'est la moyenne : la question demande la médiane (.median())",
                'par_compte[par_compte["groupe"] == "personnes"]["taux_engagement"].mean()',
            ),
        ],
        "er_median_institution": [
            (
                "c'est la moyenne : la question demande la médiane (.median())",
                'par_compte[par_compte["groupe"] == "institution"]["taux_engagement"].mean()',
            ),
        ],
    },
    "07-amplificateurs": {
        "fideles_cpas": [
            (
                "c'est le nombre de commentaires : comptez les personnes revenues",
                'len(coms[coms["institution_id"] == "I02"])',
            ),
        ],
    },
}


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _meta(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _is_test(cell: dict) -> bool:
    return bool(_meta(cell).get("grade")) and not _meta(cell).get("solution")


def _calls(visible: str) -> Iterator[ast.Call]:
    for node in ast.walk(ast.parse(visible)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "check_value"
        ):
            yield node


def _key_node(call: ast.Call) -> ast.expr:
    if len(call.args) >= 3:
        return call.args[2]
    for keyword in call.keywords:
        if keyword.arg == "key":
            return keyword.value
    raise ValueError(f"check_value without a key at line {call.lineno}")


def _salt_and_spec(node: ast.expr, variant: str | None = None) -> tuple[str, str | None]:
    """The spec and salt of an existing key literal (a string, or a dict of strings).

    Keeping the salt of an existing key means an unchanged answer keeps its key.
    """
    text = None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.Dict) and node.values:
        texts = {
            k.value: v.value
            for k, v in zip(node.keys, node.values, strict=True)
            if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)
        }
        first = next(iter(texts.values()), None)
        text = texts.get(variant, first.split(":")[0] if first else None)
    if text is None:
        raise ValueError('the key of check_value must be a string literal such as "f1"')
    parts = text.split(":")
    return parts[0], parts[1] if len(parts) == 3 else None


def _offset(lines: list[str], lineno: int, col: int) -> int:
    """Character offset in the text of an ast (line, UTF-8 byte column) position."""
    before = sum(len(line) for line in lines[: lineno - 1])
    return before + len(lines[lineno - 1].encode("utf-8")[:col].decode("utf-8"))


def _literal(value: Any, indent: str) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    inner = indent + "    "
    rows = "".join(
        f"{inner}{_literal(k, inner)}: {_literal(v, inner)},\n" for k, v in value.items()
    )
    return "{\n" + rows + indent + "}"


class Notebook:
    """One solution notebook executed in-process, with the keys of its visible checks."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.path = SOURCE / name / f"{name}.ipynb"
        self.nb = json.loads(self.path.read_text(encoding="utf-8"))
        self.mistakes = MISTAKES.get(name, {})
        self.warnings: list[str] = []

    def _execute(self, override: tuple[str, Any] | None, on_test) -> dict:
        """Run every code cell; ``on_test(cell, namespace)`` runs before each test cell.

        Test cells run with ``check_value`` switched off (their keys are what is being
        computed); a hidden test that fails is reported, not fatal.
        """
        namespace: dict[str, Any] = {"__name__": "__main__"}
        cwd = os.getcwd()
        real = check.check_value
        with tempfile.TemporaryDirectory() as scratch:
            os.chdir(scratch)  # module 8 writes its calendar exports in the working folder
            check.check_value = lambda *args, **kwargs: None
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    for cell in self.nb["cells"]:
                        if cell["cell_type"] != "code":
                            continue
                        grade_id = _meta(cell).get("grade_id")
                        source = _source(cell)
                        if override and not _is_test(cell):
                            # The trainee's choice, as if they had typed it in the answer cell.
                            source = re.sub(
                                rf"^(\s*){override[0]} = (?!\.\.\.$).*$",
                                lambda m: f"{m.group(1)}{override[0]} = {override[1]!r}",
                                source,
                                flags=re.MULTILINE,
                            )
                        code = compile(source, f"{self.name}:{grade_id}", "exec")
                        if not _is_test(cell):
                            exec(code, namespace)  # noqa: S102 - our own solution notebooks
                            continue
                        on_test(cell, namespace)
                        try:
                            exec(code, namespace)  # noqa: S102
                        except check.Incorrect as error:
                            # The model calendar and targets fit the solution's own choice only.
                            if override is None:
                                self.warnings.append(f"{grade_id}: {error}")
            finally:
                check.check_value = real
                os.chdir(cwd)
        return namespace

    def keys(self) -> dict[tuple[str, int], dict[str | None, tuple[str, dict[str, str]]]]:
        """(grade_id, call index) → variant → (key, {phrase: mistake key})."""
        found: dict = {}

        def collect(variant: str | None):
            def on_test(cell: dict, namespace: dict) -> None:
                grade_id = _meta(cell)["grade_id"]
                visible = _source(cell).split(HIDDEN)[0]
                for index, call in enumerate(_calls(visible)):
                    spec, salt = _salt_and_spec(_key_node(call), variant)
                    salt = salt or os.urandom(8).hex()
                    expression = ast.unparse(call.args[0])
                    value = eval(expression, namespace)  # noqa: S307 - our own notebooks
                    name = call.args[1].value if len(call.args) > 1 else expression
                    wrong = {}
                    for phrase, code in self.mistakes.get(name, []):
                        wrong[phrase] = answer_key(eval(code, namespace), spec, salt)  # noqa: S307
                    key = answer_key(value, spec, salt)
                    found.setdefault((grade_id, index), {})[variant] = (key, wrong)

            return on_test

        if self.name in VARIANTS:
            variable, choices_expression = VARIANTS[self.name]
            base = self._execute(None, collect(None))
            found.clear()
            for choice in eval(choices_expression, base):  # noqa: S307
                self._execute((variable, choice), collect(choice))
        else:
            self._execute(None, collect(None))
        return found

    def rewrite(self) -> bool:
        """Write fresh keys into the notebook's visible checks; True when something changed."""
        keys = self.keys()
        changed = False
        for cell in self.nb["cells"]:
            if cell["cell_type"] != "code" or not _is_test(cell):
                continue
            grade_id = _meta(cell)["grade_id"]
            source = _source(cell)
            visible, sep, hidden = source.partition(HIDDEN)
            lines = visible.splitlines(keepends=True)
            edits = []
            for index, call in enumerate(_calls(visible)):
                per_variant = keys[(grade_id, index)]
                indent = " " * (call.col_offset + len("check_value("))
                node = _key_node(call)
                if None in per_variant:
                    key, wrong = per_variant[None]
                    key_text = _literal(key, indent)
                else:
                    key_text = _literal({k: v[0] for k, v in per_variant.items()}, indent)
                    wrong = {}
                start = _offset(lines, node.lineno, node.col_offset)
                end = _offset(lines, node.end_lineno, node.end_col_offset)
                edits.append((start, end, key_text))
                existing = next((k for k in call.keywords if k.arg == "mistakes"), None)
                if existing is not None:
                    start = _offset(lines, existing.value.lineno, existing.value.col_offset)
                    end = _offset(lines, existing.value.end_lineno, existing.value.end_col_offset)
                    edits.append((start, end, _literal(wrong, indent) if wrong else "None"))
                elif wrong:
                    after = _offset(lines, node.end_lineno, node.end_col_offset)
                    edits.append((after, after, f",\n{indent}mistakes={_literal(wrong, indent)}"))
            new = visible
            for start, end, text in sorted(edits, reverse=True):
                new = new[:start] + text + new[end:]
            if new != visible:
                changed = True
                text = new + sep + hidden
                cell["source"] = text.splitlines(keepends=True)
        return changed

    def save(self) -> None:
        from tools.notebooks import dumps, normalise

        self.path.write_text(dumps(normalise(self.nb)), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="assignments (default: all)")
    parser.add_argument("--fix", action="store_true", help="rewrite the keys in solutions/")
    args = parser.parse_args(argv)
    names = args.names or sorted(p.name for p in SOURCE.iterdir() if p.is_dir())
    stale = []
    for name in names:
        notebook = Notebook(name)
        changed = notebook.rewrite()
        for warning in notebook.warnings:
            print(f"warning: {name}: a test cell fails on the solution: {warning}")
        if changed:
            stale.append(name)
            if args.fix:
                notebook.save()
    verb = "rewritten" if args.fix else "stale (run python -m tools.answer_keys --fix)"
    for name in stale:
        print(f"answer keys {verb}: solutions/{name}/{name}.ipynb")
    if not stale:
        print("answer keys up to date")
    return 1 if stale and not args.fix else 0


if __name__ == "__main__":
    sys.exit(main())
