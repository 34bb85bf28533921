package dev.wslnet.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The systemd user unit that starts {@code wslnet watch} with the distro and restarts it after a
 * failure. Paths are data in it: each argument is quoted as systemd.service's "Command lines"
 * section says (double quotes, with backslash escapes), with {@code %} doubled against specifiers
 * (systemd.unit, "Specifiers") and {@code $} doubled against variable expansion.
 */
public final class SystemdUnit {
  public static final String NAME = "wslnet-watch.service";

  private SystemdUnit() {}

  public static String text(Path launcher, Path file, Duration interval) {
    List<String> command =
        List.of(
            launcher.toString(),
            "watch",
            "-f",
            file.toString(),
            "--host",
            "wsl",
            "--interval",
            Durations.text(interval));
    return "[Unit]\n"
        + "Description=wslnet watch: keeps WSL networking as "
        + escapeSpecifiers(file.toString())
        + " says\n"
        + "\n"
        + "[Service]\n"
        // A service has no session, so no WSL_INTEROP of its own; WSL's init keeps its interop
        // socket at /run/WSL/1_interop (microsoft/WSL, src/linux/init/util.cpp, InteropServer).
        + "Environment=WSL_INTEROP=/run/WSL/1_interop\n"
        + "ExecStart="
        + command.stream().map(SystemdUnit::quote).collect(Collectors.joining(" "))
        + "\n"
        + "Restart=on-failure\n"
        + "RestartSec=30\n"
        + "\n"
        + "[Install]\n"
        + "WantedBy=default.target\n";
  }

  static String quote(String argument) {
    if (argument.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      throw new IllegalArgumentException(
          "a control character cannot be in a systemd unit's command line: " + argument);
    }
    String escaped =
        escapeSpecifiers(argument).replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "$$");
    return "\"" + escaped + "\"";
  }

  private static String escapeSpecifiers(String text) {
    return text.replace("%", "%%");
  }
}
