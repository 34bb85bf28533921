package dev.wslnet.host.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A scheduled task's arguments are one command line: whatever the paths hold (spaces, quotes,
 * backslashes before quotes, tabs, nothing at all), the program gets back exactly the list wslnet
 * wrote.
 */
class WindowsCommandLineProperties {

  @Provide
  Arbitrary<List<String>> arguments() {
    return Arbitraries.strings()
        .withChars(' ', '\t', '"', '\\', 'a', 'Z', ':', '%', '&', '^', 'ü', '\'')
        .ofMaxLength(12)
        .list()
        .ofMaxSize(6);
  }

  @Property(tries = 2000)
  void splitUndoesJoin(@ForAll("arguments") List<String> arguments) {
    assertThat(WindowsCommandLine.split(WindowsCommandLine.join(arguments))).isEqualTo(arguments);
  }

  @Property(tries = 500)
  void forABatchFileCmdsSpecialsAreAlwaysInsideQuotes(@ForAll("arguments") List<String> arguments) {
    String line = WindowsCommandLine.join(arguments, WindowsCommandLine.BATCH_SPECIALS);
    assertThat(WindowsCommandLine.split(line)).isEqualTo(arguments);
    assertThat(
            WindowsCommandLine.join(
                List.of("C:\\R&D\\w^x.yaml"), WindowsCommandLine.BATCH_SPECIALS))
        .isEqualTo("\"C:\\R&D\\w^x.yaml\"");
  }

  /** Microsoft's own examples ("Parsing C command-line arguments"). */
  @Example
  void splitsAsTheCRuntimeDocumentationShows() {
    assertThat(WindowsCommandLine.split("\"abc\" d e")).containsExactly("abc", "d", "e");
    assertThat(WindowsCommandLine.split("a\\\\b d\"e f\"g h"))
        .containsExactly("a\\\\b", "de fg", "h");
    assertThat(WindowsCommandLine.split("a\\\\\\\"b c d")).containsExactly("a\\\"b", "c", "d");
    assertThat(WindowsCommandLine.split("a\\\\\\\\\"b c\" d e"))
        .containsExactly("a\\\\b c", "d", "e");
  }

  @Example
  void plainArgumentsStayAsTheyAre() {
    assertThat(WindowsCommandLine.join(List.of("apply", "--auto-approve", "-f", "C:\\w\\a.yaml")))
        .isEqualTo("apply --auto-approve -f C:\\w\\a.yaml");
    assertThat(WindowsCommandLine.join(List.of("-f", "C:\\My Files\\", "")))
        .isEqualTo("-f \"C:\\My Files\\\\\" \"\"");
  }
}
