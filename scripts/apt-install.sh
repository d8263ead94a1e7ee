#!/usr/bin/env bash
# Install Debian packages as root (directly, or through sudo), quietly: the one way the project's
# scripts install what they need outside Python. Usage: scripts/apt-install.sh PACKAGE...
set -euo pipefail

if [ "$#" -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "Need root (or sudo) to install: $*" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
