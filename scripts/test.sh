#!/usr/bin/env bash
# The test command of README.md (and of .ci/run): installs what the tests
# need when it is missing, then runs every test.
#   - Tesseract OCR and its Slovene model (Debian: tesseract-ocr,
#     tesseract-ocr-slv), for the OCR tests of scanned PDFs;
#   - Chromium (Debian: chromium), for the browser tests of the review page.
# Installing needs root (as CI runs) or sudo; without either, the missing
# packages are named and the tests that need them are skipped, or fail
# under CI (CI set).
# Usage: bash scripts/test.sh [go test flags]
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-slv)
if ! printf '%s\n' "${need[@]}" | grep -qx tesseract-ocr && ! tesseract --list-langs 2>/dev/null | grep -qx slv; then
	need+=(tesseract-ocr-slv)
fi
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
	sudo=()
	[ "$(id -u)" = 0 ] || sudo=(sudo -n)
	if [ ${#sudo[@]} -eq 0 ] || command -v sudo >/dev/null 2>&1; then
		echo "installing ${need[*]}" >&2
		"${sudo[@]}" apt-get update -q >&2
		DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" >&2
	else
		echo "missing ${need[*]} (apt-get install ${need[*]}): the tests that need them are skipped" >&2
	fi
fi

go test ./... "$@"
