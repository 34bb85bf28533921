package dev.wslnet.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The launcher of the installation this process runs from, for what runs wslnet later. */
final class InstalledLauncher {
  private InstalledLauncher() {}

  /**
   * The app folder's launcher beside the lib/wslnet.jar that holds this class: on Windows
   * bin\\wslnet.exe, else bin\\wslnet.cmd; elsewhere bin/wslnet.
   */
  static Path find() {
    Path jar;
    try {
      jar = Path.of(Wslnet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException e) {
      jar = Path.of("");
    }
    Path bin =
        Optional.ofNullable(jar.getParent())
            .filter(lib -> lib.getFileName() != null && lib.getFileName().toString().equals("lib"))
            .map(lib -> lib.resolveSibling("bin"))
            .orElseThrow(
                () ->
                    new ExitException(
                        ExitCode.ERROR,
                        "this wslnet does not run from an installed app folder (bin beside"
                            + " lib/wslnet.jar), so there is no launcher to run later: install"
                            + " wslnet (scoop, winget, the release zip, or mvn package's"
                            + " target/wslnet), or name the program with --launcher"));
    if (!Hosts.onWindows()) {
      return bin.resolve("wslnet");
    }
    Path exe = bin.resolve("wslnet.exe");
    return Files.isRegularFile(exe) ? exe : bin.resolve("wslnet.cmd");
  }
}
