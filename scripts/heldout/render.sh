#!/usr/bin/env bash
# Render held-out report sources to PDF twice: Chromium and LibreOffice.
# usage: scripts/heldout/render.sh testdata/heldout/NAME [...]
# Needs Debian packages chromium, libreoffice-writer-nogui, fonts-dejavu, fonts-liberation2.
set -euo pipefail
for dir in "$@"; do
  name=$(basename "$dir")
  src="$dir/$name.html"
  [ -f "$src" ] || { echo "render: $src missing" >&2; exit 1; }
  abs=$(cd "$dir" && pwd)
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$abs/$name-chromium.pdf" "file://$abs/$name.html" 2>/dev/null
  tmp=$(mktemp -d)
  # "HTML (StarWriter)" imports the page as a Writer document (the default
  # Writer/Web import drops the first heading and adds an empty first page).
  soffice --headless --infilter="HTML (StarWriter)" \
    --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$src" >/dev/null 2>&1
  mv "$tmp/$name.pdf" "$abs/$name-libreoffice.pdf"
  rmdir "$tmp"
  for r in chromium libreoffice; do
    printf '%s-%s.pdf: %s pages\n' "$name" "$r" "$(pdfinfo "$abs/$name-$r.pdf" | awk '/^Pages:/{print $2}')"
  done
done
