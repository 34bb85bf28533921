package dev.wslnet.host.powershell;

import dev.wslnet.host.WslReadings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where wslnet runs relative to Windows: on Windows itself, inside a WSL distro, or against a
 * simulated machine. It says how to start PowerShell, where the user's profile folder is on this
 * side, and what this side can read about WSL by itself.
 */
public interface WindowsSide {

  /** The PowerShell executable to start. */
  String powershell();

  /** The Windows user's profile folder, as a path this process can open, from its Windows path. */
  Path localPath(String windowsProfile);

  /** The file whose lock keeps two applies from running at once. */
  Path lockFile();

  /** Whether {@code wsl --shutdown} can run from here. */
  boolean canRestartWsl();

  /**
   * WSL's addresses and mode as read on this side (inside a WSL distro they are its own); empty
   * where they must be asked of Windows, through {@code wsl.exe}, in the observe round trip.
   */
  Optional<WslReadings> readingsHere();
}
