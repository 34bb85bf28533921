package dev.wslnet.testing;

import dev.wslnet.host.Applied;
import dev.wslnet.host.Host;
import dev.wslnet.host.HostLock;
import dev.wslnet.host.WslReadings;
import dev.wslnet.model.ObservedState;
import dev.wslnet.operation.Operation;
import java.util.List;
import java.util.Optional;

/**
 * A host that does what another does: a test overrides the one thing it changes (its name, what it
 * observes, what it does when an observation starts) and keeps the rest real.
 */
public class DelegatingHost implements Host {
  private final Host host;

  public DelegatingHost(Host host) {
    this.host = host;
  }

  @Override
  public String name() {
    return host.name();
  }

  @Override
  public ObservedState observe(Optional<String> managedGroup) {
    return host.observe(managedGroup);
  }

  @Override
  public PendingObservation startObserving() {
    return host.startObserving();
  }

  @Override
  public Applied apply(List<Operation> operations, Optional<String> managedGroup) {
    return host.apply(operations, managedGroup);
  }

  @Override
  public void writeWslConfig(byte[] content) {
    host.writeWslConfig(content);
  }

  @Override
  public HostLock lock() {
    return host.lock();
  }

  @Override
  public Optional<WslReadings> wslHere() {
    return host.wslHere();
  }

  @Override
  public boolean canRestartWsl() {
    return host.canRestartWsl();
  }
}
