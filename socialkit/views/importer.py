"""Import assistant: upload an export, see what was found, save it in ``mes_donnees``.

A thin view over :mod:`socialkit.importers.assistant` (no import logic here): a file upload,
the account name, the subject and follower count that no export carries, the day/month
order when the file leaves it open; then the detected platform and period, a ten-row
preview, the problems found and a button « Enregistrer dans mes_donnees ».

Usage in a notebook::

    from socialkit.views import ImportAssistant
    ImportAssistant()
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from socialkit.files import DataError
from socialkit.importers.assistant import ImportReport, inspect_export, save_report
from socialkit.schema import CATEGORIES
from socialkit.views.base import dropdown

_ORDER = {"automatique (d'après le fichier)": None, "jour/mois": True, "mois/jour": False}
_NO_SUBJECT = "(à choisir)"


class ImportAssistant:
    """Upload → report → save, for trainees who do not write code."""

    def __init__(self, folder: str = "mes_donnees") -> None:
        self.folder = folder
        self.report: ImportReport | None = None
        self._name = ""
        self._content = b""
        self.upload = widgets.FileUpload(
            accept=".csv,.tsv,.txt,.xls,.xlsx,.json,.zip,.gz",
            multiple=False,
            description="Choisir l'export",
        )
        self.account = widgets.Text(
            description="Nom du compte",
            placeholder="repris de l'export si vide",
            style={"description_width": "12em"},
        )
        self.subject = dropdown(
            "Sujet des publications", [_NO_SUBJECT, *CATEGORIES["sujet"]], _NO_SUBJECT
        )
        self.followers = widgets.IntText(
            value=0, description="Abonnés actuels", style={"description_width": "12em"}
        )
        self.order = dropdown("Dates jj/mm ou mm/jj", list(_ORDER), next(iter(_ORDER)))
        self.missing_format = dropdown(
            "Format si l'export ne le dit pas", [_NO_SUBJECT, *CATEGORIES["format"]], _NO_SUBJECT
        )
        self.save_button = widgets.Button(
            description=f"Enregistrer dans {folder}", button_style="success", disabled=True
        )
        self.status = widgets.HTML()
        self.problems = widgets.HTML()
        self.table = widgets.HTML()
        self.upload.observe(self._on_upload, names="value")
        controls = (self.account, self.subject, self.followers, self.order, self.missing_format)
        for control in controls:
            control.observe(lambda _change: self.refresh(), names="value")
        self.save_button.on_click(lambda _button: self.save())
        self.widget = widgets.VBox(
            [
                self.upload,
                widgets.HBox([self.account, self.followers]),
                widgets.HBox([self.subject, self.order]),
                self.missing_format,
                self.status,
                self.problems,
                self.table,
                self.save_button,
            ]
        )

    def _ipython_display_(self) -> None:  # pragma: no cover - display only
        from IPython.display import display

        display(self.widget)

    def _on_upload(self, change) -> None:
        files = change["new"]
        if files:
            item = files[0]
            self.load_file(item["name"], bytes(item["content"]))

    def load_file(self, name: str, content: bytes) -> None:
        """Show what is in an uploaded file (what the upload button calls)."""
        self._name, self._content = name, content
        self.refresh()

    def refresh(self) -> None:
        if not self._name:
            return
        subject = self.subject.value
        self.report = inspect_export(
            self._name,
            self._content,
            self.account.value.strip() or None,
            sujet=None if subject == _NO_SUBJECT else subject,
            abonnes=self.followers.value or None,
            dayfirst=_ORDER[self.order.value],
            missing_format=None
            if self.missing_format.value == _NO_SUBJECT
            else self.missing_format.value,
        )
        report = self.report
        if not report.ok:
            self.status.value = f"<b style='color:#b00020'>{html.escape(report.error)}</b>"
            self.problems.value = ""
            self.table.value = ""
            self.save_button.disabled = True
            return
        self.status.value = f"<b>{html.escape(report.summary())}</b>"
        items = "".join(f"<li>{html.escape(p)}</li>" for p in report.problems)
        self.problems.value = f"<p>Points d'attention :</p><ul>{items}</ul>" if items else ""
        self.table.value = report.preview().to_html(index=False, na_rep="—", escape=True)
        self.save_button.disabled = False

    def save(self) -> None:
        """Save the posts in the folder, or show the French reason why not."""
        if self.report is None:
            return
        try:
            path = save_report(self.report, self.folder)
        except DataError as exc:
            self.status.value = f"<b style='color:#b00020'>{html.escape(str(exc))}</b>"
            return
        self.status.value = (
            f"<b>Enregistré dans {html.escape(str(path))}.</b> Chargez-le avec "
            f'<code>load("publications", folder="{html.escape(self.folder)}")</code>.'
        )
