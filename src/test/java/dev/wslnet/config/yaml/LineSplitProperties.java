package dev.wslnet.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The source lines that diagnostics quote: a file split where YAML ends a line (LF, CRLF, or CR
 * alone), whichever of the loader's two paths, with and without CR, splits it.
 */
class LineSplitProperties {

  @Property(tries = 2000)
  void linesEndAtLfCrlfAndCr(@ForAll("texts") String text) {
    assertThat(YamlLoader.lines(text))
        .as("%s", text.replace("\r", "\\r").replace("\n", "\\n"))
        .isEqualTo(Arrays.asList(text.split("\r\n|\r|\n", -1)));
  }

  /** Short texts of letters, spaces and line breaks; half of them without CR. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("a: \n").ofMaxLength(12),
        Arbitraries.strings().withChars("a: \n\r").ofMaxLength(12));
  }
}
