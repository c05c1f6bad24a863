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
# The state flags as plain ints: '&' on PySide's enum flags costs about 3 us, on ints a
# tenth of that, and a repaint tests them ~800 times.
SELECTED = QStyle.StateFlag.State_Selected.value
ENABLED = QStyle.StateFlag.State_Enabled.value
ACTIVE = QStyle.StateFlag.State_Active.value
FOCUSED = QStyle.StateFlag.State_HasFocus.value
DISABLED_GROUP, NORMAL_GROUP, INACTIVE_GROUP = (
    QPalette.ColorGroup.Disabled,
    QPalette.ColorGroup.Normal,
    QPalette.ColorGroup.Inactive,
)
HIGHLIGHT, HIGHLIGHTED_TEXT, TEXT = (
    QPalette.ColorRole.Highlight,
    QPalette.ColorRole.HighlightedText,
    QPalette.ColorRole.Text,
)


class RegisterCellDelegate(QStyledItemDelegate):
    def __init__(self, view: QWidget, model: FacilityTableModel) -> None:
        super().__init__(view)
        self.model = model
        # The style's text margin in a cell (QCommonStyle: the focus frame's margin + 1).
        self.margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        self._texts: dict[tuple[str, int], tuple[QStaticText, float, float]] = {}
        self._font = QFont()

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row, column = index.row(), index.column()
        state = option.state.value
        if state & FOCUSED or (column == 0 and self.model.badge(row) is not None):
            super().paint(painter, option, index)
            return
        rect = option.rect
        palette = option.palette
        # The colour group as QCommonStyle picks it (an inactive window's selection is paler).
        group = DISABLED_GROUP if not state & ENABLED else NORMAL_GROUP if state & ACTIVE else INACTIVE_GROUP
        if state & SELECTED:
            painter.fillRect(rect, palette.brush(group, HIGHLIGHT))
            painter.setPen(palette.color(group, HIGHLIGHTED_TEXT))
        else:
            painter.setPen(palette.color(group, TEXT))
        width = rect.width() - 2 * self.margin
        text, text_width, text_height = self._laid_out(option, self.model.display_row(row)[column], width)
        if self.model.alignment(column) & RIGHT:
            x = rect.x() + rect.width() - self.margin - text_width
        else:
            x = rect.x() + self.margin
        painter.drawStaticText(QPointF(x, rect.y() + (rect.height() - text_height) / 2), text)

    def _laid_out(self, option: QStyleOptionViewItem, text: str, width: int) -> tuple[QStaticText, float, float]:
        font = option.font
        if font != self._font or len(self._texts) > CACHE_MAX:  # another font: every layout is wrong
            self._texts.clear()
            self._font = QFont(font)
        key = (text, width)
        laid = self._texts.get(key)
        if laid is None:
            shown = option.fontMetrics.elidedText(text, option.textElideMode, width)
            static = QStaticText(shown)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=font)
            size = static.size()
            laid = self._texts[key] = (static, size.width(), size.height())
        return laid
