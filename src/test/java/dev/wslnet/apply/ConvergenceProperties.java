package dev.wslnet.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.host.Host;
import dev.wslnet.hypervfirewall.HyperVSpec;
import dev.wslnet.model.ConnectAddress;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyRule;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.model.WslKey;
import dev.wslnet.plan.Plan;
import dev.wslnet.plan.Planner;
import dev.wslnet.portproxy.PortProxyKind;
import dev.wslnet.portproxy.PortProxySpec;
import dev.wslnet.sim.SimHost;
import dev.wslnet.testing.Documents;
import dev.wslnet.windowsfirewall.WindowsFirewallSpec;
import dev.wslnet.wslconfig.WslSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The idempotency contract over random states: from any state a host was left in by one desired
 * state, applying another converges, and a second apply has nothing to do.
 */
class ConvergenceProperties {

  @Property(tries = 100)
  void applyingAnyDesiredStateOverAnyOtherConverges(
      @ForAll("desiredStates") DesiredState before, @ForAll("desiredStates") DesiredState after)
      throws IOException {
    Statistics.label("two types on one listen socket")
        .collect(sharesASocket(before) || sharesASocket(after));
    Statistics.label("two types on one listen socket")
        .coverage(coverage -> coverage.check(true).percentage(p -> p > 25));
    assertConverges(before, after);
  }

  /**
   * A host that already holds some of the declared forwards, so that a declared forward often finds
   * another declared one of the other type on its listen socket.
   */
  @Property(tries = 100)
  void applyingOverAHostWithPartOfTheForwardsConverges(
      @ForAll("desiredStates") DesiredState after, @ForAll List<Boolean> kept) throws IOException {
    List<PortProxyRule> forwards =
        after.section(PortProxyKind.DESIRED).map(PortProxySpec::rules).orElse(List.of());
    List<PortProxyRule> part = new ArrayList<>();
    for (int i = 0; i < forwards.size(); i++) {
      if (i < kept.size() && kept.get(i)) {
        part.add(forwards.get(i));
      }
    }
    DesiredState before =
        Documents.desired(
            List.of(),
            Optional.of(new PortProxySpec(false, part)),
            Optional.empty(),
            Optional.empty());
    assertConverges(before, after);
  }

  /**
   * The case of issue 8: declared v4tov6 first, v4tov4 second, and the host has only the v4tov4
   * forward.
   */
  @Example
  void twoDeclaredTypesOnOneSocketBothStay() throws IOException {
    PortProxyRule toV6 =
        new PortProxyRule(PortProxyType.V4_TO_V6, "0.0.0.0", 80, ConnectAddress.of("fd00::1"), 80);
    PortProxyRule toV4 =
        new PortProxyRule(PortProxyType.V4_TO_V4, "0.0.0.0", 80, ConnectAddress.of("10.0.0.1"), 80);
    assertConverges(forwards(toV4), forwards(toV6, toV4));
  }

  private static DesiredState forwards(PortProxyRule... rules) {
    return Documents.desired(
        List.of(),
        Optional.of(new PortProxySpec(false, List.of(rules))),
        Optional.empty(),
        Optional.empty());
  }

  private static void assertConverges(DesiredState before, DesiredState after) throws IOException {
    Path dir = Files.createTempDirectory("wslnet-convergence");
    try {
      Host host = SimHost.create(dir, false);
      apply(host, before);
      ApplyResult result = apply(host, after);
      assertThat(result.failed()).isZero();
      assertThat(result.after().changes()).as("left after apply").isEmpty();
      Plan again = Planner.plan(after, host.observe(after.managedGroup()));
      assertThat(again.changes()).isEmpty();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static boolean sharesASocket(DesiredState desired) {
    List<String> sockets =
        desired
            .section(PortProxyKind.DESIRED)
            .map(
                spec -> spec.rules().stream().map(rule -> rule.resolve("").listenSocket()).toList())
            .orElse(List.of());
    return sockets.stream().distinct().count() < sockets.size();
  }

  private static ApplyResult apply(Host host, DesiredState desired) {
    ObservedState observed = host.observe(desired.managedGroup());
    return new Applier(host, false)
        .apply(desired, observed, Planner.plan(desired, observed), false);
  }

  @Provide
  Arbitrary<DesiredState> desiredStates() {
    Arbitrary<List<WslSetting>> settings =
        Combinators.combine(
                Arbitraries.of("nat", "mirrored", "NAT", "none").optional(),
                Arbitraries.of("true", "false").optional(),
                Arbitraries.of("4GB", "8GB", "8192MB", "0").optional(),
                Arbitraries.strings().withChars("abc =#\"\\").ofMaxLength(8).optional())
            .as(
                (mode, tunneling, memory, commandLine) -> {
                  List<WslSetting> list = new ArrayList<>();
                  mode.ifPresent(
                      m -> list.add(new WslSetting(WslKey.NETWORKING_MODE_KEY, Optional.of(m))));
                  tunneling.ifPresent(
                      t -> list.add(new WslSetting(WslKey.DNS_TUNNELING, Optional.of(t))));
                  memory.ifPresent(m -> list.add(new WslSetting(WslKey.MEMORY, Optional.of(m))));
                  commandLine.ifPresent(
                      c ->
                          list.add(
                              new WslSetting(
                                  WslKey.KERNEL_COMMAND_LINE,
                                  c.isEmpty() ? Optional.empty() : Optional.of(c))));
                  return list;
                });
    Arbitrary<PortProxyRule> forward =
        Combinators.combine(
                Arbitraries.of("0.0.0.0", "*", "127.0.0.1"),
                Arbitraries.integers().between(3000, 3005),
                Arbitraries.of("$wsl", "10.0.0.5", "fd00::5"),
                Arbitraries.integers().between(80, 82))
            .as(
                (listen, port, connect, connectPort) ->
                    new PortProxyRule(
                        connect.contains(":") ? PortProxyType.V4_TO_V6 : PortProxyType.V4_TO_V4,
                        listen,
                        port,
                        ConnectAddress.of(connect),
                        connectPort));
    // Unique by identity only, and often with a forward of the other type on the first one's listen
    // socket: netsh
    // keeps both, and neither may push the other out.
    Arbitrary<List<PortProxyRule>> forwards =
        Combinators.combine(
                forward.list().ofMaxSize(5).uniqueElements(r -> r.resolve("").identity()),
                Arbitraries.of(true, false))
            .as((list, sibling) -> sibling && !list.isEmpty() ? withSibling(list) : list);
    Arbitrary<PortProxySpec> portProxy =
        Combinators.combine(Arbitraries.of(true, false), forwards).as(PortProxySpec::new);
    Arbitrary<WindowsFirewallSpec> windows =
        Combinators.combine(
                Arbitraries.of(true, false),
                rules()
                    .list()
                    .ofMaxSize(4)
                    .uniqueElements(r -> r.name().toLowerCase(java.util.Locale.ROOT)))
            .as((prune, rules) -> new WindowsFirewallSpec("wslnet", prune, rules));
    Arbitrary<HyperVSpec> hyperV =
        Combinators.combine(
                Arbitraries.of("Allow", "Block").optional(),
                Arbitraries.of(true, false),
                rules()
                    .list()
                    .ofMaxSize(4)
                    .uniqueElements(r -> r.name().toLowerCase(java.util.Locale.ROOT)))
            .as(
                (inbound, prune, rules) ->
                    new HyperVSpec(
                        inbound
                            .map(
                                a ->
                                    Map.<String, FieldValue>of(
                                        "defaultInboundAction", new FieldValue.Text(a)))
                            .orElse(Map.of()),
                        prune,
                        rules));
    return Combinators.combine(
            settings, portProxy.optional(), hyperV.optional(), windows.optional())
        .as(Documents::desired);
  }

  private static List<PortProxyRule> withSibling(List<PortProxyRule> forwards) {
    PortProxyRule first = forwards.get(0);
    boolean toV6 = first.type() == PortProxyType.V4_TO_V4;
    PortProxyRule sibling =
        new PortProxyRule(
            toV6 ? PortProxyType.V4_TO_V6 : PortProxyType.V4_TO_V4,
            first.listenAddress(),
            first.listenPort(),
            ConnectAddress.of(toV6 ? "fd00::6" : "10.0.0.6"),
            90);
    String identity = sibling.resolve("").identity();
    if (forwards.stream().anyMatch(rule -> rule.resolve("").identity().equals(identity))) {
      return forwards;
    }
    List<PortProxyRule> list = new ArrayList<>(forwards);
    list.add(0, sibling);
    return list;
  }

  private static Arbitrary<FirewallRule> rules() {
    return Combinators.combine(
            Arbitraries.of("web", "ssh", "Web", "db"),
            Arbitraries.of("TCP", "UDP").optional(),
            Arbitraries.of(List.of("80"), List.of("443", "80"), List.of("8000-8010")).optional(),
            Arbitraries.of(true, false).optional(),
            Arbitraries.of("Inbound", "Outbound").optional())
        .as(
            (name, protocol, ports, enabled, direction) -> {
              Map<String, FieldValue> fields = new LinkedHashMap<>();
              protocol.ifPresent(p -> fields.put("protocol", new FieldValue.Text(p)));
              if (protocol.isPresent()) {
                ports.ifPresent(p -> fields.put("localPorts", new FieldValue.Texts(p)));
              }
              enabled.ifPresent(e -> fields.put("enabled", new FieldValue.Flag(e)));
              direction.ifPresent(d -> fields.put("direction", new FieldValue.Text(d)));
              return new FirewallRule(name, fields);
            });
  }
}
