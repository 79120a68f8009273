"""The rows of the help desk's registration form: a label, the field in its outline frame, and
the field's error under it. A row's outline turns red with its error, and the form's layout
does not move when it does (the frame's border is there, transparent, all along).

The outline goes round the field, not on it: a style sheet on a field would replace its native
look (a combo box loses its arrow)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sopdesk.gui.helpdesk.style import restyle

translate = QCoreApplication.translate  # the texts keep their context "HelpDeskPage"

Field = QLineEdit | QPlainTextEdit | QComboBox


class FieldRows(QObject):
    """The form's fields by key, each with its error label, in `layout` (a QFormLayout).
    Signal: `error_cleared` when a field's error went (typing in it, or a new check)."""

    error_cleared = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.layout = QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.layout.setVerticalSpacing(2)  # plus the outline frames' transparent borders
        self.fields: dict[str, Field] = {}
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        self._frames: dict[str, QFrame] = {}

    # --- the three kinds of field -------------------------------------------------------------

    def add_line(self, key: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _text, k=key: self.set_error(k, None))
        self._add_row(key, label, edit)
        return edit

    def add_text(self, key: str, label: str, lines: int) -> QPlainTextEdit:
        """A multi-line field `lines` lines high; Tab leaves it (it does not type a tab)."""
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        line = edit.fontMetrics().lineSpacing()
        edit.setFixedHeight(line * lines + 2 * edit.frameWidth() + 10)
        edit.textChanged.connect(lambda k=key: self.set_error(k, None))
        self._add_row(key, label, edit)
        return edit

    def add_combo(
        self,
        key: str,
        label: str,
        choices: dict[str, str],
        placeholder: str = "",
        none_label: str | None = None,
        translate_labels: bool = True,
        tooltips: dict[str, str] | None = None,
    ) -> QComboBox:
        """A choice list of `choices` (code: label), the codes as the items' data; `none_label`
        first (data None) when given, else `placeholder` shown until a choice is made."""
        combo = QComboBox()
        if none_label is not None:
            combo.addItem(none_label, None)
        for value, text in choices.items():
            combo.addItem(translate("HelpDeskPage", text) if translate_labels else text, value)
            if tooltips and value in tooltips:
                tooltip = translate("HelpDeskPage", tooltips[value])
                combo.setItemData(combo.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
        if placeholder:
            combo.setPlaceholderText(placeholder)
            combo.setCurrentIndex(-1)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        combo.currentIndexChanged.connect(lambda _i, k=key: self.set_error(k, None))
        self._add_row(key, label, combo)
        return combo

    def _add_row(self, key: str, label_text: str, field: Field) -> None:
        field.setObjectName(key)
        frame = QFrame()
        frame.setObjectName("fieldFrame")
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)  # the border gives the inset
        frame_layout.addWidget(field)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setContentsMargins(2, 0, 0, 0)
        error.hide()
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(0)
        box_layout.addWidget(frame)
        box_layout.addWidget(error)
        self.layout.addRow(self._label(label_text, field), box)
        self.fields[key] = field
        self.errors[key] = error
        self.rows[key] = box
        self._frames[key] = frame

    @staticmethod
    def _label(text: str, field: Field) -> QLabel:
        """The row's label, its first line level with the field's first line (not with the top
        of the field's frame); long labels wrap rather than widen the form."""
        label = QLabel(text)
        label.setBuddy(field)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setWordWrap(True)
        label.setMinimumWidth(150)
        label.setMaximumWidth(230)
        line_height = QLineEdit().sizeHint().height() + 4  # inside the 2-pixel outline frame
        top = max(0, (line_height - label.fontMetrics().height()) // 2)
        label.setContentsMargins(0, top, 0, 0)
        return label

    # --- showing rows and errors ----------------------------------------------------------------

    def set_row_visible(self, key: str, visible: bool) -> None:
        """A row shown or hidden (a hidden one is disabled, and loses its error)."""
        self.layout.setRowVisible(self.rows[key], visible)
        self.fields[key].setEnabled(visible)
        if not visible:
            self.set_error(key, None)

    def set_error(self, key: str, message: str | None) -> None:
        """The field's error shown under it, its outline red; None takes both away."""
        label, field, frame = self.errors[key], self.fields[key], self._frames[key]
        invalid = bool(message)
        if label.isHidden() and not invalid:
            return
        label.setText(message or "")
        label.setVisible(invalid)
        field.setProperty("invalid", invalid)
        frame.setProperty("invalid", invalid)
        restyle(frame)
        if not invalid:
            self.error_cleared.emit()

    def clear_errors(self) -> None:
        for key in self.errors:
            self.set_error(key, None)

    def field_error(self, key: str) -> str | None:
        """The error shown next to a field, if any."""
        label = self.errors[key]
        return None if label.isHidden() else label.text()

    def any_error(self) -> bool:
        return any(not label.isHidden() for label in self.errors.values())
