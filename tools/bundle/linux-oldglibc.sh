#!/usr/bin/env bash
# The Linux bundles (one folder, one file) for glibc 2.28 and later (UOS 20, Kylin V10, Ubuntu 20.04 …), built
# in a Debian 11 chroot, proven by a symbol scan (nothing may need more than GLIBC_2.28) and by the frozen
# `--self-test` in a fresh minimal Debian 11 chroot holding only the packages the README asks clerks for;
# then packed into dist/release/ with SHA256SUMS.
#
#   tools/bundle/linux-oldglibc.sh   (root: debootstrap, chroot, mount; cache: $OGI_BUNDLE_CACHE/linux-glibc228)
#
# Why it looks like this: a binary needs the glibc it was linked against or newer, so the bundle is made on
# an old system. Debian 11 (glibc 2.31) is the oldest Debian release the package archive still serves;
# the gap from 2.31 down to 2.28 is closed by hand: CPython is compiled there with the five libm
# functions that got new symbol versions in glibc 2.29 bound to their old versions (linux/glibc228.h) and
# without sem_clockwait (2.30); PySide6 6.9 wheels are built for glibc 2.28; the only Debian 11 library
# that needs more (libpng16, through libm) is left to the target system, which has it.
set -euo pipefail
LOG_TAG=linux
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SUITE=bullseye                                   # Debian 11, glibc 2.31
MAX_GLIBC=2.28
CACHE="$CACHE_ROOT/linux-glibc228"
BASE_TAR="$CACHE/$SUITE-minbase.tar"             # pristine debootstrap result (kept)
BUILD_ROOT="$CACHE/build-root"                   # build chroot with its packages and the built Python (kept)
TEST_ROOT="$CACHE/test-root"                     # the clerk's minimal system (made anew each run)
APT_DEBS="$CACHE/apt-archives"                   # .deb files, shared by both chroots (kept)
PIP_CACHE="$CACHE/pip-cache"                     # wheels for the chroot's pip (kept)
CONSTRAINTS="$BUNDLE_TOOLS/constraints-linux-glibc228.txt"
PYTHON_SOURCE_PACKAGE=python3.11                 # Debian 12's source package: its upstream tarball is built
PYTHON_PREFIX=/opt/python                        # inside the build chroot
# What the bundle needs from the clerk's system (README): display, session bus, printing, and libpng16
# (Debian 11's libpng16 needs glibc 2.29, so the bundle takes it from the target like libxcb and OpenGL).
TARGET_PACKAGES=(libgl1 libegl1 libxcb1 libdbus-1-3 libcups2 libpng16-16)
SYSTEM_LIBS="libpng16.so.16"                     # build.spec leaves these out (OGI_SYSTEM_LIBS)
BUILD_PACKAGES=(
  # CPython: compiler and the libraries of the modules the program or pip use (ssl only for pip: not bundled)
  gcc make libc6-dev pkg-config xz-utils ca-certificates libffi-dev zlib1g-dev libbz2-dev liblzma-dev libssl-dev
  # PyInstaller reads and strips libraries with binutils
  binutils
  # Qt's system libraries, for PyInstaller to collect (same list as .ci/run) and for the build to import Qt
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 libcups2 libwayland-client0 libwayland-cursor0
)

# The Debian mirror this machine's apt already uses (OGI_DEBIAN_MIRROR overrides it).
debian_mirror() {
  [[ -n "${OGI_DEBIAN_MIRROR:-}" ]] && { echo "$OGI_DEBIAN_MIRROR"; return; }
  { sed -n 's|^URIs:[[:space:]]*\([^[:space:]]*/debian\)/\{0,1\}$|\1|p' /etc/apt/sources.list.d/*.sources 2>/dev/null
    awk '$1 == "deb" && $2 ~ /\/debian\/?$/ {print $2}' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
  } | head -1 || true
}

# --- chroot plumbing: every mount is undone on exit, and a chroot is never deleted while something is mounted in it
MOUNTS=()
unmount_all() {
  local i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount "${MOUNTS[i]}" 2>/dev/null || umount -l "${MOUNTS[i]}" || true; done
  MOUNTS=()
}
trap unmount_all EXIT
mounted_under() { awk -v r="$(realpath -m "$1")/" 'index($2 "/", r) == 1 {print $2}' /proc/mounts; }
remove_root() {
  [[ -z "$(mounted_under "$1")" ]] || { log "refusing to delete $1: still mounted: $(mounted_under "$1")"; exit 1; }
  rm -rf --one-file-system "$1"
}
enter_root() {  # $1 = root: proc for the tools that read it, the shared .deb cache, name resolution for apt/pip
  mkdir -p "$APT_DEBS/partial"
  mount -t proc proc "$1/proc" && MOUNTS+=("$1/proc")
  mount --bind "$APT_DEBS" "$1/var/cache/apt/archives" && MOUNTS+=("$1/var/cache/apt/archives")
  cp -L /etc/resolv.conf "$1/etc/resolv.conf"
}
# A clean environment: nothing of the host (PIP_*, PYTHON*, …) leaks in. pip is told to use the system's
# certificate authorities (as Debian's own pip does), not the certifi copy it carries.
in_root() {
  local root="$1"; shift
  chroot "$root" /usr/bin/env -i PATH="$PYTHON_PREFIX/bin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" HOME=/root \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive PIP_CERT=/etc/ssl/certs/ca-certificates.crt "$@"
}
root_apt_install() {  # $1 = root, rest = packages
  local root="$1"; shift
  in_root "$root" apt-get update -qq
  # (apt in a bare chroot complains about debconf's frontend and /dev/pts; harmless, so not shown)
  in_root "$root" apt-get install -y -qq --no-install-recommends "$@" 2>&1 >/dev/null \
    | grep -v -e "delaying package configuration" -e "Can not write log" || true
}
new_root() {  # $1 = root: a fresh copy of the pristine minimal system
  remove_root "$1"
  mkdir -p "$1" && tar -xf "$BASE_TAR" -C "$1"
}

# A run that was killed may have left its mounts: undo those under this cache only, before anything is deleted.
for stale in $(mounted_under "$CACHE" | sort -r); do umount "$stale" 2>/dev/null || umount -l "$stale"; done

step "apt packages (host)"
apt_install debootstrap binutils xz-utils
MIRROR="$(debian_mirror)"
[[ -n "$MIRROR" ]] || { log "no Debian mirror found in apt's sources; set OGI_DEBIAN_MIRROR"; exit 1; }
step_done

step "Debian $SUITE minimal system ($BASE_TAR)"
mkdir -p "$CACHE/debootstrap-debs"
if [[ ! -s "$BASE_TAR" ]]; then
  remove_root "$CACHE/base-root"
  "${NICE[@]}" debootstrap --variant=minbase --cache-dir="$CACHE/debootstrap-debs" "$SUITE" "$CACHE/base-root" "$MIRROR" >/dev/null
  tar -cf "$BASE_TAR.part" -C "$CACHE/base-root" . && mv "$BASE_TAR.part" "$BASE_TAR"
  remove_root "$CACHE/base-root"
fi
step_done "$(size_of "$BASE_TAR")"

step "build chroot ($BUILD_ROOT)"
[[ -f "$BUILD_ROOT/.ogi-base" ]] || { new_root "$BUILD_ROOT"; touch "$BUILD_ROOT/.ogi-base"; }
enter_root "$BUILD_ROOT"
root_apt_install "$BUILD_ROOT" "${BUILD_PACKAGES[@]}"
# pip in the chroot must trust what this machine trusts (a network behind a TLS-inspecting proxy adds its
# authority under /usr/local/share/ca-certificates): the same local certificates, Debian's usual way.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$BUILD_ROOT/usr/local/share/ca-certificates/"
  in_root "$BUILD_ROOT" update-ca-certificates >/dev/null 2>&1
fi
in_root "$BUILD_ROOT" sh -c 'ldd --version | head -1'
step_done

step "CPython from Debian's $PYTHON_SOURCE_PACKAGE source package, built for glibc $MAX_GLIBC"
# Debian 12's source package: deb-src of bookworm is only read for `apt-get source`; nothing is installed from it.
echo "deb-src $MIRROR bookworm main" > "$BUILD_ROOT/etc/apt/sources.list.d/bookworm-src.list"
in_root "$BUILD_ROOT" apt-get update -qq
mkdir -p "$BUILD_ROOT/build/python-src"
in_root "$BUILD_ROOT" sh -c "cd /build/python-src && apt-get source -qq --download-only $PYTHON_SOURCE_PACKAGE 2>&1 >/dev/null" \
  | grep -v "Download is performed unsandboxed" || true
ORIG="$(cd "$BUILD_ROOT/build/python-src" && ls -t ${PYTHON_SOURCE_PACKAGE}_*.orig.tar.* | head -1)"
cp "$BUNDLE_TOOLS/linux/glibc228.h" "$BUILD_ROOT/build/glibc228.h"
CONFIGURE=(--prefix="$PYTHON_PREFIX" --enable-shared --with-ensurepip=install
           "LDFLAGS=-Wl,-rpath,$PYTHON_PREFIX/lib" "CFLAGS=-O2 -include /build/glibc228.h" ac_cv_func_sem_clockwait=no)
STAMP="$ORIG $(sha256sum "$BUNDLE_TOOLS/linux/glibc228.h" | cut -c1-16) ${CONFIGURE[*]}"
if [[ "$(cat "$BUILD_ROOT$PYTHON_PREFIX/.ogi-build" 2>/dev/null)" != "$STAMP" ]]; then
  rm -rf "$BUILD_ROOT$PYTHON_PREFIX" "$BUILD_ROOT/build/python-build"
  mkdir -p "$BUILD_ROOT/build/python-build"
  tar -xf "$BUILD_ROOT/build/python-src/$ORIG" -C "$BUILD_ROOT/build/python-build" --strip-components=1
  in_root "$BUILD_ROOT" "${NICE[@]}" sh -c "cd /build/python-build && ./configure -q $(printf "'%s' " "${CONFIGURE[@]}") >/dev/null \
    && make -s -j$(nproc) >/dev/null 2>make.log && make -s install >/dev/null 2>>make.log" \
    || { tail -30 "$BUILD_ROOT/build/python-build/make.log"; exit 1; }
  echo "$STAMP" > "$BUILD_ROOT$PYTHON_PREFIX/.ogi-build"
  rm -rf "$BUILD_ROOT/build/python-build"
else
  log "   (cached: $STAMP)"
fi
in_root "$BUILD_ROOT" python3 -c "import sys, ctypes, zlib, bz2, lzma, ssl, math; print('Python', sys.version.split()[0], math.exp(1))"
step_done

step "the project wheel and its packages (constraints: ${CONSTRAINTS#"$REPO"/})"
WHEEL="$(build_wheel "$CACHE/project-wheel")"
VERSION="$(wheel_version "$WHEEL")"
rm -rf "$BUILD_ROOT/build/wheel" "$BUILD_ROOT/build/src" && mkdir -p "$BUILD_ROOT/build/wheel" "$BUILD_ROOT/build/src"
cp "$WHEEL" "$CONSTRAINTS" "$BUILD_ROOT/build/wheel/"
# The spec and its build-time helpers come from the checkout (tracked and new files, not ignored ones).
if git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
  git -C "$REPO" ls-files -z --cached --others --exclude-standard | (cd "$REPO" && tar --null -T - -cf -) | tar -xf - -C "$BUILD_ROOT/build/src"
else
  tar -C "$REPO" --exclude=./dist --exclude=./build --exclude=./.git -cf - . | tar -xf - -C "$BUILD_ROOT/build/src"
fi
mkdir -p "$PIP_CACHE" "$BUILD_ROOT/root/.cache/pip"
mount --bind "$PIP_CACHE" "$BUILD_ROOT/root/.cache/pip" && MOUNTS+=("$BUILD_ROOT/root/.cache/pip")
W=/build/wheel/$(basename "$WHEEL")
C=/build/wheel/$(basename "$CONSTRAINTS")
# The wheel's own requirements follow the newest PySide6; the constraints pin the line this target needs.
mapfile -t RUNTIME < <(python3 "$BUNDLE_TOOLS/wheel_requirements.py" "$WHEEL" --replace PySide6-Pdf=PySide6-Addons)
in_root "$BUILD_ROOT" python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore -c "$C" \
  "${RUNTIME[@]}" pyinstaller fonttools
# (pip then says the wheel's PySide6>=6.12 is not met: true, and on purpose.)
in_root "$BUILD_ROOT" python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --force-reinstall --no-deps "$W" 2>&1 \
  | grep -v -e "dependency resolver does not currently" -e "^ogi-report .* requires PySide6" || true
in_root "$BUILD_ROOT" python3 -c "import PySide6, PyInstaller; print('PySide6', PySide6.__version__, '| PyInstaller', PyInstaller.__version__)"
step_done

build() {  # $1 = one-folder | one-file
  local onefile=""
  [[ $1 == one-file ]] && onefile=1
  step "PyInstaller in the $SUITE chroot: $1"
  rm -rf "$BUILD_ROOT/build/dist-$1" "$BUILD_ROOT/build/work-$1"
  in_root "$BUILD_ROOT" env OGI_ONEFILE="$onefile" OGI_SYSTEM_LIBS="$SYSTEM_LIBS" "${NICE[@]}" sh -c \
    "cd /build/src && python3 -m PyInstaller --noconfirm --log-level WARN --distpath /build/dist-$1 --workpath /build/work-$1 build.spec"
  step_done "$(size_of "$BUILD_ROOT/build/dist-$1")"
}
build one-folder
build one-file
unmount_all  # the build chroot is done with

step "glibc symbol scan (nothing may need more than GLIBC_$MAX_GLIBC)"
# Run with the build chroot's Python: its PyInstaller reads the files packed inside the one-file bundle.
cp "$BUNDLE_TOOLS/scan_glibc.py" "$BUILD_ROOT/build/scan_glibc.py"
in_root "$BUILD_ROOT" python3 /build/scan_glibc.py --max "$MAX_GLIBC" /build/dist-one-folder/ogi-report /build/dist-one-file/ogi-report
step_done

step "fresh minimal $SUITE chroot with only the README's packages: ${TARGET_PACKAGES[*]}"
new_root "$TEST_ROOT"
enter_root "$TEST_ROOT"
root_apt_install "$TEST_ROOT" "${TARGET_PACKAGES[@]}"
mkdir -p "$TEST_ROOT/opt/one-folder" "$TEST_ROOT/opt/one-file"
cp -a "$BUILD_ROOT/build/dist-one-folder/ogi-report" "$TEST_ROOT/opt/one-folder/"
cp -a "$BUILD_ROOT/build/dist-one-file/ogi-report" "$TEST_ROOT/opt/one-file/"
step_done "$(in_root "$TEST_ROOT" sh -c 'ldd --version | head -1')"

step "every library of the one-folder bundle resolves there (ldd)"
# Offscreen the self-test loads no display plug-in, so ldd proves those (xcb, wayland) find what they need.
# Wayland's client libraries come with every Wayland desktop (README), so only they may be missing here.
DESKTOP_LIBS="libwayland-client.so.0 libwayland-cursor.so.0"
in_root "$TEST_ROOT" sh -c 'cd /opt/one-folder/ogi-report/_internal && export LD_LIBRARY_PATH="$PWD:$PWD/PySide6/Qt/lib" &&
  find . -type f \( -name "*.so*" -o -name "*.abi3.so" \) | while read -r f; do
    ldd "$f" 2>/dev/null | sed -n "s|^[[:space:]]*\([^ ]*\) => not found|\1|p" | sed "s|^|$f |"; done' > "$CACHE/ldd-missing.txt"
UNEXPECTED="$(awk -v ok="$DESKTOP_LIBS" 'BEGIN {split(ok, a, " "); for (i in a) allowed[a[i]] = 1} !($2 in allowed)' "$CACHE/ldd-missing.txt")"
if [[ -n "$UNEXPECTED" ]]; then
  log "   libraries not found in the minimal system (file, library):"; sort -u <<<"$UNEXPECTED" | head -40; exit 1
fi
step_done "none missing but the Wayland desktop's own: $(awk '{print $2}' "$CACHE/ldd-missing.txt" | sort -u | tr '\n' ' ')"

selftest() {  # $1 = path inside the test chroot
  step "self-test in the fresh $SUITE chroot (offscreen): $1"
  local line code=0
  line="$(in_root "$TEST_ROOT" env QT_QPA_PLATFORM=offscreen "$1" --self-test 2>&1)" || code=$?
  log "   self-test (exit code $code): $line"
  [[ $code -eq 0 ]] || return 1
  step_done
}
selftest /opt/one-folder/ogi-report/ogi-report
selftest /opt/one-file/ogi-report
unmount_all

step "release archives"
mkdir -p "$RELEASE_DIR"
rm -f "$RELEASE_DIR"/ogi-report-*-linux-*.tar.gz
tar -C "$BUILD_ROOT/build/dist-one-folder" -czf "$RELEASE_DIR/ogi-report-$VERSION-linux-x86_64-glibc2.28.tar.gz" ogi-report
tar -C "$BUILD_ROOT/build/dist-one-file" -czf "$RELEASE_DIR/ogi-report-$VERSION-linux-x86_64-glibc2.28-onefile.tar.gz" ogi-report
write_checksums
step_done
log "Linux bundles: one folder $(size_of "$BUILD_ROOT/build/dist-one-folder/ogi-report"), one file $(size_of "$BUILD_ROOT/build/dist-one-file/ogi-report"); total $((SECONDS - SCRIPT_START)) s"
