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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
