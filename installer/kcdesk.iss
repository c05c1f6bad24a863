; kcdesk Windows installer. Targets Inno Setup 6.3 or later (6.x syntax; "x64compatible"
; needs 6.3). Not compiled in this repository's CI (Linux); see docs/install.md and
; .github/workflows/windows-installer.yml.
;
; Build the bundle first (installer/kcdesk.spec gives dist\kcdesk\), then, from the repository root:
;   iscc /DAppVersion=0.1.0 installer\kcdesk.iss      -> dist\kcdesk-0.1.0-setup.exe
;
; What it does, and why:
;   - installs for the current user only, with no administrator rights (PrivilegesRequired=lowest):
;     {autopf} is then %LOCALAPPDATA%\Programs, the shortcuts go to the user's Start menu;
;   - upgrades in place: the AppId below never changes, so a newer setup finds the old
;     installation, closes a running kcdesk, replaces the program files and keeps the shortcuts;
;   - never touches the person's data: the database, its backups and the logs live in
;     %LOCALAPPDATA%\kcdesk (kcdesk.paths.data_dir), outside the program folder, so neither an
;     upgrade nor an uninstall removes them; the uninstaller says where they are;
;   - the database is upgraded by kcdesk itself at its next start, after a backup
;     (kcdesk.db.store), so the installer has nothing to migrate.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; Fixed forever: it is how an upgrade recognises the installation it replaces.
AppId={{99C4F918-141C-4FAA-8EFA-96451E7230C1}
AppName=kcdesk
AppVersion={#AppVersion}
AppVerName=kcdesk {#AppVersion}
AppPublisher=kcdesk
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\kcdesk
DisableProgramGroupPage=yes
DisableWelcomePage=no
UninstallDisplayName=kcdesk
UninstallDisplayIcon={app}\kcdesk-gui.exe
SetupIconFile=..\resources\icons\kcdesk.ico
; PySide6 and the bundled Python are 64-bit only; Qt 6 needs Windows 10 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=kcdesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; Close a running kcdesk before replacing its files (Windows Restart Manager).
CloseApplications=yes
RestartApplications=no

[Languages]
; Vietnamese first: the default when Windows' language matches neither.
Name: "vi"; MessagesFile: "compiler:Default.isl,languages\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.DataKept=Dữ liệu kcdesk của bạn (cơ sở dữ liệu, bản sao lưu, nhật ký) vẫn được giữ nguyên tại:%n%n%1%n%nCài lại kcdesk sẽ dùng tiếp dữ liệu này. Muốn xóa hẳn thì xóa thư mục trên bằng tay.
en.DataKept=Your kcdesk data (database, backups, logs) is kept at:%n%n%1%n%nInstalling kcdesk again picks it up. To remove it for good, delete that folder by hand.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's runtime, so no stale library of an older build lingers beside the
; new one. Program files only: the data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\kcdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\kcdesk"; Filename: "{app}\kcdesk-gui.exe"
Name: "{autodesktop}\kcdesk"; Filename: "{app}\kcdesk-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\kcdesk-gui.exe"; Description: "{cm:LaunchProgram,kcdesk}"; Flags: nowait postinstall skipifsilent

[Code]
// After an uninstall, say where the data stayed (kcdesk.paths.data_dir: %LOCALAPPDATA%\kcdesk,
// unless the person set KCDESK_HOME).
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\kcdesk')]), mbInformation, MB_OK);
end;
