"""The window's look: a calm office palette, readable sizes, clear error and badge colours."""

STYLESHEET = """
QMainWindow, QDialog { background: #f6f7f9; }
QListWidget#navList { background: #1d2f4a; color: #dfe6f0; border: none; font-size: 10.5pt; padding-top: 6px; }
QListWidget#navList::item { padding: 9px 14px; border-left: 3px solid transparent; }
QListWidget#navList::item:selected { background: #2b4570; color: white; border-left: 3px solid #7fb2ff; }
QListWidget#navList::item:hover:!selected { background: #24395a; }
QLabel#pageTitle { font-size: 15pt; font-weight: 600; color: #1d2f4a; }
QLabel#sectionNote { color: #5b6573; }
QLabel.fieldError, QLabel[role="fieldError"] { color: #b3261e; font-size: 9pt; }
QLabel[role="banner"] { background: #fff4d6; border: 1px solid #e6c36a; padding: 6px 10px; border-radius: 4px; }
QLabel[role="lockedBanner"] { background: #e8eef8; border: 1px solid #9db3d6; padding: 6px 10px; border-radius: 4px;
    color: #1d2f4a; font-weight: 600; }
QLabel[role="warning"] { background: #fdecea; border: 1px solid #f0b4ae; color: #8c1d18; padding: 6px 10px;
    border-radius: 4px; }
QLabel[severity="overdue"] { background: #fde2e1; color: #a4161a; border-radius: 9px; padding: 2px 9px; }
QLabel[severity="soon"] { background: #fff1d6; color: #8a5300; border-radius: 9px; padding: 2px 9px; }
QLabel[severity="later"] { background: #e7f1e8; color: #25613a; border-radius: 9px; padding: 2px 9px; }
QLabel[severity="status"] { background: #dbe7f7; color: #1d4f91; border-radius: 9px; padding: 2px 10px;
    font-weight: 600; }
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"] { border: 1px solid #b3261e;
    background: #fff8f7; }
QPushButton#saveButton, QPushButton[primary="true"] { background: #1d4f91; color: white; border: 1px solid #173f74;
    border-radius: 4px; padding: 5px 16px; font-weight: 600; }
QPushButton#saveButton:disabled, QPushButton[primary="true"]:disabled { background: #9fb2cc; border-color: #9fb2cc; }
QPushButton#saveButton:hover, QPushButton[primary="true"]:hover { background: #245fad; }
QTableView { gridline-color: #e3e6ea; selection-background-color: #cfe0f7; selection-color: #111;
    alternate-background-color: #f8fafc; background: white; }
QHeaderView::section { background: #eef1f5; border: none; border-right: 1px solid #dde2e8;
    border-bottom: 1px solid #d3d9e0; padding: 4px 6px; font-weight: 600; color: #2d3a4a; }
QGroupBox { font-weight: 600; color: #1d2f4a; border: 1px solid #dde2e8; border-radius: 6px; margin-top: 14px;
    background: white; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QTabWidget::pane { border: 1px solid #dde2e8; background: white; border-radius: 4px; }
QTabBar::tab { padding: 6px 14px; }
QFrame#kpiCard { background: white; border: 1px solid #dde2e8; border-radius: 6px; }
QLabel#kpiValue { font-size: 16pt; font-weight: 600; color: #1d4f91; }
QLabel#kpiLabel { color: #5b6573; }
QStatusBar { background: #eef1f5; color: #2d3a4a; }
QTreeWidget#dueList::item, QTreeWidget#historyTree::item, QTreeWidget#statusHistory::item,
QTreeWidget#moneyLedger::item, QTreeWidget#progressReports::item, QTreeWidget#evaluationTree::item { padding: 4px 2px; }
QLabel#formSubject { font-weight: 600; color: #2d3a4a; font-size: 10.5pt; }
QLabel#remainingBudget { color: #1d4f91; font-size: 10.5pt; }
"""
