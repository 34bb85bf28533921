package dev.wslnet.cli;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
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
    Path bin =
        jar()
            .map(Path::getParent)
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

  /**
   * The jar that holds this class, from the URL of the class file in it ({@code
   * jar:file:/app/lib/wslnet.jar!/dev/...}); empty when it runs from a folder of classes. Not from
   * its code source: the launchers put the jar on the boot class path, whose classes have none.
   */
  private static Optional<Path> jar() {
    URL classFile = InstalledLauncher.class.getResource("InstalledLauncher.class");
    if (classFile == null || !classFile.getProtocol().equals("jar")) {
      return Optional.empty();
    }
    try {
      // Opening the connection only parses the URL; the jar is read on connect().
      URL jar = ((JarURLConnection) classFile.openConnection()).getJarFileURL();
      return Optional.of(Path.of(jar.toURI()));
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
