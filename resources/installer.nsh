; Turnout's NSIS additions (electron-builder `nsis.include`).
; Refuses to install a version older than the one installed: the older app's
; Chromium would discard the newer IndexedDB, unsent check-ins included
; (electron/electron#38616). The app checks again at start (electron/version-guard.ts)
; for downgrades that bypass the installer (a copied folder, a restored backup).
!include "WordFunc.nsh"

!macro customInit
  ; Per-user install (nsis.perMachine: false): electron-builder records the version here.
  ReadRegStr $R0 HKCU "Software\Microsoft\Windows\CurrentVersion\Uninstall\${UNINSTALL_APP_KEY}" "DisplayVersion"
  StrCmp $R0 "" turnout_version_ok
  ; $R1 = 1 when the installed version is newer than this installer's.
  ${VersionCompare} "$R0" "${VERSION}" $R1
  StrCmp $R1 "1" 0 turnout_version_ok
    MessageBox MB_OK|MB_ICONSTOP "Turnout $R0 이(가) 이미 설치되어 있습니다. 이전 버전 ${VERSION}(으)로 바꾸면 전송되지 않은 체크인을 잃을 수 있어 설치하지 않습니다.$\r$\n$\r$\nTurnout $R0 is installed. Installing the older ${VERSION} could discard unsent check-ins, so setup stops." /SD IDOK
    SetErrorLevel 2
    Quit
  turnout_version_ok:
!macroend
