package dev.wslnet.host.sim;

import dev.wslnet.host.Operation;
import dev.wslnet.host.OperationResult;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallFields;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.HostFacts;
import dev.wslnet.model.PortProxyEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Windows does with each operation, on a simulated machine: portproxy entries keyed like their
 * registry values, rules unique by name, Windows' own error texts. A pure function of the machine
 * and the operations, linear in their number.
 */
final class SimWindows {
  static final String NOT_ELEVATED =
      "The requested operation requires elevation (Run as administrator).";
  static final String NO_HYPER_V_CMDLETS =
      "The term 'New-NetFirewallHyperVRule' is not recognized as the name of a "
          + "cmdlet, function, script file, or operable program.";

  /** The field that holds a Windows firewall rule's group in host.json. */
  static final String GROUP = "group";

  /** The machine after the operations, and each operation's result. */
  record Outcome(SimMachine machine, List<OperationResult> results) {}

  private SimWindows() {}

  /**
   * @param networkingModeInFile the networking mode .wslconfig sets, which {@code wsl --shutdown}
   *     makes the running one
   */
  static Outcome run(SimMachine machine, List<Operation> operations, String networkingModeInFile) {
    Batch batch = new Batch(machine);
    List<OperationResult> results = new ArrayList<>();
    for (Operation operation : operations) {
      Optional<String> failure = failure(batch.facts, machine, operation);
      if (failure.isPresent()) {
        results.add(OperationResult.failed(operation, failure.get()));
      } else {
        batch.apply(operation, networkingModeInFile);
        results.add(OperationResult.ok(operation));
      }
    }
    return new Outcome(batch.machine(machine), results);
  }

  private static Optional<String> failure(
      HostFacts facts, SimMachine machine, Operation operation) {
    Optional<String> fault =
        machine.faults().stream()
            .filter(f -> f.matches(operation.kind(), operation.target()))
            .map(SimMachine.Fault::message)
            .findFirst();
    if (fault.isPresent() || operation instanceof Operation.WslShutdown) {
      return fault;
    }
    if (!facts.elevated()) {
      return Optional.of(NOT_ELEVATED);
    }
    boolean hyperV =
        operation instanceof Operation.HyperVRuleEnsure
            || operation instanceof Operation.HyperVRuleRemove
            || operation instanceof Operation.HyperVSettingsSet;
    return hyperV && !facts.hyperVFirewallAvailable()
        ? Optional.of(NO_HYPER_V_CMDLETS)
        : Optional.empty();
  }

  static boolean inGroup(FirewallRule rule, String group) {
    return rule.field(GROUP).filter(value -> value.sameAs(new FieldValue.Text(group))).isPresent();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The machine while a batch runs: maps by identity, so that each operation costs the same. */
  private static final class Batch {
    HostFacts facts;
    final Map<String, PortProxyEntry> portProxy = new LinkedHashMap<>();
    final Map<String, FieldValue> settings;
    final Map<String, FirewallRule> hyperVRules = new LinkedHashMap<>();
    final Map<String, FirewallRule> windowsRules = new LinkedHashMap<>();
    final List<String> nextWslAddresses;

    Batch(SimMachine machine) {
      facts = machine.facts();
      machine.portProxy().forEach(entry -> portProxy.put(entry.identity(), entry));
      settings = new LinkedHashMap<>(machine.hyperVSettings());
      machine.hyperVRules().forEach(rule -> hyperVRules.put(key(rule.name()), rule));
      machine.windowsRules().forEach(rule -> windowsRules.put(key(rule.name()), rule));
      nextWslAddresses = new ArrayList<>(machine.nextWslAddresses());
    }

    void apply(Operation operation, String networkingModeInFile) {
      if (operation instanceof Operation.PortProxySet set) {
        portProxy.remove(set.entry().identity());
        portProxy.put(set.entry().identity(), set.entry());
      } else if (operation instanceof Operation.PortProxyDelete delete) {
        portProxy.remove(
            new PortProxyEntry(delete.type(), delete.listenAddress(), delete.listenPort(), "", 0)
                .identity());
      } else if (operation instanceof Operation.HyperVSettingsSet set) {
        settings.putAll(set.settings());
      } else if (operation instanceof Operation.HyperVRuleEnsure ensure) {
        ensure(hyperVRules, ensure.rule());
      } else if (operation instanceof Operation.HyperVRuleRemove remove) {
        hyperVRules.remove(key(remove.name()));
      } else if (operation instanceof Operation.FirewallRuleEnsure ensure) {
        ensure(windowsRules, ensure.rule().with(GROUP, new FieldValue.Text(ensure.group())));
      } else if (operation instanceof Operation.FirewallRuleRemove remove) {
        FirewallRule rule = windowsRules.get(key(remove.name()));
        if (rule != null && inGroup(rule, remove.group())) {
          windowsRules.remove(key(remove.name()));
        }
      } else {
        shutdown(networkingModeInFile);
      }
    }

    /** New-…Rule when no rule has the name, else Set-…Rule of the given fields. */
    private static void ensure(Map<String, FirewallRule> rules, FirewallRule wanted) {
      FirewallRule existing = rules.get(key(wanted.name()));
      if (existing == null) {
        rules.put(key(wanted.name()), FirewallFields.withDefaults(wanted));
        return;
      }
      FirewallRule merged = existing;
      for (Map.Entry<String, FieldValue> field : wanted.fields().entrySet()) {
        merged = merged.with(field.getKey(), field.getValue());
      }
      rules.put(key(wanted.name()), merged);
    }

    /**
     * wsl --shutdown: the running mode becomes the file's, and the VM may come back with a new
     * address.
     */
    private void shutdown(String networkingModeInFile) {
      Optional<String> address =
          nextWslAddresses.isEmpty() ? facts.wslAddress() : Optional.of(nextWslAddresses.remove(0));
      facts = facts.restarted(address, networkingModeInFile.toLowerCase(Locale.ROOT));
    }

    SimMachine machine(SimMachine before) {
      return new SimMachine(
          facts,
          new ArrayList<>(portProxy.values()),
          settings,
          new ArrayList<>(hyperVRules.values()),
          new ArrayList<>(windowsRules.values()),
          nextWslAddresses,
          before.faults());
    }
  }
}
