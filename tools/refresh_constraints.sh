#!/usr/bin/env bash
# Refresh constraints.txt: the exact versions CI and the bundle build install (a reproducible release).
# Run after changing dependencies in pyproject.toml, or to take newer releases on purpose:
#   bash tools/refresh_constraints.sh && git diff constraints.txt
# It resolves the project with every extra in a fresh virtual environment and freezes the result.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="$(mktemp -d)/venv"
python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q ".[dev]"
{
  echo "# Exact versions for CI and the stand-alone bundle; refreshed by tools/refresh_constraints.sh."
  echo "# Python $("$VENV/bin/python" -c 'import platform; print(platform.python_version())') on $(uname -sm)."
  "$VENV/bin/python" -m pip freeze --exclude-editable | grep -v -i '^ogi-report[ =@]'
} > constraints.txt
rm -rf "$(dirname "$VENV")"
echo "constraints.txt: $(grep -vc '^#' constraints.txt) packages"
