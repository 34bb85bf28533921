package dev.wslnet.operation;

import tools.jackson.databind.node.ObjectNode;

/**
 * One thing Windows is asked to do, as data. Every operation is idempotent, "ensure present with
 * these fields" or "ensure absent", so that a rerun after a partial failure converges. A host runs
 * a whole list of them in one round trip. Each kind of resource defines its own operations; the
 * script and the simulator carry them out by {@link #kind()}.
 */
public interface Operation {

  /** {@code portProxy.set}, {@code hyperVRule.remove}, …: how the script and a fault name it. */
  String kind();

  /**
   * What the operation is about, for results and faults: {@code v4tov4 0.0.0.0:4000}, a rule name.
   */
  String target();

  /** The operation's fields as the script reads them, beside its kind. */
  ObjectNode arguments();

  /** Whether Windows needs an administrator for it; --elevate runs only those elevated. */
  default boolean needsElevation() {
    return true;
  }
}
