# Shared by the bundle scripts (sourced, not run): paths, logging with timings, apt, pip, release archives.
# shellcheck shell=bash

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUNDLE_TOOLS="$REPO/tools/bundle"
# Downloads (wheels, Debian packages, the embeddable Python) and the slow-to-make environments (Wine prefix,
# chroots, the built Python) are kept here between runs; nothing of it goes into the repository.
CACHE_ROOT="${OGI_BUNDLE_CACHE:-/var/cache/ogi-bundle}"
RELEASE_DIR="$REPO/dist/release"
# The heavy steps run at low priority: other people's tests share this machine's two cores.
NICE=(nice -n "${OGI_BUNDLE_NICE:-10}")

SCRIPT_START=$SECONDS
STEP_START=$SECONDS
log() { printf '[%s %4ds] %s\n' "${LOG_TAG:-bundle}" "$((SECONDS - SCRIPT_START))" "$*"; }
step() { STEP_START=$SECONDS; log "== $*"; }
step_done() { log "   done in $((SECONDS - STEP_START)) s${1:+: $1}"; }

# apt-get update at most once per run: all.sh (or the first call here) sets OGI_APT_UPDATED for what follows.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  if [[ -z "${OGI_APT_UPDATED:-}" ]]; then
    apt-get update -qq
    export OGI_APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The project as a wheel (what a restructured tree ships: package data inside), never an editable install.
build_wheel() {  # $1 = output folder; prints the wheel's path
  rm -rf "$1" && mkdir -p "$1"
  python3 -m pip wheel -q --no-deps -w "$1" "$REPO" >&2
  ls "$1"/ogi_report-*.whl
}

# pip's own noise about this machine's configured extra indexes that are not there.
quiet_pip() { grep -v "is ignored: it is neither a file nor a directory" || true; }

wheel_version() { basename "$1" | cut -d- -f2; }

size_of() { du -sh "$1" | cut -f1; }

# Release archives: write them to dist/release/, then SHA256SUMS over everything there.
write_checksums() {
  (cd "$RELEASE_DIR" && find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | sort | xargs -r sha256sum > SHA256SUMS)
  log "release archives ($RELEASE_DIR):"
  (cd "$RELEASE_DIR" && for f in $(awk '{print $2}' SHA256SUMS); do printf '    %-56s %s\n' "$f" "$(size_of "$f")"; done)
}
