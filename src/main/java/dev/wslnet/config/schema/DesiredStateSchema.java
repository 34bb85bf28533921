package dev.wslnet.config.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code schemas/wslnet.schema.json}, the one source of truth for the structure of a desired-state
 * file, as the jar embeds it. Compiled on first use, once per process.
 */
public final class DesiredStateSchema {
  public static final String RESOURCE = "/schemas/wslnet.schema.json";

  /**
   * The keyword under which the schema keeps wslnet's own wording of an error, per failing keyword.
   */
  static final String MESSAGE_KEYWORD = "x-message";

  private final JsonNode json;
  private final Schema schema;
  private final Map<String, List<String>> propertyHomes;

  private DesiredStateSchema() {
    json = JsonMapper.builder().build().readTree(text());
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .errorMessageKeyword(MESSAGE_KEYWORD)
            .locale(Locale.ENGLISH)
            .build();
    schema =
        SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config))
            .getSchema(json);
    propertyHomes = new LinkedHashMap<>();
    collectPropertyHomes(json, "");
  }

  private static String load() {
    try (InputStream in = DesiredStateSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Holder {
    static final DesiredStateSchema INSTANCE = new DesiredStateSchema();
  }

  /**
   * Read without compiling the schema, for {@code schema} and {@code show}, which validate nothing.
   */
  private static final class Text {
    static final String TEXT = load();
  }

  private static final class Sections {
    static final List<String> ORDER =
        JsonMapper.builder().build().readTree(text()).path("properties").properties().stream()
            .map(Map.Entry::getKey)
            .toList();
  }

  /** The top-level properties in the schema's order, which is the order of a file's sections. */
  public static List<String> sections() {
    return Sections.ORDER;
  }

  public static DesiredStateSchema get() {
    return Holder.INSTANCE;
  }

  /** The schema's text, byte for byte as shipped, read without compiling the schema. */
  public static String text() {
    return Text.TEXT;
  }

  Schema compiled() {
    return schema;
  }

  /**
   * The schema object at a pointer of the schema document ({@code /properties/wslconfig}), or a
   * missing node.
   */
  JsonNode at(String pointer) {
    return json.at(pointer);
  }

  /** Every YAML path under which the schema defines a property with this name. */
  List<String> homesOf(String propertyName) {
    return propertyHomes.getOrDefault(propertyName, List.of());
  }

  private void collectPropertyHomes(JsonNode node, String yamlPath) {
    JsonNode properties = node.path("properties");
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      propertyHomes.computeIfAbsent(property.getKey(), k -> new ArrayList<>()).add(yamlPath);
      String childPath =
          yamlPath.isEmpty() ? property.getKey() : yamlPath + "." + property.getKey();
      JsonNode child = property.getValue();
      collectPropertyHomes(child, childPath);
      collectPropertyHomes(child.path("items"), childPath + "[]");
    }
  }
}
