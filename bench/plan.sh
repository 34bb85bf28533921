#!/usr/bin/env bash
# Plan benchmark against the simulated host: the time of a cold `wslnet plan` when the host already matches,
# for 50, 500 and 5,000 portproxy rules plus as many Windows firewall rules, and the cold start of `plan` on a
# small example. Needs target/wslnet.jar (mvn -q -DskipTests package). Uses hyperfine when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

JAR=target/wslnet.jar
WORK=bench/work/plan
RUNS=${RUNS:-10}
[ -f "$JAR" ] || { echo "bench: $JAR is missing; run: mvn -q -DskipTests package" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"

desired() {
  local n=$1
  printf 'version: 1\nportProxy:\n  prune: true\n  rules:\n'
  for ((i = 0; i < n; i++)); do
    printf '    - {listenAddress: 0.0.0.0, listenPort: %d, connectAddress: $wsl}\n' $((10000 + i))
  done
  printf 'windowsFirewall:\n  group: wslnet\n  prune: true\n  rules:\n'
  for ((i = 0; i < n; i++)); do
    printf '    - {name: rule-%d, protocol: TCP, localPorts: [%d]}\n' "$i" $((10000 + i))
  done
}


printf '%-40s %10s\n' "case" "mean ms"
for n in 50 500 5000; do
  desired "$n" > "$WORK/rules-$n.yaml"
  java -jar "$JAR" apply -f "$WORK/rules-$n.yaml" --host "sim:$WORK/host-$n" --auto-approve --json >/dev/null 2>&1
  command="java -jar $JAR plan -f $WORK/rules-$n.yaml --host sim:$WORK/host-$n --detailed-exitcode"
  bash -c "$command" >/dev/null || { echo "bench: plan for $n rules did not come back empty" >&2; exit 1; }
  printf '%-40s %10s\n' "plan, $n forwards + $n firewall rules" "$(mean_ms "$command" "$WORK")"
done
java -jar "$JAR" apply -f examples/nat-lan-dev-server.yaml --host "sim:$WORK/host-small" --auto-approve --json >/dev/null 2>&1
printf '%-40s %10s\n' "plan, cold start, small example" \
  "$(mean_ms "java -jar $JAR plan -f examples/nat-lan-dev-server.yaml --host sim:$WORK/host-small" "$WORK")"
