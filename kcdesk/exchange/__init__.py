"""Excel exchange: importing facilities and proposals from .xlsx, exporting the registers.

Headless: nothing here imports Qt. Hostile files are refused before they cost memory;
nothing is written unless the whole import commits in one transaction.
"""
