# Shared by the benchmark scripts: the mean wall time of a command in milliseconds, with hyperfine when it is
# installed (one warm-up run, then $RUNS runs), else with a plain loop.
mean_ms() {
  local command=$1 work=$2
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 1 --runs "$RUNS" --export-json "$work/h.json" "$command" >/dev/null 2>&1
    python3 -c "import json,sys;print(round(json.load(open(sys.argv[1]))['results'][0]['mean']*1000))" "$work/h.json"
  else
    local start end
    bash -c "$command" >/dev/null 2>&1
    start=$(date +%s%N)
    for _ in $(seq 1 "$RUNS"); do bash -c "$command" >/dev/null 2>&1; done
    end=$(date +%s%N)
    echo $(( (end - start) / RUNS / 1000000 ))
  fi
}
