package dev.wslnet.cli;

import dev.wslnet.host.AtomicFiles;
import dev.wslnet.host.Host;
import dev.wslnet.host.IoErrors;
import dev.wslnet.log.RotatingLog;
import dev.wslnet.watch.StopSignal;
import dev.wslnet.watch.SystemdUnit;
import dev.wslnet.watch.Watcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "watch",
    description = {
      "Keeps the host converged in the foreground: plans again whenever the WSL VM's address or"
          + " mode changes, and applies when the plan is not empty.",
      "One line per event on stderr (or --log). Ends on Ctrl+C or SIGTERM with exit 0, or with"
          + " exit 1 when the file becomes invalid."
    })
final class WatchCommand implements Callable<Integer> {
  /** The longest wait after failures in a row. */
  static final Duration MAX_WAIT = Duration.ofMinutes(5);

  /**
   * How long a signal waits for a check that runs to end: an apply is never abandoned halfway, and
   * one PowerShell process takes at most 5 minutes.
   */
  private static final Duration CHECK_END = Duration.ofMinutes(6);

  @ParentCommand WslnetCommand parent;

  @Mixin HostOption hostOption;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      defaultValue = "wslnet.yaml",
      description =
          "The desired-state file, read again before each check. Default: ${DEFAULT-VALUE}.")
  String file;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How often to look: inside WSL the distro's own address is read (default 2s); on"
              + " Windows and sim: the host is observed (default 30s).")
  Duration interval;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description = "Append the events to FILE instead of stderr; rotated at 1 MiB to FILE.1.")
  Path log;

  @Option(
      names = "--install-unit",
      description =
          "Inside WSL with systemd: write a systemd user unit that starts this watch with the"
              + " distro, then print how to enable it.")
  Boolean installUnit;

  @Option(
      names = "--launcher",
      paramLabel = "PATH",
      description =
          "With --install-unit: the program the unit runs. Default: this installation's"
              + " bin/wslnet.")
  Path launcher;

  /** sd_booted(3): systemd runs when this folder exists. */
  private static final Path SYSTEMD_RUNNING = Path.of("/run/systemd/system");

  private final Console console;

  WatchCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    if (Boolean.TRUE.equals(installUnit)) {
      DesiredStates.read(file, console, false, console.color(parent.noColor()));
      return installUnit();
    }
    // The signals' handler comes first, so that a stop during the start is a stop too.
    StopSignal stop = new StopSignal();
    CountDownLatch finished = new CountDownLatch(1);
    Thread onSignal =
        new Thread(
            () -> {
              stop.stop();
              try {
                finished.await(CHECK_END.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              console.out().flush();
              console.err().flush();
              // A signal is how a watch ends, not a failure: exit 0, as the shutdown's own code
              // would be 130 or 143.
              Runtime.getRuntime().halt(ExitCode.OK.code());
            },
            "wslnet-watch-stop");
    Runtime.getRuntime().addShutdownHook(onSignal);
    try {
      watch(stop);
      return ExitCode.OK.code();
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // A signal came as the watch ended: the hook finishes the process.
      }
    }
  }

  /**
   * Watches until {@code stop}: SIGINT or SIGTERM stop it between checks, or after the running one,
   * and the process ends with exit 0 once the lock is released.
   */
  private void watch(StopSignal stop) {
    boolean color = console.color(parent.noColor());
    DesiredStates.read(file, console, false, color);
    Host host = Hosts.select(hostOption.host, console, false);
    Duration every =
        interval != null
            ? interval
            : host.wslHere().isPresent() ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
    new Watcher(
            host,
            Path.of(file),
            () -> DesiredStates.read(file, console, false, color).state().orElseThrow(),
            every,
            MAX_WAIT,
            Clock.systemUTC(),
            events())
        .run(stop);
  }

  /**
   * Writes ~/.config/systemd/user/wslnet-watch.service (or under XDG_CONFIG_HOME). Enabling it is
   * left to the user, whose systemctl shows what it does; wslnet only prints the two commands.
   */
  private int installUnit() {
    if (!Hosts.insideWsl(console)) {
      throw new ExitException(
          ExitCode.ERROR,
          "--install-unit is for a WSL distro. On Windows, wslnet schedule install keeps the host"
              + " converged without a terminal");
    }
    if (!Files.isDirectory(SYSTEMD_RUNNING)) {
      throw new ExitException(
          ExitCode.ERROR,
          "systemd does not run in this distro, so a unit would never start. Turn it on"
              + " ([boot] systemd=true in /etc/wsl.conf, then wsl.exe --shutdown), or start the"
              + " watch from /etc/wsl.conf's [boot] command= line: see README, Keep it converged");
    }
    Path program = launcher != null ? launcher.toAbsolutePath() : InstalledLauncher.find();
    if (!Files.isRegularFile(program)) {
      throw new ExitException(ExitCode.ERROR, "the launcher " + program + " does not exist");
    }
    String configHome = console.environment().get("XDG_CONFIG_HOME");
    Path units =
        (configHome != null && !configHome.isEmpty()
                ? Path.of(configHome)
                : Path.of(console.environment().getOrDefault("HOME", "~"), ".config"))
            .resolve("systemd/user");
    Path unit = units.resolve(SystemdUnit.NAME);
    String text;
    try {
      text =
          SystemdUnit.text(
              program,
              Path.of(file).toAbsolutePath().normalize(),
              interval != null ? interval : Duration.ofSeconds(2));
    } catch (IllegalArgumentException e) {
      throw new ExitException(ExitCode.ERROR, e.getMessage());
    }
    try {
      Files.createDirectories(units);
      AtomicFiles.replace(unit, text.getBytes(StandardCharsets.UTF_8), null);
    } catch (IOException e) {
      throw new ExitException(ExitCode.ERROR, "cannot write " + unit + ": " + IoErrors.reason(e));
    }
    console.out().println("Wrote " + unit + ". Start it now and with every start of the distro:");
    console.out().println("  systemctl --user daemon-reload");
    console.out().println("  systemctl --user enable --now " + SystemdUnit.NAME);
    console
        .out()
        .println(
            "  loginctl enable-linger   # so that it starts with the distro, before a shell opens");
    console.out().println("Its events: journalctl --user -u " + SystemdUnit.NAME);
    console.out().flush();
    return ExitCode.OK.code();
  }

  /**
   * Where events go: the log file, else stderr. A log that cannot take the first line ends the
   * watch before it starts; a later line the log refuses goes to stderr.
   */
  private Consumer<String> events() {
    if (log == null) {
      return line -> {
        console.err().println(line);
        console.err().flush();
      };
    }
    RotatingLog file = new RotatingLog(log);
    AtomicBoolean written = new AtomicBoolean();
    return line -> {
      try {
        file.append(line);
        written.set(true);
      } catch (IOException e) {
        if (!written.get()) {
          throw new ExitException(
              ExitCode.ERROR, "cannot write the log " + log + ": " + IoErrors.reason(e));
        }
        console.err().println(line);
        console.err().println("error: cannot write the log " + log + ": " + IoErrors.reason(e));
        console.err().flush();
      }
    };
  }
}
