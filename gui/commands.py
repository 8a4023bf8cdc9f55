"""Undo commands: small, one per edit; a paste, a fill or a carry-in is one command.

Commands hold before/after *states* and hand them to the Document, which stays the only
place that changes the report (so undo and redo are re-checked and journaled like typing).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

TEXT_COMMAND_ID = 4201


class CellsCommand(QUndoCommand):
    def __init__(self, doc, before: dict, after: dict, text: str) -> None:
        super().__init__(text)
        self.doc, self.before, self.after = doc, before, after

    def redo(self) -> None:
        self.doc.apply_cells(self.after)

    def undo(self) -> None:
        self.doc.apply_cells(self.before)


class TextCommand(QUndoCommand):
    """A narrative, metadata or note edit; consecutive typing in one field merges into one step."""

    def __init__(self, doc, kind: str, key: str, old: str, new: str, generation: int) -> None:
        edit_text = QCoreApplication.translate("Commands", "编辑文字")
        super().__init__(edit_text if kind != "note" else QCoreApplication.translate("Commands", "编辑说明"))
        self.doc, self.kind, self.key, self.old, self.new = doc, kind, key, old, new
        self.generation = generation

    def id(self) -> int:
        return TEXT_COMMAND_ID if self.kind != "note" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        same = isinstance(other, TextCommand) and (other.kind, other.key, other.generation) == (
            self.kind,
            self.key,
            self.generation,
        )
        if not same or other.old != self.new:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)  # typed, then deleted again: no step at all
        return True

    def redo(self) -> None:
        self.doc.apply_text(self.kind, self.key, self.new)

    def undo(self) -> None:
        self.doc.apply_text(self.kind, self.key, self.old)
