package dev.wslnet.plan;

import dev.wslnet.hypervfirewall.HyperVFirewallKind;
import dev.wslnet.portproxy.PortProxyKind;
import dev.wslnet.resource.ResourceKind;
import dev.wslnet.scheduledtask.ScheduledTaskKind;
import dev.wslnet.windowsfirewall.WindowsFirewallKind;
import dev.wslnet.wslconfig.WslConfigKind;
import java.util.List;

/**
 * Every kind of thing wslnet manages, in the order a plan changes them: .wslconfig first (it takes
 * effect at the next WSL start), the firewalls before the forwards they let through.
 */
public final class Kinds {
  public static final List<ResourceKind> ALL =
      List.of(
          new WslConfigKind(),
          new HyperVFirewallKind(),
          new PortProxyKind(),
          new WindowsFirewallKind(),
          new ScheduledTaskKind());

  private Kinds() {}
}
