package dev.wslnet.plan;

import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.DesiredState.HyperVSpec;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallFields;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.wslconfig.ParsedWslConfig;
import dev.wslnet.wslconfig.WslConfigLint;
import dev.wslnet.wslconfig.WslConfigParser;
import dev.wslnet.wslconfig.WslConfigText;
import dev.wslnet.wslconfig.WslValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a host: a pure function of the desired and the observed state. Changes come in a fixed
 * order: .wslconfig, Hyper-V settings and rules, portproxy, Windows firewall rules; within a kind,
 * in the order of the file, then deletions.
 */
public final class Planner {
  /**
   * WSL creates and owns these Hyper-V rules (reference 3.1); wslnet never changes or prunes them.
   */
  public static final String WSL_OWN_RULE_PREFIX = "wslcore-";

  private Planner() {}

  public static Plan plan(DesiredState desired, ObservedState observed) {
    if (desired.hyperVFirewall().isPresent() && !observed.facts().hyperVFirewallAvailable()) {
      throw new PlanningException(
          "the file manages the Hyper-V firewall, but "
              + observed.facts().host()
              + " has no Hyper-V firewall cmdlets (Windows 10, or Windows 11 before 22H2). Remove"
              + " the hyperVFirewall section; windowsFirewall rules filter WSL's NAT traffic"
              + " there");
    }
    ParsedWslConfig wslconfig = parseWslConfig(observed);
    List<Change> changes = new ArrayList<>(WslConfigDiff.diff(desired.wslconfig(), wslconfig));
    desired.hyperVFirewall().ifPresent(spec -> changes.addAll(hyperV(spec, observed)));
    desired
        .portProxy()
        .ifPresent(
            spec ->
                changes.addAll(
                    PortProxyDiff.diff(spec, observed.portProxy(), observed.facts().wslAddress())));
    desired
        .portProxy()
        .filter(DesiredState.PortProxySpec::prune)
        .ifPresent(spec -> changes.addAll(PortProxyDiff.unreadable(spec, observed)));
    desired
        .windowsFirewall()
        .ifPresent(
            spec ->
                changes.addAll(
                    FirewallDiff.diff(
                        spec.rules(),
                        observed.windowsRules(),
                        spec.prune(),
                        name -> "windowsFirewall.rules[" + name + "]",
                        rule -> new Resource.WindowsRule(spec.group(), rule),
                        name -> false)));
    List<Diagnostic> warnings = new ArrayList<>();
    if (observed.wslconfig().isPresent()) {
      warnings.addAll(WslConfigLint.check(wslconfig, observed.wslconfigPath()));
    }
    if (desired.portProxy().isPresent() && !observed.facts().ipHelperRunning()) {
      warnings.add(
          Diagnostic.ofFile(
              Code.IP_HELPER_STOPPED,
              observed.facts().host(),
              "the IP Helper service (iphlpsvc) is stopped, so portproxy forwards do nothing",
              "start it in an elevated PowerShell: Set-Service iphlpsvc -StartupType Automatic;"
                  + " Start-Service iphlpsvc"));
    }
    warnings.addAll(starAndAnyAddress(observed));
    warnings.addAll(unreadableLeftAlone(desired, observed, changes));
    String configured = WslValues.networkingModeAtStart(wslconfig);
    Optional<Plan.PendingRestart> pendingRestart =
        observed
            .facts()
            .runningNetworkingMode()
            .filter(running -> !running.equalsIgnoreCase(configured))
            .map(running -> new Plan.PendingRestart(running, configured));
    return new Plan(
        observed.facts(), changes, warnings, Fingerprints.of(desired, observed), pendingRestart);
  }

  /** Portproxy values wslnet cannot read and does not delete: the plan says they are there. */
  private static List<Diagnostic> unreadableLeftAlone(
      DesiredState desired, ObservedState observed, List<Change> changes) {
    java.util.Set<String> deleted = new java.util.HashSet<>();
    changes.forEach(change -> deleted.add(change.address()));
    List<Diagnostic> warnings = new ArrayList<>();
    for (UnreadableForward forward : observed.unreadablePortProxy()) {
      if (deleted.contains(forward.address())) {
        continue;
      }
      boolean replaced =
          desired
              .portProxy()
              .filter(spec -> PortProxyDiff.declaresValue(spec, forward))
              .isPresent();
      String fate =
          replaced
              ? "the forward the file declares on that address and port replaces it"
              : "wslnet leaves it alone";
      String hint =
          replaced
              ? "nothing to do: apply writes the declared forward over it"
              : forward.listen().isEmpty()
                  ? "its name is not address/port, so netsh cannot delete it: remove the registry"
                      + " value by hand"
                  : "prune: true under portProxy deletes it";
      warnings.add(
          Diagnostic.ofFile(
              Code.UNREADABLE_PORT_PROXY,
              observed.facts().host(),
              "the host has a portproxy entry wslnet cannot read, "
                  + forward.address()
                  + " = \""
                  + forward.data()
                  + "\" (a service name for a port, or text that is not address/port); "
                  + fate,
              hint));
    }
    return warnings;
  }

  /** Host entries on {@code *} and on the any-address with one port: only one of them listens. */
  private static List<Diagnostic> starAndAnyAddress(ObservedState observed) {
    Map<String, List<PortProxyEntry>> bySocket = new java.util.TreeMap<>();
    observed
        .portProxy()
        .forEach(
            entry ->
                bySocket
                    .computeIfAbsent(entry.boundSocket(), socket -> new ArrayList<>())
                    .add(entry));
    List<Diagnostic> warnings = new ArrayList<>();
    for (List<PortProxyEntry> entries : bySocket.values()) {
      List<String> spellings =
          entries.stream().map(PortProxyEntry::listenAddress).distinct().sorted().toList();
      if (spellings.size() > 1) {
        warnings.add(
            Diagnostic.ofFile(
                Code.HOST_STAR_AND_ANY_ADDRESS,
                observed.facts().host(),
                "the host forwards "
                    + String.join(
                        " and ", entries.stream().map(PortProxyEntry::address).sorted().toList())
                    + ": two registry entries for one socket, so only one of them listens",
                "keep one: declare it and set prune, or delete the other with netsh interface"
                    + " portproxy delete"));
      }
    }
    return warnings;
  }

  /** .wslconfig as WSL reads it now; a missing file reads as an empty one. */
  public static ParsedWslConfig parseWslConfig(ObservedState observed) {
    return WslConfigParser.parse(WslConfigText.decode(observed.wslconfig().orElse(new byte[0])));
  }

  private static List<Change> hyperV(HyperVSpec spec, ObservedState observed) {
    List<Change> changes = new ArrayList<>();
    Map<String, FieldValue> before =
        FirewallDiff.differing(
            spec.settings(),
            name ->
                Optional.ofNullable(observed.hyperVSettings().get(name))
                    .or(
                        () ->
                            Optional.ofNullable(
                                FirewallFields.HYPER_V_SETTING_DEFAULTS.get(name))));
    if (!before.isEmpty()) {
      Map<String, FieldValue> after = new LinkedHashMap<>();
      before.keySet().forEach(name -> after.put(name, spec.settings().get(name)));
      changes.add(
          Change.update(
              "hyperVFirewall.settings",
              new Resource.HyperVSettings(before),
              new Resource.HyperVSettings(after),
              Optional.empty(),
              FirewallDiff.NEEDS));
    }
    changes.addAll(
        FirewallDiff.diff(
            spec.rules(),
            observed.hyperVRules(),
            spec.prune(),
            name -> "hyperVFirewall.rules[" + name + "]",
            Resource.HyperVRule::new,
            name -> name.toLowerCase(Locale.ROOT).startsWith(WSL_OWN_RULE_PREFIX)));
    return changes;
  }
}
