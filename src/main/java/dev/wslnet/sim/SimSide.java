package dev.wslnet.sim;

import dev.wslnet.host.WslReadings;
import dev.wslnet.host.powershell.WindowsSide;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The simulated machine's folder is its user profile; WSL is asked about through Windows, as on
 * Windows.
 */
record SimSide(Path directory) implements WindowsSide {
  @Override
  public String powershell() {
    return "powershell.exe";
  }

  @Override
  public Path localPath(String windowsProfile) {
    return directory;
  }

  @Override
  public Path lockFile() {
    return directory.resolve(".wslnet.lock");
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
