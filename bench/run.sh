#!/usr/bin/env bash
# bench/run.sh: the benchmark of issue 9. Builds a corpus in a temporary
# folder and times, in one run on this machine, letopis against poppler's
# pdftotext (the speed limit: it only dumps text) and pdfminer.six (what an
# analyst's Python script would use):
#
#   corpus "440-page PDF": testdata/novus-2020-brochure.pdf repeated 40 times
#     (scripts/bigpdf);
#   corpus "200 files": 200 distinct ~10-page reports rendered by bench/gen
#     (fpdf, DejaVu Sans; numbers, organisations and years varied by a seed).
#
# Each measurement is /usr/bin/time -v of one process tree: wall time
# ("Elapsed (wall clock)"), CPU time (user + system) and peak memory
# ("Maximum resident set size": of the largest single process, so for a loop
# of pdftotext processes it is one pdftotext's peak, not their sum). Fast
# runs are repeated RUNS times (default 3) and the run with the median wall
# time is reported; pdfminer.six runs SLOW_RUNS times (default 1). Every
# letopis import goes into a fresh warehouse.
#
# Fairness: `letopis import` uses one worker per core by default (2 here), so
# the 200 files are also timed with --workers 1, and pdftotext both as one
# process per file in a sequential loop and as `xargs -P <cores>`. Ratios
# are given against the sequential loop, the analyst's baseline, and
# against xargs -P.
#
# It also times the OCR of testdata/novus-2020-scan.pdf (pages per second).
#
# It installs nothing; it needs Go 1.26 and gcc (to build letopis) and the
# Debian packages poppler-utils, python3-pdfminer, time, fonts-dejavu-core,
# tesseract-ocr, tesseract-ocr-slv:
#
#   bash bench/run.sh            # or: make -C bench   (N=200 COPIES=40 RUNS=3)
#
# Prints a markdown table on stdout, progress on stderr. KEEP=1 keeps the
# temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-200}
COPIES=${COPIES:-40}
RUNS=${RUNS:-3}
SLOW_RUNS=${SLOW_RUNS:-1}
SEED=${SEED:-1}
FONTS=${FONTS:-/usr/share/fonts/truetype/dejavu}
cores=$(nproc)

# --- what is needed -------------------------------------------------------
missing=()
command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
pdf2txt=$(command -v pdf2txt || command -v pdf2txt.py || true)
[ -n "$pdf2txt" ] || missing+=(python3-pdfminer)
[ -x /usr/bin/time ] || missing+=(time)
[ -f "$FONTS/DejaVuSans.ttf" ] && [ -f "$FONTS/DejaVuSans-Bold.ttf" ] || missing+=(fonts-dejavu-core)
command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx slv || missing+=(tesseract-ocr tesseract-ocr-slv)
if [ ${#missing[@]} -gt 0 ]; then
	echo "bench/run.sh: missing Debian packages: ${missing[*]}" >&2
	echo "  apt-get install ${missing[*]}" >&2
	exit 69
fi
for t in go gcc; do
	command -v "$t" >/dev/null 2>&1 || { echo "bench/run.sh: needs $t (Go 1.26 and gcc build letopis)" >&2; exit 69; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/letopis-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	echo "bench/run.sh: keeping $work" >&2
else
	trap 'rm -rf "$work"' EXIT
fi
log() { echo "bench/run.sh: $*" >&2; }

# --- the corpus -----------------------------------------------------------
log "building letopis and bench/gen"
go build -o "$work/letopis" ./cmd/letopis
go build -o "$work/gen" ./bench/gen
log "building the ${COPIES}x brochure PDF"
go run ./scripts/bigpdf -n "$COPIES" -o "$work/big.pdf" testdata/novus-2020-brochure.pdf
big_pages=$(pdfinfo "$work/big.pdf" | awk '/^Pages:/ {print $2}')
log "rendering $N report files"
"$work/gen" -n "$N" -seed "$SEED" -fonts "$FONTS" -out "$work/batch" 2>/dev/null
batch_pages=0
for f in "$work"/batch/*.pdf; do
	batch_pages=$((batch_pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
done
batch_mb=$(du -sm "$work/batch" | cut -f1)
mkdir -p "$work/txt"
cat "$work/big.pdf" "$work"/batch/*.pdf >/dev/null # into the page cache

# --- measuring ------------------------------------------------------------
# vtime FILE: prints "wall_s cpu_s peak_kb" from a /usr/bin/time -v report.
vtime() {
	awk -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
		/User time \(seconds\)/ { c += $2 }
		/System time \(seconds\)/ { c += $2 }
		/Maximum resident set size/ { m = $2 }
		END { printf "%.2f %.2f %d\n", w, c, m }' "$1"
}

# fresh: a new, empty warehouse path
fresh() { rm -rf "$work/w.duckdb" "$work/w.duckdb".* "$work/w.duckdb.lock"; rm -f "$work"/txt/*; }

# measure KEY RUNS CMD...: runs CMD RUNS times (each after fresh), keeps
# the run of median wall time as R_KEY="wall cpu peak_kb".
declare -A R
measure() {
	local key=$1 runs=$2
	shift 2
	local results=()
	for ((i = 1; i <= runs; i++)); do
		fresh
		if ! /usr/bin/time -v -o "$work/tv" "$@" >"$work/out" 2>"$work/err"; then
			log "$key failed: $*"
			tail -20 "$work/err" >&2
			exit 1
		fi
		results+=("$(vtime "$work/tv")")
		log "  $key run $i: ${results[-1]} (wall s, cpu s, peak KB); load $(cut -d' ' -f1-3 /proc/loadavg)"
	done
	R[$key]=$(printf '%s\n' "${results[@]}" | sort -n -k1,1 | sed -n "$(((runs + 1) / 2))p")
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average at start: $load_start"

measure lt_big "$RUNS" "$work/letopis" import --db "$work/w.duckdb" "$work/big.pdf"
facts_big=$("$work/letopis" query --db "$work/w.duckdb" --format csv "SELECT count(*) FROM facts" | tail -1)
measure pt_big "$RUNS" pdftotext -layout "$work/big.pdf" "$work/txt/big.txt"
measure pm_big "$SLOW_RUNS" "$pdf2txt" -o "$work/txt/big.miner.txt" "$work/big.pdf"

measure lt_batch "$RUNS" "$work/letopis" import --db "$work/w.duckdb" "$work/batch"
facts_batch=$("$work/letopis" query --db "$work/w.duckdb" --format csv "SELECT count(*) FROM facts" | tail -1)
measure lt_batch1 "$RUNS" "$work/letopis" import --db "$work/w.duckdb" --workers 1 "$work/batch"
# shellcheck disable=SC2016 # expanded by the inner bash
measure pt_batch "$RUNS" bash -c 'for f in "$1"/*.pdf; do pdftotext -layout "$f" "$2/${f##*/}.txt"; done' _ "$work/batch" "$work/txt"
# shellcheck disable=SC2016
measure pt_batchP "$RUNS" bash -c 'cd "$1" && printf "%s\0" *.pdf | xargs -0 -P "$3" -I{} pdftotext -layout {} "$2/{}.txt"' _ "$work/batch" "$work/txt" "$cores"

log "OCR: testdata/novus-2020-scan.pdf (a 200 dpi scan of the brochure)"
scan_pages=$(pdfinfo testdata/novus-2020-scan.pdf | awk '/^Pages:/ {print $2}')
measure lt_ocr "$RUNS" "$work/letopis" import --db "$work/w.duckdb" testdata/novus-2020-scan.pdf
facts_ocr=$("$work/letopis" query --db "$work/w.duckdb" --format csv "SELECT count(*) FROM facts WHERE ocr" | tail -1)

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average at end: $load_end"

# --- the table ------------------------------------------------------------
pminer_version=$(dpkg-query -W -f '${Version}' python3-pdfminer 2>/dev/null || python3 -c 'import pdfminer; print(pdfminer.__version__)' 2>/dev/null || echo '?')
poppler_version=$(pdftotext -v 2>&1 | awk 'NR == 1 {print $3}')
rev=$(git describe --always --dirty 2>/dev/null || echo '?')
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)

row() { # row KEY TOOL CORPUS BASEKEY
	local w c m bw
	read -r w c m <<<"${R[$1]}"
	read -r bw _ _ <<<"${R[$4]}"
	awk -v t="$2" -v k="$3" -v w="$w" -v c="$c" -v m="$m" -v bw="$bw" \
		'BEGIN { printf "| %s | %s | %.2f | %.2f | %.0f | %.2fx |\n", t, k, w, c, m / 1024, w / bw }'
}
# ratio A B: wall(A)/wall(B)
ratio() { awk -v a="${R[$1]%% *}" -v b="${R[$2]%% *}" 'BEGIN { printf "%.2f", a / b }'; }
peak_mb() { local w c m; read -r w c m <<<"${R[$1]}"; echo $((m / 1024)); }
verdict() { # verdict VALUE OP LIMIT
	awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
		ok = (op == "<=") ? v <= l : v >= l
		if (ok) print "met"; else printf "missed by %.0f%%", (op == "<=") ? (v / l - 1) * 100 : (1 - v / l) * 100 }'
}

big="440-page PDF"
[ "$big_pages" = 440 ] || big="$big_pages-page PDF"
cat <<EOF

Corpus: $big (testdata/novus-2020-brochure.pdf x $COPIES, $(du -m "$work/big.pdf" | cut -f1) MB);
$N files of bench/gen (seed $SEED, $batch_pages pages, $batch_mb MB).
Machine: $cores cores ($cpu), $(date -u +%Y-%m-%d); load average $load_start at the start, $load_end at the end.
letopis at $rev, poppler $poppler_version, pdfminer.six $pminer_version, $(go version | cut -d' ' -f3). Median of $RUNS runs (pdfminer: $SLOW_RUNS).

| tool | corpus | wall s | CPU s | peak RSS MB | wall / pdftotext -layout |
|---|---|---|---|---|---|
$(row lt_big "letopis import ($facts_big facts)" "$big" pt_big)
$(row pt_big "pdftotext -layout" "$big" pt_big)
$(row pm_big "pdf2txt (pdfminer.six)" "$big" pt_big)
$(row lt_batch "letopis import, $cores workers (default; $facts_batch facts)" "$N files" pt_batch)
$(row lt_batch1 "letopis import --workers 1" "$N files" pt_batch)
$(row pt_batch "pdftotext -layout, one process per file, sequential" "$N files" pt_batch)
$(row pt_batchP "pdftotext -layout, xargs -P $cores" "$N files" pt_batch)

OCR (Tesseract $(tesseract --version 2>&1 | head -1 | cut -d' ' -f2), Slovene model, $cores cores): letopis import of testdata/novus-2020-scan.pdf ($scan_pages pages, $facts_ocr facts read by OCR): $(awk -v w="${R[lt_ocr]%% *}" -v p="$scan_pages" 'BEGIN { printf "%.2f s wall, %.2f s a page, %.2f pages/s", w, w / p, p / w }'), $(peak_mb lt_ocr) MB peak RSS.

Aims:
- letopis / pdftotext on the $big: $(ratio lt_big pt_big)x (aim <= 1.5x: $(verdict "$(ratio lt_big pt_big)" "<=" 1.5))
- pdfminer.six / letopis on the $big: $(ratio pm_big lt_big)x faster (aim >= 15x: $(verdict "$(ratio pm_big lt_big)" ">=" 15))
- letopis / pdftotext (sequential) on the $N files: $(ratio lt_batch pt_batch)x (aim <= 1.5x: $(verdict "$(ratio lt_batch pt_batch)" "<=" 1.5)); against pdftotext with xargs -P $cores: $(ratio lt_batch pt_batchP)x; letopis --workers 1 against the sequential loop: $(ratio lt_batch1 pt_batch)x
- peak memory of letopis: $(peak_mb lt_big) MB ($big), $(peak_mb lt_batch) MB ($N files) (aim < 300 MB: $(verdict "$(peak_mb lt_big)" "<=" 300), $(verdict "$(peak_mb lt_batch)" "<=" 300))

Reproduce: bash bench/run.sh   (N=$N COPIES=$COPIES RUNS=$RUNS SEED=$SEED)
EOF
