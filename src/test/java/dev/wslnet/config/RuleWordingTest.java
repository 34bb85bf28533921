package dev.wslnet.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules say nothing that the schema already said, and nothing a user must not follow. */
class RuleWordingTest {
  private static List<Code> codes(String yaml) {
    return new DesiredStateValidator()
        .validate("wslnet.yaml", yaml.getBytes(StandardCharsets.UTF_8)).diagnostics().stream()
            .map(Diagnostic::code)
            .toList();
  }

  /** The schema reports the port; the firewall hint would suggest localPorts [70000]. */
  @Test
  void aListenPortOutOfRangeGetsNoFirewallHint() {
    List<Code> codes =
        codes(
            """
            version: 1
            portProxy:
              rules:
                - {listenAddress: 0.0.0.0, listenPort: 70000, connectAddress: $wsl}
            """);
    assertThat(codes).isNotEmpty().doesNotContain(Code.LAN_EXPOSED_WITHOUT_FIREWALL_RULE);
  }

  /** Windows reads protocol names in any case: tcp is TCP, for ports and for the forward's rule. */
  @Test
  void aLowerCaseProtocolIsTcp() {
    List<Code> codes =
        codes(
            """
            version: 1
            portProxy:
              rules:
                - {listenAddress: 0.0.0.0, listenPort: 3000, connectAddress: $wsl}
            windowsFirewall:
              group: wslnet
              rules:
                - {name: web, protocol: tcp, localPorts: [3000]}
            """);
    assertThat(codes)
        .doesNotContain(Code.PORTS_WITHOUT_TCP_UDP, Code.LAN_EXPOSED_WITHOUT_FIREWALL_RULE);
  }
}
