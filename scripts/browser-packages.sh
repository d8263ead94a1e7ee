#!/usr/bin/env bash
# The browser of the browser tests (tests/web/browser): Debian's Chromium at /usr/bin/chromium, which
# Playwright drives by its path (Playwright's own browser download is never used). Installs only what is
# missing, so a machine that has it runs nothing as root. Fonts come from scripts/system-packages.sh.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

echo "Installing Debian's chromium for the browser tests" >&2
bash "$(dirname "$0")/apt-install.sh" chromium
echo "$(/usr/bin/chromium --version 2>/dev/null)" >&2  # Debian's wrapper script is noisy on stderr
