package dev.wslnet.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.cli.CliRun;
import dev.wslnet.testing.SimDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: newlines in names and messages (a text line began {@code ::error file=…}, which GitHub
 * Actions reads as an annotation), ESC sequences and right-to-left overrides reached the terminal
 * raw.
 */
class VisibleTest {
  @TempDir Path temp;

  @Test
  void controlAndBidiCharactersAreEscapedTabsStay() {
    assertThat(Visible.of("a\nb\rc\u001b[2Jd\u0000e\u202ef\u2066g\u0085h\ti"))
        .isEqualTo("a\\nb\\rc\\x1b[2Jd\\x00e\\u202ef\\u2066g\\x85h\ti");
    assertThat(Visible.of("plain text, é and 中")).isEqualTo("plain text, é and 中");
    assertThat(Visible.of("x".repeat(100), 10)).isEqualTo("x".repeat(10) + "…");
  }

  @Test
  void validateTextNeverStartsALineWithData() throws Exception {
    Path file =
        Files.writeString(
            temp.resolve("evil.yaml"),
            """
            version: 1
            windowsFirewall:
              group: wslnet
              rules:
                - {name: "web*\\n::error file=x::pwned \\e[2J \\u202E"}
            """);
    CliRun validate = CliRun.run("validate", file.toString());
    assertThat(validate.exitCode()).isEqualTo(1);
    assertClean(validate.out());
    assertThat(validate.out()).contains("web*\\n::error file=x::pwned \\x1b[2J \\u202e");
  }

  @Test
  void planTextShowsHostNamesEscaped() {
    SimDir host =
        SimDir.fresh(temp)
            .edit(
                root ->
                    root.withObject("windowsFirewall")
                        .withArray("rules")
                        .addObject()
                        .put("name", "evil\n::error::x\u001b[31m\u202e")
                        .put("group", "wslnet"));
    Path file = temp.resolve("wslnet.yaml");
    CliRun plan;
    try {
      Files.writeString(file, "version: 1\nwindowsFirewall:\n  group: wslnet\n  prune: true\n");
      plan = CliRun.run("plan", "-f", file.toString(), "--host", host.spec());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertClean(plan.out());
    assertThat(plan.out()).contains("evil\\n::error::x\\x1b[31m\\u202e");
  }

  private static void assertClean(String out) {
    assertThat(out.lines()).noneMatch(line -> line.startsWith("::"));
    assertThat(out).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\r");
  }
}
