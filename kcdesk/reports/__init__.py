"""Official documents and periodic reports: PDF in the NĐ 30/2020 layout and .xlsx tables.

Headless: nothing here imports Qt. Long jobs take a kcdesk.progress.Progress so a window
can show progress and cancel them.
"""
