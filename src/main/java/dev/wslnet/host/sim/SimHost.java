package dev.wslnet.host.sim;

import dev.wslnet.host.AtomicFiles;
import dev.wslnet.host.Host;
import dev.wslnet.host.HostBusyException;
import dev.wslnet.host.HostException;
import dev.wslnet.host.HostLock;
import dev.wslnet.host.Operation;
import dev.wslnet.host.OperationResult;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.wslconfig.WslConfigParser;
import dev.wslnet.wslconfig.WslConfigText;
import dev.wslnet.wslconfig.WslValues;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A simulated Windows host kept in a directory: {@code DIR/.wslconfig}, a real file, and {@code DIR/host.json},
 * the facts and every other resource. A missing directory becomes a fresh machine. Only the last step, what
 * Windows itself would do, is simulated; planning, executors and result handling are those of every host.
 */
public final class SimHost implements Host {
  public static final String PREFIX = "sim:";

  private final Path directory;
  private final String name;

  public SimHost(Path directory) {
    this.directory = directory;
    this.name = PREFIX + directory;
  }

  @Override
  public String name() {
    return name;
  }

  private Path hostJson() {
    return directory.resolve("host.json");
  }

  private Path wslconfig() {
    return directory.resolve(".wslconfig");
  }

  private SimMachine load() {
    try {
      if (!Files.exists(hostJson())) {
        Files.createDirectories(directory);
        save(SimMachineJson.fresh(name));
      }
      return SimMachineJson.read(name, Files.readString(hostJson(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new HostException("cannot read the simulated host " + hostJson() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new HostException("the simulated host " + hostJson() + " is not valid: " + e.getMessage(), e);
    }
  }

  private void save(SimMachine machine) {
    try {
      AtomicFiles.replace(hostJson(), SimMachineJson.write(machine).getBytes(StandardCharsets.UTF_8), null);
    } catch (IOException e) {
      throw new HostException("cannot write the simulated host " + hostJson() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ObservedState observe(Optional<String> managedGroup) {
    SimMachine machine = load();
    Optional<byte[]> wslconfig;
    try {
      wslconfig = Files.exists(wslconfig()) ? Optional.of(Files.readAllBytes(wslconfig())) : Optional.empty();
    } catch (IOException e) {
      throw new HostException("cannot read " + wslconfig() + ": " + e.getMessage(), e);
    }
    List<FirewallRule> windowsRules = managedGroup
        .map(group -> machine.windowsRules().stream()
            .filter(rule -> SimWindows.inGroup(rule, group))
            .map(SimHost::withoutGroup)
            .toList())
        .orElse(List.of());
    return new ObservedState(machine.facts(), wslconfig().toString(), wslconfig, machine.portProxy(),
        machine.hyperVSettings(), machine.hyperVRules(), windowsRules);
  }

  private static FirewallRule withoutGroup(FirewallRule rule) {
    java.util.Map<String, FieldValue> fields = new java.util.TreeMap<>(rule.fields());
    fields.remove(SimWindows.GROUP);
    return new FirewallRule(rule.name(), fields);
  }

  @Override
  public List<OperationResult> run(List<Operation> operations) {
    SimMachine machine = load();
    SimWindows.Outcome outcome = SimWindows.run(machine, operations, networkingModeInFile());
    save(outcome.machine());
    return outcome.results();
  }

  /** The mode WSL would start in: the file's networkingMode if WSL accepts it, else nat. */
  private String networkingModeInFile() {
    try {
      byte[] bytes = Files.exists(wslconfig()) ? Files.readAllBytes(wslconfig()) : new byte[0];
      return WslConfigParser.parse(WslConfigText.decode(bytes)).value("wsl2.networkingmode")
          .flatMap(mode -> WslValues.canonical(dev.wslnet.model.WslValueType.NETWORKING_MODE, mode))
          .orElse("nat");
    } catch (IOException e) {
      throw new HostException("cannot read " + wslconfig() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void writeWslConfig(byte[] content) {
    Optional<String> fault = load().faults().stream()
        .filter(f -> f.matches("wslconfig.write", wslconfig().toString()))
        .map(SimMachine.Fault::message)
        .findFirst();
    if (fault.isPresent()) {
      throw new HostException("cannot write " + wslconfig() + ": " + fault.get());
    }
    try {
      AtomicFiles.replace(wslconfig(), content, directory.resolve(".wslconfig.wslnet-backup"));
    } catch (IOException e) {
      throw new HostException("cannot write " + wslconfig() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public HostLock lock() {
    Path lockFile = directory.resolve(".wslnet.lock");
    try {
      Files.createDirectories(directory);
      FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new HostBusyException("another wslnet apply is running on " + name + " (it holds " + lockFile + ")");
      }
      FileLock held = lock;
      return () -> {
        try {
          held.release();
          channel.close();
        } catch (IOException e) {
          throw new HostException("cannot release " + lockFile + ": " + e.getMessage(), e);
        }
      };
    } catch (IOException e) {
      throw new HostException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }
}
