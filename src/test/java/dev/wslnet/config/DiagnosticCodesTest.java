package dev.wslnet.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per diagnostic code at least: a small file, and the exact code, severity, line and
 * column it must produce. The last test checks that every code has a case, so a new code cannot
 * ship untested.
 */
class DiagnosticCodesTest {
  private static final DesiredStateValidator VALIDATOR = new DesiredStateValidator();

  /**
   * The codes that the tests outside the case tables check: file-level problems and the plan-time
   * warning.
   */
  private static final Set<Code> CHECKED_OUTSIDE_CASES =
      EnumSet.of(
          // The plan case unreadable-forwards shows it, in its goldens.
          Code.UNREADABLE_PORT_PROXY,
          Code.HOST_STAR_AND_ANY_ADDRESS,
          Code.FILE_UNREADABLE,
          Code.FILE_TOO_LARGE,
          Code.NOT_UTF8,
          Code.DOCUMENT_COUNT,
          Code.IP_HELPER_STOPPED);

  /** What a case expects: a code at a 1-based line and column. */
  record Expected(Code code, int line, int column) {
    static Expected at(Code code, int line, int column) {
      return new Expected(code, line, column);
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "unknown key with a suggestion",
            """
            version: 1
            wslconfig:
              wsl2:
                networkingmode: nat
            """,
            Expected.at(Code.UNKNOWN_KEY, 4, 5)),
        c(
            "unknown top-level key",
            """
            version: 1
            portproxy: {}
            """,
            Expected.at(Code.UNKNOWN_KEY, 2, 1)),
        c(
            "missing version",
            """
            wslconfig: {}
            """,
            Expected.at(Code.MISSING_KEY, 1, 1)),
        c(
            "missing listenPort",
            """
            version: 1
            portProxy:
              rules:
                - listenAddress: 127.0.0.1
                  connectAddress: $wsl
            """,
            Expected.at(Code.MISSING_KEY, 4, 7)),
        c(
            "yes is a string",
            """
            version: 1
            wslconfig:
              wsl2:
                dnsTunneling: yes
            """,
            Expected.at(Code.WRONG_TYPE, 4, 19)),
        c(
            "infinity is not an integer",
            """
            version: 1
            wslconfig:
              wsl2:
                processors: .inf
            """,
            Expected.at(Code.WRONG_TYPE, 4, 17)),
        c(
            "bad enum",
            """
            version: 1
            wslconfig:
              wsl2:
                networkingMode: natural
            """,
            Expected.at(Code.INVALID_VALUE, 4, 21)),
        c(
            "bad size",
            """
            version: 1
            wslconfig:
              wsl2:
                memory: 4 GB
            """,
            Expected.at(Code.INVALID_VALUE, 4, 13)),
        c(
            "version 2",
            """
            version: 2
            """,
            Expected.at(Code.UNSUPPORTED_VERSION, 1, 10)),
        c(
            "experimental-only key under wsl2",
            """
            version: 1
            wslconfig:
              wsl2:
                networkingMode: mirrored
                ignoredPorts: [3000]
            """,
            Expected.at(Code.EXPERIMENTAL_KEY_IN_WSL2, 5, 5)),
        c(
            "graduated key under experimental",
            """
            version: 1
            wslconfig:
              experimental:
                networkingMode: mirrored
            """,
            Expected.at(Code.WSL2_KEY_IN_EXPERIMENTAL, 4, 5)),
        c(
            "duplicate portproxy identity",
            """
            version: 1
            portProxy:
              rules:
                - {listenAddress: 127.0.0.1, listenPort: 80, connectAddress: $wsl}
                - {listenAddress: 127.0.0.1, listenPort: 80, connectAddress: 10.0.0.1}
                - {listenAddress: '*', listenPort: 80, connectAddress: $wsl}
            """,
            Expected.at(Code.DUPLICATE_IDENTITY, 5, 7),
            Expected.at(Code.LAN_EXPOSED_WITHOUT_FIREWALL_RULE, 6, 23)),
        c(
            "duplicate firewall rule names",
            """
            version: 1
            hyperVFirewall:
              rules:
                - name: web
                - name: Web
            """,
            Expected.at(Code.DUPLICATE_IDENTITY, 5, 13)),
        c(
            "portproxy in mirrored mode",
            """
            version: 1
            wslconfig:
              wsl2:
                networkingMode: Mirrored
            portProxy:
              rules:
                - {listenAddress: 127.0.0.1, listenPort: 4000, connectAddress: $wsl}
            """,
            Expected.at(Code.PORTPROXY_IN_MIRRORED, 6, 3),
            Expected.at(Code.WSL_ADDRESS_IN_MIRRORED, 7, 68)),
        c(
            "mirrored-only keys without mirrored",
            """
            version: 1
            wslconfig:
              wsl2:
                networkingMode: nat
              experimental:
                hostAddressLoopback: true
                ignoredPorts: [3000]
            """,
            Expected.at(Code.MIRRORED_ONLY_KEY, 6, 5),
            Expected.at(Code.MIRRORED_ONLY_KEY, 7, 5)),
        c(
            "LAN listener without a firewall rule",
            """
            version: 1
            portProxy:
              rules:
                - listenAddress: 0.0.0.0
                  listenPort: 4000
                  connectAddress: $wsl
            windowsFirewall:
              group: wslnet
              rules:
                - {name: other-port, protocol: TCP, localPorts: [4001]}
            """,
            Expected.at(Code.LAN_EXPOSED_WITHOUT_FIREWALL_RULE, 4, 22)),
        c(
            "LAN listener covered by a range rule",
            """
            version: 1
            portProxy:
              rules:
                - listenAddress: 0.0.0.0
                  listenPort: 4005
                  connectAddress: $wsl
            windowsFirewall:
              group: wslnet
              rules:
                - {name: range, protocol: TCP, localPorts: ["4000-4010"]}
            """),
        c(
            "dnsTunnelingIpAddress not IPv4",
            """
            version: 1
            wslconfig:
              experimental:
                dnsTunnelingIpAddress: fd00::53
            """,
            Expected.at(Code.INVALID_DNS_TUNNELING_ADDRESS, 4, 28)),
        c(
            "settings mirrored mode ignores",
            """
            version: 1
            wslconfig:
              wsl2:
                networkingMode: mirrored
                localhostForwarding: true
                dnsProxy: false
                firewall: false
            """,
            Expected.at(Code.IGNORED_IN_MODE, 5, 5),
            Expected.at(Code.IGNORED_IN_MODE, 6, 5),
            Expected.at(Code.IGNORED_IN_MODE, 7, 15)),
        c(
            "DNS tunneling in none mode",
            """
            version: 1
            wslconfig:
              wsl2:
                networkingMode: none
                dnsTunneling: true
            """,
            Expected.at(Code.IGNORED_IN_MODE, 5, 19)),
        c(
            "settings that need another one",
            """
            version: 1
            wslconfig:
              wsl2:
                dnsTunneling: false
                autoProxy: false
              experimental:
                bestEffortDnsParsing: true
                initialAutoProxyTimeout: 3000
            """,
            Expected.at(Code.NEEDS_OTHER_SETTING, 7, 5),
            Expected.at(Code.NEEDS_OTHER_SETTING, 8, 5)),
        c(
            "portproxy type against the addresses",
            """
            version: 1
            portProxy:
              rules:
                - {type: v4tov4, listenAddress: '::1', listenPort: 80, connectAddress: 'fd00::2'}
            """,
            Expected.at(Code.PORTPROXY_TYPE_MISMATCH, 4, 37),
            Expected.at(Code.PORTPROXY_TYPE_MISMATCH, 4, 76)),
        c(
            "$wsl is IPv4",
            """
            version: 1
            portProxy:
              rules:
                - {type: v4tov6, listenAddress: 127.0.0.1, listenPort: 80, connectAddress: $wsl}
            """,
            Expected.at(Code.PORTPROXY_TYPE_MISMATCH, 4, 80)),
        c(
            "WslCore rule name",
            """
            version: 1
            hyperVFirewall:
              rules:
                - name: WslCore-Allow-Inbound-mine
            """,
            Expected.at(Code.RESERVED_RULE_NAME, 4, 13)),
        c(
            "bridged without a switch",
            """
            version: 1
            wslconfig:
              wsl2:
                networkingMode: bridged
            """,
            Expected.at(Code.DEPRECATED_MODE, 4, 21),
            Expected.at(Code.BRIDGED_WITHOUT_SWITCH, 4, 21)),
        c(
            "bridged with a switch",
            """
            version: 1
            wslconfig:
              wsl2:
                networkingMode: bridged
                vmSwitch: External
            """,
            Expected.at(Code.DEPRECATED_MODE, 4, 21)),
        c(
            "ports mirrored mode keeps",
            """
            version: 1
            wslconfig:
              wsl2:
                networkingMode: mirrored
            hyperVFirewall:
              rules:
                - {name: rtp, protocol: TCP, localPorts: [5000, "5000-5010"]}
            """,
            Expected.at(Code.PORT_NOT_STEERED_IN_MIRRORED, 7, 53)),
        c(
            "portproxy loop",
            """
            version: 1
            portProxy:
              rules:
                - {listenAddress: '*', listenPort: 80, connectAddress: localhost}
            windowsFirewall:
              group: wslnet
              rules:
                - {name: web, protocol: TCP, localPorts: [80]}
            """,
            Expected.at(Code.PORTPROXY_LOOP, 4, 60)),
        c(
            "bad port ranges",
            """
            version: 1
            windowsFirewall:
              group: wslnet
              rules:
                - {name: r, protocol: TCP, localPorts: ["9000-8000", "1-70000", 80]}
            """,
            Expected.at(Code.INVALID_PORT_RANGE, 5, 45),
            Expected.at(Code.INVALID_PORT_RANGE, 5, 58)),
        c(
            "bad addresses",
            """
            version: 1
            portProxy:
              rules:
                - listenAddress: 300.1.1.1
                  listenPort: 80
                  connectAddress: 'fe80::1::2'
                  type: v4tov6
            hyperVFirewall:
              rules:
                - name: r
                  remoteAddresses: [10.0.0.0/33, 10.0.0.1-fe80::1, LocalSubnet, 10.0.0.0/255.0.0.0]
            """,
            Expected.at(Code.INVALID_ADDRESS, 4, 22),
            Expected.at(Code.INVALID_ADDRESS, 6, 23),
            Expected.at(Code.INVALID_ADDRESS, 11, 25),
            Expected.at(Code.INVALID_ADDRESS, 11, 38)),
        c(
            "non-ASCII and doubled backslashes",
            """
            version: 1
            wslconfig:
              wsl2:
                kernel: 'C:\\\\Users\\\\José\\\\bzImage'
            """,
            Expected.at(Code.NON_ASCII_VALUE, 4, 13),
            Expected.at(Code.DOUBLED_BACKSLASH, 4, 13)),
        c(
            "ports without TCP or UDP",
            """
            version: 1
            windowsFirewall:
              group: wslnet
              rules:
                - {name: r, localPorts: [80]}
            hyperVFirewall:
              rules:
                - {name: icmp, protocol: ICMPv4, localPorts: [3, 11]}
            """,
            Expected.at(Code.PORTS_WITHOUT_TCP_UDP, 5, 17)),
        c(
            "a protocol that is none, with ports: the schema's error alone",
            """
            version: 1
            windowsFirewall:
              group: wslnet
              rules:
                - {name: r, protocol: TPC, localPorts: [80]}
                - {name: s, protocol: 300, localPorts: [80]}
            """,
            Expected.at(Code.INVALID_VALUE, 5, 27),
            Expected.at(Code.INVALID_VALUE, 6, 27)),
        c(
            "two types of forward on one listen socket",
            """
            version: 1
            portProxy:
              rules:
                - {listenAddress: 127.0.0.1, listenPort: 80, connectAddress: 10.0.0.5}
                - {listenAddress: 127.0.0.1, listenPort: 80, connectAddress: "fd00::5"}
                - {listenAddress: 127.0.0.1, listenPort: 81, connectAddress: "fd00::5"}
            """,
            Expected.at(Code.SHARED_LISTEN_SOCKET, 5, 7)),
        c(
            "* and 0.0.0.0 on one port",
            """
            version: 1
            portProxy:
              rules:
                - {listenAddress: "*", listenPort: 80, connectAddress: 10.0.0.5}
                - {listenAddress: 0.0.0.0, listenPort: 80, connectAddress: 10.0.0.6}
            windowsFirewall:
              group: wslnet
              rules:
                - {name: web, direction: Inbound, action: Allow, protocol: TCP, localPorts: [80]}
            """,
            Expected.at(Code.STAR_AND_ANY_ADDRESS, 5, 23)),
        c(
            "a control character no .wslconfig line can carry",
            """
            version: 1
            wslconfig:
              wsl2:
                kernelCommandLine: "a\\0b"
            """,
            Expected.at(Code.UNWRITABLE_WSLCONFIG_VALUE, 4, 24)),
        c(
            "wildcards in rule names",
            """
            version: 1
            hyperVFirewall:
              rules:
                - {name: "web*"}
            windowsFirewall:
              group: wslnet
              rules:
                - {name: "db[1]"}
                - {name: "hv`1"}
            """,
            Expected.at(Code.WILDCARD_IN_RULE_NAME, 4, 14),
            Expected.at(Code.WILDCARD_IN_RULE_NAME, 8, 14),
            Expected.at(Code.WILDCARD_IN_RULE_NAME, 9, 14)),
        c(
            "YAML duplicate key",
            """
            version: 1
            version: 1
            """,
            Expected.at(Code.YAML_DUPLICATE_KEY, 2, 1)),
        c(
            "YAML syntax",
            """
            version: 1
            wslconfig: [
            """,
            Expected.at(Code.YAML_SYNTAX, 3, 1)),
        c(
            "YAML limit",
            "a: " + "[".repeat(100) + "]".repeat(100) + "\n",
            Expected.at(Code.YAML_LIMIT, 1, 67)),
        c(
            "two documents",
            """
            version: 1
            ---
            version: 1
            """,
            Expected.at(Code.DOCUMENT_COUNT, 2, 1)));
  }

  private static Arguments c(String name, String yaml, Expected... expected) {
    return Arguments.of(name, yaml, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedDiagnostics(String name, String yaml, List<Expected> expected) {
    FileReport report = VALIDATOR.validate("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    List<Expected> actual =
        report.diagnostics().stream()
            .map(
                d ->
                    new Expected(
                        d.code(),
                        d.span().orElseThrow().lineNumber(),
                        d.span().orElseThrow().columnNumber()))
            .toList();
    assertThat(actual)
        .as(report.diagnostics().toString())
        .containsExactlyInAnyOrderElementsOf(expected);
    report
        .diagnostics()
        .forEach(
            d -> {
              assertThat(d.severity()).isEqualTo(d.code().severity());
              assertThat(d.message()).isNotBlank();
            });
  }

  static Stream<Arguments> wslconfigCases() {
    return Stream.of(
        c(
            "a ; comment and a bad header",
            "[wsl2]\n; a comment\n[wsl2] x\n",
            Expected.at(Code.WSLCONFIG_SKIPPED_LINE, 2, 1),
            Expected.at(Code.WSLCONFIG_SKIPPED_LINE, 3, 1)),
        c(
            "yes and a spaced size",
            "[wsl2]\nfirewall=yes\nmemory=4 GB\n",
            Expected.at(Code.WSLCONFIG_INVALID_VALUE, 2, 1),
            Expected.at(Code.WSLCONFIG_INVALID_VALUE, 3, 1)),
        c(
            "an experimental key under wsl2",
            "[wsl2]\nhostAddressLoopback=true\n",
            Expected.at(Code.WSLCONFIG_UNKNOWN_KEY, 2, 1)),
        c(
            "a duplicate",
            "[wsl2]\nmemory=4GB\nmemory=8GB\n",
            Expected.at(Code.WSLCONFIG_DUPLICATE_KEY, 3, 1)),
        c(
            "single backslashes",
            "[wsl2]\nkernel=C:\\temp\\k\nswapFile=C:\\Users\\me\\swap.vhdx\n",
            Expected.at(Code.WSLCONFIG_UNESCAPED_BACKSLASH, 2, 1),
            Expected.at(Code.WSLCONFIG_UNESCAPED_BACKSLASH, 3, 1)),
        c(
            "a bad MAC address",
            "[wsl2]\nmacAddress=zz\nmemory=2GB\n",
            Expected.at(Code.WSLCONFIG_STOPS_READING, 2, 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wslconfigCases")
  void lintsExistingWslConfigFiles(String name, String text, List<Expected> expected) {
    var parsed =
        dev.wslnet.wslconfig.WslConfigParser.parse(
            dev.wslnet.wslconfig.WslConfigText.decode(text.getBytes(StandardCharsets.UTF_8)));
    List<Diagnostic> diagnostics = dev.wslnet.wslconfig.WslConfigLint.check(parsed, ".wslconfig");
    List<Expected> actual =
        diagnostics.stream()
            .map(
                d ->
                    new Expected(
                        d.code(),
                        d.span().orElseThrow().lineNumber(),
                        d.span().orElseThrow().columnNumber()))
            .toList();
    assertThat(actual).as(diagnostics.toString()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void planWarnsWhenTheIpHelperServiceIsStopped(@TempDir Path dir) {
    dev.wslnet.testing.SimDir host =
        dev.wslnet.testing.SimDir.fresh(dir)
            .edit(
                root ->
                    root.withObject("facts")
                        .put("ipHelperRunning", false)
                        .put("hyperVFirewallAvailable", false));
    dev.wslnet.cli.CliRun plan =
        dev.wslnet.cli.CliRun.run(
            "plan", "-f", "examples/nat-lan-dev-server.yaml", "--host", host.spec());
    assertThat(plan.out())
        .contains("[" + Code.IP_HELPER_STOPPED.id() + "]")
        .contains("Start-Service iphlpsvc");
    dev.wslnet.cli.CliRun hyperV =
        dev.wslnet.cli.CliRun.run(
            "plan", "-f", "examples/mirrored-inbound.yaml", "--host", host.spec());
    assertThat(hyperV.exitCode()).isEqualTo(1);
    assertThat(hyperV.err()).contains("no Hyper-V firewall cmdlets").contains("Windows 10");
  }

  @Test
  void planWarnsWhenTheHostForwardsStarAndTheAnyAddressOnOnePort(@TempDir Path dir) {
    dev.wslnet.testing.SimDir host =
        dev.wslnet.testing.SimDir.fresh(dir)
            .edit(
                root -> {
                  for (String listen : List.of("*", "0.0.0.0")) {
                    root.withArray("portProxy")
                        .addObject()
                        .put("type", "v4tov4")
                        .put("listenAddress", listen)
                        .put("listenPort", 9000)
                        .put("connectAddress", "10.0.0.9")
                        .put("connectPort", 9000);
                  }
                });
    dev.wslnet.cli.CliRun plan =
        dev.wslnet.cli.CliRun.run(
            "plan", "-f", "examples/minimal.yaml", "--host", host.spec(), "--no-color");
    assertThat(plan.out())
        .contains("[" + Code.HOST_STAR_AND_ANY_ADDRESS.id() + "]")
        .contains("portProxy[v4tov4 *:9000] and portProxy[v4tov4 0.0.0.0:9000]");
  }

  @Test
  void unknownKeysSuggestTheNearestKnownOne() {
    FileReport report =
        VALIDATOR.validate(
            "case.yaml",
            """
            version: 1
            wslconfig:
              wsl2:
                networkingmode: nat
            networkingMode: nat
            """
                .getBytes(StandardCharsets.UTF_8));
    assertThat(report.diagnostics())
        .extracting(d -> d.hint().orElseThrow())
        .containsExactly(
            "did you mean `networkingMode`?", "`networkingMode` belongs under `wslconfig.wsl2`");
  }

  @Test
  void fileLevelProblems(@TempDir Path dir) throws Exception {
    Path notUtf8 =
        Files.write(
            dir.resolve("latin1.yaml"),
            "version: 1\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Path big = dir.resolve("big.yaml");
    try (var out = Files.newOutputStream(big)) {
      out.write(new byte[dev.wslnet.config.yaml.YamlLoader.MAX_BYTES + 1]);
    }
    assertThat(only(VALIDATOR.validate(dir.resolve("missing.yaml").toString())).code())
        .isEqualTo(Code.FILE_UNREADABLE);
    assertThat(only(VALIDATOR.validate(dir.toString())).code()).isEqualTo(Code.FILE_UNREADABLE);
    assertThat(only(VALIDATOR.validate(notUtf8.toString())).code()).isEqualTo(Code.NOT_UTF8);
    assertThat(only(VALIDATOR.validate(big.toString())).code()).isEqualTo(Code.FILE_TOO_LARGE);
    assertThat(
            only(VALIDATOR.validate(Files.writeString(dir.resolve("empty.yaml"), "").toString()))
                .code())
        .isEqualTo(Code.DOCUMENT_COUNT);
  }

  private static Diagnostic only(FileReport report) {
    assertThat(report.diagnostics()).hasSize(1);
    Diagnostic diagnostic = report.diagnostics().get(0);
    assertThat(diagnostic.severity()).isEqualTo(Severity.ERROR);
    return diagnostic;
  }

  /** Counts what the cases declare, not what ran, so that it holds whichever tests run with it. */
  @Test
  void everyCodeHasACase() {
    Set<Code> covered = EnumSet.copyOf(CHECKED_OUTSIDE_CASES);
    Stream.concat(cases(), wslconfigCases())
        .forEach(
            arguments -> declared(arguments).forEach(expected -> covered.add(expected.code())));
    assertThat(EnumSet.complementOf(EnumSet.copyOf(covered)))
        .as("codes without a test case")
        .isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<Expected> declared(Arguments arguments) {
    return (List<Expected>) arguments.get()[2];
  }
}
