package dev.wslnet.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.host.Host;
import dev.wslnet.host.HostLock;
import dev.wslnet.host.WslReadings;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.sim.SimHost;
import dev.wslnet.sim.SimProcessRunner;
import dev.wslnet.testing.DelegatingHost;
import dev.wslnet.testing.SimDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The watch loop against a simulated host: the test plays the passing time, so that each wait is
 * one interval and the machine changes between them as a WSL restart would change it.
 */
class WatcherTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
  private static final String FILE =
      """
      version: 1
      portProxy:
        rules:
          - {listenAddress: 0.0.0.0, listenPort: 3000, connectAddress: $wsl}
      """;

  @TempDir Path temp;

  /** Counts the waits, runs the test's step before each, and stops after the last. */
  private static final class Script extends StopSignal {
    final List<Duration> waits = new ArrayList<>();
    private final int last;
    private final IntConsumer step;

    Script(int waits, IntConsumer step) {
      this.last = waits;
      this.step = step;
    }

    @Override
    public boolean await(Duration time) {
      waits.add(time);
      if (waits.size() >= last) {
        stop();
        return true;
      }
      step.accept(waits.size());
      return false;
    }
  }

  private static DesiredState desired(String yaml) {
    return new DesiredStateValidator()
        .read("wslnet.yaml", yaml.getBytes(StandardCharsets.UTF_8))
        .state()
        .orElseThrow();
  }

  private static String connectAddress(SimDir sim) throws Exception {
    JsonNode host = JsonMapper.builder().build().readTree(Files.readString(sim.hostJson()));
    return host.path("portProxy").path(0).path("connectAddress").asString("(no forward)");
  }

  private static void moveVm(SimDir sim, String address) {
    sim.edit(root -> root.withObject("facts").put("wslAddress", address));
  }

  /** A user who is not elevated, and a task whose program does nothing, with these arguments. */
  private static void notElevatedWithTask(SimDir sim, String arguments) {
    sim.edit(
        root -> {
          root.withObject("facts").put("elevated", false);
          root.putObject("scheduledTask")
              .put("execute", "/bin/true")
              .put("arguments", arguments)
              .put("everyMinutes", 15);
        });
  }

  private Watcher watcher(Host host, Supplier<DesiredState> desired, List<String> log) {
    return new Watcher(
        host, Path.of("wslnet.yaml"), desired, INTERVAL, Duration.ofMinutes(5), CLOCK, log::add);
  }

  @Test
  void followsTwoAddressChangesAndConvergesWithinThreeIntervalsEach() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    List<String> connectAddresses = new ArrayList<>();
    List<String> log = new ArrayList<>();
    Script script =
        new Script(
            9,
            wait -> {
              try {
                connectAddresses.add(connectAddress(sim));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              if (wait == 2) {
                moveVm(sim, "172.30.101.7");
              }
              if (wait == 5) {
                moveVm(sim, "172.30.104.12");
              }
            });

    watcher(SimHost.create(sim.path(), false), () -> desired(FILE), log).run(script);

    // Each check is one wait apart: the forward follows at the first check after each move.
    assertThat(connectAddresses)
        .containsExactly(
            "172.30.98.229",
            "172.30.98.229",
            "172.30.101.7",
            "172.30.101.7",
            "172.30.101.7",
            "172.30.104.12",
            "172.30.104.12",
            "172.30.104.12");
    assertThat(script.waits).containsOnly(INTERVAL);
    assertThat(log)
        .containsExactly(
            "2026-12-05T10:00:00Z watching wslnet.yaml on sim:"
                + sim.path()
                + ": observes the host every 30s",
            "2026-12-05T10:00:00Z applied 1 change (+ portProxy[v4tov4 0.0.0.0:3000]): ok",
            "2026-12-05T10:00:00Z WSL VM address 172.30.98.229 -> 172.30.101.7",
            "2026-12-05T10:00:00Z applied 1 change (~ portProxy[v4tov4 0.0.0.0:3000]): ok",
            "2026-12-05T10:00:00Z WSL VM address 172.30.101.7 -> 172.30.104.12",
            "2026-12-05T10:00:00Z applied 1 change (~ portProxy[v4tov4 0.0.0.0:3000]): ok",
            "2026-12-05T10:00:00Z stopped");
  }

  /** A quiet check is one PowerShell process, as a plan is; one that applies takes one more. */
  @Test
  void eachCheckCostsOnePowerShellProcessAndAnApplyOneMore() {
    SimDir sim = SimDir.fresh(temp);
    SimProcessRunner runner = new SimProcessRunner(sim.path(), sim.spec());
    List<Integer> processesPerWait = new ArrayList<>();
    Script script =
        new Script(
            5,
            wait -> {
              processesPerWait.add(runner.invocations().size());
              if (wait == 2) {
                moveVm(sim, "172.30.101.7");
              }
            });

    watcher(SimHost.create(sim.path(), runner), () -> desired(FILE), new ArrayList<>()).run(script);

    // Applies at first (2), quiet (1), follows the move (2), quiet (1).
    assertThat(processesPerWait).containsExactly(2, 3, 5, 6);
  }

  @Test
  void failuresBackOffExponentiallyUpToFiveMinutesAndRecover() throws Exception {
    SimDir sim = SimDir.fresh(temp).fault("portProxy.set", null, "The parameter is incorrect.");
    List<String> log = new ArrayList<>();
    Script script =
        new Script(
            10,
            wait -> {
              if (wait == 7) {
                sim.clearFaults();
              }
            });

    watcher(SimHost.create(sim.path(), false), () -> desired(FILE), log).run(script);

    assertThat(script.waits)
        .containsExactly(
            Duration.ofSeconds(60),
            Duration.ofSeconds(120),
            Duration.ofSeconds(240),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            INTERVAL,
            INTERVAL,
            INTERVAL);
    assertThat(log)
        .contains(
            "2026-12-05T10:00:00Z 1 of 1 change (+ portProxy[v4tov4 0.0.0.0:3000]) failed;"
                + " portProxy[v4tov4 0.0.0.0:3000]: The parameter is incorrect.",
            "2026-12-05T10:00:00Z next try in 1m",
            "2026-12-05T10:00:00Z next try in 5m");
    assertThat(connectAddress(sim)).isEqualTo("172.30.98.229");
  }

  @Test
  void aHostThatCannotBeObservedNeverEndsTheWatch() {
    SimDir sim = SimDir.fresh(temp).fault("powershell", "observe", "powershell.exe is blocked.");
    List<String> log = new ArrayList<>();
    Script script = new Script(4, wait -> {});

    watcher(SimHost.create(sim.path(), false), () -> desired(FILE), log).run(script);

    assertThat(script.waits).hasSize(4);
    assertThat(log).anyMatch(line -> line.contains("failed:") && line.contains("blocked"));
    assertThat(log).last().asString().endsWith(" stopped");
  }

  @Test
  void changesThatNeedAnAdministratorAreNotTriedWithoutOne() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    sim.edit(root -> root.withObject("facts").put("elevated", false));
    String before = sim.snapshot();
    List<String> log = new ArrayList<>();

    watcher(SimHost.create(sim.path(), false), () -> desired(FILE), log)
        .run(new Script(2, w -> {}));

    assertThat(sim.snapshot()).isEqualTo(before);
    assertThat(log.get(1))
        .isEqualTo(
            "2026-12-05T10:00:00Z 1 change needs an administrator, and this watch is not"
                + " elevated: + portProxy[v4tov4 0.0.0.0:3000]. Run it from an elevated terminal,"
                + " or install the scheduled task (wslnet schedule install), which the watch then"
                + " starts");
  }

  /**
   * Not elevated, with the scheduled task installed: the watch starts it rather than failing. The
   * task here runs a program that does nothing, so the host still differs at the next check, which
   * starts it again after a longer wait.
   */
  @Test
  void withoutAnAdministratorTheWatchStartsTheScheduledTask() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    notElevatedWithTask(sim, "apply --auto-approve -f wslnet.yaml");
    List<String> log = new ArrayList<>();
    Script script = new Script(3, w -> {});

    watcher(SimHost.create(sim.path(), false), () -> desired(FILE), log).run(script);

    assertThat(log)
        .contains(
            "2026-12-05T10:00:00Z 1 change needs an administrator, and this watch is not"
                + " elevated: + portProxy[v4tov4 0.0.0.0:3000]. Starting the scheduled task"
                + " \\wslnet\\converge, which applies as one");
    assertThat(script.waits)
        .containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240));
    JsonNode task =
        JsonMapper.builder()
            .build()
            .readTree(Files.readString(sim.hostJson()))
            .path("scheduledTask");
    assertThat(task.path("lastTaskResult").asLong()).isZero();
    assertThat(task.path("lastRunTime").isString()).isTrue();
  }

  @Test
  void anInvalidFileEndsTheWatchWithTheLockReleased() {
    SimDir sim = SimDir.fresh(temp);
    Host host = SimHost.create(sim.path(), false);
    AtomicReference<Integer> reads = new AtomicReference<>(0);
    Supplier<DesiredState> desired =
        () -> {
          reads.set(reads.get() + 1);
          if (reads.get() > 1) {
            throw new IllegalStateException("the file became invalid");
          }
          return desired(FILE);
        };

    assertThatThrownBy(() -> watcher(host, desired, new ArrayList<>()).run(new Script(5, w -> {})))
        .hasMessage("the file became invalid");
    host.lock().close();
  }

  /**
   * Inside WSL the VM's address is read every interval for free, and the host is checked only when
   * it changed: here the observation would tell another address, which only a check reads.
   */
  @Test
  void insideWslTheHostIsCheckedOnlyWhenTheDistrosOwnAddressChanges() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    Host simulated = SimHost.create(sim.path(), false);
    AtomicReference<String> distroAddress = new AtomicReference<>("172.30.98.229");
    List<String> observations = new ArrayList<>();
    Host insideWsl =
        new DelegatingHost(simulated) {
          @Override
          public String name() {
            return "wsl";
          }

          @Override
          public ObservedState observe(Optional<String> group) {
            observations.add(distroAddress.get());
            return super.observe(group);
          }

          @Override
          public Optional<WslReadings> wslHere() {
            return Optional.of(
                new WslReadings(
                    Optional.of(distroAddress.get()), Optional.empty(), Optional.of("nat")));
          }

          @Override
          public boolean canRestartWsl() {
            return false;
          }
        };
    List<String> log = new ArrayList<>();
    Script script =
        new Script(
            6,
            wait -> {
              if (wait == 3) {
                distroAddress.set("172.30.101.7");
                moveVm(sim, "172.30.101.7");
              }
            });

    watcher(insideWsl, () -> desired(FILE), log).run(script);

    assertThat(observations).containsExactly("172.30.98.229", "172.30.101.7");
    assertThat(connectAddress(sim)).isEqualTo("172.30.101.7");
    assertThat(log)
        .contains(
            "2026-12-05T10:00:00Z WSL VM address 172.30.98.229 -> 172.30.101.7",
            "2026-12-05T10:00:00Z applied 1 change (~ portProxy[v4tov4 0.0.0.0:3000]): ok");
  }

  @Test
  void backoffDoublesFromTheIntervalAndStopsAtItsCap() {
    Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));
    assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(256));
    assertThat(backoff.after(8)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    Backoff hourly = new Backoff(Duration.ofHours(1), Duration.ofMinutes(5));
    assertThat(hourly.after(0)).isEqualTo(Duration.ofHours(1));
    assertThat(hourly.after(3)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aTaskThatAppliesAnotherFileIsNotStarted() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    notElevatedWithTask(sim, "apply -f /elsewhere/other.yaml");
    List<String> log = new ArrayList<>();

    watcher(SimHost.create(sim.path(), false), () -> desired(FILE), log)
        .run(new Script(2, w -> {}));

    assertThat(log.get(1))
        .contains(
            "the scheduled task \\wslnet\\converge applies /elsewhere/other.yaml, not wslnet.yaml")
        .contains("wslnet schedule install -f wslnet.yaml");
    JsonNode task =
        JsonMapper.builder()
            .build()
            .readTree(Files.readString(sim.hostJson()))
            .path("scheduledTask");
    assertThat(task.has("lastRunTime")).isFalse();
  }

  /** Another apply holds the lock: no failure, no longer wait, the same check next interval. */
  @Test
  void aBusyHostIsCheckedAgainAfterTheInterval() {
    SimDir sim = SimDir.fresh(temp);
    Host host = SimHost.create(sim.path(), false);
    List<String> log = new ArrayList<>();
    HostLock[] held = {host.lock()};
    Script script =
        new Script(
            3,
            wait -> {
              if (wait == 1) {
                held[0].close();
              }
            });

    watcher(host, () -> desired(FILE), log).run(script);

    assertThat(script.waits).containsOnly(INTERVAL);
    assertThat(log.get(1)).contains("another wslnet apply is running");
    assertThat(log.get(2)).contains("applied 1 change");
  }
}
