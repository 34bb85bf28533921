package dev.wslnet.host.sim;

import dev.wslnet.host.Operation;
import dev.wslnet.host.OperationResult;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallFields;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.HostFacts;
import dev.wslnet.model.PortProxyEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Windows does with each operation, on a simulated machine: portproxy entries keyed like their registry
 * values, rules unique by name, Windows' own error texts. A pure function of the machine and the operations.
 */
final class SimWindows {
  static final String NOT_ELEVATED = "The requested operation requires elevation (Run as administrator).";
  static final String NO_HYPER_V_CMDLETS = "The term 'New-NetFirewallHyperVRule' is not recognized as the name of a "
      + "cmdlet, function, script file, or operable program.";

  /** The field that holds a Windows firewall rule's group in host.json. */
  static final String GROUP = "group";

  /** The machine after the operations, and each operation's result. */
  record Outcome(SimMachine machine, List<OperationResult> results) {}

  private SimWindows() {}

  /**
   * @param networkingModeInFile the networking mode .wslconfig sets, which {@code wsl --shutdown} makes the running
   *     one
   */
  static Outcome run(SimMachine machine, List<Operation> operations, String networkingModeInFile) {
    SimMachine current = machine;
    List<OperationResult> results = new ArrayList<>();
    for (Operation operation : operations) {
      Optional<String> failure = failure(current, operation);
      if (failure.isPresent()) {
        results.add(OperationResult.failed(operation, failure.get()));
        continue;
      }
      current = apply(current, operation, networkingModeInFile);
      results.add(OperationResult.ok(operation));
    }
    return new Outcome(current, results);
  }

  private static Optional<String> failure(SimMachine machine, Operation operation) {
    Optional<String> fault = machine.faults().stream()
        .filter(f -> f.matches(operation.kind(), operation.target()))
        .map(SimMachine.Fault::message)
        .findFirst();
    if (fault.isPresent()) {
      return fault;
    }
    if (operation instanceof Operation.WslShutdown) {
      return Optional.empty();
    }
    if (!machine.facts().elevated()) {
      return Optional.of(NOT_ELEVATED);
    }
    boolean hyperV = operation instanceof Operation.HyperVRuleEnsure || operation instanceof Operation.HyperVRuleRemove
        || operation instanceof Operation.HyperVSettingsSet;
    return hyperV && !machine.facts().hyperVFirewallAvailable() ? Optional.of(NO_HYPER_V_CMDLETS) : Optional.empty();
  }

  private static SimMachine apply(SimMachine machine, Operation operation, String networkingModeInFile) {
    if (operation instanceof Operation.PortProxySet set) {
      List<PortProxyEntry> entries = new ArrayList<>(machine.portProxy());
      entries.removeIf(e -> e.identity().equals(set.entry().identity()));
      entries.add(set.entry());
      return with(machine, entries, machine.hyperVSettings(), machine.hyperVRules(), machine.windowsRules());
    }
    if (operation instanceof Operation.PortProxyDelete delete) {
      List<PortProxyEntry> entries = new ArrayList<>(machine.portProxy());
      String identity = new PortProxyEntry(delete.type(), delete.listenAddress(), delete.listenPort(), "", 0).identity();
      entries.removeIf(e -> e.identity().equals(identity));
      return with(machine, entries, machine.hyperVSettings(), machine.hyperVRules(), machine.windowsRules());
    }
    if (operation instanceof Operation.HyperVSettingsSet set) {
      Map<String, FieldValue> settings = new HashMap<>(machine.hyperVSettings());
      settings.putAll(set.settings());
      return with(machine, machine.portProxy(), settings, machine.hyperVRules(), machine.windowsRules());
    }
    if (operation instanceof Operation.HyperVRuleEnsure ensure) {
      return with(machine, machine.portProxy(), machine.hyperVSettings(),
          ensure(machine.hyperVRules(), ensure.rule()), machine.windowsRules());
    }
    if (operation instanceof Operation.HyperVRuleRemove remove) {
      return with(machine, machine.portProxy(), machine.hyperVSettings(),
          remove(machine.hyperVRules(), remove.name()), machine.windowsRules());
    }
    if (operation instanceof Operation.FirewallRuleEnsure ensure) {
      FirewallRule grouped = ensure.rule().with(GROUP, new FieldValue.Text(ensure.group()));
      return with(machine, machine.portProxy(), machine.hyperVSettings(), machine.hyperVRules(),
          ensure(machine.windowsRules(), grouped));
    }
    if (operation instanceof Operation.FirewallRuleRemove remove) {
      List<FirewallRule> rules = machine.windowsRules().stream()
          .filter(rule -> !(inGroup(rule, remove.group()) && rule.name().equalsIgnoreCase(remove.name())))
          .toList();
      return with(machine, machine.portProxy(), machine.hyperVSettings(), machine.hyperVRules(), rules);
    }
    return shutdown(machine, networkingModeInFile);
  }

  /** New-…Rule when no rule has the name, else Set-…Rule of the given fields. */
  private static List<FirewallRule> ensure(List<FirewallRule> rules, FirewallRule wanted) {
    List<FirewallRule> result = new ArrayList<>();
    boolean found = false;
    for (FirewallRule rule : rules) {
      if (rule.name().equalsIgnoreCase(wanted.name())) {
        result.add(merge(rule, wanted));
        found = true;
      } else {
        result.add(rule);
      }
    }
    if (!found) {
      result.add(FirewallFields.withDefaults(wanted));
    }
    return result;
  }

  private static List<FirewallRule> remove(List<FirewallRule> rules, String name) {
    return rules.stream().filter(rule -> !rule.name().equalsIgnoreCase(name)).toList();
  }

  static boolean inGroup(FirewallRule rule, String group) {
    return rule.field(GROUP).filter(value -> value.sameAs(new FieldValue.Text(group))).isPresent();
  }

  private static FirewallRule merge(FirewallRule existing, FirewallRule wanted) {
    FirewallRule merged = existing;
    for (Map.Entry<String, FieldValue> field : wanted.fields().entrySet()) {
      merged = merged.with(field.getKey(), field.getValue());
    }
    return merged;
  }

  /** wsl --shutdown: the running mode becomes the file's, and the VM may come back with a new address. */
  private static SimMachine shutdown(SimMachine machine, String networkingModeInFile) {
    HostFacts facts = machine.facts();
    List<String> next = new ArrayList<>(machine.nextWslAddresses());
    Optional<String> address = next.isEmpty() ? facts.wslAddress() : Optional.of(next.remove(0));
    HostFacts restarted = new HostFacts(facts.host(), facts.windowsBuild(), facts.wslVersion(), facts.elevated(),
        address, facts.hostAddress(), Optional.of(networkingModeInFile.toLowerCase(Locale.ROOT)),
        facts.hyperVFirewallAvailable(), facts.ipHelperRunning());
    return new SimMachine(restarted, machine.portProxy(), machine.hyperVSettings(), machine.hyperVRules(),
        machine.windowsRules(), next, machine.faults());
  }

  private static SimMachine with(SimMachine machine, List<PortProxyEntry> portProxy, Map<String, FieldValue> settings,
      List<FirewallRule> hyperVRules, List<FirewallRule> windowsRules) {
    return new SimMachine(machine.facts(), portProxy, settings, hyperVRules, windowsRules, machine.nextWslAddresses(),
        machine.faults());
  }
}
