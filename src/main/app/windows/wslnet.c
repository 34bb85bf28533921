/*
 * wslnet.exe: the launcher that package managers can link as a command (WinGet's portable commands must be .exe
 * files). It runs the runtime bundled in the app folder, runtime\bin\java.exe, with the start-up flags of
 * bin\wslnet.cmd, and hands it the rest of its own command line unchanged: java.exe splits it by the same rules
 * (CommandLineToArgvW's), so every argument arrives as typed, and no argument is ever parsed or quoted again here.
 * It waits for java.exe and exits with its exit code. It prints nothing of its own but "cannot find the bundled
 * Java" on stderr.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <bcrypt.h>
#include <wchar.h>

#define LONG_PATH 32768

/* The command line after the program's own name, as CommandLineToArgvW reads the first argument: up to the
   closing quote when it starts with one, else up to the first blank; then the blanks after it. */
static const wchar_t *arguments_after_program(const wchar_t *line) {
  if (*line == L'"') {
    line++;
    while (*line && *line != L'"') line++;
    if (*line == L'"') line++;
  } else {
    while (*line && *line != L' ' && *line != L'\t') line++;
  }
  while (*line == L' ' || *line == L'\t') line++;
  return line;
}

/* Console events (Ctrl+C, Ctrl+Break) reach java.exe too, on the same console: this process only waits for it to
   end. A handler and not SetConsoleCtrlHandler(NULL, TRUE), whose "ignore Ctrl+C" a child process inherits (the
   SetConsoleCtrlHandler reference), which would make wslnet impossible to interrupt. */
static BOOL WINAPI keep_waiting(DWORD event) {
  (void)event;
  return TRUE;
}

static int fail(const wchar_t *message) {
  DWORD written;
  HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
  char text[1024];
  int length = WideCharToMultiByte(CP_UTF8, 0, message, -1, text, sizeof text, NULL, NULL);
  if (err != INVALID_HANDLE_VALUE && length > 1) WriteFile(err, text, (DWORD)(length - 1), &written, NULL);
  return 1;
}

/* Whether the rest of a file hashes to the SHA-256 written as 64 lowercase hex digits (BCrypt, Win32 docs). */
static BOOL has_sha256(HANDLE file, const char *hex) {
  static unsigned char buffer[1 << 16];
  static const char digits[] = "0123456789abcdef";
  BCRYPT_ALG_HANDLE algorithm;
  BCRYPT_HASH_HANDLE hash;
  unsigned char digest[32];
  BOOL same = FALSE;
  if (!BCRYPT_SUCCESS(BCryptOpenAlgorithmProvider(&algorithm, BCRYPT_SHA256_ALGORITHM, NULL, 0))) return FALSE;
  if (BCRYPT_SUCCESS(BCryptCreateHash(algorithm, &hash, NULL, 0, NULL, 0, 0))) {
    DWORD read = 0;
    BOOL was_read;
    BOOL hashed = TRUE;
    while ((was_read = ReadFile(file, buffer, sizeof buffer, &read, NULL)) && read > 0) {
      hashed = hashed && BCRYPT_SUCCESS(BCryptHashData(hash, buffer, read, 0));
    }
    if (was_read && hashed && BCRYPT_SUCCESS(BCryptFinishHash(hash, digest, sizeof digest, 0))) {
      same = TRUE;
      for (int i = 0; i < 32; i++) {
        same = same && hex[2 * i] == digits[digest[i] >> 4] && hex[2 * i + 1] == digits[digest[i] & 15];
      }
    }
    BCryptDestroyHash(hash);
  }
  BCryptCloseAlgorithmProvider(algorithm, 0);
  return same;
}

/* Java uses the AOT cache only while the jar has the modification time it had when the cache was made
   (AOTClassLocation::check, src/hotspot/share/cds/aotClassLocation.cpp in the JDK). Windows' own zip extraction
   and .NET's ZipFile (Expand-Archive; Scoop without 7-Zip) take it from the zip's DOS time, read as local time in
   2-second steps (the ZipArchiveEntry.LastWriteTime reference: "the Zip timestamp format, which supports a
   resolution of two seconds"), and the cache then goes unused: every command starts about twice as slowly. The
   release writes that time to lib\wslnet.jar.mtime, in seconds since 1970, with the jar's size and SHA-256; a jar
   with another time gets that one back (SetFileTime) if its bytes are the release's and the user may set its
   time, else nothing happens. Java checks nothing else but the size, so without the hash a rebuilt jar of the same
   size would run the cache's old classes; the size spares a jar that cannot be the release's the hash. On Windows
   Java compares the FILETIME itself, 100-nanosecond intervals since 1601 in UTC (os::stat in
   src/hotspot/os/windows/os_windows.cpp; FILETIME, Win32 docs): the release gives the jar a time of whole
   seconds, so that one number says it exactly. Handles, not paths, read and set the time, so that a link to the
   jar is followed as Java follows it. */
static void restore_trained_time(const wchar_t *jar, const wchar_t *stamp) {
  const unsigned long long unix_epoch = 116444736000000000ULL, second = 10000000ULL;
  char text[128];
  DWORD read = 0;
  HANDLE file = CreateFileW(stamp, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                            FILE_ATTRIBUTE_NORMAL, NULL);
  if (file == INVALID_HANDLE_VALUE) return;
  /* A file on disk: a pipe or a device could keep the launcher waiting. */
  BOOL was_read = GetFileType(file) == FILE_TYPE_DISK && ReadFile(file, text, sizeof text, &read, NULL);
  CloseHandle(file);
  if (!was_read) return;
  /* The seconds and the size, each 1 to 12 digits (so that the FILETIME cannot overflow), each followed by a
     space; 64 lowercase hex digits; then the end of the file or of its line. */
  unsigned long long numbers[2] = {0, 0};
  DWORD at = 0;
  for (int n = 0; n < 2; n++) {
    DWORD start = at;
    while (at < read && at - start < 12 && text[at] >= '0' && text[at] <= '9') {
      numbers[n] = numbers[n] * 10 + (unsigned long long)(text[at] - '0');
      at++;
    }
    if (at == start || at >= read || text[at] != ' ') return;
    at++;
  }
  unsigned long long seconds = numbers[0], size = numbers[1];
  if (at + 64 > read) return;
  const char *hex = text + at;
  for (int i = 0; i < 64; i++) {
    if (!((hex[i] >= '0' && hex[i] <= '9') || (hex[i] >= 'a' && hex[i] <= 'f'))) return;
  }
  at += 64;
  if (at < read && text[at] != '\r' && text[at] != '\n') return;
  ULARGE_INTEGER trained;
  trained.QuadPart = seconds * second + unix_epoch;
  FILETIME now;
  HANDLE looked_at = CreateFileW(jar, FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                 NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
  if (looked_at == INVALID_HANDLE_VALUE) return;
  BOOL known = GetFileTime(looked_at, NULL, NULL, &now);
  CloseHandle(looked_at);
  if (!known || (now.dwLowDateTime == trained.LowPart && now.dwHighDateTime == trained.HighPart)) return;
  /* No other writer while the bytes are hashed and the time is set: Java reads the jar without writing. */
  HANDLE target = CreateFileW(jar, GENERIC_READ | FILE_WRITE_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL,
                              OPEN_EXISTING, FILE_FLAG_SEQUENTIAL_SCAN, NULL);
  if (target == INVALID_HANDLE_VALUE) return;
  LARGE_INTEGER length;
  if (GetFileSizeEx(target, &length) && (unsigned long long)length.QuadPart == size && has_sha256(target, hex)) {
    FILETIME time;
    time.dwLowDateTime = trained.LowPart;
    time.dwHighDateTime = trained.HighPart;
    SetFileTime(target, NULL, NULL, &time);
  }
  CloseHandle(target);
}

int wmain(void) {
  static wchar_t app[LONG_PATH], java[LONG_PATH], jar[LONG_PATH], aot[LONG_PATH], stamp[LONG_PATH],
      command[LONG_PATH];
  DWORD length = GetModuleFileNameW(NULL, app, LONG_PATH);
  if (length == 0 || length >= LONG_PATH) return fail(L"wslnet: cannot find where wslnet.exe is\n");
  /* app\bin\wslnet.exe -> app */
  for (int up = 0; up < 2; up++) {
    wchar_t *slash = wcsrchr(app, L'\\');
    if (slash == NULL) return fail(L"wslnet: cannot find the app folder of wslnet.exe\n");
    *slash = L'\0';
  }
  if (swprintf(java, LONG_PATH, L"%ls\\runtime\\bin\\java.exe", app) < 0
      || swprintf(jar, LONG_PATH, L"%ls\\lib\\wslnet.jar", app) < 0
      || swprintf(aot, LONG_PATH, L"%ls\\lib\\wslnet.aot", app) < 0
      || swprintf(stamp, LONG_PATH, L"%ls\\lib\\wslnet.jar.mtime", app) < 0) {
    return fail(L"wslnet: the app folder's path is too long\n");
  }
  if (GetFileAttributesW(java) == INVALID_FILE_ATTRIBUTES) {
    return fail(L"wslnet: cannot find the bundled Java (runtime\\bin\\java.exe); with a Java of your own, run "
                L"bin\\wslnet.cmd\n");
  }
  /* Java 17 cannot tell whether stdin and stderr are consoles; apply asks for approval when both are, whatever
     stdout is (apply | tee log). GetConsoleMode fails on a handle that is no console (GetConsoleMode, Win32 docs). */
  DWORD mode;
  BOOL terminal = GetConsoleMode(GetStdHandle(STD_INPUT_HANDLE), &mode)
      && GetConsoleMode(GetStdHandle(STD_ERROR_HANDLE), &mode);
  const wchar_t *flags = terminal
      ? L"-XX:+UseSerialGC -Xmn16m -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=off -Dwslnet.terminal=stdin,stderr"
      : L"-XX:+UseSerialGC -Xmn16m -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=off -Dwslnet.terminal=none";
  BOOL cached = GetFileAttributesW(aot) != INVALID_FILE_ATTRIBUTES;
  if (cached) restore_trained_time(jar, stamp);
  /* The jar is on the boot class path too: see bin/wslnet (the AOT cache's relative jar path, JDK-8376576). */
  int written = cached
      ? swprintf(command, LONG_PATH, L"\"%ls\" %ls \"-XX:AOTCache=%ls\" \"-Xbootclasspath/a:%ls\" -jar \"%ls\" %ls",
                 java, flags, aot, jar, jar, arguments_after_program(GetCommandLineW()))
      : swprintf(command, LONG_PATH, L"\"%ls\" %ls \"-Xbootclasspath/a:%ls\" -jar \"%ls\" %ls", java, flags, jar, jar,
                 arguments_after_program(GetCommandLineW()));
  if (written < 0) return fail(L"wslnet: the command line is too long\n");

  /* Options meant for other Java programs must not reach this one: the JVM prints that it picked them up. */
  SetEnvironmentVariableW(L"JAVA_TOOL_OPTIONS", NULL);
  SetEnvironmentVariableW(L"JDK_JAVA_OPTIONS", NULL);
  SetEnvironmentVariableW(L"_JAVA_OPTIONS", NULL);
  SetConsoleCtrlHandler(keep_waiting, TRUE);

  STARTUPINFOW startup;
  PROCESS_INFORMATION process;
  ZeroMemory(&startup, sizeof startup);
  startup.cb = sizeof startup;
  if (!CreateProcessW(java, command, NULL, NULL, TRUE, 0, NULL, NULL, &startup, &process)) {
    return fail(L"wslnet: cannot start the bundled Java\n");
  }
  WaitForSingleObject(process.hProcess, INFINITE);
  DWORD exit_code = 1;
  GetExitCodeProcess(process.hProcess, &exit_code);
  CloseHandle(process.hThread);
  CloseHandle(process.hProcess);
  return (int)exit_code;
}
