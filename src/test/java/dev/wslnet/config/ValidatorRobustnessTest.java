package dev.wslnet.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.config.schema.DesiredStateSchema;
import dev.wslnet.diagnostic.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Whatever bytes arrive, validate answers with diagnostics: never an exception (a property fails on
 * one), an invalid file always with at least one located error, and every position inside the file.
 */
class ValidatorRobustnessTest {
  private static final DesiredStateValidator VALIDATOR = new DesiredStateValidator();
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Property(tries = 300)
  void anyBytesGiveAReportWithAnError(@ForAll @Size(max = 300) byte[] bytes) {
    FileReport report = VALIDATOR.validate("fuzz.yaml", bytes);
    // No run of at most 300 random bytes holds `version: 1` and nothing wrong besides.
    assertThat(report.hasErrors()).as(report.diagnostics().toString()).isTrue();
    report
        .diagnostics()
        .forEach(
            d -> assertWellFormed(d, lineCount(new String(bytes, StandardCharsets.ISO_8859_1))));
  }

  @Property(tries = 500)
  void yamlLikeTextGivesAReportWithPositionsInsideTheFile(@ForAll("yamlish") String text) {
    FileReport report = VALIDATOR.validate("fuzz.yaml", text.getBytes(StandardCharsets.UTF_8));
    report.diagnostics().forEach(d -> assertWellFormed(d, lineCount(text)));
  }

  /**
   * Every key the schema defines, in every example, given a value of every wrong shape: the rules
   * that read a file the schema rejects must not trip over a list where they expect a word.
   */
  @Test
  void everyKeyWithEveryShapeOfValueGivesAReport() throws Exception {
    List<JsonNode> shapes =
        List.of(
            MAPPER.readTree("[]"),
            MAPPER.readTree("[\"TCP\", 80]"),
            MAPPER.readTree("{\"a\": 1}"),
            MAPPER.readTree("true"),
            MAPPER.readTree("1.5"),
            MAPPER.readTree("null"),
            MAPPER.readTree("\"x\""),
            MAPPER.readTree("-1"),
            MAPPER.readTree("99999999999999999999"));
    List<List<String>> paths = new ArrayList<>();
    keyPaths(MAPPER.readTree(DesiredStateSchema.text()), new ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(50);
    int checked = 0;
    try (Stream<Path> examples = Files.list(Path.of("examples"))) {
      for (Path example : examples.sorted().toList()) {
        JsonNode base = YAML.readTree(example.toFile());
        for (List<String> path : paths) {
          for (JsonNode shape : shapes) {
            ObjectNode document = (ObjectNode) base.deepCopy();
            put(document, path, shape);
            String text = YAML.writeValueAsString(document);
            FileReport report =
                VALIDATOR.validate("fuzz.yaml", text.getBytes(StandardCharsets.UTF_8));
            report.diagnostics().forEach(d -> assertWellFormed(d, lineCount(text)));
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  /** The path of every property the schema defines; "[]" stands for an item of a list. */
  private static void keyPaths(JsonNode schema, List<String> prefix, List<List<String>> paths) {
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(property.getKey());
      paths.add(path);
      keyPaths(property.getValue(), path, paths);
      if (property.getValue().has("items")) {
        List<String> item = new ArrayList<>(path);
        item.add("[]");
        keyPaths(property.getValue().get("items"), item, paths);
      }
    }
  }

  /** Sets the value at the path, making the mappings and the first list item on the way. */
  private static void put(ObjectNode document, List<String> path, JsonNode value) {
    JsonNode parent = document;
    for (int i = 0; i < path.size() - 1; i++) {
      String step = path.get(i);
      boolean listNext = path.get(i + 1).equals("[]");
      if (step.equals("[]")) {
        continue;
      }
      JsonNode child = parent.path(step);
      if (listNext) {
        if (!child.isArray() || child.isEmpty() || !child.get(0).isObject()) {
          ArrayNode list = ((ObjectNode) parent).putArray(step);
          list.addObject();
          child = list;
        }
        parent = child.get(0);
      } else {
        if (!child.isObject()) {
          child = ((ObjectNode) parent).putObject(step);
        }
        parent = child;
      }
    }
    ((ObjectNode) parent).set(path.get(path.size() - 1), value);
  }

  /**
   * A diagnostic a user can act on: a message in words (no exception text), inside the file when
   * located.
   */
  private static void assertWellFormed(Diagnostic diagnostic, int lines) {
    assertThat(diagnostic.file()).isEqualTo("fuzz.yaml");
    assertThat(diagnostic.severity()).isEqualTo(diagnostic.code().severity());
    assertThat(diagnostic.message())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("java.");
    diagnostic
        .span()
        .ifPresent(
            span -> {
              assertThat(span.lineNumber()).as(diagnostic.toString()).isBetween(1, lines);
              assertThat(span.columnNumber()).as(diagnostic.toString()).isPositive();
            });
  }

  /**
   * Lines as a YAML reader counts them: CR, LF and CRLF each end one, and a last line may have no
   * end.
   */
  private static int lineCount(String text) {
    return text.split("\r\n|\r|\n", -1).length;
  }

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "version: 1\n",
            "wslconfig:\n",
            "  wsl2:\n",
            "    networkingMode: ",
            "mirrored",
            "nat\n",
            "portProxy:\n",
            "  rules:\n",
            "    - ",
            "listenPort: ",
            "70000",
            "\n",
            "  ",
            "\t",
            "&a ",
            "*a",
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            "'",
            "\"",
            "#",
            "---\n",
            "~",
            "null",
            "yes",
            "- ",
            "? ",
            "|\n",
            ">\n",
            "!!str ",
            "!x ",
            "$wsl",
            "\r\n");
    return tokens.list().ofMaxSize(40).map(list -> String.join("", list));
  }
}
