package dev.wslnet.sim;

import dev.wslnet.hypervfirewall.HyperVRuleEnsure;
import dev.wslnet.hypervfirewall.HyperVRuleRemove;
import dev.wslnet.hypervfirewall.HyperVSettingsSet;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallFields;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.HostFacts;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.operation.Operation;
import dev.wslnet.operation.WslShutdown;
import dev.wslnet.portproxy.PortProxyDelete;
import dev.wslnet.portproxy.PortProxySet;
import dev.wslnet.scheduledtask.ObservedTask;
import dev.wslnet.scheduledtask.TaskRegister;
import dev.wslnet.scheduledtask.TaskStart;
import dev.wslnet.scheduledtask.TaskUnregister;
import dev.wslnet.windowsfirewall.FirewallRuleEnsure;
import dev.wslnet.windowsfirewall.FirewallRuleRemove;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

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

  /**
   * The event query of the task's trigger at the WSL VM's start, as the script's
   * $vmStartSubscription has it.
   */
  static final String VM_START_SUBSCRIPTION =
      "<QueryList><Query Id=\"0\" Path=\"System\"><Select Path=\"System\">*[System[Provider[@Name="
          + "'Microsoft-Windows-Hyper-V-VmSwitch'] and EventID=232]]</Select></Query></QueryList>";

  /** What a Hyper-V VM setting that nobody set holds (New-NetFirewallHyperVVMSetting). */
  static final FieldValue NOT_CONFIGURED = new FieldValue.Text("NotConfigured");

  /**
   * The machine after the operations, and each operation's result.
   *
   * @param taskStarted the scheduled task was started, and is to run now
   */
  record Outcome(SimMachine machine, List<Optional<String>> errors, boolean taskStarted) {}

  private SimWindows() {}

  /**
   * The operations wslnet.ps1 carries out, by the kind its switch reads, each read from the request
   * as the script reads it: what makes it fail, and what it does.
   */
  static final Map<String, Function<JsonNode, Step>> OPERATIONS =
      Map.ofEntries(
          Map.entry(
              PortProxySet.KIND,
              arguments -> step(PortProxySet.of(arguments), Batch::failSet, Batch::set)),
          Map.entry(
              PortProxyDelete.KIND,
              arguments -> step(PortProxyDelete.of(arguments), Batch::failDelete, Batch::delete)),
          Map.entry(
              HyperVSettingsSet.KIND,
              arguments ->
                  step(HyperVSettingsSet.of(arguments), Batch::failSettings, Batch::setSettings)),
          Map.entry(
              HyperVRuleEnsure.KIND,
              arguments ->
                  step(
                      HyperVRuleEnsure.of(arguments),
                      Batch::failHyperVEnsure,
                      Batch::ensureHyperV)),
          Map.entry(
              HyperVRuleRemove.KIND,
              arguments ->
                  step(
                      HyperVRuleRemove.of(arguments),
                      Batch::failHyperVRemove,
                      Batch::removeHyperV)),
          Map.entry(
              FirewallRuleEnsure.KIND,
              arguments ->
                  step(
                      FirewallRuleEnsure.of(arguments),
                      Batch::failWindowsEnsure,
                      Batch::ensureWindows)),
          Map.entry(
              FirewallRuleRemove.KIND,
              arguments ->
                  step(
                      FirewallRuleRemove.of(arguments),
                      Batch::failWindowsRemove,
                      Batch::removeWindows)),
          Map.entry(
              WslShutdown.KIND,
              arguments ->
                  step(new WslShutdown(), (batch, shutdown) -> Optional.empty(), Batch::shutdown)),
          Map.entry(
              TaskRegister.KIND,
              arguments ->
                  step(TaskRegister.of(arguments), Batch::failRegister, Batch::registerTask)),
          Map.entry(
              TaskUnregister.KIND,
              arguments ->
                  step(new TaskUnregister(), Batch::failUnregister, Batch::unregisterTask)),
          Map.entry(
              TaskStart.KIND,
              arguments -> step(new TaskStart(), Batch::failStart, Batch::startTask)));

  /** One operation of a request: why the script would fail it here, and what it does. */
  record Step(
      String kind,
      String target,
      Function<Batch, Optional<String>> failure,
      java.util.function.Consumer<Batch> effect) {}

  private static <O extends Operation> Step step(
      O operation, BiFunction<Batch, O, Optional<String>> failure, BiConsumer<Batch, O> effect) {
    return new Step(
        operation.kind(),
        operation.target(),
        batch -> failure.apply(batch, operation),
        batch -> effect.accept(batch, operation));
  }

  /**
   * @param operations the request's operations, as the script receives them
   * @param networkingModeInFile the networking mode .wslconfig sets, which {@code wsl --shutdown}
   *     makes the running one
   */
  static Outcome run(SimMachine machine, JsonNode operations, String networkingModeInFile) {
    Batch batch = new Batch(machine, networkingModeInFile);
    List<Optional<String>> results = new ArrayList<>();
    for (JsonNode operation : operations) {
      String kind = operation.path("kind").asString();
      Function<JsonNode, Step> read = OPERATIONS.get(kind);
      if (read == null) {
        results.add(Optional.of("unknown operation: " + kind));
        continue;
      }
      Step step = read.apply(operation);
      Optional<String> failure = fault(machine, step).or(() -> step.failure().apply(batch));
      if (failure.isEmpty()) {
        step.effect().accept(batch);
      }
      results.add(failure);
    }
    return new Outcome(batch.machine(machine), results, batch.taskStarted);
  }

  private static Optional<String> fault(SimMachine machine, Step step) {
    return machine.faults().stream()
        .filter(f -> f.matches(step.kind(), step.target()))
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
    final String networkingModeInFile;
    Optional<SimTask> convergeTask;
    boolean taskStarted;

    Batch(SimMachine machine, String networkingModeInFile) {
      this.networkingModeInFile = networkingModeInFile;
      facts = machine.facts();
      machine.portProxy().forEach(entry -> portProxy.put(value(entry), entry));
      machine
          .unreadablePortProxy()
          .forEach(forward -> unreadable.put(value(forward.type(), forward.name()), forward));
      settings = new LinkedHashMap<>(machine.hyperVSettings());
      machine.hyperVRules().forEach(rule -> hyperVRules.put(key(rule.name()), rule));
      machine.windowsRules().forEach(rule -> windowsRules.put(key(rule.name()), rule));
      nextWslAddresses = new ArrayList<>(machine.nextWslAddresses());
      convergeTask = machine.convergeTask();
    }

    // What wslnet.ps1 does with each operation that its checks let through.

    void set(PortProxySet set) {
      // set writes the registry value: it replaces whatever the value held, readable or not.
      unreadable.remove(value(set.entry()));
      portProxy.remove(value(set.entry()));
      portProxy.put(value(set.entry()), set.entry());
    }

    void delete(PortProxyDelete delete) {
      portProxy.remove(value(delete.type(), delete.valueName()));
      unreadable.remove(value(delete.type(), delete.valueName()));
    }

    void setSettings(HyperVSettingsSet set) {
      if (settings.isEmpty()) {
        // No setting for WSL's VM creator: the script falls back to New-, whose parameters left
        // out are NotConfigured.
        FirewallFields.HYPER_V_SETTINGS.forEach(name -> settings.put(name, NOT_CONFIGURED));
      }
      settings.putAll(set.settings());
    }

    void ensureHyperV(HyperVRuleEnsure ensure) {
      ensure(hyperVRules, ensure.rule());
    }

    void removeHyperV(HyperVRuleRemove remove) {
      hyperVRules.remove(key(remove.name()));
    }

    void ensureWindows(FirewallRuleEnsure ensure) {
      ensure(windowsRules, ensure.rule().with(GROUP, new FieldValue.Text(ensure.group())));
    }

    void removeWindows(FirewallRuleRemove remove) {
      FirewallRule rule = windowsRules.get(key(remove.name()));
      if (rule != null && inGroup(rule, remove.group())) {
        windowsRules.remove(key(remove.name()));
      }
    }

    /**
     * wsl --shutdown: the running mode becomes the file's, and the VM may come back with a new
     * address.
     */
    void shutdown(WslShutdown shutdown) {
      Optional<String> address =
          nextWslAddresses.isEmpty() ? facts.wslAddress() : Optional.of(nextWslAddresses.remove(0));
      facts = facts.restarted(address, networkingModeInFile.toLowerCase(Locale.ROOT));
    }

    /** Register-ScheduledTask -Force: a new task, or one that replaces the old, which never ran. */
    void registerTask(TaskRegister register) {
      convergeTask =
          Optional.of(
              new SimTask(
                  register.execute(),
                  register.commandLine(),
                  register.everyMinutes(),
                  Optional.empty(),
                  ObservedTask.HAS_NOT_RUN));
    }

    void unregisterTask(TaskUnregister unregister) {
      convergeTask = Optional.empty();
    }

    /** Start-ScheduledTask: the task runs once the script has answered (see SimProcessRunner). */
    void startTask(TaskStart start) {
      taskStarted = true;
    }

    // Why wslnet.ps1 fails an operation on this machine now, in the order the script meets it:
    // what it only reads comes first (a rule of another VM creator or group is refused; a rule or
    // forward that is not there needs no removal), then the cmdlet or program that changes
    // something, which needs the cmdlets and elevation.

    Optional<String> failSet(PortProxySet set) {
      return elevated(NOT_ELEVATED);
    }

    Optional<String> failDelete(PortProxyDelete delete) {
      String value = value(delete.type(), delete.valueName());
      boolean present = portProxy.containsKey(value) || unreadable.containsKey(value);
      return present ? elevated(NOT_ELEVATED) : Optional.empty();
    }

    Optional<String> failSettings(HyperVSettingsSet set) {
      // Get- fails inside try when the cmdlets are missing, so New- is the first to fail.
      return hyperV("New-NetFirewallHyperVVMSetting").or(() -> elevated(ACCESS_DENIED));
    }

    Optional<String> failHyperVEnsure(HyperVRuleEnsure ensure) {
      FirewallRule existing = hyperVRules.get(key(ensure.rule().name()));
      return hyperV("New-NetFirewallHyperVRule")
          .or(() -> otherCreator(ensure.rule().name()))
          .or(() -> changes(existing, ensure.rule()) ? elevated(ACCESS_DENIED) : Optional.empty());
    }

    Optional<String> failHyperVRemove(HyperVRuleRemove remove) {
      if (!facts.hyperVFirewallAvailable() || !hyperVRules.containsKey(key(remove.name()))) {
        return Optional.empty();
      }
      return otherCreator(remove.name()).or(() -> elevated(ACCESS_DENIED));
    }

    Optional<String> failWindowsEnsure(FirewallRuleEnsure ensure) {
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

    Optional<String> failWindowsRemove(FirewallRuleRemove remove) {
      FirewallRule existing = windowsRules.get(key(remove.name()));
      return existing != null && inGroup(existing, remove.group())
          ? elevated(ACCESS_DENIED)
          : Optional.empty();
    }

    /**
     * Registering a task that runs with highest privileges takes an administrator: Windows refuses
     * it with E_ACCESSDENIED, "Access is denied." (Register-ScheduledTask; Task Scheduler's
     * security contexts).
     */
    Optional<String> failRegister(TaskRegister register) {
      return elevated(ACCESS_DENIED);
    }

    /** The script reads whether the task exists first, and removes nothing when it does not. */
    Optional<String> failUnregister(TaskUnregister unregister) {
      return convergeTask.isPresent() ? elevated(ACCESS_DENIED) : Optional.empty();
    }

    Optional<String> failStart(TaskStart start) {
      return convergeTask.isPresent()
          ? Optional.empty()
          : Optional.of(
              "the scheduled task \\wslnet\\converge does not exist: run wslnet schedule"
                  + " install");
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
          before.uacAccount(),
          convergeTask);
    }
  }
}
