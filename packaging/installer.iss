; Inno Setup 6 (6.5 or later) script: wraps dist\pairing-desktop (built by
; packaging\pairing_desktop.spec) into one setup program for a township office's PC: Chinese
; wizard, Windows 10 or later, 64-bit only.
;
; NOT COMPILED HERE: Inno Setup runs only on Windows, and the machines this project is developed
; and tested on are Linux. packaging\windows-build.yml builds the bundle, runs its self-test and
; compiles this script on a Windows runner. By hand, on Windows, from the repository root:
;     py -3.11 -m pip install -e ".[build]"
;     py -3.11 scripts\build.py
;     py -3.11 packaging\licenses.py
;     iscc packaging\installer.iss
; The Chinese wizard needs ChineseSimplified.isl in Inno Setup's Languages folder: it is one of
; Inno Setup's unofficial translations, not installed with it (the workflow puts it there).
;
; The version is not written here: it is read from the version resource of the built
; pairing-desktop.exe, which the spec generates from the one version in pyproject.toml.
;
; Per-user install by default (a clerk without administrator rights can install it); an
; administrator may choose to install for all users. The .iss is UTF-8 with a byte-order mark,
; which Inno Setup 6 needs to read the Chinese text.
;
; The user's data (ledgers, backups, scans, logs) lives in the data folder of
; pairing_desktop.core.paths.data_dir(): platformdirs' user_data_dir, which on Windows is
; %LOCALAPPDATA%\pairing_desktop (%APPDATA%\pairing_desktop is checked too, should the program
; move it there); the window's settings are in the registry under HKCU\Software\pairing_desktop.
; The uninstaller removes only the files this setup installed: never those folders nor the
; registry settings.

#define AppExe "..\dist\pairing-desktop\pairing-desktop.exe"
#if !FileExists(AppExe)
  #error "dist\pairing-desktop\pairing-desktop.exe is missing: build it first (scripts\build.py)"
#endif
#define AppVersion GetStringFileInfo(AppExe, "ProductVersion")
#define AppName "城乡共建结对帮扶台账"

[Setup]
; The AppId identifies the program to Windows' uninstall list and to later versions' setups, which
; then update this installation in place: never change it.
AppId={{D0497F09-3EB9-4462-9E34-377BE6768423}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=pairing_desktop
AppCopyright=MIT 许可证
VersionInfoVersion={#GetVersionNumbersString(AppExe)}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
DefaultDirName={autopf}\pairing_desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; Windows 10 or later, 64-bit: PySide6 6.x needs both. A Windows 7 PC is refused at the start,
; with the Chinese message set under [Messages] below, instead of installing a program that fails.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=LICENSES.txt
SetupIconFile=pairing-desktop.ico
UninstallDisplayIcon={app}\pairing-desktop.exe
UninstallDisplayName={#AppName}
OutputDir=..\dist
OutputBaseFilename=pairing-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Messages]
; Shown instead of Inno Setup's generic "needs version 10.0" on Windows 7 and 8.
WinVersionTooLowError=本程序需要 Windows 10 或更高版本（64 位）。%n%n这台电脑的 Windows 版本过低，无法安装。请在 Windows 10 或 Windows 11 的 64 位电脑上安装，或请单位的信息员升级系统。
OnlyOnTheseArchitectures=本程序只能安装在 64 位的 Windows 10 或更高版本上。%n%n这台电脑是 32 位系统，无法安装。请换一台 64 位 Windows 10 或 Windows 11 的电脑。

[CustomMessages]
DesktopShortcut=在桌面上创建快捷方式(&D)
ShortcutGroup=快捷方式：
DataKept=卸载已完成。%n%n您的台账数据没有删除，仍保存在：%n%1%n%n重新安装本程序后可以继续使用；如确实不再需要，可以手动删除这个文件夹（删除前请先备份到 U 盘）。

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopShortcut}"; GroupDescription: "{cm:ShortcutGroup}"

[Files]
; Both programs and the _internal folder they share: pairing-desktop.exe (windowed) and
; pairing-desktop-cli.exe (console, for the commands and --self-test).
Source: "..\dist\pairing-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "LICENSES.txt"; DestDir: "{app}"; Flags: ignoreversion
Source: "THIRD-PARTY-NOTICES.txt"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\pairing-desktop.exe"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\pairing-desktop.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\pairing-desktop.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section, on purpose: the uninstaller removes what [Files] installed and
; nothing else. The data folder (the ledgers and their backups) is never deleted.

[Code]
{ After uninstalling, tell the clerk that the ledgers are still there, and where. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Found: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
  begin
    Found := '';
    if DirExists(ExpandConstant('{localappdata}\pairing_desktop')) then
      Found := ExpandConstant('{localappdata}\pairing_desktop');
    if DirExists(ExpandConstant('{userappdata}\pairing_desktop')) then
    begin
      if Found <> '' then
        Found := Found + #13#10;
      Found := Found + ExpandConstant('{userappdata}\pairing_desktop');
    end;
    if Found <> '' then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [Found]), mbInformation, MB_OK);
  end;
end;
