"""The register's cells painted from text laid out once.

Qt's own delegate lays every cell's text out again on each repaint: it asks the model for
seven roles, shapes the text, elides it, shapes the elided text and draws it. Typing a
search repaints about 200 cells a keystroke, and that work was most of a keystroke's time
under X (bench/bench_register_search.py). This delegate draws the same pixels (a test
compares them with Qt's: tests/ui/test_register_cells.py) from a QStaticText made once per
text and column width. Cells it does not know how to draw exactly as the style does (a sync
badge, the focused cell) are left to Qt's delegate.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kcdesk.ui.facilities.table_model import FacilityTableModel

# Laid-out texts kept: a few screens' worth of cells (about 200 a screen); past it the
# cache starts again, which costs one repaint's layout.
CACHE_MAX = 4000
RIGHT = int(Qt.AlignmentFlag.AlignRight)
SELECTED = QStyle.StateFlag.State_Selected
ENABLED = QStyle.StateFlag.State_Enabled
ACTIVE = QStyle.StateFlag.State_Active
FOCUSED = QStyle.StateFlag.State_HasFocus


class RegisterCellDelegate(QStyledItemDelegate):
    def __init__(self, view: QWidget, model: FacilityTableModel) -> None:
        super().__init__(view)
        self.model = model
        # The style's text margin in a cell (QCommonStyle: the focus frame's margin + 1).
        self.margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        self._texts: dict[tuple[str, int], QStaticText] = {}
        self._font = QFont()

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row, column = index.row(), index.column()
        state = option.state
        if state & FOCUSED or (column == 0 and self.model.badge(row) is not None):
            super().paint(painter, option, index)
            return
        rect = option.rect
        palette = option.palette
        # The colour group as QCommonStyle picks it (an inactive window's selection is paler).
        if not state & ENABLED:
            group = QPalette.ColorGroup.Disabled
        elif state & ACTIVE:
            group = QPalette.ColorGroup.Normal
        else:
            group = QPalette.ColorGroup.Inactive
        if state & SELECTED:
            painter.fillRect(rect, palette.brush(group, QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(group, QPalette.ColorRole.HighlightedText))
        else:
            painter.setPen(palette.color(group, QPalette.ColorRole.Text))
        width = rect.width() - 2 * self.margin
        text = self._laid_out(option, self.model.display_row(row)[column], width)
        size = text.size()
        if self.model.alignment(column) & RIGHT:
            x = rect.x() + rect.width() - self.margin - size.width()
        else:
            x = rect.x() + self.margin
        painter.drawStaticText(QPointF(x, rect.y() + (rect.height() - size.height()) / 2), text)

    def _laid_out(self, option: QStyleOptionViewItem, text: str, width: int) -> QStaticText:
        font = option.font
        if font != self._font or len(self._texts) > CACHE_MAX:  # another font: every layout is wrong
            self._texts.clear()
            self._font = QFont(font)
        key = (text, width)
        laid = self._texts.get(key)
        if laid is None:
            shown = option.fontMetrics.elidedText(text, option.textElideMode, width)
            laid = QStaticText(shown)
            laid.setTextFormat(Qt.TextFormat.PlainText)
            laid.prepare(font=font)
            self._texts[key] = laid
        return laid
