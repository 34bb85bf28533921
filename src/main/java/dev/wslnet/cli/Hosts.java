package dev.wslnet.cli;

import dev.wslnet.host.Host;
import dev.wslnet.host.local.LocalSide;
import dev.wslnet.host.powershell.ProcessRunner;
import dev.wslnet.host.powershell.SystemProcessRunner;
import dev.wslnet.host.powershell.WindowsHost;
import dev.wslnet.host.wsl.WslSide;
import dev.wslnet.sim.SimHost;
import dev.wslnet.sim.SimProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Picks the host from --host, else WSLNET_HOST, else auto. */
final class Hosts {
  static final String ENVIRONMENT = "WSLNET_HOST";
  private static final Path WSL_INTEROP_HANDLER = Path.of("/proc/sys/fs/binfmt_misc/WSLInterop");

  private Hosts() {}

  /**
   * @param elevate run operations in an elevated process of their own (apply --elevate)
   */
  static Host select(String option, Console console, boolean elevate) {
    String spec = option != null ? option : console.environment().getOrDefault(ENVIRONMENT, "auto");
    if (spec.startsWith(SimHost.PREFIX) && spec.length() > SimHost.PREFIX.length()) {
      return SimHost.create(
          Path.of(spec.substring(SimHost.PREFIX.length())),
          elevate,
          "true".equals(console.environment().get(SimProcessRunner.ELEVATED_TASK)));
    }
    ProcessRunner runner = new SystemProcessRunner();
    return switch (spec) {
      case "local" -> local(runner, console, elevate);
      case "wsl" -> wsl(runner, console, elevate);
      case "auto" -> {
        if (onWindows()) {
          yield local(runner, console, elevate);
        }
        if (insideWsl(console)) {
          yield wsl(runner, console, elevate);
        }
        throw new ExitException(
            ExitCode.ERROR,
            "no Windows host here: this machine is neither Windows nor a WSL distro. Use --host"
                + " sim:DIR to run against a simulated Windows host kept in DIR (created if"
                + " missing)");
      }
      default ->
          throw new ExitException(
              ExitCode.USAGE, "unknown host '" + spec + "': use auto, local, wsl or sim:DIR");
    };
  }

  private static Host local(ProcessRunner runner, Console console, boolean elevate) {
    return new WindowsHost("local", new LocalSide(console.environment()), runner, elevate);
  }

  private static Host wsl(ProcessRunner runner, Console console, boolean elevate) {
    return new WindowsHost("wsl", WslSide.create(runner, console.environment()), runner, elevate);
  }

  static boolean onWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }

  /** WSL sets WSL_DISTRO_NAME, and registers the WSLInterop handler for Windows programs. */
  static boolean insideWsl(Console console) {
    return console.environment().containsKey("WSL_DISTRO_NAME")
        || Files.exists(WSL_INTEROP_HANDLER);
  }
}
