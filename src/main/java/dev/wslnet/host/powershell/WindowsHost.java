package dev.wslnet.host.powershell;

import dev.wslnet.host.Applied;
import dev.wslnet.host.AtomicFiles;
import dev.wslnet.host.Host;
import dev.wslnet.host.HostBusyException;
import dev.wslnet.host.HostException;
import dev.wslnet.host.HostLock;
import dev.wslnet.host.IoErrors;
import dev.wslnet.host.OperationResult;
import dev.wslnet.host.WslReadings;
import dev.wslnet.model.ObservedState;
import dev.wslnet.operation.Operation;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Windows host reached through PowerShell: one process observes everything; one more carries out
 * every operation and observes again; whatever the number of rules. .wslconfig is written by Java
 * itself, atomically, between them.
 */
public final class WindowsHost implements Host {
  static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final WindowsSide side;
  private final ProcessRunner runner;
  private final boolean elevate;
  private volatile Path wslconfigPath;

  /**
   * @param elevate run operations in an elevated PowerShell, which makes Windows show its UAC
   *     prompt
   */
  public WindowsHost(String name, WindowsSide side, ProcessRunner runner, boolean elevate) {
    this.name = name;
    this.side = side;
    this.runner = runner;
    this.elevate = elevate;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean canRestartWsl() {
    return side.canRestartWsl();
  }

  @Override
  public Optional<WslReadings> wslHere() {
    return side.readingsHere();
  }

  private ObjectNode request(String mode, Optional<String> managedGroup) {
    ObjectNode request = NODES.objectNode();
    request.put("mode", mode);
    if (managedGroup.isPresent()) {
      request.put("group", managedGroup.get());
    } else {
      request.putNull("group");
    }
    request.put("wslQueries", side.readingsHere().isEmpty());
    return request;
  }

  @Override
  public ObservedState observe(Optional<String> managedGroup) {
    return read(call(request("observe", managedGroup), "observe " + name));
  }

  @Override
  public PendingObservation startObserving() {
    String what = "observe " + name;
    ProcessRunner.Started process;
    try {
      process = runner.start(PowerShell.command(side.powershell()));
    } catch (IOException e) {
      // Reported when the observation is asked for, after the desired-state file's problems.
      HostException cannotStart = cannotStart(what, e);
      return new PendingObservation() {
        @Override
        public ObservedState observe(Optional<String> managedGroup) {
          throw cannotStart;
        }

        @Override
        public void close() {}
      };
    }
    return new PendingObservation() {
      @Override
      public ObservedState observe(Optional<String> managedGroup) {
        byte[] stdin = PowerShell.stdin(request("observe", managedGroup));
        return read(call(() -> process.finish(stdin, TIMEOUT), what));
      }

      @Override
      public void close() {
        process.close();
      }
    };
  }

  private ObservedState read(JsonNode document) {
    String profile = document.path("userProfile").asString("");
    if (profile.isEmpty()) {
      throw new HostException("PowerShell did not report the user profile folder of " + name);
    }
    Path path = side.localPath(profile).resolve(".wslconfig");
    wslconfigPath = path;
    try {
      return Observation.read(name, document, path, side.readingsHere());
    } catch (IllegalArgumentException e) {
      throw new HostException(
          "PowerShell's observation of " + name + " is not what wslnet expects: " + e.getMessage(),
          e);
    }
  }

  @Override
  public Applied apply(List<Operation> operations, Optional<String> managedGroup) {
    ObjectNode request = request("apply", managedGroup);
    request.set("operations", OperationJson.encode(operations));
    ObjectNode sent = request;
    if (elevate && operations.stream().anyMatch(Operation::needsElevation)) {
      sent = NODES.objectNode();
      sent.put("mode", "apply");
      ObjectNode elevated = sent.putObject("elevate");
      elevated.put("script", PowerShell.base64(PowerShell.script()));
      elevated.put("request", PowerShell.base64(request.toString()));
    }
    JsonNode answer = call(sent, "apply changes on " + name);
    if (answer.path("refused").isString()) {
      throw HostException.refused(answer.path("refused").asString());
    }
    JsonNode results = answer.path("results");
    if (!results.isArray() || results.size() != operations.size()) {
      throw new HostException(
          "PowerShell returned "
              + results.size()
              + " results for "
              + operations.size()
              + " operations on "
              + name);
    }
    List<OperationResult> outcomes = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      JsonNode result = results.get(i);
      outcomes.add(
          result.path("ok").asBoolean(false)
              ? OperationResult.ok(operations.get(i))
              : OperationResult.failed(
                  operations.get(i), result.path("error").asString("failed, without a message")));
    }
    return new Applied(outcomes, read(answer.path("observation")));
  }

  private JsonNode call(JsonNode request, String what) {
    byte[] stdin = PowerShell.stdin(request);
    return call(() -> runner.run(PowerShell.command(side.powershell()), stdin, TIMEOUT), what);
  }

  /** A PowerShell process's run, as the runner gives it back. */
  private interface Run {
    ProcessResult result() throws IOException;
  }

  /** The script's result of one run, or a HostException that says what went wrong. */
  private JsonNode call(Run run, String what) {
    ProcessResult result;
    try {
      result = run.result();
    } catch (ProcessTimeoutException e) {
      throw new HostException(
          "PowerShell did not "
              + what
              + " within "
              + TIMEOUT.toMinutes()
              + " minutes and was "
              + "stopped. Is a UAC prompt waiting?",
          e);
    } catch (IOException e) {
      throw cannotStart(what, e);
    }
    return PowerShell.result(result, what);
  }

  private HostException cannotStart(String what, IOException e) {
    return new HostException(
        "cannot start "
            + side.powershell()
            + " to "
            + what
            + ": "
            + e.getMessage()
            + ". Inside WSL, Windows programs need interop: check [interop] in /etc/wsl.conf, and"
            + " keep WSL_INTEROP when using sudo (sudo --preserve-env=WSL_INTEROP)",
        e);
  }

  @Override
  public void writeWslConfig(byte[] content) {
    Path path = wslconfigPath;
    if (path == null) {
      throw new IllegalStateException("write .wslconfig before observing " + name);
    }
    try {
      AtomicFiles.replace(path, content, path.resolveSibling(".wslconfig.wslnet-backup"));
    } catch (IOException e) {
      throw new HostException("cannot write " + path + ": " + IoErrors.reason(e), e);
    }
  }

  @Override
  public HostLock lock() {
    Path lockFile = side.lockFile();
    try {
      Files.createDirectories(lockFile.toAbsolutePath().getParent());
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new HostBusyException(
            "another wslnet apply is running on " + name + " (it holds " + lockFile + ")");
      }
      FileLock held = lock;
      return () -> {
        try {
          held.release();
          channel.close();
        } catch (IOException e) {
          throw new HostException("cannot release " + lockFile + ": " + IoErrors.reason(e), e);
        }
      };
    } catch (IOException e) {
      throw new HostException("cannot lock " + lockFile + ": " + IoErrors.reason(e), e);
    }
  }
}
