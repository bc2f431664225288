#!/usr/bin/env bash
# Times `letopis import` of a batch of N distinct report PDFs (default 200)
# into fresh warehouses with --workers 1 and --workers 2, and reports each
# run's wall time and peak memory (max RSS).
#
# Needs: Go, gcc, and GNU time (Debian package `time`, /usr/bin/time).
#   bash scripts/bench-batch.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
if [ ! -x /usr/bin/time ]; then
	echo "needs GNU time: apt-get install time" >&2
	exit 69
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/letopis" ./cmd/letopis
go run ./scripts/mkbatch -n "$n" -out "$work/batch" testdata/novus-2020-plain.pdf testdata/novus-2020-brochure.pdf
echo "batch: $n files, $(du -sh "$work/batch" | cut -f1), $(nproc) cores"
printf '%-12s %10s %14s %10s\n' workers wall_s peak_rss_MB facts
for w in 1 2; do
	rm -f "$work/w.duckdb"*
	/usr/bin/time -f '%e %M' -o "$work/time" "$work/letopis" import --db "$work/w.duckdb" --workers "$w" "$work/batch" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
	read -r wall rss <"$work/time"
	facts=$("$work/letopis" query --db "$work/w.duckdb" --format csv "SELECT count(*) FROM facts" | tail -1)
	printf '%-12s %10s %14s %10s\n' "$w" "$wall" "$((rss / 1024))" "$facts"
done
