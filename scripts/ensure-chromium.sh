#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core (which downloads no browser of
# its own). Installs it with apt when it is missing; needs root, as on CI and these machines.
set -euo pipefail
CHROMIUM=${PAPERSHELF_CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "Chromium not found at $CHROMIUM; installing Debian's chromium package…" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "error: installing Chromium needs root. Run: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
"$CHROMIUM" --version >&2
