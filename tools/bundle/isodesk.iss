; Inno Setup script of IsoDesk's Windows installer (Inno Setup 6): a per-user install, no admin rights.
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\dist\isodesk tools\bundle\isodesk.iss
; (.github/workflows/windows-bundle.yml runs it after tools/bundle.py has built and checked the bundle.)
;
; - installs into %LOCALAPPDATA%\Programs\IsoDesk (the user's own programs folder: no UAC prompt);
; - Start-menu shortcuts (IsoDesk, and its command line), a desktop shortcut if the user ticks it;
; - the uninstaller removes the program folder only: the user's databases, backups, settings and logs live in
;   %LOCALAPPDATA%\IsoDesk (platformdirs' user data, log and cache folders) and in the registry key
;   HKCU\Software\IsoDesk, which it never touches.
; Qt 6 needs 64-bit Windows 10 1809 or later: older systems are refused by the installer.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\isodesk"
#endif

[Setup]
AppId={{4E488B9B-59C9-454A-88BD-B809904173DF}
AppName=IsoDesk 隔离点工作台
AppVersion={#AppVersion}
AppPublisher=IsoDesk
AppVerName=IsoDesk {#AppVersion}
DefaultDirName={localappdata}\Programs\IsoDesk
DefaultGroupName=IsoDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=IsoDesk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\isodesk.ico
UninstallDisplayIcon={app}\isodesk.exe
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\IsoDesk\IsoDesk 隔离点工作台"; Filename: "{app}\isodesk.exe"
Name: "{userprograms}\IsoDesk\IsoDesk 命令行 (command line)"; Filename: "{cmd}"; Parameters: "/k ""{app}\isodesk-cli.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{userprograms}\IsoDesk\{cm:UninstallProgram,IsoDesk}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\IsoDesk 隔离点工作台"; Filename: "{app}\isodesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\isodesk.exe"; Description: "{cm:LaunchProgram,IsoDesk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program itself leaves in its folder (Python's caches); never the user's data folder
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
