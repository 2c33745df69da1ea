; Inno Setup script: wraps dist/pairing-desktop (from pairing_desktop.spec) into one setup.exe
; that installs per user (no administrator rights needed in a township office).
; Build: iscc packaging\installer.iss
[Setup]
AppName=城乡共建结对帮扶台账
AppVersion=0.1.0
AppPublisher=pairing_desktop
DefaultDirName={localappdata}\Programs\pairing_desktop
DefaultGroupName=结对帮扶台账
PrivilegesRequired=lowest
OutputBaseFilename=pairing-desktop-setup
Compression=lzma2
SolidCompression=yes

[Files]
Source: "..\dist\pairing-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\结对帮扶台账"; Filename: "{app}\pairing-desktop.exe"
Name: "{userdesktop}\结对帮扶台账"; Filename: "{app}\pairing-desktop.exe"
