#!/usr/bin/env bash
# Cold-start validate benchmark: wslnet (java -jar) against ajv-cli on the same schema and files.
#   1. one example file;
#   2. 1,000 generated files in one run.
# Needs target/wslnet.jar (mvn -q -DskipTests package), Node.js and npm. Uses hyperfine when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

JAR=target/wslnet.jar
SCHEMA=schemas/wslnet.schema.json
WORK=bench/work
RUNS=${RUNS:-10}

[ -f "$JAR" ] || { echo "bench: $JAR is missing; run: mvn -q -DskipTests package" >&2; exit 1; }
if [ ! -x bench/node_modules/.bin/ajv ]; then
  echo "bench: installing ajv-cli into bench/node_modules" >&2
  npm install --silent --no-audit --no-fund --prefix bench ajv-cli@5 >&2
fi
AJV=bench/node_modules/.bin/ajv

rm -rf "$WORK" && mkdir -p "$WORK/many"
for i in $(seq 1 1000); do
  port=$((3000 + i))
  cat > "$WORK/many/file-$i.yaml" <<YAML
# yaml-language-server: \$schema=../../../schemas/wslnet.schema.json
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

ONE=examples/nat-lan-dev-server.yaml
declare -A COMMANDS=(
  [wslnet-one]="java -jar $JAR validate $ONE"
  [ajv-one]="$AJV validate --spec=draft2020 --strict=false -s $SCHEMA -d $ONE"
  [wslnet-1000]="java -jar $JAR validate $WORK/many/*.yaml"
  [ajv-1000]="$AJV validate --spec=draft2020 --strict=false -s $SCHEMA -d '$WORK/many/*.yaml'"
)
ORDER=(wslnet-one ajv-one wslnet-1000 ajv-1000)

for name in "${ORDER[@]}"; do
  bash -c "${COMMANDS[$name]}" >/dev/null 2>&1 || { echo "bench: '$name' failed: ${COMMANDS[$name]}" >&2; exit 1; }
done


declare -A MEAN
for name in "${ORDER[@]}"; do
  MEAN[$name]=$(mean_ms "${COMMANDS[$name]}" "$WORK")
done

printf '%-22s %10s %10s %8s\n' "case" "wslnet ms" "ajv ms" "ratio"
for case in one 1000; do
  w=${MEAN[wslnet-$case]}
  a=${MEAN[ajv-$case]}
  ratio=$(python3 -c "print(f'{$w/$a:.2f}')")
  label=$([ "$case" = one ] && echo "1 example" || echo "1,000 files, one run")
  printf '%-22s %10s %10s %8s\n' "$label" "$w" "$a" "$ratio"
done
