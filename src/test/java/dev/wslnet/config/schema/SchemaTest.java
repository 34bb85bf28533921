package dev.wslnet.config.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.wslnet.model.WslKey;
import dev.wslnet.model.WslSection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SchemaTest {
  private final DesiredStateSchema schema = DesiredStateSchema.get();

  @ParameterizedTest
  @EnumSource(WslSection.class)
  void definesExactlyTheWslKeysOfEachSection(WslSection section) {
    List<String> inSchema = new ArrayList<>();
    schema
        .at("/properties/wslconfig/properties/" + section.fileName() + "/properties")
        .propertyNames()
        .forEach(inSchema::add);
    List<String> inModel =
        Arrays.stream(WslKey.values())
            .filter(k -> k.section() == section)
            .map(WslKey::fileName)
            .toList();
    assertThat(inSchema).containsExactlyInAnyOrderElementsOf(inModel);
  }

  /** Every schema object that defines properties, by path, the root included. */
  private static Map<String, JsonNode> objects(
      JsonNode node, String path, Map<String, JsonNode> found) {
    if (node.has("properties")) {
      found.put(path, node);
    }
    for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
      objects(property.getValue(), path + "/" + property.getKey(), found);
      objects(property.getValue().path("items"), path + "/" + property.getKey() + "[]", found);
    }
    return found;
  }

  @Test
  void everyPropertyHasATitleAndADescription() {
    List<String> missing = new ArrayList<>();
    objects(schema.at(""), "", new java.util.TreeMap<>())
        .forEach(
            (path, object) ->
                object
                    .path("properties")
                    .properties()
                    .forEach(
                        property -> {
                          JsonNode value = property.getValue();
                          if (!value.path("title").isString()
                              || !value.path("description").isString()) {
                            missing.add(path + "/" + property.getKey());
                          }
                        }));
    assertThat(missing).isEmpty();
  }

  @Test
  void objectsRejectUnknownKeys() {
    List<String> open = new ArrayList<>();
    objects(schema.at(""), "", new java.util.TreeMap<>())
        .forEach(
            (path, object) -> {
              if (!object.path("additionalProperties").isBoolean()) {
                open.add(path);
              }
            });
    assertThat(open).isEmpty();
  }

  /** Every schema object in the document, by JSON pointer. */
  private static Map<String, JsonNode> everySchema(
      JsonNode node, String pointer, Map<String, JsonNode> found) {
    if (node.isObject()) {
      found.put(pointer, node);
      node.properties()
          .forEach(entry -> everySchema(entry.getValue(), pointer + "/" + entry.getKey(), found));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        everySchema(node.get(i), pointer + "/" + i, found);
      }
    }
    return found;
  }

  @Test
  void wordsEveryPatternAsEditorsAndAjvShowIt() {
    List<String> unworded = new ArrayList<>();
    List<String> notText = new ArrayList<>();
    List<String> drifted = new ArrayList<>();
    everySchema(schema.at(""), "", new TreeMap<>())
        .forEach(
            (pointer, node) -> {
              if (node.path("pattern").isString()
                  && schema.messageAt(pointer + "/pattern").isEmpty()) {
                unworded.add(pointer);
              }
              if (node.has(DesiredStateSchema.MESSAGE_KEYWORD)
                  && !node.get(DesiredStateSchema.MESSAGE_KEYWORD).isString()) {
                notText.add(pointer);
              }
              // A branch repeats its oneOf's wording for the editor, which reads the branch's.
              node.path("oneOf")
                  .forEach(
                      branch -> {
                        if (branch.has(DesiredStateSchema.MESSAGE_KEYWORD)
                            && !branch
                                .get(DesiredStateSchema.MESSAGE_KEYWORD)
                                .equals(node.get(DesiredStateSchema.MESSAGE_KEYWORD))) {
                          drifted.add(pointer);
                        }
                      });
            });
    assertThat(unworded).as("patterns an editor would show as a regular expression").isEmpty();
    assertThat(notText).as("messages the YAML language server cannot show").isEmpty();
    assertThat(drifted).as("branches worded otherwise than their oneOf").isEmpty();
  }

  /**
   * What an editor offers and inserts (examples, defaults, the documented spellings beside a
   * pattern) is a value the schema accepts where it is offered.
   */
  @Test
  void everyValueOfferedIsAccepted() {
    JsonNode root = schema.at("");
    List<String> rejected = new ArrayList<>();
    int offered = 0;
    for (Map.Entry<String, JsonNode> entry : everySchema(root, "", new TreeMap<>()).entrySet()) {
      String pointer = entry.getKey();
      JsonNode node = entry.getValue();
      List<JsonNode> values = new ArrayList<>();
      node.path("examples").forEach(values::add);
      if (node.has("default")) {
        values.add(node.get("default"));
      }
      String offeredAt = pointer;
      if (pointer.matches(".*/oneOf/\\d+$")) {
        node.path("enum").forEach(values::add);
        offeredAt = pointer.replaceFirst("/oneOf/\\d+$", "");
      }
      if (values.isEmpty()) {
        continue;
      }
      ObjectNode standalone = (ObjectNode) root.at(offeredAt).deepCopy();
      standalone.set("$defs", root.get("$defs"));
      var compiled =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(standalone);
      for (JsonNode value : values) {
        offered++;
        if (!compiled.validate(value).isEmpty()) {
          rejected.add(offeredAt + ": " + value);
        }
      }
    }
    assertThat(offered).as("values offered").isGreaterThan(20);
    assertThat(rejected).isEmpty();
  }

  @Test
  void isAValidDraft202012Schema() {
    var metaSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                com.networknt.schema.SchemaLocation.of(
                    "https://json-schema.org/draft/2020-12/schema"));
    JsonNode document = JsonMapper.builder().build().readTree(DesiredStateSchema.text());
    assertThat(metaSchema.validate(document)).isEmpty();
    JsonNode broken = JsonMapper.builder().build().readTree("{\"type\": 5, \"properties\": []}");
    assertThat(metaSchema.validate(broken)).as("the meta-schema check can fail").isNotEmpty();
  }
}
