package dev.wslnet.apply;

import dev.wslnet.host.Operation;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.plan.Change;
import dev.wslnet.plan.Resource;
import java.util.List;

/** netsh portproxy: set adds or overwrites; a replace deletes the entry of the old type first. */
final class PortProxyExecutor implements Executor {
  @Override
  public List<Operation> operations(Change change) {
    PortProxyEntry after = change.after().map(r -> ((Resource.PortProxy) r).entry()).orElse(null);
    PortProxyEntry before = change.before().map(r -> ((Resource.PortProxy) r).entry()).orElse(null);
    return switch (change.action()) {
      case CREATE, UPDATE -> List.of(new Operation.PortProxySet(after));
      case DELETE -> List.of(delete(before));
      case REPLACE -> List.of(delete(before), new Operation.PortProxySet(after));
    };
  }

  private static Operation delete(PortProxyEntry entry) {
    return Operation.PortProxyDelete.of(entry);
  }
}
