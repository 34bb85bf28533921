package dev.wslnet.apply;

import dev.wslnet.host.Operation;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.plan.Action;
import dev.wslnet.plan.Change;
import dev.wslnet.plan.Resource;
import java.util.List;

/**
 * A portproxy value wslnet cannot read goes with netsh's delete, which takes a service name for the
 * port; the planner deletes only values whose name has an address and a port.
 */
final class PortProxyValueExecutor implements Executor {
  @Override
  public List<Operation> operations(Change change) {
    if (change.action() != Action.DELETE) {
      throw new IllegalStateException("only a delete can change " + change.address());
    }
    UnreadableForward forward =
        change.before().map(r -> ((Resource.PortProxyValue) r).forward()).orElseThrow();
    String[] listen =
        forward
            .listen()
            .orElseThrow(() -> new IllegalStateException(change.address() + " has no port"));
    return List.of(new Operation.PortProxyDelete(forward.type(), listen[0], listen[1]));
  }
}
