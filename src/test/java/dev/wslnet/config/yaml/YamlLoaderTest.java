package dev.wslnet.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class YamlLoaderTest {

  private static LoadedYaml load(String text) {
    return YamlLoader.load("t.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode valueOf(String scalar) {
    LoadedYaml loaded = load("a: " + scalar + "\n");
    assertThat(loaded.problems()).isEmpty();
    return loaded.root().orElseThrow().get("a");
  }

  @ParameterizedTest(name = "{0} is a string")
  @CsvSource({"yes", "on", "no", "off", "22:22", "y"})
  void yaml11ScalarsAreStrings(String scalar) {
    assertThat(valueOf(scalar).isString()).isTrue();
  }

  @Test
  void coreSchemaScalars() {
    assertThat(valueOf("~").isNull()).isTrue();
    assertThat(valueOf("null").isNull()).isTrue();
    assertThat(valueOf("True").isBoolean()).isTrue();
    assertThat(valueOf("false").asBoolean()).isFalse();
    assertThat(valueOf("0755").asInt()).as("never octal").isEqualTo(755);
    assertThat(valueOf("0o17").asInt()).isEqualTo(15);
    assertThat(valueOf("0x10").asInt()).isEqualTo(16);
    assertThat(valueOf(".inf").asDouble()).isInfinite();
    assertThat(valueOf("12345678901234").asLong()).isEqualTo(12345678901234L);
    assertThat(valueOf("123456789012345678901234567890").bigIntegerValue())
        .hasToString("123456789012345678901234567890");
  }

  @Test
  void recordsKeyAndValuePositionsPerPointer() {
    LoadedYaml loaded = load("version: 1\nportProxy:\n  rules:\n    - listenPort: 70000\n");
    SourceMap map = loaded.sourceMap();
    assertThat(map.value("/portProxy/rules/0/listenPort")).contains(new SourceSpan(3, 18, 23));
    assertThat(map.keyOrValue("/portProxy/rules/0/listenPort")).contains(new SourceSpan(3, 6, 16));
    assertThat(map.yamlPath("/portProxy/rules/0/listenPort"))
        .isEqualTo("portProxy.rules[0].listenPort");
    assertThat(map.yamlPath("/portProxy/rules/0/missing")).isEqualTo("portProxy.rules[0].missing");
  }

  @Test
  void crlfAndBomKeepLineNumbers() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "a: 1\r\nb: 2\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, 3);
    System.arraycopy(body, 0, bytes, 3, body.length);
    LoadedYaml loaded = YamlLoader.load("t.yaml", bytes);
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.sourceMap().value("/b")).contains(new SourceSpan(1, 3, 4));
  }

  @Test
  void duplicateKeysAreReportedAtTheSecondKeyAndTheFirstWins() {
    LoadedYaml loaded = load("a: 1\nb: 2\na: 3\n");
    assertThat(loaded.root().orElseThrow().get("a").asInt()).isEqualTo(1);
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.YAML_DUPLICATE_KEY);
              assertThat(d.span()).contains(SourceSpan.at(2, 0));
              assertThat(d.message()).contains("line 1");
            });
  }

  @Test
  void tabsAreASyntaxErrorWithAHint() {
    Diagnostic problem = onlyProblem(load("a:\n\tb: 1\n"));
    assertThat(problem.code()).isEqualTo(Code.YAML_SYNTAX);
    assertThat(problem.span().orElseThrow().lineNumber()).isEqualTo(2);
    assertThat(problem.hint()).hasValueSatisfying(h -> assertThat(h).contains("tab"));
  }

  @Test
  void notYamlAtAll() {
    Diagnostic problem = onlyProblem(load("a: [1, 2\nb: }\n"));
    assertThat(problem.code()).isEqualTo(Code.YAML_SYNTAX);
    assertThat(problem.span()).isPresent();
  }

  @Test
  void emptyAndCommentOnlyFiles() {
    assertThat(onlyProblem(load("")).code()).isEqualTo(Code.DOCUMENT_COUNT);
    assertThat(onlyProblem(load("# just a comment\n\n")).code()).isEqualTo(Code.DOCUMENT_COUNT);
  }

  @Test
  void severalDocumentsAreRefusedAtTheSecond() {
    Diagnostic problem = onlyProblem(load("version: 1\n---\nversion: 1\n"));
    assertThat(problem.code()).isEqualTo(Code.DOCUMENT_COUNT);
    assertThat(problem.span().orElseThrow().lineNumber()).isEqualTo(2);
  }

  @Test
  void nonUtf8BytesAreLocated() {
    byte[] bytes = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Diagnostic problem = onlyProblem(YamlLoader.load("t.yaml", bytes));
    assertThat(problem.code()).isEqualTo(Code.NOT_UTF8);
    assertThat(problem.span()).contains(SourceSpan.at(1, 6));
    assertThat(problem.message()).contains("0xE9").contains("offset 11");
  }

  @Test
  void aliasBombIsCapped() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 5; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    assertThat(onlyProblem(load(yaml.toString())).code()).isEqualTo(Code.YAML_LIMIT);
  }

  /**
   * Issue 10: a self-referencing alias crashed validate, plan and apply with StackOverflowError.
   */
  @Test
  void anAliasInsideTheNodeItNamesIsACycle() {
    for (String yaml : List.of("a: &a [*a]\n", "a: &a {b: *a}\n", "a: &a\n  - x\n  - [y, *a]\n")) {
      Diagnostic problem = onlyProblem(load(yaml));
      assertThat(problem.code()).as(yaml).isEqualTo(Code.YAML_LIMIT);
      assertThat(problem.message()).contains("*a").contains("contain itself");
    }
    assertThat(load("a: &a [x]\nb: *a\n").problems()).as("an alias after its node").isEmpty();
  }

  /** Issue 10: a big file without aliases was said to have aliases that expand too far. */
  @Test
  void aHugeFileWithoutAliasesIsSaidToBeHuge() {
    String yaml = "a: [\n" + "1,\n".repeat(YamlLoader.MAX_NODES) + "1]\n";
    Diagnostic problem = onlyProblem(load(yaml));
    assertThat(problem.code()).isEqualTo(Code.YAML_LIMIT);
    assertThat(problem.message()).contains("YAML nodes").doesNotContain("alias");
  }

  /**
   * A 15 MB token took snakeyaml-engine minutes (its reader's work grows with the square of a
   * token's length): a line longer than the cap is refused before it is parsed, where it starts to
   * be too long, and without quoting it.
   */
  @Test
  void aLineLongerThanTheCapIsRefusedBeforeParsing() {
    String longest = "b: " + "x".repeat(YamlLoader.MAX_LINE - 3);
    assertThat(load("a: 1\n" + longest + "\n").problems()).isEmpty();

    Diagnostic problem = onlyProblem(load("a: 1\n" + longest + "x\nc: 2\n"));
    assertThat(problem.code()).isEqualTo(Code.YAML_LIMIT);
    assertThat(problem.span()).contains(SourceSpan.at(1, YamlLoader.MAX_LINE));
    assertThat(problem.sourceLine()).isEmpty();
    assertThat(problem.message()).contains(Integer.toString(YamlLoader.MAX_LINE + 1));
  }

  @Test
  void tooManyAliasesAreCapped() {
    StringBuilder yaml = new StringBuilder("a: &a [1]\nb: [");
    for (int i = 0; i < YamlLoader.MAX_ALIASES + 5; i++) {
      yaml.append(i == 0 ? "" : ", ").append("*a");
    }
    yaml.append("]\n");
    assertThat(onlyProblem(load(yaml.toString())).code()).isEqualTo(Code.YAML_LIMIT);
  }

  @Test
  void deepNestingIsRefusedBeforeItOverflowsTheStack() {
    String yaml = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    Diagnostic problem = onlyProblem(load(yaml));
    assertThat(problem.code()).isEqualTo(Code.YAML_LIMIT);
    assertThat(problem.message()).contains(Integer.toString(YamlLoader.MAX_DEPTH));
  }

  @Test
  void oversizedInputIsRefusedUnread() {
    byte[] bytes = new byte[YamlLoader.MAX_BYTES + 1];
    assertThat(onlyProblem(YamlLoader.load("t.yaml", bytes)).code()).isEqualTo(Code.FILE_TOO_LARGE);
  }

  @Test
  void unknownTagsAreReported() {
    LoadedYaml loaded = load("a: !Ref x\n");
    assertThat(loaded.problems()).extracting(Diagnostic::code).containsExactly(Code.YAML_SYNTAX);
  }

  /** A complex key is reported where it stands, and the rest of the file is still read. */
  @Test
  void complexKeysAreReported() {
    LoadedYaml loaded = load("version: 1\n? [a, b]\n: 1\n");
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.YAML_SYNTAX);
              assertThat(d.span()).contains(SourceSpan.at(1, 2));
            });
    assertThat(loaded.root().orElseThrow().toString()).isEqualTo("{\"version\":1}");
  }

  /**
   * A tag of the core schema on a value not of its kind crashed the loader (!!int abc threw a
   * NumberFormatException); other tags of snakeyaml-engine made text like "[B@1f2a".
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "!!int abc|`abc` is not a value of the tag !!int",
        "!!float x|`x` is not a value of the tag !!float",
        "!!bool maybe|`maybe` is not a value of the tag !!bool",
        "!!null x|`x` is not a value of the tag !!null",
        "!!binary aGk=|the tag !!binary is not supported",
        "!!java.util.UUID 0|the tag !!java.util.UUID is not supported"
      })
  void aTaggedValueNotOfItsKindIsReportedAndReadAsText(String value, String message) {
    LoadedYaml loaded = load("a: " + value + "\n");
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.YAML_SYNTAX);
              assertThat(d.message()).isEqualTo(message);
              assertThat(d.span()).contains(SourceSpan.at(0, 3));
            });
    assertThat(loaded.root().orElseThrow().get("a").isString()).isTrue();
  }

  @Test
  void taggedValuesOfTheirKind() {
    assertThat(valueOf("!!float 1").asDouble()).isEqualTo(1.0);
    assertThat(valueOf("!!str 1").asString()).isEqualTo("1");
    assertThat(valueOf("!!int 0x10").asInt()).isEqualTo(16);
  }

  /** YAML 1.2 has no substitution: only snakeyaml-engine's resolver gave ${NAME} a tag. */
  @Test
  void dollarBracesAreText() {
    assertThat(valueOf("${WSL_IP}").asString()).isEqualTo("${WSL_IP}");
    assertThat(valueOf("<<").asString()).as("a merge key only acts as a key").isEqualTo("<<");
  }

  @Test
  void mergeKeysMergeAndPointAtWhereTheMergedValuesStand() {
    LoadedYaml loaded =
        load("base: &base {listenPort: 80, protocol: TCP}\nrule:\n  <<: *base\n  listenPort: 81\n");
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.root().orElseThrow().get("rule").toString())
        .isEqualTo("{\"listenPort\":81,\"protocol\":\"TCP\"}");
    assertThat(loaded.sourceMap().value("/rule/protocol")).contains(new SourceSpan(0, 39, 42));
    assertThat(loaded.sourceMap().value("/rule/listenPort")).contains(new SourceSpan(3, 14, 16));
  }

  @Test
  void aMergeOfSomethingElseIsRefusedWhereItIs() {
    Diagnostic problem = onlyProblem(load("a: 1\nb:\n  <<: [x]\n"));
    assertThat(problem.code()).isEqualTo(Code.YAML_SYNTAX);
    assertThat(problem.message()).contains("merge key");
    assertThat(problem.span()).as("at the merge key's value").contains(SourceSpan.at(2, 6));
  }

  /**
   * Merged content counts once against the node cap: counted at each level of nested merges, 29
   * levels overflowed the count and let an alias bomb through, and 17 merged rules were refused.
   */
  @Test
  void mergesCountOnceAgainstTheNodeCap() {
    StringBuilder chain = new StringBuilder("rules:\n  - &r0 {a: 1, b: 2, c: 3}\n");
    for (int i = 1; i < 40; i++) {
      chain.append("  - &r").append(i).append(" {<<: *r").append(i - 1).append(", a: ").append(i);
      chain.append("}\n");
    }
    assertThat(load(chain.toString()).problems()).isEmpty();

    StringBuilder bomb =
        new StringBuilder("neg: &neg ")
            .append("{<<: ".repeat(40))
            .append("{k: 1}")
            .append("}".repeat(40))
            .append("\nuse: *neg\na0: &a0 [")
            .append("1, ".repeat(999))
            .append("1]\n");
    for (int i = 1; i < 13; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1);
      bomb.append(", *a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    assertThat(onlyProblem(load(bomb.toString())).message()).contains("aliases expand");
  }

  /** The cap is of the document's values, as JSON counts them: keys do not count. */
  @Test
  void keysDoNotCountAgainstTheNodeCap() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 300_000; i++) {
      yaml.append('k').append(i).append(": 1\n");
    }
    assertThat(load(yaml.toString()).problems()).isEmpty();
  }

  @Test
  void anExplicitMergeTagMerges() {
    LoadedYaml loaded = load("a:\n  !!merge <<: {b: 1}\n  c: 2\n");
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.root().orElseThrow().get("a").toString()).isEqualTo("{\"c\":2,\"b\":1}");
  }

  /** The core schema's pattern takes these; snakeyaml-engine's constructor threw on them. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"+.inf", "!!float 0x1F", "!!float 0o17"})
  void numbersTheConstructorCannotReadAreLocated(String value) {
    LoadedYaml loaded = load("a: " + value + "\n");
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).contains("cannot be read as !!float");
              assertThat(d.span()).contains(SourceSpan.at(0, 3));
            });
  }

  /** A problem found where an alias is used is reported there, not at its anchor. */
  @Test
  void problemsThroughAnAliasAreReportedWhereItIsUsed() {
    Diagnostic merge = onlyProblem(load("x: &s text\ny:\n  <<: *s\n"));
    assertThat(merge.span()).contains(SourceSpan.at(2, 6));
    LoadedYaml key = load("x: &m {a: 1}\ny:\n  *m : 1\n");
    assertThat(key.problems())
        .singleElement()
        .satisfies(d -> assertThat(d.span()).contains(SourceSpan.at(2, 2)));
  }

  @Test
  void anAliasWithoutAnAnchorIsLocated() {
    Diagnostic problem = onlyProblem(load("a: 1\nb: *nowhere\n"));
    assertThat(problem.message()).isEqualTo("the alias *nowhere names no anchor before it");
    assertThat(problem.span()).contains(SourceSpan.at(1, 3));
  }

  private static Diagnostic onlyProblem(LoadedYaml loaded) {
    assertThat(loaded.root()).isEmpty();
    List<Diagnostic> problems = loaded.problems();
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }
}
