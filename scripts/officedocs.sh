#!/usr/bin/env bash
# Makes the word-processor fixtures from committed sources, with LibreOffice
# (Debian: apt-get install libreoffice-writer-nogui):
#   testdata/novus-2020.docx, .odt   the 2020 report from the text of
#                                    novus-2020-plain.pdf (scripts/reporthtml)
#   testdata/reports/sk-2022/*.docx, *.odt  from the office documents sk-2022*.fodt
# The files are committed, so that the tests do not need LibreOffice.
# Usage: bash scripts/officedocs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "needs LibreOffice: apt-get install libreoffice-writer-nogui" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
conv() { # conv FORMAT OUTDIR FILE [INFILTER]
	local args=(-env:UserInstallation=file://"$tmp"/profile --headless --norestore)
	[ -n "${4:-}" ] && args+=(--infilter="$4")
	soffice "${args[@]}" --convert-to "$1" --outdir "$2" "$3" 2>&1 >/dev/null | { grep -v javaldx >&2 || true; }
}
go run ./scripts/reporthtml testdata/novus-2020-plain.pdf >"$tmp/novus-2020.html"
for f in docx odt; do
	conv "$f" testdata "$tmp/novus-2020.html" "HTML (StarWriter)"
done
for src in testdata/reports/sk-2022/sk-2022.fodt testdata/reports/sk-2022/sk-2022-b5.fodt; do
	for f in docx odt; do
		conv "$f" testdata/reports/sk-2022 "$src"
	done
done
ls -l testdata/novus-2020.docx testdata/novus-2020.odt testdata/reports/sk-2022/*.docx testdata/reports/sk-2022/*.odt
