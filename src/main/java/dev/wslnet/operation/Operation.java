package dev.wslnet.operation;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import java.util.Map;
import java.util.Objects;

/**
 * One thing Windows is asked to do, as data. Every operation is idempotent, "ensure present with
 * these fields" or "ensure absent", so that a rerun after a partial failure converges. A host runs
 * a whole list of them in one round trip.
 */
public sealed interface Operation
    permits Operation.PortProxySet,
        Operation.PortProxyDelete,
        Operation.HyperVSettingsSet,
        Operation.HyperVRuleEnsure,
        Operation.HyperVRuleRemove,
        Operation.FirewallRuleEnsure,
        Operation.FirewallRuleRemove,
        Operation.WslShutdown {

  /** {@code portProxy.set}, {@code hyperVRule.remove}, …: what a fault in host.json names. */
  String kind();

  /**
   * What the operation is about, for results and faults: {@code v4tov4 0.0.0.0:4000}, a rule name.
   */
  String target();

  /**
   * Calls the visitor's method for this operation: each host and the simulator handle every kind of
   * operation, and a new kind does not compile until they do.
   */
  <T> T accept(Visitor<T> visitor);

  /** What to do with each kind of operation. */
  interface Visitor<T> {
    T portProxySet(PortProxySet operation);

    T portProxyDelete(PortProxyDelete operation);

    T hyperVSettingsSet(HyperVSettingsSet operation);

    T hyperVRuleEnsure(HyperVRuleEnsure operation);

    T hyperVRuleRemove(HyperVRuleRemove operation);

    T firewallRuleEnsure(FirewallRuleEnsure operation);

    T firewallRuleRemove(FirewallRuleRemove operation);

    T wslShutdown(WslShutdown operation);
  }

  /** Whether Windows needs an administrator for it; --elevate runs only those elevated. */
  default boolean needsElevation() {
    return true;
  }

  /**
   * netsh interface portproxy set: adds the entry, or overwrites the one on the same listen address
   * and port.
   */
  record PortProxySet(PortProxyEntry entry) implements Operation {
    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.portProxySet(this);
    }

    public PortProxySet {
      Objects.requireNonNull(entry, "entry");
    }

    @Override
    public String kind() {
      return "portProxy.set";
    }

    @Override
    public String target() {
      return entry.type().netshName() + " " + entry.listenEndpoint();
    }
  }

  /**
   * netsh interface portproxy delete; an entry that is already gone is no failure. The port is
   * text, as netsh takes it: a number, or the service name of a value wslnet could not read.
   */
  record PortProxyDelete(PortProxyType type, String listenAddress, String listenPort)
      implements Operation {
    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.portProxyDelete(this);
    }

    public static PortProxyDelete of(PortProxyEntry entry) {
      return new PortProxyDelete(
          entry.type(), entry.listenAddress(), Integer.toString(entry.listenPort()));
    }

    /** The registry value name netsh keeps the entry under: {@code listenaddress/listenport}. */
    public String valueName() {
      return listenAddress + "/" + listenPort;
    }

    @Override
    public String kind() {
      return "portProxy.delete";
    }

    @Override
    public String target() {
      String endpoint = listenAddress.contains(":") ? "[" + listenAddress + "]" : listenAddress;
      return type.netshName() + " " + endpoint + ":" + listenPort;
    }
  }

  /** Set-NetFirewallHyperVVMSetting for WSL's VM creator, with the given settings only. */
  record HyperVSettingsSet(Map<String, FieldValue> settings) implements Operation {
    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.hyperVSettingsSet(this);
    }

    public HyperVSettingsSet {
      settings = Map.copyOf(settings);
    }

    @Override
    public String kind() {
      return "hyperVSettings.set";
    }

    @Override
    public String target() {
      return "WSL";
    }
  }

  /**
   * New-NetFirewallHyperVRule, or Set-NetFirewallHyperVRule with the given fields when the rule
   * exists.
   */
  record HyperVRuleEnsure(FirewallRule rule) implements Operation {
    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.hyperVRuleEnsure(this);
    }

    @Override
    public String kind() {
      return "hyperVRule.ensure";
    }

    @Override
    public String target() {
      return rule.name();
    }
  }

  /** Remove-NetFirewallHyperVRule; a rule that is already gone is no failure. */
  record HyperVRuleRemove(String name) implements Operation {
    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.hyperVRuleRemove(this);
    }

    @Override
    public String kind() {
      return "hyperVRule.remove";
    }

    @Override
    public String target() {
      return name;
    }
  }

  /**
   * New-NetFirewallRule -Group, or Set-NetFirewallRule with the given fields when the rule exists.
   */
  record FirewallRuleEnsure(String group, FirewallRule rule) implements Operation {
    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.firewallRuleEnsure(this);
    }

    @Override
    public String kind() {
      return "firewallRule.ensure";
    }

    @Override
    public String target() {
      return rule.name();
    }
  }

  /**
   * Remove-NetFirewallRule of a rule of the managed group; a rule that is already gone is no
   * failure.
   */
  record FirewallRuleRemove(String group, String name) implements Operation {
    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.firewallRuleRemove(this);
    }

    @Override
    public String kind() {
      return "firewallRule.remove";
    }

    @Override
    public String target() {
      return name;
    }
  }

  /** wsl.exe --shutdown: WSL reads .wslconfig again when it next starts. */
  record WslShutdown() implements Operation {
    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.wslShutdown(this);
    }

    /**
     * wsl --shutdown stops the caller's own WSL and needs no administrator; run elevated, it could
     * stop another account's WSL and cost a second UAC prompt.
     */
    @Override
    public boolean needsElevation() {
      return false;
    }

    @Override
    public String kind() {
      return "wsl.shutdown";
    }

    @Override
    public String target() {
      return "WSL";
    }
  }
}
