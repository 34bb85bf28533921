package dev.wslnet.host.local;

import dev.wslnet.host.WslReadings;
import dev.wslnet.host.powershell.WindowsSide;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * wslnet on Windows itself: PowerShell and wsl.exe run directly; WSL is asked about through
 * wsl.exe.
 */
public record LocalSide(Map<String, String> environment) implements WindowsSide {
  @Override
  public String powershell() {
    return "powershell.exe";
  }

  @Override
  public Path localPath(String windowsProfile) {
    return Path.of(windowsProfile);
  }

  @Override
  public Path lockFile() {
    String profile = environment.get("USERPROFILE");
    return profile != null
        ? Path.of(profile, ".wslnet.lock")
        : Path.of(System.getProperty("java.io.tmpdir"), "wslnet.lock");
  }

  @Override
  public boolean canRestartWsl() {
    return true;
  }

  @Override
  public Optional<WslReadings> readingsHere() {
    return Optional.empty();
  }
}
