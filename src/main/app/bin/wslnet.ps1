# Starts wslnet with Java 17 or newer: the runtime bundled in the app folder, else $env:JAVA_HOME, else the java on
# PATH, with the start-up flags that suit that runtime. It prints nothing of its own on stderr but "cannot find
# Java" errors: a class-data archive that does not match the runtime is not used, silently.
$ErrorActionPreference = 'Stop'
# Options meant for other Java programs must not reach this one: the JVM prints that it picked them up.
foreach ($name in @('JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', '_JAVA_OPTIONS')) {
  Remove-Item -LiteralPath ('Env:' + $name) -ErrorAction SilentlyContinue
}
$app = Split-Path -Parent $PSScriptRoot
$jar = Join-Path $app 'lib\wslnet.jar'
$javaHome = $null
$java = $null
if (Test-Path -LiteralPath (Join-Path $app 'runtime\bin\java.exe')) {
  $javaHome = Join-Path $app 'runtime'
} elseif ($env:JAVA_HOME -and (Test-Path -LiteralPath (Join-Path $env:JAVA_HOME 'bin\java.exe'))) {
  $javaHome = $env:JAVA_HOME
} else {
  # A java.exe on PATH runs as found (Oracle's javapath shim, say); its home only tells the version.
  $found = Get-Command -Name 'java.exe' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
  if ($found) {
    $java = $found.Source
    $javaHome = Split-Path -Parent (Split-Path -Parent $found.Source)
  }
}
if ($javaHome -and -not $java) { $java = Join-Path $javaHome 'bin\java.exe' }
if (-not $javaHome) {
  [Console]::Error.WriteLine('wslnet: cannot find Java 17 or newer: install one, or set JAVA_HOME')
  exit 1
}
$version = ''
$release = Join-Path $javaHome 'release'
if (Test-Path -LiteralPath $release) {
  $line = Select-String -LiteralPath $release -Pattern '^JAVA_VERSION="([^"]*)"' | Select-Object -First 1
  if ($line) { $version = $line.Matches[0].Groups[1].Value }
}
if (-not $version) {
  # No release file (a JRE 8 folder, Oracle's javapath shim): ask the runtime once.
  $ErrorActionPreference = 'Continue'
  $line = & $java -version 2>&1 | Select-Object -First 1
  $ErrorActionPreference = 'Stop'
  if ([string]$line -match '"([^"]+)"') { $version = $Matches[1] }
}
$major = 0
if ($version -match '^1\.(\d+)') { $major = [int]$Matches[1] } elseif ($version -match '^(\d+)') { $major = [int]$Matches[1] }
if ($major -lt 17) {
  [Console]::Error.WriteLine("wslnet: needs Java 17 or newer, and $java is Java ${version}: install a newer one, or set JAVA_HOME")
  exit 1
}
$flags = @('-XX:+UseSerialGC', '-Xmn16m', '-XX:TieredStopAtLevel=1', '-Xlog:disable', '-Xlog:all=off')
# Java 17 cannot tell whether stdin and stderr are consoles; apply asks for approval when both are, whatever stdout
# is (apply | tee log). Console.IsInputRedirected and IsErrorRedirected (.NET API reference) tell.
if (-not [Console]::IsInputRedirected -and -not [Console]::IsErrorRedirected) {
  $flags += '-Dwslnet.terminal=stdin,stderr'
} else {
  $flags += '-Dwslnet.terminal=none'
}
$aot = Join-Path $app 'lib\wslnet.aot'
$jsa = Join-Path $app ('lib\wslnet-' + $version + '.jsa')
if ($major -ge 25 -and (Test-Path -LiteralPath $aot)) {
  # Java uses the AOT cache only while the jar has the modification time it had when the cache was made, and
  # Expand-Archive sets it from the zip's DOS time, in local time: a jar with another time gets back the one that
  # the release wrote to lib\wslnet.jar.mtime, if its size and SHA-256 are the ones written there too
  # (src/main/app/windows/wslnet.c says why, and how Java compares the time). A symbolic link is left as it is:
  # PowerShell reads and sets its own time, not its target's, which Java reads (wslnet.exe follows it); a hard
  # link shares its file's time, and is mended.
  try {
    $stamp = Get-Content -LiteralPath (Join-Path $app 'lib\wslnet.jar.mtime') -TotalCount 1
    $item = Get-Item -LiteralPath $jar
    if ("$stamp" -cmatch '^(\d{1,12}) (\d{1,12}) ([0-9a-f]{64})$' -and $item.LinkType -ne 'SymbolicLink' -and
        $item.Length -eq [long]$Matches[2]) {
      $time = [DateTimeOffset]::FromUnixTimeSeconds([long]$Matches[1]).UtcDateTime
      $digest = $Matches[3]
      if ($item.LastWriteTimeUtc -ne $time -and
          (Get-FileHash -LiteralPath $jar -Algorithm SHA256 -ErrorAction Stop).Hash.ToLowerInvariant() -eq $digest) {
        $item.LastWriteTimeUtc = $time
      }
    }
  } catch {
    # A jar whose time the user may not set: Java runs without the cache, as it would have.
  }
  $flags += ('-XX:AOTCache=' + $aot)
} elseif ($version -and (Test-Path -LiteralPath $jsa)) {
  $flags += ('-XX:SharedArchiveFile=' + $jsa)
}
# wslnet's own stderr must pass as it is: under 'Stop', Windows PowerShell 5.1 turns a redirected native stderr
# line into a terminating error and loses the exit code.
$ErrorActionPreference = 'Continue'
# The jar is on the boot class path too: see bin/wslnet (the AOT cache's relative jar path, JDK-8376576).
& $java @flags ('-Xbootclasspath/a:' + $jar) -jar $jar @args
exit $LASTEXITCODE
