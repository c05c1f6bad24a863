"""What an import found and did: problems and notes by row and column, and the counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kcdesk.errors import FieldMessage
from kcdesk.i18n import tr


@dataclass(frozen=True)
class Finding:
    row: int  # the Excel row number, as the user sees it
    column: str  # the header as typed in the file (or the field's label)
    message: FieldMessage

    def text(self, lang: str | None = None) -> str:
        return tr(
            "Dòng {row}, cột '{column}': {reason}",
            lang,
            row=self.row,
            column=self.column,
            reason=self.message.text(lang),
        )

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "reason": self.message.text(lang)}


@dataclass
class ImportOutcome:
    kind: str  # facilities | proposals
    file: str
    rows: int = 0  # data rows read (blank rows not counted)
    blank_rows: int = 0
    valid_rows: int = 0
    imported: int = 0
    dry_run: bool = False
    skip_invalid: bool = False
    problems: list[Finding] = field(default_factory=list)  # stop the row (and, by default, the import)
    notes: list[Finding] = field(default_factory=list)  # changes the user should know about
    ignored_columns: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # field -> the header as typed in the file

    @property
    def invalid_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.row > 0})

    @property
    def refused(self) -> bool:
        """All-or-nothing mode and something was wrong: nothing was written."""
        return bool(self.problems) and not self.skip_invalid

    def summary(self, lang: str | None = None) -> str:
        if self.dry_run:
            head = tr(
                "Kiểm tra thử (không ghi gì): {rows} dòng dữ liệu, {valid} dòng hợp lệ, {bad} dòng có lỗi.",
                lang,
                rows=self.rows,
                valid=self.valid_rows,
                bad=len(self.invalid_rows),
            )
        elif self.refused:
            head = tr(
                "Không nhập dòng nào: {bad} dòng có lỗi trong {rows} dòng. Hãy sửa tệp, hoặc dùng "
                "--skip-invalid để chỉ nhập {valid} dòng hợp lệ.",
                lang,
                bad=len(self.invalid_rows),
                rows=self.rows,
                valid=self.valid_rows,
            )
        else:
            head = tr(
                "Đã nhập {imported} dòng; bỏ qua {bad} dòng có lỗi.",
                lang,
                imported=self.imported,
                bad=len(self.invalid_rows),
            )
        return head

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "file": self.file,
            "dry_run": self.dry_run,
            "skip_invalid": self.skip_invalid,
            "rows": self.rows,
            "blank_rows": self.blank_rows,
            "valid_rows": self.valid_rows,
            "imported": self.imported,
            "refused": self.refused,
            "invalid_rows": self.invalid_rows,
            "problems": [p.as_dict(lang) for p in self.problems],
            "notes": [n.as_dict(lang) for n in self.notes],
            "ignored_columns": self.ignored_columns,
            "summary": self.summary(lang),
        }
