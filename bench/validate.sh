#!/usr/bin/env bash
# Cold-start benchmark of wslnet through its launcher, side by side in one run:
#   1. validate one example, against ajv-cli on the same schema and file (target: <= 0.6x ajv-cli);
#   2. validate 1,000 generated files in one run, against ajv-cli (target: <= 1.0x);
#   3. --version and schema, against a hello-world jar on the same JVM (target: <= 2x).
# WSLNET is the launcher (default target/wslnet/bin/wslnet, from mvn -q -DskipTests package; a release zip's
# bin/wslnet works too). Needs Node.js and npm for ajv-cli, and a JDK for the hello-world jar. Uses hyperfine when
# installed.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

WSLNET=${WSLNET:-target/wslnet/bin/wslnet}
SCHEMA=schemas/wslnet.schema.json
WORK=bench/work/validate
RUNS=${RUNS:-10}

[ -x "$WSLNET" ] || { echo "bench: $WSLNET is missing; run: mvn -q -DskipTests package" >&2; exit 1; }
if [ ! -x bench/node_modules/.bin/ajv ] || [ ! -d bench/node_modules/ajv-errors ]; then
  echo "bench: installing ajv-cli and ajv-errors into bench/node_modules" >&2
  npm ci --silent --no-audit --no-fund --prefix bench >&2
fi
AJV=bench/node_modules/.bin/ajv
# Strict, as tools/schema-clients/check.sh compiles the schema, and reading its errorMessage as wslnet does (which
# ajv-errors does only with all errors, as wslnet reports them).
AJV_OPTIONS="--spec=draft2020 --strict=true --all-errors -c ajv-errors"

rm -rf "$WORK" && mkdir -p "$WORK/many"
for i in $(seq 1 1000); do
  port=$((3000 + i))
  cat > "$WORK/many/file-$i.yaml" <<YAML
# yaml-language-server: \$schema=../../../../schemas/wslnet.schema.json
version: 1
wslconfig:
  wsl2:
    networkingMode: nat
    memory: $((i % 16 + 1))GB
    dnsTunneling: true
portProxy:
  rules:
    - listenAddress: 0.0.0.0
      listenPort: $port
      connectAddress: \$wsl
windowsFirewall:
  group: wslnet
  rules:
    - name: bench-$i
      protocol: TCP
      localPorts: [$port]
YAML
done

hello_jar "$WORK"

ONE=examples/nat-lan-dev-server.yaml
declare -A COMMANDS=(
  [wslnet-one]="$WSLNET validate $ONE"
  [ajv-one]="$AJV validate $AJV_OPTIONS -s $SCHEMA -d $ONE"
  [wslnet-1000]="$WSLNET validate $WORK/many/*.yaml"
  [ajv-1000]="$AJV validate $AJV_OPTIONS -s $SCHEMA -d '$WORK/many/*.yaml'"
  [wslnet-version]="$WSLNET --version"
  [wslnet-schema]="$WSLNET schema"
  [hello]="$HELLO $WORK/hello.jar"
)
ORDER=(wslnet-one ajv-one wslnet-1000 ajv-1000 wslnet-version wslnet-schema hello)

for name in "${ORDER[@]}"; do
  bash -c "${COMMANDS[$name]}" >/dev/null 2>&1 || { echo "bench: '$name' failed: ${COMMANDS[$name]}" >&2; exit 1; }
done


declare -A MEAN
for name in "${ORDER[@]}"; do
  MEAN[$name]=$(mean_ms "${COMMANDS[$name]}" "$WORK")
done

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
printf '%-24s %10s %14s %10s %8s %8s\n' "case" "wslnet ms" "against" "its ms" "ratio" "target"
printf '%-24s %10s %14s %10s %8s %8s\n' "validate 1 example" "${MEAN[wslnet-one]}" "ajv-cli" \
  "${MEAN[ajv-one]}" "$(ratio "${MEAN[wslnet-one]}" "${MEAN[ajv-one]}")" "0.60"
printf '%-24s %10s %14s %10s %8s %8s\n' "validate 1,000 files" "${MEAN[wslnet-1000]}" "ajv-cli" \
  "${MEAN[ajv-1000]}" "$(ratio "${MEAN[wslnet-1000]}" "${MEAN[ajv-1000]}")" "1.00"
printf '%-24s %10s %14s %10s %8s %8s\n' "--version" "${MEAN[wslnet-version]}" "hello-world" \
  "${MEAN[hello]}" "$(ratio "${MEAN[wslnet-version]}" "${MEAN[hello]}")" "2.00"
printf '%-24s %10s %14s %10s %8s %8s\n' "schema" "${MEAN[wslnet-schema]}" "hello-world" \
  "${MEAN[hello]}" "$(ratio "${MEAN[wslnet-schema]}" "${MEAN[hello]}")" "2.00"
