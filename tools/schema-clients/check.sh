#!/usr/bin/env bash
# Feeds wslnet's schema to the programs users feed it to, and fails when one of them disagrees:
#   1. ajv in strict mode, with ajv-errors for the schema's errorMessage, compiles it and accepts the examples;
#   2. the YAML language server shows what expected/editor.txt says (diagnostics, completion, hover; editor.mjs);
#   3. wslnet, ajv and the editor word each mistake alike (wording.mjs).
#   tools/schema-clients/check.sh [WSLNET_LAUNCHER]   (default: target/wslnet/bin/wslnet, built by mvn package)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
launcher="${1:-$root/target/wslnet/bin/wslnet}"
# Installed again when the lock file changed since (npm keeps its own copy of it in node_modules).
if [ ! -f "$here/node_modules/.package-lock.json" ] ||
  [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --silent --no-audit --no-fund --prefix "$here" >&2
fi
# Paths relative to the root: ajv-cli reads its -s and -d as globs, which a clone's folder name could be.
cd "$root"
ajv=("$here/node_modules/.bin/ajv" --spec=draft2020 --strict=true --all-errors -c ajv-errors)
"${ajv[0]}" compile "${ajv[@]:1}" -s schemas/wslnet.schema.json
"${ajv[0]}" validate "${ajv[@]:1}" -s schemas/wslnet.schema.json -d "examples/*.yaml"
editor=$(mktemp)
trap 'rm -f "$editor"' EXIT
node "$here/editor.mjs" --diagnostics "$editor"
node "$here/wording.mjs" "$launcher" "$editor"
