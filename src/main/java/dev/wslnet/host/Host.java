package dev.wslnet.host;

import dev.wslnet.model.ObservedState;
import dev.wslnet.operation.Operation;
import java.util.List;
import java.util.Optional;

/**
 * The one boundary between wslnet and a machine. Everything above it (planning, effects, result
 * handling) is the same for every host; a host only observes, runs operations, and writes
 * .wslconfig.
 */
public interface Host {

  /** How the user named this host: {@code sim:DIR}, {@code local}, {@code wsl}. */
  String name();

  /**
   * Everything wslnet manages, in one round trip; {@code managedGroup} scopes the Windows firewall
   * rules read.
   */
  ObservedState observe(Optional<String> managedGroup);

  /**
   * Starts an observation before its scope is known: on Windows, the PowerShell process that will
   * observe starts now, and its start-up passes while wslnet reads the file that names the group
   * (see {@link dev.wslnet.host.powershell.ProcessRunner#start}). Nothing is read from the host
   * until {@link PendingObservation#observe}.
   */
  PendingObservation startObserving();

  /** An observation that has started and waits for its scope. */
  interface PendingObservation extends AutoCloseable {

    /** Observes, as {@link Host#observe} does; at most once. */
    ObservedState observe(Optional<String> managedGroup);

    /** Stops what was started for an observation that will not be made. */
    @Override
    void close();
  }

  /**
   * Runs the operations in order, each to its own result (a failure does not stop the rest), then
   * observes the host again: all in one round trip.
   */
  Applied apply(List<Operation> operations, Optional<String> managedGroup);

  /** Replaces .wslconfig atomically, keeping the previous file as a backup. */
  void writeWslConfig(byte[] content);

  /** Takes the host's apply lock: one apply at a time per host, held from observing to applying. */
  HostLock lock();

  /**
   * The running WSL VM's address and networking mode as this side reads them without asking Windows
   * (inside a WSL distro: its own interface, and wslinfo for the mode: milliseconds, no
   * PowerShell); empty where only an observation tells.
   */
  Optional<WslReadings> wslHere();

  /**
   * Whether {@code wsl --shutdown} can run here: not from inside WSL, where it would stop wslnet
   * itself.
   */
  boolean canRestartWsl();
}
