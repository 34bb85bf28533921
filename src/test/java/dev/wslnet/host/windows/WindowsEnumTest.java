package dev.wslnet.host.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.model.FieldValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Windows' enum values in both forms PowerShell prints: the names and the numbers of the CIM
 * classes' value maps (MSFT_NetFirewallRule, MSFT_NetFirewallHyperVRule,
 * MSFT_NetFirewallHyperVVMSetting), in any case.
 */
class WindowsEnumTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @ParameterizedTest(name = "rule {0} = {1}")
  @CsvSource({
    "direction, 1, Inbound",
    "direction, 2, Outbound",
    "direction, inbound, Inbound",
    "direction, OUTBOUND, Outbound",
    "action, 2, Allow",
    "action, 3, AllowBypass",
    "action, 4, Block",
    "action, block, Block",
  })
  void ruleTextsFromNamesAndNumbers(String field, String printed, String expected) {
    assertThat(WindowsValues.ruleField(field, NODES.stringNode(printed)))
        .isEqualTo(new FieldValue.Text(expected));
  }

  @Test
  void ruleEnabledIsOneOrTwo() {
    Map<Object, Boolean> forms =
        Map.of(
            "1", true, "2", false, "True", true, "false", false, "Enabled", true, 1, true, 2,
            false);
    forms.forEach(
        (printed, expected) -> {
          var node =
              printed instanceof Integer number
                  ? NODES.numberNode(number)
                  : NODES.stringNode((String) printed);
          assertThat(WindowsValues.ruleField("enabled", node))
              .as("enabled %s", printed)
              .isEqualTo(new FieldValue.Flag(expected));
        });
  }

  @Test
  void settingSwitchesAreZeroOneOrNotConfigured() {
    var settings = NODES.objectNode();
    settings.put("enabled", "0");
    settings.put("loopbackEnabled", 1);
    settings.put("allowHostPolicyMerge", "2");
    settings.put("defaultInboundAction", 4);
    settings.put("defaultOutboundAction", "0");
    assertThat(WindowsValues.settings(settings))
        .containsEntry("enabled", new FieldValue.Flag(false))
        .containsEntry("loopbackEnabled", new FieldValue.Flag(true))
        .containsEntry("allowHostPolicyMerge", new FieldValue.Text("NotConfigured"))
        .containsEntry("defaultInboundAction", new FieldValue.Text("Block"))
        .containsEntry("defaultOutboundAction", new FieldValue.Text("NotConfigured"));
  }

  @Test
  void profilesAreABitmaskOrNames() {
    assertThat(WindowsValues.ruleField("profiles", NODES.stringNode("6")))
        .isEqualTo(new FieldValue.Texts(List.of("Private", "Public")));
    assertThat(WindowsValues.ruleField("profiles", NODES.numberNode(0)))
        .isEqualTo(new FieldValue.Texts(List.of("Any")));
    assertThat(WindowsValues.ruleField("profiles", NODES.stringNode("domain, PRIVATE")))
        .isEqualTo(new FieldValue.Texts(List.of("Domain", "Private")));
    var list = NODES.arrayNode().add("Public").add("Domain");
    assertThat(WindowsValues.ruleField("profiles", list))
        .isEqualTo(new FieldValue.Texts(List.of("Public", "Domain")));
  }

  @Test
  void valuesOutsideTheMapStayAsPrinted() {
    assertThat(WindowsValues.ruleField("direction", NODES.stringNode("7")))
        .isEqualTo(new FieldValue.Text("7"));
    assertThat(WindowsValues.ruleField("enabled", NODES.stringNode("Maybe")))
        .isEqualTo(new FieldValue.Text("Maybe"));
    assertThat(WindowsValues.ruleField("profiles", NODES.stringNode("64")))
        .isEqualTo(new FieldValue.Texts(List.of("64")));
  }
}
