"""The Windows installer script cannot be compiled here (Inno Setup runs on Windows), so its
promises are read from the text: per-user with no admin rights, a fixed AppId for upgrades
in place, the data folder left alone, files that exist, and a Vietnamese messages file that
keeps every argument of Inno's English."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ISS = REPO / "installer" / "kcdesk.iss"
ISL = REPO / "installer" / "languages" / "Vietnamese.isl"
SPEC = REPO / "installer" / "kcdesk.spec"


def sections(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, [])
        elif line and not line.startswith(";"):
            out.setdefault(current, []).append(line)
    return out


def directives(lines: list[str]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_the_script_installs_per_user_and_upgrades_in_place() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Inno reads the Vietnamese text right
    text = raw.decode("utf-8-sig")
    assert re.search(r"Targets Inno Setup 6\.\d+ or later", text)
    setup = directives(sections(text)["Setup"])
    assert setup["PrivilegesRequired"] == "lowest" and "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"] == r"{autopf}\kcdesk"  # %LOCALAPPDATA%\Programs\kcdesk when per-user
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).resolve().is_file()


def test_the_shortcuts_open_the_windowed_executable_the_spec_builds() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    spec = SPEC.read_text(encoding="utf-8")
    assert 'executable("kcdesk-gui", console=False)' in spec
    icons = sections(text)["Icons"]
    assert any(r"{autoprograms}\kcdesk" in line and r"{app}\kcdesk-gui.exe" in line for line in icons)
    assert any(r"{autodesktop}" in line and "Tasks: desktopicon" in line for line in icons)
    assert any("Flags: unchecked" in line for line in sections(text)["Tasks"])  # the desktop one is optional
    assert any(r"..\dist\kcdesk\*" in line and "recursesubdirs" in line for line in sections(text)["Files"])


def test_the_data_folder_is_never_deleted_and_the_uninstaller_says_where_it_is() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    found = sections(text)
    deleting = found.get("UninstallDelete", []) + found.get("InstallDelete", [])
    assert all("{app}" in line and "localappdata" not in line.lower() for line in deleting)
    custom = directives(found["CustomMessages"])
    for lang in ("vi", "en"):
        assert "%1" in custom[f"{lang}.DataKept"]
    assert r"ExpandConstant('{localappdata}\kcdesk')" in text and "usPostUninstall" in text


def test_both_languages_are_offered_with_our_own_vietnamese_file() -> None:
    languages = sections(ISS.read_text(encoding="utf-8-sig"))["Languages"]
    assert languages[0].startswith('Name: "vi"') and r"compiler:Default.isl,languages\Vietnamese.isl" in languages[0]
    assert any(line.startswith('Name: "en"') for line in languages)


def test_the_vietnamese_messages_keep_every_argument_of_the_english() -> None:
    raw = ISL.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    options = directives(sections(text)["LangOptions"])
    assert options["LanguageID"] == "$042A" and options["LanguageName"] == "Tiếng Việt"
    arguments = re.compile(r"%\d|%n|\[[a-z/]+\]")
    checked = 0
    english = None
    for line in text.splitlines():
        if line.startswith("; en: "):
            english = line[len("; en: ") :]
        elif "=" in line and not line.startswith(";") and english is not None:
            key, vietnamese = line.split("=", 1)
            assert sorted(arguments.findall(vietnamese)) == sorted(arguments.findall(english)), key
            assert vietnamese.count("&") <= 1, key  # one keyboard accelerator at most
            checked += 1
            english = None
    assert checked > 80
