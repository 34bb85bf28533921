package dev.wslnet.cli;

import dev.wslnet.host.Host;
import dev.wslnet.host.sim.SimHost;
import java.nio.file.Path;
import java.util.Locale;

/** Picks the host from --host, else WSLNET_HOST, else auto. */
final class Hosts {
  static final String ENVIRONMENT = "WSLNET_HOST";

  private Hosts() {}

  /** @param elevate run operations in an elevated process of their own (apply --elevate) */
  static Host select(String option, Console console, boolean elevate) {
    String spec = option != null ? option : console.environment().getOrDefault(ENVIRONMENT, "auto");
    if (spec.startsWith(SimHost.PREFIX) && spec.length() > SimHost.PREFIX.length()) {
      return SimHost.create(Path.of(spec.substring(SimHost.PREFIX.length())), elevate);
    }
    switch (spec) {
      case "auto" -> throw new ExitException(ExitCode.ERROR, autoHint(console));
      case "local", "wsl" -> throw new ExitException(ExitCode.ERROR, "--host " + spec
          + " is not available in this version of wslnet; try --host sim:DIR, a simulated Windows host in DIR");
      default -> throw new ExitException(ExitCode.USAGE,
          "unknown host '" + spec + "': use auto, local, wsl or sim:DIR");
    }
  }

  private static String autoHint(Console console) {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    boolean wsl = console.environment().containsKey("WSL_DISTRO_NAME");
    String where = windows ? "this is Windows, and the local host is not available in this version"
        : wsl ? "this is a WSL distro, and the wsl host is not available in this version"
        : "this machine is neither Windows nor a WSL distro";
    return "no host to manage here: " + where + ". Use --host sim:DIR to run against a simulated Windows host kept "
        + "in DIR (created if missing)";
  }
}
