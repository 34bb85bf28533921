package dev.wslnet.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.Fix;
import dev.wslnet.wslconfig.WslConfigLint;
import dev.wslnet.wslconfig.WslConfigParser;
import dev.wslnet.wslconfig.WslConfigText;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rule's fix, as SARIF's help shows it, is proven on its example: wslnet reports the code on
 * the file before and nothing at all on the file after.
 */
class DiagnosticFixesTest {
  private static final DesiredStateValidator VALIDATOR = new DesiredStateValidator();

  /** Problems no short file can show: the fix is a sentence. */
  private static final Set<Code> WITHOUT_EXAMPLE =
      EnumSet.of(Code.FILE_UNREADABLE, Code.FILE_TOO_LARGE, Code.YAML_LIMIT);

  @ParameterizedTest
  @EnumSource(Code.class)
  void everyFixIsProvenOnItsExample(Code code) {
    Fix fix = Fix.of(code);
    assertThat(fix.how()).isNotBlank().endsWith(".");
    switch (fix.language().orElse("none")) {
      case "yaml" -> {
        assertThat(codes(validate(fix.before().orElseThrow()))).contains(code);
        assertThat(validate(fix.after().orElseThrow())).isEmpty();
      }
      case "ini" -> {
        assertThat(codes(lint(fix.before().orElseThrow()))).contains(code);
        assertThat(lint(fix.after().orElseThrow())).isEmpty();
      }
      case "powershell" -> {
        // What to run on Windows, which no test here can run.
        assertThat(fix.before()).isEmpty();
        assertThat(fix.after()).isPresent();
      }
      default -> {
        assertThat(code).isIn(WITHOUT_EXAMPLE);
        assertThat(fix.before()).isEmpty();
        assertThat(fix.after()).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Code.class)
  void helpMarkdownNamesTheRuleAndShowsTheFix(Code code) {
    Fix fix = Fix.of(code);
    String markdown = fix.markdown();
    assertThat(markdown)
        .startsWith("**" + code.title() + "** (" + code.id() + ")")
        .contains("**How to fix:** " + fix.how());
    fix.after().ifPresent(after -> assertThat(markdown).contains(after).endsWith("```\n"));
    assertThat(markdown.split("```", -1)).as("fences come in pairs").hasSize(oddFences(fix));
  }

  private static int oddFences(Fix fix) {
    return 1 + 2 * (fix.before().isPresent() ? 1 : 0) + 2 * (fix.after().isPresent() ? 1 : 0);
  }

  private static List<Diagnostic> validate(String yaml) {
    return VALIDATOR.validate("fix.yaml", yaml.getBytes(StandardCharsets.UTF_8)).diagnostics();
  }

  private static List<Diagnostic> lint(String wslconfig) {
    return WslConfigLint.check(
        WslConfigParser.parse(WslConfigText.decode(wslconfig.getBytes(StandardCharsets.UTF_8))),
        ".wslconfig");
  }

  private static List<Code> codes(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::code).toList();
  }
}
