#!/usr/bin/env bash
# Builds and self-tests all four stand-alone bundles and writes dist/release/ (archives + SHA256SUMS):
#   Windows one folder + one file   (windows.sh: under Wine, self-test under Wine offscreen)
#   Linux one folder + one file     (linux-oldglibc.sh: Debian 11 chroot, glibc 2.28 scan, self-test in a
#                                    fresh minimal chroot)
# Run by .ci/run as root on a fresh Debian 12 machine; each script installs what it needs and keeps its
# downloads under $OGI_BUNDLE_CACHE (default /var/cache/ogi-bundle), so a second run is faster.
# The two run one after the other at nice 10: the machine's two cores are shared with other work.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
START=$SECONDS
rm -rf dist/release

# One apt-get update for the whole run (the scripts skip theirs when this is set).
if command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  export OGI_APT_UPDATED=1
fi

declare -A TOOK
for script in windows linux-oldglibc; do
  t=$SECONDS
  bash "tools/bundle/$script.sh"
  TOOK[$script]=$((SECONDS - t))
done

echo "== all bundles built and self-tested in $((SECONDS - START)) s (windows ${TOOK[windows]} s, linux ${TOOK[linux-oldglibc]} s)"
(cd dist/release && ls -l --block-size=K -- *.zip *.tar.gz && cat SHA256SUMS)
