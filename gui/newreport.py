"""The fields of a new report — edition, 机关全称, 报告年度 and, where the form has one, 报告类别 — shared
by the start page and 文件 → 新建 (one set of choices, whichever way the clerk starts a report)."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from ogi.model.loader import available_forms, load_form
from ogi.model.schema import MetaField


def kind_field(form) -> MetaField | None:
    """The 报告类别 field if the form has one: role "kind", or a field offering choices."""
    return form.meta_field("kind") or next((m for m in form.meta if getattr(m, "choices", None)), None)


class NewReportFields(QWidget):
    """报告格式, 机关全称, 报告年度 (last year by default) and 报告类别 where the chosen edition defines it."""

    submitted = Signal()  # Enter in the agency field

    def __init__(self, agency: str = "", parent=None) -> None:
        super().__init__(parent)
        self.rows = QFormLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.edition = QComboBox()
        for form_id in available_forms():
            form = load_form(form_id)
            self.edition.addItem(self.tr("{0} 年版（{1}）").format(form.edition, form.basis), form_id)
        self.agency = QLineEdit(agency)
        self.agency.setPlaceholderText(self.tr("如 海门市住房和城乡建设局"))
        self.agency.returnPressed.connect(self.submitted)
        self.year = QSpinBox()
        self.year.setRange(2008, 2100)
        self.year.setValue(_dt.date.today().year - 1)
        newest = load_form(self.form_id())
        self.rows.addRow(self.tr("报告格式"), self.edition)
        for role, widget in (("agency", self.agency), ("year", self.year)):  # labels as the form prints them
            field = newest.meta_field(role)
            self.rows.addRow(field.label if field else role, widget)
        self.kind: QComboBox | QLineEdit | None = None
        self._kind_label: QLabel | None = None
        self.edition.currentIndexChanged.connect(self._edition_changed)
        self._edition_changed()

    def form_id(self) -> str:
        return self.edition.currentData()

    def _edition_changed(self, *_args) -> None:
        """报告类别 only where the chosen edition's form defines it."""
        if self.kind is not None:
            self.rows.removeRow(3)
            self.kind = None
        field = kind_field(load_form(self.form_id()))
        if field is None:
            return
        choices = getattr(field, "choices", None)
        if choices:
            self.kind = QComboBox()
            for choice in choices:  # stored by its label, as 基本信息 shows it (MetaField.choice reads either)
                self.kind.addItem(getattr(choice, "label", str(choice)), getattr(choice, "id", str(choice)))
        else:
            self.kind = QLineEdit()
        self.kind.setProperty("meta_id", field.id)
        self.rows.insertRow(3, field.label, self.kind)

    def metadata(self) -> dict[str, str]:
        """The new report's 基本信息, by the form's roles (a field left empty is left out)."""
        form = load_form(self.form_id())
        meta = {}
        for role, value in (("agency", self.agency.text().strip()), ("year", str(self.year.value()))):
            field = form.meta_field(role)
            if field is not None and value:
                meta[field.id] = value
        if self.kind is not None:
            value = self.kind.currentText() if isinstance(self.kind, QComboBox) else self.kind.text().strip()
            if value:
                meta[str(self.kind.property("meta_id"))] = value
        return meta
