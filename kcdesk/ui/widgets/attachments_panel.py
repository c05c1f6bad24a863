"""Attachments of one record (scans, photos) as thumbnails, with a viewer.

Files chosen before the record is saved wait in `pending` and are written in the same
transaction as the record (see the editors' save). Thumbnails are decoded on a worker
(QImage is safe off the GUI thread; QPixmap is made here on the GUI thread).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kcdesk.db.files import readable_path
from kcdesk.services.attachments import AttachmentRow, NewFile, attachment_rows, remove
from kcdesk.ui.context import AppContext
from kcdesk.ui.widgets.image_viewer import ImageViewer

THUMB = QSize(132, 99)
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp"


def thumbnail(path: Path) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # photos taken sideways
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class AttachmentsPanel(QWidget):
    changed = Signal()
    loaded = Signal()

    def __init__(
        self, ctx: AppContext, owner_table: str, doc_type: str = "photo", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner_table = owner_table
        self.doc_type = doc_type
        self.owner_id: str | None = None
        self.pending: list[NewFile] = []
        self.rows: list[AttachmentRow] = []
        self.list = QListWidget(self)
        self.list.setObjectName("attachmentList")
        self.list.setAccessibleName(self.tr("Tệp đính kèm"))
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 44))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda item: self.view(self.list.row(item)))
        self.add_button = QPushButton(self.tr("Thêm tệp…"))
        self.add_button.setObjectName("addAttachmentButton")
        self.add_button.clicked.connect(self._choose)
        self.view_button = QPushButton(self.tr("Xem"))
        self.view_button.clicked.connect(lambda: self.view(self.list.currentRow()))
        self.remove_button = QPushButton(self.tr("Bỏ tệp"))
        self.remove_button.clicked.connect(self._remove_current)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.view_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self._read_only = False

    # -- the record ---------------------------------------------------------------------

    def set_owner(self, owner_id: str | None) -> None:
        self.owner_id = owner_id
        self.reload()

    def reload(self) -> None:
        if self.owner_id is None:
            self.rows = []
            self._show()
            return
        files_dir, table, owner = self.ctx.store.files_dir, self.owner_table, self.owner_id
        self.ctx.runner.read(
            lambda s: attachment_rows(s, files_dir, table, owner), self._loaded, label=self.tr("Đọc tệp đính kèm")
        )

    def _loaded(self, rows: list[AttachmentRow]) -> None:
        self.rows = rows
        self._show()

    def add_files(self, paths: list[Path], caption: str | None = None) -> None:
        for p in paths:
            self.pending.append(NewFile(Path(p), self.doc_type, caption))
        self._show()
        self.changed.emit()

    def take_pending(self) -> list[NewFile]:
        files, self.pending = self.pending, []
        return files

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    # -- drawing ------------------------------------------------------------------------

    def entries(self) -> list[tuple[Path, str, str | None]]:
        """(file, label, attachment id or None for a pending file), in display order."""
        out: list[tuple[Path, str, str | None]] = [(r.path, r.filename, r.id) for r in self.rows]
        out += [(f.path, self.tr("{name} (chưa lưu)").format(name=f.path.name), None) for f in self.pending]
        return out

    def _show(self) -> None:
        self.list.clear()
        placeholder = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        entries = self.entries()
        for path, label, att_id in entries:
            item = QListWidgetItem(placeholder, label)
            item.setData(PATH_ROLE, str(path))
            item.setData(ID_ROLE, att_id)
            item.setToolTip(str(path.name))
            self.list.addItem(item)
        paths = [p for p, _, _ in entries]
        if paths:
            self.ctx.runner.run(
                lambda _progress: [thumbnail(readable_path(p)) if p.exists() else QImage() for p in paths],
                lambda images: self._thumbs(paths, images),
                label=self.tr("Tạo ảnh thu nhỏ"),
                cancellable=False,
                show_progress=False,
            )
        else:
            self.loaded.emit()

    def _thumbs(self, paths: list[Path], images: list[QImage]) -> None:
        for row, (path, image) in enumerate(zip(paths, images, strict=True)):
            item = self.list.item(row)
            if item is None or item.data(PATH_ROLE) != str(path) or image.isNull():
                continue
            item.setIcon(QIcon(QPixmap.fromImage(image)))
        self.loaded.emit()

    # -- actions ------------------------------------------------------------------------

    def _choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn tệp đính kèm"),
            str(Path.home()),
            self.tr("Ảnh và bản quét ({images} *.pdf);;Mọi tệp (*)").format(images=IMAGE_FILTER),
        )
        if files:
            self.add_files([Path(f) for f in files])

    def view(self, row: int) -> None:
        entries = self.entries()
        if not 0 <= row < len(entries):
            return
        # Sealed files (an encrypted database) are shown from a private unsealed copy.
        readable = [readable_path(p, label) if p.exists() else p for p, label, _ in entries]
        path = readable[row]
        images = [p for p in readable if QImageReader.imageFormat(str(p))]
        if path in images:
            viewer = ImageViewer(images, images.index(path), self)
            viewer.show()
        else:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _remove_current(self) -> None:
        row = self.list.currentRow()
        entries = self.entries()
        if self._read_only or not 0 <= row < len(entries):
            return
        att_id = entries[row][2]
        if att_id is None:
            del self.pending[row - len(self.rows)]
            self._show()
            self.changed.emit()
            return
        self.ctx.runner.write(
            lambda s: remove(s, att_id),
            lambda _: self.reload(),
            changes={"attachment"},
            label=self.tr("Bỏ tệp đính kèm"),
        )
