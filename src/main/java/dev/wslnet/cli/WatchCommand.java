package dev.wslnet.cli;

import dev.wslnet.host.Host;
import dev.wslnet.host.IoErrors;
import dev.wslnet.log.RotatingLog;
import dev.wslnet.watch.StopSignal;
import dev.wslnet.watch.Watcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  private final Console console;

  WatchCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    boolean color = console.color(parent.noColor());
    DesiredStates.read(file, console, false, color);
    Host host = Hosts.select(hostOption.host, console, false);
    Duration every =
        interval != null
            ? interval
            : host.wslHere().isPresent() ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
    Watcher watcher =
        new Watcher(
            host,
            file,
            () -> DesiredStates.read(file, console, false, color).state().orElseThrow(),
            every,
            MAX_WAIT,
            Clock.systemUTC(),
            events());
    runUntilSignalled(watcher);
    return ExitCode.OK.code();
  }

  /**
   * Runs the watch; SIGINT or SIGTERM stop it between checks, or after the running one, and end the
   * process with exit 0 once the lock is released.
   */
  private void runUntilSignalled(Watcher watcher) {
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
      watcher.run(stop);
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // A signal came as the watch ended: the hook finishes the process.
      }
    }
  }

  /** Where events go: the log file, else stderr; a line the log file refuses goes to stderr. */
  private Consumer<String> events() {
    if (log == null) {
      return line -> {
        console.err().println(line);
        console.err().flush();
      };
    }
    RotatingLog file = new RotatingLog(log);
    return line -> {
      try {
        file.append(line);
      } catch (IOException e) {
        console.err().println(line);
        console.err().println("error: cannot write the log " + log + ": " + IoErrors.reason(e));
        console.err().flush();
      }
    };
  }
}
