#!/usr/bin/env python3
"""Build the window's Qt translations.

    python scripts/build_translations.py            # compile .ts -> .qm (pyside6-lrelease)
    python scripts/build_translations.py --update   # refresh the .ts from the code (pyside6-lupdate),
                                                    # add the core's vocabulary labels, then compile
    python scripts/build_translations.py --check    # every translation keeps its source's {placeholders}

Vietnamese is the source language; resources/translations/kcdesk_en.ts holds the English.
The tests compile the catalogues themselves (tests/ui/conftest.py), and so does the window
on first start of a checkout, so nobody has to remember this step.
"""

from __future__ import annotations

import argparse
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kcdesk.ui.translations import _tool, compile_translations, translations_dir  # noqa: E402

TS = translations_dir() / "kcdesk_en.ts"


def vocabulary() -> list[str]:
    """Every label the window shows through labels.vocab()."""
    import json

    from kcdesk.domain import lifecycle, roles, vocab
    from kcdesk.domain.validation import FACILITY_LABELS
    from kcdesk.services.proposals import PROPOSAL_LABELS
    from kcdesk.services.sync_facts import ADVICE, DEFAULT_ADVICE, NEW_RECORD_ADVICE, OP_LABELS, TABLE_LABELS
    from kcdesk.ui.common.history_view import OPS
    from kcdesk.ui.facilities.form_widget import FLAG_LABELS, GROUPS
    from kcdesk.ui.facilities.table_model import HEADERS
    from kcdesk.ui.logic.sync_schedule import BADGE_TEXT
    from kcdesk.ui.proposals.page import COLUMNS

    words: list[str] = []
    for mapping in (
        vocab.FACILITY_TYPES,
        vocab.FACILITY_STATUSES,
        vocab.LEVELS,
        vocab.PROPOSAL_CLASSES,
        vocab.DISBURSEMENT_KINDS,
        vocab.CONCLUSIONS,
        vocab.MEMBER_ROLES,
        vocab.SURVEY_STATUSES,
        lifecycle.STATUSES,
        roles.ROLES,
        FACILITY_LABELS,
        PROPOSAL_LABELS,
        FLAG_LABELS,
        HEADERS,
        OPS,
        BADGE_TEXT,
        TABLE_LABELS,
        OP_LABELS,
        ADVICE,
    ):
        words += list(mapping.values())
    words += [t.label for t in lifecycle.TRANSITIONS]
    words += [title for title, _ in GROUPS] + ["Đặc điểm", DEFAULT_ADVICE, NEW_RECORD_ADVICE]
    words += [label for _, label, _ in COLUMNS]
    sectors = json.loads((REPO / "resources" / "reference" / "sectors.json").read_text(encoding="utf-8"))
    words += [s["name"] for s in (sectors if isinstance(sectors, list) else sectors.get("items", []))]
    rules = json.loads((REPO / "resources" / "reference" / "deadline_rules.json").read_text(encoding="utf-8"))
    words += [r["name"] for r in (rules if isinstance(rules, list) else rules.get("items", []))]
    return list(dict.fromkeys(words))


def vocab_translations() -> dict[str, str]:
    out: dict[str, str] = {}
    for context in ET.parse(TS).getroot().findall("context"):
        if context.findtext("name") == "Vocab":
            for m in context.findall("message"):
                t = m.find("translation")
                if t is not None and t.text and t.get("type") != "unfinished":
                    out[m.findtext("source") or ""] = t.text
    return out


def update() -> None:
    tool = _tool("lupdate")
    if tool is None:
        raise SystemExit("pyside6-lupdate not found (pip install PySide6-Essentials)")
    known = vocab_translations() if TS.exists() else {}  # lupdate drops the Vocab context as obsolete
    sources = sorted(str(p) for p in (REPO / "kcdesk" / "ui").rglob("*.py"))
    subprocess.run(
        [*tool, "-no-obsolete", "-source-language", "vi_VN", "-target-language", "en_GB", *sources, "-ts", str(TS)],
        check=True,
    )
    tree = ET.parse(TS)
    root = tree.getroot()
    context = next((c for c in root.findall("context") if c.findtext("name") == "Vocab"), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = "Vocab"
    have = {m.findtext("source") for m in context.findall("message")}
    for word in vocabulary():
        if word not in have:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = word
            if known.get(word):
                ET.SubElement(message, "translation").text = known[word]
            else:
                ET.SubElement(message, "translation", type="unfinished")
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)


def placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def check() -> list[str]:
    problems = []
    for context in ET.parse(TS).getroot().findall("context"):
        for m in context.findall("message"):
            source, translation = m.findtext("source") or "", m.find("translation")
            text = translation.text if translation is not None else None
            if translation is not None and translation.get("type") == "unfinished":
                problems.append(f"{context.findtext('name')}: untranslated: {source!r}")
            elif text and placeholders(text) != placeholders(source):
                problems.append(f"{context.findtext('name')}: placeholders differ: {source!r} -> {text!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.update:
        update()
    if args.check:
        problems = check()
        print("\n".join(problems) or "translations OK")
        return 1 if problems else 0
    for qm in compile_translations(force=True):
        print(f"compiled {qm.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
