#!/usr/bin/env bash
# Sorts and de-duplicates the PublicAPI files (after line-wise merges), keeping the '#nullable enable' header.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in src/*/PublicAPI.*.txt; do
  body=$(sed 's/[[:space:]]*$//' "$f" | { grep -v -e '^#nullable enable$' -e '^$' || true; } | LC_ALL=C sort -u)
  { echo "#nullable enable"; [ -z "$body" ] || printf '%s\n' "$body"; } > "$f"
done
