package dev.wslnet.sim;

import dev.wslnet.host.OperationResult;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallFields;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.HostFacts;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.operation.Operation;
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
  /** netsh's words when it is not elevated (wsl-facts.md 2.4). */
  static final String NOT_ELEVATED =
      "The requested operation requires elevation (Run as administrator).";

  /**
   * The firewall cmdlets' words when they are not elevated: a CimException, Windows System Error 5
   * (Set-NetFirewallRule in danosito/JetBrainsActivator#3, New-NetFirewallRule in
   * rannn505/child-shell#101; the Hyper-V cmdlets come from the same provider).
   */
  static final String ACCESS_DENIED = "Access is denied.";

  /** The field that holds a Windows firewall rule's group in host.json. */
  static final String GROUP = "group";

  /** The field that holds a Hyper-V rule's VM creator in host.json; a rule without it is WSL's. */
  static final String VM_CREATOR = "vmCreatorId";

  /** WSL's VM creator (wsl-facts.md 3.1; WslCoreNetworkingSupport.h). */
  static final String WSL_VM_CREATOR = "{40E0AC32-46A5-438A-A0B2-2B479E8F2E90}";

  /** What a Hyper-V VM setting that nobody set holds (New-NetFirewallHyperVVMSetting). */
  static final FieldValue NOT_CONFIGURED = new FieldValue.Text("NotConfigured");

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
      Optional<String> failure = fault(machine, operation).or(() -> batch.failure(operation));
      if (failure.isPresent()) {
        results.add(OperationResult.failed(operation, failure.get()));
      } else {
        batch.apply(operation, networkingModeInFile);
        results.add(OperationResult.ok(operation));
      }
    }
    return new Outcome(batch.machine(machine), results);
  }

  private static Optional<String> fault(SimMachine machine, Operation operation) {
    return machine.faults().stream()
        .filter(f -> f.matches(operation.kind(), operation.target()))
        .map(SimMachine.Fault::message)
        .findFirst();
  }

  /** Whether a Hyper-V rule is WSL's: its VM creator is WSL's, or host.json names none. */
  static boolean isWsls(FirewallRule rule) {
    return rule.field(VM_CREATOR)
        .map(creator -> creator.sameAs(new FieldValue.Text(WSL_VM_CREATOR)))
        .orElse(true);
  }

  static boolean inGroup(FirewallRule rule, String group) {
    return rule.field(GROUP).filter(value -> value.sameAs(new FieldValue.Text(group))).isPresent();
  }

  /** A portproxy registry value: its type's key, and its name, without regard to case. */
  private static String value(PortProxyType type, String name) {
    return type.netshName() + " " + name.toLowerCase(Locale.ROOT);
  }

  private static String value(PortProxyEntry entry) {
    return value(entry.type(), entry.listenAddress() + "/" + entry.listenPort());
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The machine while a batch runs: maps by identity, so that each operation costs the same. */
  private static final class Batch {
    HostFacts facts;

    /** Keyed like the registry: type, then the value name {@code listen/port} without case. */
    final Map<String, PortProxyEntry> portProxy = new LinkedHashMap<>();

    final Map<String, UnreadableForward> unreadable = new LinkedHashMap<>();
    final Map<String, FieldValue> settings;
    final Map<String, FirewallRule> hyperVRules = new LinkedHashMap<>();
    final Map<String, FirewallRule> windowsRules = new LinkedHashMap<>();
    final List<String> nextWslAddresses;

    Batch(SimMachine machine) {
      facts = machine.facts();
      machine.portProxy().forEach(entry -> portProxy.put(value(entry), entry));
      machine
          .unreadablePortProxy()
          .forEach(forward -> unreadable.put(value(forward.type(), forward.name()), forward));
      settings = new LinkedHashMap<>(machine.hyperVSettings());
      machine.hyperVRules().forEach(rule -> hyperVRules.put(key(rule.name()), rule));
      machine.windowsRules().forEach(rule -> windowsRules.put(key(rule.name()), rule));
      nextWslAddresses = new ArrayList<>(machine.nextWslAddresses());
    }

    /** Carries out one operation that {@link #failure} let through, as wslnet.ps1 does. */
    void apply(Operation operation, String networkingModeInFile) {
      operation.accept(
          new Operation.Visitor<Void>() {
            @Override
            public Void portProxySet(Operation.PortProxySet set) {
              // set writes the registry value: it replaces whatever the value held, readable or
              // not.
              unreadable.remove(value(set.entry()));
              portProxy.remove(value(set.entry()));
              portProxy.put(value(set.entry()), set.entry());
              return null;
            }

            @Override
            public Void portProxyDelete(Operation.PortProxyDelete delete) {
              portProxy.remove(value(delete.type(), delete.valueName()));
              unreadable.remove(value(delete.type(), delete.valueName()));
              return null;
            }

            @Override
            public Void hyperVSettingsSet(Operation.HyperVSettingsSet set) {
              if (settings.isEmpty()) {
                // No setting for WSL's VM creator: the script falls back to New-, whose
                // parameters left out are NotConfigured.
                FirewallFields.HYPER_V_SETTINGS.forEach(name -> settings.put(name, NOT_CONFIGURED));
              }
              settings.putAll(set.settings());
              return null;
            }

            @Override
            public Void hyperVRuleEnsure(Operation.HyperVRuleEnsure ensure) {
              ensure(hyperVRules, ensure.rule());
              return null;
            }

            @Override
            public Void hyperVRuleRemove(Operation.HyperVRuleRemove remove) {
              hyperVRules.remove(key(remove.name()));
              return null;
            }

            @Override
            public Void firewallRuleEnsure(Operation.FirewallRuleEnsure ensure) {
              ensure(windowsRules, ensure.rule().with(GROUP, new FieldValue.Text(ensure.group())));
              return null;
            }

            @Override
            public Void firewallRuleRemove(Operation.FirewallRuleRemove remove) {
              FirewallRule rule = windowsRules.get(key(remove.name()));
              if (rule != null && inGroup(rule, remove.group())) {
                windowsRules.remove(key(remove.name()));
              }
              return null;
            }

            @Override
            public Void wslShutdown(Operation.WslShutdown shutdown) {
              shutdown(networkingModeInFile);
              return null;
            }
          });
    }

    /**
     * Why wslnet.ps1 fails this operation on this machine now, in the order the script meets it:
     * what it only reads comes first (a rule of another VM creator or group is refused; a rule or
     * forward that is not there needs no removal), then the cmdlet or program that changes
     * something, which needs the cmdlets and elevation.
     */
    Optional<String> failure(Operation operation) {
      return operation.accept(
          new Operation.Visitor<Optional<String>>() {
            @Override
            public Optional<String> portProxySet(Operation.PortProxySet set) {
              return elevated(NOT_ELEVATED);
            }

            @Override
            public Optional<String> portProxyDelete(Operation.PortProxyDelete delete) {
              String value = value(delete.type(), delete.valueName());
              boolean present = portProxy.containsKey(value) || unreadable.containsKey(value);
              return present ? elevated(NOT_ELEVATED) : Optional.empty();
            }

            @Override
            public Optional<String> hyperVSettingsSet(Operation.HyperVSettingsSet set) {
              // Get- fails inside try when the cmdlets are missing, so New- is the first to fail.
              return hyperV("New-NetFirewallHyperVVMSetting").or(() -> elevated(ACCESS_DENIED));
            }

            @Override
            public Optional<String> hyperVRuleEnsure(Operation.HyperVRuleEnsure ensure) {
              FirewallRule existing = hyperVRules.get(key(ensure.rule().name()));
              return hyperV("New-NetFirewallHyperVRule")
                  .or(() -> otherCreator(ensure.rule().name()))
                  .or(
                      () ->
                          changes(existing, ensure.rule())
                              ? elevated(ACCESS_DENIED)
                              : Optional.empty());
            }

            @Override
            public Optional<String> hyperVRuleRemove(Operation.HyperVRuleRemove remove) {
              if (!facts.hyperVFirewallAvailable()
                  || !hyperVRules.containsKey(key(remove.name()))) {
                return Optional.empty();
              }
              return otherCreator(remove.name()).or(() -> elevated(ACCESS_DENIED));
            }

            @Override
            public Optional<String> firewallRuleEnsure(Operation.FirewallRuleEnsure ensure) {
              FirewallRule existing = windowsRules.get(key(ensure.rule().name()));
              if (existing != null && !inGroup(existing, ensure.group())) {
                return Optional.of(
                    "a rule named "
                        + ensure.rule().name()
                        + " exists outside the group "
                        + ensure.group()
                        + "; wslnet does not touch it");
              }
              return changes(existing, ensure.rule()) ? elevated(ACCESS_DENIED) : Optional.empty();
            }

            @Override
            public Optional<String> firewallRuleRemove(Operation.FirewallRuleRemove remove) {
              FirewallRule existing = windowsRules.get(key(remove.name()));
              return existing != null && inGroup(existing, remove.group())
                  ? elevated(ACCESS_DENIED)
                  : Optional.empty();
            }

            /** wsl --shutdown needs no administrator. */
            @Override
            public Optional<String> wslShutdown(Operation.WslShutdown shutdown) {
              return Optional.empty();
            }
          });
    }

    private Optional<String> elevated(String message) {
      return facts.elevated() ? Optional.empty() : Optional.of(message);
    }

    /** PowerShell's words for a cmdlet that Windows 10 does not have. */
    private Optional<String> hyperV(String cmdlet) {
      return facts.hyperVFirewallAvailable()
          ? Optional.empty()
          : Optional.of(
              "The term '"
                  + cmdlet
                  + "' is not recognized as the name of a cmdlet, function, script file, or "
                  + "operable program. Check the spelling of the name, or if a path was included, "
                  + "verify that the path is correct and try again.");
    }

    /** Whether the script calls a cmdlet: New- for a new rule, Set- when fields are given. */
    private static boolean changes(FirewallRule existing, FirewallRule wanted) {
      return existing == null || !wanted.fields().isEmpty();
    }

    /** The script's refusal of a Hyper-V rule name that another VM creator's rule has. */
    private Optional<String> otherCreator(String name) {
      FirewallRule existing = hyperVRules.get(key(name));
      if (existing == null || isWsls(existing)) {
        return Optional.empty();
      }
      return Optional.of(
          "a Hyper-V rule named "
              + name
              + " belongs to the VM creator "
              + existing.field(VM_CREATOR).map(FieldValue::display).orElse("")
              + ", not to WSL's; wslnet does not touch it");
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
          new ArrayList<>(unreadable.values()),
          nextWslAddresses,
          before.faults(),
          before.uacAccount());
    }
  }
}
