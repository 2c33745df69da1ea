"""What goes into the frozen build, as plain data: read by pairing_desktop.spec and by the tests.

Kept apart from the spec so that a test can check these lists without PyInstaller: that every
module imported by name at run time is listed, and that no Qt module the code imports is excluded.
Plain Python, no PyInstaller import, runnable from a checkout: `python packaging/bundle.py` prints
the version and the Windows version resource generated from it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST_NAME = "pairing-desktop"
GUI_NAME = "pairing-desktop"  # windowed: no console window behind the program
CLI_NAME = "pairing-desktop-cli"  # console: the commands and --self-test print on Windows
ICON = ROOT / "packaging" / "pairing-desktop.ico"

# Packages collected whole, because something in them is imported by a name PyInstaller cannot
# see: ReportLab's barcode widgets import code128, qr, … inside functions (the frozen build died
# with `ModuleNotFoundError: reportlab.graphics.barcode.code128`); our own package, so that a
# module reached only through a string (a tab registry, a plugin list) is never left out.
COLLECT_PACKAGES = [
    "pairing_desktop",
    "reportlab.graphics.barcode",
]

# Single modules imported by name or compiled: ReportLab's accelerator is imported with exec()
# (`from _rl_accel import …` in reportlab.lib.rl_accel), so PyInstaller never sees it and the
# build silently fell back to the slow pure-Python code; reportlab.rl_settings is read by
# rl_config with __import__; argon2's binding is a cffi extension that needs _cffi_backend.
HIDDEN_IMPORTS = [
    "_rl_accel",
    "reportlab.rl_settings",
    "_argon2_cffi_bindings",
    "_cffi_backend",
    # core/sort_keys.py reads pypinyin's table of single characters from beside the package
    # without importing it (its import loads the phrase table), so the analysis does not see it
    "pypinyin",
]

# Distributions whose metadata is copied: pairing_desktop.__version__ reads its own with
# importlib.metadata.
METADATA = [DIST_NAME]

# Qt modules the program does not use: it imports QtCore, QtGui, QtWidgets, QtPrintSupport and
# QtCharts (tests/core/test_selftest.py fails if the code starts importing one of these).
# Excluding a Python module keeps its hook from collecting the Qt libraries, plugins and QML files
# behind it. QtOpenGL, QtOpenGLWidgets, QtNetwork and QtDBus are only pulled in as Python modules
# by the hooks' guess from QtCharts' linked libraries; the libraries themselves still come along
# through the linker's dependencies. QtPdf and QtSvg are not excluded: printing may use QtPdf.
QT_EXCLUDES = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCanvasPainter", "QtConcurrent", "QtDataVisualization", "QtDBus",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL",
    "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest", "QtTextToSpeech",
    "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml",
]

# Python modules nothing imports when the program runs: other GUI toolkits, the test tools, the
# build tool. Pillow itself stays (reportlab.lib.utils imports it at the top), but not its AVIF
# and WebP codecs (6 MB: Pillow loads its format plugins only if they import) nor its bridges to
# Qt and Tk.
PY_EXCLUDES = ["tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "pypdf", "PyInstaller",
               "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin",
               "PIL.ImageQt", "PIL.ImageTk", "PIL._imagingtk"]

EXCLUDES = [*PY_EXCLUDES, *(f"PySide6.{name}" for name in QT_EXCLUDES)]

# Qt's own translations kept: Chinese (the program's language); English is Qt's source text.
QT_TRANSLATIONS_KEPT = ("_zh_CN.qm",)

# Files the program never loads, matched on their path in the bundle. Qt plugins: the virtual
# keyboard (it pulls in the whole Qt Quick and QML runtime, about 16 MB), the PDF image format
# (Qt's PDF engine, 4 MB: pypdfium2 renders the previews), the GTK theme (GTK, Cairo, Pango), the
# platforms and input drivers of embedded devices. On Windows, Qt's software OpenGL (Mesa, 20 MB)
# and the Direct3D shader compiler, used only by Qt Quick and OpenGL views, which the program has
# none of. The image formats Qt reads for nothing here (icns, tga, tiff, wbmp, webp: the help's
# pictures are PNG, built into Qt; a letter's scan opens in the system's viewer). Kept: the
# windows, xcb, wayland and offscreen (the self-test) platforms, the ibus and compose input
# methods (Chinese input on Linux), printing, styles, the jpeg, gif, ico and svg formats.
DROPPED_FILES = re.compile(
    r"(plugins/(platforminputcontexts/[^/]*virtualkeyboard|imageformats/[^/]*qpdf"
    r"|platformthemes/[^/]*gtk3|egldeviceintegrations/|generic/|qmltooling/"
    r"|imageformats/[^/]*q(icns|tga|tiff|wbmp|webp)\."
    r"|platforms/[^/]*(eglfs|linuxfb|minimal|vnc|vkkhrdisplay))"
    r"|(^|/)(opengl32sw|d3dcompiler_\d+)\.dll$)", re.IGNORECASE)

# Shared libraries that may go once the plugins above are gone, matched on the file name. The spec
# drops one only when nothing left in the bundle links to it, so a module that starts using one
# (QtPdf for printing, say) keeps it.
PRUNABLE_LIBRARIES = re.compile(
    r"^(lib)?(Qt6(Quick|Qml|VirtualKeyboard|Pdf|EglFS|EglFsKms|WlShellIntegration|Network)\w*"
    r"|atk-|atk-bridge|pango|cairo|gdk_pixbuf|pixman|thai|datrie|fribidi|graphite2|epoxy"
    r"|atspi|gtk-3|gdk-3|Xcomposite|Xcursor|Xdamage|Xfixes|Xi\.|Xinerama|Xrandr)",
    re.IGNORECASE)


# Data files of libraries that nothing reads: pypinyin's phrase table (2.4 MB). The program never
# imports pypinyin; it reads only its table of single characters (core/sort_keys.py).
DROPPED_DATA = re.compile(r"(^|/)pypinyin/phrases_dict\.json$")

# The bundled fonts go in compressed (resources/fonts/<name>.xz: the TrueType collections, 41 MB,
# take 16 MB) and are unpacked once into the user's cache folder at first use, by
# pairing_desktop.core.font_files, which reads this suffix. XZ: the best ratio of the formats
# Python reads without a third-party module.
COMPRESSED_FONTS = "*.ttc"
FONT_SUFFIX = ".xz"

# Linux: one OpenSSL instead of two. psycopg2's libpq brings its own (3.5, 7 MB, renamed by
# auditwheel) and Python's _ssl and _hashlib link the system's (3.0, 5 MB). All of them use only
# the OpenSSL 3.0 interface (symbol version OPENSSL_3.0.0), which every 3.x keeps, so the system's
# names become links to psycopg2's copies; the loader maps one file once. On Windows the two
# carry DLL names of their own and both stay.
SHARED_LIBRARIES = {"libcrypto.so.3": "psycopg2_binary.libs/libcrypto-",
                    "libssl.so.3": "psycopg2_binary.libs/libssl-"}


def version() -> str:
    """The one version number, from pyproject.toml."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def version_tuple(text: str | None = None) -> tuple[int, int, int, int]:
    """'1.2.3' → (1, 2, 3, 0); a pre-release keeps its leading numbers ('1.3.0rc1' → 1.3.0.0)."""
    numbers = [int(n) for n in re.findall(r"\d+", re.match(r"[\d.]*", text or version())[0])]
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def version_info_text(text: str | None = None, program: str = GUI_NAME) -> str:
    """The Windows version resource of one program (PyInstaller's version-file syntax), from the
    one version."""
    text = text or version()
    four = version_tuple(text)
    strings = {
        "CompanyName": "pairing_desktop",
        "FileDescription": "城乡共建结对帮扶台账" + ("（命令行）" if program == CLI_NAME else ""),
        "FileVersion": text,
        "InternalName": program,
        "LegalCopyright": "MIT 许可证；所含第三方组件见 LICENSES.txt",
        "OriginalFilename": f"{program}.exe",
        "ProductName": "城乡共建“1+1”结对帮扶台账",
        "ProductVersion": text,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# Generated by packaging/bundle.py from the version in pyproject.toml: do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404b0', [
{entries}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


if __name__ == "__main__":
    print(version())
    print(version_info_text())
