package dev.wslnet.wslconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wslnet.model.WslEdit;
import dev.wslnet.model.WslKey;
import dev.wslnet.testing.Golden;
import dev.wslnet.testing.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WslConfigEditorTest {
  private static final List<WslEdit> NETWORKING =
      List.of(
          new WslEdit.Set(WslKey.NETWORKING_MODE_KEY, "mirrored"),
          new WslEdit.Set(WslKey.DNS_TUNNELING, "true"),
          new WslEdit.Set(WslKey.FIREWALL, "true"),
          new WslEdit.Set(WslKey.HOST_ADDRESS_LOOPBACK, "true"),
          new WslEdit.Set(WslKey.KERNEL, "C:\\Users\\me\\bzImage"),
          new WslEdit.Remove(WslKey.LOCALHOST_FORWARDING));

  private static String edit(String text, List<WslEdit> edits) {
    WslConfigText file = WslConfigText.decode(text.getBytes(StandardCharsets.UTF_8));
    return new String(WslConfigEditor.apply(file, edits), StandardCharsets.UTF_8);
  }

  private static String read(String text, String name) {
    return WslConfigParser.parse(WslConfigText.decode(text.getBytes(StandardCharsets.UTF_8)))
        .value(name)
        .orElse(null);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"docs-example", "legacy-experimental", "quoted-and-continued"})
  void goldens(String name) throws Exception {
    String input = Files.readString(Path.of("src/test/resources/wslconfig/" + name + ".wslconfig"));
    String output = edit(input, NETWORKING);
    Golden.assertMatches("wslconfig/" + name + ".wslconfig", output);
    assertThat(edit(output, NETWORKING)).as("a second edit changes nothing").isEqualTo(output);
    String crlf = edit(input.replace("\n", "\r\n"), NETWORKING);
    assertThat(crlf).as("the same edit on CRLF text").isEqualTo(output.replace("\n", "\r\n"));
  }

  @Test
  void updatesAKeyWhereWslReadsItAndKeepsItsComment() {
    assertThat(
            edit(
                "[wsl2]\nnetworkingMode = nat   # was NAT\n",
                List.of(new WslEdit.Set(WslKey.NETWORKING_MODE_KEY, "mirrored"))))
        .isEqualTo("[wsl2]\nnetworkingMode = mirrored   # was NAT\n");
  }

  @Test
  void updatesTheFirstOccurrenceUnderTheExperimentalAlias() {
    String text = "[experimental]\nnetworkingMode=nat\n[wsl2]\nnetworkingMode=none\n";
    assertThat(edit(text, List.of(new WslEdit.Set(WslKey.NETWORKING_MODE_KEY, "mirrored"))))
        .isEqualTo("[experimental]\nnetworkingMode=mirrored\n[wsl2]\nnetworkingMode=none\n");
  }

  @Test
  void addsAtTheEndOfTheSectionNotAfterTheNextSectionsComment() {
    String text =
        "[wsl2]\nmemory=4GB\n\n# Enable experimental features\n[experimental]\nsparseVhd=true\n";
    assertThat(
            edit(
                text,
                List.of(
                    new WslEdit.Set(WslKey.SWAP, "0"), new WslEdit.Set(WslKey.PROCESSORS, "2"))))
        .isEqualTo(
            "[wsl2]\n"
                + "memory=4GB\n"
                + "swap=0\n"
                + "processors=2\n\n"
                + "# Enable experimental features\n"
                + "[experimental]\n"
                + "sparseVhd=true\n");
  }

  @Test
  void appendsAMissingSectionAndWritesANewFile() {
    assertThat(
            edit(
                "[wsl2]\nmemory=4GB",
                List.of(new WslEdit.Set(WslKey.HOST_ADDRESS_LOOPBACK, "true"))))
        .isEqualTo("[wsl2]\nmemory=4GB\n\n[experimental]\nhostAddressLoopback=true\n");
    assertThat(
            edit(
                "",
                List.of(
                    new WslEdit.Set(WslKey.NETWORKING_MODE_KEY, "mirrored"),
                    new WslEdit.Set(WslKey.DNS_TUNNELING, "true"))))
        .isEqualTo("[wsl2]\nnetworkingMode=mirrored\ndnsTunneling=true\n");
  }

  @Test
  void removesEveryOccurrenceAndNothingElse() {
    String text =
        "# top\n"
            + "[wsl2]\n"
            + "swap=0\n"
            + "localhostForwarding=true # a\n"
            + "memory=2GB\n"
            + "LOCALHOSTFORWARDING=false\n";
    assertThat(edit(text, List.of(new WslEdit.Remove(WslKey.LOCALHOST_FORWARDING))))
        .isEqualTo("# top\n[wsl2]\nswap=0\nmemory=2GB\n");
  }

  @Test
  void replacesAContinuedValueWithOneLine() {
    String text = "[wsl2]\nkernelCommandLine = a \\\n  b # note\nswap=0\n";
    assertThat(edit(text, List.of(new WslEdit.Set(WslKey.KERNEL_COMMAND_LINE, "quiet"))))
        .isEqualTo("[wsl2]\nkernelCommandLine = quiet # note\nswap=0\n");
  }

  @Test
  void escapesPathsAndQuotesWhatNeedsIt() {
    String text =
        edit(
            "",
            List.of(
                new WslEdit.Set(WslKey.KERNEL, "C:\\temp\\new"),
                new WslEdit.Set(WslKey.KERNEL_COMMAND_LINE, " a#b \"c\"\t")));
    assertThat(text)
        .contains("kernel=C:\\\\temp\\\\new\n")
        .contains("kernelCommandLine=\" a#b \\\"c\\\"\\t\"\n");
    assertThat(read(text, "wsl2.kernel")).isEqualTo("C:\\temp\\new");
    assertThat(read(text, "wsl2.kernelcommandline")).isEqualTo(" a#b \"c\"\t");
  }

  @Test
  void keepsEncodingBomAndCrlfByteForByte() {
    for (WslConfigText.Encoding encoding : WslConfigText.Encoding.values()) {
      String text = "# note\r\n[wsl2]\r\nmemory=4GB\r\n";
      byte[] bytes = encoding.encode(text);
      byte[] edited =
          WslConfigEditor.apply(
              WslConfigText.decode(bytes), List.of(new WslEdit.Set(WslKey.MEMORY, "8GB")));
      assertThat(edited).isEqualTo(encoding.encode("# note\r\n[wsl2]\r\nmemory=8GB\r\n"));
      assertThat(
              WslConfigEditor.apply(
                  WslConfigText.decode(bytes), List.of(new WslEdit.Set(WslKey.MEMORY, "4GB"))))
          .as("nothing to change: the same bytes")
          .isEqualTo(bytes);
    }
  }

  @Test
  void equalValuesInAnotherSpellingAreLeftAlone() {
    String text = "[wsl2]\nfirewall=True\nmemory=8192MB\n";
    assertThat(edit(text, List.of())).isEqualTo(text);
  }

  @Test
  void refusesAnEditWslWouldNotReadBack() {
    String text = "[wsl2]\nmacAddress=zz\n";
    assertThatThrownBy(() -> edit(text, List.of(new WslEdit.Set(WslKey.MEMORY, "8GB"))))
        .isInstanceOf(WslConfigEditException.class)
        .hasMessageContaining("wsl2.memory");
    assertThatThrownBy(() -> WslConfigEditor.encode("a\rb"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The real users' files. Without the corpus, one invocation that reports itself skipped (failed,
   * in CI) with the reason: a parameterized test without arguments would vanish from the report.
   */
  static Stream<Named<Path>> corpus() throws Exception {
    if (Oracle.corpusMissing().isPresent()) {
      return Stream.of(Named.of("the corpus", null));
    }
    return Oracle.corpus().stream().map(path -> Named.of(path.getFileName().toString(), path));
  }

  /**
   * On every real file: only the lines of the edited keys differ, and the line endings stay the
   * file's.
   */
  @ParameterizedTest
  @MethodSource("corpus")
  void onRealFilesOnlyTheIntendedLinesChange(Path path) throws Exception {
    Shared.require(Oracle.corpusMissing().orElse(null));
    byte[] bytes = Files.readAllBytes(path);
    WslConfigText file = WslConfigText.decode(bytes);
    ParsedWslConfig before = WslConfigParser.parse(file);
    assumeTrue(before.complete(), "WSL stops reading this file early");
    String after = WslConfigText.decode(WslConfigEditor.apply(file, NETWORKING)).text();
    List<String> edited =
        List.of(
            "networkingmode",
            "dnstunneling",
            "firewall",
            "hostaddressloopback",
            "kernel",
            "localhostforwarding",
            "[wsl2]",
            "[experimental]",
            "");
    assertThat(untouched(after, edited)).isEqualTo(untouched(file.text(), edited));
    if (file.text().contains("\r\n")) {
      assertThat(after.replace("\r\n", "")).doesNotContain("\n");
    }
    ParsedWslConfig reread =
        WslConfigParser.parse(WslConfigText.decode(after.getBytes(StandardCharsets.UTF_8)));
    assertThat(reread.value("wsl2.networkingmode")).contains("mirrored");
    assertThat(reread.value("wsl2.localhostforwarding")).isEmpty();
    before
        .values()
        .forEach(
            (name, value) -> {
              if (!name.matches(
                  "wsl2\\.(networkingmode|dnstunneling|firewall|kernel|localhostforwarding)"
                      + "|experimental\\.hostaddressloopback")) {
                assertThat(reread.value(name)).as(name).contains(value);
              }
            });
  }

  private static List<String> untouched(String text, List<String> editedKeys) {
    return text.lines()
        .filter(
            line ->
                editedKeys.stream()
                    .noneMatch(
                        key -> {
                          String lower = line.strip().toLowerCase(Locale.ROOT);
                          return key.isEmpty() ? lower.isEmpty() : lower.startsWith(key);
                        }))
        .toList();
  }
}
