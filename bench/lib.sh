# shellcheck shell=bash
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

# A hello-world jar in $1/hello.jar, and how it is run: the floor of any JVM command on this machine in this run.
# shellcheck disable=SC2034 # used by the scripts that source this file
HELLO="java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar"
hello_jar() {
  local work=$1
  mkdir -p "$work/hello"
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
    >"$work/hello/Hello.java"
  javac -d "$work/hello" "$work/hello/Hello.java"
  printf 'Main-Class: Hello\n' >"$work/hello/manifest"
  jar cfm "$work/hello.jar" "$work/hello/manifest" -C "$work/hello" Hello.class
}
