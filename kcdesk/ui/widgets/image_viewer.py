"""A simple photo and scan viewer: fit to window, previous/next with the arrow keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImageReader, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class ImageViewer(QDialog):
    def __init__(self, paths: list[Path], index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.paths, self.index = paths, index
        self.resize(900, 650)
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(320, 240)
        self.caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        prev_button, next_button = QPushButton(self.tr("◀ Ảnh trước")), QPushButton(self.tr("Ảnh sau ▶"))
        prev_button.clicked.connect(lambda: self.show_index(self.index - 1))
        next_button.clicked.connect(lambda: self.show_index(self.index + 1))
        QShortcut(QKeySequence(Qt.Key.Key_Left), self, lambda: self.show_index(self.index - 1))
        QShortcut(QKeySequence(Qt.Key.Key_Right), self, lambda: self.show_index(self.index + 1))
        row = QHBoxLayout()
        row.addWidget(prev_button)
        row.addWidget(self.caption, 1)
        row.addWidget(next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addLayout(row)
        self._pixmap = QPixmap()
        self.show_index(index)

    def show_index(self, index: int) -> None:
        if not self.paths:
            return
        self.index = index % len(self.paths)
        path = self.paths[self.index]
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        self._pixmap = QPixmap.fromImage(reader.read())
        self.caption.setText(f"{path.name}  ({self.index + 1}/{len(self.paths)})")
        self.setWindowTitle(path.name)
        self._fit()

    def _fit(self) -> None:
        if not self._pixmap.isNull():
            self.image.setPixmap(
                self._pixmap.scaled(
                    self.image.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
