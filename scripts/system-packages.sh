#!/usr/bin/env bash
# The Debian packages Withhold needs outside Python: WeasyPrint draws PDFs with Pango (and HarfBuzz,
# fontconfig), and reports need a font with the accents of Spanish and one with Arabic letters. Installs only what is missing, so a
# machine that has them runs nothing as root.
set -euo pipefail

missing=()
have_library() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_library 'libpango-1.0.so.0' || missing+=(libpango-1.0-0)
have_library 'libpangoft2-1.0.so.0' || missing+=(libpangoft2-1.0-0)
have_library 'libharfbuzz.so.0' || missing+=(libharfbuzz0b)
# Without HarfBuzz's subsetter WeasyPrint embeds whole fonts: each PDF is slower and larger.
have_library 'libharfbuzz-subset.so.0' || missing+=(libharfbuzz-subset0)
have_library 'libfontconfig.so.1' || missing+=(libfontconfig1)
if ! fc-list 2>/dev/null | grep -qi -E 'dejavu|liberation|noto'; then
    missing+=(fonts-dejavu-core fontconfig)
fi

# Arabic (read right to left) needs a font drawn for it: Noto Sans Arabic, from Debian's Noto fonts.
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans Arabic'; then
    missing+=(fonts-noto-core fontconfig)
fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing Debian packages for PDF reports: ${missing[*]}" >&2
bash "$(dirname "$0")/apt-install.sh" "${missing[@]}"
