"""What a trainee sees prints the French way: no raw Python representation in any output.

Every course notebook and every solution is executed once (:mod:`nbrun`, shared with
``test_notebooks.py`` and ``test_assignments.py``) and each output the trainee sees (the HTML of
a rich output when there is one, else its text; printed text) is scanned for what Python or
pandas would print on their own: numpy 2 scalar reprs (``np.int64(205)``), ``dtype:`` and
``Name: …`` footers of a Series, dict reprs, scientific notation, English month and weekday
names, a decimal point in a number, text cut with « ... » in a table, « 1 jours ».

The course-wide display that makes this hold is :mod:`socialkit.display`, tested below on
a real IPython shell.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbrun
import numpy as np
import pandas as pd
import pytest

from socialkit import display, load, metrics
from socialkit.analysis import interactions
from socialkit.models import moderation

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "course").glob("*.ipynb")) + sorted(
    (ROOT / "solutions").glob("*/*.ipynb")
)

_MONTHS = "January|February|March|April|June|July|August|September|October|November|December"
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
RAW = {
    "numpy scalar": re.compile(r"\bnp\.(?:int|uint|float|bool|str)\w*\("),
    "dtype footer": re.compile(r"\bdtype: \w+"),
    "Name/Length footer": re.compile(r"^(?:Name|Length): ", re.M),
    "dict repr": re.compile(r"\{'[^']*': |\{\"[^\"]*\": "),
    "scientific notation": re.compile(r"\d(?:\.\d+)?e[+-]\d\d"),
    "English month": re.compile(rf"\b(?:{_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"),
    "English weekday": re.compile(rf"\b(?:{_DAYS}|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b"),
    "Timestamp repr": re.compile(r"\b(?:Timestamp|Timedelta|PosixPath|datetime\.\w+)\("),
    "1 jours": re.compile(r"(?<![\d,])1 jours\b"),
    "text cut in a table": re.compile(r"\.\.\.</td>"),
}
# A decimal point in a number (« 42.56 »), not a section number (« §2.4 ») nor a version.
POINT = re.compile(r"(?<![\w.§/])\d+\.\d+(?![\w.])")


def seen(output) -> tuple[str, bool]:
    """(what the trainee sees of ``output``, whether a decimal point is a fault in it)."""
    if output.output_type == "stream":
        return output.text, True
    if output.output_type not in ("execute_result", "display_data"):
        return "", False
    data = output.get("data", {})
    if "text/html" in data:
        text = re.sub(r"<style.*?</style>", "", data["text/html"], flags=re.S)
        # pandas tables, Styler tables included (their cells format with decimal=",")
        return text, True
    if any(k.startswith(("image/", "application/vnd.jupyter.widget")) for k in data):
        return "", False
    return data.get("text/plain", ""), True


def raw_representations(nb) -> list[str]:
    found = []
    for number, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            text, points = seen(output)
            patterns = dict(RAW, **({"decimal point": POINT} if points else {}))
            for name, pattern in patterns.items():
                match = pattern.search(text)
                if match:
                    start = max(0, match.start() - 40)
                    found.append(f"cell {number} [{name}]: …{text[start : match.end() + 20]!r}")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_raw_python_representation_in_outputs(path):
    assert raw_representations(nbrun.executed(path)) == []


def test_the_scan_sees_raw_representations():
    """Each kind of raw output the scan must catch, in a notebook run without the kit."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(source)
        for source in (
            "import numpy as np\nnp.int64(205)",
            "import pandas as pd\npd.Series([1, 2], name='n')",
            "{'mediane': 4.83, 'p90': 46.08}",
            "print(f'{26239100.0:g}')",
            "print(pd.Timestamp('2025-09-05').strftime('%A %d %B'))",
            "print(f'{1} jours')",
            "pd.DataFrame({'raisons': ['x' * 80]})",
        )
    ]
    found = raw_representations(_execute(nb))
    kinds = [re.search(r"\[(.*?)\]", line).group(1) for line in found]
    for kind in ("numpy scalar", "dtype footer", "dict repr", "scientific notation"):
        assert kind in kinds
    assert "English weekday" in kinds and "English month" in kinds
    assert "1 jours" in kinds and "text cut in a table" in kinds and "decimal point" in kinds


def _execute(nb):
    from nbclient import NotebookClient

    NotebookClient(nb, timeout=nbrun.TIMEOUT, kernel_name="python3").execute()
    return nb


# ----- socialkit.display, on a real IPython shell ---------------------------------------------


@pytest.fixture
def shell():
    from IPython.core.interactiveshell import InteractiveShell

    ip = InteractiveShell.instance()
    saved = {
        name: pd.get_option(name)
        for name in (
            "display.float_format",
            "display.max_colwidth",
            "styler.format.decimal",
            "styler.format.thousands",
            "styler.format.precision",
        )
    }
    display.install(ip)
    yield ip
    for name, value in saved.items():
        pd.set_option(name, value)
    InteractiveShell.clear_instance()


def shown(ip, value) -> dict:
    return ip.display_formatter.format(value)[0]


def test_bare_numbers_print_the_french_way(shell):
    assert shown(shell, np.int64(205))["text/plain"] == "205"
    assert shown(shell, np.int64(26239100))["text/plain"] == "26\u202f239\u202f100"
    assert shown(shell, np.float64(8.438356164383562))["text/plain"] == "8,438"
    assert shown(shell, 42.56174612291787)["text/plain"] == "42,562"
    assert shown(shell, np.float32(0.5))["text/plain"] == "0,5"
    assert shown(shell, np.True_)["text/plain"] == "True"


def test_tables_show_french_numbers_and_whole_texts(shell):
    long_text = "silence de 165 jours (> 30) ; 1 administrateur ; " * 3
    table = pd.DataFrame(
        {
            "vues": [12500, 3],
            "annee": [2025, 2026],
            "taux": [306.625, 0.5],
            "raisons": [long_text, "b"],
        }
    )
    page = shown(shell, table)["text/html"]
    assert "12\u202f500" in page and "2025" in page and "2\u202f025" not in page
    assert "306,625" in page and "0,5" in page
    assert long_text.strip() in page.replace("&gt;", ">")


def test_a_series_shows_as_a_labelled_table(shell):
    page = shown(shell, pd.Series([3, 1], index=["question", "plainte"]).rename("count"))
    assert "<th>nombre</th>" in page["text/html"] and "dtype" not in page["text/html"]


def test_key_numbers_show_as_a_labelled_table():
    com = load("commentaires")
    summary = metrics.response_time_summary(com)
    assert isinstance(summary, dict) and set(summary) == {"mediane", "p90", "n"}
    page = summary._repr_html_()
    assert "délai médian" in page and "<code>p90</code>" in page
    assert re.search(r"\d+,\d\u202fh", page)  # hours with a comma and their unit
    assert "mediane" in str(summary) and "{" not in str(summary)
    week = moderation.summary(moderation.simulate_moderation(headcount=1, seed=2))
    assert "part des réponses en moins d'1 h" in html.unescape(week._repr_html_())
    assert re.search(r"\d+,\d\u202f%", week._repr_html_())


# ----- what the course's prose says about the data ---------------------------------------------


def test_module_4_prose_matches_the_comment_categories():
    """M4: questions first, then thanks and complaints almost level (not « plaintes dominent »)."""
    comptes = load("comptes")
    com = interactions.add_institution(load("commentaires"), comptes, load("institutions"))
    shares = com[com["type_compte"] == "institutionnel"]["categorie"].value_counts(normalize=True)
    assert list(shares.index[:3]) == ["question", "remerciement", "plainte"]
    assert shares["question"] > shares["remerciement"] + 0.05
    assert abs(shares["remerciement"] - shares["plainte"]) < 0.02


def test_module_5_prose_matches_the_dormant_share():
    """M5 says « près de deux comptes institutionnels sur cinq » are dormant."""
    comptes = load("comptes")
    mine = comptes[comptes["type_compte"] == "institutionnel"]
    posts = load("publications")
    dormant = metrics.is_dormant(
        posts[posts["compte_id"].isin(mine["compte_id"])], accounts=mine, end="2026-09-01", days=90
    )
    assert 0.35 <= dormant.mean() < 0.4
