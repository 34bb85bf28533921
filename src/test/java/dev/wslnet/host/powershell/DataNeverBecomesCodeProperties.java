package dev.wslnet.host.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.host.local.LocalSide;
import dev.wslnet.hypervfirewall.HyperVRuleEnsure;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.operation.Operation;
import dev.wslnet.portproxy.PortProxySet;
import dev.wslnet.sim.SimHost;
import dev.wslnet.sim.SimProcessRunner;
import dev.wslnet.windowsfirewall.FirewallRuleEnsure;
import dev.wslnet.windowsfirewall.FirewallRuleRemove;
import dev.wslnet.windowsfirewall.WindowsFirewallKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Values full of PowerShell's special characters cross to Windows as data: what the script receives
 * equals what wslnet sent, and the command line never changes with the data.
 */
class DataNeverBecomesCodeProperties {
  private static final String NASTY =
      "'\"`$(){};|&<>#\n\r\t\u2018\u2019\u201a\u201b\u201c\u201d@%^*~\\/ aZ9é中";

  @Provide
  Arbitrary<String> nasty() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "$(Remove-Item C:\\ -Recurse)",
            "'; Stop-Computer; '",
            "`n",
            "${env:USERPROFILE}",
            "\u2018quoted\u2019",
            "\"; exit 1; \"",
            "@(1,2)",
            "-Name x");
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(NASTY).ofMinLength(1).ofMaxLength(30),
        fragments.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts)));
  }

  /**
   * The real host sends the operations to a recording PowerShell: the script receives exactly what
   * was sent, and the command line is the one a request without special characters gets, and holds
   * none of the data.
   */
  @Property(tries = 300)
  void whatTheScriptReceivesEqualsWhatWasSent(
      @ForAll("nasty") String name, @ForAll("nasty") String text, @ForAll("nasty") String group)
      throws Exception {
    List<Operation> nasty = operations(name, text, group);
    FakeRunner runner = new FakeRunner(WindowsHostTest::succeeded);
    host(runner).apply(nasty, Optional.of(group));
    host(runner).apply(operations("web", "plain text", "wslnet"), Optional.of("wslnet"));

    PowerShell.Input received = runner.inputs.get(0);
    assertThat(received.script()).isEqualTo(PowerShell.script());
    List<Operation> decoded = new java.util.ArrayList<>();
    for (tools.jackson.databind.JsonNode operation : received.request().path("operations")) {
      decoded.add(READERS.get(operation.path("kind").asString()).apply(operation));
    }
    assertThat(decoded).isEqualTo(nasty);
    assertThat(received.request().path("group").asString()).isEqualTo(group);
    assertThat(runner.commands).hasSize(2);
    assertThat(runner.commands.get(0))
        .as("the command line with the data")
        .isEqualTo(runner.commands.get(1));
    for (String data : List.of(name, text, group)) {
      assertThat(runner.commands.get(0))
          .noneMatch(argument -> argument.contains(data) && data.length() > 2);
    }
  }

  /** How the script reads each kind of operation sent here, in the Java of the operation. */
  private static final Map<
          String, java.util.function.Function<tools.jackson.databind.JsonNode, Operation>>
      READERS =
          Map.of(
              FirewallRuleEnsure.KIND, FirewallRuleEnsure::of,
              HyperVRuleEnsure.KIND, HyperVRuleEnsure::of,
              FirewallRuleRemove.KIND, FirewallRuleRemove::of,
              PortProxySet.KIND, PortProxySet::of);

  private static List<Operation> operations(String name, String text, String group) {
    FirewallRule rule =
        new FirewallRule(
            name,
            Map.of(
                "description", new FieldValue.Text(text),
                "displayName", new FieldValue.Text(text + name),
                "remoteAddresses", new FieldValue.Texts(List.of(text, group)),
                "enabled", new FieldValue.Flag(true)));
    return List.of(
        new FirewallRuleEnsure(group, rule),
        new HyperVRuleEnsure(rule),
        new FirewallRuleRemove(group, name),
        new PortProxySet(new PortProxyEntry(PortProxyType.V4_TO_V4, text, 80, name, 81)));
  }

  private static WindowsHost host(FakeRunner runner) {
    return new WindowsHost(
        "local", new LocalSide(Map.of("USERPROFILE", "C:\\Users\\dev")), runner, false);
  }

  @Property(tries = 40)
  void aRuleNamedWithAnythingRoundTripsThroughTheSimulatedWindows(
      @ForAll("nasty") String name, @ForAll("nasty") String description) throws IOException {
    Path dir = Files.createTempDirectory("wslnet-data");
    try {
      SimProcessRunner runner = new SimProcessRunner(dir, "sim:" + dir);
      var host = SimHost.create(dir, runner);
      FirewallRule rule =
          new FirewallRule(name, Map.of("description", new FieldValue.Text(description)));
      host.observe(Optional.of("wslnet"));
      ObservedState after =
          host.apply(List.of(new FirewallRuleEnsure("wslnet", rule)), Optional.of("wslnet"))
              .observed();
      assertThat(WindowsFirewallKind.rules(after))
          .extracting(FirewallRule::name)
          .containsExactly(name);
      assertThat(WindowsFirewallKind.rules(after).get(0).field("description"))
          .contains(new FieldValue.Text(description));
      assertThat(runner.invocations())
          .extracting(SimProcessRunner.Invocation::command)
          .allSatisfy(
              command -> assertThat(command).isEqualTo(PowerShell.command("powershell.exe")));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
