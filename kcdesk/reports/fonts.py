"""The serif family every printed document uses, found once per process and embedded.

NĐ 30/2020 asks for Times New Roman. It is on every Windows and macOS machine but not on
Linux, so the search goes: Times New Roman, then Liberation Serif (metric-compatible with
Times, Debian's fonts-liberation2), then Crimson Text from the fontpkg-crimson-text
dependency, so a PDF can always be made. Only static TTFs with all four styles qualify:
ReportLab would silently drop Vietnamese letters in its built-in fonts, and it cannot make
bold out of a variable font. Each candidate is checked for every Vietnamese letter before
it is used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from kcdesk.errors import KcError

FAMILY = "KcSerif"
STYLES = ("regular", "bold", "italic", "bolditalic")
# Every precomposed Vietnamese letter ReportLab must find in the font, upper and lower case.
VIETNAMESE_SAMPLE = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"


class FontMissingError(KcError):
    def __init__(self) -> None:
        super().__init__(
            "Không tìm thấy phông chữ có đủ dấu tiếng Việt để in văn bản. Hãy cài một trong các phông sau: "
            "Times New Roman; hoặc Liberation Serif (Debian/Ubuntu: sudo apt install fonts-liberation2); "
            "hoặc gói Python fontpkg-crimson-text (pip install fontpkg-crimson-text)."
        )


@dataclass(frozen=True)
class FontFamily:
    name: str  # human name, e.g. "Times New Roman"
    files: dict[str, Path]  # style -> file


def _times_candidates() -> list[dict[str, Path]]:
    names = {"regular": "times.ttf", "bold": "timesbd.ttf", "italic": "timesi.ttf", "bolditalic": "timesbi.ttf"}
    found: list[dict[str, Path]] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    folders = [Path(windir) / "Fonts"] if windir else []
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        if local:  # fonts installed for one user only
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    folders += [Path("/usr/share/fonts/truetype/msttcorefonts"), Path("/usr/share/fonts/TTF")]
    for folder in folders:
        files = {style: _find_case_insensitive(folder, name) for style, name in names.items()}
        if all(files.values()):
            found.append({k: v for k, v in files.items() if v})
    mac = {
        "regular": "Times New Roman.ttf",
        "bold": "Times New Roman Bold.ttf",
        "italic": "Times New Roman Italic.ttf",
        "bolditalic": "Times New Roman Bold Italic.ttf",
    }
    for folder in (Path("/System/Library/Fonts/Supplemental"), Path("/Library/Fonts")):
        mac_files = {style: folder / name for style, name in mac.items()}
        if all(p.is_file() for p in mac_files.values()):
            found.append(mac_files)
    fc = _fontconfig("Times New Roman")
    if fc:
        found.append(fc)
    return found


def _find_case_insensitive(folder: Path, name: str) -> Path | None:
    exact = folder / name
    if exact.is_file():
        return exact
    if not folder.is_dir():
        return None
    for entry in folder.iterdir():
        if entry.name.lower() == name:
            return entry
    return None


def _fontconfig(family: str) -> dict[str, Path] | None:
    """The family's four style files from fontconfig, or None. fc-match substitutes
    another family when the one asked for is missing, so the answer's family is checked."""
    if not shutil.which("fc-match"):
        return None
    styles = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "Bold Italic"}
    files: dict[str, Path] = {}
    for style, fc_style in styles.items():
        try:
            out = subprocess.run(
                ["fc-match", "-f", "%{family}\t%{file}", f"{family}:style={fc_style}"],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        families, _, file = out.partition("\t")
        if family not in families.split(",") or not file.lower().endswith(".ttf"):
            return None
        files[style] = Path(file)
    return files if len(set(files.values())) == 4 else None


def _liberation_candidates() -> list[dict[str, Path]]:
    names = {
        "regular": "LiberationSerif-Regular.ttf",
        "bold": "LiberationSerif-Bold.ttf",
        "italic": "LiberationSerif-Italic.ttf",
        "bolditalic": "LiberationSerif-BoldItalic.ttf",
    }
    found = []
    fc = _fontconfig("Liberation Serif")
    if fc:
        found.append(fc)
    for folder in (
        Path("/usr/share/fonts/truetype/liberation2"),
        Path("/usr/share/fonts/truetype/liberation"),
        Path("/usr/share/fonts/liberation-serif"),
    ):
        files = {style: folder / name for style, name in names.items()}
        if all(p.is_file() for p in files.values()):
            found.append(files)
    return found


def _crimson_candidates() -> list[dict[str, Path]]:
    try:
        import fontpkg_crimson_text
    except ImportError:
        return []
    root = Path(fontpkg_crimson_text.ROOT) / "files"
    names = {
        "regular": "CrimsonText-Regular.ttf",
        "bold": "CrimsonText-Bold.ttf",
        "italic": "CrimsonText-Italic.ttf",
        "bolditalic": "CrimsonText-BoldItalic.ttf",
    }
    files = {style: root / name for style, name in names.items()}
    return [files] if all(p.is_file() for p in files.values()) else []


CANDIDATES = {
    "Times New Roman": _times_candidates,
    "Liberation Serif": _liberation_candidates,
    "Crimson Text": _crimson_candidates,
}


def covers_vietnamese(path: Path) -> bool:
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFile

    try:
        cmap = TTFontFile(str(path)).charToGlyph
    except (TTFError, OSError):
        return False  # unreadable, a collection or a CFF font: not usable
    sample = VIETNAMESE_SAMPLE + VIETNAMESE_SAMPLE.upper()
    return all(ord(ch) in cmap for ch in sample)


def find_family(only: str | None = None) -> FontFamily:
    """The first usable family in order of preference (or the one named by `only`)."""
    for name, candidates in CANDIDATES.items():
        if only is not None and name != only:
            continue
        for files in candidates():
            if all(covers_vietnamese(p) for p in files.values()):
                return FontFamily(name, files)
    raise FontMissingError()


_registered: FontFamily | None = None


def register(only: str | None = None) -> FontFamily:
    """Register the family with ReportLab under FAMILY (once); <b> and <i> then work."""
    global _registered
    if _registered is not None and (only is None or _registered.name == only):
        return _registered
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    family = find_family(only)
    names = {
        "regular": FAMILY,
        "bold": f"{FAMILY}-Bold",
        "italic": f"{FAMILY}-Italic",
        "bolditalic": f"{FAMILY}-BoldItalic",
    }
    for style, font_name in names.items():
        pdfmetrics.registerFont(TTFont(font_name, str(family.files[style])))
    addMapping(FAMILY, 0, 0, names["regular"])
    addMapping(FAMILY, 1, 0, names["bold"])
    addMapping(FAMILY, 0, 1, names["italic"])
    addMapping(FAMILY, 1, 1, names["bolditalic"])
    _registered = family
    return family
