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

from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kcdesk.ui.facilities.table_model import FacilityTableModel

# Laid-out texts kept: seven screens' worth of cells (about 200 a screen, 2.4 KB each); past it the
# cache starts again, which costs one repaint's layout.
CACHE_MAX = 1500
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
PICKS_COLOURS = ENABLED | ACTIVE | SELECTED
RESTYLED = frozenset({QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange})
HIGHLIGHT, HIGHLIGHTED_TEXT, TEXT = (
    QPalette.ColorRole.Highlight,
    QPalette.ColorRole.HighlightedText,
    QPalette.ColorRole.Text,
)


class RegisterCellDelegate(QStyledItemDelegate):
    def __init__(self, view: QWidget, model: FacilityTableModel) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        self.right = frozenset(c for c in range(model.columnCount()) if model.alignment(c) & RIGHT)
        self._texts: dict[tuple[str, int], tuple[QStaticText, float, float]] = {}
        # The pen and the selection's brush for each state that picks them (enabled, active,
        # selected): a repaint has two or three of them, read from the palette once.
        self._colours: dict[int, tuple[QColor, QBrush | None]] = {}
        self._restyled()
        view.installEventFilter(self)

    def _restyled(self) -> None:
        """The view's font, palette or style changed: what was laid out or picked with them is not."""
        self._texts.clear()
        self._colours.clear()
        self.font = QFont(self.view.font())  # the cells' font (QAbstractItemView: the view's own)
        # The style's text margin in a cell (QCommonStyle: the focus frame's margin + 1).
        self.margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in RESTYLED:
            self._restyled()
        return False

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row, column = index.row(), index.column()
        state = option.state.value
        if state & FOCUSED or (column == 0 and self.model.badge(row) is not None):
            super().paint(painter, option, index)
            return
        # One call for the four numbers (the stubs type getRect() as object).
        x, y, width, height = cast(tuple[int, int, int, int], option.rect.getRect())
        picked = self._colours.get(state & PICKS_COLOURS)
        if picked is None:
            picked = self._colours[state & PICKS_COLOURS] = self._pick(option.palette, state)
        pen, highlight = picked
        if highlight is not None:
            painter.fillRect(x, y, width, height, highlight)
        painter.setPen(pen)
        painter.setFont(self.font)  # a static text is drawn in the painter's font, as the style sets it
        inner = width - 2 * self.margin
        text = self.model.display_row(row)[column]
        laid = self._texts.get((text, inner))
        if laid is None:
            laid = self._lay_out(option, text, inner)
        static, text_width, text_height = laid
        left = x + width - self.margin - text_width if column in self.right else x + self.margin
        painter.drawStaticText(QPointF(left, y + (height - text_height) / 2), static)

    @staticmethod
    def _pick(palette: QPalette, state: int) -> tuple[QColor, QBrush | None]:
        # The colour group as QCommonStyle picks it (an inactive window's selection is paler).
        group = DISABLED_GROUP if not state & ENABLED else NORMAL_GROUP if state & ACTIVE else INACTIVE_GROUP
        if state & SELECTED:
            return QColor(palette.color(group, HIGHLIGHTED_TEXT)), QBrush(palette.brush(group, HIGHLIGHT))
        return QColor(palette.color(group, TEXT)), None

    def _lay_out(self, option: QStyleOptionViewItem, text: str, width: int) -> tuple[QStaticText, float, float]:
        if len(self._texts) > CACHE_MAX:
            self._texts.clear()
        shown = option.fontMetrics.elidedText(text, option.textElideMode, width)
        static = QStaticText(shown)
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(font=self.font)
        size = static.size()
        laid = self._texts[(text, width)] = (static, size.width(), size.height())
        return laid
