#!/usr/bin/env bash
# Checks every PowerShell script of wslnet with tree-sitter's PowerShell grammar (npm). Exit 1 on a syntax error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ ! -d "$here/node_modules/tree-sitter-powershell" ]; then
  npm install --silent --no-audit --no-fund --prefix "$here" >&2
fi
mapfile -t scripts < <(find "$root/src" -name '*.ps1' | sort)
node --no-deprecation "$here/check.mjs" "${scripts[@]}"
