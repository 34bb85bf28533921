#!/usr/bin/env bash
# Validates SARIF files with Microsoft's SARIF validator (npm @microsoft/sarif-multitool): the SARIF specification's
# rules, then GitHub's upload rules (GH…). Exit 1 when it reports any error or warning.
#   tools/sarif-validate/check.sh FILE.sarif...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -x "$here/node_modules/.bin/sarif-multitool" ]; then
  npm install --silent --no-audit --no-fund --prefix "$here" >&2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for file in "$@"; do
  # One kind of rules per run: the npm wrapper passes its arguments through a shell, which splits "Gh;Sarif".
  for kind in Sarif Gh; do
    report=$("$here/node_modules/.bin/sarif-multitool" validate "$file" --output "$out/result.sarif" \
      --log ForceOverwrite --rule-kind "$kind" 2>&1) || { echo "$report" >&2; status=1; continue; }
    if grep -E ': (error|warning) ' <<<"$report" >&2; then
      status=1
    fi
  done
done
[ "$status" -eq 0 ] && echo "sarif-validate: $# files pass the SARIF and GitHub rules"
exit "$status"
