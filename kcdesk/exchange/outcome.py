"""What an import found and did: problems and notes by sheet, row and column, the changes
it makes to records already there, and the counts."""

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
    sheet: str = ""  # named when the workbook has several sheets

    def text(self, lang: str | None = None) -> str:
        if self.sheet:
            return tr(
                "Trang '{sheet}', dòng {row}, cột '{column}': {reason}",
                lang,
                sheet=self.sheet,
                row=self.row,
                column=self.column,
                reason=self.message.text(lang),
            )
        return tr(
            "Dòng {row}, cột '{column}': {reason}",
            lang,
            row=self.row,
            column=self.column,
            reason=self.message.text(lang),
        )

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        out = {"row": self.row, "column": self.column, "reason": self.message.text(lang)}
        return {"sheet": self.sheet, **out} if self.sheet else out


NEW, UPDATE, SAME = "new", "update", "same"


@dataclass
class RecordChange:
    """What an import does to one record (a proposal): creates it, changes it (each line
    says what differs between the file and what is recorded), or leaves it as it is."""

    code: str
    action: str  # NEW | UPDATE | SAME
    row: int  # its row on the main sheet (0: named only on another sheet)
    sheet: str = ""
    lines: list[Finding] = field(default_factory=list)  # each change, at the cell that makes it

    def head(self, lang: str | None = None) -> str:
        where = tr(" (dòng {row})", lang, row=self.row) if self.row else ""
        if self.action == NEW:
            return tr("Đề án mới {code}{where}", lang, code=self.code, where=where)
        if self.action == UPDATE:
            return tr("Đề án {code}{where} thay đổi:", lang, code=self.code, where=where)
        return tr("Đề án {code}{where} không đổi.", lang, code=self.code, where=where)

    def text(self, lang: str | None = None) -> str:
        return "\n".join([self.head(lang), *("  - " + line.text(lang) for line in self.lines)])

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "code": self.code,
            "action": self.action,
            "row": self.row,
            "changes": [line.as_dict(lang) for line in self.lines],
        }


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
    changes: list[RecordChange] = field(default_factory=list)  # per record: new, changed (what), unchanged
    update: bool = False  # records already there may be changed (the user has seen the changes)

    @property
    def created(self) -> int:
        return sum(1 for c in self.changes if c.action == NEW)

    @property
    def updated(self) -> int:
        return sum(1 for c in self.changes if c.action == UPDATE)

    @property
    def unchanged(self) -> int:
        return sum(1 for c in self.changes if c.action == SAME)

    @property
    def awaits_update(self) -> bool:
        """The file changes records already there, and the import was not told to: nothing
        was written; run it again with update once the changes are seen to be right."""
        return not self.dry_run and not self.update and not self.refused and self.updated > 0

    @property
    def invalid_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.row > 0 and not p.sheet})

    @property
    def invalid_places(self) -> list[tuple[str, int]]:
        """(sheet, row) of every row with a problem, whichever sheet it is on."""
        return sorted({(p.sheet, p.row) for p in self.problems if p.row > 0})

    @property
    def refused(self) -> bool:
        """All-or-nothing mode and something was wrong: nothing was written."""
        return bool(self.problems) and not self.skip_invalid

    def summary(self, lang: str | None = None) -> str:
        if self.kind == "proposals":
            return self._proposal_summary(lang)
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

    def _proposal_summary(self, lang: str | None) -> str:
        records = tr(
            "{new} đề án mới, {changed} đề án thay đổi, {same} đề án không đổi",
            lang,
            new=self.created,
            changed=self.updated,
            same=self.unchanged,
        )
        bad = len(self.invalid_places)
        if self.dry_run:
            return tr(
                "Kiểm tra thử (không ghi gì): {rows} dòng dữ liệu, {bad} dòng có lỗi; nếu nhập: {records}.",
                lang,
                rows=self.rows,
                bad=bad,
                records=records,
            )
        if self.refused:
            return tr(
                "Không ghi gì: {bad} dòng có lỗi trong {rows} dòng. Hãy sửa tệp, hoặc dùng --skip-invalid để chỉ "
                "nhập các đề án không có lỗi.",
                lang,
                bad=bad,
                rows=self.rows,
            )
        if self.awaits_update:
            return tr(
                "Không ghi gì: tệp thay đổi {changed} đề án đã có (xem các thay đổi ở trên). Nếu đúng, hãy nhập lại "
                "với --update để ghi cả các thay đổi đó.",
                lang,
                changed=self.updated,
            )
        return tr("Đã nhập: {records}; bỏ qua {bad} dòng có lỗi.", lang, records=records, bad=bad)

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
            **(
                {
                    "created": self.created,
                    "updated": self.updated,
                    "unchanged": self.unchanged,
                    "awaits_update": self.awaits_update,
                    "changes": [c.as_dict(lang) for c in self.changes if c.action != SAME],
                }
                if self.kind == "proposals"
                else {}
            ),
            "summary": self.summary(lang),
        }
