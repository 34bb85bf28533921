package dev.wslnet.host.wsl;

import dev.wslnet.host.HostException;
import dev.wslnet.host.WslReadings;
import dev.wslnet.host.powershell.ProcessResult;
import dev.wslnet.host.powershell.ProcessRunner;
import dev.wslnet.host.powershell.WindowsSide;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * wslnet inside a WSL distro: Windows is reached through interop (powershell.exe on PATH, else
 * under /mnt/c/Windows/System32), paths are translated with {@code wslpath}, and WSL's addresses
 * are the distro's own.
 */
public final class WslSide implements WindowsSide {
  static final String SYSTEM_POWERSHELL =
      "/mnt/c/Windows/System32/WindowsPowerShell/v1.0/powershell.exe";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String powershell;
  private final ProcessRunner runner;
  private final Map<String, String> environment;

  private WslSide(String powershell, ProcessRunner runner, Map<String, String> environment) {
    this.powershell = powershell;
    this.runner = runner;
    this.environment = environment;
  }

  /**
   * Checks that interop can work here, and finds powershell.exe; a clear error names the fix when
   * it cannot.
   */
  public static WslSide create(ProcessRunner runner, Map<String, String> environment) {
    if (!environment.containsKey("WSL_INTEROP")) {
      throw new HostException(
          "WSL_INTEROP is not set, so Windows programs cannot start from here (sudo drops it). Run"
              + " wslnet without sudo, or keep it: sudo --preserve-env=WSL_INTEROP java -jar"
              + " wslnet.jar …");
    }
    return new WslSide(
        findPowerShell(environment)
            .orElseThrow(
                () ->
                    new HostException(
                        "powershell.exe is not on PATH nor at "
                            + SYSTEM_POWERSHELL
                            + ". Check that interop is enabled and that Windows' PATH is appended"
                            + " ([interop] enabled and appendWindowsPath in /etc/wsl.conf), and"
                            + " that the Windows drive is mounted under /mnt/c")),
        runner,
        environment);
  }

  static Optional<String> findPowerShell(Map<String, String> environment) {
    for (String directory : environment.getOrDefault("PATH", "").split(":")) {
      if (!directory.isEmpty() && Files.isRegularFile(Path.of(directory, "powershell.exe"))) {
        return Optional.of(Path.of(directory, "powershell.exe").toString());
      }
    }
    return Files.isRegularFile(Path.of(SYSTEM_POWERSHELL))
        ? Optional.of(SYSTEM_POWERSHELL)
        : Optional.empty();
  }

  @Override
  public String powershell() {
    return powershell;
  }

  /** {@code wslpath -u 'C:\Users\me'}: {@code /mnt/c/Users/me}. */
  @Override
  public Path localPath(String windowsProfile) {
    try {
      ProcessResult result =
          runner.run(List.of("wslpath", "-u", windowsProfile), new byte[0], TIMEOUT);
      String path = new String(result.stdout(), StandardCharsets.UTF_8).trim();
      if (result.exitCode() != 0 || path.isEmpty()) {
        throw new HostException(
            "wslpath cannot translate " + windowsProfile + ": " + result.stderrText().trim());
      }
      return Path.of(path);
    } catch (IOException e) {
      throw new HostException(
          "cannot run wslpath to find " + windowsProfile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Applies from this distro exclude each other; another distro, or Windows itself, holds its own
   * lock.
   */
  @Override
  public Path lockFile() {
    String runtime = environment.get("XDG_RUNTIME_DIR");
    return runtime != null && Files.isDirectory(Path.of(runtime))
        ? Path.of(runtime, "wslnet.lock")
        : Path.of(
            System.getProperty("java.io.tmpdir"),
            "wslnet-" + System.getProperty("user.name") + ".lock");
  }

  /** From inside WSL, {@code wsl --shutdown} would stop wslnet itself. */
  @Override
  public boolean canRestartWsl() {
    return false;
  }

  @Override
  public Optional<WslReadings> readingsHere() {
    Optional<LinuxNetwork.DefaultRoute> route = LinuxNetwork.defaultRoute();
    return Optional.of(
        new WslReadings(
            route.flatMap(r -> LinuxNetwork.ipv4Of(r.interfaceName())),
            route.map(LinuxNetwork.DefaultRoute::gateway),
            networkingMode()));
  }

  /** {@code wslinfo --networking-mode}, where this WSL has it (2.0 and later). */
  private Optional<String> networkingMode() {
    try {
      ProcessResult result =
          runner.run(List.of("wslinfo", "--networking-mode"), new byte[0], TIMEOUT);
      String mode = new String(result.stdout(), StandardCharsets.UTF_8).trim();
      return result.exitCode() == 0 && !mode.isEmpty() ? Optional.of(mode) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
