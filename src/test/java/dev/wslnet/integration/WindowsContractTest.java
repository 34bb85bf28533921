package dev.wslnet.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wslnet.host.Applied;
import dev.wslnet.host.local.LocalSide;
import dev.wslnet.host.powershell.SystemProcessRunner;
import dev.wslnet.host.powershell.WindowsHost;
import dev.wslnet.hypervfirewall.HyperVFirewallKind;
import dev.wslnet.hypervfirewall.HyperVRuleEnsure;
import dev.wslnet.hypervfirewall.HyperVRuleRemove;
import dev.wslnet.hypervfirewall.HyperVSettingsSet;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.operation.Operation;
import dev.wslnet.portproxy.PortProxyDelete;
import dev.wslnet.portproxy.PortProxyKind;
import dev.wslnet.portproxy.PortProxySet;
import dev.wslnet.windowsfirewall.FirewallRuleEnsure;
import dev.wslnet.windowsfirewall.FirewallRuleRemove;
import dev.wslnet.windowsfirewall.WindowsFirewallKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The rows of src/main/resources/powershell/CONTRACT.md marked W, on real Windows: the same
 * operations as ScriptContractTest runs on the simulator, through the real script. The
 * windows-latest CI job runs it elevated ({@code mvn test -P windows-integration}); everything it
 * creates has a name of its own and is removed afterwards. Rows of the Hyper-V firewall are skipped
 * where Windows has no Hyper-V firewall cmdlets.
 */
@Tag("windows-integration")
@EnabledOnOs(OS.WINDOWS)
public class WindowsContractTest {
  /** The rows this test exercises; ScriptContractTest checks that every W row is here. */
  public static final List<String> ROWS =
      List.of(
          "observe.portProxy",
          "observe.hyperVSettings",
          "observe.hyperVRules",
          "observe.windowsRules",
          "portProxy.set.new",
          "portProxy.set.existing",
          "portProxy.delete.existing",
          "hyperVSettings.set.existing",
          "hyperVRule.ensure.new",
          "hyperVRule.ensure.existing",
          "hyperVRule.ensure.wildcardName",
          "hyperVRule.remove.existing",
          "firewallRule.ensure.new",
          "firewallRule.ensure.existing",
          "firewallRule.ensure.otherGroup",
          "firewallRule.remove.existing",
          "firewallRule.remove.otherGroup");

  private static final int PORT = 47011;

  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String group = "wslnet-ci-" + id;
  private final List<Operation> cleanup = new ArrayList<>();
  private WindowsHost host;
  private ObservedState before;

  @BeforeEach
  void realWindowsElevated() {
    host =
        new WindowsHost("local", new LocalSide(System.getenv()), new SystemProcessRunner(), false);
    before = host.observe(Optional.of(group));
    assumeTrue(before.facts().elevated(), "skipped: this shell is not elevated");
  }

  @AfterEach
  void removeWhatTheTestMade() {
    if (!cleanup.isEmpty()) {
      Applied removed = host.apply(cleanup, Optional.of(group));
      assertThat(removed.results()).allSatisfy(result -> assertThat(result.error()).isEmpty());
    }
  }

  private Applied apply(Operation... operations) {
    Applied applied = host.apply(List.of(operations), Optional.of(group));
    assertThat(applied.results()).allSatisfy(result -> assertThat(result.error()).isEmpty());
    return applied;
  }

  @Test
  void portProxySetOverwriteObserveAndDelete() {
    PortProxyEntry first =
        new PortProxyEntry(PortProxyType.V4_TO_V4, "127.0.0.1", PORT, "127.0.0.1", 47012);
    PortProxyEntry second =
        new PortProxyEntry(PortProxyType.V4_TO_V4, "127.0.0.1", PORT, "127.0.0.2", 47013);
    cleanup.add(PortProxyDelete.of(first));
    // portProxy.set.new and observe.portProxy
    assertThat(PortProxyKind.forwards(apply(new PortProxySet(first)).observed())).contains(first);
    // portProxy.set.existing
    ObservedState overwritten = apply(new PortProxySet(second)).observed();
    assertThat(PortProxyKind.forwards(overwritten)).contains(second).doesNotContain(first);
    // portProxy.delete.existing
    ObservedState deleted = apply(PortProxyDelete.of(second)).observed();
    assertThat(PortProxyKind.forwards(deleted)).doesNotContain(second);
  }

  @Test
  void windowsRulesInTheGroupOnly() {
    FirewallRule rule =
        new FirewallRule(
            group + "-web",
            Map.of("localPorts", texts("47011"), "protocol", new FieldValue.Text("TCP")));
    // A group whose name is a wildcard pattern that matches the managed group's name.
    String patternGroup = group.substring(0, group.length() - 1) + "*";
    FirewallRule elsewhere =
        new FirewallRule(group + "-other", Map.of("protocol", new FieldValue.Text("TCP")));
    cleanup.add(new FirewallRuleRemove(group, rule.name()));
    cleanup.add(new FirewallRuleRemove(patternGroup, elsewhere.name()));
    apply(new FirewallRuleEnsure(patternGroup, elsewhere));

    // firewallRule.ensure.new and observe.windowsRules
    ObservedState created = apply(new FirewallRuleEnsure(group, rule)).observed();
    assertThat(WindowsFirewallKind.rules(created))
        .extracting(FirewallRule::name)
        .containsExactly(rule.name());
    FirewallRule observed = WindowsFirewallKind.rules(created).get(0);
    assertThat(observed.field("enabled")).contains(new FieldValue.Flag(true));
    assertThat(observed.field("direction")).contains(new FieldValue.Text("Inbound"));
    assertThat(observed.field("action")).contains(new FieldValue.Text("Allow"));

    // firewallRule.ensure.existing
    FirewallRule blocked =
        new FirewallRule(rule.name(), Map.of("action", new FieldValue.Text("Block")));
    FirewallRule changed =
        WindowsFirewallKind.rules(apply(new FirewallRuleEnsure(group, blocked)).observed()).get(0);
    assertThat(changed.field("action")).contains(new FieldValue.Text("Block"));
    assertThat(changed.field("localPorts")).contains(texts("47011"));

    // firewallRule.ensure.otherGroup: refused with the script's words
    Applied refused =
        host.apply(List.of(new FirewallRuleEnsure(group, elsewhere)), Optional.of(group));
    assertThat(refused.results().get(0).error())
        .contains(
            "a rule named "
                + elsewhere.name()
                + " exists outside the group "
                + group
                + "; wslnet does not touch it");

    // firewallRule.remove.otherGroup: nothing happens to the other group's rule
    apply(new FirewallRuleRemove(group, elsewhere.name()));
    assertThat(WindowsFirewallKind.rules(host.observe(Optional.of(patternGroup))))
        .extracting(FirewallRule::name)
        .containsExactly(elsewhere.name());

    // firewallRule.remove.existing
    assertThat(
            WindowsFirewallKind.rules(apply(new FirewallRuleRemove(group, rule.name())).observed()))
        .isEmpty();
  }

  @Test
  void hyperVSettingsAndRulesOfWslsVmCreator() {
    assumeTrue(
        before.facts().hyperVFirewallAvailable(),
        "skipped: no Hyper-V firewall cmdlets on this Windows");
    // observe.hyperVSettings: names, not numbers
    assertThat(HyperVFirewallKind.settings(before).get("enabled"))
        .isInstanceOfAny(FieldValue.Flag.class, FieldValue.Text.class);
    // hyperVSettings.set.existing: the value it has, so that the runner's Windows stays as it was
    Optional<FieldValue> inbound =
        Optional.ofNullable(HyperVFirewallKind.settings(before).get("defaultInboundAction"));
    assumeTrue(inbound.isPresent(), "skipped: WSL's VM creator has no VM setting on this Windows");
    ObservedState set =
        apply(new HyperVSettingsSet(Map.of("defaultInboundAction", inbound.get()))).observed();
    assertThat(HyperVFirewallKind.settings(set).get("defaultInboundAction").sameAs(inbound.get()))
        .isTrue();

    FirewallRule web =
        new FirewallRule(
            group + "-hv1",
            Map.of("protocol", new FieldValue.Text("TCP"), "localPorts", texts("47011")));
    FirewallRule pattern =
        new FirewallRule(group + "-hv*", Map.of("action", new FieldValue.Text("Allow")));
    cleanup.add(new HyperVRuleRemove(web.name()));
    cleanup.add(new HyperVRuleRemove(pattern.name()));
    // hyperVRule.ensure.new and observe.hyperVRules
    ObservedState created = apply(new HyperVRuleEnsure(web)).observed();
    FirewallRule observed = rule(created, web.name());
    assertThat(observed.field("direction")).contains(new FieldValue.Text("Inbound"));
    assertThat(observed.field("enabled")).contains(new FieldValue.Flag(true));
    // hyperVRule.ensure.existing
    FirewallRule blocked =
        new FirewallRule(web.name(), Map.of("action", new FieldValue.Text("Block")));
    FirewallRule changed = rule(apply(new HyperVRuleEnsure(blocked)).observed(), web.name());
    assertThat(changed.field("action")).contains(new FieldValue.Text("Block"));
    assertThat(changed.field("localPorts")).contains(texts("47011"));
    // hyperVRule.ensure.wildcardName: web* is a name of its own, and -hv1 keeps Block
    ObservedState both = apply(new HyperVRuleEnsure(pattern)).observed();
    assertThat(rule(both, pattern.name())).isNotNull();
    assertThat(rule(both, web.name()).field("action")).contains(new FieldValue.Text("Block"));
    // hyperVRule.remove.existing
    ObservedState removed = apply(new HyperVRuleRemove(web.name())).observed();
    assertThat(HyperVFirewallKind.rules(removed))
        .extracting(FirewallRule::name)
        .doesNotContain(web.name());
  }

  private static FirewallRule rule(ObservedState observed, String name) {
    return HyperVFirewallKind.rules(observed).stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static FieldValue.Texts texts(String... values) {
    return new FieldValue.Texts(List.of(values));
  }
}
