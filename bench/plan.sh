#!/usr/bin/env bash
# Plan benchmark against the simulated host, through the launcher: the time and peak memory of a cold `wslnet
# plan` when the host already matches, for 50, 500 and 5,000 portproxy rules plus as many Windows firewall rules
# (target for 5,000: <= 1.0 s and <= 256 MB), and the cold start of `plan` on a small example. WSLNET is the
# launcher (default target/wslnet/bin/wslnet, from mvn -q -DskipTests package). Uses hyperfine when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

WSLNET=${WSLNET:-target/wslnet/bin/wslnet}
WORK=bench/work/plan
RUNS=${RUNS:-10}
[ -x "$WSLNET" ] || { echo "bench: $WSLNET is missing; run: mvn -q -DskipTests package" >&2; exit 1; }

# The peak resident memory of a command, in MB, as the kernel counts it for the finished child.
peak_mb() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))
PY
}
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


printf '%-40s %10s %10s\n' "case" "mean ms" "peak MB"
for n in 50 500 5000; do
  desired "$n" > "$WORK/rules-$n.yaml"
  "$WSLNET" apply -f "$WORK/rules-$n.yaml" --host "sim:$WORK/host-$n" --auto-approve --json >/dev/null 2>&1
  command="$WSLNET plan -f $WORK/rules-$n.yaml --host sim:$WORK/host-$n --detailed-exitcode"
  bash -c "$command" >/dev/null || { echo "bench: plan for $n rules did not come back empty" >&2; exit 1; }
  # shellcheck disable=SC2086 # the command is split into its words on purpose
  printf '%-40s %10s %10s\n' "plan, $n forwards + $n firewall rules" "$(mean_ms "$command" "$WORK")" \
    "$(peak_mb $command)"
done
"$WSLNET" apply -f examples/nat-lan-dev-server.yaml --host "sim:$WORK/host-small" --auto-approve --json >/dev/null 2>&1
small="$WSLNET plan -f examples/nat-lan-dev-server.yaml --host sim:$WORK/host-small"
# shellcheck disable=SC2086
printf '%-40s %10s %10s\n' "plan, cold start, small example" "$(mean_ms "$small" "$WORK")" "$(peak_mb $small)"
# The machine's speed in this run: the same machine took 95 ms on a calm morning and 120 ms on a busy night.
hello_jar "$WORK"
printf '%-40s %10s\n' "hello-world jar, for reference" "$(mean_ms "$HELLO $WORK/hello.jar" "$WORK")"
