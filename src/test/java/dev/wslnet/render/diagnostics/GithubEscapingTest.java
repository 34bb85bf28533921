package dev.wslnet.render.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class GithubEscapingTest {

  private static String unescape(String text) {
    return text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%");
  }

  @Property
  void dataSurvivesTheRoundTripAndStaysOnOneLine(@ForAll @StringLength(max = 80) String text) {
    String escaped = GithubDiagnosticsView.data(text);
    assertThat(escaped).doesNotContain("\n", "\r");
    assertThat(unescape(escaped)).isEqualTo(text);
  }

  @Property
  void propertiesCannotEndTheirFieldEarly(@ForAll @StringLength(max = 80) String text) {
    String escaped = GithubDiagnosticsView.property(text);
    assertThat(escaped).doesNotContain("\n", "\r", ":", ",");
    assertThat(unescape(escaped)).isEqualTo(text);
  }
}
