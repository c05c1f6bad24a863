"""Bảng điều khiển: the year's plan against money paid out by month and by activity, the
counterpart ratio and outputs. Charts are QtCharts (PySide6-Addons; see docs/gui.md for why
not Qt Graphs), imported on first visit so start-up does not pay for them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kcdesk.domain.vnformat import group, money, ratio_percent
from kcdesk.services.dashboard import DashboardData, available_years, dashboard_data
from kcdesk.services.due import follow_up_counts
from kcdesk.ui.context import AppContext
from kcdesk.ui.logic.progress_view import follow_up_text

PLAN, PAID = QColor("#9db3d6"), QColor("#1d4f91")
MILLION = 1_000_000
# Writes that change a figure: plans, budgets, money, acceptances, monthly reports.
WATCHED = frozenset(
    {"proposal", "acceptance", "budget_line", "disbursement", "progress_report", "post_support_evaluation"}
)


def _card(label: str, value: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setObjectName("kpiCard")
    layout = QVBoxLayout(frame)
    number = QLabel(value)
    number.setObjectName("kpiValue")
    text = QLabel(label)
    text.setObjectName("kpiLabel")
    text.setWordWrap(True)
    layout.addWidget(number)
    layout.addWidget(text)
    return frame, number


class DashboardPage(QWidget):
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dashboard")
        self.setAccessibleName(self.tr("Bảng điều khiển"))
        title = QLabel(self.tr("Bảng điều khiển"))
        title.setObjectName("pageTitle")
        self.year = QComboBox()
        self.year.setObjectName("dashboardYear")
        self.year.currentIndexChanged.connect(lambda _: self.refresh())
        self.cards: dict[str, QLabel] = {}
        cards = QHBoxLayout()
        for key, label in (
            ("plan", self.tr("Kinh phí khuyến công trong kế hoạch")),
            ("paid", self.tr("Đã giải ngân")),
            ("rate", self.tr("Tỷ lệ giải ngân")),
            ("counterpart", self.tr("Tỷ lệ vốn đối ứng trên tổng kinh phí")),
            ("proposals", self.tr("Đề án trong kế hoạch")),
        ):
            frame, number = _card(label, "–")
            self.cards[key] = number
            cards.addWidget(frame)
        self.by_month = self._chart_view("chartByMonth")
        self.by_activity = self._chart_view("chartByActivity")
        # This month's follow-up work (not the plan year's): reports missing, evaluations due.
        self.follow_up = QLabel()
        self.follow_up.setObjectName("followUpSummary")
        self.follow_up.setWordWrap(True)
        self.counts: Any = None
        self.outputs = QLabel()
        self.outputs.setObjectName("outputsSummary")
        self.outputs.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Năm kế hoạch")))
        top.addWidget(self.year)
        charts = QGridLayout()
        charts.addWidget(self.by_month, 0, 0)
        charts.addWidget(self.by_activity, 0, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addWidget(self.follow_up)
        layout.addLayout(charts, 1)
        layout.addWidget(self.outputs)
        ctx.runner.changed.connect(lambda t: self.refresh() if t & WATCHED else None)
        ctx.runner.read(available_years, self._years, label=self.tr("Đọc các năm kế hoạch"))

    def _chart_view(self, name: str) -> QChartView:
        view = QChartView()
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(300)
        return view

    def _years(self, years: list[int]) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        for y in years:
            self.year.addItem(str(y), y)
        from datetime import date

        current = date.today().year
        self.year.setCurrentIndex(max(0, self.year.findData(current if current in years else years[0])))
        self.year.blockSignals(False)
        self.refresh()

    def new_record(self) -> None:
        """This page has no record of its own to start (kcdesk.ui.page.Page)."""

    def refresh(self) -> None:
        year = self.year.currentData()
        if year is not None:
            self.ctx.runner.read(lambda s: dashboard_data(s, year), self._show, label=self.tr("Tính số liệu"))
        self.ctx.runner.read(follow_up_counts, self._show_follow_up, label=self.tr("Đếm việc theo dõi đề án"))

    def _show_follow_up(self, counts: Any) -> None:
        self.counts = counts
        self.follow_up.setText(follow_up_text(counts, lang=self.ctx.lang))
        overdue = counts.progress_overdue or counts.evaluations_overdue
        self.follow_up.setProperty("role", "warning" if overdue else "banner")
        self.follow_up.style().unpolish(self.follow_up)
        self.follow_up.style().polish(self.follow_up)

    def _show(self, data: DashboardData) -> None:
        total = data.figures.total
        self.cards["plan"].setText(money(total.plan))
        self.cards["paid"].setText(money(data.paid_total))
        self.cards["rate"].setText(ratio_percent(data.paid_total, total.plan))
        whole = total.plan + total.counterpart + total.other
        self.cards["counterpart"].setText(ratio_percent(total.counterpart, whole))
        self.cards["proposals"].setText(group(total.proposals))
        months = [self.tr("T{n}").format(n=m) for m in range(1, 13)]
        self.by_month.setChart(
            self._bars(
                self.tr("Kế hoạch và giải ngân theo tháng (triệu đồng)"), months, data.plan_by_month, data.paid_by_month
            )
        )
        acts = [f for f in data.figures.by_activity if f.plan or data.paid_by_activity.get(f.key)]
        self.by_activity.setChart(
            self._bars(
                self.tr("Theo nội dung hoạt động (triệu đồng)"),
                [f.key for f in acts],
                [f.plan for f in acts],
                [data.paid_by_activity.get(f.key, 0) for f in acts],
            )
        )
        o = data.figures.outputs
        self.outputs.setText(
            self.tr(
                "Kết quả đầu ra năm {year}: {acc} biên bản nghiệm thu · học viên {tr}/{ptr} (kế hoạch) · "
                "mô hình {m}/{pm} · máy móc {mc}/{pmc} · hội chợ {f} · thương hiệu {b} · vốn đối ứng thực hiện {cp}"
            ).format(
                year=data.year,
                acc=o.acceptances,
                tr=group(o.trainees),
                ptr=group(o.planned_trainees),
                m=o.models_built,
                pm=o.planned_models,
                mc=o.machines_supplied,
                pmc=o.planned_machines,
                f=o.fairs,
                b=o.brands,
                cp=money(o.counterpart_invested),
            )
        )
        self.loaded.emit(data.year)

    def _bars(self, title: str, categories: list[str], plan: list[int], paid: list[int]) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        series = QBarSeries()
        for label, values, colour in ((self.tr("Kế hoạch"), plan, PLAN), (self.tr("Giải ngân"), paid, PAID)):
            bar = QBarSet(label)
            bar.setColor(colour)
            bar.setBorderColor(colour)
            bar.append([v / MILLION for v in values])
            series.append(bar)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(categories)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%.0f")
        # Below zero only when a settlement returned money in a month (see kcdesk.services.dashboard).
        axis_y.setMin(min([0, *plan, *paid]) / MILLION)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_y.applyNiceNumbers()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setFont(self.font())
        chart.setTitleFont(self.font())
        return chart
