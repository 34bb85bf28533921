#!/usr/bin/env bash
# Builds the self-contained release zip of one platform into target/release/: a jlink runtime with only the
# modules jdeps finds (and its base CDS archive), the launchers, the jar, and on Java 25 or newer an AOT cache that
# this runtime makes from a training run, then its SHA-256. Then it unzips the zip into a temporary folder, checks
# that the runtime there can use the AOT cache, and runs the launchers on the examples, with a clean stderr, or
# fails. (Below Java 25 an application archive holds the jar's absolute path and is useless once unzipped
# elsewhere, so the zip has none.)
#
#   tools/release/build.sh [PLATFORM]     PLATFORM: linux-x64 (default on Linux) or windows-x64 (on Windows)
#
# The runtime comes from RELEASE_JDK, else JAVA_HOME, else the JDK of the java on PATH; it needs Java 17 or newer
# (25 or newer for the AOT cache). Run `mvn -q -DskipTests package` first, or this runs it.
set -euo pipefail
cd "$(dirname "$0")/../.."

case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*) windows=true ;;
  *) windows=false ;;
esac
if $windows; then
  platform=${1:-windows-x64}
  exe=.exe
else
  platform=${1:-linux-x64}
  exe=
fi

jdk=${RELEASE_JDK:-${JAVA_HOME:-}}
if [ -z "$jdk" ]; then
  jdk=$(cd "$(dirname "$(readlink -f "$(command -v java)")")/.." && pwd)
fi
for tool in jlink jdeps java; do
  [ -x "$jdk/bin/$tool$exe" ] || { echo "release: $jdk has no bin/$tool$exe; set RELEASE_JDK to a JDK" >&2; exit 1; }
done
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")

[ -f target/wslnet/lib/wslnet.jar ] || mvn -q -DskipTests package
version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties | tr -d '\r')
name=wslnet-$version-$platform
out=target/release
stage=$out/$name
rm -rf "$stage" "$out/$name.zip" "$out/$name.zip.sha256"
mkdir -p "$stage/lib"

modules=$("$jdk/bin/jdeps$exe" --ignore-missing-deps --print-module-deps --multi-release 17 target/wslnet.jar)
compress=$([ "$major" -ge 21 ] && echo zip-6 || echo 2)
"$jdk/bin/jlink$exe" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
  --compress="$compress" --output "$stage/runtime"
cp -R target/wslnet/bin "$stage/bin"
if [ "$platform" = windows-x64 ]; then
  # wslnet.exe, for package managers that link a command to an .exe (WinGet): MinGW-w64's gcc on Windows, or
  # its cross compiler elsewhere.
  cc=$(command -v x86_64-w64-mingw32-gcc || command -v gcc || true)
  [ -n "$cc" ] || { echo "release: no C compiler for bin/wslnet.exe (MinGW-w64's gcc)" >&2; exit 1; }
  "$cc" -std=c11 -O2 -Wall -Wextra -municode -s -o "$stage/bin/wslnet.exe" src/main/app/windows/wslnet.c -lbcrypt
fi
cp target/wslnet/lib/wslnet.jar "$stage/lib/"
cp LICENSE NOTICE "$stage/"

# The training run: plan on an example against a simulated host that an apply (not recorded) has converged to
# it, by the bundled runtime itself, so that the cache matches it. A converged host is where wslnet spends its
# days (the scheduled task, plans in CI), and its path compares every observed rule with its desired one: trained
# on a fresh host instead, 44 more classes and lambdas were made at run time in the 5,000-rule plan, 6% of it.
# Java 25 finds the jar again wherever the folder is unzipped, as long as its modification time is kept; it is on
# the boot class path, as the launchers put it (bin/wslnet says why).
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
if [ "$major" -ge 25 ]; then
  # The jar's modification time, which the AOT cache records and Java compares on every start: an unzip that reads
  # the zip's DOS time alone (Windows' own, .NET's) or a copy that does not keep times gives the jar another one,
  # and the launchers give this one back to the jar of this size and SHA-256 (bin/wslnet says why). Whole
  # seconds, so that lib/wslnet.jar.mtime says it exactly (Java compares Windows' 100-nanosecond FILETIME), and
  # even, as a DOS time can hold it too.
  trained=$(stat -c %Y "$stage/lib/wslnet.jar")
  trained=$((trained - trained % 2))
  touch -m -d "@$trained" "$stage/lib/wslnet.jar"
  echo "$trained $(stat -c %s "$stage/lib/wslnet.jar") $(sha256sum <"$stage/lib/wslnet.jar" | cut -d' ' -f1)" \
    >"$stage/lib/wslnet.jar.mtime"
  if ! (cd "$stage" && "runtime/bin/java$exe" -XX:+UseSerialGC -Xmn16m -XX:TieredStopAtLevel=1 -jar lib/wslnet.jar \
    apply --auto-approve -f "$OLDPWD/examples/nat-lan-dev-server.yaml" --host "sim:$training/host" \
    >"$training/training.log" 2>&1); then
    cat "$training/training.log" >&2
    echo "release: the training's apply failed" >&2
    exit 1
  fi
  # Without the methods' profiles (JEP 515): they serve the C2 compiler, which the launchers leave out
  # (TieredStopAtLevel=1), and replaying them on every start cost a thread: without them one file validates 7%
  # sooner and the 5,000-rule plan 7%, interleaved.
  (cd "$stage" && "runtime/bin/java$exe" -XX:AOTCacheOutput=lib/wslnet.aot -XX:+UnlockDiagnosticVMOptions \
    -XX:-AOTRecordTraining -XX:+UseSerialGC -Xmn16m -XX:TieredStopAtLevel=1 -Xbootclasspath/a:lib/wslnet.jar \
    -jar lib/wslnet.jar plan -f "$OLDPWD/examples/nat-lan-dev-server.yaml" --host "sim:$training/host" \
    >>"$training/training.log" 2>&1) || true
  if [ ! -f "$stage/lib/wslnet.aot" ]; then
    cat "$training/training.log" >&2
    echo "release: no AOT cache was made" >&2
    exit 1
  fi
fi

# Zips that keep modification times in UTC (Info-ZIP's and 7-Zip's extra fields): the AOT cache checks the jar's.
if $windows; then
  (cd "$out" && 7z a -tzip -mtc=on -bso0 -bsp0 "$name.zip" "$name")
else
  (cd "$out" && zip -qry "$name.zip" "$name")
fi
(cd "$out" && sha256sum "$name.zip" > "$name.zip.sha256")

# The zip as a user gets it: unzipped elsewhere, run on the examples, nothing on stderr.
check=$(mktemp -d)
trap 'rm -rf "$training" "$check"' EXIT
if $windows; then
  7z x -bso0 -bsp0 "-o$(cygpath -w "$check")" "$(cygpath -w "$out/$name.zip")"
else
  unzip -q "$out/$name.zip" -d "$check"
fi
# Each launcher that gives the jar back the time its AOT cache records (bin/wslnet says why) is run on a jar with
# another time, an hour off as an unzip that reads the zip's DOS time alone leaves it in another time zone, and
# must mend it to the nanosecond (Java compares Windows' 100-nanosecond FILETIME).
stamp=$check/$name/lib/wslnet.jar.mtime
spoil_jar_time() {
  if [ -f "$stamp" ]; then touch -m -d "@$(($(cut -d' ' -f1 "$stamp") + $1)).5" "$check/$name/lib/wslnet.jar"; fi
}
# A jar of the same size with other bytes, as a rebuild can make, must keep its other time: with the recorded one,
# Java would run the cache's old classes. The jar is spoiled at its last byte, so the run itself fails; then the
# release's jar is put back with its time.
other_jar_kept_by() {
  if [ ! -f "$stamp" ]; then return; fi
  cp -p "$check/$name/lib/wslnet.jar" "$check/release.jar"
  printf '\001' | dd of="$check/$name/lib/wslnet.jar" bs=1 conv=notrunc status=none \
    seek=$(($(stat -c %s "$check/release.jar") - 1))
  spoil_jar_time -3600
  "$@" --version >/dev/null 2>&1 || true
  if [ "$(stat -c %Y "$check/$name/lib/wslnet.jar")" = "$(cut -d' ' -f1 "$stamp")" ]; then
    echo "release: $1 gave a jar with other bytes the time that the AOT cache records" >&2
    exit 1
  fi
  cp -p "$check/release.jar" "$check/$name/lib/wslnet.jar"
}
jar_time_mended_by() {
  if [ -f "$stamp" ] && [ "$(stat -c %.9Y "$check/$name/lib/wslnet.jar")" != "$(cut -d' ' -f1 "$stamp").000000000" ]
  then
    echo "release: $1 did not give the jar back the time that the AOT cache records" >&2
    exit 1
  fi
}
if $windows; then
  launcher=("$check/$name/bin/wslnet.cmd")
  spoil_jar_time -3600
  "$check/$name/bin/wslnet.exe" validate examples/*.yaml >"$check/out" 2>"$check/err"
  if [ -s "$check/err" ]; then
    echo "release: bin/wslnet.exe wrote to stderr:" >&2
    cat "$check/err" >&2
    exit 1
  fi
  jar_time_mended_by bin/wslnet.exe
  spoil_jar_time 3600
  powershell.exe -NoProfile -ExecutionPolicy Bypass -File "$(cygpath -w "$check/$name/bin/wslnet.ps1")" \
    validate examples/*.yaml >"$check/out" 2>"$check/err"
  if [ -s "$check/err" ]; then
    echo "release: bin/wslnet.ps1 wrote to stderr:" >&2
    cat "$check/err" >&2
    exit 1
  fi
  jar_time_mended_by bin/wslnet.ps1
  other_jar_kept_by "$check/$name/bin/wslnet.exe"
  other_jar_kept_by powershell.exe -NoProfile -ExecutionPolicy Bypass -File \
    "$(cygpath -w "$check/$name/bin/wslnet.ps1")"
else
  launcher=("$check/$name/bin/wslnet")
  spoil_jar_time -3600
fi
"${launcher[@]}" validate examples/*.yaml >"$check/out" 2>"$check/err"
if [ -s "$check/err" ]; then
  echo "release: the launcher wrote to stderr:" >&2
  cat "$check/err" >&2
  exit 1
fi
# On Windows this launcher is wslnet.cmd, which cannot set a file's time: the two above were checked instead.
if ! $windows; then
  jar_time_mended_by bin/wslnet
  other_jar_kept_by "${launcher[@]}"
fi
# The unzipped runtime run as the launchers run it, from a folder other than the app folder (this one):
# AOTMode=on fails where the cache cannot be used (a jar whose time the zip did not keep, say), and with the jar on
# the boot class path Java does not look for it by the cache's relative training path, which without it threw a
# NoSuchFileException for every class taken from the cache (JDK-8376576); only a slower start would show that.
if [ -f "$check/$name/lib/wslnet.aot" ]; then
  app=$(cd "$check/$name" && pwd)
  if $windows; then app=$(cygpath -w "$app"); fi
  # With either collector that the launchers choose (bin/wslnet says when); a log of its own for each run, as Java
  # renames a log file it finds to .0.
  run=0
  for collector in "-XX:+UseSerialGC -Xmn16m" "-XX:+UseParallelGC -XX:MaxNewSize=96m -XX:MaxTenuringThreshold=0"; do
    run=$((run + 1))
    log=$check/exceptions-$run.log
    if $windows; then log=$(cygpath -w "$log"); fi
    # shellcheck disable=SC2086 # the collector's flags are split into words on purpose
    "$check/$name/runtime/bin/java$exe" "-XX:AOTCache=$app/lib/wslnet.aot" -XX:AOTMode=on $collector \
      -XX:TieredStopAtLevel=1 "-Xbootclasspath/a:$app/lib/wslnet.jar" "-Xlog:exceptions=info:file=$log" \
      -jar "$app/lib/wslnet.jar" --version >/dev/null ||
      { echo "release: the unzipped runtime cannot use its AOT cache with $collector" >&2; exit 1; }
    if grep -q NoSuchFileException "$check/exceptions-$run.log"; then
      echo "release: run from another folder with $collector, Java looked for the jar by the AOT cache's" \
        "training path" >&2
      exit 1
    fi
  done
fi
# The task's launcher is found from another folder too (InstalledLauncher, from the class file's jar URL).
host=$check/host
if $windows; then host=$(cygpath -w "$host"); fi
"${launcher[@]}" schedule install -f examples/nat-lan-dev-server.yaml --host "sim:$host" >"$check/out" \
  2>"$check/err" || { cat "$check/out" "$check/err" >&2; echo "release: schedule install failed" >&2; exit 1; }
"${launcher[@]}" --version
echo "release: $out/$name.zip ($(du -h "$out/$name.zip" | cut -f1)), $(cut -d' ' -f1 "$out/$name.zip.sha256")"
