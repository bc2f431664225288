#!/bin/sh
# bench-inspect.sh: time `letopis inspect` against `pdftotext -layout` on the
# same 440-page PDF (the 2020 brochure repeated 40 times) and print wall
# time and peak RSS of both, and their ratios.
#
# Needs the Debian packages poppler-utils (pdftotext) and time
# (/usr/bin/time); it does not install them:
#   apt-get install poppler-utils time
set -eu
cd "$(dirname "$0")/.."
missing=""
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
	echo "bench-inspect.sh: missing Debian packages:$missing (apt-get install$missing)" >&2
	exit 2
fi
tmp=${TMPDIR:-/tmp}/letopis-bench.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
copies=${COPIES:-40}

go build -o "$tmp/letopis" ./cmd/letopis
go run ./scripts/bigpdf -n "$copies" -o "$tmp/big.pdf" testdata/novus-2020-brochure.pdf
pages=$(pdfinfo "$tmp/big.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')

# measure CMD...: prints "wall_seconds peak_kb"
measure() {
	/usr/bin/time -f "%e %M" -o "$tmp/t" "$@" >"$tmp/out" 2>"$tmp/err" || {
		echo "bench-inspect.sh: $* failed:" >&2
		cat "$tmp/err" >&2
		exit 1
	}
	cat "$tmp/t"
}
# one warm-up run each, so that both read the file from the page cache
measure "$tmp/letopis" inspect "$tmp/big.pdf" >/dev/null
measure pdftotext -layout "$tmp/big.pdf" "$tmp/big.txt" >/dev/null
set -- $(measure "$tmp/letopis" inspect "$tmp/big.pdf")
lw=$1 lm=$2
set -- $(measure pdftotext -layout "$tmp/big.pdf" "$tmp/big.txt")
pw=$1 pm=$2
echo "file: $copies x testdata/novus-2020-brochure.pdf = ${pages:-?} pages"
awk -v lw="$lw" -v lm="$lm" -v pw="$pw" -v pm="$pm" 'BEGIN {
	printf "%-20s wall %6.2f s   peak RSS %7.1f MB\n", "letopis inspect", lw, lm / 1024
	printf "%-20s wall %6.2f s   peak RSS %7.1f MB\n", "pdftotext -layout", pw, pm / 1024
	printf "ratio letopis/pdftotext: wall %.2fx, peak RSS %.2fx\n", lw / pw, lm / pm
}'
