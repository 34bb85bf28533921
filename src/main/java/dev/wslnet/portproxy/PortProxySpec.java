package dev.wslnet.portproxy;

import dev.wslnet.model.PortProxyRule;
import java.util.List;

/** The portProxy section of a desired-state file: the forwards, and whether others go. */
public record PortProxySpec(boolean prune, List<PortProxyRule> rules) {
  public PortProxySpec {
    rules = List.copyOf(rules);
  }
}
