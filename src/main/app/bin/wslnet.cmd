@echo off
rem Starts wslnet with Java 17 or newer: the runtime bundled in the app folder, else %JAVA_HOME%, else the java on
rem PATH, with the start-up flags that suit that runtime. It prints nothing of its own on stderr but "cannot find
rem Java" errors: a class-data archive that does not match the runtime is not used, silently.
setlocal EnableExtensions DisableDelayedExpansion
rem Options meant for other Java programs must not reach this one: the JVM prints that it picked them up.
set "JAVA_TOOL_OPTIONS="
set "JDK_JAVA_OPTIONS="
set "_JAVA_OPTIONS="
set "APP=%~dp0.."
for %%I in ("%APP%") do set "APP=%%~fI"
set "JAR=%APP%\lib\wslnet.jar"
set "JH="
set "JAVA="
if exist "%APP%\runtime\bin\java.exe" set "JH=%APP%\runtime"
if not defined JH if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JH=%JAVA_HOME%"
if defined JH set "JAVA=%JH%\bin\java.exe"
rem A java.exe on PATH runs as found (Oracle's javapath shim, say); its home only tells the version.
if not defined JH for /f "delims=" %%J in ('where java.exe 2^>nul') do if not defined JAVA (
  set "JAVA=%%~fJ"
  set "JH=%%~dpJ.."
)
if not defined JH (
  echo wslnet: cannot find Java 17 or newer: install one, or set JAVA_HOME 1>&2
  exit /b 1
)
for %%I in ("%JH%") do set "JH=%%~fI"
set "VERSION="
if exist "%JH%\release" for /f "tokens=2 delims==" %%V in ('findstr /b /c:"JAVA_VERSION=" "%JH%\release"') do set "VERSION=%%~V"
rem No release file (a JRE 8 folder, Oracle's javapath shim): ask the runtime once.
rem "call" first, so that cmd /c keeps the quotes of a path such as C:\Program Files (x86)\...
if not defined VERSION for /f "tokens=3" %%V in ('call "%JAVA%" -version 2^>^&1 ^| findstr /i version') do if not defined VERSION set "VERSION=%%~V"
set "MAJOR=0"
if defined VERSION for /f "tokens=1,2 delims=." %%M in ("%VERSION%") do (
  set "MAJOR=%%M"
  if "%%M"=="1" set "MAJOR=%%N"
)
set /a MAJOR=%MAJOR% 2>nul || set "MAJOR=0"
if %MAJOR% lss 17 (
  echo wslnet: needs Java 17 or newer, and "%JAVA%" is Java %VERSION%: install a newer one, or set JAVA_HOME 1>&2
  exit /b 1
)
set "FLAGS=-XX:+UseSerialGC -Xmn16m -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=off"
if %MAJOR% geq 25 if exist "%APP%\lib\wslnet.aot" (
  set FLAGS=%FLAGS% "-XX:AOTCache=%APP%\lib\wslnet.aot"
  goto run
)
if defined VERSION if exist "%APP%\lib\wslnet-%VERSION%.jsa" (
  set FLAGS=%FLAGS% "-XX:SharedArchiveFile=%APP%\lib\wslnet-%VERSION%.jsa"
)
:run
rem The jar is on the boot class path too: see bin/wslnet (the AOT cache's relative jar path, JDK-8376576).
"%JAVA%" %FLAGS% "-Xbootclasspath/a:%JAR%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
