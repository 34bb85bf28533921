package dev.wslnet.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The loader reads YAML from the parser's events, without snakeyaml-engine's {@code Composer}: on
 * random documents (block and flow styles, quoting, the core schema's scalars, anchors, aliases,
 * merge keys, duplicate and complex keys, comments) it gives the JSON, the positions and the
 * problems that composing the document and converting its nodes gives.
 */
class YamlLoaderComposerProperties {
  private static final CoreSchema SCHEMA = new CoreSchema();
  private static final Map<Tag, ConstructNode> CONSTRUCTORS = SCHEMA.getSchemaTagConstructors();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Property(tries = 400)
  void readsWhatTheComposerComposes(@ForAll long seed) {
    String yaml = new Writer(new Random(seed)).document();
    Expected expected;
    try {
      expected = Expected.of(yaml);
    } catch (RuntimeException e) {
      throw new AssertionError("the writer wrote YAML that does not compose:\n" + yaml, e);
    }
    LoadedYaml loaded = YamlLoader.load("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));

    assertThat(loaded.root().map(JsonNode::toString)).as(yaml).contains(expected.json.toString());
    Set<String> problems = new TreeSet<>();
    for (Diagnostic problem : loaded.problems()) {
      problems.add(problemKey(problem.code(), problem.span().orElseThrow(), problem.message()));
    }
    assertThat(problems).as(yaml).isEqualTo(expected.problems);
    SourceMap map = loaded.sourceMap();
    expected.places.forEach(
        (pointer, place) -> {
          assertThat(map.value(pointer)).as(yaml + pointer).contains(place.value());
          assertThat(map.keyOrValue(pointer))
              .as(yaml + pointer)
              .contains(place.key().orElse(place.value()));
          assertThat(map.yamlPath(pointer)).as(yaml + pointer).isEqualTo(place.yamlPath());
        });
  }

  private static String problemKey(Code code, SourceSpan span, String message) {
    return code + " " + span.line() + ":" + span.column() + " " + message;
  }

  private record Place(String yamlPath, Optional<SourceSpan> key, SourceSpan value) {}

  /**
   * What composing gives: snakeyaml-engine's Composer with the core schema (merge keys flattened),
   * its nodes converted one by one. Problems are counted once per place in the text, and the ones
   * inside a value that is dropped (a duplicate key's, a complex key's) count too.
   */
  private static final class Expected {
    final Map<String, Place> places = new LinkedHashMap<>();
    final Set<String> problems = new TreeSet<>();
    JsonNode json;

    static Expected of(String yaml) {
      LoadSettings settings =
          LoadSettings.builder()
              .setSchema(SCHEMA)
              .setUseMarks(true)
              .setAllowNonScalarKeys(true)
              .build();
      Node root =
          new Composer(
                  settings,
                  new ParserImpl(
                      settings, new ScannerImpl(settings, new StreamReader(settings, yaml))))
              .getSingleNode()
              .orElseThrow();
      Expected expected = new Expected();
      expected.json = expected.convert(root, "", "", Optional.empty(), true);
      return expected;
    }

    private JsonNode convert(
        Node node, String pointer, String yamlPath, Optional<SourceSpan> key, boolean record) {
      if (record) {
        places.putIfAbsent(pointer, new Place(yamlPath, key, span(node)));
      }
      if (node instanceof MappingNode mapping) {
        ObjectNode object = NODES.objectNode();
        Map<String, Mark> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
          if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
            problem(Code.YAML_SYNTAX, tuple.getKeyNode(), "a key must be a plain string");
            convert(tuple.getValueNode(), "", "", Optional.empty(), false);
            continue;
          }
          String name = keyNode.getValue();
          if (seen.containsKey(name)) {
            problem(
                Code.YAML_DUPLICATE_KEY,
                keyNode,
                "duplicate key `"
                    + name
                    + "`; it first appears on line "
                    + (seen.get(name).getLine() + 1));
            convert(tuple.getValueNode(), "", "", Optional.empty(), false);
            continue;
          }
          seen.put(name, keyNode.getStartMark().orElseThrow());
          object.set(
              name,
              convert(
                  tuple.getValueNode(),
                  JsonPointers.child(pointer, name),
                  YamlPaths.child(yamlPath, name),
                  Optional.of(span(keyNode)),
                  record));
        }
        return object;
      }
      if (node instanceof SequenceNode sequence) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < sequence.getValue().size(); i++) {
          array.add(
              convert(
                  sequence.getValue().get(i),
                  JsonPointers.child(pointer, i),
                  YamlPaths.item(yamlPath, i),
                  Optional.empty(),
                  record));
        }
        return array;
      }
      return scalar((ScalarNode) node);
    }

    private JsonNode scalar(ScalarNode node) {
      Tag tag = node.getTag();
      if (tag.equals(Tag.STR) || tag.equals(Tag.ENV_TAG) || tag.equals(Tag.MERGE)) {
        return NODES.stringNode(node.getValue());
      }
      ConstructNode constructor = CONSTRUCTORS.get(tag);
      if (constructor == null) {
        problem(Code.YAML_SYNTAX, node, "the tag " + tag.getValue() + " is not supported");
        return NODES.stringNode(node.getValue());
      }
      // Jackson's own mapping of Java values to JSON, not the loader's.
      Object value = constructor.construct(node);
      return value == null ? NODES.nullNode() : JSON.valueToTree(value);
    }

    private void problem(Code code, Node node, String message) {
      Mark mark = node.getStartMark().orElseThrow();
      problems.add(problemKey(code, SourceSpan.at(mark.getLine(), mark.getColumn()), message));
    }

    private static SourceSpan span(Node node) {
      Mark start = node.getStartMark().orElseThrow();
      Mark end = node.getEndMark().orElseThrow();
      int endColumn =
          end.getLine() == start.getLine() && end.getColumn() > start.getColumn()
              ? end.getColumn()
              : start.getColumn() + 1;
      return new SourceSpan(start.getLine(), start.getColumn(), endColumn);
    }
  }

  /**
   * Writes a random YAML document. Aliases name only anchors whose nodes are complete, merge keys
   * only anchored mappings, and tags are the ones every reader agrees on, so that the document is
   * one that composes.
   */
  private static final class Writer {
    private static final List<String> PLAIN =
        List.of(
            "abc",
            "yes",
            "no",
            "on",
            "1",
            "-2",
            "+12",
            "0o17",
            "0x1F",
            "0755",
            "1.5",
            "1e3",
            ".inf",
            "-.INF",
            "true",
            "False",
            "null",
            "~",
            "22:22",
            "${FOO}",
            "a b c",
            "123456789012345678901",
            "0.0.0.0",
            "$wsl",
            "TCP",
            "Any",
            "8000-8010");
    private static final List<String> QUOTED =
        List.of(
            "'it''s'",
            "\"tab\\there\"",
            "\"\"",
            "''",
            "\"1\"",
            "'null'",
            "\"caf\\u00e9\"",
            "'a: b'",
            "\"# not a comment\"");
    private static final List<String> TAGGED =
        List.of("!!str 1", "!!int 42", "!!float 1", "!!float 2.5", "!!bool true", "!foo bar");
    private static final List<String> KEYS =
        List.of(
            "a",
            "b",
            "c",
            "listenPort",
            "\"quoted key\"",
            "'x/y'",
            "\"~t\"",
            "1",
            "null",
            "\"a.b\"",
            "with space",
            "rules");

    private final Random random;
    private final List<String> anchors = new ArrayList<>();
    private final List<String> mappingAnchors = new ArrayList<>();
    private int nextAnchor;

    Writer(Random random) {
      this.random = random;
    }

    String document() {
      StringBuilder out = new StringBuilder();
      if (random.nextInt(4) == 0) {
        out.append("# a comment\n");
      }
      if (random.nextInt(3) == 0) {
        out.append("---\n");
      }
      if (random.nextInt(5) == 0) {
        out.append(flow(3)).append('\n');
      } else {
        blockMapping(out, 0, 3);
      }
      if (random.nextInt(4) == 0) {
        out.append("...\n");
      }
      return out.toString();
    }

    private boolean chance(int in) {
      return random.nextInt(in) == 0;
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    private String scalar() {
      return switch (random.nextInt(6)) {
        case 0, 1, 2 -> pick(PLAIN);
        case 3, 4 -> pick(QUOTED);
        default -> pick(TAGGED);
      };
    }

    /** An anchor for the node about to be written, remembered only once the node is complete. */
    private Optional<String> anchor() {
      return chance(5) ? Optional.of("a" + nextAnchor++) : Optional.empty();
    }

    private void complete(Optional<String> anchor, boolean mapping) {
      anchor.ifPresent(
          name -> {
            anchors.add(name);
            if (mapping) {
              mappingAnchors.add(name);
            }
          });
    }

    private String prefix(Optional<String> anchor) {
      return anchor.map(name -> "&" + name + " ").orElse("");
    }

    private void indent(StringBuilder out, int indent) {
      out.append(" ".repeat(indent));
    }

    private void blockMapping(StringBuilder out, int indent, int depth) {
      List<String> keys = new ArrayList<>();
      int entries = 1 + random.nextInt(4);
      for (int i = 0; i < entries; i++) {
        indent(out, indent);
        if (!mappingAnchors.isEmpty() && chance(6)) {
          out.append("<<: ");
          out.append(
              chance(2)
                  ? "*" + pick(mappingAnchors)
                  : "[*" + pick(mappingAnchors) + ", *" + pick(mappingAnchors) + "]");
          out.append('\n');
          continue;
        }
        if (chance(12)) {
          out.append("? [x, y]\n");
          indent(out, indent);
          out.append(": ").append(pick(PLAIN)).append('\n');
          continue;
        }
        String key = !keys.isEmpty() && chance(6) ? pick(keys) : pick(KEYS);
        keys.add(key);
        out.append(key).append(':');
        blockValue(out, indent, depth);
      }
    }

    /** A value after "key:" or "-", then its line break. */
    private void blockValue(StringBuilder out, int indent, int depth) {
      int kind = depth == 0 ? 0 : random.nextInt(6);
      if (kind == 0 || kind == 1) {
        if (!anchors.isEmpty() && chance(6)) {
          out.append(" *").append(pick(anchors)).append('\n');
          return;
        }
        if (chance(10)) {
          out.append('\n'); // no value: null
          return;
        }
        Optional<String> anchor = anchor();
        out.append(' ').append(prefix(anchor)).append(scalar());
        out.append(chance(8) ? " # comment\n" : "\n");
        complete(anchor, false);
      } else if (kind == 2) {
        out.append(' ').append(flow(depth - 1)).append('\n');
      } else if (kind == 3 || kind == 4) {
        Optional<String> anchor = anchor();
        out.append(anchor.map(name -> " &" + name).orElse("")).append('\n');
        blockMapping(out, indent + 2, depth - 1);
        complete(anchor, true);
      } else {
        Optional<String> anchor = anchor();
        out.append(anchor.map(name -> " &" + name).orElse("")).append('\n');
        int items = random.nextInt(4);
        if (items == 0) {
          indent(out, indent + 2);
          out.append("- x\n");
        }
        for (int i = 0; i < items; i++) {
          indent(out, indent + 2);
          out.append('-');
          if (chance(3)) {
            out.append('\n');
            blockMapping(out, indent + 4, depth - 1);
          } else {
            blockValue(out, indent + 2, depth - 1);
          }
        }
        complete(anchor, false);
      }
    }

    private String flow(int depth) {
      if (depth <= 0 || chance(3)) {
        if (!anchors.isEmpty() && chance(6)) {
          return "*" + pick(anchors);
        }
        return chance(2) ? pick(QUOTED) : pick(List.of("abc", "1", "true", "null", "1.5", "x y"));
      }
      Optional<String> anchor = anchor();
      StringBuilder out = new StringBuilder(prefix(anchor));
      boolean mapping = chance(2);
      int entries = random.nextInt(4);
      out.append(mapping ? '{' : '[');
      for (int i = 0; i < entries; i++) {
        if (i > 0) {
          out.append(", ");
        }
        if (mapping) {
          out.append(pick(List.of("a", "b", "\"c d\"", "e"))).append(": ");
        }
        out.append(flow(depth - 1));
      }
      out.append(mapping ? '}' : ']');
      complete(anchor, mapping);
      return out.toString();
    }
  }
}
